"""rasd ingest / db / export / stats / incidents / edit, as a user runs them."""
from __future__ import annotations

import csv
import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from rasd.cli.main import cli
from rasd.schema import ACLED_COLUMNS, RASD_COLUMNS
from rasd.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
from storekit import VERSION, article, extraction, fresh_db, pg_unavailable, record  # noqa: E402

PASSAGES = [("s1", "قتل 21 مدنيا في غارة جوية على بلدة باتبو بريف حلب الغربي أمس."),
            ("s2", "استشهد 23 شخصا في قصف للطيران الحربي على باتبو يوم الخميس.")]


def run(*args: str) -> Result:
    return CliRunner(mix_stderr=False).invoke(cli, list(args), catch_exceptions=False)


def _jsonl(path: Path, rows: list[tuple[str, str]], bad_line: bool = False) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for aid, text in rows:
            f.write(json.dumps({"id": aid, "published": "2016-11-18", "text": text},
                               ensure_ascii=False) + "\n")
        if bad_line:
            f.write("{not json\n")
    return path


def test_ingesting_twice_stores_once(tmp_path: Path) -> None:
    src, db = _jsonl(tmp_path / "a.jsonl", PASSAGES), str(tmp_path / "r.db")
    first = run("ingest", str(src), "--db", db)
    assert first.exit_code == 0, first.stderr
    assert "2 articles read (2 new" in first.stderr and "store: 2 articles" in first.stderr
    second = run("ingest", str(src), "--db", db)
    assert "(0 new, 0 new versions, 2 already stored)" in second.stderr


def test_a_bad_line_is_named_and_the_batch_goes_on(tmp_path: Path) -> None:
    src, db = _jsonl(tmp_path / "a.jsonl", PASSAGES, bad_line=True), str(tmp_path / "r.db")
    result = run("ingest", str(src), "--db", db)
    assert result.exit_code == 1
    assert "a.jsonl:3" in result.stderr and "RASD104" in result.stderr
    with Store.open(db) as store:
        assert store.counts()["articles"] == 2


def test_an_unreachable_database_exits_3_with_the_reason(tmp_path: Path) -> None:
    result = run("db", "upgrade", "--db", str(tmp_path / "no" / "such" / "dir.db"))
    assert result.exit_code == 3 and "RASD400" in result.stderr and "does not exist" in result.stderr
    assert run("db", "status", "--db", "mysql://x/y").exit_code == 3


def test_db_upgrade_applies_migrations_once(tmp_path: Path) -> None:
    db = str(tmp_path / "r.db")
    assert "applied: 0001; schema version 1" in run("db", "upgrade", "--db", db).output
    assert "none (up to date)" in run("db", "upgrade", "--db", db).output
    assert "schema version 1" in run("db", "status", "--db", f"sqlite:///{db}").output


def _fill(url: str, reverse: bool = False) -> list[str]:
    """Three reports of one strike and one of another, one tally; the event ids."""
    specs = [("a", "Outlet A", "C1025", "باتبو", 21), ("b", "Outlet B", "C1025", "باتبو", 23),
             ("c", "Outlet C", "C1025", "باتبو", 22), ("d", "Outlet D", "C1034", "كفرناها", 2)]
    exs = []
    for aid, outlet, pcode, name, deaths in specs:
        art = article(aid, f"قتل {deaths} مدنيا في غارة على {name}.", date(2016, 11, 18), outlet)
        recs = [record(art, "e", pcode=pcode, location_ar=name, fatalities=deaths,
                       fatalities_reported={"min": deaths, "max": deaths})]
        if aid == "d":
            recs.append(record(art, "t", kind="tally", fatalities=59))
        exs.append(extraction(art, *recs))
    with Store.open(url) as store:
        for ex in (exs[::-1] if reverse else exs):
            store.ingest(ex, VERSION)
    return [ex.records[0]["event_id"] for ex in exs]


@pytest.mark.parametrize("fmt,suffix", [("acled-csv", "csv"), ("jsonl", "jsonl"),
                                        ("geojson", "geojson"), ("parquet", "parquet")])
def test_exports_are_byte_identical_whatever_the_order_and_database(
        tmp_path: Path, fmt: str, suffix: str) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    other = "sqlite" if pg_unavailable() else "postgresql"
    with fresh_db("sqlite", tmp_path) as one, fresh_db(other, tmp_path) as two:
        _fill(one)
        _fill(two, reverse=True)
        for url, name in ((one, "one"), (two, "two")):
            result = run("export", "--db", url, "--format", fmt, "-o", str(tmp_path / f"{name}.{suffix}"))
            assert result.exit_code == 0, result.stderr
    assert (tmp_path / f"one.{suffix}").read_bytes() == (tmp_path / f"two.{suffix}").read_bytes()


