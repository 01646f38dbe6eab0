"""The Streamlit app in a real browser: the map appears, scrubs through the fall of Hajin, explains itself."""

from __future__ import annotations

import statistics
from datetime import date

import pytest

from bench.bench_map import STEP_JS
from extract import extract_paths, read_manifest
from geo import Timeline
from geo.report import COLORS
from tests.app.conftest import ROOT, map_frame

SAMPLE = ROOT / "assets" / "sample"
START = date(2018, 10, 12)  # the bundled sample's first date: the slider's leftmost step


@pytest.fixture(scope="module")
def sample_timeline():
    claims = list(extract_paths([SAMPLE / "articles"], manifest=read_manifest(SAMPLE / "manifest.csv"),
                                progress=False))
    return Timeline(claims)


def move_slider_to(frame, day: date) -> None:
    """Move the map's slider with the keyboard, as a user would."""
    slider = frame.locator("#fl-slider")
    slider.focus()
    slider.press("Home")
    for _ in range((day - START).days):
        slider.press("ArrowRight")
    assert frame.evaluate("document.body.getAttribute('data-date')") == day.isoformat()


def expected(tl: Timeline, day: date) -> str:
    iv = tl.state_at("hajin", day)
    return "none" if iv is None else iv.holder if iv.status == "held" else iv.status


def test_map_scrubs_across_the_fall_of_hajin(page, app_url, sample_timeline):
    page.goto(app_url)
    frame = map_frame(page)
    before, after = date(2018, 12, 12), date(2018, 12, 14)
    assert expected(sample_timeline, before) == "contested"
    assert expected(sample_timeline, after) == "SDF"
    hajin = frame.locator("path[data-place='hajin']")

    move_slider_to(frame, before)
    assert hajin.get_attribute("data-state") == "contested"
    assert hajin.get_attribute("fill") == "#ffffff"
    assert hajin.get_attribute("stroke") == COLORS["contested"]

    slider = frame.locator("#fl-slider")
    slider.press("ArrowRight")
    slider.press("ArrowRight")
    assert frame.evaluate("document.body.getAttribute('data-date')") == after.isoformat()
    assert hajin.get_attribute("data-state") == "SDF"
    assert hajin.get_attribute("fill") == COLORS["SDF"]
    assert frame.locator(".fl-day").inner_text() == after.isoformat()

    hajin.click(force=True)
    story = frame.locator("#story")
    story.wait_for(state="visible")
    text = story.inner_text()
    assert "Hajin" in text and "هجين" in text
    assert "Held by SDF" in text
    assert "SOHR" in text  # who said it
    quote = frame.locator("#story blockquote").first
    assert quote.get_attribute("dir") == "rtl"
    assert "هجين" in frame.locator("#story").inner_text()
    assert page.errors == []


def test_play_button_moves_the_date(page, app_url):
    page.goto(app_url)
    frame = map_frame(page)
    frame.locator("#fl-slider").press("Home")
    frame.locator("#fl-play").click()
    page.wait_for_timeout(1200)
    frame.locator("#fl-play").click()
    assert frame.evaluate("document.body.getAttribute('data-date')") > START.isoformat()


def test_date_step_is_fast_in_the_browser(page, app_url, capsys):
    page.goto(app_url)
    frame = map_frame(page)
    times = frame.evaluate(STEP_JS)  # the same measurement as bench/bench_map.py
    with capsys.disabled():
        print(f"\nmap date step in the browser: median {statistics.median(times):.1f} ms, max {max(times):.1f} ms")
    assert statistics.median(times) < 500


def test_the_app_lists_claims_and_offers_downloads(page, app_url):
    page.goto(app_url)
    map_frame(page)
    for label in ("Snapshot GeoJSON", "Snapshot GeoPackage", "Timeline GeoJSON (QGIS temporal)", "Claims CSV",
                  "HTML report"):
        page.get_by_role("button", name=label).wait_for(timeout=30000)
    assert page.get_by_text("14 articles").count() >= 1
    with page.expect_download() as dl:
        page.get_by_role("button", name="Snapshot GeoJSON").click()
    import json

    data = json.loads(open(dl.value.path(), encoding="utf-8").read())
    assert {f["properties"]["layer"] for f in data["features"]} >= {"places"}


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


def test_switching_the_view(page, app_url):
    page.goto(app_url)
    map_frame(page)
    page.get_by_text("By source").click()
    page.wait_for_timeout(500)
    shown = None
    for _ in range(100):
        frame = map_frame(page)
        if frame.locator(".fl-view").inner_text().startswith("source:"):
            shown = frame
            break
        page.wait_for_timeout(200)
    assert shown is not None, "the map shows the chosen view"
