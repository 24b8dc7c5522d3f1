"""Why each report is in its incident: the links a reviewer reads (and can undo).

Links are stored between merge profiles (:mod:`rasd.merge.profile`), so a
report's links are read off its profile's: one link to each other profile of
the incident (the rule's reasons, or an analyst's join), and one to the other
reports of its own profile (the rule's reasons for two reports with the same
merge fields). Each link names the smallest event id it stands for (``with``)
and how many reports (``reports``): ``rasd edit link A B split`` undoes it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping, Sequence

from ..merge.cluster import pair
from ..merge.profile import SOLO, solo_id
from .codec import chunks, loads, marks

if TYPE_CHECKING:
    from .dialect import Dialect

#: the reason shown for a pair an analyst joined
JOINED = "joined by an analyst"
Link = dict[str, Any]


def report_links(db: "Dialect", incidents: Mapping[str, Mapping[str, Sequence[str]]]
                 ) -> dict[str, list[Link]]:
    """``{incident: {profile: [event ids]}}`` -> the links of every event id."""
    profiles = sorted(p for by in incidents.values() for p in by)
    own, between, joins = _profile_facts(db, profiles)
    out: dict[str, list[Link]] = {}
    for by in incidents.values():
        events = {p: sorted(ids) for p, ids in by.items()}
        for p, ids in events.items():
            others = []
            for q in sorted(events):
                if q == p:
                    continue
                reasons = [JOINED] if pair(p, q) in joins else between.get(pair(p, q))
                if reasons is not None:
                    others.append({"with": events[q][0], "reports": len(events[q]),
                                   "reasons": reasons})
            for eid in ids:
                mine = list(others)
                if len(ids) > 1:
                    first = ids[1] if ids[0] == eid else ids[0]
                    mine.append({"with": first, "reports": len(ids) - 1, "reasons": own[p]})
                out[eid] = mine
    return out


def _profile_facts(db: "Dialect", profiles: Sequence[str]
                   ) -> tuple[dict[str, list[str]], dict[tuple[str, str], list[str]], set]:
    """(reasons within each profile, reasons between linked profiles, analyst joins)."""
    inside = set(profiles)
    own: dict[str, list[str]] = {}
    between: dict[tuple[str, str], list[str]] = {}
    joins: set[tuple[str, str]] = set()
    for part in chunks(list(profiles)):
        m = marks(len(part))
        for r in db.query(f"SELECT profile_id, reasons FROM profiles WHERE profile_id IN ({m})",
                          part):
            own[r["profile_id"]] = loads(r["reasons"])
        for r in db.query(f"SELECT profile_a, profile_b, reasons FROM profile_links WHERE "
                          f"profile_a IN ({m})", part):
            if r["profile_b"] in inside:
                between[(r["profile_a"], r["profile_b"])] = loads(r["reasons"])
    pinned = [p[len(SOLO):] for p in profiles if p.startswith(SOLO)]
    for part in chunks(pinned):
        m = marks(len(part))
        for r in db.query(f"SELECT event_a, event_b FROM link_overrides WHERE decision = 'join' "
                          f"AND event_a IN ({m})", part):
            joins.add(pair(solo_id(r["event_a"]), solo_id(r["event_b"])))
    return own, between, joins
