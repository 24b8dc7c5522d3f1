"""Regrouping locally after each change gives what clustering everything from scratch gives."""
from __future__ import annotations

from typing import AbstractSet, Mapping

from hypothesis import given, settings, strategies as st

from rasd.merge.cluster import Graph, clusters, pair
from rasd.merge.regroup import regroup

NODES = "abcdefgh"


class DictView:
    """A store in dicts: the profiles present, their days, links, joins and splits."""

    def __init__(self) -> None:
        self.days: dict[str, str] = {}
        self.scores: dict[tuple[str, str], int] = {}
        self.joined: set[tuple[str, str]] = set()
        self.split: set[tuple[str, str]] = set()
        self.labels: dict[str, str] = {}
        self.groups: dict[str, set[str]] = {}

    # --- View
    def day(self, p: str) -> str:
        return self.days[p]

    def links(self, p: str) -> Mapping[str, int]:
        out = {}
        for (a, b), score in self.scores.items():
            q = b if a == p else a if b == p else None
            if q in self.days and (pair(p, q) not in self.split or pair(p, q) in self.joined):
                out[q] = score
        for a, b in self.joined:
            q = b if a == p else a if b == p else None
            if q in self.days:
                out.setdefault(q, 0)
        return out

    def joins(self, p: str) -> AbstractSet[str]:
        return {q for a, b in self.joined for q in (a, b)
                if p in (a, b) and q != p and q in self.days}

    def label(self, p: str) -> str | None:
        return self.labels.get(p)

    def members(self, label: str) -> AbstractSet[str]:
        return set(self.groups.get(label, ()))

    def move(self, p: str, label: str) -> None:
        old = self.labels.get(p)
        if old is not None:
            self.groups[old].discard(p)
        self.labels[p] = label
        self.groups.setdefault(label, set()).add(p)

    # --- what the store does around it
    def remove(self, p: str) -> tuple[list[str], list[tuple[str, tuple[str, str]]]]:
        """Take ``p`` out: (seeds, changed) for regroup, as the store computes them.

        A profile joined to others leaves their unit: they are re-decided, and its
        incident changed from the start (its unit's position is not known any more).
        """
        partners = sorted(self.joins(p))
        label, key = self.labels.pop(p, None), (self.days.pop(p), p)
        if label is None:
            return partners, []
        self.groups[label].discard(p)
        return partners, [(label, ("", "") if partners else key)]

    def partition(self) -> list[list[str]]:
        return sorted(sorted(g) for g in self.groups.values() if g)

    def reference(self) -> list[list[str]]:
        nodes = sorted(self.days, key=lambda p: (self.days[p], p))
        edges = {e: s for e, s in self.scores.items() if e[0] in self.days and e[1] in self.days}
        graph = Graph(frozenset(nodes), edges, frozenset(self.joined), frozenset(self.split))
        return sorted(sorted(c) for c in clusters(nodes, graph))


STEP = st.one_of(
    st.tuples(st.just("add"), st.sampled_from(NODES), st.sampled_from(["1", "2", "3", "4"])),
    st.tuples(st.just("remove"), st.sampled_from(NODES), st.just("")),
    st.tuples(st.just("join"), st.sampled_from(NODES), st.sampled_from(NODES)),
    st.tuples(st.just("split"), st.sampled_from(NODES), st.sampled_from(NODES)),
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.tuples(st.sampled_from(NODES), st.sampled_from(NODES)),
                       st.integers(0, 3), max_size=20),
       st.lists(STEP, min_size=1, max_size=25))
def test_regrouping_after_each_change_equals_clustering_from_scratch(
        scores: dict[tuple[str, str], int], steps: list[tuple[str, str, str]]) -> None:
    view = DictView()
    view.scores = {pair(a, b): s for (a, b), s in scores.items() if a != b}
    for op, p, arg in steps:
        if op == "add" and p not in view.days:
            view.days[p] = arg  # only days one apart are linked, as in the rules
            view.scores = {e: s for e, s in view.scores.items()
                           if not (p in e and e[0] in view.days and e[1] in view.days and
                                   abs(int(view.days[e[0]]) - int(view.days[e[1]])) > 1)}
            regroup(view, seeds=[p])
        elif op == "remove" and p in view.days:
            seeds, changed = view.remove(p)
            regroup(view, seeds, changed)
        elif op in ("join", "split") and p != arg and p in view.days and arg in view.days:
            (view.joined if op == "join" else view.split).add(pair(p, arg))
            (view.split if op == "join" else view.joined).discard(pair(p, arg))
            regroup(view, seeds=[p, arg])
        assert view.partition() == view.reference(), (op, p, arg)
