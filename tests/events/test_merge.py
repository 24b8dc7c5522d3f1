"""events.merge: reports of one incident within an article become one event (EVENTS.md §1):
lowest toll, reported range, lowest subsets, the explicit date; different days, places
and kinds with tolls of their own stay apart."""
from __future__ import annotations

import pytest

from tests.events.eventkit import events, one_event, tallies

AIR = "Air/drone strike"
TWICE = ("قتل 23 مدنيا بينهم 5 أطفال في غارات جوية لطيران النظام على بلدة باتبو. "
         "وفي سياق آخر، أعلن المجلس المحلي عن اجتماع. "
         "وأكد ناشطون استشهاد 21 مدنيا بينهم 3 أطفال في الغارات على بلدة باتبو.")


def test_the_same_incident_reported_twice_is_one_event():
    e = one_event(TWICE)
    assert (e["location_ar"], e["sub_event_type"]) == ("باتبو", AIR)


def test_merged_fatalities_are_the_lowest_figure_and_the_reported_range_keeps_both():
    e = one_event(TWICE)
    assert e["fatalities"] == 21
    assert e["fatalities_reported"] == {"min": 21, "max": 23}


def test_merged_subsets_take_the_lowest_figure():
    assert one_event(TWICE)["fatalities_children"] == 3


def test_merged_evidence_cites_both_reports():
    from tests.events.eventkit import code
    doc = code(TWICE)
    (record,) = doc["events"]
    assert [doc.raw(s) for s in record.fields["fatalities"].spans] == ["قتل 23 مدنيا", "استشهاد 21 مدنيا"]
    assert record.fields["fatalities"].rule.endswith("+merged_min")


def test_a_place_named_again_by_the_second_report_is_no_sublocation():
    assert one_event(TWICE)["sublocations"] == []


def test_an_explicitly_dated_report_fixes_the_date_of_the_merged_event():
    e = one_event("قتل 5 مدنيين في غارات لطيران النظام على بلدة باتبو. "
                  "وذكر ناشطون أن الغارات على بلدة باتبو وقعت أمس وقتل فيها 4 مدنيين.")
    assert (e["event_date"], e["fatalities"], e["fatalities_reported"]) == (
        "2015-08-05", 4, {"min": 4, "max": 5})


def test_two_different_explicit_days_stay_two_events():
    found = events("قتل 5 مدنيين يوم الثلاثاء في غارات لطيران النظام على بلدة باتبو. "
                   "وقتل 4 مدنيين يوم الأربعاء في غارات لطيران النظام على بلدة باتبو.")
    assert [(e["location_ar"], e["event_date"], e["fatalities"]) for e in found] == [
        ("باتبو", "2015-08-04", 5), ("باتبو", "2015-08-05", 4)]


def test_two_kinds_each_with_an_exact_toll_at_one_place_stay_two_events():
    found = events("قتل 15 مقاتلا في اشتباكات بين قوات النظام والمعارضة في بلدة باتبو. "
                   "وقتل مدني في قصف مدفعي لقوات النظام على بلدة باتبو.")
    assert [(e["sub_event_type"], e["fatalities"]) for e in found] == [
        ("Armed clash", 15), ("Shelling/artillery/missile attack", 1)]


def test_the_same_kind_at_two_places_stays_two_events():
    found = events("قتل 5 مدنيين في غارات لطيران النظام على بلدة باتبو. "
                   "وقتل 3 مدنيين في غارات لطيران النظام على مدينة الأتارب.")
    assert [(e["location_ar"], e["fatalities"]) for e in found] == [("باتبو", 5), ("الأتارب", 3)]


def test_tolls_far_apart_are_not_one_incident_revised():
    found = events("قتل 3 مدنيين في غارات لطيران النظام على بلدة باتبو. "
                   "وقال ناشطون إن 20 مدنيا قتلوا في غارات لطيران النظام على بلدة باتبو.")
    assert [e["fatalities"] for e in found] == [3, 20]


def test_air_support_without_a_toll_joins_the_battle_it_supported():
    e = one_event("اشتبكت قوات النظام مع فصائل المعارضة في بلدة باتبو وقتل 6 مقاتلين. "
                  "وساند الطيران الحربي قوات النظام بغارات على بلدة باتبو.")
    assert (e["sub_event_type"], e["fatalities"]) == ("Armed clash", 6)


