"""Readings: for each cue mode, where its places and its doer are found.

One function per mode of :class:`extract.rules.cues.Cue`; :data:`READERS`
maps the mode to it. Each returns a :class:`Reading` (or None when the cue has
no place), and names the rules it followed. Besides the doer's claim a reading
may carry *also* claims by other actors on the same places: the expelled
withdrew (``also.expelled``), the receiver of a handed-over place took it
(``also.receiver``), the besieger advanced (``also.besieger``).

Rules
-----
``actor.descriptive_owner``
    An owner hung by ل on a noun that is not the cue only describes (سيطرت على آخر جيب لتنظيم داعش):
    it is not the doer.
``actor.coordinated``
    Actors joined by و share the deed (قوات النظام وميليشيات الحشد الشعبي حاصرت ...).
``actor.previous``
    A verb with no subject in its sentence takes the last doer named before, whose gender
    agrees with the verb (قسد ... وتقدمت), or the last-named actor for الأخيرة; after a generic
    force noun (الوحدات، القوات، الأرتال) the verb agrees with that noun, so any gender will do.
``actor.same_head``
    A generic force noun as the subject (الميليشيات، القوات) refers back to the last actor named with that
    head noun (ميليشيات أسد، قوات النظام), else to the last actor credited with a deed.
``target.coordinated_before``
    A ``post`` cue after a list takes the whole list (بلدة السوسة وقرية الشعفة وبلدة هجين الخاضعة لسيطرة ...).
``target.concurrent``
    A cue noun after وسط/مع/بعد/إثر with no place of its own happens at the place of its clause
    (دخلت قسد بلدة مركدة وسط انسحاب التنظيم).
``target.witnessed``
    A cue noun that is the object of شهد (witnessed) with no place of its own happened at the
    places that witnessed it (وشهدت قرى الشعفة والسوسة انسحاب عناصر التنظيم باتجاه الباغوز).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from extract import lexicon as lx
from extract.rules import targets as tg
from extract.rules.actors import actor_after, actor_before, actor_by_agent, actor_in_hands, first_actor, is_target
from extract.rules.cues import Cue, blocked, cue_at
from extract.rules.doc import Doc, Hit, in_set
from extract.rules.params import CONFIDENCE, WINDOW
from extract.rules.sentences import Sentence

__all__ = ["READERS", "Reading", "read"]

_NOT_LETTERS = re.compile(r"[^\w]+")
_WORD = re.compile(r"\w+")
# A cue noun with a possessive suffix: سيطرته، تقدمها، انسحابهم (not a verb: سيطرت، تقدمت).
_POSSESSIVE = re.compile(r"[وفب]?(?:ال)?(?:سيطرت|تقدم|انسحاب|توغل|دخول|استعادت|تحرير)(?:ه|ها|هم|هما)")


class Reading(NamedTuple):
    """What a cue says: about which places, by whom, read from which tokens, how surely."""

    targets: list[int]            # mention indices
    actors: list[Hit]             # the doers (coordinated actors share the deed); empty if none found
    extent_span: tuple[int, int]  # token range read for the extent (of every place; see extractor._extent_of)
    confidence: float
    rules: tuple[str, ...]        # target and actor rule ids
    also: tuple[tuple[Hit, str, str], ...] = ()  # (actor, change, rule id): other actors' claims on the targets
    change: str | None = None     # the change the doer's claim makes, when it is not the cue's own
    extent: str | None = None     # the extent when no word says it: part for shared control (cue.shared)


# ------------------------------------------------------------------ helpers
def _descriptive_owner(doc: Doc, a: Hit, cue_i: int) -> bool:
    """``actor.descriptive_owner``: لتنظيم داعش after a noun other than the cue."""
    prefix = doc.ex.actor_matcher.prefix_of(doc.s[a.start:a.end])
    return prefix.endswith("ل") and doc.tok_at(a.start) - 1 != cue_i


def _subject_after(doc: Doc, cue_i: int, pos: int, limit: int) -> Hit | None:
    """The first actor after the cue that is neither a target nor a descriptive owner."""
    skipped: Hit | None = None
    while True:
        a = actor_after(doc, pos, limit)
        if a is None:
            return None
        # لتنظيم «داعش»: a name split by quotes is still the owner just skipped
        glued = skipped is not None and not _NOT_LETTERS.sub("", doc.s[skipped.end:a.start])
        if not (_descriptive_owner(doc, a, cue_i) or glued):
            return a
        skipped, pos = a, a.end


def coordinated(doc: Doc, a: Hit) -> list[Hit]:
    """``actor.coordinated``: ``a`` and the actors joined to it by و, one per actor code.

    The و may stand alone or on the next name, with a head noun between (قوات النظام وميليشيات «الحشد»).
    """
    def joined(left: Hit, right: Hit) -> bool:
        letters = _NOT_LETTERS.sub("", doc.s[left.end:right.start])
        return (letters == "" and doc.s[right.start] == "و") or letters == "و" or (
            letters.startswith("و") and letters[1:] in lx.ACTOR_HEADS | lx.MILITIA_HEADS)

    out = [a]
    k = bisect_right(doc.astart, a.start)
    while k < len(doc.actors) and joined(out[-1], doc.actors[k]):
        out.append(doc.actors[k])
        k += 1
    k = bisect_right(doc.astart, a.start) - 2
    while k >= 0 and joined(doc.actors[k], out[0]):
        out.insert(0, doc.actors[k])
        k -= 1
    seen: set[str] = set()
    return [h for h in out if not (h.key in seen or seen.add(h.key))]


def _feminine(doc: Doc, a: Hit) -> bool | None:
    first = doc.s[a.start:a.end].split()[0]
    first = first[1:] if first[:1] in "وفبل" and len(first) > 3 and in_set(first[1:], lx.FEMININE_HEADS) else first
    if in_set(first, lx.FEMININE_HEADS):
        return True
    if first in ("داعش",):  # both genders in use
        return None
    return False


def _verb_feminine(word: str) -> bool | None:
    """The gender a third-person verb marks: تقدمت، تتقدم → feminine; تقدم، يتقدم → masculine."""
    w = word[1:] if word[:1] in "وف" and len(word) > 3 else word
    if w.endswith(("وا", "ون")):
        return None
    # تحرير، تطهير: a verbal noun (تفعيل), no gender; not a feminine present.
    if len(w) == 5 and w.startswith("ت") and w[3] == "ي":
        return None
    if w.endswith("ت") or w.startswith("ت"):
        return True
    if w.startswith("ي"):
        return False
    return None


def _previous_doer(doc: Doc, i: int, sent: Sentence, prev: Sentence | None) -> tuple[Hit | None, str]:
    """``actor.previous``: the last doer named before token i (this sentence or the previous one)
    whose gender agrees with the cue verb; the last-named actor for الأخيرة."""
    latter = any(w in lx.LATTER for w in doc.tword[i + 1:min(sent.t1, i + 3)])
    floor = prev.start if prev is not None and sent.para - prev.para <= 1 else sent.start
    word = doc.tword[i]
    if _POSSESSIVE.fullmatch(word):
        want = True if word.endswith("ها") else None if word.endswith(("هم", "هما")) else False
    else:
        want = None if latter else _verb_feminine(word)
        if want is None and not latter and word.startswith(("ال", "وال")):
            # وتمكنت ... من السيطرة على: a verbal noun takes the gender of the verb that governs it.
            gov = next((doc.tword[j] for j in range(i - 1, max(sent.t0, i - 6) - 1, -1)
                        if in_set(doc.tword[j], lx.ENABLING_VERBS)), None)
            want = _verb_feminine(gov) if gov else None
    # وتواصل الوحدات العسكرية تقدمها: the verb agrees with a generic force noun (units, columns, forces),
    # not with the party it stands for.
    generic = [w for w in doc.tword[max(sent.t0, i - 4):i] if w in lx.GENERIC_FORCES]
    if generic:
        want = None
    candidates: list[Hit] = []
    pos = doc.tstart[i]
    while (a := actor_before(doc, pos, floor)) is not None:
        candidates.append(a)
        pos = a.start
    if not candidates:
        return None, ""
    if generic:
        a = _same_head(doc, generic[-1], candidates)
        if a is not None:
            return a, "actor.same_head"
    agree = [a for a in candidates if want is None or _feminine(doc, a) in (None, want)]
    # آخر معقل لتنظيم داعش: an owner hung by ل only describes; the last doer is another actor.
    agree = [a for a in agree if not _descriptive_owner(doc, a, -1)] or agree
    here = [a for a in candidates if a.start >= sent.start]
    # Agreement chooses among candidates; writers do not always agree (انسحابه of قسد), so a lone
    # candidate in the cue's own sentence still stands.
    if agree and (agree[0].start >= sent.start or not here):
        return agree[0], "actor.previous"
    return (here[0], "actor.previous") if here else (None, "")


def _generic_subject(doc: Doc, i: int, sent: Sentence) -> bool:
    """A generic force noun (الميليشيات، القوات) stands right before the verb, no actor named after it."""
    ks = [k for k in range(max(sent.t0, i - 3), i) if doc.tword[k] in lx.GENERIC_FORCES and k not in doc.actor_tokens]
    return bool(ks) and bisect_right(doc.astart, doc.tstart[ks[-1]]) == bisect_right(doc.astart, doc.tstart[i])


def _head_of(word: str) -> str:
    """A force noun without its article or conjunction: الميليشيات → ميليشيات، والقوات → قوات."""
    for p in ("وال", "ال", "و"):
        if word.startswith(p) and len(word) > len(p) + 2:
            return word[len(p):]
    return word


def _same_head(doc: Doc, generic: str, candidates: list[Hit]) -> Hit | None:
    """``actor.same_head``: a generic force noun (الميليشيات، القوات) refers back to the last actor named
    with that head (ميليشيات أسد، قوات النظام); else, to the last actor credited with a deed."""
    head = _head_of(generic)
    for a in candidates:
        words = doc.s[a.start:a.end].split()
        before = doc.tword[doc.tok_at(a.start) - 1] if doc.tok_at(a.start) > 0 else ""
        if head in {_head_of(w) for w in words[:1]} or _head_of(before) == head:
            return a
    return next((a for a in candidates if a.start in doc.doers), None)


def _doer_before(doc: Doc, i: int, sent: Sentence) -> Hit | None:
    """``actor.before``, with agreement: of the actors before the verb in its sentence, the nearest
    whose gender agrees with it (التنظيم ... قسد التي ... بعد أن سيطرت → قسد)."""
    nearest = actor_before(doc, doc.tstart[i], sent.start)
    want = _verb_feminine(doc.tword[i]) if doc.tword[i][:2] != "ال" else None
    if nearest is None or want is None or _feminine(doc, nearest) in (None, want):
        return nearest
    k = bisect_right(doc.astart, doc.tstart[i]) - 1
    while k >= 0 and doc.actors[k].start >= sent.start:
        a = doc.actors[k]
        if not is_target(doc, a) and _feminine(doc, a) in (None, want):
            return a
        k -= 1
    return nearest


def _pronoun_object_after(doc: Doc, i: int, sent: Sentence) -> bool:
    return i + 1 < sent.t1 and doc.tword[i + 1] in lx.PREP_PRONOUNS


def _relative_word(doc: Doc, i: int, sent: Sentence, back: int) -> int | None:
    js = [j for j in range(max(sent.t0, i - back), i) if doc.tword[j] in lx.RELATIVE]
    return js[-1] if js else None


def _actors_of(doc: Doc, a: Hit | None) -> list[Hit]:
    return coordinated(doc, a) if a is not None else []


# ------------------------------------------------------------------ readers
def _forward(doc: Doc, cue: Cue, sent: Sentence, prev: Sentence | None) -> Reading | None:
    i = cue.i
    cue_a, cue_b = doc.tstart[i], doc.tend[i]
    rules: list[str] = []
    # التي كان استعادها / التي سيطرت عليها القوات: the relative clause points back.
    rel = None
    if tg._PRONOUN_OBJECT.match(doc.tword[i]) or _pronoun_object_after(doc, i, sent):
        rel = _relative_word(doc, i, sent, 3 if tg._PRONOUN_OBJECT.match(doc.tword[i]) else 5)
    targets: list[int] = []
    zone_end = cue_b
    confidence, rule = CONFIDENCE["object"], "target.object"
    if rel is not None:
        k = tg.antecedent(doc, rel, sent, relative=True)
        if k is not None:
            k = tg.agreeing(doc, k, rel)
            targets, confidence, rule = tg.group_before(doc, k), CONFIDENCE["relative_clause"], "target.relative_clause"
        elif any(w in lx.COPULA for w in doc.tword[i + 1:min(sent.t1, i + 8)]):  # المناطق التي تراجعت منها قسد هي X و Y
            targets = tg.list_targets(doc, i, sent)
            confidence, rule = CONFIDENCE["list"], "target.list"
    else:
        targets, zone_end = tg.forward(doc, cue, sent)
    if targets:
        extent_span = (i, doc.tok_at(doc.mentions[targets[0]].norm_start) + 1)
    elif cue.mode == "forward":
        targets, confidence, rule = _witnessed(doc, cue, sent)
        if not targets:
            targets, confidence, rule = tg.fallback_targets(doc, cue, sent, prev, zone_end)
        if not targets:
            targets, confidence, rule = _concurrent(doc, cue, sent)
        extent_span = (i, min(sent.t1, i + WINDOW["extent_after_cue"]))
    if not targets:
        return None
    rules.append(rule)
    first = doc.mentions[targets[0]]
    if first.norm_start < cue_a:  # pointed back (relative clause, anaphor)
        # بعد طرد داعش منها / التي كان استعادها: the doer is the sentence's subject.
        if i > sent.t0 and doc.tword[i - 1] in lx.AFTER_WORDS:
            # بعد انسحاب مسلحي داعش منها: the doer follows, unless it is the object (طرد داعش)
            actor = actor_after(doc, cue_b, doc.end_of(i + 4, sent) + 1) or first_actor(doc, sent)
        else:
            # قوات سوريا الديمقراطية، التي بسطت سيطرتها على القرية
            rel_word = rel if rel is not None else \
                _relative_word(doc, i, sent, 3) if tg.relative_before(doc, i, sent) else None
            actor, how = _relative_subject(doc, rel_word, i, sent) if rel_word is not None else (None, "")
            if how:
                rules.append(how)
        actor = actor or actor_after(doc, cue_b, doc.end_of(i + 3, sent) + 1)
        actor = actor or actor_before(doc, cue_a, sent.start)
    else:
        limit = min(first.norm_start, doc.end_of(i + WINDOW["subject_after_cue"], sent))
        if cue.change == "repelled":  # صدت القوات هجوماً لداعش على ...: the actor after the attack attacked
            attack = next((j for j in range(i + 1, doc.tok_at(limit)) if in_set(doc.tword[j], lx.ATTACK_NOUNS)), None)
            if attack is not None:
                limit = min(limit, doc.tstart[attack])
                rules.append("actor.attacker")
        actor = _subject_after(doc, i, cue_b, limit)
        if in_set(doc.tword[i], lx.EXPEL_WORDS):
            # قسد طردت التنظيم من هجين: the actor right before the verb expelled the one after it.
            before = actor_before(doc, cue_a, sent.start)
            if before is not None and doc.tok_at(before.end) >= i - 1:
                actor = before
        if actor is None and _POSSESSIVE.fullmatch(doc.tword[i]):  # تقدمها، سيطرته: the owner named before
            actor, how = _previous_doer(doc, i, sent, prev)
            rules.append("actor.possessive")
        if actor is None and _generic_subject(doc, i, sent):  # لا تزال الميليشيات تسيطر: who they are
            actor, how = _previous_doer(doc, i, sent, prev)
            if how:
                rules.append(how)
        if actor is None:
            actor = _doer_before(doc, i, sent)
    forced, forcer = _forced(doc, i, sent, prev) if cue.change == "withdrew" else (None, None)
    if forced is not None:
        actor = forced
        rules.append("actor.forced")
    agent = actor_by_agent(doc, i, sent) if forced is None else None
    if agent is not None:
        actor = agent
        rules.append("actor.agent")
    if actor is None and cue.mode == "forward":
        actor, how = _previous_doer(doc, i, sent, prev)
        if how:
            rules.append(how)
    also = _expelled(doc, cue, sent, actor) if cue.mode == "forward" else ()
    if forced is not None and forcer is not None and forcer.key != forced.key:
        also += ((forcer, "captured", "also.forcer"),)  # أجبرت قسد التنظيم على الانسحاب من السوسة: قسد took it
    change = None
    expelled = _passive_expel(doc, i, sent) if cue.mode == "forward" else None
    if expelled is not None:  # طُردت قوات النظام من حطلة: who was expelled withdrew; nobody is named taking it
        return Reading(targets, _actors_of(doc, expelled), extent_span, confidence, (*rules, "actor.passive"), (),
                       "withdrew")
    if cue.change == "captured" and first.norm_start > cue_b and _toward(doc, cue_b, first.norm_start):
        change = "advanced"  # سيطرت على 12 كيلومتراً باتجاه قرية صور
        rules.append("change.toward")
    return Reading(targets, _actors_of(doc, actor), extent_span, confidence, tuple(rules), also, change)


_DAMMA = "\u064f"



def _passive_expel(doc: Doc, i: int, sent: Sentence) -> Hit | None:
    """``actor.passive``: طُرد / طُردت (was expelled) — written with its damma, or with no object between
    the verb and من (قوات النظام طردت من البلدة; active طرد needs one: طردت قسد التنظيم من), or with one
    party only between them. The actor expelled: the one before the verb, else the one right after it
    (طُرد عناصر التنظيم من القرية)."""
    w = doc.tword[i]
    if not in_set(w, lx.EXPEL_WORDS) or w.startswith(("ب", "ل")):
        return None
    oa, ob = doc.nt.span(doc.tstart[i], doc.tend[i])
    marked = _DAMMA in doc.nt.original[oa:min(ob, oa + 3)]
    # A verb opens its clause (و/ف on it, قد / كانت / the subject before it); after another word
    # (تعلن طرد التنظيم) it is the verbal noun «the expulsion of».
    prev_w = doc.tword[i - 1] if i > sent.t0 else ""
    opens = i == sent.t0 or w[0] in "وف" or prev_w in lx.VERB_OPENERS or (i - 1) in doc.actor_tokens
    if not (marked or opens):
        return None
    nxt = doc.tword[i + 1] if i + 1 < sent.t1 else ""
    before = actor_before(doc, doc.tstart[i], sent.start)
    if before is not None and doc.tok_at(before.end) < i - 2:
        before = None  # the subject stands right before the verb (قد / كانت between at most)
    if before is not None and (marked or nxt == "من"):
        return before
    after = actor_after(doc, doc.tend[i], doc.end_of(i + 4, sent) + 1, agent_only=False)
    if after is None or marked:
        return after
    # طرد عناصر التنظيم من القرية: one party after the verb, then من — the one expelled (active طرد names two).
    t = doc.tok_at(after.end)
    return after if before is None and nxt != "من" and t < sent.t1 and doc.tword[t] == "من" else None


def _relative_subject(doc: Doc, rel: int, i: int, sent: Sentence) -> tuple[Hit | None, str]:
    """The subject of a relative clause, and the id of the rule that found it when it has one of its own:
    between the relative word and the verb (التي كان الجيش استعادها), else the actor the relative word
    follows (``actor.relative_antecedent``), else after the verb's pronoun object (التي سيطرت عليها القوات
    الحكومية), never one after من (استعادها من التنظيم: the loser), else the sentence's subject."""
    inside = actor_after(doc, doc.tend[rel], doc.tstart[i])
    if inside is not None:
        return inside, ""
    antecedent = _actor_antecedent(doc, rel)
    if antecedent is not None:
        return antecedent, "actor.relative_antecedent"
    pos, limit = doc.tend[i], doc.end_of(i + 4, sent) + 1
    while True:
        a = _subject_after(doc, i, pos, limit)
        if a is None:
            return first_actor(doc, sent), ""
        t = doc.tok_at(a.start)
        if doc.tword[t - 1] not in lx.FROM_WORDS and not doc.tword[t].startswith("من"):
            return a, ""
        pos = a.end


