"""Event type of a frame: the highest-priority trigger, with ACLED's rules for
territory («سيطرت»: regained by a government, overtaken by a non-state actor)
and for casualty reports that name no kind of violence."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Sequence

from ..mentions import Trigger
from ..resources import load_toml
from .cues import event_type_of

#: families whose forces are a state (or fight for one: Yemen's resistance)
STATE_FAMILIES = frozenset({"SYR_GOV", "IRQ_GOV", "YEM_GOV", "SAU_COALITION", "USA_COALITION", "RUS",
                            "TUR", "IRN", "ISR", "EGY", "LBY_GOV"})


@dataclass(frozen=True)
class TypeChoice:
    event_type: str
    sub_event_type: str
    trigger: Trigger | None
    rule: str
    confidence: float


@functools.lru_cache(maxsize=1)
def priorities() -> dict[str, int]:
    return dict(load_toml("lexicons/triggers.toml")["priority"])


def role(t: Trigger) -> str:
    return t.rule.split(".", 1)[1] if "." in t.rule else "strike"


def best_trigger(triggers: Sequence[Trigger]) -> Trigger | None:
    """The strongest trigger: specific before generic, then by priority, then first."""
    if not triggers:
        return None
    prio = priorities()

    def key(t: Trigger) -> tuple[int, int, float, int]:
        return (0 if role(t) == "generic" else 1, prio.get(t.sub_event_type, 0), t.confidence, -t.nstart)
    return max(triggers, key=key)


def choose_type(triggers: Sequence[Trigger], actor1_family: str | None, has_deaths: bool,
                civilian_victims: bool) -> TypeChoice:
    """ACLED (sub-)event type for a frame."""
    t = best_trigger(triggers)
    if t is None:
        if civilian_victims:
            return TypeChoice("Violence against civilians", "Attack", None, "type.casualty_civilians", 0.5)
        return TypeChoice("Battles", "Armed clash", None, "type.casualty_default", 0.4)
    sub = t.sub_event_type
    if role(t) == "territory":
        strong = [x for x in triggers if role(x) == "strike" and x.sub_event_type != "Armed clash"]
        if strong:
            t, sub = best_trigger(strong), best_trigger(strong).sub_event_type  # type: ignore[union-attr]
        elif actor1_family and actor1_family not in STATE_FAMILIES:
            sub = "Non-state actor overtakes territory"
    if sub == "Armed clash" and civilian_victims and not any(
            x.sub_event_type == "Armed clash" and role(x) == "strike" for x in triggers):
        sub = "Attack"
    rule = f"type.trigger.{role(t)}"
    conf = t.confidence * (0.6 if role(t) == "generic" else 1.0)
    return TypeChoice(event_type_of(sub) or _family_type(sub), sub, t, rule, conf)


def _family_type(sub: str) -> str:
    return {"Non-state actor overtakes territory": "Battles",
            "Government regains territory": "Battles"}.get(sub, "")


def disorder_type(event_type: str) -> str:
    """ACLED's disorder_type column for an event type."""
    if event_type in ("Protests", "Riots"):
        return "Demonstrations"
    if event_type == "Strategic developments":
        return "Strategic developments"
    return "Political violence"
