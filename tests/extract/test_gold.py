"""Accuracy on the real sample articles, measured against the hand annotations."""

import json

from extract import evaluate, extract_paths, load_gold, read_manifest
from tests.conftest import CORPUS, GOLD, MANIFEST, shared_or_skip


def test_f1_on_the_sample_with_the_manifest(corpus_dir):
    claims = list(extract_paths([corpus_dir], manifest=read_manifest(shared_or_skip(MANIFEST)), progress=False))
    score = evaluate(claims, load_gold(GOLD))
    print(score.report())
    assert score.f1 >= 0.85
    assert score.precision >= 0.85
    assert score.to_dict()["modality_accuracy"] >= 0.9
    assert score.to_dict()["date_overlap_accuracy"] >= 0.8


def test_f1_on_the_sample_without_metadata(corpus_dir):
    # No manifest: outlet from bylines, publication window from the text and a year hint.
    claims = list(extract_paths([corpus_dir], year=2018, progress=False))
    score = evaluate(claims, load_gold(GOLD))
    assert score.f1 >= 0.85
    outlets = {c.article: c.outlet for c in claims}
    assert outlets["001_730199fc8228d694"] == "Al-Ayyam al-Suriya"
    assert outlets["003_b73caba969310e09"] == "Al-Khabar TV"
    assert outlets["004_fa3edd3e55b9360f"] == "Al-Watan"
    basis = {c.article: c.outlet_basis for c in claims}
    assert basis["003_b73caba969310e09"].startswith("byline or footer")  # says how it was found
    assert "002_6772f5c3d0db2bda" not in outlets or outlets["002_6772f5c3d0db2bda"] is None  # no byline: unknown
    pub = {c.article: c.published for c in claims}
    assert pub["001_730199fc8228d694"].earliest.isoformat() == "2018-11-19"   # أمس الأحد 18 نوفمبر


def test_inferred_publication_windows_contain_the_gold_window(corpus_dir, gold):
    from extract.metadata import complete
    from extract.reader import read_articles

    for art in read_articles([corpus_dir]):
        complete(art, year=2018)
        g = next(a for a in gold["articles"] if a["file"].startswith(art.id))["published"]
        if art.published.known:
            assert art.published.earliest.isoformat() <= g["latest"]
            assert art.published.latest.isoformat() >= g["earliest"]


def test_evaluate_cli(tmp_path, corpus_dir, capsys):
    from frontline import main

    out = tmp_path / "claims.jsonl"
    assert main(["extract", str(corpus_dir), "--manifest", str(MANIFEST), "-o", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    for key in ("id", "article", "kind", "place", "place_name", "surface", "lat", "lon", "actor", "change",
                "extent", "modality", "attributed_to", "outlet", "published", "date", "quote", "start", "end",
                "confidence"):
        assert key in first
    text = (CORPUS / (first["article"] + ".txt")).read_text(encoding="utf-8")
    assert text[first["start"]:first["end"]] == first["quote"]
    assert main(["evaluate", str(out), "--gold", str(GOLD), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["f1"] >= 0.85