def _actor_antecedent(doc: Doc, rel: int) -> Hit | None:
    """``actor.relative_antecedent``: ... مقاتلي قوات سوريا الديمقراطية، التي بسطت سيطرتها — the actor
    the relative word follows is the subject of its clause."""
    # Any actor, a target too (في صفوف التنظيم الذي انسحب عناصره): the relative word names it.
    k = bisect_right(doc.astart, doc.tstart[rel]) - 1
    if k >= 0 and not doc.s[doc.actors[k].end:doc.tstart[rel]].strip(" ،,«»\"“”()"):
        return doc.actors[k]
    return None


def _inside_capture(doc: Doc, i: int, sent: Sentence, *, also_advance: bool = False, reach: int = 5,
                    real: bool = False) -> bool:
    """``target.state_before``: the cue describes the object of a capture a few words before it (with
    ``real``, a capture that happened: not a goal, a failure or a question)."""
    changes = ("captured", "advanced") if also_advance else ("captured",)
    for j in doc.cues_in(max(sent.t0, i - reach), i):
        other = cue_at(doc, j, sent)
        if other is not None and other.change in changes and other.mode in ("forward", "entered") and \
                not (real and blocked(doc, other, sent)):
            return True
    return False


def _forced(doc: Doc, i: int, sent: Sentence, prev: Sentence | None) -> tuple[Hit | None, Hit | None]:
    """``actor.forced``: أجبرته على الانسحاب، أرغمت التنظيم على التراجع — the forced one withdrew; with
    the one who forced it when named (``also.forcer``): أجبرت قسد التنظيم (verb, forcer, forced), قسد
    أجبرت التنظيم (forcer, verb, forced)."""
    for j in range(i - 1, max(sent.t0, i - WINDOW["forced_back"]) - 1, -1):
        w = doc.tword[j]
        if in_set(w, lx.FORCING_WORDS):
            between = []
            pos = doc.tend[j]
            while (a := actor_after(doc, pos, doc.tstart[i], agent_only=False)) is not None:
                between.append(a)
                pos = a.end
            before = actor_before(doc, doc.tstart[j], sent.start)
            if before is not None and doc.tok_at(before.end) < j - 2:
                before = None  # the forcer stands right before the verb, if anywhere before it
            if len(between) >= 2:
                return between[-1], between[0]
            if between:
                return between[0], before
            if w.endswith(("ه", "ها", "هم")):  # the pronoun: the last actor before the forcing verb that agrees
                want = True if w.endswith("ها") else None if w.endswith("هم") else False
                k = bisect_right(doc.astart, doc.tstart[j]) - 1
                while k >= 0 and doc.actors[k].start >= sent.start:  # targets too: معارك مع التنظيم أجبرته
                    if want is None or _feminine(doc, doc.actors[k]) in (None, want):
                        return doc.actors[k], None
                    k -= 1
            return None, None
    return None, None


