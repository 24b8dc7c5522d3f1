"""Measure cross-article merging by hand: sample link decisions, judge them, score them.

    # 1. build a store from the conflict corpus (any rasd store works)
    rasd ingest ../shared/data/corpus/saudinewsnet/conflict.jsonl \\
        ../shared/data/corpus/arabic_newspapers_corpus_2012/conflict.jsonl \\
        ../shared/data/corpus/sanad_arabiya_quiltr/all.jsonl --db out/corpus.db
    # 2. draw decisions at random: links made, pairs left apart at the same place
    #    (within a day), pairs left apart in the same admin1 (within a day)
    python scripts/merge_audit.py sample --db out/corpus.db --linked 24 --same-place 16 \\
        --same-admin1 12 --seed 1 -o tests/merge/checked_links.jsonl
    # 3. read each pair with its evidence and answer same / different / unsure
    python scripts/merge_audit.py show tests/merge/checked_links.jsonl --db out/corpus.db
    python scripts/merge_audit.py mark tests/merge/checked_links.jsonl 7 same --note "..."
    #    (or interactively: python scripts/merge_audit.py judge FILE --db out/corpus.db)
    # 4. precision and recall of links (the store's when sampled, the rule's now, replayed);
    #    --set-floor records the rule's for the replay test
    python scripts/merge_audit.py score tests/merge/checked_links.jsonl --set-floor

A case file keeps the record fields the rule reads and a few short evidence
snippets per report (a clause around each span, never the article);
``show --db`` also prints the full evidence sentences from the store.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Mapping

import click

from rasd.merge.audit import (VERDICTS, Case, evidence_sentences, metrics, read_cases, replay,
                              sample_cases, write_cases)
from rasd.merge.places import parent_of
from rasd.store import Store
from rasd.store.codec import text_of


@click.group()
def main() -> None:
    """Sample, judge and score merge decisions."""


@main.command()
@click.option("--db", "db_url", required=True, help="The store to audit.")
@click.option("--linked", type=int, default=24, show_default=True, help="Links made.")
@click.option("--same-place", type=int, default=16, show_default=True,
              help="Pairs left apart at one place within a day.")
@click.option("--same-admin1", type=int, default=12, show_default=True,
              help="Other pairs left apart in one admin1 within a day.")
@click.option("--seed", type=int, default=1, show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True)
def sample(db_url: str, linked: int, same_place: int, same_admin1: int, seed: int,
           output: Path) -> None:
    """Draw link decisions at random and write them for a human."""
    counts = {"linked": linked, "same_place": same_place, "same_admin1": same_admin1}
    with Store.open(db_url, create=False) as store:
        meta, cases = sample_cases(store, counts, seed, parent_of)
        meta["pipeline_version"] = store.db.scalar(
            "SELECT max(pipeline_version) FROM articles WHERE is_current = 1")
    write_cases(output, meta, cases)
    click.echo(f"{len(cases)} cases written to {output} (population: {meta['population']})")


def _describe(rec: Mapping[str, Any]) -> str:
    rng = rec.get("fatalities_reported") or {}
    return (f"{rec.get('outlet')} ({rec.get('published')}), article {rec.get('article_id')}\n"
            f"    {rec.get('event_date')}  {rec.get('location_ar')} [{rec.get('pcode')}, "
            f"{rec.get('admin1')}]  {rec.get('sub_event_type')}  {rec.get('actor1')} vs "
            f"{rec.get('actor2')}  deaths {rec.get('fatalities')} {rng or ''}")


def show_case(store: Store | None, i: int, case: Case) -> None:
    """Print one case: the decision, both reports, their snippets (and sentences, with a store)."""
    click.echo(f"\n=== case {i} [{case.stratum}]: store {'LINKED' if case.linked else 'NOT linked'};"
               f" rule: {'link' if case.rule else 'no link'} ({'; '.join(case.reasons)})")
    for name, side in (("a", case.a), ("b", case.b)):
        click.echo("  " + _describe(side))
        for quote in case.snippets.get(name, ()):
            click.echo(f"      « {quote} »")
        rows = store.db.query("SELECT r.data, a.text FROM records r JOIN articles a ON "
                              "a.article_id = r.article_id AND a.content_hash = r.content_hash "
                              "WHERE r.event_id = ?", (side["event_id"],)) if store else []
        for sentence in (evidence_sentences(text_of(rows[0]["text"]), json.loads(rows[0]["data"]))
                         if rows else ()):
            click.echo(f"      ¶ {sentence}")
    if case.human:
        click.echo(f"  human: {case.human} {case.note}")


@main.command()
@click.argument("cases_file", type=click.Path(exists=True, path_type=Path))
@click.option("--db", "db_url", help="The store the cases were drawn from (full sentences).")
def show(cases_file: Path, db_url: str | None) -> None:
    """Print every case with its evidence."""
    _, cases = read_cases(cases_file)
    store = Store.open(db_url, create=False) if db_url else None
    try:
        for i, case in enumerate(cases):
            show_case(store, i, case)
    finally:
        if store:
            store.close()


@main.command()
@click.argument("cases_file", type=click.Path(exists=True, path_type=Path))
@click.argument("index", type=int)
@click.argument("verdict", type=click.Choice(VERDICTS))
@click.option("--note", default="", help="Why (kept with the case).")
def mark(cases_file: Path, index: int, verdict: str, note: str) -> None:
    """Record the human verdict on case INDEX."""
    meta, cases = read_cases(cases_file)
    cases[index].human, cases[index].note = verdict, note
    write_cases(cases_file, meta, cases)


@main.command()
@click.argument("cases_file", type=click.Path(exists=True, path_type=Path))
@click.option("--db", "db_url", required=True, help="The store the cases were drawn from.")
def judge(cases_file: Path, db_url: str) -> None:
    """Answer same / different / unsure for each case not judged yet (saved after each)."""
    meta, cases = read_cases(cases_file)
    keys = {"s": "same", "d": "different", "u": "unsure"}
    with Store.open(db_url, create=False) as store:
        for i, case in enumerate(cases):
            if case.human:
                continue
            show_case(store, i, case)
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
    now = replay(cases)
    store, rule = metrics(meta, cases, "linked"), metrics(meta, now, "rule")
    for name, m in (("store links (when sampled)", store), ("pairwise rule (now)", rule)):
        click.echo(f"{name}: {m['judged']} judged, TP {m['tp']} FP {m['fp']} FN {m['fn']} "
                   f"TN {m['tn']}; precision {_pct(m['precision'])}, recall in sample "
                   f"{_pct(m['recall_sample'])}, recall (population-weighted) {_pct(m['recall'])}")
    for stratum in meta.get("population", {}):
        judged = [c for c in cases if c.stratum == stratum and c.human in ("same", "different")]
        same = sum(c.human == "same" for c in judged)
        click.echo(f"  {stratum}: population {meta['population'][stratum]:,}, judged "
                   f"{len(judged)}, same incident {same}, unsure "
                   f"{sum(c.stratum == stratum and c.human == 'unsure' for c in cases)}")
    for i, (then, case) in enumerate(zip(cases, now)):
        if then.rule != case.rule:
            click.echo(f"  case {i} ({case.human}): the rule now says "
                       f"{'link' if case.rule else 'no link'} ({'; '.join(case.reasons)})")
    if set_floor:
        meta["floor"] = {"precision": rule["precision"], "recall_sample": rule["recall_sample"]}
        write_cases(cases_file, meta, cases)
        click.echo(f"floor recorded in {cases_file}: {meta['floor']}")


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.1f}%"


if __name__ == "__main__":
    sys.exit(main())
