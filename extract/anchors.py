"""What an analyst knows about the war, as evidence of when an article was written.

Two tables, each row with an id, its dates and a public source:

- ``data/era_terms.csv``: words that only appear from (or until) a date: «قسد»
  (the SDF, from October 2015), «عاصفة الجزيرة» (from 9 September 2017),
  «الرئيس الأمريكي دونالد ترامب» (from 20 January 2017), «طلال سلو» as SDF
  spokesman (until November 2017). :func:`term_evidence` turns the ones a text
  uses into bounds on its publication date. Some rows name a dated event
  (``event`` column: ``named``, the words are the event, «فك الحصار عن دير
  الزور»; ``launch``, an operation whose launch the text must state, «إطلاق
  عملية عاصفة الجزيرة»):

  ``A5 event``
      A dated event told with a relative date beside it («فك الحصار ...
      اليوم الثلاثاء», «أطلقت، مساء السبت، معركتها الأخيرة») puts publication
      that many days after the event (a weekday named must be the event's);
      a launch may be dated a day late. Told without one, the event only
      bounds from below, as any term.
- ``data/control_history.csv``: who held the main places, from when to when
  (ISIS held Hajin until 14 December 2018; the army retook Abu Kamal on 19
  November 2017). :func:`claim_evidence` reads the claims extracted from an
  article against it:

  ``A1 holds``
      «ISIS holds Hajin» was written while ISIS held Hajin (or within
      :data:`LAG_DAYS` of its fall: reports lag).
  ``A2 event``
      «the army took all of Abu Kamal yesterday» (a capture of all of a
      place, or of an oil field, a base or a camp, which are taken whole)
      matches a capture in the table: publication is that day plus
      what the claim's own date says (yesterday: one day; no date: up to a
      week; background: up to half a year; a weekday name must be the weekday
      of the capture). Every matching capture is a possible reading.
  ``A3 approach``
      An advance into a place, or a capture whose extent is partial or
      unsaid, comes with the full capture or in the weeks before it: up to
      :data:`APPROACH_DAYS` before it. Not where the actor held part of the
      place before (a row of its ending the day the capture starts): fighting
      inside a city held in part for years can be of any date.
  ``A4 territory``
      Rows for the place ``*`` say when an actor held territory anywhere in
      the region (ISIS from April 2013 until it lost al-Baghuz on 23 March
      2019). Any claim of that actor holding, taking, losing or defending a
      place, dated relative to the article (not «in 2014»), was written while
      it held territory: an upper bound for articles no other row dates.

  ``A6 denied``
      «there is no truth to the full liberation of al-Baghuz» (a party
      denying that a place was taken whole) was written before the table's
      last capture of that place by that actor (or within :data:`LAG_DAYS`
      of it).

Nothing here guesses a date for a claim directly: the evidence only bounds the
publication window (:func:`extract.published.infer_published`), against which
the claims are then dated as usual.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from extract.claim import CONTROL, Claim
from extract.dates import WEEKDAYS, find_expressions
from extract.published import Evidence
from gazetteer import Gazetteer, fold, load

__all__ = ["ANYWHERE", "APPROACH_DAYS", "LAG_DAYS", "ControlPeriod", "Term", "claim_evidence", "control_history",
           "era_terms", "term_evidence"]

DATA = Path(__file__).resolve().parent / "data"
# A3 is the loosest reading (a capture somewhere in the two months before the full one): the text's own
# clues (a date this month, a weekday with its day) outweigh it.
W_TERM, W_EVENT, W_HOLDS, W_APPROACH = 1.0, 2.0, 1.0, 0.75
LAG_DAYS = 3  # a report of who holds a place can lag its fall by a few days
APPROACH_DAYS = 60  # fighting inside a place precedes its capture by up to two months
_FULL = (None, "full", "most")
_WORD = re.compile(r"\w")
_WHOLE_KINDS = frozenset({"base", "oil field", "site", "camp", "crossing", "hill"})
ANYWHERE = "*"  # the place of A4 rows: territory anywhere in the region


@dataclass(frozen=True)
class Term:
    """A word or phrase of a period (one row of ``era_terms.csv``)."""

    id: str
    pattern: re.Pattern
    earliest: date | None
    latest: date | None
    note: str
    event: str = ""  # "named" or "launch": the term names an event of the day ``earliest``

    def finditer(self, text: str) -> Iterator[re.Match]:
        """Whole-word matches in ``text``, in order.

        The pattern has no look-behind: one at its start would keep the regex engine from
        skipping ahead to where it can match, six times slower on a long article.
        """
        pos = 0
        while (m := self.pattern.search(text, pos)) is not None:
            if m.start() == 0 or not _WORD.match(text, m.start() - 1):
                yield m
                pos = max(m.end(), m.start() + 1)
            else:
                pos = m.start() + 1


@dataclass(frozen=True)
class ControlPeriod:
    """Who held a place, from when to when (one row of ``control_history.csv``)."""

    id: str
    place: str
    actor: str
    start: date
    end: date | None
    start_is_event: bool  # the start is a dated capture, not just "since some time in 2014"
    note: str


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text.strip() else None


@lru_cache(maxsize=1)
def era_terms() -> tuple[Term, ...]:
    """The rows of ``data/era_terms.csv``, patterns folded and compiled."""
    with open(DATA / "era_terms.csv", encoding="utf-8", newline="") as f:
        return tuple(Term(r["id"], re.compile(r"(?:" + fold(r["pattern"]) + r")(?!\w)"), _day(r["earliest"]),
                          _day(r["latest"]), r["note"], r["event"].strip()) for r in csv.DictReader(f))


@lru_cache(maxsize=1)
def control_history() -> dict[str, tuple[ControlPeriod, ...]]:
    """The rows of ``data/control_history.csv`` by place id, in date order."""
    out: dict[str, list[ControlPeriod]] = {}
    with open(DATA / "control_history.csv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            out.setdefault(r["place"], []).append(ControlPeriod(
                r["id"], r["place"], r["actor"], date.fromisoformat(r["start"]), _day(r["end"]),
                r["start_is_event"].strip() == "yes", r["note"]))
    return {k: tuple(sorted(v, key=lambda p: p.start)) for k, v in out.items()}


def term_evidence(folded: str) -> list[Evidence]:
    """Bounds from the period words a (folded) text uses, one piece of evidence per term (A5 for events)."""
    out = []
    for t in era_terms():
        m = next(t.finditer(folded), None)
        if not m:
            continue
        event = next((ev for x in t.finditer(folded) if (ev := _event(folded, t, x)) is not None), None) \
            if t.event else None
        out.append(event or Evidence(((t.earliest, t.latest),), f"{t.id} term «{m.group()}»: {t.note}", W_TERM,
                                     kind="term"))
    return out


# «أطلقت قسد اليوم عملية ...»: a launch word, a few words (the subject, a date; no later «phase»), the name.
_LAUNCH = re.compile(r"(?<!\w)(?:و|ف)?(?:اطلاق|انطلاق|بدء|بدايه|اطلقت|اطلق|بدات|بدا|انطلقت)"
                     r"(?:\s+(?!(?:ال)?مرحله|(?:ال)?مراحل)[^\s]+){0,4}?"
                     r"(?:\s+(?:عمليه|معركه|حمله|عمليتها|معركتها|حملتها))?[\s«\"“”(]*$")
_SENTENCE_END = re.compile(r"[.!؟?\n]")
_EVENT_REACH = 60  # how far from the event's words its relative date may stand


def _event(folded: str, t: Term, m: re.Match) -> Evidence | None:
    """A5: publication from an event told with a relative date beside it, or None."""
    if t.earliest is None or (t.event == "launch" and not _LAUNCH.search(folded, max(0, m.start() - 70), m.start())):
        return None
    a = max((x.end() for x in _SENTENCE_END.finditer(folded, max(0, m.start() - 400), m.start())),
            default=max(0, m.start() - 400))
    b = e.start() if (e := _SENTENCE_END.search(folded, m.end())) else len(folded)
    near = [x for x in find_expressions(folded, a, b)
            if x.kind in _LAGS and max(x.start - m.end(), m.start() - x.end) <= _EVENT_REACH]
    # «اليوم الثلاثاء»: «اليوم» says how long ago, the weekday right after it which day it was.
    plain = [x for x in near if x.kind != "weekday"]
    x = min(plain or near, key=lambda x: abs(x.start - m.start()), default=None)
    if x is None:
        return None
    lo, hi = _LAGS[x.kind]
    if x.kind == "weekday" and x.groups.get("rel"):
        lo, hi = lo + 1, hi + 7
    named = [w for w in near if w.kind == "weekday" and (w is x or 0 <= w.start - x.end <= 3)]
    late = 1 if t.event == "launch" else 0  # a launch may be announced (and dated) the day after
    days = [t.earliest + timedelta(k) for k in range(late + 1)]
    if named:
        wd = WEEKDAYS[named[0].groups["wd"]]
        days = [d for d in days if d.weekday() == wd]
        if not days:
            return None  # another event of that name, or a misreading: the term's bound only
    return Evidence(((days[0] + timedelta(lo), days[-1] + timedelta(hi)),),
                    f"A5 event: {t.id} «{m.group()}» {x.text.strip()}: {t.note}", W_EVENT, kind="event")


# How long after the event a claim's own wording puts publication: (min days, max days), by rule and expression.
_LAGS = {"today": (0, 0), "yesterday": (1, 1), "before_yesterday": (2, 2), "hours": (0, 1), "weekday": (0, 6),
         "recent_days": (0, 7), "last_week": (1, 13), "this_week": (0, 6), "duration": (1, 10),
         # Month-level wording (الشهر الجاري، في وقت سابق من شهر أكتوبر الجاري) puts it up to a month later.
         "this_month": (0, 31), "day_this_month": (0, 31), "month_rel": (0, 61), "last_month": (1, 62)}
_RULE_LAGS = {"S2": (0, 186), "S3": (0, 13), "S7": (0, 6), "S8": (0, 186)}
_AS_OF = ("S5", "S6", "S1 held since")  # ongoing or held at publication


def _lag(basis: str) -> tuple[int, int, int | None] | None:
    """(min, max) days from the event to publication, and the event's weekday if named, from a date basis."""
    rule = basis[:2]
    if rule in _RULE_LAGS:
        return (*_RULE_LAGS[rule], None)
    if rule in ("S1", "S4", "S9"):
        m = re.match(r"S[149] [^:]*: (\w+): (.*?)(?: \(publication date unknown\))?$", basis)
        if not m or m[1] not in _LAGS:
            return None
        wd = next((WEEKDAYS[w] for w in m[2].split() if w in WEEKDAYS), None) if m[1] == "weekday" else None
        lo, hi = _LAGS[m[1]]
        return lo, hi + (1 if ", announced" in basis else 0), wd  # announced: taken up to a day before
    return None


