"""The bundled gazetteer: what it covers, how its keys are indexed, how rows become places."""
from __future__ import annotations

import gzip
import time

import pytest

from rasd.gazetteer.store import AR, LEVEL, NAME_EN, PLACES, Gazetteer, gazetteer
from rasd.resources import verified_path

GAZ = gazetteer()


def rows_of(key: str) -> list[tuple[str, ...]]:
    return [GAZ.rows[c // 2] for c in GAZ.lookup(key)]


def english(key: str) -> set[str]:
    return {r[NAME_EN] for r in rows_of(key)}


@pytest.mark.parametrize("key,name", [
    ("باتبو", "Batbu"), ("قباسين", "Qabasin"), ("السكري", "As-Sukkari"),  # Syria (OCHA)
    ("لحج", "Lahj"), ("زنجبار", "Zinjibār"), ("حزم العدين", "Hazm Al-Odain"),  # Yemen
    ("الفلوجه", "Al Fallūjah"), ("اربيل", "Erbil"),  # Iraq
    ("عسير", "Asir"), ("ابها", "Abha"),  # Saudi Arabia (GeoNames and admin1.toml)
    ("المسجد الاقصي", "Al-Aqsa Mosque"),  # a named site (regions.toml)
])
def test_places_of_the_core_countries_and_the_region_are_covered(key, name):
    assert name in english(key)


def test_a_source_name_without_the_article_is_found_with_it():
    assert "Haydariyeh" in english("الحيدريه")


def test_words_run_together_find_the_name_at_variant_quality():
    codes = GAZ.lookup("كفرناها")
    assert codes and all(c % 2 == 1 for c in codes)
    assert any(c % 2 == 0 for c in GAZ.lookup("كفر ناها"))


def test_every_acled_admin1_has_a_row_even_without_an_arabic_name():
    row = GAZ.admin1_row("ML", "Timbuktu")
    assert row is not None and GAZ.rows[row][LEVEL] == "admin1" and not GAZ.rows[row][AR]
    assert GAZ.place(GAZ.admin1_row("YE", "Hadramout")).name_en == "Hadramot"


def test_yemeni_admin1_names_are_the_acled_spellings():
    names = {GAZ.rows[r][5] for r in (GAZ.admin1_row("YE", a) for a in
                                       ("Abyan", "Lahj", "Taizz", "Al Hudaydah", "Hadramout"))
             if r is not None}
    assert names == {"Abyan", "Lahj", "Taizz", "Al Hudaydah", "Hadramout"}


def test_place_carries_admin_units_coordinates_and_level():
    p = GAZ.place(GAZ.gid_row("SY:C1025"))
    assert (p.name_en, p.admin1, p.level, p.country) == ("Batbu", "Aleppo", "populated", "Syria")
    assert p.lat is not None and p.pcode == "C1025"


def test_latin_index_holds_only_rows_without_an_arabic_name():
    rows = GAZ.latin_index.get("kfrdl", ())
    assert rows and all(not GAZ.rows[r][AR] for r in rows)
    assert all(not GAZ.rows[r][AR] for rs in list(GAZ.latin_index.values())[:2000] for r in rs)


def test_the_gazetteer_stays_compact_and_loads_fast():
    path = verified_path(PLACES)
    assert path.stat().st_size < 3_000_000
    start = time.perf_counter()
    with gzip.open(path, "rt", encoding="utf-8") as f:
        Gazetteer(f)
    assert time.perf_counter() - start < 2.0  # measured ~0.4 s on one loaded core
