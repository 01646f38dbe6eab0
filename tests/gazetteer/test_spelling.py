"""Spellings: each rule on its own, attested misspellings, and English names in English text."""

from __future__ import annotations

import csv

import pytest

from gazetteer import Linker, load
from gazetteer.place import COLUMNS
from gazetteer.spelling import RULES, arabic_variants, attested, english_keys


def places(linker, text):
    return [m.place for m in linker.link(text)]


# rule id: (a name, a variant the rule makes from it)
RULE_CASES = {
    "albu_for_abu_al": ("أبو الحسن", "البوحسن"),
    "albu_space_for_abu_al": ("أبو الحسن", "البو حسن"),
    "albu_for_abu": ("أبو خاطر", "البوخاطر"),
    "albu_space_for_abu": ("أبو خاطر", "البو خاطر"),
    "abu_for_albu": ("البوكمال", "ابو كمال"),
    "albu_space": ("البوخاطر", "البو خاطر"),
    "albu_joined": ("البو بدران", "البوبدران"),
    "sad_sin": ("السفافنة", "الصفافنه"),
    "ta_ta": ("البوخاطر", "البوخاتر"),
    "dhal_zay": ("الجرذي الغربي", "الجرزي الغربي"),
    "dad_za": ("الضاهرية", "الظاهريه"),
}


def test_every_rule_has_its_test():
    assert {r.id for r in RULES} == set(RULE_CASES)


@pytest.mark.parametrize("rule_id", sorted(RULE_CASES))
def test_rule(rule_id):
    name, variant = RULE_CASES[rule_id]
    assert arabic_variants(name)[variant] == rule_id


def test_letter_rules_leave_short_names_alone():
    # صور (Sur) must not become سور (a wall).
    assert arabic_variants("صور") == {}
    assert arabic_variants("هجين") == {}


@pytest.mark.parametrize("text,place,spelling", [
    ("وسيطرت قسد على البو حسن", "abu_al_hasan", "albu_space_for_abu_al"),
    ("وتقدمت قسد في البوحسن", "abu_al_hasan", "albu_for_abu_al"),
    ("وقصفت الطائرات قرية البو خاطر", "bukhatir", "albu_space"),
    ("وقصفت الطائرات قرية أبو خاطر", "bukhatir", ""),
    ("وقصفت الطائرات قرية الصفافنة", "safafinah", "sad_sin"),
    ("وقصفت الطائرات قرية السفافنة", "safafinah", ""),
    ("وقصفت الطائرات قرية سبيخان", "subaykhan", ""),
    ("وقصفت الطائرات قرية الجرزي الغربي", "jurdi_gharbi", "dhal_zay"),
    ("ودخلت قوات النظام أبو كمال", "abu_kamal", ""),
])
def test_the_linker_finds_rule_spellings(linker, text, place, spelling):
    (m,) = linker.link(text)
    assert (m.place, m.spelling) == (place, spelling)


def test_attested_misspelling_and_its_compounds(linker):
    # باغور for الباغوز is attested in real reporting; the villages named after Baghuz follow it.
    assert [(m.place, m.spelling) for m in linker.link("انسحب المقاتلون من باغور التحتاني ثم من باغور الفوقاني")] == [
        ("baghuz_tahtani", "parent"), ("baghuz_fawqani", "parent")]
    assert [(m.place, m.spelling) for m in linker.link("المعارك في باغور")] == [("baghuz", "attested")]


def test_attested_spellings_are_data_with_sources():
    rows = attested()
    assert ("baghuz", "باغور", "ar") in {r[:3] for r in rows}
    assert all(r[3] for r in rows), "every attested spelling says where it was seen"


def test_rules_and_attested_spellings_can_be_turned_off(gazetteer):
    bare = Linker(gazetteer, spellings=None, spelling_rules=False)
    assert places(bare, "وتقدمت قسد في البوحسن") == []
    assert places(bare, "المعارك في باغور") == []


