"""Write what analysts and GIS users open: GeoJSON, GeoPackage, ACLED-style CSV.

- :func:`snapshot_layers` / :func:`write_layers`: places, areas and frontlines
  at one date in one view. Every place the map shows is there, with its
  ``status`` (held, contested, unknown), ``basis`` (assessed or claimed),
  ``last_evidence``, ``age_days`` and ``faded``.
- :func:`timeline_layers`: the same through time, for QGIS's Temporal
  Controller ("separate fields for start and end": ``valid_from``,
  ``valid_to``, half-open): places (one point per interval of control), areas
  and frontlines (one feature per stretch of dates in which they do not change).
- :func:`events_table`: claims and strikes in ACLED's column convention.

Review (:mod:`review`): every claim carries its ``review_state`` (unreviewed,
confirmed, edited, added) and ``reviewed_by``; place features list the
``review_states`` of their ``claim_ids``, one each, and everyone who reviewed
one of them (``reviewed_by``). Rejected claims are not in any export.

Which file holds which geometry
    GeoPackage: one layer per geometry type: ``places`` / ``timeline_places``
    (Point), ``areas`` / ``timeline_areas`` (MultiPolygon), ``frontlines`` /
    ``timeline_frontlines`` (MultiLineString); dates are GeoPackage ``DATE``
    fields, and each layer carries a QGIS style with the map's colours
    (``layer_styles``, applied when QGIS opens the layer). GeoJSON: one
    FeatureCollection whose features carry a ``layer`` property (QGIS splits it
    by geometry type), dates as ISO text, with ``<name>-<layer>.qml`` styles
    beside it.

GeoJSON follows RFC 7946: WGS 84 longitude first, no ``crs`` member, polygons
wound right-hand (exterior counter-clockwise), coordinates to 6 decimals (about
10 cm).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow as pa
import pyogrio
import shapely
from shapely.geometry import Point, mapping
from shapely.geometry.polygon import orient

from extract.claim import CONTROL, Claim
from geo._qml import qml, store_styles
from geo.areas import areas_of, cells_for, frontlines_of, stretches
from geo.timeline import Timeline, View, parse_view, source_of
from guard.errors import BadInput
from guard.files import atomic_path, atomic_write

__all__ = ["ACLED_COLUMNS", "EVENT_COLUMNS", "GEOMETRY", "events_table", "snapshot_layers", "timeline_layer", "timeline_layers",
           "to_geojson", "write_layers"]

WGS84 = "EPSG:4326"
_JOIN = " | "
# The geometry of each layer, by the end of its name.
GEOMETRY = {"places": "Point", "areas": "MultiPolygon", "frontlines": "MultiLineString"}
_DATE_COLUMNS = ("date", "since", "last_evidence", "valid_from", "valid_to")
_QML_KIND = {"Point": "point", "MultiPolygon": "polygon", "MultiLineString": "line"}


def geometry_of(layer: str) -> str | None:
    """``"Point"``, ``"MultiPolygon"`` or ``"MultiLineString"`` for a layer name Frontline writes."""
    return next((g for k, g in GEOMETRY.items() if layer == k or layer.endswith("_" + k)), None)


def _listy(value) -> str:
    if isinstance(value, (list, tuple)):
        return _JOIN.join(str(v) for v in value)
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)


def snapshot_layers(timeline: Timeline, day: date, view: View | str = "consensus") -> dict[str, gpd.GeoDataFrame]:
    """Places, areas and frontlines at ``day`` in WGS 84.

    Returns
    -------
    dict of str to GeoDataFrame
        ``{"places": ..., "areas": ..., "frontlines": ...}``. Dates (``date``,
        ``since``, ``last_evidence``) are :class:`datetime.date` objects.

    Examples
    --------
    >>> write_layers(snapshot_layers(tl, date(2018, 12, 14)), "hajin.gpkg")  # doctest: +SKIP
    """
    view = parse_view(view) if isinstance(view, str) else view
    snap = timeline.snapshot(day, view)
    places = gpd.GeoDataFrame(
        {
            "place": snap["place"], "name_en": snap["name_en"], "name_ar": snap["name_ar"],
            "status": snap["status"], "holder": snap["holder"], "basis": snap["basis"], "extent": snap["extent"],
            "contenders": snap["contenders"].map(_listy), "since": snap["since"], "last_evidence": snap["last_evidence"],
            "age_days": snap["age_days"].astype("Int64"), "faded": snap["faded"].astype(bool),
            "sources": snap["sources"].map(_listy), "quotes": snap["quotes"].map(_listy),
            "claim_ids": snap["claim_ids"].map(_listy), "review_states": snap["review_states"].map(_listy),
            "reviewed_by": snap["reviewed_by"].map(_listy),
        },
        geometry=[Point(lon, lat) for lon, lat in zip(snap["lon"], snap["lat"], strict=False)], crs=WGS84,
    ).reset_index(drop=True)
    cells = cells_for(timeline.gazetteer)
    areas = areas_of(snap, cells)
    fronts = frontlines_of(areas).to_crs(WGS84)
    areas = areas.to_crs(WGS84)
    areas["places"] = areas["places"].map(_listy)
    for layer in (places, areas, fronts):
        layer["date"] = day
        layer["view"] = str(view)
    return {"places": places, "areas": areas, "frontlines": fronts}


def timeline_layer(timeline: Timeline, view: View | str = "consensus") -> gpd.GeoDataFrame:
    """One point feature per interval of control, with ``valid_from``/``valid_to`` dates."""
    t = timeline.table(view)
    if t.empty:
        return gpd.GeoDataFrame(columns=["place", "valid_from", "valid_to", "geometry"], geometry="geometry", crs=WGS84)
    out = gpd.GeoDataFrame(
        {
            "place": t["place"], "name_en": t["name_en"], "name_ar": t["name_ar"],
            "valid_from": t["valid_from"], "valid_to": t["valid_to"],
            "status": t["status"], "holder": t["holder"], "basis": t["basis"], "extent": t["extent"],
            "contenders": t["contenders"].map(_listy), "last_evidence": t["last_evidence"],
            "sources": t["sources"].map(_listy), "claim_ids": t["claim_ids"].map(_listy),
            "quotes": t["quotes"].map(_listy), "review_states": t["review_states"].map(_listy),
            "reviewed_by": t["reviewed_by"].map(_listy),
        },
        geometry=[Point(lon, lat) for lon, lat in zip(t["lon"], t["lat"], strict=False)], crs=WGS84,
    )
    out["view"] = str(parse_view(view) if isinstance(view, str) else view)
    return out.sort_values(["place", "valid_from"]).reset_index(drop=True)


def timeline_layers(timeline: Timeline, view: View | str = "consensus") -> dict[str, gpd.GeoDataFrame]:
    """Places, areas and frontlines through time, each feature with ``valid_from``/``valid_to``.

    Returns
    -------
    dict of str to GeoDataFrame
        ``{"timeline_places": points, "timeline_areas": polygons, "timeline_frontlines": lines}``
        in WGS 84. Intervals are half-open; the last ends at :attr:`Timeline.until`.

    Examples
    --------
    >>> write_layers(timeline_layers(tl, "wikipedia"), "control.gpkg")  # doctest: +SKIP
    """
    view = parse_view(view) if isinstance(view, str) else view
    areas, fronts = [], []
    for a, b, ar, fr in stretches(timeline, view, end=(timeline.until - timedelta(days=1)) if timeline.until else None):
        ar = ar.to_crs(WGS84).assign(valid_from=a, valid_to=b, places=ar["places"].map(_listy))
        fr = fr.to_crs(WGS84).assign(valid_from=a, valid_to=b)
        areas.append(ar)
        fronts.append(fr)
    cols_a = ["valid_from", "valid_to", "holder", "basis", "places", "geometry"]
    cols_f = ["valid_from", "valid_to", "between", "length_m", "geometry"]
    areas_gdf = gpd.GeoDataFrame(pd.concat(areas, ignore_index=True)[cols_a] if areas else None, columns=cols_a,
                                 geometry="geometry", crs=WGS84)
    fronts_gdf = gpd.GeoDataFrame(pd.concat(fronts, ignore_index=True)[cols_f] if fronts else None, columns=cols_f,
                                  geometry="geometry", crs=WGS84)
    for layer in (areas_gdf, fronts_gdf):
        layer["view"] = str(view)
    return {"timeline_places": timeline_layer(timeline, view), "timeline_areas": areas_gdf,
            "timeline_frontlines": fronts_gdf}


def _iso(d) -> str | None:
    if d is None or (isinstance(d, float) and math.isnan(d)):
        return None
    return d.isoformat() if hasattr(d, "isoformat") else str(d)


# ------------------------------------------------------------------ GeoJSON
def _rfc7946_geometry(geom) -> dict:
    if geom.geom_type == "Polygon":
        geom = orient(geom, 1.0)
    elif geom.geom_type == "MultiPolygon":
        geom = shapely.MultiPolygon([orient(g, 1.0) for g in geom.geoms])
    geom = shapely.transform(geom, lambda xy: np.round(xy, 6))
    return mapping(geom)


def _clean(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()[:10]
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def to_geojson(layers: dict[str, gpd.GeoDataFrame]) -> dict:
    """One RFC 7946 FeatureCollection of every layer, each feature tagged ``layer``."""
    features = []
    for name, gdf in layers.items():
        gdf = gdf.to_crs(WGS84) if gdf.crs is not None and gdf.crs != WGS84 else gdf
        props = [c for c in gdf.columns if c != gdf.geometry.name]
        for rec, geom in zip(gdf[props].itertuples(index=False), gdf.geometry, strict=False):
            if geom is None or geom.is_empty:
                continue
            p = {"layer": name, **{k: _clean(v) for k, v in zip(props, rec, strict=False)}}
            features.append({"type": "Feature", "geometry": _rfc7946_geometry(geom), "properties": p})
    return {"type": "FeatureCollection", "features": features}


def write_layers(layers: dict[str, gpd.GeoDataFrame], path: str | Path, *, styles: bool = True) -> Path:
    """Write layers to ``.geojson`` (one collection) or ``.gpkg`` (one layer each).

    The file appears whole or not at all: it is written beside ``path`` and
    renamed over it when complete.

    Parameters
    ----------
    layers : dict of str to GeoDataFrame
    path : str or Path
    styles : bool
        Add QGIS styles with the map's colours: inside a GeoPackage, or as
        ``<name>-<layer>.qml`` files beside a GeoJSON file.

    Raises
    ------
    BadInput
        For another file extension.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".geojson", ".json"):
        with atomic_write(path) as f:
            f.write(json.dumps(to_geojson(layers), ensure_ascii=False))
        if styles:
            for name in layers:
                geom = geometry_of(name)
                if geom:
                    path.with_name(f"{path.stem}-{name}.qml").write_text(qml(_QML_KIND[geom]), encoding="utf-8")
    elif suffix == ".gpkg":
        with atomic_path(path) as tmp:  # a fresh file: a stale one would keep layers we no longer write
            for name, gdf in layers.items():
                _write_gpkg_layer(gdf, tmp, name)
            if styles:
                store_styles(tmp, {name: qml(_QML_KIND[geometry_of(name)]) for name in layers if geometry_of(name)})
    else:
        raise BadInput(f"{path}: write .geojson or .gpkg (got {suffix or 'no extension'})")
    return path


