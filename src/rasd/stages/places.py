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

from ..document import Document
from ..gazetteer.geocode import Decision
from ..gazetteer.lexicon import Lexicon, lexicon
from ..gazetteer.matcher import Matcher, words_of
from ..gazetteer.resolve import geocode
from ..gazetteer.store import ADMIN1, Gazetteer, gazetteer
from ..mentions import Place, PlaceMention
from ..registry import register

_NEAR_CUES = frozenset(["ضواحي", "اطراف", "محيط", "مشارف", "مدخل", "مداخل", "ريف"])
_REGION_LEVELS = frozenset(["country", "admin1", "admin2", "region"])
MAX_CANDIDATES = 5


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
        decisions = geocode(self.gaz, self.lex, words, self.matcher.find(words))
        return doc.with_layers(places=tuple(self._mention(doc, d) for d in decisions))

    def _region(self, d: Decision, place: Place | None) -> Place | None:
        if d.region is not None and d.region.best is not None:
            return self.gaz.place(d.region.best)
        return None

    def _mention(self, doc: Document, d: Decision) -> PlaceMention:
        m = d.match
        gaz = self.gaz
        place = gaz.place(d.best) if d.best is not None and d.fallback is None else None
        region = self._region(d, place)
        if region is not None and region.level not in _REGION_LEVELS and place is None:
            row = gaz.admin1_row(gaz.cc_of(d.region.best), gaz.rows[d.region.best][ADMIN1])
            region = gaz.place(row) if row is not None else region
        if region is None and d.fallback is not None:
            row = gaz.admin1_row(*d.fallback) if d.fallback[1] else gaz.country_row(d.fallback[0])
            region = gaz.place(row) if row is not None else None
        nstart = m.extra.get("head_nstart", m.nstart)
        span = doc.raw_span(nstart, m.nend)
        return PlaceMention(
            surface=doc.raw(span), nstart=nstart, nend=m.nend, span=span, rule=d.rule,
            place=place, candidates=tuple(gaz.place(r) for r in d.rows[:MAX_CANDIDATES]),
            cue=m.cue.word if m.cue else None, geo_precision=geo_precision(d, place),
            confidence=round(d.confidence if place is not None else 0.5, 3),
            context=tuple(gaz.place(r) for r in d.context), region=region,
            direction=m.direction)
