"""Control over time: who held each place, on which dates, according to whom.

The rules (what an analyst needs to trust the map)
--------------------------------------------------
Claims in
    Only control claims (``kind == "control"``) set control; strikes and
    clashes are shown, never coloured. A claim is placed in time at the *end*
    of its date window (``date.latest``): a capture reported as "last week" is
    on the map from the day the report makes it certain. This holds at every
    precision (``Claim.precision``: day, week, month, year): a claim known only
    to a month is placed at the month's end, and says so wherever it is shown.
    Undated claims (no window at all) are kept in :attr:`Timeline.undated`,
    counted with their reasons (:meth:`Timeline.undated_reasons`), and listed,
    never placed. ``denied`` claims never set control.

Views
    ``consensus`` uses every claim. ``outlet:NAME`` uses the claims published by
    one outlet; ``source:NAME`` those attributed to one source, where a claim in
    the outlet's own voice counts for the outlet's name. *Asserted only* drops
    ``claimed`` claims, like ISW's assessed (rather than claimed) control.
    ``wikipedia`` applies Wikipedia's rule for its maps of the war: a partisan
    source counts only against its own side (the SDF saying it withdrew counts,
    the SDF saying it captured a village does not). *Reviewed only* keeps the
    claims an analyst confirmed, edited or added (:mod:`review`).

Review
    ``Timeline(claims, review=store)`` lays an analysts' review over the claims
    first (:func:`review.apply_review`): rejected claims leave the map (kept in
    :attr:`Timeline.rejected`), edited ones count with their new values, added
    ones like extracted ones; each claim's ``review_state`` says which.

Claimed or assessed
    Control that rests only on a party's own claims (``source_kind == "party"``
    where the claim carries it, else a ``claimed`` modality or a party speaking
    about itself) has ``basis == "claimed"``; once an independent claim
    supports it, ``"assessed"``. Maps hatch claimed control, as ISW does.

What a claim says about a place
    - ``captured``/``holds``/``repelled`` with extent full, most or unknown: the
      actor holds the place.
    - ``captured``/``holds`` with extent half or part: the actor holds part of
      it and someone else the rest: contested.
    - ``advanced``, or any claim about the outskirts: fighting for the place:
      contested between the actor and whoever held it.
    - ``withdrew``: the actor no longer holds it; if it was the holder and
      nobody else is named, the place becomes unknown.
    - A claim about a place inside another (Baghuz Tahtani in Baghuz, Hajin's
      hospital in Hajin) also counts for the containing place: holding the
      part supports holding the whole; fighting for the part is fighting for
      the whole. Sites (a hospital) are not drawn on their own.

Disagreement
    The state on a day is read from the claims of the last ``conflict_days``
    (default 3). When they name different sides, the place is ``contested``
    and every side is listed. Within that window an asserted claim outranks a
    ``claimed`` one: a side's claim that a reporter contradicts (the army
    "repelled" what opposition sites "claimed" was taken) does not contest.

Last known control
    A place keeps its last state until evidence changes it: no claim for weeks
    does not make it unknown, it makes the evidence old. Each state carries the
    date of its last evidence, and maps fade a state whose evidence is older
    than ``fade_days`` (default 30). A place is ``unknown`` only before its
    first claim, or after its holder withdrew with no new holder named.

Intervals are half-open ``[valid_from, valid_to)``; consecutive days with the
same holder, status, extent and basis merge into one interval that keeps every
claim behind it. The last interval of a place ends at :attr:`Timeline.until`,
the day after the last evidence of the whole corpus (what came later is not in
the sources); queries after it return the last known state.

The date range shown
    :func:`robust_range` is the span the evidence covers, without isolated
    outliers: dates are cut into runs wherever :data:`RANGE_GAP_DAYS` pass
    with no evidence, and runs holding less than :data:`RANGE_MIN_SHARE` of it
    are left out (and counted), so one claim a year from the rest does not
    stretch the slider.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from operator import attrgetter, itemgetter
from typing import NamedTuple

import pandas as pd

from extract.bulk import no_gc
from extract.claim import CONTROL, Claim
from extract.sources import lookup
from gazetteer import Gazetteer, load
from guard.errors import BadInput
from review.overlay import REVIEWED, Reviewed, apply_review
from review.store import ReviewStore

__all__ = [
    "ASSESSED",
    "CLAIMED",
    "CONSENSUS",
    "CONTESTED",
    "HELD",
    "SNAPSHOT_COLUMNS",
    "UNKNOWN",
    "WIKIPEDIA",
    "DateRange",
    "Interval",
    "Timeline",
    "View",
    "is_party_claim",
    "parse_view",
    "robust_range",
    "side_of",
    "source_of",
    "undated_reason",
]

CONSENSUS, WIKIPEDIA = "consensus", "wikipedia"
ASSESSED, CLAIMED = "assessed", "claimed"
HELD, CONTESTED, UNKNOWN = "held", "contested", "unknown"
_FULL = (None, "full", "most")
_EXTENT_ORDER = {"full": 5, "most": 4, "half": 3, "part": 2, "outskirts": 1, None: 0}

# Columns of a snapshot table, in order.
PLACE, NAME_EN, NAME_AR, HOLDER, STATUS, EXTENT = "place", "name_en", "name_ar", "holder", "status", "extent"
CONTENDERS, SINCE, LAST_EVIDENCE, SOURCES, QUOTES, CLAIM_IDS = (
    "contenders", "since", "last_evidence", "sources", "quotes", "claim_ids")
BASIS, AGE_DAYS, FADED = "basis", "age_days", "faded"
REVIEW_STATES, REVIEWED_BY = "review_states", "reviewed_by"  # per claim of claim_ids; who reviewed any of them
SNAPSHOT_COLUMNS = (PLACE, NAME_EN, NAME_AR, HOLDER, STATUS, EXTENT, BASIS, CONTENDERS, SINCE, LAST_EVIDENCE,
                    AGE_DAYS, FADED, SOURCES, QUOTES, CLAIM_IDS, REVIEW_STATES, REVIEWED_BY, "lat", "lon")

# Sources that speak for one side (Wikipedia's "partisan sources"), by the name a claim gives them.
_GAINS = ("captured", "holds", "repelled", "advanced")


@dataclass(frozen=True)
class View:
    """Which claims a timeline is built from.

    Parameters
    ----------
    kind : str
        ``"consensus"``, ``"wikipedia"``, ``"outlet"`` or ``"source"``.
    name : str or None
        The outlet or source name for those kinds.
    asserted_only : bool
        Drop ``claimed`` claims.
    reviewed_only : bool
        Keep only claims an analyst confirmed, edited or added.
    """

    kind: str = CONSENSUS
    name: str | None = None
    asserted_only: bool = False
    reviewed_only: bool = False

    def __str__(self) -> str:
        base = self.kind if self.kind in (CONSENSUS, WIKIPEDIA) else f"{self.kind}:{self.name}"
        return base + (" (asserted only)" if self.asserted_only else "") + (
            " (reviewed only)" if self.reviewed_only else "")

    def admits(self, c: Claim) -> bool:
        """True when claim ``c`` belongs to this view."""
        if c.modality == "denied" or (self.asserted_only and c.modality != "asserted"):
            return False
        if self.reviewed_only and c.review_state not in REVIEWED:
            return False
        if self.kind == "outlet":
            return _same(c.outlet, self.name)
        if self.kind == "source":
            return _same(source_of(c), self.name)
        if self.kind == WIKIPEDIA:
            return _against_own_side(c)
        return True

    @property
    def _key(self) -> tuple[str, str]:
        """Where the timeline files an outlet's or a source's claims (names match as :func:`_same` matches)."""
        return self.kind, (self.name or "").strip().casefold()

    @property
    def _plain(self) -> bool:
        """True when the view admits every non-denied claim of its outlet or source (or every one, for consensus)."""
        return self.kind != WIKIPEDIA and not self.asserted_only and not self.reviewed_only


def side_of(c: Claim) -> str | None:
    """The side a claim's source speaks for, or None for a source that is not a party.

    ``source_kind`` decides whether the source is a party when the claim carries
    it; which side it speaks for comes from the source registry (:mod:`extract.sources`).
    """
    kind = getattr(c, "source_kind", None)
    if kind not in (None, "unknown", "party"):
        return None
    side = _party_side(source_of(c))
    if side is None and kind == "party":
        return "?"  # a party, but we cannot tell whose
    return side


@lru_cache(maxsize=4096)
def _party_side(source: str) -> str | None:
    known = lookup(source)  # the source registry says whose side a party source speaks for
    return known.side if known is not None and known.kind == "party" else None


def is_party_claim(c: Claim) -> bool:
    """True when a claim is a party's own word: hatched on maps, below what a reporter assesses."""
    kind = getattr(c, "source_kind", None)
    if kind not in (None, "unknown"):  # the source registry knows this source
        return kind == "party" or c.modality == "claimed"
    return c.modality == "claimed" or (c.actor is not None and side_of(c) == c.actor)


