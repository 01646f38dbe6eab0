"""``frontline review list | history | confirm | reject | edit | add | note | undo | export | import | check``.

A claim is named by its key (shown in each story of the map, in the events
CSV and by ``frontline review list --claims claims.jsonl``); with
``--claims FILE`` its id from that file works too, and the claim as extracted
is kept with the action. Who acts is ``--by NAME``, else ``$FRONTLINE_REVIEWER``,
else the login name.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from extract.claim import ACTORS, CHANGES, EXTENTS, KINDS, MODALITIES, Claim
from extract.io import read_claims
from guard.errors import BadInput
from guard.files import refuse_overwriting
from review.edits import new_claim
from review.overlay import Reviewed, apply_review, in_force, parse_key
from review.store import DEFAULT_PATH, Action, ReviewStore

__all__ = ["register", "reviewer"]

ENV_REVIEWER = "FRONTLINE_REVIEWER"


def reviewer(name: str | None = None) -> str:
    """Who is acting: ``name``, else ``$FRONTLINE_REVIEWER``, else the login name."""
    if name and name.strip():
        return name.strip()
    if os.environ.get(ENV_REVIEWER, "").strip():
        return os.environ[ENV_REVIEWER].strip()
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        raise BadInput(f"cannot tell who you are: give --by NAME or set {ENV_REVIEWER}") from None


def _store_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--review", type=Path, default=DEFAULT_PATH, metavar="PATH",
                   help=f"the review store (default {DEFAULT_PATH})")


def _claims_arg(p: argparse.ArgumentParser, what: str) -> None:
    p.add_argument("--claims", type=Path, metavar="FILE", help=f"claims.jsonl from 'frontline extract': {what}")


def _act_args(p: argparse.ArgumentParser, *, claim: bool = True) -> None:
    if claim:
        p.add_argument("claim", metavar="CLAIM", help="the claim's key (or its id, with --claims)")
        _claims_arg(p, "find CLAIM by id too, and keep the claim as extracted with the action")
    p.add_argument("--by", metavar="NAME", help=f"who acts (default ${ENV_REVIEWER} or your login name)")
    _store_arg(p)


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``review`` and its commands to a parser."""
    r = sub.add_parser("review", help="correct, confirm or add claims; corrections persist in a SQLite store",
                       description=__doc__.split("\n\n", 1)[1].replace("``", ""), formatter_class=argparse.RawDescriptionHelpFormatter)
    rsub = r.add_subparsers(dest="review_command", required=True)

    ls = rsub.add_parser("list", help="reviewed claims: state, key, reviewers, summary; orphans last")
    _claims_arg(ls, "review its claims (actions whose claim is not there are listed as orphans)")
    ls.add_argument("--state", choices=("unreviewed", "confirmed", "edited", "added", "rejected"),
                    help="only claims in this state")
    ls.add_argument("--orphans", action="store_true", help="only actions whose claim no longer appears")
    _store_arg(ls)
    ls.set_defaults(func=_list)

    h = rsub.add_parser("history", help="every action on one claim, oldest first")
    h.add_argument("claim", metavar="CLAIM")
    _claims_arg(h, "find CLAIM by id too, and include actions re-attached from an older key")
    _store_arg(h)
    h.set_defaults(func=_history)

    c = rsub.add_parser("confirm", help="the claim is right")
    _act_args(c)
    c.add_argument("--why", default="", help="why (optional)")
    c.set_defaults(func=_confirm)

    j = rsub.add_parser("reject", help="the claim is wrong: it leaves the map")
    _act_args(j)
    j.add_argument("--reason", required=True, help="why it is wrong")
    j.set_defaults(func=_reject)

    e = rsub.add_parser("edit", help="correct some of the claim's fields (the original is kept)")
    _act_args(e)
    _field_args(e)
    e.add_argument("--why", default="", help="why (optional)")
    e.set_defaults(func=_edit)

    a = rsub.add_parser("add", help="add a claim by hand, with its evidence")
    _act_args(a, claim=False)
    a.add_argument("--place", required=True, help="gazetteer id or English name")
    a.add_argument("--kind", default="control", choices=KINDS)
    a.add_argument("--actor", choices=ACTORS)
    a.add_argument("--change", choices=CHANGES)
    a.add_argument("--extent", choices=EXTENTS)
    a.add_argument("--modality", default="asserted", choices=MODALITIES)
    a.add_argument("--source", required=True, help="who said it ('outlet' for the outlet's own voice)")
    a.add_argument("--outlet", help="who published it")
    a.add_argument("--url", help="where (http or https)")
    a.add_argument("--quote", required=True, help="the words that say it")
    a.add_argument("--date", required=True, help="YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD")
    a.add_argument("--why", default="", help="why it was missing (optional)")
    a.set_defaults(func=_add)

    n = rsub.add_parser("note", help="a note on the claim (its state does not change)")
    _act_args(n)
    n.add_argument("text", help="the note")
    n.set_defaults(func=_note)

    u = rsub.add_parser("undo", help="take back an action (see 'history' for ids); an undo can be undone")
    u.add_argument("action", metavar="ACTION_ID")
    _act_args(u, claim=False)
    u.add_argument("--why", default="", help="why (optional)")
    u.set_defaults(func=_undo)

    x = rsub.add_parser("export", help="every action as JSON lines, to merge into another store")
    x.add_argument("-o", "--output", type=Path, required=True, help="a .jsonl file")
    _store_arg(x)
    x.set_defaults(func=_export)

    i = rsub.add_parser("import", help="add the actions of an export (again: adds nothing)")
    i.add_argument("file", type=Path, help="a .jsonl file from 'frontline review export'")
    _store_arg(i)
    i.set_defaults(func=_import)

    k = rsub.add_parser("check", help="SQLite's integrity check and the number of actions")
    _store_arg(k)
    k.set_defaults(func=_check)


