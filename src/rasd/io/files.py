"""One article per file: plain text (``.txt``) and HTML pages (``.html``).

The article id is the file's stem; the publication date comes from the page's
metadata (HTML) or from ``--published``.
"""
from __future__ import annotations

import codecs
import re
from datetime import date
from pathlib import Path
from typing import Iterator

from ..document import Article
from ..errors import InputError, InvalidDateError
from .decode import decode_utf8, read_bytes, strip_bom
from .fields import ReadItem, article_from_row, parse_published
from .htmlpage import parse_html

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)


def read_text(path: Path, published: date | None = None,
              name: str | None = None) -> Iterator[ReadItem]:
    """The whole file as one article (id = file stem)."""
    name = name or str(path)
    try:
        yield text_article(read_bytes(path, name), path.stem, name, published)
    except InputError as exc:
        yield exc


def text_article(data: bytes, ident: str, source: str, published: date | None = None) -> Article:
    """Plain UTF-8 text as one article; raises the InputError naming it."""
    return article_from_row({"id": ident, "text": decode_utf8(strip_bom(data), source)}, source, published)


def page_charset(data: bytes) -> str:
    """The encoding a page declares in its first 2 KB (Arabic sites still use
    windows-1256), or utf-8 when it declares none Python knows."""
    m = _CHARSET.search(data[:2048])
    if not m:
        return "utf-8"
    name = m.group(1).decode("ascii").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return "utf-8"


def article_from_html(data: bytes, ident: str, source: str, published: date | None = None,
                      url: str | None = None) -> Article:
    """Decode and parse one page into an Article; raises the InputError naming it."""
    data = strip_bom(data)
    page = parse_html(decode_utf8(data, source, encoding=page_charset(data)))
    row = {"id": ident, "text": page.text, "title": page.title, "outlet": page.outlet,
           "url": page.url or url, "published": _page_date(page.published, ident, source)}
    return article_from_row(row, source, published)


def _page_date(candidates: list[str], ident: str, source: str) -> str | None:
    """The first candidate that is a date. Pages repeat the date in several
    tags, some in local formats; only when none of them parses is it an error."""
    for candidate in candidates:
        try:
            if parse_published(candidate) is not None:
                return candidate
        except ValueError:
            continue
    if candidates:
        raise InvalidDateError(f"no usable publication date in the page's metadata "
                               f"(found {candidates[0]!r})", article_id=ident, source=source)
    return None


def read_html(path: Path, published: date | None = None,
              name: str | None = None) -> Iterator[ReadItem]:
    """One HTML page as one article (id = file stem)."""
    name = name or str(path)
    try:
        yield article_from_html(read_bytes(path, name), path.stem, name, published)
    except InputError as exc:
        yield exc
