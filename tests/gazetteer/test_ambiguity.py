"""Same name, two places: the document decides, and when it cannot the linker says so instead of guessing.

The gazetteers here are built in tmp dirs through the real loader: two al-Salihiyahs, one near Abu Kamal
and one just north of Deir ez-Zor city (and, for the province test, a third near Raqqa).
"""

from __future__ import annotations

import csv
import json

import pytest

from gazetteer import Linker, load
from gazetteer._ambiguity import km
from gazetteer.place import COLUMNS

KEEP = ("abu_kamal", "baghuz", "deir_ez_zor", "raqqa", "hasakah", "hajin", "sousa", "khasham", "kasrah")
SALIHIYAH_AK = dict(id="salihiyah_ak", name_en="al-Salihiyah (Abu Kamal)", names_en="Salihiyah", name_ar="الصالحية",
                    kind="village", bank="right", lat="34.43", lon="40.95", precision_m="1500",
                    coord_source="test", context_required="yes")
SALIHIYAH_DZ = dict(id="salihiyah_dz", name_en="al-Salihiyah (Deir ez-Zor)", names_en="Salihiyah", name_ar="الصالحية",
                    kind="village", bank="left", lat="35.37", lon="40.08", precision_m="1500",
                    coord_source="test", context_required="yes")
SALIHIYAH_RQ = dict(id="salihiyah_rq", name_en="al-Salihiyah (Raqqa)", name_ar="الصالحية", kind="village",
                    lat="35.93", lon="39.10", precision_m="1500", coord_source="test", context_required="yes")
PROVINCE = dict(id="deir_province", name_en="Deir ez-Zor Governorate", name_ar="محافظة دير الزور", kind="area",
                lat="35.0", lon="40.5", precision_m="90000", coord_source="test")


def _gazetteer(tmp_path, *extra: dict, parent: str = ""):
    bundled = {p.id: p for p in load()}
    rows = []
    for pid in KEEP:
        row = bundled[pid].to_dict()
        for k in ("names_en", "names_ar", "context_words"):
            row[k] = ";".join(row[k])
        row["context_required"] = "yes" if row["context_required"] else ""
        rows.append(row)
    for e in extra:
        rows.append({**e, "parent": parent} if e["id"].startswith("salihiyah") and parent else e)
    path = tmp_path / "places.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        for r in rows:
            w.writerow({c: ("" if r.get(c) is None else r.get(c, "")) for c in COLUMNS})
    return load(path)


@pytest.fixture()
def two(tmp_path):
    return Linker(_gazetteer(tmp_path, SALIHIYAH_AK, SALIHIYAH_DZ))


@pytest.fixture()
def two_with_parent(tmp_path):
    return Linker(_gazetteer(tmp_path, PROVINCE, SALIHIYAH_AK, SALIHIYAH_DZ, parent="deir_province"))


def _sal(linker, text, **kw):
    return [m for m in linker.link(text, **kw) if "الصالحي" in m.surface]


def test_the_shared_name_is_reported_as_a_collision(two):
    assert two.collisions["صالحيه"] == ["salihiyah_ak", "salihiyah_dz"]


@pytest.mark.parametrize("text,expected", [
    ("سيطرت قوات النظام على بلدة الصالحية في ريف البوكمال.", "salihiyah_ak"),
    ("تقدمت القوات نحو الصالحية بعد سيطرتها على الباغوز.", "salihiyah_ak"),
    ("ودخلت قوات النظام الصالحية الواقعة إلى الشمال من مدينة دير الزور.", "salihiyah_dz"),
    ("وصلت تعزيزات إلى بلدة الصالحية القريبة من خشام.", "salihiyah_dz"),
])
def test_places_named_nearby_decide(two, text, expected):
    (m,) = _sal(two, text)
    assert (m.place, m.ambiguous, m.resolved_by) == (expected, False, "nearby_places")
    assert m.candidates == ("salihiyah_ak", "salihiyah_dz")


