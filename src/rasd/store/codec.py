"""Canonical JSON, record columns and the analyst-edit overlay.

JSON is written with sorted keys and no spaces, so a value is stored as the
same bytes whatever the order it was built in: the store and its exports are
byte-for-byte reproducible.
"""
from __future__ import annotations

import json
from typing import Any, Iterable, Mapping, Sequence

from ..errors import StoreError
from ..schema import ACLED_COLUMNS, KINDS, RASD_COLUMNS

#: typed copies of record fields kept as columns (for filters and indexes)
RECORD_COLUMNS: tuple[str, ...] = (
    "event_date", "country", "admin1", "pcode", "location_ar", "event_type",
    "sub_event_type", "actor1", "actor2", "fatalities")
#: typed copies of incident fields kept as columns
INCIDENT_COLUMNS: tuple[str, ...] = (
    "event_date", "country", "admin1", "location", "event_type", "sub_event_type",
    "actor1", "actor2", "fatalities")
#: fields an analyst may not edit: identity and what the text says (evidence)
FROZEN_FIELDS: frozenset[str] = frozenset({
    "event_id", "article_id", "evidence", "provenance", "pipeline_version", "published",
    "outlet", "url", "event_id_cnty", "incident_id", "reports", "figures", "n_reports"})
#: fields an analyst may edit on a report or an incident
EDITABLE_FIELDS: frozenset[str] = frozenset(ACLED_COLUMNS + RASD_COLUMNS) - FROZEN_FIELDS
_INT_FIELDS = frozenset({"fatalities", "fatalities_children", "fatalities_women",
                         "fatalities_unidentified", "injured", "time_precision", "geo_precision",
                         "iso", "inter1", "inter2", "interaction", "year"})


def dumps(value: Any) -> str:
    """Canonical JSON text."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def text_bytes(text: str) -> bytes:
    """An article's text as stored (UTF-8 bytes: lossless, NUL characters included)."""
    return text.encode("utf-8")


def text_of(stored: bytes | memoryview | str) -> str:
    """An article's text as stored, back as a string."""
    return stored if isinstance(stored, str) else bytes(stored).decode("utf-8")


def record_columns(rec: Mapping[str, Any]) -> tuple[Any, ...]:
    """The typed column values of a record dict, in :data:`RECORD_COLUMNS` order."""
    return tuple(_typed(c, rec.get(c)) for c in RECORD_COLUMNS)


def incident_columns(inc: Mapping[str, Any]) -> tuple[Any, ...]:
    return tuple(_typed(c, inc.get(c)) for c in INCIDENT_COLUMNS)


def _typed(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name == "fatalities":
        return int(value)
    return str(value)


def check_edit(field: str, value: Any) -> Any:
    """Validate an analyst's new value for ``field``; the value to store."""
    if field not in EDITABLE_FIELDS:
        raise StoreError(f"field {field!r} cannot be edited (editable: "
                         f"{', '.join(sorted(EDITABLE_FIELDS))})")
    if field == "kind" and value not in KINDS:
        raise StoreError(f"kind must be one of {', '.join(KINDS)}, not {value!r}")
    if field in _INT_FIELDS and value is not None:
        try:
            value = int(value)
        except (TypeError, ValueError) as exc:
            raise StoreError(f"{field} must be an integer, not {value!r}") from exc
        if value < 0:
            raise StoreError(f"{field} cannot be negative ({value})")
    return value


def overlay(base: Mapping[str, Any], edits: Iterable[tuple[str, Any]], *,
            report: bool = False) -> dict[str, Any]:
    """``base`` with analyst edits applied in order; the edited fields are listed in ``edited``.

    On a ``report``, an edited death toll also becomes the report's reported
    range (unless that is edited too): the analyst's reading replaces the text's.
    """
    out = dict(base)
    fields = set(out.get("edited") or ())
    for field, value in edits:
        out[field] = value
        fields.add(field)
        if report and field == "fatalities":
            out["fatalities_reported"] = None if value is None else {"min": value, "max": value}
    if fields:
        out["edited"] = sorted(fields)
    return out


def chunks(items: Sequence[Any], size: int = 500) -> Iterable[Sequence[Any]]:
    """Slices small enough for an ``IN (...)`` list on every database."""
    for i in range(0, len(items), size):
        yield items[i:i + size]


def marks(n: int) -> str:
    return ",".join("?" * n)
