"""Golden files per stage (DEVELOPERS.md rule 7): each hand-written passage in
``tests/golden/<stage>/`` must give the layer output a careful coder expects.

A case the code gets wrong today carries ``"xfail": "<reason>"`` and stays a strict
expected failure until the code is fixed. To accept a deliberate change of output run
``scripts/update_golden.py`` and review the diff.
"""
from __future__ import annotations

import pytest

from tests.golden.goldkit import STAGES, Case, cases, render


def _params() -> list:
    out = []
    for case in cases():
        marks = [pytest.mark.xfail(strict=True, reason=case.xfail)] if case.xfail else []
        out.append(pytest.param(case, id=case.name, marks=marks))
    return out


@pytest.mark.parametrize("case", _params())
def test_stage_output_matches_its_golden_file(case: Case):
    assert render(case) == case.data["expected"]


@pytest.mark.parametrize("stage", sorted(STAGES))
def test_every_stage_has_golden_passages(stage: str):
    found = cases(stage)
    assert len(found) >= 4, f"tests/golden/{stage}/ has {len(found)} cases"
    assert all(c.data.get("note") and c.data.get("text") for c in found)
