"""One incident from the reports merged into it: every figure kept, one chosen.

For each figure (deaths, children, women, unidentified, injured) the incident
keeps the reported range, ACLED's conservative value (the lowest positive
figure: a report that gives no toll is not a report of zero deaths) and
whether the reports contradict each other (their ranges do not overlap).
Place, date, type and actors come from the most precise report (the *lead*);
the date is the earliest precise one, since follow-up reports come later.
Sublocations and outlets are pooled; every report is listed with its figures.

All of it is a *summary* that reports add up into: :func:`summarize` one
report, :func:`combine` two summaries (commutative and associative: only
minimums, maximums, counts and set unions), :func:`finalize` into the
incident record. So the store adds a report to an incident of 4,000 reports
in constant time, and the result never depends on the order reports came in.
"""
from __future__ import annotations

import hashlib
from datetime import date, datetime, timezone
from typing import Any, Iterable, Mapping, Sequence

from .rules import reported_range

Rec = Mapping[str, Any]
Summary = dict[str, Any]

#: figures aggregated per incident
FIGURES: tuple[str, ...] = ("fatalities", "fatalities_children", "fatalities_women",
                            "fatalities_unidentified", "injured")
#: per-report fields kept in an incident's ``reports`` list
REPORT_FIELDS: tuple[str, ...] = (
    "event_id", "article_id", "outlet", "published", "url", "reporting_source", "event_date",
    "location_ar", "pcode", "sub_event_type", "actor1", "actor2", "fatalities_reported",
    *FIGURES)
#: fields of the lead report not copied into the incident
_NOT_FROM_LEAD = frozenset({"evidence", "provenance", "article_id", "url", "event_id_cnty",
                            "edited", "incident_id"})
# a figure's slots: reports, lowest positive value, then over ranges with a positive
# top: lowest bottom, highest top, highest bottom, lowest top; then over all ranges:
# lowest bottom, highest top
_N, _VALUE, _LO_POS, _HI_POS, _LO_MAX_POS, _HI_MIN_POS, _LO, _HI = range(8)


def incident_id(ids: Iterable[str]) -> str:
    """Stable id of an incident: derived from its smallest member id."""
    return hashlib.sha256(f"incident\x1f{min(ids)}".encode("utf-8")).hexdigest()[:20]


def conservative(values: Sequence[int]) -> int | None:
    """ACLED's rule over several reports: the lowest positive figure, else 0, else None."""
    positive = [v for v in values if v > 0]
    if positive:
        return min(positive)
    return 0 if values else None


def _figure(rng: tuple[int, int]) -> list[int | None]:
    lo, hi = rng
    if hi > 0:
        return [1, lo if lo > 0 else hi, lo, hi, lo, hi, lo, hi]
    return [1, None, None, None, None, None, lo, hi]


def summarize(rec: Rec) -> Summary:
    """The summary of one report (effective record dict)."""
    figures = {f: _figure(r) for f in FIGURES if (r := reported_range(rec, f)) is not None}
    places = {str(s) for s in rec.get("sublocations") or ()}
    if rec.get("location_ar"):
        places.add(str(rec["location_ar"]))
    day = str(rec["published"])[:10] if rec.get("published") else None
    return {
        "n": 1, "figures": figures,
        "lead": [rec.get("geo_precision") or 9, rec.get("time_precision") or 9,
                 float(rec.get("confidence") or 0.0), rec["event_id"]],
        "date": [rec.get("time_precision") or 9, str(rec["event_date"])]
        if rec.get("event_date") else None,
        "outlets": [str(rec["outlet"])] if rec.get("outlet") else [],
        "sources": [str(rec["reporting_source"])] if rec.get("reporting_source") else [],
        "places": sorted(places),
        "published": [day, day] if day else None,
        "confidence": float(rec.get("confidence") or 0.0),
    }


def _opt(fn: Any, x: Any, y: Any) -> Any:
    if x is None:
        return y
    return x if y is None else fn(x, y)


def _lead_key(lead: Sequence[Any]) -> tuple[Any, ...]:
    return (lead[0], lead[1], -lead[2], lead[3])


def _combine_figure(x: list[Any], y: list[Any]) -> list[Any]:
    return [x[_N] + y[_N], _opt(min, x[_VALUE], y[_VALUE]), _opt(min, x[_LO_POS], y[_LO_POS]),
            _opt(max, x[_HI_POS], y[_HI_POS]), _opt(max, x[_LO_MAX_POS], y[_LO_MAX_POS]),
            _opt(min, x[_HI_MIN_POS], y[_HI_MIN_POS]), min(x[_LO], y[_LO]), max(x[_HI], y[_HI])]


