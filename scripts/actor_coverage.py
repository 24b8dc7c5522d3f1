#!/usr/bin/env python3
"""Measure the actor dictionary on the dev set and on negative articles.

1. Coverage: for each dev gold event with an ``actor1_family`` (a list of
   acceptable families), is an actor of one of those families mentioned in
   its article? Families of our actor names are computed with the
   evaluation's own rules (score.py's ``family``, over actor_families.tsv), not with the
   families we declare. Also reported for ``actor2_family``.
2. Noise: actor mentions per article on
   ../shared/data/corpus/saudinewsnet/negatives_sample.jsonl (articles with
   no conflict event), and the commonest of them.
3. Speed: time of the actors stage alone, per article.
4. Sources: share of dev articles with a credited source; sources per
   negative article.

Usage: python scripts/actor_coverage.py [--shared ../shared] [--misses]
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from rasd.document import Article, Document
from rasd.eval import load_scorer, read_articles, read_rows
from rasd.pipeline import Pipeline
from rasd.stages.actors import Actors
from rasd.stages.sources import Sources

REPO = Path(__file__).resolve().parents[1]


def prepare(arts: list[Article]) -> list[Document]:
    """Normalized and segmented documents (the actors stage's inputs)."""
    pre = Pipeline.from_names(["normalize", "segment"])
    return [pre(a) for a in arts]


def coverage(shared: Path, show_misses: bool) -> None:
    sc = load_scorer(shared)
    dev = shared / "eval" / "dev"
    arts, golds = read_articles(dev / "articles.jsonl"), read_rows(dev / "gold.jsonl")
    stage = Actors()
    for side in ("actor1_family", "actor2_family"):
        hit = total = hit_known = total_known = 0
        misses: Counter[str] = Counter()
        for doc, gold in zip(prepare(arts), golds):
            fams = {sc.family(m.actor.name) for m in stage(doc)["actors"]}
            for ev in gold["events"]:
                want = ev.get(side) or []
                if not want:
                    continue
                total += 1
                ok = bool(fams & set(want))
                hit += ok
                # UNK and CIV are usually implied, not named: report without them too
                if not set(want) <= {"UNK", "CIV"}:
                    total_known += 1
                    hit_known += bool(fams & (set(want) - {"UNK", "CIV"}))
                if not ok:
                    misses[f"{gold['id']} {'/'.join(want)}"] += 1
        print(f"{side}: {hit}/{total} events = {hit / max(total, 1):.1%} have an actor of an "
              f"acceptable family in their article; named families only (UNK/CIV aside): "
              f"{hit_known}/{total_known} = {hit_known / max(total_known, 1):.1%}")
        if show_misses:
            for k, v in misses.most_common():
                print(f"   miss x{v}: {k}")


def noise(shared: Path) -> None:
    path = shared / "data" / "corpus" / "saudinewsnet" / "negatives_sample.jsonl"
    docs = prepare(read_articles(path))
    stage = Actors()
    counts: Counter[str] = Counter()
    with_any = n_mentions = 0
    t0 = time.perf_counter()
    for doc in docs:
        ms = stage(doc)["actors"]
        n_mentions += len(ms)
        with_any += bool(ms)
        counts.update(f"{m.text} → {m.actor.name}" for m in ms)
    dt = time.perf_counter() - t0
    print(f"negatives: {len(docs)} articles, {n_mentions} actor mentions = "
          f"{n_mentions / max(len(docs), 1):.2f} per article; {with_any} articles "
          f"({with_any / max(len(docs), 1):.1%}) have at least one; "
          f"actors stage {1000 * dt / max(len(docs), 1):.3f} ms/article")
    for k, v in counts.most_common(15):
        print(f"   {v:4d}  {k}")


def sources(shared: Path) -> None:
    stage = Sources()
    dev = prepare(read_articles(shared / "eval" / "dev" / "articles.jsonl"))
    found = [stage(doc)["sources"] for doc in dev]
    kinds = Counter(m.kind for ms in found for m in ms)
    print(f"sources: {sum(bool(ms) for ms in found)}/{len(dev)} dev articles credit a source "
          f"({sum(len(ms) for ms in found)} mentions; {dict(kinds.most_common())})")
    neg = prepare(read_articles(shared / "data" / "corpus" / "saudinewsnet" /
                                "negatives_sample.jsonl"))
    t0 = time.perf_counter()
    n = sum(len(stage(doc)["sources"]) for doc in neg)
    dt = time.perf_counter() - t0
    print(f"sources: {n / max(len(neg), 1):.2f} per negative article; sources stage "
          f"{1000 * dt / max(len(neg), 1):.3f} ms/article")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--misses", action="store_true", help="list the events not covered")
    args = ap.parse_args(argv)
    if not (args.shared / "eval" / "dev").is_dir():
        print(f"no dev set under {args.shared}", file=sys.stderr)
        return 2
    coverage(args.shared, args.misses)
    noise(args.shared)
    sources(args.shared)
    return 0


if __name__ == "__main__":
    sys.exit(main())
