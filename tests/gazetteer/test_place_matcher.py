"""The candidate finder: clitics, longest names, cues, lists, heads, blocked phrases."""
from __future__ import annotations

from rasd.document import Article
from rasd.gazetteer.lexicon import lexicon
from rasd.gazetteer.matcher import Match, Matcher, words_of
from rasd.gazetteer.store import gazetteer
from rasd.pipeline import Pipeline

PRE = Pipeline.from_names(["normalize", "segment"])
MATCHER = Matcher(gazetteer(), lexicon())


def find(text: str) -> list[Match]:
    doc = PRE(Article("t", text, None))
    return MATCHER.find(words_of(doc["tokens"], doc["sentences"]))


def named(text: str) -> dict[str, Match]:
    """Candidates by the name they matched (gazetteer key, or the unknown name's text)."""
    return {m.key or m.extra.get("text", ""): m for m in find(text) if not m.blocked}


def test_proclitics_are_read_off_the_name():
    m = named("سقطت قذائف بحلب")["حلب"]
    assert m.prefix == "ب" and m.locative


def test_the_longest_name_wins():
    ms = named("اشتباكات في دير الزور")
    assert "دير الزور" in ms and "الزور" not in ms


def test_a_cue_word_introduces_the_name_and_its_list():
    ms = named("سقطت صواريخ على بلدات كفرناها والمنصورة وعنجارة")
    assert {k: m.cue.word for k, m in ms.items() if m.cue} == {
        "كفرناها": "بلدات", "المنصوره": "بلدات", "عنجاره": "بلدات"}


def test_a_strong_cue_admits_a_name_the_gazetteer_lacks():
    ms = named("قصف على قرية زعترينا امس")
    assert ms["زعترينا"].key == "" and ms["زعترينا"].cue.strong


def test_a_dual_cue_takes_two_names():
    ms = named("في محافظتي الخليل وسلفيت، وأصدرت قرارا")
    assert "اصدرت" not in " ".join(ms)


def test_inflected_words_after_a_cue_are_no_names():
    ms = named("اقتحموا مخيما للنازحين ثم مخيم للنازحين وأحياء سكنية ومنطقة عازلة")
    assert not any(m.cue and not m.key for m in ms.values())


def test_a_noun_with_an_indefinite_adjective_is_no_name():
    assert "احراج" not in named("اشتباك في منطقة إحراج جبلية")


def test_a_cue_after_an_ordinal_is_a_common_noun():
    assert not named("وهي ثالث محافظة تخسرها الميليشيات")


def test_an_organization_is_no_cue_and_no_place():
    ms = find("أعلنت جبهة النصرة سيطرتها")
    assert [m.blocked for m in ms] == ["organization"]


def test_a_person_title_blocks_the_name():
    ms = find("قال الرئيس صالح")
    assert all(m.blocked == "person" for m in ms)


def test_a_head_word_starts_a_longer_name_in_a_cued_list():
    ms = named("سيطرت المقاومة على منطقتي السدة وحزم العديد")
    assert ms["حزم العديد"].cue is not None


def test_a_name_after_a_listed_place_reads_its_waw_as_a_conjunction():
    ms = named("في قرى الحمراء والفيوش وهران")
    assert "هران" in ms and "وهران" not in ms


def test_pronoun_anaphors_point_back():
    kinds = {m.extra.get("anaphor") for m in find("قصفت مدينة حلب وريفها وضواحيها")}
    assert {"countryside", "outskirts"} <= kinds


def test_directions_after_a_region_are_read():
    m = named("في بلدة باتبو بريف حلب الغربي")["حلب"]
    assert m.direction == "west" and m.cue.word == "ريف"


def test_a_village_named_cue_and_city_reads_as_the_cue_and_the_city():
    # Yemeni villages are named «مدينة تعز»; the text means the city
    m = named("سيطرت القوات على مدينة تعز")["تعز"]
    assert m.cue is not None and m.cue.word == "مدينه"


def test_a_unit_or_a_toponym_that_starts_with_a_cue_word_stays_whole():
    assert "ريف دمشق" in named("اشتباكات في ريف دمشق")
    assert "جبل صبر" in named("تقدمت القوات في جبل صبر")
