"""Actors: who did it.

Rules
-----
``actor.subject``
    The subject after the verb (استعاد تنظيم داعش)، or the owner after a noun
    (تحت سيطرة «قسد»، تقدم لـ«قسد»).
``actor.before``
    Else the nearest actor before the cue in its sentence that is not a target.
``actor.target``
    Never the doer: an actor after على/ضد/مواقع/حساب or an attack noun
    (هجوماً على قوات سوريا الديمقراطية), looking past generic heads (قوات، عناصر).
``actor.supporter``
    Never the doer: a supporter (بدعم من التحالف).
``actor.in_relative``
    Never the doer of a later clause: an actor inside a relative clause that closed before the cue.
``actor.in_hands``
    After بيد / في يد / بقبضة the actor now holds the place (سقطت ... بيد داعش).
"""

from __future__ import annotations

from bisect import bisect_left

from extract import lexicon as lx
from extract.rules.doc import Doc, Hit, in_set
from extract.rules.params import WINDOW
from extract.rules.sentences import Sentence

__all__ = ["actor_after", "actor_before", "actor_in_hands", "first_actor", "is_target"]


def is_target(doc: Doc, a: Hit) -> bool:
    """``actor.target`` / ``actor.supporter``: the actor is acted upon or supports, not the doer."""
    ti = bisect_left(doc.tstart, a.start)
    word = doc.s[a.start:a.end]
    if word.startswith(("علي", "ضد")):
        return True
    for k in range(ti - 1, max(-1, ti - 1 - WINDOW["target_marker_back"]), -1):
        w = doc.tword[k]
        if w in lx.TARGET_MARKERS or w in lx.ATTACK_NOUNS:
            return True
        # قوات «قسد»، نقاط لقسد: look past the head noun the actor's name hangs on; a nominative head
        # (مسلحو، مقاتلو) is a subject: طرد مسلحو داعش القوات = ISIS expelled, not expelled.
        if (w not in lx.ACTOR_HEADS and not in_set(w, lx.SITE_WORDS)) or w.endswith("و"):
            break
    return any(w in lx.SUPPORT for w in doc.tword[max(0, ti - WINDOW["support_back"]):ti])


def actor_after(doc: Doc, pos: int, limit: int, *, agent_only: bool = True) -> Hit | None:
    """The first actor in characters [pos, limit) — that is not a target, with ``agent_only``."""
    k = bisect_left(doc.astart, pos)
    while k < len(doc.actors) and doc.actors[k].start < limit:
        a = doc.actors[k]
        if not agent_only or not is_target(doc, a):
            return a
        k += 1
    return None


def actor_before(doc: Doc, pos: int, floor: int) -> Hit | None:
    """``actor.before``: the nearest actor before ``pos`` (down to ``floor``) that is not a target,
    nor inside a relative clause between the subject and ``pos`` (``actor.in_relative``)."""
    k = bisect_left(doc.astart, pos) - 1
    while k >= 0 and doc.actors[k].start >= floor:
        a = doc.actors[k]
        if not is_target(doc, a) and not _in_relative(doc, a, pos):
            return a
        k -= 1
    return None


def _in_relative(doc: Doc, a: Hit, pos: int) -> bool:
    """الباغوز، التي يسيطر عليها التنظيم، مع تقدم ...: the actor belongs to a relative clause (no comma
    or new clause between the relative word and the actor) that closed (a comma) before ``pos``."""
    t = doc.tok_at(a.start)
    rel = None
    for j in range(t - 1, max(-1, t - 11), -1):
        if doc.tword[j] in lx.RELATIVE and doc.tword[j] != "ما":
            rel = j
            break
        if doc.tword[j] in lx.CLAUSE_OPENERS:
            return False
    if rel is None or "،" in doc.s[doc.tend[rel]:a.start] or "," in doc.s[doc.tend[rel]:a.start]:
        return False
    return "،" in doc.s[a.end:pos] or "," in doc.s[a.end:pos]


def first_actor(doc: Doc, sent: Sentence) -> Hit | None:
    """The sentence's first actor that is not a target: its subject, as a rule."""
    return actor_after(doc, sent.start, sent.end)


def actor_by_agent(doc: Doc, i: int, sent: Sentence) -> Hit | None:
    """``actor.agent``: the actor after على يد / على أيدي / من قبل in the cue's clause: who did it,
    whatever stands next to the verb (طرد التنظيم منها على يد قسد؛ تمت السيطرة عليها من قبل قسد)."""
    cues = set(doc.cues_in(i + 1, min(sent.t1, i + WINDOW["agent_ahead"])))
    for j in range(i + 1, min(sent.t1 - 1, i + WINDOW["agent_ahead"])):
        # في ظل القصف من قبل التحالف: an agent of another deed, after another cue or a new phrase.
        if doc.tword[j] in lx.STOP or j in cues or in_set(doc.tword[j], lx.CONCURRENT) or doc.tword[j] == "ظل":
            return None
        if (doc.tword[j], doc.tword[j + 1]) in lx.AGENT_MARKERS:
            a = actor_after(doc, doc.tend[j + 1], doc.end_of(j + 4, sent) + 1, agent_only=False)
            if a is not None and doc.tok_at(a.start) <= j + 3:
                return a
    return None


def actor_in_hands(doc: Doc, i: int, sent: Sentence) -> Hit | None:
    """``actor.in_hands``: the actor after بيد / في يد / بقبضة following the cue, if any."""
    for j in range(i + 1, min(sent.t1, i + WINDOW["hands_ahead"])):
        if doc.tword[j] in lx.HANDS or (doc.tword[j] == "يد" and j > i + 1):
            return actor_after(doc, doc.tend[j], doc.end_of(j + WINDOW["hands_owner"], sent) + 1, agent_only=False)
    return None
