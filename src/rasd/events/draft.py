"""From frames to event drafts: scene, date, type, actors, figures; tallies apart.

A draft is one event as one passage reports it. Drafts of the same incident
in one article (EVENTS.md §1: Batbo reported as 23 and again as 21) are merged
by :mod:`rasd.events.merge`.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Callable, Sequence

from ..mentions import Casualty, Token
from .figures import UNKNOWN_SMALL, Figures, figures, massacre
from .frames import Frame
from .scene import Scene, scenes
from .filters import (armed, attack_reference, natural_deaths_only, nominal, quoted_ranges,
                      reports_event, strategic_ok, violent_death)
from .typing_ import TypeChoice, choose_type, role
from .linking import lend, link_placeless
from ..text.datewords import base_rule
from .when import WRITTEN_RULES, DateContext, When
from .words import DEFINITE, any_before, is_word, word_pattern, words
from .who import Roles, roles

LARGE_WORDS = ("مجزره", "مجازر", "مذبحه")
#: how many words before a date a contrast word («في حين واصل الطيران الجمعة») may stand
CONTRAST_REACH = 5
#: events dated more than this many days before publication are background
BACKGROUND_DAYS = 7


@dataclass
class Draft:
    """One event as reported by one passage (or several, after merging)."""

    frame: Frame
    scene: Scene
    when: When
    kind: TypeChoice
    roles: Roles
    figs: Figures
    reports: list[Figures] = field(default_factory=list)
    frames: list[Frame] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.reports:
            self.reports = [self.figs]
        if not self.frames:
            self.frames = [self.frame]


@dataclass
class Tally:
    frame: Frame
    figs: Figures
    when: When


class Drafter:
    """Turns a document's frames into drafts and tallies."""

    def __init__(self, doc: Any, index_of: Any, sentence_of: Any, city_of: Any) -> None:
        self.doc = doc
        self.tokens: Sequence[Token] = doc["tokens"]
        self.index_of = index_of
        self.sentence_of = sentence_of
        self.city_of = city_of
        # quoted words are talk, unless a source is credited for them («أكد مصدر
        # محلي لوكالة فرانس برس أن "المقاومة سيطرت على ..."»): then they report
        sources = doc.get("sources", ())
        self.quotes = [q for q in quoted_ranges(doc.norm.text)
                       if not any(sentence_of(x.nstart) == sentence_of(q[0]) and x.nend <= q[0]
                                  for x in sources)]
        self.sentences = doc["sentences"]
        self.dates = DateContext(doc.get("dates", ()), sentence_of, doc.article.published,
                                 self._contrast_dates(doc.get("dates", ())))
        self.confirmed = _confirmed_places(doc.get("places", ()))
        self.retrospect: dict[int, bool] = {}  # sentence → about a trial or anniversary (computed once)
        # place → the written day, long before the report, of the last frame set there
        self.place_days: dict[str, When] = {}
        self.years: dict[int, list[int]] = {}
        for n in doc.get("numbers", ()):
            if n.kind == "year" and n.value is not None:
                self.years.setdefault(sentence_of(n.nstart), []).append(int(n.value))
        # tokens of actor names, left out of trigger-to-place distances
        self.named = frozenset(k for a in doc.get("actors", ())
                               for k in range(index_of(a.nstart), index_of(a.nend - 1) + 1))
        self.sentence_actors: dict[int, list[Any]] = {}
        for a in doc.get("actors", ()):
            self.sentence_actors.setdefault(sentence_of(a.nstart), []).append(a)

    def _contrast_dates(self, dates: Sequence[Any]) -> frozenset[int]:
        """Starts of the dates told in a clause opened by «في حين» or «بينما»."""
        out = set()
        for d in dates:
            i = self.index_of(d.nstart)
            start = self.index_of(self.clause_start(d.nstart))
            if any(self._contrast_at(j) for j in range(max(start, i - CONTRAST_REACH), i)):
                out.add(d.nstart)
        return frozenset(out)

    def _contrast_at(self, j: int) -> bool:
        """A contrast word at token ``j``, or one ending there («في حين»): lexicon
        frames.toml [contrast]."""
        return is_word(self.tokens[j], "contrast") or (
            j > 0 and f"{self.tokens[j - 1].text} {self.tokens[j].text}" in words("contrast"))

    def clause_start(self, nstart: int) -> int:
        s = self.sentences[self.sentence_of(nstart)]
        for a, b in s.clauses:
            if a <= nstart < b:
                return a
        return s.nstart

    def _tally_cue(self, f: Frame) -> bool:
        return any(c.tally or self._cue_near(c) for c in f.casualties)

    def _cue_near(self, c: Casualty) -> bool:
        from .cues import matcher
        i = self.index_of(c.nstart)
        lo, hi = max(0, i - 8), min(len(self.tokens), self.index_of(c.nend - 1) + 10)
        for m in matcher().finditer(self.tokens, lo, hi):
            if any(x.kind == "tally" for x in m.payload):
                return True
        return False

    def _dead_unnumbered(self, f: Frame, figs: Figures) -> None:
        """A referenced attack whose passage speaks of its dead without a number
        («التفجير الذي استهدف مسجد قوات الطوارئ ... رحم الله الشهداء»): deaths
        reported without any number count 3 (EVENTS.md §2)."""
        from .cues import matcher
        s = self.sentences[f.sentence]
        last = self.sentences[min(f.sentence + 1, len(self.sentences) - 1)]
        lo, hi = self.index_of(s.nstart), self.index_of(last.nend - 1) + 1
        for m in matcher().finditer(self.tokens, lo, hi):
            if any(x.kind in ("death", "death_or_injury") for x in m.payload):
                figs.fatalities, figs.exact = UNKNOWN_SMALL, False
                figs.rule = "fatalities.acled_default_referenced_attack"
                figs.spans = [self.doc.raw_span(m.nstart, m.nend)]
                return

    def _referenced_scene(self, f: Frame, attacks: list[Any], reports: Callable[[Any, Any], bool]) -> list[Scene]:
        """The place named right after a referenced attack («التفجير الذي حدث في
        مسجد قوات الطوارئ بمنطقة عسير»), even an admin unit, even when the frame
        names another place (where a visit or a condolence happened)."""
        after = [m for t in attacks for m in f.places if self.eligible(m) and reports(t, m)]
        if not after:
            return []
        m = min(after, key=lambda x: x.nstart)
        unit = m.place is not None and m.place.level in ("admin1", "admin2")
        return [Scene(m, [], [c for c in f.places if c is not m],
                      rule="scene.admin_unit_only" if unit else "scene.single")]

    def _military(self, t: Any) -> bool:
        """Is the trigger a strike only armed forces carry out («لقصف جوي»)?"""
        return role(t) == "strike" and is_word(self.tokens[self.index_of(t.nstart)], "military_acts")

    def _main_triggers(self, triggers: list[Any]) -> list[Any]:
        """The triggers of the action itself: strikes named as support for it
        («بإسناد من طيران التحالف», «بغطاء جوي») do not decide its kind."""
        main = [t for t in triggers if not self._support(t)]
        return main or triggers

    def _support(self, t: Any) -> bool:
        i = self.index_of(t.nstart)
        return is_word(self.tokens[i], "support") or any_before(self.tokens, i, "support", 3)

    def _background(self, when: When) -> bool:
        """An incident the article dates more than a week before publication is
        background (a trial, an anniversary, a list of past attacks): EVENTS.md
        §1 codes such events "if at all", and rasd leaves them out."""
        published = self.dates.published
        return bool(when.value and published and (published - when.value).days > BACKGROUND_DAYS)

    def _past_year(self, sentence: int) -> bool:
        """«قرارا باعدام مطلق النار في سينما باورورا ... عام 2012 وأسفر عن مقتل
        12 شخصا»: a sentence set in an earlier year (named in it or in the one
        before), with no day of its own."""
        published = self.dates.published
        years = self.years.get(sentence, []) + self.years.get(sentence - 1, [])
        return bool(published and any(y < published.year for y in years))

    def _retrospect(self, sentence: int) -> bool:
        """Is the sentence about a trial or an anniversary («في أول جلسة لمحاكمة
        المتهمين بتفجير ...», «إحياء الذكرى الأولى لمقتل ...»)?"""
        if sentence not in self.retrospect:
            s = self.sentences[sentence]
            # a word of the set is a substring of any token that is it with proclitics:
            # most sentences hold none, and one search of the text rules them out
            found = word_pattern("retrospect").search(self.doc.norm.text, s.nstart, s.nend) is not None
            self.retrospect[sentence] = found and any(
                is_word(t, "retrospect") for t in self.tokens[self.index_of(s.nstart):self.index_of(s.nend - 1) + 1])
        return self.retrospect[sentence]

    def eligible(self, m: Any) -> bool:
        """Can this place mention be the scene of an event?"""
        if m.place is None:
            return bool(m.cue)
        if m.place.level == "country":
            return False
        return m.rule != "anaphora" or m.place.gid in self.confirmed.get(m.nstart, set())

    def _figures(self, f: Frame) -> Figures:
        large = [t for t in f.triggers if t.text in LARGE_WORDS]
        figs = figures(f.casualties, bool(large))
        if large and not figs.has_deaths and not f.casualties:
            massacre(figs, large)
        return figs

    def _looks_back(self, f: Frame, when: When) -> bool:
        """Background: dated long before the report, or set in an earlier year,
        a trial or an anniversary with no day of its own."""
        return self._background(when) or (not f.dates and (self._past_year(f.sentence)
                                                           or self._retrospect(f.sentence)))

    def _is_tally(self, f: Frame, scs: list[Scene]) -> bool:
        """Is the frame's toll a running total rather than one incident's?"""
        specific = [s for s in scs if (s.place is None and s.mention.cue) or
                    (s.place is not None and s.place.level in ("populated", "neighbourhood", "admin3", "admin2"))]
        return (not scs or (self._tally_cue(f) and (len(scs) > 1 or not specific))
                or _spread(scs, f.places))

    def _reported(self, f: Frame, figs: Figures, scs: list[Scene], attacks: list[Any]
                  ) -> tuple[list[Scene], list[Any]] | None:
        """The scenes and the triggers of an event the frame reports, or None when
        it reports none (talk about violence, an accident, a known event)."""
        triggers = f.triggers or f.borrowed.get("triggers", [])
        around = self.sentence_actors.get(f.sentence, [])

        def reports(t: Any, m: Any) -> bool:
            if any(m is p for p in f.named_back):  # the text pointed them back to the event
                return role(t) != "generic"
            return reports_event(t, m, self.tokens, self.index_of, self.quotes, self.clause_start,
                                 t in attacks, self.named)
        if not (figs.has_deaths or figs.injured):
            # an armed actor, named or implied by a weapon only armed forces use
            # («لقصف جوي», «بالبراميل المتفجرة»)
            if not armed(around) and not attacks and not any(self._military(t) for t in f.triggers):
                return None
            if not f.dates and not attacks and all(nominal(t, self.tokens, self.index_of) for t in f.triggers):
                return None
            scs = self._referenced_scene(f, attacks, reports) \
                or [sc for sc in scs if any(reports(t, sc.mention) for t in f.triggers)]
            # the kind is what the words that report the event say
            triggers = [t for t in f.triggers if any(reports(t, sc.mention) for sc in scs)]
        elif not triggers and not violent_death(f.casualties, around):
            return None
        elif attacks:
            # «أدان أهالي القطيف التفجير الذي استهدف مسجد ... في عسير»: the
            # attack's own place, not the mourners'
            scs = self._referenced_scene(f, attacks, reports) or scs
        elif (natural_deaths_only(f.casualties, self.tokens, self.index_of)
              or not (figs.has_deaths or triggers) or not (figs.has_deaths or armed(around))) \
                and not any(role(t) == "strike" for t in triggers):
            # an accident or an illness, not an attack; or people hurt with no
            # word of the violence that hurt them
            return None
        return (scs, triggers) if scs else None

    def _kind(self, f: Frame, figs: Figures, triggers: list[Any], r: Roles, attacks: list[Any]
              ) -> TypeChoice | None:
        """The event's ACLED type, or None for a strategic development that is
        no conflict data."""
        fam1 = r.actor1.actor.family if r.actor1 is not None else None
        civilians = any(c.victims in ("civilian", "child", "woman") for c in f.deaths())
        kind = choose_type(self._main_triggers(triggers), fam1, figs.has_deaths, civilians)
        if kind.trigger is not None and kind.trigger in attacks:
            kind = replace(kind, rule="type.attack_reference")
            if not figs.has_deaths:
                self._dead_unnumbered(f, figs)
        around = self.sentence_actors.get(f.sentence, [])
        return kind if strategic_ok(kind.event_type, around) else None

    def draft(self, f: Frame) -> tuple[list[Draft], list[Tally]]:
        """Drafts (usually one) or a tally for one frame."""
        figs = self._figures(f)
        when = self._place_day(f) or self.dates.choose(f.dates, f.nstart, f.nend, f.sentence)
        self._remember_day(f, when)
        if self._looks_back(f, when):
            return [], []
        has_figure = bool(f.deaths())
        scs = scenes(f.places, self.tokens, self.index_of, has_figure or bool(figs.injured), self.city_of,
                     self.eligible)
        if has_figure and self._is_tally(f, scs):
            return [], [Tally(f, figs, when)]
        attacks = [t for t in f.triggers if attack_reference(t, self.tokens, self.index_of)]
        reported = self._reported(f, figs, scs, attacks)
        if reported is None:
            return [], []
        scs, triggers = reported
        actors = f.actors or f.borrowed.get("actors", [])
        r = roles(actors, triggers, f.casualties, self.tokens, self.index_of)
        kind = self._kind(f, figs, triggers, r, attacks)
        if kind is None:
            return [], []
        out = []
        for k, sc in enumerate(scs):
            fg = figs if k == 0 else Figures()
            out.append(Draft(f, sc, when, kind, r, fg))
        return out, []

    def _place_day(self, f: Frame) -> When | None:
        """«... الهجوم المتطرف على متحف باردو في تونس في 18 مارس ... وقال إن الهجوم
        على متحف باردو الذي خلف 22 قتيلا ...»: a frame with no day of its own at a
        place where an earlier frame set a past incident (by a day it wrote, long
        before the report) tells of that incident: background, like it."""
        if f.dates or not any(DEFINITE.match(t.text) for t in f.triggers):
            return None  # «الهجوم على متحف باردو»: a definite noun points back to a known incident
        known = [self.place_days[k] for k in self._place_keys(f) if k in self.place_days]
        return replace(known[-1], rule="date.same_place_before", confidence=0.6) if known else None

    def _remember_day(self, f: Frame, when: When) -> None:
        # only a day the text writes out («في 18 مارس»): «منذ الصيف الماضي» or «منتصف
        # يوليو» set no incident at a place
        if f.dates and when.precision == 1 and base_rule(when) in WRITTEN_RULES \
                and self._background(when):
            for k in self._place_keys(f):
                self.place_days[k] = when

    @staticmethod
    def _place_keys(f: Frame) -> list[str]:
        return [m.place.gid for m in f.places if m.place is not None and m.place.level not in ("country", "admin1")]

    def run(self, frames: list[Frame]) -> tuple[list[Draft], list[Tally]]:
        drafts: list[Draft] = []
        tallies: list[Tally] = []
        frames = link_placeless(frames, self._tally_cue)
        lend(frames)
        for f in frames:
            # «أجّلت القضية إلى جلسة الاثنين المقبل»: the frame has no day of its own (a
            # trial report with none tells of the past)
            f.dates = self.dates.past(f.dates)
            if f.modal:
                continue
            d, t = self.draft(f)
            drafts.extend(d)
            tallies.extend(t)
        return drafts, tallies


def _spread(scs: list[Scene], places: list[Any]) -> bool:
    """A toll placed only at a governorate while the frame names other areas
    too («قتل أكثر من 84 ... على الأحياء المحاصرة شرق المدينة وريفها»)
    covers several places: a running total, not one incident."""
    if len(scs) != 1 or scs[0].rule != "scene.admin_unit_only":
        return False
    areas = {m.place.gid for m in places if m.place is not None and m.place.level != "country"}
    return len(areas) >= 2


def _confirmed_places(places: Sequence[Any]) -> dict[int, set[str]]:
    """For each mention position, the places named (not inferred) before it."""
    seen: set[str] = set()
    out: dict[int, set[str]] = {}
    for m in sorted(places, key=lambda m: m.nstart):
        out[m.nstart] = set(seen)
        if m.place is not None and m.rule != "anaphora":
            seen.add(m.place.gid)
    return out
