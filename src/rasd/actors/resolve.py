"""Resolve dictionary terms to ACLED actors for a country and a date.

The same words name different actors in different places and times:
«طيران التحالف» is the Saudi-led coalition in Yemen and the Global Coalition
in Syria; «جبهة النصرة» is Jabhat al Nusra in 2015 and Hayat Tahrir al Sham
after 2017; «الجيش» is the army of whichever country the text is about.
:func:`resolve` makes that choice; the ``actors`` stage calls it with the
country of the sentence or article, an event builder can call it again with
an event's own country.
"""
from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date
from typing import Sequence

from ..errors import UnknownActorError
from ..mentions import Actor, ActorMention
from ..text.arabic import normalize_key
from .dictionary import BLOCK, Dictionary, load, tokens_of
from .model import (CIVILIANS, EXTERNAL, PROTESTERS, RIOTERS, STATE, TEMPLATES, Period, Sense,
                    Term)

#: confidence factor by how well a sense's countries fit the context
#: (4 named, 3 no country restriction, 2 a secondary country of the text,
#: 1 country unknown, 0 another country)
FIT_CONFIDENCE = {4: 1.0, 3: 1.0, 2: 0.85, 1: 0.75, 0: 0.5}
STALE_DATE = 0.6  # confidence factor when the name is not valid on the date


@dataclass(frozen=True, slots=True)
class Resolution:
    """The actor chosen for a term, how sure, and the other readings."""

    actor: Actor
    confidence: float
    alternatives: tuple[Actor, ...] = ()


def civilians(country: str | None) -> Actor:
    """ACLED's civilian actor of ``country`` («Civilians (Syria)»)."""
    name = f"Civilians ({country})" if country else "Civilians"
    return Actor(f"civilians:{country or '-'}", name, "CIV", CIVILIANS, country)


def unidentified(country: str | None) -> Actor:
    """ACLED's unidentified armed group of ``country`` (inter 3, as ACLED codes it)."""
    name = f"Unidentified Armed Group ({country})" if country else "Unidentified Armed Group"
    return Actor(f"unidentified:{country or '-'}", name, "UNK", 3, country)


def interaction(inter1: int | None, inter2: int | None) -> int:
    """ACLED's interaction code: the two inter codes, lower first (17); 10 for one side."""
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return 0
    if len(codes) == 1:
        return codes[0] * 10
    return codes[0] * 10 + codes[1]


def _pick_period(periods: Sequence[Period], when: date | None) -> tuple[Period, bool] | None:
    """The period valid on ``when`` (the latest when the date is unknown)."""
    if not periods:
        return None
    if when is None:
        return periods[-1], True
    for p in periods:
        if p.valid(when):
            return p, True
    # out of range: the nearest period, flagged stale
    before = [p for p in periods if p.start is not None and when < p.start]
    return (before[0] if before else periods[-1]), False


def _template(d: Dictionary, template: str, country: str | None,
              when: date | None) -> tuple[Actor, bool] | None:
    """Fill a template with a country; None when it needs one it does not have."""
    c = d.countries.get(country) if country else None
    if template in ("military", "police"):
        if c is None:
            if not country:
                return None
            # a country the dictionary does not describe: ACLED's plain pattern
            name = f"{'Military' if template == 'military' else 'Police'} Forces of {country}"
            return Actor(f"{template}:{country}", name, "OTHER", STATE, country), True
        picked = _pick_period(c.military if template == "military" else c.police, when)
        if picked is None:
            return None
        period, ok = picked
        return Actor(f"{template}:{c.name}:{period.name}", period.name, c.family, STATE,
                     c.name), ok
    if template == "islamic_state":
        # only the branches countries.toml names; elsewhere the movement itself
        if c is not None and c.islamic_state:
            return Actor(f"islamic_state:{c.name}", c.islamic_state, "IS", 2, c.name), True
        return Actor("islamic_state:-", "Islamic State", "IS", 2, None), True
    if template == "unidentified":
        return unidentified(country), True
    if template == "civilians":
        return civilians(country), True
    label, inter = {"protesters": ("Protesters", PROTESTERS), "rioters": ("Rioters", RIOTERS)}[
        template]
    name = f"{label} ({country})" if country else label
    return Actor(f"{template}:{country or '-'}", name, "OTHER", inter, country), True


def _materialize(d: Dictionary, sense: Sense, country: str | None,
                 when: date | None) -> tuple[Actor, bool] | None:
    if sense.actor_id is not None:
        entry = d.entries[sense.actor_id]
        return entry.actor, entry.period.valid(when)
    return _template(d, sense.template or "", sense.country or country, when)


def _fit(sense: Sense, country: str | None, fallback: Sequence[str]) -> int | None:
    """How well ``sense`` fits the context (see FIT_CONFIDENCE); None: not allowed."""
    if not sense.where:
        if sense.strict and country is None and sense.country is None:
            return None
        return 3
    if country in sense.where:
        return 4
    if any(f in sense.where for f in fallback):
        return 2
    if sense.strict:
        return None
    return 1 if country is None else 0


