#!/usr/bin/env python3
"""List the matched dev events whose actor1 family is wrong, and why.

The dev set is extracted with the full pipeline; system events are matched to
gold events exactly as ``../shared/eval/score.py`` matches them (its own
functions are imported), and families come from its ``family()``. For every
matched required event with a wrong actor1 family the report shows the
passage around the trigger, the actor mentions of the event's frame(s), the
roles chosen and the rule, the gold family, and a cause:

- ``frame_has_gold_wrong_role``: a mention of the gold family is in the frame
  but another one (or none) was chosen as actor1;
- ``sentence_has_gold_not_frame``: the gold family is named in the sentence
  but the frame did not take the mention (a frame problem);
- ``other_sentence``: named only in another sentence of the article;
- ``default_wrong``: no perpetrator in the frame and the default
  (perpetrators.toml / unidentified) is wrong, the gold family not named;
- ``resolved_wrong``: a mention of the right words resolved to another
  family (country or date of the resolution);
- ``not_recognised``: the gold family is nowhere among the article's mentions.

Usage: python scripts/actor_errors.py [--shared ../shared] [--set dev] [--brief]
       [--all] (also list correct events, to see what a change would break)
       python scripts/actor_errors.py --corpus saudinewsnet/conflict.jsonl [--sample 30] [--seed 1]
       (a random sample of the corpus's events, not in the dev set, with their
       passages, actors and rules, to judge actor1 by hand)
"""
from __future__ import annotations

import argparse
import bisect
import random
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

from rasd.document import Article, Document
import rasd.stages  # noqa: F401  first: the events modules import stages (a cycle otherwise)
from rasd.extract import Extractor
from rasd.eval import load_scorer, match_gold, read_articles, read_rows
from rasd.stages.events import code

REPO = Path(__file__).resolve().parents[1]


def drafts_of(doc: Document) -> list[Any]:
    """The merged drafts behind ``doc['events']``, in the same order (as the events stage)."""
    return code(doc)[0]


def _sentence_of(doc: Document, nstart: int) -> int:
    starts = [s.nstart for s in doc["sentences"]]
    return max(0, bisect.bisect_right(starts, nstart) - 1)


def cause(sc: ModuleType, doc: Document, d: Any, rec: dict[str, Any], gold_fams: list[str]) -> str:
    """Classify why actor1 is wrong (see the module docstring)."""
    fam = lambda m: sc.family(m.actor.name)  # noqa: E731
    frame_actors = [m for f in d.frames for m in f.actors + f.borrowed.get("actors", [])]
    if any(fam(m) in gold_fams for m in frame_actors):
        return "frame_has_gold_wrong_role"
    sents = {f.sentence for f in d.frames}
    mentions = doc.get("actors", ())
    if any(fam(m) in gold_fams and _sentence_of(doc, m.nstart) in sents for m in mentions):
        return "sentence_has_gold_not_frame"
    if any(fam(m) in gold_fams for m in mentions):
        return "other_sentence"
    if any(gf in {a.family for m in mentions for a in m.alternatives} for gf in gold_fams):
        return "resolved_wrong"
    rule = rec.get("provenance", {}).get("actor1", {}).get("rule", "")
    if rule in ("actor.default_for_country", "actor.unidentified"):
        return "default_wrong"
    return "not_recognised"


def _ctx(doc: Document, d: Any) -> str:
    """The sentences of the event's frames, raw."""
    out = []
    for k in sorted({f.sentence for f in d.frames}):
        s = doc["sentences"][k]
        out.append(f"[S{k}] " + doc.raw(s.span)[:500].replace("\n", " "))
    return "\n      ".join(out)


def report(sc: ModuleType, doc: Document, d: Any, rec: dict[str, Any], ge: dict[str, Any], why: str) -> str:
    """A readable block for one wrong event."""
    r = d.roles
    frame_actors = [m for f in d.frames for m in f.actors]
    borrowed = [m for f in d.frames for m in f.borrowed.get("actors", [])]
    art_actors = [m for m in doc.get("actors", ()) if m not in frame_actors]
    prov = rec.get("provenance", {})
    trig = d.kind.trigger
    lines = [
        f"## {doc.article.id}  {rec.get('location_ar')} {rec.get('event_date')} {rec.get('sub_event_type')}",
        f"   gold: {ge.get('actor1_family')} {ge.get('sub_event_type')} {ge.get('note', '')!s:.120}\n"
        f"   system: {rec.get('actor1')} [{sc.family(rec.get('actor1'))}]"
        f"  rule={prov.get('actor1', {}).get('rule')}   cause={why}",
        f"   actor2: {rec.get('actor2')} rule={prov.get('actor2', {}).get('rule')}",
        f"   trigger: {trig.text if trig else None} ({d.kind.rule}); frame triggers: "
        + ", ".join(t.text for f in d.frames for t in f.triggers),
        "   frame actors: " + "; ".join(f"{m.text}->{m.actor.name}[{m.rule}]" for m in frame_actors),
        "   borrowed: " + "; ".join(f"{m.text}->{m.actor.name}" for m in borrowed),
        f"   roles: a1={r.actor1.text if r.actor1 else None} ({r.rule1}) a2={r.actor2.text if r.actor2 else None}"
        f" ({r.rule2}) victims={[m.text for m in r.victims]}",
        "   other article actors: " + "; ".join(
            f"S{_sentence_of(doc, m.nstart)}:{m.text}->{sc.family(m.actor.name)}" for m in art_actors[:12]),
        "   text: " + _ctx(doc, d),
    ]
    return "\n".join(lines)


