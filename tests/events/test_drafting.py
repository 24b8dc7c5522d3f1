"""events.draft and events.merge: which passages become events, where, and how
reports of one incident in one article come together. Short passages written
for these tests; the publication day is Thursday 6 August 2015."""
from __future__ import annotations

from tests.events.eventkit import events, one_event, tallies, where

AIR = "Air/drone strike"
IED = "Remote explosive/landmine/IED"
REGAINS = "Government regains territory"


# --- background, references and non-reports -------------------------------------------

def test_an_attack_dated_weeks_before_publication_is_background():
    assert events("وكان تفجير انتحاري في مسجد بمدينة أبها في 26 يونيو الماضي قد أدى إلى مقتل 26 شخصا.") == []


def test_a_verbal_noun_with_no_date_or_figure_names_a_known_event():
    assert events("وتتجه المقاومة الشعبية إلى لحج بعد تحرير عدن من الحوثيين.") == []


def test_the_same_verbal_noun_with_a_date_reports_the_event():
    e = one_event("أعلنت المقاومة الشعبية أمس تحرير مدينة الحوطة من الحوثيين.")
    assert (e["location_ar"], e["sub_event_type"], e["event_date"]) == ("الحوطه", REGAINS, "2015-08-05")


def test_a_death_told_with_words_of_dying_and_no_attack_is_no_event():
    assert events("أعلنت الهيئة عن وفاة 3 مسافرين إثر سقوط طائرة خاصة في مطار مدينة جدة.") == []


def test_a_referenced_attack_is_placed_where_its_relative_clause_points():
    e = one_event("زار مدير الأمن العام في الرياض أمس مصابي التفجير الذي وقع في مسجد قوات "
                  "الطوارئ في مدينة أبها.")
    assert (e["location_ar"], e["sub_event_type"]) == ("ابها", IED)


def test_a_denial_is_no_event():
    assert events("نفت قوات النظام أنها قصفت بلدة باتبو.") == []


# --- places ---------------------------------------------------------------------------

def test_a_governorate_is_the_scene_when_no_town_is_named():
    e = one_event("قتل 15 من رجال الأمن في تفجير انتحاري استهدف مسجدا لقوات الطوارئ في منطقة عسير.")
    assert (e["location_ar"], e["geo_precision"], e["fatalities"]) == ("عسير", 3, 15)


def test_a_town_the_event_was_only_near_is_coded_at_precision_two():
    e = one_event("قتل 17 مسلحا من داعش في عمليات للجيش العراقي شرقي الفلوجة.")
    assert (e["location_ar"], e["geo_precision"], e["fatalities"]) == ("الفلوجه", 2, 17)


def test_the_ends_of_a_road_are_no_scenes():
    found = events("استعادت القوات الموالية للشرعية أمس مدينة الحوطة بعد تطهير الطريق الذي يربط "
                   "بين الحوطة وعدن.")
    assert "عدن" not in where(found)


def test_a_bare_list_of_cities_without_a_figure_is_a_summary_not_events():
    assert events("وشارك الحرس الجمهوري في جبهات القتال في عدن ولحج ومأرب.") == []


def test_a_sentence_that_points_back_names_the_places_of_the_previous_event():
    found = events("استعادت قوات النظام أمس السيطرة على عدد من القرى والمناطق في السهل. "
                   "وقال المرصد إن من بين هذه المناطق قريتي خربة الناقوس والمنصورة.")
    assert where(found) == ["خربة الناقوس", "المنصورة"]


# --- figures and tallies ----------------------------------------------------------------

def test_both_sides_dead_of_one_battle_join_the_place_named_after_them():
    e = one_event("أعلنت المقاومة مقتل 42 حوثيا، فيما قتل 9 مقاتلين من المقاومة في مواجهات "
                  "اندلعت في مدينة تعز أمس.")
    assert (e["location_ar"], e["fatalities"]) == ("تعز", 51)


def test_a_toll_over_a_city_and_its_countryside_is_a_running_total():
    text = ("قصفت قوات النظام أحياء مدينة حلب أمس. وقتل أكثر من 84 شخصا في الغارات على الأحياء "
            "المحاصرة شرق المدينة وريفها.")
    assert 84 in [t["fatalities"] for t in tallies(text)]
    assert 84 not in [e["fatalities"] for e in events(text)]


# --- one incident reported twice ----------------------------------------------------------

def test_a_governorate_report_and_a_town_report_of_one_passage_are_one_incident():
    e = one_event("قتل 15 من رجال الأمن في تفجير انتحاري في منطقة عسير أمس. "
                  "وكان الانتحاري قد فجر نفسه في مسجد قوات الطوارئ بمدينة أبها.")
    assert (e["location_ar"], e["fatalities"]) == ("ابها", 15)


def test_strikes_named_as_support_do_not_decide_the_kind():
    e = one_event("تمكن مقاتلو المقاومة الشعبية بإسناد من طيران التحالف من استعادة مدينة الحوطة أمس.")
    assert e["sub_event_type"] == REGAINS


def test_air_cover_reported_beside_a_battle_folds_into_it():
    found = events("دارت اشتباكات عنيفة أمس بين المقاومة والحوثيين في مدينة الحوطة أسفرت عن مقتل "
                   "12 حوثيا. وشنت طائرات التحالف غارات على مواقع الحوثيين في مدينة الحوطة أمس.")
    assert [(e["location_ar"], e["fatalities"]) for e in found] == [("الحوطه", 12)]


