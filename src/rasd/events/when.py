"""When a frame happened.

The date written in the frame wins (the one nearest its anchor). Otherwise
the report inherits the date in force: the last recent date of the same or
the previous sentence, then the lead's date (news leads say when: «أمس»),
and last the publication day with ACLED time_precision 2 (EVENTS.md §2).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Sequence

from ..document import Span

RECENT_DAYS = 7
LEAD_SENTENCES = 2


@dataclass(frozen=True)
class When:
    value: date | None
    precision: int
    span: Span | None
    rule: str
    confidence: float


def _distance(m: Any, a: int, b: int) -> int:
    if m.nend <= a:
        return a - m.nend + 1  # before the anchor: slightly less likely than after
    if m.nstart >= b:
        return m.nstart - b
    return 0


def _recent(m: Any, published: date | None) -> bool:
    return published is None or 0 <= (published - m.value).days <= RECENT_DAYS


class DateContext:
    """Dates of the article in order, to find the one in force for a frame."""

    def __init__(self, dates: Sequence[Any], sentence_of: Any, published: date | None) -> None:
        self.dates = sorted(dates, key=lambda d: d.nstart)
        self.sentence_of = sentence_of
        self.published = published
        lead = [d for d in self.dates if sentence_of(d.nstart) < LEAD_SENTENCES and d.precision == 1
                and _recent(d, published)]
        self.lead = lead[0] if lead else None

    def choose(self, own: Sequence[Any], a: int, b: int, sentence: int) -> When:
        """The date of a frame whose anchors span ``[a, b)`` in ``sentence``."""
        if own:
            m = min(own, key=lambda d: _distance(d, a, b))
            return When(m.value, m.precision, m.span, f"date.{m.rule}", m.confidence)
        # only day-precise dates are in force for later reports: «خلال الأيام
        # المقبلة» or «الأسبوع الماضي» do not date the next sentence
        before = [d for d in self.dates if d.nend <= a and sentence - self.sentence_of(d.nstart) <= 1
                  and d.precision == 1 and _recent(d, self.published)]
        if before:
            m = before[-1]
            return When(m.value, m.precision, m.span, "date.inherited_nearby", 0.6 * m.confidence)
        if self.lead is not None:
            m = self.lead
            return When(m.value, m.precision, m.span, "date.inherited_lead", 0.5 * m.confidence)
        if self.published is not None:
            return When(self.published, 2, None, "date.publication_day", 0.4)
        return When(None, 3, None, "date.unknown", 0.0)
