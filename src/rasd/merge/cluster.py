"""From pairwise links to incidents, independently of arrival order: the definition.

Nodes are merge profiles (:mod:`rasd.merge.profile`, or single reports); a
link (a compatible pair, :mod:`rasd.merge.rules`) is an edge. Analyst
overrides add edges (``join``) or remove them (``split``), as do reports of
one article (never one incident).

Incidents are built greedily in a canonical order (event day, then id): a
node joins the incident all of whose nodes it is linked to (complete linkage,
so a chain of one-day gaps never becomes a week-long incident), preferring
the best total score, then the earliest incident; otherwise it starts a new
incident. Nodes joined by an analyst move as one.

That depends only on the nodes and links, so two stores fed the same articles
in different orders, or with interruptions, agree exactly. :func:`clusters`
runs it from scratch; the store gets the same result incrementally with
:mod:`rasd.merge.regroup`.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

Pair = tuple[str, str]


def pair(a: str, b: str) -> Pair:
    """The canonical (sorted) form of an unordered pair."""
    return (a, b) if a <= b else (b, a)


class _UnionFind:
    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {x: x for x in items}

    def find(self, x: str) -> str:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:  # path compression
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # the smaller id becomes the root, so roots are canonical
            lo, hi = (ra, rb) if ra < rb else (rb, ra)
            self.parent[hi] = lo

    def groups(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for x in sorted(self.parent):
            out[self.find(x)].append(x)
        return dict(out)


@dataclass(frozen=True)
class Graph:
    """Reports of some blocks and the effective links between them."""

    nodes: frozenset[str]
    #: linked pairs (canonical) -> agreement score
    edges: Mapping[Pair, int]
    joins: frozenset[Pair] = frozenset()
    splits: frozenset[Pair] = frozenset()

    def linked(self, a: str, b: str) -> bool:
        p = pair(a, b)
        if p in self.joins:
            return True
        return p in self.edges and p not in self.splits

    def effective_edges(self) -> list[Pair]:
        out = {p for p in self.edges if p not in self.splits} | set(self.joins)
        return sorted(p for p in out if p[0] in self.nodes and p[1] in self.nodes)


def _join_groups(members: Sequence[str], graph: Graph) -> list[list[str]]:
    """Reports an analyst joined move together: the groups, in member order."""
    uf = _UnionFind(members)
    for a, b in graph.joins:
        if a in uf.parent and b in uf.parent:
            uf.union(a, b)
    groups = uf.groups()
    first = {m: i for i, m in enumerate(members)}
    return sorted(groups.values(), key=lambda g: min(first[m] for m in g))


def _fits(group: list[str], cluster: list[str], graph: Graph) -> int | None:
    """Total score if every report of ``group`` is linked to every one of ``cluster``."""
    total = 0
    for a in group:
        for b in cluster:
            if not graph.linked(a, b):
                return None
            total += graph.edges.get(pair(a, b), 0)
    return total


def clusters(members: Sequence[str], graph: Graph) -> list[list[str]]:
    """Partition one block's ``members`` (given in canonical order) into incidents."""
    out: list[list[str]] = []
    for group in _join_groups(members, graph):
        best, best_score = None, -1
        for i, cluster in enumerate(out):
            score = _fits(group, cluster, graph)
            if score is not None and score > best_score:
                best, best_score = i, score
        if best is None:
            out.append(list(group))
        else:
            out[best].extend(group)
    rank = {m: i for i, m in enumerate(members)}
    return [sorted(c, key=rank.__getitem__) for c in out]