def test_a_sentence_set_in_an_earlier_year_with_no_day_is_background():
    assert events("وكان مسلح قد أطلق النار في سينما بمدينة دنفر عام 2012 وأسفر الهجوم عن مقتل 12 شخصا.") == []


def test_people_hurt_in_a_plane_crash_are_no_event():
    assert events("أصيب ثلاثة أشخاص كانوا على متن طائرة تابعة لشركة طيران محلية هبطت اضطراريا في مطار جدة.") == []


def test_a_city_in_an_organisation_name_is_not_the_scene():
    e = one_event("أعلنت قيادة عمليات بغداد في بيان عن مقتل 17 داعشيا ضمن عمليات شرقي الفلوجة.")
    assert (e["location_ar"], e["geo_precision"], e["fatalities"]) == ("الفلوجه", 2, 17)


def test_an_attack_told_in_a_trial_report_is_background():
    assert events("وفي أول جلسة لمحاكمة المتهمين بتفجير مسجد الإمام الصادق في الكويت، الذي أودى بحياة "
                  "27 شخصا، اعترف المتهم الرئيسي بالتنسيق مع منفذ الهجوم.") == []


def test_a_condemned_attack_is_placed_where_it_happened_not_where_the_mourners_are():
    e = one_event("أدان أهالي محافظة القطيف التفجير الإرهابي الذي استهدف مسجد قوات الطوارئ في مدينة أبها "
                  "أمس الأول، وأدى لاستشهاد عدد من رجال الأمن.")
    assert e["location_ar"] == "ابها"


def test_a_claim_in_the_next_sentence_names_the_perpetrator():
    e = one_event("قتل 15 شخصا إثر تفجير انتحاري داخل مسجد في مدينة أبها أمس. "
                  "وأعلن تنظيم داعش مسؤوليته عن التفجير في بيان.")
    assert e["actor1"].startswith("Islamic State")


def test_a_strike_only_armed_forces_carry_out_needs_no_named_actor():
    found = events("تعرضت مناطق في قريتي الحلوة والروضة في ناحية ربيعة بريف اللاذقية الشمالي لقصف جوي أمس.")
    assert [e["sub_event_type"] for e in found] == [AIR, AIR]  # one event per village


def test_a_story_set_in_an_earlier_year_is_background_in_the_next_sentence_too():
    assert events("سقطت طائرة زوجها في البحر في عام 1943. وكان يقود طائرة استطلاع خلال غارة جوية على مدينة داروين.") == []


def test_a_placeless_toll_with_its_own_kind_of_violence_does_not_join_the_next_incident():
    e = one_event("وأفادت التقارير بمقتل 8 أشخاص إثر تعرضهم لإطلاق نار في منزلهم، وبمقتل رجلي أمن "
                  "وإصابة ثلاثة آخرين في انفجار عبوة ناسفة في مدينة العريش أمس.")
    assert (e["location_ar"], e["sub_event_type"], e["fatalities"]) == ("العريش", IED, 2)


def test_an_attack_pointed_back_to_at_a_place_dated_long_before_is_background_too():
    assert events("أكدت الشرطة اليوم (الأربعاء) وجود صلة بين الهجوم على متحف باردو في تونس في 18 مارس "
                  "والهجوم على فندق. "
                  "وقال المسؤول إن الهجوم على متحف باردو الذي خلف 22 قتيلا مرتبط بهجوم سوسة.") == []


def test_a_new_report_at_a_place_once_dated_long_before_is_still_an_event():
    e = one_event("وكان التحالف قد شن غارات على مدينة الحوطة في 18 مارس. وتواصل المقاومة تقدمها. "
                  "ويشهد الجنوب معارك عنيفة. وقتل 5 مدنيين في قصف مدفعي للحوثيين على مدينة الحوطة.")
    assert (e["location_ar"], e["fatalities"]) == ("الحوطه", 5)


def test_a_named_target_does_not_push_a_referenced_attacks_place_out_of_reach():
    e = one_event("استنكر القنصل العمل الإرهابي الدنيء الذي استهدف مسجد قوات الطوارئ الخاصة في منطقة عسير "
                  "وأسفر عن إزهاق أرواح بريئة.")
    assert (e["location_ar"], e["sub_event_type"], e["fatalities"]) == ("عسير", IED, 3)


def test_a_trial_report_dated_only_by_its_next_hearing_is_background():
    assert events("أمرت محكمة الجنايات بإخلاء سبيل 11 متهما في قضية التفجير الانتحاري الذي استهدف "
                  "مسجد الإمام الصادق بمنطقة الصوابر، وأجلت القضية إلى جلسة الاثنين المقبل.") == []


def test_the_wounded_of_the_same_blast_told_in_the_next_sentence_join_its_event():
    e = one_event("سقطت قذيفة على منزل في مدينة الشيخ زويد وقتلت خمسة أشخاص أمس. "
                  "وأضاف أن خمسة أشخاص من سكان منازل مجاورة أصيبوا جراء انفجار القذيفة.")
    assert (e["location_ar"], e["fatalities"], e["injured"]) == ("الشيخ زويد", 5, 5)


def test_a_day_told_in_a_contrast_clause_dates_that_clause_only():
    found = events("هاجم الحوثيون محافظة مأرب، في حين واصل طيران التحالف الثلاثاء غاراته على مواقع الحوثيين "
                   "في صعدة. ونصب مسلحو المقاومة كمينا لدورية حوثية في منطقة خارف أسفر عن مقتل 13 مسلحا.")
    assert [(e["location_ar"], e["event_date"]) for e in found] == [
        ("مأرب", "2015-08-06"), ("صعده", "2015-08-04"), ("خارف", "2015-08-06")]
