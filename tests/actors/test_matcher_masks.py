"""Matchers that share the per-token lookup (rasd.actors.matcher._Masks) find what each
would alone: texts as a tuple (whose lookups are kept) or a list, before and after
another matcher is made."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.actors.matcher import Matcher

PHRASES = {("داعش",): "is", ("قوات", "النظام"): "regime", ("الحوثيين",): "houthi"}
VOCAB = ["قتل", "عناصر", "من", "داعش", "لداعش", "قوات", "وقوات", "النظام", "الحوثيين",
         "بالحوثيين", "في", "المدينة", None]


def hits(matcher: Matcher, texts) -> list[tuple[str, int, int, int]]:
    return [(h.value, h.first, h.last, h.cut) for h in matcher.find(texts)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(VOCAB), max_size=10))
def test_a_tuple_finds_what_a_list_finds_with_other_matchers_about(words):
    actors = Matcher(PHRASES, heads=frozenset({"عناصر"}), connectors=frozenset({"من"}))
    places = Matcher({("المدينة",): "city", ("في",): "in"})
    texts = tuple(words)
    first = hits(actors, texts)
    assert hits(places, texts) == hits(places, list(words))
    assert first == hits(actors, list(words)) == hits(actors, texts)
    Matcher({("النظام",): "late"})  # a new matcher deals the bits again
    assert hits(actors, texts) == first


def test_a_word_that_starts_no_phrase_for_one_matcher_may_for_another():
    a = Matcher({("داعش",): "is"})
    b = Matcher({("النظام",): "regime"})
    texts = ("قصف", "النظام", "داعش")
    assert hits(a, texts) == [("is", 2, 2, 0)]
    assert hits(b, texts) == [("regime", 1, 1, 0)]
