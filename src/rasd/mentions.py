"""Value types that stages put into document layers.

Every mention carries ``nstart``/``nend`` (offsets in the normalized text, for
ordering and windowing), ``span`` (the same range in raw-text offsets: the
evidence), the ``rule`` that produced it and a ``confidence`` in 0..1.
All types are frozen: layers are immutable.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from .document import Span


class Token(NamedTuple):
    """A token of the normalized text: ``kind`` is word, num or punct.

    A named tuple for speed: an article has about a thousand tokens.
    """

    text: str
    nstart: int
    nend: int
    span: Span
    kind: str = "word"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence and its clauses (normalized offsets)."""

    index: int
    nstart: int
    nend: int
    span: Span
    clauses: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A cardinal quantity written in digits or words.

    ``value`` is ACLED's conservative reading («عشرات» = 10, «مئات» = 100);
    ``vague`` is true for such unspecific quantities; ``qualifier`` is one of
    ``more_than``, ``at_least``, ``about``, ``less_than``, ``up_to`` or None.
    ``head`` is the counted noun when it is part of the number (a dual
    «طفلين» → value 2, head «طفل»), else None. ``kind`` says what the number
    is: ``cardinal`` (a count), or ``ordinal``, ``year``, ``date`` (day of a
    month), ``time``, ``percent``, ``money``, ``measure``, ``duration``,
    ``decimal`` — which a casualty count must ignore.
    """

    value: int
    nstart: int
    nend: int
    span: Span
    text: str
    rule: str
    confidence: float = 1.0
    vague: bool = False
    qualifier: str | None = None
    head: str | None = None
    kind: str = "cardinal"


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression resolved against the publication date.

    ``value`` is the resolved day (for a range, its last day); ``start`` the
    first day of a range (else equal to ``value``); ``precision`` follows
    ACLED's time_precision (1 day, 2 week, 3 month).
    """

    value: date
    nstart: int
    nend: int
    span: Span
    text: str
    rule: str
    precision: int = 1
    start: date | None = None
    relative: bool = False
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    gid: str
    name_ar: str
    name_en: str
    country: str
    iso: int | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    pcode: str | None = None
    lat: float | None = None
    lon: float | None = None
    level: str = "populated"  # country, admin1, admin2, admin3, region, populated, neighbourhood
    population: int = 0
    parent: str | None = None  # gid of the enclosing populated place (a city for a neighbourhood)
    coord_quality: str | None = None  # p source point, c unit centroid/seat, f enclosing unit's


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in the text and what it resolved to.

    ``cue`` is the word that introduced it («بلدة», «حي», «محافظة», «ريف») or
    None; ``region`` is a qualifier like «ريف حلب الغربي» turned into the
    admin unit it names. ``place`` is None when the name is not in the
    gazetteer; ``candidates`` keeps the alternatives weighed.
    """

    surface: str
    nstart: int
    nend: int
    span: Span
    rule: str
    place: Place | None = None
    candidates: tuple[Place, ...] = ()
    cue: str | None = None
    geo_precision: int = 1
    confidence: float = 1.0
    context: tuple[Place, ...] = field(default=())  # places that decided a homonym
    region: Place | None = None  # the admin unit a region phrase names («في ريف حلب» → Aleppo)
    direction: str | None = None  # north, south-west ... of a directional phrase


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor of the dictionary: ACLED-style name, family, inter code."""

    actor_id: str
    name: str
    family: str
    inter: int
    country: str | None = None


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in the text.

    ``key`` is the actor-dictionary term that matched (pass the mention to
    ``rasd.actors.resolve`` to re-resolve it for another country or date);
    ``alternatives`` are the other actors the same words could name;
    ``context`` is the country the mention was resolved for (None if unknown).
    """

    actor: Actor
    nstart: int
    nend: int
    span: Span
    text: str
    rule: str
    confidence: float = 1.0
    key: str | None = None
    alternatives: tuple[Actor, ...] = ()
    context: str | None = None


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word or phrase that signals an event of an ACLED (sub-)type."""

    event_type: str
    sub_event_type: str
    nstart: int
    nend: int
    span: Span
    text: str
    rule: str
    confidence: float = 1.0
    negated: bool = False


@dataclass(frozen=True, slots=True)
class SourceMention:
    """Who the text credits for its information («المرصد السوري لحقوق الإنسان»)."""

    name: str  # English name, e.g. "Syrian Observatory for Human Rights"
    nstart: int
    nend: int
    span: Span
    text: str
    rule: str
    confidence: float = 1.0
    kind: str = "organization"  # organization, agency, outlet, official, local, medical, witness


@dataclass(frozen=True, slots=True)
class Casualty:
    """A reported figure of dead or injured people.

    ``kind`` is ``death``, ``injury``, ``death_or_injury`` (one figure for
    both, «مقتل وإصابة 50») or ``capture``. ``count`` is None when the text
    gives no number («سقوط قتلى»). ``victims`` is the victim class (civilian,
    combatant, security, person, child, woman) and ``victim_text`` the noun
    phrase; ``children``/``women``/``unidentified`` are subsets of ``count``.
    ``tally`` is true when the figure is framed as a running total;
    ``negated`` when the text says there were none.
    """

    kind: str
    count: int | None
    nstart: int
    nend: int
    span: Span
    rule: str
    vague: bool = False
    qualifier: str | None = None
    victims: str | None = None
    victim_nstart: int | None = None
    victim_nend: int | None = None
    children: int | None = None
    women: int | None = None
    unidentified: int | None = None
    subset_spans: tuple[tuple[str, Span], ...] = ()  # (child | woman | unidentified, evidence)
    tally: bool = False
    negated: bool = False
    confidence: float = 1.0
