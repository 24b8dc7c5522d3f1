#!/usr/bin/env python3
"""Check the dates stage against the TimeML (TIMEX3) annotated Omani news.

Reads ``../shared/data/corpus/annotated/timeml_heideltime_alwatan/*.tml``,
strips the tags (keeping each TIMEX3's span in the plain text), runs
normalize → segment → dates with the document creation time as the
publication date, and reports the share of gold TIMEX3 dates the resolver gets
right. The files carry no explicit DCT element; the collection was annotated
with one DCT, which the script reads off the gold itself: the value of every
TIMEX3 whose text is «اليوم» (today) — it must be a single date.

Scored: DATE/TIME TIMEX3 whose value is a day (``YYYY-MM-DD``, with an
optional ``Txx`` part of day) or a month (``YYYY-MM``); the stage does not
produce years, decades, seasons, durations or PRESENT_REF and the like, which
are counted and listed as out of scope. A gold date is *right* when a system
mention overlaps its span and has the same day (same year-month for a month
value). ``--show`` lists the misses.

    .venv/bin/python scripts/date_check.py [--shared ../shared] [--show]
"""
from __future__ import annotations

import argparse
import collections
import re
import sys
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from rasd.document import Article  # noqa: E402
from rasd.pipeline import Pipeline  # noqa: E402

TML = Path("data/corpus/annotated/timeml_heideltime_alwatan")
_TAG = re.compile(r"<TIMEX3([^>]*)>(.*?)</TIMEX3>|<[^>]+>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T\w+)?$")
_MONTH = re.compile(r"(\d{4})-(\d{2})$")


def read_tml(path: Path) -> tuple[str, list[dict]]:
    """Plain text and its TIMEX3 annotations (with plain-text offsets)."""
    raw = path.read_text(encoding="utf-8")
    out: list[str] = []
    timexes: list[dict] = []
    pos = 0
    length = 0
    for m in _TAG.finditer(raw):
        chunk = raw[pos:m.start()]
        out.append(chunk)
        length += len(chunk)
        if m.group(1) is not None:
            attrs = dict(_ATTR.findall(m.group(1)))
            text = m.group(2)
            timexes.append({**attrs, "text": text, "start": length, "end": length + len(text)})
            out.append(text)
            length += len(text)
        pos = m.end()
    out.append(raw[pos:])
    return "".join(out), timexes


def infer_dct(docs: list[tuple[str, str, list[dict]]]) -> date:
    values = {t["value"] for _, _, tx in docs for t in tx if t["text"].strip() == "اليوم"}
    days = {v for v in values if _DAY.match(v)}
    if len(days) != 1:
        raise SystemExit(f"cannot infer one DCT from «اليوم» annotations: {sorted(values)}")
    y, m, d = _DAY.match(days.pop()).groups()[:3]
    return date(int(y), int(m), int(d))


def gold_target(value: str) -> tuple[str, tuple[int, ...]] | None:
    if m := _DAY.match(value):
        return "day", tuple(int(g) for g in m.groups()[:3])
    if m := _MONTH.match(value):
        return "month", tuple(int(g) for g in m.groups())
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--show", action="store_true", help="list the misses")
    args = ap.parse_args()
    folder = args.shared / TML
    docs = [(p.name, *read_tml(p)) for p in sorted(folder.glob("*.tml"),
                                                   key=lambda p: int(re.sub(r"\D", "", p.stem)))]
    dct = infer_dct(docs)
    pipe = Pipeline.from_names(["normalize", "segment", "dates"])
    counts: collections.Counter[str] = collections.Counter()
    misses = []
    for name, text, timexes in docs:
        mentions = pipe(Article(name, text, dct))["dates"]
        for tx in timexes:
            if tx.get("type") not in ("DATE", "TIME"):
                continue
            target = gold_target(tx["value"])
            if target is None:
                counts["out_of_scope"] += 1
                continue
            grain, parts = target
            counts[f"gold_{grain}"] += 1
            over = [m for m in mentions if m.span.start < tx["end"] and tx["start"] < m.span.end]
            got = [(m.value.year, m.value.month, m.value.day)[:len(parts)] for m in over]
            if parts in got:
                counts[f"right_{grain}"] += 1
            else:
                counts[f"found_wrong_{grain}" if over else f"missed_{grain}"] += 1
                misses.append((name, tx["text"], tx["value"], [(m.text, str(m.value)) for m in over]))
    gold = counts["gold_day"] + counts["gold_month"]
    right = counts["right_day"] + counts["right_month"]
    print(f"DCT {dct} (from «اليوم» annotations); {len(docs)} documents")
    print(f"TIMEX3 day/month dates: {gold} (day {counts['gold_day']}, month {counts['gold_month']}); "
          f"out of scope (years, decades, seasons, *_REF): {counts['out_of_scope']}")
    print(f"right: {right}/{gold} = {right / max(1, gold):.1%} "
          f"(day {counts['right_day']}/{counts['gold_day']}, month {counts['right_month']}/{counts['gold_month']}); "
          f"found with another date: {counts['found_wrong_day'] + counts['found_wrong_month']}; "
          f"not found: {counts['missed_day'] + counts['missed_month']}")
    if args.show:
        for name, text, value, got in misses:
            print(f"  {name}: «{text}» gold {value} system {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
