"""Token patterns for Arabic date expressions (used by :mod:`rasd.stages.dates`).

:class:`DateMatcher` walks the folded tokens of one document and returns
:class:`DateHit` values (token range, resolved date, precision, range start);
the resolution rules live in :mod:`rasd.text.datewords`, spans of time and
months in :mod:`rasd.text.dateperiods`.

Beyond single expressions it joins what news writes as one date: a relative
day and its weekday («أمس الخميس»; when they disagree the named weekday wins,
as Saudi dailies of 2015 print on the morning after writing), a night over
two days («ليل الأحد الاثنين»: the first day's night), and a stretch «مساء
الاثنين واستمرت إلى فجر الثلاثاء» (dated on its last day). It also marks a
date that tells when something was *reported* («حسبما أفاد المرصد أمس»,
«في بيان أمس») rather than when it happened.
"""
from __future__ import annotations

from datetime import date, timedelta

from ..mentions import Token
from .dateperiods import DateHit, PeriodPatterns
from .dateweekdays import WeekdayPatterns
from .datewords import (DAY_MONTH, NUMERIC, DateLexicon, pattern_starts, resolve_day_month,
                        resolve_month, resolve_weekday, safe_date, shift_month)
from .months import month_at, month_table
from .numwords import number_lexicon

_SEPS = frozenset("-/")
_TWIN_OPEN = frozenset({"/", "(", "-", "او"})
# words that may stand between the two ends of «مساء الاثنين واستمرت إلى فجر الثلاثاء»
_UNTIL = frozenset({"حتي", "الي", "وحتي", "والي"})
_REPORT_WINDOW = 6
_SENTENCE_ENDS = frozenset({".", "؟", "?", "!"})
_NAME_WINS_DAYS = 2

__all__ = ["DateHit", "DateMatcher"]

#: the patterns' bits (datewords.PatternStarts) → their indices, in order
_ORDER = tuple(tuple(k for k in range(6) if mask >> k & 1) for mask in range(64))


