#!/usr/bin/env python3
"""Measure place recognition and geocoding against the dev gold, and sample the corpus.

    .venv/bin/python scripts/place_check.py [--shared ../shared] [--system OUT.jsonl]
        [--articles A.jsonl --gold G.jsonl] [--misses] [--mentions] [--negatives] [--show-negatives N]
        [--corpus N] [--speed N] [--seed S]

Gold events (``../shared/eval/dev/gold.jsonl``, or another set given by ``--articles`` and
``--gold``, such as eval/extra): for each one, the article's
place mentions are compared with the gold place using the scorer's own
``place_match`` (imported from ``score.py``: same normalization) on the
mention's surface and its gazetteer Arabic name. Each event gets a status:

- ``ok``: a mention matches and its admin1 (the place's, else the region the
  text gives) matches the gold admin1 (the scorer's ``admin_match``);
- ``admin1``: a mention matches but its admin1 is wrong or missing;
- ``none``: no mention matches (the places stage missed the name).

With ``--system`` (records written by scripts/score_dev.py) each required gold
event the scorer leaves unmatched is put down to the places stage (``none``,
``admin1`` with no record at the place) or to the events stage (the mention
is right but no record was made at it); matched events with a wrong admin1
are split the same way.

Precision: ``--mentions`` lists every dev mention not yet judged in
tests/golden/places/judged_mentions.tsv (article id, surface, verdict
``place``, ``wrong`` (a place resolved wrongly) or ``not``), and the judged
shares are reported.
``--negatives`` counts place mentions per article (all, and those without a
cue) on the non-conflict sample (saudinewsnet/negatives_sample.jsonl), a
precision proxy; ``--show-negatives N`` prints N uncued ones.
``--corpus N`` prints the resolved places of N random corpus articles for
judging by hand. ``--speed N`` times the places stage alone (µs/article)
on N corpus articles.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from rasd.eval import load_scorer, read_articles, read_rows
from rasd.mentions import PlaceMention
from rasd.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]

JUDGED = REPO / "tests" / "golden" / "places" / "judged_mentions.tsv"


def admin1_of(m: PlaceMention) -> str | None:
    if m.place is not None and m.place.admin1:
        return m.place.admin1
    return m.region.admin1 if m.region is not None else None


def names_of(m: PlaceMention) -> list[str]:
    return [m.surface] + ([m.place.name_ar] if m.place else [])


class Checker:
    """Gold events against the places layer (and optionally the system records)."""

    def __init__(self, scorer, articles: Path, gold: Path, system: Path | None) -> None:
        self.s = scorer
        self.pipe = Pipeline.from_names(("normalize", "segment", "places"))
        self.arts = {a.id: a for a in read_articles(articles)}
        self.gold = read_rows(gold)
        self.records: dict[str, list[dict]] = defaultdict(list)
        if system is not None:
            for r in read_rows(system):
                if self.s.is_event(r):
                    self.records[str(r.get("article_id"))].append(r)
        self.mentions = {aid: self.pipe(a)["places"] for aid, a in self.arts.items()}

    def status(self, ev: dict, mentions) -> tuple[str, PlaceMention | None]:
        names = [ev["location_ar"]] + list(ev.get("location_alt") or [])
        hits = [m for m in mentions if self.s.place_match(names_of(m), names) > 0]
        if not hits:
            return "none", None
        primary = [m for m in hits if self.s.place_match(names_of(m), names[:1]) > 0]
        gold_a1 = self.s.as_list(ev.get("admin1"))
        good = [m for m in hits if not gold_a1 or any(
            self.s.admin_match(admin1_of(m), a) for a in gold_a1)]
        if good:
            return "ok", good[0]
        best = max(primary or hits, key=lambda m: (m.place is not None, m.confidence))
        return "admin1", best

    def record_at(self, aid: str, ev: dict) -> dict | None:
        """The system record the scorer would pair with this gold event (place and date)."""
        names = [ev.get("location_ar")] + self.s.as_list(ev.get("location_alt"))
        best, best_score = None, 0.0
        for r in self.records.get(aid, ()):
            pm = self.s.place_match(self.s.sys_places(r), names)
            if pm and self.s.days_apart(r.get("event_date"), ev.get("event_date")) <= \
                    ev.get("date_tolerance_days", 1) and pm > best_score:
                best, best_score = r, pm
        return best

    def run(self, show: bool) -> dict:
        c: Counter = Counter()
        for g in self.gold:
            aid = g["id"]
            for ev in g["events"]:
                req = "req" if ev.get("required", True) else "opt"
                st, m = self.status(ev, self.mentions[aid])
                c[f"{req}:events"] += 1
                c[f"{req}:{st}"] += 1
                verdict = ""
                if self.records and req == "req":
                    verdict = self._blame(aid, ev, st, c)
                if show and (st != "ok" or verdict.startswith(("miss", "admin1"))):
                    got = f"{m.surface}→{admin1_of(m)} ({m.rule})" if m else "-"
                    print(f"  {st:6} {req} {verdict:22} {aid[13:]:16} {ev['location_ar']} "
                          f"gold={self.s.as_list(ev.get('admin1'))} got={got}")
        return dict(c)

    def _blame(self, aid: str, ev: dict, st: str, c: Counter) -> str:
        r = self.record_at(aid, ev)
        if r is None:
            who = "events" if st == "ok" else "places"
            c[f"miss:{who}"] += 1
            return f"miss:{who}"
        gold_a1 = self.s.as_list(ev.get("admin1"))
        if not gold_a1:
            return "matched"
        if any(self.s.admin_match(r.get("admin1"), a) for a in gold_a1):
            c["matched:admin1_ok"] += 1
            return "matched"
        # the record's own place mention: was it resolved to the gold admin1?
        span = tuple((r.get("evidence") or {}).get("location_ar", [[None, None]])[0])
        m = next((m for m in self.mentions[aid] if tuple(m.span) == span), None)
        ok = m is not None and any(self.s.admin_match(admin1_of(m), a) for a in gold_a1)
        who = "events" if ok or (m is None and st == "ok") else "places"
        c[f"admin1:{who}"] += 1
        got = f"{m.surface}→{admin1_of(m)}" if m is not None else "?"
        return f"admin1:{who}({r.get('admin1')}; mention {got})"


def resolution(m: PlaceMention) -> str:
    """What a mention resolved to, as the judged file records it."""
    if m.place is not None:
        return f"{m.place.name_en}/{m.place.admin1}"
    return f"-/{m.region.admin1 if m.region is not None else None}"


def judged() -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(article id, surface) → [(verdict, resolution judged)]."""
    out: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    if JUDGED.exists():
        for line in JUDGED.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                aid, surface, verdict, res = line.split("\t")[:4]
                out[(aid, surface)].append((verdict, res))
    return out