def claim_evidence(claims: Iterable[Claim], *, gazetteer: Gazetteer | None = None) -> list[Evidence]:
    """Bounds on an article's publication from its claims read against the control history.

    Only claims that are not denied count, and none the article also reports
    denied (a victory claimed early and denied is no event to date by); a
    denied full capture bounds from above (A6); each
    (place, actor, change, extent) counts once, however often the article
    repeats it. A place the table does not list is read as a part of the
    nearest place that it does (Baghuz Fawqani in Baghuz): holding or taking a
    part, never all of the whole.
    """
    history = control_history()
    gz = gazetteer or load()
    claims = [c for c in claims if c.kind == CONTROL]
    # A denial about a place or a part of it (the camp of al-Baghuz) contests the claim on the whole too.
    contested = {(p, c.actor, c.change) for c in claims if c.modality == "denied"
                 for p in (c.place, *(gz.ancestors(c.place) if c.place in gz else ()))}
    out: dict[tuple, Evidence] = {}
    for c in claims:
        if c.modality == "denied":
            if (ev := _denied(c, history, gz)) is not None and ev.why not in {e.why for e in out.values()}:
                out[("denied", c.place, c.actor)] = ev
            continue
        if (c.place, c.actor, c.change) in contested:
            continue
        territory = [p for p in history.get(ANYWHERE, ()) if p.actor == c.actor]
        if territory and (c.actor,) not in out and (ev := _territory(c, territory)) is not None:
            out[(c.actor,)] = ev
        place, extent = c.place, c.extent
        if extent is None and place in history and place in gz and gz[place].kind in _WHOLE_KINDS:
            extent = "full"  # an oil field or a base is taken whole: «took the Conoco field» is its capture
        if place not in history:
            place = next((p for p in (gz.ancestors(c.place) if c.place in gz else ()) if p in history), None)
            extent = "part"
        if place is None:
            continue
        periods = [p for p in history[place] if p.actor == c.actor]
        key = (place, c.actor, c.change, extent)
        if not periods or key in out:
            continue
        ev = _evidence_for(c, periods, extent)
        if ev is not None:
            out[key] = ev
    return list(out.values())


