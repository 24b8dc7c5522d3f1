"""`make run`: the samples go into a store, the incidents are printed and exported as ACLED CSV."""
from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

from rasd.schema import ACLED_COLUMNS, RASD_COLUMNS
from rasd.store import Store

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "run_samples.py"


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("run_samples", SCRIPT)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_make_run_stores_prints_and_exports_then_changes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    script, db, out = _script(), str(tmp_path / "rasd.db"), tmp_path / "out"
    assert script.main(["--db", db, "--out", str(out)]) == 0
    first = capsys.readouterr().out
    assert "6 articles read (6 new" in first and "incidents in" in first
    with Store.open(db) as store:
        counts = store.counts()
        ids = {i["incident_id"] for i in store.incidents()}
    with open(out / "samples.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == list(ACLED_COLUMNS + RASD_COLUMNS)
    assert {r["event_id"] for r in rows} == ids and counts["incidents"] == len(ids) > 0
    assert all(i[:20] in first for i in ids)  # every incident is in the printed table
    before = (out / "samples.csv").read_bytes()
    assert script.main(["--db", db, "--out", str(out)]) == 0
    assert "(0 new, 0 new versions, 6 already stored)" in capsys.readouterr().out
    assert (out / "samples.csv").read_bytes() == before
