"""CSV reader: header required, one article per row, bad rows named by line."""
from __future__ import annotations

from datetime import date

from rasd.document import Article
from rasd.errors import DecodeError, EmptyTextError, MalformedLineError
from rasd.io import read_csv

HEADER = "id,published,title,text,section\r\n"


def test_rows_become_articles_with_meta_and_start_line(write):
    path = write("a.csv", HEADER
                 + 'a1,2016-11-18,عنوان,"قتل خمسة مدنيين،\nبينهم طفلان",أخبار\r\n'
                 + "a2,,,انفجار عبوة ناسفة في بغداد,محليات\r\n")
    a1, a2 = read_csv(path)
    assert a1.text == "قتل خمسة مدنيين،\nبينهم طفلان"
    assert (a1.published, a1.title, dict(a1.meta)) == (date(2016, 11, 18), "عنوان",
                                                      {"section": "أخبار"})
    assert a1.source == f"{path}:2"
    assert a2.source == f"{path}:4"  # the quoted newline made row 1 two lines long
    assert a2.published is None and a2.title is None


def test_header_without_text_column_is_one_error(write):
    path = write("noheader.csv", "a1,قتل خمسة\r\na2,قتل ستة\r\n")
    [err] = list(read_csv(path))
    assert isinstance(err, MalformedLineError)
    assert err.source == f"{path}:1" and "missing id, text" in err.message


def test_bad_rows_are_named_and_the_others_read(write):
    path = write("b.csv", HEADER
                 + "a1,,,قصف على حلب,x\r\n"
                 + "a2,,,نص,x,زيادة\r\n"
                 + "a3,,,,x\r\n"
                 + "a4,,,غارة على إدلب,x\r\n")
    items = list(read_csv(path))
    assert [type(i) for i in items] == [Article, MalformedLineError, EmptyTextError, Article]
    assert items[1].source == f"{path}:3" and "6 fields, the header 5" in items[1].message
    assert items[2].source == f"{path}:4" and items[2].article_id == "a3"


def test_invalid_utf8_row_is_named_by_line_and_skipped(write):
    path = write("c.csv", HEADER.encode() + "a1,,,قصف,x\r\n".encode()
                 + b"a2,,,\xd9\xff,x\r\n" + "a3,,,غارة,x\r\n".encode())
    a1, err, a3 = read_csv(path)
    assert isinstance(err, DecodeError)
    assert err.source == f"{path}:3" and "0xd9" in err.message and "'text'" in err.message
    assert (a1.id, a3.id) == ("a1", "a3")


def test_bom_before_header_is_ignored(write):
    path = write("bom.csv", "\ufeffid,text\nz,نص قصير\n")
    [article] = list(read_csv(path))
    assert article.id == "z"
