"""The standalone HTML report in a real browser with the network cut off."""

from __future__ import annotations

from datetime import date

import pytest

from extract import extract_paths, read_manifest, write_claims
from frontline import main
from tests.app.conftest import ROOT

SAMPLE = ROOT / "assets" / "sample"


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    d = tmp_path_factory.mktemp("report")
    claims = d / "claims.jsonl"
    write_claims(extract_paths([SAMPLE / "articles"], manifest=read_manifest(SAMPLE / "manifest.csv"),
                               progress=False), claims)
    out = d / "report.html"
    assert main(["report", str(claims), "-o", str(out)]) == 0
    return out


def test_report_is_small_and_self_contained(report):
    html = report.read_text(encoding="utf-8")
    assert report.stat().st_size < 3_000_000
    assert "<script src" not in html and "<link" not in html  # everything inline
    assert "L.map" in html


def test_report_works_offline(browser, report):
    ctx = browser.new_context(offline=True)
    page = ctx.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.route("**/*", lambda r: r.abort() if not r.request.url.startswith("file:") else r.continue_())
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(report.as_uri())
    page.wait_for_selector("body[data-ready='1']")
    assert page.evaluate("typeof L") == "object"  # Leaflet loaded with no network
    assert page.locator("path[data-place]").count() >= 10
    slider = page.locator("#fl-slider")
    slider.focus()
    slider.press("Home")
    first = page.locator("path[data-place='hajin']").get_attribute("data-state")
    page.evaluate("window.frontline.setDate('2018-12-14')")
    assert page.locator("path[data-place='hajin']").get_attribute("data-state") == "SDF"
    assert first != "SDF"
    assert page.locator(".leaflet-overlay-pane path").count() > page.locator("path[data-place]").count()  # areas
    assert [u for u in requests if not u.startswith("file:")] == []
    assert errors == []
    ctx.close()


def test_report_range_options(tmp_path):
    claims = tmp_path / "c.jsonl"
    write_claims(extract_paths([SAMPLE / "articles"], manifest=read_manifest(SAMPLE / "manifest.csv"),
                               progress=False), claims)
    out = tmp_path / "r.html"
    assert main(["report", str(claims), "--from", "2018-12-01", "--to", "2018-12-31", "--view", "source:SOHR",
                 "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert '"start":"2018-12-01"' in html and '"end":"2018-12-31"' in html and "source:SOHR" in html
    assert date(2018, 12, 1)
