"""Analyst review in a real browser: reject from the story, the colour changes, and it survives a restart."""

from __future__ import annotations

import time

import pytest

from geo._style import COLORS
from review import ReviewStore
from tests.app.conftest import map_frame, serve_app
from tests.review.conftest import ADVANCE

pytestmark = [pytest.mark.browser, pytest.mark.slow]
NAME_BOX = "Your name (recorded with each review action)"


def until(page, check, *, timeout: float = 60.0):
    """Poll the map page (it is redrawn after each action) until ``check(frame)`` is truthy; return it."""
    deadline, last = time.time() + timeout, None
    while time.time() < deadline:
        try:
            frame = map_frame(page, timeout=5)
            last = check(frame)
            if last:
                return last
        except Exception as exc:  # the frame is being replaced
            last = exc
        time.sleep(0.3)
    raise AssertionError(f"the map never got there (last: {last!r})")


def sign_in(page, name: str) -> None:
    """Type a name in the sidebar, as an analyst does; the rerun that follows redraws the map's page."""
    map_frame(page).evaluate("window.beforeSignIn = true")
    box = page.get_by_label(NAME_BOX)
    box.fill(name)
    box.press("Enter")
    until(page, lambda f: f.evaluate("window.beforeSignIn === undefined"))


def place(frame, place_id: str):
    return frame.locator(f"path[data-place='{place_id}']")


def open_story(page, place_id: str):
    frame = map_frame(page)
    place(frame, place_id).click()
    frame.locator("#story").wait_for(state="visible")
    return frame


def test_reject_from_the_story_changes_the_colour_and_survives_a_restart(browser, tmp_path):
    store = tmp_path / "review.sqlite"
    env = {"FRONTLINE_UPLOADS": str(tmp_path / "uploads"), "FRONTLINE_REVIEW": str(store)}
    server = serve_app(env)
    url = next(server)
    try:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(url + "/?reviewer=Lina")  # the name can come with the address
        frame = map_frame(page)
        assert place(frame, "baghuz_fawqani").get_attribute("data-state") == "contested"
        assert place(frame, "baghuz_fawqani").get_attribute("fill").startswith("url(#fl-stripes-")
        frame = open_story(page, "baghuz_fawqani")
        claim = frame.locator(f"#story li[data-key='{ADVANCE}']")
        assert "Not reviewed" in claim.inner_text()
        claim.locator(".fl-rv-reject").click()
        claim.locator(".fl-rv-text").fill("the local sources are a rumour")
        claim.locator(".fl-rv-send").click()

        frame = until(page, lambda f: place(f, "baghuz_fawqani").get_attribute("data-state") == "ISIS" and f)
        assert place(frame, "baghuz_fawqani").get_attribute("fill") in (COLORS["ISIS"], "url(#fl-hatch-"
                                                                         + COLORS["ISIS"].lstrip("#") + ")")
        # The story stays open on the place, with the rejected claim under "Rejected in review".
        story = until(page, lambda f: f.locator("#story").is_visible() and f.locator("#story").inner_text())
        assert "Rejected in review (1)" in story and "Review: rejected by Lina" in story
        assert "the local sources are a rumour" in story
        page.close()
    finally:
        next(server, None)  # stops the server

    (action,) = ReviewStore(store).actions()
    assert (action.action, action.claim, action.who) == ("reject", ADVANCE, "Lina")

    server = serve_app(env)  # a new process extracts the articles again: the rejection finds its claim
    url = next(server)
    try:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(url)
        frame = map_frame(page)
        assert place(frame, "baghuz_fawqani").get_attribute("data-state") == "ISIS"
        frame = open_story(page, "baghuz_fawqani")
        rejected = frame.locator(f"#story li.fl-claim-rejected[data-key='{ADVANCE}']")
        assert "Review: rejected by Lina" in rejected.inner_text()
        assert not page.get_by_text("review actions on claims not in these articles").count()  # no orphans
        page.close()
    finally:
        next(server, None)


