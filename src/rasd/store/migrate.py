"""Numbered schema migrations, applied in order inside one transaction each.

A migration is a file ``NNNN_name.sql`` in ``migrations/``: portable SQL
statements separated by ``;`` at the end of a line, with ``{serial_pk}`` and
``{blob}`` filled in by the dialect. ``schema_version`` records which numbers were applied, when,
and the SHA-256 of each file; a migration and its row are committed together,
so an interrupted upgrade leaves the previous version intact. A store whose
applied migration differs from the shipped file of the same number (a
development schema) is refused with a clear error rather than half-read.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ..errors import StoreError
from .dialect import Dialect

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")
_SPLIT = re.compile(r";\s*$", re.MULTILINE)
_COMMENT = re.compile(r"^\s*--.*$", re.MULTILINE)


@dataclass(frozen=True)
class Migration:
    number: int
    name: str
    path: Path

    @property
    def checksum(self) -> str:
        """SHA-256 of the file (line endings normalized)."""
        text = self.path.read_text(encoding="utf-8").replace("\r\n", "\n")
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def statements(self, dialect: Dialect) -> list[str]:
        """The SQL statements of this migration, spelled for ``dialect``."""
        sql = _COMMENT.sub("", self.path.read_text(encoding="utf-8"))
        sql = sql.replace("{serial_pk}", dialect.serial_pk).replace("{blob}", dialect.blob)
        return [s.strip() for s in _SPLIT.split(sql) if s.strip()]


def available() -> list[Migration]:
    """Every migration shipped with the package, by number."""
    out = []
    for p in sorted(MIGRATIONS.glob("*.sql")):
        m = _NAME.match(p.name)
        if not m:
            raise StoreError(f"migration file {p.name} is not named NNNN_name.sql")
        out.append(Migration(int(m.group(1)), m.group(2), p))
    numbers = [m.number for m in out]
    if numbers != list(range(1, len(out) + 1)):
        raise StoreError(f"migrations must be numbered 1..n without gaps, found {numbers}")
    return out


def latest() -> int:
    """The schema version this code expects."""
    return len(available())


def current(db: Dialect) -> int:
    """The schema version of an open store (0 for an empty database)."""
    if not db.table_exists("schema_version"):
        return 0
    return int(db.scalar("SELECT coalesce(max(version), 0) FROM schema_version"))


def upgrade(db: Dialect) -> list[int]:
    """Apply the missing migrations; the numbers applied (none when up to date)."""
    applied: list[int] = []
    shipped = available()
    for mig in shipped:
        with db.transaction():
            # checked inside the write lock: another process may have just applied it
            db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                       "name TEXT NOT NULL, applied_at TEXT NOT NULL, checksum TEXT NOT NULL)")
            if current(db) >= mig.number:
                continue
            for stmt in mig.statements(db):
                db.execute(stmt)
            db.execute("INSERT INTO schema_version (version, name, applied_at, checksum) "
                       "VALUES (?, ?, ?, ?)",
                       (mig.number, mig.name,
                        datetime.now(timezone.utc).isoformat(timespec="seconds"), mig.checksum))
            applied.append(mig.number)
    check(db, shipped)
    return applied


def check(db: Dialect, shipped: list[Migration] | None = None) -> None:
    """Refuse a store newer than this code, or made by other migration files."""
    shipped = available() if shipped is None else shipped
    have = current(db)
    if have > len(shipped):
        raise StoreError(f"store schema version {have} is newer than this rasd ({len(shipped)}); "
                         "upgrade rasd")
    if have and "checksum" not in db.columns("schema_version"):
        raise StoreError(f"store {db.target} was made by a development schema of rasd (before "
                         "migrations were checksummed): ingest into a new store")
    sums = {int(r["version"]): r["checksum"] for r in
            db.query("SELECT version, checksum FROM schema_version")} if have else {}
    for mig in shipped[:have]:
        if sums.get(mig.number) != mig.checksum:
            raise StoreError(f"store {db.target} applied a different migration {mig.number:04d} "
                             f"({mig.name}) than this rasd ships: ingest into a new store")