def _denied(c: Claim, history: dict[str, list[ControlPeriod]], gz: Gazetteer) -> Evidence | None:
    """A6: a capture of all of a place, denied, was denied before the place fell to that actor."""
    if c.change != "captured" or c.extent not in _FULL:
        return None
    # The camp of al-Baghuz stands for al-Baghuz when the table has only the town.
    place = next((p for p in (c.place, *(gz.ancestors(c.place) if c.place in gz else ())) if p in history), None)
    events = [p for p in history.get(place, ()) if p.actor == c.actor and p.start_is_event]
    if not events:
        return None
    last = max(events, key=lambda p: p.start)
    return Evidence(((None, last.start + timedelta(LAG_DAYS)),),
                    f"A6 denied: {c.actor} captured {place} denied before {last.id} {last.start}", W_HOLDS,
                    kind="anchor")


def _territory(c: Claim, periods: list[ControlPeriod]) -> Evidence | None:
    """A4: the actor held territory when the article was written (the claim's own date is relative)."""
    lag = (0, 1, None) if c.date.basis.startswith(_AS_OF) else _lag(c.date.basis)
    if lag is None:
        return None
    windows = tuple((p.start, p.end + timedelta(lag[1] + LAG_DAYS) if p.end else None) for p in periods)
    return Evidence(windows, f"A4 territory: {c.actor} {c.change} {c.place} ({', '.join(p.id for p in periods)})",
                    W_HOLDS, kind="anchor")


