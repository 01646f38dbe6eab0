"""The README's screenshots, taken in the same Debian Chromium as the browser tests.

Writes ``assets/screenshots/*.png``: the bundled sample at three dates, the
real sample from ``../shared/corpus`` when it is there, the report with a
story open, and the app. Pages are drawn offline (the map's own vector base),
so the pictures do not depend on a tile server.

    python tools/screenshots.py
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract import Article, extract_paths, read_articles, read_manifest  # noqa: E402
from geo import Timeline  # noqa: E402
from geo.report import write_report  # noqa: E402

OUT = ROOT / "assets" / "screenshots"
SAMPLE = ROOT / "assets" / "sample"
SHARED = ROOT.parent / "shared"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--force-color-profile=srgb"]


def _report(paths: list[Path], manifest: Path | None, out: Path, title: str, corpus: str) -> Path:
    mf = read_manifest(manifest) if manifest else None
    tl = Timeline(extract_paths(paths, manifest=mf, progress=False))
    texts = {a.id: a.text for a in read_articles(paths, manifest=mf) if isinstance(a, Article)}
    return write_report(tl, out, title=title, corpus=corpus, articles=texts)


def _shot(browser, url: str, name: str, *, day: str | None = None, place: str | None = None,
          size: tuple[int, int] = (1200, 780)) -> None:
    ctx = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = ctx.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:", "blob:"))
               else r.abort())
    page.goto(url)
    page.wait_for_selector("body[data-ready='1']")
    page.wait_for_function("document.querySelector('.folium-map').getAttribute('data-base') === 'plain'")
    if day:
        page.evaluate(f"window.frontline.setDate({day!r})")
    if place:
        page.locator(f"path[data-place='{place}']").click()
    page.wait_for_timeout(400)
    path = OUT / f"{name}.png"
    page.screenshot(path=str(path))
    ctx.close()
    _shrink(path)
    print(f"{path.relative_to(ROOT)}: {path.stat().st_size / 1e3:.0f} kB")


def _shrink(path: Path) -> None:
    # A 256-colour palette keeps a map screenshot well under 300 kB with no visible loss.
    try:
        from PIL import Image
    except ImportError:
        return
    img = Image.open(path).convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    img.save(path, optimize=True)


def _app(browser) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless",
                             "true", "--server.port", str(port), "--server.address", "127.0.0.1",
                             "--browser.gatherUsageStats", "false"], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                if urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.3)
        ctx = browser.new_context(viewport={"width": 1280, "height": 720})
        page = ctx.new_page()
        page.goto(url)
        frame = None
        for _ in range(300):
            frame = next((f for f in page.frames if _ready(f)), None)
            if frame:
                break
            time.sleep(0.1)
        frame.evaluate("window.frontline.setDate('2018-12-12')")
        page.wait_for_timeout(600)
        path = OUT / "app.png"
        page.screenshot(path=str(path))
        ctx.close()
        _shrink(path)
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size / 1e3:.0f} kB")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _ready(frame) -> bool:
    try:
        return frame.evaluate("document.body && document.body.getAttribute('data-ready')") == "1"
    except Exception:  # frames come and go while Streamlit renders
        return False


def main() -> None:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        sample = _report([SAMPLE / "articles"], SAMPLE / "manifest.csv", Path(tmp) / "sample.html",
                         "Frontline: the Hajin pocket (bundled sample)", "14 paraphrased articles in assets/sample")
        for name, day in (("sample-2018-11-19", "2018-11-19"), ("sample-2018-12-12", "2018-12-12"),
                          ("sample-2019-02-12", "2019-02-12")):
            _shot(browser, sample.as_uri(), name, day=day)
        _shot(browser, sample.as_uri(), "report-story", day="2018-12-14", place="hajin", size=(1280, 860))
        if (SHARED / "corpus").is_dir():
            manifest = SHARED / "corpus-manifest.csv"
            real = _report([SHARED / "corpus"], manifest if manifest.exists() else None, Path(tmp) / "real.html",
                           "Frontline: real sample articles", "the real sample in ../shared/corpus")
            _shot(browser, real.as_uri(), "real-sample")
        _app(browser)
        browser.close()


if __name__ == "__main__":
    main()
