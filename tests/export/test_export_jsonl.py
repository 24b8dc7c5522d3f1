"""JSONL export: one record per line, sorted keys, the same bytes every run."""
from __future__ import annotations

import io
import json
from datetime import date

import pytest

from rasd.errors import ExportError
from rasd.export import JsonlWriter


def dump(records: list[dict]) -> str:
    out = io.StringIO()
    w = JsonlWriter(out)
    for r in records:
        w.write(r)
    w.close()
    return out.getvalue()


def test_one_line_per_record_round_trips(records):
    lines = dump(records).splitlines()
    assert [json.loads(x) for x in lines] == records


def test_keys_sorted_and_arabic_kept_as_text(records):
    line = dump(records[:1]).splitlines()[0]
    keys = list(json.loads(line))
    assert keys == sorted(keys)
    assert "باتبو" in line


def test_deterministic_bytes(records):
    again = [dict(reversed(list(r.items()))) for r in records]
    assert dump(records) == dump(again)


def test_dates_are_written_as_iso_strings():
    assert dump([{"event_date": date(2016, 11, 17)}]) == '{"event_date":"2016-11-17"}\n'


def test_not_a_number_is_refused_with_a_typed_error():
    with pytest.raises(ExportError, match="JSON"):
        dump([{"latitude": float("nan")}])
