"""Linking throughput: MB of Arabic text per second on one core.

    python bench/bench_linker.py [--mb 10]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._corpus import text_of_size
from gazetteer import Linker, load


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=10.0)
    args = ap.parse_args()
    text = text_of_size(int(args.mb * 1_000_000))
    size_mb = len(text.encode("utf-8")) / 1e6
    linker = Linker(load())
    linker.link(text[:10000])  # warm up
    t0 = time.perf_counter()
    mentions = linker.link(text)
    dt = time.perf_counter() - t0
    print(f"linked {size_mb:.1f} MB in {dt:.2f} s: {size_mb / dt:.1f} MB/s, {len(mentions)} mentions")


if __name__ == "__main__":
    main()
