"""The geocoder's passes over one document: accept, link regions, score with context.

Used by the ``places`` stage (:mod:`rasd.stages.places`); kept here so the
stage module stays a thin adapter from the document's layers to
:class:`~rasd.mentions.PlaceMention`.
"""
from __future__ import annotations

from collections import defaultdict

from .anaphora import follow_antecedents, resolve_anaphors
from .context import Context, km
from .fuzzy import by_skeleton, fallback
from .geocode import Decision, Geocoder
from .keys import name_key
from .lexicon import Lexicon
from .matcher import Match, Words
from .store import ADMIN1, CC, CQ, LAT, LEVEL, LON, PARENT, Gazetteer

SUPPORT = 0.5  # admin1 weight the article must give a village named without a cue
NEAR = 0.4  # exp(-km / 100) above which a place is near the article's others (~90 km)
NEAR_BORROWED = 0.55  # the same for a point borrowed from the district (~60 km)
NEAR_KM = 60.0  # a place said to be near a town lies within this distance of it
COUNTRY_SHARE = 0.5  # share of the article's other places a country must have to support a name


def _joined_to(m: Match, ends: set[int], starts: dict[int, Match], words: Words) -> bool:
    """The name is in a list with an accepted place («في زنجبار وشقرة», «الحولة وتلبيسة»)."""
    if m.start - 1 in ends and (m.prefix.startswith("و") or words.comma[m.start]):
        return True
    if m.start - 2 in ends and words.texts[m.start - 1] == "و":
        return True
    nxt = starts.get(m.end)
    return nxt is not None and (nxt.prefix.startswith("و") or words.comma[m.end])


def _supported(gaz: Gazetteer, d: Decision, ctx: Context, ends: set[int],
               starts: dict[int, Match], words: Words) -> bool:
    rows = gaz.rows
    if any(rows[r][LEVEL] == "neighbourhood" and rows[r][PARENT] in ctx.cities for r in d.rows):
        return True
    m = d.match
    if d.link == "in" and d.region is not None and d.region.match.cue is not None and \
            d.region.match.cue.region:
        return True  # «بني قيس محافظة حجة»: the text puts it in a unit
    if m.extra.get("support") == "country":
        cc = {rows[r][CC] for r in d.rows}
        return any(ctx.country_share(c, d) >= COUNTRY_SHARE for c in cc)
    if not (m.locative or m.direction or m.near or "target" in m.extra
            or _joined_to(m, ends, starts, words)):
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
        within = countries
        if d.region is not None and d.region.best is not None:
            r = gaz.rows[d.region.best]
            region = d.region.fallback or (r[CC], r[ADMIN1])
            within = countries | {region[0]}
        else:  # «قريتي عرب بوران» in a sentence about Aleppo: its namesakes there
            region = ctx.dominant(d)
        cue = d.match.cue
        rows, rule = fallback(gaz, name_key(d.match.extra["text"]), within or None, region,
                              lossy=cue is None or cue.strong)
        if rows:
            d.rows, d.probs = rows, [1.0 / len(rows)] * len(rows)
            d.rule = ("cue:" if cue is not None else "name:") + rule


def geocode(gaz: Gazetteer, lex: Lexicon, words: Words, matches: list[Match]) -> list[Decision]:
    """Accepted place decisions of one document, in text order, scored with context."""
    geo = Geocoder(gaz, lex)
    accepted, pending = geo.first_pass(matches)
    _unit_spellings(geo, accepted)
    geo.link_regions(accepted + pending, words)
    for d in accepted:
        geo.score(d, None)
    ctx = Context(gaz, [d for d in accepted if d.rows])
    ends = {d.match.end - 1 for d in accepted}
    starts = {d.match.start: d.match for d in accepted}
    _unknowns(gaz, [d for d in pending if not d.match.key], ctx)
    anaphors = [d for d in pending if "anaphor" in d.match.extra]
    resolve_anaphors(gaz, anaphors, accepted)
    promoted = [d for d in pending if d.rows and (d in anaphors or _supported(
        gaz, d, ctx, ends, starts, words))]
    for d in promoted:
        if d.rule.startswith("salient:"):  # taken for the article's support, not its fame
            d.rule = "support:" + d.rule[len("salient:"):]
    accepted += promoted
    for d in accepted + pending:
        d.region, d.link = None, ""
    geo.link_regions(accepted, words)
    unknown = [d for d in accepted if not d.rows]
    _unknowns(gaz, unknown, ctx)
    for d in promoted + unknown:
        geo.score(d, None)
    ctx = _context_now(gaz, ctx, [d for d in accepted if d.rows])
    for d in accepted:
        if d.rows:
            geo.score(d, ctx)
    _cued_sense(gaz, accepted)
    _one_sense(gaz, accepted)
    follow_antecedents(gaz, accepted)
    by_admin1 = _confident_by_admin1(gaz, accepted)
    # last first: a region named after a place is settled before the place it holds
    for d in sorted(accepted, key=lambda d: -d.match.start):
        if d.rows:
            d.context = _deciders(gaz, d, by_admin1)
        _veto(geo, d, ctx)
    _region_sense(gaz, accepted)
    _unknown_sense(accepted)
    # a name taken without a cue only because it is salient, and that the context
    # rejects («الصف» in a Syrian article is not the Egyptian town), is no place at all
    # a cued name whose only readings the context rejects is a name the gazetteer
    # lacks, and must look like one («منطقة خالية» is an empty area)
    kept = [d for d in accepted if not (
        d.rule.endswith(":context") and d.rows and "anaphor" not in d.match.extra
        and not d.match.extra.get("keep") and _no_name(lex, d.match))]
    return sorted(kept, key=lambda d: d.match.start)


