"""Files on disk: outputs written whole or not at all, never over an input; reads with a limit.

Every output Frontline writes (claims, GeoJSON, GeoPackage, CSV, HTML) goes
first to a temporary file beside its target and is renamed over it only once
complete, so an interrupted run, or a crash halfway, never leaves a truncated
file where a good one was.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from guard.errors import BadInput

__all__ = ["atomic_path", "atomic_write", "read_limited", "refuse_overwriting"]

_FULL_OR_FORBIDDEN = {errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EPERM, errno.EROFS, errno.EFBIG}


def _umask() -> int:
    # Read, not set: os.umask() would change it for every thread for a moment.
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary path to write ``path``'s new content to; renamed over ``path`` on success.

    The temporary file lives in a hidden folder beside ``path`` (same file
    system, so the rename is atomic) and is removed when the block raises.

    Raises
    ------
    BadInput
        When the folder of ``path`` cannot be written.
    """
    path = Path(path)
    try:
        tmpdir = Path(tempfile.mkdtemp(prefix=f".{path.name[:40]}.", suffix=".part", dir=path.parent))
    except OSError as exc:
        raise BadInput(f"{path}: cannot write there ({exc.strerror or exc}); choose another output path") from None
    tmp = tmpdir / path.name
    try:
        yield tmp
        if tmp.exists():
            os.chmod(tmp, 0o666 & ~_umask())  # mkdtemp's 0700 must not leak into the output
            os.replace(tmp, path)
    except IsADirectoryError:
        raise BadInput(f"{path}: is a folder; give a file name to write") from None
    except OSError as exc:
        if exc.errno in _FULL_OR_FORBIDDEN:  # the disk or its owner said no: not a bug, nothing half-written
            raise BadInput(f"{path}: cannot write ({exc.strerror}); free space or choose another path") from None
        raise
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)


@contextmanager
def atomic_write(path: str | Path, *, encoding: str = "utf-8", newline: str | None = None) -> Iterator[IO[str]]:
    """Open ``path`` for writing text, all or nothing: see :func:`atomic_path`."""
    with atomic_path(path) as tmp, open(tmp, "w", encoding=encoding, newline=newline) as f:
        yield f


def refuse_overwriting(output: str | Path, inputs: Iterable[str | Path | None]) -> None:
    """Raise when ``output`` is one of ``inputs`` (the same file, by any name).

    Raises
    ------
    BadInput
        Naming the file, so the user can pick another output.
    """
    output = Path(output)
    out_abs = Path(os.path.abspath(output))
    for item in inputs:
        if item is None:
            continue
        item = Path(item)
        same = Path(os.path.abspath(item)) == out_abs
        if not same and output.exists() and item.exists():
            try:
                same = os.path.samefile(output, item)
            except OSError:
                same = False
        if same:
            raise BadInput(f"{output}: is also an input and would be overwritten; write the output to another file")


def read_limited(path: str | Path, limit: int, *, what: str = "file") -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    Devices (``/dev/zero``), pipes and folders are refused before anything is
    read, and at most ``limit + 1`` bytes are ever read, so a file that grows
    while read cannot exhaust memory either.

    Raises
    ------
    BadInput
        When the path is not a regular file, cannot be opened, or is too large.
    """
    path = Path(path)
    try:
        if not path.is_file():
            raise BadInput(f"{path}: not a regular file; give the path of a {what}")
        with open(path, "rb") as f:
            data = f.read(limit + 1)
    except OSError as exc:
        raise BadInput(f"{path}: cannot read the {what} ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise BadInput(f"{path}: the {what} is larger than {limit / 1e6:g} MB; split it")
    return data
