"""The time map page at scale, in a real Chromium offline: cells and edges once, a delta stream per date.

Stepping the date forward, back or jumping must show what :meth:`Timeline.snapshot` says of that
date, place by place; a frontline must lie on exactly the edges between differently held neighbours;
the evidence arrives compressed and the story still shows the quote, as text.
"""

from __future__ import annotations

import base64
import gzip
import json
import re
from dataclasses import replace
from datetime import date, timedelta

import pytest

from extract import Claim, DateWindow, extract_paths, read_manifest
from geo import Timeline
from geo._style import COLORS
from geo.areas import edges_for
from geo.report import write_report
from tests.app.conftest import ROOT
from tests.app.test_report import offline_page

SAMPLE = ROOT / "assets" / "sample"
QUOTE = 'سيطرت قوات سوريا الديمقراطية على الصفافنة <img src=x onerror="window.pwned=1">'


def _claim(cid: str, place: str, day: date, actor: str, change: str = "captured", **kw) -> Claim:
    w = DateWindow(day, day)
    quote = kw.pop("quote", f"quote {cid}")
    return Claim(id=cid, article=f"a-{cid}", kind="control", place=place, place_name=place, surface=place,
                 lat=0.0, lon=0.0, actor=actor, change=change, extent=None, modality=kw.pop("modality", "asserted"),
                 attributed_to=kw.pop("source", "SOHR"), outlet="SOHR", published=w, date=w, quote=quote,
                 start=0, end=5, confidence=0.9, **kw)


def _three_villages() -> list[Claim]:
    """Hajin neighbours al-Safafinah and al-Bukhatir (which do not touch each other)."""
    return [
        _claim("h1", "hajin", date(2018, 12, 1), "SDF"),
        # Only the SDF's own word: hatched, the same side as Hajin, so no front between them.
        _claim("s1", "safafinah", date(2018, 12, 1), "SDF", "holds", modality="claimed", source="SDF",
               quote=QUOTE, sentence=QUOTE),
        _claim("b1", "bukhatir", date(2018, 12, 1), "ISIS", "holds"),
        _claim("s2", "safafinah", date(2018, 12, 5), "ISIS"),
        _claim("b2", "bukhatir", date(2018, 12, 9), "SDF"),
        _claim("h2", "hajin", date(2018, 12, 12), "ISIS", "advanced"),
    ]


def _side(row) -> str | None:
    if row.status == "held":
        return row.holder
    return "contested" if row.status == "contested" else None


def expected(tl: Timeline, day: date) -> tuple[dict, list[str]]:
    """What the page must show on ``day``: each place's state label, and the frontline edges."""
    snap = tl.snapshot(day)
    states = {r.place: (r.holder if r.status == "held" else r.status if r.last_evidence else "none")
              for r in snap.itertuples()}
    side = {r.place: _side(r) for r in snap.itertuples()}
    fronts = set()
    for a, b, _ in edges_for(tl.gazetteer).edges:
        for p in a:
            for q in b:
                if p in side and q in side and side[p] and side[q] and side[p] != side[q]:
                    fronts.add(f"{p}|{q}")
    return states, sorted(fronts)


def shown(page) -> tuple[dict, list[str]]:
    states = page.evaluate("Object.fromEntries([...document.querySelectorAll('path[data-place]')]"
                           ".map(p => [p.getAttribute('data-place'), p.getAttribute('data-state')]))")
    return states, page.evaluate("window.frontline.fronts()")


@pytest.fixture(scope="module")
def sample_timeline():
    return Timeline(extract_paths([SAMPLE / "articles"], manifest=read_manifest(SAMPLE / "manifest.csv"),
                                  progress=False))


def test_stepping_forward_back_and_jumping_shows_the_snapshot_of_each_date(browser, sample_timeline, tmp_path):
    out = write_report(sample_timeline, tmp_path / "r.html")
    ctx, page = offline_page(browser)
    page.goto(out.as_uri())
    page.wait_for_selector("body[data-ready='1']")
    days = [date(2018, 10, 12), date(2018, 10, 20), date(2018, 11, 2), date(2018, 12, 12), date(2018, 12, 14),
            date(2018, 12, 13), date(2018, 11, 20), date(2018, 10, 13), date(2019, 2, 12), date(2018, 10, 12),
            date(2019, 3, 23), date(2018, 12, 11)]
    fronts_seen = set()
    for day in days:  # forward, back, far jumps both ways
        page.evaluate(f"window.frontline.setDate('{day.isoformat()}')")
        want_states, want_fronts = expected(sample_timeline, day)
        got_states, got_fronts = shown(page)
        assert got_states == want_states, day
        assert got_fronts == want_fronts, day
        fronts_seen |= set(got_fronts)
        # Each place's cell is drawn in its side's colour, only while it has a side.
        cells = page.evaluate("window.frontline.cells()")
        snap = sample_timeline.snapshot(day)
        want_cells = {r.place: (_side(r) if _side(r) == "contested" else f"{_side(r)}|{r.basis}")
                      for r in snap.itertuples() if _side(r) and r.place in cell_places(sample_timeline)}
        assert cells == want_cells, day
    assert fronts_seen, "the sample has frontlines on some of these dates"
    # Stepping one day at a time with the slider, there and back, ends where it started.
    before = shown(page)
    slider = page.locator("#fl-slider")
    slider.focus()
    for key in ["ArrowRight"] * 9 + ["ArrowLeft"] * 9:
        slider.press(key)
    assert shown(page) == before
    assert page.errors == []
    ctx.close()


