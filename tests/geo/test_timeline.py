"""The timeline rules, on hand-made claims and on the real sample."""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from extract import Claim, DateWindow
from geo import Timeline, parse_view

D = date(2018, 12, 1)


def claim(place="hajin", actor="ISIS", change="holds", day=D, *, extent=None, modality="asserted",
          source="outlet", outlet="Al-Watan", n=[0]):  # noqa: B006 - a counter for unique ids
    n[0] += 1
    return Claim(id=f"c{n[0]}", article="a", kind="control", place=place, place_name=place, surface=place, lat=0,
                 lon=0, actor=actor, change=change, extent=extent, modality=modality, attributed_to=source,
                 outlet=outlet, published=DateWindow(day, day), date=DateWindow(day, day), quote="q", start=0,
                 end=1, confidence=0.8)


def state(tl, day, place="hajin", view="consensus"):
    iv = tl.state_at(place, day, view)
    return None if iv is None else (iv.status, iv.holder)


def test_capture_changes_the_holder_from_its_date():
    tl = Timeline([claim(actor="ISIS"), claim(actor="SDF", change="captured", day=D + timedelta(10))])
    assert state(tl, D) == ("held", "ISIS")
    assert state(tl, D + timedelta(9)) == ("held", "ISIS")
    assert state(tl, D + timedelta(10)) == ("held", "SDF")
    assert state(tl, D - timedelta(1)) is None


def test_last_known_control_keeps_its_colour_and_ages():
    tl = Timeline([claim(), claim(place="sousa", day=D + timedelta(90))], fade_days=30)
    assert state(tl, D + timedelta(29)) == ("held", "ISIS")
    assert state(tl, D + timedelta(60)) == ("held", "ISIS")  # no news is not a change of hands
    snap = tl.snapshot(D + timedelta(60))
    row = snap.loc["hajin"]
    assert (row["status"], row["holder"], row["last_evidence"], row["age_days"], row["faded"]) == (
        "held", "ISIS", D, 60, True)
    assert not tl.snapshot(D + timedelta(10)).loc["hajin", "faded"]
    # Before its first claim a place is unknown, and is still listed: the map shows it.
    early = tl.snapshot(D + timedelta(10)).loc["sousa"]
    assert early["status"] == "unknown" and early["last_evidence"] is None
    assert Timeline([claim()], stale_days=5).fade_days == 5  # the former name still works


def test_fresh_evidence_keeps_the_state_alive():
    tl = Timeline([claim(), claim(day=D + timedelta(25))], fade_days=30)
    assert state(tl, D + timedelta(50)) == ("held", "ISIS")
    (iv,) = tl.intervals()["hajin"]
    assert len(iv.claims) == 2
    assert tl.snapshot(D + timedelta(50)).loc["hajin", "age_days"] == 25


def test_a_party_claim_alone_is_claimed_until_someone_else_confirms_it():
    tl = Timeline([claim(actor="SDF", change="captured", modality="claimed", source="SDF"),
                   claim(actor="SDF", source="SOHR", day=D + timedelta(5))])
    assert [iv.basis for iv in tl.intervals()["hajin"]] == ["claimed", "assessed"]
    assert tl.snapshot(D).loc["hajin", "basis"] == "claimed"
    # A party speaking about itself is its own claim even when the verb asserts it.
    tl = Timeline([claim(actor="SDF", change="captured", source="SDF media center")])
    assert tl.state_at("hajin", D).basis == "claimed"


def test_wikipedia_rule_a_partisan_source_counts_only_against_its_own_side():
    tl = Timeline([claim(actor="SDF", change="captured", source="SDF"),
                   claim(place="sousa", actor="SDF", change="withdrew", source="SDF"),
                   claim(place="sousa", actor="ISIS", day=D - timedelta(3), source="SOHR"),
                   claim(place="shaafa", actor="ISIS", change="holds", source="SDF media center")])
    wiki = tl.intervals("wikipedia")
    assert "hajin" not in wiki  # the SDF's word for its own gain does not count
    assert state(tl, D, "shaafa", "wikipedia") == ("held", "ISIS")  # its word for the enemy's hold does
    assert state(tl, D, "sousa", "wikipedia") == ("held", "ISIS")
    assert str(parse_view("wikipedia")) == "wikipedia"


