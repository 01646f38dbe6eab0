"""A time budget per article: one pathological article is skipped and reported, the batch goes on.

Extraction costs time in proportion to the text, except inside one very long
sentence, where some steps grow with its square: a 1 MB run-on "sentence"
held a core for minutes. Python cannot interrupt such a step from outside, so
an article that could take long runs in a worker process that is killed when
its budget runs out; the article becomes a :class:`~extract.reader.Skip`.

Starting a process costs about half a second, far more than a normal article
(2 ms). So only *risky* articles go to the worker: a sentence longer than
:data:`RISKY_SENTENCE` characters, or a text longer than :data:`RISKY_TEXT`.
Everything else runs in this process at full speed; below those sizes the
worst case measured is a few tens of milliseconds. The worker is started on
the first risky article and kept for the next ones.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import weakref
from multiprocessing.connection import Connection
from pathlib import Path

from extract.claim import Claim
from extract.extractor import Extractor
from extract.reader import Article, Skip

__all__ = ["DEFAULT_SECONDS", "RISKY_SENTENCE", "RISKY_TEXT", "Budget", "risky"]

DEFAULT_SECONDS = 20.0
RISKY_SENTENCE = 4_000
RISKY_TEXT = 500_000
_STARTUP_SECONDS = 120.0  # a loaded machine can take long to start Python; that is not the article's fault
_SENTENCE_END = re.compile(r"[.!?؟\n…]")


def risky(text: str) -> bool:
    """True when ``text`` could take long: one sentence over RISKY_SENTENCE characters, or a huge text."""
    if len(text) <= RISKY_SENTENCE:
        return False
    if len(text) > RISKY_TEXT:
        return True
    last = 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() - last > RISKY_SENTENCE:
            return True
        last = m.end()
    return len(text) - last > RISKY_SENTENCE


class Budget:
    """Extract articles, each within ``seconds``; risky ones in a worker that is killed on overrun.

    Parameters
    ----------
    extractor : Extractor, optional
        The extractor to use (copied into the worker).
    seconds : float, optional
        Time allowed for one risky article. None turns the budget off.

    Examples
    --------
    >>> with Budget(Extractor(), seconds=5) as budget:  # doctest: +SKIP
    ...     result = budget.extract(article)  # a list of claims, or a Skip saying why not
    """

    def __init__(self, extractor: Extractor | None = None, *, seconds: float | None = DEFAULT_SECONDS) -> None:
        self.extractor = extractor or Extractor()
        self.seconds = seconds
        self._worker: _Worker | None = None

    def extract(self, article: Article) -> list[Claim] | Skip:
        """The claims of ``article``, or a Skip when it ran over its budget or extraction failed."""
        try:
            claims = self._extract(article)
        except Exception as exc:  # one article's failure must not end the batch; it is named instead
            what = str(exc) if isinstance(exc, WorkerError) else f"{exc.__class__.__name__}: {exc}"
            return Skip(article.path, f"extraction failed ({what[:200]}); this is a bug in Frontline: please report "
                                      "it with this file")
        if claims is None:
            self._worker = None  # killed; the next risky article starts a fresh one
            return Skip(article.path, f"extraction took more than {self.seconds:g} s and was stopped (a sentence of "
                                      f"more than {RISKY_SENTENCE:,} characters); split the text into sentences")
        return claims

    def _extract(self, article: Article) -> list[Claim] | None:
        if self.seconds is None or not risky(article.text):
            return self.extractor.extract(article)
        if self._worker is None or not self._worker.alive():
            self._worker = _Worker(self.extractor)
        return self._worker.extract(article, self.seconds)

    def close(self) -> None:
        """Stop the worker, if one was started."""
        if self._worker is not None:
            self._worker.stop()
            self._worker = None

    def __enter__(self) -> Budget:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class WorkerError(RuntimeError):
    """The worker raised while extracting; the message is its exception."""


class _Worker:
    """A Python process that extracts the articles it is sent, one at a time."""

    def __init__(self, extractor: Extractor) -> None:
        job_r, job_w = os.pipe()
        res_r, res_w = os.pipe()
        root = str(Path(__file__).resolve().parent.parent)  # where `extract` is importable from
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}
        code = f"from extract.budget import _serve; _serve({job_r}, {res_w})"
        try:
            self.proc = subprocess.Popen([sys.executable, "-c", code], pass_fds=(job_r, res_w), env=env,
                                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        finally:
            os.close(job_r)
            os.close(res_w)
        self.jobs = Connection(job_w, readable=False)
        self.results = Connection(res_r, writable=False)
        self._finalizer = weakref.finalize(self, _kill, self.proc, self.jobs, self.results)
        try:
            self.jobs.send(extractor)
            ready = self.results.poll(_STARTUP_SECONDS) and self.results.recv() == "ready"
        except (OSError, EOFError):
            ready = False
        if not ready:
            self.stop()
            raise WorkerError("the extraction worker process did not start")

    def alive(self) -> bool:
        return self.proc.poll() is None

    def extract(self, article: Article, seconds: float) -> list[Claim] | None:
        """The claims, or None when the budget ran out (the worker is then stopped)."""
        try:
            self.jobs.send(article)
            if not self.results.poll(seconds):
                self.stop()
                return None
            status, payload = self.results.recv()
        except (OSError, EOFError):
            self.stop()
            raise WorkerError("the extraction worker process died") from None
        if status != "ok":
            raise WorkerError(payload)
        return payload

    def stop(self) -> None:
        self._finalizer()


def _kill(proc: subprocess.Popen, *conns: Connection) -> None:
    for c in conns:
        c.close()
    if proc.poll() is None:
        proc.kill()
    proc.wait()


def _serve(job_fd: int, result_fd: int) -> None:
    """The worker's loop: an extractor first, then articles; claims (or the error) back."""
    jobs = Connection(job_fd, writable=False)
    results = Connection(result_fd, readable=False)
    extractor: Extractor = jobs.recv()
    results.send("ready")
    while True:
        try:
            article = jobs.recv()
        except EOFError:
            return
        try:
            results.send(("ok", extractor.extract(article)))
        except Exception as exc:  # reported to the parent, which skips the article
            results.send(("error", f"{exc.__class__.__name__}: {exc}"))
