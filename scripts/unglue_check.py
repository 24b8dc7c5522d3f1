#!/usr/bin/env python3
"""Measure the glued-word splitter on the corpus beside the checkout.

Counts the word tokens of the corpus articles, how many the ة rule and the
vocabulary splitter cut, the time normalization takes per article, and prints
a random sample of vocabulary splits (with a little context) to be judged by
hand for precision. Nothing is written; corpus text is only read.

    .venv/bin/python scripts/unglue_check.py --sample 50 --seed 7
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from rasd.stages.normalize import normalize_text  # noqa: E402
from rasd.text.arabic import clean_chars  # noqa: E402
from rasd.text.unglue import MID_TEH, Unglue  # noqa: E402

FILES = ("saudinewsnet/conflict.jsonl", "saudinewsnet/negatives_sample.jsonl",
         "arabic_newspapers_corpus_2012/politics_all.jsonl", "sanad_arabiya_quiltr/all.jsonl")
_WORD = re.compile(r"[\u0621-\u063a\u0641-\u064a]+")


def read_texts(corpus: Path, limit: int | None) -> list[str]:
    texts: list[str] = []
    for rel in FILES:
        with open(corpus / rel, encoding="utf-8") as f:
            texts.extend(json.loads(line).get("text") or "" for line in f)
    return texts[:limit] if limit else texts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--sample", type=int, default=50)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    texts = read_texts(args.shared / "data" / "corpus", args.limit)
    unglue = Unglue()
    tokens = teh = 0
    splits: list[tuple[str, str, str]] = []
    for text in texts:
        clean, _ = clean_chars(text)
        for m in _WORD.finditer(clean):
            tokens += 1
            word = m.group()
            teh += bool(MID_TEH.search(word))
            for part in MID_TEH.sub("ة ", word).split():
                cuts = unglue.cuts(part)
                if cuts:
                    pieces = [part[a:b] for a, b in zip((0, *cuts), (*cuts, len(part)))]
                    ctx = clean[max(0, m.start() - 30):m.end() + 30].replace("\n", " ")
                    splits.append((part, " ".join(pieces), ctx))
    start = time.perf_counter()
    for text in texts:
        normalize_text(text, unglue)
    per_article_ms = (time.perf_counter() - start) * 1000 / max(1, len(texts))
    print(f"{len(texts)} articles, {tokens} word tokens; ة-rule splits in {teh} tokens; "
          f"vocabulary splits: {len(splits)} tokens ({len(set(s[0] for s in splits))} distinct), "
          f"{1e6 * len(splits) / max(1, tokens):.0f} per million tokens")
    print(f"normalize_text: {per_article_ms:.3f} ms/article (warm cache)")
    rng = random.Random(args.seed)
    for word, pieces, ctx in rng.sample(splits, min(args.sample, len(splits))):
        print(f"{word} -> {pieces}    | {ctx}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
