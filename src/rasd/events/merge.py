"""Merging the reports of one incident within an article (EVENTS.md §1).

Two drafts are the same incident when they are at the same place (same
gazetteer entry, or the same name), within a day of each other (never two
different explicit days; a report the text gives no day for, coded on the
publication day, may join one of the same event type days before), and
their figures and actors do not tell two
incidents apart. Coders record one event per place and day: a passage that
adds shelling or air support to a battle already reported there, with no
toll of its own, is the same event. Two reports of different kinds that each
give their own exact toll stay two events (a clash killing 15 and shelling
killing a civilian). The merged event keeps every report: ``fatalities`` is
the lowest exact figure (ACLED's conservative rule; a default for a
number-less report never undercuts a reported number), ``fatalities_reported``
the range; subsets take the lowest figure among the reports that give one.
An explicitly dated report fixes the date.

Two further ways one incident is told twice: the same exact toll of the same
kind on the same day, once at a region or a place the gazetteer lacks and
once at a known place (coded at the narrower one); and a report dated only
by when it was told («كشفت السلطات أمس ...») beside the same incident dated
days before (coded on the earlier day). Last, :func:`summaries` keeps a toll
at an admin unit that sums the tolls told at places inside it as a tally.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..text.arabic import normalize_key
from ..text.datewords import REPORT
from .draft import Draft, Tally
from .scene import specificity
from .typing_ import role
from .when import RECENT_DAYS

MAX_DAYS_APART = 1


def place_key(d: Draft) -> str:
    p = d.scene.place
    if p is not None:
        return p.gid
    return "name:" + d.scene.mention.surface


def _name_key(d: Draft) -> str:
    """The place's name folded for comparison: «لبوزه»/«لبوزة», «العند»/«عند»."""
    p = d.scene.place
    name = p.name_ar if p is not None else d.scene.mention.surface
    words = []
    for w in normalize_key(name).split():
        if w.startswith("ال") and len(w) > 4:
            w = w[2:]
        words.append(w[:-1] if len(w) > 3 and w[-1] in "اه" else w)
    return " ".join(words)


def same_place(a: Draft, b: Draft) -> bool:
    return place_key(a) == place_key(b) or _name_key(a) == _name_key(b)


def _within(unit: Draft, d: Draft) -> bool:
    """Is ``unit`` coded only at an admin unit that contains ``d``'s place
    («التفجير ... في منطقة عسير» and «مسجد قوات الطوارئ في أبها»)?"""
    u = unit.scene.place
    # an unresolved town still names its governorate («جبل الجماجم بمحافظة البيضاء»)
    p = d.scene.place or getattr(d.scene.mention, "region", None)
    if unit.scene.rule != "scene.admin_unit_only" or u is None or p is None or d.scene.place is u:
        return False
    if d.scene.rule == "scene.admin_unit_only" or p.country != u.country:
        return False
    return (u.level == "admin1" and p.admin1 == u.admin1) or (u.level == "admin2" and p.admin2 == u.admin2)


def _days(a: Draft, b: Draft) -> int:
    if a.when.value is None or b.when.value is None:
        return 0
    return abs((a.when.value - b.when.value).days)


def _generic(d: Draft) -> bool:
    return d.kind.trigger is None or role(d.kind.trigger) == "generic"


def _explicit(d: Draft) -> bool:
    return d.when.span is not None and not d.when.rule.startswith("date.inherited")


def _exact_tolls(d: Draft) -> list[int]:
    return [f.fatalities for f in d.reports if f.fatalities > 0 and f.exact]


def _figures_agree(a: Draft, b: Draft) -> bool:
    """Two death tolls of one incident differ by revision, not by a factor of two."""
    fa, fb = _exact_tolls(a), _exact_tolls(b)
    if not fa or not fb:
        return True
    lo, hi = min(fa + fb), max(fa + fb)
    return lo * 2 >= hi


def _same_kind(a: Draft, b: Draft) -> bool:
    return a.kind.sub_event_type == b.kind.sub_event_type or _generic(a) or _generic(b)


