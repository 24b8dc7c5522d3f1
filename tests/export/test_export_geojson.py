"""GeoJSON export: a valid FeatureCollection of geocoded events."""
from __future__ import annotations

import io
import json

from rasd.export import GeoJsonWriter


def collection(records: list[dict]) -> tuple[dict, GeoJsonWriter]:
    out = io.StringIO()
    w = GeoJsonWriter(out)
    for r in records:
        w.write(r)
    w.close()
    return json.loads(out.getvalue()), w


def test_one_point_per_geocoded_event(records):
    doc, w = collection(records)
    assert doc["type"] == "FeatureCollection"
    assert [f["properties"]["location_ar"] for f in doc["features"]] == ["باتبو", "حلب"]
    assert (w.count, w.skipped) == (2, 2)  # the event without coordinates, the tally


def test_features_are_valid_points_lon_lat(records):
    doc, _ = collection(records)
    for f, r in zip(doc["features"], records[:2], strict=True):
        assert f["type"] == "Feature" and f["id"] == r["event_id"]
        assert f["geometry"] == {"type": "Point", "coordinates": [r["longitude"], r["latitude"]]}


def test_properties_are_the_record_without_evidence_or_provenance(records):
    doc, _ = collection(records)
    props = doc["features"][0]["properties"]
    assert "evidence" not in props and "provenance" not in props
    assert props == {k: v for k, v in records[0].items() if k not in ("evidence", "provenance")}


def test_out_of_range_or_boolean_coordinates_are_skipped(make_event):
    bad = make_event()
    bad["latitude"] = 95.0
    flag = make_event()
    flag["longitude"] = True
    doc, w = collection([bad, flag])
    assert doc["features"] == [] and w.skipped == 2


def test_empty_collection_is_valid_json():
    doc, _ = collection([])
    assert doc == {"type": "FeatureCollection", "features": []}
