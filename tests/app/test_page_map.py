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


def opened(browser, tl: Timeline, tmp_path, *, options: str | None = None):
    """The report of ``tl`` open offline in Chromium and drawn; ``options``: window.frontlineOptions."""
    out = write_report(tl, tmp_path / "r.html")
    ctx, page = offline_page(browser)
    if options:
        ctx.add_init_script(f"window.frontlineOptions = {options}")
    page.goto(out.as_uri())
    page.wait_for_selector("body[data-ready='1']")
    return ctx, page


@pytest.fixture(scope="module")
def sample_timeline():
    return Timeline(extract_paths([SAMPLE / "articles"], manifest=read_manifest(SAMPLE / "manifest.csv"),
                                  progress=False))


def test_stepping_forward_back_and_jumping_shows_the_snapshot_of_each_date(browser, sample_timeline, tmp_path):
    ctx, page = opened(browser, sample_timeline, tmp_path)
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
    ctx, page = opened(browser, tl, tmp_path)
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


# ------------------------------------------------------------------ pixels
# The areas canvas is painted pixel by pixel and only where something changed; the markers of a map
# with hundreds of places are stamped on a canvas, hidden ones skipped. These read the pixels back.

PIXEL_AT = """([which, lat, lon]) => {
    const c = window.frontline.renderers[which]._container, m = window.frontline.map;
    const pt = m.latLngToContainerPoint([lat, lon]), rc = c.getBoundingClientRect(), mc = m.getContainer().getBoundingClientRect();
    const x = Math.round(pt.x + mc.left - rc.left), y = Math.round(pt.y + mc.top - rc.top);
    return Array.from(c.getContext('2d').getImageData(x, y, 1, 1).data); }"""
HASH = """(which) => {
    const c = window.frontline.renderers[which]._container, d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let h = 2166136261, ink = 0;
    for (let i = 0; i < d.length; i++) { h ^= d[i]; h = Math.imul(h, 16777619); }
    for (let i = 3; i < d.length; i += 4) ink += d[i] > 0;
    return [h >>> 0, ink]; }"""


def _rgb(hex_: str) -> tuple[int, int, int]:
    return int(hex_[1:3], 16), int(hex_[3:5], 16), int(hex_[5:7], 16)


def _near(px, rgb, alpha, tol=4) -> bool:
    return all(abs(a - b) <= tol for a, b in zip(px, (*rgb, alpha), strict=True))


def test_cells_and_fronts_are_painted_in_their_sides_colours(browser, tmp_path):
    from gazetteer.river import to_wgs84
    from geo._style import FRONTLINE

    tl = Timeline(_three_villages())
    ctx, page = opened(browser, tl, tmp_path)
    at = {p.id: (p.lat, p.lon) for p in tl.gazetteer}
    # The pixels midway along the edge Hajin shares with al-Bukhatir.
    (line,) = [g for a, b, g in edges_for(tl.gazetteer).edges if {*a, *b} == {"hajin", "bukhatir"}]
    line = to_wgs84(line)
    mid = [line.interpolate(f, normalized=True) for f in (0.4, 0.45, 0.5, 0.55, 0.6)]

    def px(place: str) -> list[int]:
        return page.evaluate(PIXEL_AT, ["areas", *at[place]])

    def front_pixels() -> list[list[int]]:
        return [page.evaluate(PIXEL_AT, ["areas", p.y, p.x]) for p in mid]

    page.evaluate("window.frontline.setDate('2018-12-01')")
    sdf, isis, white = _rgb(COLORS["SDF"]), _rgb(COLORS["ISIS"]), (255, 255, 255)
    assert _near(px("hajin"), sdf, 64)  # held, assessed: the holder's colour at 25 %
    assert _near(px("bukhatir"), isis, 64)
    assert any(_near(px("safafinah"), c, 115) for c in (sdf, white))  # claimed: hatched, at 45 %
    # The front: the dashed line or its white casing, opaque, on the edge between SDF and ISIS ground.
    fronts = front_pixels()
    assert all(p[3] >= 200 for p in fronts) and any(_near(p, _rgb(FRONTLINE), 255, 8) for p in fronts)
    page.evaluate("window.frontline.setDate('2018-12-12')")  # Hajin contested: ISIS and SDF stripes at 30 %
    assert any(_near(px("hajin"), c, 77) for c in (sdf, isis))
    page.evaluate("window.frontline.setDate('2018-12-09')")  # both sides SDF: no front there
    assert all(p[3] < 150 for p in front_pixels())
    assert _near(px("bukhatir"), sdf, 64)
    # The two overlays switch their parts of the canvas.
    page.evaluate("window.frontline.setDate('2018-12-01')")
    toggle = "(name) => {{ const l = window.frontline.layers._layers.find(x => x.name === name).layer; window.frontline.map.{}(l); }}"
    page.evaluate(toggle.format("removeLayer"), "Frontlines")
    assert all(p[3] < 150 for p in front_pixels()) and _near(px("hajin"), sdf, 64)
    page.evaluate(toggle.format("removeLayer"), "Areas of control")
    assert px("hajin")[3] == 0
    page.evaluate(toggle.format("addLayer"), "Frontlines")
    page.evaluate(toggle.format("addLayer"), "Areas of control")
    assert _near(px("hajin"), sdf, 64) and any(_near(p, _rgb(FRONTLINE), 255, 8) for p in front_pixels())
    assert page.errors == []
    ctx.close()


