"""Date expressions, event windows and publication windows."""

from datetime import date

import pytest

from extract.claim import DateWindow
from extract.dates import find_expressions, infer_published, resolve
from gazetteer import fold

PUB = DateWindow(date(2018, 12, 11), date(2018, 12, 11))  # a Tuesday


def window(text, pub=PUB):
    (x,) = [e for e in find_expressions(fold(text)) if e.kind != "year"]
    w = resolve(x, pub)
    return w.earliest, w.latest


@pytest.mark.parametrize("text,expected", [
    ("أمس", (date(2018, 12, 10),) * 2),
    ("فجر أمس", (date(2018, 12, 10),) * 2),
    ("أول من أمس", (date(2018, 12, 9),) * 2),
    ("أمس الأول", (date(2018, 12, 9),) * 2),
    ("منذ يومين", (date(2018, 12, 9),) * 2),
    ("قبل ثلاثة أيام", (date(2018, 12, 8),) * 2),
    ("يوم الجمعة", (date(2018, 12, 7),) * 2),
    ("السبت الماضي", (date(2018, 12, 8),) * 2),
    ("الثلاثاء", (date(2018, 12, 11),) * 2),  # published on a Tuesday: today
    ("الأسبوع الماضي", (date(2018, 11, 28), date(2018, 12, 10))),
    ("الشهر الماضي", (date(2018, 11, 1), date(2018, 11, 30))),
    ("العام الماضي", (date(2017, 1, 1), date(2017, 12, 31))),
    ("في تشرين الثاني من العام الماضي", (date(2017, 11, 1), date(2017, 11, 30))),
    ("في 13 تشرين الأول الجاري", (date(2018, 10, 13),) * 2),
    ("الـ 3 من الشهر الجاري", (date(2018, 12, 3),) * 2),
    ("18 نوفمبر/ تشرين الثاني", (date(2018, 11, 18),) * 2),
    ("بتاريخ 15/1/2019", (date(2019, 1, 15),) * 2),
])
def test_resolve(text, expected):
    assert window(text) == expected


def test_relative_needs_a_publication_window():
    (x,) = find_expressions(fold("أمس"))
    assert resolve(x, DateWindow()) is None
    (x,) = find_expressions(fold("في 14/12/2018"))
    assert resolve(x, DateWindow()).earliest == date(2018, 12, 14)  # absolute: no window needed


def test_since_gives_a_window_up_to_publication():
    (x,) = [e for e in find_expressions(fold("منذ الـ10 من أيلول الماضي")) if e.kind == "date"]
    w = resolve(x, PUB)
    assert (w.earliest, w.latest) == (date(2018, 9, 10), date(2018, 12, 11))


def test_publication_from_weekday_and_date():
    text = "أعلنت منذ منتصف عام 2017 ... وعقد اجتماع أمس الأحد 18 نوفمبر/ تشرين الثاني الجاري في المدينة"
    pub = infer_published(fold(text))
    assert (pub.earliest, pub.latest) == (date(2018, 11, 19), date(2018, 11, 19))  # the first Sunday 18 Nov after 2017
    period = (date(2015, 1, 1), date(2022, 12, 31))
    pub = infer_published(fold("وعقد اجتماع أمس الأحد 18 نوفمبر في المدينة"), period=period)
    assert pub.earliest == date(2018, 11, 19)


def test_weekday_without_any_year_is_not_guessed():
    pub = infer_published(fold("وعقد اجتماع أمس الأحد 18 نوفمبر في المدينة"))
    assert pub.earliest is None


def test_publication_from_a_numeric_date_yesterday():
    pub = infer_published(fold("خرج أكثر من ألف مدني مساء أمس الثلاثاء 15/1/2019 من الجيب"))
    assert (pub.earliest, pub.latest) == (date(2019, 1, 16), date(2019, 1, 16))


def test_publication_month_with_a_year_hint():
    pub = infer_published(fold("قصف التحالف البلدة في 13 تشرين الأول الجاري"), year=2018)
    assert (pub.earliest, pub.latest) == (date(2018, 10, 13), date(2018, 10, 31))


def test_contradictory_evidence_widens_the_window():
    text = "في 13 تشرين الأول الجاري ... بدأ يوم 4 تشرين الأول الفائت ... منذ الـ10 من أيلول الماضي"
    pub = infer_published(fold(text), year=2018)
    assert pub.earliest == date(2018, 10, 1) and pub.latest >= date(2018, 12, 1)


def test_no_evidence_says_so():
    pub = infer_published(fold("اشتباكات في المنطقة"))
    assert pub.earliest is None and "no dated evidence" in pub.basis


@pytest.mark.parametrize("text,expected", [
    ("في التاسع من تشرين الثاني الجاري", (date(2018, 11, 9),) * 2),
    ("يوم الحادي والعشرين من أيار", (date(2018, 5, 21),) * 2),
    ("18 يناير، 2019", (date(2019, 1, 18),) * 2),
    ("24 يناير(كانون الثاني) 2019", (date(2019, 1, 24),) * 2),
    ("الـ 25 من أيار / مايو الجاري من العام 2017", (date(2017, 5, 25),) * 2),
    ("2018-12-14", (date(2018, 12, 14),) * 2),
    ("في 12 جوان", (date(2018, 6, 12),) * 2),  # Maghrebi month names
    ("قبل أسبوع", (date(2018, 12, 1), date(2018, 12, 7))),  # four to ten days ago
    ("منذ أكثر من ثلاث سنوات", (date(2015, 9, 13), date(2018, 12, 11))),  # since then, up to now
    ("قبل ساعات", (date(2018, 12, 10), date(2018, 12, 11))),
    ("خلال الساعات الـ 24 الماضية", (date(2018, 12, 10), date(2018, 12, 11))),
    ("أواخر الشهر الماضي", (date(2018, 11, 20), date(2018, 11, 30))),
    ("مطلع أيلول الماضي", (date(2018, 9, 1), date(2018, 9, 10))),
    ("في شهر أكتوبر", (date(2018, 10, 1), date(2018, 10, 31))),
    ("كانون الثاني 2019", (date(2019, 1, 1), date(2019, 1, 31))),
    ("الخميس الماضي", (date(2018, 12, 6),) * 2),
    ("العام الجاري", (date(2018, 1, 1), date(2018, 12, 11))),
])
def test_more_expressions(text, expected):
    assert window(text) == expected


def test_hijri_expression():
    (x,) = [e for e in find_expressions(fold("الأحد - 16 صفر 1439 هـ")) if e.kind == "hijri"]
    w = resolve(x, DateWindow())
    assert w.earliest <= date(2017, 11, 5) <= w.latest and (w.latest - w.earliest).days == 4


@pytest.mark.parametrize("text", ["قبل يومين من إعلان الهدنة", "قناة روسيا اليوم", "مسافة الصفر", "الجيب الأخير"])
def test_not_dates(text):
    assert [e for e in find_expressions(fold(text)) if e.kind != "weekday"] == []


def test_a_wide_publication_window_widens_relative_dates():
    # Published some time in 2018-2019: «22 October» is the one of 2017 or of 2018.
    wide = DateWindow(date(2018, 1, 18), date(2019, 1, 31))
    (x,) = find_expressions(fold("يوم 22 أكتوبر"))
    w = resolve(x, wide)
    assert (w.earliest, w.latest) == (date(2017, 10, 22), date(2018, 10, 22))
