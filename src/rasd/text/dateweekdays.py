"""Weekday patterns of :class:`rasd.text.datematch.DateMatcher`: «الخميس»,
«الخميس الماضي», «السبت والأحد», a night over two days («ليل الأحد الاثنين»,
its midnight the second day), a weekday after a relative day («أمس الجمعة»).
Kept apart from :mod:`rasd.text.datematch` for its size."""
from __future__ import annotations

from datetime import timedelta

from .dateperiods import DateHit, MatcherState
from .datewords import resolve_weekday

_NIGHT_SEPS = frozenset({"-", "/", "الي", "علي", "–"})


class WeekdayPatterns(MatcherState):
    """Weekday expressions (a mixin: the matcher provides ``t``, ``direction`` and
    ``day_month``)."""

    def direction(self, k: int) -> str | None:  # provided by the matcher
        raise NotImplementedError

    def day_month(self, i: int) -> DateHit | None:  # provided by the matcher
        raise NotImplementedError

    def named_weekday(self, last: int) -> tuple[int, int | None, bool]:
        """A weekday right after a relative day («أمس الجمعة», «اليوم (الخميس)», «أمس والخميس»).

        (new last index, the weekday or None, whether it is joined by «و»).
        """
        k = last + 1
        if self.t(k) == "(" and self.t(k + 1) in self.lex.weekdays and self.t(k + 2) == ")":
            return k + 2, self.lex.weekdays[self.t(k + 1)], False
        word = self.t(k)
        if word not in self.lex.weekdays:
            return last, None, False
        return k, self.lex.weekdays[word], word[0] == "و" and word[1:] in self.lex.weekdays

    def weekday(self, i: int) -> DateHit | None:
        """«الخميس», «الخميس الماضي», «السبت والأحد», «ليل الأحد الاثنين», «الخميس 17 نوفمبر»."""
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
        night_end = self.night_pair(i, wd)
        if night_end is not None:  # the night of the first day; its midnight is the second day
            value = resolve_weekday(self.pub, wd) + timedelta(days=self.at_midnight(i))
            return DateHit(i, night_end, value, "weekday_night", relative=True, confidence=0.85)
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

    def at_midnight(self, i: int) -> bool:
        """Is the night word before the weekday at ``i`` after «منتصف» («بعد منتصف ليل الأحد الاثنين»)?"""
        night = i - 1 if self.t(i - 1) != "يوم" else i - 2
        return self.t(night - 1) in self.lex.midnight

    def night_pair(self, i: int, wd: int) -> int | None:
        """Last token of «ليل الأحد الاثنين», «ليلة السبت - الأحد», «ليل الجمعة/السبت» (else None)."""
        before = self.t(i - 1) if self.t(i - 1) != "يوم" else self.t(i - 2)
        if before not in self.lex.nights:
            return None
        k = i + 1 + (self.t(i + 1) in _NIGHT_SEPS)
        nxt = self.t(k)
        return k if self.lex.weekdays.get(nxt) == (wd + 1) % 7 and nxt[0] != "و" else None