def _toward(doc: Doc, a: int, b: int) -> bool:
    """A direction word between the cue and its place: the ground taken lies toward the place.
    Not نحو "about" before a number or a share (على نحو نصف البلدة، نحو 10 كيلومترات)."""
    words = _WORD.findall(doc.s[a:b])
    for k, w in enumerate(words):
        if in_set(w, lx.DESTINATION) and w not in lx.TO_WORDS:
            nxt = words[k + 1] if k + 1 < len(words) else ""
            if w == "نحو" and (nxt.isdigit() or nxt in lx.QUANTITY):
                continue
            return True
    return False



def _expelled(doc: Doc, cue: Cue, sent: Sentence, doer: Hit | None) -> tuple:
    """``also.expelled``: طرد X من Y — X withdrew from Y. X is the first actor after the verb
    that is not its subject (طردت قسد مسلحي داعش من هجين؛ بعد طرد داعش منها)."""
    if not in_set(doc.tword[cue.i], lx.EXPEL_WORDS):
        return ()
    a = actor_after(doc, doc.tend[cue.i], doc.end_of(cue.i + 6, sent) + 1, agent_only=False)
    if a is not None and doer is not None and a.start == doer.start:
        a = actor_after(doc, a.end, doc.end_of(cue.i + 7, sent) + 1, agent_only=False)
    if a is None or (doer is not None and a.key == doer.key):
        return ()
    return ((a, "withdrew", "also.expelled"),)


