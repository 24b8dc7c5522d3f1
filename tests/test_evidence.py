"""Every filled field of every dev-set record has evidence, and each evidence span,
cut from the original text and read again on its own, holds the words that support
the field (EVENTS.md §2 ``evidence``).

The dev set is extracted once (../shared/eval/dev/articles.jsonl; the tests skip
with the reason when ../shared is absent). A span is *read* by the same stages
that read articles (numbers, dates, actors) and by the lexicons of triggers,
casualty words, victims and sources; place spans are compared with the place's
name on the gazetteer's lossy skeleton key (variant spellings: «كفرناها» /
«كفر ناها», «أقيول» / «أغيول»). What a field's span must hold:

==============================  ============================================
date fields                     a date expression; for the publication-day
                                fallback, the event's own words instead
type fields                     a trigger of the record's sub-event type (a
                                casualty or attack word when no trigger typed it;
                                for «type.trigger.aim», the aim's action word:
                                «بهدف استعادة» is fighting)
location and its coordinates    the place's name (or the anaphor, or a named
                                neighbourhood of the city, as the rule says)
admin units, country            the place, then the containing places named
sublocations                    each name, and only names
fatalities                      a casualty word, and the number (digits, number
                                word, dual or counted victim noun) when one was
                                reported
children / women / unidentified a victim word of that class
injured                         an injury word
actors, inter, interaction      an actor's name; a trigger or victim word for
                                the rules that infer the actor from those
civilian_targeting              a civilian victim or a civilian actor
sources                         a source's name
notes                           an event word (trigger or casualty word)
==============================  ============================================
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
from rapidfuzz import fuzz

from rasd.actors.dictionary import BLOCK
from rasd.actors.extract import actor_matcher, token_texts
from rasd.document import Article
from rasd.events.cues import matcher as cue_matcher
from rasd.extract import Extractor
from rasd.mentions import Place
from rasd.gazetteer.keys import loose_forms, name_key, skeleton
from rasd.gazetteer.lexicon import lexicon as place_lexicon, readings
from rasd.gazetteer.anaphora import ANAPHORS
from rasd.gazetteer.store import gazetteer
from rasd.pipeline import Pipeline
from rasd.stages.sources import lexicon as source_lexicon

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "dev"
pytestmark = [pytest.mark.shared, pytest.mark.slow]

#: fields that come from the article's metadata, not its text
METADATA = {"source": "outlet"}


@dataclass(frozen=True)
class Reading:
    """What the stages and lexicons find in one span of text on its own."""

    text: str  # normalized
    numbers: tuple[Any, ...]
    dates: tuple[Any, ...]
    actors: tuple[str, ...]  # actor dictionary terms named (context-free: bare terms count)
    cues: tuple[Any, ...]  # rasd.events.cues.Cue, every cue of every match
    sources: int  # source names found


@functools.lru_cache(maxsize=1)
def _reader() -> Pipeline:
    return Pipeline.from_names(["normalize", "segment", "numbers", "dates"])


def _actor_terms(texts: list[str | None]) -> tuple[str, ...]:
    """Actor dictionary terms in the span. Read as if a modifier head preceded each
    word: a bare «النظام» is only an actor in context, and the context is outside
    the span. A span that starts after «ل» of «لل» («للمقاومة» → «لمقاومة», the
    extractor keeps the article's lam) is also read with the article's alif back."""
    m = actor_matcher()
    forms = [texts]
    if texts and texts[0] and texts[0].startswith("ل"):
        forms.append(["ا" + texts[0], *texts[1:]])
    hits = (m.match_at(t, i, headed=True) for t in forms for i in range(len(t)))
    return tuple(h.value for h in hits if h is not None and h.value != BLOCK)


@functools.lru_cache(maxsize=None)
def read(text: str, published: date | None) -> Reading:
    doc = _reader()(Article("span", text, published))
    tokens = doc["tokens"]
    cues = tuple(c for m in cue_matcher().finditer(tokens) for c in m.payload)
    lex, texts = source_lexicon(), token_texts(tokens)
    return Reading(doc.norm.text, doc["numbers"], doc["dates"], _actor_terms(texts), cues,
                   len(lex.sources.find(texts)) + len(lex.roles.find(texts)))


def cue_kinds(r: Reading) -> set[str]:
    return {c.kind for c in r.cues}


def victims(r: Reading) -> set[str]:
    return {c.value for c in r.cues if c.kind == "victim"}


CASUALTY = {"death", "injury", "death_or_injury"}
EVENT_WORDS = CASUALTY | {"trigger", "victim", "capture"}


# -- places -----------------------------------------------------------------------

def _skeletons(text: str) -> set[str]:
    """Skeletons of the span, with and without the proclitics of its first word."""
    words = name_key(text).split()
    if not words:
        return set()
    return {skeleton(" ".join([stem, *words[1:]])) for _, stem in readings(words[0])}


def names_place(span_text: str, name: str) -> bool:
    """Does the span write the place name (any variant spelling)?"""
    want = skeleton(name_key(name))
    return bool(want) and any(want in s or (s and s in want and len(s) >= len(want) - 1)
                              for s in _skeletons(span_text))


def is_anaphor(span_text: str) -> bool:
    """A unit named before: «المدينة», «بالمحافظة», «لمدينة» (of «للمدينة»), or a place
    cue with a pronoun («وضواحيها», «ريفها»: its suburbs, its countryside)."""
    words = name_key(span_text).split()
    cues = place_lexicon().cues
    return bool(words) and any(
        stem in ANAPHORS or "ال" + stem in ANAPHORS
        or any(stem.endswith(p) and stem[:-len(p)] in cues for p in ("ها", "ه", "هم"))
        for _, stem in readings(words[0]))


@functools.lru_cache(maxsize=None)
def places_named(span_text: str) -> tuple[Place, ...]:
    """The gazetteer places one of whose names the span writes (proclitics allowed,
    and the looser spellings the matcher tries: «أقيول» / «أغيول»)."""
    words = name_key(span_text).split()
    if not words:
        return ()
    gaz = gazetteer()
    rows: set[int] = set()
    # «لمملكة» cut from «للمملكة» (ل + المملكة, the article's alef elided)
    firsts = [words[0]] + (["ا" + words[0]] if words[0].startswith("ل") else [])
    for _, stem in (r for w in firsts for r in readings(w)):
        key = " ".join([stem, *words[1:]])
        for k in (key, *loose_forms(key)):
            rows.update(c // 2 for c in gaz.lookup(k))
    return tuple(gaz.place(i) for i in sorted(rows))


def is_gazetteer_name(span_text: str) -> bool:
    return bool(places_named(span_text))


def _same_place(p: Place, rec: dict[str, Any]) -> bool:
    """The record's place (by coordinates: the span may use another of its names,
    «لحج» for the city the gazetteer calls «الحوطة»)."""
    lat, lon = rec.get("latitude"), rec.get("longitude")
    return lat is not None and abs(p.lat - lat) < 1e-4 and abs(p.lon - lon) < 1e-4


def _inside(p: Place, rec: dict[str, Any]) -> bool:
    """A place within the record's (a neighbourhood of the city)."""
    return p.admin1 == rec.get("admin1") and p.admin2 == rec.get("admin2")


