"""events.coding: every filled field of a record carries its evidence (raw-text spans),
the rule that produced it and a confidence (DEVELOPERS.md rule 4, EVENTS.md §2)."""
from __future__ import annotations

import pytest

from rasd.document import Article

from tests.events.eventkit import PUB, code, pipeline

PASSAGES = [
    "أفاد المرصد السوري لحقوق الإنسان بمقتل 12 مدنيا بينهم 3 أطفال و4 نساء أمس في غارات جوية "
    "لطيران النظام على بلدة باتبو في ريف حلب الغربي، وأصيب 9 آخرون.",
    "قتل 21 حوثيا في مواجهات مع المقاومة الشعبية في مديرية صرواح، وقتل 2 من رجال المقاومة.",
    "قصفت قوات النظام بلدات كفرناها والأتارب وباتبو بالمدفعية.",
    "قتل 10 مدنيين في قصف لقوات النظام على حيي السكري والشعار في مدينة حلب.",
]


def empty(value) -> bool:
    return value is None or value == [] or value == ""


@pytest.mark.parametrize("text", PASSAGES)
def test_every_filled_field_has_evidence_a_rule_and_a_confidence(text):
    doc = code(text)
    assert doc["events"]
    for record in doc["events"]:
        for name, f in record.fields.items():
            if empty(f.value):
                continue
            assert f.spans, f"{name} has no evidence"
            assert f.rule, f"{name} has no rule"
            assert 0 < f.confidence <= 1, f"{name} confidence {f.confidence}"
            for s in f.spans:
                assert 0 <= s.start < s.end <= len(text), f"{name} span {s} outside the text"


@pytest.mark.parametrize("text", PASSAGES)
def test_the_json_form_has_evidence_and_provenance_for_every_filled_field(text):
    doc = code(text)
    for record in doc["events"]:
        out = record.to_dict(doc.article, "test")
        filled = {k for k, f in record.fields.items() if not empty(f.value)}
        assert filled <= set(out["evidence"]) and filled <= set(out["provenance"])
        assert all({"rule", "confidence"} <= set(p) for p in out["provenance"].values())


def evidence(text: str, name: str) -> list[str]:
    doc = code(text)
    (record,) = doc["events"]
    return [doc.raw(s) for s in record.fields[name].spans]


def test_field_evidence_cuts_the_words_that_support_it():
    text = PASSAGES[0]
    assert evidence(text, "location_ar") == ["باتبو"]
    assert evidence(text, "event_date") == ["أمس"]
    assert evidence(text, "sub_event_type") == ["غارات جوية"]
    assert evidence(text, "fatalities") == ["بمقتل 12 مدنيا"]
    assert evidence(text, "injured") == ["وأصيب 9 آخرون"]
    assert evidence(text, "reporting_source") == ["المرصد السوري لحقوق الإنسان"]


def test_subset_evidence_includes_the_subset_words():
    assert "3 أطفال" in evidence(PASSAGES[0], "fatalities_children")
    assert "4 نساء" in evidence(PASSAGES[0], "fatalities_women")


def test_each_subset_cites_only_its_own_words():
    assert evidence(PASSAGES[0], "fatalities_children") == ["3 أطفال"]
    assert evidence(PASSAGES[0], "fatalities_women") == ["4 نساء"]


def test_admin_units_cite_the_place_and_the_region_that_contains_it():
    assert evidence(PASSAGES[0], "admin1") == ["باتبو", "حلب"]


def test_a_date_resolved_from_words_has_day_precision_and_their_rule():
    doc = code(PASSAGES[0])
    (record,) = doc["events"]
    f = record.fields["event_date"]
    assert (f.value, record.value("time_precision")) == ("2015-08-05", 1)
    assert f.rule.startswith("date.") and not f.rule.startswith("date.publication_day")


def test_the_publication_day_fallback_cites_the_words_that_report_the_event():
    doc = code("قصفت قوات النظام بلدة باتبو بالمدفعية.")
    (record,) = doc["events"]
    f = record.fields["event_date"]
    assert (f.value, f.rule, record.value("time_precision")) == (
        PUB.isoformat(), "date.publication_day", 2)
    assert [doc.raw(s) for s in f.spans] == ["قصفت", "بالمدفعية"]
    assert f.confidence < record.fields["location_ar"].confidence


def test_the_record_confidence_is_its_weakest_key_field():
    doc = code("قصفت قوات النظام بلدة باتبو بالمدفعية.")
    (record,) = doc["events"]
    key = [record.fields[k].confidence for k in ("location_ar", "event_date", "sub_event_type",
                                                  "fatalities")]
    assert record.confidence == min(key)


def test_event_type_and_sub_event_type_share_the_trigger_evidence():
    doc = code(PASSAGES[1])
    (record,) = doc["events"]
    assert record.fields["event_type"].spans == record.fields["sub_event_type"].spans
    assert [doc.raw(s) for s in record.fields["event_type"].spans] == ["مواجهات"]


def test_actor_fields_cite_the_actor_mentions():
    assert evidence(PASSAGES[1], "actor1") == ["حوثيا"]
    assert evidence(PASSAGES[1], "actor2") == ["المقاومة الشعبية"]


def test_sublocations_cite_each_place_they_list():
    doc = code(PASSAGES[3])
    (record,) = doc["events"]
    f = record.fields["sublocations"]
    assert len(f.spans) == len(f.value)


def test_the_outlet_and_the_credited_source_make_the_source_field():
    doc = pipeline()(Article("t", PASSAGES[0], PUB, outlet="Al Riyadh"))
    (record,) = doc["events"]
    assert record.value("source") == "Al Riyadh; Syrian Observatory for Human Rights"
    assert record.value("reporting_source") == "Syrian Observatory for Human Rights"


def test_event_ids_are_stable_across_runs_and_distinct_within_an_article():
    ids = []
    for _ in range(2):
        doc = code(PASSAGES[2])
        ids.append([r.to_dict(doc.article, "v")["event_id"] for r in doc["events"]])
    assert ids[0] == ids[1]
    assert len(set(ids[0])) == len(ids[0]) == 3


def test_a_tally_record_keeps_its_figure_evidence_and_says_it_is_no_incident():
    doc = code("قتل 5 مدنيين في غارات لطيران النظام على بلدة باتبو. وارتفع عدد القتلى إلى 120 شخصا.")
    (tally,) = doc["tallies"]
    assert (tally.kind, tally.value("fatalities")) == ("tally", 120)
    assert [doc.raw(s) for s in tally.fields["fatalities"].spans] == ["القتلى إلى 120"]
    assert "not an incident" in tally.value("notes")


def test_notes_summarise_the_coded_fields():
    doc = code(PASSAGES[0])
    (record,) = doc["events"]
    notes = record.value("notes")
    assert "2015-08-05" in notes and "Batbu" in notes and "12 killed" in notes and "9 injured" in notes
