"""Replay hand-checked merge decisions against the current rule.

``checked_links.jsonl`` holds decisions sampled from the corpus store and
judged by a person (scripts/merge_audit.py); ``example_cases.jsonl`` holds
hand-composed ones. The rule must stay at or above the precision and recall
recorded when they were judged: a change that merges what a person said was
different, or splits what a person said was one incident, fails here.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from rasd.merge.audit import Case, metrics, read_cases, replay
from rasd.merge.rules import Decision

HERE = Path(__file__).resolve().parent
FILES = [HERE / "example_cases.jsonl", HERE / "checked_links.jsonl"]


def _flips(before: list[Case], after: list[Case]) -> list[str]:
    return [f"{c.a['event_id']}~{c.b['event_id']} human {c.human}: {b.rule} -> {c.rule} "
            f"({'; '.join(c.reasons)})" for b, c in zip(before, after) if b.rule != c.rule]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_rule_keeps_its_checked_precision_and_recall(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path.name} is not there yet (scripts/merge_audit.py makes it)")
    meta, cases = read_cases(path)
    floor = meta.get("floor")
    assert floor, f"{path.name} has no floor: run scripts/merge_audit.py score --set-floor"
    now = replay(cases)
    m = metrics(meta, now, "rule")
    flips = _flips(cases, now)
    assert m["precision"] >= floor["precision"] - 1e-9, (m, flips)
    assert m["recall_sample"] >= floor["recall_sample"] - 1e-9, (m, flips)


def test_a_rule_that_links_everything_falls_below_the_floor() -> None:
    meta, cases = read_cases(HERE / "example_cases.jsonl")
    m = metrics(meta, replay(cases, rule=lambda a, b, p: Decision(True, ("always",))), "rule")
    assert m["precision"] < meta["floor"]["precision"]