def test_sources_that_disagree_make_the_place_contested():
    tl = Timeline([claim(actor="ISIS", source="Furat Post"), claim(actor="SDF", change="captured", source="SDF")])
    assert state(tl, D) == ("contested", None)
    assert tl.state_at("hajin", D).contenders == ("ISIS", "SDF")
    # Each source's own view stays clear.
    assert state(tl, D, view="source:Furat Post") == ("held", "ISIS")
    assert state(tl, D, view="source:SDF") == ("held", "SDF")


def test_partial_capture_and_advance_are_contested():
    tl = Timeline([claim(actor="ISIS"), claim(actor="SDF", change="captured", extent="half", day=D + timedelta(5))])
    assert state(tl, D + timedelta(5)) == ("contested", None)
    tl = Timeline([claim(actor="ISIS"), claim(actor="SDF", change="advanced", day=D + timedelta(5))])
    assert tl.state_at("hajin", D + timedelta(5)).contenders == ("ISIS", "SDF")


def test_withdrawal_of_the_holder_makes_it_unknown():
    tl = Timeline([claim(actor="ISIS"), claim(actor="ISIS", change="withdrew", day=D + timedelta(4))])
    assert state(tl, D + timedelta(4)) == ("unknown", None)


def test_asserted_outranks_claimed_and_asserted_only_view():
    tl = Timeline([claim(actor="SAA", change="repelled"),
                   claim(actor="ISIS", change="captured", extent="part", modality="claimed", source="opp")])
    assert state(tl, D) == ("held", "SAA")
    only_claim = Timeline([claim(actor="ISIS", change="captured", modality="claimed")])
    assert state(only_claim, D) == ("held", "ISIS")
    assert state(only_claim, D, view=parse_view("consensus", asserted_only=True)) is None


def test_denied_claims_never_set_control():
    tl = Timeline([claim(actor="ISIS", change="captured", modality="denied")])
    assert state(tl, D) is None


def test_child_place_counts_for_its_parent():
    tl = Timeline([claim(place="baghuz_tahtani", actor="SDF", change="captured")])
    assert state(tl, D, "baghuz_tahtani") == ("held", "SDF")
    iv = tl.state_at("baghuz", D)
    assert (iv.status, iv.holder, iv.extent) == ("held", "SDF", "part")
    tl = Timeline([claim(place="baghuz", actor="ISIS"), claim(place="baghuz_tahtani", actor="SDF", change="advanced")])
    assert state(tl, D, "baghuz") == ("contested", None)


def test_sites_are_not_drawn_but_count_for_their_town():
    tl = Timeline([claim(place="hajin_hospital", actor="SDF", change="captured")])
    assert "hajin_hospital" not in tl.intervals()
    assert tl.state_at("hajin", D).holder == "SDF"


def test_views_by_outlet_and_source():
    tl = Timeline([claim(actor="ISIS", outlet="Al-Watan"), claim(place="sousa", actor="SDF", outlet="SANA",
                                                                 source="SOHR")])
    assert set(tl.intervals("outlet:SANA")) == {"sousa"}
    assert set(tl.intervals("source:Al-Watan")) == {"hajin"}  # the outlet's own voice counts for it
    assert tl.sources == ["Al-Watan", "SOHR"]
    with pytest.raises(ValueError, match="consensus, wikipedia, outlet:NAME, source:NAME"):
        parse_view("reuters")


def test_snapshot_lists_the_evidence_up_to_the_date():
    tl = Timeline([claim(source="SOHR"), claim(source="Reuters", day=D + timedelta(3))])
    snap = tl.snapshot(D + timedelta(1))
    row = snap.loc["hajin"]
    assert row["sources"] == ["SOHR"] and row["last_evidence"] == D and row["since"] == D
    assert tl.snapshot(D + timedelta(3)).loc["hajin", "sources"] == ["Reuters", "SOHR"]


# ---- The checks the timeline issue asks of the real sample, extracted by this project.

