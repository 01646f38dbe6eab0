"""The review store: every analyst action on a claim, kept in SQLite, never deleted.

An analyst who sees a wrong colour corrects the claim behind it. Each
correction is an :class:`Action` (confirm, reject, edit, add, note, undo) with
who, when and why, written in its own transaction to a SQLite file
(``.frontline/review.sqlite`` by default) in WAL mode, so several people can
review at once and a crash loses nothing that was committed. Nothing is ever
deleted or changed (triggers refuse it): an action is undone by a later
``undo`` action, and the history of a claim is its list of actions.

Actions name a claim by its :attr:`~extract.claim.Claim.key` (article content
hash, quote span, place, kind), so they survive re-extraction; see
:func:`review.overlay.apply_review` for how they are applied to claims.

Actions have stable ids: :meth:`ReviewStore.export_jsonl` and
:meth:`ReviewStore.import_jsonl` move them between stores, and importing the
same file twice adds nothing the second time.

Examples
--------
>>> store = ReviewStore("review.sqlite")                          # doctest: +SKIP
>>> store.reject(claim, "the village is Hajin's namesake in Raqqa", who="Lina")  # doctest: +SKIP
>>> [a.action for a in store.history(claim.key)]                  # doctest: +SKIP
['reject']
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import threading
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

from extract.claim import Claim
from guard.errors import BadInput
from guard.files import atomic_write
from guard.text import replace_surrogates

__all__ = [
    "ACTIONS", "ADD", "CONFIRM", "DECISIONS", "DEFAULT_PATH", "EDIT", "NOTE", "REJECT", "UNDO", "Action",
    "ReviewStore", "new_action_id",
]

CONFIRM, REJECT, EDIT, ADD, NOTE, UNDO = "confirm", "reject", "edit", "add", "note", "undo"
ACTIONS = (CONFIRM, REJECT, EDIT, ADD, NOTE, UNDO)
DECISIONS = (CONFIRM, REJECT, EDIT, ADD)  # what sets a claim's review state (a note does not)
DEFAULT_PATH = Path(".frontline") / "review.sqlite"
SCHEMA = 1

# Column names of the actions table and keys of an exported action.
ID, ACTION, CLAIM, WHO, AT, WHY, FIELDS, TARGET, ORIGINAL = (
    "id", "action", "claim", "who", "at", "why", "fields", "target", "original")
COLUMNS = (ID, ACTION, CLAIM, WHO, AT, WHY, FIELDS, TARGET, ORIGINAL)

_MAX_WHO, _MAX_WHY, _MAX_KEY = 100, 4000, 300
_ID = re.compile(r"^[0-9a-f]{32}$")
_DDL = f"""
CREATE TABLE IF NOT EXISTS actions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,  -- order of arrival in this store
    id TEXT NOT NULL UNIQUE,                -- the same in every store: export and import match on it
    action TEXT NOT NULL CHECK (action IN ({", ".join(repr(a) for a in ACTIONS)})),
    claim TEXT NOT NULL,                    -- the claim's key
    who TEXT NOT NULL CHECK (length(who) > 0),
    at TEXT NOT NULL,                       -- UTC, ISO 8601 with microseconds: sorts as text
    why TEXT NOT NULL DEFAULT '',
    fields TEXT,                            -- JSON: an edit's new values, or the added claim
    target TEXT,                            -- undo: the id of the action undone
    original TEXT                           -- JSON: the claim as it was shown when acted on
);
CREATE INDEX IF NOT EXISTS actions_claim ON actions(claim);
CREATE INDEX IF NOT EXISTS actions_at ON actions(at, seq);
CREATE TRIGGER IF NOT EXISTS actions_never_change BEFORE UPDATE ON actions
BEGIN SELECT RAISE(ABORT, 'review actions are never changed: record a new action'); END;
CREATE TRIGGER IF NOT EXISTS actions_never_deleted BEFORE DELETE ON actions
BEGIN SELECT RAISE(ABORT, 'review actions are never deleted: undo one with a new action'); END;
"""


def new_action_id() -> str:
    """A fresh action id: 32 hex digits (a random UUID)."""
    return uuid.uuid4().hex


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def _text(value, what: str, limit: int, *, required: bool = False) -> str:
    text = "" if value is None else replace_surrogates(str(value))[0].strip()  # SQLite stores UTF-8 only
    if required and not text:
        raise BadInput(f"{what} is empty; give one")
    if len(text) > limit:
        raise BadInput(f"{what} is {len(text)} characters long; keep it under {limit}")
    return text


@dataclass(frozen=True)
class Action:
    """One analyst action on one claim.

    Parameters
    ----------
    action : str
        One of :data:`ACTIONS`.
    claim : str
        The key of the claim acted on (``added:<id>`` for a claim added by hand).
    who : str
        The analyst's name.
    why : str
        The reason (required to reject), or the note's text.
    fields : dict or None
        An edit's new values (see :data:`review.edits.EDITABLE`), or the whole added claim.
    target : str or None
        For ``undo``: the id of the action undone.
    original : dict or None
        The claim as it was shown when acted on (``Claim.to_dict``), kept with the action.
    id : str
        32 hex digits, the same in every store the action is copied to.
    at : str
        When, in UTC (ISO 8601).
    """

    action: str
    claim: str
    who: str
    why: str = ""
    fields: dict | None = None
    target: str | None = None
    original: dict | None = None
    id: str = field(default_factory=new_action_id)
    at: str = field(default_factory=_now)

    def __post_init__(self) -> None:
        if self.action not in ACTIONS:
            raise BadInput(f"review action {self.action!r} is not one of: {', '.join(ACTIONS)}")
        object.__setattr__(self, WHO, _text(self.who, "the reviewer's name", _MAX_WHO, required=True))
        object.__setattr__(self, WHY, _text(self.why, "the reason" if self.action == REJECT else "the note",
                                            _MAX_WHY, required=self.action in (REJECT, NOTE)))
        object.__setattr__(self, CLAIM, _text(self.claim, "the claim key", _MAX_KEY, required=True))
        if not _ID.match(str(self.id)):
            raise BadInput(f"action id {self.id!r} is not 32 hex digits")
        try:
            when = datetime.fromisoformat(str(self.at))
        except ValueError:
            raise BadInput(f"action time {self.at!r} is not an ISO 8601 date and time") from None
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        object.__setattr__(self, AT, when.astimezone(timezone.utc).isoformat(timespec="microseconds"))
        if self.action in (EDIT, ADD) and not (isinstance(self.fields, dict) and self.fields):
            raise BadInput(f"a review {self.action} needs the fields it sets")
        if self.action == UNDO and not _ID.match(str(self.target or "")):
            raise BadInput("an undo needs the id of the action it undoes (32 hex digits)")
        if self.action == ADD:
            try:
                Claim.from_dict(self.fields)
            except (TypeError, ValueError, KeyError, AttributeError) as exc:
                raise BadInput(f"the added claim cannot be read ({exc.__class__.__name__}: {exc})") from None

    @property
    def when(self) -> str:
        """The time to show: ``2026-11-05 14:03 UTC``."""
        return self.at[:16].replace("T", " ") + " UTC"

    def to_dict(self) -> dict:
        """A JSON-ready dict with the keys of :data:`COLUMNS` (one line of an export)."""
        return {k: getattr(self, k) for k in COLUMNS}

    @classmethod
    def from_dict(cls, d: Mapping) -> Action:
        """Read an action back (from an export line or a database row); checks every field.

        Raises
        ------
        BadInput
            Saying which field is wrong.
        """
        if not isinstance(d, Mapping):
            raise BadInput("a review action is a JSON object")
        kw = {k: d.get(k) for k in COLUMNS}
        for k in (FIELDS, ORIGINAL):
            if isinstance(kw[k], str):
                kw[k] = json.loads(kw[k])
            if kw[k] is not None and not isinstance(kw[k], dict):
                raise BadInput(f"the {k} of a review action is a JSON object")
        for k in (ID, ACTION, CLAIM, WHO, AT):
            if not isinstance(kw[k], str):
                raise BadInput(f"a review action needs {k} as text")
        kw[WHY] = kw[WHY] or ""
        return cls(**kw)


class ReviewStore:
    """Analyst actions on claims, in a SQLite file.

    Parameters
    ----------
    path : str or Path
        The database file (default ``.frontline/review.sqlite``); created with
        its folder when missing, unless ``create`` is False.
    create : bool
        False to refuse a path where no store exists (a mistyped ``--review``).
    timeout : float
        Seconds to wait for another writer before giving up.
    gazetteer : Gazetteer, optional
        To check and complete the places of edits and added claims (default: the bundled one).

    Raises
    ------
    BadInput
        When the file is not a review store, was made by a newer Frontline, or
        cannot be created.

    Notes
    -----
    Each action is one ``BEGIN IMMEDIATE`` transaction; with WAL,
    ``synchronous=FULL`` and a busy timeout, several processes and browser
    sessions can write at once without losing an action, and a process killed
    mid-write leaves every committed action in place.
    """

    def __init__(self, path: str | Path = DEFAULT_PATH, *, create: bool = True, timeout: float = 30.0,
                 gazetteer=None) -> None:
        self.path = Path(path)
        self.timeout = float(timeout)
        self._gazetteer = gazetteer
        self._local = threading.local()
        if self.path.is_dir():
            raise BadInput(f"{self.path}: is a folder; give the path of a review store file (.sqlite)")
        if not self.path.exists():
            if not create:
                raise BadInput(f"{self.path}: no review store there; check the path, or record an action with "
                               "'frontline review' to create one")
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise BadInput(f"{self.path}: cannot create its folder ({exc.strerror or exc}); choose another "
                               "review store path") from None
        self._setup()

    def __repr__(self) -> str:
        return f"ReviewStore({str(self.path)!r})"

    # ------------------------------------------------------------ connection
    def _db(self) -> sqlite3.Connection:
        """This thread's connection (Streamlit runs each session in its own thread; forks get their own)."""
        db = getattr(self._local, "db", None)
        if db is None or self._local.pid != os.getpid():
            try:
                db = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
                db.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
                db.execute("PRAGMA journal_mode = WAL")
                db.execute("PRAGMA synchronous = FULL")  # a committed action survives a crash of the machine too
            except sqlite3.DatabaseError as exc:
                raise BadInput(f"{self.path}: not a review store ({exc}); choose another review store path") from None
            self._local.db, self._local.pid = db, os.getpid()
        return db

    def close(self) -> None:
        """Close this thread's connection (a later call opens a new one)."""
        db = getattr(self._local, "db", None)
        if db is not None and self._local.pid == os.getpid():
            db.close()
        self._local.db = None

    def __enter__(self) -> ReviewStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        db = self._db()
        try:
            db.execute("BEGIN IMMEDIATE")  # take the write lock now: no deadlock upgrading a read
        except sqlite3.DatabaseError as exc:
            raise BadInput(f"{self.path}: cannot write the review store ({exc}); check the file") from None
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    def _setup(self) -> None:
        try:
            version = self._db().execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise BadInput(f"{self.path}: not a review store ({exc}); choose another review store path") from None
        if version > SCHEMA:
            raise BadInput(f"{self.path}: made by a newer Frontline (schema {version}); upgrade Frontline")
        if version == SCHEMA:
            return
        with self._write() as db:
            if db.execute("PRAGMA user_version").fetchone()[0] == 0:  # another process may have just made it
                tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
                if tables - {"actions", "sqlite_sequence"}:
                    raise BadInput(f"{self.path}: an SQLite file of something else; choose another review store path")
                for statement in _DDL.split(";\n"):
                    if statement.strip():
                        db.execute(statement)
                db.execute(f"PRAGMA user_version = {SCHEMA}")

    # --------------------------------------------------------------- writing
    def record(self, action: Action) -> bool:
        """Write one action in its own transaction. Returns False when an action with its id is already there.

        An undo names the claim of the action it undoes.

        Raises
        ------
        BadInput
            For an undo of an action that is not in the store.
        """
        with self._write() as db:
            if action.action == UNDO:
                row = db.execute("SELECT claim FROM actions WHERE id = ?", (action.target,)).fetchone()
                if row is None:
                    raise BadInput(f"no review action {action.target} to undo; see 'frontline review history'")
                if row[0] != action.claim:
                    action = Action(**{**action.to_dict(), CLAIM: row[0]})
            return _insert(db, action)

    def confirm(self, claim: Claim | str, *, who: str, why: str = "", id: str | None = None) -> Action:
        """Record that ``claim`` (a Claim or its key) is right."""
        return self._act(CONFIRM, claim, who=who, why=why, id=id)

    def reject(self, claim: Claim | str, reason: str, *, who: str, id: str | None = None) -> Action:
        """Record that ``claim`` is wrong, and why: it leaves the map."""
        return self._act(REJECT, claim, who=who, why=reason, id=id)

    def note(self, claim: Claim | str, text: str, *, who: str, id: str | None = None) -> Action:
        """Record a note on ``claim``; its review state does not change."""
        return self._act(NOTE, claim, who=who, why=text, id=id)

    def edit(self, claim: Claim | str, changes: Mapping, *, who: str, why: str = "", id: str | None = None) -> Action:
        """Record new values for some of a claim's fields; the claim as extracted is kept.

        Parameters
        ----------
        changes : mapping
            Any of place, actor, change, extent, modality, attributed_to, date
            (see :func:`review.edits.clean_changes`).

        Examples
        --------
        >>> store.edit(claim, {"change": "advanced", "extent": "part"}, who="Lina", why="only the outskirts")  # doctest: +SKIP
        """
        from review.edits import clean_changes

        return self._act(EDIT, claim, who=who, why=why, id=id, fields=clean_changes(changes, self.gazetteer))

    def add(self, claim: Claim, *, who: str, why: str = "", id: str | None = None) -> Action:
        """Record a claim added by hand (see :func:`review.edits.new_claim`); it counts like an extracted one."""
        aid = id or new_action_id()
        key = f"added:{aid}"
        claim = replace(claim, id=key, key=key)
        return self._act(ADD, key, who=who, why=why, id=aid, fields=claim.to_dict())

    def undo(self, action_id: str, *, who: str, why: str = "", id: str | None = None) -> Action:
        """Undo an earlier action (an undo can be undone too)."""
        row = self._db().execute("SELECT claim FROM actions WHERE id = ?", (str(action_id).strip(),)).fetchone()
        if row is None:
            raise BadInput(f"no review action {action_id} to undo; see 'frontline review history'")
        return self._act(UNDO, row[0], who=who, why=why, id=id, target=str(action_id).strip())

    def _act(self, kind: str, claim: Claim | str, *, who: str, why: str, id: str | None, fields: dict | None = None,
             target: str | None = None) -> Action:
        key, original = (claim.key, claim.to_dict()) if isinstance(claim, Claim) else (str(claim), None)
        action = Action(kind, key, who, why, fields, target, original, **({ID: id} if id else {}))
        self.record(action)
        return action

    @property
    def gazetteer(self):
        """The gazetteer places are checked against."""
        if self._gazetteer is None:
            from gazetteer import load

            self._gazetteer = load()
        return self._gazetteer

    # --------------------------------------------------------------- reading
    def actions(self, claim: str | None = None) -> list[Action]:
        """Every action (or those on one claim key), oldest first."""
        sql = f"SELECT {', '.join(COLUMNS)} FROM actions"
        rows = (self._db().execute(sql + " WHERE claim = ? ORDER BY at, seq", (claim,)) if claim is not None
                else self._db().execute(sql + " ORDER BY at, seq"))
        return [Action.from_dict(dict(zip(COLUMNS, r, strict=True))) for r in rows]

    def history(self, claim: Claim | str) -> list[Action]:
        """The actions on one claim, oldest first (see also ``Reviewed.reviews`` for re-attached ones)."""
        return self.actions(claim.key if isinstance(claim, Claim) else str(claim))

    def get(self, action_id: str) -> Action | None:
        """One action by id, or None."""
        row = self._db().execute(f"SELECT {', '.join(COLUMNS)} FROM actions WHERE id = ?", (action_id,)).fetchone()
        return Action.from_dict(dict(zip(COLUMNS, row, strict=True))) if row else None

    def __len__(self) -> int:
        return self._db().execute("SELECT count(*) FROM actions").fetchone()[0]

    def version(self) -> tuple[int, int]:
        """(number of actions, last sequence number): changes whenever anyone records an action."""
        n, last = self._db().execute("SELECT count(*), coalesce(max(seq), 0) FROM actions").fetchone()
        return int(n), int(last)

    def integrity(self) -> str:
        """SQLite's ``PRAGMA integrity_check``: ``"ok"`` for a sound file."""
        return "; ".join(r[0] for r in self._db().execute("PRAGMA integrity_check"))

    # ------------------------------------------------------- export / import
    def export_jsonl(self, path: str | Path) -> int:
        """Write every action as JSON lines, oldest first (all or nothing). Returns how many."""
        actions = self.actions()
        with atomic_write(path) as f:
            for a in actions:
                try:
                    f.write(json.dumps(a.to_dict(), ensure_ascii=False) + "\n")
                except UnicodeEncodeError:  # a lone surrogate in a quote: escaped, still valid JSON
                    f.write(json.dumps(a.to_dict()) + "\n")
        return len(actions)

    def import_jsonl(self, path: str | Path) -> int:
        """Add the actions of an export that this store does not have yet, in one transaction.

        Returns how many were new: importing the same file again adds nothing.

        Raises
        ------
        BadInput
            Naming the file and line of a record that is not a review action;
            then nothing is imported.
        """
        path = Path(path)
        actions = []
        try:
            with open(path, encoding="utf-8-sig") as f:
                for i, line in enumerate(f, start=1):
                    if not line.strip():
                        continue
                    try:
                        actions.append(Action.from_dict(json.loads(line)))
                    except (json.JSONDecodeError, RecursionError) as exc:
                        raise BadInput(f"{path}, line {i}: not JSON ({exc}); give a file from "
                                       "'frontline review export'") from None
                    except BadInput as exc:
                        raise BadInput(f"{path}, line {i}: {exc}") from None
        except OSError as exc:
            raise BadInput(f"{path}: cannot read ({exc.strerror or exc})") from None
        except UnicodeDecodeError as exc:
            raise BadInput(f"{path}: not UTF-8 ({exc.reason}); give a file from 'frontline review export'") from None
        with self._write() as db:
            return sum(_insert(db, a) for a in actions)


def _insert(db: sqlite3.Connection, a: Action) -> bool:
    def dump(v):  # escaped: a lone surrogate in a quote cannot be stored as UTF-8
        return None if v is None else json.dumps(v)

    cur = db.execute(f"INSERT OR IGNORE INTO actions ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})",
                     (a.id, a.action, a.claim, a.who, a.at, a.why, dump(a.fields), a.target, dump(a.original)))
    return cur.rowcount == 1
