"""Hand-written gazetteer additions (places.toml): the places the sources lack, Arabic
names for Latin-only rows, and the word statistics that must not stop them."""
from __future__ import annotations

import json
from types import SimpleNamespace

from rasd.gazetteer.builder import stoplist
from rasd.gazetteer.builder.entry import Entry
from rasd.gazetteer.builder.handwritten import add_aliases, place_entries
from rasd.gazetteer.store import ADMIN1, LEVEL, gazetteer


def rows(key: str) -> list[tuple[str, ...]]:
    gaz = gazetteer()
    return [gaz.rows[c // 2] for c in gaz.lookup(key)]


def test_a_hand_written_place_gets_an_id_by_its_order_and_its_point_when_given():
    tables = SimpleNamespace(places=[
        {"ar": ["لبوزة"], "en": "Labuza", "cc": "YE", "admin1": "Lahj"},
        {"ar": ["سروج", "سوروتش"], "en": "Suruc", "cc": "TR", "admin1": "Sanliurfa",
         "lat": 36.976, "lon": 38.425}])
    labuza, suruc = place_entries(tables)
    assert (labuza.gid, labuza.level, labuza.lat) == ("HW:YE.001", "populated", None)
    assert (suruc.gid, suruc.ar, suruc.cq) == ("HW:TR.002", ["سروج", "سوروتش"], "p")


def test_an_alias_gives_a_latin_only_row_an_arabic_name():
    jowbar = Entry(gid="SY:C10011011", level="neighbourhood", cc="SY", name_en="Jowbar")
    add_aliases(SimpleNamespace(aliases=[{"gid": "SY:C10011011", "ar": ["جوبر"]}]), [jowbar])
    assert jowbar.ar == ["جوبر"]


def test_a_hand_written_place_is_never_stopped_as_a_common_word():
    e = Entry(gid="HW:SA.007", level="populated", cc="SA")
    assert stoplist._threshold(e, {"SA": "region"}) is None


def test_a_name_of_two_words_is_counted_after_a_locative(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"text": "سقطت قذيفة في ظهران الجنوب وقرب ظهران الجنوب"},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    stats = stoplist.CorpusStats([path], set(), {"في"}, {"ظهران الجنوب"})
    assert (stats.after_loc["ظهران الجنوب"], stats.occ["ظهران الجنوب"]) == (1, 2)


def test_the_bundled_gazetteer_has_the_frequent_places_the_sources_lack():
    assert [(r[LEVEL], r[ADMIN1]) for r in rows("ظهران الجنوب")] == [("populated", "Asir")]
    assert ("populated", "Lahj") in [(r[LEVEL], r[ADMIN1]) for r in rows("لبوزه")]
    assert ("neighbourhood", "Damascus") in [(r[LEVEL], r[ADMIN1]) for r in rows("جوبر")]


def test_a_cue_that_begins_a_well_known_name_leaves_the_word_statistics_alone():
    # «قطاع» (a border sector) is a cue, but «قطاع غزة» is a name: «غزة» stays a name
    # that needs a preposition when written alone
    from rasd.gazetteer.lexicon import lexicon
    assert "غزه" in lexicon().wordlike
