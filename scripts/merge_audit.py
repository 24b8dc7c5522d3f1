"""Measure cross-article merging by hand: sample link decisions, judge them, score them.

    # 1. build a store from the conflict corpus (any rasd store works)
    rasd ingest ../shared/data/corpus/saudinewsnet/conflict.jsonl \\
        ../shared/data/corpus/arabic_newspapers_corpus_2012/conflict.jsonl \\
        ../shared/data/corpus/sanad_arabiya_quiltr/all.jsonl --db out/corpus.db
    # 2. draw 40 decisions at random (20 links made, 20 same-day same-admin1 pairs not linked)
    python scripts/merge_audit.py sample --db out/corpus.db -n 40 --seed 1 \\
        -o tests/merge/checked_links.jsonl
    # 3. read each pair with its evidence sentences and answer same / different / unsure
    python scripts/merge_audit.py judge tests/merge/checked_links.jsonl --db out/corpus.db
    # 4. precision and recall of links; --set-floor records them for the replay test
    python scripts/merge_audit.py score tests/merge/checked_links.jsonl --set-floor

The case file keeps record fields only; the evidence sentences are read from
the store at judging time and never written to the repository.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Mapping

import click

from rasd.merge.audit import Case, evidence_sentences, metrics, read_cases, sample_cases, write_cases
from rasd.merge.places import parent_of
from rasd.store import Store


@click.group()
def main() -> None:
    """Sample, judge and score merge decisions."""


@main.command()
@click.option("--db", "db_url", required=True, help="The store to audit.")
@click.option("-n", "count", type=int, default=40, show_default=True)
@click.option("--seed", type=int, default=1, show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True)
def sample(db_url: str, count: int, seed: int, output: Path) -> None:
    """Draw link decisions at random and print them for a human."""
    with Store.open(db_url) as store:
        meta, cases = sample_cases(store, count, seed, parent_of)
        meta["pipeline_version"] = store.db.scalar(
            "SELECT max(pipeline_version) FROM articles WHERE is_current = 1")
        write_cases(output, meta, cases)
        for i, case in enumerate(cases):
            show(store, i, case)
    click.echo(f"{len(cases)} cases written to {output} (population: {meta['population']})")


def _describe(rec: Mapping[str, Any]) -> str:
    rng = rec.get("fatalities_reported") or {}
    return (f"{rec.get('outlet')} ({rec.get('published')}), article {rec.get('article_id')}\n"
            f"    {rec.get('event_date')}  {rec.get('location_ar')} [{rec.get('pcode')}, "
            f"{rec.get('admin1')}]  {rec.get('sub_event_type')}  {rec.get('actor1')} vs "
            f"{rec.get('actor2')}  deaths {rec.get('fatalities')} {rng or ''}")


def show(store: Store, i: int, case: Case) -> None:
    """Print one case: the decision, both reports and their evidence sentences."""
    click.echo(f"\n=== case {i}: store {'LINKED' if case.linked else 'NOT linked'}; rule: "
               f"{'link' if case.rule else 'no link'} ({'; '.join(case.reasons)})")
    for side in (case.a, case.b):
        click.echo("  " + _describe(side))
        rows = store.db.query("SELECT r.data, a.text FROM records r JOIN articles a ON "
                              "a.article_id = r.article_id AND a.content_hash = r.content_hash "
                              "WHERE r.event_id = ?", (side["event_id"],))
        if rows:
            for sentence in evidence_sentences(rows[0]["text"], json.loads(rows[0]["data"])):
                click.echo(f"      « {sentence} »")
    if case.human:
        click.echo(f"  human: {case.human} {case.note}")


@main.command()
@click.argument("cases_file", type=click.Path(exists=True, path_type=Path))
@click.option("--db", "db_url", required=True, help="The store the cases were drawn from.")
def judge(cases_file: Path, db_url: str) -> None:
    """Answer same / different / unsure for each case not judged yet (saved after each)."""
    meta, cases = read_cases(cases_file)
    keys = {"s": "same", "d": "different", "u": "unsure"}
    with Store.open(db_url) as store:
        for i, case in enumerate(cases):
            if case.human:
                continue
            show(store, i, case)
            answer = click.prompt("  [s]ame incident / [d]ifferent / [u]nsure / [q]uit",
                                  type=click.Choice([*keys, "q"]), show_choices=False)
            if answer == "q":
                break
            case.human = keys[answer]
            case.note = click.prompt("  note", default="", show_default=False)
            write_cases(cases_file, meta, cases)
    click.echo(f"{sum(1 for c in cases if c.human)} of {len(cases)} cases judged")


@main.command()
@click.argument("cases_file", type=click.Path(exists=True, path_type=Path))
@click.option("--set-floor", is_flag=True, help="Record the rule's precision/recall as the "
              "replay test's floor.")
def score(cases_file: Path, set_floor: bool) -> None:
    """Precision and recall of links against the human verdicts."""
    meta, cases = read_cases(cases_file)
    store, rule = metrics(meta, cases, "linked"), metrics(meta, cases, "rule")
    for name, m in (("store links", store), ("pairwise rule", rule)):
        click.echo(f"{name}: {m['judged']} judged, TP {m['tp']} FP {m['fp']} FN {m['fn']} "
                   f"TN {m['tn']}; precision {_pct(m['precision'])}, recall in sample "
                   f"{_pct(m['recall_sample'])}, recall (population-weighted) {_pct(m['recall'])}")
    if set_floor:
        meta["floor"] = {"precision": rule["precision"], "recall_sample": rule["recall_sample"]}
        write_cases(cases_file, meta, cases)
        click.echo(f"floor recorded in {cases_file}: {meta['floor']}")


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.1f}%"


if __name__ == "__main__":
    sys.exit(main())
