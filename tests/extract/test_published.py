"""The publication window from the address, the page furniture, the text, and the tabular Hijri calendar.

Every sentence here is our own, written in the style of the reporting.
"""

from datetime import date

import pytest

from extract._hijri import hijri_to_gregorian
from extract.published import Evidence, combine, infer_published, url_evidence
from gazetteer import fold


def pub(text, **kw):
    w = infer_published(fold(text), **kw)
    return w.earliest, w.latest


def day(y, m, d):
    return (date(y, m, d), date(y, m, d))


# ------------------------------------------------------------------ the address
@pytest.mark.parametrize("url,expected", [
    ("https://news.example.org/2018/11/24/qsd-hajin/", date(2018, 11, 24)),
    ("https://example.com/politics/news/2018-10-24-1.1147268?ot=amp", date(2018, 10, 24)),
    ("http://example.net/story/20181124/hajin", date(2018, 11, 24)),
    ("https://example.org/article?id=55&date=2019-01-25", date(2019, 1, 25)),
    ("https://example.org/2017/03/26/%d9%85%d8%b7%d8%a7%d8%b1-%d8%a7%d9%84%d8%b7%d8%a8%d9%82%d8%a9", date(2017, 3, 26)),
    ("https://example.org/%D8%AE%D8%A8%D8%B1/2019/02/13/431396", date(2019, 2, 13)),
])
def test_a_day_in_the_address(url, expected):
    strong, exact = url_evidence(url)
    assert strong.windows == ((date.fromordinal(expected.toordinal() - 1), expected),)  # or republished next day
    assert exact.windows == ((expected, expected),)
    assert pub("نص بلا تاريخ", url=url) == (expected, expected)


def test_a_month_in_the_address():
    (ev,) = url_evidence("https://example.org/2019/01/qsd-baghuz")
    assert ev.windows == ((date(2019, 1, 1), date(2019, 1, 31)),)


@pytest.mark.parametrize("url", [
    "https://example.org/?p=304070", "https://example.org/news/article/82939", "https://example.org/archives/52295",
    "https://example.org/story/1039485/", "https://example.org/2018/13/45/", None, "",
])
def test_ids_in_the_address_are_not_dates(url):
    assert url_evidence(url) == []


def test_the_text_can_correct_a_republished_address():
    # Republished a day later under a dated address: the text's own «today» wins.
    text = "أعلنت قوات النظام اليوم الثلاثاء (17 تشرين الأول/أكتوبر)، سيطرتها على عدة أحياء في المدينة."
    assert pub(text, url="https://example.org/2017/10/18/story/") == day(2017, 10, 17)


# ------------------------------------------------------------- page furniture
def test_dateline_with_hijri_and_gregorian_dates():
    text = "معارك في الجيب الأخير\nالأحد - 16 صفر 1439 هـ - 05 نوفمبر 2017 مـ رقم العدد [ 14222]\nلندن: «صحيفة»\n" \
           "أفيد أمس بتقدم القوات في ريف المدينة."
    w = infer_published(fold(text))
    assert (w.earliest, w.latest) == day(2017, 11, 5)
    assert "dateline" in w.basis


@pytest.mark.parametrize("line", ["الأحد 13 كانون الثاني 2019", "13/1/2019", "آخر تحديث: 13/01/2019 - 10:42"])
def test_short_date_lines_at_the_top(line):
    text = f"قسد تتقدم في ريف دير الزور\n{line}\n1,234 مشاهدة\nوقالت مصادر إن قسد تقدمت نحو البلدة بعد معارك."
    assert pub(text) == day(2019, 1, 13)


def test_hijri_dateline_alone_gives_a_few_days():
    lo, hi = pub("عنوان الخبر\nالإثنين 12 صفر 1440 هـ\nقالت مصادر إن الاشتباكات مستمرة في البلدة.")
    assert lo <= date(2018, 10, 22) <= hi and (hi - lo).days <= 4
    assert lo.weekday() == hi.weekday() == 0  # and a Monday


def test_publication_marker_and_iso_date_at_the_bottom():
    assert pub("العنوان\nتحرير فلان 🕔 تم النشر بتاريخ : 18 يناير، 2019 1:34:07 م تقرير عسكري\nسيطرت القوات على البلدة.") \
        == day(2019, 1, 18)
    assert pub("سيطرت القوات على البلدة بعد معارك عنيفة استمرت أياما.\n\nالمصدر: وكالات\n\n2018-12-14") == day(2018, 12, 14)


def test_relative_furniture_is_not_a_date():
    # «منذ 3 سنوات» says when the page was saved, not when it was written.
    assert pub("منذ 3 سنوات\n1,234 مشاهدة\nسيطرت القوات على البلدة.") == (None, None)


def test_a_related_articles_list_is_not_the_dateline():
    text = ("سيطرت القوات على البلدة بعد معارك.\nوقال مصدر إن المعارك مستمرة.\nوأضاف أن القصف لم يتوقف.\n"
            "وتحدث عن خسائر.\nوأكد وصول تعزيزات.\nوختم بأن الوضع صعب.\nونقلت وكالات الخبر.\nانتهى.\n"
            "مقالات ذات صلة\n2016-05-03")
    assert pub(text, url="https://example.org/2018/11/24/x/") == day(2018, 11, 24)


