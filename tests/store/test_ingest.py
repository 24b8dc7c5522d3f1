"""Ingesting is idempotent, versions changed texts, keeps failures and merges across articles."""
from __future__ import annotations

from datetime import date

import pytest

from rasd.document import Article
from rasd.errors import StageError, StoreError
from rasd.extract import Extraction
from rasd.store import Store
from storekit import VERSION, article, extraction, record

TEXT_A = "قتل 21 مدنيا بينهم 3 أطفال في غارة جوية على بلدة باتبو بريف حلب الغربي أمس."
TEXT_B = "استشهد 23 شخصا في قصف للطيران الحربي على باتبو في ريف حلب يوم الخميس."


def _two_reports() -> tuple[Extraction, Extraction]:
    a = article("a1", TEXT_A, outlet="Outlet A")
    b = article("b1", TEXT_B, date(2016, 11, 18), outlet="Outlet B")
    return (extraction(a, record(a, "e1", fatalities_children=3)),
            extraction(b, record(b, "e1", fatalities=23, fatalities_reported={"min": 23, "max": 23})))


def test_ingesting_the_same_article_twice_changes_nothing(store: Store) -> None:
    ex_a, ex_b = _two_reports()
    assert store.ingest(ex_a, VERSION).status == "new"
    store.ingest(ex_b, VERSION)
    before = store.dump()
    assert store.ingest(ex_a, VERSION).status == "unchanged"
    assert store.ingest(ex_b, VERSION).status == "unchanged"
    assert store.dump() == before


def test_two_outlets_reporting_one_strike_become_one_incident(store: Store) -> None:
    for ex in _two_reports():
        store.ingest(ex, VERSION)
    [inc] = store.incidents()
    assert inc["n_reports"] == 2
    assert inc["fatalities"] == 21  # ACLED's conservative rule
    assert inc["fatalities_reported"] == {"min": 21, "max": 23}
    assert inc["fatalities_children"] == 3
    assert inc["source"] == "Outlet A; Outlet B"
    assert inc["contradictory"] is True
    reasons = [r["links"][0]["reasons"] for r in inc["reports"]]
    assert all("same date" in rs and "same place (C1025)" in rs for rs in reasons)


def test_a_changed_text_becomes_a_new_version_and_replaces_its_reports(store: Store) -> None:
    ex_a, ex_b = _two_reports()
    store.ingest(ex_a, VERSION)
    store.ingest(ex_b, VERSION)
    revised = article("b1", TEXT_B + " وارتفع العدد لاحقا.", date(2016, 11, 18), outlet="Outlet B")
    result = store.ingest(extraction(revised, record(revised, "e1", pcode="C1034",
                                                     location_ar="كفرناها")), VERSION)
    assert (result.status, result.version) == ("version", 2)
    counts = store.counts()
    assert (counts["articles"], counts["versions"], counts["events"]) == (2, 3, 2)
    # the revised report is somewhere else now: two incidents of one report each
    assert sorted(i["n_reports"] for i in store.incidents()) == [1, 1]
    old = store.db.query("SELECT is_current FROM records WHERE event_id = ?",
                         (ex_b.records[0]["event_id"],))
    assert old == [{"is_current": 0}]


def test_a_failed_article_is_kept_with_its_error_and_the_batch_goes_on(store: Store) -> None:
    bad = article("bad", "نص")
    err = StageError("stage boom failed: cannot", article_id="bad")
    assert store.ingest(Extraction(bad, (), err), VERSION).status == "error"
    ex_a, _ = _two_reports()
    assert store.ingest(ex_a, VERSION).status == "new"
    row = store.db.query("SELECT status, error, text FROM articles WHERE article_id = 'bad'")[0]
    assert row["status"] == "error" and "RASD203" in row["error"] and row["text"] == "نص".encode()
    assert store.counts()["errors"] == 1


def test_tallies_and_statements_are_stored_but_never_merged(store: Store) -> None:
    a = article("t1", "ارتفع عدد الشهداء إلى 59 خلال يومين في ريف حلب.")
    b = article("t2", "ارتفعت حصيلة القتلى إلى 59 في حلب خلال يومين.")
    store.ingest(extraction(a, record(a, "t", kind="tally", fatalities=59)), VERSION)
    store.ingest(extraction(b, record(b, "t", kind="tally", fatalities=59),
                            record(b, "s", kind="statement")), VERSION)
    counts = store.counts()
    assert (counts["tallies"], counts["statements"], counts["incidents"]) == (2, 1, 0)
    assert [r["kind"] for r in store.reports()].count("tally") == 2


def test_reports_of_one_article_are_never_merged_with_each_other(store: Store) -> None:
    a = article("one", TEXT_A)
    store.ingest(extraction(a, record(a, "x"), record(a, "y", fatalities=5)), VERSION)
    assert sorted(i["n_reports"] for i in store.incidents()) == [1, 1]


def test_articles_keep_their_text_hash_metadata_and_pipeline_version(store: Store) -> None:
    ex_a, _ = _two_reports()
    store.ingest(ex_a, VERSION)
    row = store.db.query("SELECT * FROM articles")[0]
    assert bytes(row["text"]).decode() == TEXT_A and row["content_hash"] == ex_a.article.content_hash
    assert (row["published"], row["outlet"], row["pipeline_version"]) == (
        "2016-11-18", "Outlet A", VERSION)
    rec = store.reports()[0]
    assert rec["evidence"]["fatalities"] == [[0, len(TEXT_A)]]
    assert rec["provenance"]["fatalities"]["rule"] == "test"


def test_a_nul_in_the_text_is_stored_and_read_back_unaltered(store: Store) -> None:
    art = article("nul", "قصف\x00 على باتبو")
    assert store.ingest(extraction(art, record(art, "e")), VERSION).status == "new"
    [(stored, _, _)] = list(store.current_articles())
    assert stored.text == art.text and stored.content_hash == art.content_hash


def test_a_nul_in_a_title_is_refused_with_the_article_named(store: Store) -> None:
    art = Article("bad-title", "نص الخبر", date(2016, 11, 18), title="عنوان\x00")
    with pytest.raises(StoreError, match="article bad-title: the article's title contains a NUL"):
        store.ingest(extraction(art), VERSION)
    assert store.counts()["articles"] == 0
