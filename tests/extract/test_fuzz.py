"""The extractor never raises on mangled Arabic, and every span lies inside the text."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract import Article, Extractor

_EX = Extractor()
WORDS = ["سيطرت", "قسد", "على", "بلدة", "هجين", "والباغوز", "تحت", "سيطرة", "داعش", "التي", "استعادها", "،", ".",
         "أمس", "زعمت", "أن", "«", "»", "الجيش", "صد", "هجوم", "في", "ريف", "دير", "الزور", "لم", "تقدم", "\n",
         "قرى:", "السوسة", "وسوسة", "المنطقة", "بحسب", "رويترز", "ـ", "َ", "ً", "١٢", "تشرين", "الأول", "الجاري"]

mangled = st.lists(st.sampled_from(WORDS) | st.text(max_size=6), max_size=60).map(" ".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mangled)
def test_never_raises_and_spans_are_inside(text):
    for c in _EX.extract(Article("f", text, "f.txt")):
        assert 0 <= c.start <= c.end <= len(text)
        assert text[c.start:c.end] == c.quote
        assert 0 <= c.place_start < c.place_end <= len(text)
        assert 0 <= c.sentence_start <= c.sentence_end <= len(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_unicode(text):
    for c in _EX.extract(Article("f", text, "f.txt")):
        assert text[c.start:c.end] == c.quote
