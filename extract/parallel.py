"""Extraction on every local core: ``frontline extract --jobs N``.

This process reads the articles (so skips are found and reported in reading
order, as with one process) and hands them in chunks to a pool of worker
processes; each worker builds its :class:`~extract.extractor.Extractor` once
and returns the claims of a chunk. Chunks come back in the order they were
sent, so the claims are the same, in the same order, as with ``--jobs 1``.
At most a few chunks per worker are in flight, so memory stays flat however
large the batch.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import date
from itertools import islice
from pathlib import Path

from extract.budget import DEFAULT_SECONDS, Budget
from extract.bulk import claims_from_columns
from extract.claim import FIELDS, Claim, DateWindow
from extract.extractor import Extractor
from extract.pipeline import Summary, _Progress, extract_paths, keyed, process_article
from extract.reader import Article, Skip, check_hints, read_articles

__all__ = ["CHUNK", "cores", "extract_parallel"]

CHUNK = 16  # articles per task: ~30 ms of work, so sending it costs next to nothing
_AHEAD = 3  # chunks in flight per worker: enough to keep every worker busy

# The worker's extractor and publication hints, set once by the pool's initializer.
_worker: dict = {}


def cores() -> int:
    """CPU cores this process may run on (its affinity, so a container's or ``taskset``'s limit counts)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def _init(extractor: Extractor | None, year: int | None, period: tuple[date, date] | None,
          time_budget: float | None = DEFAULT_SECONDS) -> None:
    _worker.update(budget=Budget(extractor or Extractor(), seconds=time_budget), year=year, period=period)
    # What the worker starts with lives as long as it does: keep the collector off it (and, after a
    # fork, off the parent's pages, which its scans would otherwise copy).
    gc.freeze()


def _work(articles: list[Article]) -> tuple[list[tuple[str | None, str, DateWindow, int]], list[list]]:
    """Complete and extract a chunk.

    Returns, per article, what ``complete`` found and how many claims it has;
    and the claims of the chunk as columns (:data:`~extract.claim.FIELDS`
    order), which cross the pipe in half the time of Claim objects.
    """
    budget, year, period = _worker["budget"], _worker["year"], _worker["period"]
    meta, claims = [], []
    for art in articles:
        art, found, notes = process_article(art, budget, year=year, period=period)
        if isinstance(found, Skip):
            meta.append((art.outlet, art.outlet_basis, art.published, 0, found, notes))
            continue
        meta.append((art.outlet, art.outlet_basis, art.published, len(found), None, notes))
        claims += found
    return meta, [[getattr(c, f) for c in claims] for f in FIELDS]


def extract_parallel(paths: Iterable[str | Path], *, jobs: int | None = None, manifest: dict | None = None,
                     year: int | None = None, period: tuple[date, date] | None = None,
                     summary: Summary | None = None, extractor: Extractor | None = None, progress: bool = True,
                     on_skip=None, on_article=None, chunk: int = CHUNK,
                     time_budget: float | None = DEFAULT_SECONDS) -> Iterator[Claim]:
    """Yield the claims of every readable article under ``paths``, extracted on ``jobs`` processes.

    Same claims, same order, same :class:`~extract.pipeline.Summary` as
    :func:`~extract.pipeline.extract_paths`, which it is with ``jobs=1``.

    Parameters
    ----------
    paths : iterable of str or Path
        Files and folders of articles.
    jobs : int, optional
        Worker processes; all the cores this process may use by default.
    manifest, year, period, summary, on_skip, on_article
        As for :func:`~extract.pipeline.extract_paths` (``time_budget`` too: each worker keeps its own
        budget). ``on_article`` gets
        each article once its claims are back, with its outlet and
        publication window filled in.
    extractor : Extractor, optional
        Sent once to each worker; by default each builds its own.
    chunk : int
        Articles per task. A batch of at most one chunk per worker is done
        in this process: starting the pool would cost more than it saves.
    """
    check_hints(year=year, period=period)
    jobs = cores() if jobs is None else jobs
    if jobs < 1 or chunk < 1:
        raise ValueError("jobs and chunk must be at least 1")
    paths = list(paths)
    summary = summary if summary is not None else Summary()
    kw = dict(manifest=manifest, year=year, period=period, summary=summary, extractor=extractor,
              progress=progress, on_skip=on_skip, on_article=on_article, time_budget=time_budget)
    if jobs > 1 and _more_than(jobs * chunk, read_articles(paths, manifest=manifest)):
        yield from _pooled(paths, jobs=jobs, chunk=chunk, **kw)
    else:  # one process asked for, or a batch too small to pay for starting a pool
        yield from extract_paths(paths, **kw)


def _more_than(n: int, items: Iterator[Article | Skip]) -> bool:
    """True when ``items`` hold more than ``n`` articles (reads no further than that)."""
    return sum(1 for _ in islice((i for i in items if isinstance(i, Article)), n + 1)) > n


def _skipped(skip: Skip, summary: Summary, on_skip) -> None:
    summary.skipped.append(skip)
    if on_skip:
        on_skip(skip)


def _pooled(paths: list, *, jobs: int, chunk: int, manifest: dict | None, extractor: Extractor | None,
            summary: Summary, year, period, progress: bool, on_skip, on_article, time_budget) -> Iterator[Claim]:
    t0 = time.perf_counter()
    bar = _Progress() if progress else None
    pool = ProcessPoolExecutor(jobs, mp_context=_context(), initializer=_init,
                               initargs=(extractor, year, period, time_budget))
    pending: deque[tuple[list[Article], Future]] = deque()
    keys: set[str] = set()

    def results() -> Iterator[Claim]:
        arts, fut = pending.popleft()
        meta, columns = fut.result()
        claims = iter(claims_from_columns(columns))
        for art, (outlet, basis, published, n, skip, notes) in zip(arts, meta, strict=True):
            art.outlet, art.outlet_basis, art.published = outlet, basis, published
            if skip is not None:  # over its time budget, or extraction failed: named, the batch goes on
                _skipped(skip, summary, on_skip)
                continue
            summary.read += 1
            summary.warnings += notes
            own = list(islice(claims, n))
            if on_article:
                on_article(art)
            for claim in keyed(own, art, keys):  # keys as one process gives them: the same file either way
                summary.kinds[claim.kind] += 1
                yield claim
        if bar:
            bar.update(summary.read, len(summary.skipped))

    try:
        batch: list[Article] = []
        for item in read_articles(paths, manifest=manifest):
            if isinstance(item, Skip):
                _skipped(item, summary, on_skip)
                continue
            batch.append(item)
            if len(batch) == chunk:
                pending.append((batch, pool.submit(_work, batch)))
                batch = []
                if len(pending) >= jobs * _AHEAD:
                    yield from results()
        if batch:
            pending.append((batch, pool.submit(_work, batch)))
        while pending:
            yield from results()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        summary.seconds = time.perf_counter() - t0
        if bar:
            bar.close()


def _context() -> mp.context.BaseContext:
    """Fork where it is safe (Linux, this process has one thread): instant, and scripts need no main guard.

    A process with threads (a server, a Dask client) may hold a lock at the
    fork; its workers start from a clean forkserver process instead.
    """
    methods = mp.get_all_start_methods()
    if sys.platform.startswith("linux") and threading.active_count() == 1 and "fork" in methods:
        return mp.get_context("fork")
    return mp.get_context("forkserver" if "forkserver" in methods else "spawn")
