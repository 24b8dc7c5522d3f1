"""CSV export: ACLED's 2023 columns in order, then rasd's; deterministic bytes."""
from __future__ import annotations

import csv
import io
import json

from rasd.export import COLUMNS, CsvWriter, event_id_cnty
from rasd.schema import ACLED_COLUMNS, RASD_COLUMNS


def write_csv(records: list[dict]) -> str:
    out = io.StringIO(newline="")
    w = CsvWriter(out)
    for r in records:
        w.write(r)
    w.close()
    return out.getvalue()


def rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_header_is_acled_columns_then_rasd_columns():
    header = next(csv.reader(io.StringIO(write_csv([]))))
    assert header == list(ACLED_COLUMNS) + list(RASD_COLUMNS) == list(COLUMNS)
    assert header[:3] == ["event_id_cnty", "event_date", "year"]


def test_values_structured_fields_and_missing_cells(records):
    first = rows(write_csv(records))[0]
    assert first["year"] == "2016"
    assert first["location_ar"] == "باتبو" and first["fatalities"] == "21"
    assert first["latitude"] == "36.2047" and first["confidence"] == "0.812"
    assert first["civilian_targeting"] == "Civilian targeting"
    assert json.loads(first["fatalities_reported"]) == {"min": 21, "max": 23}
    assert json.loads(first["evidence"])["fatalities"] == [[4, 6]]
    assert json.loads(first["sublocations"]) == []
    assert first["fatalities_women"] == "" and first["region"] == ""


def test_event_id_cnty_is_iso3_plus_a_number_stable_per_event(records, make_event):
    ids = [r["event_id_cnty"] for r in rows(write_csv(records))]
    assert all(i.startswith("SYR") and i[3:].isdigit() for i in ids[:3])
    assert len(set(ids)) == len(ids)
    assert event_id_cnty(make_event()) == event_id_cnty(make_event()) == ids[0]


def test_country_name_is_used_when_the_numeric_code_is_missing(make_event):
    record = make_event()
    record["iso"] = None
    record["country"] = "Yemen"
    assert event_id_cnty(record).startswith("YEM")
    record["country"] = None
    assert event_id_cnty(record).startswith("XXX")


def test_same_records_give_the_same_bytes_whatever_the_key_order(records):
    shuffled = [dict(reversed(list(r.items()))) for r in records]
    assert write_csv(records) == write_csv(shuffled)
    assert write_csv(records).count("\r\n") == len(records) + 1


def test_keys_outside_the_schema_are_not_columns(make_event):
    record = make_event()
    record["debug_trace"] = "x"
    assert "debug_trace" not in write_csv([record])
