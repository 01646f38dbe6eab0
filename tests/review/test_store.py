"""The review store on real SQLite files: actions kept, never deleted, safe under crashes and concurrent writers."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from review import Action, ReviewStore
from review.store import new_action_id
from tests.review.conftest import ADVANCE

ROOT = os.fspath(__import__("pathlib").Path(__file__).resolve().parents[2])


def test_every_kind_of_action_is_kept_with_who_when_and_why(store, sample):
    claim = next(c for c in sample if c.key == ADVANCE)
    rejected = store.reject(claim, "the local sources are a rumour", who="Lina")
    store.note(claim, "ask the Deir ez-Zor desk", who="Omar")
    store.edit(claim, {"extent": "outskirts", "date": "2019-01-12..2019-01-16"}, who="Omar", why="only the fields")
    store.undo(rejected.id, who="Lina", why="the desk confirms it")
    history = store.history(claim)
    assert [a.action for a in history] == ["reject", "note", "edit", "undo"]
    assert [a.who for a in history] == ["Lina", "Omar", "Omar", "Lina"]
    assert history[0].why == "the local sources are a rumour" and history[-1].target == rejected.id
    assert history[0].original["quote"] == claim.quote  # the claim as it was shown is kept
    assert history[2].fields == {"extent": "outskirts", "date": {"earliest": "2019-01-12", "latest": "2019-01-16",
                                                                 "basis": "review"}}
    assert all(a.at.endswith("+00:00") for a in history)
    assert store.integrity() == "ok"
    db = sqlite3.connect(store.path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_nothing_is_ever_deleted_or_changed(store):
    store.confirm("f2d807253ed7450b:0-18:hajin:control", who="Lina")
    db = sqlite3.connect(store.path)
    with pytest.raises(sqlite3.DatabaseError, match="never deleted"):
        db.execute("DELETE FROM actions")
    with pytest.raises(sqlite3.DatabaseError, match="never changed"):
        db.execute("UPDATE actions SET who = 'someone else'")
    assert len(store) == 1


def test_bad_actions_say_what_to_give(store):
    from guard.errors import BadInput

    with pytest.raises(BadInput, match="reason is empty"):
        store.reject("f2d807253ed7450b:0-18:hajin:control", "  ", who="Lina")
    with pytest.raises(BadInput, match="name is empty"):
        store.confirm("f2d807253ed7450b:0-18:hajin:control", who="")
    with pytest.raises(BadInput, match="not in the gazetteer"):
        store.edit("f2d807253ed7450b:0-18:hajin:control", {"place": "atlantis"}, who="Lina")
    with pytest.raises(BadInput, match="actor 'ISIL' is not one of"):
        store.edit("f2d807253ed7450b:0-18:hajin:control", {"actor": "ISIL"}, who="Lina")
    with pytest.raises(BadInput, match="cannot edit quote"):
        store.edit("f2d807253ed7450b:0-18:hajin:control", {"quote": "x"}, who="Lina")
    with pytest.raises(BadInput, match="no review action"):
        store.undo(new_action_id(), who="Lina")
    assert len(store) == 0


def test_a_file_that_is_not_a_store_is_refused(tmp_path):
    from guard.errors import BadInput

    junk = tmp_path / "notes.sqlite"
    junk.write_bytes(b"these are not the droids" * 100)
    with pytest.raises(BadInput, match="not a review store"):
        ReviewStore(junk)
    with pytest.raises(BadInput, match="no review store there"):
        ReviewStore(tmp_path / "typo.sqlite", create=False)
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE gps (lat, lon)")
    with pytest.raises(BadInput, match="something else"):
        ReviewStore(other)
    newer = tmp_path / "newer.sqlite"
    sqlite3.connect(newer).execute("PRAGMA user_version = 99")
    with pytest.raises(BadInput, match="newer Frontline"):
        ReviewStore(newer)


def test_import_of_the_same_export_twice_adds_nothing_the_second_time(tmp_path, sample):
    a = ReviewStore(tmp_path / "lina.sqlite")
    for c in sample[:5]:
        a.confirm(c, who="Lina")
    a.reject(sample[5], "wrong village", who="Lina")
    export = tmp_path / "lina.jsonl"
    assert a.export_jsonl(export) == 6
    b = ReviewStore(tmp_path / "omar.sqlite")
    b.note(sample[0], "seen", who="Omar")
    assert b.import_jsonl(export) == 6
    assert b.import_jsonl(export) == 0
    assert len(b) == 7
    # Merging back the other way: each side ends with the same actions, ids and all.
    b.export_jsonl(tmp_path / "omar.jsonl")
    assert a.import_jsonl(tmp_path / "omar.jsonl") == 1
    assert {x.id for x in a.actions()} == {x.id for x in b.actions()}
    assert [x.to_dict() for x in a.actions()] == [x.to_dict() for x in b.actions()]


def test_a_bad_import_line_imports_nothing(tmp_path, store):
    from guard.errors import BadInput

    good = Action("confirm", "f2d807253ed7450b:0-18:hajin:control", "Lina").to_dict()
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(good) + "\n" + json.dumps({**good, "id": new_action_id(), "action": "delete"}) + "\n",
                    encoding="utf-8")
    with pytest.raises(BadInput, match="line 2: review action 'delete' is not one of"):
        store.import_jsonl(path)
    assert len(store) == 0


# A writer that records actions one transaction each and says so only once each is committed.
WRITER = textwrap.dedent("""
    import sys
    from review import ReviewStore
    store = ReviewStore(sys.argv[1])
    for i in range(100_000):
        a = store.note("f2d807253ed7450b:0-18:hajin:control", f"note {i}", who="writer")
        print(a.id, flush=True)
