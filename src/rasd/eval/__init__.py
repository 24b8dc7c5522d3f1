"""Helpers for the evaluation scripts (scripts/score_dev.py, scripts/extra_set.py,
scripts/dev_floor.py): extract an articles file to the JSONL that
../shared/eval/score.py reads."""
from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

from ..extract import Extractor
from ..io import ReadOptions, read_inputs


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
