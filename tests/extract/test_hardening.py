"""One bad input never aborts the batch: each case from the hardening audit (issue 14), reproduced.

Every test names the input that used to abort, corrupt or stall a batch on main.
"""

from __future__ import annotations

import codecs
import csv
import json
import os
import time

import pytest

from extract import Skip, Summary, extract_paths, read_articles, read_manifest
from frontline import main
from guard.errors import BadInput

ARABIC = "وذكرت مصادر محلية أن قوات سوريا الديمقراطية سيطرت أمس على بلدة الشعفة شرقي دير الزور."
GOOD = {"id": "good", "published": "2018-10-12", "text": ARABIC}


def jsonl(path, *rows: str) -> None:
    path.write_text("".join(r + "\n" for r in rows), encoding="utf-8")


def run(capsys, *args) -> tuple[int, str]:
    rc = main(list(map(str, args)))
    return rc, capsys.readouterr().err


def records(path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


# ------------------------------------------------------------------ batch goes on
def test_nesting_1000_deep_is_skipped(tmp_path, capsys):
    # Before: RecursionError, the whole batch lost.
    src = tmp_path / "in.jsonl"
    jsonl(src, "[" * 1000 + "]" * 1000, '{"text": ' + "[" * 5000, json.dumps(GOOD))
    rc, err = run(capsys, "extract", src, "-o", tmp_path / "c.jsonl")
    assert rc == 0
    assert "in.jsonl:1: line nests arrays or objects more than 32 deep" in err
    assert "in.jsonl:2" in err and "1 articles read, 2 skipped" in err
    assert [r["article"] for r in records(tmp_path / "c.jsonl")] == ["good"]


def test_brackets_inside_strings_are_not_nesting(tmp_path):
    src = tmp_path / "in.jsonl"
    jsonl(src, json.dumps({**GOOD, "title": "[" * 100 + "{" * 100}))
    (art,) = read_articles([src])
    assert art.title.startswith("[[[")


def test_lone_surrogates_are_replaced_and_reported(tmp_path, capsys):
    # Before: UnicodeEncodeError when writing the claims (and in the app's page).
    src = tmp_path / "in.jsonl"
    row = json.dumps({"id": "s", "published": "2018-10-12", "outlet": "SANA\ud800", "text": ARABIC + " \udfff"})
    assert "\\ud800" in row  # valid JSON: the escape, not the character
    jsonl(src, row)
    out = tmp_path / "c.jsonl"
    rc, err = run(capsys, "extract", src, "-o", out)
    assert rc == 0
    assert "in.jsonl:1: 2 lone surrogate(s)" in err
    (rec,) = records(out)
    assert rec["outlet"] == "SANA\ufffd"


def test_undecodable_file_name_is_named_and_skipped(tmp_path, capsys):
    # Before: exit 2 for the whole batch, and the file not named.
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(ARABIC, encoding="utf-8")
    bad = os.fsdecode(bytes(d) + b"/bad\xffname.txt")
    with open(bad, "w", encoding="utf-8") as f:
        f.write(ARABIC)
    rc, err = run(capsys, "extract", d, "--year", "2018", "-o", tmp_path / "c.jsonl")
    assert rc == 0
    assert "bad\\xffname.txt: the file name is not valid UTF-8" in err
    assert "1 articles read, 1 skipped" in err


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31", "1899-12-31", "2101-01-01"])
def test_publication_dates_outside_1900_2100_are_rejected_where_read(tmp_path, capsys, published):
    # Before: 0001-01-01 with «أمس» raised OverflowError; 9999-12-31 crashed snapshot, timeline, report, app.
    src = tmp_path / "in.jsonl"
    jsonl(src, json.dumps({"id": "x", "published": published, "text": ARABIC}), json.dumps(GOOD))
    out = tmp_path / "c.jsonl"
    rc, err = run(capsys, "extract", src, "-o", out)
    assert rc == 0
    assert f"in.jsonl:1: published {published} is outside 1900–2100; ignored" in err
    assert "2 articles read, 0 skipped" in err
    for cmd in (["snapshot", "--at", "2018-10-11", "-o", tmp_path / "s.geojson"], ["timeline", "-o", tmp_path / "t.gpkg"],
                ["report", "-o", tmp_path / "r.html"]):
        assert main([cmd[0], str(out), *map(str, cmd[1:])]) == 0


def test_jsonl_published_that_is_not_a_date_is_reported(tmp_path, capsys):
    # Before: silently ignored.
    src = tmp_path / "in.jsonl"
    jsonl(src, json.dumps({**GOOD, "published": "yesterday"}))
    rc, err = run(capsys, "extract", src, "-o", tmp_path / "c.jsonl")
    assert rc == 0 and "in.jsonl:1: published 'yesterday' is not a date (YYYY-MM-DD); ignored" in err


def test_year_9999_in_the_text_leaves_the_claim_undated(tmp_path, capsys):
    text = "وذكرت مصادر محلية أن قوات سوريا الديمقراطية سيطرت في 31 كانون الأول 9999 على بلدة الشعفة."
    src = tmp_path / "in.jsonl"
    jsonl(src, json.dumps({"id": "x", "published": "2018-10-12", "text": text}))
    out = tmp_path / "c.jsonl"
    rc, _err = run(capsys, "extract", src, "-o", out)
    assert rc == 0
    (rec,) = records(out)
    # The date reader ignores a year outside 1900-2100, so the claim falls back on its publication date.
    assert rec["date"]["latest"] is None or rec["date"]["latest"] <= "2100-12-31"
    assert main(["report", str(out), "-o", str(tmp_path / "r.html")]) in (0, 2)  # a map, or "no dated claims"


def test_claims_file_with_far_dates_is_bad_input_naming_the_line(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    jsonl(src, json.dumps(GOOD))
    out = tmp_path / "c.jsonl"
    assert main(["extract", str(src), "-o", str(out)]) == 0
    rec = records(out)[0]
    rec["date"] = {"earliest": "9999-12-24", "latest": "9999-12-31", "basis": ""}
    out.write_text(json.dumps(records(out)[0]) + "\n" + json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    for cmd in (["snapshot", "--at", "2018-10-12", "-o", "s.geojson"], ["timeline", "-o", "t.geojson"],
                ["report", "-o", "r.html"], ["events", "-o", "e.csv"]):
        rc, err = run(capsys, cmd[0], out, *cmd[1:-1], tmp_path / cmd[-1])
        assert rc == 2, cmd
        assert "c.jsonl, line 2: date 9999-12-24 – 9999-12-31 is outside 1900–2100" in err


def test_year_hints_outside_1900_2100_are_bad_input(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ARABIC, encoding="utf-8")
    rc, err = run(capsys, "extract", tmp_path / "a.txt", "--year", "1", "-o", tmp_path / "c.jsonl")
    assert rc == 2 and "year 1 is outside 1900–2100" in err
    assert not (tmp_path / "c.jsonl").exists()


# ------------------------------------------------------------------ time budget
RUNON = "سيطرت قسد على هجين و" * (1_000_000 // 20)  # 1 MB, one sentence: minutes on main


def test_a_run_on_article_is_skipped_within_its_budget_and_the_batch_goes_on(tmp_path):
    (tmp_path / "a_runon.txt").write_text(RUNON, encoding="utf-8")
    (tmp_path / "b_good.txt").write_text(ARABIC, encoding="utf-8")
    summary = Summary()
    t0 = time.perf_counter()
    claims = list(extract_paths([tmp_path], year=2018, summary=summary, progress=False, time_budget=2))
    assert time.perf_counter() - t0 < 15  # the worker's start (about 0.5 s) plus the 2 s budget, on a loaded machine
    assert summary.read == 1 and [c.article for c in claims] == ["b_good"]
    (skip,) = summary.skipped
    assert skip.path.endswith("a_runon.txt") and "took more than 2 s and was stopped" in skip.reason


def test_a_run_on_article_is_read_in_seconds(tmp_path):
    """The extractor caps sentence length, so the 1 MB run-on is read, not skipped, in a few seconds
    (about 3 s of CPU here; the wall-clock bound leaves room for a machine shared with other jobs)."""
    (tmp_path / "runon.txt").write_text(RUNON, encoding="utf-8")
    summary = Summary()
    t0 = time.perf_counter()
    list(extract_paths([tmp_path], year=2018, summary=summary, progress=False, time_budget=60))
    assert summary.read == 1 and time.perf_counter() - t0 < 20


def test_articles_of_normal_size_stay_in_process():
    from extract.budget import risky

    assert not risky(ARABIC * 200)           # 18 kB of ordinary sentences
    assert risky("و" * 5000)                  # one 5,000-character sentence
    assert risky(ARABIC + "." + "و" * 4_500)


# ------------------------------------------------------------------ readers
@pytest.mark.parametrize("codec,bom", [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
                                       ("utf-16-le", b""), ("utf-16-be", b"")])
def test_utf16_text_is_read(tmp_path, codec, bom):
    # Before: "binary file (contains NUL bytes)".
    (tmp_path / "a.txt").write_bytes(bom + (ARABIC + "\n2018\n").encode(codec))
    (art,) = read_articles([tmp_path / "a.txt"])
    assert art.text.startswith(ARABIC) and art.encoding.startswith("utf-16")


def test_utf16_csv_is_read(tmp_path):
    text = "id,published,text\r\nu,2018-10-12," + ARABIC + "\r\n"
    (tmp_path / "a.csv").write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    (art,) = read_articles([tmp_path / "a.csv"])
    assert (art.id, art.text) == ("u", ARABIC)


def test_csv_article_over_131072_characters_is_read(tmp_path):
    # Before: "field larger than field limit (131072)" stopped the CSV there.
    long = (ARABIC + " ") * 2000
    assert len(long) > 131_072
    with open(tmp_path / "a.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "text"])
        w.writerow(["long", long])
        w.writerow(["short", ARABIC])
    assert [a.id for a in read_articles([tmp_path / "a.csv"])] == ["long", "short"]


def test_manifest_with_file_not_first_and_a_short_row(tmp_path):
    # Before: AttributeError traceback.
    m = tmp_path / "m.csv"
    m.write_text("outlet,published,file\nSANA,2018-10-12,a.txt\nSANA\n", encoding="utf-8")
    with pytest.raises(BadInput, match=r"m\.csv, line 3: no file name"):
        read_manifest(m)
    m.write_text("outlet,published,file\nSANA,2018-10-12,a.txt\n", encoding="utf-8")
    assert read_manifest(m)["a.txt"]["outlet"] == "SANA"


def test_manifest_with_a_200_kb_field(tmp_path):
    # Before: csv.Error traceback (field larger than field limit).
    m = tmp_path / "m.csv"
    m.write_text("file,outlet,published,url\na.txt,SANA,2018-10-12,http://x/" + "a" * 200_000 + "\n", encoding="utf-8")
    assert len(read_manifest(m)["a.txt"]["url"]) > 200_000


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31"])
def test_manifest_dates_outside_1900_2100(tmp_path, published):
    m = tmp_path / "m.csv"
    m.write_text(f"file,outlet,published,url\na.txt,SANA,{published},\n", encoding="utf-8")
    with pytest.raises(BadInput, match=rf"m\.csv, line 2: published {published} is outside 1900–2100"):
        read_manifest(m)


def test_manifest_from_a_device_is_refused_at_once():
    t0 = time.perf_counter()
    with pytest.raises(BadInput, match="not a regular file"):
        read_manifest("/dev/zero")
    assert time.perf_counter() - t0 < 1


def test_overlong_jsonl_line_is_skipped_and_reading_goes_on(tmp_path, monkeypatch):
    from extract import reader

    monkeypatch.setattr(reader, "MAX_LINE_BYTES", 10_000)  # the 20 MB limit, scaled down for the test
    src = tmp_path / "in.jsonl"
    jsonl(src, json.dumps({"id": "big", "text": ARABIC * 200}, ensure_ascii=False), json.dumps(GOOD))
    out = list(read_articles([src]))
    assert isinstance(out[0], Skip) and "longer than" in out[0].reason and out[1].id == "good"


# ------------------------------------------------------------------ exit codes
def test_bad_input_exits_2_and_a_bug_exits_1_with_a_traceback(tmp_path, capsys, monkeypatch):
    # Before: every ValueError or OSError, bugs included, was "bad input", exit 2, no traceback.
    rc, err = run(capsys, "snapshot", tmp_path / "missing.jsonl", "--at", "2018-10-12", "-o", tmp_path / "s.geojson")
    assert rc == 2 and "cannot open claims file" in err and "Traceback" not in err
    rc, err = run(capsys, "snapshot", tmp_path / "missing.jsonl", "--view", "nonsense", "--at", "2018-10-12",
                  "-o", tmp_path / "s.txt")
    assert rc == 2

    from gazetteer import cli as gazetteer_cli

    def broken(args):
        return {}["a bug"]  # a KeyError from our own code

    monkeypatch.setattr(gazetteer_cli, "_check", broken)
    rc, err = run(capsys, "gazetteer", "check")
    assert rc == 1
    assert "Traceback" in err and "KeyError" in err and "this is a bug in Frontline" in err
