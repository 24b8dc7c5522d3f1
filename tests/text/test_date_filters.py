"""The date matcher's fast filters change nothing: a token tries only the patterns
that may start with it (rasd.text.datewords.PatternStarts), and finds what trying
every pattern finds."""
from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.document import Article
from rasd.pipeline import Pipeline
from rasd.text.datematch import _PATTERNS, DateMatcher
from rasd.text.datewords import date_lexicon

PIPE = Pipeline.from_names(["normalize", "segment"])
WORDS = ["أمس", "اليوم", "فجر", "مساء", "يوم", "الخميس", "والجمعة", "الماضي", "المقبل", "الجاري",
         "يوليو", "تموز", "كانون", "الثاني", "منتصف", "أواخر", "خلال", "يومين", "منذ", "أيام", "قبل",
         "الشهر", "شهر", "هذا", "الأسبوع", "على", "مدار", "في", "من", "الأول", "الثامن", "عشر",
         "الصيف", "عام", "15", "3", "2015", "-", "/", "(", ")", "قال", "قتل", "بلدة"]


def every_pattern(m: DateMatcher, i: int):
    """What :meth:`DateMatcher.core` found before the filters: the first pattern that matches."""
    for fn in _PATTERNS:
        hit = fn(m, i)
        if hit is not None:
            return hit
    return None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8),
       st.one_of(st.none(), st.dates(min_value=date(2010, 1, 1), max_value=date(2020, 12, 31))))
def test_a_token_finds_what_every_pattern_would_find(words, published):
    doc = PIPE(Article("f", " ".join(words), published))
    m = DateMatcher(doc["tokens"], date_lexicon(), published)
    for i in range(m.n):
        assert m.core(i) == every_pattern(m, i)


def test_numbers_and_starter_words_may_start_a_date_and_others_not():
    doc = PIPE(Article("f", "قتل 3 في بلدة أمس", date(2015, 7, 20)))
    m = DateMatcher(doc["tokens"], date_lexicon(), date(2015, 7, 20))
    assert [m.texts[i] for i in range(m.n) if m.could_start(i)] == ["3", "في", "امس"]
