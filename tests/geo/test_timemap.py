"""The time map's data and page, without a browser: range, sentences, offline assets."""

from datetime import date

import folium

from extract import extract_paths, read_manifest
from geo import Timeline, time_map
from geo.timemap import core_range, map_data
from tests.conftest import ROOT

SAMPLE = ROOT / "assets" / "sample"


def _sample() -> Timeline:
    return Timeline(extract_paths([SAMPLE / "articles"], manifest=read_manifest(SAMPLE / "manifest.csv"),
                                  progress=False))


def test_the_slider_covers_the_evidence_not_an_outlier(sample_timeline):
    days = [c.date.latest for c in sample_timeline.claims]
    assert min(days) < date(2018, 1, 1)  # two claims from 2017 in the real sample
    start, end = core_range(days)
    assert start >= date(2018, 10, 1) and end == date(2018, 12, 11)
    data = map_data(sample_timeline)
    assert "2018-10-01" <= data["start"] <= start.isoformat() and data["whole_start"] == "2017-11-30"


def test_every_claim_brings_its_whole_sentence_with_place_and_cue_marked():
    data = map_data(_sample())
    hajin = [c for c in data["claims"] if c["place_id"] == "hajin" and c["kind"] == "control"]
    assert hajin
    placed = 0
    for c in hajin:
        assert c["quote"] in c["sentence"] or c["sentence"] in c["quote"]
        marks = {kind: c["sentence"][a:b] for a, b, kind in c["marks"]}
        assert marks.get("cue")
        if "place" in marks:  # else the place was named in an earlier sentence
            assert "هجين" in marks["place"]
            placed += 1
    assert placed >= len(hajin) * 2 // 3


def test_time_map_is_a_folium_map_that_fetches_nothing_but_tiles():
    m = time_map(_sample(), view="wikipedia", title="<b>t</b>")
    assert isinstance(m, folium.Map)
    html = m.get_root().render()
    assert "<script src" not in html and "<link" not in html
    assert "<title>&lt;b&gt;t&lt;/b&gt;</title>" in html
    assert '"view":"wikipedia"' in html
