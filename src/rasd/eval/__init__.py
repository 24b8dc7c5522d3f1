"""Helpers for the evaluation and measurement scripts (scripts/score_dev.py,
scripts/extra_set.py, scripts/dev_floor.py, scripts/bench.py and the error
diagnostics): extract an articles file to the JSONL that ../shared/eval/score.py
reads, run or import that scorer, read gold and article files."""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from ..document import Article
from ..errors import ResourceError
from ..extract import Extractor
from ..io import ReadOptions, read_inputs
from ..io.jsonl import read_jsonl


def extract_file(articles: Path, out: Path, extractor: Extractor | None = None) -> tuple[int, list[str]]:
    """Extract every article of ``articles`` into ``out`` (one record per line).

    Returns the number of articles extracted and the error messages (bad input
    lines and failed articles), which do not stop the batch."""
    ex = extractor or Extractor()
    n, errors = 0, []
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        for item in read_inputs([str(articles)], ReadOptions()):
            if not hasattr(item, "text"):
                errors.append(str(item))
                continue
            res = ex.extract(item)
            n += 1
            if res.error is not None:
                errors.append(str(res.error))
            for rec in res.records:
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return n, errors


def scorer_command(shared: Path, gold: Path, system: Path, as_json: bool = False) -> list[str]:
    """The command line that scores ``system`` records against ``gold`` with score.py."""
    return [sys.executable, str(shared / "eval" / "score.py"), str(gold), str(system)] + (
        ["--json"] if as_json else [])


def extract_and_score(shared: Path, articles: Path, gold: Path, out: Path,
                      as_json: bool = False) -> int:
    """Extract ``articles`` into ``out`` and print score.py's report; its exit status.

    Extraction errors and the timing go to stderr, so ``--json`` output stays clean."""
    t0 = time.perf_counter()
    n, errors = extract_file(articles, out)
    for e in errors:
        print(e, file=sys.stderr)
    print(f"{n} articles, {len(errors)} errors, {time.perf_counter() - t0:.1f}s", file=sys.stderr)
    return subprocess.call(scorer_command(shared, gold, out, as_json))


def load_scorer(shared: Path) -> ModuleType:
    """../shared/eval/score.py imported as a module, for its matching functions
    (``place_match``, ``days_apart``, ``as_list``...)."""
    path = shared / "eval" / "score.py"
    spec = importlib.util.spec_from_file_location("rasd_eval_score", path)
    if not path.is_file() or spec is None or spec.loader is None:
        raise ResourceError("no evaluation scorer (../shared/eval/score.py) here", source=str(path))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def read_rows(path: Path) -> list[dict[str, Any]]:
    """The JSON objects of a JSONL file (gold codings, records, corpus rows)."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def read_articles(path: Path) -> list[Article]:
    """The articles of a JSONL file, read as ``rasd extract`` reads them; the rows
    it refuses (an empty text, say) are left out."""
    return [item for item in read_jsonl(path) if isinstance(item, Article)]


def git_describe(repo: Path) -> str:
    """``git describe --always --dirty`` of ``repo``, or "unknown" outside a checkout."""
    try:
        out = subprocess.run(["git", "-C", str(repo), "describe", "--always", "--dirty"],
                             capture_output=True, text=True, timeout=10, check=True)
        return out.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def match_gold(sc: ModuleType, records: list[dict[str, Any]], gold_events: list[dict[str, Any]],
               use_date: bool = True) -> list[tuple[int, int]]:
    """(record index, gold index) pairs of one article, as score.py pairs them
    (``sc`` is ../shared/eval/score.py loaded as a module); ``use_date=False``
    pairs by place alone, to find events missed only for their date."""
    pairs = []
    for i, s in enumerate(records):
        for j, ge in enumerate(gold_events):
            pm = sc.place_match(sc.sys_places(s), [ge.get("location_ar")] + sc.as_list(ge.get("location_alt")))
            if pm == 0:
                continue
            if use_date and sc.days_apart(s.get("event_date"), ge.get("event_date")) > ge.get("date_tolerance_days", 1):
                continue
            fat_ok = s.get("fatalities") in sc.as_list(ge.get("fatalities_accept", ge.get("fatalities")))
            pairs.append((-(pm + (0.5 if fat_ok else 0) + (0.3 if ge.get("required", True) else 0)), i, j))
    pairs.sort()
    used_s: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i not in used_s and j not in used_g:
            used_s.add(i)
            used_g.add(j)
            out.append((i, j))
    return out
