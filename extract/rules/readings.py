"""Readings: for each cue mode, where its places and its doer are found.

One function per mode of :class:`extract.rules.cues.Cue`; :data:`READERS`
maps the mode to it. Each returns a :class:`Reading` (or None when the cue has
no place or, for control, no doer), and names the rules it followed.
"""

from __future__ import annotations

from typing import NamedTuple

from extract.rules import targets as tg
from extract.rules.actors import actor_after, actor_before, actor_in_hands, first_actor
from extract.rules.cues import Cue
from extract.rules.doc import Doc, Hit
from extract.rules.params import CONFIDENCE, WINDOW
from extract.rules.sentences import Sentence

__all__ = ["READERS", "Reading", "read"]


class Reading(NamedTuple):
    """What a cue says: about which places, by whom, read from which tokens, how surely."""

    targets: list[int]          # mention indices
    actor: Hit | None
    extent_span: tuple[int, int]  # token range read for the extent
    confidence: float
    rules: tuple[str, ...]      # target and actor rule ids


def _forward(doc: Doc, cue: Cue, sent: Sentence, prev: Sentence | None) -> Reading | None:
    i = cue.i
    cue_a, cue_b = doc.tstart[i], doc.tend[i]
    relative = tg.relative_before(doc, i, sent) and bool(tg._PRONOUN_OBJECT.match(doc.tword[i]))
    targets, zone_end = ([], cue_b) if relative else tg.forward(doc, cue, sent)
    confidence, rule = CONFIDENCE["object"], "target.object"
    if targets:
        extent_span = (i, doc.tok_at(doc.mentions[targets[0]].norm_start) + 1)
    elif cue.mode == "forward":
        targets, confidence, rule = tg.fallback_targets(doc, cue, sent, prev, zone_end)
        extent_span = (i, min(sent.t1, i + WINDOW["extent_after_cue"]))
    if not targets:
        return None
    first = doc.mentions[targets[0]]
    if first.norm_start < cue_a:  # pointed back (relative clause, anaphor)
        # بعد طرد داعش منها / التي كان استعادها: the doer is the sentence's subject.
        if i > sent.t0 and doc.tword[i - 1] in ("بعد", "وبعد", "عقب"):
            # بعد انسحاب مسلحي داعش منها: the doer follows, unless it is the object (طرد داعش)
            actor = actor_after(doc, cue_b, doc.end_of(i + 4, sent) + 1) or first_actor(doc, sent)
        else:
            actor = first_actor(doc, sent) if tg.relative_before(doc, i, sent) else None
        actor = actor or actor_after(doc, cue_b, doc.end_of(i + 3, sent) + 1)
        actor = actor or actor_before(doc, cue_a, sent.start)
    else:
        actor = actor_after(doc, cue_b, min(first.norm_start, doc.end_of(i + WINDOW["subject_after_cue"], sent)))
        actor = actor or actor_before(doc, cue_a, sent.start)
    return Reading(targets, actor, extent_span, confidence, (rule,))


def _post(doc: Doc, cue: Cue, sent: Sentence, prev: Sentence | None) -> Reading | None:
    i = cue.i
    actor = actor_after(doc, doc.tend[i], doc.end_of(i + WINDOW["subject_after_post"], sent) + 1, agent_only=False)
    k = tg.antecedent(doc, i, sent)
    if k is not None:
        return Reading([k], actor, (doc.tok_at(doc.mentions[k].norm_end), i + 1), CONFIDENCE["object"],
                       ("target.antecedent",))
    targets, confidence, rule = tg.post_fallback(doc, i, sent, prev, actor)
    if not targets:
        return None
    return Reading(targets, actor, (max(sent.t0, i - 6), i + 1), confidence, (rule,))


def _subject(doc: Doc, cue: Cue, sent: Sentence, prev: Sentence | None) -> Reading | None:
    """الباغوز تحررت / سقطت بلدة السوسة بيد داعش: the place is the subject."""
    i = cue.i
    k = tg.antecedent(doc, i, sent)
    if k is not None:
        targets, floor_pos, rule = [k], doc.mentions[k].norm_start, "target.antecedent"
    else:
        targets, _ = tg.forward(doc, cue, sent)
        floor_pos, rule = doc.tstart[i], "target.object"
    if not targets:
        return None
    actor = actor_in_hands(doc, i, sent) or actor_before(doc, floor_pos, sent.start) or first_actor(doc, sent)
    return Reading(targets, actor, (i, min(sent.t1, i + 3)), CONFIDENCE["object"], (rule,))


def _entered(doc: Doc, cue: Cue, sent: Sentence, prev: Sentence | None) -> Reading | None:
    """دخلت قسد بلدة هجين: the doer stands next to the verb."""
    i = cue.i
    targets, _ = tg.forward(doc, cue, sent)
    if not targets:
        return None
    before = actor_before(doc, doc.tstart[i], sent.start)
    if before is not None and doc.tok_at(before.end) >= i - 1:
        actor = before  # قسد تدخل الشعفة
    else:
        first = doc.mentions[targets[0]].norm_start
        actor = actor_after(doc, doc.tend[i], min(first, doc.end_of(i + WINDOW["subject_after_entered"], sent) + 1))
    return Reading(targets, actor, (i, doc.tok_at(doc.mentions[targets[0]].norm_start) + 1), CONFIDENCE["object"],
                   ("target.object",))


def _confine(doc: Doc, cue: Cue, sent: Sentence, prev: Sentence | None) -> Reading | None:
    """لتحصر التنظيم في بلدة الباغوز ... مثل السفافنة: the actor after the verb is inside."""
    i = cue.i
    actor = actor_after(doc, doc.tend[i], doc.end_of(i + 3, sent) + 1, agent_only=False)
    targets, _ = tg.forward(doc, cue, sent)
    if not targets:
        return None
    last = doc.mentions[targets[-1]].norm_end
    more = [k for k in tg.list_targets(doc, doc.tok_at(last) - 1, sent) if k not in targets]
    return Reading(targets + more, actor, (i, i + 1), CONFIDENCE["confined"], ("target.object",))


def _list(doc: Doc, cue: Cue, sent: Sentence, prev: Sentence | None) -> Reading | None:
    i = cue.i
    actor = actor_after(doc, doc.tend[i], doc.end_of(i + WINDOW["owner_after_list"], sent) + 1, agent_only=False)
    if actor is None and doc.tword[i].endswith(("ه", "ها", "هم")):
        actor = actor_before(doc, doc.tstart[i], sent.start)  # معاقله: the owner was named before
    targets = tg.list_targets(doc, i, sent)
    if not targets:
        return None
    return Reading(targets, actor, (i, i + 1), CONFIDENCE["list"], ("target.list",))


READERS = {
    "forward": _forward, "event": _forward, "post": _post, "subject": _subject, "entered": _entered,
    "confine": _confine, "list": _list,
}


def read(doc: Doc, cue: Cue, sent: Sentence, prev: Sentence | None) -> Reading | None:
    """The reading of ``cue`` by the reader of its mode."""
    return READERS[cue.mode](doc, cue, sent, prev)

