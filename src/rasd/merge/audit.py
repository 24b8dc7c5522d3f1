"""Measuring merging: sample link decisions for a human, keep the verdicts, replay them.

A *case* is a pair of event reports from different articles and what the
system did with it: ``linked`` (same incident in the store) and ``rule`` (what
the pairwise rule says, with its reasons). A human adds ``human``: ``same``,
``different`` or ``unsure``. Cases are sampled at random from two strata:

- links made: pairs of reports in one incident;
- links not made: pairs on the same day in the same admin1 left in different
  incidents (the pairs a merger could plausibly have missed).

The population of each stratum is kept in the file's first line, so recall
can be estimated for the whole store, not just for the sample. Case files hold
record fields only (places, dates, figures), never article text.
"""
from __future__ import annotations

import json
import random
import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

from ..errors import InputError
from .rules import ParentOf, compare

if TYPE_CHECKING:
    from ..store import Store

#: report fields kept in a case (what the rule reads, and what a reviewer needs)
CASE_FIELDS: tuple[str, ...] = (
    "event_id", "article_id", "kind", "event_date", "time_precision", "event_type",
    "sub_event_type", "actor1", "actor2", "iso", "country", "admin1", "admin2", "admin3",
    "location_ar", "pcode", "sublocations", "geo_precision", "fatalities", "fatalities_reported",
    "fatalities_children", "fatalities_women", "injured", "outlet", "published")
VERDICTS: tuple[str, ...] = ("same", "different", "unsure")
_SENTENCE_END = re.compile(r"[.!؟?\n]")


@dataclass
class Case:
    """One pair of reports, the system's decision and (once judged) the human's."""

    a: dict[str, Any]
    b: dict[str, Any]
    linked: bool
    rule: bool
    reasons: list[str]
    human: str | None = None
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "linked": self.linked, "rule": self.rule,
                "reasons": self.reasons, "human": self.human, "note": self.note}


def case_report(rec: Mapping[str, Any], parent_of: ParentOf | None) -> dict[str, Any]:
    """The fields of a report kept in a case, plus its city (``parent_pcode``) if any."""
    out = {k: rec.get(k) for k in CASE_FIELDS}
    out["parent_pcode"] = parent_of(rec["pcode"]) if parent_of and rec.get("pcode") else None
    return out


def case_parent_of(case: Case) -> ParentOf:
    """The neighbourhood -> city map recorded in a case (replay needs no gazetteer)."""
    known = {r["pcode"]: r["parent_pcode"] for r in (case.a, case.b)
             if r.get("pcode") and r.get("parent_pcode")}
    return known.get


def populations(store: "Store") -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(pairs in one incident, same-day same-admin1 pairs in different incidents)."""
    rows = store.db.query(
        "SELECT r.event_id, r.article_id, r.event_date, r.admin1, p.incident_id FROM records r "
        "JOIN profiles p ON p.profile_id = r.profile_id WHERE r.is_current = 1")
    by_incident: dict[str, list[str]] = defaultdict(list)
    by_day_area: dict[tuple[str, str], list[Mapping[str, Any]]] = defaultdict(list)
    for row in rows:
        by_incident[row["incident_id"]].append(row["event_id"])
        if row["event_date"] and row["admin1"]:
            by_day_area[(str(row["event_date"])[:10], row["admin1"])].append(row)
    linked = sorted(p for ids in by_incident.values() for p in combinations(sorted(ids), 2))
    apart = sorted((x["event_id"], y["event_id"]) if x["event_id"] < y["event_id"]
                   else (y["event_id"], x["event_id"])
                   for group in by_day_area.values() for x, y in combinations(group, 2)
                   if x["incident_id"] != y["incident_id"] and x["article_id"] != y["article_id"])
    return linked, apart


def sample_cases(store: "Store", n: int, seed: int, parent_of: ParentOf | None = None
                 ) -> tuple[dict[str, Any], list[Case]]:
    """Half links made, half links not made (fewer when a stratum is smaller), at random."""
    linked, apart = populations(store)
    rnd = random.Random(seed)
    want_linked = min(len(linked), n // 2)
    want_apart = min(len(apart), n - want_linked)
    pairs = [(p, True) for p in rnd.sample(linked, want_linked)] + \
            [(p, False) for p in rnd.sample(apart, want_apart)]
    rnd.shuffle(pairs)
    recs = {r["event_id"]: r for r in store.reports(kinds=("event",))}
    cases = []
    for (ea, eb), together in pairs:
        a, b = case_report(recs[ea], parent_of), case_report(recs[eb], parent_of)
        decision = compare(recs[ea], recs[eb], parent_of)
        cases.append(Case(a, b, together, decision.linked, list(decision.reasons)))
    meta = {"seed": seed, "population": {"linked": len(linked), "not_linked": len(apart)},
            "sampled": {"linked": want_linked, "not_linked": want_apart}}
    return meta, cases


def evidence_sentences(text: str, rec: Mapping[str, Any], fields: Sequence[str] = (
        "location_ar", "fatalities", "event_date", "sub_event_type", "actor1")) -> list[str]:
    """The sentences of ``text`` that hold the evidence of the report's key fields."""
    spans = sorted({tuple(s) for f in fields for s in (rec.get("evidence") or {}).get(f, ())})
    out: list[str] = []
    for start, end in spans:
        left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
        right = _SENTENCE_END.search(text, end)
        sentence = text[left:right.end() if right else len(text)].strip()
        if sentence and sentence not in out:
            out.append(sentence[:400])
    return out


