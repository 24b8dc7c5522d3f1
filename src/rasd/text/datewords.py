"""Date vocabulary (compiled from ``lexicons/dates.toml``) and the past-biased resolver.

Resolution rules, news reporting the past:

- a weekday alone («الخميس», «فجر الخميس», «يوم الخميس») is the latest such day
  on or before the publication day (a Thursday article saying «الخميس» means
  that same day); with «الماضي»/«الفائت» it is strictly before the publication
  day (a week back when the weekday is the publication day's); with
  «المقبل»/«القادم» strictly after it;
- a month without a year is the latest such month on or before the
  publication month («الماضي»: strictly before, «المقبل»: strictly after);
- a day and month without a year is the latest such date on or before the
  publication day;
- a month is a range from its first day to its last (capped at the
  publication day): ``start`` and ``value``, precision 3.
"""
from __future__ import annotations

import calendar
import functools
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ..resources import load_toml
from .arabic import normalize_key
from .months import DATES, month_table
from .numwords import number_lexicon

_CLITICS = ("و", "ب", "ف", "ل")
#: words before a month that say which part of it («منتصف يوليو»)
POSITIONS = {"منتصف": "mid", "مطلع": "early", "اوايل": "early", "بدايه": "early",
             "اواخر": "late", "نهايه": "late"}
REPORT = ".report"  # rule suffix of a date that tells when a source spoke
#: rule suffix of a date followed in its sentence by a relative pronoun and another date
HEAD = ".head"


def is_report(m: Any) -> bool:
    """Does a date mention tell when a source spoke («قال المرصد أمس») rather than when it happened?"""
    return m.rule.endswith(REPORT)


def is_head(m: Any) -> bool:
    """Does a date mention date a head clause whose relative clause gives another date
    («تفقد مساء اليوم المسجد الذي ... الخميس الماضي»)?"""
    return HEAD in m.rule


def base_rule(m: Any) -> str:
    """The pattern that found a date mention («day_month»), without its suffixes."""
    return m.rule.removesuffix(REPORT).removesuffix(HEAD).split(".")[-1]


@dataclass(frozen=True)
class DateLexicon:
    """Folded lookup tables for the dates stage."""

    weekdays: dict[str, int]
    relative: dict[tuple[str, ...], int]
    day_parts: frozenset[tuple[str, ...]]
    past: frozenset[str]
    future: frozenset[str]
    current: frozenset[str]
    periods: dict[str, frozenset[str]]
    within: frozenset[tuple[str, ...]]
    not_today: frozenset[str]
    not_today_before: frozenset[str]
    starters: frozenset[str]  # first words of every pattern (a fast filter)
    day_part_size: int  # the longest day-part phrase, in tokens
    nights: frozenset[str]  # «ليل», «ليلة»: before «الأحد الاثنين»
    midnight: frozenset[str]  # «منتصف» before such a night: the second day
    ordinal_first: frozenset[str]  # «الأولى» in «الساعات الأولى من»
    report_words: frozenset[str]  # «قال», «أفاد», «بيان»: a date after them dates the report
    report_stops: frozenset[str]  # words that end a reporting verb's subject («إن», «عن»)
    seasons: dict[str, int]  # season word → the month in its middle
    relative_clause: frozenset[str]  # «الذي», «التي»: open a clause of its own


