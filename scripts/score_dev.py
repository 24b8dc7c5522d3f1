#!/usr/bin/env python3
"""Extract the dev set and score it with ../shared/eval/score.py.

usage: score_dev.py [--shared ../shared] [--out out/dev.jsonl] [--set dev] [--json]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from rasd.eval import extract_file


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    ap.add_argument("--out", default="out/dev.jsonl")
    ap.add_argument("--set", default="dev")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    shared = Path(args.shared)
    articles = shared / "eval" / args.set / "articles.jsonl"
    gold = shared / "eval" / args.set / "gold.jsonl"
    out = Path(args.out)
    t0 = time.perf_counter()
    n, errors = extract_file(articles, out)
    for e in errors:
        print(e, file=sys.stderr)
    print(f"{n} articles, {len(errors)} errors, {time.perf_counter() - t0:.1f}s", file=sys.stderr)
    cmd = [sys.executable, str(shared / "eval" / "score.py"), str(gold), str(out)]
    if args.json:
        cmd.append("--json")
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
