"""The app served to strangers, in a real browser: no server paths, uploads kept apart and accounted for."""

from __future__ import annotations

import csv
import json
from urllib.parse import quote

import pytest

from tests.app.conftest import map_frame

SHAAFA = "وذكرت مصادر محلية أن قوات سوريا الديمقراطية سيطرت على بلدة الشعفة في 13 تشرين الأول الجاري.\n"
HAJIN = "وذكرت مصادر محلية أن قوات سوريا الديمقراطية سيطرت على بلدة هجين في 13 تشرين الأول الجاري.\n"


def all_text(page) -> str:
    return "\n".join(f.evaluate("document.documentElement ? document.documentElement.outerHTML : ''")
                     for f in page.frames)


def set_year(page, year: int = 2018) -> None:
    page.get_by_role("spinbutton", name="Publication year, where the text leaves it open").fill(str(year))
    page.keyboard.press("Enter")


def upload(page, app_url, files) -> None:
    page.goto(app_url)
    map_frame(page)
    page.get_by_text("Upload files").click()
    page.locator("input[type=file]").first.set_input_files([str(f) for f in files])
    set_year(page)


def test_default_app_shows_no_path_from_etc(page, app_url):
    # Before: /?folder=/etc listed the server's files and read them as articles.
    page.goto(f"{app_url}/?folder=/etc")
    map_frame(page)  # the bundled sample is shown instead
    page.get_by_text("14 articles").wait_for(timeout=30000)
    html = all_text(page)
    for leak in ("/etc", "passwd", "hostname", "resolv.conf", "A folder on disk"):
        assert leak not in html
    assert page.errors == []


def test_two_sessions_never_see_each_others_uploads(browser, app_url, uploads_dir, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "report.txt").write_text(SHAAFA, encoding="utf-8")  # same name, different content
    (tmp_path / "b" / "report.txt").write_text(HAJIN, encoding="utf-8")
    pages = []
    for who in ("a", "b"):
        ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
        pages.append(ctx.new_page())
        upload(pages[-1], app_url, [tmp_path / who / "report.txt"])
    for pg, mine, theirs in ((pages[0], "shaafa", "hajin"), (pages[1], "hajin", "shaafa")):
        pg.get_by_text("1 articles").wait_for(timeout=30000)
        frame = map_frame(pg)
        assert frame.locator(f"path[data-place='{mine}']").count() == 1
        assert frame.locator(f"path[data-place='{theirs}']").count() == 0
        # The other session's article is nowhere in this one's page (town labels of the base map aside).
        theirs_text = HAJIN if mine == "shaafa" else SHAAFA
        assert "بلدة " + ("هجين" if mine == "shaafa" else "الشعفة") not in all_text(pg)
        assert theirs_text.strip() not in all_text(pg)
    # Both kept, each in its own session's folder.
    stored = sorted(uploads_dir.glob("*/files/*/report.txt"))
    contents = {p.read_text(encoding="utf-8"): p.parts[-4] for p in stored}
    assert contents[SHAAFA] != contents[HAJIN]
    for pg in pages:
        pg.context.close()


def test_every_uploaded_file_is_read_or_listed_with_its_reason(page, app_url, tmp_path):
    # Before: a 2,000-file upload lost 625 files while the app said "0 skipped"; same names overwrote each
    # other; names starting with "." were silently not read.
    files = []
    for i in range(120):
        d = tmp_path / f"d{i % 3}"
        d.mkdir(exist_ok=True)
        f = d / f"article{i // 3}.txt"  # 40 names, each used three times with different content
        f.write_text(SHAAFA + f"\n{i}\n", encoding="utf-8")
        files.append(f)
    (tmp_path / ".hidden.txt").write_text(HAJIN, encoding="utf-8")
    (tmp_path / "copy.txt").write_text(SHAAFA + "\n0\n", encoding="utf-8")  # same bytes as d0/article0.txt
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\x00\x00\x00")
    files += [tmp_path / n for n in (".hidden.txt", "copy.txt", "empty.txt", "binary.txt")]
    upload(page, app_url, files)
    page.get_by_text("121 articles").wait_for(timeout=120000)
    page.get_by_text("121 articles read, 3 skipped", exact=False).wait_for(timeout=5000)
    page.get_by_text("3 files were skipped").click()
    for reason in ("copy.txt: same content as article0.txt; read once", "empty.txt: empty file",
                   "binary.txt: binary file"):
        page.get_by_text(reason, exact=False).wait_for(timeout=5000)


def test_claims_csv_cannot_run_formulas(page, folder_app_url, tmp_path):
    # Before: an outlet of =HYPERLINK(...) reached the Claims CSV as a live formula.
    row = {"id": "x", "outlet": '=HYPERLINK("http://evil.example","x")', "url": "javascript:alert(1)",
           "published": "2018-10-14", "text": SHAAFA}
    (tmp_path / "rows.jsonl").write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    page.goto(f"{folder_app_url}/?folder={quote(str(tmp_path))}&year=2018")
    frame = map_frame(page)  # the claims table and its CSV live in the map page, on the slider's date
    with page.expect_download() as dl:
        frame.locator("#fl-dl-csv").click()
    with open(dl.value.path(), encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows and all(r["outlet"] == "'" + row["outlet"] for r in rows)
    assert not any(v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values() if v)
    # The app's own CSV (events, ACLED columns) defuses the formula too.
    with page.expect_download() as dl:
        page.get_by_role("button", name="Events CSV (ACLED columns)").click()
    with open(dl.value.path(), encoding="utf-8", newline="") as f:
        events = list(csv.DictReader(f))
    assert not any(v.startswith(("=", "+", "-", "@")) for r in events for v in r.values() if v)


@pytest.mark.parametrize("folder", ["/", "/root"])
def test_an_allowed_root_is_the_limit_in_the_browser_too(page, folder_app_url, folder):
    page.goto(f"{folder_app_url}/?folder={quote(folder)}")
    page.get_by_text("This folder cannot be read.").wait_for(timeout=30000)
    shown = page.inner_text("body")  # what a visitor reads (their own input box aside)
    assert page.locator("[data-testid='stException']").count() == 0
    assert "Traceback" not in shown and "/root" not in shown and "/etc" not in shown
