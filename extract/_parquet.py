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
    ARTICLE,
    ATTRIBUTED_TO,
    ATTRIBUTION_BASIS,
    COLUMNS,
    CONFIDENCE,
    CUE,
    DATE,
    END,
    FIELDS,
    ID,
    KEY,
    KIND,
    MODALITY,
    OUTLET_BASIS,
    PLACE,
    PLACE_END,
    PLACE_START,
    PRECISION,
    PRECISIONS,
    REVIEW_STATE,
    REVIEW_STATES,
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
    precision_of,
)
from extract.reader import MAX_YEAR, MIN_YEAR, date_in_range
from guard.errors import BadInput

__all__ = ["BATCH", "claims_from_table", "claims_table", "iter_parquet", "parquet_files",
           "read_parquet", "read_table", "write_parquet"]

BATCH = 65_536  # claims per row group: large enough for fast columns, small enough to stream
SUFFIX = ".parquet"
# Read back as dictionaries: the strings that repeat from claim to claim (ids and keys never do).
_DICTIONARY = [c for c, t in zip(COLUMNS, arrow_schema().types, strict=True) if t == pa.string() and c not in (ID, KEY)]
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


def _codes(col: pa.ChunkedArray) -> tuple[np.ndarray, list]:
    """A string column as codes into its distinct values, one dictionary for all its chunks (-1: null)."""
    if not pa.types.is_dictionary(col.type):
        col = col.dictionary_encode()
    col = col.unify_dictionaries()
    values = col.chunks[0].dictionary.to_pylist()
    codes = np.concatenate([c.indices.fill_null(-1).to_numpy().astype(np.int64) for c in col.chunks])
    return codes, values


def _take(values: Sequence, codes: np.ndarray, null: object = None) -> list:
    """``values[code]`` for each code, ``null`` for -1: one Python object per distinct value."""
    if len(values) <= 1:  # a column of one value (or none but nulls), common: no index needed
        if not values or codes.min() >= 0:
            return [values[0] if values else null] * len(codes)
    pool = np.empty(len(values) + 1, dtype=object)
    pool[:-1] = values
    pool[-1] = null
    return pool[codes].tolist()


def _pylist(col: pa.ChunkedArray, default: object = None) -> list:
    """A column as Python values, ``default`` for nulls; repeated strings share one object."""
    if pa.types.is_dictionary(col.type):
        return _take(*reversed(_codes(col)), null=default)
    if col.null_count:
        if default is None:
            return col.to_pylist()
        col = col.fill_null(pa.scalar(default, col.type))
    return col.to_numpy().tolist()


_NO_DAY = 1 << 20  # stands for a null date among day numbers (offset below, so above every real one)


def _day_numbers(table: pa.Table, column: str) -> np.ndarray:
    """date32 as int64 day numbers since 1970, shifted to be non-negative; nulls and a missing column as _NO_DAY."""
    if column not in table.column_names:
        return np.full(table.num_rows, _NO_DAY, dtype=np.int64)
    days = pc.cast(table[column], pa.int32()).fill_null(_NO_DAY - _DAY_SHIFT)
    return days.to_numpy().astype(np.int64) + _DAY_SHIFT


_DAY_SHIFT = 1 << 19  # dates from 1970 - 1435 years to 1970 + 1435 years fit in 20 bits
_BITS21, _BITS22 = np.uint64((1 << 21) - 1), np.uint64((1 << 22) - 1)


def _windows(table: pa.Table, field: str) -> tuple[list[DateWindow], list[DateWindow], np.ndarray]:
    """The date windows of a field: one per row, the distinct ones, and each row's index among them.

    Equal windows are one shared (frozen) object, found column-wise: the two day
    numbers and the basis code are packed into one integer per row, and Arrow's
    hash finds the distinct ones, instead of a dictionary look-up per row.
    """
    e, la, b = WINDOWS[field]
    n = table.num_rows
    first, last = _day_numbers(table, e), _day_numbers(table, la)
    if b in table.column_names:
        basis_codes, bases = _codes(table[b])
    else:
        basis_codes, bases = np.full(n, -1, dtype=np.int64), []
    days_ok = ((first >= 0) & (first <= _NO_DAY) & (last >= 0) & (last <= _NO_DAY)).all()
    if days_ok and len(bases) < 1 << 22:  # 21 + 21 + 22 bits: one uint64 per row, hashed by Arrow
        packed = (first.astype(np.uint64) << np.uint64(43)) | (last.astype(np.uint64) << np.uint64(22)) | (
            (basis_codes + 1).astype(np.uint64))
        encoded = pa.array(packed).dictionary_encode()
        keys, inverse = encoded.dictionary.to_numpy(), encoded.indices.to_numpy()
        u_first, u_last = (keys >> np.uint64(43)).astype(np.int64), ((keys >> np.uint64(22)) & _BITS21).astype(np.int64)
        u_basis = (keys & _BITS22).astype(np.int64) - 1
    else:  # dates beyond +-1435 years of 1970, or millions of distinct bases: compare rows whole
        _, rows, inverse = np.unique(np.stack([first, last, basis_codes], axis=1), axis=0, return_index=True,
                                     return_inverse=True)
        u_first, u_last, u_basis = first[rows], last[rows], basis_codes[rows]
    inverse = inverse.reshape(-1)
    distinct = []
    for k, (d0, d1, bc) in enumerate(zip(u_first.tolist(), u_last.tolist(), u_basis.tolist(), strict=True)):
        w = DateWindow(_date(d0), _date(d1), bases[bc] if bc >= 0 else "")
        if not (date_in_range(w.earliest) and date_in_range(w.latest)):  # as the JSON lines reader refuses it
            row = int(np.argmax(inverse == k))
            raise BadInput(f"row {row + 1}: date {w.earliest} – {w.latest} is outside {MIN_YEAR}–{MAX_YEAR}; "
                           "correct or drop the record")
        distinct.append(w)
    return _take(distinct, inverse), distinct, inverse


