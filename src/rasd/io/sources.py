"""Reading every kind of input named on the command line.

An input is a file (its reader chosen by extension, or by its first bytes
when the extension is unknown), a folder (read recursively, by extension,
in sorted order, hidden entries skipped), an http(s) URL (a feed or a page),
or ``-`` (standard input: JSONL, or one plain-text article).
"""
from __future__ import annotations

import io
import os
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator

from ..errors import InputError, UnreadableFileError
from .csvfile import read_csv
from .feeds import DEFAULT_TIMEOUT, looks_like_feed, read_feed, read_url
from .fields import ReadItem
from .files import read_html, read_text, text_article
from .jsonl import read_jsonl, read_jsonl_stream

Reader = Callable[..., Iterator[ReadItem]]

#: file extension → reader (folders are read by these extensions only)
READERS: dict[str, Reader] = {
    ".jsonl": read_jsonl, ".ndjson": read_jsonl, ".csv": read_csv, ".txt": read_text,
    ".html": read_html, ".htm": read_html, ".xml": read_feed, ".rss": read_feed,
    ".atom": read_feed,
}
STDIN = "-"


@dataclass(frozen=True)
class ReadOptions:
    """What applies to every input: the fallback date, the URL timeout, stdin."""

    published: date | None = None
    timeout: float = DEFAULT_TIMEOUT
    stdin: BinaryIO | None = None


def is_url(name: str) -> bool:
    return name.lower().startswith(("http://", "https://"))


def sniff_reader(path: Path) -> Reader:
    """A reader for a file whose extension says nothing, from its first bytes."""
    try:
        with open(path, "rb") as f:
            head = f.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        return read_text  # it will report the error when it opens the file
    if _is_jsonl(head):
        return read_jsonl
    if head.startswith(b"<"):
        return read_feed if looks_like_feed(head) else read_html
    return read_text


def folder_files(root: Path) -> list[Path]:
    """Readable files under ``root``, recursively, sorted by path, hidden entries skipped."""
    out: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            if not f.startswith(".") and Path(f).suffix.lower() in READERS:
                out.append(Path(folder, f))
    return sorted(out, key=lambda p: p.parts)


#: no fallback date, the default timeout, the process's stdin (frozen: safe as a default)
DEFAULTS = ReadOptions()


def read_input(name: str, options: ReadOptions = DEFAULTS) -> Iterator[ReadItem]:
    """Articles (or errors) from one input name."""
    if name == STDIN:
        yield from read_stdin(options.stdin or sys.stdin.buffer, options.published)
        return
    if is_url(name):
        yield from read_url(name, options.published, options.timeout)
        return
    path = Path(name)
    if path.is_dir():
        files = folder_files(path)
        if not files:
            yield UnreadableFileError(
                f"folder holds no readable files ({', '.join(sorted(READERS))})", source=name)
        for f in files:
            yield from READERS[f.suffix.lower()](f, options.published)
        return
    if not path.exists():
        yield UnreadableFileError("no such file or folder", source=name)
        return
    reader = READERS.get(path.suffix.lower()) or sniff_reader(path)
    yield from reader(path, options.published)


def read_stdin(stream: BinaryIO, published: date | None = None) -> Iterator[ReadItem]:
    """Standard input: JSONL when it starts with «{», else one plain-text article
    (id «stdin»: `echo "..." | rasd extract - --published 2016-11-18`)."""
    if not hasattr(stream, "peek"):  # (a test's BytesIO) look at its first bytes without using them
        stream = io.BufferedReader(stream)  # type: ignore[arg-type]
    if _is_jsonl(stream.peek(4096)):
        yield from read_jsonl_stream(stream, "<stdin>", published)
        return
    try:
        yield text_article(stream.read(), "stdin", "<stdin>", published)
    except InputError as exc:
        yield exc


def _is_jsonl(head: bytes) -> bool:
    """Do the first bytes of an input start a JSON object (after a BOM and blanks)?"""
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def read_inputs(names: Iterable[str], options: ReadOptions = DEFAULTS) -> Iterator[ReadItem]:
    """Articles (or errors) from every input, in order."""
    for name in names:
        yield from read_input(name, options)


def count_articles(names: Iterable[str]) -> int | None:
    """How many items the inputs hold, for a progress bar; None when that is
    unknown without reading them (stdin, URLs, CSV, feeds). JSONL lines are
    counted without parsing, so the figure may include lines that turn out bad."""
    total = 0
    for name in names:
        if name == STDIN or is_url(name):
            return None
        path = Path(name)
        files = folder_files(path) if path.is_dir() else [path]
        for f in files:
            n = _count_file(f)
            if n is None:
                return None
            total += n
    return total


def _count_file(path: Path) -> int | None:
    reader = READERS.get(path.suffix.lower())
    if reader in (read_text, read_html):
        return 1
    if reader is not read_jsonl:
        return None
    try:
        with open(path, "rb") as f:
            return sum(1 for line in f if line.strip())
    except OSError:
        return None
