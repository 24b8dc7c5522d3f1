"""Is a frame without casualty figures a report of an event, or talk about violence?

Speeches, condemnations and analysis are full of violent words («منطقة خالية
من القصف», «القصف العشوائي على المدنيين», «إن قصف حلب ليس حربا ضد
الإرهاب»). A frame with no casualty figure is kept as an event only when its
trigger is close to the place it names, specific (not a generic word), not in
quoted speech, not negated, and not in a clause of condemnation or demand.
"""
from __future__ import annotations

import re
from typing import Any, Sequence

from ..mentions import Token, Trigger
from .typing_ import role
from .words import any_before, is_word

MAX_TRIGGER_PLACE_TOKENS = 10
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


def reports_event(trigger: Trigger, place: Any, tokens: Sequence[Token], index_of: Any,
                  quotes: Sequence[tuple[int, int]], clause_start_of: Any) -> bool:
    """Does a trigger with no casualty figure report an event at ``place``?"""
    if role(trigger) == "generic" or trigger.confidence < 0.8:
        return False
    i = index_of(trigger.nstart)
    j = index_of(place.nstart)
    if abs(j - i) > MAX_TRIGGER_PLACE_TOKENS:
        return False
    if _inside(quotes, trigger.nstart) or _negated(tokens, i):
        return False
    if any_before(tokens, i + 1, "modality", 4):
        return False
    return not _clause_statement(tokens, i, index_of(clause_start_of(trigger.nstart)))
