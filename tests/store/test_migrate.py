"""Numbered migrations build the schema from an empty database, once, and refuse foreign ones."""
from __future__ import annotations

import pytest

from rasd.errors import StoreError
from rasd.store import Store, migrate
from rasd.store.dialect import connect


def test_an_empty_database_gets_every_migration_once(db_url: str) -> None:
    db = connect(db_url)
    try:
        assert migrate.current(db) == 0
        assert migrate.upgrade(db) == list(range(1, migrate.latest() + 1))
        assert migrate.upgrade(db) == []
        for table in ("articles", "records", "profiles", "profile_keys", "profile_links",
                      "profile_conflicts", "link_overrides", "incidents", "edits"):
            assert db.table_exists(table), table
    finally:
        db.close()
    with Store.open(db_url, upgrade=False) as store:
        assert store.schema_version == migrate.latest()


def test_a_store_built_by_other_migration_files_is_refused(db_url: str) -> None:
    Store.open(db_url).close()
    db = connect(db_url)
    try:
        db.execute("UPDATE schema_version SET checksum = 'edited since' WHERE version = 1")
    finally:
        db.close()
    with pytest.raises(StoreError, match="different migration 0001"):
        Store.open(db_url)


def test_a_store_from_before_checksums_is_refused(db_url: str) -> None:
    db = connect(db_url)
    try:
        db.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                   "applied_at TEXT NOT NULL)")
        db.execute("INSERT INTO schema_version VALUES (1, 'initial', '2026-01-01')")
    finally:
        db.close()
    with pytest.raises(StoreError, match="development schema"):
        Store.open(db_url)
