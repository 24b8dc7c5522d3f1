"""RSS and Atom feeds, from files and from (local) http URLs."""
from __future__ import annotations

import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from rasd.document import Article
from rasd.errors import InvalidDateError, MalformedLineError, MissingIdError, UnreadableFileError
from rasd.io import read_feed, read_url

ITEM1 = "قتل أربعة جنود في هجوم على نقطة تفتيش جنوبي الموصل."
ITEM2 = "أصيب ستة أشخاص بانفجار سيارة مفخخة في مدينة عدن."

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>وكالة الأنباء</title>
<item><title>هجوم جنوبي الموصل</title><link>https://news.example/1</link>
  <guid>news-1</guid><pubDate>Tue, 08 Nov 2016 10:00:00 +0300</pubDate>
  <description>ملخص قصير</description>
  <content:encoded><![CDATA[<p>{ITEM1}</p><script>x()</script>]]></content:encoded></item>
<item><title>بلا معرف</title><description>نص</description></item>
<item><title>تاريخ خاطئ</title><link>https://news.example/3</link><pubDate>غداً</pubDate>
  <description>نص</description></item>
<item><link>https://news.example/4</link><description>&lt;p&gt;{ITEM2}&lt;/p&gt;</description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>موقع عدن</title>
<entry><id>tag:aden,2016:1</id><title>انفجار في عدن</title>
  <link rel="alternate" href="https://aden.example/1"/><link rel="edit" href="https://x/e"/>
  <published>2016-08-29T08:00:00+03:00</published>
  <content type="html">&lt;p&gt;{ITEM2}&lt;/p&gt;</content></entry>
<entry><id>tag:aden,2016:2</id><updated>2016-08-30T08:00:00Z</updated>
  <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>{ITEM1}</p></div></content></entry>
</feed>"""


def test_rss_items_with_errors_named_by_item(write):
    path = write("feed.xml", RSS)
    first, no_id, bad_date, last = read_feed(path)
    assert isinstance(first, Article)
    assert (first.id, first.url, first.title) == ("news-1", "https://news.example/1",
                                                  "هجوم جنوبي الموصل")
    assert first.text == ITEM1  # content:encoded wins over description; HTML stripped
    assert first.published == date(2016, 11, 8)
    assert first.outlet == "وكالة الأنباء"
    assert first.source == f"{path}#1"
    assert isinstance(no_id, MissingIdError) and no_id.source == f"{path}#2"
    assert isinstance(bad_date, InvalidDateError) and bad_date.source == f"{path}#3"
    assert (last.id, last.text) == ("https://news.example/4", ITEM2)


def test_atom_entries(write):
    a, b = read_feed(write("aden.atom", ATOM))
    assert (a.id, a.url, a.published, a.text) == ("tag:aden,2016:1", "https://aden.example/1",
                                                  date(2016, 8, 29), ITEM2)
    assert a.outlet == "موقع عدن"
    assert (b.published, b.text) == (date(2016, 8, 30), ITEM1)


def test_rss1_rdf_items(write):
    rdf = f"""<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
      xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://r.example/"><title>قناة</title></channel>
      <item rdf:about="https://r.example/9"><title>ت</title><link>https://r.example/9</link>
      <dc:date>2014-06-10</dc:date><description>{ITEM1}</description></item></rdf:RDF>"""
    [item] = list(read_feed(write("r.rss", rdf)))
    assert (item.id, item.published, item.text, item.outlet) == (
        "https://r.example/9", date(2014, 6, 10), ITEM1, "قناة")


def test_malformed_xml_is_one_error_naming_the_line(write):
    path = write("broken.xml", "<rss>\n<channel>\n<item><title>x</item>\n</rss>")
    [err] = list(read_feed(path))
    assert isinstance(err, MalformedLineError) and err.source == f"{path}:3"


def test_xml_that_is_not_a_feed_is_refused(write):
    [err] = list(read_feed(write("page.xml", "<html><body/></html>")))
    assert isinstance(err, UnreadableFileError) and "not an RSS or Atom feed" in err.message


class _Handler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, str, bytes]] = {}

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        status, ctype, body = self.routes.get(self.path, (404, "text/plain", b"no"))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server():
    _Handler.routes = {
        "/feed": (200, "application/rss+xml", RSS.encode()),
        "/page": (200, "text/html; charset=utf-8",
                  f"<html><head><meta name='pubdate' content='2016-08-29'></head>"
                  f"<body><article><p>{ITEM2}</p></article></body></html>".encode()),
    }
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_feed_url_is_fetched_and_its_items_named_by_url(server):
    items = list(read_url(f"{server}/feed", timeout=5))
    assert [type(i).__name__ for i in items] == ["Article", "MissingIdError",
                                                 "InvalidDateError", "Article"]
    assert items[0].source == f"{server}/feed#1"


def test_page_url_is_one_article_identified_by_its_url(server):
    [article] = list(read_url(f"{server}/page", timeout=5))
    assert (article.id, article.url, article.text) == (f"{server}/page", f"{server}/page", ITEM2)
    assert article.published == date(2016, 8, 29)


def test_http_error_names_the_url_and_status(server):
    [err] = list(read_url(f"{server}/missing", timeout=5))
    assert isinstance(err, UnreadableFileError)
    assert err.source == f"{server}/missing" and "HTTP 404" in err.message


def test_unreachable_url_is_an_error_not_a_crash():
    import socket
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    [err] = list(read_url(f"http://127.0.0.1:{port}/feed", timeout=2))
    assert isinstance(err, UnreadableFileError) and "cannot fetch URL" in err.message
