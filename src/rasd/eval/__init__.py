"""Helpers for the evaluation scripts (scripts/score_dev.py, scripts/extra_set.py,
scripts/dev_floor.py): extract an articles file to the JSONL that
../shared/eval/score.py reads."""
from __future__ import annotations

import json
from pathlib import Path

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
