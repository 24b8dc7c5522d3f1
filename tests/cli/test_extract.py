"""`rasd extract` through click's CliRunner: inputs, outputs, formats, exit statuses."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasd.cli import extract as extract_cli
from rasd.cli.main import cli
from rasd.document import Article, Span
from rasd.errors import StageError
from rasd.extract import Extraction, Extractor
from rasd.records import Field, Record
from rasd.schema import ACLED_COLUMNS

REPO = Path(__file__).resolve().parents[2]
TEXT = "قتل أربعة مدنيين بقصف مدفعي على بلدة كفرنبل جنوبي إدلب"


class OneEventExtractor(Extractor):
    """One hand-made event per article, so that the command's plumbing is tested
    apart from the stages (written elsewhere, tested by the last tests here).
    An article whose text contains FAIL fails as a stage would."""

    def __init__(self) -> None:  # no pipeline: only the command is under test
        self.version = "test"
        self.keep_doc = False

    def extract(self, article: Article) -> Extraction:
        if "FAIL" in article.text:
            return Extraction(article, (), StageError("stage 'x' failed: boom",
                                                      article_id=article.id,
                                                      source=article.source))
        day = article.published.isoformat() if article.published else None
        rec = Record("event", {
            "event_date": Field(day), "location_ar": Field("كفرنبل", (Span(38, 44),), "t"),
            "iso": Field(760), "latitude": Field(35.6), "longitude": Field(36.56),
            "fatalities": Field(4, (Span(4, 9),), "t")}, key="k")
        return Extraction(article, (rec.to_dict(article, self.version),))


@pytest.fixture
def runner(monkeypatch):
    monkeypatch.setattr(extract_cli, "Extractor", OneEventExtractor)
    return CliRunner(mix_stderr=False)


def jsonl(*rows: dict) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def test_stdin_to_stdout_jsonl(runner):
    data = jsonl({"id": "a", "text": TEXT, "published": "2015-06-01"}, {"id": "b", "text": TEXT})
    res = runner.invoke(cli, ["extract", "-"], input=data.encode())
    assert res.exit_code == 0, res.stderr
    records = [json.loads(x) for x in res.stdout.splitlines()]
    assert [(r["article_id"], r["event_date"]) for r in records] == [("a", "2015-06-01"),
                                                                      ("b", None)]
    assert "2 articles read, 2 records, 0 errors" in res.stderr


def test_bad_article_is_reported_others_written_exit_1(runner, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(jsonl({"id": "a", "text": TEXT}) + "{oops\n"
                   + jsonl({"id": "f", "text": "FAIL " + TEXT}, {"id": "c", "text": TEXT}),
                   encoding="utf-8")
    res = runner.invoke(cli, ["extract", str(src)])
    assert res.exit_code == 1
    assert [json.loads(x)["article_id"] for x in res.stdout.splitlines()] == ["a", "c"]
    errors = [x for x in res.stderr.splitlines() if x.startswith("error ")]
    assert errors[0].startswith(f"error [RASD104] {src}:2: malformed JSON")
    assert errors[1].startswith(f"error [RASD203] {src}:3: article f: stage 'x' failed")
    assert len(errors) == 2
    assert "3 articles read, 2 records, 2 errors" in res.stderr.splitlines()[-1]


def test_folder_to_csv_file_with_published_for_text_files(runner, tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "k1.txt").write_text(TEXT, encoding="utf-8")
    (folder / "k2.html").write_text(f"<article><p>{TEXT}</p></article>", encoding="utf-8")
    out = tmp_path / "out" / "events.csv"
    res = runner.invoke(cli, ["extract", str(folder), "-o", str(out), "--published", "2016-03-09"])
    assert res.exit_code == 0, res.stderr
    assert res.stdout == ""
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    assert list(rows[0])[:len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)
    assert [(r["article_id"], r["event_date"], r["year"]) for r in rows] == [
        ("k1", "2016-03-09", "2016"), ("k2", "2016-03-09", "2016")]


def test_format_option_and_geojson(runner, tmp_path):
    src = tmp_path / "a.jsonl"
    src.write_text(jsonl({"id": "a", "text": TEXT}), encoding="utf-8")
    res = runner.invoke(cli, ["extract", str(src), "--format", "geojson"])
    assert res.exit_code == 0
    doc = json.loads(res.stdout)
    assert doc["features"][0]["geometry"]["coordinates"] == [36.56, 35.6]


def test_format_follows_output_suffix(runner, tmp_path):
    src = tmp_path / "a.jsonl"
    src.write_text(jsonl({"id": "a", "text": TEXT}), encoding="utf-8")
    out = tmp_path / "e.geojson"
    assert runner.invoke(cli, ["extract", str(src), "-o", str(out)]).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["type"] == "FeatureCollection"


@pytest.mark.parametrize("args", [
    ["extract"],
    ["extract", "x.jsonl", "--published", "18/11/2016"],
    ["extract", "x.jsonl", "--format", "xlsx"],
    ["extract", "x.jsonl", "--format", "parquet"],
])
def test_usage_errors_exit_2(runner, args):
    res = runner.invoke(cli, args)
    assert res.exit_code == 2
    assert res.stdout == ""


def test_unwritable_output_exits_3(runner, tmp_path):
    src = tmp_path / "a.jsonl"
    src.write_text(jsonl({"id": "a", "text": TEXT}), encoding="utf-8")
    (tmp_path / "f").write_text("x")
    res = runner.invoke(cli, ["extract", str(src), "-o", str(tmp_path / "f" / "e.jsonl")])
    assert res.exit_code == 3
    assert res.stderr.startswith("error [RASD500]")


def test_missing_input_is_an_article_level_error_exit_1(runner, tmp_path):
    src = tmp_path / "a.jsonl"
    src.write_text(jsonl({"id": "a", "text": TEXT}), encoding="utf-8")
    res = runner.invoke(cli, ["extract", str(tmp_path / "none.jsonl"), str(src)])
    assert res.exit_code == 1
    assert len(res.stdout.splitlines()) == 1
    assert "no such file or folder" in res.stderr


def test_forced_progress_goes_to_stderr_only(runner, tmp_path):
    src = tmp_path / "a.jsonl"
    src.write_text(jsonl({"id": "a", "text": TEXT}, {"id": "b", "text": TEXT}), encoding="utf-8")
    res = runner.invoke(cli, ["extract", str(src), "--progress"])
    assert res.exit_code == 0
    assert "extract: 2/2 (100%)" in res.stderr
    assert len(res.stdout.splitlines()) == 2


def test_real_default_pipeline_writes_well_formed_records(tmp_path):
    """Whatever the default stages code today, each output line is a record of its article."""
    src = tmp_path / "a.jsonl"
    src.write_text(jsonl({"id": "real", "text": TEXT, "published": "2016-03-09"}),
                   encoding="utf-8")
    res = CliRunner(mix_stderr=False).invoke(cli, ["extract", str(src)])
    assert res.exit_code == 0, res.stderr
    for line in res.stdout.splitlines():
        record = json.loads(line)
        assert record["article_id"] == "real" and record["kind"] in ("event", "tally", "statement")
    assert "1 article read" in res.stderr


def test_bundled_samples_read_and_extract_cleanly():
    path = REPO / "samples" / "articles.jsonl"
    if not path.is_file():
        pytest.skip("samples/ not beside the package (installed without the checkout)")
    res = CliRunner(mix_stderr=False).invoke(cli, ["extract", str(path)])
    assert res.exit_code == 0, res.stderr
    assert "6 articles read" in res.stderr and "0 errors" in res.stderr


def test_stage_module_that_does_not_import_exits_3_with_its_name(monkeypatch, tmp_path):
    def broken() -> Extractor:
        raise ModuleNotFoundError("No module named 'rasd.stages.nowhere'")
    monkeypatch.setattr(extract_cli, "Extractor", broken)
    src = tmp_path / "a.jsonl"
    src.write_text(jsonl({"id": "a", "text": TEXT}), encoding="utf-8")
    res = CliRunner(mix_stderr=False).invoke(cli, ["extract", str(src)])
    assert res.exit_code == 3
    assert res.stderr == ("error [RASD200] cannot load the pipeline's stages: "
                          "No module named 'rasd.stages.nowhere'\n")
