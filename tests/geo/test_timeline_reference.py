"""The timeline's intervals, places and snapshots against a straightforward computation.

The timeline indexes evidence once, slides its conflict window with two
pointers, caches answers for windows of one claim and reads a party's word
from flags made at indexing. Here the same rules are applied the slow way, on
random claims that reach every branch (contained places and sites, places the
gazetteer lacks, denied and claimed claims, party sources, several claims a
day, undated claims and events, review states), and every view must match.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import NamedTuple

import pytest

from extract import Claim, DateWindow
from extract.claim import CHANGES, CONTROL, EXTENTS, REVIEW_STATES
from gazetteer import load
from geo import Timeline, parse_view
from geo.timeline import (
    _EXTENT_ORDER,
    ASSESSED,
    CLAIMED,
    CONTESTED,
    HELD,
    UNKNOWN,
    Interval,
    View,
    is_party_claim,
    source_of,
)

D = date(2018, 12, 1)
PLACES = ("baghuz", "baghuz_tahtani", "baghuz_fawqani", "baghuz_camp", "hajin", "hajin_hospital", "sousa",
          "deir_ez_zor", "deir_ez_zor_joura", "assad_hospital_deir_ez_zor", "qalat_jabar", "not_a_place")
SOURCES = ("outlet", "SOHR", "SDF", "SDF media center", "Amaq", "SANA", "military sources", "residents", " sohr ")
OUTLETS = ("Al-Watan", "SANA", "Enab Baladi", None, "al-watan")


def random_claims(seed: int, n: int = 400, days: int = 45) -> list[Claim]:
    """Claims over a few related places and days, so windows overlap and every rule meets every other."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        latest = D + timedelta(rng.randrange(days))
        earliest = latest - timedelta(rng.choice((0, 0, 0, 3, 20)))
        window = DateWindow(earliest, latest) if rng.random() > 0.05 else DateWindow(None, None, "none")
        out.append(Claim(
            id=f"c{rng.randrange(10 ** 6):06d}", article=f"a{i // 5}",
            kind=CONTROL if rng.random() > 0.1 else "clash", place=rng.choice(PLACES), place_name="", surface="",
            lat=0.0, lon=0.0, actor=rng.choice(("ISIS", "SDF", "SAA", "ISIS", "SDF", None)),
            change=rng.choice((*CHANGES, "holds", "captured", None)), extent=rng.choice((*EXTENTS, None, None, None)),
            modality=rng.choice(("asserted", "asserted", "asserted", "claimed", "denied")),
            attributed_to=rng.choice(SOURCES), outlet=rng.choice(OUTLETS), published=window, date=window,
            quote=f"q{i}", start=0, end=1, confidence=0.8,
            source_kind=rng.choice(("unknown", "unknown", "party", "monitor", "outlet")),
            review_state=rng.choice(REVIEW_STATES), reviewed_by=rng.choice(("", "ana", "ana, bo"))))
    rng.shuffle(out)
    return out


class Evidence(NamedTuple):
    """What :func:`geo.timeline._resolve` reads of a claim about one place."""

    t: date
    actor: str
    role: str
    extent: str | None
    asserted: bool
    claim: Claim


def _reference_evidence(c: Claim, derived: bool):
    """(role, extent) of a claim about its own place or, derived, about a containing one; None for nothing."""
    if c.actor is None or c.change is None:
        return None
    if c.change == "withdrew":
        role = None if derived else "withdraw"
    elif c.change == "advanced" or c.extent == "outskirts":
        role = "push"
    elif c.change in ("captured", "holds", "repelled"):
        role = "hold" if c.extent in (None, "full", "most") else "push" if derived else "share"
    else:
        return None
    if role is None:
        return None
    return role, "part" if derived and role == "hold" else c.extent


def reference_intervals(claims: list[Claim], view: View, *, conflict_days: int = 3) -> dict[str, list[Interval]]:
    """Intervals per place the slow way: every window rebuilt from all the place's evidence, every day."""
    gz = load()
    dated = sorted((c for c in claims if c.kind == CONTROL and c.date.latest is not None),
                   key=lambda c: (c.date.latest, c.id))
    until = max([c.date.latest for c in claims if c.date.latest is not None]) + timedelta(days=1)
    evidence: dict[str, list[Evidence]] = {}
    for c in dated:
        if c.place not in gz or not view.admits(c) or _reference_evidence(c, False) is None:
            continue
        for place, derived in [(c.place, False)] + [(p, True) for p in gz.ancestors(c.place)]:
            found = _reference_evidence(c, derived)
            if found is not None:
                evidence.setdefault(place, []).append(
                    Evidence(c.date.latest, c.actor, found[0], found[1], c.modality == "asserted", c))
    out = {}
    for place, ev in evidence.items():
        if gz[place].kind == "site":
            continue
        intervals, cur = [], None
        for day in sorted({e.t for e in ev}):
            window = [e for e in ev if day - timedelta(days=conflict_days) <= e.t <= day]
            todays = [e for e in ev if e.t == day]
            status, holder, extent, contenders = reference_resolve(window, cur.holder if cur else None)
            if status is None and cur is None:
                continue
            if status is None or (cur is not None and (cur.status, cur.holder, cur.extent, cur.contenders) == (
                    status, holder, extent, contenders)):
                cur.claims.extend(e.claim for e in todays)
                if cur.basis == CLAIMED and _reference_basis(todays, cur) == ASSESSED:
                    cur.valid_to = day
                    cur = Interval(place, day, until, cur.status, cur.holder, cur.extent, cur.contenders,
                                   [e.claim for e in window], ASSESSED)
                    intervals.append(cur)
                continue
            if cur is not None:
                cur.valid_to = day
            cur = Interval(place, day, until, status, holder, extent, contenders, [e.claim for e in window])
            cur.basis = _reference_basis(window, cur)
            intervals.append(cur)
        out[place] = intervals  # kept when empty too: evidence that never settled a state
    return out


