"""Helpers for the event-coding tests: run the full pipeline on a short passage
and read the records the events stage produces."""
from __future__ import annotations

import functools
from datetime import date
from typing import Any

from rasd.config import DEFAULT_STAGES
from rasd.document import Article, Document
from rasd.pipeline import Pipeline
from rasd.records import Record

#: a Thursday: «أمس» is Wednesday 5 August, «الثلاثاء» the 4th
PUB = date(2015, 8, 6)


@functools.lru_cache(maxsize=1)
def pipeline() -> Pipeline:
    """The default pipeline, built once (the gazetteer loads with it)."""
    return Pipeline.from_names(list(DEFAULT_STAGES))


def code(text: str, published: date | None = PUB) -> Document:
    """The coded document of one passage."""
    return pipeline()(Article("t", text, published))


def values(record: Record) -> dict[str, Any]:
    return {name: f.value for name, f in record.fields.items()}


def events(text: str, published: date | None = PUB) -> list[dict[str, Any]]:
    """Field values of every event record of a passage."""
    return [values(r) for r in code(text, published)["events"]]


def tallies(text: str, published: date | None = PUB) -> list[dict[str, Any]]:
    return [values(r) for r in code(text, published)["tallies"]]


def one_event(text: str, published: date | None = PUB) -> dict[str, Any]:
    found = events(text, published)
    assert len(found) == 1, [(e["location_ar"], e["sub_event_type"], e["fatalities"]) for e in found]
    return found[0]


def where(found: list[dict[str, Any]]) -> list[str]:
    """The Arabic location of each event, in order."""
    return [e["location_ar"] for e in found]
