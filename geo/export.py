"""Write what analysts and GIS users open: GeoJSON, GeoPackage, ACLED-style CSV.

- :func:`snapshot_layers` / :func:`write_layers`: places, areas and frontlines
  at one date in one view. In GeoJSON one FeatureCollection whose features
  carry a ``layer`` property; in GeoPackage one layer each.
- :func:`timeline_layer`: one feature per interval with ``valid_from`` and
  ``valid_to`` as ISO dates, so QGIS's Temporal Controller ("separate fields for
  start and end") plays it directly.
- :func:`events_table`: claims and strikes in ACLED's column convention.

GeoJSON follows RFC 7946: WGS 84 longitude first, no ``crs`` member, polygons
wound right-hand (exterior counter-clockwise), coordinates to 6 decimals (about
10 cm).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import Point, mapping
from shapely.geometry.polygon import orient

from extract.claim import CONTROL, Claim
from geo.areas import areas_of, cells_for, frontlines_of
from geo.timeline import Timeline, View, parse_view, source_of

__all__ = ["ACLED_COLUMNS", "events_table", "snapshot_layers", "timeline_layer", "to_geojson", "write_layers"]

WGS84 = "EPSG:4326"
_JOIN = " | "


def _listy(value) -> str:
    if isinstance(value, (list, tuple)):
        return _JOIN.join(str(v) for v in value)
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)


def snapshot_layers(timeline: Timeline, day: date, view: View | str = "consensus") -> dict[str, gpd.GeoDataFrame]:
    """Places, areas and frontlines at ``day`` in WGS 84.

    Returns
    -------
    dict of str to GeoDataFrame
        ``{"places": ..., "areas": ..., "frontlines": ...}``.
    """
    view = parse_view(view) if isinstance(view, str) else view
    snap = timeline.snapshot(day, view)
    places = gpd.GeoDataFrame(
        {
            "place": snap["place"], "name_en": snap["name_en"], "name_ar": snap["name_ar"],
            "holder": snap["holder"], "status": snap["status"], "extent": snap["extent"],
            "contenders": snap["contenders"].map(_listy),
            "since": snap["since"].map(_iso), "last_evidence": snap["last_evidence"].map(_iso),
            "sources": snap["sources"].map(_listy), "quotes": snap["quotes"].map(_listy),
            "claim_ids": snap["claim_ids"].map(_listy),
        },
        geometry=[Point(lon, lat) for lon, lat in zip(snap["lon"], snap["lat"], strict=False)], crs=WGS84,
    ).reset_index(drop=True)
    cells = cells_for(timeline.gazetteer)
    areas = areas_of(snap, cells)
    fronts = frontlines_of(areas).to_crs(WGS84)
    areas = areas.to_crs(WGS84)
    areas["places"] = areas["places"].map(_listy)
    meta = {"date": day.isoformat(), "view": str(view)}
    for layer in (places, areas, fronts):
        for k, v in meta.items():
            layer[k] = v
    return {"places": places, "areas": areas, "frontlines": fronts}


def timeline_layer(timeline: Timeline, view: View | str = "consensus") -> gpd.GeoDataFrame:
    """One point feature per interval of control, with ISO ``valid_from``/``valid_to``."""
    t = timeline.table(view)
    if t.empty:
        return gpd.GeoDataFrame(columns=["place", "valid_from", "valid_to", "geometry"], geometry="geometry", crs=WGS84)
    out = gpd.GeoDataFrame(
        {
            "place": t["place"], "name_en": t["name_en"], "name_ar": t["name_ar"],
            "valid_from": t["valid_from"].map(_iso), "valid_to": t["valid_to"].map(_iso),
            "holder": t["holder"], "status": t["status"], "extent": t["extent"],
            "contenders": t["contenders"].map(_listy), "last_evidence": t["last_evidence"].map(_iso),
            "sources": t["sources"].map(_listy), "claim_ids": t["claim_ids"].map(_listy),
            "quotes": t["quotes"].map(_listy),
        },
        geometry=[Point(lon, lat) for lon, lat in zip(t["lon"], t["lat"], strict=False)], crs=WGS84,
    )
    out["view"] = str(parse_view(view) if isinstance(view, str) else view)
    return out.sort_values(["place", "valid_from"]).reset_index(drop=True)


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


def write_layers(layers: dict[str, gpd.GeoDataFrame], path: str | Path) -> Path:
    """Write layers to ``.geojson`` (one collection) or ``.gpkg`` (one layer each).

    Raises
    ------
    ValueError
        For another file extension.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".geojson", ".json"):
        path.write_text(json.dumps(to_geojson(layers), ensure_ascii=False), encoding="utf-8")
    elif suffix == ".gpkg":
        if path.exists():
            path.unlink()  # a stale file would keep layers we no longer write
        for name, gdf in layers.items():
            gdf = gdf.to_crs(WGS84) if gdf.crs is not None else gdf.set_crs(WGS84)
            if gdf.empty:
                gdf = gpd.GeoDataFrame({"empty": pd.Series(dtype="str")}, geometry=gpd.GeoSeries([], crs=WGS84))
            gdf.to_file(path, layer=name, driver="GPKG", engine="pyogrio")
    else:
        raise ValueError(f"{path}: write .geojson or .gpkg (got {suffix or 'no extension'})")
    return path


# -------------------------------------------------------------------- ACLED
ACLED_COLUMNS = ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "location", "latitude",
                 "longitude", "geo_precision", "time_precision", "source", "notes")
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
        })
    return pd.DataFrame(rows, columns=list(ACLED_COLUMNS))
