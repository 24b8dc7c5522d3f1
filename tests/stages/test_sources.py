"""sources stage: credited sources, only inside crediting constructions."""
from __future__ import annotations

import functools
from datetime import date

import pytest

from rasd.document import Article, Document
from rasd.mentions import SourceMention
from rasd.pipeline import Pipeline

STAGES = ["normalize", "segment", "sources"]


def run_stages(text: str, stages: list[str], published: date | None) -> Document:
    """Run the named stages on a short passage (built once per stage list)."""
    return _pipeline(tuple(stages))(Article("t", text, published))


@functools.lru_cache(maxsize=None)
def _pipeline(stages: tuple[str, ...]) -> Pipeline:
    return Pipeline.from_names(stages)


def sources(text: str) -> tuple[SourceMention, ...]:
    return run_stages(text, STAGES, date(2016, 11, 18))["sources"]


def names(text: str) -> list[str]:
    return [m.name for m in sources(text)]


@pytest.mark.parametrize("text,name", [
    ("أفاد المرصد السوري لحقوق الإنسان بمقتل عشرة مدنيين.", "Syrian Observatory for Human Rights"),
    ("وثقت الشبكة السورية لحقوق الإنسان مقتل خمسة أطفال.", "Syrian Network for Human Rights"),
    ("بحسب مركز توثيق الانتهاكات قتل ثلاثة.", "Violations Documentation Center"),
    ("وقالت سانا إن قذائف سقطت على حي سكني.", "SANA"),
    ("ذكرت الوكالة العربية السورية للأنباء أن القصف أوقع ضحايا.", "SANA"),
    ("وفقا لوكالة الأنباء السعودية قتل اثنان.", "Saudi Press Agency"),
    ("وقالت واس إن الحادث وقع فجرا.", "Saudi Press Agency"),
    ("نقلت وكالة فرانس برس أن الغارات تواصلت.", "AFP"),
    ("ذكرت وكالة الصحافة الفرنسية أن الاشتباكات مستمرة.", "AFP"),
    ("قالت رويترز إن الانفجار هز المدينة.", "Reuters"),
    ("أكدت أسوشيتد برس مقتل جنديين.", "AP"),
    ("أفادت وكالة الأناضول بسقوط قذيفة.", "Anadolu Agency"),
    ("ذكرت قناة المسيرة أن طائرات قصفت صعدة.", "Al-Masirah"),
    ("ذكرت وكالة سبأ أن الغارات استهدفت صنعاء.", "Saba News Agency"),
])
def test_named_sources_in_a_crediting_construction(text, name):
    assert names(text) == [name]


def test_kinds():
    assert [m.kind for m in sources("قال مصدر طبي إن المستشفى استقبل عشرة جرحى.")] == ["medical"]
    assert [m.kind for m in sources("وقال شهود عيان إن الانفجار كان عنيفا.")] == ["witness"]
    assert [m.kind for m in sources("وأكدت مصادر محلية سقوط قتلى.")] == ["local"]
    assert [m.kind for m in sources("ذكر ناشطون أن القصف استمر.")] == ["local"]
    assert [m.kind for m in sources("بحسب وكالة رويترز قتل ثلاثة.")] == ["agency"]


def test_medical_sources_plural_and_singular():
    assert names("وقالت مصادر طبية إن عدد القتلى ارتفع.") == ["Medical sources"]
    assert names("قال مصدر طبي إن القتلى أربعة.") == ["Medical sources"]


def test_no_source_without_a_crediting_construction():
    assert sources("زار وفد من المرصد السوري لحقوق الإنسان مخيما للاجئين.") == ()
    assert sources("تعمل رويترز في المنطقة منذ سنوات.") == ()


def test_construction_sets_the_confidence():
    strict = sources("بحسب المرصد السوري لحقوق الإنسان قتل عشرة.")[0]
    verb = sources("وقال مدير المرصد السوري لحقوق الإنسان إن عشرة قتلوا.")[0]
    after = sources("المرصد السوري لحقوق الإنسان قال إن عشرة قتلوا.")[0]
    assert strict.confidence > verb.confidence > after.confidence > 0


def test_reported_content_after_an_is_not_the_source():
    # «قالت إن المسيرة ...»: what follows «إن» is what was said, not who said it
    assert names("قالت المتحدثة إن المسيرة السلمية انطلقت.") == []


def test_quoted_source_and_source_through_an_transmitted_report():
    assert names('وذلك بحسب "المرصد السوري".') == ["Syrian Observatory for Human Rights"]
    assert names("نقلت وكالة رويترز عن مصادر طبية أن القتلى ستة.") == ["Reuters",
                                                                        "Medical sources"]


def test_ministry_takes_the_country_of_its_adjective_or_of_the_text():
    assert names("وقالت وزارة الداخلية المصرية إن شرطيين أصيبا.") == [
        "Ministry of Interior (Egypt)"]
    assert names("وأعلنت وزارة الداخلية أن الانفجار وقع في القطيف.") == [
        "Ministry of Interior (Saudi Arabia)"]


def test_spokesperson_of_an_actor_is_resolved_for_the_country():
    assert names("وقال المتحدث باسم قوات التحالف إن الغارات استهدفت صعدة.") == [
        "Spokesperson of Arab Coalition (Saudi-led)"]


def test_evidence_span_is_the_raw_text():
    text = "وأفادَ المرصدُ السوريُّ لحقوقِ الإنسانِ بمقتل عشرة."
    (m,) = sources(text)
    assert m.text == text[m.span.start:m.span.end] == "المرصدُ السوريُّ لحقوقِ الإنسانِ"


def test_seed_article_credits_the_observatory(seed_article):
    from rasd.pipeline import Pipeline
    doc = Pipeline.from_names(STAGES)(seed_article)
    assert "Syrian Observatory for Human Rights" in {m.name for m in doc["sources"]}
