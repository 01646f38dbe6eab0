"""``--dask``: a real LocalCluster of two worker processes on loopback writes the claims of one process."""

from __future__ import annotations

import distributed  # in the dev extra: this test always runs
import pytest

from extract import Summary, extract_paths, read_claims, read_manifest
from frontline import main
from tests.conftest import CORPUS, ROOT, SHARED

pytestmark = pytest.mark.slow
SAMPLE = ROOT / "assets" / "sample"


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                       dashboard_address=None)
    with cluster, distributed.Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """The bundled sample, the real corpora when present, and bad files."""
    bad = tmp_path_factory.mktemp("bad")
    (bad / "empty.txt").write_bytes(b"")
    (bad / "bin.txt").write_bytes(b"\x00\x01\x02")
    paths = [SAMPLE / "articles", bad, bad / "missing.txt"]
    if CORPUS.exists():
        paths[1:1] = [CORPUS, SHARED / "dev" / "articles"]
    return paths


def test_claims_and_skips_equal_one_process(client, inputs, tmp_path):
    from extract.cluster import extract_dask

    manifest = read_manifest(SAMPLE / "manifest.csv")
    one, many = Summary(), Summary()
    expected = list(extract_paths(inputs, manifest=manifest, year=2018, summary=one, progress=False))
    n = extract_dask(inputs, tmp_path / "claims", client=client, manifest=manifest, year=2018, npartitions=5,
                     summary=many)
    parts = sorted(p.name for p in (tmp_path / "claims").iterdir())
    assert parts == [f"part-{k:05d}.parquet" for k in range(len(parts))] and len(parts) > 1
    assert n == len(expected) and read_claims(tmp_path / "claims") == expected
    assert (many.read, many.skipped, many.kinds) == (one.read, one.skipped, one.kinds)
    assert [s.reason for s in many.skipped][-1] == "no such file or folder"


def test_cli_on_a_running_scheduler_and_every_reader(client, inputs, tmp_path, capsys):
    address = client.scheduler.address
    assert address.startswith("tcp://127.0.0.1:")
    args = [*map(str, inputs), "--manifest", str(SAMPLE / "manifest.csv"), "--year", "2018"]
    folder, jsonl = tmp_path / "claims", tmp_path / "claims.jsonl"
    assert main(["extract", *args, "--dask", address, "-o", str(folder)]) == 0
    err = capsys.readouterr().err
    assert "empty.txt: empty file" in err and "bin.txt: binary file" in err and "Parquet partitions" in err
    assert main(["extract", *args, "--jobs", "1", "-o", str(jsonl)]) == 0
    # Every command that reads claims reads the folder as it reads the JSON lines.
    for cmd, suffix in [("timeline", ".geojson"), ("events", ".csv"), ("snapshot", ".geojson"),
                        ("report", ".html")]:
        extra = ["--at", "2018-12-10"] if cmd == "snapshot" else []
        a, b = tmp_path / f"a-{cmd}{suffix}", tmp_path / f"b-{cmd}{suffix}"
        assert main([cmd, str(folder), *extra, "-o", str(a)]) == 0
        assert main([cmd, str(jsonl), *extra, "-o", str(b)]) == 0
        assert a.read_bytes() == b.read_bytes(), cmd
    # Run again with fewer partitions: the folder is replaced whole, no stale part left behind.
    assert main(["extract", *args, "--dask", address, "--partitions", "1", "-o", str(folder)]) == 0
    assert [p.name for p in folder.iterdir()] == ["part-00000.parquet"]
    assert read_claims(folder) == read_claims(jsonl)


def test_output_must_be_a_folder_of_claims(client, tmp_path, capsys):
    address = client.scheduler.address
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.md").write_text("keep me")
    for out in ("claims.parquet", "notes"):
        assert main(["extract", str(SAMPLE / "articles"), "--dask", address, "-o", str(tmp_path / out)]) == 2
    err = capsys.readouterr().err
    assert "a folder of Parquet partitions" in err and "other files than claims" in err
    assert (tmp_path / "notes" / "todo.md").read_text() == "keep me"


def test_dask_local(tmp_path):
    folder = tmp_path / "claims"
    args = [str(SAMPLE / "articles"), "--manifest", str(SAMPLE / "manifest.csv")]
    assert main(["extract", *args, "--dask", "local", "--jobs", "2", "-o", str(folder)]) == 0
    assert read_claims(folder) == list(extract_paths([SAMPLE / "articles"],
                                                     manifest=read_manifest(SAMPLE / "manifest.csv"), progress=False))
