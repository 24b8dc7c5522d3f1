#!/usr/bin/env python3
"""Date errors on the dev set: every wrongly dated event and every event missed for its date.

For each dev article the script extracts the records (keeping the document),
pairs system and gold events as ``../shared/eval/score.py`` does, and lists

- matched required events whose ``event_date`` differs from the gold date, and
- required gold events left unmatched while a system event at the same place
  exists whose date is outside the tolerance (missed only because of the date),

each with the date rule and words that were chosen, the sentence of the event,
the article's date mentions that give the gold date (if any), and a cause:

  fallback         no date was found for the event: publication day, precision 2
  inherited        a date from a nearby sentence or the lead was taken
  own              a date inside the event's frame was taken
  + no_gold_mention  no date mention of the article resolves to the gold date
                     (a resolution error, a missing pattern, or a coding convention)

    .venv/bin/python scripts/date_errors.py [--shared ../shared] [--set dev] [--brief]
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from rasd.eval import load_scorer, match_gold, read_articles, read_rows
from rasd.extract import Extractor

REPO = Path(__file__).resolve().parents[1]


def sentence_text(doc: Any, raw_start: int) -> tuple[int, str]:
    for s in doc["sentences"]:
        if s.span.start <= raw_start < s.span.end:
            return s.index, doc.raw(s.span)
    return -1, ""


def describe(doc: Any, rec: dict, ge: dict, kind: str) -> dict:
    """One error case: what was chosen, and which mentions give the gold date."""
    gold = date.fromisoformat(ge["event_date"])
    rule = rec["provenance"]["event_date"]["rule"]
    ev = rec["evidence"].get("event_date") or []
    chosen = doc.article.text[ev[0][0]:ev[0][1]] if ev and rule != "date.publication_day" else ""
    anchor = (rec["evidence"].get("sub_event_type") or rec["evidence"].get("fatalities")
              or rec["evidence"].get("location_ar") or [[0, 0]])[0][0]
    sidx, stext = sentence_text(doc, anchor)
    right = [(m.text, str(m.value), m.rule, sentence_text(doc, m.span.start)[0])
             for m in doc.get("dates", ()) if (m.start or m.value) <= gold <= m.value]
    cause = ("fallback" if rule == "date.publication_day" else
             "inherited" if "inherited" in rule else "own")
    if not right:
        cause += "+no_gold_mention"
    return {"article": doc.article.id, "published": str(doc.article.published), "kind": kind,
            "place": ge.get("location_ar"), "gold": ge["event_date"], "system": rec["event_date"],
            "rule": rule, "chosen": chosen, "sentence": sidx, "text": stext[:300],
            "gold_mentions": right, "cause": cause,
            "pub_offset": (gold - doc.article.published).days if doc.article.published else None}


def cases(shared: Path, which: str) -> tuple[list[dict], collections.Counter]:
    sc = load_scorer(shared)
    base = shared / "eval" / which
    golds = {g["id"]: g for g in read_rows(base / "gold.jsonl")}
    ex = Extractor(keep_doc=True)
    out: list[dict] = []
    totals: collections.Counter = collections.Counter()
    for art in read_articles(base / "articles.jsonl"):
        pub = art.published
        res = ex.extract(art)
        if res.doc is None:
            continue
        sys_events = [r for r in res.records if r["kind"] == "event"]
        gold_events = golds.get(art.id, {}).get("events", [])
        matched = match_gold(sc, sys_events, gold_events)
        got_gold = {j for _, j in matched}
        for i, j in matched:
            ge = gold_events[j]
            if not ge.get("required", True):
                continue
            totals["matched"] += 1
            rule = sys_events[i]["provenance"]["event_date"]["rule"]
            ok = sys_events[i]["event_date"] == ge["event_date"]
            totals[("rule", rule, ok)] += 1
            totals[("pubday", rule, ge["event_date"] == str(pub))] += 1
            if not ok:
                out.append(describe(res.doc, sys_events[i], ge, "wrong_date"))
            else:
                totals["right"] += 1
        used_s = {i for i, _ in matched}
        rest_s = [s for k, s in enumerate(sys_events) if k not in used_s]
        rest_g = [(j, g) for j, g in enumerate(gold_events) if j not in got_gold and g.get("required", True)]
        for i, jj in match_gold(sc, rest_s, [g for _, g in rest_g], use_date=False):
            out.append(describe(res.doc, rest_s[i], rest_g[jj][1], "missed_for_date"))
            totals["missed_for_date"] += 1
    return out, totals


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--set", default="dev")
    ap.add_argument("--brief", action="store_true", help="only the counts")
    ap.add_argument("--json", action="store_true", help="one JSON case per line")
    args = ap.parse_args()
    found, totals = cases(args.shared, args.set)
    if args.json:
        for c in found:
            print(json.dumps(c, ensure_ascii=False))
        return 0
    if not args.brief:
        for c in found:
            print(f"\n[{c['kind']}] {c['article']} pub {c['published']} {c['place']}: gold {c['gold']} "
                  f"({c['pub_offset']:+d}) system {c['system']} via {c['rule']} «{c['chosen']}» — {c['cause']}")
            print(f"   S{c['sentence']}: {c['text']}")
            for text, value, rule, s in c["gold_mentions"]:
                print(f"   gold-dated mention S{s}: «{text}» {value} {rule}")
    causes = collections.Counter(c["cause"] for c in found)
    print(f"\nmatched required {totals['matched']}, date right {totals['right']} "
          f"({totals['right'] / max(1, totals['matched']):.3f}); wrong {totals['matched'] - totals['right']}; "
          f"missed only for the date {totals['missed_for_date']}")
    print("causes:", dict(causes.most_common()))
    rules = sorted({k[1] for k in totals if isinstance(k, tuple)})
    print("per rule: right/matched (gold on the publication day)")
    for r in rules:
        right, wrong = totals[("rule", r, True)], totals[("rule", r, False)]
        print(f"   {r:32} {right}/{right + wrong}  ({totals[('pubday', r, True)]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
