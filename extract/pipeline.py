"""From paths on disk to claims, streaming, with a report of what was skipped."""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from extract.claim import Claim
from extract.extractor import Extractor
from extract.metadata import complete
from extract.reader import Article, Skip, read_articles

__all__ = ["Summary", "extract_paths"]


@dataclass
class Summary:
    """What a batch did: articles read, skipped (with reasons), records by kind."""

    read: int = 0
    skipped: list[Skip] = field(default_factory=list)
    kinds: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    def lines(self) -> list[str]:
        """The summary printed at the end of ``frontline extract``."""
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(self.kinds.items())) or "none"
        out = [f"{self.read} articles read, {len(self.skipped)} skipped, in {self.seconds:.2f} s",
               f"records by kind: {kinds}"]
        out += [f"skipped {s}" for s in self.skipped]
        return out


class _Progress:
    """A one-line progress counter on stderr, only for long batches on a terminal."""

    def __init__(self, stream=None, *, every: float = 0.2) -> None:
        self.stream, self.every = stream or sys.stderr, every  # stderr now, not at import: it may be replaced
        self.t0 = self.last = time.perf_counter()
        self.active = self.stream.isatty()

    def update(self, n: int, skipped: int) -> None:
        now = time.perf_counter()
        if self.active and now - self.last >= self.every:
            rate = n / max(now - self.t0, 1e-9)
            self.stream.write(f"\r[extract] {n} articles, {skipped} skipped, {rate:.0f}/s")
            self.stream.flush()
            self.last = now

    def close(self) -> None:
        if self.active and self.last != self.t0:
            self.stream.write("\n")


def extract_paths(paths: Iterable[str | Path], *, manifest: dict | None = None, year: int | None = None,
                  period: tuple[date, date] | None = None, summary: Summary | None = None,
                  extractor: Extractor | None = None, progress: bool = True,
                  on_skip=None, on_article=None) -> Iterator[Claim]:
    """Yield the claims of every readable article under ``paths``.

    Parameters
    ----------
    paths : iterable of str or Path
        Files and folders of articles.
    manifest : dict, optional
        From :func:`extract.reader.read_manifest`.
    year, period : optional
        Publication-year hints for articles whose text leaves the year open.
    summary : Summary, optional
        Filled in as the batch goes.
    on_skip, on_article : callable, optional
        Called with each :class:`Skip` / each :class:`Article` as it passes.
    """
    ex = extractor or Extractor()
    summary = summary if summary is not None else Summary()
    bar = _Progress() if progress else None
    t0 = time.perf_counter()
    try:
        for item in read_articles(paths, manifest=manifest):
            if isinstance(item, Skip):
                summary.skipped.append(item)
                if on_skip:
                    on_skip(item)
                continue
            art: Article = complete(item, year=year, period=period)
            summary.read += 1
            if on_article:
                on_article(art)
            for claim in ex.extract(art):
                summary.kinds[claim.kind] += 1
                yield claim
            if bar:
                bar.update(summary.read, len(summary.skipped))
    finally:
        summary.seconds = time.perf_counter() - t0
        if bar:
            bar.close()
