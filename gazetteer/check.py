"""Validate a gazetteer: what ``frontline gazetteer check`` reports.

Errors (the data is wrong and must be fixed):

- ids that repeat, are not lower-case ASCII slugs, or parents that do not exist;
- a kind outside :data:`gazetteer.place.KINDS`, a bank other than left/right;
- a coordinate outside the region the reporting covers, a missing
  ``precision_m`` or source;
- a ``bank`` that disagrees with the place's side of the Euphrates line by more
  than the place's ``precision_m`` (a place that may lie on either side is not
  judged);
- a place farther from its parent than :data:`PARENT_DISTANCE_M` allows for its
  kind (a neighbourhood 5 km from its town is in another town); a province
  parent is exempt.

Warnings (worth a curator's look, not wrong by themselves):

- a place outside the study area (the base map) but inside the wider region:
  reporting names it (Mosul, Palmyra), the map cannot draw it;
- two published coordinates of one place more than 2 km apart (geodesic);
- a folded Arabic (or English) name shared by two places that are not parent
  and child: the linker cannot tell them apart from the name alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from geopy.distance import geodesic

from gazetteer.arabic import fold
from gazetteer.place import BANKS, KINDS
from gazetteer.places import Gazetteer
from gazetteer.river import bank_of, inside_study_area

__all__ = ["PARENT_DISTANCE_M", "REGION", "SOURCE_DISAGREEMENT_M", "CheckReport", "check"]

SOURCE_DISAGREEMENT_M = 2000.0
# Eastern Syria and the Iraqi towns its reporting names (Mosul, Sinjar, Anah):
# a place may lie beyond the base map but not beyond this (lon/lat bounds).
REGION = (37.5, 33.5, 44.5, 37.5)
# How far a place may lie from the place that contains it, by the child's kind.
PARENT_DISTANCE_M = {"neighbourhood": 5000.0, "site": 5000.0, "camp": 5000.0, "island": 6000.0, "hill": 6000.0}
DEFAULT_PARENT_DISTANCE_M = 6000.0
_SLUG = re.compile(r"^[a-z][a-z0-9_]*$")
# A place this close to the river line may sit on either side of a 50 m
# simplified line; its bank is not checked against the geometry.
_BANK_TOLERANCE_M = 150.0


@dataclass
class CheckReport:
    """Errors and warnings found in a gazetteer."""

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when there are no errors."""
        return not self.errors

    def lines(self) -> list[str]:
        """Human-readable report lines, errors first."""
        return [f"error: {e}" for e in self.errors] + [f"warning: {w}" for w in self.warnings]


def check(gz: Gazetteer) -> CheckReport:
    """Validate every place of ``gz``.

    Parameters
    ----------
    gz : Gazetteer

    Returns
    -------
    CheckReport
    """
    rep = CheckReport()
    for dup in gz.duplicates:
        rep.errors.append(f"{dup}: id used more than once")
    for p in gz:
        if not _SLUG.match(p.id):
            rep.errors.append(f"{p.id!r}: id must be a lower-case ASCII slug (a-z, 0-9, _)")
        if p.parent and p.parent not in gz:
            rep.errors.append(f"{p.id}: parent {p.parent!r} is not in the gazetteer")
        if p.parent == p.id or p.id in gz.ancestors(p.id):
            rep.errors.append(f"{p.id}: parent chain loops back to itself")
        if p.kind not in KINDS:
            rep.errors.append(f"{p.id}: kind {p.kind!r} is not one of {', '.join(KINDS)}")
        if not p.name_ar or not p.name_en:
            rep.errors.append(f"{p.id}: needs both an Arabic and an English name")
        if not _inside_region(p.lat, p.lon):
            rep.errors.append(f"{p.id}: coordinate ({p.lat}, {p.lon}) is outside the study area and the region")
        elif not inside_study_area(p.lat, p.lon):
            rep.warnings.append(f"{p.id}: coordinate ({p.lat}, {p.lon}) is beyond the base map; it is linked in "
                                "text but cannot be drawn")
        if p.precision_m <= 0:
            rep.errors.append(f"{p.id}: precision_m must be a positive number of metres")
        if not p.coord_source:
            rep.errors.append(f"{p.id}: coordinate has no source; say where it came from")
        if p.bank is not None:
            if p.bank not in BANKS:
                rep.errors.append(f"{p.id}: bank {p.bank!r} must be 'left' or 'right'")
            else:
                side, dist = bank_of(p.lat, p.lon)
                if side != p.bank and dist > max(_BANK_TOLERANCE_M, p.precision_m):
                    rep.errors.append(
                        f"{p.id}: bank is {p.bank!r} but the coordinate lies on the {side} bank "
                        f"of the Euphrates, {dist / 1000:.1f} km from the river (precision {p.precision_m} m)")
    _check_parent_distances(gz, rep)
    _check_sources(gz, rep)
    _check_collisions(gz, rep)
    return rep


def _inside_region(lat: float, lon: float) -> bool:
    west, south, east, north = REGION
    return west <= lon <= east and south <= lat <= north


def _check_parent_distances(gz: Gazetteer, rep: CheckReport) -> None:
    for p in gz:
        parent = gz.get(p.parent)
        if parent is None or parent.kind == "province":
            continue
        limit = PARENT_DISTANCE_M.get(p.kind, DEFAULT_PARENT_DISTANCE_M)
        dist = geodesic((p.lat, p.lon), (parent.lat, parent.lon)).m
        if dist > limit:
            rep.errors.append(
                f"{p.id}: {dist / 1000:.1f} km from its parent {parent.id!r}; a {p.kind} lies within "
                f"{limit / 1000:.0f} km of the place that contains it (fix the coordinate or the parent)")


def _check_sources(gz: Gazetteer, rep: CheckReport) -> None:
    by_place: dict[str, list[dict]] = {}
    for row in gz.sources:
        by_place.setdefault(row["place_id"], []).append(row)
    for place_id, rows in sorted(by_place.items()):
        if place_id not in gz:
            rep.warnings.append(f"coordinate source for unknown place {place_id!r}")
            continue
        pts = [(float(r["lat"]), float(r["lon"]), r["source"]) for r in rows]
        worst = (0.0, None, None)
        for i in range(len(pts)):
            for j in range(i + 1, len(pts)):
                d = geodesic(pts[i][:2], pts[j][:2]).m
                if d > worst[0]:
                    worst = (d, pts[i][2], pts[j][2])
        if worst[0] > SOURCE_DISAGREEMENT_M:
            rep.warnings.append(
                f"{place_id}: sources disagree by {worst[0] / 1000:.1f} km "
                f"({_short(worst[1])} vs {_short(worst[2])}); precision_m is {gz[place_id].precision_m}")


def _check_collisions(gz: Gazetteer, rep: CheckReport) -> None:
    owners: dict[str, set[str]] = {}
    for p in gz:
        for name in (*p.arabic_names, *p.english_names):
            key = " ".join(fold(name).split())
            if key.startswith("ال") and len(key) > 3:
                key = key[2:]
            owners.setdefault(key, set()).add(p.id)
    for key, ids in sorted(owners.items()):
        ids_sorted = sorted(ids)
        if len(ids_sorted) > 1 and not all(gz.related(a, b) for a in ids_sorted for b in ids_sorted):
            rep.warnings.append(f"name {key!r} is shared by {', '.join(ids_sorted)}")


def _short(source: str | None) -> str:
    return (source or "")[:60]
