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


# -- properties over any text -------------------------------------------------------

#: any characters at all, with Arabic letters, marks, presentation forms, digits,
#: odd spaces and controls made frequent
ANY_TEXT = st.text(alphabet=st.one_of(
    st.characters(),
    st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىةیک ") + [
        "\u064b", "\u0651", "\u0670", "\u0640", "\u200c", "\u200f", "\u202b", "\ufeff", "\u00ad",
        "\u0660", "\u0669", "\u06f0", "\u06f9", "\ufe8d", "\ufedf", "\ufefb", "\ufdf2", "\u066b",
        "\u00a0", "\u2009", "\t", "\r", "\x07", "\u2028", "A", "Z", "7", ".", "،"])),
    max_size=120)


@settings(max_examples=400, deadline=None)
@given(ANY_TEXT)
def test_every_normalized_character_maps_inside_the_raw_text(raw):
    norm = normalize_text(raw)
    offs = norm.offsets
    assert len(offs) == len(norm.text) + 1 and offs[-1] == len(raw)
    assert all(a <= b for a, b in zip(offs, offs[1:])), "offsets go backwards"
    assert all(0 <= o < len(raw) for o in offs[:-1]), "a character maps outside the raw text"


@settings(max_examples=400, deadline=None)
@given(ANY_TEXT)
def test_each_kept_character_comes_from_the_raw_character_it_maps_to(raw):
    norm = normalize_text(raw)
    for i, ch in enumerate(norm.text):
        source = raw[norm.offsets[i]]
        if ch == " ":
            continue  # a space: the raw one, an odd space, or one restored between glued words
        assert ch in normalize_text(source).text, (ch, source)


@settings(max_examples=300, deadline=None)
@given(ARABIC, st.data())
def test_any_run_of_words_round_trips_through_its_raw_span(raw, data):
    norm = normalize_text(raw)
    words = list(re.finditer(r"\S+", norm.text))
    if not words:
        return
    i = data.draw(st.integers(0, len(words) - 1))
    j = data.draw(st.integers(i, len(words) - 1))
    a, b = words[i].start(), words[j].end()
    span = norm.to_raw(a, b)
    assert 0 <= span.start < span.end <= len(raw)
    again = normalize_text(raw[span.start:span.end]).text
    assert again.split() == norm.text[a:b].split() or \
        again.replace(" ", "") == norm.text[a:b].replace(" ", "")


#: frequent words of the bundled vocabulary, to glue together
_GLUE = ["الامم", "المتحده", "العراق", "وسوريا", "المدينه", "الشرقيه", "فرنسا", "بالامم"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_GLUE), min_size=1, max_size=6), st.sampled_from(["", " "]))
def test_restored_spaces_stand_before_the_letter_they_map_to(words, sep):
    raw = sep.join(words)
    norm = normalize_text(raw)
    # the repair only inserts spaces: without them the text is the raw text
    assert norm.text.replace(" ", "") == raw.replace(" ", "")
    for i, ch in enumerate(norm.text):
        if ch == " " and raw[norm.offsets[i]] != " ":
            # an inserted space maps to the raw index of the letter after it
            assert norm.offsets[i] == norm.offsets[i + 1]
