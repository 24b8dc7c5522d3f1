"""When are two reports the same incident? Pairwise, symmetric, explained.

:func:`compare` looks at two event records (JSON dicts, EVENTS.md §2) from
different articles and says whether they may describe the same incident, with
the reasons, so that a reviewer can see (and undo) every link:

- date: within one day of each other;
- place: the same gazetteer place (pcode), the same name in the same admin1,
  one place a neighbourhood of the other's city, or one named among the
  other's sublocations; or one report names only a province (geo precision
  3, as follow-ups and statements often do: "the bombing in Asir region") and
  the other a place in it, when both give the same event type;
- type: the same event type, or a pair that outlets describe differently
  (shelling during clashes, a strike reported as a massacre); within
  Explosions/Remote violence, strikes and bombings are never the same;
- actors: the same actor (ignoring ACLED's "(years)"/"(country)" suffixes),
  sides swapped, or an unnamed side;
- a one-day gap is only bridged when the sub-event types agree (a bombing
  reported as an IED by one outlet and a suicide bombing by another counts)
  and the reported death tolls overlap: it is also what daily shelling of one
  town looks like.

The rule depends on the two records only, never on the order they arrived
in: that is what makes merged incidents independent of ingestion order.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Mapping

from ..text.arabic import normalize_key

Rec = Mapping[str, Any]
#: pcode -> pcode of the enclosing city (for a neighbourhood), else None
ParentOf = Callable[[str], "str | None"]

#: event types that different outlets use for one incident (unordered pairs)
COMPATIBLE_TYPES: frozenset[frozenset[str]] = frozenset({
    frozenset({"Battles", "Explosions/Remote violence"}),
    frozenset({"Explosions/Remote violence", "Violence against civilians"}),
    frozenset({"Battles", "Violence against civilians"}),
})
#: Explosions/Remote violence splits into strikes from afar and bombings on the spot
ERV_GROUP: Mapping[str, str] = {
    "Air/drone strike": "strike", "Shelling/artillery/missile attack": "strike",
    "Chemical weapon": "strike", "Suicide bomb": "bomb", "Grenade": "bomb",
    "Remote explosive/landmine/IED": "bomb",
}
_PAREN = re.compile(r"\s*\([^)]*\)")
_WILDCARD_ACTORS = ("unidentified", "unknown")


@dataclass(frozen=True)
class Decision:
    """The verdict on one pair of reports and why."""

    linked: bool
    reasons: tuple[str, ...]
    #: strength of agreement (more is closer), used to choose between incidents
    score: int = 0


def _day(rec: Rec) -> date | None:
    value = rec.get("event_date")
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _key(name: Any) -> str:
    return normalize_key(str(name)) if name else ""


def place_relation(a: Rec, b: Rec, parent_of: ParentOf | None = None) -> str | None:
    """Why ``a`` and ``b`` are at one place, or None when they are not."""
    pa, pb = a.get("pcode"), b.get("pcode")
    if pa and pb and pa == pb:
        return f"same place ({pa})"
    if parent_of and pa and pb:
        if parent_of(pa) == pb:
            return f"{pa} is a neighbourhood of {pb}"
        if parent_of(pb) == pa:
            return f"{pb} is a neighbourhood of {pa}"
    la, lb = _key(a.get("location_ar")), _key(b.get("location_ar"))
    if la and la == lb and not (pa and pb) and a.get("admin1") == b.get("admin1"):
        return f"same place name ({a.get('location_ar')}, {a.get('admin1') or 'admin1 unknown'})"
    subs_a = {_key(s) for s in a.get("sublocations") or ()}
    subs_b = {_key(s) for s in b.get("sublocations") or ()}
    if lb and lb in subs_a:
        return f"{b.get('location_ar')} is among the places of the other report"
    if la and la in subs_b:
        return f"{a.get('location_ar')} is among the places of the other report"
    return None


def region_relation(a: Rec, b: Rec) -> str | None:
    """Why one report's only place (a province) contains the other's, or None."""
    for r, t in ((a, b), (b, a)):
        if r.get("geo_precision") == 3 and r.get("admin1") and r.get("admin1") == t.get("admin1") \
                and r.get("country") == t.get("country"):
            return (f"{t.get('location_ar')} is in {r.get('admin1')}, the other report's only "
                    "place")
    return None


def same_family(a: Rec, b: Rec) -> bool:
    """The same sub-event type, or two bombings (IED, suicide bomb, grenade)."""
    sa, sb = a.get("sub_event_type"), b.get("sub_event_type")
    return bool(sa) and (sa == sb or ERV_GROUP.get(sa) == ERV_GROUP.get(sb or "") == "bomb")


def type_relation(a: Rec, b: Rec) -> tuple[str | None, bool]:
    """(reason, same sub-event type) or (None, False) when the types exclude each other."""
    ta, tb = a.get("event_type"), b.get("event_type")
    sa, sb = a.get("sub_event_type"), b.get("sub_event_type")
    if sa and sa == sb:
        return f"same sub-event type ({sa})", True
    if not ta or not tb:
        return "event type unknown in one report", False
    if ta == tb:
        ga, gb = ERV_GROUP.get(sa or ""), ERV_GROUP.get(sb or "")
        if ga and gb and ga != gb:
            return None, False
        return f"same event type ({ta})", False
    if frozenset({ta, tb}) in COMPATIBLE_TYPES:
        return f"compatible event types ({ta} / {tb})", False
    return None, False


def actor_key(name: Any) -> str:
    """An actor's name without ACLED's parenthesised years/country; "" when unnamed."""
    if not name:
        return ""
    key = _PAREN.sub("", str(name)).strip().lower()
    return "" if key.startswith(_WILDCARD_ACTORS) else key


def _side_match(x: str, y: str) -> bool:
    return not x or not y or x == y


def actor_relation(a: Rec, b: Rec) -> str | None:
    """Why the actors agree, or None when a named actor differs."""
    a1, a2 = actor_key(a.get("actor1")), actor_key(a.get("actor2"))
    b1, b2 = actor_key(b.get("actor1")), actor_key(b.get("actor2"))
    if _side_match(a1, b1) and _side_match(a2, b2):
        named = sorted({k for k in (a1, b1, a2, b2) if k})
        return "same actors (" + ", ".join(named) + ")" if named else "no actor named"
    if _side_match(a1, b2) and _side_match(a2, b1):
        return "same actors, sides swapped"
    return None


def reported_range(rec: Rec, field: str = "fatalities") -> tuple[int, int] | None:
    """The (min, max) figure a report gives for ``field``, or None."""
    if field == "fatalities":
        rng = rec.get("fatalities_reported")
        if isinstance(rng, Mapping) and rng.get("min") is not None:
            return int(rng["min"]), int(rng.get("max") if rng.get("max") is not None else rng["min"])
    value = rec.get(field)
    return None if value is None else (int(value), int(value))


def figures_overlap(a: Rec, b: Rec) -> bool:
    """True unless both reports give death tolls and the ranges are disjoint."""
    ra, rb = reported_range(a), reported_range(b)
    if not ra or not rb or ra[1] == 0 or rb[1] == 0:
        return True
    return max(ra[0], rb[0]) <= min(ra[1], rb[1])


def compare(a: Rec, b: Rec, parent_of: ParentOf | None = None) -> Decision:
    """Whether two event reports may be one incident, and why (or why not)."""
    if a.get("kind", "event") != "event" or b.get("kind", "event") != "event":
        return Decision(False, ("only events are merged (tallies and statements never)",))
    if a.get("article_id") == b.get("article_id"):
        return Decision(False, ("same article: coded as separate events",))
    da, db_ = _day(a), _day(b)
    if da is None or db_ is None:
        return Decision(False, ("no event date",))
    gap = abs((da - db_).days)
    if gap > 1:
        return Decision(False, (f"dates {gap} days apart",))
    place = place_relation(a, b, parent_of) or region_relation(a, b)
    if place is None:
        return Decision(False, ("different places",))
    kind, same_sub = type_relation(a, b)
    if kind is None:
        return Decision(False, (f"incompatible types ({a.get('sub_event_type')} / "
                                f"{b.get('sub_event_type')})",))
    if place.endswith("only place") and a.get("event_type") != b.get("event_type"):
        return Decision(False, ("a province-level report links only to an event of its type",))
    actors = actor_relation(a, b)
    if actors is None:
        return Decision(False, (f"different actors ({a.get('actor1')} / {b.get('actor1')})",))
    if gap == 1 and not (same_family(a, b) and figures_overlap(a, b)):
        return Decision(False, ("one day apart without the same sub-event type and overlapping "
                                "death tolls",))
    when = "same date" if gap == 0 else "one day apart"
    score = 2 * (gap == 0) + same_sub + place.startswith("same place") + actors.startswith("same actors (")
    return Decision(True, (when, place, kind, actors), score)
