"""From paths on disk to claims, streaming, with a report of what was skipped."""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from extract.budget import DEFAULT_SECONDS, Budget
from extract.claim import Claim, article_sha, claim_key
from extract.extractor import Extractor
from extract.metadata import complete, needs_refining, refine
from extract.reader import Article, Skip, check_hints, read_articles, sane_dates

__all__ = ["Summary", "extract_paths", "process_article"]


@dataclass
class Summary:
    """What a batch did: articles read, skipped (with reasons), records by kind."""

    read: int = 0
    skipped: list[Skip] = field(default_factory=list)
    kinds: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)  # read, but something was repaired or ignored

    def lines(self) -> list[str]:
        """The summary printed at the end of ``frontline extract``."""
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(self.kinds.items())) or "none"
        out = [f"{self.read} articles read, {len(self.skipped)} skipped, in {self.seconds:.2f} s",
               f"records by kind: {kinds}"]
        out += [f"warning: {w}" for w in self.warnings]
        out += [f"skipped {s}" for s in self.skipped]
        return out


def _unique(key: str, seen: set[str]) -> str:
    out, n = key, 1
    while out in seen:
        n += 1
        out = f"{key}~{n}"
    seen.add(out)
    return out


class _Progress:
    """A one-line progress counter on stderr, only for long batches on a terminal."""

    def __init__(self, stream=None, *, every: float = 0.2) -> None:
        # sys.stderr looked up now, not at import: it may have been replaced (and the old one closed) since.
        self.stream, self.every = stream or sys.stderr, every
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


def keyed(claims: list[Claim], article: Article, keys: set[str]) -> Iterator[Claim]:
    """The claims with their stable keys (:func:`~extract.claim.claim_key`), unique in a batch (``keys``)."""
    sha = article_sha(article.text)
    base = [claim_key(c, sha) for c in claims]
    shared = Counter(base)
    for claim, key in zip(claims, base, strict=True):
        if shared[key] > 1:  # two readings of one span: told apart by what they say, not by their order
            key += f"~{claim.actor or 'none'}-{claim.change or claim.kind}"
        yield replace(claim, key=_unique(key, keys))


def process_article(article: Article, budget: Budget, *, year: int | None = None,
                    period: tuple[date, date] | None = None) -> tuple[Article, list[Claim] | Skip, list[str]]:
    """One article's way through: metadata completed, claims extracted within the budget, dated again
    from what they say when nothing else dated the article, dates outside 1900-2100 left out.

    Returns the completed article, its claims (or the Skip saying why there are none) and its warnings.
    Every batch path (this module, :mod:`extract.parallel`, :mod:`extract.cluster`) goes through it.
    """
    art: Article = complete(article, year=year, period=period)
    found = budget.extract(art)
    # Undated: what the claims say about the war can date the article; then date them again.
    if not isinstance(found, Skip) and needs_refining(art) and refine(art, found, year=year, period=period):
        found = budget.extract(art)
    if isinstance(found, Skip):
        return art, found, []
    claims, notes = sane_dates(found, art)
    return art, claims, art.warnings + notes


def extract_paths(paths: Iterable[str | Path], *, manifest: dict | None = None, year: int | None = None,
                  period: tuple[date, date] | None = None, summary: Summary | None = None,
                  extractor: Extractor | None = None, progress: bool = True,
                  on_skip=None, on_article=None, time_budget: float | None = DEFAULT_SECONDS) -> Iterator[Claim]:
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
    time_budget : float or None, optional
        Seconds one article may take (see :mod:`extract.budget`); an article
        over it is skipped and reported. None: no limit.

    Each claim gets its :attr:`~extract.claim.Claim.key` from the article's
    text (:func:`~extract.claim.claim_key`). Two readings of one span (ISIS
    holds, the SDF advanced) are told apart by actor and change
    (``...:control~SDF-advanced``); a key that still repeats in one batch (the
    same text twice) gets ``~2``, ``~3`` in reading order, so every key of a
    batch is unique.
    """
    check_hints(year=year, period=period)
    budget = Budget(extractor or Extractor(), seconds=time_budget)
    summary = summary if summary is not None else Summary()
    bar = _Progress() if progress else None
    keys: set[str] = set()
    t0 = time.perf_counter()
    try:
        for item in read_articles(paths, manifest=manifest):
            if not isinstance(item, Skip):
                art, item, notes = process_article(item, budget, year=year, period=period)
            if isinstance(item, Skip):
                summary.skipped.append(item)
                if on_skip:
                    on_skip(item)
                continue
            claims = item
            summary.read += 1
            summary.warnings += notes
            if on_article:
                on_article(art)
            for claim in keyed(claims, art, keys):
                summary.kinds[claim.kind] += 1
                yield claim
            if bar:
                bar.update(summary.read, len(summary.skipped))
    finally:
        budget.close()
        summary.seconds = time.perf_counter() - t0
        if bar:
            bar.close()
