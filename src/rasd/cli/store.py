"""``rasd ingest``, ``rasd db upgrade|status`` and ``rasd reprocess``: the store's write side.

    rasd ingest data.jsonl pages/ --db rasd.db
    rasd ingest data.jsonl --db postgresql://localhost/rasd

Ingesting reads every input (:mod:`rasd.io`), extracts each article that is not
stored yet (:class:`rasd.extract.Extractor`) and stores it with its records,
merged into incidents (:class:`rasd.store.Store`), one transaction per article:
re-running the same command after an interruption finishes the job.

Exit status: 0 every article was stored; 1 some articles failed (the others
were stored); 2 usage error; 3 nothing could run (store or pipeline broken).
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Sequence

import click

from ..errors import InputError, RasdError, StoreError
from ..extract import Extractor
from ..io import ReadOptions, count_articles, read_inputs
from ..store import DEFAULT_DB, Store, migrate
from .progress import Progress

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_FATAL = 0, 1, 2, 3

db_option = click.option(
    "--db", "db_url", envvar="RASD_DB", default=DEFAULT_DB, show_default=True, metavar="DB",
    help="SQLite file, sqlite:///path or postgresql://... (env RASD_DB).")


@dataclass
class IngestSummary:
    """What an ingest run did."""

    articles: int = 0
    status: dict[str, int] = field(default_factory=lambda: {
        "new": 0, "version": 0, "unchanged": 0, "error": 0})
    records: int = 0
    errors: int = 0  # unreadable inputs plus failed extractions
    seconds: float = 0.0
    store: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        s, rate = self.status, self.articles / self.seconds if self.seconds > 0 else 0.0
        return [
            f"rasd ingest: {self.articles:,} articles read ({s['new']:,} new, {s['version']:,} new "
            f"versions, {s['unchanged']:,} already stored), {self.records:,} records, "
            f"{self.errors:,} errors in {self.seconds:.2f} s ({rate:,.0f} articles/s)",
            "store: " + ", ".join(f"{v:,} {k}" for k, v in self.store.items()),
        ]


def open_store(db_url: str, create: bool = False) -> Store:
    """Open the store (made empty only if ``create``) or exit with status 3 and the reason."""
    try:
        return Store.open(db_url, create=create)
    except RasdError as exc:
        click.echo(f"error {exc}", err=True)
        raise SystemExit(EXIT_FATAL) from exc


def run_ingest(inputs: Sequence[str], store: Store, extractor: Extractor, options: ReadOptions,
               progress: Progress) -> IngestSummary:
    """Read, extract what is new, store; errors are reported on ``progress``.

    The code path of ``rasd ingest`` (and of ``make run``).
    """
    started = time.perf_counter()
    summary = IngestSummary()
    for item in read_inputs(inputs, options):
        if isinstance(item, InputError):
            summary.errors += 1
            progress.write(f"error {item}")
            progress.update(errors=1)
            continue
        summary.articles += 1
        if store.has_article(item.id, item.content_hash):  # skip the extraction too
            summary.status["unchanged"] += 1
            progress.update()
            continue
        try:
            result = store.ingest(extractor.extract(item), extractor.version)
        except StoreError as exc:  # this article could not be stored; the others can
            summary.status["error"] += 1
            summary.errors += 1
            progress.write(f"error {exc}")
            progress.update(errors=1)
            continue
        summary.status[result.status] += 1
        summary.records += result.records
        if result.error:
            summary.errors += 1
            progress.write(f"error {result.error}")
        progress.update(errors=int(result.error is not None))
    summary.seconds = time.perf_counter() - started
    summary.store = store.counts()
    return summary


def _published(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def make_progress(show: bool | None, label: str, total: Callable[[], int | None]) -> Progress:
    """A progress line on stderr: shown on a terminal, or when asked (--progress)."""
    err = click.get_text_stream("stderr")
    enabled = show if show is not None else err.isatty()
    bar = Progress(total() if enabled else None, label, err, force=bool(show))
    if show is False:
        bar.enabled = False
    return bar


progress_option = click.option(
    "--progress/--no-progress", "show_progress", default=None,
    help="Progress line on stderr [default: when stderr is a terminal].")


@click.command("ingest")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@db_option
@click.option("--published", callback=_published, metavar="YYYY-MM-DD",
              help="Publication date of articles that carry none.")
@progress_option
def ingest(inputs: tuple[str, ...], db_url: str, published: date | None,
           show_progress: bool | None) -> None:
    """Extract articles and store them with their records, merged into incidents.

    Idempotent: articles already stored are skipped; a changed text for the
    same id becomes a new version.
    """
    with open_store(db_url, create=True) as store:
        try:
            extractor = Extractor()
            options = ReadOptions(published=published, stdin=click.get_binary_stream("stdin"))
            with make_progress(show_progress, "ingest", lambda: count_articles(inputs)) as bar:
                summary = run_ingest(inputs, store, extractor, options, bar)
        except RasdError as exc:
            click.echo(f"error {exc}", err=True)
            raise SystemExit(EXIT_FATAL) from exc
    for line in summary.lines():
        click.echo(line, err=True)
    raise SystemExit(EXIT_FAILED if summary.errors else EXIT_OK)


@click.group("db")
def db() -> None:
    """The store's schema: migrations and status."""


@db.command("upgrade")
@db_option
def db_upgrade(db_url: str) -> None:
    """Apply the missing numbered migrations."""
    from ..store.dialect import connect
    try:
        conn = connect(db_url)
        try:
            applied = migrate.upgrade(conn)
            version = migrate.current(conn)
        finally:
            conn.close()
    except RasdError as exc:
        click.echo(f"error {exc}", err=True)
        raise SystemExit(EXIT_FATAL) from exc
    done = ", ".join(f"{n:04d}" for n in applied) if applied else "none (up to date)"
    click.echo(f"applied: {done}; schema version {version}")


@db.command("status")
@db_option
def db_status(db_url: str) -> None:
    """Schema version and the size of the store."""
    with open_store(db_url) as store:
        click.echo(f"{store.db.target} ({store.db.kind}), schema version {store.schema_version}")
        for name, value in store.counts().items():
            click.echo(f"{name:>12}  {value:,}")


@click.command("reprocess")
@db_option
@click.option("--force", is_flag=True, help="Also re-run articles coded by this pipeline version.")
@progress_option
def reprocess(db_url: str, force: bool, show_progress: bool | None) -> None:
    """Re-run the current pipeline on stored articles, keeping analyst edits."""
    started = time.perf_counter()
    with open_store(db_url) as store:
        try:
            extractor = Extractor()
            with make_progress(show_progress, "reprocess", lambda: store.counts()["articles"]) as bar:
                def tick(result: object) -> None:
                    error = getattr(result, "error", None)
                    if error:
                        bar.write(f"error {error}")
                    bar.update(errors=int(bool(error)))
                counts = store.reprocess(extractor, force=force, on_article=tick)
        except RasdError as exc:
            click.echo(f"error {exc}", err=True)
            raise SystemExit(EXIT_FATAL) from exc
        totals = store.counts()
    click.echo(f"rasd reprocess ({extractor.version}): {counts['reprocessed']:,} of "
               f"{counts['articles']:,} articles re-run, {counts['records']:,} records, "
               f"{counts['errors']:,} errors in {time.perf_counter() - started:.2f} s", err=True)
    click.echo("store: " + ", ".join(f"{v:,} {k}" for k, v in totals.items()), err=True)
    raise SystemExit(EXIT_FAILED if counts["errors"] else EXIT_OK)


COMMANDS = [ingest, db, reprocess]
