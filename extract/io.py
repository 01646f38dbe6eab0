"""Claims on disk: ``claims.jsonl``, one JSON object per line.

Written whole or not at all (a temporary file renamed into place), so a
failed run never leaves half a file where a good one was.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from extract.claim import Claim
from extract.reader import MAX_YEAR, MIN_YEAR, date_in_range
from guard.errors import BadInput
from guard.files import atomic_write

__all__ = ["iter_claims", "read_claims", "write_claims"]


def write_claims(claims: Iterable[Claim], path: str | Path) -> int:
    """Write claims as JSON lines (UTF-8, Arabic unescaped). Returns how many.

    The file appears only once every claim is written; until then a previous
    file of that name stays as it was.
    """
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
    """All claims of a ``claims.jsonl`` file."""
    return list(iter_claims(path))
