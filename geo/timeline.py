"""Control over time: who held each place, on which dates, according to whom.

The rules (what an analyst needs to trust the map)
--------------------------------------------------
Claims in
    Only control claims (``kind == "control"``) set control; strikes and
    clashes are shown, never coloured. A claim is placed in time at the *end*
    of its date window (``date.latest``): a capture reported as "last week" is
    on the map from the day the report makes it certain. Undated claims (no
    publication date known) are listed but not placed. ``denied`` claims never
    set control.

Views
    ``consensus`` uses every claim. ``outlet:NAME`` uses the claims published by
    one outlet; ``source:NAME`` those attributed to one source, where a claim in
    the outlet's own voice counts for the outlet's name. *Asserted only* drops
    ``claimed`` claims, like ISW's assessed (rather than claimed) control.

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

Stale evidence
    With no claim for ``stale_days`` (default 30), a place turns ``unknown``
    instead of keeping its last colour forever.

Intervals are half-open ``[valid_from, valid_to)``; consecutive days with the
same holder, status and extent merge into one interval that keeps every claim
behind it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple

import pandas as pd

from extract.bulk import no_gc
from extract.claim import CHANGES, CONTROL, EXTENTS, Claim
from gazetteer import Gazetteer, load

__all__ = [
    "CONSENSUS",
    "CONTESTED",
    "HELD",
    "SNAPSHOT_COLUMNS",
    "UNKNOWN",
    "Interval",
    "Timeline",
    "View",
    "parse_view",
]

CONSENSUS = "consensus"
HELD, CONTESTED, UNKNOWN = "held", "contested", "unknown"
_FULL = (None, "full", "most")
_EXTENT_ORDER = {"full": 5, "most": 4, "half": 3, "part": 2, "outskirts": 1, None: 0}

# Columns of a snapshot table, in order.
PLACE, NAME_EN, NAME_AR, HOLDER, STATUS, EXTENT = "place", "name_en", "name_ar", "holder", "status", "extent"
CONTENDERS, SINCE, LAST_EVIDENCE, SOURCES, QUOTES, CLAIM_IDS = (
    "contenders", "since", "last_evidence", "sources", "quotes", "claim_ids")
SNAPSHOT_COLUMNS = (PLACE, NAME_EN, NAME_AR, HOLDER, STATUS, EXTENT, CONTENDERS, SINCE, LAST_EVIDENCE,
                    SOURCES, QUOTES, CLAIM_IDS, "lat", "lon")


@dataclass(frozen=True)
class View:
    """Which claims a timeline is built from.

    Parameters
    ----------
    kind : str
        ``"consensus"``, ``"outlet"`` or ``"source"``.
    name : str or None
        The outlet or source name for those kinds.
    asserted_only : bool
        Drop ``claimed`` claims.
    """

    kind: str = CONSENSUS
    name: str | None = None
    asserted_only: bool = False

    def __str__(self) -> str:
        base = self.kind if self.kind == CONSENSUS else f"{self.kind}:{self.name}"
        return base + (" (asserted only)" if self.asserted_only else "")

    def admits(self, c: Claim) -> bool:
        """True when claim ``c`` belongs to this view."""
        if c.modality == "denied" or (self.asserted_only and c.modality != "asserted"):
            return False
        if self.kind == "outlet":
            return _same(c.outlet, self.name)
        if self.kind == "source":
            return _same(source_of(c), self.name)
        return True


def _same(a: str | None, b: str | None) -> bool:
    return (a or "").strip().casefold() == (b or "").strip().casefold()


def source_of(c: Claim) -> str:
    """Who a claim is from: its source, or the outlet when it speaks in its own voice."""
    if c.attributed_to == "outlet":
        return c.outlet or "outlet"
    return c.attributed_to


def parse_view(text: str | None, *, asserted_only: bool = False) -> View:
    """``"consensus"``, ``"outlet:NAME"`` or ``"source:NAME"`` as a :class:`View`.

    Raises
    ------
    ValueError
        For any other form, saying which are accepted.
    """
    text = (text or CONSENSUS).strip()
    if text == CONSENSUS:
        return View(CONSENSUS, None, asserted_only)
    kind, _, name = text.partition(":")
    if kind in ("outlet", "source") and name.strip():
        return View(kind, name.strip(), asserted_only)
    raise ValueError(f"view {text!r} is not one of: consensus, outlet:NAME, source:NAME")


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

    def evidence_until(self, day: date) -> list[Claim]:
        """The claims of this interval dated on or before ``day``."""
        return [c for c in self.claims if c.date.latest <= day]


class _Evidence(NamedTuple):  # a tuple: one per claim and containing place, 5x cheaper than a dataclass
    place: str
    t: date
    actor: str
    role: str  # hold, share, push, withdraw
    extent: str | None
    asserted: bool
    claim: Claim


def _role(change: str | None, extent: str | None, *, derived: bool) -> tuple[str | None, str | None]:
    """What a claim with this change and extent says, about its place or (derived) a containing one.

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
    return (*_role(change, extent, derived=False), *_role(change, extent, derived=True))