def cell_places(tl: Timeline) -> set[str]:
    from geo.areas import cells_for

    return set(cells_for(tl.gazetteer).cells)


def test_a_frontline_lies_exactly_between_differently_held_neighbours(browser, tmp_path):
    tl = Timeline(_three_villages())
    out = write_report(tl, tmp_path / "r.html")
    ctx, page = offline_page(browser)
    page.goto(out.as_uri())
    page.wait_for_selector("body[data-ready='1']")
    cases = {
        # SDF (assessed) beside SDF (claimed): one side, no front; beside ISIS: a front.
        "2018-12-01": ["bukhatir|hajin"],
        "2018-12-05": ["bukhatir|hajin", "hajin|safafinah"],
        "2018-12-09": ["hajin|safafinah"],
        # Hajin contested: contested is a side of its own, so both its edges are fronts.
        "2018-12-12": ["bukhatir|hajin", "hajin|safafinah"],
    }
    for day in ["2018-12-12", "2018-12-01", "2018-12-09", "2018-12-05", "2018-12-01", "2018-12-12"]:
        page.evaluate(f"window.frontline.setDate('{day}')")
        fronts = sorted("|".join(sorted(f.split("|"))) for f in page.evaluate("window.frontline.fronts()"))
        assert fronts == cases[day], day
        assert page.evaluate("window.frontline.map.hasLayer(window.frontline.layers._layers"
                             ".find(l => l.name === 'Frontlines').layer)")
        assert (sorted("|".join(sorted(x.split("|"))) for x in expected(tl, date.fromisoformat(day))[1])
                == cases[day])
    # Claimed ground is hatched, the cell and the marker alike; assessed ground is plain colour.
    page.evaluate("window.frontline.setDate('2018-12-01')")
    assert page.evaluate("window.frontline.cells()") == {"hajin": "SDF|assessed", "safafinah": "SDF|claimed",
                                                         "bukhatir": "ISIS|assessed"}
    assert page.locator("path[data-place='safafinah']").get_attribute("fill").startswith("url(#fl-hatch-")
    assert page.locator("path[data-place='hajin']").get_attribute("fill") == COLORS["SDF"]
    assert page.locator("path[data-place='safafinah']").get_attribute("data-basis") == "claimed"
    # The snapshot download: one area per holder and basis from the cells, the frontline edges.
    feats = json.loads(page.evaluate("window.frontline.geojson()"))["features"]
    areas = {(f["properties"]["holder"], f["properties"]["basis"]): f for f in feats
             if f["properties"]["layer"] == "areas"}
    assert set(areas) == {("SDF", "assessed"), ("SDF", "claimed"), ("ISIS", "assessed")}
    assert all(f["geometry"]["type"] == "MultiPolygon" for f in areas.values())
    ring = areas["SDF", "assessed"]["geometry"]["coordinates"][0][0]
    assert ring[0] == ring[-1] and len(ring) >= 4
    fronts = [f for f in feats if f["properties"]["layer"] == "frontlines"]
    assert [f["properties"]["between"] for f in fronts] == ["ISIS|SDF"]
    assert fronts[0]["geometry"]["type"] == "MultiLineString"
    assert page.errors == []
    ctx.close()


def test_evidence_arrives_compressed_and_the_story_shows_the_quote_as_text(browser, tmp_path):
    tl = Timeline(_three_villages())
    out = write_report(tl, tmp_path / "r.html")
    html = out.read_text(encoding="utf-8")
    assert "quote s2" not in html and "الصفافنة" not in html  # the evidence is in the packed part only
    (packed,) = re.findall(r'<script type="application/gzip;base64" id="[^"]+">([^<]*)</script>', html)
    assert re.fullmatch(r"[A-Za-z0-9+/=]+", packed)
    data = json.loads(gzip.decompress(base64.b64decode(packed)))
    quotes = data["claims"]["cols"]["quote"]
    assert QUOTE in (quotes.get("v") or quotes.get("u"))
    ctx, page = offline_page(browser)
    page.goto(out.as_uri())
    page.wait_for_selector("body[data-ready='1']")
    page.evaluate("window.frontline.setDate('2018-12-05')")
    page.locator("path[data-place='safafinah']").click()
    story = page.locator("#story")
    story.wait_for(state="visible")
    assert QUOTE in story.inner_text()
    assert story.locator("img").count() == 0 and page.evaluate("window.pwned") is None
    assert "quote s2" in story.inner_text()
    assert page.errors == []
    ctx.close()


def test_the_page_carries_each_cell_once_however_often_control_changes(tmp_path):
    from geo.timemap import map_data

    def flips(n: int) -> list[Claim]:
        base = _three_villages()[:3]
        days = [date(2018, 12, 2) + timedelta(days=k) for k in range(n)]
        return base + [replace(base[0], id=f"f{k}", key="", actor=("ISIS", "SDF")[k % 2], date=DateWindow(d, d),
                               published=DateWindow(d, d)) for k, d in enumerate(days)]

    few, many = map_data(Timeline(flips(5))), map_data(Timeline(flips(50)))
    assert json.dumps(few["geometry"]) == json.dumps(many["geometry"])  # geometry bytes do not grow with dates
    assert len(many["deltas"]["days"]) > 5 * len(few["deltas"]["days"]) // 2  # the deltas do
    assert len(few["geometry"]["cells"]) == 3 and len(few["geometry"]["edges"]) == 2 * 3
