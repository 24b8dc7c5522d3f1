"""Which country a text (and each place in it) is about.

Counts the country indicators of ``resources/actors/countries.toml``
(country names, capitals, big cities, governorates; shared names at half
weight) plus actor mentions that point to a country («الحوثيين» → Yemen).
Words in the opening lines count double: the lead says where the story is.
For one mention, the indicators of its own sentence decide, the nearest
counting most («قصفت طائرات تركية مواقع داعش في سورية» → Syria); a sentence
without any falls back to the article's country. Cheap by design (one
dictionary pass over the tokens); the places stage does the real geocoding.
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Sequence

from ..mentions import Sentence
from .dictionary import load
from .matcher import Matcher

LEAD_CHARS = 400  # normalized characters that count as the lead
LEAD_WEIGHT = 2.0
NEAR_TOKENS = 8.0  # an indicator this many tokens away counts half
# the article's main country weighs like a fairly near indicator in every sentence:
# one weak or distant word does not move a sentence to another country
ARTICLE_PRIOR = 0.6
SENTENCE_ENDS = frozenset(".!?؟")
# as the segment stage splits: a full stop between digits is a decimal point
_SENT_END = re.compile(r"(?<!\d)[.!?؟]+(?!\d)|\n+|(?<=\d)[.](?!\d)")
MAX_SECONDARY = 3
MIN_SECONDARY = 1.0
SECONDARY_SHARE = 0.25


@dataclass(frozen=True, slots=True)
class CountryContext:
    """The article's countries, best first, and the indicators of each sentence."""

    ranking: tuple[str, ...]
    scores: tuple[tuple[str, float], ...]
    starts: tuple[int, ...]  # normalized start of each token
    bounds: tuple[int, ...]  # normalized start of each sentence
    sentence_hits: dict[int, tuple[tuple[int, str, float], ...]]  # (token, country, weight)

    @property
    def main(self) -> str | None:
        """The country the article is mostly about (None when nothing says)."""
        return self.ranking[0] if self.ranking else None

    @property
    def secondary(self) -> tuple[str, ...]:
        """Countries with real weight in the article (a quarter of the main's), best first."""
        if not self.scores:
            return ()
        top = self.scores[0][1]
        return tuple(c for c, s in self.scores[:MAX_SECONDARY]
                     if s >= max(MIN_SECONDARY, top * SECONDARY_SHARE))

    def sentence(self, token: int) -> int:
        """The sentence number of ``token``."""
        return max(bisect_right(self.bounds, self.starts[token]) - 1, 0)

    def at(self, token: int) -> str | None:
        """The country at ``token``: its sentence's indicators, the nearest counting most,
        against the article's countries as a prior; the main country when nothing says."""
        hits = self.sentence_hits.get(self.sentence(token))
        if not hits:
            return self.main
        score: dict[str, float] = defaultdict(float)
        top = self.scores[0][1] if self.scores else 1.0
        for country, total in self.scores:
            score[country] = ARTICLE_PRIOR * total / top
        for tok, country, weight in hits:
            score[country] += weight / (1.0 + abs(tok - token) / NEAR_TOKENS)
        rank = {c: i for i, c in enumerate(self.ranking)}
        return min(score, key=lambda c: (-score[c], rank.get(c, len(rank))))


@functools.lru_cache(maxsize=1)
def indicator_matcher() -> Matcher[tuple[tuple[str, float], ...]]:
    """Matcher of the bundled country indicators."""
    return Matcher(load().indicators)


def sentence_bounds(text: str, sentences: Sequence[Sentence] | None = None) -> list[int]:
    """Normalized start of each sentence: from the ``sentences`` layer when there is
    one, else split at «.!?؟» and line breaks here (as the segment stage does)."""
    if sentences:
        return [s.nstart for s in sentences]
    return [0] + [m.end() for m in _SENT_END.finditer(text)]


def estimate(texts: Sequence[str | None], starts: Sequence[int], bounds: Sequence[int],
             pointed: Iterable[tuple[int, str]] = ()) -> CountryContext:
    """Score countries over the tokens; ``pointed`` adds (token, country) evidence."""
    total: dict[str, float] = defaultdict(float)
    first_seen: dict[str, int] = {}
    evidence: list[tuple[int, str, float]] = []

    def add(tok: int, country: str, weight: float) -> None:
        total[country] += weight * (LEAD_WEIGHT if starts[tok] < LEAD_CHARS else 1.0)
        first_seen.setdefault(country, tok)
        evidence.append((tok, country, weight))

    for hit in indicator_matcher().find(texts):
        for country, weight in hit.value:
            add(hit.first, country, weight)
    for tok, country in pointed:
        add(tok, country, 1.0)
    ranking = sorted(total, key=lambda c: (-total[c], first_seen[c]))
    per_sentence: dict[int, list[tuple[int, str, float]]] = defaultdict(list)
    for ev in evidence:
        per_sentence[max(bisect_right(bounds, starts[ev[0]]) - 1, 0)].append(ev)
    return CountryContext(tuple(ranking), tuple((c, round(total[c], 2)) for c in ranking),
                          tuple(starts), tuple(bounds),
                          {k: tuple(v) for k, v in per_sentence.items()})
