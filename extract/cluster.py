"""Extraction on a Dask cluster when one machine is not enough: ``frontline extract --dask``.

The client lists the input files and sends only their paths: each partition
(a run of consecutive files) is read, extracted and written by a worker, as
one Parquet file ``part-00000.parquet``, ``part-00001.parquet``... in a
folder every worker can reach (a shared file system). Nothing but paths and
a short summary per partition travels through the client, so the articles
and claims never have to fit on it. Read in name order, the partitions hold
the same claims, in the same order, as one process writes.

Workers need frontline installed (``pip install 'frontline[dask]'``), the
same version as the client; each builds its :class:`~extract.extractor.Extractor`
once. Extraction is pure Python: run workers with one thread each
(``dask worker --nthreads 1``) and as many worker processes as cores.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
import uuid
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from extract._parquet import write_parquet
from extract.extractor import Extractor
from extract.io import JSONL, PARQUET
from extract.pipeline import Summary, extract_paths
from extract.reader import Skip, _expand
from guard.errors import BadInput

if TYPE_CHECKING:
    from distributed import Client, LocalCluster

__all__ = ["LOCAL", "extract_dask", "local_cluster"]

LOCAL = "local"
PART = "part-{:05d}.parquet"
_PARTS_PER_THREAD = 4  # more partitions than threads: a slow partition does not hold up the end

_lock = threading.Lock()
_extractor: Extractor | None = None


def _worker_extractor() -> Extractor:
    """This worker process's extractor, built on first use."""
    global _extractor
    with _lock:
        if _extractor is None:
            _extractor = Extractor()
        return _extractor


def local_cluster(n_workers: int | None = None, **kwargs) -> LocalCluster:
    """A ``LocalCluster`` of single-threaded worker processes, one per core by default."""
    from distributed import LocalCluster

    from extract.parallel import cores

    # The dashboard on any free port: 8787 may be another cluster's.
    kw = dict(n_workers=n_workers or cores(), threads_per_worker=1, processes=True, host="127.0.0.1",
              dashboard_address=":0")
    return LocalCluster(**(kw | kwargs))


def extract_dask(paths: Iterable[str | Path], output: str | Path, *, client: Client, manifest: dict | None = None,
                 year: int | None = None, period: tuple[date, date] | None = None, npartitions: int | None = None,
                 summary: Summary | None = None) -> int:
    """Extract the articles under ``paths`` on a Dask cluster into a folder of Parquet partitions.

    Parameters
    ----------
    paths : iterable of str or Path
        Files and folders of articles, as the workers see them (made absolute here).
    output : str or Path
        The folder to write; replaced whole once every partition is written.
        It must not exist, or hold nothing but claims.
    client : distributed.Client
        Connected to the scheduler.
    manifest, year, period
        As for :func:`~extract.pipeline.extract_paths`.
    npartitions : int, optional
        Runs of files to extract; four per worker thread by default.
    summary : Summary, optional
        Filled in from the partitions' summaries: articles read, skipped
        files in reading order, records by kind.

    Returns
    -------
    int
        Claims written.
    """
    import dask.bag as db

    output = Path(output).absolute()
    _check_output(output)
    summary = summary if summary is not None else Summary()
    t0 = time.perf_counter()
    # Workers get absolute paths (their working folder is not ours) and the path as given, for messages.
    items = [p if isinstance(p, Skip) else (str(p.absolute()), str(p)) for p in _expand(paths)]
    threads = sum(client.nthreads().values()) or 1
    n = max(1, min(len(items), npartitions or _PARTS_PER_THREAD * threads))
    size = -(-len(items) // n) if items else 0
    parts = [(k, items[i:i + size]) for k, i in enumerate(range(0, len(items), size or 1))] or [(0, [])]
    tmp = output.with_name(f".{output.name}.{uuid.uuid4().hex[:8]}.partial")
    tmp.mkdir(parents=True)
    try:
        bag = db.from_sequence(parts, npartitions=len(parts)).map_partitions(
            _extract_partitions, out=str(tmp), manifest=manifest, year=year, period=period)
        results = sorted(client.compute(bag).result(), key=lambda r: r["part"])
        if output.exists():
            shutil.rmtree(output)
        os.replace(tmp, output)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)
    for r in results:
        summary.read += r["read"]
        summary.skipped += [Skip(p, why) for p, why in r["skipped"]]
        summary.kinds.update(r["kinds"])
    summary.seconds = time.perf_counter() - t0
    return sum(r["claims"] for r in results)


def _check_output(output: Path) -> None:
    if output.suffix.lower() in (PARQUET, JSONL) or (output.exists() and not output.is_dir()):
        raise BadInput(f"{output}: --dask writes a folder of Parquet partitions; give a folder, e.g. -o claims/")
    if output.is_dir():
        other = [p.name for p in output.iterdir() if p.suffix.lower() not in (PARQUET, JSONL)]
        if other:
            raise BadInput(f"{output}: the folder holds other files than claims ({', '.join(sorted(other)[:3])}); "
                             "it would be replaced: give a new folder")


def _extract_partitions(parts: Sequence[tuple[int, list]], *, out: str, manifest, year, period) -> list[dict]:
    """On a worker: extract each partition's files and write its claims as one Parquet file."""
    return [_extract_partition(k, items, out=out, manifest=manifest, year=year, period=period) for k, items in parts]


def _extract_partition(k: int, items: list, *, out: str, manifest, year, period) -> dict:
    summary = Summary()
    ex = _worker_extractor()

    def claims():
        for item in items:
            if isinstance(item, Skip):  # found by the client while listing: kept in reading order
                summary.skipped.append(item)
                continue
            path, shown = item
            before = len(summary.skipped)
            yield from extract_paths([path], manifest=manifest, year=year, period=period, summary=summary,
                                     extractor=ex, progress=False)
            summary.skipped[before:] = [Skip(shown + s.path[len(path):], s.reason) if s.path.startswith(path) else s
                                        for s in summary.skipped[before:]]

    n = write_parquet(claims(), Path(out) / PART.format(k))
    return {"part": k, "read": summary.read, "skipped": [(s.path, s.reason) for s in summary.skipped],
            "kinds": dict(summary.kinds), "claims": n}
