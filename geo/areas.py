"""Areas of control and frontlines from a snapshot of places.

How the areas are drawn
-----------------------
- Every drawn place (sites such as a hospital are not drawn) gets a cell: its
  Voronoi cell among the places *of the same region*, where the Euphrates and
  the national borders cut the study area into regions, so no area ever
  crosses the river or a border; cut to a disc of ``radius_m`` around the place
  (a village does not speak for the empty desert 50 km away) and to the study
  area. Geometry is computed in UTM 37N metres and written in WGS 84.
- Cells of places held by one side dissolve into that side's area (one for
  assessed control, one for control only the side itself claims); cells of
  contested places dissolve into a ``contested`` area of their own; places of
  unknown control get no area.
- A frontline is a boundary shared by two areas of different holders
  (contested counts as its own holder), merged into lines.

Cells depend only on the gazetteer, so they are computed once and reused for
every date, and so are their shared edges (:class:`Edges`): the time map draws
each cell once and a frontline on every edge whose two sides are held by
different sides, so it needs no geometry per date.
"""

from __future__ import annotations

import itertools
import json
from datetime import date, timedelta
from functools import lru_cache

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import MultiPoint, Point, shape
from shapely.ops import linemerge, unary_union

from gazetteer import Gazetteer
from gazetteer.river import BASEMAP, METRIC_CRS, STUDY_AREA, euphrates_metric, to_metric

__all__ = ["RADIUS_M", "Cells", "Edges", "areas_of", "cells_for", "edges_for", "frontlines_of", "stretches"]

RADIUS_M = 12_000.0
_NO_CELL = ("site", "province")
_RIVER_GAP_M = 40.0  # half-width of the river cut between the banks' regions


class Cells:
    """One polygon per drawn place, in UTM 37N metres.

    Parameters
    ----------
    gazetteer : Gazetteer
    radius_m : float
        Largest distance an area reaches from its place.
    """

    def __init__(self, gazetteer: Gazetteer, *, radius_m: float = RADIUS_M) -> None:
        self.radius_m = radius_m
        # The Euphrates and the national borders cut the study area into regions; a cell never leaves
        # the region of its place.
        barriers = unary_union([euphrates_metric().buffer(_RIVER_GAP_M), *(b.buffer(_RIVER_GAP_M) for b in _borders())])
        rest = to_metric(STUDY_AREA).difference(barriers)
        regions = [g for g in getattr(rest, "geoms", [rest]) if g.area > 1e6]
        # A site lies inside its town; a province is no point on the ground; a place beyond the study
        # area (Mosul, Palmyra) would claim an empty cell at its edge.
        drawn = [p for p in gazetteer if p.kind not in _NO_CELL and STUDY_AREA.contains(Point(p.lon, p.lat))]
        # Places at one point (a camp placed at its town) share one cell.
        by_point: dict[tuple[float, float], list[str]] = {}
        for p in drawn:
            by_point.setdefault((round(p.lon, 5), round(p.lat, 5)), []).append(p.id)
        members: dict[int, list[tuple[tuple[float, float], Point]]] = {}
        for key in by_point:
            pt = to_metric(Point(*key))
            r = min(range(len(regions)), key=lambda k: regions[k].distance(pt))
            members.setdefault(r, []).append((key, pt))
        self.cells: dict[str, shapely.Geometry] = {}
        for r, items in members.items():
            region = regions[r]
            pts = [pt for _, pt in items]
            if len(pts) == 1:
                polys = [region]
            else:
                vor = list(shapely.voronoi_polygons(MultiPoint(pts), extend_to=region.envelope.buffer(1)).geoms)
                polys = [next((g for g in vor if g.contains(pt)), pt.buffer(1)) for pt in pts]
            for (key, pt), poly in zip(items, polys, strict=True):
                cell = poly.intersection(region).intersection(pt.buffer(radius_m, quad_segs=16))
                if cell.geom_type != "Polygon":
                    # Keep the piece around the place (a meander can cut a cell in two).
                    parts = [g for g in getattr(cell, "geoms", [cell]) if g.geom_type == "Polygon"]
                    cell = min(parts, key=lambda g: g.distance(pt)) if parts else cell
                for pid in by_point[key]:
                    self.cells[pid] = cell


