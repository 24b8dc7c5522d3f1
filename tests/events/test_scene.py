"""events.scene: where an event happened among the places its passage names — the scene,
the containers that locate it («في ريف حلب»), the references it is near («قرب»);
neighbourhoods of one city with one figure, separate towns, admin units alone."""
from __future__ import annotations

import pytest

from tests.events.eventkit import events, one_event, where

SHELLING = "Shelling/artillery/missile attack"


def test_the_town_is_the_scene_and_the_countryside_only_contains_it():
    e = one_event("قتل 3 مدنيين في قصف لقوات النظام على بلدة باتبو في ريف حلب الغربي.")
    assert (e["location_ar"], e["admin1"], e["geo_precision"], e["sublocations"]) == (
        "باتبو", "Aleppo", 1, [])


def test_a_place_after_qurb_is_a_reference_not_the_scene():
    e = one_event("قتل 3 مدنيين في قصف لقوات النظام على بلدة باتبو قرب مدينة الأتارب.")
    assert (e["location_ar"], e["geo_precision"], e["sublocations"]) == ("باتبو", 1, [])


@pytest.mark.parametrize("word", ["شمال", "جنوب", "بالقرب من"])
def test_a_place_after_a_direction_or_nearness_word_is_a_reference(word):
    e = one_event(f"قتل 4 مدنيين في قصف لقوات النظام على بلدة باتبو {word} مدينة الأتارب.")
    assert (e["location_ar"], e["sublocations"]) == ("باتبو", [])


def test_an_event_only_near_a_place_is_coded_there_with_geo_precision_2():
    e = one_event("قتل 3 مدنيين في قصف لقوات النظام قرب مدينة الأتارب.")
    assert (e["location_ar"], e["geo_precision"], e["fatalities"]) == ("الأتارب", 2, 3)


def test_neighbourhoods_of_one_city_with_one_figure_are_one_event_at_the_city():
    found = events("قتل 10 مدنيين في قصف لقوات النظام على حيي السكري والشعار في مدينة حلب.")
    assert [(e["location_ar"], e["fatalities"], e["geo_precision"]) for e in found] == [("حلب", 10, 1)]


def test_the_neighbourhoods_hit_together_are_the_sublocations_of_the_city_event():
    e = one_event("قتل 10 مدنيين في قصف لقوات النظام على حيي السكري والشعار في مدينة حلب.")
    assert (e["location_ar"], e["sublocations"]) == ("حلب", ["السكري", "الشعار"])


def test_one_neighbourhood_is_the_scene_itself():
    e = one_event("قتل 4 مدنيين في قصف لقوات النظام على حي السكري في مدينة حلب.")
    assert (e["location_ar"], e["admin1"], e["fatalities"]) == ("السكري", "Aleppo", 4)


def test_the_city_of_a_neighbourhood_contains_it_and_is_no_sublocation():
    e = one_event("قتل 4 مدنيين في قصف لقوات النظام على حي السكري في مدينة حلب.")
    assert e["sublocations"] == []


def test_separate_towns_without_a_shared_figure_are_one_event_each():
    found = events("قصفت قوات النظام بلدات كفرناها والأتارب وباتبو بالمدفعية.")
    assert [(e["location_ar"], e["sub_event_type"], e["fatalities"]) for e in found] == [
        ("كفر ناها", SHELLING, 0), ("الأتارب", SHELLING, 0), ("باتبو", SHELLING, 0)]


def test_a_town_named_twice_in_a_list_is_one_event():
    found = events("قصفت قوات النظام بلدات باتبو والأتارب وباتبو بالمدفعية.")
    assert where(found) == ["باتبو", "الأتارب"]


@pytest.mark.parametrize("text, place, admin1", [
    ("قتل 3 مدنيين في قصف لقوات النظام على محافظة إدلب.", "إدلب", "Idleb"),
    ("قتل 3 جنود في هجوم لمسلحين في منطقة عسير.", "عسير", "Asir"),
])
def test_an_admin_unit_alone_is_the_scene_with_geo_precision_3(text, place, admin1):
    e = one_event(text)
    assert (e["location_ar"], e["admin1"], e["geo_precision"]) == (place, admin1, 3)


def test_a_country_is_never_the_scene_of_an_event():
    assert events("قتل 3 جنود في هجوم لمسلحين في سوريا.") == []


def test_a_specific_place_wins_over_the_admin_unit_named_with_it():
    e = one_event("قتل 5 مدنيين في غارات لطيران النظام على مدينة الأتارب في محافظة حلب.")
    assert (e["location_ar"], e["geo_precision"], e["admin1"]) == ("الأتارب", 1, "Aleppo")


def test_an_unknown_province_is_less_specific_than_a_known_district():
    found = events("نفذت المقاومة الشعبية لتحرير إقليم تهامة عمليات حيث هاجم مسلحوها بقنبلة يدوية تجمعا "
                   "للحوثيين في مديرية السخنة أمس.")
    assert [e["location_ar"] for e in found] == ["السخنة"]


def test_a_part_of_an_admin_unit_is_coded_at_the_unit():
    e = one_event("قتل 10 من رجال الأمن في تفجير انتحاري استهدف مسجدا في شمال منطقة عسير.")
    assert (e["location_ar"], e["admin1"], e["geo_precision"], e["fatalities"]) == ("عسير", "Asir", 3, 10)


def test_a_town_near_which_it_happened_wins_over_the_unit_it_is_in():
    e = one_event("قتل جندي في قصف لمسلحين على ثكنة قرب ناحية الصقلاوية شمال غربي الفلوجة.")
    assert (e["location_ar"], e["geo_precision"]) == ("الصقلاوية", 2)


def test_a_place_that_names_a_group_is_not_the_scene():
    e = one_event("نصب مسلحو مقاومة آزال كمينا لدورية من الحوثيين في منطقة خارف أسفر عن مقتل 13 مسلحا حوثيا.")
    assert (e["location_ar"], e["fatalities"]) == ("خارف", 13)
