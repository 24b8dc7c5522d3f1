"""The pairwise rule links reports of one incident, refuses the rest, and says why."""
from __future__ import annotations

from hypothesis import given, strategies as st

from rasd.merge.rules import actor_key, compare
from mergekit import rep


def test_same_place_same_day_same_actors_are_linked_with_reasons() -> None:
    d = compare(rep("a"), rep("b", fatalities=23, fatalities_reported={"min": 23, "max": 23}))
    assert d.linked
    assert d.reasons == ("same date", "same place (C1025)", "same sub-event type (Air/drone strike)",
                         "same actors (civilians, military forces of syria)")


def test_reports_from_the_same_article_are_never_linked() -> None:
    d = compare(rep("a", "art"), rep("b", "art"))
    assert not d.linked and "same article" in d.reasons[0]


def test_tallies_are_never_linked() -> None:
    assert not compare(rep("a", kind="tally"), rep("b")).linked


def test_two_days_apart_is_not_one_incident() -> None:
    d = compare(rep("a"), rep("b", event_date="2016-11-19"))
    assert not d.linked and d.reasons == ("dates 2 days apart",)


def test_one_day_apart_needs_the_same_sub_event_and_overlapping_tolls() -> None:
    assert compare(rep("a"), rep("b", event_date="2016-11-18")).linked
    other_toll = rep("b", event_date="2016-11-18", fatalities=4,
                     fatalities_reported={"min": 4, "max": 4})
    assert not compare(rep("a"), other_toll).linked
    shelling = rep("b", event_date="2016-11-18", sub_event_type="Shelling/artillery/missile attack")
    assert not compare(rep("a"), shelling).linked
    # the same day, a different toll is a contradiction to flag, not a reason to split
    assert compare(rep("a"), rep("b", fatalities=4, fatalities_reported={"min": 4, "max": 4})).linked


def test_different_places_are_not_linked() -> None:
    assert not compare(rep("a"), rep("b", pcode="C1034", location_ar="كفرناها")).linked


def test_a_neighbourhood_joins_its_city_through_the_gazetteer() -> None:
    city = rep("a", pcode="C1007", location_ar="حلب")
    hood = rep("b", pcode="N0150", location_ar="الشعار")
    assert not compare(city, hood).linked
    d = compare(city, hood, parent_of={"N0150": "C1007"}.get)
    assert d.linked and "N0150 is a neighbourhood of C1007" in d.reasons


def test_a_place_listed_among_the_other_reports_sublocations_links() -> None:
    city = rep("a", pcode="C1007", location_ar="حلب", sublocations=["السكري", "الشعار"])
    hood = rep("b", pcode=None, location_ar="الشعار")
    assert compare(city, hood).linked


def test_same_name_without_pcode_needs_the_same_admin1() -> None:
    a = rep("a", pcode=None, location_ar="المنصورة", admin1="Aleppo")
    assert compare(a, rep("b", pcode=None, location_ar="المنصوره", admin1="Aleppo")).linked
    assert not compare(a, rep("b", pcode=None, location_ar="المنصورة", admin1="Ar-Raqqa")).linked


def test_strikes_and_bombings_are_different_incidents() -> None:
    assert not compare(rep("a"), rep("b", sub_event_type="Suicide bomb")).linked


def test_a_strike_reported_as_a_massacre_can_link() -> None:
    massacre = rep("b", event_type="Violence against civilians", sub_event_type="Attack")
    d = compare(rep("a"), massacre)
    assert d.linked and d.reasons[2].startswith("compatible event types")


def test_protests_never_link_with_strikes() -> None:
    assert not compare(rep("a"), rep("b", event_type="Protests",
                                     sub_event_type="Peaceful protest")).linked


def test_a_named_actor_and_an_unidentified_one_agree_but_two_named_ones_do_not() -> None:
    assert compare(rep("a"), rep("b", actor1="Unidentified Armed Group (Syria)")).linked
    assert not compare(rep("a"), rep("b", actor1="Military Forces of Russia (2000-)")).linked


def test_swapped_sides_of_a_battle_agree() -> None:
    a = rep("a", event_type="Battles", sub_event_type="Armed clash", actor1="Houthi Movement",
            actor2="Popular Resistance")
    b = rep("b", event_type="Battles", sub_event_type="Armed clash", actor1="Popular Resistance",
            actor2="Houthi Movement")
    assert compare(a, b).reasons[-1] == "same actors, sides swapped"


def test_actor_key_drops_acled_suffixes() -> None:
    assert actor_key("Military Forces of Syria (2000-2024)") == "military forces of syria"
    assert actor_key("Unidentified Armed Group (Yemen)") == ""


VARIANTS = st.fixed_dictionaries({
    "event_date": st.sampled_from(["2016-11-16", "2016-11-17", "2016-11-18", None]),
    "pcode": st.sampled_from(["C1025", "C1034", "C1007", "N0150", None]),
    "location_ar": st.sampled_from(["باتبو", "كفرناها", "حلب", None]),
    "sub_event_type": st.sampled_from(["Air/drone strike", "Suicide bomb", "Armed clash", None]),
    "event_type": st.sampled_from(["Explosions/Remote violence", "Battles", None]),
    "actor1": st.sampled_from(["Military Forces of Syria (2000-2024)", "Islamic State (Syria)",
                               "Unidentified Armed Group (Syria)", None]),
    "fatalities": st.sampled_from([0, 3, 21, None]),
    "sublocations": st.sampled_from([[], ["باتبو"], ["حلب", "الشعار"]]),
})


@given(VARIANTS, VARIANTS)
def test_the_rule_is_symmetric(x: dict, y: dict) -> None:
    a = rep("a", **x, fatalities_reported=None)
    b = rep("b", **y, fatalities_reported=None)
    parent = {"N0150": "C1007"}.get
    da, db = compare(a, b, parent), compare(b, a, parent)
    assert da.linked == db.linked and da.score == db.score


def test_a_province_level_report_links_to_an_event_of_its_type_in_that_province() -> None:
    town = rep("a", pcode=None, location_ar="ابها", admin1="Asir", country="Saudi Arabia",
               sub_event_type="Remote explosive/landmine/IED")
    region = rep("b", pcode=None, location_ar="عسير", admin1="Asir", country="Saudi Arabia",
                  geo_precision=3, sub_event_type="Suicide bomb")
    d = compare(town, region)
    assert d.linked and "ابها is in Asir, the other report's only place" in d.reasons
    assert not compare(town, dict(region, geo_precision=1)).linked  # two named places
    clash = dict(region, event_type="Battles", sub_event_type="Armed clash")
    assert not compare(town, clash).linked  # vague place: the type must agree
    assert not compare(town, dict(region, admin1="Jizan")).linked


def test_a_bombing_reported_a_day_later_as_a_suicide_bombing_is_one_incident() -> None:
    ied = rep("a", sub_event_type="Remote explosive/landmine/IED")
    suicide = rep("b", event_date="2016-11-18", sub_event_type="Suicide bomb")
    assert compare(ied, suicide).linked
    assert not compare(rep("a"), dict(suicide, sub_event_type="Shelling/artillery/missile attack")
                       ).linked
