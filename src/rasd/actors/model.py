"""Value types of the actor dictionary (see resources/actors/*.toml)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..mentions import Actor

#: templates a sense may name; each is filled with a country
TEMPLATES = frozenset({"military", "police", "islamic_state", "unidentified", "civilians",
                       "protesters", "rioters"})

#: ACLED inter codes
STATE, REBEL, POLITICAL_MILITIA, IDENTITY_MILITIA, RIOTERS, PROTESTERS, CIVILIANS, EXTERNAL = \
    1, 2, 3, 4, 5, 6, 7, 8


@dataclass(frozen=True, slots=True)
class Period:
    """A name valid on ``start <= day < end`` (open ends when None)."""

    name: str
    start: date | None = None
    end: date | None = None

    def valid(self, day: date | None) -> bool:
        if day is None:
            return True
        return (self.start is None or day >= self.start) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Country:
    """A country: its forces by period, adjective, and Islamic State branch name."""

    name: str
    family: str
    adjectives: tuple[str, ...]
    military: tuple[Period, ...]
    police: tuple[Period, ...]
    islamic_state: str | None = None


@dataclass(frozen=True, slots=True)
class Entry:
    """A dictionary actor with its validity and the country it points to."""

    actor: Actor
    period: Period
    indicates: str | None = None


@dataclass(frozen=True, slots=True)
class Sense:
    """One reading of a term: a dictionary actor or a template, where it holds."""

    actor_id: str | None = None
    template: str | None = None
    country: str | None = None  # fixed country of a template
    where: frozenset[str] = frozenset()
    strict: bool = False
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Term:
    """Words that name an actor; several senses when it depends on country or date."""

    key: str
    senses: tuple[Sense, ...]
    confidence: float = 1.0
    indicates: str | None = None
    generated: bool = False
    head_only: bool = False  # valid only after a modifier head («مسلحي المعارضة»)
    vague: bool = False  # names no one in particular: a guess from the country («غارات جوية»)
