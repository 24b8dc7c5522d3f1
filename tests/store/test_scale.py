"""The cost of a new report does not grow with the incident it joins."""
from __future__ import annotations

from datetime import date
from typing import Any

from rasd.store import Store
from storekit import VERSION, article, extraction, record


def _work_per_report(store: Store, n: int, variants: int) -> list[int]:
    """Ingest ``n`` reports of one strike (``variants`` different tolls); for each, the
    statements run plus the rows they read or wrote in bulk."""
    work: list[int] = []
    db = store.db
    execute, query, many = db._execute, db.query, db._executemany

    def counting_execute(sql: str, params: Any) -> Any:
        work[-1] += 1
        return execute(sql, params)

    def counting_query(sql: str, params: Any = ()) -> list[dict[str, Any]]:
        rows = query(sql, params)
        work[-1] += len(rows)
        return rows

    def counting_many(sql: str, rows: Any) -> None:
        work[-1] += len(rows)
        many(sql, rows)

    db._execute, db.query, db._executemany = (  # type: ignore[method-assign]
        counting_execute, counting_query, counting_many)
    try:
        for i in range(n):
            art = article(f"a{i:04d}", f"قتل مدنيون في غارة على باتبو، الخبر {i}.",
                          date(2016, 11, 18))
            deaths = 20 + i % variants
            work.append(0)
            store.ingest(extraction(art, record(art, "e", fatalities=deaths,
                                                fatalities_reported={"min": deaths, "max": deaths})),
                         VERSION)
    finally:
        db._execute, db.query, db._executemany = (  # type: ignore[method-assign]
            execute, query, many)
    return work


def test_the_400th_report_of_one_strike_costs_what_the_40th_costs(store: Store) -> None:
    work = _work_per_report(store, 400, variants=3)
    [inc] = store.incidents(reports=False)
    assert inc["n_reports"] == 400 and inc["fatalities_reported"] == {"min": 20, "max": 22}
    assert max(work[-40:]) <= max(work[20:40]), (work[20:40], work[-40:])
    assert store.db.scalar("SELECT count(*) FROM profile_links") == 3  # 3 profiles, not 400²/2
