"""Exports a GIS user opens: RFC 7946 GeoJSON, GeoPackage layers, QGIS temporal fields, ACLED CSV."""

import csv
import itertools
import json
import sqlite3
import xml.etree.ElementTree as ET
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
    layers = dict(pyogrio.list_layers(out))
    assert layers == {"places": "Point", "areas": "MultiPolygon", "frontlines": "MultiLineString",
                      "layer_styles": None}  # QGIS applies the styles in layer_styles on opening
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
    kinds = {(f["properties"]["layer"], f["geometry"]["type"]) for f in data["features"]}
    assert {k for k, _ in kinds} == {"timeline_places", "timeline_areas", "timeline_frontlines"}
    assert ("timeline_areas", "Point") not in kinds and ("timeline_places", "Point") in kinds
    hajin = sorted((f["properties"] for f in data["features"] if f["properties"].get("place") == "hajin"),
                   key=lambda p: p["valid_from"])
    for a, b in itertools.pairwise(hajin):
        assert a["valid_to"] <= b["valid_from"], "intervals of one place never overlap"
    for name in ("timeline_places", "timeline_areas", "timeline_frontlines"):
        assert (tmp_path / f"tl-{name}.qml").read_text(encoding="utf-8").startswith("<!DOCTYPE qgis")
    gpkg = tmp_path / "tl.gpkg"
    assert main(["timeline", str(claims), "-o", str(gpkg)]) == 0
    assert dict(pyogrio.list_layers(gpkg)) == {"timeline_places": "Point", "timeline_areas": "MultiPolygon",
                                               "timeline_frontlines": "MultiLineString", "layer_styles": None}
    n = sum(len(gpd.read_file(gpkg, layer=name)) for name in ("timeline_places", "timeline_areas",
                                                              "timeline_frontlines"))
    assert n == len(data["features"])


def test_geopackage_dates_are_date_fields_with_the_map_colours(tmp_path, sample_claims):
    from extract import write_claims
    from geo._style import COLORS

    claims = tmp_path / "claims.jsonl"
    write_claims(sample_claims, claims)
    gpkg = tmp_path / "tl.gpkg"
    assert main(["timeline", str(claims), "-o", str(gpkg)]) == 0
    with sqlite3.connect(gpkg) as db:
        for layer in ("timeline_places", "timeline_areas", "timeline_frontlines"):
            types = {row[1]: row[2] for row in db.execute(f'PRAGMA table_info("{layer}")')}
            assert types["valid_from"] == types["valid_to"] == "DATE", layer
        styles = dict(db.execute("SELECT f_table_name, styleQML FROM layer_styles WHERE useAsDefault"))
    assert set(styles) == {"timeline_places", "timeline_areas", "timeline_frontlines"}
    r, g, b = (int(COLORS["SDF"][k:k + 2], 16) for k in (1, 3, 5))
    assert f"{r},{g},{b},255" in styles["timeline_places"]
    ET.fromstring(styles["timeline_areas"].split("\n", 1)[1])  # well-formed XML after the doctype


def test_unknown_view_or_date_outside_the_evidence_is_refused(tmp_path, sample_claims, capsys):
    from extract import write_claims

    claims = tmp_path / "claims.jsonl"
    write_claims(sample_claims, claims)
    out = tmp_path / "x.geojson"
    assert main(["snapshot", str(claims), "--at", DAY, "--view", "source:Nobody", "-o", str(out)]) != 0
    err = capsys.readouterr().err
    assert "no source named 'Nobody'" in err and "SOHR" in err
    assert main(["snapshot", str(claims), "--at", "2030-01-01", "-o", str(out)]) != 0
    assert "outside the evidence, which runs from 2017-11-30 to 2018-12-11" in capsys.readouterr().err
    assert main(["report", str(claims), "--view", "outlet:Nowhere", "-o", str(tmp_path / "r.html")]) != 0
    assert "Al-Watan" in capsys.readouterr().err
    assert main(["timeline", str(claims), "--view", "reuters", "-o", str(out)]) != 0
    assert "consensus, wikipedia, outlet:NAME, source:NAME" in capsys.readouterr().err
    assert not out.exists()


def test_events_csv_in_acled_columns(tmp_path, sample_claims):
    from extract import write_claims

    claims = tmp_path / "claims.jsonl"
    write_claims(sample_claims, claims)
    out = tmp_path / "events.csv"
    assert main(["events", str(claims), "-o", str(out)]) == 0
    with open(out, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["event_date", "event_type", "sub_event_type", "actor1", "actor2", "location",
                             "latitude", "longitude", "geo_precision", "time_precision", "source", "notes",
                             "review_state", "reviewed_by", "claim_key"]  # ACLED's, then the review's
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


def test_snapshot_keeps_every_place_the_map_shows_with_the_age_of_its_evidence(tmp_path):
    from extract import extract_paths, read_manifest
    from geo import Timeline, snapshot_layers, write_layers
    from tests.conftest import ROOT

    sample = ROOT / "assets" / "sample"
    tl = Timeline(extract_paths([sample / "articles"], manifest=read_manifest(sample / "manifest.csv"),
                                progress=False))
    day = date(2019, 2, 12)  # 60 days after the SDF took Hajin, with no word on it since
    layers = snapshot_layers(tl, day)
    places = layers["places"].set_index("place")
    assert set(places.index) == set(tl.places())
    hajin = places.loc["hajin"]
    assert (hajin["status"], hajin["holder"], hajin["last_evidence"], hajin["age_days"], hajin["faded"]) == (
        "held", "SDF", date(2018, 12, 14), 60, True)
    assert "SDF" in set(layers["areas"]["holder"])  # its area stays too
    out = write_layers(layers, tmp_path / "s.gpkg")
    back = gpd.read_file(out, layer="places").set_index("place")
    assert str(back.loc["hajin", "last_evidence"])[:10] == "2018-12-14"