# ------------------------------------------------------------------- the text
def test_today_with_its_date():
    assert pub("فرضت القوات حصارا على المدينة بعد سيطرتها اليوم الأحد (21 أغسطس/ آب 2016) على مواقع فيها.") \
        == day(2016, 8, 21)


def test_a_weekday_must_fit_the_date():
    # 21 August 2016 was a Sunday, not a Monday: the clue does not hold, the date is only mentioned.
    assert pub("بعد سيطرتها اليوم الإثنين (21 أغسطس/ آب 2016) على مواقع فيها.")[1] is None


def test_p1_the_day_called_today_or_the_next():
    # Written on Thursday 21 March 2019; online that day or on the Friday.
    w = infer_published(fold("وقالت القوات اليوم الخميس إنها تقدمت في البلدة."), period=(date(2019, 3, 18), date(2019, 3, 24)))
    assert (w.earliest, w.latest) == (date(2019, 3, 21), date(2019, 3, 22)) and "P1" in w.basis
    # A named date wins over the slack: «today, Sunday 21 August 2016» is that Sunday.
    assert pub("بعد سيطرتها اليوم الأحد (21 أغسطس/ آب 2016) على مواقع فيها.") == day(2016, 8, 21)


def test_p1_and_yesterday_s_weekday_together():
    # «Today Thursday» (Thursday or Friday) and «yesterday Wednesday» (a Thursday): the Thursday.
    w = infer_published(fold("قالت القوات اليوم الخميس إن الرئيس قال أمس الأربعاء إن المعركة انتهت."),
                        period=(date(2019, 3, 18), date(2019, 3, 24)))
    assert (w.earliest, w.latest) == day(2019, 3, 21)


def test_yesterday_with_a_weekday_makes_the_day():
    # A Monday (the day after «أمس (الأحد)») of November 2017, from the 9th on.
    lo, hi = pub("سيطر الجيش أمس (الأحد)، على كامل المدينة التي دخلها في التاسع من تشرين الثاني الجاري.", year=2017)
    assert (lo, hi) == (date(2017, 11, 13), date(2017, 11, 27)) and lo.weekday() == hi.weekday() == 0


def test_a_month_this_year_needs_a_year_from_elsewhere():
    assert pub("قصف التحالف البلدة في 13 تشرين الأول الجاري") == (None, None)
    assert pub("قصف التحالف البلدة في 13 تشرين الأول الجاري", year=2018) == (date(2018, 10, 13), date(2018, 10, 31))


def test_a_mentioned_date_only_bounds_from_below():
    # The campaign «that began on 11/9/2018» says nothing of how long ago that was.
    lo, hi = pub("وتواصل القوات الحملة التي بدأتها في 11/9/2018 ضد التنظيم.")
    assert lo is not None and hi is None


def test_a_default_window_stands_when_nothing_else_does():
    w = infer_published(fold("سيطرت القوات على البلدة."), period=(date(2018, 9, 1), date(2019, 3, 31)))
    assert (w.earliest, w.latest) == (date(2018, 9, 1), date(2019, 3, 31)) and w.basis.startswith("hint")


# ----------------------------------------------------------------- weighing
def test_the_heaviest_agreement_wins_and_ties_keep_what_they_share():
    a = Evidence(((date(2018, 10, 1), date(2018, 10, 31)),), "a", 1.0)
    b = Evidence(((date(2018, 11, 1), date(2018, 12, 31)),), "b", 1.0)
    shared = Evidence(((date(2018, 9, 1), date(2018, 12, 31)),), "shared", 1.0)
    w = combine([a, b, shared])
    assert (w.earliest, w.latest) == (date(2018, 9, 1), date(2018, 12, 31)) and "shared" in w.basis
    heavy = Evidence(((date(2018, 10, 5), date(2018, 10, 5)),), "heavy", 3.0)
    assert combine([a, b, shared, heavy]).earliest == date(2018, 10, 5)


def test_weekday_evidence_narrows_a_week_to_a_day():
    week = Evidence(((date(2019, 3, 18), date(2019, 3, 24)),), "week", 2.0)
    thursday = Evidence(((None, None),), "today is Thursday", 2.0, weekday=3)
    w = combine([week, thursday])
    assert (w.earliest, w.latest) == (date(2019, 3, 21), date(2019, 3, 21))


# ------------------------------------------------------------------- Hijri
@pytest.mark.parametrize("hijri,gregorian", [
    ((1440, 9, 1), date(2019, 5, 6)),    # 1 Ramadan 1440
    ((1439, 10, 1), date(2018, 6, 15)),  # Eid al-Fitr 1439
    ((1439, 2, 16), date(2017, 11, 5)),  # a dateline: the tabular day may be one off
    ((1440, 2, 12), date(2018, 10, 22)),
])
def test_tabular_hijri_within_a_day(hijri, gregorian):
    assert abs((hijri_to_gregorian(*hijri) - gregorian).days) <= 1


def test_no_such_hijri_day():
    assert hijri_to_gregorian(1440, 2, 30) is None  # Safar has 29 days
    assert hijri_to_gregorian(1440, 13, 1) is None
