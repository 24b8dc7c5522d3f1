"""Who did it to whom: roles of the actors named in a frame.

Arabic reports put the perpetrator after the event word («قصفت قوات
النظام», «غارات للطيران التركي», «المجزرة التي نفذها الأسد», «زرعها
الحوثيون»), before it («قوات النظام قصفت»), or after «من قبل» / «على يد»;
the other side follows «مع» / «ضد» / «على» / «استهدف»; victims follow the
figure («مقتل 15 من المسلحين الحوثيين»). EVENTS.md §3: a perpetrator named
for the same incident elsewhere wins over an unsigned one.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from ..mentions import Casualty, Token, Trigger
from ..text.arabic import normalize_key

AGENT_MARKERS = frozenset(normalize_key(w) for w in (
    "شنه", "شنها", "شنته", "شنتها", "نفذه", "نفذها", "نفذته", "نفذتها", "يد", "قبل", "زرعها",
    "زرعه", "زرعتها", "أطلقها", "أطلقه", "أطلقتها", "ارتكبها", "ارتكبته", "ارتكبتها", "شنّها",
    "تبناه", "تبنته", "تبناها", "تبنى", "أعلن", "أعلنت", "يشنها", "تشنها", "وتشنها"))
OTHER_SIDE_MARKERS = frozenset(normalize_key(w) for w in (
    "مع", "ضد", "على", "استهدف", "استهدفت", "استهداف", "بين", "لصد", "صد", "وبين", "مواقع", "معاقل",
    "تجمعات", "تجمع", "أوكار", "مقرات", "مقر", "تحصينات", "عناصر", "آليات"))
SUPPORT_MARKERS = frozenset(normalize_key(w) for w in (
    "بدعم", "بمساندة", "بإسناد", "بغطاء", "المدعومة", "المدعوم", "مدعومة", "بمشاركة", "وبدعم",
    "بمؤازرة", "الموالية", "الموالي", "الموالين", "وإسناد", "ودعم", "غطاء"))


@dataclass(frozen=True)
class Roles:
    actor1: Any | None  # ActorMention
    actor2: Any | None
    assoc1: tuple[Any, ...]
    victims: tuple[Any, ...]
    rule1: str
    rule2: str


def _idx(tokens: Sequence[Token], index_of: Any, m: Any) -> int:
    return index_of(m.nstart)


def _before(tokens: Sequence[Token], i: int, n: int = 2) -> list[str]:
    return [tokens[j].text for j in range(max(0, i - n), i)]


def _marker(words: list[str], markers: frozenset[str]) -> bool:
    for w in words:
        for cut in ("و", "ف", "ب", "ل", ""):
            if w.startswith(cut) and w[len(cut):] in markers:
                return True
    return False


def _is_victim(m: Any, casualties: Sequence[Casualty], tokens: Sequence[Token], index_of: Any) -> bool:
    for c in casualties:
        lo = c.victim_nstart if c.victim_nstart is not None else c.nstart
        hi = c.victim_nend if c.victim_nend is not None else c.nend
        if lo <= m.nstart < hi + 40 and m.nstart >= c.nstart:
            gap = [t.text for t in tokens[index_of(hi):index_of(m.nstart)]]
            if len(gap) <= 3 and all(g in ("من", "في", "صفوف", "عناصر", "مقاتلي", "مسلحي", "و") or
                                     g.startswith("ال") is False and len(g) <= 3 for g in gap):
                return True
    return False


def roles(actors: Sequence[Any], triggers: Sequence[Trigger], casualties: Sequence[Casualty],
          tokens: Sequence[Token], index_of: Any) -> Roles:
    """Assign actor1 (perpetrator), actor2 (other side) and victims."""
    agents, others, victims, plain, support = [], [], [], [], []
    trig_idx = [index_of(t.nstart) for t in triggers] + [index_of(t.nend - 1) for t in triggers]
    for m in actors:
        i = index_of(m.nstart)
        before = _before(tokens, i, 2)
        if _is_victim(m, casualties, tokens, index_of):
            victims.append(m)
        elif _marker(before, AGENT_MARKERS):
            agents.append(m)
        elif _marker(before[-1:], SUPPORT_MARKERS):
            support.append(m)
        elif _marker(before, OTHER_SIDE_MARKERS):
            others.append(m)
        elif any(0 < i - t <= 2 for t in trig_idx) or m.rule.endswith("clitic_l"):
            agents.append(m)
        else:
            plain.append(m)
    ordered = agents + plain
    a1 = ordered[0] if ordered else None
    r1 = "actor.agent_marker" if agents else ("actor.first_named" if plain else "")
    rest = [m for m in others + victims + ordered[1:] if a1 is None or _family(m) != _family(a1)]
    a2 = rest[0] if rest else None
    r2 = "actor.other_side" if a2 is not None and a2 in others else ("actor.victim" if a2 in victims else
                                                                      "actor.second_named")
    if a1 is None and others and not victims:
        # «اشتباكات مع الحوثيين»: only the other side is named
        a1, a2, r1, r2 = None, others[0], "", "actor.other_side"
    assoc = tuple(m for m in support if a1 is None or _family(m) != _family(a1))
    return Roles(a1, a2, assoc, tuple(victims), r1, r2 if a2 is not None else "")


def _family(m: Any) -> str:
    return m.actor.family
