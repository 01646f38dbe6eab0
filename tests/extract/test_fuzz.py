"""The extractor never raises on mangled Arabic, and every span lies inside the text; and a batch of
bad inputs (deep nesting, lone surrogates, run-on sentences, extreme dates, odd file names) never aborts."""

import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract import Article, Extractor, Summary, extract_paths, read_articles, read_claims, write_claims
from geo import Timeline

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


# ------------------------------------------------------------------ whole batches (issue 14)
# Inputs that used to abort, stall or corrupt a batch: deep nesting, lone surrogates, run-on
# sentences, dates outside 1900–2100, and file names that are not UTF-8.

SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff"]
BIDI = ["\u202e", "\u202b", "\u2066", "\u200f"]
EXTREME_DATES = ["0001-01-01", "9999-12-31", "1899-12-31", "2101-01-01", "1900-01-01", "2100-12-31",
                 "2018-13-45", "yesterday", "", "2018-10-12T10:00:00Z", "١٢-١٠-٢٠١٨"]
CLAUSE = "سيطرت قسد على هجين و"

texts = st.one_of(
    mangled,
    st.lists(st.sampled_from(WORDS) | st.sampled_from(SURROGATES + BIDI), max_size=60).map(" ".join),
    st.integers(4_100, 12_000).map(lambda n: CLAUSE * (n // len(CLAUSE))),  # one long sentence: the worker path
    st.sampled_from(["في 31 كانون الأول 9999", "في 1 كانون الثاني 0001", "أمس"]).map(
        lambda d: f"وذكرت مصادر محلية أن قسد سيطرت {d} على بلدة هجين."),
)
rows = st.fixed_dictionaries(
    {"text": texts},
    optional={"published": st.sampled_from(EXTREME_DATES) | st.dates().map(str),
              "outlet": st.text(max_size=8) | st.sampled_from(SURROGATES + BIDI + ["=1+1", "**x**"]),
              "url": st.sampled_from(["javascript:alert(1)", "http://x.org/\ud800", "https://sana.sy/a"]),
              "id": st.text(max_size=8)},
).map(lambda r: json.dumps(r))  # json.dumps escapes lone surrogates: valid JSON, as in the audit
lines = st.lists(rows | st.integers(1, 3_000).map(lambda d: "[" * d + "]" * d)
                 | st.integers(0, 3_000).map(lambda d: '{"text": ' + "[" * d), min_size=1, max_size=6)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines, st.sampled_from([None, 1990, 2018]))
def test_a_batch_of_bad_rows_never_aborts(batch, year):
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        src.write_text("\n".join(batch) + "\n", encoding="utf-8")
        summary = Summary()
        out = Path(tmp) / "claims.jsonl"
        n = write_claims(extract_paths([src], year=year, summary=summary, progress=False, time_budget=5), out)
        assert summary.read + len(summary.skipped) == len(batch)  # every line accounted for
        claims = read_claims(out)  # every date written is readable again (1900–2100)
        assert len(claims) == n
        tl = Timeline(claims)
        if tl.dates:
            tl.snapshot(tl.dates[1])
        for line in summary.lines():
            line.encode("utf-8")  # printable: no lone surrogate reaches a message


name_bytes = st.one_of(
    st.binary(min_size=1, max_size=30).map(lambda b: b.replace(b"/", b"_").replace(b"\x00", b"_")),
    st.sampled_from([b".hidden", b" lead", b"new\nline", b"bad\xff\xfe", "تقرير".encode(), "تقرير".encode("cp1256"),
                     b"\xed\xa0\x80", b"x" * 200]),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(name_bytes, min_size=1, max_size=5, unique=True), st.sampled_from([b".txt", b".jsonl", b".TXT"]))
def test_odd_file_names_are_read_or_named(names, suffix):
    article = "وذكرت مصادر محلية أن قوات سوريا الديمقراطية سيطرت أمس على بلدة الشعفة."
    with tempfile.TemporaryDirectory() as tmp:
        made = []
        for raw in names:
            path = os.fsencode(tmp) + b"/" + raw[:200] + suffix
            data = json.dumps({"text": article}).encode() if suffix == b".jsonl" else article.encode()
            try:
                with open(path, "wb") as f:
                    f.write(data)
            except OSError:  # a name this file system refuses is not our input
                continue
            if not raw.startswith(b"."):
                made.append(path)
        out = list(read_articles([tmp]))
        assert len(out) == len(set(made))
        for item in out:
            item.path.encode("utf-8")  # whatever is stored or printed is valid text (bad names: skipped, escaped)
