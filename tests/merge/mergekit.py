"""Hand-made reports (record dicts) for the merge tests."""
from __future__ import annotations

from typing import Any

BASE: dict[str, Any] = {
    "kind": "event", "event_date": "2016-11-17", "time_precision": 1,
    "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
    "actor1": "Military Forces of Syria (2000-2024)", "actor2": "Civilians (Syria)",
    "iso": 760, "country": "Syria", "admin1": "Aleppo", "location_ar": "باتبو", "pcode": "C1025",
    "geo_precision": 1, "fatalities": 21, "fatalities_reported": {"min": 21, "max": 21},
    "outlet": "Outlet", "published": "2016-11-18", "confidence": 0.8,
}


def rep(event_id: str, article_id: str | None = None, **values: Any) -> dict[str, Any]:
    """A report; its article is ``art-<event_id>`` unless given."""
    out = dict(BASE, event_id=event_id, article_id=article_id or f"art-{event_id}")
    out.update(values)
    return out
