"""Incremental incidents: re-decide only the profiles a change can reach.

The incidents of a store are, by definition, what
:func:`rasd.merge.cluster.clusters` makes of *all* its profiles taken in
canonical order (event day, then id): each unit (a profile, or a group an
analyst joined) joins the earlier incident all of whose members it is linked
to, with the best total score (the earliest such incident on a tie), or
starts a new one.

Running that over the whole store for every new report would cost the whole
store. :func:`regroup` gets the same result locally: a unit's decision
depends only on the incidents of its *earlier neighbours*, so when units are
added, removed or re-linked, only they are re-decided, in canonical order;
whenever an incident changes (a unit leaves or joins it), the later
neighbours of its members are re-decided too, and nothing else can change.
The work is proportional to the reports a change reaches (a day or two of one
place), not to the store; tests/merge/test_regroup.py checks it against the
full run on random histories.
"""
from __future__ import annotations

import heapq
from typing import AbstractSet, Iterable, Mapping, Protocol

Key = tuple[str, str]


class View(Protocol):
    """What regrouping reads and changes (the store's tables, or a dict in tests)."""

    def day(self, p: str) -> str:
        """The profile's event day ("" when undated): the first part of its order."""

    def links(self, p: str) -> Mapping[str, int]:
        """Profiles ``p`` is linked to (rule links not split, and joins), with their scores."""

    def joins(self, p: str) -> AbstractSet[str]:
        """Profiles an analyst joined to ``p`` (they move as one unit)."""

    def label(self, p: str) -> str | None:
        """The incident ``p`` is in now (None for a profile not placed yet)."""

    def members(self, label: str) -> AbstractSet[str]:
        """The profiles of an incident now."""

    def move(self, p: str, label: str) -> None:
        """Put ``p`` in incident ``label`` (a new label starts an incident)."""


class Regroup:
    """One regrouping pass over a :class:`View`; ``changed`` lists the incidents it touched."""

    def __init__(self, view: View) -> None:
        self.view = view
        self.changed: set[str] = set()
        self._heap: list[tuple[Key, tuple[str, ...]]] = []
        self._queued: set[tuple[str, ...]] = set()
        self._units: dict[str, tuple[str, ...]] = {}

    # --- units and order
    def unit(self, p: str) -> tuple[str, ...]:
        """The profiles joined to ``p`` by analysts (transitively), sorted; ``(p,)`` alone."""
        if p not in self._units:
            seen, todo = {p}, [p]
            while todo:
                for q in self.view.joins(todo.pop()):
                    if q not in seen:
                        seen.add(q)
                        todo.append(q)
            unit = tuple(sorted(seen))
            for q in unit:
                self._units[q] = unit
        return self._units[p]

    def key(self, p: str) -> Key:
        """The position of ``p``'s unit in the canonical order."""
        return min((self.view.day(q), q) for q in self.unit(p))

    def push(self, p: str) -> None:
        unit = self.unit(p)
        if unit not in self._queued:
            self._queued.add(unit)
            heapq.heappush(self._heap, (self.key(p), unit))

    def neighbours(self, p: str) -> set[str]:
        return set(self.view.links(p)) | set(self.view.joins(p))

    # --- the pass
    def touch(self, label: str, after: Key) -> None:
        """Incident ``label`` changed at position ``after``: re-decide what comes later."""
        self.changed.add(label)
        for m in list(self.view.members(label)):
            for n in self.neighbours(m) | {m}:
                if self.key(n) > after:
                    self.push(n)

    def run(self) -> set[str]:
        """Re-decide the queued units in canonical order; the incidents changed."""
        while self._heap:
            key, unit = heapq.heappop(self._heap)
            self._decide(unit, key)
        return self.changed

    def _fits(self, unit: tuple[str, ...], earlier: Iterable[str]) -> int | None:
        total = 0
        for a in unit:
            links = self.view.links(a)
            for b in earlier:
                if b not in links:
                    return None
                total += links[b]
        return total

    def _choice(self, unit: tuple[str, ...], key: Key) -> str | None:
        """The incident the unit joins (best score, then earliest), or None for a new one."""
        labels = {self.view.label(n) for m in unit for n in self.neighbours(m)
                  if n not in unit and self.key(n) < key}
        best: tuple[int, Key, str] | None = None
        for label in sorted(x for x in labels if x is not None):
            earlier = [x for x in self.view.members(label) if self.key(x) < key]
            score = self._fits(unit, earlier) if earlier else None
            if score is not None:
                option = (-score, min(self.key(x) for x in earlier), label)
                best = option if best is None or option < best else best
        return best[2] if best else None

    def _fresh(self, first: str) -> str:
        """A label no incident has (new incidents get their ids when the pass is written)."""
        n = 0
        while self.view.members(label := f"+{first}" + (f"#{n}" if n else "")):
            n += 1
        return label

    def _decide(self, unit: tuple[str, ...], key: Key) -> None:
        target = self._choice(unit, key)
        now = {self.view.label(m) for m in unit}
        if target is None and len(now) == 1 and None not in now:
            (own,) = now  # alone so far in its incident: it still starts it
            if not any(self.key(x) < key for x in self.view.members(own) if x not in unit):
                return
        elif target is not None and now == {target}:
            return
        label = target if target is not None else self._fresh(unit[0])
        for m in unit:
            self.view.move(m, label)
        for old in sorted(x for x in now if x is not None):
            self.touch(old, key)
        self.touch(label, key)


def regroup(view: View, seeds: Iterable[str] = (),
            changed: Iterable[tuple[str, Key]] = ()) -> set[str]:
    """Re-decide ``seeds`` (new, re-linked or re-pinned profiles) and incidents that
    changed at a position (a profile left them); the incidents touched."""
    rg = Regroup(view)
    for p in seeds:
        rg.push(p)
    for label, after in changed:
        rg.touch(label, after)
    return rg.run()
