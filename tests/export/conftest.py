"""Records for export tests, built by hand with Record/Field (the event stage
is written elsewhere; these values are short and made up)."""
from __future__ import annotations

from datetime import date

import pytest

from rasd.document import Article, Span
from rasd.records import Field, Record

TEXT = "قتل 21 شخصاً بينهم 3 أطفال في غارة على بلدة باتبو بريف حلب الغربي الخميس."
ARTICLE = Article("t:batbo", TEXT, date(2016, 11, 18), outlet="مثال", url="https://e.org/1")


def event(location_ar: str = "باتبو", lat: float | None = 36.2047, lon: float | None = 36.8517,
          key: str = "batbo") -> Record:
    f = {
        "event_date": Field("2016-11-17", (Span(64, 70),), "dates.weekday", 0.9),
        "time_precision": Field(1),
        "event_type": Field("Explosions/Remote violence"),
        "sub_event_type": Field("Air/drone strike", (Span(34, 38),), "triggers.air", 0.8),
        "actor1": Field("Military Forces of Syria (2000-2024)"),
        "iso": Field(760), "country": Field("Syria"), "admin1": Field("Aleppo"),
        "location": Field("Batbo"), "location_ar": Field(location_ar, (Span(45, 50),), "gaz"),
        "latitude": Field(lat), "longitude": Field(lon), "geo_precision": Field(1),
        "fatalities": Field(21, (Span(4, 6),), "casualties.num", 0.95),
        "fatalities_reported": Field({"min": 21, "max": 23}),
        "fatalities_children": Field(3, (Span(19, 20),), "casualties.child"),
        "fatalities_women": Field(None), "injured": Field(None),
        "sublocations": Field([]),
        "civilian_targeting": Field(True),
    }
    return Record("event", f, confidence=0.8123, key=key)


def tally() -> Record:
    return Record("tally", {"fatalities": Field(59, (Span(0, 3),), "tally")}, key="t1")


@pytest.fixture
def records() -> list[dict]:
    return [event().to_dict(ARTICLE, "0.1.0+res1"),
            event("حلب", 36.2021, 37.1343, "aleppo").to_dict(ARTICLE, "0.1.0+res1"),
            event("قرية مجهولة", None, None, "unk").to_dict(ARTICLE, "0.1.0+res1"),
            tally().to_dict(ARTICLE, "0.1.0+res1")]


@pytest.fixture
def make_event():
    """make_event(location_ar=..., lat=..., lon=..., key=...) → the record dict."""
    def _make(*args, **kwargs) -> dict:
        return event(*args, **kwargs).to_dict(ARTICLE, "0.1.0+res1")
    return _make
