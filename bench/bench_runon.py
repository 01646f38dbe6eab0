"""A 1 MB run-on "sentence": how long one pathological article holds the batch.

Rules that look across a sentence used to grow with the square of its length,
so this article took minutes. The extractor now cuts run-on sentences
(``sentence.cap`` in :mod:`extract.rules.sentences`), so it is read in
seconds; the per-article time budget (:mod:`extract.budget`) stays as the
backstop that skips, and reports, whatever still takes too long.

    python bench/bench_runon.py [--mb 1] [--budget 20]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extract import Summary, extract_paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=1.0, help="size of the run-on article")
    ap.add_argument("--budget", type=float, default=20.0, help="seconds one article may take")
    args = ap.parse_args()
    clause = "سيطرت قسد على هجين و"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "runon.txt"
        path.write_text(clause * int(args.mb * 1e6 / len(clause.encode("utf-8"))), encoding="utf-8")
        (Path(tmp) / "ok.txt").write_text("وذكرت مصادر محلية أن قوات سوريا الديمقراطية سيطرت أمس على بلدة الشعفة.",
                                          encoding="utf-8")
        size = path.stat().st_size
        summary = Summary()
        t0 = time.perf_counter()
        n = sum(1 for _ in extract_paths([tmp], year=2018, summary=summary, progress=False, time_budget=args.budget))
        dt = time.perf_counter() - t0
    outcome = "skipped (over budget)" if any("took more than" in s.reason for s in summary.skipped) else "read"
    print(f"run-on article of {size / 1e6:.1f} MB with a {args.budget:g} s budget: batch done in {dt:.2f} s, "
          f"the article {outcome}; {summary.read} read, {n} records")


if __name__ == "__main__":
    main()
