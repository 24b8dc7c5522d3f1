"""ACLED actor columns of an event: names, inter codes, interaction.

Mentions are re-resolved for the event's own country and date (an article
can cover Yemen and Syria; the same words name different actors in 2015 and
2025). When the text names no perpetrator, ``perpetrators.toml`` gives the
side that ACLED coders would assume for that country, period and kind of
violence (unsigned air strikes in Yemen in 2015 are the coalition's), and
failing that the perpetrator is an unidentified armed group. Civilian victims
make actor2 the country's civilians.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from ..document import Span
from ..resources import load_toml
from .who import fits

FieldTuple = tuple[Any, tuple[Span, ...], str, float]
NONE: FieldTuple = (None, (), "", 0.0)


@dataclass
class ActorChoice:
    actor1: FieldTuple = NONE
    assoc_actor_1: FieldTuple = NONE
    inter1: FieldTuple = NONE
    actor2: FieldTuple = NONE
    assoc_actor_2: FieldTuple = NONE
    inter2: FieldTuple = NONE
    interaction: FieldTuple = NONE
    civilian_targeting: FieldTuple = NONE


@functools.lru_cache(maxsize=1)
def _defaults() -> list[dict[str, Any]]:
    return list(load_toml("lexicons/perpetrators.toml")["default"])


def default_perpetrator(country: str | None, sub_event_type: str, when: date | None) -> str | None:
    """The actor key ACLED coders assume when the text names none, or None."""
    for row in _defaults():
        if row.get("country", country) != country or sub_event_type not in row["sub_event_types"]:
            continue
        lo, hi = row.get("from"), row.get("until")
        if when is not None and ((lo and when < lo) or (hi and when > hi)):
            continue
        return row["actor"]
    return None


def _country(d: Any) -> str | None:
    """The event's country: its place, a container, else the country its actor
    mentions were resolved for (a place missing from the gazetteer)."""
    p = d.scene.place
    if p is not None:
        return p.country
    for c in d.scene.containers:
        if c.place is not None:
            return c.place.country
    for m in (d.roles.actor1, d.roles.actor2):
        if m is not None and m.context:
            return m.context
    return None


def _resolve(m: Any, country: str | None, when: date | None) -> Any:
    """The mention's actor for the event's country. The reading the actors stage
    made with the whole text as context stands when that actor can act there
    (unsigned «الغارات» of a coalition statement, in Syria); otherwise the words
    are read again for the event's country («الجيش» of another country), and
    the stage's reading is kept if they name nobody there."""
    from .. import actors as registry
    if registry.active_in(m.actor, country):
        return registry.seen_in(m.actor, country)
    return registry.resolve(m, country, when) or m.actor


def _event_day(d: Any, published: date | None) -> date | None:
    return d.when.value or published


def name_actors(d: Any, published: date | None) -> ActorChoice:
    """Actor columns for a draft."""
    from .. import actors as registry  # the actor dictionary (resources/actors)
    country = _country(d)
    when = _event_day(d, published)
    r = d.roles
    if r.actor1 is not None and not fits(r.rule1, d.kind.sub_event_type):
        # the merged event is a bombing: the name is its target, not its author
        r = replace(r, actor1=None, rule1="", actor2=r.actor2 or r.actor1,
                    rule2=r.rule2 or "actor.second_named")
    out = ActorChoice()
    # the words that report the event stand behind a defaulted actor: the
    # trigger, else the casualty words that made the event
    tspans = (d.kind.trigger.span,) if d.kind.trigger is not None else \
        tuple(sorted({a.span for f in d.frames for a in f.anchors}))[:3]
    a1 = _resolve(r.actor1, country, when) if r.actor1 is not None else None
    a2 = _resolve(r.actor2, country, when) if r.actor2 is not None else None
    if a1 is not None:
        out.actor1 = (a1.name, (r.actor1.span,), r.rule1, r.actor1.confidence)
    else:
        key = default_perpetrator(country, d.kind.sub_event_type, when)
        a1 = registry.by_key(key, country, when) if key else None
        if a1 is None:  # no default, or a template that needs the unknown country
            key, a1 = None, registry.unidentified(country)
        out.actor1 = (a1.name, tspans, "actor.default_for_country" if key else "actor.unidentified", 0.4)
    civilians = any(c.victims in ("civilian", "child", "woman") for f in d.frames for c in f.deaths())
    if a2 is None and civilians:
        a2 = registry.civilians(country)
        spans = tuple(c.span for f in d.frames for c in f.deaths() if c.victims in ("civilian", "child", "woman"))
        out.actor2 = (a2.name, spans, "actor.civilian_victims", 0.7)
    elif a2 is not None:
        out.actor2 = (a2.name, (r.actor2.span,), r.rule2, r.actor2.confidence)
    if a2 is not None and a2.family == a1.family:
        a2, out.actor2 = None, NONE
    assoc = [registry.resolve(m, country, when) for m in r.assoc1]
    assoc = [a for a in assoc if a is not None and a.family != a1.family]
    if assoc:
        out.assoc_actor_1 = ("; ".join(dict.fromkeys(a.name for a in assoc)),
                             tuple(m.span for m in r.assoc1), "actor.support_marker", 0.6)
    out.inter1 = (a1.inter, out.actor1[1], out.actor1[2], out.actor1[3])
    if a2 is not None:
        out.inter2 = (a2.inter, out.actor2[1], out.actor2[2], out.actor2[3])
        if a2.inter == 7:
            out.civilian_targeting = ("Civilian targeting", out.actor2[1], out.actor2[2], out.actor2[3])
    code = registry.interaction(a1.inter, a2.inter if a2 is not None else None)
    out.interaction = (code, out.actor1[1] + (out.actor2[1] if a2 is not None else ()),
                       "actor.interaction", min(out.actor1[3], out.actor2[3] if a2 is not None else 1.0))
    return out
