"""Filters select incidents and reports; stats add up deaths and incidents."""
from __future__ import annotations

from datetime import date

from rasd.store import Filters, Store
from storekit import VERSION, article, extraction, record


def _fill(store: Store) -> None:
    rows = [("a", "2016-11-17", "Aleppo", "C1025", "باتبو", 21, "Military Forces of Syria (2000-2024)"),
            ("b", "2016-11-17", "Aleppo", "C1025", "باتبو", 23, "Military Forces of Syria (2000-2024)"),
            ("c", "2016-11-20", "Idleb", "C4268", "بزابور", 4, "Military Forces of Russia (2000-)"),
            ("d", "2016-11-22", "Idleb", "C4269", "اورم الجوز", 0, "Islamic State (Syria)")]
    for aid, day, admin1, pcode, name, deaths, actor in rows:
        art = article(aid, f"خبر عن {name}", date(2016, 11, 23))
        store.ingest(extraction(art, record(art, "e", event_date=day, admin1=admin1, pcode=pcode,
                                            location_ar=name, fatalities=deaths, actor1=actor,
                                            fatalities_reported={"min": deaths, "max": deaths})),
                     VERSION)


def test_filters_combine(store: Store) -> None:
    _fill(store)
    assert len(store.incidents()) == 3
    assert [i["admin1"] for i in store.incidents(Filters(admin1="idleb"))] == ["Idleb", "Idleb"]
    assert [i["fatalities"] for i in store.incidents(Filters(min_deaths=4))] == [21, 4]
    assert [i["event_date"] for i in store.incidents(Filters(date_from="2016-11-18",
                                                             date_to="2016-11-20"))] == ["2016-11-20"]
    assert len(store.incidents(Filters(actor="russia"))) == 1
    assert len(store.incidents(Filters(type="air/drone strike", country="SYRIA"))) == 3
    assert len(store.incidents(Filters(type="Battles"))) == 0
    reports = store.reports(Filters(admin1="Aleppo"))
    assert len(reports) == 2 and reports[0]["incident_id"] == reports[1]["incident_id"]


def test_stats_count_incidents_and_conservative_deaths(store: Store) -> None:
    _fill(store)
    stats = store.stats()
    assert stats["day"] == [("2016-11-17", 1, 21), ("2016-11-20", 1, 4), ("2016-11-22", 1, 0)]
    assert stats["admin1"] == [("Aleppo", 1, 21), ("Idleb", 2, 4)]
    assert stats["actor"][0] == ("Civilians (Syria)", 3, 25)