def combine(a: Summary, b: Summary) -> Summary:
    """The summary of the reports of ``a`` and of ``b`` together."""
    figures = dict(a["figures"])
    for f, fig in b["figures"].items():
        figures[f] = _combine_figure(figures[f], fig) if f in figures else fig
    return {
        "n": a["n"] + b["n"], "figures": {f: figures[f] for f in sorted(figures)},
        "lead": min(a["lead"], b["lead"], key=_lead_key),
        "date": _opt(min, a["date"], b["date"]),
        "outlets": sorted(set(a["outlets"]) | set(b["outlets"])),
        "sources": sorted(set(a["sources"]) | set(b["sources"])),
        "places": sorted(set(a["places"]) | set(b["places"])),
        "published": _opt(lambda x, y: [min(x[0], y[0]), max(x[1], y[1])],
                          a["published"], b["published"]),
        "confidence": max(a["confidence"], b["confidence"]),
    }


def fold(summaries: Iterable[Summary]) -> Summary | None:
    """All summaries combined (None for none)."""
    out: Summary | None = None
    for s in summaries:
        out = s if out is None else combine(out, s)
    return out


def figure_summary(summary: Summary, field: str) -> dict[str, Any]:
    """Value, reported range and contradiction flag of one figure across reports."""
    fig = summary["figures"].get(field)
    if fig is None:
        return {"value": None, "min": None, "max": None, "contradictory": False}
    positive = fig[_VALUE] is not None
    return {
        "value": fig[_VALUE] if positive else 0,
        "min": fig[_LO_POS] if positive else fig[_LO],
        "max": fig[_HI_POS] if positive else fig[_HI],
        # disjoint ranges: at least two reports cannot both be right
        "contradictory": positive and fig[_LO_MAX_POS] > fig[_HI_MIN_POS],
    }


def _joined(values: Iterable[str], sep: str = "; ") -> str | None:
    kept = sorted(set(values))
    return sep.join(kept) if kept else None


def _timestamp(published: Sequence[str] | None) -> int | None:
    """ACLED's timestamp (last update), taken from the latest report: never the clock."""
    if not published:
        return None
    d = date.fromisoformat(published[1])
    return int(datetime(d.year, d.month, d.day, tzinfo=timezone.utc).timestamp())


def finalize(summary: Summary, lead: Rec, inc_id: str) -> dict[str, Any]:
    """The incident record of a summary and its lead report (``summary["lead"]``'s record).

    The list of reports (``reports``, ``article_id``) is added by :func:`with_reports`.
    """
    out: dict[str, Any] = {k: v for k, v in lead.items() if k not in _NOT_FROM_LEAD}
    figures = {f: figure_summary(summary, f) for f in FIGURES}
    for f in FIGURES:
        out[f] = figures[f]["value"]
    fat = figures["fatalities"]
    contradictions = [f for f in FIGURES if figures[f]["contradictory"]]
    out.update({
        "kind": "event", "event_id": inc_id, "incident_id": inc_id,
        "event_date": summary["date"][1] if summary["date"] else None,
        "fatalities_reported": None if fat["min"] is None else {"min": fat["min"], "max": fat["max"]},
        "figures": figures, "contradictory": bool(contradictions), "contradictions": contradictions,
        "sublocations": sorted(set(summary["places"]) - {lead.get("location_ar")}),
        "source": _joined(summary["outlets"]),
        "reporting_source": _joined(summary["sources"]),
        "url": None, "evidence": {}, "provenance": {},
        "confidence": summary["confidence"],
        "published": summary["published"][0] if summary["published"] else None,
        "timestamp": _timestamp(summary["published"]),
        "lead_report": lead["event_id"],
        "n_reports": summary["n"],
    })
    return out


def report_entry(m: Rec, links: Sequence[Mapping[str, Any]] = ()) -> dict[str, Any]:
    """What an incident lists of one of its reports: source, figures, and why it is there."""
    entry = {k: m.get(k) for k in REPORT_FIELDS}
    entry["links"] = sorted(links, key=lambda x: str(x["with"]))
    return entry


def with_reports(incident: Mapping[str, Any], entries: Sequence[Mapping[str, Any]]
                 ) -> dict[str, Any]:
    """The incident with its ``reports`` (by event id) and their ``article_id``s."""
    out = dict(incident)
    entries = sorted(entries, key=lambda e: e["event_id"])
    out["reports"] = entries
    out["article_id"] = _joined((str(e["article_id"]) for e in entries if e.get("article_id")),
                                ";")
    return out


def aggregate(members: Sequence[Rec], links: Mapping[str, Sequence[Mapping[str, Any]]] | None = None
              ) -> dict[str, Any]:
    """The incident record of ``members`` (effective report dicts, any order).

    ``links`` maps a report's event id to the links that tie it to the others
    (``{"with": event_id, "reasons": [...]}``); they are kept in ``reports``.
    """
    summary = fold(summarize(m) for m in members)
    if summary is None:
        raise ValueError("an incident needs at least one report")
    by_id = {m["event_id"]: m for m in members}
    inc = finalize(summary, by_id[summary["lead"][3]], incident_id(by_id))
    return with_reports(inc, [report_entry(m, (links or {}).get(m["event_id"], ()))
                              for m in members])