def _borders() -> list:
    with BASEMAP.open(encoding="utf-8") as f:
        feats = json.load(f)["features"]
    return [to_metric(shape(ft["geometry"])) for ft in feats if ft["properties"].get("kind") == "national_border"]


@lru_cache(maxsize=4)
def _cells_for(gazetteer: Gazetteer, radius_m: float) -> Cells:
    return Cells(gazetteer, radius_m=radius_m)


def cells_for(gazetteer: Gazetteer, *, radius_m: float = RADIUS_M) -> Cells:
    """Cells of a gazetteer, computed once per gazetteer and radius."""
    return _cells_for(gazetteer, radius_m)


_EDGE_GRID_M = 0.01  # neighbours' boundaries meet to within float noise: intersect them on a 1 cm grid
_EDGE_MIN_M = 1.0


class Edges:
    """The boundary each pair of neighbouring cells shares, in UTM 37N metres.

    Places at one point share one cell; an edge lists the places on each side.

    Parameters
    ----------
    cells : Cells

    Attributes
    ----------
    edges : list of (tuple of str, tuple of str, LineString or MultiLineString)
        Places on one side, places on the other, the shared boundary.
    """

    def __init__(self, cells: Cells) -> None:
        groups: dict[int, list[str]] = {}
        geoms: dict[int, shapely.Geometry] = {}
        for pid, cell in cells.cells.items():
            if cell is None or cell.is_empty:
                continue
            groups.setdefault(id(cell), []).append(pid)
            geoms[id(cell)] = cell
        keys = list(groups)
        arr = np.array([geoms[k] for k in keys], dtype=object)
        self.edges: list[tuple[tuple[str, ...], tuple[str, ...], shapely.Geometry]] = []
        if len(arr) < 2:
            return
        a, b = shapely.STRtree(arr).query(arr, predicate="intersects")
        keep = a < b
        a, b = a[keep], b[keep]
        bounds = shapely.boundary(arr)
        # Exact intersection misses edges whose vertices differ by float noise (a third of them on the
        # bundled gazetteer): a 1 cm grid finds them all.
        shared = shapely.line_merge(shapely.intersection(bounds[a], bounds[b], grid_size=_EDGE_GRID_M))
        for i, j, line in zip(a, b, shared, strict=True):
            parts = [g for g in getattr(line, "geoms", [line]) if g.geom_type == "LineString" and not g.is_empty]
            if not parts:
                continue  # cells that touch at a corner share no edge
            geom = parts[0] if len(parts) == 1 else shapely.MultiLineString(parts)
            if geom.length < _EDGE_MIN_M:
                continue
            self.edges.append((tuple(sorted(groups[keys[i]])), tuple(sorted(groups[keys[j]])), geom))


@lru_cache(maxsize=4)
def _edges_for(gazetteer: Gazetteer, radius_m: float) -> Edges:
    return Edges(cells_for(gazetteer, radius_m=radius_m))


def edges_for(gazetteer: Gazetteer, *, radius_m: float = RADIUS_M) -> Edges:
    """Shared edges of a gazetteer's cells, computed once per gazetteer and radius."""
    return _edges_for(gazetteer, radius_m)


def _label(row) -> str | None:
    if row["status"] == "held" and row["holder"]:
        return row["holder"]
    if row["status"] == "contested":
        return "contested"
    return None


