#!/usr/bin/env python3
"""The dev-set regression floor: score the dev set, compare with (or record) the floor.

    python scripts/dev_floor.py            # score and compare with tests/golden/dev_floor.json
    python scripts/dev_floor.py --write    # record the scores as the new floor (`make floor`)

The dev set (../shared/eval/dev/articles.jsonl) is extracted in this process
and scored by ../shared/eval/score.py, as `make score` does. The floor file
keeps the headline scores with the commit and date they were measured at;
tests/test_dev_floor.py fails when casualty F1 falls more than
:data:`TOLERANCE` below it. Scores are rising: re-record after a gain.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from rasd.eval import extract_file, git_describe, scorer_command
from rasd.extract import Extractor

REPO = Path(__file__).resolve().parents[1]
FLOOR = REPO / "tests" / "golden" / "dev_floor.json"
#: how far casualty F1 may fall below the recorded value before CI fails
TOLERANCE = 0.02
#: the scores recorded (score.py's names); casualty_f1 is the guarded one
HEADLINE = ("casualty_f1", "event_f1", "event_precision", "event_recall", "fatalities_exact",
            "sub_event_type_acc", "actor1_family_acc", "admin1_acc", "date_exact",
            "children_exact", "women_exact", "injured_exact")
GUARDED = ("casualty_f1",)


def score(shared: Path) -> dict[str, Any]:
    """Extract the dev set and score it: score.py's JSON (and the extraction errors)."""
    dev = shared / "eval" / "dev"
    ex = Extractor()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "dev.jsonl"
        _, errors = extract_file(dev / "articles.jsonl", out, ex)
        run = subprocess.run(scorer_command(shared, dev / "gold.jsonl", out, as_json=True),
                             capture_output=True, text=True, check=True)
    result = json.loads(run.stdout)
    result["extraction_errors"] = errors
    result["pipeline_version"] = ex.version
    return result


def load_floor(path: Path = FLOOR) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def record(result: dict[str, Any], path: Path = FLOOR) -> dict[str, Any]:
    """Write the floor file from a scoring result."""
    floor = {
        "measured": {"commit": git_describe(REPO),
                     "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                     "pipeline_version": result["pipeline_version"],
                     "articles": result.get("articles")},
        "tolerance": TOLERANCE,
        "guarded": list(GUARDED),
        "scores": {k: result[k] for k in HEADLINE if k in result},
        "how": "python scripts/dev_floor.py --write (make floor)",
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(floor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return floor


def below_floor(result: dict[str, Any], floor: dict[str, Any]) -> list[str]:
    """The guarded scores that fell more than the tolerance below the floor."""
    tol = float(floor.get("tolerance", TOLERANCE))
    return [f"{k}: {result[k]:.3f} < {floor['scores'][k]:.3f} - {tol}"
            for k in floor.get("guarded", GUARDED) if result[k] < floor["scores"][k] - tol]


def table(result: dict[str, Any], floor: dict[str, Any] | None) -> str:
    rows = [f"{'score':22s} {'now':>6s} {'floor':>6s}"]
    for k in HEADLINE:
        if k in result:
            was = floor["scores"].get(k) if floor else None
            rows.append(f"{k:22s} {result[k]:6.3f} {'' if was is None else f'{was:6.3f}'}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--write", action="store_true", help="record the scores as the floor")
    args = ap.parse_args(argv)
    if not (args.shared / "eval" / "score.py").is_file():
        print(f"dev_floor: no {args.shared}/eval (pass --shared DIR)", file=sys.stderr)
        return 2
    result = score(args.shared)
    floor = load_floor() if FLOOR.is_file() else None
    print(table(result, floor))
    if result["extraction_errors"]:
        print("extraction errors:\n  " + "\n  ".join(result["extraction_errors"]), file=sys.stderr)
    if args.write:
        rec = record(result)
        print(f"recorded in {FLOOR.relative_to(REPO)} at {rec['measured']['commit']}")
        return 0
    low = below_floor(result, floor) if floor else []
    for line in low:
        print(f"BELOW THE FLOOR {line}", file=sys.stderr)
    return 1 if low else 0


if __name__ == "__main__":
    sys.exit(main())
