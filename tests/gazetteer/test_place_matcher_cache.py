"""The candidate finder's word cache (rasd.gazetteer.starts) changes nothing: a text
read by a fresh matcher and again by the same one gives the same candidates."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.document import Article
from rasd.gazetteer.lexicon import lexicon
from rasd.gazetteer.matcher import Matcher, words_of
from rasd.gazetteer.store import gazetteer
from rasd.pipeline import Pipeline

PRE = Pipeline.from_names(["normalize", "segment"])
MATCHER = Matcher(gazetteer(), lexicon())
WORDS = ["قصف", "على", "بلدة", "بلدات", "كفرنبل", "والمنصورة", "في", "حلب", "بحلب", "ريف", "دمشق",
         "دير", "الزور", "جنوب", "المحافظة", "حزب", "الله", "الرئيس", "خان", "العسل", "حي", "،", "و"]


def candidates(matcher: Matcher, text: str) -> list[tuple]:
    doc = PRE(Article("t", text, None))
    return [(m.start, m.end, m.prefix, m.key, m.cue, m.blocked, m.direction, m.locative)
            for m in matcher.find(words_of(doc["tokens"], doc["sentences"]))]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=10))
def test_a_warm_matcher_finds_what_a_fresh_one_finds(words):
    text = " ".join(words)
    MATCHER.starts.known.clear()  # as fresh: no word met yet
    MATCHER.starts.dull.clear()
    first = candidates(MATCHER, text)
    assert candidates(MATCHER, text) == first
