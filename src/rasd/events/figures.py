"""Casualty figures of one frame, by ACLED's conservative rules (EVENTS.md §2).

Figures for different groups in one report add up («قتل 21 حوثيا ... وقتل 2
من رجال المقاومة» is 23); a number-less death report is 3 («سقوط قتلى»), or 10
when the text calls it large («مجزرة», «عشرات»); one figure for killed and
wounded together is a death report without a number, the injured unknown.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..document import Span
from ..mentions import Casualty

#: a figure's subset field → the victim class of its evidence spans
SUBSET_CLASS = {"children": "child", "women": "woman", "unidentified": "unidentified"}
UNKNOWN_SMALL = 3
UNKNOWN_LARGE = 10


@dataclass
class Figures:
    """The figures of one report of an incident."""

    fatalities: int = 0
    exact: bool = True  # False when a conservative default stands in for a number
    spans: list[Span] = field(default_factory=list)
    rule: str = "fatalities.none_reported"
    children: int | None = None
    women: int | None = None
    unidentified: int | None = None
    injured: int | None = None
    subset_spans: dict[str, list[Span]] = field(default_factory=dict)
    injured_spans: list[Span] = field(default_factory=list)

    @property
    def has_deaths(self) -> bool:
        return self.fatalities > 0


def _add(a: int | None, b: int | None) -> int | None:
    if b is None:
        return a
    return b if a is None else a + b


def _unknown_deaths(c: Casualty, large: bool) -> int:
    if c.count is not None and c.kind == "death_or_injury":
        return UNKNOWN_LARGE if c.count >= 20 else UNKNOWN_SMALL
    # «مجزرة», «سقوط عدد كبير من القتلى»: a significant attack
    return UNKNOWN_LARGE if large or c.qualifier == "many" else UNKNOWN_SMALL


def figures(casualties: list[Casualty], large: bool = False) -> Figures:
    """Sum one frame's casualty figures (tallies excluded by the caller)."""
    f = Figures()
    deaths = [c for c in casualties if c.kind in ("death", "death_or_injury") and not c.negated]
    injuries = [c for c in casualties if c.kind == "injury" and not c.negated]
    total = 0
    for c in deaths:
        f.spans.append(c.span)
        if c.kind == "death" and c.count is not None:
            total += c.count
            f.rule = "fatalities.reported_number"
        else:
            total += _unknown_deaths(c, large)
            f.exact = False
            f.rule = "fatalities.acled_default_no_number"
        for name in ("children", "women", "unidentified"):
            value = getattr(c, name)
            if value is not None:
                setattr(f, name, _add(getattr(f, name), value))
                own = [sp for cls, sp in c.subset_spans if cls == SUBSET_CLASS[name]]
                f.subset_spans.setdefault(name, []).extend(own or (c.span,))
    f.fatalities = total
    if not deaths and any(c.negated for c in casualties if c.kind in ("death", "death_or_injury")):
        f.spans = [c.span for c in casualties if c.negated]
        f.rule = "fatalities.negated"
    for c in injuries:
        if c.count is not None:
            f.injured = _add(f.injured, c.count)
            f.injured_spans.append(c.span)
    if f.injured is None and any(c.negated and c.kind == "injury" for c in casualties):
        f.injured = 0
    # subsets can never exceed the dead they are part of
    for name in ("children", "women", "unidentified"):
        value = getattr(f, name)
        if value is not None and f.fatalities and value > f.fatalities:
            setattr(f, name, f.fatalities)
    return f


def massacre(f: Figures, words: list[Any]) -> None:
    """«ارتكب طيران النظام مجزرة»: a massacre with no casualty word reports a
    significant number of dead (EVENTS.md §2: 10)."""
    f.fatalities = UNKNOWN_LARGE
    f.exact = False
    f.rule = "fatalities.acled_default_massacre"
    f.spans = [w.span for w in words]
