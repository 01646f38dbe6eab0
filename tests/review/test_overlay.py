"""Review applied to claims: rejected ones leave the map, edits and additions count, keys survive re-extraction."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date

import pytest

from extract.claim import article_sha, claim_key
from geo import Timeline, View
from review import ReviewStore, apply_review, new_claim
from tests.review.conftest import ADVANCE, SAMPLE, extract_sample

LAST = date(2019, 3, 23)  # the sample's last day


def status(tl: Timeline, place: str, day: date = LAST, view: View | str = "consensus") -> str | None:
    iv = tl.state_at(place, day, view)
    return None if iv is None else iv.holder if iv.status == "held" else iv.status


def by_key(claims, key):
    return next(c for c in claims if c.key == key)


def test_claim_keys_are_unique_and_the_same_on_every_run(sample):
    assert len({c.key for c in sample}) == len(sample)
    assert [c.key for c in extract_sample()] == [c.key for c in sample]
    text = (SAMPLE / "articles" / "s01_sousa_sandstorm.txt").read_text(encoding="utf-8")
    first = next(c for c in sample if c.article == "s01_sousa_sandstorm")
    assert first.key == claim_key(first, article_sha(text))


def test_a_rejected_claim_leaves_the_map_and_undo_brings_it_back(store, sample):
    assert status(Timeline(sample), "baghuz_fawqani") == "contested"
    rejected = store.reject(by_key(sample, ADVANCE), "a rumour", who="Lina")
    tl = Timeline(sample, review=store)
    assert status(tl, "baghuz_fawqani") == "ISIS"
    assert ADVANCE not in {c.key for c in tl.claims}
    assert [c.key for c in tl.rejected] == [ADVANCE] and tl.rejected[0].review_state == "rejected"
    assert tl.review.review_of(ADVANCE).reviewed_by == "Lina"
    undo = store.undo(rejected.id, who="Omar", why="two sources now")
    assert status(Timeline(sample, review=store), "baghuz_fawqani") == "contested"
    store.undo(undo.id, who="Lina")  # an undo can be undone
    assert status(Timeline(sample, review=store), "baghuz_fawqani") == "ISIS"
    assert [a.action for a in Timeline(sample, review=store).review.review_of(ADVANCE).actions] == [
        "reject", "undo", "undo"]


def test_an_edited_claim_counts_as_edited_and_keeps_its_original(store, sample):
    claim = by_key(sample, ADVANCE)
    store.edit(claim, {"change": "captured", "extent": "full", "date": "2019-01-20"}, who="Omar", why="SOHR too")
    tl = Timeline(sample, review=store)
    edited = by_key(tl.claims, ADVANCE)
    assert (edited.change, edited.extent, edited.date.latest, edited.precision) == ("captured", "full",
                                                                                    date(2019, 1, 20), "day")
    assert edited.review_state == "edited" and edited.reviewed_by == "Omar"
    assert tl.review.review_of(ADVANCE).original == claim  # as extracted
    assert status(tl, "baghuz_fawqani", date(2019, 1, 21)) == "SDF"
    # A later confirm keeps it edited; the reviewers add up.
    store.confirm(edited, who="Lina")
    again = by_key(Timeline(sample, review=store).claims, ADVANCE)
    assert (again.review_state, again.reviewed_by, again.change) == ("edited", "Omar, Lina", "captured")


def test_an_edit_to_another_place_moves_the_claim(store, sample):
    store.edit(by_key(sample, ADVANCE), {"place": "Hajin"}, who="Omar")  # an English name is fine
    moved = by_key(Timeline(sample, review=store).claims, ADVANCE)
    assert (moved.place, moved.place_name) == ("hajin", "Hajin") and moved.lat != by_key(sample, ADVANCE).lat


def test_an_added_claim_counts_like_an_extracted_one(store, sample, gazetteer):
    assert status(Timeline(sample), "baqaan") == "ISIS"
    claim = new_claim(place="baqaan", actor="SDF", change="captured", quote="SDF took al-Baqaan", date="2019-03-20",
                      source="SOHR", url="https://example.org/sohr", gazetteer=gazetteer)
    action = store.add(claim, who="Lina", why="missed by the rules")
    tl = Timeline(sample, review=store)
    added = by_key(tl.claims, action.claim)
    assert added.review_state == "added" and added.source_kind == "monitor" and added.url == "https://example.org/sohr"
    assert status(tl, "baqaan") == "SDF"
    store.undo(action.id, who="Lina")
    tl = Timeline(sample, review=store)
    assert status(tl, "baqaan") == "ISIS" and action.claim in {c.key for c in tl.rejected}


def test_reviewed_only_keeps_what_an_analyst_vouched_for(store, sample):
    keep = by_key(sample, ADVANCE)
    store.confirm(keep, who="Lina")
    store.note(sample[0], "just a note", who="Lina")
    tl = Timeline(sample, review=store)
    view = View(reviewed_only=True)
    assert str(view) == "consensus (reviewed only)"
    assert tl.places(view) == ["baghuz", "baghuz_fawqani"]  # Baghuz Fawqani is part of Baghuz
    assert by_key(tl.claims, ADVANCE).review_state == "confirmed"
    assert by_key(tl.events, sample[0].key).review_state == "unreviewed"  # a note decides nothing


def test_rejection_stays_attached_when_the_same_folder_is_extracted_again(tmp_path, store, sample):
    store.reject(by_key(sample, ADVANCE), "a rumour", who="Lina")
    copy = tmp_path / "articles"
    shutil.copytree(SAMPLE / "articles", copy)  # another path, another run: the same texts
    again = extract_sample(copy)
    tl = Timeline(again, review=store)
    assert [c.key for c in tl.rejected] == [ADVANCE] and not tl.review.orphans
    assert status(tl, "baghuz_fawqani") == "ISIS"


def test_actions_follow_a_quote_that_better_rules_moved_in_its_sentence(store, sample):
    claim = by_key(sample, ADVANCE)
    store.reject(claim, "a rumour", who="Lina")
    sha = claim.key.split(":")[0]

    def rerun(c):  # the same reading with a quote two words wider on the left
        if c.key != ADVANCE:
            return c
        moved = replace(c, start=c.start - 12)
        return replace(moved, key=claim_key(moved, sha))

    rules_v2 = [rerun(c) for c in sample]
    reviewed = apply_review(rules_v2, store)
    (r,) = [x for x in reviewed.reviews.values() if x.state == "rejected"]
    assert r.key != ADVANCE and r.moved_from == [ADVANCE] and not reviewed.orphans
    assert status(Timeline(rules_v2, review=store), "baghuz_fawqani") == "ISIS"


def test_actions_whose_claim_is_gone_are_orphans_never_dropped(store, sample):
    store.reject(by_key(sample, ADVANCE), "a rumour", who="Lina")
    store.confirm("0123456789abcdef:10-20:hajin:control", who="Omar")  # an article not in this corpus
    without = [c for c in sample if c.key != ADVANCE]
    reviewed = apply_review(without, store)
    assert set(reviewed.orphans) == {ADVANCE, "0123456789abcdef:10-20:hajin:control"}
    assert reviewed.claims == without and len(ReviewStore(store.path)) == 2


@pytest.mark.parametrize("bad", [{"date": "2019-13-01"}, {"date": "1850-01-01"}, {"modality": "rumoured"}])
def test_edits_outside_the_vocabulary_are_refused(store, bad):
    from guard.errors import BadInput

    with pytest.raises(BadInput):
        store.edit(ADVANCE, bad, who="Lina")
