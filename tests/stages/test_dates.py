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
    ("خلال الـ24 ساعة الماضية", date(2016, 11, 17), date(2016, 11, 17), 1),
    ("خلال الساعات الأربع والعشرين الماضية", date(2016, 11, 17), date(2016, 11, 17), 1),
    ("على مدار اليومين الماضيين", date(2016, 11, 16), date(2016, 11, 17), 2),
    ("منذ يومين", date(2016, 11, 16), FRIDAY, 2),
    ("منذ أسبوع", date(2016, 11, 11), FRIDAY, 2),
    ("منذ أيام", date(2016, 11, 15), FRIDAY, 2),
    ("قبل يومين", date(2016, 11, 16), date(2016, 11, 16), 1),
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


# -- joined expressions -------------------------------------------------------
THURSDAY = date(2015, 8, 6)


@pytest.mark.parametrize("text,expected", [
    ("فجر أمس الثلاثاء", date(2015, 8, 4)),  # written on Wednesday, printed Thursday
    ("أمس (الثلاثاء)", date(2015, 8, 4)),
    ("اليوم الأربعاء", date(2015, 8, 5)),
    ("أمس الأربعاء", date(2015, 8, 5)),  # they agree
])
def test_a_weekday_a_day_or_two_before_the_relative_day_wins(text, expected):
    d = one(text, THURSDAY)
    assert d.value == expected and d.text == text


def test_a_weekday_far_from_the_relative_day_leaves_the_relative_day():
    d = one("أمس الجمعة", THURSDAY)  # a wrong publication date, not a late print
    assert d.value == date(2015, 8, 5)


def test_yesterday_and_a_weekday_are_two_days():
    d = one("قصفت أمس والخميس", date(2015, 8, 8))
    assert (d.start, d.value) == (date(2015, 8, 6), date(2015, 8, 7))


@pytest.mark.parametrize("text", ["ليل الأحد الاثنين", "ليلة الأحد - الاثنين", "ليل الأحد/الاثنين",
                                  "ليلة الأحد إلى الاثنين"])
def test_a_night_over_two_days_is_the_first_days_night(text):
    d = one(f"سيطرت القوات {text} على التلة", THURSDAY)
    assert (d.value, d.precision, d.text) == (date(2015, 8, 2), 1, text)


@pytest.mark.parametrize("text", ["بعد منتصف ليل الأحد- الاثنين", "منتصف ليل الأحد الاثنين",
                                  "بعد منتصف ليلة الأحد/الاثنين"])
def test_the_midnight_of_a_night_over_two_days_is_the_second_day(text):
    d = one(f"قصفت قوات النظام {text} مناطق في المدينة", THURSDAY)
    assert (d.value, d.precision) == (date(2015, 8, 3), 1)


def test_two_weekdays_without_a_night_word_stay_apart():
    assert [d.value for d in dates("الأحد الاثنين", THURSDAY)] == [date(2015, 8, 2), date(2015, 8, 3)]


def test_a_stretch_until_a_later_day_is_dated_on_its_last_day():
    d = one("قصف مساء الاثنين واستمر حتى فجر الثلاثاء", THURSDAY)
    assert (d.start, d.value) == (date(2015, 8, 3), date(2015, 8, 4))
    assert d.text == "مساء الاثنين واستمر حتى فجر الثلاثاء"


def test_a_planned_stretch_ending_before_its_start_is_not_joined():
    found = dates("هدنة تبدأ منتصف ليل الاثنين وتستمر حتى الأحد", THURSDAY)
    assert len(found) == 2


@pytest.mark.parametrize("text,expected", [
    ("خلال الساعات الأولى من فجر الثلاثاء", date(2015, 8, 4)),
    ("منذ وقت متأخر من مساء الأحد", date(2015, 8, 2)),
    ("في وقت متأخر من ليل الأربعاء", date(2015, 8, 5)),
    ("الليلة قبل الماضية", date(2015, 8, 4)),
])
def test_parts_of_a_day_keep_the_day(text, expected):
    d = one(text, THURSDAY)
    assert (d.value, d.precision) == (expected, 1)


def test_hours_without_a_number_are_a_span_of_a_day():
    assert one("خلال الساعات", THURSDAY).value == THURSDAY
    d = one("خلال الساعات الماضية", THURSDAY)  # the report's past hours: printed the next day
    assert (d.value, d.precision, d.rule) == (date(2015, 8, 5), 1, "date.within_past")


