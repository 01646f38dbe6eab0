"""The trade-off, measured: how many places the linker finds, and how many it invents.

``linking_sentences.tsv`` holds sentences we wrote (tab-separated: kind, expected place ids or ``-``,
text). ``place`` sentences name gazetteer places in the ways the news does (clitics, misspellings,
البو/أبو, names that are also words in place context, English). ``trap`` sentences use those names as
common words, name namesakes abroad or places the gazetteer lacks that look like ones. Run with ``-s``
to see the figures.

The second test measures the linker on the real development articles in ``../shared/dev``: the share
of annotated claims (on places the gazetteer has) whose place the linker finds in the article.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from tests.conftest import SHARED, shared_or_skip

SENTENCES = Path(__file__).with_name("linking_sentences.tsv")
DEV = SHARED / "dev"


def _rows() -> list[dict]:
    with open(SENTENCES, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_the_sentences_are_many_and_a_third_are_traps(gazetteer):
    rows = _rows()
    assert len(rows) >= 150
    assert sum(r["kind"] == "trap" for r in rows) >= len(rows) / 3
    assert {r["kind"] for r in rows} == {"place", "trap"}
    unknown = {p for r in rows if r["places"] != "-" for p in r["places"].split() if p not in gazetteer}
    assert unknown == set(), "expected ids must exist in gazetteer/data/places.csv"
    assert len({r["text"] for r in rows}) == len(rows), "no sentence twice"


def test_recall_and_false_places(linker):
    expected_total = found = 0
    false_places, misses = [], []
    for r in _rows():
        expected = set() if r["places"] == "-" else set(r["places"].split())
        got = {m.place for m in linker.link(r["text"])}
        expected_total += len(expected)
        found += len(expected & got)
        false_places += [(p, r["text"]) for p in sorted(got - expected)]
        misses += [(p, r["text"]) for p in sorted(expected - got)]
    recall = found / expected_total
    print(f"\nlinking sentences: recall {recall:.3f} ({found}/{expected_total}), false places {len(false_places)}")
    for p, text in misses:
        print(f"  missed {p}: {text}")
    assert false_places == []
    assert recall >= 0.97


def test_real_articles_link_rate(linker):
    """Share of the dev set's claims on gazetteer places whose place is linked in the article's text."""
    shared_or_skip(DEV)
    gold = json.loads((DEV / "gold.json").read_text(encoding="utf-8"))
    total = found = 0
    pairs, pairs_found = set(), set()
    missing = []
    for art in gold["articles"]:
        text = (DEV / "articles" / art["file"]).read_text(encoding="utf-8")
        linked = {m.place for m in linker.link(text)}
        linked |= {a for p in linked for a in linker.gazetteer.ancestors(p)}
        for claim in art["claims"]:
            if claim["place"].startswith("NEW:"):
                continue
            total += 1
            pairs.add((art["file"], claim["place"]))
            if claim["place"] in linked:
                found += 1
                pairs_found.add((art["file"], claim["place"]))
            else:
                missing.append((art["file"], claim["place"], claim["place_ar"]))
    rate = found / total
    print(f"\nreal articles: {found}/{total} claims ({rate:.3f}), {len(pairs_found)}/{len(pairs)} article-place pairs")
    for f, place, name in sorted(set(missing)):
        print(f"  not linked: {f} {place} ({name})")
    assert rate >= 0.97
