"""Casualty figures: counts, victims, subsets, negation, back-references."""
from __future__ import annotations

import pytest

from tests.conftest import run_stages

STAGES = ["normalize", "segment", "numbers", "cues"]


def figures(text: str) -> list[tuple]:
    doc = run_stages(text, STAGES)
    return [(c.kind, c.count, c.children, c.women, c.unidentified) for c in doc["casualties"]]


@pytest.mark.parametrize("text, expected", [
    ("أفاد المرصد بمقتل 23 شخصاً بينهم 3 أطفال و8 إناث جراء القصف",
     [("death", 23, 3, 8, None)]),
    ("ارتفع عدد القتلى إلى 59 بينهم 10 أطفال و10 إناث و5 مجهولي الهوية",
     [("death", 59, 10, 10, 5)]),
    ("استشهاد رجل وزوجته في غارات على البلدة", [("death", 2, None, 1, None)]),
    ("مقتل طفلين وامرأة في قصف", [("death", 3, 2, 1, None)]),
    ("إن سبعة عشر مدنيا قتلوا في انفجار", [("death", 17, None, None, None)]),
    ("سقط 37 قتيلا على الأقل بينهم ثلاثة أطفال", [("death", 37, 3, None, None)]),
    ("مقتل ضابط ومجند وإصابة 3 آخرين", [("death", 2, None, None, None), ("injury", 3, None, None, None)]),
    ("استشهد 6 أشخاص بينهم 4 أطفال ومواطنة جراء انفجار ألغام",
     [("death", 6, 4, 1, None)]),
])
def test_counts_victims_and_subsets(text, expected):
    assert figures(text) == expected


def test_coordinated_groups_are_separate_figures():
    got = figures("أعلنت المقاومة مقتل 42 حوثياً على الأقل، و9 مقاتلين من المقاومة في مواجهات")
    assert [(k, n) for k, n, *_ in got] == [("death", 42), ("death", 9)]


def test_vague_quantity_is_conservative():
    doc = run_stages("أصيب العشرات في القصف", STAGES)
    (c,) = doc["casualties"]
    assert (c.kind, c.count, c.vague) == ("injury", 10, True)


def test_negated_casualties_count_zero():
    doc = run_stages("شن الطيران أربع غارات من دون ورود معلومات عن سقوط قتلى", STAGES)
    assert [(c.count, c.negated) for c in doc["casualties"]] == [(0, True)]


def test_casualty_noun_referring_back_is_not_a_figure():
    assert figures("وقال إن عدد الشهداء مرشح للارتفاع") == []


def test_killed_and_wounded_together_is_one_combined_figure():
    assert figures("أسفرت الغارات عن مقتل وإصابة نحو 25 قرويا") == [("death_or_injury", 25, None, None, None)]


def test_evidence_span_cuts_the_raw_words():
    text = "أفاد المرصد بمقتلِ ٢٣ شخصاً في القصف"
    doc = run_stages(text, STAGES)
    (c,) = doc["casualties"]
    assert text[c.span.start:c.span.end] == "بمقتلِ ٢٣ شخصاً"


def test_a_victim_counted_before_and_named_again_by_a_definite_noun_is_no_new_figure():
    got = figures("قتل الطفل علي دوابشة حرقا في قرية دوما. "
                  "واندلعت مواجهات في القدس بعد مقتل الطفل.")
    assert [(k, n) for k, n, *_ in got] == [("death", 1)]


def test_a_victim_only_told_of_as_wounded_may_be_counted_dead_later():
    got = figures("أصيب الطفل بجروح في الهجوم. وأعلن المستشفى مقتل الطفل متأثرا بجروحه.")
    assert [(k, n) for k, n, *_ in got] == [("injury", 1), ("death", 1)]


def test_a_rank_named_again_is_a_new_victim():
    got = figures("قتل القيادي الحوثي أبو علي في كمين. وفي إب أعلن عن مقتل القيادي أبو محمد الغيلي.")
    assert [(k, n) for k, n, *_ in got] == [("death", 1), ("death", 1)]


def test_an_unknown_number_after_a_short_phrase_is_still_the_verbs_subject():
    doc = run_stages("وقتل في الهجوم عدداً من المسلحين الحوثيين", STAGES)
    (c,) = doc["casualties"]
    assert (c.kind, c.count) == ("death", None)


def test_a_verb_whose_object_pronoun_is_the_victim_counts_one():
    got = figures("أطلق أحد المسلحين النار على الشاب وأرداه قتيلا")
    assert [(k, n) for k, n, *_ in got] == [("death", 1)]


def test_taking_lives_is_an_unknown_number_of_dead():
    doc = run_stages("أسفر التفجير عن إزهاق أرواح بريئة", STAGES)
    (c,) = doc["casualties"]
    assert (c.kind, c.count) == ("death", None)


def test_a_victim_noun_written_with_its_article_counted_before_is_no_new_figure():
    got = figures("ما أدى إلى استشهاد الرضيع علي دوابشة. وقال الشهود إن الزجاجات أدت إلى استشهاد الرضيع فورا.")
    assert [(k, n) for k, n, *_ in got] == [("death", 1)]
