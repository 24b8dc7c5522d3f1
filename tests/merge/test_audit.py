"""Sampling link decisions from a store, showing their evidence, scoring the verdicts."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from rasd.merge.audit import (Case, evidence_sentences, metrics, populations, read_cases,
                              sample_cases, write_cases)
from rasd.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
from storekit import VERSION, article, extraction, record  # noqa: E402

TEXT = "قال ناشطون إن الطيران قصف بلدة باتبو. وقتل 21 مدنيا في الغارة. وطالبت الأمم المتحدة بالتحقيق."


def _store(tmp_path: Path) -> Store:
    store = Store.open(str(tmp_path / "a.db"))
    specs = [("a", "C1025", "باتبو", 21), ("b", "C1025", "باتبو", 23), ("c", "C1034", "كفرناها", 2),
             ("d", "C1144", "عنجارة", 5)]
    for aid, pcode, name, deaths in specs:
        art = article(aid, TEXT, date(2016, 11, 18))
        store.ingest(extraction(art, record(art, "e", pcode=pcode, location_ar=name,
                                            fatalities=deaths,
                                            fatalities_reported={"min": deaths, "max": deaths})),
                     VERSION)
    return store


def test_populations_are_links_made_and_same_day_same_admin1_pairs_left_apart(tmp_path: Path
                                                                              ) -> None:
    with _store(tmp_path) as store:
        linked, apart = populations(store)
    assert len(linked) == 1 and len(apart) == 5  # a~b; {a,b}x{c,d} and c~d


def test_a_sample_draws_both_kinds_and_round_trips(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        meta, cases = sample_cases(store, 4, seed=3)
    assert sorted(c.linked for c in cases) == [False, False, False, True]
    assert meta["population"] == {"linked": 1, "not_linked": 5}
    assert all(c.rule == c.linked for c in cases)
    assert "text" not in cases[0].a and cases[0].a["location_ar"]
    write_cases(tmp_path / "c.jsonl", meta, cases)
    assert read_cases(tmp_path / "c.jsonl") == (meta, cases)


def test_evidence_sentences_are_the_sentences_under_the_spans() -> None:
    rec = {"evidence": {"fatalities": [[TEXT.index("21"), TEXT.index("21") + 2]],
                        "location_ar": [[TEXT.index("باتبو"), TEXT.index("باتبو") + 5]]}}
    assert evidence_sentences(TEXT, rec) == ["قال ناشطون إن الطيران قصف بلدة باتبو.",
                                             "وقتل 21 مدنيا في الغارة."]


def test_recall_weighs_each_stratum_by_its_population() -> None:
    def case(linked: bool, human: str) -> Case:
        return Case({}, {}, linked, linked, [], human)
    cases = [case(True, "same"), case(True, "different"), case(False, "same"),
             case(False, "different"), case(False, "different"), case(False, "different")]
    m = metrics({"population": {"linked": 100, "not_linked": 1000}}, cases)
    assert m["precision"] == 0.5 and m["recall_sample"] == 0.5
    # 100 * 1/2 = 50 true links found; 1000 * 1/4 = 250 missed
    assert abs(m["recall"] - 50 / 300) < 1e-9