def test_reuters_view_on_27_october(sample_timeline):
    snap = sample_timeline.snapshot(date(2018, 10, 27), "source:Reuters")
    for place in ("hajin", "baghuz", "sousa"):
        assert (snap.loc[place, "status"], snap.loc[place, "holder"]) == ("held", "ISIS"), place


def test_baghuz_contested_around_11_december(sample_timeline):
    for day in (date(2018, 12, 11), date(2018, 12, 12)):
        row = sample_timeline.snapshot(day).loc["baghuz"]
        assert row["status"] == "contested"
        assert set(row["contenders"]) == {"ISIS", "SDF"}
        assert {"Furat Post", "SDF"} <= set(row["sources"])


def test_abu_kamal_stays_with_the_army(sample_timeline):
    ivs = sample_timeline.intervals()["abu_kamal"]
    assert ivs and all((iv.status, iv.holder) == ("held", "SAA") for iv in ivs)
    day = date(2018, 9, 1)
    while day <= date(2018, 12, 31):
        iv = sample_timeline.state_at("abu_kamal", day)
        assert iv is None or iv.holder == "SAA"
        day += timedelta(days=1)


# ------------------------------------------------------------- time, precision and range
def test_a_lone_date_a_year_away_does_not_stretch_the_range():
    from geo.timeline import robust_range

    days = [D + timedelta(k) for k in range(0, 60, 2)] + [D - timedelta(400)]
    r = robust_range(days)
    assert (r.start, r.end, r.outliers) == (D, D + timedelta(58), 1)
    assert r.whole == (D - timedelta(400), D + timedelta(58))


def test_two_real_campaigns_keep_the_whole_range():
    from geo.timeline import robust_range

    days = [D + timedelta(k) for k in range(20)] + [D + timedelta(300 + k) for k in range(20)]
    r = robust_range(days)
    assert (r.start, r.end, r.outliers) == (D, D + timedelta(319), 0)


def test_all_scattered_dates_give_the_whole_range():
    from geo.timeline import robust_range

    r = robust_range([D, D + timedelta(200), D + timedelta(400)])
    assert (r.start, r.end, r.outliers) == (D, D + timedelta(400), 0)
    assert robust_range([]) is None


def test_wide_claims_are_placed_at_the_end_of_their_window_and_say_their_precision():
    wide = replace(claim(actor="SDF", change="captured"), date=DateWindow(D, D + timedelta(30)), precision=None)
    assert wide.precision == "month"
    tl = Timeline([claim(actor="ISIS"), wide])
    assert state(tl, D + timedelta(29)) == ("held", "ISIS")
    assert state(tl, D + timedelta(30)) == ("held", "SDF")


def test_undated_claims_are_counted_with_their_reasons():
    undated = replace(claim(actor="SDF", change="captured"), date=DateWindow(None, None, "S7 (publication date unknown)"),
                      published=DateWindow(None, None, "no dated evidence"), precision=None)
    assert undated.precision is None
    tl = Timeline([claim(), undated])
    assert tl.undated == [undated]
    ((reason, n),) = tl.undated_reasons().items()
    assert n == 1 and reason.startswith("publication date unknown")


def test_the_map_lists_undated_claims_under_their_place():
    from geo.timemap import map_data

    undated = replace(claim(actor="SDF", change="captured"), id="u1", date=DateWindow(),
                      published=DateWindow(None, None, "no dated evidence"), precision=None)
    data = map_data(Timeline([claim(), undated]))
    (hajin,) = [p for p in data["places"] if p["id"] == "hajin"]
    assert [data["undated"][k]["id"] for k in hajin["undated"]] == ["u1"]
    assert data["undated"][0]["date"] is None and data["undated"][0]["date_text"].startswith("undated")
    assert data["claims"][0]["precision"] == "day"


def test_areas_leave_out_the_province_and_places_beyond_the_map(gazetteer):
    from geo.areas import cells_for

    cells = cells_for(gazetteer).cells
    assert "hajin" in cells and "mayadin_east_bank" in cells
    # A province is no point on the ground; Mosul and Palmyra lie beyond the study area's edge.
    assert not {"deir_ez_zor_governorate", "mosul", "palmyra"} & set(cells)