def reference_resolve(window: list[Evidence], prev_holder: str | None):
    """The state a window of evidence makes, as the rules in geo/timeline.py's docstring say, plainly."""
    if any(e.asserted for e in window):
        window = [e for e in window if e.asserted]
    holds: dict[str, Evidence] = {}
    pressure: set[str] = set()
    withdrawn: dict[str, date] = {}
    shares: list[Evidence] = []
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


def _reference_basis(evidence: list[Evidence], iv: Interval) -> str:
    support = [e for e in evidence if iv.status != HELD or (e.actor == iv.holder and e.role == "hold")]
    return ASSESSED if any(not is_party_claim(e.claim) for e in support) else CLAIMED


def _views(claims: list[Claim]) -> list[View]:
    names = [f"source:{source_of(c)}" for c in claims] + [f"outlet:{c.outlet}" for c in claims if c.outlet]
    out = []
    for text in ["consensus", "wikipedia", "source:sohr", "outlet:AL-WATAN", "source:nobody", *sorted(set(names))]:
        for asserted_only in (False, True):
            for reviewed_only in (False, True):
                out.append(parse_view(text, asserted_only=asserted_only, reviewed_only=reviewed_only))
    return out


@pytest.mark.parametrize(("seed", "conflict_days"), [(1, 3), (2, 0), (3, 7), (4, 3)])
def test_intervals_equal_the_straightforward_computation(seed, conflict_days):
    claims = random_claims(seed)
    tl = Timeline(claims, conflict_days=conflict_days)
    dated = [c for c in claims if c.kind == CONTROL and c.date.latest is not None]
    assert tl.claims == sorted(dated, key=lambda c: (c.date.latest, c.id))
    assert tl.sources == sorted({source_of(c) for c in dated})
    assert tl.outlets == sorted({c.outlet for c in dated if c.outlet})
    views = _views(claims)
    assert len(views) > 40
    ivs = []
    for view in views:
        expected = reference_intervals(claims, view, conflict_days=conflict_days)
        assert tl.intervals(view) == expected, str(view)
        ivs += [iv for place_ivs in expected.values() for iv in place_ivs]
    # The random claims reach the branches that matter.
    assert {iv.status for iv in ivs} >= {HELD, "contested", UNKNOWN}
    assert {iv.basis for iv in ivs} == {ASSESSED, CLAIMED}
    assert "baghuz" in tl.intervals() and "hajin_hospital" not in tl.intervals()


@pytest.mark.parametrize("seed", [5, 6])
def test_places_and_snapshots_equal_the_straightforward_computation(seed):
    claims = random_claims(seed)
    tl = Timeline(claims)
    gz = load()
    for view in _views(claims)[::3]:
        expected = sorted({c.place for c in claims if c.kind == CONTROL and c.date.latest is not None
                           and c.place in gz and view.admits(c) and gz[c.place].kind != "site"}
                          | set(reference_intervals(claims, view)))
        assert tl.places(view) == expected, str(view)
        ref = reference_intervals(claims, view)
        for day in (D - timedelta(1), D, D + timedelta(10), D + timedelta(44), D + timedelta(400)):
            snap = tl.snapshot(day, view)
            assert list(snap.index) == expected
            for place in expected:
                ivs = [iv for iv in ref.get(place, []) if iv.valid_from <= day]
                row = snap.loc[place]
                if not ivs:
                    assert row["status"] == UNKNOWN and row["claim_ids"] == []
                    continue
                iv = ivs[-1]
                evidence = [c for c in iv.claims if c.date.latest <= day]
                holder = row["holder"] if isinstance(row["holder"], str) else None  # pandas may read None as NaN
                assert (row["status"], holder, row["since"], row["basis"]) == (
                    iv.status, iv.holder, iv.valid_from, iv.basis)
                assert row["claim_ids"] == [c.id for c in evidence]
                assert row["sources"] == sorted({source_of(c) for c in evidence})
