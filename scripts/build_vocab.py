#!/usr/bin/env python3
"""Build src/rasd/resources/lexicons/vocab.txt.gz: the word list of the glued-word splitter.

The list is derived from the news corpus beside the checkout
(``../shared/data/corpus``): it holds single folded word forms and their
counts, never running text. Steps:

1. every article is cleaned like the pipeline does (:func:`clean_chars`), the
   sure ة-rule splits are applied, and each run of Arabic letters is folded
   and counted;
2. words seen fewer than ``--min-count`` times are dropped (typos, rare glued
   tokens);
3. glued tokens themselves are dropped: a word that splits into two known
   words that are each much more frequent than it («الاممالمتحده» →
   «الامم» + «المتحده») is a lost space, not a word (see
   :func:`rasd.text.unglue.best_split`, the same rule the runtime uses).

Output lines are ``word<TAB>count``, most frequent first; the gzip header
carries no timestamp, so rebuilding from the same corpus gives the same bytes.
Run ``scripts/update_manifest.py`` afterwards.
"""
from __future__ import annotations

import argparse
import collections
import gzip
import io
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from rasd.text.arabic import clean_chars, fold  # noqa: E402
from rasd.text.unglue import MID_TEH, VocabSplitter  # noqa: E402

OUT = REPO / "src" / "rasd" / "resources" / "lexicons" / "vocab.txt.gz"
CORPUS_FILES = ("saudinewsnet/conflict.jsonl", "saudinewsnet/negatives_sample.jsonl",
                "arabic_newspapers_corpus_2012/politics_all.jsonl",
                "sanad_arabiya_quiltr/all.jsonl")
_WORD = re.compile(r"[\u0621-\u063a\u0641-\u064a]+")


def count_words(corpus: Path) -> collections.Counter[str]:
    """Folded word counts over the corpus files (articles deduplicated by text)."""
    counts: collections.Counter[str] = collections.Counter()
    seen: set[int] = set()
    for rel in CORPUS_FILES:
        with open(corpus / rel, encoding="utf-8") as f:
            for line in f:
                text = json.loads(line).get("text") or ""
                key = hash(text)
                if key in seen:
                    continue
                seen.add(key)
                clean, _ = clean_chars(text)
                clean = MID_TEH.sub("ة ", clean)
                counts.update(_WORD.findall(fold(clean)))
    return counts


def drop_glued(counts: dict[str, int], ratio: float) -> tuple[dict[str, int], list[str]]:
    """Remove words that are two much more frequent known words run together."""
    splitter = VocabSplitter(counts)
    kept, dropped = {}, []
    for word, n in counts.items():
        pieces = splitter.best_split(word)
        if pieces and min(counts.get(p, 0) for p in pieces) >= ratio * n:
            dropped.append(word)
        else:
            kept[word] = n
    return kept, dropped


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--ratio", type=float, default=8.0,
                    help="a word is glued when both pieces are this many times more frequent")
    ap.add_argument("--show-dropped", type=int, default=0)
    args = ap.parse_args()
    counts = count_words(args.shared / "data" / "corpus")
    total = len(counts)
    frequent = {w: n for w, n in counts.items() if n >= args.min_count}
    kept, dropped = drop_glued(frequent, args.ratio)
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, compresslevel=9) as gz:
        for w, n in sorted(kept.items(), key=lambda kv: (-kv[1], kv[0])):
            gz.write(f"{w}\t{n}\n".encode("utf-8"))
    OUT.write_bytes(buf.getvalue())
    print(f"{total} distinct words, {len(frequent)} seen >= {args.min_count} times, "
          f"{len(dropped)} dropped as glued, {len(kept)} written to {OUT.relative_to(REPO)}")
    for w in sorted(dropped, key=lambda w: -frequent[w])[:args.show_dropped]:
        print(f"  dropped {w} ({frequent[w]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