def test_a_place_in_the_previous_sentence_still_counts(two):
    text = "قصف الطيران مدينة البوكمال صباح اليوم. وبعد الظهر دخلت قوات النظام بلدة الصالحية."
    (m,) = _sal(two, text)
    assert m.place == "salihiyah_ak"


def test_one_sense_per_text(two):
    text = ("سيطرت قوات النظام على بلدة الصالحية جنوب البوكمال.\n" + "وقال مصدر محلي إن الوضع هادئ. " * 30 +
            "\nوعاد الأهالي إلى بلدة الصالحية.")
    first, second = _sal(two, text)
    assert (first.place, first.resolved_by) == ("salihiyah_ak", "nearby_places")
    assert (second.place, second.resolved_by) == ("salihiyah_ak", "same_text")


def test_the_province_named_as_such_decides_between_provinces(tmp_path):
    linker = Linker(_gazetteer(tmp_path, SALIHIYAH_DZ, SALIHIYAH_RQ))
    (m,) = _sal(linker, "اشتباكات عنيفة في قرية الصالحية بريف الرقة الشرقي.")
    assert (m.place, m.resolved_by) == ("salihiyah_rq", "province")
    (m,) = _sal(linker, "اشتباكات عنيفة في قرية الصالحية في محافظة دير الزور.")
    assert (m.place, m.resolved_by) == ("salihiyah_dz", "province")


def test_undecided_goes_to_the_common_parent_and_says_so(two_with_parent):
    # Both lie in Deir ez-Zor province: naming the province does not tell them apart.
    (m,) = _sal(two_with_parent, "وقصفت المدفعية بلدة الصالحية في ريف دير الزور.")
    assert (m.place, m.ambiguous, m.resolved_by) == ("deir_province", True, "")
    assert m.candidates == ("salihiyah_ak", "salihiyah_dz")
    # The radius covers both candidates.
    gz = two_with_parent.gazetteer
    assert all(km(gz["deir_province"], gz[c]) * 1000 + gz[c].precision_m <= m.precision_m for c in m.candidates)


def test_undecided_without_a_parent_is_never_guessed(two):
    text = "وقصفت المدفعية بلدة الصالحية في ريف دير الزور."
    assert _sal(two, text) == []
    (m,) = _sal(two, text, unresolved=True)
    assert (m.place, m.ambiguous, m.candidates) == ("", True, ("salihiyah_ak", "salihiyah_dz"))


def test_places_elsewhere_in_the_text_decide_last(two):
    text = ("قصف الطيران مدينة البوكمال." + " وقال مصدر محلي إن الوضع هادئ." * 12 +
            " واشتباكات عنيفة في قرية الصالحية.")
    (m,) = _sal(two, text)
    assert (m.place, m.resolved_by) == ("salihiyah_ak", "document_places")


def test_far_places_do_not_decide(two):
    # Hasakah is far from both: no evidence, no guess.
    assert _sal(two, "وصلت قوات من الحسكة إلى بلدة الصالحية.") == []


def test_english_text_resolves_the_same_way(two):
    text = "Regime forces entered the village of al-Salihiyah near Abu Kamal."
    assert [(m.place, m.surface) for m in two.link(text) if m.candidates] == [("salihiyah_ak", "al-Salihiyah")]


def test_cli_prints_the_candidates(tmp_path, capsys):
    from frontline import main

    _gazetteer(tmp_path, PROVINCE, SALIHIYAH_AK, SALIHIYAH_DZ, parent="deir_province")
    text = "قصفت المدفعية بلدة الصالحية في ريف دير الزور"
    assert main(["gazetteer", "--places", str(tmp_path / "places.csv"), "link", "--text", text]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    sal = [r for r in rows if r.get("candidates")]
    start = text.index("الصالحية")
    assert sal == [{"place": "deir_province", "name": "الصالحية", "surface": "الصالحية", "start": start,
                    "end": start + 8,
                    "ambiguous": True, "candidates": ["salihiyah_ak", "salihiyah_dz"], "resolved_by": "",
                    "precision_m": sal[0]["precision_m"]}]