def replay(cases: Iterable[Case], rule: Any = compare) -> list[Case]:
    """The cases with ``rule``/``reasons`` recomputed by the current pairwise rule."""
    out = []
    for c in cases:
        decision = rule(c.a, c.b, case_parent_of(c))
        out.append(Case(c.a, c.b, c.linked, decision.linked, list(decision.reasons), c.human,
                        c.note))
    return out


def metrics(meta: Mapping[str, Any], cases: Iterable[Case], field: str = "linked"
            ) -> dict[str, Any]:
    """Precision and recall of links (``linked``: the store; ``rule``: the pairwise rule).

    Recall weighs each stratum by its population: the sample holds as many
    links-not-made as links-made, the store far more.
    """
    judged = [c for c in cases if c.human in ("same", "different")]
    counts = {(s, d): 0 for s in (True, False) for d in ("same", "different")}
    strata = {(c.linked, c.human): 0 for c in judged}
    for c in judged:
        counts[(bool(getattr(c, field)), c.human)] += 1
        strata[(c.linked, c.human)] += 1
    tp, fp = counts[(True, "same")], counts[(True, "different")]
    fn = counts[(False, "same")]
    pop = meta.get("population", {})
    n_linked = sum(v for (s, _), v in strata.items() if s)
    n_apart = sum(v for (s, _), v in strata.items() if not s)
    out = {"judged": len(judged), "tp": tp, "fp": fp, "fn": fn, "tn": counts[(False, "different")],
           "precision": tp / (tp + fp) if tp + fp else None,
           "recall_sample": tp / (tp + fn) if tp + fn else None, "recall": None}
    if field == "linked" and n_linked and n_apart and pop:
        est_tp = pop["linked"] * strata.get((True, "same"), 0) / n_linked
        est_fn = pop["not_linked"] * strata.get((False, "same"), 0) / n_apart
        out["recall"] = est_tp / (est_tp + est_fn) if est_tp + est_fn else None
    return out


def write_cases(path: Path, meta: Mapping[str, Any], cases: Sequence[Case]) -> None:
    """One JSON line of metadata, then one line per case (written atomically)."""
    tmp = path.with_suffix(path.suffix + ".part")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(json.dumps({"meta": meta}, ensure_ascii=False, sort_keys=True) + "\n")
        for case in cases:
            f.write(json.dumps(case.to_json(), ensure_ascii=False, sort_keys=True) + "\n")
    tmp.replace(path)


def read_cases(path: Path) -> tuple[dict[str, Any], list[Case]]:
    """The metadata and cases of a case file."""
    with open(path, encoding="utf-8") as f:
        lines = [json.loads(line) for line in f if line.strip()]
    if not lines or "meta" not in lines[0]:
        raise InputError('the first line must be {"meta": ...}', source=str(path))
    return lines[0]["meta"], [Case(**row) for row in lines[1:]]
