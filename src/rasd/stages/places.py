"""places: place names in the text, resolved to gazetteer entries (layer ``places``).

A thin adapter: :mod:`rasd.gazetteer.matcher` finds candidate names (clitics,
cues, lists, directions), :mod:`rasd.gazetteer.resolve` accepts and scores
them against the bundled gazetteer, and this module turns the decisions into
:class:`~rasd.mentions.PlaceMention` values with raw-text spans and ACLED's
geo_precision:

- 1: the named place itself, with its own coordinates;
- 2: near a place or part of it («قرب», «شرق المدينة», «ضواحي», «ريف» of a
  town, a base or front named after it), a subdistrict, or a place whose
  coordinates fall back to its enclosing unit (Yemeni villages);
- 3: only a region is known (a country, governorate, district, named region),
  or the name is not in the gazetteer (then ``region`` carries the best
  admin unit the text gives).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from rapidfuzz import fuzz

from ..document import Document
from ..gazetteer.geocode import Decision
from ..gazetteer.keys import name_key
from ..gazetteer.lexicon import Lexicon, lexicon
from ..gazetteer.matcher import Matcher, words_of
from ..gazetteer.resolve import geocode
from ..gazetteer.store import Gazetteer, gazetteer
from ..mentions import Place, PlaceMention
from ..registry import register

_NEAR_CUES = frozenset(["ضواحي", "اطراف", "محيط", "مشارف", "مدخل", "مداخل", "ريف"])
_REGION_LEVELS = frozenset(["country", "admin1", "admin2", "region"])
_TANWEEN = re.compile("[\u064b-\u064d]")
MAX_CANDIDATES = 5


def _covers(positions: list[int], span: tuple[int, int]) -> bool:
    """One of the (sorted) positions lies in ``[start, end)``."""
    k = bisect_left(positions, span[0])
    return k < len(positions) and positions[k] < span[1]


def geo_precision(d: Decision, place: Place | None) -> int:
    """ACLED geo_precision of a decision (see the module docstring)."""
    if place is None or place.level in _REGION_LEVELS:
        return 3
    m = d.match
    if m.direction or m.near:
        return 2
    if m.cue is not None and (m.cue.word in _NEAR_CUES or m.cue.kind == "feature"):
        return 2
    if place.level == "admin3" or place.coord_quality == "f" or place.lat is None:
        return 2
    return 1


def display_name(place: Place, surface: str) -> Place:
    """The place with an Arabic name fit to show: a merged locality of the sources
    («العروبة الباب_عرب ويران») shows the part the text names; a place the sources
    name only in Latin letters shows the name as the text writes it."""
    if not place.name_ar:
        return replace(place, name_ar=surface)
    if "_" not in place.name_ar:
        return place
    key = name_key(surface)
    parts = [p.strip() for p in place.name_ar.split("_") if p.strip()]
    i = max(range(len(parts)), key=lambda k: fuzz.ratio(name_key(parts[k]), key))
    en = place.name_en.split(" - ")
    return replace(place, name_ar=parts[i], name_en=en[i] if len(en) == len(parts) else place.name_en)


@register("places")
class Places:
    """Recognize place names and geocode them against the bundled gazetteer."""

    name = "places"
    requires: tuple[str, ...] = ("norm", "tokens", "sentences")
    provides: tuple[str, ...] = ("places",)

    def __init__(self, gaz: Gazetteer | None = None, lex: Lexicon | None = None) -> None:
        self.gaz = gaz or gazetteer()
        self.lex = lex or lexicon()
        self.matcher = Matcher(self.gaz, self.lex)

    def __call__(self, doc: Document) -> Document:
        words = words_of(doc["tokens"], doc["sentences"])
        matches = self.matcher.find(words)
        # «دوماً», «ميدانٌ», «إطارٍ»: a word with tanween is an adverb or a common noun
        tanween = [t.start() for t in _TANWEEN.finditer(doc.text)]
        if tanween:
            matches = [m for m in matches if not _covers(tanween, doc.raw_span(m.nstart, m.nend))]
        decisions = geocode(self.gaz, self.lex, words, matches)
        return doc.with_layers(places=tuple(self._mention(doc, d) for d in decisions))

    def _area(self, area: tuple[str, str]) -> Place | None:
        cc, admin1 = area
        row = self.gaz.admin1_row(cc, admin1) if admin1 else self.gaz.country_row(cc)
        return self.gaz.place(row) if row is not None else None

    def _region(self, d: Decision, place: Place | None) -> Place | None:
        """The unit that locates the mention: for an unresolved name the admin1 the
        text or the context gives; else the region the text ties it to."""
        if place is None and d.fallback is not None:
            return self._area(d.fallback)
        r = d.region
        if r is None or r.best is None:
            return None
        if r.fallback is not None:
            return self._area(r.fallback)
        region = self.gaz.place(r.best)
        if place is None and region.level not in _REGION_LEVELS:
            return self._area((self.gaz.cc_of(r.best), region.admin1 or ""))
        # a resolved place keeps a region that holds it, not one it is only near
        return region if place is None or d.link == "in" else None

    def _mention(self, doc: Document, d: Decision) -> PlaceMention:
        m = d.match
        gaz = self.gaz
        place = gaz.place(d.best) if d.best is not None and d.fallback is None else None
        region = self._region(d, place)
        nstart = m.extra.get("head_nstart", m.nstart)
        span = doc.raw_span(nstart, m.nend)
        surface = doc.raw(span)
        if place is not None:
            place = display_name(place, surface)
        return PlaceMention(
            surface=surface, nstart=nstart, nend=m.nend, span=span, rule=d.rule,
            place=place, candidates=tuple(map(gaz.place, d.rows[:MAX_CANDIDATES])),
            cue=m.cue.word if m.cue else None, geo_precision=geo_precision(d, place),
            confidence=round(d.confidence if place is not None else 0.5, 3),
            context=tuple(map(gaz.place, d.context)), region=region,
            direction=m.direction)
