"""Sampling link decisions from a store, quoting their evidence, scoring the verdicts."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from rasd.merge.audit import (Case, evidence_sentences, metrics, populations, read_cases,
                              sample_cases, snippets, write_cases)
from rasd.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
from storekit import VERSION, article, extraction, record  # noqa: E402

TEXT = "قال ناشطون إن الطيران قصف بلدة باتبو. وقتل 21 مدنيا في الغارة. وطالبت الأمم المتحدة بالتحقيق."


def _store(tmp_path: Path) -> Store:
    """a~b one strike; c another town; d a third town, two days later; e the same town as c
    the next day with another toll."""
    store = Store.open(str(tmp_path / "a.db"))
    specs = [("a", "C1025", "باتبو", 21, 17), ("b", "C1025", "باتبو", 23, 17),
             ("c", "C1034", "كفرناها", 2, 17), ("d", "C1144", "عنجارة", 5, 19),
             ("e", "C1034", "كفرناها", 9, 18)]
    for aid, pcode, name, deaths, day in specs:
        art = article(aid, TEXT, date(2016, 11, 20))
        store.ingest(extraction(art, record(art, "e", pcode=pcode, location_ar=name,
                                            event_date=f"2016-11-{day}", fatalities=deaths,
                                            fatalities_reported={"min": deaths, "max": deaths})),
                     VERSION)
    return store


def _articles(store: Store, pairs: list[tuple[str, str]]) -> list[str]:
    names = {r["event_id"]: r["article_id"] for r in store.reports()}
    return sorted("".join(sorted(names[x] + names[y])) for x, y in pairs)


def test_strata_are_links_made_and_pairs_left_apart_at_one_place_or_in_one_admin1(
        tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        pops = populations(store)
        assert _articles(store, pops["linked"]) == ["ab"]
        assert _articles(store, pops["same_place"]) == ["ce"]  # a day apart, other toll
        # other towns of one admin1 within a day: {a,b} x c (17th), {a,b} x e (18th), d x e;
        # c and d are two days apart
        assert _articles(store, pops["same_admin1"]) == ["ac", "ae", "bc", "be", "de"]


def test_a_sample_draws_each_stratum_quotes_snippets_and_round_trips(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        meta, cases = sample_cases(store, {"linked": 1, "same_place": 1, "same_admin1": 2},
                                   seed=3)
    assert sorted(c.stratum for c in cases) == ["linked", "same_admin1", "same_admin1",
                                               "same_place"]
    assert meta["population"] == {"linked": 1, "same_place": 1, "same_admin1": 5}
    assert all(c.linked == (c.stratum == "linked") for c in cases)
    assert "text" not in cases[0].a and cases[0].a["location_ar"]
    assert all(len(q) <= 110 for c in cases for q in c.snippets["a"] + c.snippets["b"])
    write_cases(tmp_path / "c.jsonl", meta, cases)
    assert read_cases(tmp_path / "c.jsonl") == (meta, cases)


def test_evidence_sentences_are_the_sentences_under_the_spans() -> None:
    rec = {"evidence": {"fatalities": [[TEXT.index("21"), TEXT.index("21") + 2]],
                        "location_ar": [[TEXT.index("باتبو"), TEXT.index("باتبو") + 5]]}}
    assert evidence_sentences(TEXT, rec) == ["قال ناشطون إن الطيران قصف بلدة باتبو.",
                                             "وقتل 21 مدنيا في الغارة."]
    assert snippets(TEXT, rec) == ["قال ناشطون إن الطيران قصف بلدة باتبو.",
                                   "وقتل 21 مدنيا في الغارة."]


def test_a_snippet_is_a_short_window_of_its_sentence_around_the_span() -> None:
    rec = {"evidence": {"fatalities": [[TEXT.index("21"), TEXT.index("21") + 2]]}}
    [quote] = snippets(TEXT, rec, width=12)
    assert "21" in quote and len(quote) <= 12 and quote in "وقتل 21 مدنيا في الغارة."


def test_recall_weighs_each_stratum_by_its_population() -> None:
    def case(stratum: str, human: str) -> Case:
        linked = stratum == "linked"
        return Case({}, {}, linked, linked, [], human, stratum=stratum)
    cases = [case("linked", "same"), case("linked", "different"), case("same_place", "same"),
             case("same_place", "different"), case("same_admin1", "different"),
             case("same_admin1", "different")]
    pop = {"linked": 100, "same_place": 1000, "same_admin1": 5000}
    m = metrics({"population": pop}, cases)
    assert m["precision"] == 0.5 and m["recall_sample"] == 0.5
    # 100 * 1/2 = 50 true links found; 1000 * 1/2 = 500 and 5000 * 0 missed
    assert abs(m["recall"] - 50 / 550) < 1e-9
