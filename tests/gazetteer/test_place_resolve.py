"""The geocoder: which candidates are places, and which place each one is."""
from __future__ import annotations

from rasd.document import Article
from rasd.gazetteer.geocode import Decision
from rasd.gazetteer.lexicon import lexicon
from rasd.gazetteer.matcher import Matcher, words_of
from rasd.gazetteer.resolve import geocode
from rasd.gazetteer.store import ADMIN1, CC, LEVEL, NAME_EN, gazetteer
from rasd.pipeline import Pipeline

PRE = Pipeline.from_names(["normalize", "segment"])
GAZ, LEX = gazetteer(), lexicon()
MATCHER = Matcher(GAZ, LEX)


def decide(text: str) -> list[Decision]:
    doc = PRE(Article("t", text, None))
    words = words_of(doc["tokens"], doc["sentences"])
    return geocode(GAZ, LEX, words, MATCHER.find(words))


def by_key(text: str) -> dict[str, Decision]:
    return {d.match.key or d.match.extra.get("text", ""): d for d in decide(text)}


def best(d: Decision) -> tuple[str, str, str]:
    r = GAZ.rows[d.best]
    return r[NAME_EN], r[ADMIN1], r[LEVEL]


def area(d: Decision) -> tuple[str, str]:
    if d.fallback is not None:
        return d.fallback
    r = GAZ.rows[d.best]
    return r[CC], r[ADMIN1]


def test_a_homonym_takes_the_region_the_text_names():
    d = by_key("سقطت قذائف على بلدة المنصورة في ريف حلب الغربي")["المنصوره"]
    assert area(d) == ("SY", "Aleppo") and d.region is not None


def test_a_homonym_takes_the_governorate_of_the_articles_other_places():
    d = by_key("قصفت قوات النظام بلدة كفرنبل في ريف إدلب. وفي بلدة المنصورة قتل مدني")[
        "المنصوره"]
    assert area(d)[0] == "SY"


def test_the_same_name_elsewhere_follows_its_own_context():
    d = by_key("تظاهر المئات في مدينة المنصورة بمحافظة الدقهلية شمال القاهرة")["المنصوره"]
    assert area(d) == ("EG", "Dakahlia")


def test_a_name_taken_for_its_fame_is_the_famous_place():
    # «صعدة» without a cue is the city, not a village of Shabwah that shares the name
    d = by_key("وصلت تعزيزات من صعدة إلى مدينة عتق في محافظة شبوة")["صعده"]
    assert best(d)[1] == "Sadah"


def test_a_name_said_to_be_in_a_region_where_it_is_not_keeps_that_region():
    d = by_key("اشتباكات في معسكر الكنب في محافظة لحج")["الكنب"]  # (a Shabwah village)
    assert d.fallback == ("YE", "Lahj") and d.rule.endswith(":region")


def test_a_village_said_to_be_near_a_distant_town_is_left_unresolved_there():
    d = by_key("قتل ثلاثة في منطقة الكنب شمال مدينة الضالع")["الكنب"]
    assert d.fallback == ("YE", "Al Dhale'e") and d.rule.endswith(":near")


def test_a_unit_named_right_after_a_place_holds_it():
    d = by_key("هاجم مسلحون منطقة في بني قيس محافظة حجة")["بني قيس"]
    assert area(d) == ("YE", "Hajjah")


def test_a_small_town_that_is_a_common_word_needs_its_country_in_the_article():
    assert "بيان" not in by_key("قال الجيش العراقي في بيان إن قواته تقدمت في الرمادي")
    assert "ميدان" not in by_key("تقدم مقاتلو الحشد في ميدان القتال قرب الفلوجة")


def test_a_word_that_is_a_proclitic_and_a_function_word_is_no_place():
    assert "بانه" not in by_key("أكد المتحدث بأنه لا صحة للخبر في صنعاء")


