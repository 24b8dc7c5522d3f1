"""events.when: the date written in a frame, the day in force, the publication-day fallback."""
from __future__ import annotations

from datetime import date, timedelta

from rasd.document import Article, Span
from rasd.events.when import DateContext
from rasd.mentions import DateMention
from rasd.pipeline import Pipeline

PUB = date(2015, 8, 6)
SENTENCE = 100  # every sentence is 100 characters long in these tests


def mention(nstart: int, days: int, rule: str = "date.relative_day", precision: int = 1) -> DateMention:
    value = PUB - timedelta(days=days)
    return DateMention(value=value, nstart=nstart, nend=nstart + 5, span=Span(nstart, nstart + 5),
                       text="أمس", rule=rule, precision=precision, start=value, relative=True,
                       confidence=0.9)


def context(*dates: DateMention) -> DateContext:
    return DateContext(dates, lambda n: n // SENTENCE, PUB)


def test_own_date_nearest_to_the_anchors_wins():
    near, far = mention(150, 1), mention(110, 2)
    when = context(near, far).choose([far, near], 160, 170, 1)
    assert (when.value, when.rule) == (near.value, "date.relative_day")


def test_a_report_date_gives_way_to_an_event_date_of_the_next_sentence():
    report = mention(150, 1, rule="date.relative_day.report")
    event = mention(220, 2, rule="date.weekday")
    when = context(report, event).choose([report], 110, 120, 1)
    assert (when.value, when.rule) == (event.value, "date.event_of_report")


def test_a_report_date_is_kept_when_no_event_date_is_near():
    report = mention(150, 1, rule="date.relative_day.report")
    far = mention(550, 2, rule="date.weekday")
    when = context(report, far).choose([report], 110, 120, 1)
    assert when.value == report.value and when.rule.endswith(".report")


def test_an_event_date_after_the_report_date_is_not_taken():
    report = mention(150, 2, rule="date.relative_day.report")
    later = mention(220, 0)
    assert context(report, later).choose([report], 110, 120, 1).value == report.value


def test_a_frame_inherits_the_date_before_it_in_its_sentence():
    d = mention(105, 1)
    when = context(d).choose([], 150, 160, 1)
    assert (when.value, when.rule) == (d.value, "date.inherited_nearby")


def test_a_frame_inherits_a_later_date_of_its_sentence_when_none_comes_before():
    d = mention(180, 1)
    when = context(d).choose([], 110, 120, 1)
    assert (when.value, when.rule) == (d.value, "date.inherited_after")


def test_a_frame_inherits_the_previous_sentence_but_not_further():
    d, other = mention(105, 1), mention(120, 2)  # two days named: a roundup
    assert context(d, other).choose([], 210, 220, 2).rule == "date.inherited_nearby"
    far = context(d, other).choose([], 310, 320, 3)
    assert (far.value, far.precision, far.rule) == (PUB, 2, "date.publication_day")


def test_an_article_naming_one_day_dates_all_its_reports_with_it():
    lead, again = mention(10, 2), mention(620, 2)
    when = context(lead, again).choose([], 910, 920, 9)
    assert (when.value, when.rule) == (lead.value, "date.inherited_article")


def test_week_long_and_stale_dates_are_not_in_force():
    week = mention(105, 7, rule="date.last_week", precision=2)
    stale = mention(110, 30)
    assert context(week, stale).choose([], 150, 160, 1).rule == "date.publication_day"


def test_the_lead_dates_a_frame_of_the_lead_only():
    lead, later = mention(120, 1), mention(420, 3)  # the second sentence says when
    assert context(lead, later).choose([], 10, 20, 0).rule == "date.inherited_lead"
    assert context(lead, later).choose([], 650, 660, 6).rule == "date.publication_day"


def test_without_publication_date_nothing_is_invented():
    ctx = DateContext([], lambda n: 0, None)
    when = ctx.choose([], 0, 5, 0)
    assert (when.value, when.rule) == (None, "date.unknown")


def test_on_a_written_article_the_event_takes_its_date_not_the_report_date():
    text = ("قتل 25 مقاتلا في هجوم على قاعدة عسكرية، حسبما أفاد المرصد أمس. "
            "وكانت الفصائل شنت هجومها في وقت متأخر من يوم الثلاثاء.")
    doc = Pipeline.from_names(["normalize", "segment", "dates"])(Article("w", text, PUB))
    starts = [s.nstart for s in doc["sentences"]]
    ctx = DateContext(doc["dates"], lambda n: sum(1 for s in starts if s <= n) - 1, PUB)
    report = [d for d in doc["dates"] if d.rule.endswith(".report")]
    anchor = doc.norm.text.index("قتل")
    when = ctx.choose(report, anchor, anchor + 3, 0)
    assert when.value == date(2015, 8, 4)


def test_a_written_date_is_the_day_a_weekday_beside_it_stands_for():
    from tests.events.eventkit import events
    found = events("وتعرض مسجد الإمام الصادق في الكويت إلى تفجير انتحاري خلال صلاة الجمعة في 26 يونيو "
                   "الماضي ما أدى إلى مقتل 26 شخصا.")
    assert found == []  # dated 26 June: background for a paper of 6 August


def test_a_report_right_after_a_day_long_past_belongs_to_that_past():
    from tests.events.eventkit import events
    found = events("وبدأت العمليات بتفجير السفارة في بيروت في 18 أبريل 1983. "
                   "وتبعها قصف ثكنة قوات مشاة البحرية في بيروت التي قتل فيها 241 جنديا.")
    assert found == []


def test_a_day_after_publication_in_the_frame_is_a_plan_not_the_event_date():
    coming = mention(150, -4, rule="date.weekday")
    past = mention(105, 1)
    when = context(past, coming).choose([coming], 160, 170, 1)
    assert (when.value, when.rule) == (past.value, "date.inherited_nearby")


def test_a_frame_inside_a_relative_clause_takes_the_clause_date_not_the_head_clause_date():
    # «تفقد الأمير مساء اليوم المسجد الذي استشهد فيه عدد من الجنود ... الخميس الماضي»
    visit = mention(135, 0, rule="date.relative_day.head")
    attack = mention(190, 5, rule="date.weekday")
    when = context(visit, attack).choose([visit, attack], 150, 170, 1)
    assert when.value == attack.value


def test_a_frame_before_the_head_date_keeps_the_nearest_date():
    head = mention(130, 1, rule="date.relative_day.head")
    later = mention(190, 3, rule="date.weekday")
    assert context(head, later).choose([head, later], 110, 125, 1).value == head.value
