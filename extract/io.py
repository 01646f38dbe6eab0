"""Claims on disk: ``claims.jsonl``, one JSON object per line."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from extract.claim import Claim

__all__ = ["iter_claims", "read_claims", "write_claims"]


def write_claims(claims: Iterable[Claim], path: str | Path) -> int:
    """Write claims as JSON lines (UTF-8, Arabic unescaped). Returns how many."""
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        for c in claims:
            f.write(json.dumps(c.to_dict(), ensure_ascii=False) + "\n")
            n += 1
    return n


def iter_claims(path: str | Path) -> Iterator[Claim]:
    """Read claims back one at a time.

    Raises
    ------
    ValueError
        Naming the file and line of a record that is not a claim.
    """
    path = Path(path)
    try:
        f = open(path, encoding="utf-8-sig")
    except OSError as exc:
        raise ValueError(f"{path}: cannot open claims file ({exc.strerror or exc})") from None
    with f:
        for i, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                yield Claim.from_dict(json.loads(line))
            except (json.JSONDecodeError, TypeError, ValueError, KeyError) as exc:
                raise ValueError(f"{path}, line {i}: not a claim record ({exc}); "
                                 "produce the file with 'frontline extract'") from None


def read_claims(path: str | Path) -> list[Claim]:
    """All claims of a ``claims.jsonl`` file."""
    return list(iter_claims(path))
