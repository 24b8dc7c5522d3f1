"""JSONL reader: articles with their metadata; each bad line is one named error."""
from __future__ import annotations

import io
import json
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.document import Article
from rasd.errors import (DecodeError, EmptyTextError, InputError, InvalidDateError,
                         MalformedLineError, MissingIdError, UnreadableFileError)
from rasd.io import read_jsonl, read_jsonl_stream

TEXT = "قتل ثلاثة مدنيين بقصف على بلدة في ريف إدلب أمس"


def line(**row) -> str:
    return json.dumps(row, ensure_ascii=False) + "\n"


def test_reads_fields_metadata_and_source_line(write):
    path = write("a.jsonl", line(id="x1", text=TEXT, published="2016-11-18", title="عنوان",
                                 outlet="الشرق", url="http://e.org/1", lang="ar"))
    [article] = list(read_jsonl(path))
    assert isinstance(article, Article)
    assert (article.id, article.text, article.published) == ("x1", TEXT, date(2016, 11, 18))
    assert (article.title, article.outlet, article.url) == ("عنوان", "الشرق", "http://e.org/1")
    assert article.source == f"{path}:1"
    assert dict(article.meta) == {"lang": "ar"}


def test_iso_datetime_gives_its_own_calendar_day(write):
    path = write("a.jsonl", line(id=1, text=TEXT, published="2016-11-18T23:30:00+03:00"))
    [article] = list(read_jsonl(path))
    assert article.id == "1"
    assert article.published == date(2016, 11, 18)


def test_fallback_date_only_fills_rows_without_one(write):
    path = write("a.jsonl",
                 line(id="a", text=TEXT) + line(id="b", text=TEXT, published="2015-01-02"))
    a, b = read_jsonl(path, published=date(2020, 5, 5))
    assert a.published == date(2020, 5, 5)
    assert b.published == date(2015, 1, 2)


def test_each_bad_line_is_one_error_naming_the_line_and_the_batch_goes_on(write):
    content = (line(id="ok1", text=TEXT)
               + '{"id": "broken", "text": \n'
               + line(text=TEXT)
               + line(id="e", text="   ")
               + line(id="d", text=TEXT, published="18/11/2016")
               + "[1, 2]\n"
               + line(id="ok2", text=TEXT))
    path = write("batch.jsonl", content)
    items = list(read_jsonl(path))
    assert [type(i) for i in items] == [Article, MalformedLineError, MissingIdError,
                                        EmptyTextError, InvalidDateError, MalformedLineError,
                                        Article]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [e.source for e in errors] == [f"{path}:{n}" for n in (2, 3, 4, 5, 6)]
    assert "malformed JSON" in str(errors[0]) and f"{path}:2" in str(errors[0])
    assert "article e" in str(errors[2]) and "empty text" in str(errors[2])
    assert "article d" in str(errors[3]) and "18/11/2016" in str(errors[3])
    assert "JSON object" in str(errors[4])


def test_invalid_utf8_names_byte_offset_and_line(write):
    first = line(id="a", text=TEXT).encode("utf-8")
    bad = b'{"id": "b", "text": "\xff\xfe"}\n'
    path = write("bad.jsonl", first + bad + line(id="c", text=TEXT).encode("utf-8"))
    a, err, c = read_jsonl(path)
    assert isinstance(err, DecodeError)
    assert err.source == f"{path}:2"
    assert f"byte offset {len(first) + 21}" in err.message and "line 2" in err.message
    assert (a.id, c.id) == ("a", "c")


def test_bom_and_blank_lines_are_ignored(write):
    path = write("bom.jsonl",
                 "\ufeff" + line(id="a", text=TEXT) + "\n  \n" + line(id="b", text=TEXT))
    items = list(read_jsonl(path))
    assert [i.id for i in items] == ["a", "b"]
    assert items[1].source.endswith(":4")


def test_stream_reader_names_the_stream():
    data = (line(id="a", text=TEXT) + "nope\n").encode("utf-8")
    a, err = read_jsonl_stream(io.BytesIO(data), "<stdin>")
    assert a.source == "<stdin>:1"
    assert str(err).startswith("[RASD104] <stdin>:2: malformed JSON")


def test_unreadable_file_is_one_error(tmp_path):
    [err] = list(read_jsonl(tmp_path))  # a folder cannot be opened as a file
    assert isinstance(err, UnreadableFileError)
    assert err.source == str(tmp_path)


ROWS = st.one_of(
    st.builds(lambda i, t: line(id=i, text=t), st.text(min_size=1).filter(str.strip),
              st.text(min_size=1).filter(str.strip)),
    st.builds(lambda t: line(text=t), st.text()),
    st.text(alphabet="{}[]\":,ab 1").filter(str.strip).map(lambda s: s + "\n"),
)


@settings(max_examples=60)
@given(st.lists(ROWS, max_size=12))
def test_every_line_gives_exactly_one_item_in_order(rows):
    rows = [r for r in rows if "\n" not in r.rstrip("\n") and "\r" not in r]
    items = list(read_jsonl_stream(io.BytesIO("".join(rows).encode("utf-8")), "f"))
    assert [i.source for i in items] == [f"f:{n}" for n in range(1, len(rows) + 1)]
    assert all(isinstance(i, (Article, InputError)) for i in items)