def _write_gpkg_layer(gdf: gpd.GeoDataFrame, path: Path, name: str) -> None:
    gdf = gdf.to_crs(WGS84) if gdf.crs is not None else gdf.set_crs(WGS84)
    geom_type = geometry_of(name)
    geoms = gdf.geometry.values
    if geom_type == "MultiPolygon":
        geoms = [shapely.MultiPolygon([g]) if g.geom_type == "Polygon" else g for g in geoms]
    elif geom_type == "MultiLineString":
        geoms = [shapely.MultiLineString([g]) if g.geom_type == "LineString" else g for g in geoms]
    attrs = pd.DataFrame(gdf.drop(columns=gdf.geometry.name))
    # Through Arrow, date objects become GeoPackage DATE fields (pandas would write them as TEXT).
    table = pa.Table.from_pandas(attrs, preserve_index=False)
    for k, field in enumerate(table.schema):
        if pa.types.is_null(field.type):  # a column with no value at all still needs a type
            kind = pa.date32() if field.name in _DATE_COLUMNS else pa.string()
            table = table.set_column(k, field.name, table.column(k).cast(kind))
    table = table.append_column("geometry", pa.array(shapely.to_wkb(np.asarray(geoms, dtype=object)), pa.binary()))
    pyogrio.write_arrow(table, path, layer=name, driver="GPKG", geometry_name="geometry",
                        geometry_type=geom_type or "Unknown", crs=WGS84)


