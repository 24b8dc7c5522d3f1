"""Phrase lexicons matched over tokens, tolerant of Arabic clitics.

A :class:`PhraseMatcher` maps normalized phrases (one or more words) to
payloads. Matching walks the tokens once; at each word it tries the word as
written and with proclitics removed («وبالغارات» → «غارات»), then extends to
the longest phrase that matches. Lookups are dict hits on token tuples, so the
cost is linear in the number of tokens whatever the lexicon size: this is why
it is hand-written instead of a regex alternation over thousands of entries.
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


def variants(word: str, min_stem: int = 2) -> list[tuple[str, int]]:
    """``word`` and its stems without proclitics, with the length removed.

    «وبالغارات» → [(«وبالغارات», 0), («غارات», 4), («الغارات», 2) ...]: the
    stem with and without its article are both offered, because lexicon entries
    are written either way.
    """
    out = [(word, 0)]
    seen = {word}
    for p in PROCLITICS:
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
        self._max_len = 1
        self.min_stem = min_stem

    def add(self, phrase: str, payload: T) -> None:
        """Add a phrase (normalized here); a later add of the same phrase wins."""
        words = tuple(normalize_key(phrase).split())
        if not words:
            return
        self._phrases[words] = payload
        self._max_len = max(self._max_len, len(words))

    def add_all(self, phrases: Iterable[str], payload: T) -> None:
        for p in phrases:
            self.add(p, payload)

    def __len__(self) -> int:
        return len(self._phrases)

    def __contains__(self, phrase: str) -> bool:
        return tuple(normalize_key(phrase).split()) in self._phrases

    def get(self, phrase: str) -> T | None:
        return self._phrases.get(tuple(normalize_key(phrase).split()))

    def match_at(self, tokens: Sequence[Token], i: int) -> Match[T] | None:
        """The longest phrase starting at token ``i`` (clitics allowed on its first word)."""
        tok = tokens[i]
        if tok.kind == "punct":
            return None
        best: Match[T] | None = None
        phrases = self._phrases
        for stem, cut in variants(tok.text, self.min_stem):
            words = [stem]
            j = i
            while True:
                payload = phrases.get(tuple(words))
                if payload is not None and (best is None or j > best.last):
                    best = Match(payload, i, j, tok.nstart, tokens[j].nend,
                                 " ".join(words), tok.text[:cut])
                j += 1
                if len(words) >= self._max_len or j >= len(tokens) or tokens[j].kind == "punct":
                    break
                words.append(tokens[j].text)
        return best

    def finditer(self, tokens: Sequence[Token], start: int = 0, end: int | None = None
                 ) -> Iterator[Match[T]]:
        """Non-overlapping longest matches, left to right."""
        end = len(tokens) if end is None else end
        i = start
        while i < end:
            m = self.match_at(tokens, i)
            if m is not None and m.last < end:
                yield m
                i = m.last + 1
            else:
                i += 1
