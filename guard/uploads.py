"""Each app session's uploads: stored once, kept, under a quota, never seen by another session.

Layout under the store (``FRONTLINE_UPLOADS``, default ``.frontline/uploads``)::

    <session>/files/<sha256>/<name>      one folder per distinct content, the name as uploaded
    <session>/manifest-<sha256>.csv      an uploaded manifest

``<session>`` is a random token held only in the browser session's state, so
no other visitor can name it, and the app never reads the store as a folder.
The same content uploaded twice is stored once; two different files with the
same name are both kept; a file already stored is never written again.
Nothing is deleted by the app: the operator prunes with
``frontline uploads prune --older-than DAYS``.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from guard.text import replace_surrogates

__all__ = ["Quota", "SessionStore", "Stored", "list_sessions", "prune", "store_root"]

ENV_DIR = "FRONTLINE_UPLOADS"
ENV_MAX_MB = "FRONTLINE_UPLOAD_MAX_MB"
ENV_MAX_FILES = "FRONTLINE_UPLOAD_MAX_FILES"
_TOKEN = re.compile(r"^[0-9a-f]{32}$")
_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]")
_MAX_NAME_BYTES = 180  # file systems allow 255; room for the store's own suffixes


def store_root(env: dict | None = None) -> Path:
    """Where uploads are kept: ``$FRONTLINE_UPLOADS`` or ``.frontline/uploads`` in the working folder."""
    env = os.environ if env is None else env
    return Path(env.get(ENV_DIR) or ".frontline/uploads").absolute()


@dataclass(frozen=True)
class Quota:
    """What one session may store: total megabytes and number of distinct files."""

    max_mb: float = 200.0
    max_files: int = 5_000

    @classmethod
    def from_env(cls, env: dict | None = None) -> Quota:
        """``FRONTLINE_UPLOAD_MAX_MB`` and ``FRONTLINE_UPLOAD_MAX_FILES``, or the defaults."""
        env = os.environ if env is None else env
        q = cls()
        try:
            mb = float(env.get(ENV_MAX_MB) or q.max_mb)
            n = int(env.get(ENV_MAX_FILES) or q.max_files)
        except ValueError:
            return q
        return cls(max(mb, 0.0), max(n, 0))


@dataclass
class Stored:
    """The outcome of one save: stored paths to read, and every file not stored with its reason."""

    paths: list[Path] = field(default_factory=list)
    manifest: Path | None = None
    left_out: list[tuple[str, str]] = field(default_factory=list)


def safe_name(name: str) -> str:
    """An uploaded file's name, safe as one path component, as close to the original as possible."""
    name = replace_surrogates(str(name))[0].replace("\\", "/").rsplit("/", 1)[-1]
    name = _UNSAFE.sub("_", name).strip()
    if name in ("", ".", ".."):
        name = "upload"
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    while len(name.encode("utf-8")) > _MAX_NAME_BYTES and stem:
        stem = stem[:-1]
        name = f"{stem}.{suffix}" if dot else stem
    return name


