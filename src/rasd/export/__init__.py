"""Exports of record dicts (as made by ``rasd.extract.records_of``): JSONL, CSV
(ACLED's 2023 columns, then rasd's), GeoJSON, Parquet.

Shared by ``rasd extract`` and ``rasd export``::

    from rasd.export import open_writer
    with open_writer("csv", "out/events.csv") as w:
        for record in records:
            w.write(record)

A file is written under a temporary name and moved into place only when the
writer closes without error, so an interrupted run never leaves a truncated
file where a complete one was (``-`` writes to standard output instead).
"""
from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator, Mapping

from ..errors import ExportError
from .parquet import ParquetWriter
from .rows import COLUMNS, csv_cells, dumps, event_id_cnty, year_of
from .writers import CsvWriter, GeoJsonWriter, JsonlWriter, RecordWriter, feature, text_writer

#: every export format
FORMATS: tuple[str, ...] = ("jsonl", "csv", "geojson", "parquet")
#: file suffix → format, to infer ``--format`` from ``-o``
SUFFIXES: dict[str, str] = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
                            ".csv": "csv", ".geojson": "geojson", ".parquet": "parquet"}
STDOUT = "-"

__all__ = [
    "COLUMNS", "FORMATS", "CsvWriter", "GeoJsonWriter", "JsonlWriter", "ParquetWriter",
    "RecordWriter", "csv_cells", "dumps", "event_id_cnty", "feature", "format_for_path",
    "open_writer", "write_records", "year_of",
]


def format_for_path(target: str) -> str | None:
    """The format a file name implies (``events.csv`` → csv), or None."""
    return SUFFIXES.get(Path(target).suffix.lower()) if target != STDOUT else None


class _Sink:
    """Where a writer's bytes go: stdout, or a temporary file renamed on commit."""

    def __init__(self, target: str, binary: bool, stdout: BinaryIO | None) -> None:
        self.target, self.tmp = target, None
        if target == STDOUT:
            # Why a wrapper: sys.stdout's encoding follows the locale (ASCII
            # under LANG=C); records are UTF-8 whatever the terminal says.
            raw = stdout if stdout is not None else sys.stdout.buffer
            self.stream: Any = io.TextIOWrapper(raw, encoding="utf-8", newline="",
                                                write_through=True)
            return
        path = Path(target)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, self.tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part",
                                            dir=path.parent)
        except OSError as exc:
            raise ExportError(f"cannot write {target}: {exc.strerror or exc}") from exc
        self.stream = os.fdopen(fd, "wb") if binary else \
            os.fdopen(fd, "w", encoding="utf-8", newline="")

    def commit(self) -> None:
        try:
            if self.tmp is None:
                self.stream.flush()
                self.stream.detach()  # leave stdout open for whoever owns it
                return
            self.stream.close()
            os.chmod(self.tmp, _file_mode(Path(self.target)))
            os.replace(self.tmp, self.target)
        except OSError as exc:
            self.abort()
            raise ExportError(f"cannot write {self.target}: {exc.strerror or exc}") from exc

    def abort(self) -> None:
        if self.tmp is None:
            with contextlib.suppress(ValueError, OSError):
                self.stream.flush()
                self.stream.detach()
            return
        with contextlib.suppress(OSError):
            self.stream.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.tmp)


def _file_mode(target: Path) -> int:
    """The mode the file would have had if opened plainly: mkstemp's 0600
    would make a shared output unreadable to the rest of the team."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


@contextlib.contextmanager
def open_writer(fmt: str, target: str | Path = STDOUT, *,
                stdout: BinaryIO | None = None) -> Iterator[RecordWriter]:
    """A writer of ``fmt`` to a file (written atomically) or to stdout (``-``).

    Failing to open or to finish the file raises ExportError; an error inside
    the ``with`` block leaves any earlier file at ``target`` untouched.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    target = str(target)
    if fmt == "parquet" and target == STDOUT:
        raise ExportError("parquet is a binary format: give an output file (-o FILE.parquet)")
    sink = _Sink(target, fmt == "parquet", stdout)
    try:
        writer = ParquetWriter(sink.stream) if fmt == "parquet" \
            else text_writer(fmt, sink.stream)
        yield writer
        writer.close()
    except BaseException:
        sink.abort()
        raise
    sink.commit()


def write_records(records: Iterable[Mapping[str, Any]], fmt: str,
                  target: str | Path = STDOUT) -> int:
    """Write every record; returns how many were written."""
    with open_writer(fmt, target) as writer:
        for record in records:
            writer.write(record)
    return writer.count
