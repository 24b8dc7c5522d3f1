"""When a frame happened.

In order:

1. a date written in the frame wins (the one nearest its anchors; never a
   day after publication, which is a plan), unless it only tells when a
   source spoke («قتل 25 ... حسبما أفاد المرصد أمس»): then an event date of
   the same or a neighbouring sentence that is not later than the report («... هجومها في وقت متأخر من يوم الجمعة») is taken, and
   the report's date only when there is none;
2. otherwise the report inherits the day in force: the last day-precise date
   before it in its sentence, else the first one after it in its sentence
   («... تجددت الاشتباكات في محيط قباسين ... وشن هجوماً فجر الخميس»), else
   the last one of the previous sentence;
3. a frame of the lead takes the lead's date (news leads say when: «أمس»);
4. in an article whose dates all name one day (a follow-up on one incident:
   «التفجير الذي وقع في مسجد ... بأبها»), every report takes that day;
5. last, the publication day with ACLED time_precision 2 (EVENTS.md §2).

Otherwise a date is not carried further than the next sentence: in a
roundup that dates its items one by one, a report many sentences below the
lead's «أمس» is as often of the publication day, and the coding rule for an
event that nothing places is the publication day.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Sequence

from ..document import Span
from ..text.datewords import base_rule, is_head, is_report

RECENT_DAYS = 7
LEAD_SENTENCES = 2


@dataclass(frozen=True)
class When:
    """The date chosen for a frame, with its evidence and the rule that chose it."""

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


#: date rules of a day the text writes out («26 يونيو», «14/7/2015», «في 14 الجاري»)
WRITTEN_RULES = frozenset({"day_month", "day_month_year", "numeric", "day_of_this_month"})


def _when(m: Any, rule: str | None = None, factor: float = 1.0) -> When:
    return When(m.value, m.precision, m.span, rule or m.rule, factor * m.confidence)


def _inside_relative_clause(events: list[Any], a: int) -> list[Any]:
    """«تفقد الأمير مساء اليوم المسجد الذي استشهد فيه ... الخميس الماضي»: a frame after
    a date that a relative clause with its own date follows is told by that clause
    (the head clause's date is when the visit, the call or the trial took place)."""
    heads = [d for d in events if is_head(d) and d.nend <= a]
    rest = [d for d in events if d not in heads]
    return rest if any(d.nstart >= h.nend for d in rest for h in heads) else events


class DateContext:
    """Dates of the article in order, to find the one in force for a frame.

    ``sentence_of`` maps a normalized offset to its sentence index. (Paragraph
    breaks were tried as a limit on inheritance and made dev dates worse: news
    paragraphs are often one sentence long.)
    """

    def __init__(self, dates: Sequence[Any], sentence_of: Callable[[int], int], published: date | None,
                 local: frozenset[int] = frozenset()) -> None:
        self.dates = sorted(dates, key=lambda d: d.nstart)
        #: starts of dates told in a contrast clause («... في حين واصل الطيران الجمعة
        #: غاراته»): they date that clause only and are never inherited
        self.local = local
        self.sentence_of = sentence_of
        self.published = published
        self.sentences = [sentence_of(d.nstart) for d in self.dates]
        lead = [d for d, s in zip(self.dates, self.sentences)
                if s < LEAD_SENTENCES and d.precision == 1 and _recent(d, published) and d.nstart not in local]
        self.lead = lead[0] if lead else None
        # an article whose dates all name one day is about that day
        days = {d.value for d in self.dates if self.in_force(d) and d.nstart not in local}
        self.only_day = self.lead if self.lead is not None and days == {self.lead.value} else None

    def past(self, dates: Sequence[Any]) -> list[Any]:
        """The dates not after publication: a later day («جلسة الاثنين المقبل», «حتى
        13 من الشهر الحالي») is a plan, and news tells what happened by then."""
        return [d for d in dates if self.published is None or d.value is None or d.value <= self.published]

    def in_force(self, d: Any) -> bool:
        """Can ``d`` date a report that does not name its own day?"""
        return d.precision == 1 and _recent(d, self.published)

    def choose(self, own: Sequence[Any], a: int, b: int, sentence: int) -> When:
        """The date of a frame whose anchors span ``[a, b)`` in ``sentence``."""
        own = self.past(own)
        events = [d for d in own if not is_report(d)]
        # «خلال صلاة الجمعة ... في 26 يونيو الماضي»: a date the text writes out
        # is the day a weekday or relative word beside it stands for
        written = [d for d in events if base_rule(d) in WRITTEN_RULES]
        if written:
            events = written
        events = _inside_relative_clause(events, a)
        if events:
            return _when(min(events, key=lambda d: _distance(d, a, b)))
        if own:
            return self.behind_report(min(own, key=lambda d: _distance(d, a, b)), a, b, sentence)
        inherited = self.inherited(a, b, sentence)
        if inherited is not None:
            return inherited
        past = self.in_the_past(a, sentence)
        if past is not None:
            return past
        if self.lead is not None and sentence < LEAD_SENTENCES:
            return _when(self.lead, "date.inherited_lead", 0.5)
        if self.only_day is not None:
            return _when(self.only_day, "date.inherited_article", 0.5)
        if self.published is not None:
            return When(self.published, 2, None, "date.publication_day", 0.4)
        return When(None, 3, None, "date.unknown", 0.0)

    def behind_report(self, report: Any, a: int, b: int, sentence: int) -> When:
        """An event date near a frame dated only by its report, else the report's date."""
        near = [d for d, s in zip(self.dates, self.sentences)
                if abs(s - sentence) <= 1 and not is_report(d) and d.precision == 1
                and 0 <= (report.value - d.value).days <= RECENT_DAYS]
        if near:
            return _when(min(near, key=lambda d: _distance(d, a, b)), "date.event_of_report", 0.8)
        return _when(report)

    def in_the_past(self, a: int, sentence: int) -> When | None:
        """«... بتفجير السفارة في بيروت في 18 أبريل 1983. وتبعها قصف ثكنة ...
        قتل فيها 241»: a frame right after a written day long before the report
        belongs to that past (the caller leaves such events out as background)."""
        near = [d for d, s in zip(self.dates, self.sentences)
                if sentence - 1 <= s <= sentence and d.nend <= a and base_rule(d) in WRITTEN_RULES]
        if near and self.published is not None and (self.published - near[-1].value).days > RECENT_DAYS:
            return _when(near[-1], "date.inherited_past", 0.5)
        return None

    def inherited(self, a: int, b: int, sentence: int) -> When | None:
        """The day in force for a frame without a date of its own (None when there is none)."""
        same = [d for d, s in zip(self.dates, self.sentences)
                if s == sentence and self.in_force(d) and d.nstart not in self.local]
        before = [d for d in same if d.nend <= a]
        if before:
            return _when(before[-1], "date.inherited_nearby", 0.6)
        after = [d for d in same if d.nstart >= b]
        if after:
            return _when(after[0], "date.inherited_after", 0.5)
        previous = [d for d, s in zip(self.dates, self.sentences)
                    if s == sentence - 1 and self.in_force(d) and d.nstart not in self.local]
        if previous:
            return _when(previous[-1], "date.inherited_nearby", 0.6)
        return None
