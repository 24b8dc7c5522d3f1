"""Golden files per stage: hand-written passages and the layer output a careful coder
expects of them, compared by ``tests/test_golden.py`` and rewritten on purpose by
``scripts/update_golden.py`` (the diff then shows what changed).

A case is one JSON file ``tests/golden/<stage>/<name>.json``::

    {"note": "what the case is about", "text": "...", "published": "2015-08-06",
     "xfail": "why the code gets it wrong today (optional)", "expected": ...}

``expected`` is what :func:`render` gives for that stage: the raw text under each
span, the span, and the key fields of each mention or record.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable

from rasd.config import DEFAULT_STAGES
from rasd.document import Article, Document
from rasd.pipeline import Pipeline

GOLDEN = Path(__file__).resolve().parent
#: the pipeline each stage's golden files run
STAGES: dict[str, tuple[str, ...]] = {
    "segment": ("normalize", "segment"),
    "numbers": ("normalize", "segment", "numbers"),
    "dates": ("normalize", "segment", "dates"),
    "cues": ("normalize", "segment", "numbers", "cues"),
    "events": DEFAULT_STAGES,
}
EVENT_FIELDS = ("event_date", "time_precision", "event_type", "sub_event_type", "location_ar",
                "admin1", "geo_precision", "sublocations", "fatalities", "fatalities_reported",
                "fatalities_children", "fatalities_women", "injured", "actor1", "actor2")


@dataclass
class Case:
    stage: str
    path: Path
    data: dict[str, Any]

    @property
    def name(self) -> str:
        return f"{self.stage}/{self.path.stem}"

    @property
    def xfail(self) -> str | None:
        return self.data.get("xfail")


def cases(stage: str | None = None) -> list[Case]:
    """Every golden case (of one stage), in a stable order."""
    out = []
    for s in STAGES if stage is None else [stage]:
        for p in sorted((GOLDEN / s).glob("*.json")):
            out.append(Case(s, p, json.loads(p.read_text(encoding="utf-8"))))
    return out


@functools.lru_cache(maxsize=None)
def pipeline(stage: str) -> Pipeline:
    return Pipeline.from_names(list(STAGES[stage]))


def run(case: Case) -> Document:
    published = case.data.get("published")
    article = Article(case.path.stem, case.data["text"],
                      date.fromisoformat(published) if published else None)
    return pipeline(case.stage)(article)


def _span(doc: Document, span: Any) -> dict[str, Any]:
    return {"text": doc.raw(span), "span": [span.start, span.end]}


def _segment(doc: Document) -> list[dict[str, Any]]:
    return [{**_span(doc, s.span), "clauses": [doc.raw(doc.raw_span(a, b)) for a, b in s.clauses]}
            for s in doc["sentences"]]


def _numbers(doc: Document) -> list[dict[str, Any]]:
    return [{**_span(doc, n.span), "value": n.value, "kind": n.kind, "vague": n.vague,
             "qualifier": n.qualifier, "head": n.head} for n in doc["numbers"]]


def _dates(doc: Document) -> list[dict[str, Any]]:
    return [{**_span(doc, d.span), "value": d.value.isoformat(),
             "start": (d.start or d.value).isoformat(), "precision": d.precision,
             "relative": d.relative} for d in doc["dates"]]


def _cues(doc: Document) -> dict[str, Any]:
    return {
        "triggers": [{**_span(doc, t.span), "sub_event_type": t.sub_event_type, "rule": t.rule}
                     for t in doc["triggers"]],
        "casualties": [_casualty(doc, c) for c in doc["casualties"]],
    }


def _casualty(doc: Document, c: Any) -> dict[str, Any]:
    out = {**_span(doc, c.span), "kind": c.kind, "count": c.count, "victims": c.victims,
           "negated": c.negated}
    # subsets only when the text gives them (null otherwise): shorter golden files
    out.update({k: getattr(c, k) for k in ("children", "women", "unidentified")
                if getattr(c, k) is not None})
    return out


def _events(doc: Document) -> dict[str, Any]:
    return {
        "events": [{k: r.value(k) for k in EVENT_FIELDS} for r in doc["events"]],
        "tallies": [{k: r.value(k) for k in ("event_date", "fatalities")} for r in doc["tallies"]],
    }


RENDER: dict[str, Callable[[Document], Any]] = {
    "segment": _segment, "numbers": _numbers, "dates": _dates, "cues": _cues, "events": _events}


def render(case: Case) -> Any:
    """What the stage gives for the case today, in the golden form."""
    return json.loads(json.dumps(RENDER[case.stage](run(case)), ensure_ascii=False))


def dumps(obj: Any, indent: int = 0, width: int = 130) -> str:
    """JSON with small lists and objects kept on one line (readable diffs)."""
    flat = json.dumps(obj, ensure_ascii=False)
    if len(flat) + indent <= width or not isinstance(obj, (list, dict)) or not obj:
        return flat
    pad, inner = " " * indent, " " * (indent + 2)
    if isinstance(obj, list):
        items = [inner + dumps(v, indent + 2, width) for v in obj]
        return "[\n" + ",\n".join(items) + "\n" + pad + "]"
    items = [f"{inner}{json.dumps(k, ensure_ascii=False)}: {dumps(v, indent + 2, width)}"
             for k, v in obj.items()]
    return "{\n" + ",\n".join(items) + "\n" + pad + "}"


def write(case: Case) -> None:
    order = ["note", "text", "published", "xfail", "expected"]
    data = {k: case.data[k] for k in order if k in case.data}
    data.update({k: v for k, v in case.data.items() if k not in data})
    case.path.parent.mkdir(parents=True, exist_ok=True)
    case.path.write_text(dumps(data) + "\n", encoding="utf-8")
