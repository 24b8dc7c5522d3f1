"""Dispatch over inputs: folders, unknown extensions, stdin, missing paths, counts."""
from __future__ import annotations

import io
import json
from datetime import date

from rasd.document import Article
from rasd.errors import UnreadableFileError
from rasd.io import ReadOptions, count_articles, read_input, read_inputs

TEXT = "سقطت قذائف هاون على حي سكني في دمشق"


def jsonl(*ids: str) -> str:
    return "".join(json.dumps({"id": i, "text": TEXT}, ensure_ascii=False) + "\n" for i in ids)


def test_folder_is_read_recursively_in_order_by_extension(write, tmp_path):
    write("b.jsonl", jsonl("j1", "j2"))
    write("a/page.html", f"<p>{TEXT}</p>")
    write("a/z.txt", TEXT)
    write("c.csv", f"id,text\nc1,{TEXT}\n")
    write("notes.md", "# not an input")
    write(".hidden/x.txt", TEXT)
    write(".skip.txt", TEXT)
    items = list(read_input(str(tmp_path)))
    assert [i.id for i in items] == ["page", "z", "j1", "j2", "c1"]
    assert all(isinstance(i, Article) for i in items)
    assert items[0].source == str(tmp_path / "a" / "page.html")


def test_empty_folder_is_an_error(tmp_path):
    [err] = list(read_input(str(tmp_path)))
    assert isinstance(err, UnreadableFileError) and "no readable files" in err.message


def test_missing_input_is_one_error_and_the_next_input_is_read(write, tmp_path):
    good = write("g.jsonl", jsonl("g1"))
    items = list(read_inputs([str(tmp_path / "nope.jsonl"), str(good)]))
    assert isinstance(items[0], UnreadableFileError)
    assert str(items[0]) == f"[RASD105] {tmp_path / 'nope.jsonl'}: no such file or folder"
    assert items[1].id == "g1"


def test_unknown_extension_is_sniffed(write):
    assert [i.id for i in read_input(str(write("dump.data", jsonl("s1"))))] == ["s1"]
    [page] = list(read_input(str(write("page.php", f"<html><p>{TEXT}</p></html>"))))
    assert page.text == TEXT
    [plain] = list(read_input(str(write("README", TEXT))))
    assert (plain.id, plain.text) == ("README", TEXT)


def test_dash_reads_jsonl_from_stdin_with_the_fallback_date():
    stdin = io.BytesIO(jsonl("in1").encode())
    [article] = list(read_input("-", ReadOptions(published=date(2016, 1, 2), stdin=stdin)))
    assert (article.id, article.published, article.source) == ("in1", date(2016, 1, 2),
                                                               "<stdin>:1")


def test_count_is_known_for_jsonl_text_and_html_only(write, tmp_path):
    write("x/a.jsonl", jsonl("1", "2", "3") + "\n")
    write("x/b.txt", TEXT)
    write("x/c.html", f"<p>{TEXT}</p>")
    assert count_articles([str(tmp_path / "x")]) == 5
    assert count_articles([str(write("d.csv", "id,text\n"))]) is None
    assert count_articles(["-"]) is None


def test_dash_reads_plain_text_from_stdin_as_one_article():
    stdin = io.BytesIO("قتل 5 مدنيين في غارات جوية على بلدة باتبو أمس.\n".encode())
    [article] = list(read_input("-", ReadOptions(published=date(2016, 11, 18), stdin=stdin)))
    assert (article.id, article.published) == ("stdin", date(2016, 11, 18))
    assert article.text.startswith("قتل 5")


def test_empty_stdin_is_an_empty_article_error():
    [err] = list(read_input("-", ReadOptions(stdin=io.BytesIO(b""))))
    assert "empty text" in str(err)
