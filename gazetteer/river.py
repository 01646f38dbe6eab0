"""The Euphrates and the study area, from the shipped base-map lines.

The river matters twice: a place's ``bank`` must agree with its side of the
river, and areas of control never cross it. The line is oriented downstream
(from Raqqa towards Abu Kamal), so "left" is the north-east bank.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files

import shapely
from pyproj import Transformer
from shapely.geometry import LineString, Point, box, shape
from shapely.ops import linemerge

__all__ = [
    "BASEMAP",
    "METRIC_CRS",
    "STUDY_AREA",
    "bank_of",
    "euphrates",
    "euphrates_metric",
    "point_beside_river",
    "to_metric",
    "to_wgs84",
]

# Package data (provenance in gazetteer/data/README.md): present in every install, not only in a checkout.
BASEMAP = files("gazetteer") / "data" / "basemap_lines.geojson"
# The extent of the shipped base map; every place must lie inside it.
STUDY_AREA = box(38.5, 34.0, 42.2, 37.4)
METRIC_CRS = "EPSG:32637"  # UTM zone 37N: metres across eastern Syria

_to_metric = Transformer.from_crs("EPSG:4326", METRIC_CRS, always_xy=True)
_to_wgs84 = Transformer.from_crs(METRIC_CRS, "EPSG:4326", always_xy=True)


def to_metric(geom):
    """Project a WGS 84 (lon, lat) geometry to UTM 37N metres."""
    return shapely.transform(geom, _to_metric.transform, interleaved=False)


def to_wgs84(geom):
    """Project a UTM 37N geometry back to WGS 84 (lon, lat)."""
    return shapely.transform(geom, _to_wgs84.transform, interleaved=False)


@lru_cache(maxsize=1)
def euphrates() -> LineString:
    """The Euphrates as one WGS 84 line, oriented downstream."""
    with BASEMAP.open(encoding="utf-8") as f:
        features = json.load(f)["features"]
    parts = [
        shape(ft["geometry"])
        for ft in features
        if ft["properties"].get("kind") == "river" and ft["properties"].get("wdb_level") == 1
    ]
    merged = linemerge(parts)
    if merged.geom_type == "MultiLineString":
        # Keep the longest run; small islands' side channels are not the river.
        merged = max(merged.geoms, key=lambda g: g.length)
    upstream, downstream = Point(39.0, 35.95), Point(40.92, 34.45)  # Raqqa, Abu Kamal
    start, end = Point(merged.coords[0]), Point(merged.coords[-1])
    if start.distance(upstream) + end.distance(downstream) > start.distance(downstream) + end.distance(upstream):
        merged = LineString(list(merged.coords)[::-1])
    return merged


@lru_cache(maxsize=1)
def euphrates_metric() -> LineString:
    """The Euphrates in UTM 37N metres, oriented downstream."""
    return to_metric(euphrates())


def bank_of(lat: float, lon: float) -> tuple[str, float]:
    """Which bank of the Euphrates a point lies on, and how far from the river.

    Parameters
    ----------
    lat, lon : float
        WGS 84 coordinate.

    Returns
    -------
    tuple of (str, float)
        ``"left"`` or ``"right"`` (facing downstream) and the distance in metres.
    """
    river = euphrates_metric()
    p = to_metric(Point(lon, lat))
    along = river.project(p)
    a = river.interpolate(max(along - 50.0, 0.0))
    b = river.interpolate(min(along + 50.0, river.length))
    cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)
    return ("left" if cross > 0 else "right"), float(river.distance(p))


def point_beside_river(lat: float, lon: float, *, downstream_m: float, side: str, offset_m: float) -> tuple[float, float]:
    """A point on one bank, a given distance along the river from a known place.

    Used to place villages that no source gives a coordinate for, from a
    description such as "adjoins Hajin on the north" (upstream) or "the lower
    part of Baghuz" (downstream). The result is as good as the description.

    Parameters
    ----------
    lat, lon : float
        The known place.
    downstream_m : float
        Distance along the river from the known place's projection; negative
        goes upstream.
    side : str
        ``"left"`` or ``"right"``.
    offset_m : float
        Distance from the river onto that bank.

    Returns
    -------
    tuple of (float, float)
        ``(lat, lon)`` rounded to five decimals.
    """
    river = euphrates_metric()
    along = river.project(to_metric(Point(lon, lat))) + downstream_m
    along = min(max(along, 60.0), river.length - 60.0)
    a, b = river.interpolate(along - 50.0), river.interpolate(along + 50.0)
    mid = river.interpolate(along)
    dx, dy = b.x - a.x, b.y - a.y
    norm = (dx * dx + dy * dy) ** 0.5
    # Left normal of the downstream direction is (-dy, dx).
    sign = 1.0 if side == "left" else -1.0
    p = Point(mid.x - sign * dy / norm * offset_m, mid.y + sign * dx / norm * offset_m)
    q = to_wgs84(p)
    return round(q.y, 5), round(q.x, 5)


def inside_study_area(lat: float, lon: float) -> bool:
    """True when a WGS 84 point lies inside the study area."""
    return bool(shapely.contains_xy(STUDY_AREA, lon, lat))
