#!/usr/bin/env python3
"""`make run`: extract events from samples/, write out/samples.jsonl and
out/samples.csv, and print what was found as a table.

Needs only the installed package (no ../shared): the samples are bundled.
"""
from __future__ import annotations

import argparse
import sys
import unicodedata
from pathlib import Path
from typing import Any, Sequence

from rasd.errors import InputError, RasdError
from rasd.export import open_writer
from rasd.extract import Extractor
from rasd.io import read_inputs

REPO = Path(__file__).resolve().parents[1]

#: (heading, record key or keys tried in order, max width)
COLUMNS: tuple[tuple[str, tuple[str, ...], int], ...] = (
    ("kind", ("kind",), 6),
    ("place", ("location_ar",), 16),
    ("place (en)", ("location",), 16),
    ("date", ("event_date",), 10),
    ("type", ("sub_event_type", "event_type"), 24),
    ("actor", ("actor1",), 28),
    ("deaths", ("fatalities",), 6),
    ("children", ("fatalities_children",), 8),
    ("women", ("fatalities_women",), 5),
    ("injured", ("injured",), 7),
)


def width(text: str) -> int:
    """Columns a string takes in a terminal (Arabic diacritics take none)."""
    return sum(0 if unicodedata.combining(ch) else 1 for ch in text)


def fit(value: Any, size: int) -> str:
    text = "—" if value is None or value == "" else str(value)
    if width(text) > size:
        text = text[:size - 1] + "…"
    return text + " " * (size - width(text))


def row(record: dict) -> str:
    cells = []
    for _, keys, size in COLUMNS:
        value = next((record[k] for k in keys if record.get(k) not in (None, "")), None)
        cells.append(fit(value, size))
    return "  " + " │ ".join(cells)


def header() -> str:
    line = "  " + " │ ".join(fit(h, size) for h, _, size in COLUMNS)
    return line + "\n  " + "─" * (width(line) - 2)


def run(inputs: Sequence[str], out: Path) -> int:
    """Extract, write both files, print the table; returns the exit status."""
    extractor = Extractor()
    failed = articles = 0
    print(f"rasd {extractor.version}: samples → {out}/samples.jsonl, {out}/samples.csv\n")
    print(header())
    with open_writer("jsonl", out / "samples.jsonl") as jsonl, \
            open_writer("csv", out / "samples.csv") as csv:
        for item in read_inputs(inputs):
            if isinstance(item, InputError):
                failed += 1
                print(f"error {item}", file=sys.stderr)
                continue
            articles += 1
            result = extractor.extract(item)
            print(f"\n  [{item.id}] {item.published or 'no date'} — {item.title or ''}")
            if result.error is not None:
                failed += 1
                print(f"  error {result.error}")
                continue
            if not result.records:
                print("  (no event coded)")
            for record in result.records:
                jsonl.write(record)
                csv.write(record)
                print(row(record))
    print(f"\n{jsonl.count} records from {articles} articles; {failed} failed")
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", default=[str(REPO / "samples" / "articles.jsonl")])
    parser.add_argument("--out", type=Path, default=REPO / "out")
    args = parser.parse_args(argv)
    try:
        return run(args.inputs, args.out)
    except RasdError as exc:
        print(f"error {exc}", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