def _context_now(gaz: Gazetteer, ctx: Context, decisions: list[Decision]) -> Context:
    """The context of ``decisions``: the first pass's, with the decisions added after
    it, when those it had come first, unchanged (as they do unless a name the
    gazetteer lacked found rows since); else built anew."""
    old = ctx.decisions
    if len(decisions) >= len(old) and all(a is b for a, b in zip(old, decisions)) and all(
            d.rows == rows and d.probs == probs for d, rows, probs in ctx.snapshot):
        ctx.add(decisions[len(old):])
        return ctx
    return Context(gaz, decisions)


def _unit_spellings(geo: Geocoder, decisions: list[Decision]) -> None:
    """«مديرية الزهر»: no district is spelled so, but «الزاهر» is. A unit cue
    whose name matches only villages tries the units of a close spelling
    (consonant skeleton and a rapidfuzz ratio of 80)."""
    rows = geo.gaz.rows
    for d in decisions:
        cue = d.match.cue
        if cue is None or not cue.region or not d.match.key \
                or any(geo.cue_fits(cue, rows[r][LEVEL], 1.0) for r in d.rows):
            continue
        countries = {rows[r][CC] for r in d.rows}  # (the country its namesakes are in)
        units = [r for r in by_skeleton(geo.gaz, d.match.key, countries or None)
                 if geo.cue_fits(cue, rows[r][LEVEL], 1.0)]
        if units:
            d.rows, d.probs = units, [1.0 / len(units)] * len(units)
            d.rule = "cue:skeleton"


def _unknown_sense(decisions: list[Decision]) -> None:
    """A name the gazetteer lacks is one place through the article: where one of
    its mentions has a governorate (best one the text ties it to), the others
    take it («معسكر لبوزة في لحج» ... «محيط معسكر لبوزة»)."""
    areas: dict[str, tuple[str, str]] = {}
    for d in sorted(decisions, key=lambda d: d.region is None):  # text-given first
        if not d.rows and d.fallback is not None and d.fallback[1]:
            areas.setdefault(_name_of(d.match), d.fallback)
    for d in decisions:
        if not d.rows and (d.fallback is None or not d.fallback[1]):
            d.fallback = areas.get(_name_of(d.match), d.fallback)


def _region_sense(gaz: Gazetteer, decisions: list[Decision]) -> None:
    """A name the text put in a region where the gazetteer has no such place
    («مدينة الصالح في الحوبان»: unresolved, in Taiz) stays there when it comes
    back alone: «الغارة على مدينة الصالح» is not the Abyan village «آل صالح»."""
    placed = {_name_of(d.match): d.fallback for d in decisions
              if d.region is not None and d.fallback is not None and d.fallback[1] and d.rule.endswith(":region")}
    for d in decisions:
        area = placed.get(_name_of(d.match))
        if area is None or d.region is not None or d.fallback is not None or d.best is None:
            continue
        r = gaz.rows[d.best]
        if (r[CC], r[ADMIN1]) != area:
            d.fallback, d.rule = area, d.rule + ":region"


def _name_of(m: Match) -> str:
    """The name as a key, its final «ة»/«ه» spelling aside («لبوزة», «لبوزه»)."""
    return name_key(m.key or m.extra.get("text", ""))