def areas_of(snapshot: pd.DataFrame, cells: Cells) -> gpd.GeoDataFrame:
    """Areas of control (one multipolygon per holder) in UTM 37N.

    Parameters
    ----------
    snapshot : DataFrame
        From :meth:`geo.timeline.Timeline.snapshot`.
    cells : Cells

    Returns
    -------
    GeoDataFrame
        Columns ``holder`` (an actor or ``"contested"``), ``basis``
        (``"assessed"`` or ``"claimed"``), ``places`` (ids) and ``geometry``.
    """
    groups: dict[tuple[str, str], list] = {}
    members: dict[tuple[str, str], list[str]] = {}
    has_basis = "basis" in snapshot.columns
    for _, row in snapshot.iterrows():
        label = _label(row)
        cell = cells.cells.get(row["place"])
        if label is None or cell is None or cell.is_empty:
            continue
        basis = (row["basis"] if has_basis else None) or "assessed"
        key = (label, "assessed" if label == "contested" else basis)
        groups.setdefault(key, []).append(cell)
        members.setdefault(key, []).append(row["place"])
    rows = [{"holder": k[0], "basis": k[1], "places": sorted(members[k]), "geometry": unary_union(v)}
            for k, v in sorted(groups.items())]
    return gpd.GeoDataFrame(rows, columns=["holder", "basis", "places", "geometry"], geometry="geometry",
                            crs=METRIC_CRS)


def frontlines_of(areas: gpd.GeoDataFrame, *, min_length_m: float = 200.0) -> gpd.GeoDataFrame:
    """Lines where areas of different holders meet, in UTM 37N.

    Returns
    -------
    GeoDataFrame
        Columns ``between`` (``"ISIS|SDF"``, holders sorted), ``length_m`` and ``geometry``.
    """
    rows = []
    recs = list(areas.itertuples(index=False))
    for i in range(len(recs)):
        for j in range(i + 1, len(recs)):
            a, b = recs[i], recs[j]
            if a.holder == b.holder:
                continue  # claimed and assessed ground of one side: no front between them
            shared = a.geometry.boundary.intersection(b.geometry.boundary)
            lines = [g for g in getattr(shared, "geoms", [shared])
                     if g.geom_type in ("LineString", "MultiLineString") and not g.is_empty]
            if not lines:
                continue
            union = unary_union(lines)
            merged = linemerge(union) if union.geom_type == "MultiLineString" else union
            if merged.is_empty or merged.length < min_length_m:
                continue
            rows.append({"between": "|".join(sorted((a.holder, b.holder))), "length_m": round(merged.length),
                         "geometry": merged})
    return gpd.GeoDataFrame(rows, columns=["between", "length_m", "geometry"], geometry="geometry", crs=METRIC_CRS)


def stretches(timeline, view, *, start: date | None = None, end: date | None = None,
              radius_m: float = RADIUS_M) -> list[tuple[date, date, gpd.GeoDataFrame, gpd.GeoDataFrame]]:
    """Areas and frontlines for each stretch of dates in which they do not change.

    Parameters
    ----------
    timeline : geo.timeline.Timeline
    view : View or str
    start, end : date, optional
        The dates to cover (default: the timeline's evidence).

    Returns
    -------
    list of (valid_from, valid_to, areas, frontlines)
        Half-open ``[valid_from, valid_to)`` stretches in date order; geometry in UTM 37N.
    """
    span = timeline.dates
    if span is None:
        return []
    start, end = start or span[0], end or span[1]
    intervals = timeline.intervals(view)
    cuts = sorted({start, end + timedelta(days=1)} | {
        d for ivs in intervals.values() for iv in ivs for d in (iv.valid_from, iv.valid_to) if start < d <= end})
    cells = cells_for(timeline.gazetteer, radius_m=radius_m)
    out: list[list] = []
    last_key = None
    for a, b in itertools.pairwise(cuts):
        areas = areas_of(timeline.snapshot(a, view), cells)
        key = [(r.holder, r.basis, tuple(r.places)) for r in areas.itertuples(index=False)]
        if out and key == last_key:
            out[-1][1] = b  # nothing drawn changed: one stretch, not two
            continue
        out.append([a, b, areas, frontlines_of(areas)])
        last_key = key
    return [tuple(s) for s in out]
