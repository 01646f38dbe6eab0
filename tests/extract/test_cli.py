"""``frontline extract`` on a batch with bad files: the good ones go through."""

import json

from frontline import main

ARABIC = "وذكرت مصادر محلية أن قوات سوريا الديمقراطية سيطرت أمس على بلدة الشعفة شرقي دير الزور."


def test_batch_with_bad_files_goes_on(tmp_path, capsys):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(ARABIC, encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "bin.txt").write_bytes(b"\x00\x01\x02")
    out = tmp_path / "claims.jsonl"
    assert main(["extract", str(d), "--year", "2018", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "empty.txt: empty file" in err and "bin.txt: binary file" in err
    assert "1 articles read, 2 skipped" in err
    (rec,) = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert (rec["place"], rec["actor"], rec["change"], rec["attributed_to"]) == ("shaafa", "SDF", "captured",
                                                                                  "local sources")


def test_exit_code_is_nonzero_only_when_nothing_was_read(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["extract", str(tmp_path / "empty.txt"), "-o", str(tmp_path / "c.jsonl")]) == 1
    assert "empty.txt" in capsys.readouterr().err


def test_evaluate_rejects_a_file_that_is_not_claims(tmp_path, capsys):
    bad = tmp_path / "c.jsonl"
    bad.write_text("{not json\n")
    gold = tmp_path / "g.json"
    gold.write_text('{"articles": []}')
    assert main(["evaluate", str(bad), "--gold", str(gold)]) == 2
    assert "c.jsonl, line 1: not a claim record" in capsys.readouterr().err