def _field_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--place", help="gazetteer id or English name")
    p.add_argument("--actor", choices=(*ACTORS, "none"))
    p.add_argument("--change", choices=CHANGES)
    p.add_argument("--extent", choices=(*EXTENTS, "none"))
    p.add_argument("--modality", choices=MODALITIES)
    p.add_argument("--source", dest="attributed_to", metavar="NAME",
                   help="who said it ('outlet' for the outlet's own voice)")
    p.add_argument("--date", help="YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD")


# ------------------------------------------------------------------ claims
def _is_key(text: str) -> bool:
    parsed = parse_key(text)
    if text.startswith("added:"):
        return True
    return parsed is not None and parsed[4] in KINDS and len(parsed[0]) == 16 and all(
        ch in "0123456789abcdef" for ch in parsed[0])


def _find(text: str, claims: list[Claim], path: Path) -> Claim | str:
    for attr in ("key", "id"):
        hits = [c for c in claims if getattr(c, attr) == text]
        if hits:
            return hits[0]
    if text.startswith("added:"):
        return text
    raise BadInput(f"no claim with key or id {text!r} in {path}; keys are in each story of the map and in the "
                   "events CSV (claim_key)")


def _claim(args) -> Claim | str:
    text = args.claim.strip()
    if args.claims is not None:
        return _find(text, read_claims(args.claims), args.claims)
    if not _is_key(text):
        raise BadInput(f"{text!r} is not a claim key (<article sha>:<start>-<end>:<place>:<kind>); give "
                       "--claims claims.jsonl to find a claim by its id")
    return text


def _open(args, *, create: bool = False) -> ReviewStore:
    return ReviewStore(args.review, create=create)


def _said(action: Action, store: ReviewStore) -> int:
    print(f"recorded {action.action} of {action.claim} by {action.who} ({action.id}) in {store.path}",
          file=sys.stderr)
    return 0


def _on_claim(args, act: str, *what, **why) -> int:
    """One decision about the claim ``--claim`` names: ``store.<act>(claim, *what, who=..., **why)``."""
    claim = _claim(args)
    store = _open(args, create=True)
    return _said(getattr(store, act)(claim, *what, who=reviewer(args.by), **why), store)


def _confirm(args) -> int:
    return _on_claim(args, "confirm", why=args.why)


def _reject(args) -> int:
    return _on_claim(args, "reject", args.reason)


