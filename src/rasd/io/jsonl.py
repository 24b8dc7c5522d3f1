"""JSON Lines input: one article object per line, streamed.

The file is read as bytes and decoded line by line, so a line with invalid
UTF-8 or broken JSON costs only that line, and its error names the file, the
line and (for bad bytes) the byte offset. Blank lines are skipped.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import BinaryIO, Iterator

from ..errors import InputError, MalformedLineError, UnreadableFileError
from .decode import BOM, decode_utf8
from .fields import ReadItem, item_from_row


def read_jsonl_stream(stream: BinaryIO, name: str,
                      published: date | None = None) -> Iterator[ReadItem]:
    """Articles (or the error of each bad line) from a binary JSONL stream."""
    offset = 0
    for lineno, raw in enumerate(stream, 1):
        start, offset = offset, offset + len(raw)
        if lineno == 1 and raw.startswith(BOM):
            raw, start = raw[len(BOM):], start + len(BOM)
        source = f"{name}:{lineno}"
        if not raw.strip():
            continue
        try:
            row = _parse_line(raw, source, start, lineno)
        except InputError as exc:
            yield exc
            continue
        yield item_from_row(row, source, published)


def _parse_line(raw: bytes, source: str, start: int, lineno: int) -> dict:
    text = decode_utf8(raw.rstrip(b"\r\n"), source, base_offset=start, line=lineno)
    try:
        row = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MalformedLineError(f"malformed JSON: {exc.msg} at column {exc.colno}",
                                 source=source) from exc
    if not isinstance(row, dict):
        raise MalformedLineError(f"expected a JSON object, got {type(row).__name__}",
                                 source=source)
    return row


def read_jsonl(path: Path, published: date | None = None,
               name: str | None = None) -> Iterator[ReadItem]:
    """Articles from a JSONL file; an unreadable file is one error."""
    name = name or str(path)
    try:
        stream = open(path, "rb")
    except OSError as exc:
        yield UnreadableFileError(f"cannot open file: {exc.strerror or exc}", source=name)
        return
    with stream:
        try:
            yield from read_jsonl_stream(stream, name, published)
        except OSError as exc:  # a disk or network-filesystem failure mid-file
            yield UnreadableFileError(f"read failed: {exc.strerror or exc}", source=name)
