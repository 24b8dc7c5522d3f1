"""A sentence's tokens indexed for the casualty parser: cues and countable
numbers by token, the bridge words that may stand between a casualty word and
its figure, and the word tests the parser shares."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Sequence

from ..document import Span
from ..mentions import NumberMention, Token
from ..resources import load_toml
from ..text.arabic import normalize_key
from ..text.lexicon import Match
from .cues import Cue

#: words that may sit between a casualty word and its number or victim
BRIDGE = frozenset({"ما", "يقارب", "يزيد", "عن", "نحو", "حوالي", "قرابه", "زهاء", "اكثر", "من",
                    "لا", "يقل", "اقل", "الي", "(", ")", "«", "»", "\"", "عدد", "حياه", "فيه", "فيها",
                    "بحياه", "علي", "الاقل", "ان", "انه", "اليوم", "امس", "ايضا", "كذلك", "قد", "تم",
                    "يصل", "وصل", "بلغ", "الان", "حتي", "بالاضافه", "اضافه", "قرابه", "تقريبا", "ل", "عددا", "كبير", "كبيره", "اعداد"})
VICTIM_BRIDGE = frozenset({"من", "الاقل", "علي", "اخرين", "(", ")", "ما", "لا", "يقل", "عن"})
SUBSET_CLASSES = ("child", "woman", "unidentified")
CasualtyCue = Match[tuple[Cue, ...]]
#: tokens that end the stretch in which a verb looks back for its subject
CLAUSE_BREAKS = frozenset({"،", ",", ".", "؛", ";", ":", "!", "؟"})

@functools.lru_cache(maxsize=1)
def noun_leads() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(normalize_key(p).split()) for p in load_toml("lexicons/casualties.toml")["death"]["lead"])


def led(w: "Window", i: int) -> bool:
    """Is the figure-less casualty noun at ``i`` introduced as new dead («سقوط قتلى»)?"""
    for lead in noun_leads():
        n = len(lead)
        words = tuple(w.text(j) for j in range(i - n, i))
        if len(words) == n and all(a == b or a.endswith(b) and len(a) - len(b) <= 2
                                   for a, b in zip(words, lead)):
            return True
    return False


@functools.lru_cache(maxsize=1)
def grammatical_number() -> tuple[frozenset[str], frozenset[str]]:
    data = load_toml("lexicons/casualties.toml")["victim_number"]
    return (frozenset(normalize_key(w) for w in data["singular"]),
            frozenset(normalize_key(w) for w in data["dual"]))


def noun_count(key: str) -> int | None:
    """1 for a singular victim noun, 2 for a dual, None for a plural."""
    singular, dual = grammatical_number()
    if key in dual:
        return 2
    if key in singular:
        return 1
    return None


@dataclass
class Window:
    """Token-indexed view of one sentence: its cues and numbers."""

    tokens: Sequence[Token]
    cue_at: dict[int, CasualtyCue]
    num_at: dict[int, tuple[NumberMention, int]]  # first token → (number, last token)
    #: victim nouns the article's earlier sentences counted dead («الطفل» after «قتل الطفل ...»)
    known: frozenset[str] = frozenset()

    def cue(self, i: int, kind: str) -> Cue | None:
        m = self.cue_at.get(i)
        return None if m is None else next((c for c in m.payload if c.kind == kind), None)

    def victim_classes(self, i: int) -> list[str]:
        m = self.cue_at.get(i)
        return [c.value for c in m.payload if c.kind == "victim"] if m else []

    def text(self, i: int) -> str:
        return self.tokens[i].text if 0 <= i < len(self.tokens) else ""


def build_window(tokens: Sequence[Token], cues: Sequence[CasualtyCue],
                 numbers: Sequence[NumberMention], known: frozenset[str] = frozenset()) -> Window:
    """Index the cues and the countable numbers of a token range; ``known``: the
    victim nouns the sentences before it counted dead."""
    cue_at = {m.first: m for m in cues}
    num_at: dict[int, tuple[NumberMention, int]] = {}
    starts = {t.nstart: i for i, t in enumerate(tokens)}
    for n in numbers:
        if getattr(n, "kind", "cardinal") not in ("cardinal", None):
            continue
        i = starts.get(n.nstart)
        if i is None:
            continue
        last = i
        while last + 1 < len(tokens) and tokens[last + 1].nstart < n.nend:
            last += 1
        num_at[i] = (n, last)
    return Window(tokens, cue_at, num_at, known)


def number_right(w: Window, i: int, limit: int = 5) -> tuple[NumberMention, int, int] | None:
    j = i + 1
    while j < len(w.tokens) and j <= i + limit:
        if j in w.num_at:
            n, last = w.num_at[j]
            return n, j, last
        if w.tokens[j].text not in BRIDGE:
            return None
        j += 1
    return None


def number_left(w: Window, i: int, limit: int = 3) -> tuple[NumberMention, int, int] | None:
    j = i - 1
    while j >= 0 and j >= i - limit:
        for first, (n, last) in w.num_at.items():
            if first <= j <= last:
                return n, first, last
        if w.tokens[j].text not in BRIDGE:
            return None
        j -= 1
    return None


def victim_after(w: Window, j: int, limit: int = 3) -> tuple[str, int, int] | None:
    """The first victim noun within ``limit`` tokens after ``j``."""
    k = j + 1
    while k < len(w.tokens) and k <= j + limit:
        classes = w.victim_classes(k)
        if classes:
            return classes[0], k, w.cue_at[k].last
        if w.text(k) not in VICTIM_BRIDGE:
            return None
        k += 1
    return None


#: prepositions and conjunctions that open a new phrase, not the victim's
PHRASE_OPENERS = frozenset({"في", "ب", "علي", "الي", "جراء", "اثر", "خلال", "و", "عن", "بعد", "منذ"})
#: «إضافة إلى ثلاثة من العاملين»: a further group of victims
ADDITION = frozenset({"اضافه", "بالاضافه"})


def and_number(w: Window, k: int) -> bool:
    return k in w.num_at and w.text(k).startswith("و")


def plain_word(w: Window, k: int) -> bool:
    """A word of a victim's noun phrase («من منسوبي القوات الخاصة», «من ميليشيات
    الحوثي وصالح»): no number, no casualty or event word, no clause break."""
    t = w.text(k)
    if t in CLAUSE_BREAKS or t in PHRASE_OPENERS or t in ADDITION or k in w.num_at or t.isdigit():
        return False
    m = w.cue_at.get(k)
    return m is None or all(c.kind == "victim" for c in m.payload)


def span_of(w: Window, a: int, b: int) -> Span:
    return Span(w.tokens[a].span.start, w.tokens[b].span.end)
