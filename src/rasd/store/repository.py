"""The event store: one repository class over SQLite and PostgreSQL.

    >>> with Store.open("rasd.db") as store:
    ...     for extraction in Extractor().run(articles):
    ...         store.ingest(extraction)

Writes are idempotent and atomic per article. An article version is keyed by
(article id, SHA-256 of its text): ingesting it again changes nothing, a
changed text for the same id becomes the next version (the old one is kept,
its records leave the incidents). An article's row, its records and the
incidents they change are written in one transaction, so a process killed
at any moment leaves whole articles or none, and running the same command
again finishes the job: the result equals one clean run.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from types import MappingProxyType
from typing import Any, Callable, Iterator, Mapping, Sequence

from ..document import Article
from ..errors import StoreError
from ..extract import Extraction, Extractor
from ..merge import places
from ..merge.incident import summarize
from ..merge.rules import ParentOf
from . import migrate
from .codec import (RECORD_COLUMNS, chunks, dumps, loads, marks, overlay, record_columns,
                    text_bytes, text_of)
from .dialect import Dialect, connect
from .edits import EditsMixin
from .merging import Merger
from .queries import QueriesMixin

#: columns left out of :meth:`Store.dump`: wall-clock times and counters of this run
VOLATILE: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "articles": ("ingested_at",), "edits": ("edit_id", "at"), "link_overrides": ("edit_id",)})
#: tables in :meth:`Store.dump`, with the columns that order them
TABLES: Mapping[str, str] = MappingProxyType({
    "articles": "article_id, version", "records": "event_id", "profiles": "profile_id",
    "profile_keys": "place_key, day, profile_id", "profile_links": "profile_a, profile_b",
    "profile_conflicts": "article_id, profile_a, profile_b",
    "link_overrides": "event_a, event_b", "incidents": "incident_id", "edits": "edit_id"})


@dataclass(frozen=True)
class IngestResult:
    """What one article did to the store: ``new``, ``version``, ``unchanged`` or ``error``."""

    article_id: str
    status: str
    records: int = 0
    version: int = 0
    error: str | None = None


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store(EditsMixin, QueriesMixin):
    """Articles, records, incidents and analyst edits in one database."""

    def __init__(self, db: Dialect, parent_of: ParentOf | None = None) -> None:
        self.db = db
        # the gazetteer's neighbourhood -> city map unless told otherwise (tests)
        self.merger = Merger(db, parent_of or places.parent_of)

    @classmethod
    def open(cls, url: str | None = None, *, upgrade: bool = True, create: bool = True,
             parent_of: ParentOf | None = None) -> "Store":
        """Open (and by default migrate) the store named by ``url`` (see ``dialect.parse_url``).

        With ``create=False`` a store must be there already (commands that only
        read or edit one refuse to make an empty one).
        """
        db = connect(url, create=create)
        try:
            if not create and migrate.current(db) == 0:
                raise StoreError(f"no rasd store at {db.target}: run `rasd ingest INPUT --db "
                                 f"{db.target}` first")
            if upgrade:
                migrate.upgrade(db)
            elif migrate.current(db) != migrate.latest():
                raise StoreError(f"store {db.target} is at schema version {migrate.current(db)}, "
                                 f"this rasd needs {migrate.latest()}: run `rasd db upgrade`")
            else:
                migrate.check(db)
        except BaseException:
            db.close()
            raise
        return cls(db, parent_of)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return migrate.current(self.db)

    # --- articles
    def has_article(self, article_id: str, content_hash: str) -> bool:
        """Whether this exact version of the article is stored."""
        return self.db.scalar("SELECT count(*) FROM articles WHERE article_id = ? AND "
                              "content_hash = ?", (article_id, content_hash)) > 0

    def ingest(self, extraction: Extraction, pipeline_version: str) -> IngestResult:
        """Store one article and its records and merge them; atomic and idempotent.

        ``pipeline_version`` is the extractor's (``Extractor.version``): it is
        kept with the article, also when the extraction failed or found nothing.
        """
        art = extraction.article
        digest = art.content_hash
        for name in ("id", "title", "outlet", "url", "source"):
            if "\x00" in (getattr(art, name) or ""):  # PostgreSQL cannot store it: refused on both
                raise StoreError(f"the article's {name} contains a NUL character",
                                 article_id=art.id.replace("\x00", "\\0"))
        with self.db.transaction():
            rows = self.db.query("SELECT content_hash, version FROM articles WHERE article_id = ?",
                                 (art.id,))
            if any(r["content_hash"] == digest for r in rows):
                return IngestResult(art.id, "unchanged")
            version = max((int(r["version"]) for r in rows), default=0) + 1
            if rows:
                self._retire(art.id)
            self._insert_article(art, version, extraction, pipeline_version)
            n = self._put_records(art, digest, extraction.records)
            self.merger.sync([art.id])
        status = "error" if extraction.error else ("version" if version > 1 else "new")
        return IngestResult(art.id, status, n, version,
                            str(extraction.error) if extraction.error else None)

    def _retire(self, article_id: str) -> None:
        """The current version of an article becomes history (its records leave the
        incidents when the article is synced)."""
        self.db.execute("UPDATE articles SET is_current = 0 WHERE article_id = ?", (article_id,))
        self.db.execute("UPDATE records SET is_current = 0 WHERE article_id = ?", (article_id,))

    def _insert_article(self, art: Article, version: int, ex: Extraction, pv: str) -> None:
        self.db.execute(
            "INSERT INTO articles (article_id, content_hash, version, is_current, published, title, "
            "outlet, url, source, meta, text, pipeline_version, status, error, ingested_at) "
            "VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (art.id, art.content_hash, version, art.published.isoformat() if art.published else None,
             art.title, art.outlet, art.url, art.source, dumps(dict(art.meta)), text_bytes(art.text),
             _version_of(ex, pv), "error" if ex.error else "ok",
             dumps(ex.error.as_dict()) if ex.error else None, _now()))

    def _put_records(self, art: Article, digest: str, records: Sequence[Mapping[str, Any]]) -> int:
        """Upsert an article version's records, with analyst edits re-applied (not merged yet)."""
        edits = self.record_edits([r["event_id"] for r in records])
        rows = []
        for rec in records:
            eff = overlay(rec, edits.get(rec["event_id"], ()), report=True)
            rows.append((rec["event_id"], art.id, digest, eff.get("kind", "event"),
                         *record_columns(eff), dumps(summarize(eff)), dumps(dict(rec)),
                         dumps(eff), str(rec.get("pipeline_version") or "")))
        cols = ", ".join(RECORD_COLUMNS)
        updates = ", ".join(f"{c} = excluded.{c}" for c in
                            ("kind", *RECORD_COLUMNS, "summary", "extracted", "data",
                             "pipeline_version"))
        self.db.executemany(
            f"INSERT INTO records (event_id, article_id, content_hash, kind, is_current, {cols}, "
            f"summary, extracted, data, pipeline_version) VALUES (?, ?, ?, ?, 1, "
            f"{', '.join('?' * len(RECORD_COLUMNS))}, ?, ?, ?, ?) "
            f"ON CONFLICT (event_id) DO UPDATE SET is_current = 1, {updates}", rows)
        return len(rows)

    # --- reprocess
    def current_articles(self) -> Iterator[tuple[Article, str, str]]:
        """Every current article version with its stored pipeline version and status."""
        ids = [r["article_id"] for r in self.db.query(
            "SELECT article_id FROM articles WHERE is_current = 1 ORDER BY article_id")]
        for article_id in ids:
            row = self.db.query("SELECT * FROM articles WHERE article_id = ? AND is_current = 1",
                                (article_id,))[0]
            yield _article(row), row["pipeline_version"], row["status"]

    def reprocess(self, extractor: Extractor, *, force: bool = False,
                  on_article: Callable[[IngestResult], None] | None = None) -> dict[str, int]:
        """Re-run ``extractor`` on stored articles coded by another pipeline version.

        Analyst edits are kept: they are re-applied to the new records with the
        same event ids, and link and incident edits stay in force.
        """
        counts = {"articles": 0, "reprocessed": 0, "records": 0, "errors": 0}
        for art, version, status in self.current_articles():
            counts["articles"] += 1
            if version == extractor.version and status == "ok" and not force:
                continue
            result = self.replace(extractor.extract(art), extractor.version)
            counts["reprocessed"] += 1
            counts["records"] += result.records
            counts["errors"] += result.status == "error"
            if on_article:
                on_article(result)
        return counts

    def replace(self, ex: Extraction, pipeline_version: str) -> IngestResult:
        """Replace the records of a stored article version with a new extraction of it."""
        art, digest = ex.article, ex.article.content_hash
        with self.db.transaction():
            old = [r["event_id"] for r in self.db.query(
                "SELECT event_id FROM records WHERE article_id = ? AND content_hash = ?",
                (art.id, digest))]
            if not self.has_article(art.id, digest):
                raise StoreError("article version is not stored", article_id=art.id)
            self.db.execute("UPDATE records SET is_current = 0 WHERE article_id = ? AND "
                            "content_hash = ?", (art.id, digest))
            self.db.execute("UPDATE articles SET pipeline_version = ?, status = ?, error = ? "
                            "WHERE article_id = ? AND content_hash = ?",
                            (_version_of(ex, pipeline_version), "error" if ex.error else "ok",
                             dumps(ex.error.as_dict()) if ex.error else None, art.id, digest))
            n = self._put_records(art, digest, ex.records)
            self.merger.sync([art.id])  # records the new run did not find leave their incidents
            gone = sorted(set(old) - {r["event_id"] for r in ex.records})
            for part in chunks(gone):
                self.db.execute(f"DELETE FROM records WHERE event_id IN ({marks(len(part))})", part)
        return IngestResult(art.id, "error" if ex.error else "reprocessed", n,
                            error=str(ex.error) if ex.error else None)

    # --- inspection
    def counts(self) -> dict[str, int]:
        """Sizes of the store: articles, versions, records by kind, incidents, errors, edits."""
        q = self.db.scalar
        out = {"articles": q("SELECT count(*) FROM articles WHERE is_current = 1"),
               "versions": q("SELECT count(*) FROM articles"),
               "errors": q("SELECT count(*) FROM articles WHERE is_current = 1 AND status = 'error'"),
               "incidents": q("SELECT count(*) FROM incidents"),
               "edits": q("SELECT count(*) FROM edits")}
        for kind in ("event", "tally", "statement"):
            out[f"{kind}s" if kind != "tally" else "tallies"] = q(
                "SELECT count(*) FROM records WHERE is_current = 1 AND kind = ?", (kind,))
        return {k: int(v) for k, v in out.items()}

    def dump(self) -> dict[str, list[dict[str, Any]]]:
        """Every table's rows in a canonical order, without wall-clock columns (for comparisons)."""
        out = {}
        for table, order in TABLES.items():
            drop = VOLATILE.get(table, ())
            out[table] = [{k: v for k, v in row.items() if k not in drop}
                          for row in self.db.query(f"SELECT * FROM {table} ORDER BY {order}")]
        return out


def _version_of(ex: Extraction, pipeline_version: str) -> str:
    """The pipeline version, checked against the one each record carries."""
    for rec in ex.records:
        if rec.get("pipeline_version") not in (None, pipeline_version):
            raise StoreError(f"record {rec.get('event_id')} comes from pipeline "
                             f"{rec.get('pipeline_version')}, not {pipeline_version}",
                             article_id=ex.article.id)
    return pipeline_version


def _article(row: Mapping[str, Any]) -> Article:
    published = date.fromisoformat(row["published"]) if row["published"] else None
    return Article(row["article_id"], text_of(row["text"]), published, row["title"], row["outlet"],
                   row["url"], row["source"], MappingProxyType(loads(row["meta"]) or {}))
