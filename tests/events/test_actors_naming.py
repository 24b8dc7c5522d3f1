"""ACLED actor columns of events: default perpetrators by country and period, the
event's country, and how a mention is read for it (rasd.events.actors_naming)."""
from __future__ import annotations

from datetime import date

import pytest

from rasd.actors import active_in, by_key, resolve
from rasd.events.actors_naming import _resolve, default_perpetrator
from rasd.mentions import ActorMention
from rasd.document import Span


@pytest.mark.parametrize("country, sub_event_type, day, key", [
    # unsigned air strikes in Yemen are the Saudi-led coalition's from 26 March 2015
    ("Yemen", "Air/drone strike", date(2015, 8, 1), "arab_coalition"),
    ("Yemen", "Air/drone strike", date(2015, 3, 1), None),
    # shells on Saudi border towns in the war are the Houthis'
    ("Saudi Arabia", "Shelling/artillery/missile attack", date(2015, 8, 1), "houthi"),
    ("Saudi Arabia", "Shelling/artillery/missile attack", date(2023, 1, 1), None),
    # the Syrian government's air force, until its fall
    ("Syria", "Air/drone strike", date(2016, 11, 17), "military/Syria"),
    ("Syria", "Air/drone strike", date(2025, 2, 1), None),
    ("Syria", "Armed clash", date(2016, 11, 17), None),
    ("Iraq", "Air/drone strike", date(2015, 8, 10), "global_coalition"),
])
def test_default_perpetrators_depend_on_country_period_and_kind(country, sub_event_type, day, key):
    assert default_perpetrator(country, sub_event_type, day) == key


def test_every_default_names_an_actor_of_the_dictionary():
    for country, sub, day in (("Yemen", "Air/drone strike", date(2015, 8, 1)),
                              ("Syria", "Chemical weapon", date(2015, 8, 1)),
                              ("Palestine", "Air/drone strike", date(2015, 8, 1))):
        key = default_perpetrator(country, sub, day)
        assert key is not None and by_key(key, country, day) is not None


def _mention(key: str, country: str | None, day: date) -> ActorMention:
    actor = resolve(key, country, day)
    assert actor is not None
    return ActorMention(actor, 0, 5, Span(0, 5), key, "alias", 1.0, key=key, context=country)


def test_an_actor_that_acts_in_the_events_country_keeps_the_texts_reading():
    # unsigned strikes read as the coalition's in a coalition statement about Iraq and Syria
    day = date(2015, 7, 31)
    m = _mention("الغارات الجوية", "Iraq", day)
    assert m.actor.family == "USA_COALITION" and active_in(m.actor, "Syria")
    assert _resolve(m, "Syria", day).family == "USA_COALITION"


def test_a_countrys_forces_are_read_again_for_another_country():
    day = date(2015, 8, 5)
    m = _mention("الجيش", "Egypt", day)
    assert not active_in(m.actor, "Iraq")
    assert _resolve(m, "Iraq", day).family == "IRQ_GOV"


def test_words_that_name_nobody_in_the_events_country_keep_the_texts_reading():
    day = date(2015, 8, 5)
    m = _mention("المقاومة", "Yemen", day)
    assert _resolve(m, None, day).family == "YEM_GOV"


@pytest.mark.parametrize("sub_event_type, key", [
    ("Peaceful protest", "protesters"), ("Mob violence", "rioters"),
    ("Excessive force against protesters", "police"),
])
def test_demonstrations_default_to_their_protesters_anywhere(sub_event_type, key):
    assert default_perpetrator("Egypt", sub_event_type, date(2015, 8, 1)) == key
    assert by_key(key, "Egypt", date(2015, 8, 1)) is not None