def _witnessed(doc: Doc, cue: Cue, sent: Sentence) -> tuple[list[int], float, str]:
    """``target.witnessed``: شهدت قرى X وY انسحاب التنظيم — the places that witnessed it."""
    i = cue.i
    for j in range(i - 1, max(sent.t0, i - WINDOW["witness_back"]) - 1, -1):
        if doc.tword[j] in lx.STOP or doc.tword[j] in lx.FOLLOWED_BY:
            break
        if in_set(doc.tword[j], lx.WITNESS):
            places = [k for k in doc.mentions_in(doc.tend[j], doc.tstart[i]) if not doc.locator[k]]
            if places:
                return tg.group_from(doc, places[0], doc.tstart[i]), CONFIDENCE["witnessed"], "target.witnessed"
            break
    return [], 0.0, ""


def _concurrent(doc: Doc, cue: Cue, sent: Sentence) -> tuple[list[int], float, str]:
    """``target.concurrent``: وسط انسحاب التنظيم — the place of the clause it stands in."""
    i = cue.i
    if i == sent.t0 or not in_set(doc.tword[i - 1], lx.CONCURRENT):
        return [], 0.0, ""
    before = [k for k in doc.mentions_in(sent.start, doc.tstart[i]) if not doc.locator[k]]
    if not before:
        return [], 0.0, ""
    return [before[-1]], CONFIDENCE["anaphor_same_sentence"], "target.concurrent"


