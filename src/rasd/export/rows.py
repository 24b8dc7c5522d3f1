"""Record dicts → the cells of an ACLED-style table.

Shared by the CSV and Parquet writers (and anything else tabular): the column
order is :data:`COLUMNS` (ACLED's 2023 export columns, then rasd's, from
:mod:`rasd.schema`); lists and mappings are JSON-encoded; missing values are
empty; ``year`` comes from ``event_date``; ``event_id_cnty`` is derived from
``event_id`` so it is the same on every run.
"""
from __future__ import annotations

import functools
import hashlib
import json
from datetime import date, datetime
from typing import Any, Mapping

from ..document import Span
from ..errors import ExportError
from ..schema import ACLED_COLUMNS, RASD_COLUMNS

#: every column of a tabular export, in order
COLUMNS: tuple[str, ...] = ACLED_COLUMNS + RASD_COLUMNS
#: decimals written for coordinates (ACLED writes 4: about 11 m)
COORD_DIGITS = 4
#: decimals written for other floats (confidences)
FLOAT_DIGITS = 3
#: digits of the number in event_id_cnty: collisions stay below one in a
#: million records' worth of pairs (birthday bound ~ n²/2·10⁻¹²)
ID_DIGITS = 12
UNKNOWN_ISO3 = "XXX"


def json_default(value: Any) -> Any:
    """JSON form of the few non-JSON values a record may hold."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Span):
        return value.as_list()
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def dumps(value: Any) -> str:
    """Deterministic compact JSON: sorted keys, UTF-8 text, no NaN."""
    try:
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                          allow_nan=False, default=json_default)
    except (TypeError, ValueError) as exc:
        raise ExportError(f"record cannot be written as JSON: {exc}") from exc


@functools.lru_cache(maxsize=512)
def _iso3_of(numeric: str | None, country: str | None) -> str:
    import pycountry  # Why lazy: only tabular exports need ISO tables (30 ms to load)
    if numeric:
        found = pycountry.countries.get(numeric=numeric.zfill(3))
        if found is not None:
            return found.alpha_3
    if country:
        try:
            return pycountry.countries.lookup(country).alpha_3
        except LookupError:
            pass  # names ISO spells differently ("Turkey"): fall through to unknown
    return UNKNOWN_ISO3


def iso3(record: Mapping[str, Any]) -> str:
    """ISO 3166 alpha-3 code of the record's country (``iso`` numeric first)."""
    iso = record.get("iso")
    numeric = str(iso) if isinstance(iso, int) or (isinstance(iso, str) and iso.isdigit()) \
        else None
    country = record.get("country")
    return _iso3_of(numeric, country if isinstance(country, str) and country else None)


def event_id_cnty(record: Mapping[str, Any]) -> str:
    """ACLED-style id: ISO3 + a number derived from ``event_id`` (stable across runs)."""
    given = record.get("event_id_cnty")
    if isinstance(given, str) and given:
        return given
    ident = record.get("event_id")
    if not ident:
        raise ExportError("record has no event_id", article_id=record.get("article_id"))
    digest = hashlib.sha256(str(ident).encode("utf-8")).digest()
    return f"{iso3(record)}{int.from_bytes(digest[:8], 'big') % 10 ** ID_DIGITS}"


def year_of(record: Mapping[str, Any]) -> int | None:
    """The year of ``event_date`` (or an explicit ``year``)."""
    if isinstance(record.get("year"), int):
        return record["year"]
    day = record.get("event_date")
    if isinstance(day, (date, datetime)):
        return day.year
    if isinstance(day, str) and len(day) >= 4 and day[:4].isdigit():
        return int(day[:4])
    return None


def fmt_float(value: float, digits: int = FLOAT_DIGITS) -> str:
    """Fixed-point, trailing zeros trimmed: the same bytes on every platform."""
    text = f"{value:.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def cell(name: str, value: Any) -> str:
    """The CSV text of one value."""
    if value is None:
        return ""
    if isinstance(value, bool):
        if name == "civilian_targeting":  # ACLED writes the phrase, or nothing
            return "Civilian targeting" if value else ""
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.{COORD_DIGITS}f}" if name in ("latitude", "longitude") \
            else fmt_float(value)
    if isinstance(value, (list, tuple, dict, set, frozenset)):
        return dumps(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def table_values(record: Mapping[str, Any]) -> dict[str, Any]:
    """The record's value for every column (derived ones filled), still typed."""
    out = {c: record.get(c) for c in COLUMNS}
    out["year"] = year_of(record)
    out["event_id_cnty"] = event_id_cnty(record)
    return out


def csv_cells(record: Mapping[str, Any]) -> list[str]:
    """One CSV row, in :data:`COLUMNS` order. Keys outside the schema are left
    out (the JSONL export keeps them)."""
    values = table_values(record)
    return [cell(c, values[c]) for c in COLUMNS]
