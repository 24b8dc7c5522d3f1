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
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Sequence

from ..mentions import Token
from .dictionary import load
from .matcher import Matcher

LEAD_CHARS = 400  # normalized characters that count as the lead
LEAD_WEIGHT = 2.0
NEAR_TOKENS = 8.0  # an indicator this many tokens away counts half
SENTENCE_ENDS = frozenset(".!?؟")
MAX_SECONDARY = 3
MIN_SECONDARY = 1.0
SECONDARY_SHARE = 0.25


@dataclass(frozen=True, slots=True)
class CountryContext:
    """The article's countries, best first, and the indicators of each sentence."""

    ranking: tuple[str, ...]
    scores: tuple[tuple[str, float], ...]
    sentence_of_token: tuple[int, ...]
    sentence_hits: tuple[tuple[tuple[int, str, float], ...], ...]  # (token, country, weight)

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

    def at(self, token: int) -> str | None:
        """The country at ``token``: its sentence's indicators, nearest first; else the main."""
        hits = self.sentence_hits[self.sentence_of_token[token]] if self.sentence_hits else ()
        if not hits:
            return self.main
        score: dict[str, float] = defaultdict(float)
        for tok, country, weight in hits:
            score[country] += weight / (1.0 + abs(tok - token) / NEAR_TOKENS)
        rank = {c: i for i, c in enumerate(self.ranking)}
        return min(score, key=lambda c: (-score[c], rank.get(c, len(rank))))


@functools.lru_cache(maxsize=1)
def indicator_matcher() -> Matcher[tuple[tuple[str, float], ...]]:
    """Matcher of the bundled country indicators."""
    return Matcher(load().indicators)


def sentence_index(tokens: Sequence[Token], text: str) -> list[int]:
    """Sentence number of each token: a sentence ends at «.!?؟» or a line break."""
    out: list[int] = []
    s, prev_end, ended = 0, 0, False
    for t in tokens:
        if out and (ended or "\n" in text[prev_end:t.nstart]):
            s += 1
        ended = t.kind == "punct" and t.text in SENTENCE_ENDS
        out.append(s)
        prev_end = t.nend
    return out


def estimate(texts: Sequence[str | None], starts: Sequence[int], sentence_of: Sequence[int],
             pointed: Iterable[tuple[int, str]] = ()) -> CountryContext:
    """Score countries over the tokens; ``pointed`` adds (token, country) evidence."""
    total: dict[str, float] = defaultdict(float)
    first_seen: dict[str, int] = {}
    per_sentence: dict[int, list[tuple[int, str, float]]] = defaultdict(list)

    def add(tok: int, country: str, weight: float) -> None:
        total[country] += weight * (LEAD_WEIGHT if starts[tok] < LEAD_CHARS else 1.0)
        first_seen.setdefault(country, tok)
        per_sentence[sentence_of[tok]].append((tok, country, weight))

    for hit in indicator_matcher().find(texts):
        for country, weight in hit.value:
            add(hit.first, country, weight)
    for tok, country in pointed:
        add(tok, country, 1.0)
    ranking = sorted(total, key=lambda c: (-total[c], first_seen[c]))
    n_sent = (sentence_of[-1] + 1) if sentence_of else 0
    hits = tuple(tuple(per_sentence.get(s, ())) for s in range(n_sent))
    return CountryContext(tuple(ranking), tuple((c, round(total[c], 2)) for c in ranking),
                          tuple(sentence_of), hits)
