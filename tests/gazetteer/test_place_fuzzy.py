"""Fallbacks for names no indexed spelling matches: loose, skeleton, Latin, in-region, parts."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rasd.gazetteer.fuzzy import fallback
from rasd.gazetteer.store import NAME_EN, gazetteer
from rasd.gazetteer.translit import arabic_skeleton, latin_skeleton

GAZ = gazetteer()


def names(rows: list[int]) -> set[str]:
    return {GAZ.rows[r][NAME_EN] for r in rows}


def test_qaf_for_ghain_is_a_loose_spelling():
    rows, rule = fallback(GAZ, "اقيول", {"SY"})
    assert rule == "loose" and "Aghyol" in names(rows)


def test_haj_for_haji_and_alef_for_teh_marbuta_are_loose_spellings():
    rows, rule = fallback(GAZ, "حاج كوسا", {"SY"})
    assert rule == "loose" and "Haji Kusa" in names(rows)


def test_a_name_known_only_in_latin_letters_is_found_by_its_consonants():
    rows, rule = fallback(GAZ, "كفرداعل", {"SY"})
    assert rule == "translit" and names(rows) == {"Kafr Dael"}


def test_latin_consonants_are_tried_only_within_the_articles_countries():
    assert fallback(GAZ, "كفرداعل", None) == ([], "")


def test_a_close_spelling_is_found_within_the_governorate():
    rows, rule = fallback(GAZ, "عرب بوران", {"SY"}, ("SY", "Aleppo"))
    assert rule == "fuzzy" and "Oruba Bab - Arab Wiran" in names(rows)


def test_a_part_of_a_place_resolves_to_the_place():
    rows, rule = fallback(GAZ, "مساكن هنانو", {"SY"})
    assert rule == "part" and "Hanano" in names(rows)


def test_after_a_weak_cue_only_spellings_that_keep_every_consonant_are_tried():
    assert fallback(GAZ, "عرب بوران", {"SY"}, ("SY", "Aleppo"), lossy=False) == ([], "")


def test_arabic_and_latin_skeletons_meet():
    assert arabic_skeleton("خان العسل") == latin_skeleton("Khan Al-Asal")
    assert arabic_skeleton("كفرداعل") == latin_skeleton("Kafr Dael")


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz -'", max_size=30))
def test_latin_skeletons_are_consonant_classes_only(name):
    assert set(latin_skeleton(name)) <= set("bcdfgjklmnpqrstvz")
