"""Analyst edits are logged with who/when/what and the previous value, and move incidents."""
from __future__ import annotations

from datetime import date

import pytest

from rasd.errors import StoreError
from rasd.store import Store
from storekit import VERSION, article, extraction, record

TEXTS = ("قتل 21 مدنيا في غارة على باتبو أمس.", "استشهد 23 شخصا في قصف جوي على باتبو.",
         "سقط 5 قتلى في قصف على باتبو.")


def _three(store: Store) -> list[str]:
    """Three reports of one strike from three outlets; their event ids."""
    ids = []
    for i, (text, deaths) in enumerate(zip(TEXTS, (21, 23, 20))):
        art = article(f"art{i}", text, date(2016, 11, 18), outlet=f"Outlet {i}")
        rec = record(art, "e", fatalities=deaths, fatalities_reported={"min": deaths, "max": deaths})
        store.ingest(extraction(art, rec), VERSION)
        ids.append(rec["event_id"])
    return ids


def test_a_record_edit_keeps_who_when_and_the_previous_value(store: Store) -> None:
    ids = _three(store)
    store.edit_record(ids[0], "fatalities", 19, who="rana", note="the text says 19")
    [edit] = store.edits(ids[0])
    assert (edit["target_kind"], edit["field"], edit["old_value"], edit["new_value"], edit["who"]) \
        == ("record", "fatalities", 21, 19, "rana")
    assert edit["at"] and edit["note"] == "the text says 19"
    [inc] = store.incidents()
    assert inc["fatalities"] == 19
    rec = next(r for r in store.reports() if r["event_id"] == ids[0])
    assert rec["fatalities"] == 19 and rec["edited"] == ["fatalities"]


def test_moving_a_report_elsewhere_takes_it_out_of_the_incident(store: Store) -> None:
    ids = _three(store)
    store.edit_record(ids[2], "pcode", "C1034", who="rana")
    store.edit_record(ids[2], "location_ar", "كفرناها", who="rana")
    assert sorted(i["n_reports"] for i in store.incidents()) == [1, 2]


def test_an_analyst_split_and_its_undo(store: Store) -> None:
    ids = _three(store)
    before = store.dump()["incidents"]
    store.link(ids[0], ids[1], "split", who="omar")
    assert sorted(i["n_reports"] for i in store.incidents()) == [1, 2]
    [edit] = store.edits(ids[1])
    assert (edit["old_value"], edit["new_value"]) == ("auto: linked", "split")
    store.link(ids[0], ids[1], "auto", who="omar")
    assert store.dump()["incidents"] == before


def test_an_analyst_join_merges_what_the_rules_kept_apart(store: Store) -> None:
    a = article("x", "انفجار سيارة مفخخة في أعزاز.")
    b = article("y", "قصف جوي على مدينة أعزاز.")
    ra = record(a, "e", sub_event_type="Suicide bomb", pcode="C1564", location_ar="اعزاز")
    rb = record(b, "e", pcode="C1564", location_ar="اعزاز")
    store.ingest(extraction(a, ra), VERSION)
    store.ingest(extraction(b, rb), VERSION)
    assert len(store.incidents()) == 2
    store.link(ra["event_id"], rb["event_id"], "join", who="omar")
    [inc] = store.incidents()
    assert all(r["links"][0]["reasons"] == ["joined by an analyst"] for r in inc["reports"])


def test_an_incident_edit_follows_the_incident_when_a_report_joins(store: Store) -> None:
    ids = _three(store)
    [inc] = store.incidents()
    store.edit_incident(inc["incident_id"], "notes", "checked with the local council", who="rana")
    art = article("late", "ارتفع عدد ضحايا الغارة على باتبو.", date(2016, 11, 18))
    rec = record(art, "e")
    store.ingest(extraction(art, rec), VERSION)
    [inc2] = store.incidents()
    assert inc2["n_reports"] == 4 and inc2["notes"] == "checked with the local council"
    assert store.edits()[0]["target_id"] == min(ids)


def test_bad_edits_are_refused(store: Store) -> None:
    ids = _three(store)
    with pytest.raises(StoreError, match="cannot be edited"):
        store.edit_record(ids[0], "evidence", {}, who="rana")
    with pytest.raises(StoreError, match="integer"):
        store.edit_record(ids[0], "fatalities", "many", who="rana")
    with pytest.raises(StoreError, match="analyst"):
        store.edit_record(ids[0], "fatalities", 3, who=" ")
    with pytest.raises(StoreError, match="no report"):
        store.edit_record("nope", "fatalities", 3, who="rana")
    with pytest.raises(StoreError, match="YYYY-MM-DD"):
        store.edit_record(ids[0], "event_date", "17/11/2016", who="rana")
    assert store.edits() == []


def test_turning_an_event_into_a_tally_takes_it_out_of_incidents(store: Store) -> None:
    ids = _three(store)
    store.edit_record(ids[1], "kind", "tally", who="rana")
    [inc] = store.incidents()
    assert inc["n_reports"] == 2 and store.counts()["tallies"] == 1