# -- the checks, one per group of fields -------------------------------------------

@dataclass
class Item:
    """One filled field of one record, with its spans cut from the raw text."""

    article_id: str
    kind: str
    field: str
    value: Any
    rule: str
    spans: list[str]
    record: dict[str, Any]
    published: date | None

    def readings(self) -> Iterator[tuple[str, Reading]]:
        for s in self.spans:
            yield s, read(s, self.published)


Check = Callable[[Item], str | None]  # None when the spans support the value


def check_date(it: Item) -> str | None:
    for s, r in it.readings():
        if it.rule.startswith("date.publication"):
            if not cue_kinds(r) & EVENT_WORDS:
                return f"publication-day fallback span {s!r} holds no event word"
        elif not r.dates:
            return f"date span {s!r} holds no date expression"
    return None


def _both_territory(a: str, b: str) -> bool:
    """A territory trigger («سيطرت», «تحرير») types the event by who took the ground:
    government, non-state actor, or a transfer."""
    return "territory" in a and "territory" in b


def check_type(it: Item) -> str | None:
    sub = it.record["sub_event_type"]
    for s, r in it.readings():
        if it.rule.startswith("type.trigger"):
            aim = it.rule.endswith(".aim")  # the word is the aim fought for, typed as fighting
            if not any(c.kind == "trigger" and (aim or c.value == sub or _both_territory(c.value, sub))
                       for c in r.cues):
                return f"type span {s!r} holds no trigger of {sub!r}"
        elif not cue_kinds(r) & EVENT_WORDS:
            return f"type span {s!r} holds no event word"
    return None


#: how close a fuzzily matched name must be to the words of its span (rapidfuzz ratio)
FUZZY_RATIO = 75


def _location_ok(it: Item, s: str) -> bool:
    """Does span ``s`` name the record's location, as the location's rule found it?"""
    rec = it.record
    rule = rec["provenance"]["location_ar"]["rule"]
    if ".anaphora" in rule:
        return is_anaphor(s)
    if "neighbourhoods_of_city" in rule:  # the city, through its named neighbourhoods
        return any(_inside(p, rec) for p in places_named(s))
    if names_place(s, rec["location_ar"]) or any(_same_place(p, rec) for p in places_named(s)):
        return True
    # a spelling the gazetteer lacks, matched by edit distance: close, not equal
    return (":fuzzy" in rule or ":translit" in rule) and \
        fuzz.ratio(name_key(s), name_key(rec["location_ar"])) >= FUZZY_RATIO


