"""The geocoder's passes over one document: accept, link regions, score with context.

Used by the ``places`` stage (:mod:`rasd.stages.places`); kept here so the
stage module stays a thin adapter from the document's layers to
:class:`~rasd.mentions.PlaceMention`.
"""
from __future__ import annotations

from .fuzzy import fallback
from .geocode import Context, Decision, Geocoder
from .keys import name_key
from .lexicon import Lexicon
from .matcher import Match, Word
from .store import ADMIN1, CC, LAT, LEVEL, LON, PARENT, Gazetteer

SUPPORT = 0.5  # admin1 weight the article must give a village named without a cue
NEAR = 0.4  # exp(-km / 100) above which a place is near the article's others (~90 km)


def _joined_to(m: Match, ends: set[int], starts: dict[int, Match], words: list[Word]) -> bool:
    """The name is in a list with an accepted place («في زنجبار وشقرة», «الحولة وتلبيسة»)."""
    if m.start - 1 in ends and (m.prefix.startswith("و") or words[m.start].comma):
        return True
    if m.start - 2 in ends and words[m.start - 1].text == "و":
        return True
    nxt = starts.get(m.end)
    return nxt is not None and (nxt.prefix.startswith("و") or words[m.end].comma)


def _supported(gaz: Gazetteer, d: Decision, ctx: Context, ends: set[int],
               starts: dict[int, Match], words: list[Word]) -> bool:
    rows = gaz.rows
    if any(rows[r][LEVEL] == "neighbourhood" and rows[r][PARENT] in ctx.cities for r in d.rows):
        return True
    m = d.match
    if not (m.locative or m.direction or m.near or _joined_to(m, ends, starts, words)):
        return False
    return max((ctx.support((rows[r][CC], rows[r][ADMIN1]), d) for r in d.rows if rows[r][ADMIN1]),
               default=0.0) >= SUPPORT


def _countries(ctx: Context) -> set[str]:
    total = sum(ctx.country.values()) or 1.0
    return {cc for cc, w in ctx.country.items() if w / total >= 0.2}


def _unknowns(gaz: Gazetteer, decisions: list[Decision], ctx: Context) -> None:
    """Fallback lookups for names after a cue that no key matched."""
    countries = _countries(ctx)
    for d in decisions:
        if d.rows or "text" not in d.match.extra:
            continue
        region = None
        if d.region is not None and d.region.best is not None:
            r = gaz.rows[d.region.best]
            region = (r[CC], r[ADMIN1])
            countries = countries | {r[CC]}
        rows, rule = fallback(gaz, name_key(d.match.extra["text"]), countries or None, region)
        if rows:
            d.rows, d.probs, d.rule = rows, [1.0 / len(rows)] * len(rows), f"cue:{rule}"


def geocode(gaz: Gazetteer, lex: Lexicon, words: list[Word], matches: list[Match]) -> list[Decision]:
    """Accepted place decisions of one document, in text order, scored with context."""
    geo = Geocoder(gaz, lex)
    accepted, pending = geo.first_pass(matches)
    geo.link_regions(accepted, words)
    for d in accepted:
        geo.score(d, None)
    ctx = Context(gaz, [d for d in accepted if d.rows])
    ends = {d.match.end - 1 for d in accepted}
    starts = {d.match.start: d.match for d in accepted}
    _unknowns(gaz, [d for d in pending if not d.match.key], ctx)
    accepted += [d for d in pending if d.rows and _supported(gaz, d, ctx, ends, starts, words)]
    for d in accepted:
        d.region = None
    geo.link_regions(accepted, words)
    _unknowns(gaz, accepted, ctx)
    for d in accepted:
        if d.rows:
            geo.score(d, None)
    ctx = Context(gaz, [d for d in accepted if d.rows])
    for d in accepted:
        if d.rows:
            geo.score(d, ctx)
            d.context = _deciders(gaz, d, accepted)
    for d in accepted:
        _veto(geo, d, ctx)
    return sorted(accepted, key=lambda d: d.match.start)


def _veto(geo: Geocoder, d: Decision, ctx: Context) -> None:
    """Unresolve a place that only matches far from everything the article is about.

    The gazetteer lacks many villages, so a namesake elsewhere is weaker
    evidence than the article's context: «منطقة الكنب» in an article about Taiz
    is not the Shabwah village, «جبل عقبة» in Yemen is not Aqaba. Such a name
    (and a name the gazetteer lacks) keeps the admin1 the context gives
    (``fallback``). Prominent places named without a cue are never vetoed
    (a Yemen article may mention Cairo).
    """
    if d.region is not None:
        if d.best is not None and d.region.best is not None and \
                geo.region_fit(d.best, d.region) < 0:
            # «معسكر لبوزة في لحج»: no namesake lies in the region the text gives
            g = geo.gaz.rows[d.region.best]
            d.fallback = (g[CC], g[ADMIN1])
            d.rule += ":region"
        return
    dominant = ctx.dominant(d)
    if d.best is None:
        d.fallback = dominant
        return
    r = geo.gaz.rows[d.best]
    cue = d.match.cue
    if r[LEVEL] in ("country", "admin1") or (cue is not None and cue.kind in ("admin1", "admin2")):
        return
    if r[LAT] and ctx.near(float(r[LAT]), float(r[LON]), id(d)) >= NEAR:
        return
    main = ctx.main_country(d)
    weak_cue = cue is not None and cue.kind == "feature"
    if main is not None and main != r[CC] and (weak_cue or not geo.prominent(d.best)):
        d.fallback = dominant if dominant and dominant[0] == main else (main, "")
    elif dominant is not None and not geo.salient(d.best) and \
            (r[CC], r[ADMIN1]) != dominant and ctx.support((r[CC], r[ADMIN1]), d) < SUPPORT:
        d.fallback = dominant
    if d.fallback is not None:
        d.rule += ":context"


def _deciders(gaz: Gazetteer, d: Decision, decisions: list[Decision]) -> list[int]:
    """Other places in the chosen admin1 when the name had homonyms in several."""
    rows = gaz.rows
    homonyms = {(rows[r][CC], rows[r][ADMIN1]) for r in d.rows}
    if len(homonyms) < 2 or d.best is None:
        return []
    key = (rows[d.best][CC], rows[d.best][ADMIN1])
    out = []
    for o in decisions:
        if o is not d and o.best is not None and o.confidence >= 0.5 and \
                (rows[o.best][CC], rows[o.best][ADMIN1]) == key and o.best not in out:
            out.append(o.best)
    if d.region is not None and d.region.best is not None and d.region.best not in out:
        out.insert(0, d.region.best)
    return out[:3]
