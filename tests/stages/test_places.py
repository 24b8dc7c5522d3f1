"""places stage: mentions with raw spans, clitics, homonyms by context, unresolved names
kept at their region, common words left alone; golden passages in tests/golden/places/."""
from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.document import Article, Document
from rasd.mentions import PlaceMention
from rasd.pipeline import Pipeline

PIPE = Pipeline.from_names(["normalize", "segment", "places"])
GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "places"


def run(text: str) -> Document:
    return PIPE(Article("t", text, date(2015, 8, 6)))


def places(text: str) -> list[PlaceMention]:
    return list(run(text)["places"])


def by_surface(text: str) -> dict[str, PlaceMention]:
    return {m.surface: m for m in places(text)}


def admin1(m: PlaceMention) -> str | None:
    return m.place.admin1 if m.place is not None else (m.region.admin1 if m.region else None)


def test_a_proclitic_is_outside_the_evidence_span():
    text = "قتل شخصان في انفجار بحلب"
    (m,) = places(text)
    assert (m.surface, m.place.name_en) == ("حلب", "Aleppo")
    assert text[m.span.start - 1] == "ب"


def test_its_countryside_is_the_governorate_of_the_town_named_before():
    ms = by_surface("قتل خمسة مدنيين بقصف على مدينة حلب وريفها")
    assert ms["ريفها"].place.level == "admin1" and ms["ريفها"].place.admin1 == "Aleppo"
    assert ms["ريفها"].geo_precision == 3


def test_its_outskirts_are_near_the_town():
    m = by_surface("قتل 19 بالألغام في زنجبار وضواحيها")["ضواحيها"]
    assert (m.place.name_en, m.geo_precision) == ("Zinjibār", 2)


def test_the_region_after_a_list_decides_the_homonym():
    ms = by_surface("سقطت صواريخ على بلدات كفرناها والمنصورة وكفرداعل بريف حلب الغربي")
    assert {admin1(m) for m in ms.values()} == {"Aleppo"}
    assert ms["المنصورة"].region is not None and ms["المنصورة"].region.admin1 == "Aleppo"
    assert ms["حلب"].direction == "west"


def test_the_governorate_named_nearby_decides_the_homonym():
    m = by_surface("تظاهر المئات في مدينة المنصورة بمحافظة الدقهلية")["المنصورة"]
    assert (m.place.country, m.place.admin1) == ("Egypt", "Dakahlia")


def test_a_name_the_gazetteer_lacks_is_kept_at_its_region_with_precision_3():
    m = by_surface("اشتباكات عنيفة في معسكر الصدرين بمحافظة لحج")["الصدرين"]
    assert m.place is None and m.region.admin1 == "Lahj" and m.geo_precision == 3
    assert m.rule.startswith("cue:")


def test_a_name_with_a_cue_and_no_region_takes_the_articles_governorate():
    text = "سيطرت القوات على مدينة تعز. ودارت اشتباكات في منطقة الشقيرات المطلة على المدينة"
    m = by_surface(text)["الشقيرات"]
    assert m.place is None and admin1(m) == "Taizz" and m.geo_precision == 3


@pytest.mark.parametrize("text", [
    "قال المتحدث في بيان له إن القوات تقدمت",  # statement, not Bayan (Kuwait)
    "أكد المسؤول بأنه لا صحة للخبر",  # «ب» + «أنه», not Baneh (Iran)
    "كان يقاتل دوماً في الصفوف الأولى",  # an adverb with tanween, not Douma
    "أعلنت جبهة النصرة مسؤوليتها",  # an organization
    "هاجم مسلحون مخيماً للنازحين",  # «ل» + noun after a cue
    "أقامت القوات منطقة عازلة",  # an adjective after a cue
])
def test_common_words_are_not_places(text):
    assert places(text) == []


def test_a_common_word_after_a_definite_noun_is_an_adjective():
    assert places("ارتدى الموظفون البدلة الزرقاء في الحفل") == []


def test_a_wordlike_town_after_the_subject_is_an_object_in_a_list_of_places():
    ms = by_surface("قصفت قوات النظام الحولة وتلبيسة بريف حمص الشمالي")
    assert admin1(ms["الحولة"]) == "Homs" and admin1(ms["تلبيسة"]) == "Homs"


