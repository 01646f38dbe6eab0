"""The curator's checks, each on a small gazetteer written to a tmp CSV, and on the bundled data."""

import csv

import pytest

from gazetteer import load
from gazetteer.check import PARENT_DISTANCE_M, check
from gazetteer.place import COLUMNS
from gazetteer.river import bank_of

SOURCE = "test fixture"


def place(pid, name_ar, lat, lon, **kw):
    """One places.csv row; the coordinates are real ones of the study area."""
    row = dict.fromkeys(COLUMNS, "")
    row.update(id=pid, name_en=pid.replace("_", " ").title(), name_ar=name_ar, kind="town", lat=lat, lon=lon,
               precision_m=1000, coord_source=SOURCE)
    row.update({k: v for k, v in kw.items()})
    return row


def gazetteer_of(tmp_path, *rows):
    path = tmp_path / "places.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        w.writerows(rows)
    return load(path)


# Points used below (WGS 84), with their side of the Euphrates line of the base map.
HAJIN = (34.69508, 40.83138)          # left bank, 1.4 km from the river
BRIGADE_137 = (35.321, 40.023)        # right bank, 8.9 km from the river
ABU_KAMAL = (34.45226, 40.91854)      # right bank


def test_fixture_points_are_where_the_tests_assume():
    assert bank_of(*HAJIN)[0] == "left"
    side, dist = bank_of(*BRIGADE_137)
    assert side == "right" and 8000 < dist < 10_000


# -- names shared by two places -------------------------------------------------------------------

def test_a_folded_arabic_name_shared_by_two_unrelated_places_is_reported(tmp_path):
    # Different spellings that fold alike (final ه/ة, article) are the same name to the linker.
    gz = gazetteer_of(tmp_path,
                      place("salihiyah", "الصالحية", *ABU_KAMAL),
                      place("salihiyah_north", "صالحيه", 35.37, 40.12))
    rep = check(gz)
    shared = [w for w in rep.warnings if "shared by" in w]
    assert shared == ["name 'صالحيه' is shared by salihiyah, salihiyah_north"]
    assert rep.errors == []


def test_a_name_shared_by_a_place_and_its_parent_is_not_reported(tmp_path):
    gz = gazetteer_of(tmp_path,
                      place("baghuz", "الباغوز", 34.4526, 40.9693),
                      place("baghuz_village", "باغوز", 34.4586, 40.9506, kind="village", parent="baghuz"))
    assert [w for w in check(gz).warnings if "shared by" in w] == []


def test_distinct_names_are_not_reported(tmp_path):
    gz = gazetteer_of(tmp_path, place("hajin", "هجين", *HAJIN), place("abu_kamal", "البوكمال", *ABU_KAMAL))
    assert check(gz).warnings == []


# -- bank against the Euphrates line, within the place's precision ---------------------------------

def test_a_bank_on_the_wrong_side_beyond_the_precision_is_an_error(tmp_path):
    gz = gazetteer_of(tmp_path, place("brigade_137", "الفوج 137", *BRIGADE_137, kind="base", bank="left",
                                      precision_m=1500))
    errors = check(gz).errors
    assert len(errors) == 1
    assert errors[0].startswith("brigade_137: bank is 'left' but the coordinate lies on the right bank")
    assert "8.9 km from the river (precision 1500 m)" in errors[0]


def test_a_place_whose_precision_reaches_across_the_river_is_not_judged(tmp_path):
    # 8.9 km from the river with a 10 km precision: it may lie on either bank.
    gz = gazetteer_of(tmp_path, place("brigade_137", "الفوج 137", *BRIGADE_137, kind="base", bank="left",
                                      precision_m=10_000))
    assert check(gz).errors == []


def test_the_right_bank_is_accepted(tmp_path):
    gz = gazetteer_of(tmp_path, place("brigade_137", "الفوج 137", *BRIGADE_137, kind="base", bank="right"),
                      place("hajin", "هجين", *HAJIN, bank="left"))
    assert check(gz).errors == []


# -- parents far from their children -------------------------------------------------------------

def test_a_neighbourhood_far_from_its_town_is_an_error(tmp_path):
    # 0.1 degree of latitude is about 11 km.
    gz = gazetteer_of(tmp_path,
                      place("hajin", "هجين", *HAJIN),
                      place("hajin_quarter", "حي الجسر", HAJIN[0] + 0.1, HAJIN[1], kind="neighbourhood",
                            parent="hajin"))
    errors = check(gz).errors
    assert len(errors) == 1
    assert errors[0].startswith("hajin_quarter: 11.1 km from its parent 'hajin'; a neighbourhood lies within 5 km")


def test_a_nearby_child_is_accepted_and_the_limit_depends_on_the_kind(tmp_path):
    # 0.05 degree is 5.5 km: too far for a neighbourhood, close enough for a hill.
    near = (HAJIN[0] + 0.05, HAJIN[1])
    assert PARENT_DISTANCE_M["neighbourhood"] < 5500 < PARENT_DISTANCE_M["hill"]
    gz = gazetteer_of(tmp_path,
                      place("hajin", "هجين", *HAJIN),
                      place("hajin_hill", "تلة هجين", *near, kind="hill", parent="hajin"),
                      place("hajin_quarter", "حي الجسر", *near, kind="neighbourhood", parent="hajin"))
    errors = check(gz).errors
    assert [e.split(":")[0] for e in errors] == ["hajin_quarter"]


def test_a_province_parent_is_exempt(tmp_path):
    gz = gazetteer_of(tmp_path,
                      place("province", "محافظة دير الزور", 35.288, 40.309, kind="province", precision_m=100_000),
                      place("hajin", "هجين", *HAJIN, parent="province"))
    assert check(gz).errors == []


# -- the region beyond the base map --------------------------------------------------------------

def test_a_place_beyond_the_base_map_is_a_warning_and_beyond_the_region_an_error(tmp_path):
    gz = gazetteer_of(tmp_path,
                      place("mosul", "الموصل", 36.335, 43.11889, kind="city"),
                      place("cairo", "القاهرة", 30.04, 31.24, kind="city"))
    rep = check(gz)
    assert rep.errors == ["cairo: coordinate (30.04, 31.24) is outside the study area and the region"]
    assert any(w.startswith("mosul: coordinate (36.335, 43.11889) is beyond the base map") for w in rep.warnings)


# -- the bundled data ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def report(gazetteer):
    return check(gazetteer)


def test_the_bundled_gazetteer_has_no_errors(report):
    assert report.errors == []


def test_the_bundled_gazetteer_reports_what_a_curator_must_know(report):
    # The two al-Salihiyahs share a name (the linker cannot tell them apart by it), and Mosul and
    # Palmyra lie beyond the base map.
    assert "name 'صالحيه' is shared by salihiyah, salihiyah_deir_ez_zor" in report.warnings
    beyond = {w.split(":")[0] for w in report.warnings if "beyond the base map" in w}
    assert {"mosul", "palmyra"} <= beyond