def _date(day: int) -> date | None:
    if day == _NO_DAY:
        return None
    try:
        return _EPOCH + timedelta(days=int(day) - _DAY_SHIFT)
    except OverflowError:  # beyond the year 9999: out of range like any date past MAX_YEAR
        return date.max


def _normalised(table: pa.Table, column: str, allowed: Sequence[str], fallback: list | str) -> list:
    """A string column whose values outside ``allowed`` (null included) read as ``fallback``, as from_dict reads.

    ``fallback`` is one value, or a list with one value per row.
    """
    n = table.num_rows
    if column not in table.column_names:
        return fallback if isinstance(fallback, list) else [fallback] * n
    codes, values = _codes(table[column])
    ok = np.array([v in allowed for v in values] + [False])[codes]
    if isinstance(fallback, list):
        out = np.array(_take(values, codes), dtype=object)
        out[~ok] = np.array(fallback, dtype=object)[~ok]
        return out.tolist()
    return _take([v if v in allowed else fallback for v in values], codes, null=fallback)


def claims_from_table(table: pa.Table) -> list[Claim]:
    """Claim objects from a claims table, equal to what :meth:`Claim.from_dict` makes of the same record.

    Columns missing from the table read as None or their default; so do nulls. A
    precision or review state that is not one of the known values reads as
    ``from_dict`` reads it (computed from the window; ``unreviewed``), and a
    missing key is built as ``Claim`` builds it.
    """
    n = table.num_rows
    if n == 0:
        return []
    names = set(table.column_names)
    cols: dict[str, list] = {}
    with no_gc():
        for f in FIELDS:
            if f in WINDOWS:
                cols[f], distinct, inverse = _windows(table, f)
                if f == DATE:  # what __post_init__ would set, once per distinct window
                    computed = _take([precision_of(w) for w in distinct], inverse)
            elif f in (PRECISION, REVIEW_STATE):
                continue  # below: they depend on the windows, or need checking
            elif f in names:
                cols[f] = _pylist(table[f], _DEFAULTS.get(f))
            else:
                cols[f] = [_DEFAULTS.get(f)] * n
        cols[PRECISION] = _normalised(table, PRECISION, PRECISIONS, computed)
        cols[REVIEW_STATE] = _normalised(table, REVIEW_STATE, REVIEW_STATES, UNREVIEWED)
        keys = cols[KEY]
        if KEY not in names or "" in keys or None in keys:  # a table from elsewhere: the key Claim itself would give
            article, start, end, place, kind = (cols[k] for k in (ARTICLE, START, END, PLACE, KIND))
            cols[KEY] = [k or f"{article[i]}:{start[i]}-{end[i]}:{place[i]}:{kind[i]}" for i, k in enumerate(keys)]
    return claims_from_columns([cols[f] for f in FIELDS])


def read_parquet(path: str | Path) -> list[Claim]:
    """All claims of a Parquet file or folder.

    Read a batch at a time even so: Arrow's buffers and the columns of one batch are
    reused by the next, where a whole table of 1M claims would first take fresh memory
    (216 MB), and the page faults cost a third of the time.
    """
    out: list[Claim] = []
    with no_gc():
        for claims in _batches(path, BATCH):
            out += claims
    return out


def iter_parquet(path: str | Path, *, batch: int = BATCH) -> Iterator[Claim]:
    """Claims of a Parquet file or folder, ``batch`` at a time (memory stays flat)."""
    for claims in _batches(path, batch):
        yield from claims


def _batches(path: str | Path, batch: int) -> Iterator[list[Claim]]:
    for p in parquet_files(path):
        pf, present = _open(p)
        batches = pf.iter_batches(batch_size=batch, columns=present)
        done = 0
        while True:
            try:
                rb = next(batches, None)
            except (OSError, pa.ArrowException) as exc:
                raise BadInput(f"{p}: cannot read as Parquet claims ({exc})") from None
            if rb is None:
                break
            try:
                yield claims_from_table(pa.Table.from_batches([rb]))
            except BadInput as exc:  # name the file, and the row in it rather than in the batch
                msg = str(exc)
                if msg.startswith("row "):
                    row, _, rest = msg[4:].partition(":")
                    msg = f"row {done + int(row)}:{rest}"
                raise BadInput(f"{p}, {msg}") from None
            done += rb.num_rows
