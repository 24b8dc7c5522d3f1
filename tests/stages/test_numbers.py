"""numbers: digits, number words, duals, vague quantities, qualifiers, and non-counts."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyarabic.number import ArNumbers, number2text

from rasd.document import Article
from rasd.pipeline import Pipeline

PIPE = Pipeline.from_names(["normalize", "segment", "numbers"])


def numbers(text: str):
    return PIPE(Article("t", text))["numbers"]


def one(text: str):
    found = numbers(text)
    assert len(found) == 1, [(n.value, n.text, n.kind) for n in found]
    return found[0]


@pytest.mark.parametrize("text,value", [
    ("قتل 23 شخصا", 23), ("نزوح 1,200 عائلة", 1200), ("نزوح 3 آلاف شخص", 3000),
    ("1.5 مليون نازح", 1_500_000), ("ثلاثة وعشرين مدنيا", 23), ("خمسة عشر مدنيا", 15),
    ("مئة وخمسين أسرة", 150), ("مائة وخمسين أسرة", 150), ("ألفين", 2000),
    ("ثلاثمائة مقاتل", 300), ("ثلاث مائة مقاتل", 300), ("اثنان منهم", 2),
    ("اثنتين من النساء", 2), ("عشرة آلاف لاجئ", 10_000), ("إحدى عشرة سيدة", 11),
    ("اثني عشر عنصرا", 12), ("مليون ومئتي ألف", 1_200_000), ("مليون و200 ألف", 1_200_000),
    ("لثلاثة جنود", 3), ("وخمسة أطفال", 5),
])
def test_reads_cardinals_in_digits_and_words(text, value):
    n = one(text)
    assert (n.value, n.kind, n.vague) == (value, "cardinal", False)


def test_definite_compound_is_one_number():
    n = one("خلال الأربع والعشرين ساعة الماضية")
    assert n.value == 24 and n.text == "الأربع والعشرين"


def test_two_numbers_joined_by_and_stay_apart():
    assert [n.value for n in numbers("قتل ثلاثة وخمسة جرحى")] == [3, 5]


def test_mention_span_is_the_raw_evidence():
    raw = "أفاد المرصد بمقتل ثلاثةٍ وعشرين شخصاً"
    n = one(raw)
    assert raw[n.span.start:n.span.end] == "ثلاثةٍ وعشرين" == n.text


@pytest.mark.parametrize("text,head", [("مقتل شخصين", "شخص"), ("إصابة طفلين", "طفل"),
                                       ("مقتل جنديين", "جندي"), ("مقتل طفلتين", "طفله"),
                                       ("مقتل مدنيين اثنين", None), ("قتل مسلحان", "مسلح")])
def test_duals_count_two_with_their_noun(text, head):
    found = numbers(text)
    if head is None:  # «مدنيين» is a plural; only the «اثنين» after it counts
        assert [(n.value, n.head) for n in found] == [(2, None)]
    else:
        assert [(n.value, n.head) for n in found] == [(2, head)]


def test_madaniyyin_is_a_plural_unless_two_precedes_it():
    assert numbers("سقوط مدنيين في القصف") == ()
    n = one("مقتل اثنين مدنيين")
    assert (n.value, n.head, n.text) == (2, "مدني", "اثنين مدنيين")


def test_monday_is_not_two():
    assert numbers("يوم الاثنين الماضي") == ()


@pytest.mark.parametrize("text,value", [("عشرات القتلى", 10), ("سقوط العشرات", 10),
                                        ("مئات الجرحى", 100), ("آلاف النازحين", 1000),
                                        ("عدة قذائف", 3), ("بضعة أشخاص", 3),
                                        ("عشرات الآلاف", 10_000), ("مئات الآلاف", 100_000)])
def test_vague_quantities_take_the_conservative_value(text, value):
    n = one(text)
    assert (n.value, n.vague, n.kind) == (value, True, "cardinal")


@pytest.mark.parametrize("text,value,qualifier", [
    ("مقتل أكثر من 84 شخصا", 84, "more_than"), ("مقتل 84 على الأقل", 84, "at_least"),
    ("مقتل 84 شخصا على الأقل", 84, "at_least"), ("ما لا يقل عن 12 شخصا", 12, "at_least"),
    ("نحو 30", 30, "about"), ("بنحو 30", 30, "about"), ("حوالي عشرين", 20, "about"),
    ("قرابة 40", 40, "about"), ("زهاء 50", 50, "about"), ("أقل من 10", 10, "less_than"),
])
def test_qualifiers_leave_the_value(text, value, qualifier):
    n = one(text)
    assert (n.value, n.qualifier) == (value, qualifier)


@pytest.mark.parametrize("text,kind", [
    ("في اليوم الثاني", "ordinal"), ("للمرة الخامسة عشرة", "ordinal"), ("عام 2015", "year"),
    ("منذ 2011", "year"), ("في يوليو 2015", "year"), ("الساعة 10 صباحا", "time"),
    ("في الساعة 10:30", "time"), ("20 في المئة", "percent"), ("20%", "percent"),
    ("5 ملايين دولار", "money"), ("خلال 24 ساعة", "duration"), ("منذ ثلاثة أيام", "duration"),
    ("17-11-2016", "date"), ("2016/11/17", "date"), ("على بعد 20 كيلومترا", "measure"),
    ("بنسبة 2.5 بالمئة", "percent"), ("منذ يومين", "duration"),
    ("في الساعات الأربع والعشرين القادمة", "duration"),
])
def test_non_counts_are_marked(text, kind):
    assert [n.kind for n in numbers(text)] == [kind]


def test_full_date_marks_day_and_year():
    assert [(n.value, n.kind) for n in numbers("في 17 نوفمبر 2016")] == [(17, "date"), (2016, "year")]


def test_month_names_are_not_numbers():
    assert numbers("في تشرين الثاني") == ()
    assert numbers("في حزيران") == ()


def test_four_digit_count_before_a_victim_noun_is_a_count():
    assert one("مقتل 2015 شخصا").kind == "cardinal"


def test_numbers_are_sorted_by_position():
    found = numbers("قتل 5 وأصيب عشرات بينهم طفلين و3 نساء")
    assert [n.nstart for n in found] == sorted(n.nstart for n in found)
    assert [n.value for n in found] == [5, 10, 2, 3]


_AR = ArNumbers()


def _words(n: int, feminine: bool, oblique: bool) -> str:
    conv = ArNumbers()
    conv.set_feminine(2 if feminine else 1)
    conv.set_format(2 if oblique else 1)
    return conv.int2str(str(n))


@settings(max_examples=400, deadline=None)
@given(st.integers(1, 999), st.booleans(), st.booleans())
def test_pyarabic_words_for_1_to_999_parse_back(n, feminine, oblique):
    text = _words(n, feminine, oblique)
    assert [m.value for m in numbers(text)] == [n], text


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 999).map(lambda k: k * 1000) | st.integers(1000, 999_999))
def test_pyarabic_words_for_thousands_parse_back(n):
    for text in (_AR.int2str(str(n)), number2text(n)):
        assert [m.value for m in numbers(text)] == [n], text


@pytest.mark.parametrize("text", ["ولست بضعيف العقل", "كميات كبيرة من السلاح", "يشفي المصابين",
                                  "سقوط الجرحى يوم الأحد", "في العشر الأواخر"])
def test_words_that_only_look_like_numbers_are_skipped(text):
    assert numbers(text) == ()


def test_spaced_hijri_date_and_year_are_not_counts():
    assert [n.kind for n in numbers("الموافق 18 / 8 / 1436هـ")] == ["date"]
    assert [n.kind for n in numbers("من مواليد 1415هـ")] == ["year"]


def test_seed_article_reads_its_tolls(seed_article):
    found = [n for n in PIPE(seed_article)["numbers"] if n.kind == "cardinal"]
    assert [n.value for n in found][:3] == [23, 3, 8]


_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 10_000_000), st.sampled_from(["plain", "commas", "indic", "persian"]))
def test_digits_in_any_script_read_back_as_their_value(n, form):
    digits = {"plain": str(n), "commas": f"{n:,}", "indic": str(n).translate(_INDIC),
              "persian": str(n).translate(_PERSIAN)}[form]
    found = numbers(f"قتل {digits} شخصا")
    assert [(m.value, m.kind) for m in found] == [(n, "cardinal")], digits


#: units whose definite form is another word («الست» the lady, «الاثنين» Monday,
#: «الواحد» per) are left out of definite compounds by the lexicon
_DEFINITE_UNITS = (3, 4, 5, 7, 8, 9)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(_DEFINITE_UNITS), st.integers(2, 9), st.booleans(), st.booleans())
def test_definite_compounds_read_back_as_their_value(unit, tens, feminine, oblique):
    """«الأربع والعشرين», «الثمانية والأربعون»: the article on both words."""
    n = tens * 10 + unit
    first, _and, second = _words(n, feminine, oblique).split()
    text = f"ال{first} وال{second}"
    assert [m.value for m in numbers(f"خلال الساعات {text} الماضية")] == [n], text


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 999), st.sampled_from(["على الأقل", "على الاقل"]))
def test_at_least_after_a_number_keeps_its_value(n, words):
    found = one(f"قتل {_words(n, False, True)} {words}")
    assert (found.value, found.qualifier) == (n, "at_least")
