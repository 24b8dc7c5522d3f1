"""rasd.eval: the helpers the scoring and diagnostic scripts share."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasd.errors import ResourceError
from rasd.eval import (extract_file, git_describe, load_scorer, match_gold, read_articles,
                       read_rows, scorer_command)

GOLD_EVENT = {"location_ar": "باتبو", "location_alt": [], "event_date": "2016-11-17",
              "date_tolerance_days": 0, "fatalities": 21, "fatalities_accept": [21],
              "required": True}


def _record(place: str, day: str, deaths: int) -> dict:
    return {"kind": "event", "location_ar": place, "event_date": day, "fatalities": deaths}


def _write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")
    return path


def test_read_articles_reads_metadata_and_leaves_out_refused_rows(tmp_path):
    path = _write_jsonl(tmp_path / "a.jsonl", [
        {"id": "a1", "text": "قصف على باتبو", "published": "2016-11-18", "outlet": "X"},
        {"id": "a2", "text": "   "},
    ])
    arts = read_articles(path)
    assert [a.id for a in arts] == ["a1"]
    assert str(arts[0].published) == "2016-11-18" and arts[0].outlet == "X"
    assert [r["id"] for r in read_rows(path)] == ["a1", "a2"]


def test_load_scorer_names_the_missing_scorer(tmp_path):
    with pytest.raises(ResourceError) as err:
        load_scorer(tmp_path)
    assert str(tmp_path / "eval" / "score.py") in str(err.value)


def test_scorer_command_asks_for_json_only_when_told(tmp_path):
    cmd = scorer_command(tmp_path, tmp_path / "g.jsonl", tmp_path / "s.jsonl")
    assert cmd[1:] == [str(tmp_path / "eval" / "score.py"), str(tmp_path / "g.jsonl"),
                       str(tmp_path / "s.jsonl")]
    assert scorer_command(tmp_path, tmp_path / "g", tmp_path / "s", as_json=True)[-1] == "--json"


def test_match_gold_pairs_by_place_and_date_within_tolerance(shared_dir):
    sc = load_scorer(shared_dir)
    records = [_record("حلب", "2016-11-17", 3), _record("باتبو", "2016-11-15", 21)]
    assert match_gold(sc, records, [GOLD_EVENT]) == []
    assert match_gold(sc, records, [GOLD_EVENT], use_date=False) == [(1, 0)]
    records.append(_record("باتبو", "2016-11-17", 23))
    assert match_gold(sc, records, [GOLD_EVENT]) == [(2, 0)]


def test_match_gold_prefers_the_record_with_accepted_figures(shared_dir):
    sc = load_scorer(shared_dir)
    records = [_record("باتبو", "2016-11-17", 23), _record("باتبو", "2016-11-17", 21)]
    assert match_gold(sc, records, [GOLD_EVENT]) == [(1, 0)]


def test_extract_file_reports_bad_lines_and_goes_on(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a1", "text": "قتل 3 مدنيين في قصف جوي على باتبو أمس", '
                   '"published": "2016-11-18"}\nnot json\n', encoding="utf-8")
    n, errors = extract_file(src, tmp_path / "out" / "sys.jsonl")
    assert n == 1 and len(errors) == 1 and ":2" in errors[0]
    assert (tmp_path / "out" / "sys.jsonl").is_file()


def test_git_describe_is_unknown_outside_a_checkout(tmp_path):
    assert git_describe(tmp_path) == "unknown"
