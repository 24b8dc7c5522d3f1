"""Build entries from the hand-written tables: named regions (regions.toml) and the
places the sources lack (places.toml), plus Arabic names for Latin-only rows."""
from __future__ import annotations

from ..keys import name_key
from .admin import Tables
from .entry import Entry

_LEVELS = frozenset(["populated", "neighbourhood", "admin2"])


def region_entries(tables: Tables) -> list[Entry]:
    """One ``region`` entry per row of regions.toml (ids follow the file's order)."""
    out = []
    for i, r in enumerate(tables.regions, 1):
        e = Entry(gid=f"RG:{r['cc']}.{i:03d}", level="region", cc=r["cc"], name_ar=r["ar"][0],
                  name_en=r["en"], admin1=r.get("admin1", ""))
        for ar in r["ar"]:
            e.add_ar(name_key(ar))
        out.append(e)
    return out


def place_entries(tables: Tables) -> list[Entry]:
    """One entry per place of places.toml; a place without a point gets its
    governorate's later (``fill_fallbacks``)."""
    out = []
    for i, p in enumerate(tables.places, 1):
        level = p.get("level", "populated")
        if level not in _LEVELS:
            raise ValueError(f"places.toml: {p['en']}: level {level!r} is not one of {sorted(_LEVELS)}")
        e = Entry(gid=f"HW:{p['cc']}.{i:03d}", level=level, cc=p["cc"], name_ar=p["ar"][0],
                  name_en=p["en"], admin1=p["admin1"], parent=p.get("parent", ""))
        if level == "admin2":
            e.admin2 = p["en"]
        if "lat" in p:
            e.set_coords(float(p["lat"]), float(p["lon"]), "c" if level == "admin2" else "p")
        for ar in p["ar"]:
            e.add_ar(name_key(ar))
        out.append(e)
    return out


def add_aliases(tables: Tables, entries: list[Entry]) -> None:
    """Arabic names for rows the sources name in Latin letters only («جوبر» → Jowbar)."""
    by_gid = {e.gid: e for e in entries}
    for a in tables.aliases:
        e = by_gid.get(a["gid"])
        if e is None:
            raise ValueError(f"places.toml: alias for unknown row {a['gid']}")
        for ar in a["ar"]:
            e.add_ar(name_key(ar))