def _post(doc: Doc, cue: Cue, sent: Sentence, prev: Sentence | None) -> Reading | None:
    i = cue.i
    if _inside_capture(doc, i, sent):  # تحرير المنطقة الواقعة تحت سيطرة داعش: the state before
        return None
    actor = actor_after(doc, doc.tend[i], doc.end_of(i + WINDOW["subject_after_post"], sent) + 1, agent_only=False)
    k = tg.antecedent(doc, i, sent)
    if k is None:  # بلدة الباغوز فوقاني، التي تعد آخر بلدة يسيطر عليها التنظيم
        rel = _relative_word(doc, i, sent, 6)
        k = tg.antecedent(doc, rel, sent) if rel is not None else None
    if k is not None:
        group = tg.group_before(doc, k)
        rules = ("target.antecedent",) if len(group) == 1 else ("target.antecedent", "target.coordinated_before")
        return Reading(group, _actors_of(doc, actor), (doc.tok_at(doc.mentions[k].norm_end), i + 1),
                       CONFIDENCE["object"], rules)
    targets, confidence, rule = tg.post_fallback(doc, i, sent, prev, actor)
    if not targets:
        return None
    return Reading(targets, _actors_of(doc, actor), (max(sent.t0, i - 6), i + 1), confidence, (rule,))


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
    return Reading(targets, _actors_of(doc, actor), (i, min(sent.t1, i + 3)), CONFIDENCE["object"], (rule,))


