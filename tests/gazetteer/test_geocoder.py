"""``frontline gazetteer suggest`` against a real HTTP server on loopback that answers like Nominatim and GeoNames."""

from __future__ import annotations

import csv
import io
import json
import socket
import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from gazetteer.geocoder import GeocoderError, suggest, to_csv
from gazetteer.place import COLUMNS

# Nominatim format=json results: one village in the study area, one namesake near Damascus, one town in it.
NOMINATIM = [
    {"place_id": 1, "osm_type": "node", "osm_id": 2921557001, "lat": "35.3712", "lon": "40.0825",
     "class": "place", "type": "village", "display_name": "الصالحية, ناحية خشام, دير الزور, سوريا",
     "name": "الصالحية", "namedetails": {"name": "الصالحية", "name:en": "Al-Salihiyah", "name:ar": "الصالحية",
                                           "alt_name": "Salhiyeh"},
     "boundingbox": ["35.35", "35.39", "40.06", "40.10"]},
    {"place_id": 2, "osm_type": "way", "osm_id": 4400, "lat": "33.5260", "lon": "36.2900",
     "class": "place", "type": "suburb", "display_name": "الصالحية, دمشق, سوريا", "name": "الصالحية",
     "namedetails": {"name": "الصالحية", "name:en": "Al-Salihiyah"}},
    {"place_id": 3, "osm_type": "relation", "osm_id": 77, "lat": "34.4300", "lon": "40.9500",
     "class": "place", "type": "town", "display_name": "الصالحية, البوكمال, دير الزور, سوريا",
     "name": "الصالحية", "namedetails": {"name": "الصالحية"}},
]
GEONAMES = {"totalResultsCount": 2, "geonames": [
    {"geonameId": 170000, "name": "Aş Şāliḩīyah", "toponymName": "Aş Şāliḩīyah", "lat": "35.3712",
     "lng": "40.0825", "fcl": "P", "fcode": "PPL", "countryCode": "SY", "adminName1": "Deir ez-Zor"},
    {"geonameId": 170001, "name": "As Salihiyah", "toponymName": "As Salihiyah", "lat": "33.5260",
     "lng": "36.2900", "fcl": "P", "fcode": "PPLX", "countryCode": "SY", "adminName1": "Dimashq"},
]}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        url = urlparse(self.path)
        self.server.seen.append((url.path, parse_qs(url.query)))
        if url.path == "/search":
            body = NOMINATIM
        elif url.path == "/searchJSON":
            body = GEONAMES
        else:
            self.send_error(404)
            return
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):  # keep the test output clean
        pass


@pytest.fixture()
def server():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    srv.seen = []
    t = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    t.start()
    yield srv
    srv.shutdown()
    srv.server_close()


def _domain(srv) -> str:
    return f"127.0.0.1:{srv.server_address[1]}"


def test_nominatim_results_outside_the_study_area_are_dropped(server, gazetteer):
    rows = suggest("الصالحية", domain=_domain(server), scheme="http", gazetteer=gazetteer, today=date(2026, 11, 30))
    assert [(r.row["lat"], r.row["lon"]) for r in rows] == [(35.3712, 40.0825), (34.43, 40.95)]
    path, query = server.seen[0]
    assert path == "/search"
    assert query["q"] == ["الصالحية"]
    # The study area is asked for, and enforced here too in case a server ignores it.
    assert query["bounded"] == ["1"] and query["viewbox"]


def test_rows_parse_as_places_csv_with_provenance(server, gazetteer):
    rows = suggest("الصالحية", domain=_domain(server), scheme="http", gazetteer=gazetteer, today=date(2026, 11, 30))
    parsed = list(csv.DictReader(io.StringIO(to_csv(rows))))
    assert tuple(parsed[0]) == COLUMNS
    village, town = parsed
    assert village["name_ar"] == "الصالحية" and village["name_en"] == "Al-Salihiyah"
    assert "Salhiyeh" in village["names_en"].split(";")
    assert (village["kind"], village["precision_m"]) == ("village", "1000")
    assert (town["kind"], town["precision_m"]) == ("town", "2000")
    assert village["coord_source_id"] == "osm:node/2921557001"
    assert "Nominatim" in village["coord_source"] and "'الصالحية'" in village["coord_source"]
    assert "2026-11-30" in village["coord_source"]
    # The id is a slug (a rough romanisation when only Arabic is known), never one already used.
    assert village["id"] == "salihiyah_2" and town["id"] == "salhya"
    # Curators are told about existing places nearby (the bundled Baghuz is 3.1 km from the town).
    assert town["note"].startswith("near gazetteer place") and "baghuz (3.1 km)" in town["note"]
    assert "salihiyah_deir_ez_zor (3.3 km)" in village["note"]  # the curator learns it is there already
    assert village["bank"] in ("left", "right")


def test_geonames_with_a_username(server):
    rows = suggest("Salihiyah", geonames_username="curator", domain=_domain(server), scheme="http",
                   today=date(2026, 11, 30))
    assert len(rows) == 1
    (row,) = [r.row for r in rows]
    assert row["coord_source_id"] == "geonames:170000"
    assert row["name_en"] == "Aş Şāliḩīyah" and row["id"] == "salihiyah"
    assert row["kind"] == "village"
    path, query = server.seen[0]
    assert path == "/searchJSON" and query["username"] == ["curator"] and query["q"] == ["Salihiyah"]


def test_limit(server):
    assert len(suggest("الصالحية", domain=_domain(server), scheme="http", limit=1)) == 1


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_offline_says_what_to_do():
    with pytest.raises(GeocoderError, match=r"offline.*--domain"):
        suggest("الصالحية", domain=f"127.0.0.1:{_closed_port()}", scheme="http", timeout=2)


def test_cli_prints_csv_rows(server, capsys):
    from frontline import main

    assert main(["gazetteer", "suggest", "الصالحية", "--domain", _domain(server), "--scheme", "http",
                 "--limit", "2"]) == 0
    out = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(out.out)))
    assert len(rows) == 2 and "check each" in out.err


def test_cli_offline_exits_with_a_message(capsys):
    from frontline import main

    assert main(["gazetteer", "suggest", "الصالحية", "--domain", f"127.0.0.1:{_closed_port()}",
                 "--scheme", "http", "--timeout", "2"]) == 2
    assert "offline" in capsys.readouterr().err
