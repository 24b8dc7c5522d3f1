"""Spans of time and month expressions for :class:`rasd.text.datematch.DateMatcher`.

A mixin: the methods use the matcher's token access (``t``, ``words``,
``num``), its lexicon and publication date. Kept apart from the day patterns
so that each module stays small.

- «خلال يومين», «على مدار اليومين الماضيين», «خلال الـ24 ساعة الماضية»: a range
  ending on the publication day;
- «منذ يومين», «منذ أيام»: what has gone on since then, up to the publication
  day (news uses «منذ» for an ongoing state far more than for "ago");
- «قبل يومين»: that day ("ago");
- «الأسبوع الماضي», «الشهر الماضي», «نوفمبر الماضي», «منتصف يوليو (تموز)»,
  «ديسمبر 2014»: weeks and months, precision 2 and 3.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from .datewords import POSITIONS, month_range, resolve_month, safe_date, shift_month
from .months import month_at, month_table

_UNIT_DAYS = {"day": 1, "week": 7, "month": 30}
#: a season is "last" once at least this many days have passed since its middle
SEASON_DAYS = 90
# «منذ أيام», «منذ أسابيع»: a few units (a plural without a number)
_FEW = 3


@dataclass(slots=True)
class DateHit:
    """A date expression over tokens ``first..last`` (inclusive), resolved."""

    first: int
    last: int
    value: date
    rule: str
    precision: int = 1
    start: date | None = None
    relative: bool = False
    confidence: float = 0.9
    report: bool = False
    head: bool = False  # a relative pronoun and another date follow it in its sentence


def _precision(days: int, exact: int = 1) -> int:
    """ACLED time_precision of a span of ``days`` (a day when at most ``exact`` days)."""
    return 1 if days <= exact else 2 if days <= 14 else 3


class MatcherState:
    """What the pattern mixins of :class:`rasd.text.datematch.DateMatcher` read from it."""

    lex: Any
    pub: date | None
    texts: list[str]
    n: int

    def t(self, k: int) -> str:  # provided by the matcher
        raise NotImplementedError


class PeriodPatterns(MatcherState):
    """Spans of time («خلال يومين», «منذ أسبوع») and months («الشهر الماضي»)."""

    # -- spans of time --------------------------------------------------
    def period(self, i: int) -> DateHit | None:
        """«خلال يومين», «خلال الـ24 ساعة الماضية», «منذ أسبوع», «قبل يومين», «الأسبوع الماضي»."""
        if self.pub is None:
            return None
        pub, word = self.pub, self.texts[i]
        if word in self.lex.seasons and self.t(i + 1) in self.lex.past:
            return self.season(i, self.lex.seasons[word])
        if word in self.lex.periods["week"] and self.t(i + 1) in self.lex.past:
            return DateHit(i, i + 1, pub - timedelta(days=7), "last_week", precision=2,
                           start=pub - timedelta(days=13), relative=True, confidence=0.7)
        this_week = ((word in self.lex.periods["week"] and self.t(i + 1) in self.lex.current)
                     or (word == "هذا" and self.t(i + 1) in self.lex.periods["week"]))
        if this_week:  # «هذا الأسبوع», «الأسبوع الجاري»: the week up to the report
            return DateHit(i, i + 1, pub, "this_week", precision=2, start=pub - timedelta(days=6),
                           relative=True, confidence=0.6)
        size = next((s for s in (3, 2, 1) if self.words(i, s) in self.lex.within), 0)
        if size:
            days, last = self.amount(i + size)
            if days is None:
                return None
            if self.t(last + 1) not in self.lex.past:
                return DateHit(i, last, pub, "within", precision=1 if days <= 1 else 2,
                               start=pub - timedelta(days=days), relative=True, confidence=0.7)
            # «خلال الـ24 ساعة الماضية», «على مدار اليومين الماضيين»: the days before
            # the report, the last of them the day before publication
            end = pub - timedelta(days=1)
            return DateHit(i, last + 1, end, "within_past", precision=1 if days <= 1 else 2,
                           start=pub - timedelta(days=days), relative=True, confidence=0.7)
        if word in self.lex.periods["since"]:
            days, last = self.amount(i + 1)
            if days is None:
                return None
            last += self.t(last + 1) in self.lex.past  # «منذ الأسبوع الماضي»
            if word in self.lex.periods["ago"]:
                return DateHit(i, last, pub - timedelta(days=days), "ago", precision=_precision(days, 3),
                               relative=True, confidence=0.7)
            return DateHit(i, last, pub, "since", precision=_precision(days),
                           start=pub - timedelta(days=days), relative=True, confidence=0.6)
        return None

    def season(self, i: int, month: int) -> DateHit:
        """«الصيف الماضي»: the middle of the last such season that ended at least
        a season before publication (precision: month)."""
        assert self.pub is not None
        year = self.pub.year
        if date(year, month, 15) > self.pub - timedelta(days=SEASON_DAYS):
            year -= 1
        return DateHit(i, i + 1, date(year, month, 15), "season", precision=3, relative=True, confidence=0.6)

    def amount(self, k: int) -> tuple[int | None, int]:
        """Days in «يومين», «3 أيام», «الـ24 ساعة», «أسبوع», «أيام»: (days, last index)."""
        periods = self.lex.periods
        if self.t(k) == "ال":  # «الـ24» is split into «ال» and «24»
            k += 1
        word = self.t(k)
        bare = word[2:] if word.startswith("ال") else word
        if bare in periods["two_days"]:
            return 2, k
        if bare in periods["two_weeks"]:
            return 14, k
        n = self.num(k)
        unit_at = k + 1 if n is not None else k
        unit = self.t(unit_at)
        unit_bare = unit[2:] if unit.startswith("ال") else unit
        end = unit_at
        if n is None and unit_bare in periods["plural"]:
            if self.t(unit_at + 1) in self.lex.ordinal_first:
                return None, k  # «خلال الساعات الأولى من فجر الثلاثاء»: a part of that day
            n, end = self.number_after(unit_at)  # «الساعات الأربع والعشرين»
            n = n or _FEW
        n = n or 1
        if unit_bare in periods["hours"]:
            return max(1, n // 24), end
        for name, days in _UNIT_DAYS.items():
            if unit in periods[name] or unit_bare in periods[name]:
                if unit_at == k and unit in periods["today"]:
                    return None, k  # «منذ اليوم» is not a span
                return n * days, end
        return None, k

    def number_after(self, k: int) -> tuple[int | None, int]:
        """A count written after its noun («الساعات الأربع والعشرين»): (value, last index)."""
        total, last = 0, k
        for j in (k + 1, k + 2):
            value = self.num(j)
            if value is None:
                break
            total, last = total + value, j
        return (total or None), last

    # -- months -----------------------------------------------------------
    def month_phrase(self, i: int) -> DateHit | None:
        """«ديسمبر 2014», «في حزيران», «منتصف يوليو (تموز)», «الشهر الماضي», «نوفمبر الماضي»."""
        k, position = i, POSITIONS.get(self.texts[i])
        k += position is not None
        if self.t(k) == "هذا" and self.t(k + 1) in self.lex.periods["month"]:  # «هذا الشهر»
            return self.month_hit(i, k + 1, self.pub.year, self.pub.month, position,
                                  relative=True) if self.pub else None
        named_month = self.t(k) in ("شهر", "الشهر") and month_at(self.texts, k + 1) is not None
        k += named_month
        if self.t(k) in self.lex.periods["month"] and not named_month:
            marker = self.direction(k + 1) or ("current" if self.t(k + 1) in self.lex.current else None)
            if marker is None or self.pub is None:
                return None
            y, m = shift_month(self.pub.year, self.pub.month, {"past": -1, "future": 1}.get(marker, 0))
            return self.month_hit(i, k + 1, y, m, position, relative=True, future=marker == "future")
        found = month_at(self.texts, k)
        if found is None:
            return None
        month, _, last = found
        twin_last = self.twin(last)
        year, year_last = self.year_after(twin_last)
        marked = self.t(twin_last + 1) in self.lex.past | self.lex.future | self.lex.current
        if self.t(k) in month_table().ambiguous and not (named_month or year or twin_last > last or marked):
            return None  # «أب» father, «مارس» practised; «مارس الماضي» is the month
        if year is not None:
            return self.month_hit(i, year_last, year, month, position, relative=False)
        if self.pub is None:
            return None
        direction = self.direction(twin_last + 1)
        if self.t(twin_last + 1) in self.lex.current:
            direction, twin_last = None, twin_last + 1
        y, m = resolve_month(self.pub, month, direction)
        return self.month_hit(i, twin_last + (direction is not None), y, m, position, relative=True,
                              future=direction == "future")

    def month_hit(self, i: int, last: int, year: int, month: int, position: str | None,
                  relative: bool, future: bool = False) -> DateHit:
        start, end = month_range(year, month, self.pub)
        if position is None:
            return DateHit(i, last, end, "month", precision=3, start=start, relative=relative,
                           confidence=0.8)
        lo, hi = {"early": (1, 10), "mid": (11, 20), "late": (21, end.day)}[position]
        lo_d = safe_date(year, month, lo) or start
        if relative and not future and self.pub is not None and lo_d > self.pub:
            # «منتصف أغسطس» written on 1 August: last year's
            return self.month_hit(i, last, year - 1, month, position, relative)
        hi_d = min(safe_date(year, month, hi) or end, max(end, lo_d))
        return DateHit(i, last, hi_d, f"month_{position}", precision=2, start=lo_d,
                       relative=relative, confidence=0.75)

    # provided by the matcher
    def words(self, i: int, size: int) -> tuple[str, ...]:
        raise NotImplementedError

    def num(self, k: int) -> int | None:
        raise NotImplementedError

    def direction(self, k: int) -> str | None:
        raise NotImplementedError

    def twin(self, last: int) -> int:
        raise NotImplementedError

    def year_after(self, last: int) -> tuple[int | None, int]:
        raise NotImplementedError