def _evidence_for(c: Claim, periods: list[ControlPeriod], extent: str | None) -> Evidence | None:
    who = f"{c.actor} {c.change} {c.place}" + (f" ({extent})" if extent else "")
    if c.change == "holds":
        spans = _merged(periods)  # part of a city, then all of it: one stretch of holding
        if extent in _FULL:
            windows = tuple((a, b + timedelta(LAG_DAYS) if b else None) for a, b in spans)
        else:
            # A part can be held before the whole, and for a few weeks after losing it (the last streets).
            windows = tuple((None, b + timedelta(APPROACH_DAYS // 2)) for _, b in spans if b)
            if any(b is None for _, b in spans):
                return None  # still held: no bound
        if not windows:
            return None
        return Evidence(windows, f"A1 holds: {who} ({', '.join(p.id for p in periods)})", W_HOLDS, kind="anchor")
    events = [p for p in periods if p.start_is_event]
    if not events:
        return None
    if c.change == "captured":
        lag = _lag(c.date.basis)
        lo, hi, wd = lag if lag is not None else (0, 7, None)  # still under way (S5): before the capture
        if extent == "full" and lag is not None:  # the capture itself: its day, and the claim's weekday must fit it
            fits = [p for p in events if wd is None or p.start.weekday() == wd]
            if not fits:
                return None
            windows = tuple((p.start + timedelta(lo), p.start + timedelta(hi)) for p in fits)
            return Evidence(windows, f"A2 event: {who} ({', '.join(p.id + ' ' + str(p.start) for p in fits)})",
                            W_EVENT, kind="anchor")
        # Extent unsaid or partial: this capture or one in the weeks before it.
        events = _approached(events, periods)
        if not events:
            return None
        windows = tuple((p.start - timedelta(APPROACH_DAYS), p.start + timedelta(hi)) for p in events)
        return Evidence(windows, f"A3 approach: {who} before {', '.join(p.id for p in events)}", W_APPROACH,
                        kind="anchor")
    if c.change == "advanced":
        events = _approached(events, periods)
        if not events:
            return None
        windows = tuple((p.start - timedelta(APPROACH_DAYS), p.start + timedelta(7)) for p in events)
        return Evidence(windows, f"A3 approach: {who} before {', '.join(p.id for p in events)}", W_APPROACH,
                        kind="anchor")
    return None


def _merged(periods: list[ControlPeriod]) -> list[tuple[date, date | None]]:
    """One actor's periods (in date order) with those that follow on from each other joined."""
    spans: list[tuple[date, date | None]] = []
    for p in periods:
        if spans and spans[-1][1] == p.start:
            spans[-1] = (spans[-1][0], p.end)
        else:
            spans.append((p.start, p.end))
    return spans


def _approached(events: list[ControlPeriod], periods: list[ControlPeriod]) -> list[ControlPeriod]:
    """The captures an actor approached from outside: not those of a place it already held part of
    (the army in Deir ez-Zor through the siege), where fighting inside says nothing of the date."""
    ends = {p.end for p in periods if p.end}
    return [p for p in events if p.start not in ends]
