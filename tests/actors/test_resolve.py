"""Resolution of actor words by country and date; civilians, unidentified, interaction."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasd.actors import by_key, civilians, interaction, resolution, resolve, unidentified
from rasd.errors import UnknownActorError

Y2015 = date(2015, 8, 5)
Y2018 = date(2018, 3, 1)
Y2025 = date(2025, 3, 1)


def test_coalition_air_force_is_saudi_led_in_yemen_and_global_in_syria():
    assert resolve("طيران التحالف", "Yemen", Y2015).family == "SAU_COALITION"
    assert resolve("طيران التحالف", "Syria", Y2015).name == "Global Coalition Against Daesh"
    assert resolve("طيران التحالف", "Iraq", Y2015).family == "USA_COALITION"


def test_nusra_becomes_hayat_tahrir_al_sham_after_2017():
    assert resolve("جبهة النصرة", "Syria", Y2015).name == "Jabhat al Nusra"
    assert resolve("جبهة النصرة", "Syria", date(2016, 10, 1)).name == "Jabhat Fateh al Sham"
    assert resolve("جبهة النصرة", "Syria", Y2018).name == "Hayat Tahrir al Sham"


def test_syrian_government_forces_change_name_after_december_2024():
    assert resolve("قوات النظام", "Syria", Y2015).name == "Military Forces of Syria (2000-2024)"
    assert resolve("الجيش السوري", "Syria", Y2025).name == "Military Forces of Syria (2024-)"
    assert resolve("الجيش السوري", "Syria", date(2024, 12, 7)).name.endswith("(2000-2024)")


def test_regime_words_name_its_remnants_after_its_fall():
    assert resolve("قوات النظام", "Syria", Y2025).name == "Syrian regime remnants (Assad loyalists)"
    assert resolve("فلول النظام", "Syria", Y2025).family == "SYR_GOV"
    assert resolve("الأمن العام", "Syria", Y2025).name == "Police Forces of Syria (2024-)"


def test_national_army_is_yemens_army_in_yemen_and_the_sna_in_syria():
    assert resolve("الجيش الوطني", "Yemen", Y2015).name == "Military Forces of Yemen (2012-)"
    assert resolve("الجيش الوطني", "Syria", Y2018).name == "Syrian National Army"


def test_a_name_used_before_it_existed_is_kept_with_less_confidence():
    early = resolution("هيئة تحرير الشام", "Syria", Y2015)
    late = resolution("هيئة تحرير الشام", "Syria", Y2018)
    assert early.actor.name == late.actor.name == "Hayat Tahrir al Sham"
    assert early.confidence < late.confidence


def test_ansar_bayt_al_maqdis_becomes_islamic_state_sinai_after_its_pledge():
    assert resolve("أنصار بيت المقدس", "Egypt", date(2014, 1, 1)).name == "Ansar Bayt al Maqdis"
    assert resolve("أنصار بيت المقدس", "Egypt", Y2015).name == "Islamic State (Sinai)"


@pytest.mark.parametrize("country,name", [
    ("Syria", "Islamic State (Syria)"), ("Iraq", "Islamic State (Iraq)"),
    ("Yemen", "Islamic State (Yemen)"), ("Egypt", "Islamic State (Sinai)"),
    ("Libya", "Islamic State (Libya)"), (None, "Islamic State"),
])
def test_islamic_state_is_named_by_country(country, name):
    assert resolve("داعش", country, Y2015).name == name


def test_bare_army_needs_a_country():
    assert resolve("الجيش", "Egypt", Y2015).name == "Military Forces of Egypt (2014-)"
    assert resolve("الجيش", None, Y2015) is None


def test_a_country_outside_the_table_gets_acleds_plain_force_names():
    assert resolve("الجيش", "Algeria", Y2015).name == "Military Forces of Algeria"
    assert resolve("الجيش", "Palestine", Y2015) is None  # no army in the table's sense


def test_strict_readings_are_not_used_elsewhere():
    assert resolve("المقاومة", "Yemen", Y2015).name == "Popular Resistance (Yemen)"
    assert resolve("المقاومة", "Lebanon", Y2015).name == "Hezbollah"
    assert resolve("المقاومة", "Syria", Y2015) is None


def test_a_states_forces_abroad_are_external_forces():
    assert resolve("القوات الروسية", "Syria", Y2015).inter == 8
    assert resolve("القوات الروسية", "Russia", Y2015).inter == 1
    assert resolve("القوات السعودية", "Yemen", Y2015).inter == 8


def test_unknown_words_are_a_typed_error():
    with pytest.raises(UnknownActorError):
        resolve("كلمة لا يعرفها القاموس", "Syria", Y2015)
    with pytest.raises(UnknownActorError):
        resolve("مجلس الأمن", "Syria", Y2015)  # blocked: not an actor


def test_alternatives_list_the_other_readings():
    res = resolution("طيران التحالف", "Yemen", Y2015)
    assert [a.name for a in res.alternatives] == ["Global Coalition Against Daesh"]


def test_secondary_countries_back_a_reading_when_the_main_one_has_none():
    assert resolution("المقاومة", "Saudi Arabia", Y2015, fallback=("Yemen",)).actor.family \
        == "YEM_GOV"


def test_by_key_takes_terms_actor_ids_and_templates():
    assert by_key("coalition", "Yemen", Y2015).family == "SAU_COALITION"
    assert by_key("hts_nusra", "Syria", Y2015).name == "Jabhat al Nusra"
    assert by_key("unidentified", "Iraq", Y2015).name == "Unidentified Armed Group (Iraq)"
    assert by_key("military/Russia", "Syria", Y2015).inter == 8
    assert by_key("military", None, Y2015) is None
    with pytest.raises(UnknownActorError):
        by_key("no_such_actor", "Syria", Y2015)


def test_civilians_and_unidentified_are_named_by_country():
    assert civilians("Syria").name == "Civilians (Syria)"
    assert civilians("Syria").inter == 7 and civilians("Syria").family == "CIV"
    assert civilians(None).name == "Civilians"
    assert unidentified("Yemen").name == "Unidentified Armed Group (Yemen)"
    assert unidentified("Yemen").family == "UNK"


def test_interaction_puts_the_lower_code_first():
    assert interaction(7, 1) == 17
    assert interaction(1, 7) == 17
    assert interaction(2, 2) == 22
    assert interaction(1, None) == 10
    assert interaction(None, 3) == 30


@given(st.integers(1, 8), st.integers(1, 8))
def test_interaction_is_symmetric_and_two_digit(a, b):
    code = interaction(a, b)
    assert code == interaction(b, a)
    assert 11 <= code <= 88 and code // 10 <= code % 10
