"""Map date-step time, measured in a real browser, and the report's size.

Builds the HTML report of the bundled sample (its articles included), opens it in Debian's Chromium
(Playwright, network cut off) and times 60 date steps from the slider's input
event to the next painted frame.

    python bench/bench_map.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract import Article, extract_paths, read_articles, read_manifest  # noqa: E402
from geo import Timeline  # noqa: E402
from geo.report import write_report  # noqa: E402

STEP_JS = """async () => {
    const s = document.getElementById('fl-slider'); const out = [];
    for (let k = 0; k < 60; k++) {
        const t = performance.now();
        s.value = String((Number(s.value) + 2) % (Number(s.max) + 1));
        s.dispatchEvent(new Event('input'));
        await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
        out.push(performance.now() - t);
    }
    return out; }"""


def main() -> None:
    from playwright.sync_api import sync_playwright

    sample = ROOT / "assets" / "sample"
    t0 = time.perf_counter()
    manifest = read_manifest(sample / "manifest.csv")
    tl = Timeline(extract_paths([sample / "articles"], manifest=manifest, progress=False))
    # The articles go in too ("open the article"): the report as the app offers it.
    texts = {a.id: a.text for a in read_articles([sample / "articles"], manifest=manifest) if isinstance(a, Article)}
    with tempfile.TemporaryDirectory() as tmp:
        path = write_report(tl, Path(tmp) / "report.html", articles=texts)
        build = time.perf_counter() - t0
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"])
            page = b.new_context(offline=True).new_page()
            t1 = time.perf_counter()
            page.goto(path.as_uri())
            page.wait_for_selector("body[data-ready='1']")
            load = time.perf_counter() - t1
            times = page.evaluate(STEP_JS)
            b.close()
        print(f"report: {path.stat().st_size / 1e6:.2f} MB, built in {build:.2f} s, drawn offline in {load:.2f} s; "
              f"date step: median {statistics.median(times):.1f} ms, max {max(times):.1f} ms over {len(times)} steps")


if __name__ == "__main__":
    main()
