"""The word tokens of a document, as the places stage reads them.

:class:`Words` keeps, per word token of the ``segment`` stage, its text
(:attr:`Words.texts`), sentence (:attr:`Words.sent`) and what separates it from
the previous word (only spaces or a hyphen: :attr:`Words.joined`; only a comma:
:attr:`Words.comma`). Hot loops read these lists; a :class:`Word` tuple is made
on demand for the rest.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import NamedTuple, Sequence, overload

from ..mentions import Sentence, Token


class Word(NamedTuple):
    """One word token with its context (a named tuple: cheap to make)."""

    text: str
    nstart: int
    nend: int
    sentence: int
    joined: bool  # only spaces (or a hyphen) separate it from the previous word
    comma: bool  # a comma (only) separates it from the previous word
    gap: str = ""  # the punctuation between it and the previous word


class Words(Sequence[Word]):
    """The word tokens of a document; each :class:`Word` is built when first read.

    Scanning needs only the lists (:attr:`texts`, :attr:`joined`, :attr:`sent`
    ...), so most words never become objects: that keeps the stage fast on long
    articles.
    """

    def __init__(self, tokens: Sequence[Token], sentences: Sequence[Sentence]) -> None:
        self.tokens = tokens
        self.idx = idx = [i for i, t in enumerate(tokens) if t.kind == "word"]
        self.texts = [tokens[i].text for i in idx]
        n = len(idx)
        # joined: only spaces (or hyphens) since the previous word; most words are
        # the very next token, the rest look at the punctuation between
        self.joined = [True] * n
        self.comma = [False] * n
        for k in [k for k in range(1, n) if idx[k] != idx[k - 1] + 1]:
            if idx[k] - idx[k - 1] == 2:  # (one token between, the usual case)
                g = tokens[idx[k] - 1].text
                self.joined[k] = g == "-"
                self.comma[k] = g in "،,"
                continue
            gap = [tokens[t].text for t in range(idx[k - 1] + 1, idx[k])]
            self.joined[k] = all(g == "-" for g in gap)
            self.comma[k] = all(g in "،," for g in gap)
        # sentence of each word: the last sentence starting at or before it (the
        # first one for words before any); word offsets ascend, so each sentence
        # is one run of word indices
        self.sent = sent = []
        last = 0
        def start(k: int) -> int:
            return tokens[k].nstart

        for j in range(1, len(sentences)):
            b = bisect_left(idx, sentences[j].nstart, last, key=start)
            sent += [j - 1] * (b - last)
            last = b
        sent += [max(0, len(sentences) - 1)] * (n - last)
        self._cache: dict[int, Word] = {}

    def __len__(self) -> int:
        return len(self.idx)

    @overload
    def __getitem__(self, i: int) -> Word: ...

    @overload
    def __getitem__(self, i: slice) -> list[Word]: ...

    def __getitem__(self, i: int | slice) -> Word | list[Word]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self.idx)
        w = self._cache.get(i)
        if w is None:
            w = self._cache[i] = self._make(i)
        return w

    def joined_at(self, i: int) -> bool:
        """Word i follows word i-1 with only spaces (or a hyphen) between."""
        return 0 < i < len(self.idx) and self.joined[i]

    def run(self, i: int, most: int) -> int:
        """How many words from i (at most ``most``) form one unbroken phrase."""
        n, sent, joined = 1, self.sent, self.joined
        while n < most and i + n < len(joined) and joined[i + n] and sent[i + n] == sent[i]:
            n += 1
        return n

    def nstart(self, i: int) -> int:
        """Normalized start offset of word i."""
        return self.tokens[self.idx[i]].nstart

    def nend(self, i: int) -> int:
        """Normalized end offset of word i."""
        return self.tokens[self.idx[i]].nend

    def gap(self, i: int) -> str:
        """The punctuation between word i and the word before it."""
        ti = self.idx[i]
        prev = self.idx[i - 1] if i > 0 else -1
        return "".join(t.text for t in self.tokens[prev + 1:ti])

    def _make(self, i: int) -> Word:
        tok = self.tokens[self.idx[i]]
        return Word(tok.text, tok.nstart, tok.nend, self.sent[i], self.joined[i], self.comma[i],
                    self.gap(i))


def words_of(tokens: Sequence[Token], sentences: Sequence[Sentence]) -> Words:
    """Word tokens with their sentence and what separates them from the previous word."""
    return Words(tokens, sentences)
