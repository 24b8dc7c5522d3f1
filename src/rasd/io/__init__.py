"""Input readers: JSONL, CSV, plain text, HTML, RSS/Atom (files or URLs), folders, stdin.

Every reader yields, for each item, either an :class:`~rasd.document.Article`
or the :class:`~rasd.errors.InputError` that names the item and says what is
wrong with it; a bad item never stops the rest of the batch::

    from rasd.io import read_inputs, ReadOptions
    for item in read_inputs(["data.jsonl", "pages/"], ReadOptions(published=day)):
        if isinstance(item, InputError): report(item)
        else: process(item)

Only the standard library is used (json, csv, html.parser, xml.etree, urllib):
each format needs a handful of fields, and the stdlib parsers are tolerant
and safe enough for that (see the format modules for details).
"""
from __future__ import annotations

from .csvfile import read_csv
from .feeds import parse_feed, read_feed, read_url
from .fields import ReadItem, article_from_row, parse_published
from .files import read_html, read_text
from .htmlpage import HtmlPage, html_to_text, parse_html
from .jsonl import read_jsonl, read_jsonl_stream
from .sources import READERS, ReadOptions, count_articles, read_input, read_inputs

__all__ = [
    "READERS", "HtmlPage", "ReadItem", "ReadOptions", "article_from_row", "count_articles",
    "html_to_text", "parse_feed", "parse_html", "parse_published", "read_csv", "read_feed",
    "read_html", "read_input", "read_inputs", "read_jsonl", "read_jsonl_stream", "read_text",
    "read_url",
]
