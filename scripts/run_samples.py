#!/usr/bin/env python3
"""`make run`: ingest the bundled samples into rasd.db, print the incidents, export ACLED CSV.

    python scripts/run_samples.py [INPUT...] [--db rasd.db] [--out out]

The code path of `rasd ingest`, `rasd reprocess` and `rasd export`: articles
already stored are skipped, articles coded by an older pipeline are coded
again (analyst edits kept), then the incidents table is printed and written
as out/samples.csv (ACLED's columns, then rasd's) with every report in
out/samples.jsonl. Needs only the installed package: the samples are bundled.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

from rasd.cli.progress import Progress
from rasd.cli.report import incident_table
from rasd.cli.store import run_ingest
from rasd.errors import RasdError
from rasd.export import open_writer
from rasd.extract import Extractor
from rasd.io import ReadOptions
from rasd.store import Store

REPO = Path(__file__).resolve().parents[1]


def run(inputs: Sequence[str], db: str, out: Path) -> int:
    """Ingest, bring old codings up to date, print and export; the exit status."""
    extractor = Extractor()
    with Store.open(db) as store:
        with Progress(None, "ingest", sys.stderr) as bar:
            summary = run_ingest(inputs, store, extractor, ReadOptions(), bar)
        redone = store.reprocess(extractor)["reprocessed"]
        incidents = store.incidents()
        reports = store.reports()
        out.mkdir(parents=True, exist_ok=True)
        with open_writer("csv", out / "samples.csv") as csv:
            for incident in incidents:
                csv.write(incident)
        with open_writer("jsonl", out / "samples.jsonl") as jsonl:
            for report in reports:
                jsonl.write(report)
        counts = store.counts()
    print("\n".join(summary.lines()))
    if redone:
        print(f"{redone} stored articles re-coded by pipeline {extractor.version}")
    print(f"\nincidents in {db} (most deaths first; ! = reports contradict each other)\n")
    print("\n".join(incident_table(incidents, limit=max(1, len(incidents)))))
    print(f"\n{counts['incidents']} incidents → {out / 'samples.csv'} (ACLED CSV); "
          f"{len(reports)} reports ({counts['events']} events, {counts['tallies']} tallies, "
          f"{counts['statements']} statements) → {out / 'samples.jsonl'}")
    return 1 if summary.errors else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", default=[str(REPO / "samples" / "articles.jsonl")])
    parser.add_argument("--db", default="rasd.db", help="the store (default: rasd.db)")
    parser.add_argument("--out", type=Path, default=REPO / "out")
    args = parser.parse_args(argv)
    try:
        return run(args.inputs, args.db, args.out)
    except RasdError as exc:
        print(f"error {exc}", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