def _entered(doc: Doc, cue: Cue, sent: Sentence, prev: Sentence | None) -> Reading | None:
    """دخلت قسد بلدة هجين: the doer stands next to the verb."""
    i = cue.i
    targets, zone_end = tg.forward(doc, cue, sent)
    rule, confidence = "target.object", CONFIDENCE["object"]
    if not targets:  # ودخلت قوات النظام إلى المدينة
        targets, confidence, rule = tg.fallback_targets(doc, cue, sent, prev, zone_end)
    if not targets:
        return None
    rules = [rule]
    before = actor_before(doc, doc.tstart[i], sent.start)
    first = doc.mentions[targets[0]].norm_start
    if before is not None and doc.tok_at(before.end) >= i - 1:
        actor = before  # قسد تدخل الشعفة
    else:
        limit = doc.end_of(i + WINDOW["subject_after_entered"], sent) + 1
        actor = actor_after(doc, doc.tend[i], min(first, limit) if first > doc.tend[i] else limit)
    if actor is None:
        actor, how = _previous_doer(doc, i, sent, prev)
        if how:
            rules.append(how)
    return Reading(targets, _actors_of(doc, actor), (i, doc.tok_at(first) + 1), confidence, tuple(rules))


def _confine(doc: Doc, cue: Cue, sent: Sentence, prev: Sentence | None) -> Reading | None:
    """لتحصر التنظيم في بلدة الباغوز ... مثل السفافنة: the actor after the verb is inside;
    the besieger advanced (``also.besieger``)."""
    i = cue.i
    targets, _ = tg.forward(doc, cue, sent)
    if not targets:
        return None
    # حاصرت قوات النظام تنظيم داعش في ...: subject then object; قوات النظام تحاصر التنظيم في ...: object only.
    limit = min(doc.mentions[targets[0]].norm_start, doc.end_of(i + 6, sent) + 1)
    first = actor_after(doc, doc.tend[i], limit, agent_only=False)
    second = actor_after(doc, first.end, limit, agent_only=False) if first is not None else None
    if second is not None and second.key != first.key:
        besieger, held = first, second
    else:
        besieger, held = actor_before(doc, doc.tstart[i], sent.start), first
    last = doc.mentions[targets[-1]].norm_end
    more = [k for k in tg.list_targets(doc, doc.tok_at(last) - 1, sent) if k not in targets]
    also = tuple((a, "advanced", "also.besieger") for a in _actors_of(doc, besieger)
                 if held is None or a.key != held.key)
    return Reading(targets + more, _actors_of(doc, held)[:1], (i, i + 1), CONFIDENCE["confined"], ("target.object",),
                   also)


