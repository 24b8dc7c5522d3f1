"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds, from files or http(s) URLs.

Parsed with the standard library's ``xml.etree.ElementTree`` rather than
feedparser: we need six fields per item, the stdlib parser does not resolve
external entities, and its bundled expat refuses entity-expansion bombs, so a
dependency would add nothing but weight. Item bodies (description,
content:encoded, Atom content) are HTML and go through the HTML text extractor.

A URL is fetched with urllib (a timeout, a size limit, a clear error): this is
input the user asked for, not a download of models or data. A URL that serves
an HTML page instead of a feed is read as one article.
"""
from __future__ import annotations

import re
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import Iterator

from .. import __version__
from ..errors import InputError, MalformedLineError, UnreadableFileError
from .decode import read_bytes, strip_bom
from .fields import ReadItem, item_from_row
from .files import article_from_html
from .htmlpage import html_to_text

ATOM = "{http://www.w3.org/2005/Atom}"
RSS1 = "{http://purl.org/rss/1.0/}"
RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
DC = "{http://purl.org/dc/elements/1.1/}"

#: a feed or page larger than this is refused
MAX_FETCH_BYTES = 32 * 1024 * 1024
DEFAULT_TIMEOUT = 30.0

_FEED_ROOT = re.compile(rb"(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*<(?:rss|feed|rdf:RDF)\b",
                        re.I | re.S)


def _text(el: ET.Element | None) -> str | None:
    if el is None:
        return None
    text = "".join(el.itertext()).strip()
    return text or None


def _body(*candidates: ET.Element | None) -> str:
    """Plain text of the first non-empty body element (its content is HTML)."""
    for el in candidates:
        if el is None:
            continue
        if len(el):  # Atom type="xhtml": real child elements, not escaped markup
            markup = "".join(ET.tostring(child, encoding="unicode") for child in el)
        else:
            markup = el.text or ""
        if el.get("type") == "text":
            text = markup.strip()
        else:
            text = html_to_text(markup)
        if text:
            return text
    return ""


def _rss_item(item: ET.Element, ns: str) -> dict:
    link = _text(item.find(f"{ns}link"))
    return {"id": _text(item.find(f"{ns}guid")) or item.get(f"{RDF}about") or link,
            "title": _text(item.find(f"{ns}title")), "url": link,
            "published": _text(item.find(f"{ns}pubDate")) or _text(item.find(f"{DC}date")),
            "text": _body(item.find(f"{CONTENT}encoded"), item.find(f"{ns}description"))}


def _atom_link(entry: ET.Element) -> str | None:
    for link in entry.findall(f"{ATOM}link"):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link.get("href")
    return None


def _atom_entry(entry: ET.Element) -> dict:
    link = _atom_link(entry)
    return {"id": _text(entry.find(f"{ATOM}id")) or link,
            "title": _text(entry.find(f"{ATOM}title")), "url": link,
            "published": _text(entry.find(f"{ATOM}published"))
            or _text(entry.find(f"{ATOM}updated")),
            "text": _body(entry.find(f"{ATOM}content"), entry.find(f"{ATOM}summary"))}


def feed_rows(root: ET.Element, name: str) -> list[dict]:
    """The item rows of a parsed feed, each with its outlet (the feed's title)."""
    if root.tag == "rss":
        channel = root.find("channel")
        outlet = _text(channel.find("title")) if channel is not None else None
        rows = [_rss_item(i, "") for i in root.iter("item")]
    elif root.tag == f"{ATOM}feed":
        outlet = _text(root.find(f"{ATOM}title"))
        rows = [_atom_entry(e) for e in root.findall(f"{ATOM}entry")]
    elif root.tag == f"{RDF}RDF":
        outlet = _text(root.find(f"{RSS1}channel/{RSS1}title"))
        rows = [_rss_item(i, RSS1) for i in root.findall(f"{RSS1}item")]
    else:
        raise UnreadableFileError(f"not an RSS or Atom feed (root element <{root.tag}>)",
                                  source=name)
    for row in rows:
        row["outlet"] = outlet
    return rows


def parse_feed(data: bytes, name: str, published: date | None = None) -> Iterator[ReadItem]:
    """Articles from the bytes of a feed; the source of item ``n`` is ``name#n``."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        line, col = exc.position
        yield MalformedLineError(f"malformed XML: {exc} (column {col})",
                                 source=f"{name}:{line}")
        return
    try:
        rows = feed_rows(root, name)
    except InputError as exc:
        yield exc
        return
    for n, row in enumerate(rows, 1):
        yield item_from_row(row, f"{name}#{n}", published)


def read_feed(path: Path, published: date | None = None,
              name: str | None = None) -> Iterator[ReadItem]:
    """Articles from an RSS/Atom file."""
    name = name or str(path)
    try:
        data = read_bytes(path, name)
    except InputError as exc:
        yield exc
        return
    yield from parse_feed(data, name, published)


def looks_like_feed(data: bytes) -> bool:
    """True when the document's root element (after any prolog) is a feed's."""
    return _FEED_ROOT.match(strip_bom(data[:4096])) is not None


def fetch(url: str, timeout: float = DEFAULT_TIMEOUT) -> bytes:
    """The body of an http(s) URL, or UnreadableFileError with the reason."""
    request = urllib.request.Request(url, headers={"User-Agent": f"rasd/{__version__}"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(MAX_FETCH_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise UnreadableFileError(f"cannot fetch URL: HTTP {exc.code} {exc.reason}",
                                  source=url) from exc
    except urllib.error.URLError as exc:
        raise UnreadableFileError(f"cannot fetch URL: {exc.reason}", source=url) from exc
    except (TimeoutError, OSError) as exc:  # a read that times out after connecting
        raise UnreadableFileError(f"cannot fetch URL: {exc}", source=url) from exc
    if len(data) > MAX_FETCH_BYTES:
        raise UnreadableFileError(f"response larger than {MAX_FETCH_BYTES:,} bytes", source=url)
    return data


def read_url(url: str, published: date | None = None,
             timeout: float = DEFAULT_TIMEOUT) -> Iterator[ReadItem]:
    """Articles of a feed URL, or the page at the URL as one article."""
    try:
        data = fetch(url, timeout)
        if not looks_like_feed(data):
            yield article_from_html(data, url, url, published, url=url)
            return
    except InputError as exc:
        yield exc
        return
    yield from parse_feed(data, url, published)