def test_a_report_at_the_governorate_joins_the_same_incident_at_a_town_in_it():
    e = one_event("قتل 5 مدنيين في غارات لطيران النظام على مدينة سراقب. "
                  "وأفاد ناشطون بمقتل 5 مدنيين في غارات لطيران النظام على محافظة إدلب.")
    assert (e["location_ar"], e["admin1"], e["geo_precision"], e["fatalities"]) == (
        "سراقب", "Idleb", 1, 5)


def test_a_battle_at_the_governorate_is_not_folded_into_a_strike_in_a_town():
    found = events("قتل 5 مدنيين في غارات لطيران النظام على مدينة سراقب. "
                   "وقتل 4 مقاتلين في اشتباكات مع قوات النظام في محافظة إدلب.")
    assert [(e["location_ar"], e["sub_event_type"]) for e in found] == [
        ("سراقب", AIR), ("إدلب", "Armed clash")]


def test_the_report_that_gives_the_toll_names_the_merged_incident():
    e = one_event("قصفت قوات النظام بلدة باتبو بالمدفعية. "
                  "وقتل 5 مدنيين في غارات لطيران النظام على بلدة باتبو.")
    assert (e["sub_event_type"], e["fatalities"]) == (AIR, 5)


def test_one_toll_told_at_a_wide_region_and_at_a_known_place_is_one_event_there():
    e = one_event("أعلنت أجهزة الأمن الروسية أنها قتلت ثمانية مسلحين في اشتباكات في منطقة القوقاز. "
                  "وقالت اللجنة إن القوات اشتبكت مع المسلحين في الشيشان وقتلت ثمانية مسلحين.")
    assert (e["location_ar"], e["fatalities"]) == ("الشيشان", 8)


def test_one_killed_at_a_known_and_at_an_unknown_place_stay_two_events():
    found = events("قتل شخص وأصيب 7 في انفجار عبوة ناسفة في مدينة الفلوجة. "
                   "وقتل شخص وأصيب 5 في انفجار عبوة ناسفة في منطقة الطوبجي.")
    assert [e["fatalities"] for e in found] == [1, 1]


def test_an_incident_dated_by_its_telling_joins_the_same_incident_days_before():
    e = one_event("كشفت السلطات الأمنية أمس هوية منفذ التفجير الانتحاري في مسجد بمدينة أبها، "
                  "والذي أسفر عن مقتل 15 وإصابة 33. وأكد المتحدث الأمني أن التحقيقات مستمرة. "
                  "وقال إن الانتحاري سبق إيقافه قبل عامين. وكان الانتحاري قد دخل مسجد قوات الطوارئ في أبها يوم الأحد الماضي ثم فجر نفسه بحزام ناسف.")
    assert (e["admin1"], e["event_date"], e["fatalities"]) == ("Asir", "2015-08-02", 15)


def test_a_toll_at_the_governorate_that_sums_the_towns_tolls_told_after_it_is_a_running_total():
    text = ("أفاد المرصد بمقتل 19 مدنيا جراء غارات جوية لطيران النظام على مناطق في محافظة إدلب أمس. "
            "وقتل طفلان في غارة لطيران النظام على مدينة معرة النعمان. "
            "وقتل 15 آخرون في قصف من طيران حربي على بلدة سراقب.")
    assert sorted((e["location_ar"], e["fatalities"]) for e in events(text)) == [("سراقب", 15), ("معرة النعمان", 2)]
    assert [t["fatalities"] for t in tallies(text)] == [19]


def test_a_toll_at_the_governorate_beside_another_kind_of_violence_in_a_town_stays_an_event():
    found = events("قتل 25 مقاتلا من المعارضة في هجوم على قاعدة عسكرية في محافظة حلب أمس. "
                   "وقتل مدني برصاص قناص في حي الشعار بحلب.")
    assert ("حلب", 25) in [(e["location_ar"], e["fatalities"]) for e in found]


def test_a_report_with_no_day_joins_the_same_kind_at_the_same_place_days_before():
    e = one_event("شنت مقاتلات التحالف يوم الثلاثاء غارات على مدينة الحوطة. وواصلت المقاومة أمس تقدمها. "
                  "ويشهد الجنوب معارك عنيفة. وقال شهود إن 10 من الحوثيين قتلوا في الغارة على مدينة الحوطة.")
    assert (e["event_date"], e["fatalities"]) == ("2015-08-04", 10)
