"""Properties of date resolution: past-biased, on the named weekday, spans that are the evidence."""
from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.document import Article
from rasd.pipeline import Pipeline

PIPE = Pipeline.from_names(["normalize", "segment", "dates"])
DAYS = st.dates(min_value=date(2005, 1, 1), max_value=date(2030, 12, 31))
WEEKDAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
PARTS = ["", "فجر ", "صباح ", "مساء ", "ليل ", "يوم ", "منذ وقت متأخر من مساء "]
# past words only: nothing here may resolve after the publication day
PAST = ["أمس", "أمس الأول", "أول من أمس", "قبل أمس", "اليوم", "الليلة الماضية", "البارحة",
        "الليلة قبل الماضية", "خلال يومين", "منذ أيام", "قبل يومين", "الأسبوع الماضي",
        "الشهر الماضي", "في يوليو", "في 20 نوفمبر", "منتصف أغسطس", "خلال الساعات الماضية"]
FILLER = ["قتل", "خمسة", "مدنيين", "في", "قصف", "على", "بلدة", "كفرنبل", "وأصيب", "آخرون", "،"]


def mentions(text: str, published: date):
    return PIPE(Article("p", text, published))["dates"]


@settings(max_examples=150, deadline=None)
@given(DAYS, st.lists(st.sampled_from(PAST + WEEKDAYS), min_size=1, max_size=4),
       st.lists(st.sampled_from(FILLER), min_size=1, max_size=4))
def test_past_words_never_resolve_after_publication(published, phrases, filler):
    text = " ".join(f"{' '.join(filler)} {p}" for p in phrases)
    for m in mentions(text, published):
        assert m.value <= published, m.text
        assert m.start is None or m.start <= m.value, m.text


@settings(max_examples=150, deadline=None)
@given(DAYS, st.sampled_from(["أمس", "اليوم", "أمس الأول"]), st.sampled_from(range(7)),
       st.sampled_from(["{r} {w}", "{r} ({w})"]))
def test_a_relative_day_with_a_weekday_keeps_one_of_them(published, rel, wd, pattern):
    offset = {"أمس": -1, "اليوم": 0, "أمس الأول": -2}[rel]
    day = published + timedelta(days=offset)
    text = pattern.format(r=rel, w=WEEKDAYS[wd])
    (m,) = mentions(f"قتل {text} في قصف", published)
    assert m.value == day or (m.value.weekday() == wd and 1 <= (day - m.value).days <= 2)


@settings(max_examples=150, deadline=None)
@given(DAYS, st.sampled_from(range(7)), st.sampled_from(PARTS), st.sampled_from(["", " الماضي"]))
def test_a_weekday_lands_on_that_weekday_in_the_week_before(published, wd, part, past):
    (m,) = mentions(f"وقع الهجوم {part}{WEEKDAYS[wd]}{past} على القرية", published)
    back = (published - m.value).days
    assert m.value.weekday() == wd
    assert (1 if past else 0) <= back <= (7 if past else 6)


# raw text with what normalization folds away: diacritics, tatweel, presentation forms
DECOR = st.sampled_from(["", "\u064e", "\u0640", "\u0651"])


@settings(max_examples=150, deadline=None)
@given(DAYS, st.sampled_from(PARTS), st.sampled_from(WEEKDAYS + ["أمس", "أمس الأول"]), DECOR,
       st.lists(st.sampled_from(FILLER), max_size=3))
def test_spans_are_raw_text_covering_the_date_words(published, part, word, decor, filler):
    decorated = word[:2] + decor + word[2:]
    prefix = " ".join(filler)
    raw = f"{prefix} {part}{decorated} ثم انسحبوا"
    found = mentions(raw, published)
    assert len(found) == 1
    m = found[0]
    assert raw[m.span.start:m.span.end] == m.text
    assert decorated in m.text
    assert m.text.strip() == m.text and m.text.endswith(decorated)
