"""An incident keeps every report's figures, picks ACLED's conservative one, flags conflicts."""
from __future__ import annotations

from rasd.merge.incident import aggregate, conservative, figure_summary, incident_id
from mergekit import rep


def test_the_conservative_toll_is_the_lowest_positive_report() -> None:
    assert conservative([23, 21, 0]) == 21
    assert conservative([0, 0]) == 0
    assert conservative([]) is None


def test_every_report_is_kept_with_its_source_and_figures() -> None:
    a = rep("a", outlet="Outlet A", reporting_source="Syrian Observatory for Human Rights")
    b = rep("b", outlet="Outlet B", fatalities=23, fatalities_reported={"min": 23, "max": 25},
            fatalities_children=4)
    inc = aggregate([b, a])
    assert inc["fatalities"] == 21 and inc["fatalities_reported"] == {"min": 21, "max": 25}
    assert inc["fatalities_children"] == 4 and inc["fatalities_women"] is None
    assert [(r["event_id"], r["outlet"], r["fatalities"]) for r in inc["reports"]] == [
        ("a", "Outlet A", 21), ("b", "Outlet B", 23)]
    assert inc["source"] == "Outlet A; Outlet B"
    assert inc["reporting_source"] == "Syrian Observatory for Human Rights"
    assert inc["contradictory"] and inc["contradictions"] == ["fatalities"]


def test_overlapping_ranges_do_not_contradict() -> None:
    a = rep("a", fatalities=20, fatalities_reported={"min": 20, "max": 23})
    b = rep("b", fatalities=23, fatalities_reported={"min": 23, "max": 23})
    assert not aggregate([a, b])["contradictory"]


def test_a_report_without_deaths_does_not_lower_the_toll_or_contradict() -> None:
    s = figure_summary([rep("a"), rep("b", fatalities=0, fatalities_reported=None)], "fatalities")
    assert (s["value"], s["min"], s["max"], s["contradictory"]) == (21, 21, 21, False)


def test_the_incident_id_and_content_do_not_depend_on_report_order() -> None:
    reps = [rep("c", event_date="2016-11-18"), rep("a", geo_precision=2), rep("b")]
    assert aggregate(reps) == aggregate(list(reversed(reps)))
    assert aggregate(reps)["incident_id"] == incident_id(["a", "b", "c"])


def test_place_comes_from_the_most_precise_report_and_the_date_is_the_earliest() -> None:
    region = rep("a", geo_precision=3, location_ar="ريف حلب", pcode="SY02")
    town = rep("b", event_date="2016-11-18", sublocations=["عنجارة"])
    inc = aggregate([region, town])
    assert inc["location_ar"] == "باتبو" and inc["lead_report"] == "b"
    assert inc["event_date"] == "2016-11-17"
    assert inc["sublocations"] == ["ريف حلب", "عنجارة"]
    assert inc["article_id"] == "art-a;art-b" and inc["n_reports"] == 2
