"""open_writer: atomic files, stdout, Parquet, format from the file name."""
from __future__ import annotations

import io

import pytest

from rasd.errors import ExportError
from rasd.export import COLUMNS, format_for_path, open_writer, write_records


def test_file_is_replaced_only_when_the_writer_finishes(tmp_path, records):
    target = tmp_path / "out" / "events.jsonl"
    assert write_records(records, "jsonl", target) == 4
    before = target.read_bytes()
    with pytest.raises(RuntimeError), open_writer("jsonl", target) as w:
        w.write(records[0])
        raise RuntimeError("interrupted")
    assert target.read_bytes() == before
    assert sorted(p.name for p in target.parent.iterdir()) == ["events.jsonl"]


def test_stdout_gets_utf8_and_stays_open(records):
    raw = io.BytesIO()
    with open_writer("csv", "-", stdout=raw) as w:
        w.write(records[0])
    assert not raw.closed
    assert "باتبو".encode() in raw.getvalue()


def test_parquet_round_trips_with_typed_columns(tmp_path, records):
    pq = pytest.importorskip("pyarrow.parquet")
    target = tmp_path / "e.parquet"
    write_records(records, "parquet", target)
    table = pq.read_table(target)
    assert table.column_names == list(COLUMNS)
    assert str(table.schema.field("fatalities").type) == "int64"
    assert str(table.schema.field("latitude").type) == "double"
    rows = table.to_pylist()
    assert [r["fatalities"] for r in rows] == [21, 21, 21, 59]
    assert rows[0]["year"] == 2016 and rows[3]["year"] is None
    assert rows[2]["latitude"] is None and rows[0]["location_ar"] == "باتبو"


def test_parquet_refuses_stdout_and_unknown_formats_are_typed_errors():
    with pytest.raises(ExportError, match="binary"), open_writer("parquet", "-"):
        pass
    with pytest.raises(ExportError, match="unknown format"), open_writer("xlsx", "-"):
        pass


def test_unwritable_target_is_an_export_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="cannot write"):
        write_records([], "jsonl", blocker / "sub" / "e.jsonl")


def test_format_follows_the_suffix():
    assert format_for_path("a/b.CSV") == "csv"
    assert format_for_path("x.geojson") == "geojson"
    assert format_for_path("x.bin") is None and format_for_path("-") is None


def test_new_file_gets_the_usual_permissions_not_mkstemps(tmp_path):
    import os
    target = tmp_path / "e.jsonl"
    write_records([], "jsonl", target)
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask
