"""The Streamlit app in a real browser: one date everywhere, last known control, labels, events, the story."""

from __future__ import annotations

import json
import statistics
from datetime import date

import pytest

from bench.bench_map import STEP_JS
from extract import extract_paths, read_manifest
from geo import Timeline
from geo._style import COLORS
from tests.app.conftest import ROOT, map_frame

SAMPLE = ROOT / "assets" / "sample"
START = date(2018, 10, 12)  # the bundled sample's first date: the slider's leftmost step


@pytest.fixture(scope="module")
def sample_timeline():
    claims = list(extract_paths([SAMPLE / "articles"], manifest=read_manifest(SAMPLE / "manifest.csv"),
                                progress=False))
    return Timeline(claims)


@pytest.fixture
def fresh(page, app_url):
    """The app with no remembered date, zoom or story."""
    page.goto(app_url)
    frame = map_frame(page)
    frame.evaluate("sessionStorage.clear()")
    page.reload()
    return map_frame(page)


def move_slider_to(frame, day: date) -> None:
    """Move the map's slider with the keyboard, as a user would."""
    slider = frame.locator("#fl-slider")
    slider.focus()
    slider.press("Home")
    for _ in range((day - START).days):
        slider.press("ArrowRight")
    assert frame.evaluate("document.body.getAttribute('data-date')") == day.isoformat()


def table_date(frame, day: date) -> None:
    frame.locator(f"#fl-table[data-date='{day.isoformat()}']").wait_for(state="attached", timeout=5000)


def expected(tl: Timeline, day: date) -> str:
    iv = tl.state_at("hajin", day)
    return "none" if iv is None else iv.holder if iv.status == "held" else iv.status


def test_map_scrubs_across_the_fall_of_hajin(page, fresh, sample_timeline):
    frame = fresh
    before, after = date(2018, 12, 12), date(2018, 12, 14)
    assert expected(sample_timeline, before) == "contested"
    assert expected(sample_timeline, after) == "SDF"
    hajin = frame.locator("path[data-place='hajin']")

    move_slider_to(frame, before)
    assert hajin.get_attribute("data-state") == "contested"
    assert hajin.get_attribute("fill").startswith("url(#fl-stripes-")  # a pattern, not a red
    slider = frame.locator("#fl-slider")
    slider.press("ArrowRight")
    slider.press("ArrowRight")
    assert frame.evaluate("document.body.getAttribute('data-date')") == after.isoformat()
    assert hajin.get_attribute("data-state") == "SDF"
    assert hajin.get_attribute("fill") == COLORS["SDF"]
    assert frame.locator("#fl-date").inner_text() == after.isoformat()

    hajin.click()
    story = frame.locator("#story")
    story.wait_for(state="visible")
    text = story.inner_text()
    assert "Hajin" in text and "هجين" in text
    assert "Held by SDF" in text and "Last confirmed today by" in text
    assert "SOHR" in text  # who said it
    sentence = frame.locator("#story blockquote").first
    assert sentence.get_attribute("dir") == "rtl"
    assert frame.locator("#story blockquote mark.fl-mark-place").first.inner_text() == "هجين"
    assert page.errors == []


def test_hajin_keeps_the_sdf_colour_faded_60_days_after_its_capture(fresh):
    frame = fresh
    day = date(2019, 2, 12)
    move_slider_to(frame, day)
    hajin = frame.locator("path[data-place='hajin']")
    assert hajin.get_attribute("data-state") == "SDF"
    assert hajin.get_attribute("fill") == COLORS["SDF"]
    assert hajin.get_attribute("data-faded") == "1" and hajin.get_attribute("data-age") == "60"
    assert float(hajin.get_attribute("fill-opacity")) < 0.5
    hajin.click()
    assert "Last confirmed 60 days ago by" in frame.locator("#story").inner_text()


def test_one_date_for_map_table_and_downloads(page, fresh, sample_timeline):
    frame = fresh
    rows = {}
    for day in (date(2018, 10, 27), date(2018, 12, 14)):
        move_slider_to(frame, day)
        table_date(frame, day)
        rows[day] = frame.locator("#fl-table tbody tr").evaluate_all(
            "rs => rs.map(r => r.children[0].textContent + ' ' + r.children[1].textContent)")
        assert all(r[:10] <= day.isoformat() for r in rows[day])
        with page.expect_download() as dl:
            frame.locator("#fl-dl-geojson").click()
        assert dl.value.suggested_filename.endswith(f"{day.isoformat()}.geojson")
        data = json.loads(open(dl.value.path(), encoding="utf-8").read())
        assert {f["properties"]["date"] for f in data["features"]} == {day.isoformat()}
        assert {f["properties"]["layer"] for f in data["features"]} >= {"places", "areas"}
        # The page's snapshot says what the Python export says, place by place.
        got = {f["properties"]["place"]: (f["properties"]["status"], f["properties"]["holder"],
                                          f["properties"]["last_evidence"])
               for f in data["features"] if f["properties"]["layer"] == "places"}
        want = {r.place: (r.status, r.holder if isinstance(r.holder, str) else None,
                          r.last_evidence.isoformat() if r.last_evidence else None)
                for r in sample_timeline.snapshot(day).itertuples()}
        assert got == want
        with page.expect_download() as dl:
            frame.locator("#fl-dl-csv").click()
        csv_text = open(dl.value.path(), encoding="utf-8-sig").read()
        assert csv_text.splitlines()[0].startswith("date,place,actor,change,source,quote")
        assert len(csv_text.strip().splitlines()) == len(rows[day]) + 1
    assert rows[date(2018, 10, 27)] != rows[date(2018, 12, 14)]
    frame.locator("#fl-f-place").select_option("Hajin")
    table_date(frame, date(2018, 12, 14))
    places = frame.locator("#fl-table tbody tr td:nth-child(2)").all_inner_texts()
    assert places and set(places) == {"Hajin"}


def test_labels_are_visible_at_the_opening_zoom_without_overlap(fresh):
    frame = fresh
    boxes = frame.locator(".fl-label-place").evaluate_all(
        "ls => ls.filter(l => getComputedStyle(l).visibility !== 'hidden').map(l => {"
        "const r = l.getBoundingClientRect(); return [l.textContent, r.left, r.top, r.right, r.bottom]; })")
    names = [b[0] for b in boxes]
    assert "Hajin" in names and len(names) >= 6
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert a[3] <= b[1] or b[3] <= a[1] or a[4] <= b[2] or b[4] <= a[2], (a[0], b[0])
    assert frame.locator(".leaflet-control-scale").count() == 1
    legend = frame.locator(".fl-legend").inner_text()
    for word in ("ISIS", "SDF", "contested", "hatched", "faded", "area of control", "frontline", "airstrike",
                 "shelling", "clash"):
        assert word in legend


def test_a_click_on_an_event_opens_its_own_evidence_and_never_hides_the_place(fresh):
    frame = fresh
    move_slider_to(frame, date(2018, 10, 19))  # a coalition strike on As-Susah
    event = frame.locator(".fl-event[data-event='airstrike']")
    event.wait_for(state="visible")
    claim = event.get_attribute("data-claim")
    event.click()
    focus = frame.locator("#story .fl-focus")
    focus.wait_for(state="visible")
    assert focus.get_attribute("data-claim") == claim
    assert "airstrike on As-Susah" in focus.inner_text()
    frame.locator("#story-close").click()
    # The place itself, clicked at its centre, opens the place's story: the event sits beside it.
    sousa = frame.locator("path[data-place='sousa']")
    box = sousa.bounding_box()
    e_box = event.bounding_box()
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    assert not (e_box["x"] <= cx <= e_box["x"] + e_box["width"] and e_box["y"] <= cy <= e_box["y"] + e_box["height"])
    frame.page.mouse.click(cx, cy)
    frame.locator("#story").wait_for(state="visible")
    assert frame.locator("#story h2").inner_text().startswith("As-Susah")
    assert frame.locator("#story .fl-focus").count() == 0