# -------------------------------------------------------------------- ACLED
ACLED_COLUMNS = ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "location", "latitude",
                 "longitude", "geo_precision", "time_precision", "source", "notes")
# ACLED's columns, then what review said of the claim and the key to find it again (frontline review history KEY).
EVENT_COLUMNS = (*ACLED_COLUMNS, "review_state", "reviewed_by", "claim_key")
ACLED_ACTORS = {
    "ISIS": "Islamic State (Syria)", "SDF": "QSD: Syrian Democratic Forces", "SAA": "Military Forces of Syria",
    "COALITION": "Operation Inherent Resolve (Coalition)", "PMF": "PMF: Popular Mobilization Forces",
    "IRAQ": "Military Forces of Iraq", "TURKEY": "Military Forces of Turkey", "OTHER": "Unidentified Armed Group",
}
_STATE = {"SAA", "IRAQ", "TURKEY"}


def _acled_types(c: Claim) -> tuple[str, str]:
    if c.kind == "airstrike":
        return "Explosions/Remote violence", "Air/drone strike"
    if c.kind == "shelling":
        return "Explosions/Remote violence", "Shelling/artillery/missile attack"
    if c.kind == "clash" or c.change in ("advanced", "repelled"):
        return "Battles", "Armed clash"
    if c.change == "captured":
        return "Battles", ("Government regains territory" if c.actor in _STATE else "Non-state actor overtakes territory")
    if c.change == "withdrew":
        return "Strategic developments", "Non-violent transfer of territory"
    return "Strategic developments", "Other"


