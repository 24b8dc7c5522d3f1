"""One incident from the reports merged into it: every figure kept, one chosen.

For each figure (deaths, children, women, unidentified, injured) the incident
keeps what every report said (``reports``), the reported range, ACLED's
conservative value (the lowest positive figure: a report that gives no toll
is not a report of zero deaths) and whether the reports contradict each other
(their ranges do not overlap). Place, date, type and actors come from the most
precise report (the *lead*); the date is the earliest precise one, since
follow-up reports come later. Sublocations are pooled.

The result depends only on the set of reports, so it is deterministic.
"""
from __future__ import annotations

import hashlib
from datetime import date, datetime, timezone
from typing import Any, Iterable, Mapping, Sequence

from .rules import reported_range

Rec = Mapping[str, Any]

#: figures aggregated per incident
FIGURES: tuple[str, ...] = ("fatalities", "fatalities_children", "fatalities_women",
                            "fatalities_unidentified", "injured")
#: per-report fields kept in an incident's ``reports`` list
REPORT_FIELDS: tuple[str, ...] = (
    "event_id", "article_id", "outlet", "published", "url", "reporting_source", "event_date",
    "location_ar", "pcode", "sub_event_type", "actor1", "actor2", "fatalities_reported",
    *FIGURES)
def incident_id(event_ids: Iterable[str]) -> str:
    """Stable id of an incident: derived from its smallest report id."""
    return hashlib.sha256(f"incident\x1f{min(event_ids)}".encode("utf-8")).hexdigest()[:20]


def conservative(values: Sequence[int]) -> int | None:
    """ACLED's rule over several reports: the lowest positive figure, else 0, else None."""
    positive = [v for v in values if v > 0]
    if positive:
        return min(positive)
    return 0 if values else None


def figure_summary(members: Sequence[Rec], field: str) -> dict[str, Any]:
    """Value, reported range and contradiction flag of one figure across reports."""
    ranges = [r for r in (reported_range(m, field) for m in members) if r is not None]
    positive = [r for r in ranges if r[1] > 0]
    value = conservative([r[0] if r[0] > 0 else r[1] for r in ranges])
    use = positive or ranges
    return {
        "value": value,
        "min": min(r[0] for r in use) if use else None,
        "max": max(r[1] for r in use) if use else None,
        # disjoint ranges: at least two reports cannot both be right
        "contradictory": bool(positive) and max(r[0] for r in positive) > min(r[1] for r in positive),
    }


def lead_report(members: Sequence[Rec]) -> Rec:
    """The most precise report: best geo precision, then date precision, confidence, id."""
    return min(members, key=lambda m: (m.get("geo_precision") or 9, m.get("time_precision") or 9,
                                       -(m.get("confidence") or 0.0), m["event_id"]))


def _event_date(members: Sequence[Rec]) -> str | None:
    dated = [m for m in members if m.get("event_date")]
    if not dated:
        return None
    best = min(m.get("time_precision") or 9 for m in dated)
    return min(str(m["event_date"]) for m in dated if (m.get("time_precision") or 9) == best)


def _joined(values: Iterable[Any], sep: str = "; ") -> str | None:
    kept = sorted({str(v) for v in values if v})
    return sep.join(kept) if kept else None


def _timestamp(members: Sequence[Rec]) -> int | None:
    """ACLED's timestamp (last update), taken from the latest report: never the clock."""
    days = [str(m["published"])[:10] for m in members if m.get("published")]
    if not days:
        return None
    d = date.fromisoformat(max(days))
    return int(datetime(d.year, d.month, d.day, tzinfo=timezone.utc).timestamp())


def aggregate(members: Sequence[Rec], links: Mapping[str, Sequence[Mapping[str, Any]]] | None = None
              ) -> dict[str, Any]:
    """The incident record of ``members`` (effective report dicts, any order).

    ``links`` maps a report's event id to the links that tie it to the others
    (``{"with": event_id, "reasons": [...]}``); they are kept in ``reports``.
    """
    members = sorted(members, key=lambda m: m["event_id"])
    lead = lead_report(members)
    inc_id = incident_id(m["event_id"] for m in members)
    # event_id_cnty is left to the exporters, which derive it from event_id (the incident id)
    out: dict[str, Any] = {k: v for k, v in lead.items()
                           if k not in ("evidence", "provenance", "article_id", "url",
                                        "event_id_cnty")}
    figures = {f: figure_summary(members, f) for f in FIGURES}
    for f in FIGURES:
        out[f] = figures[f]["value"]
    fat = figures["fatalities"]
    subs = {s for m in members for s in (m.get("sublocations") or ())}
    subs |= {m["location_ar"] for m in members if m.get("location_ar")}
    subs.discard(lead.get("location_ar"))
    contradictions = [f for f in FIGURES if figures[f]["contradictory"]]
    out.update({
        "kind": "event", "event_id": inc_id, "incident_id": inc_id,
        "event_date": _event_date(members),
        "fatalities_reported": None if fat["min"] is None else {"min": fat["min"], "max": fat["max"]},
        "figures": figures, "contradictory": bool(contradictions), "contradictions": contradictions,
        "sublocations": sorted(subs),
        "source": _joined(m.get("outlet") for m in members),
        "reporting_source": _joined(m.get("reporting_source") for m in members),
        "article_id": _joined((m.get("article_id") for m in members), ";"),
        "url": None, "evidence": {}, "provenance": {},
        "confidence": max((m.get("confidence") or 0.0) for m in members),
        "published": min((str(m["published"]) for m in members if m.get("published")), default=None),
        "timestamp": _timestamp(members),
        "lead_report": lead["event_id"],
        "n_reports": len(members),
        "reports": [_report_entry(m, (links or {}).get(m["event_id"], ())) for m in members],
    })
    return out


def _report_entry(m: Rec, links: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    entry = {k: m.get(k) for k in REPORT_FIELDS}
    entry["links"] = sorted(links, key=lambda x: x["with"])
    return entry
