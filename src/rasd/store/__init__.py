"""The event store: articles, records, merged incidents and analyst edits.

    >>> from rasd.store import Store
    >>> with Store.open("rasd.db") as store:          # or "postgresql://..."
    ...     store.ingest(extraction, extractor.version)
    ...     store.incidents(Filters(country="Syria"))

One repository class (:class:`Store`) over SQLite and PostgreSQL
(:mod:`rasd.store.dialect`), an explicit schema with numbered migrations
(:mod:`rasd.store.migrate`), idempotent per-article transactions, and
incremental cross-article merging (:mod:`rasd.store.merging`).
"""
from __future__ import annotations

from .dialect import DEFAULT_DB, parse_url
from .queries import Filters
from .repository import IngestResult, Store

__all__ = ["DEFAULT_DB", "Filters", "IngestResult", "Store", "parse_url"]
