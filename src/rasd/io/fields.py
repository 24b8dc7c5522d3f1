"""Turning one input row (a JSON object, a CSV row, a feed item) into an Article.

Every reader funnels through :func:`article_from_row`, so the same field rules
hold for every format: ``id`` and ``text`` are required, ``published`` is a
date (YYYY-MM-DD, an ISO datetime, or an RFC 822 date as RSS writes it),
``title``/``outlet``/``url`` are optional strings, and any other key is kept in
``Article.meta``.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from types import MappingProxyType
from typing import Any, Mapping

from ..document import Article
from ..errors import EmptyTextError, InputError, InvalidDateError, MissingIdError

#: keys that become Article attributes; everything else goes to ``meta``
KNOWN_KEYS: frozenset[str] = frozenset({"id", "text", "published", "title", "outlet", "url"})

#: publication years outside this range are typing errors, not news
YEARS = range(1900, 2101)

_ISO_PREFIX = re.compile(r"\d{4}-\d{2}-\d{2}")

#: anything a reader yields for one item
ReadItem = Article | InputError


def parse_published(value: Any) -> date | None:
    """A publication date from a string (ISO date/datetime or RFC 822) or a date.

    Empty values give None. The date is the one written, in the writer's own
    time zone: converting to UTC would move late-evening articles to the next
    day and shift every relative date ("أمس") resolved against it.
    Raises ValueError with the reason when the value is not a usable date.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return _plausible(value.date(), value)
    if isinstance(value, date):
        return _plausible(value, value)
    if not isinstance(value, str):
        raise ValueError(f"expected a date string, got {type(value).__name__} {value!r}")
    text = value.strip()
    parsed = _parse_iso(text) if _ISO_PREFIX.match(text) else None
    if parsed is None:
        parsed = _parse_rfc822(text)
    if parsed is None:
        raise ValueError(f"not a date (want YYYY-MM-DD or an ISO datetime): {value!r}")
    return _plausible(parsed, value)


def _parse_iso(text: str) -> date | None:
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text).date()
    except ValueError:
        return None


def _parse_rfc822(text: str) -> date | None:
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def _plausible(day: date, raw: Any) -> date:
    if day.year not in YEARS:
        raise ValueError(f"implausible publication year {day.year} in {raw!r}")
    return day


def _opt_str(value: Any) -> str | None:
    if value is None:
        return None
    text = value if isinstance(value, str) else str(value)
    return text.strip() or None


def _article_id(row: Mapping[str, Any], source: str) -> str:
    raw = row.get("id")
    if isinstance(raw, bool) or not isinstance(raw, (str, int)):
        if raw is None:
            raise MissingIdError("missing id", source=source)
        raise MissingIdError(f"id must be a string or a number, got {type(raw).__name__}",
                             source=source)
    ident = str(raw).strip()
    if not ident:
        raise MissingIdError("empty id", source=source)
    return ident


def _article_text(row: Mapping[str, Any], ident: str, source: str) -> str:
    text = row.get("text")
    if text is None:
        raise EmptyTextError("missing text", article_id=ident, source=source)
    if not isinstance(text, str):
        raise InputError(f"text must be a string, got {type(text).__name__}",
                         article_id=ident, source=source)
    if not text.strip():
        raise EmptyTextError("empty text", article_id=ident, source=source)
    return text


def article_from_row(row: Mapping[str, Any], source: str,
                     default_published: date | None = None) -> Article:
    """Validate one row and build its Article; raises the InputError that names it.

    ``default_published`` is used when the row has no date of its own (the
    ``--published`` option); a date that is present but wrong is an error,
    never silently replaced.
    """
    ident = _article_id(row, source)
    text = _article_text(row, ident, source)
    try:
        published = parse_published(row.get("published"))
    except ValueError as exc:
        raise InvalidDateError(f"bad published date: {exc}", article_id=ident,
                               source=source) from exc
    meta = {k: v for k, v in row.items() if k not in KNOWN_KEYS}
    return Article(
        id=ident, text=text,
        published=published if published is not None else default_published,
        title=_opt_str(row.get("title")), outlet=_opt_str(row.get("outlet")),
        url=_opt_str(row.get("url")), source=source,
        meta=MappingProxyType(meta))


def item_from_row(row: Mapping[str, Any], source: str,
                  default_published: date | None = None) -> ReadItem:
    """Like :func:`article_from_row`, but the error is returned, not raised."""
    try:
        return article_from_row(row, source, default_published)
    except InputError as exc:
        return exc
