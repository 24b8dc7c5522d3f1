"""Token patterns for Arabic date expressions (used by :mod:`rasd.stages.dates`).

:class:`DateMatcher` walks the folded tokens of one document and returns
:class:`DateHit` values (token range, resolved date, precision, range start);
the resolution rules live in :mod:`rasd.text.datewords`.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..mentions import Token
from .datewords import (DateLexicon, month_range, resolve_day_month, resolve_month,
                        resolve_weekday, safe_date, shift_month)
from .months import month_at, month_table
from .numwords import number_lexicon

_SEPS = frozenset("-/")
_TWIN_OPEN = frozenset({"/", "(", "-", "او"})
_POSITION = {"منتصف": "mid", "مطلع": "early", "اوايل": "early", "بدايه": "early",
             "اواخر": "late", "نهايه": "late"}
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30}


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


class DateMatcher:
    """Token patterns for date expressions in one document."""

    def __init__(self, tokens: tuple[Token, ...], lex: DateLexicon, published: date | None) -> None:
        self.tokens = tokens
        self.texts = [t.text for t in tokens]
        self.n = len(tokens)
        self.lex = lex
        self.pub = published
        self.numwords = number_lexicon().words
        self.months = month_table()

    def t(self, k: int) -> str:
        return self.texts[k] if 0 <= k < self.n else ""

    def words(self, i: int, size: int) -> tuple[str, ...]:
        """The ``size`` token texts from ``i`` (empty when the text ends sooner)."""
        return tuple(self.texts[i:i + size]) if i + size <= self.n else ()

    def num(self, k: int) -> int | None:
        """Integer value of a digit token, or of a single number word («ثلاثة»)."""
        if not 0 <= k < self.n:
            return None
        if self.tokens[k].kind == "num":
            return int(self.texts[k]) if self.texts[k].isdigit() else None
        w = self.numwords.get(self.texts[k])
        return w.value if w is not None and w.kind in ("unit", "ten") else None

    def scan(self) -> list[DateHit]:
        out, i = [], 0
        while i < self.n:
            hit = self.at(i)
            if hit is None:
                i += 1
            else:
                out.append(hit)
                i = hit.last + 1
        return out

    def could_start(self, i: int) -> bool:
        """Can a date expression start at token ``i``? (most tokens: no, at once)."""
        text = self.texts[i]
        if self.tokens[i].kind == "num" or text in self.lex.starters:
            return True
        if text in self.months.single or text in self.months.first_words:
            return True
        w = self.numwords.get(text)
        return w is not None and w.kind == "ordinal"

    def at(self, i: int) -> DateHit | None:
        if not self.could_start(i):
            return None
        hit = self.core(i)
        if hit is not None:
            return hit
        for size in (3, 2, 1):  # «فجر اليوم», «مساء أمس», «يوم الخميس», «في وقت متأخر من»
            if self.words(i, size) in self.lex.day_parts:
                hit = self.core(i + size)
                if hit is not None:
                    hit.first = i
                    return hit
        return None

    def core(self, i: int) -> DateHit | None:
        if i >= self.n:
            return None
        for match in (self.numeric, self.day_month, self.relative, self.weekday,
                      self.period, self.month_phrase):
            hit = match(i)
            if hit is not None:
                return hit
        return None

    # -- absolute and day-of-month dates ---------------------------------
    def numeric(self, i: int) -> DateHit | None:
        """«17-11-2016», «2016/11/17», «17.11.2016»."""
        if self.tokens[i].kind != "num":
            return None
        text = self.texts[i]
        if text.count(".") == 2:
            parts, last = text.split("."), i
        elif (i + 4 < self.n and self.t(i + 1) in _SEPS and self.t(i + 3) in _SEPS
              and self.tokens[i + 2].kind == "num" and self.tokens[i + 4].kind == "num"):
            parts, last = [text, self.texts[i + 2], self.texts[i + 4]], i + 4
        else:
            return None
        if not all(p.isdigit() for p in parts):
            return None
        a, b, c = (int(p) for p in parts)
        y, m, d = (a, b, c) if len(parts[0]) == 4 else (c, b, a)
        y = y + 2000 if y < 100 else y
        value = safe_date(y, m, d) if 1900 <= y <= 2100 else None  # Hijri years are skipped
        return DateHit(i, last, value, "numeric", confidence=0.95) if value else None

    def day_month(self, i: int) -> DateHit | None:
        """«17 نوفمبر 2016», «الثامن من مايو», «15 من الشهر الجاري», «10 و11 أبريل»."""
        self._range_first: int | None = None
        hit = self._day_month(i)
        if hit is not None and self._range_first is not None:
            hit.start = safe_date(hit.value.year, hit.value.month, self._range_first)
            hit.rule += "_range"
        return hit

    def _day_month(self, i: int) -> DateHit | None:
        day, k = self.day_number(i)
        if day is None:
            return None
        first_day: int | None = None
        if self.t(k) in ("و", "-", "الي") and k + 1 < self.n:  # «10 و11 أبريل»: a range
            second, k2 = self.day_number(k + 1)
            if second is not None and second > day:
                first_day, day, k = day, second, k2
        self._range_first = first_day
        if self.t(k) == "من":
            k += 1
        if self.t(k) in self.lex.periods["month"]:  # «من الشهر الجاري»
            marker = self.t(k + 1)
            if self.pub is None or marker not in self.lex.current | self.lex.past:
                return None
            y, m = shift_month(self.pub.year, self.pub.month, -1 if marker in self.lex.past else 0)
            value = safe_date(y, m, day)
            return DateHit(i, k + 1, value, "day_of_this_month", relative=True) if value else None
        found = month_at(self.texts, k)
        if found is None:
            return None
        month, _, last = found
        last = self.twin(last)
        year, last = self.year_after(last)
        if year is not None:
            value = safe_date(year, month, day)
            return DateHit(i, last, value, "day_month_year", confidence=0.95) if value else None
        if self.pub is None:
            return None
        direction = self.direction(last + 1)
        if direction:
            y, m = resolve_month(self.pub, month, direction)
            value, last = safe_date(y, m, day), last + 1
        else:
            value = resolve_day_month(self.pub, month, day)
        return DateHit(i, last, value, "day_month", relative=True) if value else None

    def day_number(self, i: int) -> tuple[int | None, int]:
        """A day of the month at ``i`` (digits or an ordinal word) and the index after it."""
        if self.tokens[i].kind == "num":
            text = self.texts[i]
            ok = text.isdigit() and len(text) <= 2 and 1 <= int(text) <= 31
            return (int(text), i + 1) if ok else (None, i)
        w = self.numwords.get(self.texts[i])
        if w is None or w.kind != "ordinal":
            return None, i
        if self.t(i + 1) in ("عشر", "عشره"):
            return w.value + 10, i + 2
        nxt = self.numwords.get(self.t(i + 1))
        if nxt is not None and nxt.kind == "ten" and nxt.conj:
            return w.value + nxt.value, i + 2
        return w.value, i + 1

    def twin(self, last: int) -> int:
        """Skip the other series' name of the same month: «يوليو (تموز)», «نوفمبر/تشرين الثاني»."""
        if self.t(last + 1) in _TWIN_OPEN:
            other = month_at(self.texts, last + 2)
            if other is not None:
                last = other[2]
                return last + 1 if self.t(last + 1) == ")" else last
        return last

    def year_after(self, last: int) -> tuple[int | None, int]:
        """A year after a month: «2016», «2016م», «عام 2016», «من العام الماضي»."""
        k = last + 1
        if self.t(k) == "من":
            k += 1
        if self.t(k) in self.lex.periods["year"]:
            marker = self.t(k + 1)
            if self.pub is not None and marker in self.lex.past | self.lex.current:
                return self.pub.year - (marker in self.lex.past), k + 1
            k += 1
        if 0 <= k < self.n and self.tokens[k].kind == "num" and len(self.texts[k]) == 4:
            year = int(self.texts[k]) if self.texts[k].isdigit() else 0
            if 1900 <= year <= 2100:
                return year, k + 1 if self.t(k + 1) == "م" else k
        return None, last

    def direction(self, k: int) -> str | None:
        word = self.t(k)
        return "past" if word in self.lex.past else "future" if word in self.lex.future else None

    # -- days relative to publication -----------------------------------
    def relative(self, i: int) -> DateHit | None:
        """«اليوم», «أمس», «أمس الأول», «أول من أمس», «الليلة الماضية», «غدا»."""
        for size in (4, 3, 2, 1):
            offset = self.lex.relative.get(self.words(i, size))
            if offset is None:
                continue
            last = i + size - 1
            if size == 1 and self.texts[i].endswith("اليوم") and not self.is_today(i):
                return None
            if self.pub is None:
                return None
            last = self.confirming_weekday(last)
            return DateHit(i, last, self.pub + timedelta(days=offset), "relative_day", relative=True)
        return None

    def is_today(self, i: int) -> bool:
        """«اليوم» as today, not «اليوم التالي», «نفس اليوم», «عين اليوم» or a quoted title."""
        before, after = self.t(i - 1), self.t(i + 1)
        if after in self.lex.not_today or before in self.lex.not_today_before:
            return False
        return not (before in ('"', "«", "“") and after in ('"', "»", "”"))

    def confirming_weekday(self, last: int) -> int:
        """«أمس الجمعة», «اليوم (الخميس)»: a weekday naming the same day joins the mention."""
        k = last + 1
        if self.t(k) == "(" and self.t(k + 1) in self.lex.weekdays and self.t(k + 2) == ")":
            return k + 2
        return k if self.t(k) in self.lex.weekdays else last

    def weekday(self, i: int) -> DateHit | None:
        """«الخميس», «الخميس الماضي», «السبت والأحد», «الخميس 17 نوفمبر»."""
        wd = self.lex.weekdays.get(self.texts[i])
        if wd is None:
            return None
        k = i + 1
        if self.direction(k):  # «الأحد القادم 18 أبريل»
            k += 1
        if self.t(k) in ("،", ",", "الموافق"):
            k += 1
        if self.t(k) == "الموافق":
            k += 1
        if k < self.n:
            dated = self.day_month(k)
            if dated is not None:
                dated.first = i
                return dated
        if self.pub is None:
            return None
        first_wd, last = None, i
        second = self.lex.weekdays.get(self.t(i + 1))
        if second is not None and self.t(i + 1)[0] == "و":
            first_wd, wd, last = wd, second, i + 1
        direction = self.direction(last + 1)
        last += direction is not None
        value = resolve_weekday(self.pub, wd, direction)
        start = value
        if first_wd is not None:
            start = value - timedelta(days=(value.weekday() - first_wd) % 7)
        rule = "weekday_range" if first_wd is not None else "weekday"
        return DateHit(i, last, value, rule, start=start, relative=True, confidence=0.85)

    # -- spans of time --------------------------------------------------
    def period(self, i: int) -> DateHit | None:
        """«خلال يومين», «خلال الـ24 ساعة الماضية», «منذ أسبوع», «الأسبوع الماضي»."""
        if self.pub is None:
            return None
        word = self.texts[i]
        if word in self.lex.periods["week"] and self.t(i + 1) in self.lex.past:
            return DateHit(i, i + 1, self.pub - timedelta(days=7), "last_week", precision=2,
                        start=self.pub - timedelta(days=13), relative=True, confidence=0.7)
        size = next((s for s in (3, 2, 1) if self.words(i, s) in self.lex.within), 0)
        if size:
            days, last = self.amount(i + size)
            if days is None:
                return None
            last += self.t(last + 1) in self.lex.past
            return DateHit(i, last, self.pub, "within", precision=1 if days <= 1 else 2,
                        start=self.pub - timedelta(days=days), relative=True, confidence=0.7)
        if word in self.lex.periods["since"]:
            days, last = self.amount(i + 1)
            if days is None:
                return None
            precision = 1 if days <= 3 else 2 if days <= 14 else 3
            return DateHit(i, last, self.pub - timedelta(days=days), "ago", precision=precision,
                        relative=True, confidence=0.7)
        return None

    def amount(self, k: int) -> tuple[int | None, int]:
        """Days in «يومين», «3 أيام», «الـ24 ساعة», «أسبوع», «الأيام»: (days, last index)."""
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
        n = n or 1
        unit = self.t(unit_at)
        unit_bare = unit[2:] if unit.startswith("ال") else unit
        if unit_bare in periods["hours"]:
            return max(1, n // 24), unit_at
        for name, days in _UNIT_DAYS.items():
            if unit in periods[name] or unit_bare in periods[name]:
                if unit_at == k and unit.startswith("ال") and name == "day" and unit != "الايام":
                    return None, k  # «منذ اليوم» is not a span
                return (7 if unit == "الايام" else n * days), unit_at
        return None, k

    # -- months -----------------------------------------------------------
    def month_phrase(self, i: int) -> DateHit | None:
        """«ديسمبر 2014», «في حزيران», «منتصف يوليو (تموز)», «الشهر الماضي», «نوفمبر الماضي»."""
        k, position = i, _POSITION.get(self.texts[i])
        k += position is not None
        named_month = self.t(k) in ("شهر", "الشهر") and month_at(self.texts, k + 1) is not None
        k += named_month
        if self.t(k) in self.lex.periods["month"] and not named_month:
            marker = self.direction(k + 1) or ("current" if self.t(k + 1) in self.lex.current else None)
            if marker is None or self.pub is None:
                return None
            y, m = shift_month(self.pub.year, self.pub.month, {"past": -1, "future": 1}.get(marker, 0))
            return self.month_hit(i, k + 1, y, m, position, relative=True)
        found = month_at(self.texts, k)
        if found is None:
            return None
        month, _, last = found
        twin_last = self.twin(last)
        year, year_last = self.year_after(twin_last)
        if self.t(k) in month_table().ambiguous and not (named_month or year or twin_last > last):
            return None  # «أب» father, «مارس» practised
        if year is not None:
            return self.month_hit(i, year_last, year, month, position, relative=False)
        if self.pub is None:
            return None
        direction = self.direction(twin_last + 1)
        if self.t(twin_last + 1) in self.lex.current:
            direction, twin_last = None, twin_last + 1
        y, m = resolve_month(self.pub, month, direction)
        return self.month_hit(i, twin_last + (direction is not None), y, m, position, relative=True)

    def month_hit(self, i: int, last: int, year: int, month: int, position: str | None,
                  relative: bool) -> DateHit:
        start, end = month_range(year, month, self.pub)
        if position is None:
            return DateHit(i, last, end, "month", precision=3, start=start, relative=relative,
                        confidence=0.8)
        lo, hi = {"early": (1, 10), "mid": (11, 20), "late": (21, end.day)}[position]
        lo_d = safe_date(year, month, lo) or start
        hi_d = min(safe_date(year, month, hi) or end, max(end, lo_d))
        return DateHit(i, last, hi_d, f"month_{position}", precision=2, start=lo_d,
                    relative=relative, confidence=0.75)
