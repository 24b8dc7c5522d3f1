"""Which Arabic name a GeoNames town shows: the one news writes as a place."""
from __future__ import annotations

import json
from collections import Counter

from rasd.gazetteer.builder import primary
from rasd.gazetteer.builder.entry import Entry
from rasd.gazetteer.store import NAME_AR, gazetteer


def town(gid: str, names: list[str], pop: int = 500_000, cc: str = "IL", admin1: str = "X",
         level: str = "populated") -> Entry:
    e = Entry(gid=gid, level=level, cc=cc, name_ar=names[0], name_en=gid, admin1=admin1, pop=pop)
    e.ar = list(names)
    return e


def counts(located: dict[str, int], total: dict[str, int] | None = None) -> Counter:
    c: Counter = Counter(located)
    for k, n in (total or located).items():
        c[("all", k)] = n
    return c


def test_the_name_written_after_a_locative_is_shown_rather_than_the_alphabetically_first():
    e = town("GN:1", ["اورسالم", "القدس"])
    assert primary.choose([e], counts({"القدس": 40}), set(), set(), {}) == 1
    assert e.name_ar == "القدس" and e.ar[0] == "القدس"


def test_a_name_rarely_written_as_a_place_is_not_shown():
    e = town("GN:1", ["سنندج", "سنه"])
    primary.choose([e], counts({"سنه": 45}, {"سنه": 311}), set(), set(), {})
    assert e.name_ar == "سنندج"


def test_a_common_word_is_shown_only_for_a_big_town():
    small, big = town("GN:1", ["اتار", "اطار"], pop=31_000), town("GN:2", ["تهران", "طهران"])
    c = counts({"اطار": 356, "طهران": 89}, {"اطار": 413, "طهران": 297})
    primary.choose([small, big], c, set(), {"اطار", "طهران"}, {})
    assert (small.name_ar, big.name_ar) == ("اتار", "طهران")


def test_another_places_own_name_is_not_shown_but_the_governorates_is():
    halba = town("GN:1", ["حلبا", "مشرعه"], pop=4500, cc="YE", admin1="Taizz")
    lahij = town("GN:2", ["الحوطه", "لحج"], pop=23_000, cc="YE", admin1="Lahj")
    units = [town("D:1", ["مشرعه وحدنان"], pop=0, cc="YE", admin1="Taizz", level="admin2"),
             town("A:1", ["لحج"], pop=0, cc="YE", admin1="Lahj", level="admin1")]
    owners = primary.owned(units)
    primary.choose([halba, lahij], counts({"مشرعه": 34, "لحج": 271}), set(), set(), owners)
    assert (halba.name_ar, lahij.name_ar) == ("حلبا", "لحج")


def test_located_counts_only_count_names_after_the_given_words(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"text": "قصف في القدس. القدس العربي"}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    c = primary.located_counts([path], {"القدس"}, {"في"})
    assert (c["القدس"], c[("all", "القدس")]) == (1, 2)


def test_the_bundled_gazetteer_shows_jerusalem_and_tripoli_by_their_news_names():
    gaz = gazetteer()
    assert gaz.rows[gaz.gid_row("GN:281184")][NAME_AR] == "القدس"
    assert gaz.rows[gaz.gid_row("GN:2210247")][NAME_AR] == "طرابلس"
