"""One name, several places: pick the one the document is about, or say it cannot tell.

Evidence, from the same text only, in this order:

1. *nearby places* (``resolved_by="nearby_places"``): places linked without
   ambiguity in the same sentence (weight 3) or within 300 characters (2) vote
   for the candidates near them, ``weight * exp(-km / 25)``; a province named
   as such nearby (``ريف دير الزور``, ``محافظة الرقة``, ``دير الزور الشرقي``)
   votes for the candidates in it (``"province"``), a candidate being in the
   province of its nearest seat among :data:`PROVINCE_SEATS`;
2. *same text* (``"same_text"``): a mention with no such evidence follows
   another mention of the same name that had it;
3. *the whole text* (``"document_places"``): as 1, with every place of the
   text (weight 1 when far).

A candidate wins with at least :data:`MIN_SCORE` and twice the runner-up's
score. Otherwise the mention goes to the candidates' nearest common parent with
a radius that covers them all, or, with no common parent, stays unresolved.
"""

from __future__ import annotations

from math import asin, cos, exp, radians, sin, sqrt

from gazetteer._text import sentence, words_after, words_before
from gazetteer.arabic import fold, with_clitics
from gazetteer.place import Place
from gazetteer.places import Gazetteer

PROVINCE_SEATS = ("deir_ez_zor", "raqqa", "hasakah")
MIN_SCORE = 0.2
_KERNEL_KM = 25.0
_PROVINCE_BEFORE = with_clitics("ريف محافظة ريفي أرياف".split())
_PROVINCE_AFTER = frozenset(fold(w) for w in "الشرقي الغربي الشمالي الجنوبي".split())


def km(a: Place, b: Place) -> float:
    """Great-circle distance in kilometres (haversine; metres do not matter here)."""
    la1, lo1, la2, lo2 = map(radians, (a.lat, a.lon, b.lat, b.lon))
    h = sin((la2 - la1) / 2) ** 2 + cos(la1) * cos(la2) * sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * asin(sqrt(h))


def _province(gz: Gazetteer, p: Place) -> str | None:
    seats = [gz[s] for s in PROVINCE_SEATS if s in gz]
    return min(seats, key=lambda seat: km(p, seat)).id if seats else None


def resolve(gz: Gazetteer, s: str, hits: list) -> dict[int, tuple[str | None, str, int | None]]:
    """For each ambiguous hit (by ``id``): the place, what decided it and a coarse radius.

    The place is None when nothing decides and the candidates share no parent.
    """
    ambiguous = [h for h in hits if len(h.entries) > 1]
    if not ambiguous:
        return {}
    points, provinces = [], []
    for h in hits:
        if len(h.entries) != 1:
            continue
        p = gz[h.entries[0].place]
        if p.id in PROVINCE_SEATS and _province_level(s, h):
            provinces.append((h.i, p.id))
        else:
            points.append((h.i, p))

    out: dict[int, tuple[str | None, str, int | None]] = {}
    # Evidence near the mention first; then what another mention of the name settled; then the whole text.
    decided: dict[tuple[str, ...], str] = {}
    for h in ambiguous:
        pick = _decide(gz, s, h, points, provinces, local=True)
        if pick is not None:
            out[id(h)] = pick
            decided.setdefault(_ids(h), pick[0])
    for h in ambiguous:
        if id(h) in out:
            continue
        if _ids(h) in decided:
            out[id(h)] = (decided[_ids(h)], "same_text", None)
            continue
        pick = _decide(gz, s, h, points, provinces, local=False)
        if pick is not None:
            out[id(h)] = pick
            continue
        parent = _common_parent(gz, _ids(h))
        if parent is None:
            out[id(h)] = (None, "", None)
        else:
            radius = max(km(gz[parent], gz[c]) * 1000 + gz[c].precision_m for c in _ids(h))
            out[id(h)] = (parent, "", max(gz[parent].precision_m, int(-(-radius // 100) * 100)))
    return out


def _ids(h) -> tuple[str, ...]:
    return tuple(sorted(e.place for e in h.entries))


def _decide(gz: Gazetteer, s: str, h, points: list, provinces: list, *, local: bool):
    """(place, what decided) when the evidence clearly favours one candidate, else None."""
    cands = [gz[e.place] for e in h.entries]
    lo, hi = sentence(s, h.i)
    scores = {c.id: 0.0 for c in cands}
    why = {c.id: "" for c in cands}
    for pos, anchor in points:
        w = _weight(pos, h.i, lo, hi)
        if local and w < 2:
            continue
        for c in cands:
            scores[c.id] += w * exp(-km(c, anchor) / _KERNEL_KM)
            why[c.id] = why[c.id] or ("nearby_places" if local else "document_places")
    for pos, seat in provinces:
        w = _weight(pos, h.i, lo, hi)
        if local and w < 2:
            continue
        for c in cands:
            if _province(gz, c) == seat:
                scores[c.id] += w
                why[c.id] = why[c.id] or "province"
    ranked = sorted(scores, key=scores.__getitem__, reverse=True)
    best, second = scores[ranked[0]], scores[ranked[1]]
    if best >= MIN_SCORE and best >= 2 * second:
        return ranked[0], why[ranked[0]], None
    return None


def _weight(pos: int, i: int, lo: int, hi: int) -> float:
    if lo <= pos < hi:
        return 3.0
    return 2.0 if abs(pos - i) < 300 else 1.0


def _province_level(s: str, h) -> bool:
    before = words_before(s, h.i, 30)
    if before and before[-1] in _PROVINCE_BEFORE:
        return True
    after = words_after(s, h.end, 30)
    return bool(after) and after[0] in _PROVINCE_AFTER


def _common_parent(gz: Gazetteer, ids: tuple[str, ...]) -> str | None:
    chains = [gz.ancestors(i) for i in ids]
    for a in chains[0]:
        if all(a in c for c in chains[1:]):
            return a
    return None
