"""The row type the gazetteer build works on, and its TSV form.

One :class:`Entry` per place. ``ar`` holds the lookup keys of its Arabic names
(:func:`rasd.gazetteer.keys.name_key`, primary name first; a key written
``~key`` is a secondary spelling, indexed with quality 1), ``skel`` the
consonant skeletons of its Latin names (:mod:`rasd.gazetteer.translit`).
``cq`` says where the coordinates come from: ``p`` a point of the source,
``c`` a centroid or seat of a unit, ``f`` a fallback to an enclosing unit,
empty when there are none. ``cap`` is the capital level (``N`` national,
``G`` governorate, ``D`` district, ``S`` subdistrict). ``flags``: ``a`` the
source drops the article (index «ال» + name too). A country row's ``pcode`` is its ISO 3166
numeric code (ACLED's ``iso``).
"""
from __future__ import annotations

from dataclasses import dataclass, field

#: column order of places.tsv.gz (the loader reads the same list)
COLUMNS = ("gid", "level", "cc", "name_ar", "name_en", "admin1", "admin2", "admin3", "pcode",
           "lat", "lon", "cq", "pop", "parent", "cap", "flags", "ar", "skel")


@dataclass
class Entry:
    """One gazetteer place while the build assembles it."""

    gid: str
    level: str
    cc: str
    name_ar: str = ""
    name_en: str = ""
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    pcode: str = ""
    lat: float | None = None
    lon: float | None = None
    cq: str = ""
    pop: int = 0
    parent: str = ""
    cap: str = ""
    flags: str = ""
    ar: list[str] = field(default_factory=list)
    skel: list[str] = field(default_factory=list)
    latin: list[str] = field(default_factory=list)  # Latin names (build only)
    codes: tuple[str, str] = ("", "")  # admin2, admin3 P-codes (build only)

    def add_ar(self, key: str) -> None:
        if key and key not in self.ar:
            self.ar.append(key)

    def set_coords(self, lat: float | None, lon: float | None, cq: str) -> None:
        self.lat, self.lon, self.cq = lat, lon, cq if lat is not None else ""

    def row(self) -> str:
        """The TSV line: tabs, newlines and «|» cannot occur inside a field."""
        vals = [self.gid, self.level, self.cc, self.name_ar, self.name_en, self.admin1,
                self.admin2, self.admin3, self.pcode,
                "" if self.lat is None else f"{self.lat:.5f}",
                "" if self.lon is None else f"{self.lon:.5f}",
                self.cq, str(self.pop or ""), self.parent, self.cap, self.flags]
        vals = [_clean(v) for v in vals]
        vals.append("|".join(_clean(k) for k in self.ar))
        vals.append("|".join(sorted({_clean(k) for k in self.skel if k})))
        return "\t".join(vals)


def _clean(value: str) -> str:
    return value.replace("\t", " ").replace("\n", " ").replace("|", "/").strip()