def _edit(args) -> int:
    changes = {k: getattr(args, k) for k in ("place", "actor", "change", "extent", "modality", "attributed_to",
                                             "date") if getattr(args, k) is not None}
    if not changes:
        raise BadInput("say what to change: --place, --actor, --change, --extent, --modality, --source or --date")
    return _on_claim(args, "edit", changes, why=args.why)


def _add(args) -> int:
    store = _open(args, create=True)
    claim = new_claim(place=args.place, quote=args.quote, date=args.date, source=args.source, kind=args.kind,
                      actor=args.actor, change=args.change, extent=args.extent, modality=args.modality,
                      outlet=args.outlet, url=args.url, gazetteer=store.gazetteer)
    action = store.add(claim, who=reviewer(args.by), why=args.why)
    print(action.claim)  # the new claim's key, for later actions on it
    return _said(action, store)


def _note(args) -> int:
    return _on_claim(args, "note", args.text)


def _undo(args) -> int:
    store = _open(args)
    return _said(store.undo(args.action, who=reviewer(args.by), why=args.why), store)


# ------------------------------------------------------------------ reading
def _reviewed(args, store: ReviewStore) -> Reviewed:
    """The review over ``--claims``, else over the claims as they were when acted on."""
    if args.claims is not None:
        return apply_review(read_claims(args.claims), store)
    actions = store.actions()
    seen: dict[str, Claim] = {}
    for a in actions:
        if a.original and a.claim not in seen:
            seen[a.claim] = Claim.from_dict({**a.original, "key": a.claim})
    return apply_review(list(seen.values()), actions)


def _line(*cells) -> str:
    # One record a line: tabs and newlines inside a cell (a quote, a reason) must not split it.
    return "\t".join(" ".join(str(c if c is not None else "").split()) for c in cells)


def _list(args) -> int:
    store = _open(args)
    reviewed = _reviewed(args, store)
    if not args.orphans:
        for key, r in sorted(reviewed.reviews.items(), key=lambda kv: kv[1].actions[-1].at, reverse=True):
            if args.state and r.state != args.state:
                continue
            claim = r.claim or r.original
            print(_line(r.state, key, r.reviewed_by, claim.summary() if claim else "(claim not at hand)"))
    if not args.state:
        for key, actions in reviewed.orphans.items():
            last = actions[-1]
            what = "claim no longer extracted" if args.claims is not None else "claim not at hand (give --claims)"
            print(_line("orphan", key, last.who, f"{len(actions)} actions, last {last.action} {last.when}; {what}"))
    print(f"{len(store)} actions in {store.path}; {len(reviewed.reviews)} claims reviewed, "
          f"{len(reviewed.orphans)} orphaned", file=sys.stderr)
    return 0


def _history(args) -> int:
    store = _open(args)
    text = args.claim.strip()
    if args.claims is not None:
        claims = read_claims(args.claims)
        found = _find(text, claims, args.claims)
        key = found.key if isinstance(found, Claim) else found
        reviewed = apply_review(claims, store)
        r = reviewed.review_of(key)
        actions, undone = (r.actions, r.undone) if r else (reviewed.orphans.get(key, []), set())
    else:
        everything = store.actions()
        actions = [a for a in everything if a.claim == text]
        live = in_force(everything)
        undone = {a.id for a in actions if a.id not in live}
    if not actions:
        print(f"no review actions on {text}", file=sys.stderr)
        return 1
    for a in actions:
        what = ", ".join(f"{k}={v}" for k, v in (a.fields or {}).items()) if a.action == "edit" else (
            f"of {a.target}" if a.action == "undo" else "")
        print(_line(a.when, a.who, a.action, what, a.why, "undone" if a.id in undone else "", a.id))
    return 0


def _export(args) -> int:
    store = _open(args)
    refuse_overwriting(args.output, [args.review])
    n = store.export_jsonl(args.output)
    print(f"wrote {n} actions to {args.output}", file=sys.stderr)
    return 0


def _import(args) -> int:
    store = _open(args, create=True)
    before = len(store)
    n = store.import_jsonl(args.file)
    print(f"imported {n} new actions from {args.file} ({before} before, {len(store)} now)", file=sys.stderr)
    return 0


def _check(args) -> int:
    store = _open(args)
    result = store.integrity()
    print(f"{store.path}: {result}; {len(store)} actions")
    return 0 if result == "ok" else 1
