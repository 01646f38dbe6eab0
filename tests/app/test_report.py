"""The HTML report and the folium map in a real browser with the network cut off."""

from __future__ import annotations

import csv
import io
from datetime import date

import folium
import pytest

from extract import Claim, DateWindow, extract_paths, read_manifest, write_claims
from frontline import main
from geo import Timeline, time_map
from tests.app.conftest import ROOT

SAMPLE = ROOT / "assets" / "sample"
TILE_HOSTS = ("https://tile.openstreetmap.org/", "https://server.arcgisonline.com/")


@pytest.fixture(scope="module")
def claims_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("claims") / "claims.jsonl"
    write_claims(extract_paths([SAMPLE / "articles"], manifest=read_manifest(SAMPLE / "manifest.csv"),
                               progress=False), path)
    return path


@pytest.fixture(scope="module")
def report(claims_file):
    out = claims_file.parent / "report.html"
    assert main(["report", str(claims_file), "--articles", str(SAMPLE / "articles"), "-o", str(out)]) == 0
    return out


def offline_page(browser):
    """A page that can load nothing from the network; what it asked for is recorded."""
    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
    page = ctx.new_page()
    page.requests = []
    page.errors = []
    page.on("request", lambda r: page.requests.append(r.url))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:", "blob:"))
               else r.abort())
    return ctx, page


def only_tiles_were_asked_for(page) -> bool:
    return all(u.startswith(("file:", "data:", "blob:", *TILE_HOSTS)) for u in page.requests)


def test_report_is_small_and_self_contained(report):
    html = report.read_text(encoding="utf-8")
    assert report.stat().st_size < 3_000_000
    assert "<script src" not in html and "<link" not in html  # everything inline
    assert "cdn.jsdelivr" not in html and "jquery" not in html.lower()
    assert "L.map" in html and "Content-Security-Policy" in html


def test_report_opens_with_title_corpus_view_and_sources(browser, report):
    ctx, page = offline_page(browser)
    page.goto(report.as_uri())
    page.wait_for_selector("body[data-ready='1']")
    head = page.locator(".fl-head")
    assert head.locator("h1").inner_text() == "Frontline report"
    assert "14 articles" in head.locator(".fl-corpus").inner_text()
    head.locator("summary").click()
    text = head.inner_text()
    assert "View: consensus" in text and "SOHR" in text and "Sources (who said it)" in text
    ctx.close()


def test_report_works_offline(browser, report):
    ctx, page = offline_page(browser)
    page.goto(report.as_uri())
    page.wait_for_selector("body[data-ready='1']")
    assert page.evaluate("typeof L") == "object"  # Leaflet loaded with no network
    assert page.locator("path[data-place]").count() >= 10
    page.wait_for_function("document.querySelector('.folium-map').getAttribute('data-base') === 'plain'")
    slider = page.locator("#fl-slider")
    slider.focus()
    slider.press("Home")
    first = page.locator("path[data-place='hajin']").get_attribute("data-state")
    page.evaluate("window.frontline.setDate('2018-12-14')")
    assert page.locator("path[data-place='hajin']").get_attribute("data-state") == "SDF"
    assert first != "SDF"
    assert page.locator(".leaflet-pane path").count() > page.locator("path[data-place]").count()  # areas, rivers
    assert only_tiles_were_asked_for(page)
    assert page.errors == []
    # "open the article" shows the whole article, the sentence marked.
    page.locator("path[data-place='hajin']").click()
    page.locator("#story .fl-linkish").first.click()
    assert page.locator("#story .fl-article mark").count() == 1
    ctx.close()


