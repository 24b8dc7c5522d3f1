"""Fallback lookups for a name after a cue that no indexed spelling matches.

Tried in order, each only when the previous found nothing:

1. looser spellings of the text («حاج كوسا» → «حاجي كوسة», «أقيول» → «أغيول»,
   :func:`rasd.gazetteer.keys.loose_forms`), with and without the article;
2. the Arabic consonant skeleton (:func:`rasd.gazetteer.keys.skeleton`),
   confirmed by a rapidfuzz ratio of 80 or more;
3. the Latin skeleton (:mod:`rasd.gazetteer.translit`) against names the
   sources give only in Latin letters («كفرداعل» → IOM "Kafr Dael"), only
   within the countries the article is about (it is lossy);
4. rapidfuzz over the names of the governorate the text ties the place to
   («عرب بوران» in «ريف حلب» → «عرب ويران»);
5. a name made of a "part" word and a place («مساكن هنانو», «مزارع X»): the
   place, as the unit that contains it.
"""
from __future__ import annotations

from collections import defaultdict

from rapidfuzz import fuzz, process

from .keys import loose_forms, skeleton, strip_al
from .store import AR, CC, POP, Gazetteer
from .translit import arabic_skeleton

MIN_RATIO = 80.0
PART_HEADS = frozenset(["مساكن", "مزارع", "ضاحيه", "حاره", "محيط", "اطراف", "ضواحي"])


def _rows(gaz: Gazetteer, key: str) -> list[int]:
    return sorted({c // 2 for c in gaz.lookup(key)})


def _in(gaz: Gazetteer, rows: list[int], countries: set[str] | None) -> list[int]:
    if not countries:
        return rows
    return [r for r in rows if gaz.rows[r][CC] in countries]


def loose(gaz: Gazetteer, key: str, countries: set[str] | None) -> list[int]:
    forms = loose_forms(key)
    bare = strip_al(key.split()[0]) if key else ""
    if bare and key.startswith("ال"):
        forms.append(" ".join([bare] + key.split()[1:]))
    for form in forms:
        rows = _in(gaz, _rows(gaz, form), countries)
        if rows:
            return rows
    return []


def by_skeleton(gaz: Gazetteer, key: str, countries: set[str] | None) -> list[int]:
    sk = skeleton(key)
    if len(sk) < 3:
        return []
    out = []
    for row in _in(gaz, list(gaz.skeleton_index.get(sk, ())), countries):
        names = [n.lstrip("~") for n in gaz.rows[row][AR].split("|")]
        if max(fuzz.ratio(key, n) for n in names) >= MIN_RATIO:
            out.append(row)
    return out


def by_latin(gaz: Gazetteer, key: str, countries: set[str] | None) -> list[int]:
    if not countries:
        return []
    sk = arabic_skeleton(key)
    if len(sk) < 3:
        return []
    rows = _in(gaz, list(gaz.latin_index.get(sk, ())), countries)
    if len(sk) >= 4:
        return rows
    # three consonants match too much («لبوزة» ~ "Hy Lbwzh"): only a big town will do
    return [r for r in rows if gaz.rows[r][POP] and int(gaz.rows[r][POP]) >= 50_000]


def in_region(gaz: Gazetteer, key: str, cc: str, admin1: str) -> list[int]:
    names, rows = gaz.names_by_admin1.get((cc, admin1), ((), ()))
    hits = process.extract(key, names, scorer=fuzz.ratio, score_cutoff=85.0, limit=5)
    best: dict[int, float] = defaultdict(float)
    for _, score, idx in hits:
        best[rows[idx]] = max(best[rows[idx]], score)
    return sorted(best, key=lambda r: (-best[r], r))


def fallback(gaz: Gazetteer, key: str, countries: set[str] | None = None,
             region: tuple[str, str] | None = None, lossy: bool = True) -> tuple[list[int], str]:
    """Candidate rows for an unmatched name and the rule that found them.

    ``lossy=False`` (a weak cue: «أطراف», «موقع», «جبهة») tries only the
    spellings that keep every consonant: after such a word the name is as
    often a common noun («أطراف النزاع») as a place. The answer is kept per
    arguments (the same unknown names come back from article to article).
    """
    within = frozenset(countries) if countries is not None else None
    rows, rule = gaz.memo(("fallback", key, within, region, lossy),
                          lambda: _fallback(gaz, key, countries, region, lossy))
    return list(rows), rule


def _fallback(gaz: Gazetteer, key: str, countries: set[str] | None,
              region: tuple[str, str] | None, lossy: bool) -> tuple[tuple[int, ...], str]:
    words = key.split()
    if len(words) > 1 and words[0] in PART_HEADS:
        rows = _in(gaz, _rows(gaz, " ".join(words[1:])), countries)
        if rows:
            return tuple(rows), "part"
    rules = (("loose", loose), ("skeleton", by_skeleton), ("translit", by_latin))
    for rule, fn in rules if lossy else rules[:1]:
        rows = fn(gaz, key, countries)
        if rows:
            return tuple(rows), rule
    if lossy and region and region[1]:
        rows = in_region(gaz, key, *region)
        if rows:
            return tuple(rows), "fuzzy"
    return (), ""
