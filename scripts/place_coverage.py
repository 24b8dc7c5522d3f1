#!/usr/bin/env python3
"""Measure the places stage on the dev gold and on the non-conflict negatives.

    .venv/bin/python scripts/place_coverage.py [--shared ../shared] [--misses]

Coverage: for every gold event, its ``location_ar`` and ``location_alt`` are
looked for among the article's place mentions (names compared with the
scorer's ``place_match``: a mention's surface or its gazetteer Arabic name).
An event is *found* when some mention matches, and *right* when the best such
mention's admin1 (its place's, else the region's) matches the gold admin1 with
the scorer's ``admin_match`` (gold events without admin1 count as right when
found). Precision proxy: place mentions per article on the 500 negatives
(saudinewsnet/negatives_sample.jsonl), all and without a cue. Speed: articles
per second through normalize + segment + places.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from datetime import date
from pathlib import Path

from rasd.document import Article
from rasd.mentions import PlaceMention
from rasd.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]

STAGES = ("normalize", "segment", "places")


def load_scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    if spec is None or spec.loader is None:
        sys.exit(f"cannot load {shared}/eval/score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def article(row: dict) -> Article:
    pub = row.get("published")
    return Article(row["id"], row.get("text") or "", date.fromisoformat(pub) if pub else None)


def admin1_of(m: PlaceMention) -> str | None:
    if m.place is not None and m.place.admin1:
        return m.place.admin1
    return m.region.admin1 if m.region is not None else None


def coverage(pipe: Pipeline, scorer, shared: Path, show_misses: bool) -> dict:
    arts = {r["id"]: r for r in read_jsonl(shared / "eval" / "dev" / "articles.jsonl")}
    c = {"events": 0, "found": 0, "right": 0}
    for g in read_jsonl(shared / "eval" / "dev" / "gold.jsonl"):
        mentions = pipe(article(arts[g["id"]]))["places"]
        for ev in g["events"]:
            names = [ev["location_ar"]] + list(ev.get("location_alt") or [])
            def names_of(m: PlaceMention) -> list[str]:
                return [m.surface] + ([m.place.name_ar] if m.place else [])
            hits = [m for m in mentions if scorer.place_match(names_of(m), names) > 0]
            # the mention of the event's own place first, then those of its alternatives
            primary = [m for m in hits if scorer.place_match(names_of(m), names[:1]) > 0]
            c["events"] += 1
            gold_a1 = scorer.as_list(ev.get("admin1"))
            ok = False
            if hits:
                c["found"] += 1
                best = max(primary or hits, key=lambda m: (m.place is not None, m.confidence))
                ok = not gold_a1 or any(scorer.admin_match(admin1_of(best), a) for a in gold_a1)
                c["right"] += ok
            if show_misses and not ok:
                got = [(m.surface, admin1_of(m)) for m in hits][:3]
                print(f"  MISS {g['id'][:32]} {ev['location_ar']} gold={gold_a1} got={got}")
    return c


def negatives(pipe: Pipeline, shared: Path, show: int) -> dict:
    rows = read_jsonl(shared / "data" / "corpus" / "saudinewsnet" / "negatives_sample.jsonl")
    total = uncued = 0
    start = time.perf_counter()
    shown = 0
    for row in rows:
        mentions = pipe(article(row))["places"]
        total += len(mentions)
        for m in mentions:
            if m.cue is None:
                uncued += 1
                if shown < show:
                    shown += 1
                    print(f"  NEG {m.surface} → {m.place.name_en if m.place else None} ({m.rule})")
    secs = time.perf_counter() - start
    return {"articles": len(rows), "mentions": total, "uncued": uncued, "seconds": secs}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--misses", action="store_true", help="list gold events not found right")
    ap.add_argument("--show-negatives", type=int, default=0, help="print N uncued negative mentions")
    args = ap.parse_args(argv)
    scorer = load_scorer(args.shared)
    t0 = time.perf_counter()
    pipe = Pipeline.from_names(STAGES)
    print(f"pipeline ready in {time.perf_counter() - t0:.2f}s (gazetteer load included)")
    c = coverage(pipe, scorer, args.shared, args.misses)
    n = c["events"] or 1
    print(f"dev gold events: {c['events']}  found: {c['found']} ({c['found'] / n:.3f})  "
          f"right admin1: {c['right']} ({c['right'] / n:.3f})  "
          f"admin1 accuracy on found: {c['right'] / max(1, c['found']):.3f}")
    neg = negatives(pipe, args.shared, args.show_negatives)
    a = neg["articles"] or 1
    print(f"negatives: {neg['articles']} articles, {neg['mentions'] / a:.2f} place mentions/article "
          f"({neg['uncued'] / a:.2f} without a cue); "
          f"{neg['articles'] / neg['seconds']:.0f} articles/s (normalize+segment+places)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