def test_two_sessions_review_at_once_and_undo_and_edit(browser, tmp_path):
    store = tmp_path / "review.sqlite"
    server = serve_app({"FRONTLINE_UPLOADS": str(tmp_path / "uploads"), "FRONTLINE_REVIEW": str(store)})
    url = next(server)
    contexts = [browser.new_context(viewport={"width": 1400, "height": 1000}) for _ in range(2)]
    try:
        pages = [c.new_page() for c in contexts]
        for page, name in zip(pages, ("Lina", "Omar"), strict=True):
            page.goto(url)
            map_frame(page)
            sign_in(page, name)
        frames = [open_story(page, "hajin") for page in pages]
        keys = frames[0].locator("#story ol.fl-claims > li").evaluate_all("ls => ls.map(l => l.dataset.key)")
        assert len(keys) >= 2
        # Both press at once: one confirms a claim, the other notes another.
        frames[0].locator(f"#story li[data-key='{keys[0]}'] .fl-rv-confirm").click()
        note = frames[1].locator(f"#story li[data-key='{keys[1]}']")
        note.locator(".fl-rv-note").click()
        note.locator(".fl-rv-text").fill("check against SOHR")
        note.locator(".fl-rv-text").press("Enter")
        until(pages[0], lambda f: "Review: confirmed by Lina" in f.locator(f"#story li[data-key='{keys[0]}']")
              .inner_text())
        deadline = time.time() + 30
        while len(ReviewStore(store)) < 2 and time.time() < deadline:
            time.sleep(0.2)
        assert sorted((a.who, a.action) for a in ReviewStore(store).actions()) == [("Lina", "confirm"),
                                                                                   ("Omar", "note")]
        # Lina takes her confirmation back; Omar's note is still there.
        frame = map_frame(pages[0])
        frame.locator(f"#story li[data-key='{keys[0]}'] .fl-rv-undo").click()
        text = until(pages[0], lambda f: "undone" in (t := f.locator(f"#story li[data-key='{keys[0]}']")
                                                      .inner_text()) and t)
        assert "Not reviewed" in text
        # Omar edits the other claim's date in the sidebar form the story's "edit…" opens.
        frame = open_story(pages[1], "hajin")
        frame.locator(f"#story li[data-key='{keys[1]}'] .fl-rv-edit").click()
        key_box = pages[1].get_by_role("textbox", name="Claim key")
        until(pages[1], lambda f: key_box.input_value() == keys[1])
        edit = pages[1].get_by_test_id("stForm").filter(has_text="Save the edit")
        edit.get_by_role("textbox", name="Date (YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD)").fill("2018-12-01")
        edit.get_by_role("textbox", name="Why").fill("the report is dated by the agency")
        pages[1].get_by_role("button", name="Save the edit").click()

        def edited(f):
            return any(c["key"] == keys[1] and c["review_state"] == "edited" and c["date"] == "2018-12-01"
                       for c in f.evaluate("frontline.data.claims"))

        until(pages[1], edited)
        assert [a.action for a in ReviewStore(store).actions()] == ["confirm", "note", "undo", "edit"]
        assert ReviewStore(store).integrity() == "ok"
    finally:
        for c in contexts:
            c.close()
        next(server, None)


def test_a_visitor_may_choose_a_review_store_only_inside_the_allowed_folders(page, folder_app_url, tmp_path):
    page.goto(folder_app_url)
    map_frame(page)
    box = page.get_by_role("textbox", name="Review store (a .sqlite file in an allowed folder)")
    box.fill(str(tmp_path / "team.sqlite"))
    box.press("Enter")
    page.get_by_text(str(tmp_path / "team.sqlite")).wait_for()
    box.fill("/etc/team.sqlite")
    box.press("Enter")
    page.get_by_text("This review store cannot be used; the default one is.").wait_for()
    assert not page.get_by_text("/etc/team.sqlite", exact=False).filter(has_text="Review store:").count()