""")


def test_a_writer_killed_mid_batch_loses_no_committed_action(tmp_path):
    path = tmp_path / "review.sqlite"
    ReviewStore(path).close()
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    committed = [proc.stdout.readline().strip() for _ in range(300)]
    os.kill(proc.pid, signal.SIGKILL)
    committed += proc.stdout.read().split()  # what it printed before it died was committed too
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    store = ReviewStore(path)
    ids = {a.id for a in store.actions()}
    assert set(committed) <= ids and len(ids) >= 300
    assert store.integrity() == "ok"
    store.note("f2d807253ed7450b:0-18:hajin:control", "after the crash", who="Lina")  # still writable
    assert len(store) == len(ids) + 1


def test_an_import_killed_midway_is_all_or_nothing(tmp_path):
    path, export = tmp_path / "review.sqlite", tmp_path / "big.jsonl"
    with open(export, "w", encoding="utf-8") as f:
        for i in range(30_000):
            f.write(json.dumps(Action("note", f"f2d807253ed7450b:{i}-{i + 9}:hajin:control", "Lina",
                                      f"note {i}").to_dict()) + "\n")
    ReviewStore(path).close()
    code = "import sys; from review import ReviewStore; print('go', flush=True); ReviewStore(sys.argv[1]).import_jsonl(sys.argv[2])"
    proc = subprocess.Popen([sys.executable, "-c", code, str(path), str(export)], cwd=ROOT, stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout.readline().strip() == "go"
    wal = path.with_name(path.name + "-wal")
    deadline = time.time() + 60
    # Kill it once the transaction is spilling pages into the WAL: halfway through writing.
    while time.time() < deadline and proc.poll() is None and not (wal.exists() and wal.stat().st_size > 1_000_000):
        time.sleep(0.005)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    store = ReviewStore(path)
    assert len(store) in (0, 30_000)
    assert store.integrity() == "ok"


MANY = textwrap.dedent("""
    import sys
    from review import ReviewStore
    path, who = sys.argv[1:]
    store = ReviewStore(path)
    for i in range(1000):
        store.note(f"f2d807253ed7450b:{i}-{i + 5}:hajin:control", f"{who} {i}", who=who)
""")


def test_two_processes_writing_1000_actions_each_lose_none(tmp_path):
    path = tmp_path / "review.sqlite"
    ReviewStore(path).close()
    # Two interpreters, as two analysts' apps would be, each action its own transaction.
    procs = [subprocess.Popen([sys.executable, "-c", MANY, str(path), who], cwd=ROOT) for who in ("Lina", "Omar")]
    for p in procs:
        assert p.wait(timeout=300) == 0
    store = ReviewStore(path)
    actions = store.actions()
    assert len(actions) == 2000 and len({a.id for a in actions}) == 2000
    for who in ("Lina", "Omar"):
        assert sorted(a.why for a in actions if a.who == who) == sorted(f"{who} {i}" for i in range(1000))
    assert store.integrity() == "ok"