def _pocket(doc: Doc, cue: Cue, sent: Sentence, prev: Sentence | None) -> Reading | None:
    """آخر جيب لتنظيم داعش في الباغوز؛ قرية الباغوز التي تعد آخر جيب للتنظيم؛ بقايا التنظيم في الباغوز."""
    i = cue.i
    # سيطرت على آخر جيب لداعش: the pocket fell; what it was is not news of who holds it now.
    if _inside_capture(doc, i, sent, also_advance=True):
        return None
    owner = actor_after(doc, doc.tend[i], doc.end_of(i + 4, sent) + 1, agent_only=False)
    # A place right after (في / ب) within a few words, else the place the sentence points back to.
    targets: list[int] = []
    rule = "target.object"
    for k in doc.mentions_in(doc.tend[i], doc.end_of(i + 8, sent) + 1):
        if not doc.locator[k]:
            targets = [k]
            break
    if not targets and doc.tword[i] not in lx.REMNANT_WORDS:  # remnants are where a place after says
        rel = _relative_word(doc, i, sent, 5)
        k = tg.antecedent(doc, rel if rel is not None else i, sent)
        if k is not None:
            targets, rule = tg.group_before(doc, k), "target.antecedent"
    if not targets:
        return None
    # حررت قسد بلدة مركدة جنوبي الحسكة، آخر معقل لداعش: the place said to be the pocket is the object of a
    # capture just before it; the pocket is what it was (target.state_before).
    if rule == "target.antecedent" and _inside_capture(doc, doc.tok_at(doc.mentions[targets[0]].norm_start), sent,
                                                       also_advance=True, real=True):
        return None
    if owner is None:
        owner = actor_before(doc, doc.tstart[i], sent.start)
    return Reading(targets, _actors_of(doc, owner)[:1], (i, i + 1), CONFIDENCE["confined"], (rule,))


