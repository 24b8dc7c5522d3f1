"""Role cue words (``resources/actors/roles.toml``) and the token window they are read in.

:mod:`rasd.events.who` decides who did what to whom in an event frame from
words around each actor mention: «نفذها» before it, «مسؤوليته» after it,
«مواقع» before a target, «لقوا مصرعهم» after victims. This module loads those
words once (normalized as the tokens are) and gives the window over a frame's
tokens (:class:`Passage`): the words before and after a mention, passing over
the quotes and slashes the press puts around names («تنظيم / داعش /»).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Callable, Sequence

from ..mentions import Casualty, Token, Trigger
from ..resources import load_toml
from ..text.arabic import normalize_key
from ..text.lexicon import variants

ROLES_FILE = "actors/roles.toml"
DEATHS = ("death", "death_or_injury", "injury", "capture")


@dataclass(frozen=True)
class Cues:
    """The role cue words of roles.toml, normalized."""

    agent_before: frozenset[str]
    agent_phrases: tuple[tuple[str, ...], ...]
    agent_after: frozenset[str]
    claim_that: frozenset[str]
    subject_verbs: frozenset[str]
    object_suffixes: tuple[str, ...]
    other_before: frozenset[str]
    other_phrases: tuple[tuple[str, ...], ...]
    party_before: frozenset[str]
    possessive: frozenset[str]
    support_before: frozenset[str]
    source_before: frozenset[str]
    source_gap: frozenset[str]
    victim_gap: frozenset[str]
    ranks: frozenset[str]
    marks: frozenset[str]
    death_words: frozenset[str]
    verb_forms: frozenset[str]
    victim_after: frozenset[str]
    counted: frozenset[str]
    count_words: frozenset[str]
    object_triggers: frozenset[str]
    laid: frozenset[str]
    noun_subject: frozenset[str]
    laying_verbs: frozenset[str]
    hidden: frozenset[str]
    battle: frozenset[str]


def _norm(ws: Sequence[str]) -> frozenset[str]:
    return frozenset(normalize_key(w) for w in ws)


def _phrases(ws: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(normalize_key(p).split()) for p in ws)


@functools.lru_cache(maxsize=1)
def cues() -> Cues:
    """The bundled role cues (loaded once)."""
    d = load_toml(ROLES_FILE)
    words = {k: _norm(v["words"]) for k, v in d.items() if isinstance(v, dict) and "words" in v}
    return Cues(
        agent_before=words["agent_before"], agent_phrases=_phrases(d["agent_before"]["phrases"]),
        agent_after=words["agent_after"], claim_that=_norm(d["agent_after"]["claim_that"]), subject_verbs=words["subject_verbs"],
        object_suffixes=tuple(sorted(d["subject_verbs"]["object_suffixes"], key=len, reverse=True)),
        other_before=words["other_before"], other_phrases=_phrases(d["other_before"]["phrases"]),
        party_before=words["party_before"], possessive=words["possessive"],
        support_before=words["support_before"], source_before=words["source_before"],
        source_gap=_norm(d["source_before"]["gap"]), victim_gap=words["victim_gap"],
        ranks=_norm(d["victim_gap"]["ranks"]), marks=frozenset(d["victim_gap"]["marks"]),
        death_words=_norm(d["victim_gap"]["death_words"]), verb_forms=_norm(d["victim_gap"]["verb_forms"]),
        victim_after=words["victim_after"], counted=_norm(d["victim_after"]["counted"]),
        count_words=_norm(d["victim_after"]["count_words"]), object_triggers=words["object_triggers"],
        laid=_norm(d["object_triggers"]["laid"]), noun_subject=words["subject_of_noun"],
        laying_verbs=_norm(d["object_triggers"]["laying_verbs"]),
        hidden=frozenset(d["hidden_perpetrator"]["sub_event_types"]),
        battle=frozenset(d["battle"]["sub_event_types"]))


@functools.lru_cache(maxsize=65536)
def stems(word: str) -> tuple[str, ...]:
    """The word and its forms without proclitics («وبدعم» → «بدعم», «دعم»)."""
    return tuple(v for v, _ in variants(word, 2))


def has(token: Token, words: frozenset[str]) -> bool:
    """Is the token, with or without proclitics, one of ``words``?"""
    return token.kind != "punct" and not words.isdisjoint(stems(token.text))


@dataclass
class Passage:
    """The tokens of a text, with the triggers and casualty figures of one frame:
    what the role tests look at around a mention."""

    tokens: Sequence[Token]
    index_of: Callable[[int], int]
    triggers: Sequence[Trigger]
    casualties: Sequence[Casualty]

    def __post_init__(self) -> None:
        self.trig_spans = [(self.index_of(t.nstart), self.index_of(t.nend - 1), t) for t in self.triggers]
        self.death_tokens = {k for c in self.casualties if c.kind in DEATHS
                             for k in range(self.index_of(c.nstart), self.index_of(c.nend - 1) + 1)}

    def before(self, i: int, n: int) -> list[Token]:
        """Up to ``n`` words before index ``i``, nearest first; quotes and slashes
        around a name are passed over («أعلن تنظيم «داعش»»), other punctuation ends."""
        return self._walk(i - 1, -1, n)

    def after(self, j: int, n: int) -> list[Token]:
        """Up to ``n`` words after index ``j``, as :meth:`before`."""
        return self._walk(j + 1, 1, n)

    def _walk(self, k: int, step: int, n: int) -> list[Token]:
        out: list[Token] = []
        marks = cues().marks
        while 0 <= k < len(self.tokens) and len(out) < n:
            t = self.tokens[k]
            k += step
            if t.kind == "punct":
                if t.text in marks:
                    continue
                break
            out.append(t)
        return out


def phrase_before(sc: Passage, i: int, phrases: Sequence[tuple[str, ...]]) -> bool:
    """Does one of ``phrases`` end on the word before index ``i`` (its first word
    may carry a proclitic: «وعلى يد»)?"""
    for p in phrases:
        k = i - len(p)
        if k < 0 or (len(p) > 1 and sc.tokens[i - 1].text != p[-1]) or \
                tuple(t.text for t in sc.tokens[k + 1:i]) != p[1:]:
            continue
        if p[0] in stems(sc.tokens[k].text):
            return True
    return False