def test_a_dropped_article_needs_strong_context(linker):
    assert [(m.place, m.spelling, m.via) for m in linker.link("قصفت الطائرات معبر حسرات")] == [
        ("hasrat", "no_article", "place_type")]
    # A bare form after a mere preposition is not enough, and never with a clitic: فرقة, ورقة.
    assert places(linker, "اشتباكات في حسرات") == []
    assert places(linker, "وصلت فرقة من الجيش وكتب على ورقة") == []


@pytest.mark.parametrize("form", ["الشعفة", "الشعفه", "شعفة", "الشعثة", "والشعفة"])
def test_taa_marbuta_ha_and_recorded_variants(linker, form):
    assert places(linker, f"سيطرت قسد على {form}") == ["shaafa"]


@pytest.mark.parametrize("form", ["أبو الحسن", "ابو الحسن", "إبو الحسن"])
def test_hamza_and_alef_forms(linker, form):
    assert places(linker, f"سيطرت قسد على {form}") == ["abu_al_hasan"]


def test_alif_maqsura_and_ya(linker):
    assert places(linker, "وتحركت أرتال من عين عيسي وعين عيسى") == ["ayn_issa", "ayn_issa"]


def test_a_variant_never_takes_a_name_another_place_is_written_with(tmp_path):
    # Two places whose names differ only by ص/س: each keeps its own name.
    path = tmp_path / "places.csv"
    rows = [
        dict(id="safafinah", name_en="al-Safafinah", name_ar="الصفافنة", kind="village", lat="34.65", lon="40.81",
             precision_m="1000", coord_source="test"),
        dict(id="other", name_en="al-Safafinah II", name_ar="السفافنة", kind="village", lat="35.5", lon="40.0",
             precision_m="1000", coord_source="test"),
    ]
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        w.writerows(rows)
    linker = Linker(load(path))
    assert places(linker, "قرية السفافنة وقرية الصفافنة") == ["other", "safafinah"]


# English names in English text: case-insensitive, whole words, al-/el-/as- optional.
@pytest.mark.parametrize("text,expected", [
    ("Fighting near Sousa, in al-Susah, at Sussah and As-Susah.", ["sousa"] * 4),
    ("The SDF entered Baghouz; ISIS held Baghuz for weeks.", ["baghuz", "baghuz"]),
    ("Hajin fell; residents of Hajeen fled; al-Hajin was shelled.", ["hajin"] * 3),
    ("HAJIN and hajin", ["hajin", "hajin"]),
    ("Government troops entered el-Mayadin.", ["mayadin"]),
    ("Deir ez-Zor and Deir ez Zor", ["deir_ez_zor", "deir_ez_zor"]),
])
def test_english(linker, text, expected):
    assert places(linker, text) == expected


def test_english_surface_takes_the_article(linker):
    assert [m.surface for m in linker.link("Clashes in al-Susah.")] == ["al-Susah"]


def test_english_is_whole_words_only(linker):
    assert places(linker, "Hajinis and Baghouzian are not places.") == []


def test_english_keys():
    assert english_keys("Al-Baghuz Fawqani") == {"baghuz fawqani"}
    assert "ras al-ayn" in english_keys("Ra’s al ‘Ayn")
    assert english_keys("Ālbū Kamāl") == {"albu kamal"}


def test_a_doubled_article_is_a_typo_of_the_name(linker):
    assert [(m.place, m.spelling, m.surface) for m in linker.link("المعارك في الالباغوز والالشعفة")] == [
        ("baghuz", "doubled_article", "الالباغوز"), ("shaafa", "doubled_article", "والالشعفة")]


def test_a_mention_names_the_gazetteer_name_its_spelling_stands_for(linker):
    got = [(m.surface, m.name) for m in linker.link("تقدمت القوات نحو باغور الفوقاني والبوحسن")]
    assert got == [("باغور الفوقاني", "الباغوز الفوقاني"), ("والبوحسن", "أبو الحسن")]
