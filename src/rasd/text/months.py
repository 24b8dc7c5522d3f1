"""Month names (both series) matched on folded tokens, shared by the numbers and dates stages."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Sequence

from ..resources import load_toml
from .arabic import normalize_key

DATES = "lexicons/dates.toml"


@dataclass(frozen=True)
class MonthTable:
    """Folded month names: one-word, two-word («تشرين الثاني»), and the ambiguous ones."""

    single: dict[str, int]
    double: dict[tuple[str, str], int]
    ambiguous: frozenset[str]
    first_words: frozenset[str]  # of the two-word names («تشرين», «كانون»)


@functools.lru_cache(maxsize=1)
def month_table() -> MonthTable:
    """The month names of ``lexicons/dates.toml``, with «و»/«ب»/«ل» before one-word names."""
    data = load_toml(DATES)
    single: dict[str, int] = {}
    double: dict[tuple[str, str], int] = {}
    for name, month in data["months"].items():
        parts = normalize_key(name).split()
        if len(parts) == 2:
            double[(parts[0], parts[1])] = int(month)
            continue
        single[parts[0]] = int(month)
        if len(parts[0]) >= 4:  # «وأغسطس», «بيوليو»; never «واب»
            for p in ("و", "ب", "ل"):
                single.setdefault(p + parts[0], int(month))
    ambiguous = frozenset(normalize_key(w) for w in data["ambiguous_months"]["words"])
    return MonthTable(single, double, ambiguous, frozenset(a for a, _ in double))


def month_at(texts: Sequence[str], k: int, backwards: bool = False) -> tuple[int, int, int] | None:
    """(month, first, last) of a month name starting at token ``k`` (ending there if ``backwards``)."""
    if not 0 <= k < len(texts):
        return None
    table = month_table()
    if backwards:
        if k >= 1 and (texts[k - 1], texts[k]) in table.double:
            return table.double[(texts[k - 1], texts[k])], k - 1, k
    elif k + 1 < len(texts) and (texts[k], texts[k + 1]) in table.double:
        return table.double[(texts[k], texts[k + 1])], k, k + 1
    month = table.single.get(texts[k])
    return (month, k, k) if month is not None else None
