"""The words around place names: cues, directions, relations, stoplists.

Loaded once from gazetteer/lexicon.toml (hand-written), gazetteer/stoplist.toml
(learned by the build from non-conflict news), the ambiguous admin1 names of
gazetteer/admin1.toml and the ambiguous countries of gazetteer/countries.toml.
Every word is normalized like the text (:func:`rasd.gazetteer.keys.name_key`).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..resources import load_toml
from .keys import name_key

#: proclitics, longest first, with what they leave in front of the stem. «ك»
#: ("like") is left out: it rarely precedes a place and «وكرم» is not «و+ك+رم»;
#: so is «فل»: «فلوريدا» is not «ف+ل+وريدا».
_CLITICS = ("وبال", "وال", "بال", "فال", "ولل", "لل", "وب", "ول", "فب", "و", "ف", "ب", "ل")


_SHORT_STEMS = frozenset(["حي"])


@dataclass(frozen=True, slots=True)
class Cue:
    """A word that introduces a place name."""

    word: str
    kind: str  # populated, neighbourhood, admin1, admin2, admin3, area, feature
    strong: bool = False  # admits names that are not in the gazetteer
    plural: bool = False  # introduces a list («بلدات X وY»)
    region: bool = False  # names a region that encloses places mentioned before it
    toponym: bool = False  # is part of the name («وادي», «جبل»)
    dual: bool = False  # a dual: its list has two names («بلدتي X وY»)


@functools.lru_cache(maxsize=1 << 16)
def readings(word: str) -> tuple[tuple[str, str], ...]:
    """(proclitic, stem) readings of a normalized word, the bare word first.

    «وبالعند» → ('', 'وبالعند'), ('وب', 'العند'), ('و', 'بالعند') ...; «لل»
    gives back the article («للمدينه» → ('ل', 'المدينه')).
    """
    out: list[tuple[str, str]] = [("", word)]
    for p in _CLITICS:
        if not word.startswith(p):
            continue
        if p.endswith("ال"):
            prefix, stem = p[:-2], "ال" + word[len(p):]
        elif p.endswith("لل"):
            prefix, stem = p[:-1], "ال" + word[len(p):]
        else:
            prefix, stem = p, word[len(p):]
        # a stripped stem keeps three letters (or the article): «باب» is not «ب+اب»;
        # the cue «حي» is the one short stem («وحي الروضة»)
        if (len(stem) >= 3 or stem.startswith("ال") or stem in _SHORT_STEMS) and prefix \
                and (prefix, stem) not in out:
            out.append((prefix, stem))
    return tuple(out)


def _keys(words: list[str]) -> list[str]:
    return [k for k in (name_key(w) for w in words) if k]


class Lexicon:
    """All word lists the places stage consults."""

    def __init__(self) -> None:
        lex = load_toml("gazetteer/lexicon.toml")
        self.cues: dict[str, Cue] = {}
        for word, spec in lex["cues"].items():
            key = name_key(word)
            self.cues[key] = Cue(key, spec["kind"], bool(spec.get("strong")),
                                 bool(spec.get("plural")), bool(spec.get("region")),
                                 bool(spec.get("toponym")), bool(spec.get("dual")))
        self.directions: dict[str, str] = {}
        for direction, words in lex["directions"].items():
            for k in _keys(words):
                self.directions[k] = direction
        self.near = set(_keys(lex["relations"]["near"]))
        self.near_words = frozenset(w for k in self.near for w in k.split())
        self.locatives = set(_keys(lex["locatives"]["words"]))
        self.titles = set(_keys(lex["persons"]["titles"]))
        self.function_words = frozenset(_keys(lex["function_words"]["words"]))
        self.name_links = set(_keys(lex["persons"]["name_links"]))
        self.not_places: dict[str, list[tuple[str, ...]]] = {}
        for k in _keys(lex["not_places"]["phrases"]):
            words = tuple(k.split())
            self.not_places.setdefault(words[0], []).append(words)
        for phrases in self.not_places.values():
            phrases.sort(key=len, reverse=True)
        self.country_support = frozenset(_keys(lex["needs_cue"]["country_support"]))
        self.needs_cue = set(_keys(lex["needs_cue"]["names"]))
        #: unit names that are common words («الجنوب», «الشرقية», «مالي»): only after a
        #: unit cue («محافظة», «منطقة»)
        self.ambiguous_units = set(_keys(load_toml("gazetteer/admin1.toml")["ambiguous"]["names"]))
        self.needs_cue |= self.ambiguous_units
        countries = load_toml("gazetteer/countries.toml")
        for c in countries["countries"].values():
            if c.get("ambiguous"):
                self.ambiguous_units |= set(_keys(c["ar"]))
                self.needs_cue |= set(_keys(c["ar"]))
        #: «الفلسطينية» → PS: a country adjective after a place name
        self.country_adjectives = {k: cc for cc, words in countries["adjectives"].items()
                                   for k in _keys(words)}
        self.needs_cue |= set(self.cues)  # «معسكر» is also Mascara, Algeria
        stop = load_toml("gazetteer/stoplist.toml")
        self.stop = frozenset(stop["stop"])
        self.wordlike = frozenset(stop["wordlike"])
        self.common = frozenset(stop["common"])
        self.in_words = frozenset(_keys(lex["relations"]["links"]))
        # words that may stand between a place and the region that encloses it
        self.link_words = frozenset(
            {w for k in list(self.directions) + list(self.near) for w in k.split()}
            | set(_keys(lex["relations"]["links"])))
        self.max_phrase = max(len(k.split()) for k in list(self.directions) + list(self.near))
        phrases = list(self.directions) + list(self.near)
        self._phrase_last = frozenset(k.rsplit(" ", 1)[1] for k in phrases if " " in k)
        self._phrase_single = frozenset(k for k in phrases if " " not in k)
        self._ends_phrase: dict[str, bool] = {}
        self.shapes = re.compile("|".join(f"(?:{p})" for p in lex["shapes"]["patterns"]))
        self.quantifiers = frozenset(_keys(lex["quantifiers"]["words"]))
        self._adjective = re.compile(lex["shapes"]["adjective"])
        self._colour = re.compile(lex["shapes"]["colour"])

    def colour(self, word: str) -> bool:
        """A colour adjective («الزرقاء», «البيضاء»), also the name of towns."""
        return self._colour.search(word) is not None

    def adjective(self, word: str) -> bool:
        """An indefinite adjective («جبلية», «حدودية»): the noun before it is no name."""
        return self._adjective.search(word) is not None

    def wrong_shape(self, word: str) -> bool:
        """The word is shaped like a verb, an inflected noun or an indefinite
        adjective, not like a name (lexicon.toml ``[shapes]``)."""
        return self.shapes.search(word) is not None

    def may_end_phrase(self, word: str) -> bool:
        """A direction or "near" phrase may end with this word: it is the last word of
        a longer one, or one of its readings is a one-word one (cached)."""
        hit = self._ends_phrase.get(word)
        if hit is None:
            if len(self._ends_phrase) >= 1 << 16:
                self._ends_phrase.clear()
            hit = self._ends_phrase[word] = word in self._phrase_last or any(
                stem in self._phrase_single for _, stem in readings(word))
        return hit

    def cue(self, word: str) -> Cue | None:
        """The cue a word is (after its proclitics), if any."""
        for _, stem in readings(word):
            c = self.cues.get(stem)
            if c is not None:
                return c
        return None


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon, loaded once per process."""
    return Lexicon()
