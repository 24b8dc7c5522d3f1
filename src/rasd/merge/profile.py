"""Profiles: reports the merge rule cannot tell apart, linked once.

:func:`rasd.merge.rules.compare` reads a dozen fields of each report (date,
place, type, actors, death toll). Reports that agree on all of them are
interchangeable for merging: any two of them (from different articles) are
linked with the same reasons, and they are linked to any third report with
the same reasons. So the store links *profiles* (one per distinct set of merge
fields), not reports: when 4,000 articles report one strike in the same words
there is one profile with 4,000 reports, not eight million report pairs.

- :func:`signature` — the merge fields of a report (what the rule reads), with
  the city its place belongs to (``parent_pcode``, from the gazetteer when the
  report is filed), so that comparing two profiles needs nothing else;
- :func:`profile_id` — a stable id from them (two reports of one article with
  the same fields get ``-1``, ``-2``... so they stay apart, as the rule says);
- :func:`mergeable` — whether two reports with this signature are linked at all
  (an undated or unplaced report never is: it gets a profile of its own);
- :func:`block_keys` / :func:`query_keys` — blocking: a new profile looks up
  its query keys among the stored profiles' block keys, and the rule links two
  places only if each one's query keys meet the other's block keys.

A profile's links are exactly the links between its reports: :func:`decide`
on two profiles' signatures gives what ``compare`` gives on any pair of their
reports from different articles (tested in tests/merge/test_profile.py).
"""
from __future__ import annotations

import hashlib
import json
from typing import Any, Mapping

from ..text.arabic import normalize_key
from .rules import Decision, ParentOf, compare

Rec = Mapping[str, Any]

#: every field :func:`rasd.merge.rules.compare` reads, apart from the article id
MERGE_FIELDS: tuple[str, ...] = (
    "kind", "event_date", "pcode", "location_ar", "admin1", "country", "geo_precision",
    "sublocations", "event_type", "sub_event_type", "actor1", "actor2", "fatalities_reported",
    "fatalities")
#: prefix of the profile of one report alone (pinned by an analyst, or never mergeable)
SOLO = "r:"
#: prefix of a shared profile
SHARED = "p:"


def signature(rec: Rec, parent_of: ParentOf | None = None) -> dict[str, Any]:
    """The merge fields of ``rec`` and its place's city; sublocations as a sorted set
    (the rule reads a set)."""
    out = {f: rec.get(f) for f in MERGE_FIELDS}
    if out["sublocations"]:
        out["sublocations"] = sorted({str(s) for s in out["sublocations"]})
    pcode = rec.get("pcode")
    out["parent_pcode"] = parent_of(str(pcode)) if parent_of and pcode else None
    return out


def recorded_parents(*recs: Rec) -> ParentOf:
    """The neighbourhood -> city map recorded in signatures (or audit cases)."""
    known = {r["pcode"]: r["parent_pcode"] for r in recs
             if r.get("pcode") and r.get("parent_pcode")}
    return known.get


def canonical(sig: Mapping[str, Any]) -> str:
    return json.dumps(sig, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def profile_id(sig: Mapping[str, Any], duplicate: int = 0) -> str:
    """Stable id of a shared profile; ``duplicate`` counts same-article twins before it."""
    digest = hashlib.sha256(canonical(sig).encode("utf-8")).hexdigest()[:20]
    return f"{SHARED}{digest}" + (f"-{duplicate}" if duplicate else "")


def solo_id(event_id: str) -> str:
    """Id of the profile of one report alone."""
    return f"{SOLO}{event_id}"


def representative(sig: Mapping[str, Any], key: str) -> dict[str, Any]:
    """A report standing for a profile: its signature with ``key`` as article and event id."""
    return dict(sig, article_id=key, event_id=key)


def decide(sig_a: Mapping[str, Any], key_a: str, sig_b: Mapping[str, Any], key_b: str
           ) -> Decision:
    """The rule on two profiles (or reports), from their signatures alone."""
    return compare(representative(sig_a, key_a), representative(sig_b, key_b),
                   recorded_parents(sig_a, sig_b))


def self_reasons(sig: Mapping[str, Any]) -> tuple[bool, list[str]]:
    """Whether two reports with this signature (different articles) are linked, and why."""
    decision = decide(sig, "a", sig, "b")
    return decision.linked, list(decision.reasons) if decision.linked else []


def mergeable(sig: Mapping[str, Any]) -> bool:
    return self_reasons(sig)[0]


def day(sig: Mapping[str, Any]) -> str | None:
    """The event day (YYYY-MM-DD) of a signature, if it has one."""
    value = sig.get("event_date")
    return str(value)[:10] if value else None


def _province(sig: Mapping[str, Any]) -> str | None:
    return f"{sig.get('country')}|{sig['admin1']}" if sig.get("admin1") else None


def block_keys(sig: Mapping[str, Any]) -> list[str]:
    """Place keys a profile is found by (see ``place_relation`` and ``region_relation``).

    The pcode and its city's pcode (a neighbourhood and its city share the
    city's), the normalized names of the place and its sublocations (the same
    name, or a name among the other's places), and its province: as a
    province-level report (``rg:``) or as a place in it (``in:``).
    """
    keys = _place_keys(sig)
    if province := _province(sig):
        keys.add(f"rg:{province}" if sig.get("geo_precision") == 3 else f"in:{province}")
    return sorted(keys)


def query_keys(sig: Mapping[str, Any]) -> list[str]:
    """Keys a new profile looks up: its place keys, and its province's reports; a
    province-level report also looks up every place of its province."""
    keys = _place_keys(sig)
    if province := _province(sig):
        keys.add(f"rg:{province}")
        if sig.get("geo_precision") == 3:
            keys.add(f"in:{province}")
    return sorted(keys)


def _place_keys(sig: Mapping[str, Any]) -> set[str]:
    keys = set()
    pcode = sig.get("pcode")
    if pcode:
        keys.add(f"pc:{pcode}")
        if sig.get("parent_pcode"):
            keys.add(f"pc:{sig['parent_pcode']}")
    for name in (sig.get("location_ar"), *(sig.get("sublocations") or ())):
        key = normalize_key(str(name)) if name else ""
        if key:
            keys.add(f"nm:{key}")
    return keys