# -- report dates ---------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "قتل خمسة حسبما أفاد المرصد السوري لحقوق الإنسان أمس",
    "وفق ما أفادت مصادر عسكرية اليوم",
    "وأكدت الوزارة في بيان أمس",
    "وقال المتحدث باسم الجيش أمس إن",
    "وأعلنت المقاومة ليل الأحد الاثنين سيطرتها",
])
def test_a_date_after_a_reporting_word_and_its_subject_is_a_report_date(text):
    assert one(text, THURSDAY).rule.endswith(".report")


@pytest.mark.parametrize("text", [
    "وقالت مصادر إن مسلحين قتلوا أمس خمسة جنود",
    "أفاد المرصد بمقتل خمسة أمس",
    "أعلنت الوزارة مقتل جنديين أمس",
    "قتل خمسة أمس في قصف",
])
def test_a_date_inside_the_reported_content_is_not_a_report_date(text):
    assert not one(text, THURSDAY).rule.endswith(".report")


def test_a_part_of_the_current_month_still_ahead_is_last_years():
    d = one("منتصف أغسطس", date(2015, 8, 1))
    assert (d.start, d.value) == (date(2014, 8, 11), date(2014, 8, 20))


def test_a_part_of_a_coming_month_stays_ahead():
    d = one("أوائل شهر يونيو المقبل", date(2015, 12, 24))
    assert (d.start.year, d.start.month) == (2016, 6)


@pytest.mark.parametrize("text,expected", [
    ("في 14 الجاري", date(2015, 8, 14)),
    ("في 15 يوليو الجاري", date(2015, 7, 15)),
    ("في الثامن من يوليو الجاري", date(2015, 7, 8)),
])
def test_days_of_the_current_month(text, expected):
    d = one(text, THURSDAY)
    assert d.value == expected and d.text == text.removeprefix("في ")


@pytest.mark.parametrize("text,month,year", [
    ("منذ مارس الماضي", 3, 2015), ("في مارس آذار 2013", 3, 2013), ("في يوليو تموز", 7, 2015),
    ("والشهر الماضي", 7, 2015), ("هذا الشهر", 8, 2015),
])
def test_more_month_phrases(text, month, year):
    d = one(text, THURSDAY)
    assert ((d.start or d.value).year, (d.start or d.value).month) == (year, month)


def test_since_a_month_is_a_span_up_to_publication():
    d = one("تحاصر القوات المدينة منذ مارس الماضي", THURSDAY)
    assert (d.start, d.value, d.precision, d.rule) == (date(2015, 3, 1), THURSDAY, 3, "date.since_month")


def test_since_a_morning_keeps_its_day():
    assert one("اشتباكات منذ صباح أمس", THURSDAY).value == date(2015, 8, 5)


@pytest.mark.parametrize("text", ["هذا الأسبوع", "الأسبوع الجاري"])
def test_this_week_is_the_week_up_to_publication(text):
    d = one(text, THURSDAY)
    assert (d.start, d.value, d.precision) == (date(2015, 7, 31), THURSDAY, 2)


def test_since_last_week_covers_the_marker():
    assert one("منذ الأسبوع الماضي", THURSDAY).text == "منذ الأسبوع الماضي"



def test_last_summer_written_in_august_is_the_summer_before():
    found = dates("سيطرت القوات الكردية على مدينة كركوك خلال الصيف الماضي.", date(2015, 8, 11))
    assert [(d.value, d.precision) for d in found] == [(date(2014, 7, 15), 3)]


@pytest.mark.parametrize("text", ["اليوم (أمس)", "فجر اليوم (أمس)", "هذا اليوم (أمس)"])
def test_a_bracketed_relative_day_after_a_quoted_today_is_the_papers_day(text):
    d = one(f"وقال إن المجموعة التي اختطفت {text} كانت في المخيم", THURSDAY)
    assert (d.value, d.text) == (date(2015, 8, 5), text)


def test_a_date_followed_by_a_relative_clause_with_its_own_date_dates_the_head_clause():
    found = dates("تفقد الأمير مساء اليوم المسجد الذي استشهد فيه عدد من الجنود الخميس الماضي.", THURSDAY)
    assert [d.rule for d in found] == ["date.relative_day.head", "date.weekday"]


def test_a_relative_pronoun_in_the_next_sentence_does_not_make_a_head_date():
    found = dates("قصفت الطائرات البلدة أمس. وقالت المصادر التي نقلت الخبر إن القصف تجدد الخميس.", THURSDAY)
    assert [d.rule for d in found] == ["date.relative_day", "date.weekday"]
