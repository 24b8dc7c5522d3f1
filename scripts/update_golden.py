"""Regenerate the golden files of tests/golden/<stage>/ on purpose.

    .venv/bin/python scripts/update_golden.py --check            # show what differs, write nothing
    .venv/bin/python scripts/update_golden.py                    # accept today's output
    .venv/bin/python scripts/update_golden.py --stage events     # one stage only
    .venv/bin/python scripts/update_golden.py --new cues NAME "النص" --note "what it checks"

Accepting rewrites ``expected`` from the current output for every case that is not
marked ``xfail``; then read ``git diff tests/golden`` and keep only the changes a careful
coder would agree with. An ``xfail`` case keeps its expectation (it records what the
output should be); when the code starts giving it, the mark is removed and reported.
``--new`` writes a case from today's output: check every value by reading before
committing it, and mark it ``xfail`` where the code is wrong.
"""
from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.golden.goldkit import GOLDEN, STAGES, Case, cases, dumps, render, write  # noqa: E402


def _diff(case: Case, got: object) -> str:
    old = dumps(case.data.get("expected")).splitlines()
    new = dumps(got).splitlines()
    return "\n".join(difflib.unified_diff(old, new, f"{case.name} (expected)", f"{case.name} (now)",
                                          lineterm="", n=1))


def update(stage: str | None, names: list[str], check: bool) -> int:
    """Compare (and unless ``check``, rewrite) the cases; the number that differ."""
    differ = 0
    for case in cases(stage):
        if names and case.path.stem not in names:
            continue
        got = render(case)
        same = got == case.data.get("expected")
        if case.xfail:
            if same:
                print(f"now passes, xfail removed: {case.name} ({case.xfail})")
                if not check:
                    del case.data["xfail"]
                    write(case)
            continue
        if same:
            continue
        differ += 1
        print(_diff(case, got))
        if not check:
            case.data["expected"] = got
            write(case)
    return differ


def new_case(stage: str, name: str, text: str, published: str | None, note: str) -> None:
    path = GOLDEN / stage / f"{name}.json"
    if path.exists():
        raise SystemExit(f"{path} exists: edit it or pick another name")
    case = Case(stage, path, {"note": note, "text": text})
    if published:
        case.data["published"] = published
    case.data["expected"] = render(case)
    write(case)
    print(f"wrote {path}: check every expected value by reading it")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("names", nargs="*", help="case names (file stems) to update; default all")
    ap.add_argument("--stage", choices=sorted(STAGES))
    ap.add_argument("--check", action="store_true", help="report differences, write nothing")
    ap.add_argument("--new", nargs=3, metavar=("STAGE", "NAME", "TEXT"), help="add a case")
    ap.add_argument("--published", default="2015-08-06", help="publication date of a new case")
    ap.add_argument("--note", default="", help="what a new case is about")
    args = ap.parse_args(argv)
    if args.new:
        stage, name, text = args.new
        if stage not in STAGES:
            ap.error(f"unknown stage {stage!r}")
        new_case(stage, name, text, args.published, args.note or name)
        return 0
    differ = update(args.stage, args.names, args.check)
    verb = "differ" if args.check else "rewritten"
    print(f"{differ} golden case(s) {verb}")
    return 1 if args.check and differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