def _external(actor: Actor, country: str | None) -> Actor:
    """A state's forces acting in another country are ACLED inter 8."""
    if actor.inter == STATE and country and actor.country and actor.country != country:
        return replace(actor, inter=EXTERNAL)
    return actor


def seen_in(actor: Actor, country: str | None) -> Actor:
    """``actor`` as coded for an event in ``country`` (a foreign state's forces are inter 8)."""
    return _external(actor, country)


@functools.lru_cache(maxsize=1)
def _theatres() -> dict[str, frozenset[str]]:
    """For each dictionary actor, the countries where some term of the dictionary names it."""
    d = load()
    out: dict[str, set[str]] = defaultdict(set)
    for aid, entry in d.entries.items():
        if entry.actor.country:
            out[aid].add(entry.actor.country)
    for term in d.terms.values():
        for s in term.senses:
            if s.actor_id is not None:
                out[s.actor_id] |= s.where
    return {k: frozenset(v) for k, v in out.items()}


def active_in(actor: Actor, country: str | None) -> bool:
    """Can ``actor`` act in ``country``: its own country, or one where the dictionary
    names it (the Global Coalition in Syria and Iraq; a state's forces at home)?"""
    if country is None or actor.country == country:
        return True
    return country in _theatres().get(actor.actor_id, frozenset())


def choose(term: Term, country: str | None, when: date | None,
           fallback: Sequence[str] = (), d: Dictionary | None = None,
           external: bool = True) -> Resolution | None:
    """The best reading of ``term`` in ``country`` on ``when``; None if none applies.

    ``fallback`` lists other countries the text is about (weaker evidence).
    Country fit outranks the date: a name that is stale on the date is still
    preferred to a reading that belongs to another country. ``external``:
    ``country`` is sure enough to code another state's forces as inter 8.
    """
    d = d or load()
    scored = []
    for order, sense in enumerate(term.senses):
        fit = _fit(sense, country, fallback)
        if fit is None:
            continue
        made = _materialize(d, sense, country, when)
        if made is None:
            continue
        actor, date_ok = made
        conf = term.confidence * sense.confidence * FIT_CONFIDENCE[fit] * (1 if date_ok
                                                                           else STALE_DATE)
        if external:
            actor = _external(actor, country)
        scored.append(((fit * 2 + date_ok, -order), actor, conf))
    if not scored:
        return None
    scored.sort(key=lambda s: s[0], reverse=True)
    best = scored[0]
    alts = tuple(dict.fromkeys(a for _s, a, _c in scored[1:] if a.name != best[1].name))
    return Resolution(best[1], round(best[2], 3), alts)


@functools.lru_cache(maxsize=4096)
def choose_cached(key: str, country: str | None, when: date | None,
                  fallback: tuple[str, ...] = (), external: bool = True) -> Resolution | None:
    """:func:`choose` for a term key of the bundled dictionary, memoized."""
    return choose(load().terms[key], country, when, fallback, external=external)


def term_for(mention_or_key: ActorMention | str, d: Dictionary | None = None) -> Term:
    """The term behind a mention, a term key, or an alias as written («طيران التحالف»)."""
    d = d or load()
    key = mention_or_key.key if isinstance(mention_or_key, ActorMention) else mention_or_key
    if key is None:
        raise UnknownActorError("the mention carries no dictionary key")
    if key in d.terms:
        return d.terms[key]
    found = d.aliases.get(tokens_of(key)) or d.aliases.get(tuple(normalize_key(key).split()))
    if found is None or found == BLOCK:
        raise UnknownActorError(f"{key!r} is not an actor key or alias of the dictionary")
    return d.terms[found]


def resolve(mention_or_key: ActorMention | str, country: str | None,
            when: date | None) -> Actor | None:
    """The actor a mention (or key, or alias) names in ``country`` on ``when``.

    None when the words cannot name an actor there (a bare «الجيش» with no
    country known, «المقاومة» outside Yemen, Lebanon and Palestine).
    Raises :class:`~rasd.errors.UnknownActorError` for words not in the dictionary.
    """
    res = resolution(mention_or_key, country, when)
    return res.actor if res else None


def by_key(key: str, country: str | None, when: date | None) -> Actor | None:
    """The actor for a dictionary key: a term key («coalition»), an actor id
    («hts_nusra»), a template («unidentified», «military») filled with
    ``country``, or a template with its own country («military/Russia»).

    Raises :class:`~rasd.errors.UnknownActorError` for an unknown key.
    """
    d = load()
    if key in d.terms:
        return resolve(key, country, when)
    if key in d.entries:
        return _external(d.entries[key].actor, country)
    template, _sep, own = key.partition("/")
    if template in TEMPLATES:
        made = _template(d, template, own or country, when)
        return _external(made[0], country) if made else None
    raise UnknownActorError(f"{key!r} is not an actor key of the dictionary")


def resolution(mention_or_key: ActorMention | str, country: str | None,
               when: date | None, fallback: Sequence[str] = ()) -> Resolution | None:
    """Like :func:`resolve`, with the confidence and the alternatives."""
    term = term_for(mention_or_key)
    return choose_cached(term.key, country, when, tuple(fallback))
