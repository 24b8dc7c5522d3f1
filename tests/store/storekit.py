"""Test kit for the store: fresh SQLite / PostgreSQL databases and hand-made reports.

PostgreSQL tests use the server on 127.0.0.1:5432 (``RASD_TEST_PG`` overrides
the URL); each test gets its own schema, dropped afterwards. When no server
answers they are skipped with that reason, never faked.
"""
from __future__ import annotations

import contextlib
import functools
import os
import uuid
from datetime import date
from pathlib import Path
from typing import Any, Iterator

from rasd.document import Article, Span
from rasd.extract import Extraction
from rasd.records import Field, Record

PG_BASE = os.environ.get("RASD_TEST_PG", "postgresql://127.0.0.1:5432/test")
BACKENDS = ("sqlite", "postgresql")
VERSION = "test-1"


@functools.lru_cache(maxsize=1)
def pg_unavailable() -> str | None:
    """Why PostgreSQL tests cannot run, or None when a server answers."""
    try:
        import psycopg
    except ImportError as exc:
        return f"psycopg is not installed ({exc})"
    try:
        psycopg.connect(PG_BASE, connect_timeout=3).close()
    except psycopg.Error as exc:
        return f"no PostgreSQL server answers at {PG_BASE}: {str(exc).strip()[:160]}"
    return None


@contextlib.contextmanager
def fresh_db(kind: str, tmp: Path) -> Iterator[str]:
    """A URL of an empty database of ``kind``; removed afterwards."""
    if kind == "sqlite":
        yield str(tmp / f"store-{uuid.uuid4().hex[:8]}.db")
        return
    import psycopg
    schema = f"rasd_t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_BASE, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        sep = "&" if "?" in PG_BASE else "?"
        yield f"{PG_BASE}{sep}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(PG_BASE, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


def article(article_id: str, text: str, published: date = date(2016, 11, 18),
            outlet: str | None = "Outlet") -> Article:
    return Article(article_id, text, published, outlet=outlet)


def record(art: Article, key: str, kind: str = "event", **values: Any) -> dict[str, Any]:
    """A report as the extractor serializes it; each value's evidence is the whole text."""
    defaults: dict[str, Any] = {
        "event_date": "2016-11-17", "time_precision": 1, "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike", "actor1": "Military Forces of Syria (2000-2024)",
        "actor2": "Civilians (Syria)", "iso": 760, "country": "Syria", "admin1": "Aleppo",
        "location_ar": "باتبو", "pcode": "C1025", "geo_precision": 1, "fatalities": 21,
        "fatalities_reported": {"min": 21, "max": 21}} if kind == "event" else {}
    defaults.update(values)
    span = (Span(0, len(art.text)),)
    fields = {k: Field(v, span if v is not None else (), rule="test", confidence=0.9)
              for k, v in defaults.items()}
    return Record(kind, fields, 0.9, key).to_dict(art, VERSION)


def extraction(art: Article, *records: dict[str, Any]) -> Extraction:
    return Extraction(art, tuple(records))