def _no_name(lex: Lexicon, m: Match) -> bool:
    """A candidate whose gazetteer readings the context rejected, judged as a name
    the gazetteer lacks: it needs a cue, a name's shape, and after a weak cue
    («محيط الميدان») it must not be a common word, nor ever a word of nearness
    («قرية قريبة من الحدود»: a village near the border)."""
    if m.cue is None:
        return True
    last = _last_word(m)
    return lex.wrong_shape(last) or (not m.cue.strong and m.key in lex.common) or last in lex.near_words


def _last_word(m: Match) -> str:
    words = (m.key or m.extra.get("text", "")).split()
    return words[-1] if words else ""


def _cued_sense(gaz: Gazetteer, decisions: list[Decision]) -> None:
    """A name the article introduces with a cue keeps that reading when it comes back
    without one: «قرية دوما الفلسطينية» ... «ما جرى في دوما» is the same Duma, not
    the better-known Syrian town."""
    rows = gaz.rows
    cued = {d.match.key: d.best for d in decisions
            if d.match.cue is not None and d.match.key and d.best is not None and d.fallback is None}
    for d in decisions:
        row = cued.get(d.match.key)
        if d.match.cue is None and row is not None and d.best is not None and \
                (rows[row][CC], rows[row][ADMIN1]) != (rows[d.best][CC], rows[d.best][ADMIN1]) \
                and row in d.match.extra.get("all_rows", d.rows):
            d.rows, d.probs = [row], [1.0]  # (in the same governorate each keeps its level)


def _one_sense(gaz: Gazetteer, decisions: list[Decision]) -> None:
    """One name, one region per article: when the mentions of a name were put in
    different governorates, all take the governorate most of their weight is in
    (each keeps its own level: «محافظة تعز» the unit, «تعز» the city)."""
    rows = gaz.rows
    groups: dict[str, list[Decision]] = defaultdict(list)
    for d in decisions:
        if len(d.rows) > 1 and d.match.key and d.region is None:
            groups[d.match.key].append(d)
    for group in groups.values():
        if len({(rows[d.rows[0]][CC], rows[d.rows[0]][ADMIN1]) for d in group}) < 2:
            continue
        weight: dict[tuple[str, str], float] = defaultdict(float)
        for d in group:
            for r, p in zip(d.rows, d.probs):
                weight[(rows[r][CC], rows[r][ADMIN1])] += p
        key = max(weight, key=lambda k: (weight[k], k))
        for d in group:
            for i, r in enumerate(d.rows):
                if (rows[r][CC], rows[r][ADMIN1]) == key:
                    d.rows.insert(0, d.rows.pop(i))
                    d.probs.insert(0, d.probs.pop(i))
                    break


def _veto(geo: Geocoder, d: Decision, ctx: Context) -> None:
    """Unresolve a place that only matches far from everything the article is about.

    The gazetteer lacks many villages, so a namesake elsewhere is weaker
    evidence than the article's context: «منطقة الكنب» in an article about Taiz
    is not the Shabwah village, «جبل عقبة» in Yemen is not Aqaba. Such a name
    (and a name the gazetteer lacks) keeps the admin1 the context gives
    (``fallback``). Prominent places named without a cue are never vetoed
    (a Yemen article may mention Cairo).
    """
    if d.best is None:
        d.fallback = _unknown_area(geo.gaz, d, ctx)
        return
    cc = d.match.extra.get("country")
    if cc is not None and geo.gaz.rows[d.best][CC] != cc:
        d.fallback, d.rule = (cc, ""), d.rule + ":country"  # no namesake in that country
        return
    if d.region is not None:
        _veto_by_region(geo, d)
        return
    r = geo.gaz.rows[d.best]
    cue = d.match.cue
    if r[LEVEL] in ("country", "admin1") or (cue is not None and cue.kind in ("admin1", "admin2")
                                              and geo.cue_fits(cue, r[LEVEL], 1.0)):
        return  # («محافظة الإحساء» in a Saudi article is no village of Dhamar)
    # a borrowed point (Yemeni villages share their district's) must be nearer
    if r[LAT] and ctx.near(float(r[LAT]), float(r[LON]), id(d)) >= (
            NEAR_BORROWED if r[CQ] == "f" else NEAR):
        return
    dominant = ctx.dominant(d)
    main = ctx.main_country(d)
    weak_cue = cue is not None and (cue.kind == "feature" or not cue.strong)
    # salience vouches for a name taken without a cue, or with a cue that fits its
    # level, unless the name is a common word: «أحياء التحرير» in Taiz is not the
    # Sanaa district of that name, nor «الروضة» the district of Shabwah
    vouched = geo.prominent(d.best) or (geo.salient(d.best) and d.match.key not in geo.lex.common
                                        and (cue is None or geo.cue_fits(cue, r[LEVEL])))
    # so does a unit of the same name around it («مدينة الضالع», «أهالي الباحة»: the
    # seat of its governorate)
    vouched = vouched or ((cue is None or geo.cue_fits(cue, r[LEVEL])) and any(
        geo.gaz.rows[o][LEVEL] in ("admin1", "admin2") and geo.gaz.rows[o][CC] == r[CC]
        and geo.gaz.rows[o][ADMIN1] == r[ADMIN1] for o in d.rows))
    if main is not None and main != r[CC] and (weak_cue or not geo.prominent(d.best)):
        d.fallback = dominant if dominant and dominant[0] == main else (main, "")
    elif dominant is not None and not vouched and \
            (r[CC], r[ADMIN1]) != dominant and ctx.support((r[CC], r[ADMIN1]), d) < SUPPORT:
        d.fallback = dominant
        # a well-known name of the article's country stays a place, unresolved
        key = d.match.key
        d.match.extra["keep"] = geo.salient(d.best) and dominant[0] == r[CC] and \
            key not in geo.lex.common and key not in geo.lex.wordlike
    if d.fallback is not None:
        d.rule += ":context"


