#!/usr/bin/env python3
"""Extract the dev set and score it with ../shared/eval/score.py.

usage: score_dev.py [--shared ../shared] [--out out/dev.jsonl] [--set dev] [--json]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rasd.eval import extract_and_score


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
    return extract_and_score(shared, articles, gold, Path(args.out), args.json)


if __name__ == "__main__":
    sys.exit(main())
