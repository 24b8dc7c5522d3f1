"""HTML input: the article body, title, date, outlet and URL of a news page.

Built on the standard library's ``html.parser`` rather than BeautifulSoup or
lxml: we need only paragraph text and a few meta tags, a tolerant tokenizer
is enough for that, and it keeps rasd free of a parser dependency.

Body text: the ``<p>`` paragraphs inside ``<article>``; else the text of
``<article>``; else every ``<p>`` of the page; else the page's text. Scripts,
styles, navigation, headers, footers, asides and forms are skipped.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

#: elements whose content is never article text (none of them is void)
SKIP: frozenset[str] = frozenset({
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form",
    "template", "svg", "iframe", "button", "select", "figcaption"})
#: elements that end a line of text
BLOCK: frozenset[str] = frozenset({
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "section", "article", "table", "ul", "ol", "pre", "hr", "dd", "dt"})
#: block elements without content: a line break inside a paragraph, not its end
VOID: frozenset[str] = frozenset({"br", "hr"})
#: meta names/properties that carry the publication date, best first
DATE_KEYS: tuple[str, ...] = (
    "article:published_time", "og:published_time", "datepublished", "pubdate",
    "publishdate", "publish-date", "date", "dc.date.issued", "dc.date", "dcterms.created",
    "sailthru.date", "parsely-pub-date")

_SPACE = re.compile(r"\s+")


@dataclass
class HtmlPage:
    """What was found in one page."""

    text: str = ""
    title: str | None = None
    published: list[str] = field(default_factory=list)  # candidate date strings, best first
    outlet: str | None = None
    url: str | None = None


def _squash(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


class _PageParser(HTMLParser):
    """One pass over the page collecting paragraphs, metadata and fallbacks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = 0          # depth inside SKIP elements
        self.in_article = 0    # depth inside <article>
        self.capture: str | None = None  # "p", "title", "h1" or "ldjson" while inside one
        self.buf: list[str] = []
        self.paras: list[tuple[str, bool]] = []  # (text, inside <article>)
        self.article_text: list[str] = []
        self.page_text: list[str] = []
        self.meta: dict[str, str] = {}
        self.title: str | None = None
        self.h1: list[tuple[str, bool]] = []
        self.times: list[str] = []
        self.ldjson: list[str] = []
        self.canonical: str | None = None

    # -- tags ---------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            self._meta(a)
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self.canonical = self.canonical or a.get("href") or None
        elif tag == "script" and "ld+json" in a.get("type", "").lower():
            self._begin("ldjson")
        if tag in SKIP:
            self.skip += 1
            return
        if self.skip:
            return
        if tag == "article":
            self.in_article += 1
        if tag in BLOCK:
            self._newline()
        if tag == "p" or (tag in BLOCK and tag not in VOID and self.capture == "p"):
            self._begin("p")  # a block inside <p> closes it (as browsers do) and goes on
        elif tag in ("title", "h1") and self.capture is None:
            self._begin(tag)
        elif tag == "time" and a.get("datetime") and self.in_article:
            self.times.append(a["datetime"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self.capture == "ldjson":
            self.ldjson.append("".join(self.buf))
            self.capture = None
        if tag in SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if tag == self.capture or (tag in BLOCK and tag not in VOID and self.capture == "p"):
            self._end()
        if tag in BLOCK:
            self._newline()
        if tag == "article":
            self.in_article = max(0, self.in_article - 1)

    def handle_data(self, data: str) -> None:
        if self.capture == "ldjson":
            self.buf.append(data)
            return
        if self.skip:
            return
        if self.capture is not None:
            self.buf.append(data)
        if self.capture != "title":
            self.page_text.append(data)
            if self.in_article:
                self.article_text.append(data)

    # -- helpers ------------------------------------------------------------
    def _meta(self, a: dict[str, str]) -> None:
        key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
        if key and a.get("content") and key not in self.meta:
            self.meta[key] = a["content"]

    def _begin(self, what: str) -> None:
        if self.capture == "p":
            self._end()  # an unclosed <p> ends where the next block starts
        self.capture, self.buf = what, []

    def _end(self) -> None:
        text = _squash("".join(self.buf))
        what, self.capture, self.buf = self.capture, None, []
        if not text:
            return
        if what == "p":
            self.paras.append((text, bool(self.in_article)))
        elif what == "title" and self.title is None:
            self.title = text
        elif what == "h1":
            self.h1.append((text, bool(self.in_article)))

    def _newline(self) -> None:
        if self.capture in ("p", "h1"):
            self.buf.append(" ")  # <br> inside a paragraph or headline separates words
        self.page_text.append("\n")
        if self.in_article:
            self.article_text.append("\n")


def _lines(chunks: list[str]) -> str:
    return "\n".join(s for s in (_squash(x) for x in "".join(chunks).split("\n")) if s)


def _ld_dates(blobs: list[str]) -> list[str]:
    """datePublished values of JSON-LD blocks (objects, lists or @graph)."""
    out: list[str] = []
    for blob in blobs:
        try:
            data = json.loads(blob)
        except json.JSONDecodeError:
            continue  # broken JSON-LD is common and only a hint: the page still reads
        stack = [data]
        while stack:
            node = stack.pop()
            if isinstance(node, list):
                stack.extend(reversed(node))
            elif isinstance(node, dict):
                if isinstance(node.get("datePublished"), str):
                    out.append(node["datePublished"])
                if isinstance(node.get("@graph"), list):
                    stack.extend(reversed(node["@graph"]))
    return out


def parse_html(markup: str) -> HtmlPage:
    """Extract the article text and metadata of one HTML page."""
    p = _PageParser()
    p.feed(markup)
    p.close()
    if p.capture in ("p", "title", "h1"):
        p._end()
    in_article = [t for t, inside in p.paras if inside]
    if in_article:
        text = "\n".join(in_article)
    else:
        text = _lines(p.article_text) or "\n".join(t for t, _ in p.paras) or _lines(p.page_text)
    # the article's own headline beats og:title, which beats <title> (often
    # suffixed with the site name); a stray <h1> elsewhere comes last
    title = (next((t for t, inside in p.h1 if inside), None) or p.meta.get("og:title")
             or p.title or next((t for t, _ in p.h1), None))
    dates = [p.meta[k] for k in DATE_KEYS if k in p.meta] + _ld_dates(p.ldjson) + p.times
    return HtmlPage(text=text, title=title, published=dates,
                    outlet=p.meta.get("og:site_name"),
                    url=p.canonical or p.meta.get("og:url"))


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed item's description)."""
    return parse_html(fragment).text
