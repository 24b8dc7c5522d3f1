"""Coded records (events, tallies, statements) and their JSON form.

A :class:`Record` holds :class:`Field` values, each with its evidence spans
(raw-text offsets), the rule that produced it and a confidence. ``to_dict``
flattens it into the JSON line of EVENTS.md §2: values at top level,
``evidence`` and ``provenance`` keyed by field name.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping

from .document import Article, Span


@dataclass(frozen=True, slots=True)
class Field:
    """One extracted value with its evidence."""

    value: Any
    spans: tuple[Span, ...] = ()
    rule: str = ""
    confidence: float = 1.0


@dataclass(frozen=True)
class Record:
    """An event, tally or statement coded from one article."""

    kind: str
    fields: Mapping[str, Field] = field(default_factory=lambda: MappingProxyType({}))
    confidence: float = 1.0
    key: str = ""  # what makes it unique within its article (for event_id)

    def value(self, name: str, default: Any = None) -> Any:
        f = self.fields.get(name)
        return default if f is None else f.value

    def to_dict(self, article: Article, pipeline_version: str) -> dict[str, Any]:
        """The JSON form: field values, evidence, provenance and article metadata."""
        out: dict[str, Any] = {"kind": self.kind, "article_id": article.id,
                               "event_id": event_id(article, self)}
        evidence: dict[str, list[list[int]]] = {}
        provenance: dict[str, dict[str, Any]] = {}
        for name, f in self.fields.items():
            out[name] = f.value
            if f.value is None or f.value == [] or f.value == "":
                continue
            if f.spans:
                evidence[name] = [s.as_list() for s in sorted(set(f.spans))]
            provenance[name] = {"rule": f.rule, "confidence": round(f.confidence, 3)}
        out["evidence"] = evidence
        out["provenance"] = provenance
        out["confidence"] = round(self.confidence, 3)
        out["published"] = article.published.isoformat() if article.published else None
        out["outlet"] = article.outlet
        out["url"] = article.url
        out["pipeline_version"] = pipeline_version
        return out


def event_id(article: Article, record: Record) -> str:
    """Stable id: the same article text and record key give the same id on every run."""
    h = hashlib.sha256(f"{article.id}\x1f{article.content_hash}\x1f{record.kind}\x1f{record.key}"
                       .encode("utf-8"))
    return h.hexdigest()[:20]
