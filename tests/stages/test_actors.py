"""actors stage: aliases with clitics, country and date resolution, spans, no false actors."""
from __future__ import annotations

import functools
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.actors import resolve
from rasd.document import Article, Document
from rasd.mentions import ActorMention
from rasd.pipeline import Pipeline
from rasd.text.arabic import normalize_key

STAGES = ["normalize", "segment", "actors"]
Y2015 = date(2015, 8, 5)


def run_stages(text: str, stages: list[str], published: date | None) -> Document:
    """Run the named stages on a short passage (built once per stage list)."""
    return _pipeline(tuple(stages))(Article("t", text, published))


@functools.lru_cache(maxsize=None)
def _pipeline(stages: tuple[str, ...]) -> Pipeline:
    return Pipeline.from_names(stages)


def actors(text: str, published: date | None = Y2015) -> tuple[ActorMention, ...]:
    return run_stages(text, STAGES, published)["actors"]


def names(text: str, published: date | None = Y2015) -> list[str]:
    return [m.actor.name for m in actors(text, published)]


def families(text: str, published: date | None = Y2015) -> list[str]:
    return [m.actor.family for m in actors(text, published)]


def test_aliases_with_clitics_are_found():
    text = ("وقصفت وقوات النظام أحياء في حلب، وقتل عدد من المنتمين لداعش، "
            "وتحدثت التقارير عن خسائر كبيرة بالحوثيين وللحوثيين في تعز.")
    assert families(text) == ["SYR_GOV", "IS", "HOUTHI", "HOUTHI"]


def test_rule_names_the_clitic_so_that_an_agent_lam_can_be_seen():
    rules = [m.rule for m in actors("هجوم لداعش وللحوثيين وبالحوثيين وقوات النظام في حلب")]
    assert rules == ["alias.clitic_l", "alias.clitic_l", "alias.clitic_b", "alias.clitic_w"]
    assert actors("قصفت طائرات روسية مدينة إدلب.")[0].rule == "generated"
    assert actors("قتل عناصر من داعش في الموصل.")[0].rule == "head+alias"


def test_layer_is_sorted_by_position_and_keeps_the_dictionary_key():
    ms = actors("اشتبك الجيش الحر مع تنظيم داعش في ريف حلب الشمالي.")
    assert [m.nstart for m in ms] == sorted(m.nstart for m in ms)
    assert [m.key for m in ms] == ["syr_opposition", "islamic_state"]
    assert all(isinstance(m, ActorMention) for m in ms)


def test_coalition_depends_on_the_country_of_the_text():
    yemen = actors("شن طيران التحالف غارات على مواقع في صنعاء وصعدة.")
    syria = actors("شن طيران التحالف غارات على مواقع في الرقة ودير الزور.")
    assert yemen[0].actor.family == "SAU_COALITION" and yemen[0].context == "Yemen"
    assert syria[0].actor.name == "Global Coalition Against Daesh"


def test_a_mention_follows_its_own_sentence_in_a_mixed_article():
    text = ("قتل عشرة من الحوثيين في تعز. وفي سوريا، قصفت طائرات التحالف مواقع لداعش في "
            "الرقة. وشن طيران التحالف غارات على صعدة.")
    fams = [m.actor.family for m in actors(text) if m.key == "coalition"]
    assert fams == ["USA_COALITION", "SAU_COALITION"]


def test_same_words_in_2015_and_2025():
    text = "قصفت قوات النظام بلدة في ريف إدلب."
    assert names(text, date(2015, 8, 5)) == ["Military Forces of Syria (2000-2024)"]
    text = "انتشر الجيش السوري في ريف إدلب."
    assert names(text, date(2025, 3, 1)) == ["Military Forces of Syria (2024-)"]
    nusra = "هاجمت جبهة النصرة مواقع في ريف إدلب."
    assert names(nusra, date(2015, 8, 5)) == ["Jabhat al Nusra"]
    assert names(nusra, date(2018, 8, 5)) == ["Hayat Tahrir al Sham"]


