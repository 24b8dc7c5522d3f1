"""normalize: folding, digits, diacritics, glued words, and the offset map."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.stages.normalize import normalize_text

ARABIC = st.text(alphabet=st.sampled_from(
    list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة ") +
    ["\u064e", "\u0650", "\u0651", "\u0640", "\u0661", "\u06f5", "\ufefb", "\u200f", "\u00a0", "،", ".", "\n"]),
    max_size=200)


def test_removes_diacritics_and_tatweel():
    assert normalize_text("قُتِلَ الـمـدنيون").text == "قتل المدنيون"


def test_folds_alef_hamza_yeh_teh_marbuta():
    assert normalize_text("أإآ ى ة ؤ ئ").text == "ااا ي ه و ي"


def test_converts_arabic_indic_and_persian_digits():
    assert normalize_text("٢٣ و۱۵").text == "23 و15"


def test_expands_presentation_forms():
    assert normalize_text("\ufefb").text == "لا"


def test_restores_space_after_mid_word_teh_marbuta():
    norm = normalize_text("أحياء المدينةالشرقية")
    assert norm.text == "احياء المدينه الشرقيه"


def test_span_of_repaired_word_maps_to_raw_letters():
    raw = "في المدينةالشرقية"
    norm = normalize_text(raw)
    i = norm.text.index("الشرقيه")
    span = norm.to_raw(i, i + len("الشرقيه"))
    assert raw[span.start:span.end] == "الشرقية"


@settings(max_examples=300, deadline=None)
@given(ARABIC)
def test_offsets_are_monotonic_and_in_range(raw):
    norm = normalize_text(raw)
    assert len(norm.offsets) == len(norm.text) + 1
    assert list(norm.offsets) == sorted(norm.offsets)
    assert all(0 <= o <= len(raw) for o in norm.offsets)


@settings(max_examples=300, deadline=None)
@given(ARABIC)
def test_every_normalized_word_maps_back_to_its_raw_letters(raw):
    norm = normalize_text(raw)
    for m in re.finditer(r"\S+", norm.text):
        word = m.group()
        span = norm.to_raw(m.start(), m.end())
        # normalizing the raw slice gives back the word (up to restored spaces)
        assert normalize_text(raw[span.start:span.end]).text.replace(" ", "") == word
