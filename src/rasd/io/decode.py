"""Bytes → text with errors that say where the bad byte is."""
from __future__ import annotations

import codecs
import os
from pathlib import Path

from ..errors import DecodeError, UnreadableFileError

BOM = codecs.BOM_UTF8

#: inputs larger than this are refused rather than read into memory whole
MAX_FILE_BYTES = 256 * 1024 * 1024


def decode_utf8(data: bytes, source: str, *, base_offset: int = 0, line: int | None = None,
                encoding: str = "utf-8") -> str:
    """Decode strictly; on failure raise DecodeError naming the byte offset and line.

    ``base_offset`` and ``line`` locate ``data`` inside a larger file (a JSONL
    line); without ``line`` the line is counted inside ``data``.
    """
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        where = line if line is not None else data.count(b"\n", 0, exc.start) + 1
        bad = data[exc.start:exc.end].hex(" ")
        raise DecodeError(
            f"invalid {encoding.upper()} at byte offset {base_offset + exc.start} "
            f"(line {where}): bytes {bad}: {exc.reason}", source=source) from exc


def read_bytes(path: Path, source: str) -> bytes:
    """The whole file, or UnreadableFileError with the operating system's reason."""
    try:
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            raise UnreadableFileError(
                f"file is {size:,} bytes, more than the {MAX_FILE_BYTES:,} read whole; "
                "split it or convert it to JSONL, which is streamed", source=source)
        return path.read_bytes()
    except OSError as exc:
        raise UnreadableFileError(f"cannot read file: {exc.strerror or exc}",
                                  source=source) from exc


def strip_bom(data: bytes) -> bytes:
    return data[len(BOM):] if data.startswith(BOM) else data