def test_same_words_in_yemen_and_in_syria():
    yemen = "تقدم الجيش الوطني نحو مدينة تعز."
    syria = "تقدم الجيش الوطني نحو مدينة عفرين في ريف حلب."
    assert names(yemen, date(2018, 3, 1)) == ["Military Forces of Yemen (2012-)"]
    assert names(syria, date(2018, 3, 1)) == ["Syrian National Army"]


def test_the_event_builder_can_re_resolve_a_mention_for_another_country():
    (m,) = actors("وشنت مقاتلات التحالف غارات جديدة.", None)
    assert resolve(m, "Yemen", Y2015).family == "SAU_COALITION"
    assert resolve(m, "Iraq", Y2015).family == "USA_COALITION"


def test_composite_actor_phrases():
    assert families("قتل خمسة من عناصر من داعش في الموصل.") == ["IS"]
    assert families("اقتحم مسلحو داعش القرية في ريف حلب.") == ["IS"]
    assert families("قصفت طائرات روسية مدينة إدلب.") == ["RUS"]
    assert families("دمرت مقاتلات التحالف مخزنا للأسلحة في صنعاء.") == ["SAU_COALITION"]
    assert families("ألقت مروحيات النظام براميل على داريا.")[0] == "SYR_GOV"
    assert names("قصف الطيران الحربي السوري مدينة دوما.") == [
        "Military Forces of Syria (2000-2024)"]


def test_composite_phrase_span_covers_the_head():
    (m,) = actors("قتل خمسة من عناصر من داعش في الموصل.")
    assert m.text == "عناصر من داعش"


def test_persons_are_not_actors():
    assert actors("قال الرئيس الأمريكي إن بلاده تدعم الحل السياسي.") == ()
    assert actors("طالب رئيس الائتلاف الوطني السوري أنس العبدة بإدانة واضحة.") == ()


def test_plain_non_conflict_sentences_have_no_actor():
    for text in ["أعلنت الهيئة العامة للأرصاد عن أمطار غزيرة على منطقة عسير اليوم.",
                 "ارتفع مؤشر السوق المالية السعودية بنسبة اثنين في المائة.",
                 "القاعدة العامة أن المتهم بريء حتى تثبت إدانته.",
                 "ينصح الأطباء بالرقية الشرعية والالتزام بالعلاج.",
                 "أعلن مكتب تحقيقات حوادث الطيران البريطاني نتائج التحقيق.",
                 "افتتح أمير المنطقة مهرجان التمور في القصيم بحضور المسؤولين."]:
        assert actors(text) == (), text


def test_bare_army_without_a_known_country_is_not_guessed():
    assert actors("انتشر الجيش في الشوارع.") == ()
    assert families("انتشر الجيش في شوارع القاهرة.") == ["EGY"]


def test_unidentified_armed_men_take_the_country_of_the_text():
    assert names("أطلق مسلحون مجهولون النار على حاجز في مدينة عدن.") == [
        "Unidentified Armed Group (Yemen)"]


def test_foreign_forces_are_external_in_the_country_they_act_in():
    (m,) = actors("قصفت المقاتلات الروسية مواقع في ريف حماة.")
    assert m.actor.inter == 8 and m.context == "Syria"


def test_spans_map_to_the_raw_text_with_its_diacritics():
    text = "وقَصَفَتْ قُوّاتُ النِّظامِ مدينةَ حلب."
    (m,) = actors(text)
    assert m.text == text[m.span.start:m.span.end] == "قُوّاتُ النِّظامِ"


DIACRITICS = ["\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u0640"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(DIACRITICS + [""] * 6), min_size=40, max_size=40))
def test_spans_survive_any_diacritics(marks):
    base = "شنت ميليشيات الحوثي هجوما على مواقع المقاومة الشعبية في تعز"
    chars = list(base)
    text = "".join(c + (marks[i] if i < len(marks) and c != " " else "")
                   for i, c in enumerate(chars))
    ms = actors(text)
    assert [normalize_key(m.text) for m in ms] == ["ميليشيات الحوثي", "المقاومه الشعبيه"]
    for m in ms:
        assert text[m.span.start:m.span.end] == m.text


