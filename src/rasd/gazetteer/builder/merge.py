"""Join GeoNames towns with the national sources and fill missing coordinates.

- Syria: a GeoNames town that is an OCHA/IOM community (same governorate, same
  name, within 15 km) gives that community its population and extra names and
  is dropped; other towns take admin2/admin3 from the nearest community.
- Yemen and Iraq: the sources have no coordinates. A GeoNames town named like
  a district, uzlah/subdistrict or village of its governorate lends it its
  point and takes that unit's admin2/admin3. Whatever is left falls back to
  the enclosing unit (village → uzlah → district → governorate seat), marked
  ``cq = "f"`` so the geocoder reports geo_precision 2.
- Neighbourhoods without a point take their city's; IOM communities without a
  point take their subdistrict's centroid.
"""
from __future__ import annotations

import math
from collections import defaultdict

from ..keys import strip_al
from .entry import Entry

_NEAR_KM = 15.0


def km(a: Entry, b: Entry) -> float:
    """Great-circle distance between two entries with coordinates."""
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def _bare(key: str) -> str:
    """The key without the article on its first word, for matching across sources."""
    words = key.split()
    return " ".join([strip_al(words[0])] + words[1:]) if words else key


def _index(entries: list[Entry], levels: tuple[str, ...]) -> dict[tuple[str, str], list[Entry]]:
    idx: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for e in entries:
        if e.level in levels:
            for k in e.ar:
                bucket = idx[(e.admin1, _bare(k))]
                if e not in bucket:
                    bucket.append(e)
    return idx


def _absorb(target: Entry, town: Entry) -> None:
    target.pop = max(target.pop, town.pop)
    for k in town.ar:
        target.add_ar(k)
    target.skel.extend(town.skel)


def merge_syria(entries: list[Entry], towns: list[Entry]) -> list[Entry]:
    """Fold Syrian GeoNames towns into OCHA/IOM communities; return the towns kept."""
    idx = _index(entries, ("populated",))
    pointed = [e for e in entries if e.level == "populated" and e.lat is not None]
    kept = []
    for town in towns:
        cands = {id(e): e for k in town.ar for e in idx.get((town.admin1, _bare(k)), [])}
        near = sorted((km(town, e), e.gid, e) for e in cands.values() if e.lat is not None)
        if near and near[0][0] <= _NEAR_KM:
            _absorb(near[0][2], town)
            continue
        if pointed:
            d, _, nearest = min((km(town, e), e.gid, e) for e in pointed)
            if d <= _NEAR_KM:
                town.admin2, town.admin3 = nearest.admin2, nearest.admin3
        kept.append(town)
    return kept


def merge_units(entries: list[Entry], towns: list[Entry]) -> None:
    """Yemen/Iraq: lend GeoNames points to the units and villages named like them."""
    idx = _index(entries, ("admin2", "admin3", "populated"))
    order = {"admin2": 0, "admin3": 1, "populated": 2}
    for town in towns:
        cands = {id(e): e for k in town.ar for e in idx.get((town.admin1, _bare(k)), [])}
        if not cands:
            continue
        ranked = sorted(cands.values(), key=lambda e: (order[e.level], e.gid))
        best = [e for e in ranked if e.level == ranked[0].level]
        for unit in best:
            if unit.lat is None:
                unit.set_coords(town.lat, town.lon, "p" if unit.level == "populated" else "c")
            if unit.level == "populated":
                unit.pop = max(unit.pop, town.pop)  # a district is not as big as its town
        town.admin2, town.admin3 = best[0].admin2, best[0].admin3


def fill_fallbacks(entries: list[Entry], seats: dict[str, Entry]) -> None:
    """Give every entry without a point the point of its enclosing unit (``cq = "f"``).

    ``seats`` maps an ACLED admin1 name (per country, as ``"CC|admin1"``) to the
    town that stands for it.
    """
    by_gid = {e.gid: e for e in entries}
    units: dict[tuple, Entry] = {}
    for e in entries:
        if e.level == "country":
            units[(e.cc, "")] = e
        elif e.level == "admin1":
            units[(e.cc, e.admin1)] = e
        elif e.level == "admin2":
            units[(e.cc, e.admin1, e.admin2)] = e
        elif e.level == "admin3":
            units[(e.cc, e.admin1, e.admin2, e.admin3)] = e
            if e.pcode:
                units[(e.cc, "pcode", e.pcode)] = e
    for e in entries:
        if e.level == "admin1" and e.lat is None:
            seat = seats.get(f"{e.cc}|{e.admin1}")
            if seat is not None:
                e.set_coords(seat.lat, seat.lon, "c")
    for level in ("admin1", "admin2", "admin3", "populated", "neighbourhood", "region"):
        for e in entries:
            if e.level == level and e.lat is None:
                src = _enclosing(e, units, by_gid)
                if src is not None and src.lat is not None:
                    e.set_coords(src.lat, src.lon, "f")


def _enclosing(e: Entry, units: dict[tuple, Entry], by_gid: dict[str, Entry]) -> Entry | None:
    if e.parent and e.parent in by_gid:
        return by_gid[e.parent]
    chain = []
    if e.codes[1]:
        chain.append((e.cc, "pcode", e.codes[1]))
    if e.level in ("populated", "neighbourhood", "region"):
        chain.append((e.cc, e.admin1, e.admin2, e.admin3))
    if e.level != "admin2":
        chain.append((e.cc, e.admin1, e.admin2))
    chain.append((e.cc, e.admin1))
    chain.append((e.cc, ""))
    for key in chain:
        unit = units.get(key)
        if unit is not None and unit is not e and unit.lat is not None:
            return unit
    return None


def neighbourhood_parents(entries: list[Entry]) -> None:
    """IOM neighbourhoods: the parent is the capital community of their subdistrict."""
    capital_of: dict[str, Entry] = {}
    rank = {"N": 0, "G": 1, "D": 2, "S": 3}
    for e in entries:
        if e.level == "populated" and e.cap and e.codes[1]:
            cur = capital_of.get(e.codes[1])
            if cur is None or rank[e.cap] < rank[cur.cap]:
                capital_of[e.codes[1]] = e
    for e in entries:
        if e.level == "neighbourhood" and not e.parent and e.codes[1] in capital_of:
            e.parent = capital_of[e.codes[1]].gid


def dedupe_admin1(entries: list[Entry]) -> list[Entry]:
    """One admin1 entry per (country, ACLED name): sources list some twice (Iraq)."""
    first: dict[tuple[str, str], Entry] = {}
    out = []
    for e in entries:
        key = (e.cc, e.admin1)
        if e.level == "admin1" and e.admin1 and key in first:
            keep = first[key]
            for k in e.ar:
                keep.add_ar(k)
            keep.skel.extend(e.skel)
            if keep.lat is None and e.lat is not None:
                keep.set_coords(e.lat, e.lon, e.cq)
            continue
        if e.level == "admin1" and e.admin1:
            first[key] = e
        out.append(e)
    return out


def demote_bare_names(entries: list[Entry]) -> None:
    """«ميادين» is OCHA's spelling of «الميادين», and a common noun: when another
    source spells the place with the article, the bare form becomes a variant
    (written ``~ميادين``; the index gives it quality 1)."""
    for e in entries:
        if "a" not in e.flags:
            continue
        keys = set(e.ar)
        e.ar = [f"~{k}" if not k.startswith("ال") and "ال" + k in keys else k for k in e.ar]
