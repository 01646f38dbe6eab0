"""Which date dates which claim (rules S1-S9 of ``extract._scope``), through the extractor and directly.

Sentences are our own. Publication: Tuesday 11 December 2018.
"""

from datetime import date

import pytest

from extract import Article, DateWindow, Extractor
from extract._scope import claim_date, clause_of
from extract.dates import find_expressions
from gazetteer import fold

PUB = DateWindow(date(2018, 12, 11), date(2018, 12, 11), "test")


@pytest.fixture(scope="module")
def ex():
    return Extractor()


def dates(ex, text, pub=PUB):
    """(place, change) -> (earliest, latest, rule id) for every control claim."""
    out = {}
    for c in ex.extract(Article("t", text, "t.txt", published=pub)):
        if c.kind == "control":
            out[c.place, c.change] = (c.date.earliest, c.date.latest, c.date.basis[:2])
    return out


def direct(text, cue_word, change="captured", pub=PUB):
    folded = fold(text)
    a = folded.index(fold(cue_word))
    return claim_date(folded, (0, len(folded)), (a, a + len(fold(cue_word))), pub, change, find_expressions(folded))


def test_s1_a_date_dates_its_own_clause(ex):
    d = dates(ex, "سيطرت قسد أمس على قرية الشجلة، بينما استعاد التنظيم يوم السبت بلدة السوسة.")
    assert d["shajla", "captured"] == (date(2018, 12, 10), date(2018, 12, 10), "S1")
    assert d["sousa", "captured"] == (date(2018, 12, 8), date(2018, 12, 8), "S1")


def test_s1_a_comma_that_fences_a_date_does_not_cut_the_clause():
    w = direct("وقال المصدر إن قسد سيطرت، أمس، على بلدة السوسة.", "سيطرت")
    assert (w.earliest, w.basis[:2]) == (date(2018, 12, 10), "S1")


def test_s1_held_since_is_held_now(ex):
    d = dates(ex, "ويسيطر تنظيم داعش على بلدة هجين منذ 3 سنوات.")
    assert d["hajin", "holds"] == (date(2018, 12, 10), date(2018, 12, 11), "S1")


def test_s1_an_announced_capture_was_made_that_day_or_the_day_before():
    w = direct("وكان الجيش قد أعلن أمس سيطرته على معظم المدينة.", "سيطرته")
    assert (w.earliest, w.latest) == (date(2018, 12, 9), date(2018, 12, 10)) and "announced" in w.basis
    w = direct("وسيطر الجيش أمس على معظم المدينة.", "سيطر")  # told, not announced: the day itself
    assert (w.earliest, w.latest) == (date(2018, 12, 10), date(2018, 12, 10))
    w = direct("وأعلن الجيش في الشهر الجاري سيطرته على المدينة.", "سيطرته")  # a month: no day to widen
    assert "announced" not in w.basis


def test_s1_a_frame_far_from_the_cue_does_not_date_it():
    # «هذا العام» belongs to the second half of the headline, not to the capture.
    w = direct("قسد تسيطر على كامل بلدة السوسة بدير الزور وفرنسا تؤكد بقاء قواتها في سوريا هذا العام", "تسيطر")
    assert w.basis.startswith("S7")


def test_s2_a_background_date_does_not_date_the_news(ex):
    # The campaign «began on 11/9/2018»: that dates the campaign, not today's capture.
    d = dates(ex, "وسيطرت قسد على قرية الشجلة، بعد أن كانت قد بدأت حملتها في 11/9/2018 ضد التنظيم.")
    assert d["shajla", "captured"] == (date(2018, 12, 5), date(2018, 12, 11), "S7")


def test_s2_an_undated_background_clause_happened_before_the_news():
    w = direct("وتقدمت القوات أمس نحو هجين، وكانت قد سيطرت على بلدة السوسة.", "سيطرت")
    assert w.basis.startswith("S2") and w.latest == date(2018, 12, 10) and w.earliest < date(2018, 9, 1)


def test_s2_a_background_date_dates_its_own_clause():
    w = direct("وكان الجيش استعاد في التاسع من تشرين الثاني الجاري مدينة البوكمال.", "استعاد",
               pub=DateWindow(date(2017, 11, 20), date(2017, 11, 20)))
    assert (w.earliest, w.latest) == (date(2017, 11, 9), date(2017, 11, 9))
    w = direct("وكان الجيش أعلن في التاسع من تشرين الثاني الجاري استعادة البوكمال.", "استعادة",
               pub=DateWindow(date(2017, 11, 20), date(2017, 11, 20)))
    assert (w.earliest, w.latest) == (date(2017, 11, 8), date(2017, 11, 9))  # announced (S1)


def test_s2_the_last_of_which_is_an_item_of_the_news_not_background():
    # «..., the last of which was the capture of al-Shajla»: dated by the main clause (the past few hours).
    w = direct("وشهدت الساعات القليلة الماضية تقدما سريعا للقوات، كان آخرها سيطرتها على قرية الشجلة.", "سيطرتها")
    assert w.basis.startswith("S4") and (w.earliest, w.latest) == (date(2018, 12, 10), date(2018, 12, 11))
    w = direct("وتقدمت القوات أمس نحو هجين، وكانت قد سيطرت على بلدة السوسة.", "سيطرت")
    assert w.basis.startswith("S2")  # a plain pluperfect stays background


def test_s8_during_the_operation_points_back_to_its_date(ex):
    text = ("وفي الثالث من أيلول الماضي أطلقت القوات حملة عسكرية على المنطقة.\n"
            "وخلال الحملة، سيطرت قسد على قرية الشجلة لكنها انسحبت منها لاحقا.")
    d = dates(ex, text)
    assert d["shajla", "captured"] == (date(2018, 9, 3), date(2018, 12, 11), "S8")
    assert d["shajla", "withdrew"] == (date(2018, 9, 3), date(2018, 12, 11), "S8")


