"""The places lexicon: proclitic readings, cues, word shapes of names and non-names."""
from __future__ import annotations

import pytest

from rasd.gazetteer.keys import name_key
from rasd.gazetteer.lexicon import lexicon, readings

LEX = lexicon()


def test_readings_strip_conjunction_and_preposition():
    assert ("ب", "حلب") in readings("بحلب")
    assert ("وب", "العند") in readings("وبالعند")
    assert readings("حلب")[0] == ("", "حلب")


def test_lam_lam_gives_back_the_article():
    assert ("ل", "المدينه") in readings("للمدينه")


def test_a_stripped_stem_keeps_three_letters():
    # «باب» is not «ب» + «اب» (Ibb); «وحي» is «و» + the cue «حي»
    assert readings("باب") == (("", "باب"),)
    assert ("و", "حي") in readings("وحي")


def test_fa_lam_is_no_proclitic():
    # «فلوريدا» is not «ف» + «ل» + «وريدا»
    assert all(stem != "وريدا" for _, stem in readings("فلوريدا"))


@pytest.mark.parametrize("word,kind", [("بمحافظة", "admin1"), ("وحي", "neighbourhood"),
                                       ("قرية", "populated"), ("بريف", "admin1"),
                                       ("ومديرية", "admin2"), ("جبل", "feature")])
def test_cue_words_after_their_proclitics(word, kind):
    cue = LEX.cue(name_key(word))
    assert cue is not None and cue.kind == kind


def test_dual_cues_take_two_names():
    cue = LEX.cue(name_key("محافظتي"))
    assert cue is not None and cue.dual and cue.plural


@pytest.mark.parametrize("word", ["للنازحين", "يخسرها", "بمعارضتهما", "إنهائها", "طردوا",
                                  "سكنية", "عسكرية", "مزدحمة", "محررة", "شاسعة", "عازلة",
                                  "متجهين"])
def test_inflected_words_are_shaped_unlike_names(word):
    assert LEX.wrong_shape(name_key(word))


@pytest.mark.parametrize("word", ["لبوزة", "الصدرين", "غورما", "الصوابر", "كفرداعل", "الرحيب",
                                  "تهامة", "البوشجل", "شرعب", "حيش", "مريس", "عربين"])
def test_place_names_have_a_name_shape(word):
    assert not LEX.wrong_shape(name_key(word))


def test_an_indefinite_nisba_adjective_is_recognised():
    assert LEX.adjective(name_key("جبلية"))
    assert not LEX.adjective(name_key("الجبلية"))


def test_quantifiers_and_function_words_are_normalized():
    assert name_key("ثالث") in LEX.quantifiers
    assert name_key("أنه") in LEX.function_words
