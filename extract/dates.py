"""Dates in Arabic news: expressions, event windows, publication windows.

Two jobs:

- :func:`find_expressions` finds date expressions in folded text (أمس، أول من
  أمس، فجر أمس، يوم الجمعة، الأسبوع الماضي، الشهر الماضي، العام الماضي،
  ``13 تشرين الأول الجاري``, ``18 نوفمبر``, ``الـ3 من الشهر الجاري``...), and
  :func:`resolve` turns one into a window relative to the publication window.
- :func:`infer_published` bounds the publication date from evidence inside the
  text: ``أمس الأحد 18 نوفمبر`` fixes it through the weekday, ``13 تشرين الأول
  الجاري`` fixes the month, ``منذ الـ10 من أيلول الماضي`` bounds it. Where the
  text leaves the year open, a ``year`` or ``period`` hint closes it.

All matching is on text folded by :func:`gazetteer.fold` (أ→ا، ة→ه، ى→ي).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations

import ahocorasick

from extract.claim import DateWindow
from gazetteer import fold

__all__ = ["MONTHS", "WEEKDAYS", "Expression", "find_expressions", "infer_published", "resolve"]

_MONTH_NAMES = {
    1: ("كانون الثاني", "يناير"), 2: ("شباط", "فبراير"), 3: ("آذار", "مارس"), 4: ("نيسان", "أبريل", "ابريل"),
    5: ("أيار", "مايو"), 6: ("حزيران", "يونيو", "يونيه"), 7: ("تموز", "يوليو", "يوليه"),
    8: ("آب", "أغسطس", "اغسطس"), 9: ("أيلول", "سبتمبر"), 10: ("تشرين الأول", "أكتوبر", "اكتوبر"),
    11: ("تشرين الثاني", "نوفمبر"), 12: ("كانون الأول", "ديسمبر"),
}
MONTHS = {fold(name): m for m, names in _MONTH_NAMES.items() for name in names}
WEEKDAYS = {fold(n): i for n, i in (("الاثنين", 0), ("الإثنين", 0), ("الثلاثاء", 1), ("الأربعاء", 2),
                                        ("الخميس", 3), ("الجمعة", 4), ("السبت", 5), ("الأحد", 6))}
_NUM_WORDS = {fold(w): n for w, n in (("يومين", 2), ("ثلاثة", 3), ("أربعة", 4), ("خمسة", 5), ("ستة", 6),
                                       ("سبعة", 7), ("عشرة", 10))}


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))


_MONTH = f"(?:{_alt(MONTHS)})"
_WEEKDAY = f"(?:{_alt(WEEKDAYS)})"
_B = r"(?<![\w])"
_E = r"(?![\w])"
_PART = r"(?:(?:فجر|صباح|مساء|ليل|ليله|ظهر|عصر)\s+)?"
_AGO = r"(?:الماضي|الماضيه|الفايت|الفايته|المنصرم|السابق)"
_CURRENT = r"(?:الجاري|الحالي)"

_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("before_yesterday", re.compile(_B + _PART + r"(?:اول\s+(?:من\s+)?امس|امس\s+الاول)" + _E)),
    ("numeric", re.compile(_B + r"(?P<day>\d{1,2})\s*[/.-]\s*(?P<month>\d{1,2})\s*[/.-]\s*(?P<year>(?:19|20)\d\d)" + _E)),
    ("days_ago", re.compile(_B + r"(?:منذ|قبل)\s+(?P<n>\d+|" + _alt(_NUM_WORDS) + r")(?:\s+ايام)?" + _E)),
    ("date", re.compile(_B + r"(?:يوم\s+)?(?:(?P<wd>" + _WEEKDAY + r")\s+)?(?:ال\s?)?(?P<day>\d{1,2})\s+(?:من\s+)?"
                        r"(?P<month>" + _MONTH + r")(?:\s*/\s*" + _MONTH + r")?(?:\s+(?P<year>\d{4}))?"
                        r"(?:\s+(?P<rel>" + _CURRENT + "|" + _AGO + r"))?" + _E)),
    ("day_this_month", re.compile(_B + r"(?:ال\s?)?(?P<day>\d{1,2})\s+من\s+(?:الشهر|هذا\s+الشهر)\s+" + _CURRENT + _E)),
    ("month_last_year", re.compile(_B + r"(?P<month>" + _MONTH + r")\s+(?:من\s+)?(?:العام|السنه)\s+" + _AGO + _E)),
    ("month_rel", re.compile(_B + r"(?:شهر\s+)?(?P<month>" + _MONTH + r")\s+(?P<rel>" + _CURRENT + "|" + _AGO + r")" + _E)),
    ("yesterday", re.compile(_B + _PART + r"(?:ب?الامس|امس|البارحه)" + _E)),
    ("today", re.compile(_B + r"(?:(?:فجر|صباح|مساء|ظهر)\s+اليوم|اليوم\s+" + _WEEKDAY + r")" + _E)),
    ("weekday", re.compile(_B + r"(?:يوم\s+)?(?P<wd>" + _WEEKDAY + r")(?:\s+" + _AGO + r")?" + _E)),
    ("last_week", re.compile(_B + r"الاسبوع\s+" + _AGO + _E)),
    ("last_month", re.compile(_B + r"الشهر\s+" + _AGO + _E)),
    ("this_month", re.compile(_B + r"(?:الشهر\s+" + _CURRENT + r"|هذا\s+الشهر)" + _E)),
    ("year_ago", re.compile(_B + r"(?:و?مضي|مرور|بعد)\s+عام(?:\s+كامل)?" + _E)),
    ("last_year", re.compile(_B + r"(?:العام|السنه)\s+" + _AGO + _E)),
    ("recent_days", re.compile(_B + r"(?:خلال\s+)?الايام\s+(?:الماضيه|الفايته|الاخيره|القليله\s+الماضيه)" + _E)),
    ("year", re.compile(_B + r"(?:عام|العام|سنه)\s+(?P<year>(?:19|20)\d\d)" + _E)),
]


# A pattern can only match where one of its words occurs: a cheap test first.
_MONTH_KEYS = tuple({k.split()[0] for k in MONTHS})
_WEEKDAY_KEYS = tuple(WEEKDAYS)
_KEYWORDS: dict[str, tuple[str, ...]] = {
    "before_yesterday": ("امس",), "days_ago": ("منذ", "قبل"), "date": _MONTH_KEYS, "numeric": ("/", "-", "."),
    "day_this_month": ("الشهر",), "month_last_year": _MONTH_KEYS, "month_rel": _MONTH_KEYS,
    "year_ago": ("عام",), "yesterday": ("امس", "البارحه"), "today": ("اليوم",), "weekday": _WEEKDAY_KEYS,
    "last_week": ("الاسبوع",), "last_month": ("الشهر",), "this_month": ("الشهر",), "last_year": ("العام", "السنه"),
    "recent_days": ("الايام",), "year": ("عام", "العام", "سنه"),
}


def _anchor_automaton() -> ahocorasick.Automaton:
    by_word: dict[str, list[str]] = {}
    for kind, keys in _KEYWORDS.items():
        for k in keys:
            by_word.setdefault(k, []).append(kind)
    ac = ahocorasick.Automaton()
    for word, kinds in by_word.items():
        ac.add_word(word, (len(word), tuple(kinds)))
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


def find_expressions(folded: str, start: int = 0, end: int | None = None) -> list[Expression]:
    """Date expressions in ``folded[start:end]``, in order, without overlaps.

    Earlier patterns in the list win over later ones on the same text (``أول من
    أمس`` is not also ``أمس``). Each pattern runs only around the words it needs
    (found with ``str.find``), which keeps this fast on long articles.
    """
    end = len(folded) if end is None else end
    found: list[Expression] = []
    taken: list[tuple[int, int]] = []
    anchors: dict[str, list[int]] = {kind: [] for kind in _KEYWORDS}
    for last, (length, kinds) in _ANCHORS.iter(folded, start, end):
        for kind in kinds:
            anchors[kind].append(last - length + 1)
    for kind, rx in _PATTERNS:
        seen_end = -1
        for p in anchors[kind]:
            lo, hi = max(start, p - _REACH_BACK), min(end, p + _REACH_FORWARD)
            for m in rx.finditer(folded, max(lo, seen_end), hi):
                seen_end = max(seen_end, m.end())
                if any(m.start() < b and m.end() > a for a, b in taken):
                    continue
                before = folded[max(0, m.start() - 6):m.start()]
                since = bool(re.search(r"منذ\s*$", before)) and kind not in ("days_ago",)
                found.append(Expression(kind, m.start(), m.end(), m.group(), m.groupdict(), since))
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda e: e.start)


# How far around an anchor word a pattern may reach.
_REACH_BACK, _REACH_FORWARD = 30, 70


def _month_window(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def resolve(expr: Expression, published: DateWindow) -> DateWindow | None:
    """The window an expression denotes, relative to the publication window.

    Returns None when the expression cannot be resolved (no publication window
    for a relative expression).
    """
    e, la = published.earliest, published.latest
    g = expr.groups
    basis = f"{expr.kind}: {expr.text.strip()}"
    out: tuple[date, date] | None = None
    if expr.kind == "year" and g.get("year"):
        y = int(g["year"])
        out = (date(y, 1, 1), date(y, 12, 31))
    elif e is None or la is None:
        if expr.kind == "numeric":
            d = _safe_date(int(g["year"]), int(g["month"]), int(g["day"]))
            out = (d, d) if d else None
        elif expr.kind == "date" and g.get("year"):
            d = _safe_date(int(g["year"]), MONTHS[_month_key(g["month"])], int(g["day"]))
            out = (d, d) if d else None
        if out is None:
            return None
    elif expr.kind == "numeric":
        d = _safe_date(int(g["year"]), int(g["month"]), int(g["day"]))
        out = (d, d) if d else None
    elif expr.kind == "before_yesterday":
        out = (e - timedelta(2), la - timedelta(2))
    elif expr.kind == "yesterday":
        out = (e - timedelta(1), la - timedelta(1))
    elif expr.kind == "today":
        out = (e, la)
    elif expr.kind == "days_ago":
        n = g["n"]
        k = int(n) if n.isdigit() else _NUM_WORDS.get(n, 2)
        out = (e - timedelta(k), la - timedelta(k))
    elif expr.kind == "weekday":
        wd = WEEKDAYS[g["wd"].replace("يوم", "").strip()]
        days = [e - timedelta(i) for i in range(7)] + [e + timedelta(i) for i in range(1, (la - e).days + 1)]
        hits = sorted(d for d in days if d.weekday() == wd and d <= la)
        out = (hits[0], hits[-1]) if hits else None
    elif expr.kind == "date":
        month = MONTHS[_month_key(g["month"])]
        day = int(g["day"])
        if g.get("year"):
            d = _safe_date(int(g["year"]), month, day)
        else:
            d = _safe_date(la.year, month, day)
            if d and d > la + timedelta(2):
                d = _safe_date(la.year - 1, month, day)
        out = (d, d) if d else None
    elif expr.kind == "numeric":
        d = _safe_date(int(g["year"]), int(g["month"]), int(g["day"]))
        out = (d, d) if d else None
    elif expr.kind == "day_this_month":
        d1, d2 = _safe_date(e.year, e.month, int(g["day"])), _safe_date(la.year, la.month, int(g["day"]))
        out = (d1, d2) if d1 and d2 and d1 <= d2 else None
    elif expr.kind == "month_last_year":
        out = _month_window(la.year - 1, MONTHS[_month_key(g["month"])])
    elif expr.kind == "month_rel":
        month = MONTHS[_month_key(g["month"])]
        year = la.year if month <= la.month else la.year - 1
        out = _month_window(year, month)
    elif expr.kind == "last_week":
        out = (e - timedelta(13), la - timedelta(1))
    elif expr.kind == "last_month":
        first = date(e.year, e.month, 1) - timedelta(1)
        out = _month_window(first.year, first.month)
    elif expr.kind == "this_month":
        out = (date(e.year, e.month, 1), la)
    elif expr.kind == "year_ago":
        out = (e - timedelta(380), la - timedelta(350))
    elif expr.kind == "last_year":
        out = (date(la.year - 1, 1, 1), date(la.year - 1, 12, 31))
    elif expr.kind == "recent_days":
        out = (e - timedelta(7), la)
    if out is None or out[0] is None:
        return None
    if expr.since and la is not None:
        return DateWindow(out[0], max(out[1], la), "since " + basis)
    return DateWindow(out[0], out[1], basis)


def _month_key(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class _Constraint:
    earliest: date
    latest: date
    why: str


def infer_published(folded: str, *, year: int | None = None,
                    period: tuple[date, date] | None = None) -> DateWindow:
    """Bound the publication date from evidence inside a text.

    Parameters
    ----------
    folded : str
        The article text, folded.
    year : int, optional
        The year of publication, when known from outside the text.
    period : tuple of date, optional
        A window the publication is known to fall in.

    Returns
    -------
    DateWindow
        Unknown bounds are None; ``basis`` lists the evidence used.
    """
    if period is None and year is not None:
        period = (date(year, 1, 1), date(year, 12, 31))
    exprs = find_expressions(folded)
    mentioned = [int(x.groups["year"]) for x in exprs if x.kind == "year" and x.groups.get("year")]
    years = _candidate_years(exprs, period, mentioned)
    if not years:
        return DateWindow(None, None, "no dated evidence in the text; give --year or a manifest")
    best: tuple[int, list[_Constraint]] | None = None
    for y in years:
        cons = _constraints(folded, exprs, y)
        if period:
            cons.append(_Constraint(period[0], period[1], "the given period"))
        chosen = _largest_consistent(cons)
        if chosen and (best is None or len(chosen) > len(best[1])):
            best = (y, chosen)
    if best is None:
        return DateWindow(None, None, "evidence in the text is contradictory")
    _, chosen = best
    lo = max(c.earliest for c in chosen)
    hi = min(c.latest for c in chosen)
    if len(chosen) == 1 and chosen[0].why == "the given period":
        return DateWindow(None, None, "no dated evidence in the text beyond the given period")
    return DateWindow(lo, hi, "; ".join(c.why for c in chosen))


def _candidate_years(exprs: list[Expression], period, mentioned: list[int]) -> list[int]:
    if period:
        return list(range(period[0].year, period[1].year + 1))
    # A weekday named with its date fixes the year (within a few decades).
    for x in exprs:
        g = x.groups
        if x.kind == "date" and g.get("wd") and not g.get("year"):
            if not mentioned:
                continue  # a weekday fits a date every few years: without any year, do not guess
            floor = max(mentioned)
            month, day = MONTHS[_month_key(g["month"])], int(g["day"])
            wd = WEEKDAYS[g["wd"]]
            fits = [y for y in range(floor, floor + 30) if (d := _safe_date(y, month, day)) and d.weekday() == wd]
            if fits:
                return fits[:1]
    years = [int(x.groups["year"]) for x in exprs if x.kind in ("date", "numeric") and x.groups.get("year")]
    return sorted(set(years))[-1:] if years else []


def _constraints(folded: str, exprs: list[Expression], year: int) -> list[_Constraint]:
    cons: list[_Constraint] = []
    for x in exprs:
        g = x.groups
        if x.kind == "date":
            month, day = MONTHS[_month_key(g["month"])], int(g["day"])
            y = int(g["year"]) if g.get("year") else year
            d = _safe_date(y, month, day)
            if d is None or (g.get("wd") and d.weekday() != WEEKDAYS[g["wd"]]):
                continue  # that year's 18 November was not a Sunday: no evidence for this year
            rel = g.get("rel") or ""
            before = folded[max(0, x.start - 12):x.start]
            if re.search(r"امس\s*$", before):
                cons.append(_Constraint(d + timedelta(1), d + timedelta(1), f"'{x.text.strip()}' was yesterday"))
            elif re.search(r"اليوم\s*$", before):
                cons.append(_Constraint(d, d, f"'{x.text.strip()}' is today"))
            elif rel.startswith(("الجاري", "الحالي")):
                cons.append(_Constraint(d, _month_window(y, month)[1], f"'{x.text.strip()}' is this month"))
            elif rel:
                nxt = _month_window(y, month)[1] + timedelta(1)
                cons.append(_Constraint(nxt, d + timedelta(365), f"'{x.text.strip()}' is a past month"))
            elif g.get("wd"):
                cons.append(_Constraint(d, d + timedelta(7), f"'{x.text.strip()}' is recent"))
        elif x.kind == "month_rel":
            month = MONTHS[_month_key(g["month"])]
            first, last = _month_window(year, month)
            if g["rel"].startswith(("الجاري", "الحالي")):
                cons.append(_Constraint(first, last, f"'{x.text.strip()}' is this month"))
            else:
                cons.append(_Constraint(last + timedelta(1), last + timedelta(365), f"'{x.text.strip()}' is past"))
        elif x.kind == "numeric":
            d = _safe_date(int(g["year"]), int(g["month"]), int(g["day"]))
            before = folded[max(0, x.start - 24):x.start]
            if d and re.search(r"امس(?:\s+" + _WEEKDAY + r")?\s*$", before):
                cons.append(_Constraint(d + timedelta(1), d + timedelta(1), f"'{x.text.strip()}' was yesterday"))
            elif d:
                cons.append(_Constraint(d, d + timedelta(365), f"'{x.text.strip()}' is mentioned"))
        elif x.kind == "year" and x.groups.get("year"):
            y = int(x.groups["year"])
            cons.append(_Constraint(date(y, 1, 1), date(y + 30, 12, 31), f"year {y} is mentioned"))
    return cons


def _largest_consistent(cons: list[_Constraint]) -> list[_Constraint]:
    """The largest subset of constraints whose windows intersect (stale phrases lose).

    When several subsets of that size disagree, only the constraints they all
    share are kept: the text contradicts itself and the window says so by
    staying wide.
    """
    cons = cons[:12]
    for k in range(len(cons), 0, -1):
        fits = [subset for subset in combinations(cons, k)
                if max(c.earliest for c in subset) <= min(c.latest for c in subset)]
        if len(fits) == 1:
            return list(fits[0])
        if fits:
            common = [c for c in fits[0] if all(c in f for f in fits[1:])]
            if common:
                return common
    return []
