"""Glued-word repair: lexicon splits, the refusals that keep it conservative, the ة rule."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.stages.normalize import normalize_text
from rasd.text.unglue import Unglue, VocabSplitter, load_vocab

TOY = {"فرنسا": 500, "بالامم": 300, "المتحده": 900, "العراق": 800, "وسوريا": 400, "سوريا": 900,
       "منفذ": 200, "وهما": 300, "هما": 600, "الكون": 100, "كورد": 40, "حزب": 700, "الله": 2000,
       "بلدان": 300, "امير": 400, "كيان": 300, "مرات": 300, "موت": 300, "خسائر": 300,
       "كبيره": 500, "مجلس": 900, "لعضو": 60}


def test_splits_the_united_nations_glued_to_a_country():
    assert normalize_text("مندوب فرنسابالأممالمتحدة").text == "مندوب فرنسا بالامم المتحده"


def test_splits_a_glued_conjunction_before_a_long_word():
    assert normalize_text("في العراقوسوريا").text == "في العراق وسوريا"


def test_ta_marbuta_rule_still_applies_with_the_lexicon():
    assert normalize_text("المدينةالشرقية").text == "المدينه الشرقيه"


def test_split_space_maps_to_the_letter_after_it():
    raw = "فرنسابالأممالمتحدة"
    norm = normalize_text(raw)
    i = norm.text.index("بالامم")
    span = norm.to_raw(i, i + len("بالامم"))
    assert raw[span.start:span.end] == "بالأمم"


def test_never_splits_known_words():
    for word in ("المتحدة", "الانقطاع", "عليهما", "مسؤولياتهم", "والاسكان", "ثلاثمائة"):
        assert Unglue().points(word) == [], word


def test_never_splits_a_known_stem_with_clitics_or_endings():
    splitter = VocabSplitter(TOY)
    assert splitter.best_split("لبلداننا") is None  # ل + بلدان + نا
    assert splitter.best_split("اميركيان") == ("امير", "كيان")  # stem «اميركي» unknown here
    assert VocabSplitter({**TOY, "اميركي": 50}).best_split("اميركيان") is None


def test_refuses_a_conjunction_before_a_short_word():
    assert VocabSplitter(TOY).best_split("منفذوهما") is None


def test_refuses_an_article_with_a_three_letter_stem_before_a_non_article():
    assert VocabSplitter(TOY).best_split("الكونكورد") is None


def test_allows_a_short_piece_before_the_article():
    assert VocabSplitter(TOY).best_split("حزبالله") == ("حزب", "الله")


def test_non_article_boundary_needs_long_pieces():
    splitter = VocabSplitter(TOY)
    assert splitter.best_split("خسائركبيره") == ("خسائر", "كبيره")
    assert splitter.best_split("لعضومجلس") == ("لعضو", "مجلس")
    assert splitter.best_split("وموتمرات") is None  # «ومؤتمرات», not «ومؤت مرات»


def test_rare_pieces_are_not_trusted():
    assert VocabSplitter({"خسائر": 300, "كبيره": 3}).best_split("خسائركبيره") is None


def test_cached_runs_give_the_same_points():
    unglue = Unglue()
    text = "اتهم مندوب فرنسابالأممالمتحدة"
    assert unglue.points(text) == unglue.points(text) != []


def test_bundled_vocabulary_loads_folded_words():
    vocab = load_vocab()
    assert len(vocab) > 10_000
    assert vocab["المتحده"] > vocab.get("الاممالمتحده", 0)


_COMMON = sorted((w for w, n in load_vocab().items() if n >= 200 and len(w) >= 4))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_COMMON), min_size=1, max_size=12))
def test_text_of_known_words_is_left_alone(words):
    text = " ".join(words)
    assert normalize_text(text).text == text
