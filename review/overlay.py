"""The review laid over extracted claims: what the map uses once analysts have had their say.

:func:`apply_review` takes the claims of a run and the actions of a
:class:`~review.store.ReviewStore` and returns a :class:`Reviewed`:

- a rejected claim leaves the claims (it is kept in ``rejected``, with its history);
- an edited claim carries its new values (``review_state == "edited"``); the
  claim as extracted is kept in its :class:`ClaimReview`;
- a claim added by hand counts like an extracted one (``"added"``);
- a confirmed claim is marked (``"confirmed"``); a note changes nothing.

The last of a claim's confirm, reject and edit actions decides; edits add up,
later values over earlier ones; an ``undo`` takes an action back (an undo can
be undone too). ``reviewed_by`` names who made the decisions in force.

Re-attachment
    Actions name a claim by its key (article content hash, quote span, place,
    kind). When better rules move the quote, the old key is gone: the actions
    go to the claim of the same article, place and kind whose sentence holds
    the old quote (the nearest, if several). Actions whose claim no longer
    appears at all are ``orphans``: listed, never dropped.

Examples
--------
>>> reviewed = apply_review(read_claims("claims.jsonl"), ReviewStore())   # doctest: +SKIP
>>> len(reviewed.claims), len(reviewed.rejected), len(reviewed.orphans)   # doctest: +SKIP
(412, 3, 0)
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from extract.claim import DATE, KEY, PRECISION, REVIEW_STATE, REVIEWED_BY, UNREVIEWED, Claim
from review.store import ADD, CONFIRM, DECISIONS, EDIT, REJECT, UNDO, Action, ReviewStore

__all__ = ["ADDED", "CONFIRMED", "EDITED", "REJECTED", "REVIEWED", "ClaimReview", "Reviewed", "apply_review",
           "in_force", "parse_key"]

CONFIRMED, EDITED, ADDED, REJECTED = "confirmed", "edited", "added", "rejected"
REVIEWED = (CONFIRMED, EDITED, ADDED)  # what "reviewed only" keeps
_KEY = re.compile(r"^(?P<article>.+):(?P<start>\d+)-(?P<end>\d+):(?P<place>[^:~]+):(?P<kind>[a-z]+)(?:~[\w-]+)*$")
_NEAR = 200  # characters: without sentence bounds, a moved quote is looked for this close to where it was


def parse_key(key: str) -> tuple[str, int, int, str, str] | None:
    """``(article sha, start, end, place, kind)`` of a claim key, or None for another string.

    Examples
    --------
    >>> parse_key("f2d807253ed7450b:0-18:hajin:control")
    ('f2d807253ed7450b', 0, 18, 'hajin', 'control')
    """
    m = _KEY.match(key or "")
    if m is None:
        return None
    return m["article"], int(m["start"]), int(m["end"]), m["place"], m["kind"]


@dataclass
class ClaimReview:
    """What review did to one claim.

    Parameters
    ----------
    key : str
        The claim's key in this run.
    state : str
        ``unreviewed`` (notes only), ``confirmed``, ``edited``, ``added`` or ``rejected``.
    reviewed_by : str
        Who made the decisions in force, comma-separated.
    actions : list of Action
        Its whole history, oldest first, undone actions included.
    undone : set of str
        Ids of the actions that an undo took back.
    original : Claim or None
        The claim as extracted (None for a claim added by hand).
    claim : Claim or None
        The claim as the map uses it (None for an added claim that was undone).
    moved_from : list of str
        Keys the actions were recorded under, when they were re-attached.
    """

    key: str
    state: str = UNREVIEWED
    reviewed_by: str = ""
    actions: list[Action] = field(default_factory=list)
    undone: set[str] = field(default_factory=set)
    original: Claim | None = None
    claim: Claim | None = None
    moved_from: list[str] = field(default_factory=list)

    @property
    def last_decision(self) -> Action | None:
        """The newest confirm, reject, edit or add still in force (what an undo button takes back)."""
        return next((a for a in reversed(self.actions) if a.action in DECISIONS and a.id not in self.undone), None)


@dataclass
class Reviewed:
    """Claims after review, and everything review said about them.

    Parameters
    ----------
    claims : list of Claim
        What the map uses: extracted claims (edited where edited, rejected ones
        left out), then claims added by hand, oldest first.
    rejected : list of Claim
        Claims rejected in review, as they were shown when rejected.
    reviews : dict of str to ClaimReview
        Every claim with at least one action, by its key in this run.
    orphans : dict of str to list of Action
        Actions whose claim no longer appears, by the key they were recorded under.
    """

    claims: list[Claim]
    rejected: list[Claim] = field(default_factory=list)
    reviews: dict[str, ClaimReview] = field(default_factory=dict)
    orphans: dict[str, list[Action]] = field(default_factory=dict)

    def review_of(self, claim: Claim | str) -> ClaimReview | None:
        """The review of a claim (or key), or None when nobody acted on it."""
        return self.reviews.get(claim.key if isinstance(claim, Claim) else claim)


def in_force(actions: list[Action]) -> set[str]:
    """Ids of the actions no undo took back (an undo taken back restores its target).

    Parameters
    ----------
    actions : list of Action
        Oldest first.
    """
    undoers: dict[str, list[str]] = defaultdict(list)
    for a in actions:
        if a.action == UNDO:
            undoers[a.target].append(a.id)
    live: set[str] = set()
    for a in reversed(actions):  # an undo comes after its target: decided before it
        if not any(u in live for u in undoers.get(a.id, ())):
            live.add(a.id)
    return live


def _reattach(key: str, group: list[Action], index: dict[tuple, list[Claim]]) -> Claim | None:
    """The claim that stands where ``key``'s claim stood: same article, place and kind, in the same sentence."""
    parsed = parse_key(key)
    if parsed is None:
        return None
    article, start, end, place, kind = parsed
    snap = next((a.original for a in group if a.original), None) or {}
    s0, s1 = int(snap.get("sentence_start") or 0), int(snap.get("sentence_end") or 0)
    best = None
    for c in index.get((article, place, kind), []):
        if snap and (c.actor, c.change) != (snap.get("actor"), snap.get("change")):
            continue  # another reading of the sentence, not this claim moved
        if c.sentence_end > c.sentence_start:
            near = c.sentence_start <= start < c.sentence_end or c.sentence_start < end <= c.sentence_end
        else:
            near = abs(c.start - start) <= _NEAR
        if s1 > s0:  # the old sentence is known: the same sentence
            near = near or (c.sentence_start, c.sentence_end) == (s0, s1)
        if near:
            d = abs(c.start - start) + abs(c.end - end)
            if best is None or d < best[0]:
                best = (d, c)
    return best[1] if best else None


