"""Incidents depend on the reports and links only, never on arrival order."""
from __future__ import annotations

import random

from hypothesis import given, settings, strategies as st

from rasd.merge.cluster import Graph, clusters, pair


def graph(nodes: str, edges: list[str], joins: list[str] = (), splits: list[str] = ()) -> Graph:
    return Graph(frozenset(nodes), {pair(e[0], e[1]): 1 for e in edges},
                 frozenset(pair(e[0], e[1]) for e in joins),
                 frozenset(pair(e[0], e[1]) for e in splits))


def test_a_chain_of_links_is_not_one_incident() -> None:
    # a~b, b~c but a and c are not linked (e.g. two days apart): complete linkage splits
    g = graph("abc", ["ab", "bc"])
    assert clusters(["a", "b", "c"], g) == [["a", "b"], ["c"]]


def test_a_report_joins_the_incident_it_agrees_with_most() -> None:
    g = Graph(frozenset("abc"), {("a", "c"): 1, ("b", "c"): 5})
    assert clusters(["a", "b", "c"], g) == [["a"], ["b", "c"]]


def test_an_analyst_split_separates_and_a_join_merges() -> None:
    g = graph("abc", ["ab", "ac", "bc"], splits=["ab"])
    assert clusters(["a", "b", "c"], g) == [["a", "c"], ["b"]]
    g = graph("abc", [], joins=["ac"])
    assert clusters(["a", "b", "c"], g) == [["a", "c"], ["b"]]


@settings(max_examples=60)
@given(st.sets(st.tuples(st.sampled_from("abcdefg"), st.sampled_from("abcdefg")), max_size=14),
       st.randoms(use_true_random=False))
def test_incidents_do_not_depend_on_the_order_of_edges(edges: set, rnd: random.Random) -> None:
    edge_list = [pair(a, b) for a, b in edges if a != b]
    canon = sorted("abcdefg")
    g1 = Graph(frozenset(canon), {e: (ord(e[0]) + ord(e[1])) % 3 for e in edge_list})
    rnd.shuffle(edge_list)
    g2 = Graph(frozenset(canon), {e: (ord(e[0]) + ord(e[1])) % 3 for e in edge_list})
    assert clusters(canon, g1) == clusters(canon, g2)
    for cluster in clusters(canon, g1):
        assert all(g1.linked(x, y) for x in cluster for y in cluster if x != y)
