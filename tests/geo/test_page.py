"""The time map's page data: shared edges, the delta stream against the timeline, columns, packing."""

from __future__ import annotations

import base64
import gzip
import json
from datetime import date, timedelta

import shapely

from bench.bench_timeline import generate
from extract import extract_paths, read_manifest
from gazetteer import load
from geo import Timeline
from geo._page import columns, day_number, pack
from geo.areas import cells_for, edges_for
from geo.timemap import map_data
from tests.conftest import ROOT

SAMPLE = ROOT / "assets" / "sample"


def test_every_pair_of_touching_cells_shares_one_edge_on_both_boundaries():
    gz = load()
    cells = cells_for(gz).cells
    edges = edges_for(gz).edges
    assert len(edges) > 200
    pairs = set()
    for a, b, line in edges:
        ca, cb = cells[a[0]], cells[b[0]]
        assert ca is not cb
        # On both boundaries (to float noise), and not a corner: a real stretch of shared border.
        assert line.length >= 1.0
        assert ca.boundary.distance(line.interpolate(0.5, normalized=True)) < 0.01
        assert cb.boundary.distance(line.interpolate(0.5, normalized=True)) < 0.01
        pairs.add((a[0], b[0]))
    # Cells that share a stretch of border (not just a corner) all have their edge.
    ids = sorted({p for p, c in cells.items() if c is cells[p]})
    unique = {id(cells[p]): p for p in ids}
    geoms = {p: cells[p] for p in unique.values()}
    for p, gp in geoms.items():
        for q, gq in geoms.items():
            if p < q and gp.intersects(gq):
                shared = shapely.intersection(gp.boundary, gq.buffer(0.05)).length
                if shared > 5:
                    assert (p, q) in pairs or (q, p) in pairs or any(
                        (p in a and q in b) or (q in a and p in b) for a, b, _ in edges), (p, q)


def _replay(data: dict, day: date) -> dict[str, tuple]:
    """The page's state of every place on ``day``, by replaying the delta stream as the page does."""
    d = data["deltas"]
    state: dict[int, tuple] = {}
    e = 0
    for when, n in zip(d["days"], d["counts"], strict=True):
        if when > day_number(day):
            break
        for x in range(e, e + n):
            state[d["place"][x]] = (d["state"][x], d["last"][x], d["faded"][x])
        e += n
    out = {}
    for i, p in enumerate(data["places"]):
        k, last, faded = state.get(i, (-1, -1, 0))
        if k < 0:
            out[p["id"]] = ("unknown", None, None, False)
            continue
        s = p["states"][k]
        out[p["id"]] = (s["status"], s["holder"], data["claims"][last]["date"] if last >= 0 else s["from"],
                        bool(faded))
    return out


def _snapshot(tl: Timeline, day: date) -> dict[str, tuple]:
    return {r.place: (r.status, r.holder if isinstance(r.holder, str) else None,
                      r.last_evidence.isoformat() if r.last_evidence else None, bool(r.faded))
            for r in tl.snapshot(day).itertuples()}


def test_the_delta_stream_gives_the_snapshot_of_every_day():
    sample = Timeline(extract_paths([SAMPLE / "articles"], manifest=read_manifest(SAMPLE / "manifest.csv"),
                                    progress=False))
    gz, claims = generate(3000, 40, 5, days=120)
    for tl in (sample, Timeline(claims, gazetteer=gz, fade_days=7)):
        data = map_data(tl)
        start, end = tl.dates
        day = start - timedelta(days=2)
        while day <= end + timedelta(days=40):  # past the end: last known states fade
            assert _replay(data, day) == _snapshot(tl, day), day
            day += timedelta(days=1)


def test_columns_keep_every_value_and_repeated_ones_once():
    rows = [{"a": "x", "b": k, "m": [[0, 1, "place"]] if k % 2 else [], "n": None} for k in range(10)]
    table = columns(rows, ["a", "b", "m", "n"])
    cols = table["cols"]
    assert cols["a"] == {"u": ["x"], "i": [0] * 10} and cols["b"] == {"v": list(range(10))}
    assert cols["m"]["u"] == [[], [[0, 1, "place"]]]
    back = [{k: (c["v"][i] if "v" in c else c["u"][c["i"][i]]) for k, c in cols.items()} for i in range(table["n"])]
    assert back == rows


def test_pack_is_base64_gzip_json_and_the_same_bytes_each_time():
    data = {"claims": {"quote": {"v": ["</script><b>&"]}}}
    text = pack(data)
    assert text == pack(data) and text.isascii() and "<" not in text
    assert json.loads(gzip.decompress(base64.b64decode(text))) == data


def test_one_input_makes_the_same_report_bytes():
    from geo.report import render_report

    def claims():
        return extract_paths([SAMPLE / "articles"], manifest=read_manifest(SAMPLE / "manifest.csv"), progress=False)

    first = render_report(Timeline(claims()))
    assert render_report(Timeline(claims())) == first
    assert "application/gzip;base64" in first