def _vague(d: Draft) -> bool:
    """Placed at a region or at a name the gazetteer does not know."""
    return d.scene.place is None or d.scene.place.level == "region"


def _same_toll_unplaced(a: Draft, b: Draft) -> bool:
    """«قتلت ثمانية ... في منطقة القوقاز» and «... قرب الشيشان ... القضاء على
    ثمانية مسلحين»: the same exact toll of the same kind on the same day, once
    at a place the gazetteer does not know or a region wider than a province,
    is one incident told twice."""
    if _vague(a) == _vague(b) or _days(a, b) > 0:
        return False
    ta, tb = _exact_tolls(a), _exact_tolls(b)
    # one killed at each of two places is common in a roundup, and two reports
    # with different wounded counts are two incidents
    ia, ib = _min_known([f.injured for f in a.reports]), _min_known([f.injured for f in b.reports])
    return (bool(ta) and ta == tb and min(ta) >= 2 and a.kind.sub_event_type == b.kind.sub_event_type
            and (ia is None or ib is None or ia == ib))


def _reported_day(d: Draft) -> bool:
    """Is the draft dated only by when a source spoke («كشفت السلطات أمس ...»)?"""
    return d.when.rule.endswith(REPORT)


def _told_later(a: Draft, b: Draft) -> bool:
    """«كشفت السلطات، أمس، عن هوية منفذ حادثة تفجير في مسجد ... بأبها» and «دخل
    الانتحاري مسجد ... في أبها الخميس الماضي ... ثم فجّر نفسه»: a report dated
    by its telling and the same kind of incident at the same place dated a few
    days before it are one incident, of the earlier day."""
    if _reported_day(a) == _reported_day(b) or a.when.value is None or b.when.value is None:
        return False
    told, event = (a, b) if _reported_day(a) else (b, a)
    # (a follow-up tells of an incident as long as a date stays recent)
    return (0 < (told.when.value - event.when.value).days <= RECENT_DAYS
            and same_place(a, b) and _same_kind(a, b) and _figures_agree(a, b))


def compatible(a: Draft, b: Draft) -> bool:
    """Are two drafts of one article reports of the same incident?"""
    if _same_toll_unplaced(a, b) or _told_later(a, b):
        return True
    if _within(a, b) or _within(b, a):
        # a report placed only at the governorate and one at a town in it:
        # one incident when of the same kind of violence
        return _days(a, b) <= MAX_DAYS_APART and _figures_agree(a, b) and _same_kind(a, b)
    # a report the text gives no day for (coded on the publication day) is no
    # evidence of another day: «الغارة على مدينة الصالح» after «غارات ... مساء الخميس»
    undated = (a.when.span is None or b.when.span is None) and a.kind.event_type == b.kind.event_type
    if not same_place(a, b) or (_days(a, b) > MAX_DAYS_APART and not undated):
        return False
    if _explicit(a) and _explicit(b) and _days(a, b) > 0:
        return False
    if not _figures_agree(a, b):
        return False
    # different kinds with a toll each are two incidents at one place
    return _same_kind(a, b) or not (_exact_tolls(a) and _exact_tolls(b))


