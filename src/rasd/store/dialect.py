"""The thin layer between the repository and its two databases.

Queries are written once, in the SQL that SQLite and PostgreSQL share
(``INSERT ... ON CONFLICT``, ``?`` placeholders, TEXT/INTEGER/BIGINT columns,
JSON kept as canonical TEXT so both databases hold byte-identical values).
A :class:`Dialect` knows how to connect, how to spell a placeholder, how to
open a write transaction and how to serialize concurrent writers:
``BEGIN IMMEDIATE`` on SQLite, a transaction-scoped advisory lock on PostgreSQL.

Why not SQLAlchemy: the repository needs a dozen plain statements and two
connection setups; a query builder would be more code to read than this file.
"""
from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Sequence

from ..errors import StoreError

#: the SQLite file used when no --db is given
DEFAULT_DB = "rasd.db"
#: key of the PostgreSQL advisory lock that serializes writers (any constant works)
_PG_LOCK = 0x72617364


@dataclass(frozen=True)
class Target:
    """Where a store lives: ``kind`` is ``sqlite`` or ``postgresql``."""

    kind: str
    location: str  # a file path, or a libpq connection URI

    def __str__(self) -> str:
        return self.location if self.kind == "sqlite" else _hide_password(self.location)


def parse_url(url: str | None) -> Target:
    """Read ``--db``: a SQLite path, ``sqlite:///rel`` / ``sqlite:////abs``, or ``postgresql://``."""
    if not url:
        return Target("sqlite", DEFAULT_DB)
    if url.startswith(("postgresql://", "postgres://")):
        return Target("postgresql", url)
    if url.startswith("sqlite://"):
        rest = url[len("sqlite://"):]
        if not rest.startswith("/") or rest == "/":
            raise StoreError(f"bad SQLite URL {url!r}: use sqlite:///relative.db or sqlite:////abs.db")
        return Target("sqlite", rest[1:])
    if "://" in url:
        raise StoreError(f"unsupported database URL {url!r} (sqlite or postgresql only)")
    return Target("sqlite", url)


def _hide_password(uri: str) -> str:
    head, sep, tail = uri.partition("@")
    if not sep or ":" not in head.split("//", 1)[-1]:
        return uri
    scheme, _, cred = head.partition("//")
    return f"{scheme}//{cred.split(':', 1)[0]}:***@{tail}"


class Dialect:
    """One open connection plus the few things that differ between databases."""

    kind = "?"
    #: column type of an auto-numbered primary key
    serial_pk = ""
    #: column type of raw bytes
    blob = ""

    def __init__(self, target: Target) -> None:
        self.target = target
        self._depth = 0

    # --- to be provided by each dialect
    def _execute(self, sql: str, params: Sequence[Any]) -> Any:
        raise NotImplementedError

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        raise NotImplementedError

    def _begin(self) -> contextlib.AbstractContextManager[None]:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    # --- shared API
    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run one statement; the number of rows it changed."""
        cur = self._execute(sql, params)
        return cur.rowcount

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            self._executemany(sql, rows)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows as dicts keyed by column name."""
        cur = self._execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self._execute(sql, params).fetchone()
        return None if row is None else row[0]

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """A write transaction; nested calls join the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._depth = 1
        try:
            with self._begin():
                yield
        finally:
            self._depth = 0

    def table_exists(self, name: str) -> bool:
        raise NotImplementedError

    def columns(self, table: str) -> list[str]:
        """The column names of ``table`` (a trusted identifier, never user input)."""
        cur = self._execute(f"SELECT * FROM {table} WHERE 1 = 0", ())
        names = [d[0] for d in cur.description]
        cur.fetchall()
        return names


class SQLiteDialect(Dialect):
    """stdlib sqlite3 in WAL mode; explicit BEGIN IMMEDIATE so writers queue, not fail."""

    kind = "sqlite"
    serial_pk = "INTEGER PRIMARY KEY AUTOINCREMENT"
    blob = "BLOB"

    def __init__(self, target: Target) -> None:
        super().__init__(target)
        path = Path(target.location)
        if path.parent and not path.parent.exists():
            raise StoreError(f"cannot open SQLite store {path}: folder {path.parent} does not exist")
        try:
            self.conn = sqlite3.connect(str(path), isolation_level=None, timeout=60.0)
            self.conn.execute("PRAGMA journal_mode=WAL")
            # NORMAL in WAL mode survives a killed process (not a power cut) and is much faster
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open SQLite store {path}: {exc}") from exc

    def _execute(self, sql: str, params: Sequence[Any]) -> Any:
        try:
            return self.conn.execute(sql, tuple(params))
        except sqlite3.Error as exc:
            raise StoreError(f"SQLite error: {exc} in: {sql[:120]}") from exc

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        try:
            self.conn.executemany(sql, rows)
        except sqlite3.Error as exc:
            raise StoreError(f"SQLite error: {exc} in: {sql[:120]}") from exc

    @contextlib.contextmanager
    def _begin(self) -> Iterator[None]:
        self._execute("BEGIN IMMEDIATE", ())
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self._execute("COMMIT", ())

    def table_exists(self, name: str) -> bool:
        return self.scalar("SELECT count(*) FROM sqlite_master WHERE type='table' AND name=?",
                           (name,)) > 0

    def close(self) -> None:
        self.conn.close()


class PostgresDialect(Dialect):
    """psycopg 3; ``?`` placeholders become ``%s``; writers take one advisory lock."""

    kind = "postgresql"
    serial_pk = "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
    blob = "BYTEA"

    def __init__(self, target: Target) -> None:
        super().__init__(target)
        import psycopg  # imported here so SQLite users never load it
        self._psycopg = psycopg
        try:
            self.conn = psycopg.connect(target.location, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to PostgreSQL store {target}: {exc}") from exc
        self._sql_cache: dict[str, str] = {}

    def _pg(self, sql: str) -> str:
        out = self._sql_cache.get(sql)
        if out is None:
            out = self._sql_cache[sql] = sql.replace("%", "%%").replace("?", "%s")
        return out

    def _execute(self, sql: str, params: Sequence[Any]) -> Any:
        try:
            return self.conn.execute(self._pg(sql), tuple(params))
        except self._psycopg.Error as exc:
            raise StoreError(f"PostgreSQL error: {exc} in: {sql[:120]}") from exc

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        try:
            with self.conn.cursor() as cur:
                cur.executemany(self._pg(sql), rows)
        except self._psycopg.Error as exc:
            raise StoreError(f"PostgreSQL error: {exc} in: {sql[:120]}") from exc

    @contextlib.contextmanager
    def _begin(self) -> Iterator[None]:
        with self.conn.transaction():
            self._execute("SELECT pg_advisory_xact_lock(?)", (_PG_LOCK,))
            yield

    def table_exists(self, name: str) -> bool:
        return self.scalar("SELECT to_regclass(?) IS NOT NULL", (name,))

    def close(self) -> None:
        self.conn.close()


def connect(url: str | None, *, create: bool = True) -> Dialect:
    """Open a connection to the store named by ``url`` (see :func:`parse_url`).

    Without ``create``, a SQLite file that does not exist is an error, not a new file.
    """
    target = parse_url(url)
    if target.kind == "postgresql":
        return PostgresDialect(target)
    if not create and not Path(target.location).exists():
        raise StoreError(f"no rasd store at {target}: run `rasd ingest INPUT --db {target}` first")
    return SQLiteDialect(target)
