"""The linker finds places the way Arabic news writes them, and nothing else."""

import json

import pytest

from tests.conftest import CORPUS, shared_or_skip


def places(linker, text):
    return [m.place for m in linker.link(text)]


@pytest.mark.parametrize("prefix", ["", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب"])
def test_each_clitic_on_a_name_without_article(linker, prefix):
    assert places(linker, f"قصف {prefix}هجين أمس") == ["hajin"]


@pytest.mark.parametrize("form", ["الباغوز", "والباغوز", "بالباغوز", "للباغوز", "وللباغوز", "فالباغوز", "كالباغوز"])
def test_article_forms(linker, form):
    assert places(linker, f"معارك في {form} اليوم") == ["baghuz"]


def test_article_required_when_the_name_has_one(linker):
    # فرقة is "a division", not ف + رقة; Raqqa is written with its article.
    assert places(linker, "وصلت فرقة من الجيش") == []
    assert places(linker, "دخلت قسد الرقة وللرقة أهمية") == ["raqqa", "raqqa"]


def test_optional_article_on_a_name_written_without_it(linker):
    assert places(linker, "في منطقة الهجين بريف دير الزور") == ["hajin", "deir_ez_zor"]


@pytest.mark.parametrize("text,expected", [
    ("الباغوز فوقاني", "baghuz_fawqani"),
    ("والباغوز الفوقاني", "baghuz_fawqani"),
    ("باغوز تحتاني", "baghuz_tahtani"),
    ("الباغوز التحتاني", "baghuz_tahtani"),
    ("مستشفى هجين", "hajin_hospital"),
])
def test_multiword_names_longest_match_wins(linker, text, expected):
    assert places(linker, f"قرب {text} اليوم") == [expected]


def test_never_inside_a_longer_word(linker):
    assert places(linker, "عمليات التهجين والهجينة") == []
    assert places(linker, "هجينات") == []


@pytest.mark.parametrize("word", ["السوسة", "الهول", "البحرة", "الجلاء", "العمر", "التنك"])
def test_common_word_places_need_context(linker, word):
    assert places(linker, f"تحدث عن {word} كثيرا") == []


@pytest.mark.parametrize("trigger,word,place", [
    ("بلدة", "السوسة", "sousa"), ("منطقة", "الهول", "al_hawl"), ("مخيم", "الهول", "al_hawl_camp"), ("قرية", "البحرة", "bahra"),
    ("بلدة", "الجلاء", "jalaa"), ("حقل", "العمر", "al_omar_oilfield"), ("حقل", "التنك", "al_tanak_oilfield"),
    ("وقرية", "البحرة", "bahra"), ("ببلدة", "السوسة", "sousa"),
])
def test_common_word_places_with_a_trigger(linker, trigger, word, place):
    assert places(linker, f"قصف {trigger} {word} أمس") == [place]


def test_common_word_place_in_a_list_of_places(linker):
    text = "طال قرى: البقعان، وسوسة، وهجين، وأبو الحسن"
    assert places(linker, text) == ["baqaan", "sousa", "hajin", "abu_al_hasan"]


def test_channel_name_is_not_a_place(linker):
    assert places(linker, "قالت قناة الميادين إن") == []
    assert places(linker, "في مدينة الميادين") == ["mayadin"]


def test_misspellings_and_variants(linker):
    assert places(linker, "قرى الشعثة والأباغوز") == ["shaafa", "baghuz"]


def test_romanised_names_in_english(linker):
    text = "ISIS retook Hajin, Baghouz and the town of Susah near Albu Kamal."
    assert places(linker, text) == ["hajin", "baghuz", "sousa", "abu_kamal"]


def test_offsets_point_into_the_original_text(linker):
    text = "قصفت «التحالف» بلدةَ هَجِين والبـوكمال"
    for m in linker.link(text):
        assert text[m.start:m.end] == m.surface
    assert [m.surface for m in linker.link(text)] == ["هَجِين", "والبـوكمال"]


def test_every_gold_place_is_found_in_its_article(linker, gold):
    shared_or_skip(CORPUS)
    missing = []
    for art in gold["articles"]:
        text = (CORPUS / art["file"]).read_text(encoding="utf-8")
        found = {m.place for m in linker.link(text)}
        found |= {a for p in found for a in linker.gazetteer.ancestors(p)}
        for rec in art["claims"] + art["events"]:
            if rec["place"] not in found:
                missing.append((art["file"], rec["place"]))
    assert missing == []


def test_cli_link_prints_json_lines(tmp_path, capsys):
    from frontline import main

    f = tmp_path / "a.txt"
    f.write_text("سيطرت قسد على بلدة السوسة", encoding="utf-8")
    assert main(["gazetteer", "link", "--file", str(f)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows == [{"place": "sousa", "name": "السوسة", "surface": "السوسة", "start": 19, "end": 25}]
