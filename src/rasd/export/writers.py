"""Streaming writers for record dicts: JSONL, CSV and GeoJSON.

Each writer takes an open text stream, writes as records arrive (memory stays
flat on any batch size), and ``close()`` finishes the document without closing
the stream. Output is deterministic: sorted keys, fixed float formatting, so
the same records give the same bytes.
"""
from __future__ import annotations

import csv
import math
from typing import Any, Mapping, Protocol, TextIO

from ..errors import ExportError
from .rows import COLUMNS, csv_cells, dumps

#: record keys left out of GeoJSON properties (bulky, and offsets mean nothing on a map)
GEO_OMIT: frozenset[str] = frozenset({"evidence", "provenance"})
#: decimals of GeoJSON coordinates (RFC 7946 §11.2 advises no more than 6)
GEO_DIGITS = 6


class RecordWriter(Protocol):
    """What every writer offers."""

    count: int

    def write(self, record: Mapping[str, Any]) -> None: ...

    def close(self) -> None: ...


class JsonlWriter:
    """One JSON object per line, keys sorted."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.count = 0

    def write(self, record: Mapping[str, Any]) -> None:
        self.stream.write(dumps(record) + "\n")
        self.count += 1

    def close(self) -> None:
        self.stream.flush()


class CsvWriter:
    """ACLED's columns then rasd's (RFC 4180 quoting, CRLF); the header is
    written even when no record follows, so the file always says its columns."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.writer = csv.writer(stream, lineterminator="\r\n")
        self.writer.writerow(COLUMNS)
        self.count = 0

    def write(self, record: Mapping[str, Any]) -> None:
        self.writer.writerow(csv_cells(record))
        self.count += 1

    def close(self) -> None:
        self.stream.flush()


def _coordinate(record: Mapping[str, Any], name: str, limit: float) -> float | None:
    value = record.get(name)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if not math.isfinite(value) or abs(value) > limit:
        return None
    return round(float(value), GEO_DIGITS)


def feature(record: Mapping[str, Any]) -> dict[str, Any] | None:
    """The GeoJSON Point feature of a geocoded event, else None."""
    if record.get("kind", "event") != "event":
        return None
    lat = _coordinate(record, "latitude", 90.0)
    lon = _coordinate(record, "longitude", 180.0)
    if lat is None or lon is None:
        return None
    props = {k: v for k, v in record.items() if k not in GEO_OMIT}
    return {"type": "Feature", "id": record.get("event_id"),
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": props}


class GeoJsonWriter:
    """A FeatureCollection, one feature per line; records that are not
    geocoded events are counted in ``skipped``."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.count = 0
        self.skipped = 0
        self.stream.write('{"type":"FeatureCollection","features":[\n')

    def write(self, record: Mapping[str, Any]) -> None:
        feat = feature(record)
        if feat is None:
            self.skipped += 1
            return
        self.stream.write(("" if self.count == 0 else ",\n") + dumps(feat))
        self.count += 1

    def close(self) -> None:
        self.stream.write("\n]}\n")
        self.stream.flush()


TEXT_WRITERS: dict[str, type] = {"jsonl": JsonlWriter, "csv": CsvWriter,
                                 "geojson": GeoJsonWriter}


def text_writer(fmt: str, stream: TextIO) -> RecordWriter:
    """The writer of a text format over an open stream."""
    try:
        return TEXT_WRITERS[fmt](stream)
    except KeyError:
        raise ExportError(f"unknown text format {fmt!r} "
                          f"(one of {', '.join(TEXT_WRITERS)})") from None
