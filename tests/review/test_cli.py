"""``frontline review`` and ``--review`` on the commands that build a timeline, as a user runs them."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import pytest

from extract import write_claims
from frontline import main
from tests.review.conftest import ADVANCE

ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]


@pytest.fixture
def claims_file(tmp_path, sample):
    path = tmp_path / "claims.jsonl"
    write_claims(sample, path)
    return path


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def places_at(capsys, claims, review, *extra) -> dict:
    out = claims.with_name("snap.geojson")
    code, _, err = run(capsys, "snapshot", claims, "--at", "2019-03-23", "-o", out, *review, *extra)
    assert code == 0, err
    feats = json.loads(out.read_text(encoding="utf-8"))["features"]
    return {f["properties"]["place"]: f["properties"] for f in feats if f["properties"]["layer"] == "places"}


def test_reject_from_the_command_line_changes_every_export(tmp_path, capsys, claims_file):
    store = tmp_path / "team.sqlite"
    r = ["--review", store]
    code, _, err = run(capsys, "review", "reject", ADVANCE, "--reason", "a rumour", "--by", "Lina", *r)
    assert code == 0 and "recorded reject" in err
    code, out, _ = run(capsys, "review", "list", "--claims", claims_file, *r)
    assert out.splitlines() == [f"rejected\t{ADVANCE}\tLina\tSDF advanced in Al-Baghuz Fawqani (local sources)"]

    assert places_at(capsys, claims_file, r)["baghuz_fawqani"]["holder"] == "ISIS"
    assert places_at(capsys, claims_file, ["--no-review"])["baghuz_fawqani"]["status"] == "contested"

    events = tmp_path / "events.csv"
    code, _, err = run(capsys, "events", claims_file, "-o", events, *r)
    assert code == 0 and "1 rejected" in err
    with open(events, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert ADVANCE not in {row["claim_key"] for row in rows}
    assert {row["review_state"] for row in rows} == {"unreviewed"}

    timeline = tmp_path / "timeline.geojson"
    assert run(capsys, "timeline", claims_file, "-o", timeline, *r)[0] == 0
    report = tmp_path / "report.html"
    assert run(capsys, "report", claims_file, "-o", report, *r)[0] == 0
    assert "a rumour" in report.read_text(encoding="utf-8")  # the story shows the review and its reason


def test_the_default_store_applies_when_it_exists(tmp_path, capsys, claims_file, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert places_at(capsys, claims_file, [])["baghuz_fawqani"]["status"] == "contested"
    assert run(capsys, "review", "reject", ADVANCE, "--reason", "a rumour", "--by", "Lina")[0] == 0
    assert (tmp_path / ".frontline" / "review.sqlite").is_file()
    feats = places_at(capsys, claims_file, [])
    assert feats["baghuz_fawqani"]["holder"] == "ISIS"
    assert feats["baghuz"]["reviewed_by"] == ""  # the rejected claim is not its evidence any more


def test_claims_are_named_by_key_or_by_id_with_their_file(tmp_path, capsys, claims_file, sample):
    store = ["--review", tmp_path / "r.sqlite"]
    claim = next(c for c in sample if c.key == ADVANCE)
    code, _, err = run(capsys, "review", "confirm", claim.id, "--by", "Lina", *store)
    assert code == 2 and "give --claims claims.jsonl" in err
    assert run(capsys, "review", "confirm", claim.id, "--claims", claims_file, "--by", "Lina", *store)[0] == 0
    code, _, err = run(capsys, "review", "confirm", "nope", "--claims", claims_file, "--by", "Lina", *store)
    assert code == 2 and "no claim with key or id 'nope'" in err
    code, out, _ = run(capsys, "review", "history", ADVANCE, *store)
    (line,) = out.splitlines()
    assert line.split("\t")[1:3] == ["Lina", "confirm"]


def test_edit_add_note_undo_and_history(tmp_path, capsys, claims_file):
    r = ["--review", tmp_path / "r.sqlite", "--by", "Omar"]
    assert run(capsys, "review", "edit", ADVANCE, "--change", "captured", "--extent", "full", "--date", "2019-01-20",
               "--why", "SOHR says taken", *r)[0] == 0
    code, _, err = run(capsys, "review", "edit", ADVANCE, *r)
    assert code == 2 and "say what to change" in err
    code, out, _ = run(capsys, "review", "add", "--place", "baqaan", "--actor", "SDF", "--change", "captured",
                       "--source", "SOHR", "--quote", "قسد تسيطر على الباغوز", "--date", "2019-03-20", *r)
    added = out.strip()
    assert code == 0 and added.startswith("added:")
    assert run(capsys, "review", "note", added, "double-check the date", *r)[0] == 0
    code, out, _ = run(capsys, "review", "history", added, "--review", r[1])
    add_id = out.splitlines()[0].split("\t")[-1]
    assert run(capsys, "review", "undo", add_id, *r)[0] == 0
    code, out, _ = run(capsys, "review", "list", "--claims", claims_file, "--review", r[1])
    states = {line.split("\t")[1]: line.split("\t")[0] for line in out.splitlines()}
    assert states == {ADVANCE: "edited", added: "rejected"}
    code, out, _ = run(capsys, "review", "history", ADVANCE, "--claims", claims_file, "--review", r[1])
    assert "change=captured" in out and "SOHR says taken" in out


def test_export_then_import_twice_adds_nothing_the_second_time(tmp_path, capsys):
    lina, omar, export = tmp_path / "lina.sqlite", tmp_path / "omar.sqlite", tmp_path / "lina.jsonl"
    for k in range(3):
        run(capsys, "review", "confirm", f"0123456789abcdef:{k}-{k + 4}:hajin:control", "--by", "Lina",
            "--review", lina)
    assert run(capsys, "review", "export", "-o", export, "--review", lina)[0] == 0
    assert len(export.read_text(encoding="utf-8").splitlines()) == 3
    code, _, err = run(capsys, "review", "import", export, "--review", omar)
    assert code == 0 and "imported 3 new actions" in err
    code, _, err = run(capsys, "review", "import", export, "--review", omar)
    assert code == 0 and "imported 0 new actions" in err and "3 now" in err
    code, out, _ = run(capsys, "review", "check", "--review", omar)
    assert code == 0 and out.strip().endswith("ok; 3 actions")
    # Without the claims at hand, actions on claims never seen are listed as orphans.
    code, out, _ = run(capsys, "review", "list", "--review", omar)
    assert [line.split("\t")[0] for line in out.splitlines()] == ["orphan"] * 3


def test_bad_input_exits_2_with_what_to_do(tmp_path):
    cmd = [sys.executable, "-m", "frontline", "review", "list", "--review", str(tmp_path / "missing.sqlite")]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "no review store there" in proc.stderr and "Traceback" not in proc.stderr
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "frontline", "review", "import", str(bad), "--review", str(tmp_path / "r.sqlite")]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "line 1: not JSON" in proc.stderr
