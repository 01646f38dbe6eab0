"""Normalisation folds what news spelling varies, and every span maps back."""

from hypothesis import given
from hypothesis import strategies as st

from gazetteer.arabic import fold, normalize


def test_alef_forms_ya_and_taa_marbuta_fold():
    assert fold("أإآٱ") == "اااا"
    assert fold("على") == "علي"
    assert fold("قرية") == "قريه"
    assert fold("ی ک") == "ي ك"


def test_digits_and_quotes():
    assert fold("١٢٣ ۴۵") == "123 45"
    assert fold("«قسد» “داعش” ″x″") == '"قسد" "داعش" "x"'


def test_diacritics_and_tatweel_are_removed_with_offsets_kept():
    original = "قَصَفَ طيرانُ التحالـــف بلدةَ هَجِين"
    nt = normalize(original)
    assert nt.text == "قصف طيران التحالف بلده هجين"
    i = nt.text.index("هجين")
    s, e = nt.span(i, i + 4)
    assert original[s:e] == "هَجِين"
    j = nt.text.index("التحالف")
    s, e = nt.span(j, j + len("التحالف"))
    assert original[s:e] == "التحالـــف"


def test_no_change_means_identity_offsets():
    nt = normalize("هجين")
    assert nt.span(0, 4) == (0, 4)


@given(st.text(alphabet=st.sampled_from(list("هجين الباغوز َُِّْـ«»أإى ة١ab\n")), max_size=60))
def test_every_normalised_span_maps_inside_the_original(text):
    nt = normalize(text)
    for i in range(len(nt.text)):
        for j in range(i + 1, min(len(nt.text), i + 6) + 1):
            s, e = nt.span(i, j)
            assert 0 <= s < e <= len(text)
            # Same letters once the original slice is folded again.
            assert fold(text[s:e]) == nt.text[i:j]


def test_one_clitic_table():
    from gazetteer.arabic import ARTICLE_CLITICS, CLITICS

    assert {"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"} == CLITICS
    # ل before the article is written لل, never لال.
    assert {"ال", "وال", "بال", "لل", "ولل", "فلل", "وبال", "كال"} <= ARTICLE_CLITICS
    assert "لال" not in ARTICLE_CLITICS


def test_with_clitics_and_strip_clitics():
    from gazetteer.arabic import strip_clitics, with_clitics

    forms = with_clitics(["قرية", "الرقة"])
    assert {"قريه", "وبقريه", "لقريه", "الرقه", "للرقه", "وللرقه", "بالرقه"} <= forms
    assert "لالرقه" not in forms
    assert strip_clitics("وبقريه", {"قريه"}) == "قريه"
    assert strip_clitics("للرقه", {"الرقه"}) == "الرقه"
    assert strip_clitics("ورقه", {"الرقه"}) is None


def test_latin_diacritics_fold_one_for_one():
    original = "Ālbū Kamāl and Al Ḩasakah"
    nt = normalize(original)
    assert nt.text == "albu kamal and al hasakah"
    assert len(nt.text) == len(original)