def _against_own_side(c: Claim) -> bool:
    side = side_of(c)
    if side is None:
        return True
    if side == "?":
        return False  # cannot tell what would be against its side: leave it out
    if c.actor == side:
        return c.change == "withdrew"
    return c.change in _GAINS  # another side holding or taking ground


def _same(a: str | None, b: str | None) -> bool:
    return (a or "").strip().casefold() == (b or "").strip().casefold()


def source_of(c: Claim) -> str:
    """Who a claim is from: its source, or the outlet when it speaks in its own voice."""
    if c.attributed_to == "outlet":
        return c.outlet or "outlet"
    return c.attributed_to


def parse_view(text: str | None, *, asserted_only: bool = False, reviewed_only: bool = False) -> View:
    """``"consensus"``, ``"wikipedia"``, ``"outlet:NAME"`` or ``"source:NAME"`` as a :class:`View`.

    Examples
    --------
    >>> str(parse_view("source:SOHR", asserted_only=True))
    'source:SOHR (asserted only)'

    Raises
    ------
    BadInput
        For any other form, saying which are accepted.
    """
    text = (text or CONSENSUS).strip()
    if text in (CONSENSUS, WIKIPEDIA):
        return View(text, None, asserted_only, reviewed_only)
    kind, _, name = text.partition(":")
    if kind in ("outlet", "source") and name.strip():
        return View(kind, name.strip(), asserted_only, reviewed_only)
    raise BadInput(f"view {text!r} is not one of: consensus, wikipedia, outlet:NAME, source:NAME")