class SessionStore:
    """The uploads of one browser session.

    Parameters
    ----------
    root : Path
        The store (see :func:`store_root`).
    token : str, optional
        The session's token; a new random one by default. Keep it in the
        session's state, nowhere a visitor can read it.
    quota : Quota, optional
    """

    def __init__(self, root: Path, token: str | None = None, *, quota: Quota | None = None) -> None:
        self.token = token or secrets.token_hex(16)
        if not _TOKEN.match(self.token):
            raise ValueError("a session token is 32 hexadecimal digits")
        self.root = Path(root)
        self.folder = self.root / self.token
        self.quota = quota or Quota()
        self._known: dict[tuple[str, str], str] = {}  # (upload id, name) -> content hash, so reruns skip hashing

    def usage(self) -> tuple[int, int]:
        """Files and bytes this session has stored."""
        n = size = 0
        files = self.folder / "files"
        if files.is_dir():
            for d in files.iterdir():
                for f in d.iterdir():
                    n += 1
                    size += f.stat().st_size
        return n, size

    def save(self, uploads, manifest=None, *, suffixes: tuple[str, ...]) -> Stored:
        """Store what is not stored yet; return the paths of ``uploads`` to read.

        Parameters
        ----------
        uploads : iterable
            Objects with ``name`` and ``getvalue()`` (Streamlit's ``UploadedFile``);
            ``file_id`` when present spares hashing a file again on each rerun.
        manifest : object, optional
            The uploaded manifest CSV, likewise.
        suffixes : tuple of str
            The file types read; others are listed as left out.
        """
        out = Stored()
        n_files, n_bytes = self.usage()
        limit_bytes = self.quota.max_mb * 1e6
        seen: dict[str, str] = {}  # content hash -> first name in this upload
        for up in uploads:
            name = safe_name(up.name)
            if not name.lower().endswith(suffixes):
                out.left_out.append((name, f"unsupported file type; use {', '.join(suffixes)}"))
                continue
            digest, data = self._digest(up)
            if digest in seen:
                out.left_out.append((name, f"same content as {seen[digest]}; read once"))
                continue
            seen[digest] = name
            folder = self.folder / "files" / digest
            if folder.is_dir():  # stored on an earlier run: never written twice
                existing = next((f for f in folder.iterdir() if not f.name.endswith(".part")), None)
                if existing is not None:
                    out.paths.append(existing)
                    continue
            data = data if data is not None else up.getvalue()
            if n_files + 1 > self.quota.max_files or n_bytes + len(data) > limit_bytes:
                out.left_out.append((name, f"over this session's upload quota ({self.quota.max_files:,} files, "
                                           f"{self.quota.max_mb:g} MB); not stored, not read"))
                continue
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)  # this session's, no one else's
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / name
            tmp = folder / f".{digest[:8]}.part"
            tmp.write_bytes(data)
            os.replace(tmp, path)
            n_files, n_bytes = n_files + 1, n_bytes + len(data)
            out.paths.append(path)
        if manifest is not None:
            digest, data = self._digest(manifest)
            path = self.folder / f"manifest-{digest}.csv"
            if not path.exists():
                self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
                path.write_bytes(data if data is not None else manifest.getvalue())
            out.manifest = path
        return out

    def _digest(self, up) -> tuple[str, bytes | None]:
        key = (str(getattr(up, "file_id", "") or ""), str(up.name))
        if key[0] and key in self._known:
            return self._known[key], None
        data = up.getvalue()
        digest = hashlib.sha256(data).hexdigest()[:32]
        if key[0]:
            self._known[key] = digest
        return digest, data


@dataclass(frozen=True)
class SessionInfo:
    """One session's folder in the store."""

    token: str
    files: int
    bytes: int
    last_upload: float  # seconds since the epoch

    def line(self, now: float | None = None) -> str:
        age = ((now or time.time()) - self.last_upload) / 86400
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.last_upload))
        return f"{self.token}  {self.files:6d} files  {self.bytes / 1e6:9.2f} MB  last upload {when} ({age:.1f} days ago)"


def list_sessions(root: Path) -> list[SessionInfo]:
    """Every session folder in the store, oldest last upload first."""
    out = []
    if not root.is_dir():
        return out
    for d in root.iterdir():
        if not (d.is_dir() and _TOKEN.match(d.name)):
            continue
        n = size = 0
        last = d.stat().st_mtime
        for top, _dirs, names in os.walk(d):
            for name in names:
                st = os.stat(os.path.join(top, name))
                n += not name.startswith("manifest-")
                size += st.st_size
                last = max(last, st.st_mtime)
        out.append(SessionInfo(d.name, n, size, last))
    return sorted(out, key=lambda s: s.last_upload)


def prune(root: Path, *, older_than_days: float, dry_run: bool = False) -> list[SessionInfo]:
    """Delete the sessions whose last upload is older than ``older_than_days``; return them."""
    cutoff = time.time() - older_than_days * 86400
    gone = [s for s in list_sessions(root) if s.last_upload < cutoff]
    if not dry_run:
        for s in gone:
            shutil.rmtree(root / s.token)
    return gone
