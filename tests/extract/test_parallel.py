"""``--jobs``: extraction over a process pool gives the claims, order and summary of one process."""

from __future__ import annotations

import json

import pytest

from extract import Summary, extract_paths, read_manifest
from extract.parallel import extract_parallel
from frontline import main
from tests.conftest import CORPUS, MANIFEST, ROOT, SHARED, shared_or_skip

SAMPLE = ROOT / "assets" / "sample"
ARABIC = "وذكرت مصادر محلية أن قوات سوريا الديمقراطية سيطرت أمس على بلدة الشعفة شرقي دير الزور."


def _both(paths, **kw):
    """(claims, summary, articles seen) in one process and over two workers, one article per task."""
    out = []
    for jobs in (1, 2):
        summary, seen = Summary(), []
        claims = list(extract_parallel(paths, jobs=jobs, chunk=1, summary=summary, progress=False,
                                       on_article=lambda a, seen=seen: seen.append((a.id, a.outlet, a.published)),
                                       **kw))
        out.append((claims, summary, seen))
    return out


def _same(one, two):
    (c1, s1, a1), (c2, s2, a2) = one, two
    assert c1 and c2 == c1
    assert (s2.read, s2.skipped, s2.kinds) == (s1.read, s1.skipped, s1.kinds)
    assert a2 == a1  # outlet and publication window as the worker completed them


def test_bundled_sample_same_as_one_process():
    _same(*_both([SAMPLE / "articles"], manifest=read_manifest(SAMPLE / "manifest.csv")))


def test_real_corpora_same_as_one_process():
    paths = [shared_or_skip(CORPUS), shared_or_skip(SHARED / "dev" / "articles")]
    one, two = _both(paths, year=2018)
    _same(one, two)
    assert one[1].read == 45
    # And as extract_paths has always done it.
    assert list(extract_paths(paths, year=2018, progress=False)) == one[0]


def test_bad_files_are_reported_in_order(tmp_path):
    for i in range(6):
        (tmp_path / f"a{i}.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "a2_empty.txt").write_bytes(b"")
    (tmp_path / "a4_bin.txt").write_bytes(b"\x00\x01\x02")
    row = json.dumps({"id": "r1", "text": ARABIC}, ensure_ascii=False)
    (tmp_path / "rows.jsonl").write_text(row + "\n{not json\n", encoding="utf-8")
    one, two = _both([tmp_path, tmp_path / "missing.txt"], year=2018)
    _same(one, two)
    skipped = [str(s) for s in two[1].skipped]
    assert "a2_empty.txt: empty file" in skipped[0] and "a4_bin.txt: binary file" in skipped[1]
    assert "rows.jsonl:2" in skipped[2] and skipped[3].endswith("missing.txt: no such file or folder")


def test_small_batches_and_early_stops(tmp_path):
    for i in range(5):
        (tmp_path / f"a{i}.txt").write_text(ARABIC, encoding="utf-8")
    # Fewer articles than one chunk per worker: done in this process, same result.
    assert list(extract_parallel([tmp_path], jobs=2, year=2018, progress=False)) == \
        list(extract_paths([tmp_path], year=2018, progress=False))
    # A consumer that stops early stops the pool, and nothing hangs.
    it = extract_parallel([tmp_path], jobs=2, chunk=1, year=2018, progress=False)
    next(it)
    it.close()
    with pytest.raises(ValueError, match="at least 1"):
        list(extract_parallel([tmp_path], jobs=0))


def test_cli_jobs_writes_the_same_file(tmp_path, capsys):
    paths = [str(SAMPLE / "articles")]
    if CORPUS.exists():  # more articles than one chunk per worker: the pool itself runs
        paths += [str(CORPUS), str(SHARED / "dev" / "articles")]
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    args = [*paths, str(bad), "--manifest", str(SAMPLE / "manifest.csv"), "--year", "2018"]
    assert main(["extract", *args, "--jobs", "1", "-o", str(tmp_path / "one.jsonl")]) == 0
    one = capsys.readouterr().err
    assert main(["extract", *args, "--jobs", "2", "-o", str(tmp_path / "two.jsonl")]) == 0
    two = capsys.readouterr().err
    assert (tmp_path / "two.jsonl").read_bytes() == (tmp_path / "one.jsonl").read_bytes()
    assert "bad.txt: empty file" in two and one.splitlines()[-2] == two.splitlines()[-2]  # records by kind
    assert main(["extract", *args, "--jobs", "2", "-o", str(tmp_path / "two.parquet")]) == 0
    from extract import read_claims

    assert read_claims(tmp_path / "two.parquet") == read_claims(tmp_path / "one.jsonl")
    assert main(["extract", *args, "--jobs", "0", "-o", str(tmp_path / "x.jsonl")]) == 2


def test_manifest_is_used_by_workers():
    manifest = read_manifest(shared_or_skip(MANIFEST))
    _same(*_both([CORPUS], manifest=manifest))
