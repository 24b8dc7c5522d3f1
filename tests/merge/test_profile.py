"""A profile stands for its reports exactly: linking profiles is linking their reports."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from rasd.merge.profile import (block_keys, decide, mergeable, profile_id, query_keys, signature,
                                solo_id)
from rasd.merge.rules import compare
from mergekit import rep

PARENTS = {"N0150": "C1007"}

_REPORT = st.fixed_dictionaries({
    "event_date": st.sampled_from(["2016-11-16", "2016-11-17", "2016-11-18", None]),
    "pcode": st.sampled_from(["C1025", "C1007", "N0150", None]),
    "location_ar": st.sampled_from(["باتبو", "حلب", "الشعار", None]),
    "admin1": st.sampled_from(["Aleppo", "Idleb"]),
    "geo_precision": st.sampled_from([1, 2, 3]),
    "sublocations": st.lists(st.sampled_from(["باتبو", "حلب", "السوق"]), max_size=2),
    "sub_event_type": st.sampled_from(["Air/drone strike", "Suicide bomb", "Armed clash"]),
    "event_type": st.sampled_from(["Explosions/Remote violence", "Battles"]),
    "actor1": st.sampled_from(["Military Forces of Syria (2000-2024)", None,
                               "Islamic State (Syria)"]),
    "fatalities": st.sampled_from([None, 0, 5, 21]),
})


def _report(event_id: str, article_id: str, fields: dict) -> dict:
    out = rep(event_id, article_id, **fields)
    deaths = fields["fatalities"]
    out["fatalities_reported"] = None if deaths is None else {"min": deaths, "max": deaths}
    return out


@settings(max_examples=400)
@given(_REPORT, _REPORT)
def test_comparing_two_profiles_is_comparing_their_reports(x: dict, y: dict) -> None:
    a, b = _report("ea", "A", x), _report("eb", "B", y)
    sa, sb = signature(a, PARENTS.get), signature(b, PARENTS.get)
    pa, pb = profile_id(sa), profile_id(sb)
    by_report = compare(a, b, PARENTS.get)
    by_profile = decide(sa, pa, sb, pb)  # no gazetteer: the signatures carry the cities
    if pa != pb:
        assert (by_profile.linked, by_profile.reasons, by_profile.score) == \
            (by_report.linked, by_report.reasons, by_report.score)
    else:  # one profile: its reports are linked exactly when the profile is mergeable
        assert by_report.linked == mergeable(sa)
    if by_report.linked:  # blocking never loses a link, whichever profile comes first
        assert set(query_keys(sa)) & set(block_keys(sb))
        assert set(query_keys(sb)) & set(block_keys(sa))


def test_identical_reports_share_a_profile_and_twins_of_one_article_do_not() -> None:
    a, b = rep("e1", "A"), rep("e2", "B", outlet="Other", confidence=0.2)
    assert profile_id(signature(a)) == profile_id(signature(b))
    assert profile_id(signature(a), 1) != profile_id(signature(a))
    assert profile_id(signature(rep("e3", "C", fatalities=5))) != profile_id(signature(a))
    assert solo_id("e1") == "r:e1"


def test_an_undated_report_is_never_mergeable() -> None:
    assert not mergeable(signature(rep("e1", "A", event_date=None)))
    assert mergeable(signature(rep("e1", "A")))


def test_towns_of_one_province_do_not_look_each_other_up_by_province() -> None:
    town = signature(rep("e1", "A", geo_precision=1))
    other = signature(rep("e2", "B", geo_precision=1, pcode="C1034", location_ar="كفرناها"))
    region = signature(rep("e3", "C", geo_precision=3, pcode=None, location_ar="ريف حلب"))
    assert not set(query_keys(town)) & set(block_keys(other))
    assert set(query_keys(town)) & set(block_keys(region))
    assert set(query_keys(region)) & set(block_keys(town))
