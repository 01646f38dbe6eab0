"""What review said travels with the claims: map data, stories, GIS layers, ACLED rows; reasons stay text."""

from __future__ import annotations

from datetime import date

from geo import Timeline, events_table, snapshot_layers, time_map, timeline_layer
from geo.timemap import map_data
from tests.review.conftest import ADVANCE

EVIL = '</script><img src=x onerror="alert(1)"> **bold** [link](javascript:alert(1))'


def test_map_rows_carry_state_reviewers_history_and_the_claim_as_extracted(store, sample):
    sousa = next(c for c in sample if c.place == "sousa" and c.kind == "control")
    store.edit(sousa, {"extent": "part"}, who="Omar", why="only the eastern quarter")
    store.confirm(sousa, who="Lina")
    store.reject(next(c for c in sample if c.key == ADVANCE), EVIL, who="Lina")
    data = map_data(Timeline(sample, review=store))
    row = next(r for r in data["claims"] if r["key"] == sousa.key)
    assert (row["review_state"], row["reviewed_by"]) == ("edited", "Omar, Lina")
    assert row["extent"] == "part" and row["original"].startswith(sousa.summary())
    assert [(a["action"], a["who"], a["what"]) for a in row["review_log"]] == [
        ("edit", "Omar", "extent → part"), ("confirm", "Lina", "")]
    assert row["undo"] == row["review_log"][-1]["id"]
    (rejected,) = data["rejected"]
    assert rejected["key"] == ADVANCE and rejected["review_log"][0]["why"] == EVIL
    fawqani = next(p for p in data["places"] if p["id"] == "baghuz_fawqani")
    assert fawqani["rejected"] == [0] and data["review"] == {"on": True, "orphans": 0, "reviewed": 2}
    # In the page the reason is JSON with <, > and & escaped, written with textContent by the script.
    html = time_map(Timeline(sample, review=store)).get_root().render()
    assert "onerror" in html and '<img src=x onerror="alert(1)">' not in html


def test_gis_layers_and_acled_rows_say_what_review_said(store, sample):
    hajin = [c for c in sample if c.place == "hajin" and c.kind == "control"]
    store.confirm(hajin[-1], who="Lina")
    tl = Timeline(sample, review=store)
    places = snapshot_layers(tl, date(2019, 3, 23))["places"].set_index("place")
    ids, states = places.loc["hajin", "claim_ids"].split(" | "), places.loc["hajin", "review_states"].split(" | ")
    assert len(ids) == len(states) and states[ids.index(hajin[-1].id)] == "confirmed"
    assert places.loc["hajin", "reviewed_by"] == "Lina"
    layer = timeline_layer(tl)
    assert "confirmed" in " ".join(layer.loc[layer["place"] == "hajin", "review_states"])
    rows = events_table(tl.claims + tl.events).set_index("claim_key")
    assert rows.loc[hajin[-1].key, ["review_state", "reviewed_by"]].tolist() == ["confirmed", "Lina"]
