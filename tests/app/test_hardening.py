"""The app as a deployment faces untrusted visitors and files (issue 14), run headless with AppTest.

AppTest runs the real script in a real Streamlit runtime, without a browser; the browser
tests (``test_serving.py``) cover what needs one.
"""

from __future__ import annotations

import json
import os
import time

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.conftest import ROOT

ARABIC = "وذكرت مصادر محلية أن قوات سوريا الديمقراطية سيطرت على بلدة الشعفة في 13 تشرين الأول الجاري."
EVIL_OUTLET = "**bold** [click](http://evil.example/x) ![i](http://evil.example/i.png) \u202eSANA"


@pytest.fixture
def env(tmp_path, monkeypatch):
    """A default deployment: uploads in tmp_path, no server folders."""
    for k in [k for k in os.environ if k.startswith("FRONTLINE_")]:
        monkeypatch.delenv(k)
    monkeypatch.setenv("FRONTLINE_UPLOADS", str(tmp_path / "uploads"))
    return monkeypatch


def app(**query) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    for k, v in query.items():
        at.query_params[k] = v
    return at.run()


def page_text(at: AppTest) -> str:
    parts = [e.value for kind in ("markdown", "text", "error", "warning", "info", "caption") for e in at.get(kind)]
    parts += [str(o) for r in at.sidebar.radio for o in r.options]
    parts += [w.value or "" for w in at.sidebar.text_input]
    return "\n".join(map(str, parts))


def test_folders_are_off_by_default(env):
    # Before: ?folder=/etc listed the server's /etc.
    at = app(folder="/etc")
    assert not at.exception
    assert "A folder on disk" not in page_text(at)
    assert "/etc" not in page_text(at) and "passwd" not in page_text(at)
    assert at.get("markdown")[0].value.startswith("**14 articles**")  # the bundled sample instead


@pytest.mark.parametrize("folder", ["/etc", "/", "/root", "..", "../../..", "/proc/self"])
def test_folders_outside_the_allowed_root_are_refused(env, tmp_path, folder):
    # Before: /etc listed, /root took 147 s of CPU, / showed a traceback with server paths.
    env.setenv("FRONTLINE_ALLOWED_FOLDERS", str(tmp_path / "allowed"))
    (tmp_path / "allowed").mkdir()
    t0 = time.perf_counter()
    at = app(folder=folder)
    assert time.perf_counter() - t0 < 30
    assert not at.exception
    assert [e.value for e in at.error] == ["This folder cannot be read."]
    text = page_text(at)
    assert "passwd" not in text and str(tmp_path) not in text and "Traceback" not in text


def test_the_upload_store_is_never_a_folder_to_read(env, tmp_path):
    # Before: ?folder=.frontline/uploads gave every other visitor's uploads.
    from guard.uploads import SessionStore

    env.setenv("FRONTLINE_ALLOWED_FOLDERS", str(tmp_path))  # an operator allowing a root that holds the store
    other = SessionStore(tmp_path / "uploads")
    other.folder.mkdir(parents=True)
    (other.folder / "secret.txt").write_text(ARABIC, encoding="utf-8")
    for folder in (str(tmp_path / "uploads"), str(other.folder), "uploads", f"uploads/{other.token}"):
        at = app(folder=folder, year="2018")
        assert [e.value for e in at.error] == ["This folder cannot be read."], folder
        assert "secret" not in page_text(at)


def test_a_manifest_that_is_a_device_or_pipe_is_not_read(env, tmp_path):
    # Before: a manifest path of /dev/zero was read without limit.
    env.setenv("FRONTLINE_ALLOWED_FOLDERS", str(tmp_path))
    (tmp_path / "a.txt").write_text(ARABIC, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.csv")
    (tmp_path / "zero.csv").symlink_to("/dev/zero")
    for manifest in ("pipe.csv", "zero.csv", "/dev/zero"):
        at = app(folder=str(tmp_path), year="2018")
        t0 = time.perf_counter()
        at.sidebar.text_input[1].input(manifest).run()
        assert time.perf_counter() - t0 < 30
        assert not at.exception
        assert "The manifest cannot be used." in [e.value for e in at.error]


@pytest.fixture
def spoof_folder(tmp_path):
    d = tmp_path / "spoof"
    d.mkdir()
    (d / "a.txt").write_text(ARABIC, encoding="utf-8")
    with open(d / "manifest.csv", "w", encoding="utf-8") as f:
        f.write("file,outlet,published,url\n")
        f.write(f'a.txt,"{EVIL_OUTLET}",2018-10-14,javascript:alert(document.cookie)\n')
    return d


def test_outlet_is_never_markdown_bidi_is_isolated_and_only_web_links_are_links(env, tmp_path, spoof_folder):
    # Before: the outlet was Markdown in "view: …", U+202E reversed what followed, javascript: was a link.
    env.setenv("FRONTLINE_ALLOWED_FOLDERS", str(tmp_path))
    at = app(folder=str(spoof_folder), year="2018")
    at.sidebar.text_input[1].input(str(spoof_folder / "manifest.csv")).run()
    at.sidebar.radio[1].set_value("By outlet").run()
    assert not at.exception
    for md in at.markdown:
        assert "evil.example" not in md.value and "**bold**" not in md.value
    (view,) = [t.value for t in at.text if t.value.startswith("view:")]
    assert "**bold** [click](http://evil.example/x)" in view  # literally, as typed
    assert "\u202e" not in view and "⟦U+202E⟧" in view
    assert "\u2068" in view and view.endswith("\u2069")      # isolated from the words around it
    # The claims table lives in the map page now: no javascript: link and no raw U+202E reach it.
    srcdoc = at.get("iframe")[0].proto.srcdoc
    assert "javascript:" not in srcdoc and "\u202e" not in srcdoc
    assert "\\u202e" not in srcdoc.lower()  # not even escaped inside the page's JSON


def test_session_memory_stays_flat_across_settings(env):
    # Before: each date viewed kept its 2 MB map in the session, for good. The date now lives in the
    # page; what reruns the script is a setting, and each keeps only the map on show.
    at = app()
    keys = set(at.session_state.keys())
    seen = []
    for days in (10, 20, 45, 60, 90):
        fade = next(n for n in at.sidebar.number_input if n.label.startswith("Fade after"))
        fade.set_value(days).run()
        assert not at.exception
        seen.append(at.session_state["mapdata"][0])
        assert set(at.session_state.keys()) == keys
    assert len(set(seen)) == 5


def test_surrogates_and_far_dates_do_not_break_the_app(env, tmp_path):
    # Before: a lone surrogate broke st.iframe (UnicodeEncodeError); 9999-12-31 crashed the timeline.
    env.setenv("FRONTLINE_ALLOWED_FOLDERS", str(tmp_path))
    rows = [{"id": "s", "published": "2018-10-14", "outlet": "SANA\ud800", "text": ARABIC + " \udfff"},
            {"id": "far", "published": "9999-12-31", "text": ARABIC},
            {"id": "old", "published": "0001-01-01", "text": "أمس " + ARABIC}]
    (tmp_path / "rows.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    at = app(folder=str(tmp_path), year="2018")
    assert not at.exception
    assert at.get("markdown")[0].value.startswith("**3 articles**")
    assert any("3 warnings" in e.label for e in at.expander)