class DateMatcher(PeriodPatterns, WeekdayPatterns):
    """Token patterns for date expressions in one document."""

    def __init__(self, tokens: tuple[Token, ...], lex: DateLexicon, published: date | None) -> None:
        self.tokens = tokens
        self.texts = [t.text for t in tokens]
        self.n = len(tokens)
        self.lex = lex
        self.pub = published
        self.numwords = number_lexicon().words
        self.months = month_table()
        self.firsts = pattern_starts(lex)

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
        """Every date expression, in order, with stretches joined and report dates marked."""
        out, i = [], 0
        start = self.firsts.start
        # only the tokens that may start one (numbers and a few words) are tried
        for k in [k for k, t in enumerate(self.tokens) if t.kind == "num" or t.text in start]:
            if k < i:
                continue  # inside the expression before
            hit = self.at(k)
            if hit is None:
                continue
            hit = self.until(hit)
            hit.report = self.is_report(hit.first)
            out.append(hit)
            i = hit.last + 1
        for hit, nxt in zip(out, out[1:]):
            hit.head = self.relative_between(hit.last + 1, nxt.first)
        return out

    def relative_between(self, a: int, b: int) -> bool:
        """Is there a relative pronoun in tokens ``a..b-1``, all in one sentence?"""
        words = self.texts[a:b]
        return (any(w in self.lex.relative_clause for w in words)
                and not any(w in _SENTENCE_ENDS for w in words))

    def until(self, hit: DateHit) -> DateHit:
        """«مساء الاثنين واستمرت إلى فجر الثلاثاء», «منذ مساء الخميس حتى فجر الجمعة»: one stretch."""
        k = hit.last + 1
        for _ in range(2):  # «واستمرت إلى», «وحتى»
            if self.t(k) in _UNTIL:
                break
            if not self.t(k).startswith("و") or self.t(k) in self.lex.weekdays:
                return hit
            k += 1
        if self.t(k) not in _UNTIL:
            return hit
        end = self.at(k + 1)
        if end is None or end.value < hit.value or (end.value - hit.value).days > 7:
            return hit  # «تبدأ ليل الأحد وتستمر حتى الجمعة»: a plan, not a past stretch
        return DateHit(hit.first, end.last, end.value, hit.rule + "_until", precision=max(hit.precision, end.precision),
                       start=hit.start or hit.value, relative=hit.relative or end.relative,
                       confidence=min(hit.confidence, end.confidence))

    def is_report(self, first: int) -> bool:
        """Does the date tell when a source spoke («قال المرصد أمس», «في بيان أمس»)?

        A reporting word a few tokens before the date, with only its subject
        between them (no complementizer, figure, punctuation or preposition
        that would start the reported content: «أفاد المرصد بمقتل 5 أمس»).
        """
        for k in range(first - 1, max(-1, first - 1 - _REPORT_WINDOW), -1):
            tok = self.tokens[k]
            word = tok.text
            if word in self.lex.report_words:
                return True
            bare = word[1:] if word[:1] in ("ب", "و", "ل") else word
            if tok.kind != "word" or word in self.lex.report_stops or bare in self.lex.report_stops:
                return False
        return False

    def could_start(self, i: int) -> bool:
        """Can a date expression start at token ``i``? (most tokens: no, at once)."""
        return self.tokens[i].kind == "num" or self.texts[i] in self.firsts.start

    def at(self, i: int) -> DateHit | None:
        if i >= self.n or not self.could_start(i):
            return None
        hit = self.core(i)
        if hit is not None:
            return hit
        # «فجر اليوم», «مساء أمس», «يوم الخميس», «منذ وقت متأخر من مساء الأحد»
        for size in self.firsts.day_part_sizes.get(self.texts[i], ()):  # (longest first)
            if size <= self.n - i and self.words(i, size) in self.lex.day_parts:
                hit = self.at(i + size)
                if hit is not None:
                    hit.first = i
                    return self.since(hit) if self.texts[i] in self.lex.periods["since"] else hit
        return None

    def since(self, hit: DateHit) -> DateHit:
        """«منذ مارس الماضي», «منذ الأسبوع الماضي»: what has gone on since then, up to publication.

        («منذ صباح أمس» keeps its day: the start of a fight coders date it by.)
        """
        if hit.precision == 1 or self.pub is None or hit.value > self.pub:
            return hit
        return DateHit(hit.first, hit.last, self.pub, "since_" + hit.rule, precision=3,
                       start=hit.start or hit.value, relative=True, confidence=0.5)

    def core(self, i: int) -> DateHit | None:
        if i >= self.n:
            return None
        # only the patterns that may start with this token (the others find nothing)
        mask = self.firsts.patterns.get(self.texts[i], 0)
        if self.tokens[i].kind == "num":
            mask |= NUMERIC | DAY_MONTH
        for k in _ORDER[mask]:
            hit = _PATTERNS[k](self, i)
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
        if self.t(k) in self.lex.current and self.t(k) != "هذا":  # «في 14 الجاري»
            value = safe_date(self.pub.year, self.pub.month, day) if self.pub else None
            return DateHit(i, k, value, "day_of_this_month", relative=True) if value else None
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
        elif self.t(last + 1) in self.lex.current:  # «15 يوليو الجاري»
            value, last = safe_date(self.pub.year, month, day), last + 1
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
        this, other = month_at(self.texts, last, backwards=True), month_at(self.texts, last + 1)
        if this is not None and other is not None and this[0] == other[0]:
            return other[2]  # «مارس آذار» (news agencies write the pair without a mark)
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
        for size in self.firsts.relative_sizes.get(self.texts[i], ()):  # (longest first)
            offset = self.lex.relative.get(self.words(i, size))
            if offset is None:
                continue
            if size == 1 and self.texts[i].endswith("اليوم") and not self.is_today(i):
                return None
            if self.pub is None:
                return None
            glossed = self.gloss(i + size)
            if glossed is not None:  # «اليوم (أمس)»: the quoted source's today, the paper's yesterday
                offset, last = glossed
                return DateHit(i, last, self.pub + timedelta(days=offset), "relative_day", relative=True)
            day = self.pub + timedelta(days=offset)
            last, wd, joined = self.named_weekday(i + size - 1)
            if wd is None or wd == day.weekday():
                return DateHit(i, last, day, "relative_day", relative=True)
            if joined:  # «أمس والخميس»: two days, dated on the later
                lo, hi = sorted((day, resolve_weekday(self.pub, wd)))
                return DateHit(i, last, hi, "relative_day_range", start=lo, relative=True, confidence=0.8)
            # «أمس الثلاثاء» in a Thursday paper was written the day before (Saudi
            # dailies print the next morning): the name wins when it is a day or
            # two earlier; a wider gap is a wrong publication date, and the words
            # relative to it are kept
            named = resolve_weekday(day, wd)
            if offset > 0 or (day - named).days > _NAME_WINS_DAYS:
                return DateHit(i, last, day, "relative_day", relative=True, confidence=0.7)
            return DateHit(i, last, named, "relative_weekday", relative=True, confidence=0.8)
        return None

    def gloss(self, k: int) -> tuple[int, int] | None:
        """A relative day in brackets at ``k`` («(أمس)»): (its offset, index of «)»), else None.

        Papers printed the next morning quote a source's «اليوم» and add their own
        day in brackets; the bracketed day is relative to the publication date.
        """
        if self.t(k) != "(":
            return None
        for size in self.firsts.relative_sizes.get(self.t(k + 1), ()):
            offset = self.lex.relative.get(self.words(k + 1, size))
            if offset is not None and self.t(k + 1 + size) == ")":
                return offset, k + 1 + size
        return None

    def is_today(self, i: int) -> bool:
        """«اليوم» as today, not «اليوم التالي», «نفس اليوم», «عين اليوم» or a quoted title."""
        before, after = self.t(i - 1), self.t(i + 1)
        if after in self.lex.not_today or before in self.lex.not_today_before:
            return False
        return not (before in ('"', "«", "“") and after in ('"', "»", "”"))


#: the patterns in the order :meth:`DateMatcher.core` tries them (plain functions: bound
#: methods kept on the matcher would make a reference cycle, freed only by the collector)
_PATTERNS = (DateMatcher.numeric, DateMatcher.day_month, DateMatcher.relative, DateMatcher.weekday,
             DateMatcher.period, DateMatcher.month_phrase)
