"""The word tokens of a document, as the places stage reads them.

:class:`Words` keeps the texts of the ``segment`` stage's word tokens, their
sentence, and what separates each from the previous word (only spaces or a
hyphen: *joined*; only a comma). :class:`Word` objects are made on demand.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Sequence, overload

from ..mentions import Sentence, Token


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    nstart: int
    nend: int
    sentence: int
    joined: bool  # only spaces (or a hyphen) separate it from the previous word
    comma: bool  # a comma (only) separates it from the previous word
    gap: str = ""  # the punctuation between it and the previous word



class Words(Sequence[Word]):
    """The word tokens of a document; each :class:`Word` is built when first read.

    Scanning needs only the texts (:attr:`texts`), so most words never become
    objects: that keeps the stage fast on long articles.
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
        for k in range(1, n):
            if idx[k] != idx[k - 1] + 1:
                gap = [tokens[t].text for t in range(idx[k - 1] + 1, idx[k])]
                self.joined[k] = all(g == "-" for g in gap)
                self.comma[k] = all(g in "،," for g in gap)
        self.sent = [0] * n
        starts = [s.nstart for s in sentences]
        j, nxt = 0, starts[1] if len(starts) > 1 else None
        for k, t in enumerate(idx):
            if nxt is not None and tokens[t].nstart >= nxt:
                j = max(0, bisect_right(starts, tokens[t].nstart) - 1)
                nxt = starts[j + 1] if j + 1 < len(starts) else None
            self.sent[k] = j
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

    def _make(self, i: int) -> Word:
        ti = self.idx[i]
        tok = self.tokens[ti]
        prev = self.idx[i - 1] if i > 0 else -1
        gap = "".join(t.text for t in self.tokens[prev + 1:ti])
        return Word(tok.text, tok.nstart, tok.nend, self.sent[i], self.joined[i], self.comma[i], gap)


def words_of(tokens: Sequence[Token], sentences: Sequence[Sentence]) -> Words:
    """Word tokens with their sentence and what separates them from the previous word."""
    return Words(tokens, sentences)
