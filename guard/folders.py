"""Which server folders the app may read: none, unless the operator names them.

A visitor who can type a path (``?folder=/etc``) must not read the server's
files, list them, or keep a core busy walking ``/``. So reading folders is off
by default; the operator turns it on for chosen roots, with
``frontline app --allow-folders ROOT`` or the ``FRONTLINE_ALLOWED_FOLDERS``
environment variable (paths separated by ``:``), or an ``allowed_folders``
Streamlit secret. A path is resolved (``..`` and symbolic links followed) and
must stay inside one of those roots; the upload store never counts as inside.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from pathlib import Path

from guard.errors import BadInput

__all__ = ["ENV", "MAX_FILES", "allowed_roots", "list_files", "resolve_inside"]

ENV = "FRONTLINE_ALLOWED_FOLDERS"
# A folder is read in one go; past these, the walk stops and says so.
MAX_FILES = 20_000
MAX_WALK_SECONDS = 10.0
# Deliberately vague: a visitor learns nothing about what exists on the server.
REFUSED = "that folder is not one this server allows; ask its operator, or upload the files instead"


def allowed_roots(extra: Iterable[str] = (), *, env: dict | None = None) -> list[Path]:
    """The folders the operator allowed: ``FRONTLINE_ALLOWED_FOLDERS`` and ``extra``, resolved.

    Roots that do not exist are left out. An empty list means reading server
    folders is off.
    """
    env = os.environ if env is None else env
    names = [p for p in (env.get(ENV) or "").split(os.pathsep) if p.strip()]
    names += [p for p in extra if p and str(p).strip()]
    roots: list[Path] = []
    for name in names:
        try:
            root = Path(name.strip()).expanduser().resolve(strict=True)
        except (OSError, RuntimeError):
            continue
        if root.is_dir() and root not in roots:
            roots.append(root)
    return roots


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def resolve_inside(path: str | Path, roots: list[Path], *, deny: Iterable[Path] = ()) -> Path:
    """``path`` resolved, when it lies inside one of ``roots`` and in none of ``deny``.

    A relative path is taken from the first root. ``~`` is not expanded: a
    visitor's path is never anyone's home.

    Raises
    ------
    BadInput
        Without saying whether the path exists, when it is outside the roots.
    """
    if not roots:
        raise BadInput("reading folders on the server is turned off; upload the files instead")
    text = str(path).strip()
    if not text or "\x00" in text:
        raise BadInput(REFUSED)
    p = Path(text)
    if not p.is_absolute():
        p = roots[0] / p
    try:
        p = p.resolve(strict=True)
    except (OSError, RuntimeError):
        raise BadInput(REFUSED) from None
    denied = [d.resolve() for d in deny]
    if not any(_inside(p, r) for r in roots) or any(_inside(p, d) for d in denied):
        raise BadInput(REFUSED)
    return p


def list_files(folder: Path, roots: list[Path], *, suffixes: tuple[str, ...], deny: Iterable[Path] = (),
               limit: int = MAX_FILES, seconds: float = MAX_WALK_SECONDS) -> tuple[list[Path], list[tuple[str, str]]]:
    """The article files under ``folder`` that stay inside ``roots``, and what was left out and why.

    Hidden files and folders are not read (and not listed); links that lead
    outside the roots are listed as left out. The walk stops after ``limit``
    files or ``seconds``, and says so.

    Returns
    -------
    files : list of Path
    left_out : list of (path, reason)
    """
    denied = [d.resolve() for d in deny]
    files: list[Path] = []
    left_out: list[tuple[str, str]] = []
    t0 = time.monotonic()
    paths = [folder] if folder.is_file() else None
    walk = () if paths else os.walk(folder, followlinks=False)
    for top, dirs, names in walk:
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if name.startswith(".") or not name.lower().endswith(suffixes):
                continue
            p = Path(top) / name
            real = p.resolve()
            if not any(_inside(real, r) for r in roots) or any(_inside(real, d) for d in denied):
                left_out.append((str(p), "a link to outside the allowed folders; not read"))
                continue
            files.append(p)
        if len(files) >= limit or time.monotonic() - t0 > seconds:
            left_out.append((str(folder), f"more than {len(files):,} files or {seconds:g} s of walking; only the "
                                          "first were read: choose a smaller folder"))
            break
    return paths or files[:limit], left_out
