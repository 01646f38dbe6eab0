"""When was an article published? Every piece of evidence an analyst would use, weighed.

Evidence, strongest first (its weight in brackets):

- ``url`` [4]: a date in the address (``/2018/11/24/``, ``2018-11-24``,
  ``20181124``, ``?date=2018-11-24``, percent-encoded or not); a page can be
  republished a day after it was written, so the address allows that day too.
  ``/2019/01/`` gives the month [3].
- ``dateline`` [4]: a full date on a short line at the top or bottom of the
  page, or after «تم النشر بتاريخ»: «الأحد - 16 صفر 1439 هـ - 05 نوفمبر 2017
  مـ», «2018-12-14». Hijri dates are converted (a window of a few days).
  Relative furniture («منذ 3 سنوات») tells when the page was saved, not
  written: it is ignored.
- ``today``/``yesterday`` [3]: a date the text calls today or yesterday
  («اليوم الأحد (21 أغسطس/ آب 2016)», «مساء أمس الثلاثاء 15/1/2019»).
- ``weekday`` [2]: «اليوم الخميس» makes the day a Thursday, «أمس (الأحد)» a
  Monday; weekday names must fit every date chosen. The day a text calls
  today is the day it was written: it may go online (or be republished) the
  day after, as the address allows (rule ``P1 written today``).
- ``this month`` / ``past month`` [1]: «13 تشرين الأول الجاري», «شهر أكتوبر
  الجاري», «منذ الـ10 من أيلول الماضي».
- ``mentioned`` [0.5]: any other full date or year («في 24 يناير 2019»,
  «عام 2014») bounds the publication loosely from below.
- ``hint`` [5]: a window the user gives (``--year``, ``--period``, the app's
  default window); with no other evidence the window is the hint itself.
- Anything else a caller knows (:mod:`extract.anchors`: terms and events of
  the war) comes in as ``extra`` evidence.

The window is where the weight of the evidence that agrees is greatest. When
several readings weigh the same and disagree, only the evidence they share is
kept: the window widens rather than pick one. ``basis`` names what was used.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import unquote, urlsplit

from extract.claim import DateWindow
from extract.dates import (
    WEEKDAYS,
    Expression,
    absolute_window,
    day_of,
    find_expressions,
    month_of,
    month_window,
    safe_date,
)

__all__ = ["Evidence", "combine", "infer_published", "text_evidence", "url_evidence"]

W_URL, W_DATELINE, W_TODAY, W_WEEKDAY, W_MONTH, W_MENTION, W_HINT = 4.0, 4.0, 3.0, 2.0, 1.0, 0.5, 5.0
_LO, _HI = date(1, 1, 1), date(9999, 12, 30)  # stand-ins for open bounds
_EDGE_TOP, _EDGE_BOTTOM, _FURNITURE_WORDS = 8, 3, 4
_WEEKDAY_RX = "(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + ")"
_TODAY_BEFORE = re.compile(r"(?:(?:فجر|صباح|مساء|ظهر|عصر|ليل)\s+)?اليوم(?:\s+(?P<wd>" + _WEEKDAY_RX + r"))?[\s(\-–،,]*$")
_YESTERDAY_BEFORE = re.compile(r"(?:امس|البارحه)(?:\s+(?P<wd>" + _WEEKDAY_RX + r"))?[\s(\-–،,]*$")
_PUBLISHED_MARK = re.compile(r"(?:النشر|نشر\s+(?:في|بتاريخ)|بتاريخ|تاريخ|الموافق|تحديث)")
_RELATED = re.compile(r"(?:ذات\s+صله|اقرا\s+ايضا|اقرا\s+المزيد|المزيد\s+من|تعليقات)")


@dataclass(frozen=True)
class Evidence:
    """What one clue says about the publication date.

    Parameters
    ----------
    windows : tuple of (date or None, date or None)
        The publication falls in one of these windows (None: open bound).
    why : str
        The clue, as a reader would check it («url: /2018/10/29/»).
    weight : float
        How much the clue counts against others that disagree with it.
    weekday : int, optional
        The publication falls on this weekday (Monday is 0)...
    late : int
        ... or up to this many days after it (a page written on Thursday, put
        online on Friday).
    kind : str
        Where it comes from (``url``, ``dateline``, ``mention``, ``term``,
        ``anchor``...); a ``mention`` open above suggests the year it names.
    """

    windows: tuple[tuple[date | None, date | None], ...]
    why: str
    weight: float = 1.0
    weekday: int | None = None
    kind: str = ""
    late: int = 0

    @property
    def weekdays(self) -> frozenset[int] | None:
        """The weekdays the publication may fall on (None: any)."""
        if self.weekday is None:
            return None
        return frozenset((self.weekday + k) % 7 for k in range(self.late + 1))


def _one(lo: date | None, hi: date | None, why: str, weight: float, kind: str = "") -> Evidence:
    return Evidence(((lo, hi),), why, weight, kind=kind)


# ------------------------------------------------------------------ the URL
_URL_DAY = [
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?!\d)"),
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[-_.](?P<m>\d{1,2})[-_.](?P<d>\d{1,2})(?!\d)"),
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)"),
]
_URL_MONTH = re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>\d{1,2})(?:/|$)")


def url_evidence(url: str | None) -> list[Evidence]:
    """Dates in an article's address: its path and query, decoded.

    Examples
    --------
    >>> [e.why for e in url_evidence("https://example.org/2018/11/24/story/")]
    ['url: 2018-11-24 (or republished the next day)', 'url: 2018-11-24']
    """
    if not url:
        return []
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return []
    where = unquote(parts.path + ("?" + parts.query if parts.query else ""))
    for rx in _URL_DAY:
        for m in rx.finditer(where):
            d = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
            if d is not None and date(1995, 1, 1) <= d <= date.today() + timedelta(1):
                # The day in the address, or a republication a day later.
                return [_one(d - timedelta(1), d, f"url: {d} (or republished the next day)", W_URL),
                        _one(d, d, f"url: {d}", W_MENTION)]
    m = _URL_MONTH.search(where)
    if m and 1 <= int(m["m"]) <= 12:
        first, last = month_window(int(m["y"]), int(m["m"]))
        return [_one(first, last, f"url: {first:%Y-%m}", W_URL - 1)]
    return []


# ------------------------------------------------------------------ the text
def _line_spans(folded: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in folded.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _furniture(folded: str) -> list[tuple[int, int]]:
    """Spans of the short lines at the top and bottom of the page (before any related-articles list)."""
    spans = _line_spans(folded)
    bottom = []
    for a, b in spans[_EDGE_TOP:]:
        if _RELATED.search(folded, a, b) and b - a < 40:
            break
        bottom.append((a, b))
    return spans[:_EDGE_TOP] + bottom[-_EDGE_BOTTOM:]


def _is_dateline(folded: str, line: tuple[int, int], x: Expression, *, words: int = _FURNITURE_WORDS) -> bool:
    """A date on a line of page furniture: few other words, or «تم النشر بتاريخ» before it."""
    a, b = line
    rest = folded[a:x.start] + " " + folded[x.end:b]
    others = [w for w in re.findall(r"[^\W\d_]+", rest) if w not in WEEKDAYS and len(w) > 1]
    return len(others) <= words or bool(_PUBLISHED_MARK.search(folded, max(a, x.start - 30), x.start))


def _year_candidates(evidence: Sequence[Evidence]) -> list[int]:
    """Years a year-less clue («18 نوفمبر الجاري») can belong to: those the other evidence allows."""
    years: set[int] = set()
    for ev in evidence:
        for lo, hi in ev.windows:
            if lo is not None and hi is not None and (hi - lo).days <= 12 * 366:
                years.update(range(lo.year, hi.year + 1))
            elif lo is not None and hi is None and ev.kind == "mention":  # usually of the last year or so
                y = (lo + timedelta(31)).year
                years.update((y, y + 1))
    return sorted(years)


def text_evidence(folded: str, *, known: Sequence[Evidence] = ()) -> list[Evidence]:
    """What the text itself says about its publication date.

    Parameters
    ----------
    folded : str
        The article text, folded.
    known : sequence of Evidence
        Evidence from elsewhere (the URL, hints): it tells which years a
        clue without a year can belong to.
    """
    exprs = find_expressions(folded)
    edges = _furniture(folded)
    out: list[Evidence] = []
    periodic: list[Expression] = []
    for x in exprs:
        before = folded[max(0, x.start - 30):x.start]
        line = next((ln for ln in edges if ln[0] <= x.start < ln[1]), None)
        win = absolute_window(x)
        if x.kind == "weekday":
            out.extend(_weekday_clue(x, before, line is not None and _is_dateline(folded, line, x, words=4)))
            continue
        if win is None:
            if x.kind in ("date", "month_rel"):
                periodic.append(x)
            continue
        lo, hi = win
        text = x.text.strip()
        if x.kind in ("year", "month_year"):
            out.append(_one(lo - timedelta(31), None, f"mentioned: {text}", W_MENTION, "mention"))
        elif (m := _TODAY_BEFORE.search(before)) and _weekday_fits(m["wd"], lo, hi):
            out.append(_one(lo, hi, f"today: {(m.group() + text).strip()}", W_TODAY))
        elif (m := _YESTERDAY_BEFORE.search(before)) and _weekday_fits(m["wd"], lo, hi):
            out.append(_one(lo + timedelta(1), hi + timedelta(1), f"yesterday: {(m.group() + text).strip()}",
                            W_TODAY))
        elif line is not None and _is_dateline(folded, line, x):
            out.append(_one(lo, hi, f"dateline: {text}", W_DATELINE))
        elif x.kind == "date" and (x.groups.get("rel") or "").startswith(("الجاري", "الحالي")):
            out.append(_one(lo, month_window(lo.year, lo.month)[1], f"this month: {text}", W_MONTH))
        else:
            out.append(_one(lo - timedelta(30), None, f"mentioned: {text}", W_MENTION, "mention"))
    years = _year_candidates([*known, *out])
    for x in periodic:
        ev = _periodic_clue(folded, x, years)
        if ev is not None:
            out.append(ev)
    return out


def _weekday_fits(name: str | None, lo: date, hi: date) -> bool:
    return name is None or lo != hi or lo.weekday() == WEEKDAYS[name]


def _weekday_clue(x: Expression, before: str, furniture: bool) -> list[Evidence]:
    """اليوم الخميس: a Thursday; أمس (الأحد): a Monday; a weekday in a dateline: that day."""
    wd = WEEKDAYS[x.groups["wd"]]
    text = x.text.strip()
    if x.groups.get("rel"):
        return []
    if re.search(r"(?:^|\s)(?:(?:فجر|صباح|مساء|ظهر|عصر|ليل)\s+)?اليوم[\s(،,]*$", before):
        # P1: written that day, online that day or the next.
        return [Evidence(((None, None),), f"today is {text} (P1: online that day or the next)", W_WEEKDAY, wd,
                         late=1)]
    if re.search(r"(?:^|\s)(?:(?:فجر|صباح|مساء|ليل|ليله)\s+)?(?:امس|البارحه)[\s(،,]*$", before):
        return [Evidence(((None, None),), f"yesterday was {text}", W_WEEKDAY, (wd + 1) % 7)]
    if furniture:
        return [Evidence(((None, None),), f"dateline: {text}", W_WEEKDAY, wd)]
    return []


def _periodic_clue(folded: str, x: Expression, years: Sequence[int]) -> Evidence | None:
    """A date or month without its year, placed in each year the other evidence allows."""
    g = x.groups
    rel = g.get("rel") or ""
    current, past = rel.startswith(("الجاري", "الحالي")), bool(rel) and not rel.startswith(("الجاري", "الحالي"))
    before = folded[max(0, x.start - 30):x.start]
    text = x.text.strip()
    month = month_of(g["month"])
    windows: list[tuple[date, date]] = []
    why = f"mentioned: {text}"
    weight = W_MENTION
    wd = WEEKDAYS[g["wd"]] if g.get("wd") else None
    for y in years:
        if x.kind == "month_rel":
            first, last = month_window(y, month)
            if current:
                windows.append((first, last))
                why, weight = f"this month: {text}", W_MONTH
            else:
                windows.append((last + timedelta(1), last + timedelta(365)))
                why, weight = f"past month: {text}", W_MONTH
            continue
        d = safe_date(y, month, day_of(g["day"]))
        if d is None or (wd is not None and d.weekday() != wd):
            continue  # that year's 18 November was not a Sunday
        if (m := _TODAY_BEFORE.search(before)) and _weekday_fits(m["wd"], d, d):
            windows.append((d, d))
            why, weight = f"today: {text}", W_TODAY
        elif (m := _YESTERDAY_BEFORE.search(before)) and _weekday_fits(m["wd"], d, d):
            windows.append((d + timedelta(1), d + timedelta(1)))
            why, weight = f"yesterday: {text}", W_TODAY
        elif current:
            windows.append((d, month_window(y, month)[1]))
            why, weight = f"this month: {text}", W_MONTH
        elif past:
            nxt = month_window(y, month)[1] + timedelta(1)
            windows.append((nxt, d + timedelta(365)))
            why, weight = f"past month: {text}", W_MONTH
        elif wd is not None:
            windows.append((d, d + timedelta(7)))
            why, weight = f"recent: {text}", W_MONTH
    if not windows:
        return None
    return Evidence(tuple(_merge(windows)), why, weight)


def _merge(windows: list[tuple[date, date]]) -> list[tuple[date, date]]:
    out: list[tuple[date, date]] = []
    for lo, hi in sorted(windows):
        if out and lo <= out[-1][1] + timedelta(1):
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


# --------------------------------------------------------------- weighing
def combine(evidence: Sequence[Evidence]) -> DateWindow:
    """The window where the most weight of evidence agrees.

    Returns
    -------
    DateWindow
        Open bounds stay None. With no evidence, or evidence that leaves both
        ends open, the window is unknown and ``basis`` says why.
    """
    none = DateWindow(None, None, "no dated evidence; give --year, --period or a manifest")
    if not evidence:
        return none
    # Elementary segments between every window bound.
    cuts = {_LO, _HI + timedelta(1)}
    for ev in evidence:
        for lo, hi in ev.windows:
            cuts.update((lo or _LO, (hi or _HI) + timedelta(1)))
    points = sorted(cuts)
    weekdays = sorted(set().union(*(ev.weekdays for ev in evidence if ev.weekday is not None)))
    best: list[tuple[date, date, frozenset[int]]] = []
    top = 0.0
    for a, b in itertools.pairwise(points):
        b -= timedelta(1)
        inside = [i for i, ev in enumerate(evidence) if _covers(ev, a, b)]
        present = {(a + timedelta(k)).weekday() for k in range(min(7, (b - a).days + 1))}
        for wd in [None, *(w for w in weekdays if w in present)]:
            ids = frozenset(i for i in inside if evidence[i].weekday is None or wd in evidence[i].weekdays)
            score = sum(evidence[i].weight for i in ids)
            if score > top + 1e-9:
                top, best = score, []
            if score > 0 and abs(score - top) <= 1e-9:
                best.append((a, b, ids))
    if not best:
        return none
    common = frozenset.intersection(*(ids for *_, ids in best))
    if not common:
        return DateWindow(None, None, "the evidence is contradictory: " +
                          "; ".join(sorted({evidence[i].why for *_, ids in best for i in ids})))
    lo, hi = _LO, _HI
    for i in common:
        spans = [(w_lo or _LO, w_hi or _HI) for w_lo, w_hi in evidence[i].windows
                 if any((w_lo or _LO) <= a and b <= (w_hi or _HI) for a, b, _ in best)]
        lo, hi = max(lo, min(s[0] for s in spans)), min(hi, max(s[1] for s in spans))
    sets = [evidence[i].weekdays for i in common if evidence[i].weekday is not None]
    days = frozenset.intersection(*sets) if sets else frozenset()
    if days and lo != _LO and hi != _HI:  # the first and last day that fit every weekday named
        lo += timedelta(min((d - lo.weekday()) % 7 for d in days))
        hi -= timedelta(min((hi.weekday() - d) % 7 for d in days))
    why = "; ".join(evidence[i].why for i in sorted(common, key=lambda i: -evidence[i].weight))
    readings = {(a, b) for a, b, _ in best}
    if len(readings) > 1 and any(not ids <= common for *_, ids in best):
        why += f" (the rest allows {len(readings)} readings: kept what they share)"
    if lo == _LO and hi == _HI:
        return DateWindow(None, None, why + " (no bound on the date)")
    return DateWindow(None if lo == _LO else lo, None if hi == _HI else hi, why)


def _covers(ev: Evidence, a: date, b: date) -> bool:
    return any((lo or _LO) <= a and b <= (hi or _HI) for lo, hi in ev.windows)


def infer_published(folded: str, *, year: int | None = None, period: tuple[date, date] | None = None,
                    url: str | None = None, extra: Iterable[Evidence] = ()) -> DateWindow:
    """Bound the publication date from the address, the page and the text.

    Parameters
    ----------
    folded : str
        The article text, folded.
    year : int, optional
        The year of publication, when known from outside the text.
    period : tuple of date, optional
        A window the publication is known to fall in (a default window).
    url : str, optional
        The article's address.
    extra : iterable of Evidence
        More evidence (terms and events of the war, :mod:`extract.anchors`).

    Returns
    -------
    DateWindow
        Unknown bounds are None; ``basis`` lists the evidence used.
    """
    if period is None and year is not None:
        period = (date(year, 1, 1), date(year, 12, 31))
    known = url_evidence(url) + list(extra)
    if period is not None:
        known.append(_one(period[0], period[1], f"hint: {period[0]}..{period[1]}", W_HINT))
    return combine(known + text_evidence(folded, known=known))
