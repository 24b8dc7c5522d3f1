#!/usr/bin/env python3
"""Extract and score the extra hand-coded set (eval/extra/gold.jsonl).

The gold stores only ids and coding; the article texts are rebuilt from the corpus in
../shared/data/corpus (never copied into the repository) into out/extra/articles.jsonl,
then extracted and scored with ../shared/eval/score.py, like scripts/score_dev.py.

usage: extra_set.py [--shared ../shared] [--out out/extra/system.jsonl] [--json]
       extra_set.py --select      # print the ids the documented selection draws
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from rasd.eval import extract_and_score, read_rows

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "eval" / "extra" / "gold.jsonl"
CORPUS = ("data", "corpus", "saudinewsnet", "conflict.jsonl")
FIELDS = ("id", "published", "outlet", "title", "url", "text")

# Selection (documented in eval/extra/README.md): fixed seed, drawn once.
SEED = 20150811
N_STRICT, N_BROAD_ONLY, MAX_CHARS = 45, 15, 6000


def _shared_or_die(shared: Path) -> Path:
    """Return the shared directory, or exit with a clear message when it is absent."""
    corpus = shared.joinpath(*CORPUS)
    if not corpus.is_file() or not (shared / "eval" / "score.py").is_file():
        sys.exit(f"extra_set: {shared} is not the shared directory (need {corpus} and "
                 f"{shared / 'eval' / 'score.py'}); pass --shared PATH")
    return shared


def select_ids(shared: Path, seed: int = SEED) -> list[str]:
    """Draw the extra set: N_STRICT strict and N_BROAD_ONLY broad-only corpus articles.

    Candidates: corpus articles not in the dev set, with a publication date (extraction on or
    after 2015-08-01) and at most MAX_CHARS characters of text; each pool is sorted by id and
    sampled with random.Random(seed), strict pool first.
    """
    dev = {a["id"] for a in read_rows(shared / "eval" / "dev" / "articles.jsonl")}
    rows = [r for r in read_rows(shared.joinpath(*CORPUS))
            if r["id"] not in dev and r.get("published") and len(r["text"]) <= MAX_CHARS]
    strict = sorted(r["id"] for r in rows if r["conflict_strict"])
    broad_only = sorted(r["id"] for r in rows if r["conflict_broad"] and not r["conflict_strict"])
    rng = random.Random(seed)
    return rng.sample(strict, N_STRICT) + rng.sample(broad_only, N_BROAD_ONLY)


def build_articles(shared: Path, gold: list[dict], dest: Path) -> int:
    """Write the gold's articles (corpus fields FIELDS) to dest, in gold order."""
    want = [g["id"] for g in gold]
    wanted = set(want)
    corpus = {r["id"]: r for r in read_rows(shared.joinpath(*CORPUS)) if r["id"] in wanted}
    missing = [i for i in want if i not in corpus]
    if missing:
        sys.exit(f"extra_set: {len(missing)} gold ids not in the corpus, e.g. {missing[:3]}")
    dest.parent.mkdir(parents=True, exist_ok=True)
    with open(dest, "w", encoding="utf-8") as f:
        for i in want:
            f.write(json.dumps({k: corpus[i].get(k) for k in FIELDS}, ensure_ascii=False) + "\n")
    return len(want)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--out", default="out/extra/system.jsonl", help="system records (jsonl)")
    ap.add_argument("--articles", default="out/extra/articles.jsonl", help="rebuilt article texts")
    ap.add_argument("--gold", default=str(GOLD))
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--select", action="store_true", help="print the selection's ids and stop")
    args = ap.parse_args()
    shared = _shared_or_die(Path(args.shared))
    if args.select:
        print("\n".join(select_ids(shared)))
        return 0
    gold_path = Path(args.gold)
    if not gold_path.is_file():
        sys.exit(f"extra_set: gold file {gold_path} not found")
    articles = Path(args.articles)
    print(f"{build_articles(shared, read_rows(gold_path), articles)} articles -> {articles}",
          file=sys.stderr)
    return extract_and_score(shared, articles, gold_path, Path(args.out), args.json)


if __name__ == "__main__":
    sys.exit(main())
