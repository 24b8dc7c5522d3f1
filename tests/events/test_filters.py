"""events.filters: talk about violence is not violence (statements, quotes, negation,
intentions), and only political violence is coded (armed actors, violent deaths,
strategic developments with a non-state armed group)."""
from __future__ import annotations

import pytest

from tests.events.eventkit import events, one_event

SHELLING = "Shelling/artillery/missile attack"


def test_a_reported_shelling_by_an_armed_actor_is_an_event():
    e = one_event("قصفت قوات النظام بلدة باتبو بالمدفعية.")
    assert (e["location_ar"], e["sub_event_type"], e["fatalities"]) == ("باتبو", SHELLING, 0)


def test_reported_speech_without_quote_marks_still_reports_the_event():
    e = one_event("قالت مصادر محلية إن قوات النظام قصفت بلدة باتبو بالمدفعية.")
    assert e["sub_event_type"] == SHELLING


# --- statements, quotes, negation, intentions ---------------------------------------

@pytest.mark.parametrize("text", [
    "أدانت الخارجية الفرنسية قصف قوات النظام لبلدة باتبو.",
    "حذرت الأمم المتحدة من قصف قوات النظام لبلدة باتبو.",
    "طالب الائتلاف الوطني بوقف القصف على بلدة باتبو.",
])
def test_a_condemnation_warning_or_demand_is_not_an_event(text):
    assert events(text) == []


def test_violence_inside_a_quotation_is_not_an_event():
    assert events("قال المتحدث: «إن قوات النظام قصفت بلدة باتبو بالمدفعية».") == []


def test_a_negated_attack_is_not_an_event():
    assert events("لم تقصف قوات النظام بلدة باتبو.") == []


def test_a_denied_attack_is_not_an_event():
    assert events("نفت قوات النظام أنها قصفت بلدة باتبو.") == []


def test_a_threat_is_not_an_event():
    assert events("تهدد قوات النظام بقصف بلدة باتبو.") == []


def test_a_preparation_named_before_a_two_word_actor_is_not_an_event():
    assert events("تستعد قوات النظام لشن غارات على بلدة باتبو.") == []


# --- political violence only ---------------------------------------------------------

def test_a_figure_less_clash_word_with_no_armed_actor_is_not_coded():
    assert events("دارت معركة حامية بين الفريقين في ملعب مدينة جدة أمس.") == []


def test_a_shelling_needs_no_named_actor_only_armed_forces_shell():
    assert [e["sub_event_type"] for e in events("قصف مدفعي على بلدة باتبو أمس.")] == [
        "Shelling/artillery/missile attack"]


@pytest.mark.parametrize("text", [
    "احتدمت معركة الانتخابات في مدينة عدن.",
    "أعلنت هيئة الطيران المدني استئناف الرحلات في مطار عدن.",
])
def test_a_violent_word_in_politics_or_aviation_is_not_an_event(text):
    assert events(text) == []


@pytest.mark.parametrize("text", [
    "توفي 4 أشخاص في حادث سير في مدينة الأتارب.",
    "قتل 15 شخصا في حادث تصادم زورقين قرب مدينة عدن.",
])
def test_deaths_in_an_accident_with_no_violent_word_are_not_events(text):
    assert events(text) == []


def test_soldiers_killed_with_no_weapon_named_are_still_an_event():
    e = one_event("قتل 3 جنود في مدينة الأتارب.")
    assert (e["location_ar"], e["fatalities"]) == ("الأتارب", 3)


def test_police_arresting_criminals_is_not_conflict_data():
    assert events("ألقت الشرطة القبض على 3 مروجي مخدرات في مدينة الأتارب.") == []


def test_an_arrest_by_a_non_state_armed_group_is_coded():
    e = one_event("ألقى مسلحون حوثيون القبض على 5 صحفيين في مدينة عدن.")
    assert (e["event_type"], e["sub_event_type"], e["location_ar"]) == (
        "Strategic developments", "Arrests", "عدن")


def test_the_sides_named_between_a_clash_and_its_place_do_not_keep_them_apart():
    found = events("تدور منذ صباح أمس اشتباكات عنيفة بين تنظيم داعش من جهة، والفصائل المقاتلة وجبهة "
                   "النصرة من جهة أخرى، في بلدة الضمير.")
    assert [e["location_ar"] for e in found] == ["الضمير"]