_ROLES = {(ch, ex): _roles(ch, ex) for ch in CHANGES for ex in (*EXTENTS, None)}  # looked up per claim


class Timeline:
    """Control intervals per place for every view of a set of claims.

    Parameters
    ----------
    claims : iterable of Claim
        Claims as ``frontline extract`` writes them (events are kept for maps).
    gazetteer : Gazetteer, optional
    stale_days : int
        Days without a claim after which a place turns unknown.
    conflict_days : int
        Claims this many days apart are read together to find disagreement.

    Examples
    --------
    >>> from extract import read_claims                       # doctest: +SKIP
    >>> tl = Timeline(read_claims("claims.jsonl"))            # doctest: +SKIP
    >>> tl.snapshot(date(2018, 12, 11)).loc["baghuz", "status"]  # doctest: +SKIP
    'contested'
    """

    def __init__(self, claims: Iterable[Claim], *, gazetteer: Gazetteer | None = None, stale_days: int = 30,
                 conflict_days: int = 3) -> None:
        if stale_days < 1 or conflict_days < 0:
            raise ValueError("stale_days must be at least 1 and conflict_days at least 0")
        self.gazetteer = gazetteer or load()
        self.stale = timedelta(days=stale_days)
        self.conflict = timedelta(days=conflict_days)
        self.claims: list[Claim] = []
        self.events: list[Claim] = []
        self.undated: list[Claim] = []
        # Evidence per place, derived evidence for containing places included.
        self._by_place: dict[str, list[_Evidence]] = defaultdict(list)
        # The same evidence indexed by view key, so a source's view reads only its own claims.
        self._by_key: dict[tuple[str, str], list[_Evidence]] = defaultdict(list)
        with no_gc():  # millions of acyclic objects: the collector's rescans were most of the time
            for c in claims:
                if c.kind != CONTROL:
                    self.events.append(c)
                elif c.date.latest is None:
                    self.undated.append(c)
                else:
                    self.claims.append(c)
            self.claims.sort(key=attrgetter("id"))  # two stable sorts with C keys: by date, then id
            self.claims.sort(key=attrgetter("date.latest"))
            self._index(self.claims)
        self._cache: dict[View, dict[str, list[Interval]]] = {}
        self._starts_cache: dict[View, dict[str, list[date]]] = {}

    def _index(self, claims: list[Claim]) -> None:
        """Fill the evidence per place and per view key from dated control claims in date order."""
        gz, by_place, by_key = self.gazetteer, self._by_place, self._by_key
        # Looked up once per place and once per (source, outlet), not per claim: this loop sees every claim.
        places: dict[str, tuple[list, tuple[str, ...]] | None] = {}  # None: not in the gazetteer
        sinks: dict[tuple[str, str | None], tuple[list, list]] = {}  # the source's and the outlet's lists
        new = tuple.__new__  # an _Evidence without NamedTuple's Python-level __new__
        for c in claims:
            roles = _ROLES.get((c.change, c.extent)) or _roles(c.change, c.extent)
            # Denied claims never set control, in any view.
            if roles[0] is None or c.actor is None or c.modality == "denied":
                continue
            place = c.place
            slot = places.get(place, ())
            if slot == ():
                slot = places[place] = (by_place[place], gz.ancestors(place)) if place in gz else None
            if slot is None:
                continue
            sink = sinks.get((c.attributed_to, c.outlet))
            if sink is None:
                sink = sinks[c.attributed_to, c.outlet] = (by_key["source", source_of(c).strip().casefold()],
                                                           by_key["outlet", (c.outlet or "").strip().casefold()])
            role, extent, up, up_extent = roles
            t, actor, asserted = c.date.latest, c.actor, c.modality == "asserted"
            e = new(_Evidence, (place, t, actor, role, extent, asserted, c))
            slot[0].append(e)
            sink[0].append(e)
            sink[1].append(e)
            if slot[1] and up is not None:
                for parent in slot[1]:
                    d = new(_Evidence, (parent, t, actor, up, up_extent, asserted, c))
                    by_place[parent].append(d)
                    sink[0].append(d)
                    sink[1].append(d)

    # ------------------------------------------------------------------ views
    @property
    def outlets(self) -> list[str]:
        """Outlets with at least one dated control claim."""
        return sorted({c.outlet for c in self.claims if c.outlet})

    @property
    def sources(self) -> list[str]:
        """Sources with at least one dated control claim."""
        return sorted({source_of(c) for c in self.claims})

    @property
    def dates(self) -> tuple[date, date] | None:
        """First and last dated evidence, events included."""
        days = [c.date.latest for c in self.claims] + [c.date.latest for c in self.events if c.date.latest]
        return (min(days), max(days)) if days else None

    def intervals(self, view: View | str = CONSENSUS) -> dict[str, list[Interval]]:
        """Intervals per place id for one view (built once, then cached)."""
        view = parse_view(view) if isinstance(view, str) else view
        if view not in self._cache:
            with no_gc():
                self._cache[view] = self._build(view)
        return self._cache[view]

    def _build(self, view: View) -> dict[str, list[Interval]]:
        if view.kind == CONSENSUS:
            grouped = self._by_place
        else:
            grouped = defaultdict(list)
            for e in self._by_key.get((view.kind, (view.name or "").strip().casefold()), []):
                grouped[e.place].append(e)
        out: dict[str, list[Interval]] = {}
        for place_id, evidence in grouped.items():
            place = self.gazetteer.get(place_id)
            if place is None or place.kind == "site":
                continue
            # The view's key already picked the outlet or source, and denied claims have no evidence.
            ev = [e for e in evidence if e.asserted] if view.asserted_only else list(evidence)
            if ev:
                out[place_id] = self._place_intervals(place_id, ev)
        return out

    def _place_intervals(self, place_id: str, ev: list[_Evidence]) -> list[Interval]:
        # ``ev`` is in date order: claims are sorted before their evidence is made.
        intervals: list[Interval] = []
        cur: Interval | None = None
        conflict, stale = self.conflict, self.stale
        lo = hi = 0
        n = len(ev)
        for day in sorted({e.t for e in ev}):
            while ev[lo].t < day - conflict:
                lo += 1
            first = hi  # the evidence dated ``day`` is ev[first:hi]
            while hi < n and ev[hi].t <= day:
                hi += 1
            live = cur is not None and cur.valid_to > day  # not yet stale
            prev = cur.holder if live else None
            if hi - lo == 1:  # most days at most places: one claim, one of few answers
                e = ev[lo]
                state = _resolve_one(e.role, e.actor, e.extent, prev)
            else:
                state = _resolve(ev[lo:hi], prev)
            if live and (state[0] is None or state == (cur.status, cur.holder, cur.extent, cur.contenders)):
                cur.claims.extend(e.claim for e in ev[first:hi])  # the current state goes on, with fresh evidence
                cur.valid_to = day + stale
                continue
            if state[0] is None:
                continue
            if live:
                cur.valid_to = day
            cur = Interval(place_id, day, day + stale, *state, [e.claim for e in ev[lo:hi]])
            intervals.append(cur)
        return intervals

    # --------------------------------------------------------------- queries
    def state_at(self, place_id: str, day: date, view: View | str = CONSENSUS) -> Interval | None:
        """The interval covering ``day`` at one place, or None (unknown)."""
        ivs = self.intervals(view).get(place_id)
        if not ivs:
            return None
        k = bisect_right([iv.valid_from for iv in ivs], day) - 1
        if k >= 0 and ivs[k].valid_to > day:
            return ivs[k]
        return None

    def snapshot(self, day: date, view: View | str = CONSENSUS) -> pd.DataFrame:
        """Every place with known control on ``day``: a table indexed by place id.

        Columns are :data:`SNAPSHOT_COLUMNS`; ``sources`` and ``quotes`` are
        lists (the evidence up to ``day``), ``claim_ids`` too.
        """
        view = parse_view(view) if isinstance(view, str) else view
        rows = []
        starts = self._starts(view)
        for place_id, ivs in self.intervals(view).items():
            k = bisect_right(starts[place_id], day) - 1
            if k < 0 or ivs[k].valid_to <= day:
                continue
            iv = ivs[k]
            evidence = iv.evidence_until(day)
            p = self.gazetteer[place_id]
            rows.append({
                PLACE: place_id, NAME_EN: p.name_en, NAME_AR: p.name_ar, HOLDER: iv.holder, STATUS: iv.status,
                EXTENT: iv.extent, CONTENDERS: list(iv.contenders), SINCE: iv.valid_from,
                LAST_EVIDENCE: max((c.date.latest for c in evidence), default=iv.valid_from),
                SOURCES: sorted({source_of(c) for c in evidence}), QUOTES: [c.quote for c in evidence],
                CLAIM_IDS: [c.id for c in evidence], "lat": p.lat, "lon": p.lon,
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
                    "valid_to": iv.valid_to, HOLDER: iv.holder, STATUS: iv.status, EXTENT: iv.extent,
                    CONTENDERS: list(iv.contenders),
                    LAST_EVIDENCE: max(c.date.latest for c in iv.claims),
                    SOURCES: sorted({source_of(c) for c in iv.claims}), CLAIM_IDS: [c.id for c in iv.claims],
                    QUOTES: [c.quote for c in iv.claims], "lat": p.lat, "lon": p.lon,
                })
        return pd.DataFrame(rows)


