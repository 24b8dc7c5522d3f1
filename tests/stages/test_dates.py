"""dates: relative days, weekdays, spans, months and full dates, resolved past-biased."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.document import Article
from rasd.pipeline import Pipeline

PIPE = Pipeline.from_names(["normalize", "segment", "dates"])
FRIDAY = date(2016, 11, 18)


def dates(text: str, published: date | None = FRIDAY):
    return PIPE(Article("t", text, published))["dates"]


def one(text: str, published: date | None = FRIDAY):
    found = dates(text, published)
    assert len(found) == 1, [(d.text, d.value) for d in found]
    return found[0]


@pytest.mark.parametrize("text,days", [
    ("قتل اليوم", 0), ("قتل أمس", -1), ("قتل بالأمس", -1), ("البارحة", -1), ("يوم أمس", -1),
    ("أمس الأول", -2), ("أول أمس", -2), ("أول من أمس", -2), ("قبل أمس", -2),
    ("الليلة الماضية", -1), ("فجر اليوم", 0), ("صباح أمس", -1), ("مساء أمس", -1),
])
def test_relative_days(text, days):
    d = one(text)
    assert (d.value, d.precision, d.relative) == (FRIDAY + timedelta(days=days), 1, True)


def test_relative_day_needs_a_publication_date():
    assert dates("قتل أمس", published=None) == ()


def test_the_day_is_not_today():
    assert dates("في اليوم التالي") == ()
    assert dates("حتى اليوم الذي") == ()


@pytest.mark.parametrize("text,expected", [
    ("الخميس", date(2016, 11, 17)), ("فجر الخميس", date(2016, 11, 17)),
    ("مساء الخميس", date(2016, 11, 17)), ("ليل الخميس", date(2016, 11, 17)),
    ("يوم الخميس", date(2016, 11, 17)), ("الخميس الماضي", date(2016, 11, 17)),
    ("الجمعة", FRIDAY), ("الجمعة الماضية", date(2016, 11, 11)), ("السبت", date(2016, 11, 12)),
    ("صلاة الجمعة", FRIDAY), ("السبت المقبل", date(2016, 11, 19)),
])
def test_weekdays_resolve_to_the_latest_such_day(text, expected):
    assert one(text).value == expected


def test_weekday_confirming_a_relative_day_is_one_mention():
    d = one("قتل أمس الخميس")
    assert (d.value, d.text) == (date(2016, 11, 17), "أمس الخميس")


def test_no_weekday_inside_other_words():
    assert dates("جمعية خيرية في الجمعيات") == ()


def test_two_weekdays_are_a_range_dated_on_the_last_day():
    d = one("قتل 19 يومي السبت والأحد")
    assert (d.start, d.value) == (date(2016, 11, 12), date(2016, 11, 13))


@pytest.mark.parametrize("text,start,value,precision", [
    ("خلال يومين", date(2016, 11, 16), FRIDAY, 2),
    ("خلال الـ24 ساعة الماضية", date(2016, 11, 17), FRIDAY, 1),
    ("منذ يومين", date(2016, 11, 16), date(2016, 11, 16), 1),
    ("منذ أسبوع", date(2016, 11, 11), date(2016, 11, 11), 2),
    ("الأسبوع الماضي", date(2016, 11, 5), date(2016, 11, 11), 2),
    ("الشهر الماضي", date(2016, 10, 1), date(2016, 10, 31), 3),
])
def test_spans_of_time(text, start, value, precision):
    d = one(text)
    assert (d.start, d.value, d.precision) == (start, value, precision)


@pytest.mark.parametrize("text,month,year", [
    ("في تشرين الثاني", 11, 2016), ("في نوفمبر", 11, 2016), ("في يوليو/تموز", 7, 2016),
    ("في آب/أغسطس", 8, 2016), ("في حزيران/يونيو", 6, 2016), ("في كانون الأول", 12, 2015),
    ("ديسمبر 2014", 12, 2014), ("نوفمبر الماضي", 11, 2015), ("في شهر آب", 8, 2016),
])
def test_months_in_both_series(text, month, year):
    d = one(text)
    assert (d.value.year, d.value.month, d.precision) == (year, month, 3)
    assert d.start == date(year, month, 1)


def test_month_without_year_is_relative_and_with_year_is_not():
    assert one("في يوليو").relative and not one("في يوليو 2015").relative


@pytest.mark.parametrize("text", ["فتح الباب", "قال أب الشهيد", "مارس ضغوطا", "في الأيام"])
def test_month_names_only_as_whole_unambiguous_tokens(text):
    assert dates(text) == ()


@pytest.mark.parametrize("text,expected", [
    ("17 نوفمبر 2016", date(2016, 11, 17)), ("17-11-2016", date(2016, 11, 17)),
    ("2016/11/17", date(2016, 11, 17)), ("17 تشرين الثاني 2016", date(2016, 11, 17)),
    ("17 يوليو (تموز) 2015", date(2015, 7, 17)), ("الخميس 17 نوفمبر 2016", date(2016, 11, 17)),
])
def test_full_dates_resolve_without_publication(text, expected):
    d = one(text, published=None)
    assert (d.value, d.precision, d.relative) == (expected, 1, False)


def test_day_of_the_current_month():
    assert one("في 15 من الشهر الجاري").value == date(2016, 11, 15)


def test_day_and_month_without_year_is_the_latest_before_publication():
    assert one("في 20 نوفمبر").value == date(2015, 11, 20)
    assert one("في الثامن من مايو").value == date(2016, 5, 8)


def test_middle_of_a_month_is_a_week_range():
    d = one("منتصف يوليو (تموز)")
    assert (d.start, d.value, d.precision) == (date(2016, 7, 11), date(2016, 7, 20), 2)


def test_day_range_in_one_month():
    d = one("يومي 10 و11 نوفمبر")
    assert (d.start, d.value) == (date(2016, 11, 10), date(2016, 11, 11))


def test_span_is_the_raw_evidence():
    raw = "قُتل فجرَ الخميس"
    d = one(raw)
    assert raw[d.span.start:d.span.end] == d.text == "فجرَ الخميس"


WEEKDAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
DAYS = st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31))


@settings(max_examples=200, deadline=None)
@given(DAYS, st.sampled_from(range(7)), st.sampled_from(["", "فجر ", "يوم ", "مساء "]))
def test_weekday_is_within_the_week_before_publication(published, wd, part):
    d = one(f"وقع الهجوم {part}{WEEKDAYS[wd]}", published)
    assert d.value.weekday() == wd
    assert 0 <= (published - d.value).days <= 6


@settings(max_examples=200, deadline=None)
@given(DAYS, st.sampled_from(range(7)))
def test_past_weekday_is_strictly_before_publication(published, wd):
    d = one(f"{WEEKDAYS[wd]} الماضي", published)
    assert d.value.weekday() == wd and 1 <= (published - d.value).days <= 7


@settings(max_examples=100, deadline=None)
@given(DAYS)
def test_yesterday_is_always_the_day_before(published):
    assert one("أمس", published).value == published - timedelta(days=1)


MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
          "أكتوبر", "نوفمبر", "ديسمبر"]


@settings(max_examples=200, deadline=None)
@given(DAYS, st.sampled_from(["{d} {m} {y}", "{d}-{n}-{y}", "{y}/{n}/{d}"]))
def test_absolute_dates_round_trip(day, pattern):
    text = pattern.format(d=day.day, m=MONTHS[day.month - 1], n=day.month, y=day.year)
    assert one(text, published=None).value == day