def verdict_of(verdicts: list[tuple[str, str]], res: str) -> str | None:
    """The verdict that applies to a mention resolved to ``res`` (None: not judged so)."""
    for v, judged_res in verdicts:
        if v == "not" or judged_res == res or (judged_res == "-" and res.startswith("-/")):
            return v
    return None


def precision(ck: Checker, list_new: bool) -> dict:
    """Judged share of dev mentions (distinct surfaces per article) that are not places,
    or places resolved wrongly."""
    verdicts = judged()
    c: Counter = Counter()
    for aid, ms in ck.mentions.items():
        text = ck.arts[aid].text
        seen = set()
        for m in ms:
            if m.surface in seen:
                continue
            seen.add(m.surface)
            c["distinct"] += 1
            res = resolution(m)
            v = verdict_of(verdicts.get((aid, m.surface), []), res)
            if v is None:
                c["unjudged"] += 1
                if list_new:
                    a, b = m.span
                    ctx = text[max(0, a - 60):b + 40].replace("\n", " ")
                    print(f"{aid}\t{m.surface}\t?\t{res}\t{m.rule}\t{ctx}")
            else:
                c[v] += 1
    return dict(c)


def corpus_sample(pipe: Pipeline, shared: Path, n: int, seed: int) -> None:
    arts = read_articles(shared / "data" / "corpus" / "saudinewsnet" / "conflict.jsonl")
    for art in random.Random(seed).sample(arts, n):
        ms = pipe(art)["places"]
        print(f"\n== {art.id} {(art.title or '')[:80]}")
        seen = set()
        for m in ms:
            key = (m.surface, m.place.gid if m.place else None)
            if key in seen:
                continue
            seen.add(key)
            p = m.place
            res = f"{p.name_en} [{p.country}/{p.admin1}/{p.level}]" if p else \
                f"UNRESOLVED region={m.region.admin1 if m.region else None}"
            print(f"   {m.surface:22} cue={m.cue!s:8} gp={m.geo_precision} {res} ({m.rule})")


