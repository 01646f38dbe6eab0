"""Claims in and out: JSON lines against Parquet, writing and reading back 1M synthetic claims.

The claims are those of ``bench_timeline.py`` (one short quote each). Prints
seconds and file size for each format, reading back into Claim objects, and
for Parquet also into an Arrow table alone (no Python objects).

    python bench/bench_claims_io.py [--claims 1000000]
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_timeline import _Clock, generate
from extract import bulk, read_claims, write_claims
from extract.io import read_table


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--claims", type=int, default=1_000_000)
    ap.add_argument("--formats", default="jsonl,parquet", help="comma-separated: jsonl, parquet")
    ap.add_argument("--keep-gc", action="store_true", help="leave the cyclic GC running during bulk builds")
    args = ap.parse_args()
    with bulk.no_gc():
        _, claims = generate(args.claims, 5000, 50)
    bulk.PAUSE_GC = not args.keep_gc
    gc.collect()
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in args.formats.split(","):
            path = Path(tmp) / f"claims.{fmt}"
            with _Clock() as write:
                write_claims(claims, path)
            with _Clock() as read:
                back = read_claims(path)
            assert back == claims, "claims read back differ"
            del back
            gc.collect()
            line = (f"{fmt:8} {args.claims} claims{' (GC left on)' if args.keep_gc else ''}: write {write}, "
                    f"read into Claim objects {read}, {path.stat().st_size / 1e6:.0f} MB")
            if fmt == "parquet":
                with _Clock() as arrow:
                    table = read_table(path)
                line += f"; into an Arrow table alone {arrow} ({table.num_rows} rows)"
            print(line, flush=True)


if __name__ == "__main__":
    main()
