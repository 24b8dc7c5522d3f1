"""events: frames → drafts → merged events and tallies (layers ``events``, ``tallies``).

The coding logic lives in :mod:`rasd.events`; this stage wires it to the
document: token and sentence indexes, the gazetteer's city lookup for
neighbourhoods, article metadata for dates and sources.
"""
from __future__ import annotations

import bisect
from typing import Any

from ..document import Document
from ..events.coding import tally_record, to_record
from ..events.draft import Drafter
from ..events.frames import build_frames
from ..events.merge import merge, summaries
from ..registry import register


@register("events")
class Events:
    """Code the article's events and tallies as records."""

    name = "events"
    requires: tuple[str, ...] = ("tokens", "sentences", "triggers", "casualties", "places", "dates",
                                 "actors", "sources")
    provides: tuple[str, ...] = ("events", "tallies")

    def __call__(self, doc: Document) -> Document:
        drafts, tallies = code(doc)
        art = doc.article
        events = tuple(to_record(d, art.outlet, art.published) for d in drafts)
        return doc.with_layers(events=events, tallies=tuple(tally_record(t) for t in tallies))


def code(doc: Document) -> tuple[list[Any], list[Any]]:
    """The merged event drafts (in record order) and the tallies of a document
    that has the layers the events stage requires."""
    from ..gazetteer.store import gazetteer
    gaz = gazetteer()

    def enclosing_city(place: Any) -> Any:
        return gaz.by_gid_place(place.parent) if place.parent else None

    tokens = doc["tokens"]
    starts = [t.nstart for t in tokens]
    sent_starts = [s.nstart for s in doc["sentences"]]

    def index_of(nstart: int) -> int:
        return max(0, min(bisect.bisect_right(starts, nstart) - 1, len(tokens) - 1))

    def sentence_of(nstart: int) -> int:
        return max(0, bisect.bisect_right(sent_starts, nstart) - 1)

    drafts, tallies = Drafter(doc, index_of, sentence_of, enclosing_city).run(build_frames(doc))
    events, totals = summaries(merge(drafts))
    return [d for d in events if _reportable(d)], tallies + totals


def _reportable(d) -> bool:
    """Keep a draft when it reports violence, not just a violent word:
    a casualty figure, or a specific trigger at a named place."""
    if any(f.fatalities > 0 or (f.injured or 0) > 0 for f in d.reports):
        return True
    t = d.kind.trigger
    if d.kind.rule == "type.attack_reference":
        return True
    return t is not None and t.confidence >= 0.8 and not t.rule.endswith("generic")
