"""The same articles, in any order and with interruptions, give the same store (and the same
store on SQLite and PostgreSQL)."""
from __future__ import annotations

import contextlib
import random
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from rasd.extract import Extraction
from rasd.store import Store
from storekit import VERSION, article, extraction, fresh_db, pg_unavailable, record

# (article, outlet, day, place, date, sub-event, deaths): a chain of daily strikes on
# Batbo, a second town, a bombing in the same town, a city and its neighbourhood
PLAN: list[tuple[str, str, str, str, str, int]] = [
    ("p1", "A", "C1025", "2016-11-17", "Air/drone strike", 21),
    ("p2", "B", "C1025", "2016-11-17", "Air/drone strike", 23),
    ("p3", "C", "C1025", "2016-11-18", "Air/drone strike", 22),
    ("p4", "A", "C1025", "2016-11-19", "Air/drone strike", 22),
    ("p5", "B", "C1025", "2016-11-20", "Air/drone strike", 5),
    ("p6", "C", "C1034", "2016-11-17", "Air/drone strike", 2),
    ("p7", "D", "C1034", "2016-11-17", "Suicide bomb", 9),
    ("p8", "D", "C1007", "2016-11-17", "Shelling/artillery/missile attack", 10),
    ("p9", "A", "N0150", "2016-11-17", "Shelling/artillery/missile attack", 10),
    ("p10", "E", "C1034", "2016-11-18", "Air/drone strike", 2),
]
PARENTS = {"N0150": "C1007"}


def _extractions() -> list[Extraction]:
    out = []
    for aid, outlet, pcode, day, sub, deaths in PLAN:
        art = article(aid, f"نص الخبر {aid} عن القصف في {pcode}", date(2016, 11, 21), outlet=outlet)
        out.append(extraction(art, record(art, "e", pcode=pcode, event_date=day, sub_event_type=sub,
                                          fatalities=deaths,
                                          fatalities_reported={"min": deaths, "max": deaths}),
                              record(art, "t", kind="tally", fatalities=59)))
    return out


def _build(url: str, order: list[int], interrupt_at: int | None = None) -> dict[str, Any]:
    exs = _extractions()
    store = Store.open(url, parent_of=PARENTS.get)
    for n, i in enumerate(order):
        if n == interrupt_at:  # a new process starts over from the first article
            store.close()
            store = Store.open(url, parent_of=PARENTS.get)
            for j in order[:n]:
                assert store.ingest(exs[j], VERSION).status == "unchanged"
        store.ingest(exs[i], VERSION)
    with store:
        return store.dump()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_any_order_with_interruptions_gives_the_same_store(db_url: str, tmp_path: Path,
                                                           backend: str, seed: int) -> None:
    rnd = random.Random(seed)
    order = list(range(len(PLAN)))
    reference = _build(db_url, order)
    rnd.shuffle(order)
    with fresh_db(backend, tmp_path) as other:
        assert _build(other, order, interrupt_at=rnd.randrange(1, len(PLAN))) == reference
    # and the merge is what the rules say: {p1 p2} same day; {p3 p4} one day apart with
    # overlapping tolls; p5 alone; {p6 p10}; the bombing p7 alone; {p8 city, p9 neighbourhood}
    with Store.open(db_url, parent_of=PARENTS.get) as store:
        groups = sorted(sorted(r["article_id"].split(";")) for r in store.incidents())
    assert groups == [["p1", "p2"], ["p10", "p6"], ["p3", "p4"], ["p5"], ["p7"], ["p8", "p9"]]


def test_sqlite_and_postgresql_hold_the_same_rows(tmp_path: Path) -> None:
    if reason := pg_unavailable():
        pytest.skip(reason)
    order = list(range(len(PLAN)))
    with fresh_db("sqlite", tmp_path) as a, fresh_db("postgresql", tmp_path) as b:
        assert _build(a, order) == _build(b, order[::-1])


@pytest.mark.parametrize("seed", [4, 5])
def test_analyst_decisions_give_the_same_store_whatever_the_order_of_articles(
        db_url: str, tmp_path: Path, backend: str, seed: int) -> None:
    order = list(range(len(PLAN)))
    random.Random(seed).shuffle(order)
    dumps = []
    for url, articles in ((db_url, list(range(len(PLAN)))), (None, order)):
        with contextlib.ExitStack() as stack:
            url = url or stack.enter_context(fresh_db(backend, tmp_path))
            _build(url, articles)
            with Store.open(url, parent_of=PARENTS.get) as store:
                ids = {r["article_id"]: r["event_id"] for r in store.reports(kinds=("event",))}
                store.link(ids["p1"], ids["p2"], "split", who="omar")
                store.link(ids["p7"], ids["p6"], "join", who="omar")
                store.edit_record(ids["p10"], "fatalities", 4, who="rana")
                dump = store.dump()
                groups = sorted(sorted(i["article_id"].split(";")) for i in store.incidents())
            dumps.append((dump, groups))
    assert dumps[0] == dumps[1]
    # p1 and p2 split apart; the strike p6 and the bombing p7 joined; p10 (a day later,
    # its toll edited to 4) links to neither
    assert {("p1",), ("p2",), ("p6", "p7"), ("p10",)} <= {tuple(g) for g in dumps[0][1]}
