"""Hand-written tables the build reads: countries, admin1 names, named regions, places.

Read straight from the resource directory (not through the manifest, which is
regenerated after the build).
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..keys import name_key

#: English spellings of the sources that differ from ACLED's, after :func:`en_key`
_EN_ALIASES = {"rifdimashq": "ruraldamascus", "latakia": "lattakia", "idlib": "idleb",
               "tartus": "tartous", "raqqa": "raqqa", "daraa": "dara", "hasakah": "hasakeh",
               "suwayda": "sweida", "deirezzor": "deirezzor", "babylon": "babil",
               "nineveh": "ninewa", "saladin": "salahdin", "dohuk": "duhok", "dhiqar": "thiqar",
               "qadisiyyah": "qadisiyah", "karbala": "kerbala", "basra": "basrah",
               "amantasmah": "amanatasimah", "baidha": "bayda", "dhale": "dhalee",
               "hodeidah": "hudaydah", "mahweet": "mahwit", "thamar": "dhamar",
               "hadramot": "hadramout", "hadramawt": "hadramout", "hadramaut": "hadramout", "raimah": "raymah", "socatra": "socotra",
               "sadah": "sadah", "marib": "marib", "taiz": "taizz", "jawf": "jawf",
               "maharah": "maharah"}
_CUE_PREFIX = re.compile(r"^(محافظه|منطقه|ناحيه|قضاء|مديريه|لواء|ولايه|اقليم) ")


def en_key(name: str) -> str:
    """A loose key for English admin names (like the scorer's ``norm_admin``)."""
    s = re.sub(r"\b(governorate|province|muhafazat|wilayat|city)\b", "", (name or "").lower())
    s = re.sub(r"\b(al|ar|as|ad|ash|at|az|an|el)[-\s']", "", s)
    s = re.sub(r"[^a-z]", "", s)
    return _EN_ALIASES.get(s, s)


def strip_cue(key: str) -> str:
    """«محافظه الحسكه» → «الحسكه» (the stage handles the cue word)."""
    return _CUE_PREFIX.sub("", key)


@dataclass
class Country:
    cc: str
    name: str
    region: str
    tier: str
    ar: list[str]
    latin: bool = False
    ambiguous: bool = False


class Tables:
    """countries.toml, admin1.toml, regions.toml and places.toml, with lookups."""

    def __init__(self, resource_dir: Path) -> None:
        def load(name: str) -> dict:
            with open(resource_dir / name, "rb") as f:
                return tomllib.load(f)

        raw = load("countries.toml")["countries"]
        self.countries = {cc: Country(cc, v["name"], v["region"], v["tier"], list(v["ar"]),
                                      bool(v.get("latin")), bool(v.get("ambiguous")))
                          for cc, v in raw.items()}
        a1 = load("admin1.toml")
        self.ambiguous = {name_key(n) for n in a1.get("ambiguous", {}).get("names", [])}
        #: (cc, geonames code) -> [ACLED name, Arabic names...]
        self.admin1: dict[tuple[str, str], list[str]] = {}
        self._by_ar: dict[tuple[str, str], str] = {}
        self._by_en: dict[tuple[str, str], str] = {}
        for cc, codes in a1.items():
            if cc in ("meta", "ambiguous"):
                continue
            for code, names in codes.items():
                self.admin1[(cc, code)] = names
                self._by_en[(cc, en_key(names[0]))] = names[0]
                for ar in names[1:]:
                    self._by_ar[(cc, strip_cue(name_key(ar)))] = names[0]
        self.regions = load("regions.toml")["regions"]
        hand = load("places.toml")
        self.places: list[dict] = hand.get("places", [])
        self.aliases: list[dict] = hand.get("aliases", [])

    def admin1_name(self, cc: str, ar: str = "", en: str = "") -> str:
        """ACLED admin1 name for a source's Arabic or English governorate name."""
        if ar:
            hit = self._by_ar.get((cc, strip_cue(name_key(ar))))
            if hit:
                return hit
        if en:
            hit = self._by_en.get((cc, en_key(en)))
            if hit:
                return hit
        return en

    def geonames_admin1(self, cc: str, code: str) -> str:
        names = self.admin1.get((cc, code))
        return names[0] if names else ""