def _handed(doc: Doc, cue: Cue, sent: Sentence, prev: Sentence | None) -> Reading | None:
    """سلم التنظيم قوات النظام أحياء / سلم مواقعه لقسد: the giver withdrew, the receiver took the place."""
    i = cue.i
    limit = doc.end_of(i + WINDOW["object_reach"], sent) + 1
    giver = actor_after(doc, doc.tend[i], limit, agent_only=False)
    receiver = actor_after(doc, giver.end, limit, agent_only=False) if giver is not None else None
    if giver is not None and receiver is None:  # سلمت قسد مواقعها: the giver came before?
        before = actor_before(doc, doc.tstart[i], sent.start)
        if before is not None:
            giver, receiver = before, giver
    targets, _ = tg.forward(doc, cue, sent)
    if not targets:
        targets = tg.fallback_targets(doc, cue, sent, prev, doc.tend[i])[0]
    if not targets or giver is None:
        return None
    also = ((receiver, "captured", "also.receiver"),) if receiver is not None else ()
    return Reading(targets, [giver], (i, i + 1), CONFIDENCE["object"], ("target.object",), also)


def _event(doc: Doc, cue: Cue, sent: Sentence, prev: Sentence | None) -> Reading | None:
    """Strikes, shelling, clashes: the places in the cue's reach (the event record finds its actor)."""
    targets, _ = tg.forward(doc, cue, sent)
    return Reading(targets, [], (cue.i, cue.i + 1), CONFIDENCE["event"], ("target.object",)) if targets else None


READERS = {
    "forward": _forward, "event": _event, "post": _post, "subject": _subject, "entered": _entered,
    "confine": _confine, "list": None, "pocket": _pocket, "handed": _handed,
}


def _list(doc: Doc, cue: Cue, sent: Sentence, prev: Sentence | None) -> Reading | None:
    i = cue.i
    actor = actor_after(doc, doc.tend[i], doc.end_of(i + WINDOW["owner_after_list"], sent) + 1, agent_only=False)
    if actor is None and doc.tword[i].endswith(("ه", "ها", "هم")):
        actor = actor_before(doc, doc.tstart[i], sent.start)  # معاقله: the owner was named before
    targets, rule = tg.list_targets(doc, i, sent), "target.list"
    if not targets:
        if _inside_capture(doc, i, sent, reach=WINDOW["predicate_capture_back"]):
            return None  # سيطرت على هجين، أكبر معاقل التنظيم: what it was before the capture
        k = _predicate_place(doc, i, sent)
        if k is None:
            return None
        targets, rule = tg.group_before(doc, k), "target.predicate"
    return Reading(targets, _actors_of(doc, actor)[:1], (i, i + 1), CONFIDENCE["list"], (rule,))


def _predicate_place(doc: Doc, i: int, sent: Sentence) -> int | None:
    """``target.predicate``: the place the stronghold or the area is said of, right before it
    (وتعد بلدة هجين أبرز معاقل التنظيم؛ البوكمال، آخر معقل لداعش؛ تقع الطيانة ضمن مناطق سيطرة قسد)."""
    before = [k for k in doc.mentions_in(sent.start, doc.tstart[i]) if not doc.locator[k]]
    if not before:
        return None
    gap = doc.tword[doc.tok_at(doc.mentions[before[-1]].norm_end):i]
    if len(gap) > WINDOW["predicate_gap"] or not all(
            w in lx.PREDICATE_GAP or in_set(w, lx.AREA_WORDS) or w.isdigit() for w in gap):
        return None
    return before[-1]


READERS["list"] = _list


def read(doc: Doc, cue: Cue, sent: Sentence, prev: Sentence | None) -> Reading | None:
    """The reading of ``cue`` by the reader of its mode."""
    reading = READERS[cue.mode](doc, cue, sent, prev)
    if reading is not None and cue.rule == "cue.shared":
        reading = reading._replace(extent="part")  # shared control: each side holds part
    return reading