def apply_review(claims: Iterable[Claim], store: ReviewStore | Iterable[Action]) -> Reviewed:
    """Claims after the review in ``store`` (a :class:`ReviewStore` or its actions, oldest first).

    Returns
    -------
    Reviewed
        ``claims`` for the map, ``rejected``, ``reviews`` by key and ``orphans``.
    """
    claims = list(claims)
    actions = store.actions() if isinstance(store, ReviewStore) else list(store)
    live = in_force(actions)
    by_key: dict[str, Claim] = {}
    index: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        by_key.setdefault(c.key, c)
        parsed = parse_key(c.key)
        if parsed is not None:
            index[parsed[0], parsed[3], parsed[4]].append(c)
    groups: dict[str, list[Action]] = defaultdict(list)
    for a in actions:
        groups[a.claim].append(a)
    reviews: dict[str, ClaimReview] = {}
    orphans: dict[str, list[Action]] = {}
    added: list[str] = []
    for key, group in groups.items():
        if key in by_key:
            target = by_key[key]
        elif any(a.action == ADD for a in group):
            target = None
            added.append(key)
        else:
            target = _reattach(key, group, index)
            if target is None:
                orphans[key] = group
                continue
        r = reviews.setdefault(target.key if target else key, ClaimReview(target.key if target else key,
                                                                          original=target))
        r.actions.extend(group)
        if target is not None and target.key != key:
            r.moved_from.append(key)
    order = {a.id: k for k, a in enumerate(actions)}
    for r in reviews.values():
        r.actions.sort(key=lambda a: order[a.id])
        r.undone = {a.id for a in r.actions if a.id not in live}
        _decide(r)
    out, used = [], set()
    for c in claims:
        if c.key in reviews and c.key not in used:  # a key given twice: the first claim carries the review
            used.add(c.key)
            c = reviews[c.key].claim
        if c.review_state != REJECTED:
            out.append(c)
    out += [reviews[k].claim for k in added if reviews[k].state == ADDED]
    rejected = [r.claim for r in reviews.values() if r.state == REJECTED and r.claim is not None]
    return Reviewed(out, rejected, reviews, orphans)


def _decide(r: ClaimReview) -> None:
    """Set the state, reviewers and claim of one review from its actions in force."""
    add = next((a for a in r.actions if a.action == ADD), None)
    if add is not None and r.original is None:
        r.original = Claim.from_dict(add.fields)
    fields, decision, who = {}, None, []
    for a in r.actions:
        if a.id in r.undone:
            continue
        if a.action == EDIT:
            fields.update(a.fields)
        if a.action in DECISIONS:
            decision = a.action
            if a.who not in who:
                who.append(a.who)
    if add is not None and add.id in r.undone:
        state = REJECTED  # an addition taken back leaves the map like a rejected claim
    else:
        state = (REJECTED if decision == REJECT else ADDED if add is not None else EDITED if fields
                 else CONFIRMED if decision == CONFIRM else UNREVIEWED)
    r.state, r.reviewed_by = state, ", ".join(who)
    r.claim = _with(r.original, fields, state, r.reviewed_by) if r.original is not None else None


def _with(c: Claim, fields: dict, state: str, who: str) -> Claim:
    d = {**c.to_dict(), **fields, KEY: c.key, REVIEW_STATE: state, REVIEWED_BY: who}
    if DATE in fields:
        d[PRECISION] = None  # computed from the new window
    return Claim.from_dict(d)