@dataclass
class Interval:
    """One stretch of time with one state of control at one place."""

    place: str
    valid_from: date
    valid_to: date
    status: str
    holder: str | None
    extent: str | None
    contenders: tuple[str, ...]
    claims: list[Claim] = field(default_factory=list)  # every claim behind it, in date order
    basis: str = ASSESSED  # CLAIMED while only a party's own word supports it

    @property
    def state(self) -> tuple:
        return self.status, self.holder, self.extent, self.contenders, self.basis

    def evidence_until(self, day: date) -> list[Claim]:
        """The claims of this interval dated on or before ``day``."""
        # Claims are kept in date order: cut at the day.
        return self.claims[:bisect_right(self.claims, day, key=lambda c: c.date.latest)]

    def last_evidence(self, day: date) -> date:
        """The date of the newest claim behind this state on ``day``."""
        evidence = self.evidence_until(day)
        return evidence[-1].date.latest if evidence else self.valid_from


class _Evidence(NamedTuple):  # a tuple, one per claim and place it speaks for: far cheaper than a dataclass
    place: str
    t: date
    actor: str
    role: str  # hold, share, push, withdraw
    extent: str | None
    asserted: bool
    party: bool  # is_party_claim(claim), read once when indexing
    claim: Claim


def _role(change: str | None, extent: str | None, *, derived: bool) -> tuple[str | None, str | None]:
    """What a claim with this change and extent says about its place or (derived) a containing one.

    Returns the role (None: nothing) and the extent the evidence carries.
    """
    if change == "withdrew":
        role = "withdraw" if not derived else None
    elif change == "advanced" or extent == "outskirts":
        role = "push"
    elif change in ("captured", "holds", "repelled"):
        if extent in _FULL:
            role = "hold"
        else:
            role = "push" if derived else "share"
    else:
        role = None
    return role, ("part" if derived and role == "hold" else extent)


def _roles(change: str | None, extent: str | None) -> tuple[str | None, str | None, str | None, str | None]:
    """Role and extent about the claim's own place, then about a containing place."""
    if change is None:
        return None, None, None, None
    return (*_role(change, extent, derived=False), *_role(change, extent, derived=True))


# The fields of a claim that say what its evidence is (see _says); is_party_claim reads them too.
_SAYS = attrgetter("change", "extent", "actor", "modality", "source_kind")
_ROW_ID = itemgetter(0)
_T, _CLAIM = itemgetter(1), itemgetter(7)  # _Evidence.t and .claim, for map()
_WHO = attrgetter("attributed_to", "outlet")


def _says(fields: tuple, n: int) -> tuple | None:
    """What a claim with these :data:`_SAYS` fields says: (n, actor, its roles and extents, asserted).

    ``n`` numbers the combination, for keying the party table. None when the claim
    says nothing about control; denied claims never set control, in any view.
    """
    change, extent, actor, modality, _ = fields
    roles = _roles(change, extent)
    if roles[0] is None or actor is None or modality == "denied":
        return None
    return (n, actor, *roles, modality == "asserted")


