"""Undated claims in the time map, in a real browser offline: in their place's story, counted under the table, never on the map."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from extract import Claim, DateWindow, write_claims
from frontline import main
from tests.app.test_report import offline_page

DAY = DateWindow(date(2018, 12, 14), date(2018, 12, 14))
MONTH = DateWindow(date(2018, 12, 1), date(2018, 12, 31))
UNDATED_SENTENCE = 'وقال ناشطون إن تنظيم الدولة استعاد هجين <img src=x onerror="window.pwned=1">'


def _claims() -> list[Claim]:
    """Hajin: one claim dated to the day, one known only to the month, one with no date window at all."""
    hajin = Claim(id="d1", article="a1", kind="control", place="hajin", place_name="Hajin", surface="هجين",
                  lat=34.689, lon=40.829, actor="SDF", change="captured", extent=None, modality="asserted",
                  attributed_to="SOHR", outlet="SOHR", published=DAY, date=DAY,
                  quote="سيطرت قسد على هجين", start=0, end=18, confidence=0.9,
                  sentence="سيطرت قسد على هجين بعد معارك عنيفة.")
    month = replace(hajin, id="m1", article="a2", change="holds", outlet="Enab Baladi", published=MONTH,
                    date=MONTH, precision=None, quote="قسد تسيطر على هجين", sentence="قسد تسيطر على هجين منذ أسابيع.")
    undated = replace(hajin, id="u1", article="a3", actor="ISIS", outlet="Deir Ezzor 24", attributed_to="outlet",
                      published=DateWindow(), date=DateWindow(), precision=None, quote="استعاد هجين",
                      sentence=UNDATED_SENTENCE, url="https://deirezzor24.example/u1")
    # An undated claim about a place with no dated claim: not on the map, still counted.
    elsewhere = replace(undated, id="u2", article="a4", place="shaafa", place_name="Al-Shaafah", surface="الشعفة",
                        lat=34.604, lon=40.855, quote="الشعفة", sentence="استعاد التنظيم الشعفة")
    return [hajin, month, undated, elsewhere]


def _undated_strike() -> Claim:
    """A strike on Hajin reported with no date: not drawn, but counted and listed like an undated claim."""
    return replace(_claims()[2], id="s1", article="a5", kind="airstrike", actor="COALITION", change=None,
                   quote="قصف طيران التحالف هجين", sentence="قصف طيران التحالف هجين")


def test_an_undated_claim_is_in_its_places_story_and_counted_under_the_table(browser, tmp_path):
    claims = tmp_path / "c.jsonl"
    write_claims([*_claims(), _undated_strike()], claims)
    out = tmp_path / "r.html"
    assert main(["report", str(claims), "-o", str(out)]) == 0
    ctx, page = offline_page(browser)
    page.goto(out.as_uri())
    page.wait_for_selector("body[data-ready='1']")
    page.evaluate("window.frontline.setDate('2018-12-31')")
    hajin = page.locator("path[data-place='hajin']")
    assert hajin.get_attribute("data-state") == "SDF"  # the undated ISIS claim does not colour the map
    hajin.click()
    story = page.locator("#story")
    # Dated evidence: the month-precision claim says so.
    month = story.locator("li[data-claim]", has_text="قسد تسيطر على هجين")
    assert "2018-12-01 – 2018-12-31 (month)" in month.locator(".fl-meta").inner_text()
    # The undated claim: its own section, the same evidence layout, its reason, the hostile text as text.
    assert story.locator("#story-undated").inner_text() == "Undated (2)"
    assert story.locator("li[data-undated]", has_text="قصف طيران التحالف هجين").count() == 1  # the strike
    item = story.locator("li[data-undated]", has_text="استعاد هجين")
    assert item.count() == 1
    assert item.locator(".fl-sentence").inner_text().strip() == UNDATED_SENTENCE.strip()
    assert item.locator("img").count() == 0 and page.evaluate("window.pwned") is None
    meta = item.locator(".fl-meta").inner_text()
    assert meta.startswith("undated: publication date unknown")
    assert "outlet: Deir Ezzor 24" in meta and "source: Deir Ezzor 24" in meta
    assert item.locator("a").get_attribute("href") == "https://deirezzor24.example/u1"
    assert story.locator("li[data-claim]", has_text="استعاد هجين").count() == 0  # not among the dated evidence
    # The table: only dated claims, and a footer counting the undated ones, with the one on no drawn place.
    page.wait_for_function("document.getElementById('fl-table').getAttribute('data-date') === '2018-12-31'")
    page.locator("#fl-mode").select_option("upto")
    assert page.locator("#fl-table").get_attribute("data-rows") == "2"
    assert "استعاد" not in page.locator("#fl-table").inner_text()
    foot = page.locator("#fl-undated-count")
    assert foot.is_visible()
    assert foot.inner_text() == ("3 claims could not be placed in time: see the places' stories; "
                                 "1 of them is about places with no dated claim, not on this map.")
    assert page.errors == []
    ctx.close()


def test_no_undated_claims_no_footer(browser, tmp_path):
    claims = tmp_path / "c.jsonl"
    write_claims(_claims()[:2], claims)
    out = tmp_path / "r.html"
    assert main(["report", str(claims), "-o", str(out)]) == 0
    ctx, page = offline_page(browser)
    page.goto(out.as_uri())
    page.wait_for_selector("body[data-ready='1']")
    assert page.locator("#fl-undated-count").is_hidden()
    page.locator("path[data-place='hajin']").click()
    assert page.locator("#story-undated").count() == 0
    assert page.errors == []
    ctx.close()