def negatives(pipe: Pipeline, shared: Path, show: int) -> dict:
    """Place mentions (all, uncued) on the non-conflict sample, and the time taken."""
    arts = read_articles(shared / "data" / "corpus" / "saudinewsnet" / "negatives_sample.jsonl")
    total = uncued = shown = 0
    start = time.perf_counter()
    for art in arts:
        mentions = pipe(art)["places"]
        total += len(mentions)
        for m in mentions:
            if m.cue is None:
                uncued += 1
                if shown < show:
                    shown += 1
                    print(f"  NEG {m.surface} → {m.place.name_en if m.place else None} ({m.rule})")
    return {"articles": len(arts), "mentions": total, "uncued": uncued,
            "seconds": time.perf_counter() - start}


def speed(shared: Path, n: int) -> tuple[float, float, float]:
    """(load s, first pass µs/article, steady µs/article, CPU time) of the places stage alone
    (normalize and segment run before). The first pass builds the lazy indexes
    (skeletons, Latin names, governorate names) and the word caches; the steady
    figure is the best of three later passes, as in a long run."""
    arts = read_articles(shared / "data" / "corpus" / "saudinewsnet" / "conflict.jsonl")[:n]
    pre = Pipeline.from_names(("normalize", "segment"))
    docs = [pre(a) for a in arts]
    t0 = time.perf_counter()
    stage = Pipeline.from_names(("normalize", "segment", "places")).stages[-1]
    load = time.perf_counter() - t0
    passes = []
    for _ in range(4):
        t0 = time.process_time()  # CPU time: the machine is shared
        for d in docs:
            stage(d)
        passes.append((time.process_time() - t0) / len(docs) * 1e6)
    return load, passes[0], min(passes[1:])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--system", type=Path, help="records from scripts/score_dev.py --out")
    ap.add_argument("--articles", type=Path, help="articles of another gold set (default: dev)")
    ap.add_argument("--gold", type=Path, help="gold of another set, e.g. eval/extra/gold.jsonl")
    ap.add_argument("--misses", action="store_true", help="list gold events not found right")
    ap.add_argument("--mentions", action="store_true", help="list unjudged dev mentions (TSV)")
    ap.add_argument("--negatives", action="store_true", help="place mentions on the negatives")
    ap.add_argument("--show-negatives", type=int, default=0, help="print N uncued negative mentions")
    ap.add_argument("--corpus", type=int, default=0, help="print places of N corpus articles")
    ap.add_argument("--speed", type=int, default=0, help="time the stage on N corpus articles")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    scorer = load_scorer(args.shared)
    t0 = time.perf_counter()
    dev = args.shared / "eval" / "dev"
    ck = Checker(scorer, args.articles or dev / "articles.jsonl", args.gold or dev / "gold.jsonl",
                 args.system)
    print(f"dev set processed in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
    c = ck.run(args.misses)
    for req in ("req", "opt"):
        n = c.get(f"{req}:events", 0) or 1
        print(f"{req} gold events {n}: mention found {1 - c.get(f'{req}:none', 0) / n:.3f}, "
              f"found with gold admin1 {c.get(f'{req}:ok', 0) / n:.3f}, "
              f"admin1 right when found "
              f"{c.get(f'{req}:ok', 0) / max(1, n - c.get(f'{req}:none', 0)):.3f}")
    if args.system:
        print("unmatched required events: places", c.get("miss:places", 0),
              "events", c.get("miss:events", 0), "| matched with wrong admin1: places",
              c.get("admin1:places", 0), "events", c.get("admin1:events", 0),
              "| matched admin1 ok", c.get("matched:admin1_ok", 0))
    p = precision(ck, args.mentions)
    total = p.get("place", 0) + p.get("not", 0) + p.get("wrong", 0)
    print(f"dev mentions (distinct per article): {p.get('distinct', 0)}, judged {total}, "
          f"not places {p.get('not', 0)} ({p.get('not', 0) / max(1, total):.3f}), "
          f"wrongly resolved {p.get('wrong', 0)} ({p.get('wrong', 0) / max(1, total):.3f}), "
          f"unjudged {p.get('unjudged', 0)}")
    if args.negatives or args.show_negatives:
        neg = negatives(ck.pipe, args.shared, args.show_negatives)
        a = neg["articles"] or 1
        print(f"negatives: {neg['articles']} articles, {neg['mentions'] / a:.2f} place mentions/"
              f"article ({neg['uncued'] / a:.2f} without a cue); "
              f"{neg['articles'] / neg['seconds']:.0f} articles/s (normalize+segment+places)")
    if args.corpus:
        corpus_sample(ck.pipe, args.shared, args.corpus, args.seed)
    if args.speed:
        load, first, steady = speed(args.shared, args.speed)
        print(f"places stage on {args.speed} corpus articles: load {load:.2f} s, first pass "
              f"{first:.0f} µs/article, steady {steady:.0f} µs/article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
