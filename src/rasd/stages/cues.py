"""cues: event triggers and casualty figures (layers ``triggers``, ``casualties``).

One lexicon pass per sentence finds trigger phrases (ACLED sub-event types)
and casualty words; :mod:`rasd.events.casualties` ties the casualty words to
numbers, victims and subsets.
"""
from __future__ import annotations

import bisect

from ..document import Document
from ..events import casualties as cas
from ..events.cues import Cue, matcher
from ..mentions import Casualty, NumberMention, Trigger
from ..registry import register


def token_range(starts: list[int], nstart: int, nend: int) -> tuple[int, int]:
    """Indices ``[a, b)`` of the tokens inside the normalized range."""
    return bisect.bisect_left(starts, nstart), bisect.bisect_left(starts, nend)


@register("cues")
class Cues:
    """Triggers and casualty figures, sentence by sentence."""

    name = "cues"
    requires: tuple[str, ...] = ("tokens", "sentences", "numbers")
    provides: tuple[str, ...] = ("triggers", "casualties")

    def __init__(self) -> None:
        self.matcher = matcher()

    def __call__(self, doc: Document) -> Document:
        tokens = doc["tokens"]
        starts = [t.nstart for t in tokens]
        numbers: tuple[NumberMention, ...] = doc["numbers"]
        nstarts = [n.nstart for n in numbers]
        triggers: list[Trigger] = []
        casualties: list[Casualty] = []
        known: set[str] = set()
        for sent in doc["sentences"]:
            a, b = token_range(starts, sent.nstart, sent.nend)
            window_tokens = tokens[a:b]
            matches = list(self.matcher.finditer(window_tokens))
            for m in matches:
                for c in m.payload:
                    if c.kind == "trigger":
                        triggers.append(self._trigger(doc, m, c))
            na, nb = token_range(nstarts, sent.nstart, sent.nend)
            w = cas.build_window(window_tokens, matches, numbers[na:nb], frozenset(known))
            found = cas.parse(w)
            casualties.extend(found)
            known |= cas.victim_keys(w, found)
        return doc.with_layers(triggers=tuple(triggers), casualties=tuple(casualties))

    @staticmethod
    def _trigger(doc: Document, m, c: Cue) -> Trigger:
        return Trigger(c.event_type, c.value, m.nstart, m.nend, doc.raw_span(m.nstart, m.nend),
                       doc.norm.text[m.nstart:m.nend], f"trigger.{c.role}", c.weight)
