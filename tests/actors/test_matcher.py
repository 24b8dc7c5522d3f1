"""The phrase matcher: clitics, longest match, modifier heads, blocked phrases."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rasd.actors.matcher import Matcher, clitic_variants


def words(text: str) -> list[str | None]:
    return [None if w == "," else w for w in text.split()]


M = Matcher({("داعش",): "is", ("قوات", "النظام"): "regime", ("النظام",): "regime-bare",
             ("الحوثيين",): "houthi", ("مجلس", "الامن"): "BLOCK", ("المعارضه",): "opp"},
            heads=frozenset({"عناصر", "مسلحو", "قوات"}), connectors=frozenset({"من"}),
            head_only=frozenset({"opp"}))


def test_clitic_variants_strip_conjunction_preposition_and_contracted_article():
    assert ("داعش", 1) in clitic_variants("لداعش")
    assert ("الحوثيين", 1) in clitic_variants("بالحوثيين")
    assert ("الحوثيين", 1) in clitic_variants("للحوثيين")
    assert ("قوات", 1) in clitic_variants("وقوات")
    assert ("الحوثيين", 2) in clitic_variants("وبالحوثيين")


def test_short_words_keep_their_first_letter():
    assert clitic_variants("وجه") == (("وجه", 0),)


def test_longest_phrase_wins():
    hits = M.find(words("قصفت قوات النظام المدينة"))
    assert [(h.value, h.first, h.last) for h in hits] == [("regime", 1, 2)]


def test_clitic_on_the_first_word_is_cut_from_the_hit():
    (hit,) = M.find(words("هجوم لداعش"))
    assert hit.value == "is" and hit.cut == 1


def test_modifier_heads_join_the_phrase():
    (hit,) = M.find(words("قتل عناصر من داعش"))
    assert (hit.value, hit.first, hit.last, hit.head) == ("is", 1, 3, 1)


def test_head_only_phrases_need_a_head():
    assert M.find(words("الكونجرس المعارضه للاتفاق")) == []
    (hit,) = M.find(words("مسلحو المعارضه"))
    assert hit.value == "opp"


def test_phrases_do_not_cross_punctuation():
    assert [h.value for h in M.find(words("قوات , النظام"))] == ["regime-bare"]


def test_skipped_values_consume_their_words():
    assert M.find(words("مجلس الامن"), skip="BLOCK") == []


VOCAB = ["داعش", "قوات", "النظام", "الحوثيين", "عناصر", "من", "مجلس", "الامن", "في", ","]


@given(st.lists(st.sampled_from(VOCAB), max_size=30))
def test_hits_are_ordered_disjoint_and_inside_the_text(seq):
    texts = words(" ".join(seq))
    hits = M.find(texts)
    last = -1
    for h in hits:
        assert last < h.first <= h.last < len(texts)
        assert all(texts[k] is not None for k in range(h.first, h.last + 1))
        last = h.last
