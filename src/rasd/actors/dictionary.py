"""Load the actor dictionary (resources/actors/*.toml) into lookup tables.

Every ``actors/*.toml`` file listed in the resource manifest is read: an
analyst adds actors or whole files without touching code. The loader
normalizes every alias with :func:`rasd.text.arabic.normalize_key`, splits it
into tokens exactly as the ``segment`` stage does, expands spelling variants,
and builds the state-force names («القوات السورية», «طائرات روسية») from the
heads of ``forces.toml`` and the adjectives of ``countries.toml``.
Inconsistent data (an alias in two entries, a sense naming an unknown actor,
a bad inter code) is a :class:`~rasd.errors.ResourceError` at load time.
"""
from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable

from .. import resources
from ..errors import ResourceError
from ..mentions import Actor
from ..text.arabic import normalize_key
from .model import TEMPLATES, Country, Entry, Period, Sense, Term

PREFIX = "actors/"
#: files of the actors folder that are not actor lists (roles.toml: role cue words)
SPECIAL_FILES = ("actors/countries.toml", "actors/forces.toml", "actors/roles.toml")
BLOCK = "\x00block"  # the term key of a blocked phrase
#: adjective endings of each head form: (prefix, suffixes)
FORMS = {"def_m": ("ال", ("",)), "def_f": ("ال", ("ة",)), "def_pl": ("ال", ("ين", "ون")),
         "indef_m": ("", ("",)), "indef_m_acc": ("", ("ا",)), "indef_f": ("", ("ة",)),
         "indef_dual_f": ("", ("تين", "تان")), "indef_pl": ("", ("ين", "ون"))}
WEAK = 0.5  # weight of a weak country indicator
MAX_SPELLINGS = 64  # variants entered per alias at most


def tokens_of(text: str) -> tuple[str, ...]:
    """The word/number tokens of ``text`` after normalization, as ``segment`` makes them."""
    from ..stages.segment import tokenize  # lazy: rasd.stages imports this package
    return tuple(t for t, _a, _b, kind in tokenize(normalize_key(text)) if kind != "punct")


@dataclass
class Dictionary:
    """All tables the actors and sources stages need, built once."""

    countries: dict[str, Country] = field(default_factory=dict)
    entries: dict[str, Entry] = field(default_factory=dict)
    terms: dict[str, Term] = field(default_factory=dict)
    aliases: dict[tuple[str, ...], str] = field(default_factory=dict)  # → term key or BLOCK
    indicators: dict[tuple[str, ...], tuple[tuple[str, float], ...]] = field(default_factory=dict)
    adjectives: dict[str, str] = field(default_factory=dict)  # normalized nisba → country
    heads: frozenset[str] = frozenset()
    connectors: frozenset[str] = frozenset()
    spelling: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _origin: dict[tuple[str, ...], str] = field(default_factory=dict)

    # -- building -------------------------------------------------------------
    def add_alias(self, alias: str, key: str, where: str, *, generated: bool = False) -> None:
        """Enter ``alias`` (and its spelling variants) for term ``key``."""
        for toks in self._spellings(tokens_of(alias)):
            if not toks:
                raise ResourceError(f"{where}: alias {alias!r} has no words")
            old = self.aliases.get(toks)
            if old is not None and old != key:
                if generated:
                    continue  # a hand-written entry beats a generated one
                if self._origin.get(toks) != "generated":
                    raise ResourceError(f"{where}: alias {alias!r} is also given for {old!r}"
                                        f" ({self._origin.get(toks)})")
            self.aliases[toks] = key
            self._origin[toks] = "generated" if generated else where

    def _spellings(self, toks: tuple[str, ...]) -> Iterable[tuple[str, ...]]:
        """``toks`` with every combination of spelling variants (a variant may be
        several words: «عبدالله» / «عبد الله»)."""
        options = [((t,),) + tuple(tuple(v.split()) for v in self.spelling.get(t, ()))
                   for t in toks]
        for combo in itertools.islice(itertools.product(*options), MAX_SPELLINGS):
            yield tuple(w for part in combo for w in part)

    def add_indicator(self, phrase: str, country: str, weight: float) -> None:
        """``phrase`` counts ``weight`` towards ``country`` (a shared name counts for each)."""
        toks = tokens_of(phrase)
        old = dict(self.indicators.get(toks, ()))
        old[country] = max(weight, old.get(country, 0.0))
        self.indicators[toks] = tuple(old.items())


