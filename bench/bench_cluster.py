"""Extraction on a Dask LocalCluster (``frontline extract --dask local``): articles per second.

Writes N generated articles as F ``.jsonl`` files, then extracts them with one
process into ``claims.parquet`` and on a LocalCluster of single-threaded worker
processes on loopback into a folder of partitions, in alternating rounds (the
machine may be shared). Prints articles/s for both, the ratio, and whether
the claims are identical. Cluster start-up is timed apart.

    python bench/bench_cluster.py [--articles 2000 --files 16 --workers 2 --rounds 2]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_extract import _write
from extract import extract_paths, read_claims, write_claims
from extract.cluster import extract_dask, local_cluster


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--files", type=int, default=16)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    from distributed import Client

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "articles"
        src.mkdir()
        per = args.articles // args.files
        for k in range(args.files):
            _write(src / f"batch{k:03d}.jsonl", per, seed=k)
        n = per * args.files
        t0 = time.perf_counter()
        with local_cluster(args.workers) as cluster, Client(cluster) as client:
            client.run(lambda: None)  # workers up
            print(f"LocalCluster of {args.workers} worker processes up in {time.perf_counter() - t0:.1f} s")
            one, many = [], []
            for _ in range(args.rounds):
                t0 = time.perf_counter()
                write_claims(extract_paths([src], progress=False), Path(tmp) / "one.parquet")
                one.append(n / (time.perf_counter() - t0))
                t0 = time.perf_counter()
                extract_dask([src], Path(tmp) / "many", client=client)
                many.append(n / (time.perf_counter() - t0))
        same = read_claims(Path(tmp) / "many") == read_claims(Path(tmp) / "one.parquet")
        ratios = sorted(b / a for a, b in zip(one, many, strict=True))
        print(f"{n} generated articles in {args.files} files: one process {' '.join(f'{r:.0f}' for r in one)} "
              f"articles/s; LocalCluster {' '.join(f'{r:.0f}' for r in many)} articles/s; ratio per round "
              f"{' '.join(f'{r:.2f}' for r in ratios)} (best against best {max(many) / max(one):.2f}); "
              f"claims identical: {same}")


if __name__ == "__main__":
    main()