def test_s8_with_no_earlier_date_is_background(ex):
    d = dates(ex, "وخلال المعارك، سيطرت قسد على قرية الشجلة.")
    lo, hi, rule = d["shajla", "captured"]
    assert rule == "S8" and hi == date(2018, 12, 11) and (hi - lo).days == 180


def test_s8_needs_the_operation_at_the_head_of_the_sentence(ex):
    d = dates(ex, "وفي الثالث من أيلول الماضي أطلقت القوات حملة.\nوسيطرت قسد على قرية الشجلة خلال الحملة.")
    assert d["shajla", "captured"][2] == "S7"


def test_s9_an_added_statement_goes_on_with_the_report_before_it(ex):
    text = ("وقال مصدر عسكري إن القوات تقدمت يوم السبت في ريف المدينة الشرقي.\n"
            "وأضاف المصدر أن قسد سيطرت على قرية الشجلة.")
    assert dates(ex, text)["shajla", "captured"] == (date(2018, 12, 8), date(2018, 12, 8), "S9")
    text = ("وقالت القناة إن القوات تقدمت أمس في ريف المدينة.\n"
            "كما قالت إن قسد سيطرت على قرية الشجلة.")
    assert dates(ex, text)["shajla", "captured"] == (date(2018, 12, 10), date(2018, 12, 10), "S9")


def test_s9_needs_an_added_statement_and_a_dated_report(ex):
    text = "وقال مصدر عسكري إن القوات تقدمت يوم السبت في ريف المدينة.\nوقال مصدر آخر إن قسد سيطرت على قرية الشجلة."
    assert dates(ex, text)["shajla", "captured"][2] == "S7"  # another speaker, another report
    text = "وقال مصدر عسكري إن القوات تقدمت في ريف المدينة.\nوأضاف أن قسد سيطرت على قرية الشجلة."
    assert dates(ex, text)["shajla", "captured"][2] == "S7"  # nothing dated to go on with


def test_s3_after_bad_is_shortly_before_the_news():
    w = direct("سيطر الجيش أمس على المدينة، بعد طرد التنظيم منها.", "طرد", change="withdrew")
    assert w.basis.startswith("S3") and (w.earliest, w.latest) == (date(2018, 12, 4), date(2018, 12, 10))


def test_s4_a_plain_clause_takes_the_main_clause_date():
    w = direct("سيطرت قسد أمس على قرية الشجلة، وتقدمت نحو بلدة السوسة.", "تقدمت", change="advanced")
    assert w.basis.startswith("S4") and w.earliest == date(2018, 12, 10)


def test_s4_what_the_dated_action_went_on_to_achieve_is_that_day_or_after():
    w = direct("ودخلت القوات يوم الخميس إلى المدينة، وتمكنت من دفع التنظيم إلى التراجع نحو أطرافها.", "التراجع",
               change="withdrew")
    assert w.basis.startswith("S4 main clause, then") and (w.earliest, w.latest) == (date(2018, 12, 6), date(2018, 12, 11))
    w = direct("ودخلت القوات يوم الخميس إلى المدينة، ودفعت التنظيم إلى التراجع نحو أطرافها.", "التراجع",
               change="withdrew")
    assert (w.earliest, w.latest) == (date(2018, 12, 6), date(2018, 12, 6))  # told as one action: that day


def test_s4_a_relative_clause_keeps_its_date():
    # «الذي ... قبل أسبوع» dates the earlier capture only.
    w = direct("وقال المصدر إن الجيش سيطر على كامل المدينة، الذي نجح التنظيم في الاستيلاء عليها قبل أسبوع.",
               "سيطر")
    assert w.basis.startswith("S7")


def test_s5_ongoing_is_as_of_publication():
    w = direct("في حين تستمر القوات بالتقدم في محيط مدينة الرقة، إذ أعلنت أمس سيطرتها على بلدة شرقها.", "بالتقدم",
               change="advanced")
    assert w.basis.startswith("S5") and (w.earliest, w.latest) == (date(2018, 12, 10), date(2018, 12, 11))


def test_s6_and_s7_fallbacks(ex):
    d = dates(ex, "البلدة الخاضعة لسيطرة التنظيم هي هجين. وسيطرت قسد على قرية الشجلة.")
    assert d["hajin", "holds"] == (date(2018, 12, 10), date(2018, 12, 11), "S6")
    assert d["shajla", "captured"] == (date(2018, 12, 5), date(2018, 12, 11), "S7")


def test_unknown_publication_keeps_the_rule_in_the_basis():
    w = direct("سيطرت قسد أمس على قرية الشجلة.", "سيطرت", pub=DateWindow())
    assert not w.known and w.basis.startswith("S1 own clause: yesterday") and w.basis.endswith("unknown)")
    w = direct("سيطرت قسد على قرية الشجلة في 14/12/2018.", "سيطرت", pub=DateWindow())
    assert (w.earliest, w.latest) == (date(2018, 12, 14), date(2018, 12, 14))  # absolute: no publication needed


def test_clause_kinds():
    text = fold("وكانت القوات قد سيطرت على البلدة")
    a = text.index("سيطرت")
    assert clause_of(text, (0, len(text)), (a, a + 5), []).kind == "background"
    text = fold("سيطرت القوات على البلدة بعد طرد التنظيم منها")
    a = text.index("طرد")
    assert clause_of(text, (0, len(text)), (a, a + 3), []).kind == "after"
