"""Measuring merging: sample link decisions for a human, keep the verdicts, replay them.

A *case* is a pair of event reports from different articles and what the
system did with it: ``linked`` (same incident in the store) and ``rule`` (what
the pairwise rule says, with its reasons). A human adds ``human``: ``same``,
``different`` or ``unsure``. Cases are drawn at random from three strata:

- ``linked``: pairs of reports in one incident (links made);
- ``same_place``: pairs left in different incidents that share a place key
  (the same pcode, city or place name) with event dates at most a day apart:
  the links a merger could most plausibly have missed;
- ``same_admin1``: other pairs left apart in the same admin1 within a day
  (one report names a town, the other only its province, for instance).

Pairs outside these strata (other provinces, dates further apart, undated or
unplaced reports) are taken to be different incidents. The population of each
stratum is kept in the file's first line, so that recall is estimated for the
whole store, not just for the sample.

A case keeps what the rule reads (record fields, and the city of each place)
and a few short evidence snippets (a clause around each evidence span, never
the article), so it replays without the store, the gazetteer or the extractor.
"""
from __future__ import annotations

import json
import random
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping, Sequence

from ..errors import InputError
from ..store.codec import text_of
from .profile import recorded_parents
from .rules import Decision, ParentOf, compare

if TYPE_CHECKING:
    from ..store import Store

#: report fields kept in a case (what the rule reads, and what a reviewer needs)
CASE_FIELDS: tuple[str, ...] = (
    "event_id", "article_id", "kind", "event_date", "time_precision", "event_type",
    "sub_event_type", "actor1", "actor2", "iso", "country", "admin1", "admin2", "admin3",
    "location_ar", "pcode", "sublocations", "geo_precision", "fatalities", "fatalities_reported",
    "fatalities_children", "fatalities_women", "injured", "outlet", "published")
VERDICTS: tuple[str, ...] = ("same", "different", "unsure")
STRATA: tuple[str, ...] = ("linked", "same_place", "same_admin1")
#: fields whose evidence is quoted in a case, and how much of it
SNIPPET_FIELDS: tuple[str, ...] = ("location_ar", "fatalities", "sub_event_type", "actor1")
SNIPPET_CHARS = 110
#: blocking keys that name a place (pcode, city, name), not a province
PLACE_KEYS: tuple[str, ...] = ("pc:", "nm:")
_SENTENCE_END = re.compile(r"[.!؟?\n]")
Pair = tuple[str, str]


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
    stratum: str = ""
    snippets: dict[str, list[str]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "linked": self.linked, "rule": self.rule,
                "reasons": self.reasons, "human": self.human, "note": self.note,
                "stratum": self.stratum, "snippets": self.snippets}


def case_report(rec: Mapping[str, Any], parent_of: ParentOf | None) -> dict[str, Any]:
    """The fields of a report kept in a case, plus its city (``parent_pcode``) if any."""
    out = {k: rec.get(k) for k in CASE_FIELDS}
    out["parent_pcode"] = parent_of(rec["pcode"]) if parent_of and rec.get("pcode") else None
    return out


def case_parent_of(case: Case) -> ParentOf:
    """The neighbourhood -> city map recorded in a case (replay needs no gazetteer)."""
    return recorded_parents(case.a, case.b)


def populations(store: "Store") -> dict[str, list[Pair]]:
    """Every pair of each stratum (see the module's docstring), sorted."""
    rows = store.db.query(
        "SELECT r.event_id, r.article_id, r.event_date, r.admin1, p.incident_id, p.profile_id "
        "FROM records r JOIN profiles p ON p.profile_id = r.profile_id")
    keys: dict[str, set[str]] = defaultdict(set)
    for k in store.db.query("SELECT profile_id, place_key FROM profile_keys"):
        if k["place_key"].startswith(PLACE_KEYS):  # not the province keys
            keys[k["profile_id"]].add(k["place_key"])
    by_incident: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    by_day: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for row in rows:
        by_incident[row["incident_id"]].append(row)
        if row["event_date"]:
            by_day[str(row["event_date"])[:10]].append(row)
    out: dict[str, set[Pair]] = {s: set() for s in STRATA}
    for members in by_incident.values():
        out["linked"] |= {_pair(x, y) for x, y in combinations(members, 2)
                          if x["article_id"] != y["article_id"]}
    for day, today in by_day.items():
        later = (date.fromisoformat(day) + timedelta(days=1)).isoformat()
        pairs = list(combinations(today, 2)) + [(x, y) for x in today for y in by_day.get(later, ())]
        for x, y in pairs:
            if x["incident_id"] == y["incident_id"] or x["article_id"] == y["article_id"]:
                continue
            if keys[x["profile_id"]] & keys[y["profile_id"]]:
                out["same_place"].add(_pair(x, y))
            elif x["admin1"] and x["admin1"] == y["admin1"]:
                out["same_admin1"].add(_pair(x, y))
    return {s: sorted(p) for s, p in out.items()}


