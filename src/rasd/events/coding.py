"""Event drafts → records with evidence (EVENTS.md §2).

Every filled field gets the raw-text spans that support it, the rule that
produced it and a confidence: the place mention for the location and its
admin units, the date words (or, for a publication-day fallback, the words
that report the event), the trigger for the type, the actor mentions, the
casualty figures and subsets.
"""
from __future__ import annotations

import functools
from types import MappingProxyType
from typing import Any

from ..document import Span
from ..records import Field, Record
from ..resources import load_toml
from .actors_naming import ActorChoice, name_actors
from .draft import Draft, Tally
from .merge import conservative, place_key
from .typing_ import disorder_type


@functools.lru_cache(maxsize=1)
def _regions() -> dict[str, str]:
    data = load_toml("gazetteer/countries.toml")["countries"]
    return {v["name"]: v.get("region", "") for v in data.values()}


def _anchor_spans(d: Draft) -> tuple[Span, ...]:
    spans = [a.span for f in d.frames for a in f.anchors]
    return tuple(sorted(set(spans)))[:3]


def _place_fields(d: Draft) -> dict[str, Field]:
    sc = d.scene
    m = sc.mention
    p = sc.place
    spans = (m.span,)
    conf = getattr(m, "confidence", 0.8)
    rule = sc.rule + ("." + m.rule if m.rule else "")
    precision = 1 if p is not None else 3
    if p is not None and sc.city is None:
        precision = getattr(m, "geo_precision", 1) or 1
    if sc.city is not None:
        precision = 1
    if sc.rule == "scene.admin_unit_only":
        precision = 3  # ACLED: only the region is known
    elif sc.rule == "scene.near_place":
        precision = 2  # ACLED: near a named place
    sub = [x.place.name_ar if x.place is not None else x.surface for x in sc.sublocations]
    sub_spans = tuple(x.span for x in sc.sublocations)
    out = {
        "location_ar": Field(p.name_ar if p is not None else m.surface, spans, rule, conf),
        "location": Field(p.name_en if p is not None else None, spans, rule, conf),
        "sublocations": Field(sub, sub_spans, "scene.sublocations", conf),
        "geo_precision": Field(precision, spans, rule, conf),
    }
    container_spans = spans + tuple(c.span for c in sc.containers if c.place is not None)
    if p is not None:
        for name in ("admin1", "admin2", "admin3", "pcode"):
            out[name] = Field(getattr(p, name), container_spans, "gazetteer", conf)
        out["country"] = Field(p.country, container_spans, "gazetteer", conf)
        out["iso"] = Field(p.iso, container_spans, "gazetteer", conf)
        out["region"] = Field(_regions().get(p.country), container_spans, "gazetteer", conf)
        out["latitude"] = Field(p.lat, spans, "gazetteer", conf)
        out["longitude"] = Field(p.lon, spans, "gazetteer", conf)
    elif m.region is not None:
        # an unresolved place the text puts in a governorate («جبل الجماجم بمحافظة البيضاء»)
        for name in ("admin1", "country", "iso"):
            out[name] = Field(getattr(m.region, name), spans, "scene.region", 0.6)
    else:
        region = _container_place(sc)
        if region is not None:
            for name in ("admin1", "country", "iso"):
                out[name] = Field(getattr(region.place, name), (region.span,), "scene.container", 0.5)
    return out


def _container_place(sc: Any) -> Any:
    for c in sc.containers:
        if c.place is not None:
            return c
    return None


def _date_fields(d: Draft) -> dict[str, Field]:
    w = d.when
    spans = (w.span,) if w.span is not None else _anchor_spans(d)
    value = w.value.isoformat() if w.value else None
    return {
        "event_date": Field(value, spans, w.rule, w.confidence),
        "year": Field(w.value.year if w.value else None, spans, w.rule, w.confidence),
        "time_precision": Field(w.precision, spans, w.rule, w.confidence),
    }


def _figure_fields(d: Draft) -> dict[str, Field]:
    c = conservative(d)
    death_spans = tuple(s for f in d.reports for s in f.spans) or _anchor_spans(d)
    rule = next((f.rule for f in d.reports if f.fatalities > 0), d.reports[0].rule)
    if len(d.reports) > 1:
        rule += "+merged_min"
    exact = all(f.exact for f in d.reports if f.fatalities > 0)
    out = {
        "fatalities": Field(c["fatalities"], death_spans, rule, 0.9 if exact else 0.6),
        "fatalities_reported": Field({"min": c["reported"][0], "max": c["reported"][1]},
                                     death_spans, rule, 0.9 if exact else 0.6),
    }
    for name, key in (("children", "fatalities_children"), ("women", "fatalities_women"),
                      ("unidentified", "fatalities_unidentified")):
        spans = tuple(s for f in d.reports for s in f.subset_spans.get(name, ()))
        out[key] = Field(c[name], spans, f"subset.{name}", 0.8)
    inj_spans = tuple(s for f in d.reports for s in f.injured_spans) or death_spans
    out["injured"] = Field(c["injured"], inj_spans, "injured.reported_number", 0.8)
    return out