def test_report_range_options(claims_file, tmp_path):
    out = tmp_path / "r.html"
    assert main(["report", str(claims_file), "--from", "2018-12-01", "--to", "2018-12-31", "--view", "source:SOHR",
                 "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert '"start":"2018-12-01"' in html and '"end":"2018-12-31"' in html and "source:SOHR" in html


def _party_claims() -> list[Claim]:
    """A capture only the SDF itself reports, and a quote that a spreadsheet would run as a formula."""
    day = DateWindow(date(2018, 12, 20), date(2018, 12, 20))
    base = dict(article="party", kind="control", surface="x", actor="SDF", change="captured", extent=None,
                outlet="Hawar", published=day, date=day, start=0, end=10, confidence=0.8)
    return [
        Claim(id="p1", place="shaafa", place_name="Al-Shaafah", lat=34.604, lon=40.855, modality="claimed",
              attributed_to="SDF", quote="أعلنت قسد السيطرة على الشعفة", **base),
        Claim(id="p2", place="hajin", place_name="Hajin", lat=34.689, lon=40.829, modality="asserted",
              attributed_to="SOHR", quote='=HYPERLINK("http://evil.example","x")', **base),
    ]


def test_a_place_held_only_on_a_partys_claim_is_hatched(browser, tmp_path):
    claims = tmp_path / "c.jsonl"
    write_claims(_party_claims(), claims)
    out = tmp_path / "r.html"
    assert main(["report", str(claims), "-o", str(out)]) == 0
    ctx, page = offline_page(browser)
    page.goto(out.as_uri())
    page.wait_for_selector("body[data-ready='1']")
    shaafa = page.locator("path[data-place='shaafa']")
    assert shaafa.get_attribute("data-state") == "SDF" and shaafa.get_attribute("data-basis") == "claimed"
    assert shaafa.get_attribute("fill").startswith("url(#fl-hatch-")
    hajin = page.locator("path[data-place='hajin']")
    assert hajin.get_attribute("data-basis") == "assessed" and not hajin.get_attribute("fill").startswith("url(")
    assert "only the side's own claim" in page.locator(".fl-legend").inner_text()
    # The claims CSV: one row per table row, formulas defused (OWASP).
    with page.expect_download() as dl:
        page.locator("#fl-dl-csv").click()
    rows = list(csv.DictReader(io.StringIO(open(dl.value.path(), encoding="utf-8-sig").read())))
    quotes = {r["place_id"]: r["quote"] for r in rows}
    assert quotes["hajin"].startswith("'=HYPERLINK")
    assert {r["place_id"]: (r["lat"], r["lon"]) for r in rows}["shaafa"] == ("34.604", "40.855")
    ctx.close()


def test_time_map_in_a_notebook_with_a_user_layer_saved_and_drawn_offline(browser, claims_file, tmp_path):
    from extract import read_claims

    m = time_map(Timeline(read_claims(claims_file)), view="consensus")
    assert isinstance(m, folium.Map)
    user = {"type": "Feature", "properties": {"name": "my area"},
            "geometry": {"type": "Polygon", "coordinates": [[[40.8, 34.6], [40.9, 34.6], [40.9, 34.7], [40.8, 34.6]]]}}
    folium.GeoJson(user, name="mine", style_function=lambda f: {"color": "#ff00ff", "weight": 5}).add_to(m)
    folium.Marker([34.65, 40.85], tooltip="my marker").add_to(m)
    assert "srcdoc" in m._repr_html_()  # what a notebook shows
    path = tmp_path / "notebook.html"
    m.save(str(path))
    ctx, page = offline_page(browser)
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-ready='1']")
    assert page.locator("path[stroke='#ff00ff']").count() == 1  # the user's layer is drawn
    assert page.locator(".leaflet-marker-icon[src^='data:image/png']").count() == 1  # its marker icon too
    page.evaluate("window.frontline.setDate('2018-12-12')")
    assert page.locator("path[data-place='hajin']").get_attribute("data-state") == "contested"
    page.locator("#fl-fwd").click()
    assert page.evaluate("window.frontline.date()") == "2018-12-14"
    assert page.locator("path[data-place='hajin']").get_attribute("data-state") == "SDF"
    assert only_tiles_were_asked_for(page)
    assert page.errors == []
    ctx.close()
