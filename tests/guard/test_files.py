"""Outputs are written whole or not at all, never over an input; reads have a limit."""

from __future__ import annotations

import json
import time

import pytest

from frontline import main
from guard.errors import BadInput
from guard.files import atomic_write, read_limited, refuse_overwriting

ARABIC = "وذكرت مصادر محلية أن قوات سوريا الديمقراطية سيطرت أمس على بلدة الشعفة شرقي دير الزور."


def test_extract_refuses_to_overwrite_its_input(tmp_path, capsys):
    # Before: `frontline extract x.jsonl -o x.jsonl` truncated the input to nothing.
    src = tmp_path / "x.jsonl"
    src.write_text(json.dumps({"id": "a", "published": "2018-10-12", "text": ARABIC}) + "\n", encoding="utf-8")
    before = src.read_bytes()
    assert main(["extract", str(src), "-o", str(src)]) == 2
    assert "is also an input" in capsys.readouterr().err
    assert src.read_bytes() == before
    link = tmp_path / "same.jsonl"  # another name for the same file
    link.hardlink_to(src)
    assert main(["extract", str(src), "-o", str(link)]) == 2
    assert src.read_bytes() == before


def test_gazetteer_export_refuses_to_overwrite_its_places(tmp_path, capsys):
    from gazetteer.places import PLACES_CSV

    places = tmp_path / "places.csv"
    places.write_bytes(PLACES_CSV.read_bytes())
    assert main(["gazetteer", "--places", str(places), "export", "--format", "csv", "-o", str(places)]) == 2
    assert places.read_bytes() == PLACES_CSV.read_bytes()


def test_a_failed_write_leaves_the_old_file_and_no_debris(tmp_path):
    from extract import write_claims

    out = tmp_path / "claims.jsonl"
    out.write_text("previous run\n", encoding="utf-8")

    def claims():
        yield from ()
        raise RuntimeError("the batch failed halfway")

    with pytest.raises(RuntimeError):
        write_claims(claims(), out)
    assert out.read_text(encoding="utf-8") == "previous run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.jsonl"]


def test_atomic_write_keeps_the_usual_permissions(tmp_path):
    out = tmp_path / "r.html"
    with atomic_write(out) as f:
        f.write("<p>x</p>")
    assert out.read_text() == "<p>x</p>"
    assert out.stat().st_mode & 0o777 != 0o700  # not the temporary folder's private mode


def test_cannot_write_says_where(tmp_path):
    with pytest.raises(BadInput, match="cannot write there"), atomic_write(tmp_path / "no" / "such" / "x.txt") as f:
        f.write("x")


def test_refuse_overwriting_lets_distinct_files_pass(tmp_path):
    (tmp_path / "a").write_text("a")
    refuse_overwriting(tmp_path / "b", [tmp_path / "a", None])


def test_read_limited_refuses_devices_and_large_files(tmp_path):
    # Before: a manifest path of /dev/zero was read without end.
    t0 = time.perf_counter()
    with pytest.raises(BadInput, match="not a regular file"):
        read_limited("/dev/zero", 1000)
    assert time.perf_counter() - t0 < 1
    big = tmp_path / "big.csv"
    big.write_bytes(b"x" * 2000)
    with pytest.raises(BadInput, match="larger than"):
        read_limited(big, 1000)
    assert read_limited(big, 2000) == b"x" * 2000


def test_hidden_folders_are_not_read_as_articles(tmp_path, capsys):
    # Before: files inside hidden folders (.git, our own .claims.jsonl.*.part while writing) were read as articles.
    (tmp_path / "a.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "b.txt").write_text(ARABIC, encoding="utf-8")
    assert main(["extract", str(tmp_path), "--year", "2018", "-o", str(tmp_path / "claims.jsonl")]) == 0
    assert "1 articles read, 0 skipped" in capsys.readouterr().err