class Timeline:
    """Control intervals per place for every view of a set of claims.

    Parameters
    ----------
    claims : iterable of Claim
        Claims as ``frontline extract`` writes them (events are kept for maps).
    gazetteer : Gazetteer, optional
    fade_days : int
        Evidence older than this many days is *old*: the state stays, maps fade it
        (``faded`` in snapshots). ``stale_days`` is its former name.
    conflict_days : int
        Claims this many days apart are read together to find disagreement.
    review : ReviewStore or Reviewed, optional
        Analysts' review to lay over the claims first (:func:`review.apply_review`);
        kept as :attr:`review`, rejected claims as :attr:`rejected`.

    Examples
    --------
    >>> from extract import read_claims                       # doctest: +SKIP
    >>> tl = Timeline(read_claims("claims.jsonl"))            # doctest: +SKIP
    >>> tl.snapshot(date(2018, 12, 11)).loc["baghuz", "status"]  # doctest: +SKIP
    'contested'
    """

    def __init__(self, claims: Iterable[Claim], *, gazetteer: Gazetteer | None = None, fade_days: int = 30,
                 conflict_days: int = 3, stale_days: int | None = None,
                 review: ReviewStore | Reviewed | None = None) -> None:
        fade_days = stale_days if stale_days is not None else fade_days
        if fade_days < 1 or conflict_days < 0:
            raise ValueError("fade_days must be at least 1 and conflict_days at least 0")
        self.review: Reviewed | None = None
        if review is not None:
            self.review = review if isinstance(review, Reviewed) else apply_review(claims, review)
            claims = self.review.claims
        self.rejected: list[Claim] = self.review.rejected if self.review else []
        self.gazetteer = gazetteer or load()
        self.fade_days = int(fade_days)
        self.conflict = timedelta(days=conflict_days)
        self.claims: list[Claim] = []
        self.events: list[Claim] = []
        self.undated: list[Claim] = []
        # Evidence per place, derived evidence for containing places included, in date order.
        self._by_place: dict[str, list[_Evidence]] = defaultdict(list)
        # The same evidence filed by view key, so a source's view reads only its own claims.
        self._by_key: dict[tuple[str, str], list[_Evidence]] = defaultdict(list)
        with no_gc():  # millions of acyclic objects: the collector's rescans would find nothing
            self._index(claims)
        # The day after the last evidence: the end of every place's last interval. The claims are
        # in date order, so the last evidence is the last claim's or an event's.
        last = [c.date.latest for c in self.events if c.date.latest] + [c.date.latest for c in self.claims[-1:]]
        self.until: date | None = max(last) + timedelta(days=1) if last else None
        self._cache: dict[View, dict[str, list[Interval]]] = {}
        self._starts_cache: dict[View, dict[str, list[date]]] = {}
        self._places_cache: dict[View, list[str]] = {}
        self._claims_by_key: dict[tuple[str, str], list[Claim]] | None = None

    def _index(self, claims: Iterable[Claim]) -> None:
        """Split the claims, put the dated control claims in (date, id) order as :attr:`claims`, and file
        their evidence per place and per view key in that order."""
        gz, by_place, by_key = self.gazetteer, self._by_place, self._by_key
        events, undated = self.events, self.undated
        # What a claim says is worked out once per distinct combination of the fields it depends on, not
        # once per claim, in three small tables (one table keyed on all of them would be ten times larger,
        # and slower to look up): what its change, extent, actor and modality say (None: nothing about
        # control); the view lists of its source and outlet, with the side the source speaks for; and
        # whether it is a party's own word (is_party_claim reads the source only for that side).
        said: dict[tuple, tuple | None] = {}
        sinks: dict[tuple[str, str | None], tuple[list, list, str | None]] = {}
        party: dict[tuple, bool] = {}
        mute: set[tuple[str, str | None]] = set()  # (source, outlet) of claims without evidence
        days: dict[date, list[tuple]] = {}
        # One pass in the order the claims come, which is mostly their order in memory: each claim is
        # read here once, and sorting and filing below touch only these small rows. Claims visited in
        # date order would be scattered over memory, and reading them so cost twice as much.
        for c in claims:
            if c.kind != CONTROL:
                events.append(c)
                continue
            t = c.date.latest
            if t is None:
                undated.append(c)
                continue
            fields = _SAYS(c)
            what = said.get(fields, ())
            if what == ():
                what = said[fields] = _says(fields, len(said))
            if what is None:
                row = (c.id, c, None, None, False, None)
                mute.add(_WHO(c))
            else:
                who = _WHO(c)
                sink = sinks.get(who)
                if sink is None:
                    sink = sinks[who] = (by_key["source", source_of(c).strip().casefold()],
                                         by_key["outlet", (c.outlet or "").strip().casefold()],
                                         _party_side(source_of(c)))
                asked = what[0], sink[2]
                is_party = party.get(asked)
                if is_party is None:
                    is_party = party[asked] = is_party_claim(c)
                row = (c.id, c, what, sink, is_party, c.place)
            bucket = days.get(t)
            if bucket is None:
                days[t] = [row]
            else:
                bucket.append(row)
        self._who = mute.union(sinks)  # every (source, outlet) of the claims, for sources and outlets
        places: dict[str, tuple[list, tuple[str, ...]] | None] = {}  # None: not in the gazetteer
        new = tuple.__new__  # an _Evidence without NamedTuple's Python-level __new__
        out = self.claims
        for t in sorted(days):  # a bucket sort: by date, then by id within the day (stable, as the claims came)
            rows = days.pop(t)
            rows.sort(key=_ROW_ID)
            for _, c, what, sink, is_party, place in rows:
                out.append(c)
                if what is None:
                    continue
                slot = places.get(place, ())
                if slot == ():
                    slot = places[place] = (by_place[place], gz.ancestors(place)) if place in gz else None
                if slot is None:
                    continue
                _, actor, role, extent, up, up_extent, asserted = what
                to_source, to_outlet, _ = sink
                e = new(_Evidence, (place, t, actor, role, extent, asserted, is_party, c))
                slot[0].append(e)
                to_source.append(e)
                to_outlet.append(e)
                if up is not None:
                    for parent in slot[1]:
                        d = new(_Evidence, (parent, t, actor, up, up_extent, asserted, is_party, c))
                        by_place[parent].append(d)
                        to_source.append(d)
                        to_outlet.append(d)

    # ------------------------------------------------------------------ views
    @property
    def outlets(self) -> list[str]:
        """Outlets with at least one dated control claim."""
        return sorted({o for _, o in self._who if o})

    @property
    def sources(self) -> list[str]:
        """Sources with at least one dated control claim."""
        # From the distinct (source, outlet) pairs the index met: few, where the claims are many.
        return sorted({(outlet or "outlet") if said == "outlet" else said  # as source_of says
                       for said, outlet in self._who})

    @property
    def dates(self) -> tuple[date, date] | None:
        """First and last dated evidence, events included."""
        days = self.evidence_dates()
        return (min(days), max(days)) if days else None

    def evidence_dates(self) -> list[date]:
        """The date of every dated claim and event, where each is placed (``date.latest``)."""
        return [c.date.latest for c in self.claims] + [c.date.latest for c in self.events if c.date.latest]

    def date_range(self, **options) -> DateRange | None:
        """The span the evidence covers without isolated outliers (:func:`robust_range`)."""
        return robust_range(self.evidence_dates(), **options)

    def undated_reasons(self) -> Counter:
        """Why claims and events could not be placed in time: reason -> count.

        Mostly the article's publication date: unknown, bounded on one side
        only, or contradicted by its own evidence.
        """
        out: Counter = Counter()
        for c in self.undated + [e for e in self.events if e.date.latest is None]:
            out[undated_reason(c)] += 1
        return out

    def intervals(self, view: View | str = CONSENSUS) -> dict[str, list[Interval]]:
        """Intervals per place id for one view (built once, then cached)."""
        view = parse_view(view) if isinstance(view, str) else view
        if view not in self._cache:
            with no_gc():
                self._cache[view] = self._build(view)
        return self._cache[view]

    def _build(self, view: View) -> dict[str, list[Interval]]:
        if view.kind in (CONSENSUS, WIKIPEDIA):
            grouped = self._by_place
        else:
            grouped = defaultdict(list)
            for e in self._by_key.get(view._key, ()):
                grouped[e.place].append(e)
        # The view's key already picked its outlet or source, and denied claims have no evidence.
        keep: Callable[[_Evidence], bool] | None = None if view._plain else lambda e: view.admits(e.claim)
        out: dict[str, list[Interval]] = {}
        for place_id, evidence in grouped.items():
            place = self.gazetteer.get(place_id)
            if place is None or place.kind == "site":
                continue
            ev = evidence if keep is None else [e for e in evidence if keep(e)]
            if ev:
                out[place_id] = self._place_intervals(place_id, ev)
        return out

    def _place_intervals(self, place_id: str, ev: Sequence[_Evidence]) -> list[Interval]:
        """The intervals of one place from its evidence in date order (read, never changed)."""
        intervals: list[Interval] = []
        cur: Interval | None = None
        cur_state: tuple | None = None  # (status, holder, extent, contenders) of cur
        conflict, until = self.conflict, self.until
        # The window of a day is ev[lo:hi], the claims of the day itself ev[first:hi]: two pointers, no rescans.
        lo = hi = 0
        n = len(ev)
        days = list(map(_T, ev))  # read once: the pointers below compare each date several times
        while hi < n:
            first = hi
            day = days[hi]
            hi += 1
            while hi < n and days[hi] == day:
                hi += 1
            start = day - conflict
            while days[lo] < start:
                lo += 1
            prev = cur.holder if cur is not None else None
            if hi - lo == 1:  # most days at most places: one claim, one of few answers
                e = ev[lo]
                state = _resolve_one(e.role, e.actor, e.extent, prev)
            else:
                state = _resolve(ev[lo:hi], prev)
            if state[0] is None:
                if cur is None:
                    continue
            elif state != cur_state:  # a new state from today: its interval starts with the whole window
                if cur is not None:
                    cur.valid_to = day
                window = ev[lo:hi]
                cur = Interval(place_id, day, until, *state, list(map(_CLAIM, window)))
                cur.basis = _basis(window, cur)
                cur_state = state
                intervals.append(cur)
                continue
            # The current state goes on, with fresh evidence; an independent word may confirm a party's claim.
            todays = ev[first:hi]
            cur.claims.extend(map(_CLAIM, todays))
            if cur.basis == CLAIMED and _basis(todays, cur) == ASSESSED:
                cur.valid_to = day
                cur = Interval(place_id, day, until, *cur_state, list(map(_CLAIM, ev[lo:hi])), ASSESSED)
                intervals.append(cur)
        return intervals

    # --------------------------------------------------------------- queries
    def state_at(self, place_id: str, day: date, view: View | str = CONSENSUS) -> Interval | None:
        """The interval covering ``day`` at one place, or None (never reported by then)."""
        ivs = self.intervals(view).get(place_id)
        if not ivs:
            return None
        k = bisect_right([iv.valid_from for iv in ivs], day) - 1
        # After the last evidence a place keeps its last known state.
        if k >= 0 and (ivs[k].valid_to > day or k == len(ivs) - 1):
            return ivs[k]
        return None

    def places(self, view: View | str = CONSENSUS) -> list[str]:
        """Every drawn place the view has a claim about (what its map shows), sorted."""
        view = parse_view(view) if isinstance(view, str) else view
        if view not in self._places_cache:
            ids = set(self.intervals(view))
            claims = self.claims if view.kind in (CONSENSUS, WIKIPEDIA) else self._claims_of(view._key)
            if view._plain:  # every claim of its key but the denied ones
                ids.update(c.place for c in claims if c.modality != "denied")
            else:
                ids.update(c.place for c in claims if view.admits(c))
            gz = self.gazetteer
            self._places_cache[view] = sorted(i for i in ids if i in gz and gz[i].kind != "site")
        return self._places_cache[view]

    def _claims_of(self, key: tuple[str, str]) -> list[Claim]:
        """The dated control claims filed under one view key (filed for every key at the first call)."""
        if self._claims_by_key is None:
            by_key: dict[tuple[str, str], list[Claim]] = defaultdict(list)
            sinks: dict[tuple[str, str | None], tuple[list, list]] = {}
            for c in self.claims:
                who = c.attributed_to, c.outlet
                sink = sinks.get(who)
                if sink is None:
                    sink = sinks[who] = (by_key["source", source_of(c).strip().casefold()],
                                         by_key["outlet", (c.outlet or "").strip().casefold()])
                sink[0].append(c)
                sink[1].append(c)
            self._claims_by_key = dict(by_key)
        return self._claims_by_key.get(key, [])

    def snapshot(self, day: date, view: View | str = CONSENSUS) -> pd.DataFrame:
        """Every place of the view on ``day``: a table indexed by place id.

        Columns are :data:`SNAPSHOT_COLUMNS`. A place keeps its last known state;
        ``last_evidence``, ``age_days`` and ``faded`` say how old its evidence is.
        A place with no claim yet by ``day`` is ``unknown`` with no evidence.
        ``sources``, ``quotes``, ``claim_ids`` and ``review_states`` (one per claim id) are lists of the
        evidence up to ``day``; ``reviewed_by`` lists everyone who reviewed some of it.

        Examples
        --------
        >>> tl.snapshot(date(2019, 2, 12)).loc["hajin", ["holder", "faded"]].tolist()  # doctest: +SKIP
        ['SDF', True]
        """
        view = parse_view(view) if isinstance(view, str) else view
        rows = []
        starts = self._starts(view)
        intervals = self.intervals(view)
        for place_id in self.places(view):
            p = self.gazetteer[place_id]
            ivs = intervals.get(place_id, [])
            k = bisect_right(starts.get(place_id, []), day) - 1
            iv = ivs[k] if k >= 0 and (ivs[k].valid_to > day or k == len(ivs) - 1) else None
            if iv is None:
                rows.append({PLACE: place_id, NAME_EN: p.name_en, NAME_AR: p.name_ar, HOLDER: None, STATUS: UNKNOWN,
                             EXTENT: None, BASIS: None, CONTENDERS: [], SINCE: None, LAST_EVIDENCE: None,
                             AGE_DAYS: None, FADED: False, SOURCES: [], QUOTES: [], CLAIM_IDS: [],
                             REVIEW_STATES: [], REVIEWED_BY: [], "lat": p.lat, "lon": p.lon})
                continue
            evidence = iv.evidence_until(day)
            last = evidence[-1].date.latest if evidence else iv.valid_from
            age = (day - last).days
            rows.append({
                PLACE: place_id, NAME_EN: p.name_en, NAME_AR: p.name_ar, HOLDER: iv.holder, STATUS: iv.status,
                EXTENT: iv.extent, BASIS: iv.basis, CONTENDERS: list(iv.contenders), SINCE: iv.valid_from,
                LAST_EVIDENCE: last, AGE_DAYS: age, FADED: age > self.fade_days,
                SOURCES: sorted({source_of(c) for c in evidence}), QUOTES: [c.quote for c in evidence],
                CLAIM_IDS: [c.id for c in evidence], REVIEW_STATES: [c.review_state for c in evidence],
                REVIEWED_BY: _reviewers(evidence), "lat": p.lat, "lon": p.lon,
            })
        df = pd.DataFrame(rows, columns=list(SNAPSHOT_COLUMNS))
        return df.set_index(PLACE, drop=False)

    def _starts(self, view: View) -> dict[str, list[date]]:
        """Interval start dates per place, for bisecting (built once per view)."""
        if view not in self._starts_cache:
            self._starts_cache[view] = {pid: [iv.valid_from for iv in ivs] for pid, ivs in self.intervals(view).items()}
        return self._starts_cache[view]

    def table(self, view: View | str = CONSENSUS) -> pd.DataFrame:
        """All intervals of a view as one table (one row per interval)."""
        rows = []
        for place_id, ivs in self.intervals(view).items():
            p = self.gazetteer[place_id]
            for iv in ivs:
                rows.append({
                    PLACE: place_id, NAME_EN: p.name_en, NAME_AR: p.name_ar, "valid_from": iv.valid_from,
                    "valid_to": iv.valid_to, HOLDER: iv.holder, STATUS: iv.status, EXTENT: iv.extent, BASIS: iv.basis,
                    CONTENDERS: list(iv.contenders),
                    LAST_EVIDENCE: max(c.date.latest for c in iv.claims),
                    SOURCES: sorted({source_of(c) for c in iv.claims}), CLAIM_IDS: [c.id for c in iv.claims],
                    QUOTES: [c.quote for c in iv.claims], REVIEW_STATES: [c.review_state for c in iv.claims],
                    REVIEWED_BY: _reviewers(iv.claims), "lat": p.lat, "lon": p.lon,
                })
        return pd.DataFrame(rows)


