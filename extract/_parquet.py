"""Claims as Parquet, through pyarrow: the claim record as columns, and back.

Columns are :data:`extract.claim.COLUMNS` with :func:`extract.claim.arrow_schema`:
the two date windows are flat (``date_earliest``, ``date_latest``,
``date_basis``, the same for ``published``). A claims "file" may be one
``.parquet`` file or a folder of them (the partitions ``frontline extract
--dask`` writes), read in name order, which is partition order.

Reading builds :class:`~extract.claim.Claim` objects column-wise: repeated
strings (place, actor, outlet, quote...) become one Python object each, equal
date windows one shared :class:`~extract.claim.DateWindow` (both are frozen),
and the objects are made in bulk (:mod:`extract.bulk`).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta
from itertools import islice
from operator import attrgetter
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from extract.bulk import claims_from_columns, no_gc
from extract.claim import (
    ATTRIBUTED_TO,
    ATTRIBUTION_BASIS,
    COLUMNS,
    CONFIDENCE,
    CUE,
    END,
    FIELDS,
    ID,
    KEY,
    MODALITY,
    OUTLET_BASIS,
    PLACE_END,
    PLACE_START,
    REVIEW_STATE,
    REVIEWED_BY,
    RULE,
    SENTENCE,
    SENTENCE_END,
    SENTENCE_START,
    SOURCE_KIND,
    START,
    UNREVIEWED,
    WINDOWS,
    Claim,
    DateWindow,
    arrow_schema,
)
from guard.errors import BadInput

__all__ = ["BATCH", "claims_from_table", "claims_table", "iter_parquet", "parquet_files",
           "read_parquet", "read_table", "write_parquet"]

BATCH = 65_536  # claims per row group: large enough for fast columns, small enough to stream
SUFFIX = ".parquet"
# Read back as dictionaries: the strings that repeat from claim to claim (ids never do).
_DICTIONARY = [c for c, t in zip(COLUMNS, arrow_schema().types, strict=True) if t == pa.string() and c != ID]
# What Claim.from_dict puts in place of a missing value, so both formats read alike.
_DEFAULTS = {CUE: "", ATTRIBUTION_BASIS: "", OUTLET_BASIS: "", MODALITY: "asserted", ATTRIBUTED_TO: "outlet",
             SENTENCE: "", SOURCE_KIND: "unknown", RULE: "", REVIEW_STATE: UNREVIEWED, REVIEWED_BY: "",
             START: 0, END: 0, PLACE_START: 0, PLACE_END: 0, SENTENCE_START: 0, SENTENCE_END: 0, CONFIDENCE: 0.0}
_EPOCH = date(1970, 1, 1)
_FIELD_GETTER = attrgetter(*FIELDS)


def parquet_files(path: str | Path) -> list[Path]:
    """The Parquet files of a claims path: the file itself, or a folder's in partition order.

    Raises
    ------
    ValueError
        When the path is a folder with other files than Parquet among its claims.
    """
    from extract.io import claim_files

    files = claim_files(path)
    if any(f.suffix.lower() != SUFFIX for f in files):
        raise BadInput(f"{path}: a folder of claims read as one table must hold only .parquet files")
    return files


def claims_table(claims: Sequence[Claim]) -> pa.Table:
    """Claims as an Arrow table with :func:`~extract.claim.arrow_schema`."""
    with no_gc():  # one pass, C getters: 3x faster than a pass per field
        rows = list(zip(*map(_FIELD_GETTER, claims), strict=True)) or [()] * len(FIELDS)
    cols: dict[str, Sequence] = {}
    for f, values in zip(FIELDS, rows, strict=True):
        if f in WINDOWS:
            e, la, b = WINDOWS[f]
            cols[e] = [w.earliest for w in values]
            cols[la] = [w.latest for w in values]
            cols[b] = [w.basis for w in values]
        else:
            cols[f] = values
    return pa.table(cols, schema=arrow_schema())


def write_parquet(claims: Iterable[Claim], path: str | Path, *, batch: int = BATCH) -> int:
    """Write claims to one Parquet file, streaming ``batch`` claims per row group.

    The file appears whole or not at all (written beside it, then renamed).
    Returns how many claims were written.
    """
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    n = 0
    it = iter(claims)
    try:
        with pq.ParquetWriter(tmp, arrow_schema(), compression="zstd") as writer:
            while chunk := list(islice(it, batch)):
                writer.write_table(claims_table(chunk), row_group_size=batch)
                n += len(chunk)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return n


def read_table(path: str | Path, *, columns: Sequence[str] | None = None) -> pa.Table:
    """The claims of a Parquet file or folder as one Arrow table (repeated strings as dictionaries).

    Raises
    ------
    ValueError
        Naming the file, when it is not Parquet or lacks claim columns.
    """
    tables = [_read_file(p, columns) for p in parquet_files(path)]
    return pa.concat_tables(tables, promote_options="permissive") if len(tables) > 1 else tables[0]


def _read_file(path: Path, columns: Sequence[str] | None) -> pa.Table:
    pf, present = _open(path)
    try:
        return pf.read(columns=[c for c in (columns or COLUMNS) if c in present])
    except (OSError, pa.ArrowException) as exc:
        raise BadInput(f"{path}: cannot read as Parquet claims ({exc})") from None


def _open(path: Path) -> tuple[pq.ParquetFile, list[str]]:
    """The file, and which claim columns it has (repeated strings to be read as dictionaries)."""
    try:
        names = set(pq.read_schema(path).names)
        present = [c for c in COLUMNS if c in names]
        pf = pq.ParquetFile(path, read_dictionary=[c for c in _DICTIONARY if c in names])
    except (OSError, pa.ArrowException) as exc:
        raise BadInput(f"{path}: cannot read as Parquet claims ({exc})") from None
    if ID not in names:
        raise BadInput(f"{path}: not a claims table (no {ID!r} column); produce it with 'frontline extract'")
    return pf, present


def _pylist(col: pa.ChunkedArray) -> list:
    """A column as Python values; a dictionary column shares one object per distinct value."""
    out: list = []
    for chunk in col.chunks:
        if pa.types.is_dictionary(chunk.type):
            values = np.empty(len(chunk.dictionary) + 1, dtype=object)
            values[:-1] = chunk.dictionary.to_pylist()  # the last slot stays None, for nulls
            idx = chunk.indices.fill_null(len(chunk.dictionary)).to_numpy()
            out += values[idx].tolist()
        else:
            out += chunk.to_pylist()
    return out


def _days(col: pa.ChunkedArray) -> list:
    """date32 as day numbers (None for null): cheap keys, turned into dates once per distinct window."""
    return _pylist(pc.cast(col, pa.int32()))


def _windows(table: pa.Table, field: str) -> list[DateWindow]:
    e, la, b = WINDOWS[field]
    n = table.num_rows
    cols = [_days(table[e]) if e in table.column_names else [None] * n,
            _days(table[la]) if la in table.column_names else [None] * n,
            _pylist(table[b]) if b in table.column_names else [None] * n]
    seen: dict[tuple, DateWindow] = {}
    out = []
    for key in zip(*cols, strict=True):
        w = seen.get(key)
        if w is None:
            d0, d1, basis = key
            w = seen[key] = DateWindow(None if d0 is None else _EPOCH + timedelta(days=d0),
                                       None if d1 is None else _EPOCH + timedelta(days=d1), basis or "")
        out.append(w)
    return out


def claims_from_table(table: pa.Table) -> list[Claim]:
    """Claim objects from a claims table (columns missing from it read as None or their default)."""
    n = table.num_rows
    cols = []
    with no_gc():
        for f in FIELDS:
            if f in WINDOWS:
                cols.append(_windows(table, f))
            elif f in table.column_names:
                col = table[f]
                if f in _DEFAULTS and col.null_count:
                    col = pc.fill_null(col, pa.scalar(_DEFAULTS[f], type=col.type.value_type
                                                      if pa.types.is_dictionary(col.type) else col.type))
                cols.append(_pylist(col))
            else:
                cols.append([_DEFAULTS.get(f)] * n)
    claims = claims_from_columns(cols)
    for c in claims:
        if not c.key:  # a table from elsewhere, without keys: the key Claim itself would give
            object.__setattr__(c, KEY, f"{c.article}:{c.start}-{c.end}:{c.place}:{c.kind}")
    return claims


def read_parquet(path: str | Path) -> list[Claim]:
    """All claims of a Parquet file or folder."""
    return claims_from_table(read_table(path))


def iter_parquet(path: str | Path, *, batch: int = BATCH) -> Iterator[Claim]:
    """Claims of a Parquet file or folder, ``batch`` at a time (memory stays flat)."""
    for p in parquet_files(path):
        pf, present = _open(p)
        for rb in pf.iter_batches(batch_size=batch, columns=present):
            yield from claims_from_table(pa.Table.from_batches([rb]))
