"""Timeline build and snapshot speed on generated data.

100,000 claims over 5,000 places and 50 sources, two years of dates. Prints
the time to build the consensus timeline, to build every source view, and the
median time to answer a snapshot.

    python bench/bench_timeline.py [--claims 100000 --places 5000 --sources 50] [--keep-gc]

Wall and CPU seconds; ``--keep-gc`` leaves the cyclic GC running during the
bulk builds, to measure what pausing it saves. Measured on the shared 2-core
machine, 1M claims, wall (CPU):

- consensus timeline: 20.96 s (20.40) before issue #12's work; now 4.39-5.22 s (4.38-5.20)
- all 50 source views: 11.10 s (11.05) before; now 2.25-2.81 s (2.25-2.79)
- with the GC left running during the builds: 10.32 s (9.66) and 5.08 s (4.97)
- snapshot median: 93.6 ms before; now 71-77 ms
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extract import Claim, DateWindow, bulk
from gazetteer import Gazetteer, Place
from geo import Timeline


def generate(n_claims: int, n_places: int, n_sources: int, *, seed: int = 3, days: int = 730):
    """``n_claims`` control claims about ``n_places`` villages (inside the study area) over ``days`` days."""
    rng = random.Random(seed)
    places = [Place(id=f"p{i}", name_en=f"Place {i}", name_ar=f"مكان {i}", kind="village",
                    lat=34 + rng.random() * 3, lon=38.6 + rng.random() * 3.5, precision_m=1000, coord_source="bench")
              for i in range(n_places)]
    sources = [f"source {i}" for i in range(n_sources)]
    actors = ["ISIS", "SDF", "SAA", "PMF"]
    changes = ["holds", "holds", "captured", "advanced", "withdrew", "repelled"]
    start = date(2018, 1, 1)
    claims = []
    for i in range(n_claims):
        p = rng.choice(places)
        d = start + timedelta(days=rng.randrange(days))
        claims.append(Claim(
            id=f"c{i}", article=f"a{i // 10}", kind="control", place=p.id, place_name=p.name_en, surface="",
            lat=p.lat, lon=p.lon, actor=rng.choice(actors), change=rng.choice(changes),
            extent=rng.choice([None, None, None, "part", "most"]),
            modality=rng.choice(["asserted"] * 4 + ["claimed"]), attributed_to=rng.choice(sources),
            outlet=f"outlet {rng.randrange(10)}", published=DateWindow(d, d), date=DateWindow(d, d),
            quote="…", start=0, end=1, confidence=0.8))
    return Gazetteer(places), claims


class _Clock:
    """Wall and CPU seconds of a block (CPU time is the steadier figure on a shared machine)."""

    def __enter__(self) -> _Clock:
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc) -> None:
        self.wall, self.cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu

    def __str__(self) -> str:
        return f"{self.wall:.2f} s ({self.cpu:.2f} s CPU)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--places", type=int, default=5_000)
    ap.add_argument("--sources", type=int, default=50)
    ap.add_argument("--keep-gc", action="store_true", help="leave the cyclic GC running during bulk builds")
    args = ap.parse_args()
    bulk.PAUSE_GC = not args.keep_gc
    with bulk.no_gc():
        gz, claims = generate(args.claims, args.places, args.sources)
    gc.collect()
    with _Clock() as build:
        tl = Timeline(claims, gazetteer=gz)
        tl.intervals("consensus")
    with _Clock() as views:
        for s in tl.sources:
            tl.intervals(f"source:{s}")
    tl.snapshot(date(2018, 6, 1))  # warm the per-view index
    times = []
    for k in range(20):
        with _Clock() as snap_time:
            snap = tl.snapshot(date(2018, 1, 15) + timedelta(days=30 * k))
        times.append(snap_time.wall)
    print(f"{args.claims} claims, {args.places} places, {args.sources} sources"
          f"{' (GC left on)' if args.keep_gc else ''}: consensus timeline built in {build}; "
          f"all {len(tl.sources)} source views in {views} more; "
          f"snapshot median {1000 * statistics.median(times):.1f} ms ({len(snap)} places known)")


if __name__ == "__main__":
    main()