def _min_known(values: list[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return min(known) if known else None


def _mention_key(m: Any) -> str:
    return m.place.gid if m.place is not None else "name:" + normalize_key(m.surface)


def _better_kind(a: Draft, b: Draft) -> bool:
    """Does a later report ``a`` rename the incident first reported as ``b``?
    The report that gives the toll names it; else a battle wins over the
    strikes reported with it (ACLED codes a clash with air cover as a clash);
    else a specific word over a generic one."""
    if bool(_exact_tolls(b)) != bool(_exact_tolls(a)):
        return bool(_exact_tolls(a))
    battle_a, battle_b = a.kind.event_type == "Battles", b.kind.event_type == "Battles"
    if battle_a != battle_b and not (_generic(a) and not _generic(b)):
        return battle_a
    return _generic(b) and not _generic(a)


def _better_date(a: Draft, b: Draft) -> bool:
    """Does report ``a`` date the incident better than ``b``? A date the text
    gives beats none; the day an incident happened beats the day it was told;
    between two days inherited from neighbouring words, the report that gives
    the toll dates it (a number-less mention of the same strikes does not);
    else the surer date."""
    if a.when.span is None or b.when.span is None:
        return b.when.span is None and a.when.span is not None
    if _told_later(a, b):
        return _reported_day(b)
    if not _explicit(a) and not _explicit(b) and bool(_exact_tolls(a)) != bool(_exact_tolls(b)):
        return bool(_exact_tolls(a))
    return a.when.confidence > b.when.confidence


def absorb(keep: Draft, other: Draft) -> None:
    """Fold ``other`` into ``keep`` (same incident)."""
    if _better_kind(other, keep):  # before the reports are pooled
        keep.kind = other.kind
    # one toll told twice, once at a vague place: the known, narrower place locates it
    relocate = _within(keep, other) or (_same_toll_unplaced(keep, other) and _vague(keep) and
                                        specificity(other.scene.mention) >= specificity(keep.scene.mention))
    if _better_date(other, keep):
        keep.when = other.when
    keep.reports.extend(other.reports)
    keep.frames.extend(other.frames)
    if keep.roles.actor1 is None or (keep.roles.rule1 != "actor.agent_marker"
                                     and other.roles.rule1 == "actor.agent_marker"):
        # a perpetrator named for the same incident elsewhere wins (EVENTS.md §3)
        keep.roles = other.roles
    if relocate:
        # the specific place locates the incident; the unit only contains it
        unit = keep.scene
        keep.scene = other.scene
        other = replace(other, scene=unit)
    named = {_mention_key(m) for m in [keep.scene.mention, *keep.scene.sublocations]}
    if keep.scene.place is not None:
        named.add(keep.scene.place.gid)
    for m in other.scene.sublocations + [other.scene.mention]:
        if _mention_key(m) not in named:  # a place named again is no sublocation
            keep.scene.sublocations.append(m)
            named.add(_mention_key(m))


def merge(drafts: list[Draft]) -> list[Draft]:
    """Merge same-incident drafts, keeping text order of first mention."""
    out: list[Draft] = []
    for d in drafts:
        target = next((o for o in out if compatible(o, d)), None)
        if target is None:
            out.append(d)
        else:
            absorb(target, d)
    return out


def conservative(d: Draft) -> dict[str, Any]:
    """Lowest reported figures across the reports of a merged draft."""
    with_deaths = [f for f in d.reports if f.fatalities > 0]
    # a default for a number-less report («سقوط قتلى» = 3) never undercuts a number
    counted = [f for f in with_deaths if f.exact] or with_deaths
    fatal = [f.fatalities for f in counted]
    out: dict[str, Any] = {
        "fatalities": min(fatal) if fatal else 0,
        "reported": (min(fatal), max(fatal)) if fatal else (0, 0),
        "injured": _min_known([f.injured for f in d.reports]),
    }
    for name in ("children", "women", "unidentified"):
        out[name] = _min_known([getattr(f, name) for f in with_deaths])
    return out


def summaries(drafts: list[Draft]) -> tuple[list[Draft], list[Tally]]:
    """«قتل نحو 25 ... إثر غارات ... في محافظة مأرب ... 3 حوثيين قتلوا ... في جبهة
    الجفينة ... وقتل 8 مسلحين ... في الجبهة ذاتها»: a toll placed only at an
    admin unit, told beside tolls of the same event type and days at places
    inside it that do not exceed it, sums them up: a running total, not one
    more incident."""
    events: list[Draft] = []
    tallies: list[Tally] = []
    for d in drafts:
        tolls = _exact_tolls(d)
        inside = [o for o in drafts if o is not d and _within(d, o) and _exact_tolls(o)
                  and _days(d, o) <= MAX_DAYS_APART and o.kind.event_type == d.kind.event_type]
        if tolls and inside and sum(min(_exact_tolls(o)) for o in inside) <= min(tolls):
            figs = next(f for f in d.reports if f.fatalities in tolls)
            tallies.append(Tally(d.frame, figs, d.when))
        else:
            events.append(d)
    return events, tallies
