"""Is a frame a report of political violence, or talk about violence, or
another kind of death?

Speeches, condemnations and analysis are full of violent words («منطقة خالية
من القصف», «القصف العشوائي على المدنيين», «إن قصف حلب ليس حربا ضد
الإرهاب»). A frame with no casualty figure is kept as an event only when its
trigger is close to the place it names, specific (not a generic word), not in
quoted speech, not negated, and not in a clause of condemnation or demand —
and when an armed actor takes part (ACLED records political violence: «تقدمت
بطلب», «الطيران المدني» and «معركة الانتخابات» name none).

Deaths with no word of violence at all («15 شخصا قتلوا في الحادث» of a boat
collision, «توفي 21» in a road accident, a fever epidemic) are events only
when the dead are fighters or security forces or an armed actor is named in
the sentence. Arrests, seizures and other strategic developments are coded
only when a non-state armed group is involved: police work against crime is
not conflict data.
"""
from __future__ import annotations

import re
from typing import Any, Sequence

from ..mentions import Token, Trigger
from .typing_ import role
from .words import MODAL_WINDOW, any_before, is_word

MAX_TRIGGER_PLACE_TOKENS = 10
#: how far after an attack word its verb of occurrence may come («التفجير الإرهابي الذي استهدف»)
OCCURRED_WINDOW = 3
#: ACLED inter codes of armed actors: state forces, rebels, political and
#: identity militias, external forces
ARMED_INTER = frozenset({1, 2, 3, 4, 8})
NON_STATE_INTER = frozenset({2, 3, 4})
ARMED_VICTIMS = frozenset({"combatant", "security"})
NEGATORS = frozenset({"لا", "لم", "لن", "ليس", "ليست", "دون", "بدون", "عدم", "غير"})
_QUOTE = re.compile(r"«[^»]{0,600}»|\"[^\"]{0,600}\"|“[^”]{0,600}”")


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Normalized-offset ranges of quoted passages."""
    return [(m.start(), m.end()) for m in _QUOTE.finditer(text)]


def _inside(ranges: Sequence[tuple[int, int]], pos: int) -> bool:
    return any(a < pos < b for a, b in ranges)


def _negated(tokens: Sequence[Token], i: int) -> bool:
    return any(tokens[j].text in NEGATORS for j in range(max(0, i - 3), i))


def _clause_statement(tokens: Sequence[Token], i: int, clause_start: int) -> bool:
    return any(is_word(tokens[j], "statement") for j in range(clause_start, i))


def attack_reference(trigger: Trigger, tokens: Sequence[Token], index_of: Any) -> bool:
    """«التفجير الإرهابي الذي استهدف مسجد قوات الطوارئ في أبها», «الانفجار الذي
    وقع في ...»: an attack word followed by a verb of occurrence refers to one
    particular attack, even in a condolence or an op-ed."""
    if trigger.event_type != "Explosions/Remote violence":
        return False
    i = index_of(trigger.nend - 1)
    return any(is_word(tokens[j], "occurred") for j in range(i + 1, min(len(tokens), i + 1 + OCCURRED_WINDOW)))


def reports_event(trigger: Trigger, place: Any, tokens: Sequence[Token], index_of: Any,
                  quotes: Sequence[tuple[int, int]], clause_start_of: Any,
                  reference: bool = False, named: frozenset[int] = frozenset()) -> bool:
    """Does a trigger with no casualty figure report an event at ``place``?
    ``reference``: the trigger names one particular attack (attack_reference),
    so a generic word will do and a statement around it does not matter.
    ``named``: the token indices of actor names, which do not count in the
    distance from the trigger to the place («اشتباكات عنيفة بين تنظيم داعش من
    جهة، والفصائل المقاتلة وجبهة النصرة من جهة أخرى، في القلمون الشرقي»)."""
    if reference:  # «التفجير الذي وقع في مسجد ... في أبها»: the place follows
        i, j = index_of(trigger.nstart), index_of(place.nstart)
        # the words of a named target («مسجد قوات الطوارئ الخاصة») do not count
        return 0 < j - i and sum(1 for k in range(i + 1, j) if k not in named) <= MAX_TRIGGER_PLACE_TOKENS
    if role(trigger) == "generic" or trigger.confidence < 0.8:
        return False
    i = index_of(trigger.nstart)
    j = index_of(place.nstart)
    a, b = (index_of(trigger.nend - 1), j) if i < j else (j, i)
    between = sum(1 for k in range(a + 1, b) if k not in named and tokens[k].kind != "punct")
    if between > MAX_TRIGGER_PLACE_TOKENS:
        return False
    if _inside(quotes, trigger.nstart) or _negated(tokens, i):
        return False
    if any_before(tokens, i + 1, "modality", MODAL_WINDOW):
        return False
    return not _clause_statement(tokens, i, index_of(clause_start_of(trigger.nstart)))


def armed(actors: Sequence[Any], inter: frozenset[int] = ARMED_INTER) -> bool:
    """Does one of the actor mentions name an armed actor?"""
    return any(a.actor.inter in inter for a in actors)


def violent_death(casualties: Sequence[Any], actors: Sequence[Any]) -> bool:
    """Deaths reported with no word of violence: fighters' deaths or an armed actor."""
    return any(c.victims in ARMED_VICTIMS for c in casualties) or armed(actors)


def strategic_ok(event_type: str, actors: Sequence[Any]) -> bool:
    """Strategic developments are conflict data only with a non-state armed group."""
    return event_type != "Strategic developments" or armed(actors, NON_STATE_INTER)


def nominal(trigger: Trigger, tokens: Sequence[Token], index_of: Any) -> bool:
    """Is the trigger a verbal noun («تحرير عدن», «معركة عدن»)? With no figure and
    no date of its own it names a known event rather than reporting one."""
    return is_word(tokens[index_of(trigger.nstart)], "nominal")


def natural_deaths_only(casualties: Sequence[Any], tokens: Sequence[Token], index_of: Any) -> bool:
    """Are all the frame's deaths reported with words of dying («توفي», «وفاة»)?"""
    deaths = [c for c in casualties if c.kind in ("death", "death_or_injury")]
    return bool(deaths) and all(is_word(tokens[index_of(c.nstart)], "natural_death") for c in deaths)
