"""Parquet export (pyarrow, the ``parquet`` extra): the CSV's columns, typed.

Counts and codes are int64, coordinates and confidence float64, everything
else a string (lists and mappings JSON-encoded as in the CSV); missing values
are nulls. Rows are buffered and written in row groups, so memory stays
bounded on any batch size.
"""
from __future__ import annotations

from typing import Any, BinaryIO, Mapping

from ..errors import ExportError
from .rows import COLUMNS, cell, table_values

INT_COLUMNS: frozenset[str] = frozenset({
    "year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision",
    "fatalities", "fatalities_children", "fatalities_women", "fatalities_unidentified",
    "injured", "timestamp"})
FLOAT_COLUMNS: frozenset[str] = frozenset({"latitude", "longitude", "confidence"})
ROW_GROUP = 8192


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as exc:
        raise ExportError("parquet export needs pyarrow: pip install 'rasd[parquet]' "
                          "(or -r requirements.lock)") from exc
    return pyarrow


def schema() -> Any:
    """The Arrow schema of a rasd Parquet file."""
    pa = _pyarrow()
    return pa.schema([(c, pa.int64() if c in INT_COLUMNS else
                       pa.float64() if c in FLOAT_COLUMNS else pa.string())
                      for c in COLUMNS])


def _typed(name: str, value: Any, record: Mapping[str, Any]) -> Any:
    if value is None:
        return None
    try:
        if name in INT_COLUMNS:
            if isinstance(value, float) and not value.is_integer():
                raise ValueError(f"{value!r} is not a whole number")
            return int(value)
        if name in FLOAT_COLUMNS:
            return float(value)
    except (TypeError, ValueError) as exc:
        raise ExportError(f"column {name}: {exc}", article_id=record.get("article_id")) from exc
    return cell(name, value) or None


class ParquetWriter:
    """Typed rows into a Parquet file (a path or a binary stream)."""

    def __init__(self, sink: str | BinaryIO) -> None:
        pa = _pyarrow()
        self.schema = schema()
        self.writer = pa.parquet.ParquetWriter(sink, self.schema)
        self.columns: dict[str, list[Any]] = {c: [] for c in COLUMNS}
        self.pending = 0
        self.count = 0

    def write(self, record: Mapping[str, Any]) -> None:
        values = table_values(record)
        for c in COLUMNS:
            self.columns[c].append(_typed(c, values[c], record))
        self.pending += 1
        self.count += 1
        if self.pending >= ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        pa = _pyarrow()
        self.writer.write_batch(pa.RecordBatch.from_pydict(self.columns, schema=self.schema))
        self.columns = {c: [] for c in COLUMNS}
        self.pending = 0

    def close(self) -> None:
        if self.pending:
            self._flush()
        self.writer.close()
