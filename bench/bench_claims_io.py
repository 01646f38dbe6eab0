"""Claims in and out: JSON lines against Parquet, writing and reading back 1M synthetic claims.

The claims are those of ``bench_timeline.py`` (one short quote each). Prints
seconds and file size for each format, reading back into Claim objects, and
for Parquet also into an Arrow table alone (no Python objects).

    python bench/bench_claims_io.py [--claims 1000000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_timeline import generate
from extract import read_claims, write_claims
from extract.bulk import no_gc
from extract.io import read_table


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--claims", type=int, default=1_000_000)
    args = ap.parse_args()
    with no_gc():
        _, claims = generate(args.claims, 5000, 50)
    with tempfile.TemporaryDirectory() as tmp:
        for suffix in (".jsonl", ".parquet"):
            path = Path(tmp) / f"claims{suffix}"
            t0 = time.perf_counter()
            write_claims(claims, path)
            t1 = time.perf_counter()
            back = read_claims(path)
            t2 = time.perf_counter()
            assert back == claims, "claims read back differ"
            del back
            line = (f"{suffix[1:]:8} {args.claims} claims: write {t1 - t0:.2f} s, read into Claim objects "
                    f"{t2 - t1:.2f} s, {path.stat().st_size / 1e6:.0f} MB")
            if suffix == ".parquet":
                t0 = time.perf_counter()
                table = read_table(path)
                line += f"; into an Arrow table alone {time.perf_counter() - t0:.2f} s ({table.num_rows} rows)"
            print(line, flush=True)


if __name__ == "__main__":
    main()