def _reviewers(claims: Iterable[Claim]) -> list[str]:
    """Everyone who reviewed one of ``claims``, in order of appearance."""
    names = (n.strip() for c in claims for n in c.reviewed_by.split(",") if n.strip())
    return list(dict.fromkeys(names))


def _basis(evidence: Sequence[_Evidence], iv: Interval) -> str:
    """ASSESSED when some claim that supports the state is not a party's own word."""
    # Plain loops: called once per new interval, and a generator per call cost more than the test.
    if iv.status == HELD:
        holder = iv.holder
        for e in evidence:
            if not e.party and e.actor == holder and e.role == "hold":
                return ASSESSED
        return CLAIMED
    for e in evidence:
        if not e.party:
            return ASSESSED
    return CLAIMED


@lru_cache(maxsize=4096)
def _resolve_one(role: str, actor: str, extent: str | None, prev_holder: str | None) -> tuple:
    """:func:`_resolve` of a window of one claim, which depends on nothing else (cached)."""
    return _resolve([_Evidence("", date.min, actor, role, extent, True, False, None)], prev_holder)


def _resolve(window: Sequence[_Evidence], prev_holder: str | None) -> tuple:
    """(status, holder, extent, contenders) from the claims of a window; status None = no change.

    Called for most days of most places: one pass, no generators, sets built only when needed.
    """
    asserted = [e for e in window if e.asserted]
    if asserted:  # within a window an asserted claim outranks a claimed one
        window = asserted
    holds: dict[str, _Evidence] = {}
    pressure: set[str] = set()
    withdrawn: dict[str, date] = {}
    shares = False
    share_extent = None  # the largest extent of a share, the first of equals
    for e in window:
        role = e.role
        if role == "hold":
            best = holds.get(e.actor)
            if best is None or _EXTENT_ORDER[e.extent] > _EXTENT_ORDER[best.extent] or e.t > best.t:
                holds[e.actor] = e
        elif role == "push":
            pressure.add(e.actor)
        elif role == "share":
            if not shares or _EXTENT_ORDER[e.extent] > _EXTENT_ORDER[share_extent]:
                share_extent = e.extent
            shares = True
            pressure.add(e.actor)
        elif role == "withdraw":
            last = withdrawn.get(e.actor)
            if last is None or e.t > last:
                withdrawn[e.actor] = e.t
    for actor, t in withdrawn.items():
        best = holds.get(actor)
        if best is not None and best.t <= t:
            del holds[actor]
    if shares or pressure.difference(holds):
        others = pressure.union(holds)
        if prev_holder and prev_holder not in withdrawn:
            others.add(prev_holder)
        if len(others) >= 2 or shares:
            return CONTESTED, None, share_extent, tuple(sorted(others))
    if len(holds) > 1:
        return CONTESTED, None, None, tuple(sorted(holds))
    if len(holds) == 1:
        (actor, e), = holds.items()
        if pressure.difference((actor,)):
            return CONTESTED, None, None, tuple(sorted(pressure.union((actor,))))
        return HELD, actor, e.extent, (actor,)
    if pressure:
        return CONTESTED, None, None, tuple(sorted(pressure))
    if withdrawn and prev_holder in withdrawn:
        return UNKNOWN, None, None, ()
    return None, None, None, ()