def _actor_fields(a: ActorChoice) -> dict[str, Field]:
    out = {}
    for name in ("actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                 "interaction", "civilian_targeting"):
        value, spans, rule, conf = getattr(a, name)
        out[name] = Field(value, spans, rule, conf)
    return out


def _source_fields(d: Draft, outlet: str | None) -> dict[str, Field]:
    sources = [s for f in d.frames for s in f.sources]
    names = list(dict.fromkeys(s.name for s in sources))
    spans = tuple(s.span for s in sources)
    reporting = "; ".join(names) if names else None
    cited = "; ".join(x for x in [outlet, *names] if x) or None
    return {"reporting_source": Field(reporting, spans, "source.credited", 0.8),
            "source": Field(cited, spans, "source.outlet+credited", 0.8)}


def _notes(fields: dict[str, Field]) -> str:
    v = {k: f.value for k, f in fields.items()}
    who = v.get("actor1") or "Unidentified actors"
    where = v.get("location") or v.get("location_ar")
    parts = [f"On {v.get('event_date')}, {who}: {str(v.get('sub_event_type', '')).lower()} in {where}"
             + (f" ({v['admin1']})" if v.get("admin1") else "") + "."]
    if v.get("fatalities"):
        extra = [f"{v[k]} {label}" for k, label in (("fatalities_children", "children"),
                 ("fatalities_women", "women")) if v.get(k)]
        parts.append(f"{v['fatalities']} killed" + (f", including {' and '.join(extra)}" if extra else "") + ".")
    if v.get("injured"):
        parts.append(f"{v['injured']} injured.")
    return " ".join(parts)


def to_record(d: Draft, outlet: str | None, published: Any) -> Record:
    """The event record of a merged draft."""
    fields: dict[str, Field] = {}
    fields.update(_date_fields(d))
    t = d.kind
    tspans = (t.trigger.span,) if t.trigger is not None else _anchor_spans(d)
    fields["event_type"] = Field(t.event_type, tspans, t.rule, t.confidence)
    fields["sub_event_type"] = Field(t.sub_event_type, tspans, t.rule, t.confidence)
    fields["disorder_type"] = Field(disorder_type(t.event_type), tspans, t.rule, t.confidence)
    fields.update(_place_fields(d))
    fields.update(_figure_fields(d))
    fields.update(_actor_fields(name_actors(d, published)))
    fields.update(_source_fields(d, outlet))
    fields["notes"] = Field(_notes(fields), _anchor_spans(d), "notes.template", 1.0)
    confidence = min(f.confidence for k, f in fields.items()
                     if k in ("location_ar", "event_date", "sub_event_type", "fatalities"))
    key = f"{place_key(d)}|{fields['event_date'].value}|{t.sub_event_type}|{d.frames[0].nstart}"
    return Record("event", MappingProxyType(fields), confidence, key)


def tally_record(t: Tally) -> Record:
    """A running total, kept apart from events (EVENTS.md §1)."""
    f = t.figs
    spans = tuple(f.spans)
    fields = {
        "fatalities": Field(f.fatalities, spans, f.rule, 0.8),
        "fatalities_children": Field(f.children, tuple(f.subset_spans.get("children", ())), "subset.children", 0.8),
        "fatalities_women": Field(f.women, tuple(f.subset_spans.get("women", ())), "subset.women", 0.8),
        "fatalities_unidentified": Field(f.unidentified, tuple(f.subset_spans.get("unidentified", ())),
                                         "subset.unidentified", 0.8),
        "injured": Field(f.injured, tuple(f.injured_spans), "injured.reported_number", 0.8),
        "event_date": Field(t.when.value.isoformat() if t.when.value else None,
                            (t.when.span,) if t.when.span else spans, t.when.rule, t.when.confidence),
        "notes": Field("running total, not an incident", spans, "tally", 1.0),
    }
    return Record("tally", MappingProxyType(fields), 0.7, f"tally|{t.frame.nstart}")
