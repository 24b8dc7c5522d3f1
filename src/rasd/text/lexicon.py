"""Phrase lexicons matched over tokens, tolerant of Arabic clitics.

A :class:`PhraseMatcher` maps normalized phrases (one or more words) to
payloads. Matching walks the tokens once; at each word it tries the word as
written and with proclitics removed («وبالغارات» → «غارات»), then extends to
the longest phrase that matches. Lookups are dict hits on token tuples, so the
cost is linear in the number of tokens whatever the lexicon size: this is why
it is hand-written instead of a regex alternation over thousands of entries.

Speed (the cue matcher runs over every token of every article): phrases are
kept in a word trie, so a lookup stops at the first word that no phrase
continues with, and the clitic variants of a word that can start a phrase are
cached per word.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, Iterable, Iterator, Sequence, TypeVar

from ..mentions import Token
from .arabic import normalize_key

T = TypeVar("T")

#: proclitic sequences, longest first (conjunction + preposition + article)
PROCLITICS: tuple[str, ...] = (
    "وبال", "فبال", "وكال", "وللل", "وال", "فال", "بال", "كال", "لل", "ال",
    "وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك",
)
#: the proclitics by first letter, in the order above (a word can only start
#: with those sharing its first letter: four times fewer tests)
_BY_FIRST: dict[str, tuple[str, ...]] = {}
for _p in PROCLITICS:
    _BY_FIRST[_p[0]] = _BY_FIRST.get(_p[0], ()) + (_p,)
#: bound on the per-matcher variant cache (cleared when full)
_CACHE_MAX = 100_000


def variants(word: str, min_stem: int = 2) -> list[tuple[str, int]]:
    """``word`` and its stems without proclitics, with the length removed.

    «وبالغارات» → [(«وبالغارات», 0), («غارات», 4), («الغارات», 2) ...]: the
    stem with and without its article are both offered, because lexicon entries
    are written either way.
    """
    out = [(word, 0)]
    if not word:
        return out
    seen = {word}
    for p in _BY_FIRST.get(word[0], ()):
        if word.startswith(p) and len(word) - len(p) >= min_stem:
            stem = word[len(p):]
            if stem not in seen:
                seen.add(stem)
                out.append((stem, len(p)))
    return out


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    """A lexicon hit: token range ``[first, last]`` and normalized char range."""

    payload: T
    first: int
    last: int
    nstart: int
    nend: int
    key: str
    clitic: str  # the proclitic removed from the first word ("" if none)


class PhraseMatcher(Generic[T]):
    """Longest-match phrase lookup over a token sequence."""

    def __init__(self, min_stem: int = 2) -> None:
        self._phrases: dict[tuple[str, ...], T] = {}
        # word trie: word → [payload or None, children]
        self._trie: dict[str, list] = {}
        self._max_len = 1
        self.min_stem = min_stem
        # word → its variants that start a phrase: ((stem, cut, trie node), ...)
        self._starts: dict[str, tuple[tuple[str, int, list], ...]] = {}

    def add(self, phrase: str, payload: T) -> None:
        """Add a phrase (normalized here); a later add of the same phrase wins."""
        words = tuple(normalize_key(phrase).split())
        if not words:
            return
        self._phrases[words] = payload
        self._max_len = max(self._max_len, len(words))
        level = self._trie
        node: list = []
        for w in words:
            node = level.get(w) or level.setdefault(w, [None, {}])
            level = node[1]
        node[0] = payload
        self._starts.clear()

    def add_all(self, phrases: Iterable[str], payload: T) -> None:
        for p in phrases:
            self.add(p, payload)

    def __len__(self) -> int:
        return len(self._phrases)

    def __contains__(self, phrase: str) -> bool:
        return tuple(normalize_key(phrase).split()) in self._phrases

    def get(self, phrase: str) -> T | None:
        return self._phrases.get(tuple(normalize_key(phrase).split()))

    def _starts_of(self, word: str) -> tuple[tuple[str, int, list], ...]:
        """The variants of ``word`` (in :func:`variants` order) that start a phrase."""
        found = self._starts.get(word)
        if found is None:
            trie = self._trie
            found = tuple((stem, cut, trie[stem]) for stem, cut in variants(word, self.min_stem)
                          if stem in trie)
            if len(self._starts) >= _CACHE_MAX:
                self._starts.clear()
            self._starts[word] = found
        return found

    def match_at(self, tokens: Sequence[Token], i: int) -> Match[T] | None:
        """The longest phrase starting at token ``i`` (clitics allowed on its first word)."""
        tok = tokens[i]
        if tok.kind == "punct":
            return None
        starts = self._starts_of(tok.text)
        return self._longest(tokens, i, starts) if starts else None

    def _longest(self, tokens: Sequence[Token], i: int,
                 starts: tuple[tuple[str, int, list], ...]) -> Match[T] | None:
        """The longest phrase at word ``i`` among its phrase-starting variants ``starts``."""
        best: tuple[int, object, str, int] | None = None  # (last, payload, stem, cut)
        n = len(tokens)
        for stem, cut, node in starts:
            # the trie stops the walk where no phrase continues; the result is
            # the same as trying every tuple up to the longest phrase
            j = i
            while True:
                payload = node[0]
                if payload is not None and (best is None or j > best[0]):
                    best = (j, payload, stem, cut)
                j += 1
                if j >= n or j - i >= self._max_len:
                    break
                nxt = tokens[j]
                if nxt.kind == "punct":
                    break
                node = node[1].get(nxt.text)
                if node is None:
                    break
        if best is None:
            return None
        last, payload, stem, cut = best
        tok = tokens[i]
        key = stem if last == i else " ".join([stem, *(t.text for t in tokens[i + 1:last + 1])])
        return Match(payload, i, last, tok.nstart, tokens[last].nend,  # type: ignore[arg-type]
                     key, tok.text[:cut])

    def finditer(self, tokens: Sequence[Token], start: int = 0, end: int | None = None
                 ) -> Iterator[Match[T]]:
        """Non-overlapping longest matches, left to right."""
        end = len(tokens) if end is None else end
        cached = self._starts.get
        i = start
        while i < end:
            tok = tokens[i]
            # most words start no phrase: a cache hit and a test, no call
            starts = cached(tok.text)
            if starts is None:
                starts = self._starts_of(tok.text)
            if starts and tok.kind != "punct":
                m = self._longest(tokens, i, starts)
                if m is not None and m.last < end:
                    yield m
                    i = m.last + 1
                    continue
            i += 1
