"""Extraction throughput: articles of the sample's size per second, and memory.

Writes N generated articles to a .jsonl file, streams them through the
extractor, and prints articles/s and peak memory for two batch sizes, so a
growth in memory with the number of articles would show.

    python bench/bench_extract.py [--articles 2000]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from datetime import date

from bench._corpus import article
from extract import Article, DateWindow, Extractor, extract_paths


def _write(path: Path, n: int) -> int:
    rng = random.Random(11)
    size = 0
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            text = article(rng)
            size += len(text.encode("utf-8"))
            f.write(json.dumps({"id": f"a{i}", "published": "2018-12-01", "text": text}, ensure_ascii=False) + "\n")
    return size


def _run(path: Path, ex: Extractor) -> tuple[int, float]:
    """Records produced and seconds taken, streaming the batch."""
    t0 = time.perf_counter()
    n_claims = sum(1 for _ in extract_paths([path], extractor=ex, progress=False))
    return n_claims, time.perf_counter() - t0


def _real_sample(ex: Extractor, n: int) -> None:
    """Extractor alone on the real sample articles (read from ../shared, never copied)."""
    corpus = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    if not texts:
        print("real sample: ../shared/corpus absent, skipped")
        return
    pub = DateWindow(date(2018, 12, 1), date(2018, 12, 1))
    arts = [Article(f"a{i}", texts[i % len(texts)], "x", published=pub) for i in range(n)]
    t0 = time.perf_counter()
    records = sum(len(ex.extract(a)) for a in arts)
    dt = time.perf_counter() - t0
    size = sum(len(t.encode("utf-8")) for t in texts) / len(texts)
    print(f"real sample texts ({size / 1000:.1f} kB each), {n} articles: {n / dt:.0f} articles/s, {records} records")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=2000)
    args = ap.parse_args()
    ex = Extractor()
    _real_sample(ex, 1000)
    with tempfile.TemporaryDirectory() as tmp:
        for n in (args.articles // 4, args.articles):
            path = Path(tmp) / f"batch{n}.jsonl"
            size = _write(path, n)
            claims, dt = _run(path, ex)
            peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"streamed from .jsonl, generated ({size / n / 1000:.1f} kB each, denser in claims than real "
                  f"reporting), {n} articles: {n / dt:.0f} articles/s, {claims} records, peak RSS {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