def _pair(x: Mapping[str, Any], y: Mapping[str, Any]) -> Pair:
    a, b = x["event_id"], y["event_id"]
    return (a, b) if a < b else (b, a)


def sample_cases(store: "Store", counts: Mapping[str, int], seed: int,
                 parent_of: ParentOf | None = None) -> tuple[dict[str, Any], list[Case]]:
    """``counts[stratum]`` pairs of each stratum at random (fewer when it is smaller)."""
    pops = populations(store)
    rnd = random.Random(seed)
    drawn = [(p, s) for s in STRATA
             for p in rnd.sample(pops[s], min(len(pops[s]), counts.get(s, 0)))]
    rnd.shuffle(drawn)
    recs = {r["event_id"]: r for r in store.reports(kinds=("event",))}
    texts = _texts(store, sorted({recs[e]["event_id"] for p, _ in drawn for e in p}))
    cases = []
    for (ea, eb), stratum in drawn:
        a, b = recs[ea], recs[eb]
        decision = compare(a, b, parent_of)
        cases.append(Case(case_report(a, parent_of), case_report(b, parent_of),
                          a.get("incident_id") == b.get("incident_id"), decision.linked,
                          list(decision.reasons), stratum=stratum,
                          snippets={"a": snippets(texts[ea], a), "b": snippets(texts[eb], b)}))
    meta = {"seed": seed, "population": {s: len(pops[s]) for s in STRATA},
            "sampled": {s: sum(1 for _, t in drawn if t == s) for s in STRATA}}
    return meta, cases


def _texts(store: "Store", event_ids: Sequence[str]) -> dict[str, str]:
    out = {}
    for e in event_ids:
        rows = store.db.query("SELECT a.text FROM records r JOIN articles a ON a.article_id = "
                              "r.article_id AND a.content_hash = r.content_hash WHERE r.event_id = ?",
                              (e,))
        out[e] = text_of(rows[0]["text"]) if rows else ""
    return out


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


def snippets(text: str, rec: Mapping[str, Any], width: int = SNIPPET_CHARS) -> list[str]:
    """Short quotes around the evidence of the key fields: at most ``width`` characters of
    the sentence each, centred on the span (what a reviewer needs, never the article)."""
    out: list[str] = []
    for f in SNIPPET_FIELDS:
        for start, end in (rec.get("evidence") or {}).get(f, ())[:1]:
            left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
            right = _SENTENCE_END.search(text, end)
            stop = right.end() if right else len(text)
            mid = (start + end) // 2
            lo = max(left, min(mid - width // 2, stop - width))
            quote = text[lo:min(stop, lo + width)].strip()
            if quote and not any(quote in q or q in quote for q in out):
                out.append(quote)
    return out


def replay(cases: Iterable[Case], rule: Callable[..., Decision] = compare) -> list[Case]:
    """The cases with ``rule``/``reasons`` recomputed by the current pairwise rule."""
    out = []
    for c in cases:
        decision = rule(c.a, c.b, case_parent_of(c))
        out.append(Case(c.a, c.b, c.linked, decision.linked, list(decision.reasons), c.human,
                        c.note, c.stratum, c.snippets))
    return out


def metrics(meta: Mapping[str, Any], cases: Iterable[Case], field: str = "linked"
            ) -> dict[str, Any]:
    """Precision and recall of links (``linked``: the store; ``rule``: the pairwise rule).

    Recall weighs each stratum by its population: the sample holds a few
    pairs of each stratum, the store many more of some.
    """
    judged = [c for c in cases if c.human in ("same", "different")]
    counts = {(s, d): 0 for s in (True, False) for d in ("same", "different")}
    for c in judged:
        counts[(bool(getattr(c, field)), c.human)] += 1
    tp, fp = counts[(True, "same")], counts[(True, "different")]
    fn = counts[(False, "same")]
    out = {"judged": len(judged), "tp": tp, "fp": fp, "fn": fn, "tn": counts[(False, "different")],
           "precision": tp / (tp + fp) if tp + fp else None,
           "recall_sample": tp / (tp + fn) if tp + fn else None, "recall": None}
    pop = meta.get("population", {})
    if field == "linked" and pop:
        same = {s: _share_same([c for c in judged if c.stratum == s]) for s in pop}
        if all(v is not None for v in same.values()):
            found = pop["linked"] * same["linked"]
            missed = sum(pop[s] * same[s] for s in pop if s != "linked")
            out["recall"] = found / (found + missed) if found + missed else None
            out["same_share"] = same
    return out


def _share_same(cases: Sequence[Case]) -> float | None:
    return sum(c.human == "same" for c in cases) / len(cases) if cases else None


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
