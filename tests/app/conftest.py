"""A real Chromium (Debian's, driven by Playwright) and a real Streamlit server on loopback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (bash run.sh test installs it as root)")
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.errors = errors
    yield pg
    ctx.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_app(env_extra: dict[str, str]):
    """Start the app on loopback with ``env_extra``; yields its URL, stops it after."""
    port = _free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
           "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("FRONTLINE_")}
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            env={**env, "PYTHONUNBUFFERED": "1", **env_extra})
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok":
                break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        raise RuntimeError("the Streamlit app did not become healthy within 60 s")
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="session")
def uploads_dir(tmp_path_factory) -> Path:
    """Where the test apps keep uploads (not the checkout's .frontline/)."""
    return tmp_path_factory.mktemp("uploads")


@pytest.fixture(scope="session")
def review_path(tmp_path_factory) -> Path:
    """The test apps' review store (not the checkout's .frontline/review.sqlite)."""
    return tmp_path_factory.mktemp("review") / "review.sqlite"


@pytest.fixture(scope="session")
def app_url(uploads_dir, review_path):
    """The app as a default deployment: no server folders readable."""
    yield from serve_app({"FRONTLINE_UPLOADS": str(uploads_dir), "FRONTLINE_REVIEW": str(review_path)})


@pytest.fixture(scope="session")
def folder_app_url(uploads_dir, review_path, tmp_path_factory):
    """The app with server folders turned on for the tests' temporary folders only."""
    root = tmp_path_factory.getbasetemp()
    yield from serve_app({"FRONTLINE_UPLOADS": str(uploads_dir), "FRONTLINE_ALLOWED_FOLDERS": str(root),
                          "FRONTLINE_REVIEW": str(review_path)})


def map_frame(page, *, timeout: float = 60.0):
    """The frame holding the time map, once its script has drawn everything."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        for f in page.frames:
            try:
                if f.evaluate("document.body && document.body.getAttribute('data-ready')") == "1":
                    return f
            except Exception:  # frames come and go while Streamlit renders
                pass
        time.sleep(0.1)
    raise AssertionError("the map did not appear")