def check_location(it: Item) -> str | None:
    for s in it.spans:
        if not _location_ok(it, s):
            return f"place span {s!r} does not name {it.record['location_ar']!r}"
    return None


def check_admin(it: Item) -> str | None:
    if it.rule == "gazetteer" and not any(_location_ok(it, s) for s in it.spans):
        return f"no span of {it.field} names the place {it.record['location_ar']!r}"
    for s in it.spans:
        if not (is_gazetteer_name(s) or is_anaphor(s) or _location_ok(it, s)):
            return f"container span {s!r} names no place"
    return None


def _names(s: str, name: str) -> bool:
    """Span ``s`` writes ``name``, or another name of the place called ``name``."""
    return names_place(s, name) or any(name_key(p.name_ar) == name_key(name)
                                       for p in places_named(s))


def check_sublocations(it: Item) -> str | None:
    names = it.value
    for s in it.spans:
        if not (is_anaphor(s) or any(_names(s, n) for n in names)):
            return f"sublocation span {s!r} names none of {names}"
    for n in names:
        if not any(_names(s, n) or is_anaphor(s) for s in it.spans):
            return f"sublocation {n!r} has no span"
    return None


def check_fatalities(it: Item) -> str | None:
    """Each span is part of a casualty figure: its casualty word, its number, or a
    further victim group («... وسبعة من المقاتلين»); the figure has its casualty word,
    and its number when one was reported."""
    casualty = counted = False
    for s, r in it.readings():
        kinds = cue_kinds(r)
        if it.rule.startswith("fatalities.none_reported"):
            if not kinds & EVENT_WORDS:
                return f"span {s!r} of a no-death event holds no event word"
            continue
        if not (kinds & CASUALTY or r.numbers or victims(r)):
            return f"fatality span {s!r} holds no casualty word, number or victim"
        casualty = casualty or bool(kinds & CASUALTY)
        counted = counted or bool(r.numbers) or bool(victims(r))
    if it.rule.startswith("fatalities.none_reported"):
        return None
    if not casualty:
        return f"no fatality span holds a casualty word: {it.spans}"
    if it.rule.startswith("fatalities.reported_number") and not counted:
        return f"no fatality span holds the number: {it.spans}"
    return None


SUBSET_CLASS = {"fatalities_children": "child", "fatalities_women": "woman",
                "fatalities_unidentified": "unidentified"}


def check_subset(it: Item) -> str | None:
    cls = SUBSET_CLASS[it.field]
    for s, r in it.readings():
        if cls not in victims(r):
            return f"{it.field} span {s!r} holds no {cls} word"
    return None


def check_injured(it: Item) -> str | None:
    for s, r in it.readings():
        if not cue_kinds(r) & {"injury", "death_or_injury"}:
            return f"injured span {s!r} holds no injury word"
    return None


#: actor rules that infer the actor from the event's words rather than a name
INFERRED = ("actor.default", "actor.unidentified", "actor.victim", "actor.civilian")


def check_actor(it: Item) -> str | None:
    inferred = any(it.rule.startswith(p) for p in INFERRED) or it.field == "interaction"
    for s, r in it.readings():
        if r.actors:
            continue
        if inferred and cue_kinds(r) & EVENT_WORDS:
            continue
        return f"actor span {s!r} names no actor"
    return None


def check_civilians(it: Item) -> str | None:
    for s, r in it.readings():
        if "civilian" not in victims(r) and not victims(r) & {"child", "woman", "person"} \
                and not r.actors:
            return f"civilian-targeting span {s!r} names no civilian victim"
    return None


def check_source(it: Item) -> str | None:
    for s, r in it.readings():
        if not r.sources:
            return f"source span {s!r} names no source"
    return None


def check_notes(it: Item) -> str | None:
    for s, r in it.readings():
        if not cue_kinds(r) & EVENT_WORDS:
            return f"notes span {s!r} holds no event word"
    return None


CHECKS: dict[str, tuple[Check, tuple[str, ...]]] = {
    "date": (check_date, ("event_date", "year", "time_precision")),
    "type": (check_type, ("event_type", "sub_event_type", "disorder_type")),
    "location": (check_location, ("location_ar", "location", "geo_precision", "latitude",
                                  "longitude")),
    "admin": (check_admin, ("admin1", "admin2", "admin3", "pcode", "country", "iso", "region")),
    "sublocations": (check_sublocations, ("sublocations",)),
    "fatalities": (check_fatalities, ("fatalities", "fatalities_reported")),
    "subsets": (check_subset, tuple(SUBSET_CLASS)),
    "injured": (check_injured, ("injured",)),
    "actors": (check_actor, ("actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
                             "inter2", "interaction")),
    "civilian_targeting": (check_civilians, ("civilian_targeting",)),
    "sources": (check_source, ("reporting_source", "source")),
    "notes": (check_notes, ("notes",)),
}
CHECKED = {f for _, fields in CHECKS.values() for f in fields}