def test_seed_article_names_the_regime_russia_and_hezbollah(seed_article):
    from rasd.pipeline import Pipeline
    doc = Pipeline.from_names(STAGES)(seed_article)
    fams = {m.actor.family for m in doc["actors"]}
    assert {"SYR_GOV", "RUS", "HEZ", "IS", "OPP", "TUR", "KURD"} <= fams


@pytest.mark.parametrize("text,family", [
    ("تقدمت الميليشيات الحوثية نحو تعز.", "HOUTHI"),
    ("قصفت ميليشيات الحوثي والمخلوع صالح أحياء تعز.", "HOUTHI"),
    ("فر الانقلابيين من مدينة عدن.", "HOUTHI"),
    ("تقدمت قوات الشرعية في محافظة مأرب.", "YEM_GOV"),
    ("سيطرت المقاومة الشعبية على مدينة الضالع.", "YEM_GOV"),
    ("شن طيران التحالف العربي غارات على صعدة.", "SAU_COALITION"),
    ("اقتحمت قوات الاحتلال الإسرائيلي مدينة الخليل.", "ISR"),
    ("قتل الجيش المصري عشرة مسلحين في شمال سيناء.", "EGY"),
    ("تبنت ولاية سيناء الهجوم في العريش.", "IS"),
    ("اشتبكت القوات الخاصة الروسية مع مسلحين في الشيشان.", "RUS"),
    ("أحبط حرس الحدود السعودي محاولة تسلل في جازان.", "SAU_COALITION"),
    ("قصف الجيش التركي مواقع حزب العمال الكردستاني في شمال العراق.", "TUR"),
    ("تقدمت البيشمركة نحو سنجار.", "KURD"),
    ("سيطرت قوات سوريا الديمقراطية على قرى في ريف الحسكة.", "KURD"),
    ("تقدمت قسد في ريف الرقة.", "KURD"),
    ("انسحبت وحدات حماية الشعب من منبج.", "KURD"),
    ("سيطر الجيش الحر على بلدة في ريف حلب.", "OPP"),
    ("هاجمت أحرار الشام حاجزا في ريف إدلب.", "OPP"),
    ("سيطر جيش الفتح على جسر الشغور.", "OPP"),
    ("تقدم الحشد الشعبي نحو تكريت.", "PMF"),
    ("قصف حزب الله مواقع في الزبداني.", "HEZ"),
    ("قصفت الطائرات الأمريكية مواقع في الموصل.", "USA_COALITION"),
    # dual, accusative and «الضربات» forms of a state's forces
    ("هاجمت مروحيتان أميركيتان حاجزا في ولاية هلمند.", "USA_COALITION"),
    ("شاهد السكان جنديا سوريا يطلق النار في درعا.", "SYR_GOV"),
    ("أسفرت الضربات الروسية عن مقتل عشرة في إدلب.", "RUS"),
    # «الثوار» of Yemen are the resistance, of Syria the rebels
    ("اقتحم الثوار قاعدة العند في لحج.", "YEM_GOV"),
    ("اقتحم الثوار مطار أبو الظهور في ريف إدلب.", "OPP"),
    # bare «القوات الموالية» of the 2015 Yemen reports
    ("سيطرت القوات الموالية على زنجبار في أبين.", "YEM_GOV"),
    ("نسبت السلطات الهجوم في أضنة إلى التمرد الكردي.", "KURD"),
    ("قالت قيادة العمليات المشتركة في العراق إن القوات تقدمت في الأنبار.", "IRQ_GOV"),
])
def test_phrases_of_the_2015_press_name_their_family(text, family):
    assert families(text, Y2015)[0] == family


def test_police_of_each_state_and_security_forces():
    assert names("اعتقلت الشرطة التركية خمسة أشخاص في إسطنبول.") == [
        "Police Forces of Turkey (2002-)"]
    assert names("قتل رجلا أمن في هجوم بالقطيف.", Y2015) == [
        "Police Forces of Saudi Arabia (2015-)"]
