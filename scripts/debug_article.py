#!/usr/bin/env python3
"""Show how one dev article is coded: mentions, frames, records and its gold.

usage: debug_article.py INDEX_OR_ID [--shared ../shared] [--set dev] [--mentions]
"""
from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from rasd.document import Article
from rasd.extract import Extractor


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("which")
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    ap.add_argument("--set", default="dev")
    ap.add_argument("--mentions", action="store_true")
    args = ap.parse_args()
    base = Path(args.shared) / "eval" / args.set
    arts = [json.loads(x) for x in open(base / "articles.jsonl", encoding="utf-8")]
    golds = {g["id"]: g for g in (json.loads(x) for x in open(base / "gold.jsonl", encoding="utf-8"))}
    a = arts[int(args.which)] if args.which.isdigit() else next(x for x in arts if x["id"] == args.which)
    art = Article(a["id"], a["text"], date.fromisoformat(a["published"]) if a.get("published") else None)
    ex = Extractor(keep_doc=True)
    res = ex.extract(art)
    doc = res.doc
    print("==", a["id"], a.get("published"), a.get("title"))
    if res.error:
        print("ERROR", res.error)
    if args.mentions and doc is not None:
        for s in doc["sentences"]:
            print(f"\n[S{s.index}]", doc.raw(s.span)[:400])
            for layer in ("places", "dates", "actors", "casualties", "triggers", "sources"):
                for m in doc.get(layer, ()):
                    if s.nstart <= m.nstart < s.nend:
                        print("   ", layer[:5], _describe(layer, m, doc))
    print("\n-- records")
    for r in res.records:
        print(f"  {r['kind']:5} {r.get('location_ar')!s:14} {r.get('admin1')!s:14} {r.get('event_date')} "
              f"{r.get('sub_event_type')!s:32} a1={r.get('actor1')} a2={r.get('actor2')} "
              f"F={r.get('fatalities')} ch={r.get('fatalities_children')} w={r.get('fatalities_women')} "
              f"inj={r.get('injured')} subs={r.get('sublocations')}")
    print("\n-- gold")
    g = golds.get(a["id"], {})
    for e in g.get("events", []):
        print(f"  {'REQ' if e.get('required', True) else 'opt'} {e['location_ar']:14} {e.get('admin1')!s:14} "
              f"{e['event_date']} {e['sub_event_type']} a1={e.get('actor1_family')} F={e['fatalities_accept']} "
              f"ch={e.get('fatalities_children')} w={e.get('fatalities_women')} inj={e.get('injured')}")
    for t in g.get("tallies", []):
        print("  tally", t)


def _describe(layer: str, m, doc) -> str:
    raw = doc.raw(m.span)
    if layer == "places":
        p = m.place
        return f"{raw} -> {p.name_ar + '/' + p.name_en + '/' + str(p.admin1) + '/' + p.level if p else None} " \
               f"cue={m.cue} gp={m.geo_precision} {m.rule}"
    if layer == "dates":
        return f"{raw} -> {m.value} p{m.precision} {m.rule}"
    if layer == "actors":
        return f"{raw} -> {m.actor.name} [{m.actor.family}] {m.rule}"
    if layer == "casualties":
        return f"{raw} -> {m.kind} {m.count} v={m.victims} ch={m.children} w={m.women} {'NEG' if m.negated else ''}"
    if layer == "triggers":
        return f"{raw} -> {m.sub_event_type} {m.rule} {m.confidence}"
    return f"{raw} -> {getattr(m, 'name', '')}"


if __name__ == "__main__":
    main()
