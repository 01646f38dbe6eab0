"""Exports a GIS user opens: RFC 7946 GeoJSON, GeoPackage layers, QGIS temporal fields, ACLED CSV."""

import csv
import itertools
import json
from datetime import date

import geopandas as gpd
import pyogrio
import shapely
from shapely.geometry import shape

from frontline import main
from gazetteer.river import bank_of

DAY = "2018-12-11"


def _ring_is_ccw(ring) -> bool:
    area2 = sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in itertools.pairwise(ring))
    return area2 > 0


def assert_rfc7946(data: dict) -> None:
    assert data["type"] == "FeatureCollection"
    assert "crs" not in data
    for f in data["features"]:
        assert f["type"] == "Feature" and isinstance(f["properties"], dict)
        geom = f["geometry"]
        pts = shapely.get_coordinates(shape(geom))
        assert ((pts[:, 0] > 38) & (pts[:, 0] < 43)).all(), "longitude first"
        assert ((pts[:, 1] > 33) & (pts[:, 1] < 38)).all()
        polys = [geom["coordinates"]] if geom["type"] == "Polygon" else \
            geom["coordinates"] if geom["type"] == "MultiPolygon" else []
        for poly in polys:
            assert _ring_is_ccw(poly[0]), "exterior rings counter-clockwise"
            for hole in poly[1:]:
                assert not _ring_is_ccw(hole), "holes clockwise"
        assert shape(geom).is_valid


def test_snapshot_geojson(tmp_path, sample_claims, corpus_dir):
    from extract import write_claims

    claims = tmp_path / "claims.jsonl"
    write_claims(sample_claims, claims)
    out = tmp_path / "snap.geojson"
    assert main(["snapshot", str(claims), "--at", DAY, "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert_rfc7946(data)
    layers = {f["properties"]["layer"] for f in data["features"]}
    assert layers == {"places", "areas", "frontlines"}
    baghuz = next(f for f in data["features"] if f["properties"].get("place") == "baghuz")["properties"]
    for key in ("place", "name_en", "name_ar", "holder", "status", "extent", "since", "last_evidence", "sources",
                "quotes"):
        assert key in baghuz
    assert baghuz["status"] == "contested" and baghuz["name_ar"] == "الباغوز"
    assert "Furat Post" in baghuz["sources"] and baghuz["quotes"]
    # Areas stay on their own bank of the Euphrates.
    for f in data["features"]:
        if f["properties"]["layer"] == "areas":
            for poly in getattr(shape(f["geometry"]), "geoms", [shape(f["geometry"])]):
                p = poly.representative_point()
                sides = {bank_of(lat, lon)[0] for lon, lat in shapely.get_coordinates(poly)[::25]
                         if bank_of(lat, lon)[1] > 500}
                assert len(sides) <= 1, (f["properties"]["holder"], p)


def test_snapshot_geopackage_layers(tmp_path, sample_claims):
    from extract import write_claims

    claims = tmp_path / "claims.jsonl"
    write_claims(sample_claims, claims)
    out = tmp_path / "snap.gpkg"
    assert main(["snapshot", str(claims), "--at", DAY, "--view", "source:Furat Post", "-o", str(out)]) == 0
    names = [n for n, _ in pyogrio.list_layers(out)]
    assert names == ["places", "areas", "frontlines"]
    places = gpd.read_file(out, layer="places")
    assert places.crs.to_epsg() == 4326
    assert places.set_index("place").loc["baghuz", "holder"] == "ISIS"
    assert (places["view"] == "source:Furat Post").all()


def test_timeline_for_qgis_temporal_controller(tmp_path, sample_claims):
    from extract import write_claims

    claims = tmp_path / "claims.jsonl"
    write_claims(sample_claims, claims)
    out = tmp_path / "tl.geojson"
    assert main(["timeline", str(claims), "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert_rfc7946(data)
    for f in data["features"]:
        p = f["properties"]
        assert date.fromisoformat(p["valid_from"]) < date.fromisoformat(p["valid_to"])
    hajin = sorted((f["properties"] for f in data["features"] if f["properties"]["place"] == "hajin"),
                   key=lambda p: p["valid_from"])
    for a, b in itertools.pairwise(hajin):
        assert a["valid_to"] <= b["valid_from"], "intervals of one place never overlap"
    gpkg = tmp_path / "tl.gpkg"
    assert main(["timeline", str(claims), "-o", str(gpkg)]) == 0
    assert len(gpd.read_file(gpkg)) == len(data["features"])


def test_events_csv_in_acled_columns(tmp_path, sample_claims):
    from extract import write_claims

    claims = tmp_path / "claims.jsonl"
    write_claims(sample_claims, claims)
    out = tmp_path / "events.csv"
    assert main(["events", str(claims), "-o", str(out)]) == 0
    with open(out, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["event_date", "event_type", "sub_event_type", "actor1", "actor2", "location",
                             "latitude", "longitude", "geo_precision", "time_precision", "source", "notes"]
    strikes = [r for r in rows if r["sub_event_type"] == "Air/drone strike"]
    assert strikes and all(r["event_type"] == "Explosions/Remote violence" for r in strikes)
    sdf_takes = [r for r in rows if r["sub_event_type"] == "Non-state actor overtakes territory"
                 and r["actor1"].startswith("QSD")]
    assert sdf_takes
    assert all(r["geo_precision"] in ("1", "2", "3") and r["time_precision"] in ("1", "2", "3") for r in rows)


def test_bad_output_extension_is_explained(tmp_path, sample_claims, capsys):
    from extract import write_claims

    claims = tmp_path / "claims.jsonl"
    write_claims(sample_claims, claims)
    assert main(["snapshot", str(claims), "--at", DAY, "-o", str(tmp_path / "x.shp")]) == 2
    assert "write .geojson or .gpkg" in capsys.readouterr().err