def undated_reason(c: Claim) -> str:
    """Why a claim has no window, as a short reason that can be counted."""
    pub = c.published
    if pub.known:
        return c.date.basis.split(":")[0] or "no date evidence"
    if "contradictory" in pub.basis:
        return "the publication-date evidence contradicts itself"
    if pub.earliest or pub.latest:
        return "publication date only bounded on one side"
    return "publication date unknown: nothing in the manifest, the address or the text dates the article"


RANGE_GAP_DAYS = 120  # a stretch this long with no evidence separates runs of dates
RANGE_MIN_SHARE = 0.1  # a run holding less of the evidence than this is an outlier


@dataclass(frozen=True)
class DateRange:
    """The span to show and what was left out of it.

    Parameters
    ----------
    start, end : date
        The robust span.
    whole : tuple of date
        First and last date of all the evidence.
    outliers : int
        Dates outside ``start..end``.
    """

    start: date
    end: date
    whole: tuple[date, date]
    outliers: int


def robust_range(days: Sequence[date], *, gap_days: int = RANGE_GAP_DAYS,
                 min_share: float = RANGE_MIN_SHARE) -> DateRange | None:
    """The span most of the evidence covers, leaving out isolated outliers.

    Parameters
    ----------
    days : sequence of date
        Where each claim or event is placed.
    gap_days : int
        Days with no evidence that separate two runs of dates.
    min_share : float
        Runs with less than this share of the dates (and at least 2 dates
        below it) are outliers.

    Returns
    -------
    DateRange or None
        None for no dates. When no run is large enough, the whole range.

    Examples
    --------
    >>> from datetime import timedelta
    >>> days = [date(2018, 12, 1) + timedelta(k) for k in range(40)] + [date(2017, 12, 1)]
    >>> r = robust_range(days)
    >>> (r.start, r.end, r.outliers)
    (datetime.date(2018, 12, 1), datetime.date(2019, 1, 9), 1)
    """
    if not days:
        return None
    ordered = sorted(days)
    runs: list[list[date]] = [[ordered[0]]]
    for d in ordered[1:]:
        if (d - runs[-1][-1]).days > gap_days:
            runs.append([])
        runs[-1].append(d)
    need = max(2, min_share * len(ordered))
    kept = [r for r in runs if len(r) >= need]
    whole = (ordered[0], ordered[-1])
    if not kept:
        return DateRange(whole[0], whole[1], whole, 0)
    start, end = kept[0][0], kept[-1][-1]
    outliers = sum(1 for d in ordered if d < start or d > end)
    return DateRange(start, end, whole, outliers)
