"""Claims in and out: JSON lines against Parquet, writing and reading back 1M synthetic claims.

The claims are those of ``bench_timeline.py`` (one short quote each). Prints
seconds and file size for each format, reading back into Claim objects, and
for Parquet also into an Arrow table alone (no Python objects).

    python bench/bench_claims_io.py [--claims 1000000] [--formats jsonl,parquet] [--keep-gc]

Wall and CPU seconds; ``--keep-gc`` leaves the cyclic GC running during the
bulk builds. Measured on the shared 2-core machine, 1M claims, wall (CPU):

- Parquet write: 3.67 s (3.57) before issue #12's work; now 3.03-3.49 s (2.93-3.49)
- Parquet read into Claim objects: 8.34 s (7.00) before; now 1.59-2.09 s (1.68-2.07)
- the same with the GC left running: 9.93 s (9.39) before; now 3.55-3.62 s (3.67-3.72); write 6.2-6.5 s
- JSON lines now: write 11.40 s, read 14.81 s (809 MB)
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