def test_a_unit_cue_finds_a_district_of_a_close_spelling():
    d = by_key("سيطرت القوات على مديرية الزهر في محافظة البيضاء")["الزهر"]
    assert best(d) == ("Al-Zaher", "Al Bayda", "admin2") and d.rule == "cue:skeleton"


def test_a_cued_name_the_gazetteer_lacks_takes_the_articles_admin1():
    d = by_key("قتل جنديان في هجوم على معسكر غورما قرب تمبكتو. وقالت مصادر في تمبكتو")["غورما"]
    assert d.best is None and area(d) == ("ML", "Timbuktu")


def test_a_feature_named_after_a_village_of_the_articles_region_is_a_place():
    ds = by_key("تقدمت القوات في محافظة أبين وسيطرت على مدينة لودر ثم على وادي حسان")
    assert best(ds["حسان"])[1] == "Abyan"


def test_a_spelling_close_to_a_name_of_the_sentences_governorate_is_found():
    d = by_key("سيطرت المقاومة في محافظة إب على منطقتي السدة وحزم العديد")["حزم العديد"]
    assert best(d) == ("Hazm Al-Odain", "Ibb", "admin2") and d.rule == "cue:fuzzy"


def test_a_name_introduced_with_a_cue_keeps_that_reading_later():
    ds = [d for d in decide("أحرق مستوطنون منزلا في قرية دوما الفلسطينية. وما جرى في دوما جريمة")
          if d.match.key == "دوما"]
    assert len(ds) == 2 and {area(d) for d in ds} == {("PS", "West Bank")}


def test_a_name_the_gazetteer_lacks_keeps_one_governorate_through_the_article():
    ds = [d for d in decide("اشتباكات في معسكر الصدرين في محافظة لحج. وقصفت الطائرات تعز وعدن. "
                            "وتقدمت القوات في محيط معسكر الصدرين")
          if "الصدرين" in d.match.extra.get("text", "")]
    assert len(ds) == 2 and {d.fallback for d in ds} == {("YE", "Lahj")}


def test_a_place_called_by_its_own_name_beats_a_town_that_lists_it_as_an_alias():
    # GeoNames gives the town Al Masaliyah «مشرعه» as an alternate name
    d = by_key("اندلعت مواجهات في قرى: (مشرعة، وحدنان) بجبل صبر المطل على مدينة تعز")["مشرعه"]
    assert GAZ.rows[d.best][NAME_EN] != "Al Masālīyah"
    assert area(d) == ("YE", "Taizz")


def test_a_village_said_to_lie_in_part_of_a_country_keeps_its_reading():
    # «شمال سوريا» ties the town to the country, not to a point near Damascus
    d = by_key("قصفت الطائرات بلدة كفرناها شمال سوريا")["كفرناها"]
    assert d.fallback is None and area(d) == ("SY", "Aleppo")


def test_a_name_put_in_a_region_that_lacks_it_stays_there_when_it_comes_back_alone():
    ds = [d for d in decide("واستهدفت الغارات مدينة الصالح في الحوبان بمحافظة تعز. وذكرت المصادر أن قصف "
                            "التحالف على مدينة الصالح جاء بعد توافد الحوثيين إليها.") if d.match.key == "الصالح"]
    assert len(ds) == 2 and all(area(d) == ("YE", "Taizz") for d in ds)


def test_a_cue_word_with_its_proclitics_is_no_name_after_a_cue():
    keys = {d.match.key or d.match.extra.get("text", "") for d in decide(
        "شنت الطائرات غارات على مناطق وبلدات وقرى في ريف إدلب")}
    assert not keys & {"وبلدات", "وقرى", "بلدات", "قرى"}


def test_a_word_of_nearness_after_a_cue_is_no_place_the_context_rejects():
    keys = {d.match.key or d.match.extra.get("text", "") for d in decide(
        "قالت النيابة العامة في الكويت إن المتهم اعترف بأنه توجه إلى قرية قريبة من الحدود السعودية. "
        "وقال إن التفجير وقع في الكويت.")}
    assert not keys & {"قريبه", "قريبة"}
