"""Publication dates and row validation shared by every reader."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasd.errors import InputError, MissingIdError
from rasd.io import article_from_row, parse_published

DAYS = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


@given(DAYS)
def test_iso_date_round_trips(day):
    assert parse_published(day.isoformat()) == day


@given(DAYS, st.times(), st.integers(min_value=-12, max_value=14))
def test_iso_datetime_keeps_the_written_day(day, time, offset):
    stamp = datetime.combine(day, time, tzinfo=timezone(timedelta(hours=offset)))
    assert parse_published(stamp.isoformat()) == day


def test_rss_dates_and_utc_suffix_parse():
    assert parse_published("Fri, 18 Nov 2016 21:40:00 +0300") == date(2016, 11, 18)
    assert parse_published("2016-11-18T22:00:00Z") == date(2016, 11, 18)
    assert parse_published("2016-11-18 08:15:00") == date(2016, 11, 18)


def test_empty_values_mean_no_date():
    assert parse_published(None) is None
    assert parse_published("  ") is None


@pytest.mark.parametrize("value", ["18/11/2016", "yesterday", "2016-02-30", "0216-11-18", 20161118])
def test_bad_dates_say_why(value):
    with pytest.raises(ValueError, match="date|year"):
        parse_published(value)


def test_id_must_be_a_usable_scalar():
    with pytest.raises(MissingIdError, match="string or a number"):
        article_from_row({"id": ["a"], "text": "نص"}, "f:1")
    with pytest.raises(MissingIdError, match="empty id"):
        article_from_row({"id": "  ", "text": "نص"}, "f:1")


def test_non_string_text_is_an_input_error_naming_the_article():
    with pytest.raises(InputError, match="text must be a string") as info:
        article_from_row({"id": "a7", "text": 12}, "f:3")
    assert "f:3: article a7" in str(info.value)


def test_empty_optional_strings_become_none():
    article = article_from_row({"id": "a", "text": "نص", "title": " ", "outlet": None}, "f:1")
    assert article.title is None and article.outlet is None
