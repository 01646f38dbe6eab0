"""Claims on disk: ``claims.jsonl`` (one JSON object per line), Parquet, or a folder of them.

A path ending in ``.parquet`` is a Parquet file (:mod:`extract._parquet`); a
folder holds ``.parquet`` and ``.jsonl`` files (the partitions of ``frontline
extract --dask``), read in partition order. Everything else is JSON lines.
Written whole or not at all (a temporary file renamed into place), so a
failed run never leaves half a file where a good one was.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from extract.bulk import no_gc
from extract.claim import Claim
from extract.reader import MAX_YEAR, MIN_YEAR, date_in_range
from guard.errors import BadInput
from guard.files import atomic_write

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["claim_files", "iter_claims", "read_claims", "read_table", "write_claims"]

PARQUET, JSONL = ".parquet", ".jsonl"


def write_claims(claims: Iterable[Claim], path: str | Path) -> int:
    """Write claims as JSON lines (UTF-8, Arabic unescaped), or Parquet to a ``.parquet`` path. Returns how many.

    The file appears only once every claim is written; until then a previous
    file of that name stays as it was.
    """
    if _is_parquet(path):
        from extract._parquet import write_parquet

        return write_parquet(claims, path)
    n = 0
    with atomic_write(path) as f:
        for c in claims:
            # A lone surrogate cannot be written as UTF-8; escaped, it stays valid JSON.
            line = json.dumps(c.to_dict(), ensure_ascii=False)
            try:
                f.write(line + "\n")
            except UnicodeEncodeError:
                f.write(json.dumps(c.to_dict()) + "\n")
            n += 1
    return n


def iter_claims(path: str | Path) -> Iterator[Claim]:
    """Read claims back one at a time.

    Raises
    ------
    BadInput
        Naming the file and line of a record that is not a claim, or whose
        dates fall outside 1900–2100.
    """
    path = Path(path)
    if path.is_dir() or _is_parquet(path):
        yield from _iter_files(path)
        return
    try:
        f = open(path, encoding="utf-8-sig")
    except OSError as exc:
        raise BadInput(f"{path}: cannot open claims file ({exc.strerror or exc})") from None
    with f:
        i = 0
        try:
            for i, line in enumerate(f, start=1):
                if not line.strip():
                    continue
                try:
                    claim = Claim.from_dict(json.loads(line))
                except (json.JSONDecodeError, TypeError, ValueError, KeyError, AttributeError,
                        RecursionError) as exc:
                    raise BadInput(f"{path}, line {i}: not a claim record ({exc.__class__.__name__}: "
                                   f"{str(exc)[:200]}); produce the file with 'frontline extract'") from None
                for window in (claim.date, claim.published):
                    if not (date_in_range(window.earliest) and date_in_range(window.latest)):
                        raise BadInput(f"{path}, line {i}: date {window.earliest} – {window.latest} is outside "
                                       f"{MIN_YEAR}–{MAX_YEAR}; correct or drop the record")
                yield claim
        except UnicodeDecodeError as exc:
            raise BadInput(f"{path}, after line {i}: not UTF-8 ({exc.reason}); produce the file with "
                           "'frontline extract'") from None


def read_claims(path: str | Path) -> list[Claim]:
    """All claims of a claims file or folder (JSON lines, Parquet)."""
    files = claim_files(path)
    if files and all(_is_parquet(f) for f in files):
        from extract._parquet import read_parquet

        return read_parquet(path)  # column-wise: 1M claims in seconds, not tens of seconds
    with no_gc():  # a million acyclic claims: the collector's rescans would find nothing
        return list(iter_claims(path))


def _is_parquet(path: str | Path) -> bool:
    return Path(path).suffix.lower() == PARQUET


def claim_files(path: str | Path) -> list[Path]:
    """The files a claims path stands for: itself, or a folder's ``.parquet``/``.jsonl`` files in partition order.

    Raises
    ------
    ValueError
        When a folder holds none.
    """
    path = Path(path)
    if not path.is_dir():
        return [path]
    files = sorted((p for p in path.iterdir() if p.suffix.lower() in (PARQUET, JSONL) and not p.name.startswith(".")),
                   key=lambda p: [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", p.name)])
    if not files:
        raise BadInput(f"{path}: no .parquet or .jsonl claims in this folder; produce them with 'frontline extract'")
    return files


def _iter_files(path: Path) -> Iterator[Claim]:
    from extract._parquet import iter_parquet

    for f in claim_files(path):
        yield from iter_parquet(f) if _is_parquet(f) else iter_claims(f)


def read_table(path: str | Path) -> pa.Table:
    """The claims of a Parquet file or folder as one Arrow table (:func:`extract.claim.arrow_schema` columns).

    For column-wise work without Claim objects (``table.to_pandas()``, DuckDB, Polars).
    """
    from extract._parquet import read_table as _read_table

    return _read_table(path)