def test_markers_on_canvas_show_the_snapshot_and_open_the_story(browser, sample_timeline, tmp_path):
    # The many-places drawing, on the sample.
    ctx, page = opened(browser, sample_timeline, tmp_path, options="{canvasPlacesFrom: 1}")
    assert page.locator(".fl-map").get_attribute("data-places") == "canvas"
    assert page.locator("path[data-place]").count() == 0
    ids = [p.id for p in sample_timeline.gazetteer if p.id in page.evaluate(
        "window.frontline.data.places.map(p => p.id)")]
    for day in [date(2018, 10, 12), date(2018, 12, 14), date(2018, 11, 2), date(2019, 3, 23), date(2018, 12, 11)]:
        page.evaluate(f"window.frontline.setDate('{day.isoformat()}')")
        want_states, want_fronts = expected(sample_timeline, day)
        got = page.evaluate("(ids) => Object.fromEntries(ids.map(i => [i, window.frontline.stateOf(i)]))", ids)
        assert got == {i: want_states[i] for i in ids}, day
        assert page.evaluate("window.frontline.fronts()") == want_fronts, day
    # Hajin, close up on 14 December 2018: its marker in the SDF's colour; a click on it opens its story.
    page.evaluate("window.frontline.setDate('2018-12-14')")
    assert page.evaluate("window.frontline.stateOf('hajin')") == "SDF"
    hajin = next(p for p in sample_timeline.gazetteer if p.id == "hajin")
    page.evaluate(f"window.frontline.map.setView([{hajin.lat}, {hajin.lon}], 13, {{animate: false}})")
    assert _near(page.evaluate(PIXEL_AT, ["places", hajin.lat, hajin.lon]), _rgb(COLORS["SDF"]), 242, 6)
    box = page.locator(".fl-map").bounding_box()
    pt = page.evaluate(f"window.frontline.map.latLngToContainerPoint([{hajin.lat}, {hajin.lon}])")
    page.mouse.move(box["x"] + pt["x"], box["y"] + pt["y"])
    assert "fl-over-place" in page.locator(".fl-map").get_attribute("class")
    page.mouse.click(box["x"] + pt["x"] + 3, box["y"] + pt["y"] - 2)
    story = page.locator("#story")
    story.wait_for(state="visible")
    assert "Hajin" in story.inner_text()
    assert page.errors == []
    ctx.close()


def test_a_map_stepped_through_dates_is_the_map_drawn_whole(browser, tmp_path):
    from bench.bench_timeline import generate

    gz, claims = generate(6000, 900, 8, days=90)
    tl = Timeline(claims, gazetteer=gz)
    ctx, page = opened(browser, tl, tmp_path)
    assert page.locator(".fl-map").get_attribute("data-places") == "canvas"  # hundreds of places: on canvas
    ids = page.evaluate("window.frontline.data.places.map(p => p.id)")
    days = [date(2018, 1, 20), date(2018, 1, 21), date(2018, 2, 14), date(2018, 1, 2), date(2018, 3, 30),
            date(2018, 3, 29), date(2018, 2, 1)]
    for n, day in enumerate(days):
        if n % 2:  # by the slider too, a day at a time
            page.locator("#fl-slider").focus()
            page.locator("#fl-slider").press("ArrowRight")
            day = date.fromisoformat(page.evaluate("window.frontline.date()"))
        else:
            page.evaluate(f"window.frontline.setDate('{day.isoformat()}')")
        stepped = page.evaluate(HASH, "areas"), page.evaluate(HASH, "places")
        page.evaluate("window.frontline.repaint()")
        assert (page.evaluate(HASH, "areas"), page.evaluate(HASH, "places")) == stepped, day
        assert stepped[0][1] > 10_000 and stepped[1][1] > 10_000, day  # there is something drawn
        want_states, want_fronts = expected(tl, day)
        got = page.evaluate("(ids) => Object.fromEntries(ids.map(i => [i, window.frontline.stateOf(i)]))", ids)
        assert got == {i: want_states[i] for i in ids}, day
        assert page.evaluate("window.frontline.fronts()") == want_fronts, day
    # Markers hidden under others are not stamped, and the picture is the same to within the 5 % a
    # 95 %-opaque marker lets through.
    diff = page.evaluate("""() => {
        const r = window.frontline.renderers.places, c = r._container, g = c.getContext('2d');
        r.cull = false; r.paint(); const all = g.getImageData(0, 0, c.width, c.height).data;
        r.cull = true; r.paint(); const culled = g.getImageData(0, 0, c.width, c.height).data;
        let worst = 0, off = 0;
        for (let i = 0; i < all.length; i++) { const d = Math.abs(all[i] - culled[i]); worst = Math.max(worst, d); off += d > 0; }
        const kept = r._visible(r._order).reduce((a, b) => a + b, 0);
        return {worst, off, kept, drawn: r._order.length}; }""")
    assert diff["worst"] <= 14, diff
    assert diff["kept"] < diff["drawn"], diff  # some were hidden, and skipped
    assert page.errors == []
    ctx.close()