def _variants(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The phrase, and its first word behind و ب ف ل («بالامس», «والخميس»)."""
    return [words] + [(c + words[0], *words[1:]) for c in _CLITICS]


def _phrases(items) -> list[tuple[str, ...]]:
    return [tuple(normalize_key(w).split()) for w in items]


def _words(items, clitics: bool = False) -> frozenset[str]:
    """Folded single words, and with «و»/«ف» before them when ``clitics``."""
    out = {normalize_key(w) for w in items}
    if clitics:
        out |= {c + w for w in out for c in ("و", "ف")}
    return frozenset(out)


@functools.lru_cache(maxsize=1)
def date_lexicon() -> DateLexicon:
    """The compiled date vocabulary (built once per process)."""
    data = load_toml(DATES)
    weekdays: dict[str, int] = {}
    for name, wd in data["weekdays"].items():
        for (form,) in _variants((normalize_key(name),)):
            weekdays.setdefault(form, int(wd))
    relative: dict[tuple[str, ...], int] = {}
    for name, offset in data["relative_days"].items():
        for form in _variants(tuple(normalize_key(name).split())):
            relative.setdefault(form, int(offset))
    markers = data["markers"]
    periods = {k: frozenset(normalize_key(w) for w in v)
               for k, v in data["periods"].items() if k != "within"}
    for k in ("week", "month"):  # «والشهر الماضي», «والأسبوع الماضي»
        periods[k] = periods[k] | _words(periods[k], clitics=True)
    day_parts = frozenset(p for ph in _phrases(data["day_parts"]["words"]) for p in _variants(ph))
    within = frozenset(p for ph in _phrases(data["periods"]["within"]) for p in _variants(ph))
    starters = set(weekdays) | {p[0] for p in relative} | {p[0] for p in day_parts}
    starters |= {p[0] for p in within} | periods["since"] | periods["week"] | periods["month"]
    starters |= {"شهر", "الشهر", "منتصف", "مطلع", "اوايل", "بدايه", "اواخر", "نهايه"}
    seasons = {form: int(m) for name, m in data.get("seasons", {}).items()
               for (form,) in _variants((normalize_key(name),))}
    starters |= set(seasons)
    return DateLexicon(
        weekdays=weekdays, relative=relative, day_parts=day_parts,
        day_part_size=max(len(p) for p in day_parts),
        nights=_words(data["day_parts"]["nights"]),
        midnight=_words(data["day_parts"]["midnight"]),
        ordinal_first=_words(data["day_parts"]["first"]),
        report_words=_words(data["report"]["words"], clitics=True),
        report_stops=_words(data["report"]["stops"]),
        seasons=seasons,
        relative_clause=_words(data["relative_clause"]["words"], clitics=True),
        past=frozenset(normalize_key(w) for w in markers["past"]),
        future=frozenset(normalize_key(w) for w in markers["future"]),
        current=frozenset(normalize_key(w) for w in markers["current"]),
        periods=periods,
        within=within,
        not_today=frozenset(normalize_key(w) for w in data["not_today"]["words"]),
        not_today_before=frozenset(normalize_key(w) for w in data["not_today_before"]["words"]),
        starters=frozenset(starters))


def resolve_weekday(published: date, weekday: int, direction: str | None = None) -> date:
    """The weekday nearest the publication day: on or before it, or strictly past/future."""
    back = (published.weekday() - weekday) % 7
    if direction == "future":
        ahead = (weekday - published.weekday()) % 7
        return published + timedelta(days=ahead or 7)
    if direction == "past" and back == 0:
        back = 7
    return published - timedelta(days=back)


def resolve_month(published: date, month: int, direction: str | None = None) -> tuple[int, int]:
    """(year, month) of a month named without a year."""
    year = published.year
    if direction == "future":
        return (year, month) if month > published.month else (year + 1, month)
    if month > published.month or (direction == "past" and month == published.month):
        year -= 1
    return year, month


def resolve_day_month(published: date, month: int, day: int) -> date | None:
    """The latest ``day`` of ``month`` on or before the publication day."""
    for year in (published.year, published.year - 1):
        d = safe_date(year, month, day)
        if d is not None and d <= published:
            return d
    return None


def month_range(year: int, month: int, published: date | None) -> tuple[date, date]:
    """(first day, last day capped at the publication day) of a month."""
    last = date(year, month, calendar.monthrange(year, month)[1])
    if published is not None and date(year, month, 1) <= published < last:
        last = published
    return date(year, month, 1), last


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) ``delta`` months away."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def safe_date(year: int, month: int, day: int) -> date | None:
    """A date, or None when the parts do not make one («31 فبراير»)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


#: the date patterns, in the order the matcher tries them (bits of PatternStarts.patterns)
NUMERIC, DAY_MONTH, RELATIVE, WEEKDAY, PERIOD, MONTH = (1 << k for k in range(6))


class PatternStarts:
    """Which words may start a date expression, and which of the patterns each may
    start (the date matcher's fast filters: most tokens start none)."""

    def __init__(self, lex: DateLexicon) -> None:
        months, numwords = month_table(), number_lexicon().words
        ordinals = frozenset(w for w, v in numwords.items() if v.kind == "ordinal")
        #: words that may start a date expression (besides numbers)
        self.start = lex.starters | frozenset(months.single) | months.first_words | ordinals
        self.relative = frozenset(p[0] for p in lex.relative)
        #: first word → the lengths of the phrases it starts, longest first
        self.relative_sizes = _sizes(p for p in lex.relative if len(p) <= 4)
        self.day_part_sizes = _sizes(lex.day_parts)
        periods = lex.periods
        starts = {
            DAY_MONTH: ordinals,  # (and numbers)
            RELATIVE: self.relative,
            WEEKDAY: frozenset(lex.weekdays),
            PERIOD: frozenset(lex.seasons) | periods["week"] | {"هذا"} | periods["since"]
            | frozenset(p[0] for p in lex.within),
            MONTH: frozenset(POSITIONS) | {"هذا", "شهر", "الشهر"} | periods["month"]
            | months.first_words | frozenset(months.single)}
        #: word → the patterns it may start (a number token may also start NUMERIC, DAY_MONTH)
        self.patterns: dict[str, int] = {}
        for bit, words in starts.items():
            for w in words:
                self.patterns[w] = self.patterns.get(w, 0) | bit


def _sizes(phrases: Any) -> dict[str, tuple[int, ...]]:
    sizes: dict[str, set[int]] = {}
    for p in phrases:
        sizes.setdefault(p[0], set()).add(len(p))
    return {w: tuple(sorted(ns, reverse=True)) for w, ns in sizes.items()}


_STARTS: dict[int, tuple[DateLexicon, PatternStarts]] = {}


def pattern_starts(lex: DateLexicon) -> PatternStarts:
    """The :class:`PatternStarts` of a lexicon (built once per lexicon)."""
    hit = _STARTS.get(id(lex))
    if hit is None or hit[0] is not lex:
        hit = _STARTS[id(lex)] = (lex, PatternStarts(lex))
    return hit[1]
