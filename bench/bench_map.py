"""Map report size, build time, draw time and date-step time, measured in a real browser.

With no options: the HTML report of the bundled sample (its articles included). With ``--claims``:
generated claims (:func:`bench.bench_timeline.generate`, villages inside the study area) at scale.
Each report is opened in Debian's Chromium (Playwright, network cut off), timed to
``body[data-ready='1']``, then 60 date steps are timed from the slider's input event to the next
painted frame. CPU time: the Python process's for the build, Chromium's main-thread task time
(``Performance.getMetrics``) for the draw and the steps; the machine's load average is printed too.

    python bench/bench_map.py
    python bench/bench_map.py --claims 100000 --places 1000 --days 365
    python bench/bench_map.py --claims 1000000 --places 1000 --days 365 --no-browser
"""

from __future__ import annotations

import argparse
import os
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
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--js-flags=--max-old-space-size=8192"]


def _task_seconds(cdp) -> float:
    metrics = cdp.send("Performance.getMetrics")["metrics"]
    return next(m["value"] for m in metrics if m["name"] == "TaskDuration")


def measure(path: Path, *, timeout_s: float = 600) -> dict:
    """Open a report offline in Chromium: draw time, main-thread CPU, date-step times."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        ctx = b.new_context(offline=True, viewport={"width": 1400, "height": 900})
        page = ctx.new_page()
        cdp = ctx.new_cdp_session(page)
        cdp.send("Performance.enable")
        cpu0 = _task_seconds(cdp)
        t1 = time.perf_counter()
        page.goto(path.as_uri(), timeout=timeout_s * 1000)
        page.wait_for_selector("body[data-ready='1']", timeout=timeout_s * 1000)
        load = time.perf_counter() - t1
        cpu1 = _task_seconds(cdp)
        times = page.evaluate(STEP_JS)
        cpu2 = _task_seconds(cdp)
        b.close()
    return {"draw_s": load, "draw_cpu_s": cpu1 - cpu0, "steps_ms": times, "steps_cpu_s": cpu2 - cpu1}


def sample_report(tmp: Path) -> tuple[Path, float, float]:
    sample = ROOT / "assets" / "sample"
    t0, c0 = time.perf_counter(), time.process_time()
    manifest = read_manifest(sample / "manifest.csv")
    tl = Timeline(extract_paths([sample / "articles"], manifest=manifest, progress=False))
    # The articles go in too ("open the article"): the report as the app offers it.
    texts = {a.id: a.text for a in read_articles([sample / "articles"], manifest=manifest) if isinstance(a, Article)}
    path = write_report(tl, tmp / "report.html", articles=texts)
    return path, time.perf_counter() - t0, time.process_time() - c0


def scale_report(tmp: Path, n_claims: int, n_places: int, n_days: int, n_sources: int) -> tuple[Path, float, float]:
    from shapely.geometry import Point

    from bench.bench_timeline import generate
    from gazetteer.river import STUDY_AREA

    gz, claims = generate(n_claims, n_places, n_sources, days=n_days)
    assert all(STUDY_AREA.contains(Point(p.lon, p.lat)) for p in gz), "places must lie in the study area"
    t0, c0 = time.perf_counter(), time.process_time()
    tl = Timeline(claims, gazetteer=gz)
    t_tl = time.perf_counter() - t0
    path = write_report(tl, tmp / "report.html")
    build = time.perf_counter() - t0
    print(f"  timeline {t_tl:.1f} s, report {build - t_tl:.1f} s", flush=True)
    return path, build, time.process_time() - c0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--claims", type=int, default=0, help="generated claims (default: the bundled sample)")
    ap.add_argument("--places", type=int, default=1000)
    ap.add_argument("--days", type=int, default=365)
    ap.add_argument("--sources", type=int, default=50)
    ap.add_argument("--no-browser", action="store_true", help="build and size only")
    args = ap.parse_args()
    load0 = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        if args.claims:
            what = f"{args.claims} claims, {args.places} places, {args.days} days, {args.sources} sources"
            path, build, cpu = scale_report(Path(tmp), args.claims, args.places, args.days, args.sources)
        else:
            what = "bundled sample with its 14 articles"
            path, build, cpu = sample_report(Path(tmp))
        size = path.stat().st_size
        line = f"{what}: report {size / 1e6:.2f} MB, built in {build:.2f} s ({cpu:.2f} s CPU)"
        if not args.no_browser:
            m = measure(path)
            times = m["steps_ms"]
            line += (f", drawn offline in {m['draw_s']:.2f} s ({m['draw_cpu_s']:.2f} s main-thread CPU); "
                     f"date step: median {statistics.median(times):.1f} ms, max {max(times):.1f} ms over "
                     f"{len(times)} steps ({1000 * m['steps_cpu_s'] / len(times):.1f} ms main-thread CPU per step)")
    print(line + f"; load average {load0:.2f} before, {os.getloadavg()[0]:.2f} after")


if __name__ == "__main__":
    main()