def test_a_well_known_place_is_not_unresolved_by_a_loose_region_link():
    m = by_surface("وصل وفد من الولايات المتحدة الأمريكية في الدوحة")["الولايات المتحدة الأمريكية"]
    assert m.place is not None and m.place.level == "country"


def test_a_place_of_merged_localities_shows_the_part_the_text_names():
    m = by_surface("سيطرت الفصائل على قريتي عرب بوران وتل جرجي جنوب الغندورة بريف حلب")[
        "عرب بوران"]
    assert (m.place.name_ar, m.place.name_en) == ("عرب ويران", "Arab Wiran")


def test_a_place_known_only_in_latin_shows_the_name_as_written():
    m = by_surface("قصف على بلدة كفرداعل بريف حلب الغربي")["كفرداعل"]
    assert (m.place.name_ar, m.place.name_en) == ("كفرداعل", "Kafr Dael")


def test_a_country_adjective_picks_the_namesake_in_that_country():
    m = by_surface("أحرق مستوطنون منزلا في قرية دوما الفلسطينية")["دوما"]
    assert (m.place.country, m.place.admin1) == ("Palestine", "West Bank")


PASSAGES = ["قصفت الطائرات بلدة باتبو في ريف حلب الغربي",
            "سيطرت المقاومة على مدينة زنجبار عاصمة محافظة أبين",
            "قتل 15 شخصاً في تفجير مسجد بمدينة أبها في منطقة عسير",
            "دارت اشتباكات في الفلوجة والرمادي بمحافظة الأنبار"]
MARKS = st.sampled_from(["\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u0640", ""])


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(PASSAGES), st.lists(MARKS, min_size=60, max_size=60))
def test_spans_cut_the_surface_from_the_raw_text_whatever_its_diacritics(passage, marks):
    # insert diacritics and tatweel after letters: mentions keep raw offsets
    text = "".join(c + (marks[i % len(marks)] if "\u0621" <= c <= "\u064a" else "")
                   for i, c in enumerate(passage))
    ms = places(text)
    assert ms
    for m in ms:
        assert text[m.span.start:m.span.end] == m.surface


# -- golden passages ----------------------------------------------------------------


def render(doc: Document) -> list[dict]:
    """The golden form of the places layer."""
    out = []
    for m in doc["places"]:
        p = m.place
        out.append({"text": doc.raw(m.span), "span": [m.span.start, m.span.end],
                    "place": [p.name_ar, p.name_en, p.country, p.admin1, p.level] if p else None,
                    "region": m.region.admin1 if m.region is not None else None,
                    "cue": m.cue, "geo_precision": m.geo_precision})
    return json.loads(json.dumps(out, ensure_ascii=False))


def golden_cases() -> list:
    out = []
    for path in sorted(GOLDEN.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        marks = [pytest.mark.xfail(strict=True, reason=data["xfail"])] if data.get("xfail") else []
        out.append(pytest.param(path, data, id=path.stem, marks=marks))
    return out


@pytest.mark.parametrize("path,data", golden_cases())
def test_places_layer_matches_its_golden_file(path: Path, data: dict):
    published = data.get("published")
    doc = PIPE(Article(path.stem, data["text"], date.fromisoformat(published) if published else None))
    got = render(doc)
    if os.environ.get("RASD_UPDATE_GOLDEN") == "1" and not data.get("xfail"):
        data["expected"] = got  # deliberate rewrite: review the diff
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert got == data["expected"]


def test_there_are_golden_passages_for_places():
    assert len(golden_cases()) >= 5


def test_a_sector_of_the_saudi_border_is_a_place_cue():
    ms = by_surface("تعرض مركز المسيال بقطاع ظهران الجنوب في منطقة عسير لقذائف")
    assert ms["ظهران الجنوب"].cue == "قطاع" and admin1(ms["ظهران الجنوب"]) == "Asir"


def test_a_sector_of_an_economy_is_no_place():
    assert places("انقطع التيار في قطاع الكهرباء بعد الهجوم") == []


def test_a_neighbourhood_the_sources_name_in_latin_letters_only_is_found_in_its_city():
    m = by_surface("اشتباكات عنيفة في اطراف حي جوبر شرق العاصمة دمشق")["جوبر"]
    assert (m.place.level, m.place.admin1) == ("neighbourhood", "Damascus")
