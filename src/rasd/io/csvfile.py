"""CSV input: a header row naming the columns (``id``, ``text``, optional
``published``, ``title``, ``outlet``, ``url``; others go to ``meta``), then one
article per row.

The file is streamed with ``errors="surrogateescape"`` so that one row with
invalid UTF-8 is reported (by its line) and skipped instead of aborting the
whole file, as strict decoding inside the csv module would.
"""
from __future__ import annotations

import csv
import re
import sys
from datetime import date
from pathlib import Path
from typing import Iterator

from ..errors import DecodeError, MalformedLineError, UnreadableFileError
from .fields import ReadItem, item_from_row

# Why: an article is one field; the csv module's default limit (128 KiB) would
# reject long articles. The limit is process-wide, so set it once, here.
csv.field_size_limit(min(sys.maxsize, 64 * 1024 * 1024))

_ESCAPED = re.compile("[\udc80-\udcff]")
REQUIRED: tuple[str, ...] = ("id", "text")


def read_csv(path: Path, published: date | None = None,
             name: str | None = None) -> Iterator[ReadItem]:
    """Articles from a CSV file with a header; each bad row is one error."""
    name = name or str(path)
    try:
        stream = open(path, encoding="utf-8-sig", errors="surrogateescape", newline="")
    except OSError as exc:
        yield UnreadableFileError(f"cannot open file: {exc.strerror or exc}", source=name)
        return
    with stream:
        try:
            yield from _rows(csv.DictReader(stream), name, published)
        except csv.Error as exc:
            yield MalformedLineError(f"malformed CSV: {exc}", source=name)
        except OSError as exc:
            yield UnreadableFileError(f"read failed: {exc.strerror or exc}", source=name)


def _rows(reader: csv.DictReader, name: str, published: date | None) -> Iterator[ReadItem]:
    header = reader.fieldnames
    missing = [c for c in REQUIRED if not header or c not in header]
    if missing:
        yield MalformedLineError(
            f"CSV header must name the columns {', '.join(REQUIRED)} "
            f"(missing {', '.join(missing)}; header is {header!r})", source=f"{name}:1")
        return
    width = len(header)
    for row in reader:
        source = f"{name}:{_first_line(reader, row)}"
        extra = row.pop(None, None)  # type: ignore[call-overload]
        if extra:
            yield MalformedLineError(
                f"row has {width + len(extra)} fields, the header {width}", source=source)
            continue
        bad = next((k for k, v in row.items() if v and _ESCAPED.search(v)), None)
        if bad is not None:
            byte = ord(_ESCAPED.search(row[bad]).group()) - 0xDC00  # type: ignore[union-attr]
            yield DecodeError(f"invalid UTF-8 (byte 0x{byte:02x}) in column {bad!r}",
                              source=source)
            continue
        yield item_from_row(row, source, published)


def _first_line(reader: csv.DictReader, row: dict) -> int:
    """The line a row starts on (``line_num`` is where it ends; quoted fields may
    hold newlines)."""
    inner = sum(v.count("\n") for v in row.values() if isinstance(v, str))
    return reader.line_num - inner
