"""Re-running a newer pipeline on stored articles keeps analyst edits."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable

from rasd.document import Article
from rasd.extract import Extraction
from rasd.store import Store
from storekit import article, record


@dataclass
class Coder:
    """A stand-in extractor: a version and a function from article to records."""

    version: str
    code: Callable[[Article], list[dict[str, Any]]]

    def extract(self, art: Article) -> Extraction:
        return Extraction(art, tuple(dict(r, pipeline_version=self.version) for r in self.code(art)))


def v1(art: Article) -> list[dict[str, Any]]:
    return [record(art, "e", fatalities=21)]


def v2(art: Article) -> list[dict[str, Any]]:
    # the newer pipeline also finds the children, and a tally
    return [record(art, "e", fatalities=22, fatalities_children=3),
            record(art, "t", kind="tally", fatalities=59)]


def _ingest(store: Store, coder: Coder) -> list[str]:
    ids = []
    for aid in ("a", "b"):
        art = article(aid, f"قتل مدنيون في غارة على باتبو ({aid}).", date(2016, 11, 18))
        ex = coder.extract(art)
        store.ingest(ex, coder.version)
        ids.append(ex.records[0]["event_id"])
    return ids


def test_reprocess_recodes_old_articles_and_keeps_edits(store: Store) -> None:
    ids = _ingest(store, Coder("v1", v1))
    store.edit_record(ids[0], "actor1", "Military Forces of Russia (2000-)", who="rana")
    counts = store.reprocess(Coder("v2", v2))
    assert counts == {"articles": 2, "reprocessed": 2, "records": 4, "errors": 0}
    rec = next(r for r in store.reports() if r["event_id"] == ids[0])
    assert rec["actor1"] == "Military Forces of Russia (2000-)"  # the edit survived
    assert (rec["fatalities"], rec["fatalities_children"], rec["pipeline_version"]) == (22, 3, "v2")
    assert store.counts()["tallies"] == 2
    assert sorted(i["n_reports"] for i in store.incidents()) == [1, 1]  # the edit still splits them


def test_reprocess_skips_articles_already_coded_by_this_version(store: Store) -> None:
    _ingest(store, Coder("v1", v1))
    before = store.dump()
    assert store.reprocess(Coder("v1", v2))["reprocessed"] == 0
    assert store.dump() == before
    assert store.reprocess(Coder("v1", v1), force=True)["reprocessed"] == 2
    assert store.dump() == before


def test_reprocess_drops_records_the_new_pipeline_no_longer_finds(store: Store) -> None:
    _ingest(store, Coder("v1", v1))
    store.reprocess(Coder("v2", lambda art: []))
    assert store.counts()["events"] == 0 and store.incidents() == []
