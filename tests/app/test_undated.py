"""No claim leaves the app uncounted: undated claims are counted with a reason, and a default window places them.

Runs the real app script headless (Streamlit's AppTest) on articles we wrote, with no date anywhere.
"""

from __future__ import annotations

import pytest

from geo.timemap import page_data
from tests.app.conftest import ROOT

AppTest = pytest.importorskip("streamlit.testing.v1").AppTest

UNDATED = [  # nothing dates these: no address, no dateline, no date, no period word, no place with a known history
    "وسيطر الجيش السوري على قرية الشجلة بعد معارك عنيفة.",
    "وقالت مصادر محلية إن الجيش السوري سيطر على بلدة الجلاء.",
]


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("FRONTLINE_ALLOWED_FOLDERS", str(tmp_path))  # server folders are off unless allowed
    for k, text in enumerate(UNDATED):
        (tmp_path / f"u{k}.txt").write_text(text, encoding="utf-8")
    return tmp_path


def run(folder, period=""):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["folder"] = str(folder)
    if period:
        at.query_params["period"] = period
    at.run()
    assert not at.exception
    return at


def test_undated_claims_are_counted_and_a_default_window_is_suggested(folder):
    at = run(folder)
    header = " ".join(m.value for m in at.markdown)
    assert "2 of 2 claims could not be placed in time" in header
    assert "publication date unknown" in header
    assert any("default publication window" in w.value for w in at.warning)


def test_a_default_window_places_them_with_their_precision(folder):
    at = run(folder, period="2018-09-01..2019-03-31")
    assert "could not be placed in time" not in " ".join(m.value for m in at.markdown)
    # The map page carries the claims (compressed), their dates and precision.
    claims = page_data(at.get("iframe")[0].proto.srcdoc)["claims"]
    assert any(c["date"] == "2019-03-31" for c in claims)  # placed at the end of the window they are known to
    assert any(c["precision"] in ("month", "year") for c in claims)
