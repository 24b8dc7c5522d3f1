"""The record contract (../shared/spec/EVENTS.md §2) as column lists.

ACLED's 2023 export columns come first, in ACLED's order; rasd's additions
follow. Exporters and the store use these lists, never their own.
"""
from __future__ import annotations

#: ACLED 2023 export columns, in order
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
    "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2",
    "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region",
    "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
    "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)

#: rasd's columns, after ACLED's (EVENTS.md §2 "Added by rasd")
RASD_COLUMNS: tuple[str, ...] = (
    "kind", "event_id", "article_id", "location_ar", "pcode", "sublocations",
    "fatalities_reported", "fatalities_children", "fatalities_women",
    "fatalities_unidentified", "injured", "reporting_source", "confidence",
    "evidence", "provenance", "published", "outlet", "url", "pipeline_version",
)

#: record kinds
KINDS: tuple[str, ...] = ("event", "tally", "statement")

#: fields whose value is a list or mapping (serialized as JSON in CSV)
STRUCTURED: frozenset[str] = frozenset(
    {"sublocations", "fatalities_reported", "evidence", "provenance"})
