"""One pass over the tokens finds every event cue: triggers, casualty words,
victim nouns, subset, tally and negation markers (lexicons in
``resources/lexicons/triggers.toml`` and ``casualties.toml``)."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Sequence

from ..mentions import Token
from ..resources import load_toml
from ..text.arabic import normalize_key
from ..text.lexicon import Match, PhraseMatcher

EVENT_TYPES: dict[str, str] = {}


@dataclass(frozen=True, slots=True)
class Cue:
    """What a lexicon phrase signals.

    ``kind``: trigger, death, injury, death_or_injury, capture, victim,
    subset, tally, negation. ``value``: the sub-event type for a trigger, the
    victim class for a victim noun, "verb"/"noun" for casualty words.
    """

    kind: str
    value: str = ""
    weight: float = 1.0
    role: str = ""
    event_type: str = ""


@functools.lru_cache(maxsize=1)
def matcher() -> PhraseMatcher[tuple[Cue, ...]]:
    """The combined cue matcher (built once); a phrase may carry several cues
    («إعدام» is both an Attack trigger and a death word)."""
    entries: dict[str, list[Cue]] = {}

    def add(phrases: list[str], cue: Cue) -> None:
        for p in phrases:
            key = normalize_key(p)
            if cue not in entries.setdefault(key, []):
                entries[key].append(cue)

    trig = load_toml("lexicons/triggers.toml")
    for block in trig["trigger"]:
        EVENT_TYPES[block["sub_event_type"]] = block["event_type"]
        add(block["phrases"], Cue("trigger", block["sub_event_type"], float(block.get("weight", 1.0)),
                                  block.get("role", "strike"), block["event_type"]))
    cas = load_toml("lexicons/casualties.toml")
    for cls, block in cas["victim"].items():
        add(block["phrases"], Cue("victim", cls))
    for kind in ("subset", "tally", "negation", "capture"):
        add(cas[kind]["phrases"], Cue(kind))
    for kind in ("death", "injury"):
        for form in ("verb", "noun"):
            add(cas[kind][form], Cue(kind, form))
    add(cas["death_or_injury"]["phrases"], Cue("death_or_injury", "verb"))
    m: PhraseMatcher[tuple[Cue, ...]] = PhraseMatcher()
    for key, cues in entries.items():
        m.add(key, tuple(cues))
    return m


@functools.lru_cache(maxsize=1)
def victim_classes() -> dict[str, frozenset[str]]:
    """Normalized victim phrases by class (a phrase can be in several: «طفلة»)."""
    cas = load_toml("lexicons/casualties.toml")
    return {cls: frozenset(normalize_key(p) for p in block["phrases"])
            for cls, block in cas["victim"].items()}


def find_cues(tokens: Sequence[Token]) -> list[Match[tuple[Cue, ...]]]:
    """All cue matches, left to right, non-overlapping, longest first."""
    return list(matcher().finditer(tokens))


def event_type_of(sub_event_type: str) -> str:
    matcher()
    return EVENT_TYPES.get(sub_event_type, "")