def test_acled_csv_has_acled_columns_then_rasds_one_row_per_incident(tmp_path: Path) -> None:
    db = str(tmp_path / "r.db")
    _fill(db)
    out = run("export", "--db", db).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == list(ACLED_COLUMNS + RASD_COLUMNS)
    assert sorted(r["fatalities"] for r in rows) == ["2", "21"]
    merged = next(r for r in rows if r["fatalities"] == "21")
    assert json.loads(merged["fatalities_reported"]) == {"max": 23, "min": 21}
    assert merged["source"] == "Outlet A; Outlet B; Outlet C"
    assert merged["event_id_cnty"].startswith("SYR")
    again = list(csv.DictReader(io.StringIO(run("export", "--db", db).stdout)))
    assert [r["event_id_cnty"] for r in again] == [r["event_id_cnty"] for r in rows]


def test_export_filters_and_report_level(tmp_path: Path) -> None:
    db = str(tmp_path / "r.db")
    _fill(db)
    lines = run("export", "--db", db, "--format", "jsonl", "--min-deaths", "5").stdout.splitlines()
    assert [json.loads(x)["n_reports"] for x in lines] == [3]
    reports = run("export", "--db", db, "-f", "jsonl", "--level", "report").stdout.splitlines()
    kinds = sorted(json.loads(x)["kind"] for x in reports)
    assert kinds == ["event"] * 4 + ["tally"]
    assert run("export", "--db", db, "--from", "17/11/2016").exit_code == 2


def test_stats_and_incidents_print_tables(tmp_path: Path) -> None:
    db = str(tmp_path / "r.db")
    _fill(db)
    out = run("stats", "--db", db).output
    assert "2 incidents, 23 deaths" in out and "2016-11-17" in out and "Aleppo" in out
    table = run("incidents", "--db", db).output.splitlines()
    assert table[1].split()[:2] == ["2016-11-17", "باتبو"] and "21 (21-23)" in table[1]
    assert "!" in table[1].split("(21-23)")[1]


def test_edit_commands_change_the_store_and_log_it(tmp_path: Path) -> None:
    db = str(tmp_path / "r.db")
    ids = _fill(db)
    assert run("edit", "link", ids[0], ids[1], "split", "--who", "omar", "--db", db).exit_code == 0
    assert run("edit", "record", ids[2], "fatalities", "25", "--who", "rana", "--db", db,
               "--note", "recounted").exit_code == 0
    log = run("edit", "log", "--db", db).output
    assert "omar  link" in log and "auto: linked\" → \"split\"" in log
    assert "fatalities: 22 → 25  (recounted)" in log
    bad = run("edit", "record", "nope", "fatalities", "3", "--who", "rana", "--db", db)
    assert bad.exit_code == 3 and "no report" in bad.stderr


def test_reading_commands_refuse_a_store_that_is_not_there(tmp_path: Path) -> None:
    db = tmp_path / "none.db"
    for args in (["export"], ["stats"], ["incidents"], ["db", "status"], ["reprocess"],
                 ["edit", "log"]):
        result = run(*args, "--db", str(db))
        assert result.exit_code == 3 and "no rasd store at" in result.stderr, args
    assert not db.exists()


def test_undoing_a_link_decision_that_was_never_taken_changes_nothing(tmp_path: Path) -> None:
    db = str(tmp_path / "r.db")
    ids = _fill(db)
    with Store.open(db) as store:
        before = store.dump()["incidents"]
    assert run("edit", "link", ids[0], ids[1], "auto", "--who", "omar", "--db", db).exit_code == 0
    with Store.open(db) as store:
        assert store.dump()["incidents"] == before


def test_an_article_the_store_refuses_is_named_and_the_batch_goes_on(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    rows = [{"id": "t1", "published": "2016-11-18", "title": "عنوان\u0000", "text": PASSAGES[0][1]},
            {"id": "t2", "published": "2016-11-18", "text": PASSAGES[1][1] + "\u0000"}]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    other = "sqlite" if pg_unavailable() else "postgresql"
    with fresh_db(other, tmp_path) as db:
        result = run("ingest", str(src), "--db", db)
        assert result.exit_code == 1
        assert "RASD400" in result.stderr and "article t1: the article's title contains a NUL" \
            in result.stderr
        with Store.open(db) as store:
            [(art, _, _)] = list(store.current_articles())
        assert art.id == "t2" and art.text.endswith("\u0000")  # a NUL in the text is kept
