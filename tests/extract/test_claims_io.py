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
from extract._parquet import claims_table
from extract.bulk import claims_from_columns, no_gc
from extract.claim import COLUMNS, DATE, DATE_LATEST, FIELDS, PUBLISHED, REVIEW_STATES, arrow_schema
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


def _varied() -> list[Claim]:
    """Claims with every kind of value a column can hold: Arabic, None, open windows, review fields."""
    d = date(2018, 12, 1)
    windows = [DateWindow(d, d, "S1 own clause: yesterday: امس"), DateWindow(), DateWindow(None, d, "S6 as of publication"),
               DateWindow(d, None), DateWindow(date(2018, 11, 1), date(2018, 11, 30), "month_rel: شهر تشرين الثاني"),
               DateWindow(date(1900, 1, 1), date(2100, 12, 31))]
    out = []
    for i in range(60):
        w = windows[i % len(windows)]
        out.append(Claim(
            id=f"a{i}:{i * 7}:hajin:control", article=f"مقال-{i % 4}", kind=("control", "clash")[i % 2 == 1 and i % 3 == 0],
            place=("hajin", "baghuz", "غير_معروف")[i % 3], place_name="Hajin", surface="هجين", lat=(34.5, -0.0, 35.25)[i % 3],
            lon=40.5 + i, actor=("SDF", None, "ISIS")[i % 3], change=("captured", None, "withdrew", "holds")[i % 4],
            extent=(None, "half", "outskirts")[i % 3], modality=("asserted", "claimed", "denied")[i % 3],
            attributed_to=("outlet", "المرصد السوري", "SDF")[i % 3], outlet=(None, "عنب بلدي", "Al-Watan")[i % 3],
            published=windows[(i + 1) % len(windows)], date=w, quote=f"سيطرت قسد على هجين {i}", start=i * 1000,
            end=i * 1000 + 17, confidence=(0.8, 0.55, 1.0)[i % 3], url=(None, f"https://example.org/{i}")[i % 2],
            cue=("", "سيطرت")[i % 2], place_start=i, place_end=i + 4, sentence_start=0, sentence_end=90,
            attribution_basis=("", "قال")[i % 2], sentence="\u202bجملة كاملة\u202c" if i % 5 else "",
            source_kind=("unknown", "party", "monitor")[i % 3], rule="cue.word+target.object",
            precision="month" if i % 7 == 0 else None, key="" if i % 4 == 0 else f"sha{i}:0-17:hajin:control",
            review_state=REVIEW_STATES[i % len(REVIEW_STATES)], reviewed_by=("", "أحمد", "ana, bo")[i % 3]))
    return out


def test_parquet_round_trip_of_varied_claims_equals_the_jsonl_round_trip(tmp_path):
    from extract._parquet import write_parquet

    claims = _varied()
    write_claims(claims, tmp_path / "c.jsonl")
    write_parquet(claims, tmp_path / "c.parquet", batch=7)  # row groups with dictionaries of their own
    from_jsonl, from_parquet = read_claims(tmp_path / "c.jsonl"), read_claims(tmp_path / "c.parquet")
    assert from_parquet == from_jsonl == claims
    assert list(iter_claims(tmp_path / "c.parquet")) == claims
    # Field by field, types included: a date is a date, a float a float, the same key and precision.
    for got, want in zip(from_parquet, claims, strict=True):
        assert type(got) is Claim
        for f in FIELDS:
            assert (type(getattr(got, f)), getattr(got, f)) == (type(getattr(want, f)), getattr(want, f)), f
    assert str(from_parquet[1].lat) == "-0.0" and from_parquet[0].precision == "month"
    assert {c.precision for c in from_parquet} >= {None, "day", "month", "year"}
    # Equal windows are one object: a million claims do not carry a million copies.
    assert from_parquet[0].date is from_parquet[6].date


def test_parquet_values_from_dict_would_not_accept_read_as_from_dict_reads_them(tmp_path):
    claims = _varied()[:12]
    table = claims_table(claims)
    n = table.num_rows
    odd = {"precision": ["fortnight", None] * (n // 2), "review_state": ["maybe", None] * (n // 2),
           "key": [None, ""] * (n // 2)}
    for name, values in odd.items():
        table = table.set_column(table.schema.get_field_index(name), name, pa.array(values, pa.string()))
    pq.write_table(table, tmp_path / "odd.parquet")
    expected = [Claim.from_dict({**c.to_dict(), **{k: v[i] for k, v in odd.items()}}) for i, c in enumerate(claims)]
    assert read_claims(tmp_path / "odd.parquet") == expected
    assert {c.review_state for c in expected} == {"unreviewed"} and all(c.key for c in expected)


def test_parquet_dates_out_of_range_are_refused_as_in_json_lines(tmp_path):
    from extract._parquet import write_parquet

    claims = _varied()[:10]
    claims[8] = replace(claims[8], date=DateWindow(date(1018, 12, 1), date(2018, 12, 1)))
    write_claims(claims, tmp_path / "c.jsonl")
    write_parquet(claims, tmp_path / "c.parquet", batch=3)
    with pytest.raises(ValueError, match=r"c.jsonl, line 9: date 1018-12-01 – 2018-12-01 is outside 1900–2100"):
        read_claims(tmp_path / "c.jsonl")
    with pytest.raises(ValueError, match=r"c.parquet, row 9: date 1018-12-01 – 2018-12-01 is outside 1900–2100"):
        read_claims(tmp_path / "c.parquet")
    # Beyond what packs into one integer per row (year 1, year 9999): found the slower way, refused alike.
    claims[8] = replace(claims[8], date=DateWindow(date(1, 1, 1), date(9999, 12, 31)))
    write_parquet(claims, tmp_path / "far.parquet", batch=4)
    with pytest.raises(ValueError, match=r"far.parquet, row 9: date 0001-01-01 – 9999-12-31 is outside"):
        read_claims(tmp_path / "far.parquet")


def test_bulk_builder_refuses_columns_of_different_lengths(claims):
    cols = [[getattr(c, f) for c in claims] for f in FIELDS]
    cols[3] = cols[3][:-1]
    with pytest.raises(ValueError, match="lengths"):
        claims_from_columns(cols)
    assert claims_from_columns([[] for _ in FIELDS]) == []
