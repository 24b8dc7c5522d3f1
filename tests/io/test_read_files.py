"""One article per file: plain text and HTML pages."""
from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from rasd.document import Article
from rasd.errors import DecodeError, EmptyTextError, InvalidDateError
from rasd.io import parse_html, read_html, read_text

BODY1 = "قالت مصادر محلية إن غارة جوية استهدفت سوقاً شعبية في بلدة سراقب."
BODY2 = "وأضافت المصادر أن عدد القتلى مرشح للارتفاع بسبب وجود جرحى في حالة خطرة."

PAGE = f"""<!doctype html>
<html lang="ar"><head>
<meta charset="utf-8">
<title>غارة على سراقب - موقع الأخبار</title>
<meta property="og:site_name" content="موقع الأخبار">
<meta property="article:published_time" content="2017-03-14T09:20:00+03:00">
<link rel="canonical" href="https://news.example/2017/saraqib">
<script>var ads = "<p>not text</p>";</script>
<style>p {{ color: red }}</style>
</head><body>
<nav><p>الرئيسية</p><p>سياسة</p></nav>
<article>
  <h1>غارة جوية على سراقب</h1>
  <p>{BODY1}</p>
  <aside><p>اقرأ أيضاً: خبر آخر</p></aside>
  <p>{BODY2}
</article>
<footer><p>جميع الحقوق محفوظة</p></footer>
</body></html>"""


def test_txt_file_is_one_article_named_by_its_stem(write):
    path = write("notes/saraqib-1.txt", BODY1 + "\n" + BODY2)
    [article] = list(read_text(path, published=date(2017, 3, 14)))
    assert article.id == "saraqib-1"
    assert article.text == BODY1 + "\n" + BODY2
    assert article.published == date(2017, 3, 14)
    assert article.source == str(path)


def test_empty_txt_file_is_an_error_naming_the_file(write):
    path = write("blank.txt", "\n \n")
    [err] = list(read_text(path))
    assert isinstance(err, EmptyTextError)
    assert str(err) == f"[RASD101] {path}: article blank: empty text"


def test_txt_with_invalid_utf8_names_the_byte(write):
    path = write("bad.txt", "سطر أول\n".encode() + b"ab\xc3(")
    [err] = list(read_text(path))
    assert isinstance(err, DecodeError)
    offset = len("سطر أول\n".encode()) + 2
    assert f"byte offset {offset} (line 2)" in err.message


def test_html_article_body_title_date_outlet_url(write):
    [article] = list(read_html(write("saraqib.html", PAGE)))
    assert isinstance(article, Article)
    assert article.text == BODY1 + "\n" + BODY2  # nav, aside, footer, script skipped
    assert article.title == "غارة جوية على سراقب"
    assert article.published == date(2017, 3, 14)
    assert article.outlet == "موقع الأخبار"
    assert article.url == "https://news.example/2017/saraqib"
    assert article.id == "saraqib"


def test_page_without_article_element_uses_its_paragraphs():
    page = parse_html(f"<html><body><div class=menu>قائمة</div><p>{BODY1}</p>"
                      f"<div><p>{BODY2}</p></div><title>ت</title></body></html>")
    assert page.text == BODY1 + "\n" + BODY2


def test_page_without_paragraphs_uses_its_text_lines():
    page = parse_html(f"<body><div>{BODY1}</div><div>{BODY2}<br>سطر ثالث</div>"
                      "<script>x()</script></body>")
    assert page.text.split("\n") == [BODY1, BODY2, "سطر ثالث"]


def test_json_ld_date_is_used_when_meta_tags_have_none(write):
    markup = ('<html><head><script type="application/ld+json">{"@graph": '
              '[{"@type": "NewsArticle", "datePublished": "2015-05-22T13:00:00Z"}]}</script>'
              f"</head><body><p>{BODY1}</p></body></html>")
    [article] = list(read_html(write("ld.html", markup)))
    assert article.published == date(2015, 5, 22)


def test_page_with_only_a_garbage_date_is_an_invalid_date_error(write):
    markup = f'<meta name="date" content="قبل ساعتين"><p>{BODY1}</p>'
    [err] = list(read_html(write("d.html", markup)))
    assert isinstance(err, InvalidDateError) and err.article_id == "d"


def test_declared_windows_1256_page_is_decoded(write):
    markup = f'<html><head><meta charset="windows-1256"></head><body><p>{BODY1}</p></body></html>'
    [article] = list(read_html(write("cp.html", markup.encode("cp1256"))))
    assert article.text == BODY1


def test_entities_are_decoded_and_space_collapsed():
    page = parse_html("<p>قصف   على\n حلب &amp; إدلب&nbsp;اليوم</p>")
    assert page.text == "قصف على حلب & إدلب اليوم"


def test_line_break_inside_a_paragraph_keeps_both_lines():
    assert parse_html("<p>قصف<br/>على حلب<br>اليوم</p>").text == "قصف على حلب اليوم"


def test_block_inside_a_paragraph_loses_no_text():
    page = parse_html(f"<article><p>{BODY1}<div>{BODY2}</div></p></article>")
    assert page.text == BODY1 + "\n" + BODY2


@given(st.text(alphabet=st.characters(blacklist_characters="<&", blacklist_categories=("Cs",))))
def test_paragraph_text_is_kept_whitespace_squashed(text):
    assert parse_html(f"<p>{text}</p>").text == " ".join(text.split())


@given(st.text())
def test_any_markup_parses_without_raising(markup):
    assert isinstance(parse_html(markup).text, str)