@lru_cache(maxsize=4096)
def _resolve_one(role: str, actor: str, extent: str | None, prev_holder: str | None):
    """:func:`_resolve` of a window of one claim, which depends on nothing else."""
    return _resolve([_Evidence("", date.min, actor, role, extent, True, None)], prev_holder)


def _resolve(window: list[_Evidence], prev_holder: str | None):
    """(status, holder, extent, contenders) from the claims of a window; status None = no change."""
    asserted = [e for e in window if e.asserted]
    if asserted:
        window = asserted
    holds: dict[str, _Evidence] = {}
    pressure: set[str] = set()
    withdrawn: dict[str, date] = {}
    shares: list[_Evidence] = []
    for e in window:
        if e.role == "hold":
            best = holds.get(e.actor)
            if best is None or _EXTENT_ORDER[e.extent] > _EXTENT_ORDER[best.extent] or e.t > best.t:
                holds[e.actor] = e
        elif e.role == "share":
            shares.append(e)
            pressure.add(e.actor)
        elif e.role == "push":
            pressure.add(e.actor)
        elif e.role == "withdraw":
            withdrawn[e.actor] = max(withdrawn.get(e.actor, e.t), e.t)
    for actor, t in withdrawn.items():
        if actor in holds and holds[actor].t <= t:
            del holds[actor]
    sides = set(holds) | pressure
    if shares or pressure - set(holds):
        others = sides | ({prev_holder} if prev_holder and prev_holder not in withdrawn else set())
        if len(others) >= 2 or shares:
            extent = max((e.extent for e in shares), key=lambda x: _EXTENT_ORDER[x], default=None)
            return CONTESTED, None, extent, tuple(sorted(others))
    if len(holds) > 1:
        return CONTESTED, None, None, tuple(sorted(holds))
    if len(holds) == 1:
        (actor, e), = holds.items()
        if pressure - {actor}:
            return CONTESTED, None, None, tuple(sorted(sides))
        return HELD, actor, e.extent, (actor,)
    if pressure:
        return CONTESTED, None, None, tuple(sorted(pressure))
    if withdrawn and prev_holder in withdrawn:
        return UNKNOWN, None, None, ()
    return None, None, None, ()