# -- the dev set --------------------------------------------------------------------

@pytest.fixture(scope="module")
def dev() -> list[tuple[dict[str, Any], str, date | None]]:
    """(record, raw text, publication date) of every record extracted from the dev set."""
    if not (DEV / "articles.jsonl").is_file():
        pytest.skip(f"../shared is not beside the checkout (no {DEV / 'articles.jsonl'})")
    ex = Extractor()
    out = []
    with open(DEV / "articles.jsonl", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            pub = date.fromisoformat(row["published"]) if row.get("published") else None
            art = Article(row["id"], row["text"], pub, outlet=row.get("outlet"))
            res = ex.extract(art)
            assert res.ok, res.error
            out += [(rec, art.text, pub) for rec in res.records]
    assert out, "the dev set gave no records"
    return out


def items(dev: list[tuple[dict[str, Any], str, date | None]], fields: tuple[str, ...]
          ) -> Iterator[Item]:
    for rec, text, pub in dev:
        for name in fields:
            if name in rec["provenance"] and name in rec["evidence"]:
                yield Item(rec["article_id"], rec["kind"], name, rec[name],
                           rec["provenance"][name]["rule"],
                           [text[a:b] for a, b in rec["evidence"][name]], rec, pub)


def failures(dev, group: str) -> tuple[int, list[str]]:
    check, fields = CHECKS[group]
    n, bad = 0, []
    for it in items(dev, fields):
        n += 1
        why = check(it)
        if why:
            bad.append(f"{it.article_id} {it.kind}.{it.field}={it.value!r} [{it.rule}]: {why}")
    return n, bad


#: known gaps, each the business of the file named (not of this test)
GAPS: dict[str, str] = {
}


def _group(name: str, gaps_of: str = "") -> Any:
    reason = GAPS.get(name) if gaps_of == name or not gaps_of else None
    return pytest.param(name, marks=pytest.mark.xfail(reason=reason, strict=False)) \
        if reason else name


@pytest.mark.parametrize("group", [_group(g, "actors") for g in sorted(CHECKS)])
def test_every_filled_field_has_evidence(dev, group):
    missing = []
    fields = CHECKS[group][1]
    for rec, _text, _pub in dev:
        for name in rec["provenance"]:  # provenance is written for every filled field
            meta = METADATA.get(name)
            if name not in fields or (meta and rec[name] == rec.get(meta)):
                continue  # (the outlet alone is article metadata, not text)
            if not rec["evidence"].get(name):
                missing.append(f"{rec['article_id']} {rec['kind']}.{name}={rec[name]!r} "
                               f"[{rec['provenance'][name]['rule']}]")
    assert not missing, (f"{len(missing)} filled fields without evidence:\n"
                         + "\n".join(missing[:20]))


def test_every_evidenced_field_is_checked(dev):
    unchecked = {name for rec, _t, _p in dev for name in rec["evidence"]} - CHECKED
    assert not unchecked, f"no evidence check for {sorted(unchecked)}: add one to CHECKS"


def test_spans_are_non_empty_ranges_of_the_raw_text(dev):
    bad = [f"{rec['article_id']} {name} {span}"
           for rec, text, _p in dev for name, spans in rec["evidence"].items() for span in spans
           if not (0 <= span[0] < span[1] <= len(text)) or not text[span[0]:span[1]].strip()]
    assert not bad, "\n".join(bad[:20])


@pytest.mark.parametrize("group", [_group(g, "subsets") for g in sorted(CHECKS)])
def test_spans_hold_the_supporting_words(dev, group):
    n, bad = failures(dev, group)
    assert n, f"no record of the dev set fills {group}: the check ran on nothing"
    assert not bad, f"{len(bad)} of {n} {group} fields:\n" + "\n".join(bad[:15])


def test_checks_reject_spans_moved_off_their_words(dev):
    """The checks can fail: the seed's first event with every span moved onto one
    letter of a word is rejected field by field."""
    rec, text, pub = next(x for x in dev if x[0]["article_id"].startswith("seed")
                          and x[0]["kind"] == "event")
    moved = dict(rec, evidence={k: [[0, 1]] for k in rec["evidence"]})
    accepted, total = [], 0
    for check, fields in CHECKS.values():
        for it in items([(moved, text, pub)], fields):
            total += 1
            if check(it) is None:
                accepted.append(it.field)
    assert total >= 20 and not accepted, f"a one-letter span passes for {accepted}"
