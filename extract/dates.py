"""Dates in Arabic news: expressions and the windows they denote.

:func:`find_expressions` finds date expressions in folded text (أمس، أول من
أمس، فجر أمس، يوم الجمعة، الأسبوع الماضي، أواخر الشهر الماضي، العام الماضي،
``13 تشرين الأول الجاري``, ``التاسع من تشرين الثاني``, ``18 يناير، 2019``,
``الـ3 من الشهر الجاري``, ``منذ 3 سنوات``, ``قبل أسبوع``, ``16 صفر 1439 هـ``,
``2018-12-14``...), and :func:`resolve` turns one into a window relative to
the publication window. Hijri dates are converted with the tabular Islamic
calendar (:mod:`extract._hijri`), which can differ from the calendar an outlet
prints by a day or two: their windows say so.

The publication window itself is inferred in :mod:`extract.published`
(:func:`infer_published` is re-exported here); which expression dates which
claim is decided in :mod:`extract._scope`.

All matching is on text folded by :func:`gazetteer.fold` (أ→ا، ة→ه، ى→ي).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

import ahocorasick

from extract._hijri import HIJRI_MONTHS, hijri_to_gregorian
from extract.claim import DateWindow
from gazetteer import fold

__all__ = ["MONTHS", "ORDINALS", "WEEKDAYS", "Expression", "find_expressions", "infer_published", "resolve"]

_MONTH_NAMES = {
    1: ("كانون الثاني", "يناير", "جانفي"), 2: ("شباط", "فبراير", "فيفري"), 3: ("آذار", "مارس"),
    4: ("نيسان", "أبريل", "ابريل", "أفريل"), 5: ("أيار", "مايو", "ماي"), 6: ("حزيران", "يونيو", "يونيه", "جوان"),
    7: ("تموز", "يوليو", "يوليه", "جويلية"), 8: ("آب", "أغسطس", "اغسطس", "أوت"), 9: ("أيلول", "سبتمبر"),
    10: ("تشرين الأول", "أكتوبر", "اكتوبر"), 11: ("تشرين الثاني", "نوفمبر"), 12: ("كانون الأول", "ديسمبر"),
}
MONTHS = {fold(name): m for m, names in _MONTH_NAMES.items() for name in names}
WEEKDAYS = {fold(n): i for n, i in (("الاثنين", 0), ("الإثنين", 0), ("الثلاثاء", 1), ("الأربعاء", 2),
                                        ("الخميس", 3), ("الجمعة", 4), ("السبت", 5), ("الأحد", 6))}
_UNITS = ("", "الحادي", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع")
# Day of the month written as an ordinal: التاسع من تشرين الثاني، الحادي والعشرين من أيار.
ORDINALS = {fold(w): n for n, w in (
    [(1, "الأول"), (2, "الثاني"), (3, "الثالث"), (4, "الرابع"), (5, "الخامس"), (6, "السادس"), (7, "السابع"),
     (8, "الثامن"), (9, "التاسع"), (10, "العاشر"), (20, "العشرين"), (30, "الثلاثين"), (21, "الواحد والعشرين"),
     (31, "الحادي والثلاثين")]
    + [(10 + k, f"{_UNITS[k]} عشر") for k in range(1, 10)]
    + [(20 + k, f"{_UNITS[k]} والعشرين") for k in range(1, 10)])}
_NUM_WORDS = {fold(w): n for w, n in (
    ("واحد", 1), ("ثلاثة", 3), ("ثلاث", 3), ("أربعة", 4), ("أربع", 4), ("خمسة", 5), ("خمس", 5), ("ستة", 6),
    ("ست", 6), ("سبعة", 7), ("سبع", 7), ("ثمانية", 8), ("ثماني", 8), ("تسعة", 9), ("تسع", 9), ("عشرة", 10),
    ("عشر", 10), ("بضعة", 3), ("بضع", 3), ("عدة", 3))}
# Duration units: (days in one unit, count when the word itself is a dual).
_UNIT_WORDS = {fold(w): v for w, v in (
    ("يوم", (1, 1)), ("يوما", (1, 1)), ("يوماً", (1, 1)), ("أيام", (1, None)), ("يومين", (1, 2)),
    ("أسبوع", (7, 1)), ("أسبوعا", (7, 1)), ("أسابيع", (7, None)), ("أسبوعين", (7, 2)),
    ("شهر", (30, 1)), ("شهرا", (30, 1)), ("أشهر", (30, None)), ("شهور", (30, None)), ("شهرين", (30, 2)),
    ("عام", (365, 1)), ("عاما", (365, 1)), ("أعوام", (365, None)), ("عامين", (365, 2)),
    ("سنة", (365, 1)), ("سنوات", (365, None)), ("سنين", (365, None)), ("سنتين", (365, 2)),
    ("ساعة", (0, 1)), ("ساعات", (0, None)), ("ساعتين", (0, 2)))}
# Parts of a month: مطلع الشهر الجاري، منتصف أيلول، أواخر الشهر الماضي.
_MONTH_PARTS = {fold(w): span for w, span in (
    ("مطلع", (1, 10)), ("بداية", (1, 10)), ("أوائل", (1, 10)), ("مستهل", (1, 10)), ("منتصف", (10, 20)),
    ("أواسط", (10, 20)), ("أواخر", (20, 31)), ("نهاية", (20, 31)), ("ختام", (20, 31)))}


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))


_MONTH = f"(?:{_alt(MONTHS)})"
_WEEKDAY = f"(?:{_alt(WEEKDAYS)})"
_HMONTH = f"(?:{_alt(HIJRI_MONTHS)})"
_B = r"(?<![\w])"
_E = r"(?![\w])"
_PART = r"(?:(?:فجر|صباح|مساء|ليل|ليله|ظهر|عصر)\s+)?"
_AGO = r"(?:الماضي|الماضيه|الفايت|الفايته|الفائت|الفائته|المنصرم|السابق)"
_CURRENT = r"(?:الجاري|الحالي)"
_MPART = r"(?:(?P<part>" + _alt(_MONTH_PARTS) + r")\s+)?"
_ALSO_MONTH = r"(?:\s*[/(]\s*" + _MONTH + r"\s*\)?)?"  # تشرين الثاني/ نوفمبر، شباط (فبراير)
_YEAR_AFTER = r"(?:\s*[،,]?\s*(?:من\s+)?(?:(?:ال)?عام\s+|سنه\s+)?(?P<year>(?:19|20)\d\d))"
_DAY = r"(?P<day>\d{1,2}|" + _alt(ORDINALS) + ")"
_NUM = r"(?P<n>\d+|" + _alt(_NUM_WORDS) + ")"

_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("before_yesterday", re.compile(_B + _PART + r"(?:اول\s+(?:من\s+)?امس|امس\s+الاول)" + _E)),
    ("iso", re.compile(_B + r"(?P<year>(?:19|20)\d\d)\s*[/.-]\s*(?P<month>\d{1,2})\s*[/.-]\s*(?P<day>\d{1,2})" + _E)),
    ("numeric", re.compile(_B + r"(?P<day>\d{1,2})\s*[/.-]\s*(?P<month>\d{1,2})\s*[/.-]\s*(?P<year>(?:19|20)\d\d)" + _E)),
    ("hijri", re.compile(_B + r"(?P<day>\d{1,2})\s+(?:من\s+)?(?P<hmonth>" + _HMONTH + r")\s*[،,]?\s*(?P<year>1[34]\d\d)"
                         r"(?:\s*ه" + _E + ")?")),
    ("duration", re.compile(_B + r"(?P<since>منذ|قبل)\s+(?:(?:اكثر|اقل|نحو|حوالي|قرابه)\s+(?:من\s+)?)?(?:" + _NUM + r"\s+)?(?:ال)?(?P<unit>" + _alt(_UNIT_WORDS) + ")"
                            + _E + r"(?!\s+(?:من|علي)\s)")),
    ("date", re.compile(_B + r"(?:يوم\s+)?(?:(?P<wd>" + _WEEKDAY + r")\s*[،,-]?\s*)?(?:ال\s?)?" + _DAY + r"\s+(?:من\s+)?"
                        r"(?:شهر\s+)?(?P<month>" + _MONTH + r")" + _ALSO_MONTH + _YEAR_AFTER + "?"
                        r"(?:\s+(?P<rel>" + _CURRENT + "|" + _AGO + r"))?"
                        r"(?:\s+من\s+(?:ال)?عام\s+(?P<year2>(?:19|20)\d\d))?" + _E)),
    ("day_this_month", re.compile(_B + r"(?:ال\s?)?(?P<day>\d{1,2})\s+من\s+(?:الشهر|هذا\s+الشهر)\s+" + _CURRENT + _E)),
    ("month_last_year", re.compile(_B + _MPART + r"(?:شهر\s+)?(?P<month>" + _MONTH + r")" + _ALSO_MONTH +
                                   r"\s+(?:من\s+)?(?:العام|السنه)\s+" + _AGO + _E)),
    ("month_year", re.compile(_B + _MPART + r"(?:شهر\s+)?(?P<month>" + _MONTH + r")" + _ALSO_MONTH + _YEAR_AFTER + _E)),
    ("month_rel", re.compile(_B + _MPART + r"(?:شهر\s+)?(?P<month>" + _MONTH + r")" + _ALSO_MONTH +
                             r"\s+(?P<rel>" + _CURRENT + "|" + _AGO + r")" + _E)),
    ("month_bare", re.compile(_B + r"(?:في|خلال|منذ)\s+" + _MPART + r"(?:شهر\s+)?(?P<month>" + _MONTH + r")"
                              + _ALSO_MONTH + _E + r"(?!\s*\d)")),
    ("yesterday", re.compile(_B + _PART + r"(?:ب?الامس|امس|البارحه)" + _E)),
    ("today", re.compile(_B + r"(?:(?:فجر|صباح|مساء|ظهر|ليل|عصر)\s+اليوم|(?<!روسيا )اليوم(?!\s+(?:التالي|الموالي|السابق)))"
                         + _E)),
    ("hours", re.compile(_B + r"(?:(?:ال)?ساعات\s+(?:ال\s?\d+\s+)?(?:القليله\s+)?(?:" + _AGO + r"|الاخيره)|"
                         r"(?:ال\s?)?24\s+ساعه\s+(?:" + _AGO + r"|الاخيره))" + _E)),
    ("weekday", re.compile(_B + r"(?:يوم\s+)?(?P<wd>" + _WEEKDAY + r")(?:\s+(?P<rel>" + _AGO + r"))?" + _E)),
    ("last_week", re.compile(_B + r"الاسبوع\s+" + _AGO + _E)),
    ("this_week", re.compile(_B + r"(?:الاسبوع\s+" + _CURRENT + r"|هذا\s+الاسبوع)" + _E)),
    ("last_month", re.compile(_B + _MPART + r"الشهر\s+" + _AGO + _E)),
    ("this_month", re.compile(_B + _MPART + r"(?:الشهر\s+" + _CURRENT + r"|هذا\s+الشهر)" + _E)),
    ("year_ago", re.compile(_B + r"(?:و?مضي|مرور)\s+عام(?:\s+كامل)?" + _E)),
    ("last_year", re.compile(_B + r"(?:العام|السنه)\s+" + _AGO + _E)),
    ("this_year", re.compile(_B + r"(?:(?:العام|السنه)\s+" + _CURRENT + r"|هذا\s+العام|هذه\s+السنه)" + _E)),
    ("recent_days", re.compile(_B + r"(?:خلال\s+)?الايام\s+(?:الماضيه|الفايته|الفائته|الاخيره|القليله\s+الماضيه)" + _E)),
    ("year", re.compile(_B + r"(?:(?:عام|العام|سنه|في|منذ)\s+)(?P<year>(?:19|20)\d\d)" + _E + r"(?!\s*[/.-]\s*\d)")),
]


# A pattern can only match where one of its words occurs: a cheap test first.
_MONTH_KEYS = tuple({k.split()[0] for k in MONTHS})
# Numeric dates need a digit right before a separator: 30 keys, so full stops after words cost nothing.
_DIGIT_SEP = tuple(d + sep for d in "0123456789" for sep in "/.-")
_KEYWORDS: dict[str, tuple[str, ...]] = {
    "before_yesterday": ("امس",), "iso": _DIGIT_SEP, "numeric": _DIGIT_SEP,
    "hijri": tuple({k.split()[0] for k in HIJRI_MONTHS}), "duration": ("منذ", "قبل"), "date": _MONTH_KEYS,
    "day_this_month": ("الشهر",), "month_last_year": _MONTH_KEYS, "month_year": _MONTH_KEYS,
    "month_rel": _MONTH_KEYS, "month_bare": _MONTH_KEYS, "yesterday": ("امس", "البارحه"), "today": ("اليوم",),
    "hours": ("ساعات", "ساعه"), "weekday": tuple(WEEKDAYS), "last_week": ("الاسبوع",), "this_week": ("الاسبوع",),
    "last_month": ("الشهر",), "this_month": ("الشهر",), "year_ago": ("عام",), "last_year": ("العام", "السنه"),
    "this_year": ("العام", "السنه"), "recent_days": ("الايام",),
    "year": ("عام", "سنه", "في 19", "في 20", "منذ 19", "منذ 20"),
}
# Expressions that name a calendar date whatever the publication date.
ABSOLUTE = frozenset({"iso", "numeric", "hijri", "month_year", "year"})
# How far around an anchor word a pattern may reach: far back only where the anchor is mid-pattern
# (a month name after its weekday and day), a little where a prefix may come first (فجر أمس، يوم الجمعة).
_REACH_FORWARD = 80
_REACH_BACK = {kind: 45 for kind in ("date", "month_last_year", "month_year", "month_rel", "month_bare", "hijri",
                                     "numeric", "iso", "day_this_month", "before_yesterday")}
_SHORT_BACK = 8


# Names that only count as whole words: «اب» (August) inside «الارهاب» is not a month.
_WHOLE_WORDS = frozenset(_MONTH_KEYS) | frozenset(WEEKDAYS) | frozenset(_KEYWORDS["hijri"])


def _anchor_automaton() -> ahocorasick.Automaton:
    by_word: dict[str, list[str]] = {}
    for kind, keys in _KEYWORDS.items():
        for k in keys:
            by_word.setdefault(k, []).append(kind)
    ac = ahocorasick.Automaton()
    for word, kinds in by_word.items():
        ac.add_word(word, (len(word), tuple(kinds), word in _WHOLE_WORDS))
    ac.make_automaton()
    return ac


_ANCHORS = _anchor_automaton()


@dataclass(frozen=True)
class Expression:
    """A date expression found in folded text (offsets into that text)."""

    kind: str
    start: int
    end: int
    text: str
    groups: dict
    since: bool = False  # preceded by منذ: a starting point, not the event's date

    @property
    def has_year(self) -> bool:
        """The expression names its year (``18 يناير 2019``, ``2018-12-14``)."""
        return bool(self.groups.get("year") or self.groups.get("year2"))


def find_expressions(folded: str, start: int = 0, end: int | None = None) -> list[Expression]:
    """Date expressions in ``folded[start:end]``, in order, without overlaps.

    Earlier patterns in the list win over later ones on the same text (``أول من
    أمس`` is not also ``أمس``). Each pattern runs only around the words it needs
    (found with one Aho-Corasick pass), which keeps this fast on long articles.
    """
    end = len(folded) if end is None else end
    found: list[Expression] = []
    taken: list[tuple[int, int]] = []
    anchors: dict[str, list[int]] = {kind: [] for kind in _KEYWORDS}
    n = len(folded)
    for last, (length, kinds, whole) in _ANCHORS.iter(folded, start, end):
        first = last - length + 1
        if whole and ((first > 0 and folded[first - 1].isalnum()) or (last + 1 < n and folded[last + 1].isalnum())):
            continue
        for kind in kinds:
            anchors[kind].append(first)
    for kind, rx in _PATTERNS:
        seen_end = -1
        back = _REACH_BACK.get(kind, _SHORT_BACK)
        for p in anchors[kind]:
            lo, hi = max(start, p - back), min(end, p + _REACH_FORWARD)
            if hi <= seen_end:
                continue
            for m in rx.finditer(folded, max(lo, seen_end), hi):
                seen_end = max(seen_end, m.end())
                if any(m.start() < b and m.end() > a for a, b in taken):
                    continue
                groups = {k: v for k, v in m.groupdict().items() if v is not None}
                since = kind != "duration" and bool(re.search(r"منذ\s*$", folded[max(0, m.start() - 6):m.start()]))
                if kind == "duration":
                    # منذ 3 سنوات: since then; منذ يومين، قبل أسبوع: that long ago.
                    since = groups["since"] == "منذ" and _UNIT_WORDS[groups["unit"]][0] >= 7
                found.append(Expression(kind, m.start(), m.end(), m.group(), groups, since))
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda e: e.start)


def month_window(year: int, month: int) -> tuple[date, date]:
    """First and last day of a month."""
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def safe_date(y: int, m: int, d: int) -> date | None:
    """``date(y, m, d)``, or None where no such day exists."""
    try:
        return date(y, m, d)
    except ValueError:
        return None


def month_of(text: str) -> int:
    """The month number of a (folded) month name as matched."""
    return MONTHS[" ".join(text.split())]


def day_of(text: str) -> int:
    """The day of the month, written in digits or as an ordinal."""
    return int(text) if text.isdigit() else ORDINALS[" ".join(text.split())]


def year_of(groups: dict) -> int | None:
    """The year an expression names, if any."""
    y = groups.get("year") or groups.get("year2")
    return int(y) if y else None


def _part(groups: dict, first: date, last: date) -> tuple[date, date]:
    """Narrow a month (from ``first`` to ``last``) to the part named before it (مطلع، منتصف، أواخر)."""
    p = groups.get("part")
    if not p:
        return first, last
    a, b = _MONTH_PARTS[p]
    end_of_last = month_window(last.year, last.month)[1].day
    return first.replace(day=a), last.replace(day=min(b, end_of_last))


def absolute_window(expr: Expression) -> tuple[date, date] | None:
    """The window of an expression that names its own year, else None."""
    g = expr.groups
    if expr.kind in ("iso", "numeric"):
        d = safe_date(int(g["year"]), int(g["month"]), int(g["day"]))
        return (d, d) if d else None
    if expr.kind == "hijri":
        d = hijri_to_gregorian(int(g["year"]), HIJRI_MONTHS[" ".join(g["hmonth"].split())], int(g["day"]))
        # The tabular calendar and the printed one can be a day or two apart.
        return (d - timedelta(2), d + timedelta(2)) if d else None
    if expr.kind == "date" and expr.has_year:
        d = safe_date(year_of(g), month_of(g["month"]), day_of(g["day"]))
        return (d, d) if d else None
    if expr.kind == "month_year":
        return _part(g, *month_window(int(g["year"]), month_of(g["month"])))
    if expr.kind == "year":
        y = int(g["year"])
        return date(y, 1, 1), date(y, 12, 31)
    return None


def _duration(g: dict, e: date, la: date) -> tuple[date, date]:
    unit_days, dual = _UNIT_WORDS[g["unit"]]
    n = g.get("n")
    k = (int(n) if n.isdigit() else _NUM_WORDS[n]) if n else dual
    if unit_days == 0:  # hours: today or yesterday
        return e - timedelta(1), la
    if k is None:  # منذ أيام، قبل أشهر: a few of them
        lo, hi = {1: (7, 2), 7: (35, 7), 30: (180, 30), 365: (3650, 365)}[unit_days]
        return e - timedelta(lo), la - timedelta(hi)
    span = k * unit_days
    # «قبل أسبوع» is loose speech: four to ten days ago; months and years looser still.
    slack = {1: 0, 7: 3, 30: 10, 365: 90}[unit_days]
    return e - timedelta(span + slack), la - timedelta(span - slack)


def _weekday(g: dict, e: date, la: date) -> tuple[date, date]:
    wd = WEEKDAYS[g["wd"]]

    def last(d: date) -> date:  # the most recent such day on or before d (الجمعة الماضية: before d)
        k = (d.weekday() - wd) % 7
        return d - timedelta(7 if g.get("rel") and k == 0 else k)

    return last(e), last(la)


def _last_on_or_before(month: int, day: int, ref: date, slack: int = 2) -> date | None:
    """The most recent (month, day) on or before ``ref`` (a couple of days' slack for scheduled events)."""
    d = safe_date(ref.year, month, day)
    if d and d > ref + timedelta(slack):
        d = safe_date(ref.year - 1, month, day)
    return d


def _month_back(month: int, ref: date) -> tuple[date, date]:
    """The most recent month ``month`` up to ``ref`` (this month included)."""
    return month_window(ref.year if month <= ref.month else ref.year - 1, month)


def _relative(expr: Expression, e: date, la: date) -> tuple[date, date] | None:
    """The window of a relative expression; each bound from the matching bound of publication."""
    g = expr.groups
    kind = expr.kind
    if kind == "before_yesterday":
        return e - timedelta(2), la - timedelta(2)
    if kind == "yesterday":
        return e - timedelta(1), la - timedelta(1)
    if kind == "today":
        return e, la
    if kind == "hours":
        return e - timedelta(1), la
    if kind == "duration":
        return _duration(g, e, la)
    if kind == "weekday":
        return _weekday(g, e, la)
    if kind == "date":
        month, day = month_of(g["month"]), day_of(g["day"])
        lo, hi = _last_on_or_before(month, day, e), _last_on_or_before(month, day, la)
        return (lo, hi) if lo and hi else None
    if kind == "day_this_month":
        d1, d2 = safe_date(e.year, e.month, int(g["day"])), safe_date(la.year, la.month, int(g["day"]))
        return (d1, d2) if d1 and d2 and d1 <= d2 else None
    if kind == "month_last_year":
        month = month_of(g["month"])
        return _part(g, month_window(e.year - 1, month)[0], month_window(la.year - 1, month)[1])
    if kind in ("month_rel", "month_bare"):
        month = month_of(g["month"])
        return _part(g, _month_back(month, e)[0], _month_back(month, la)[1])
    if kind == "last_week":
        return e - timedelta(13), la - timedelta(1)
    if kind == "this_week":
        return e - timedelta(6), la
    if kind == "last_month":
        before_e, before_la = date(e.year, e.month, 1) - timedelta(1), date(la.year, la.month, 1) - timedelta(1)
        return _part(g, month_window(before_e.year, before_e.month)[0],
                     month_window(before_la.year, before_la.month)[1])
    if kind == "this_month":
        a, b = _part(g, month_window(e.year, e.month)[0], month_window(la.year, la.month)[1])
        return a, min(b, la)
    if kind == "year_ago":
        return e - timedelta(380), la - timedelta(350)
    if kind == "last_year":
        return date(e.year - 1, 1, 1), date(la.year - 1, 12, 31)
    if kind == "this_year":
        return date(e.year, 1, 1), la
    if kind == "recent_days":
        return e - timedelta(7), la
    return None


def resolve(expr: Expression, published: DateWindow, *, since: bool = True) -> DateWindow | None:
    """The window an expression denotes, relative to the publication window.

    Parameters
    ----------
    expr : Expression
    published : DateWindow
        Relative expressions (أمس، الشهر الماضي) need both bounds.
    since : bool
        When the expression follows منذ (``منذ الـ10 من أيلول``), return the
        stretch from then to publication; with False, the starting point only.

    Returns
    -------
    DateWindow or None
        None when the expression cannot be resolved (no publication window
        for a relative expression, or no such day).
    """
    e, la = published.earliest, published.latest
    out = absolute_window(expr)
    if out is None and e is not None and la is not None:
        out = _relative(expr, e, la)
    if out is None or out[0] is None or out[0] > out[1]:
        return None
    basis = f"{expr.kind}: {expr.text.strip()}"
    if since and expr.since and la is not None:
        return DateWindow(out[0], max(out[1], la), "since " + basis)
    return DateWindow(out[0], out[1], basis)


def infer_published(folded: str, **hints) -> DateWindow:
    """Bound the publication date from a text; see :func:`extract.published.infer_published`."""
    from extract.published import infer_published as infer

    return infer(folded, **hints)