def _unknown_area(gaz: Gazetteer, d: Decision, ctx: Context) -> tuple[str, str] | None:
    """The admin1 of a name the gazetteer lacks: the region the text ties it to,
    else (or when that is a country) the admin1 the article is about."""
    area = None
    if d.region is not None and d.region.best is not None:
        g = gaz.rows[d.region.best]
        area = d.region.fallback or (g[CC], g[ADMIN1])
    if area is None or not area[1]:
        dominant = ctx.dominant(d, least=0.8)
        if dominant is not None and (area is None or dominant[0] == area[0]):
            area = dominant
    return area


def _veto_by_region(geo: Geocoder, d: Decision) -> None:
    """Unresolve a place the text ties to a region it does not lie in.

    «معسكر لبوزة في لحج»: no namesake lies in the region the text gives; «منطقة
    مريس شمال مدينة الضالع»: the only «مريس» is in another governorate, far
    from the town it is said to be near. The place keeps the region's admin1.
    """
    g_row = d.region.best if d.region is not None else None
    if d.best is None or g_row is None:
        return
    rows = geo.gaz.rows
    r, g = rows[d.best], rows[g_row]
    if geo.prominent(d.best):
        return  # («الولايات المتحدة», «بغداد»: a well-known place says the link is loose)
    area = d.region.fallback or (g[CC], g[ADMIN1])
    if d.link == "in" and (d.region.fallback is not None or geo.region_fit(d.best, d.region) < 0):
        d.fallback, d.rule = area, d.rule + ":region"
    elif d.link == "near" and not geo.salient(d.best) and (r[CC], r[ADMIN1]) != area and not (
            r[LAT] and g[LAT] and km(float(r[LAT]), float(r[LON]), float(g[LAT]),
                                     float(g[LON])) <= NEAR_KM) and not (
            g[LEVEL] == "country" and r[CC] == g[CC]):
        # («مدينة سوروتش جنوب تركيا»: a part of a country is in it, however far from
        # the capital its point is)
        d.fallback, d.rule = area, d.rule + ":near"


def _confident_by_admin1(gaz: Gazetteer, decisions: list[Decision]) -> dict[tuple[str, str], list]:
    """(country, admin1) → [(row, decision id)] of the confidently placed decisions."""
    out: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for o in decisions:
        if o.best is not None and o.area_confidence(gaz) >= 0.5:
            r = gaz.rows[o.best]
            out.setdefault((r[CC], r[ADMIN1]), []).append((o.best, id(o)))
    return out


def _deciders(gaz: Gazetteer, d: Decision, by_admin1: dict[tuple[str, str], list]) -> list[int]:
    """Other places in the chosen admin1 when the name had homonyms in several."""
    rows = gaz.rows
    homonyms = {(rows[r][CC], rows[r][ADMIN1]) for r in d.rows[:5]}
    if len(homonyms) < 2 or d.best is None:
        return []
    key = (rows[d.best][CC], rows[d.best][ADMIN1])
    out: list[int] = []
    if d.region is not None and d.region.best is not None:
        out.append(d.region.best)
    for row, did in by_admin1.get(key, ()):
        if did != id(d) and row not in out:
            out.append(row)
    return out[:3]