def _date(value: Any, where: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    raise ResourceError(f"{where}: {value!r} is not a TOML date (write 2015-03-26)")


def _periods(rows: list[dict], where: str) -> tuple[Period, ...]:
    return tuple(Period(r["name"], _date(r.get("from"), where), _date(r.get("until"), where))
                 for r in rows)


def _load_countries(d: Dictionary, data: dict) -> None:
    for row in data.get("country", []):
        where = f"actors/countries.toml [{row.get('name')}]"
        try:
            c = Country(row["name"], row["family"], tuple(row.get("adjectives", [])),
                        _periods(row.get("military", []), where),
                        _periods(row.get("police", []), where), row.get("islamic_state"))
        except KeyError as exc:
            raise ResourceError(f"{where}: missing {exc}") from None
        d.countries[c.name] = c
        for adj in c.adjectives:
            d.adjectives[normalize_key(adj)] = c.name
        for phrase in row.get("indicators", []):
            d.add_indicator(phrase, c.name, 1.0)
        for phrase in row.get("weak_indicators", []):
            d.add_indicator(phrase, c.name, WEAK)


def _adjective_forms(adj: str, form: str) -> list[str]:
    prefix, suffixes = FORMS[form]
    return [prefix + adj + s for s in suffixes]


def _load_forces(d: Dictionary, data: dict) -> list[tuple[str, str, str]]:
    """Heads, modifiers, spellings, blocks; returns generated (alias, force, country)."""
    d.spelling = {normalize_key(k): tuple(normalize_key(v) for v in vs)
                  for k, vs in data.get("spelling", {}).items()}
    mods = data.get("modifiers", {})
    d.heads = frozenset(normalize_key(h) for h in mods.get("heads", []))
    d.connectors = frozenset(normalize_key(c) for c in mods.get("connectors", []))
    generated = []
    for block in data.get("heads", []):
        form, force = block["form"], block["force"]
        if form not in FORMS or force not in ("military", "police"):
            raise ResourceError(f"actors/forces.toml: bad head block {form!r}/{force!r}")
        for head in block["words"]:
            for c in d.countries.values():
                for adj in c.adjectives:
                    for a in _adjective_forms(adj, form):
                        generated.append((f"{head} {a}", force, c.name))
    return generated


def _sense(row: dict, where: str) -> Sense:
    template = row.get("template")
    if template is not None and template not in TEMPLATES:
        raise ResourceError(f"{where}: unknown template {template!r}")
    if (template is None) == (row.get("actor") is None):
        raise ResourceError(f"{where}: a sense needs exactly one of actor= or template=")
    return Sense(row.get("actor"), template, row.get("country"),
                 frozenset(row.get("where", [])), bool(row.get("strict", False)),
                 float(row.get("confidence", 1.0)))


def _add_term(d: Dictionary, term: Term, aliases: list[str], where: str) -> None:
    if term.key in d.terms:
        raise ResourceError(f"{where}: key {term.key!r} is defined twice")
    d.terms[term.key] = term
    for alias in aliases:
        d.add_alias(alias, term.key, where)


def _load_actor_file(d: Dictionary, rel: str, data: dict) -> None:
    for row in data.get("actor", []):
        where = f"{rel} [{row.get('id')}]"
        try:
            actor = Actor(row["id"], row["name"], row["family"], int(row["inter"]),
                          row.get("country"))
        except KeyError as exc:
            raise ResourceError(f"{where}: missing {exc}") from None
        if not 1 <= actor.inter <= 8:
            raise ResourceError(f"{where}: inter must be 1..8, not {actor.inter}")
        if actor.actor_id in d.entries:
            raise ResourceError(f"{where}: actor id defined twice")
        period = Period(actor.name, _date(row.get("from"), where), _date(row.get("until"), where))
        d.entries[actor.actor_id] = Entry(actor, period, row.get("indicates"))
        if row.get("aliases"):
            term = Term(actor.actor_id, (Sense(actor_id=actor.actor_id),),
                        float(row.get("confidence", 1.0)), row.get("indicates"))
            _add_term(d, term, row["aliases"], where)
    for row in data.get("term", []):
        where = f"{rel} [{row.get('key')}]"
        senses = tuple(_sense(s, where) for s in row.get("senses", []))
        if not senses:
            raise ResourceError(f"{where}: a term needs at least one sense")
        term = Term(row["key"], senses, float(row.get("confidence", 1.0)), row.get("indicates"),
                    head_only=bool(row.get("head_only", False)), vague=bool(row.get("vague", False)))
        _add_term(d, term, row.get("aliases", []), where)


def _check(d: Dictionary) -> None:
    for term in d.terms.values():
        for s in term.senses:
            if s.actor_id is not None and s.actor_id not in d.entries:
                raise ResourceError(f"term {term.key!r} names unknown actor {s.actor_id!r}")
            for c in s.where | ({s.country} if s.country else set()):
                if c not in d.countries:
                    raise ResourceError(f"term {term.key!r} names unknown country {c!r}")


def build(files: dict[str, dict]) -> Dictionary:
    """Build the dictionary from parsed TOML files ``{relpath: data}``."""
    d = Dictionary()
    _load_countries(d, files.get("actors/countries.toml", {}))
    generated = _load_forces(d, files.get("actors/forces.toml", {}))
    for rel in sorted(files):
        if rel not in SPECIAL_FILES:
            _load_actor_file(d, rel, files[rel])
    for alias, force, country in generated:
        key = f"{force}/{country}"
        if key not in d.terms:
            d.terms[key] = Term(key, (Sense(template=force, country=country),), generated=True)
        d.add_alias(alias, key, "actors/forces.toml", generated=True)
    for phrase in files.get("actors/forces.toml", {}).get("block", {}).get("phrases", []):
        for toks in d._spellings(tokens_of(phrase)):
            if d._origin.get(toks, "generated") != "generated":
                raise ResourceError(f"actors/forces.toml: blocked phrase {phrase!r} is an alias"
                                    f" in {d._origin[toks]}")
            d.aliases[toks] = BLOCK
    _check(d)
    return d


def actor_files() -> list[str]:
    """Manifest paths of all actor dictionary files."""
    return sorted(rel for rel in resources.manifest()["files"]
                  if rel.startswith(PREFIX) and rel.endswith(".toml"))


@functools.lru_cache(maxsize=1)
def load() -> Dictionary:
    """The bundled actor dictionary (loaded once)."""
    return build({rel: resources.load_toml(rel) for rel in actor_files()})
