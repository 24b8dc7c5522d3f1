"""End to end on the seed article: `rasd extract` on it, as a user runs it.

The gold coding (../shared/eval/dev/gold.jsonl, first line) and EVENTS.md §1 say:
Batbo («بلدة باتبو في ريف حلب الغربي»), 2016-11-17 («أمس» of a Friday paper),
an air strike, reported as «مقتل 23 ... بينهم 3 أطفال و8 إناث» and later as
«استشهاد 21 شخصاً بينهم 3 أطفال»: one event, 21 dead (reported 21–23), 3 children,
8 women, by the Syrian regime, in Aleppo governorate. The running total
«ارتفع عدد الشهداء إلى 59 ... خلال يومين» is a tally and never an event.
Skipped, with the reason, when ../shared is absent.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasd.cli.main import cli
from rasd.document import Article
from rasd.text.arabic import normalize_key

pytestmark = pytest.mark.shared

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="module")
def run(tmp_path_factory, request) -> tuple[str, list[dict]]:
    """(raw text, records) of `rasd extract seed.jsonl -o out.jsonl`."""
    seed: Article = request.getfixturevalue("seed_article")
    tmp = tmp_path_factory.mktemp("seed")
    src, out = tmp / "seed.jsonl", tmp / "out.jsonl"
    src.write_text(json.dumps({"id": seed.id, "text": seed.text,
                               "published": seed.published.isoformat()},
                              ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert records and all(r["article_id"] == seed.id for r in records)
    return seed.text, records


def cut(text: str, spans: list[list[int]]) -> list[str]:
    """The evidence spans' words, normalized (folded, no diacritics)."""
    return [normalize_key(text[a:b]) for a, b in spans]


@pytest.fixture(scope="module")
def batbo(run) -> dict:
    _text, records = run
    found = [r for r in records if r["kind"] == "event" and r["location_ar"] == "باتبو"]
    assert len(found) == 1, f"Batbo is one event (both reports merged), got {len(found)}"
    return found[0]


def test_batbo_is_one_air_strike_on_the_17th_in_aleppo(batbo):
    assert batbo["event_date"] == "2016-11-17"
    assert batbo["time_precision"] == 1
    assert batbo["event_type"] == "Explosions/Remote violence"
    assert batbo["sub_event_type"] == "Air/drone strike"
    assert batbo["admin1"] == "Aleppo"
    assert batbo["country"] == "Syria"


def test_batbo_counts_the_lower_report_and_keeps_the_range(batbo):
    assert batbo["fatalities"] == 21
    assert batbo["fatalities_reported"] == {"min": 21, "max": 23}
    assert batbo["fatalities_children"] == 3
    assert batbo["fatalities_women"] == 8


def test_batbo_perpetrator_is_the_syrian_regime(batbo):
    families = (SHARED / "eval" / "actor_families.tsv").read_text(encoding="utf-8")
    regime = next(line.split("\t", 1)[1] for line in families.splitlines()
                  if line.startswith("SYR_GOV\t"))
    assert re.search(regime, batbo["actor1"], re.I), batbo["actor1"]


def test_batbo_evidence_points_at_its_words(run, batbo):
    text, _ = run
    ev = batbo["evidence"]
    assert all(w.endswith("باتبو") for w in cut(text, ev["location_ar"]))
    assert any("حلب" in w for w in cut(text, ev["admin1"]))
    assert cut(text, ev["event_date"]) == ["امس"]
    assert all(re.search(r"الطايرات|الطيران|غار|جوي|المقاتلات", w)
               for w in cut(text, ev["sub_event_type"]))
    deaths = cut(text, ev["fatalities"])
    for n in ("23", "21"):  # both reports, each with its death word
        assert any(n in w and re.search(r"مقتل|استشهاد", w) for w in deaths), deaths
    assert "3 اطفال" in cut(text, ev["fatalities_children"])
    assert "8 اناث" in cut(text, ev["fatalities_women"])


def test_batbo_actor_evidence_is_the_perpetrator_beside_batbo(run, batbo):
    """The regime's words in a sentence about Batbo: «قصف الطائرات الحربية بلدة
    باتبو», or «المجزرة التي نفذها الأسد ببلدة باتبو»."""
    text, _ = run
    batbo_at = [m.start() for m in re.finditer("باتبو", text)]
    for a, b in batbo["evidence"]["actor1"]:
        assert re.search(r"الاسد|النظام|الطايرات الحربيه|الطيران الحربي",
                         normalize_key(text[a:b])), text[a:b]
        assert min(abs(a - p) for p in batbo_at) < 60, f"{text[a:b]!r} at {a} is far from Batbo"


def test_batbo_subset_evidence_holds_only_its_class(run, batbo):
    text, _ = run
    assert all("اطفال" in w for w in cut(text, batbo["evidence"]["fatalities_children"]))
    assert all("اناث" in w for w in cut(text, batbo["evidence"]["fatalities_women"]))


def test_running_total_of_59_is_a_tally_never_an_event(run):
    text, records = run
    tallies = [r for r in records if r["kind"] == "tally" and r["fatalities"] == 59]
    assert len(tallies) == 1
    assert any("59" in w for w in cut(text, tallies[0]["evidence"]["fatalities"]))
    tally_at = text.index("59")
    for r in records:
        if r["kind"] != "event":
            continue
        assert r["fatalities"] != 59 and r["fatalities_reported"]["max"] != 59, r["location_ar"]
        assert not any(a <= tally_at < b for a, b in r["evidence"].get("fatalities", [])), \
            f"{r['location_ar']} counts the running total"


def test_the_24_dead_of_the_eastern_neighbourhoods_are_of_the_17th(run):
    """«... أحياء السكري والشعار ... شهدت استشهاد 24 ... ببلدة باتبو ... أمس، ... أيضاً
    وثق المرصد أمس الأول، استشهاد 11»: the day the toll's own report inherits,
    not the «أمس الأول» of a number-less mention of Aleppo merged into it."""
    _text, records = run
    (e,) = [r for r in records if r["kind"] == "event" and r["fatalities"] == 24]
    assert (e["location_ar"], e["event_date"]) == ("حلب", "2016-11-17")
