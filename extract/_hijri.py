"""The tabular Islamic calendar: Hijri dates printed in datelines, to Gregorian.

Arabic outlets print the Hijri date beside the Gregorian one («الأحد - 16 صفر
1439 هـ - 05 نوفمبر 2017 مـ»). The standard library has no Hijri calendar; the
arithmetic (tabular) calendar is ten lines and needs no data. Outlets follow
Umm al-Qura or a sighted moon, which can differ from the tabular calendar by a
day or two, so callers widen the result by that much. That is also why this is
not a package dependency: a window of a few days is all the dating needs.

Reference: Dershowitz and Reingold, *Calendrical Calculations*, the
"arithmetic Islamic calendar" (leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26
and 29 of each 30-year cycle).
"""

from __future__ import annotations

from datetime import date

from gazetteer import fold

__all__ = ["HIJRI_MONTHS", "hijri_to_gregorian"]

# 1 Muharram 1 AH = 16 July 622 (Julian) = 19 July 622 (proleptic Gregorian).
_EPOCH = date(622, 7, 19).toordinal()

HIJRI_MONTHS = {fold(name): m for m, names in {
    1: ("محرم",), 2: ("صفر",), 3: ("ربيع الأول",), 4: ("ربيع الآخر", "ربيع الثاني"),
    5: ("جمادى الأولى", "جمادى الأول"), 6: ("جمادى الآخرة", "جمادى الثانية", "جمادى الآخر"), 7: ("رجب",),
    8: ("شعبان",), 9: ("رمضان",), 10: ("شوال",), 11: ("ذو القعدة", "ذي القعدة"), 12: ("ذو الحجة", "ذي الحجة"),
}.items() for name in names}


def hijri_to_gregorian(year: int, month: int, day: int) -> date | None:
    """The Gregorian date of a tabular Hijri date, or None if there is no such day.

    Examples
    --------
    >>> hijri_to_gregorian(1440, 9, 1)  # 1 Ramadan 1440 (Umm al-Qura: 6 May 2019)
    datetime.date(2019, 5, 6)
    """
    if not (1 <= month <= 12 and 1 <= day <= 30) or year < 1:
        return None
    if day == 30 and month % 2 == 0 and month != 12:
        return None  # even months have 29 days
    if day == 30 and month == 12 and (14 + 11 * year) % 30 >= 11:
        return None  # Dhu al-Hijjah has 30 days only in leap years
    fixed = _EPOCH - 1 + (year - 1) * 354 + (3 + 11 * year) // 30 + 29 * (month - 1) + month // 2 + day
    return date.fromordinal(fixed)