def test_play_step_and_speed(fresh):
    frame = fresh
    frame.locator("#fl-slider").press("Home")
    frame.locator("#fl-fwd").click()
    assert frame.evaluate("window.frontline.date()") == "2018-10-14"
    frame.locator("#fl-back").click()
    assert frame.evaluate("window.frontline.date()") == START.isoformat()
    frame.locator("#fl-speed").select_option("4")
    frame.locator("#fl-play").click()
    frame.page.wait_for_timeout(600)
    frame.locator("#fl-play").click()
    assert frame.evaluate("window.frontline.date()") > "2018-10-20"  # 4x: two days every 62 ms


def test_the_app_at_1280x720_shows_the_slider_and_play_without_scrolling(browser, app_url):
    ctx = browser.new_context(viewport={"width": 1280, "height": 720})
    page = ctx.new_page()
    page.goto(app_url)
    frame = map_frame(page)
    for sel in ("#fl-slider", "#fl-play", "#fl-date"):
        box = frame.locator(sel).bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= 720 and box["x"] + box["width"] <= 1280, sel
    ctx.close()


def test_changing_the_view_keeps_the_date_zoom_and_story(page, fresh):
    frame = fresh
    move_slider_to(frame, date(2018, 12, 14))
    frame.evaluate("(() => { const f = window.frontline, p = f.data.places.find(p => p.id === 'hajin');"
                   " f.map.setView([p.lat, p.lon], f.map.getZoom() + 1, {animate: false}); })()")
    zoom = frame.evaluate("window.frontline.map.getZoom()")
    frame.locator("path[data-place='hajin']").click()
    page.wait_for_timeout(400)  # the state is saved a moment after the last change
    page.get_by_text("By source").click()
    shown = None
    for _ in range(150):
        f = map_frame(page)
        try:
            if f.locator(".fl-viewname").inner_text().startswith("source:"):
                shown = f
                break
        except Exception:  # the old frame went away
            pass
        page.wait_for_timeout(200)
    assert shown is not None, "the map shows the chosen view"
    assert shown.evaluate("window.frontline.date()") == "2018-12-14"
    assert shown.evaluate("window.frontline.map.getZoom()") == zoom
    assert shown.locator("#story h2").inner_text().startswith("Hajin")


def test_date_step_is_fast_in_the_browser(page, app_url, capsys):
    page.goto(app_url)
    frame = map_frame(page)
    times = frame.evaluate(STEP_JS)  # the same measurement as bench/bench_map.py
    with capsys.disabled():
        print(f"\nmap date step in the browser: median {statistics.median(times):.1f} ms, max {max(times):.1f} ms")
    assert statistics.median(times) < 500


def test_the_app_offers_the_downloads_of_every_date(page, app_url):
    page.goto(app_url)
    map_frame(page)
    for label in ("Timeline GeoPackage (QGIS temporal)", "Timeline GeoJSON", "HTML report",
                  "Events CSV (ACLED columns)"):
        page.get_by_role("button", name=label).wait_for(timeout=30000)
    assert page.get_by_text("14 articles").count() >= 1


def test_uploaded_articles_are_extracted_and_mapped(page, app_url, uploads_dir, tmp_path):
    article = tmp_path / "upload_test.txt"
    article.write_text("وذكرت مصادر محلية أن قوات سوريا الديمقراطية سيطرت على بلدة الشعفة في 13 تشرين الأول الجاري.\n",
                       encoding="utf-8")
    page.goto(app_url)
    map_frame(page)
    page.get_by_text("Upload files").click()
    page.locator("input[type=file]").first.set_input_files(str(article))
    page.get_by_role("spinbutton", name="Publication year, where the text leaves it open").fill("2018")
    page.keyboard.press("Enter")
    page.get_by_text("1 articles").wait_for(timeout=30000)
    frame = map_frame(page)
    assert frame.locator("path[data-place='shaafa']").count() == 1
    saved = list(uploads_dir.glob("*/files/*/upload_test.txt"))
    assert saved, "what the user uploaded is kept"
