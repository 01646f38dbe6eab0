"""Claims in and out: the direct ``to_dict``, Parquet files and folders, and the bulk builder."""

from __future__ import annotations

import gc
import json
from dataclasses import asdict, replace
from datetime import date

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from extract import Claim, DateWindow, extract_paths, iter_claims, read_claims, read_manifest, write_claims
from extract.bulk import claims_from_columns, no_gc
from extract.claim import COLUMNS, DATE, DATE_LATEST, FIELDS, PUBLISHED, arrow_schema
from extract.io import read_table
from tests.conftest import CORPUS, MANIFEST, ROOT

SAMPLE = ROOT / "assets" / "sample"


def _asdict_to_dict(c: Claim) -> dict:
    """The former ``Claim.to_dict``, through ``dataclasses.asdict``."""
    d = asdict(c)
    d[PUBLISHED] = c.published.to_dict()
    d[DATE] = c.date.to_dict()
    return {k: d[k] for k in FIELDS}


@pytest.fixture(scope="module")
def claims() -> list[Claim]:
    """Real claims: the bundled sample, and the real sample when ../shared is present."""
    out = list(extract_paths([SAMPLE / "articles"], manifest=read_manifest(SAMPLE / "manifest.csv"), progress=False))
    if CORPUS.exists():
        out += extract_paths([CORPUS], manifest=read_manifest(MANIFEST), progress=False)
    assert len(out) > 30
    return out


def test_to_dict_is_the_asdict_dict_in_field_order(claims):
    for c in claims:
        d = c.to_dict()
        assert d == _asdict_to_dict(c)
        assert list(d) == list(FIELDS)
        assert json.dumps(d, ensure_ascii=False) == json.dumps(_asdict_to_dict(c), ensure_ascii=False)


def test_schema_is_the_claim_record_with_flat_windows():
    schema = arrow_schema()
    assert schema.names == list(COLUMNS)
    assert [c for c in COLUMNS if c.startswith(("date_", "published_"))] == [
        "published_earliest", "published_latest", "published_basis", "date_earliest", "date_latest", "date_basis"]
    assert schema.field(DATE_LATEST).type == pa.date32()
    assert schema.field("start").type == pa.int64() and schema.field("lat").type == pa.float64()


def test_parquet_round_trip_equals_jsonl(claims, tmp_path):
    assert write_claims(claims, tmp_path / "c.parquet") == len(claims)
    assert write_claims(claims, tmp_path / "c.jsonl") == len(claims)
    assert read_claims(tmp_path / "c.parquet") == claims
    assert list(iter_claims(tmp_path / "c.parquet")) == claims
    assert read_claims(tmp_path / "c.jsonl") == claims
    table = pq.read_table(tmp_path / "c.parquet")
    assert table.schema.names == list(COLUMNS) and table.num_rows == len(claims)
    # Arrow readers see plain columns: dates as dates, windows flat.
    row = table.slice(0, 1).to_pylist()[0]
    assert row[DATE_LATEST] == claims[0].date.latest and row["published_basis"] == claims[0].published.basis


def test_batches_and_folders_read_in_partition_order(claims, tmp_path):
    from extract._parquet import write_parquet

    folder = tmp_path / "claims"
    folder.mkdir()
    # Partitions named as --dask names them; part-10 sorts after part-9 (natural order), a JSONL part too.
    cut = [0, 5, 9, 20, len(claims)]
    names = ["part-9.parquet", "part-10.parquet", "part-11.jsonl", "part-12.parquet"]
    for name, a, b in zip(names, cut, cut[1:], strict=False):
        if name.endswith(".jsonl"):
            write_claims(claims[a:b], folder / name)
        else:
            write_parquet(claims[a:b], folder / name, batch=3)  # several row groups
    assert read_claims(folder) == claims
    assert list(iter_claims(folder)) == claims
    (folder / "part-11.jsonl").unlink()
    expected = claims[:9] + claims[20:]
    assert read_claims(folder) == expected
    assert read_table(folder).num_rows == len(expected)


def test_parquet_nulls_and_missing_columns_read_like_jsonl(claims, tmp_path):
    c = replace(claims[0], cue=None, url=None, published=DateWindow(), date=DateWindow(None, date(2018, 12, 1)))
    write_claims([c], tmp_path / "c.parquet")
    write_claims([c], tmp_path / "c.jsonl")
    assert read_claims(tmp_path / "c.parquet") == read_claims(tmp_path / "c.jsonl")
    # A table from another tool with only some columns: the rest read as from_dict reads missing keys.
    pq.write_table(pa.table({"id": ["x:1"], "kind": ["control"], "place": ["hajin"], "date_latest":
                             pa.array([date(2018, 12, 2)], pa.date32())}), tmp_path / "few.parquet")
    (got,) = read_claims(tmp_path / "few.parquet")
    assert got == Claim.from_dict({"id": "x:1", "kind": "control", "place": "hajin",
                                   "date": {"latest": "2018-12-02"}})


def test_files_that_are_not_claims_are_named(tmp_path):
    pq.write_table(pa.table({"x": [1]}), tmp_path / "other.parquet")
    (tmp_path / "junk.parquet").write_bytes(b"not parquet")
    (tmp_path / "empty").mkdir()
    for path, says in [("other.parquet", "not a claims table"), ("junk.parquet", "cannot read as Parquet"),
                       ("missing.parquet", "cannot read as Parquet"), ("empty", "no .parquet or .jsonl claims")]:
        with pytest.raises(ValueError, match=says) as err:
            read_claims(tmp_path / path)
        assert path in str(err.value)


def test_written_parquet_appears_whole(claims, tmp_path):
    def failing():
        yield from claims[:3]
        raise RuntimeError("extraction failed")

    with pytest.raises(RuntimeError):
        write_claims(failing(), tmp_path / "c.parquet")
    assert list(tmp_path.iterdir()) == []  # neither a half file nor the temporary one


def test_bulk_builder_and_gc_pause(claims):
    cols = [[getattr(c, f) for c in claims] for f in FIELDS]
    assert claims_from_columns(cols) == claims
    with pytest.raises(ValueError, match="columns"):
        claims_from_columns(cols[:-1])
    assert gc.isenabled()
    with no_gc():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with no_gc():
            pass
        assert not gc.isenabled()  # left as it was found
    finally:
        gc.enable()