def events_table(claims: Iterable[Claim], *, gazetteer=None) -> pd.DataFrame:
    """Dated claims and events in ACLED's columns (one row per record).

    ``geo_precision``: 1 when the place is known to 2 km, 2 to 10 km, else 3.
    ``time_precision``: 1 for a known day, 2 for a window up to a week, else 3.
    After ACLED's columns come ``review_state``, ``reviewed_by`` and ``claim_key``
    (:data:`EVENT_COLUMNS`). Pass claims after review (``Timeline.claims``, or
    ``review.apply_review(...).claims``): rejected ones are then left out.
    """
    from gazetteer import load

    gz = gazetteer or load()
    rows = []
    for c in claims:
        if c.date.latest is None:
            continue
        et, sub = _acled_types(c)
        place = gz.get(c.place)
        precision_m = place.precision_m if place else 10_000
        source = "; ".join(dict.fromkeys(x for x in (c.outlet, source_of(c)) if x and x != "outlet"))
        rows.append({
            "event_date": c.date.latest.isoformat(), "event_type": et, "sub_event_type": sub,
            "actor1": ACLED_ACTORS.get(c.actor or "", ""), "actor2": "", "location": c.place_name,
            "latitude": c.lat, "longitude": c.lon,
            "geo_precision": 1 if precision_m <= 2000 else 2 if precision_m <= 10_000 else 3,
            "time_precision": {"day": 1, "week": 2}.get(c.precision or "", 3),
            "source": source,
            "notes": f"{c.summary()}. Frontline claim {c.id}" + ("" if c.kind == CONTROL else f" ({c.kind})")
                     + f". Quote: {c.quote}",
            "review_state": c.review_state, "reviewed_by": c.reviewed_by, "claim_key": c.key,
        })
    return pd.DataFrame(rows, columns=list(EVENT_COLUMNS))