def sample(sc: ModuleType, shared: Path, corpus: str, n: int, seed: int) -> int:
    """Print ``n`` random events of corpus articles outside the dev set, for hand judging."""
    dev = {r["id"] for r in read_rows(shared / "eval" / "dev" / "articles.jsonl")}
    rows = read_rows(shared / "data" / "corpus" / corpus)
    rng = random.Random(seed)
    rng.shuffle(rows)
    ex = Extractor(keep_doc=True)
    shown = 0
    for a in rows:
        if shown >= n or a["id"] in dev:
            continue
        day = a.get("published") or a.get("date_extracted")  # the corpus keeps the crawl date
        art = Article(a["id"], a["text"], date.fromisoformat(day[:10]) if day else None)
        res = ex.extract(art)
        events = [r for r in res.records if r["kind"] == "event"]
        if res.doc is None or not events:
            continue
        drafts = drafts_of(res.doc)
        if len(drafts) != len(events):
            continue
        k = rng.randrange(len(events))  # one event per article: more articles seen
        rec, d = events[k], drafts[k]
        shown += 1
        prov = rec.get("provenance", {})
        r = d.roles
        print(f"## {shown}. {a['id']}  {rec.get('location_ar')} {rec.get('event_date')} {rec.get('sub_event_type')}\n"
              f"   actor1: {rec.get('actor1')} [{sc.family(rec.get('actor1'))}] rule={prov.get('actor1', {}).get('rule')}"
              f"   actor2: {rec.get('actor2')}\n"
              f"   frame actors: " + "; ".join(f"{m.text}->{m.actor.family}" for f in d.frames for m in f.actors)
              + f"\n   roles: a1={r.actor1.text if r.actor1 else None} a2={r.actor2.text if r.actor2 else None}\n"
              f"   text: {_ctx(res.doc, d)}\n")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(REPO.parent / "shared"))
    ap.add_argument("--set", default="dev")
    ap.add_argument("--brief", action="store_true", help="only the counts")
    ap.add_argument("--all", action="store_true", help="also list correct events (one line each)")
    ap.add_argument("--corpus", help="a corpus file under ../shared/data/corpus: sample its events")
    ap.add_argument("--sample", type=int, default=30)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    shared = Path(args.shared)
    sc = load_scorer(shared)
    if args.corpus:
        return sample(sc, shared, args.corpus, args.sample, args.seed)
    base = shared / "eval" / args.set
    golds = {g["id"]: g for g in read_rows(base / "gold.jsonl")}
    ex = Extractor(keep_doc=True)
    causes: Counter[str] = Counter()
    ok = total = 0
    for art in read_articles(base / "articles.jsonl"):
        res = ex.extract(art)
        if res.doc is None:
            continue
        records = [r for r in res.records if r["kind"] == "event"]
        drafts = drafts_of(res.doc)
        if len(drafts) != len(records):
            print(f"!! {art.id}: {len(drafts)} drafts for {len(records)} events", file=sys.stderr)
            continue
        gold = golds.get(art.id, {})
        for i, j in match_gold(sc, records, gold.get("events", [])):
            ge = gold["events"][j]
            if not ge.get("required", True) or not ge.get("actor1_family"):
                continue
            total += 1
            fams = sc.as_list(ge["actor1_family"])
            rec = records[i]
            if sc.family(rec.get("actor1")) in fams:
                ok += 1
                if args.all:
                    print(f"ok {art.id} {rec.get('location_ar')} {rec.get('actor1')} "
                          f"{rec['provenance'].get('actor1', {}).get('rule')}")
                continue
            why = cause(sc, res.doc, drafts[i], rec, fams)
            causes[why] += 1
            if not args.brief:
                print(report(sc, res.doc, drafts[i], rec, ge, why) + "\n")
    print(f"actor1 family: {ok}/{total} = {ok / total if total else 0:.3f}")
    for k, v in causes.most_common():
        print(f"  {k:30} {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
