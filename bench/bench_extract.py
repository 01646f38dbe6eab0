"""Extraction throughput: articles of the sample's size per second, and memory.

Writes N generated articles to a .jsonl file, streams them through the
extractor, and prints articles/s and peak memory for two batch sizes, so a
growth in memory with the number of articles would show.

With ``--jobs N``, times what ``frontline extract -o claims.jsonl`` does
(read, extract, write) with one process and with N, in alternating rounds
(the machine may be shared: only rounds run side by side compare, and the
best round of each is the least disturbed), prints articles/s, the ratios,
and whether the two files are identical. For scale,
each round also times N independent processes over 1/N of the batch each:
what the machine gives at that moment.

    python bench/bench_extract.py [--articles 2000] [--jobs 2 --rounds 3]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from datetime import date

from bench._corpus import article
from extract import Article, DateWindow, Extractor, extract_paths, write_claims
from extract.parallel import extract_parallel


def _write(path: Path, n: int, *, seed: int = 11) -> int:
    rng = random.Random(seed)
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
    t0, c0 = time.perf_counter(), time.process_time()
    records = sum(len(ex.extract(a)) for a in arts)
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    size = sum(len(t.encode("utf-8")) for t in texts) / len(texts)
    # CPU time as well: on a shared machine it is the figure that compares between runs.
    print(f"real sample texts ({size / 1000:.1f} kB each), {n} articles: {n / dt:.0f} articles/s "
          f"({n / cpu:.0f} per CPU-second), {records} records")


def _jobs(jobs: int, n: int, rounds: int) -> None:
    """``frontline extract`` end to end, one process against ``jobs``, in alternating rounds."""
    with tempfile.TemporaryDirectory() as tmp:
        inputs = {"generated": Path(tmp) / "generated.jsonl"}
        _write(inputs["generated"], n)
        corpus = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
        texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
        if texts:  # the real sample's texts, over and over: fewer claims per article than generated ones
            inputs["real texts"] = Path(tmp) / "real.jsonl"
            with open(inputs["real texts"], "w", encoding="utf-8") as f:
                for i in range(n):
                    f.write(json.dumps({"id": f"r{i}", "published": "2018-12-01", "text": texts[i % len(texts)]},
                                       ensure_ascii=False) + "\n")
        for name, path in inputs.items():
            lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
            parts = [Path(tmp) / f"part{k}.jsonl" for k in range(jobs)]
            for k, part in enumerate(parts):
                part.write_text("".join(lines[k::jobs]), encoding="utf-8")
            rates: dict[str, list[float]] = {"1": [], "N": [], "parts": []}
            for _ in range(rounds):
                for mode in rates:
                    t0 = time.perf_counter()
                    if mode == "parts":
                        procs = [mp.get_context("fork").Process(target=_extract_to, args=(p, p.with_suffix(".out")))
                                 for p in parts]
                        for proc in procs:
                            proc.start()
                        for proc in procs:
                            proc.join()
                    else:
                        j = 1 if mode == "1" else jobs
                        write_claims(extract_parallel([path], jobs=j, progress=False), Path(tmp) / f"out{mode}.jsonl")
                    rates[mode].append(n / (time.perf_counter() - t0))
            same = (Path(tmp) / "out1.jsonl").read_bytes() == (Path(tmp) / "outN.jsonl").read_bytes()

            def fmt(xs):
                return " ".join(f"{x:.0f}" for x in xs)

            ratio = [b / a for a, b in zip(rates["1"], rates["N"], strict=True)]
            ceiling = [b / a for a, b in zip(rates["1"], rates["parts"], strict=True)]
            print(f"{name}, {n} articles, read+extract+write .jsonl, articles/s per round: 1 job {fmt(rates['1'])}; "
                  f"--jobs {jobs} {fmt(rates['N'])}; ratio {' '.join(f'{r:.2f}' for r in ratio)} "
                  f"(median {statistics.median(ratio):.2f}, best against best {max(rates['N']) / max(rates['1']):.2f}); "
                  f"output identical: {same}. For scale, {jobs} independent processes over 1/{jobs} each: ratio "
                  f"{' '.join(f'{r:.2f}' for r in ceiling)} (best against best "
                  f"{max(rates['parts']) / max(rates['1']):.2f})")


def _extract_to(path: Path, out: Path) -> None:
    write_claims(extract_paths([path], progress=False), out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--jobs", type=int, help="compare one process with this many")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    if args.jobs:
        _jobs(args.jobs, args.articles, args.rounds)
        return
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
