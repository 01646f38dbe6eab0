"""Article text is untrusted: markup in it shows as text and never runs, in the report and the app."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from extract import extract_paths, write_claims
from frontline import main
from tests.app.conftest import map_frame

# No full stops in the payloads: a "." would end the sentence before the place; and short enough
# that the place stays within the cue's reach, so the payload lands inside a quote.
PAYLOAD_TITLE = "عنوان <script>self['__xss'] = 1; top['__xss'] = 1</script>"
PAYLOAD_IMG = "<img src=x onerror=top['__xss']=1>"
ARTICLE = (f"{PAYLOAD_TITLE}\n"
           f"وذكرت مصادر محلية أن قوات سوريا الديمقراطية سيطرت على {PAYLOAD_IMG} بلدة هجين "
           "في 13 تشرين الأول الجاري بعد معارك عنيفة مع التنظيم.\n")


@pytest.fixture(scope="module")
def evil_folder(tmp_path_factory):
    d = tmp_path_factory.mktemp("evil")
    (d / "evil.txt").write_text(ARTICLE, encoding="utf-8")
    return d


def _claims(folder):
    claims = list(extract_paths([folder], year=2018, progress=False))
    assert any(PAYLOAD_IMG in c.quote for c in claims), "the payload must reach a quote for this test to mean anything"
    return claims


def _assert_inert(page, frame):
    story = frame.locator("#story")
    story.wait_for(state="visible")
    assert PAYLOAD_IMG in story.inner_text()          # shown as text
    assert frame.locator("#story img").count() == 0    # never parsed as markup
    assert frame.locator("#fl-table img").count() == 0  # nor in the claims table under the map
    assert PAYLOAD_IMG in frame.locator("#fl-table").inner_text()
    for f in page.frames:
        assert f.evaluate("typeof window.__xss") == "undefined"


def test_report_shows_markup_as_text(browser, evil_folder, tmp_path):
    claims = tmp_path / "c.jsonl"
    write_claims(_claims(evil_folder), claims)
    out = tmp_path / "r.html"
    assert main(["report", str(claims), "-o", str(out)]) == 0
    assert "<script>self" not in out.read_text(encoding="utf-8")
    page = browser.new_page()
    page.goto(out.as_uri())
    page.wait_for_selector("body[data-ready='1']")
    page.locator("path[data-place='hajin']").click(force=True)
    _assert_inert(page, page.main_frame)
    page.close()


def test_app_shows_markup_as_text(page, folder_app_url, evil_folder):
    _claims(evil_folder)
    page.goto(f"{folder_app_url}/?folder={quote(str(evil_folder))}&year=2018")
    frame = map_frame(page)
    frame.locator("path[data-place='hajin']").click(force=True)
    _assert_inert(page, frame)
    assert page.errors == []
