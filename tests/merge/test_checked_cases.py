"""Replay hand-checked merge decisions against the current rule.

The ``checked_links*.jsonl`` files hold pairs of real reports drawn at random
from a store of the conflict corpus (scripts/merge_audit.py) and judged by a
person who read both articles' evidence: the record fields the rule reads and
short evidence snippets, never the articles. The rule must stay at or above
the precision and recall recorded when the floor was set: a change that merges
what a person said was different, or splits what a person said was one
incident, fails here. Replaying needs neither the store nor the extractor.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from rasd.merge.audit import Case, VERDICTS, metrics, read_cases, replay
from rasd.merge.rules import Decision

HERE = Path(__file__).resolve().parent
FILES = sorted(HERE.glob("checked_links*.jsonl"))


def _flips(before: list[Case], after: list[Case]) -> list[str]:
    return [f"{c.a['event_id']}~{c.b['event_id']} human {c.human}: {b.rule} -> {c.rule} "
            f"({'; '.join(c.reasons)})" for b, c in zip(before, after) if b.rule != c.rule]


def test_there_are_at_least_forty_judged_cases() -> None:
    judged = [c for p in FILES for c in read_cases(p)[1] if c.human in VERDICTS]
    assert len(judged) >= 40
    assert all(c.note and c.snippets.get("a") and c.snippets.get("b") for c in judged)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_rule_keeps_its_checked_precision_and_recall(path: Path) -> None:
    meta, cases = read_cases(path)
    floor = meta.get("floor")
    assert floor, f"{path.name} has no floor: run scripts/merge_audit.py score --set-floor"
    now = replay(cases)
    m = metrics(meta, now, "rule")
    flips = _flips(cases, now)
    assert m["precision"] >= floor["precision"] - 1e-9, (m, flips)
    assert m["recall_sample"] >= floor["recall_sample"] - 1e-9, (m, flips)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_a_rule_that_links_everything_falls_below_the_floor(path: Path) -> None:
    meta, cases = read_cases(path)
    m = metrics(meta, replay(cases, rule=lambda a, b, p: Decision(True, ("always",))), "rule")
    assert m["precision"] < meta["floor"]["precision"]
