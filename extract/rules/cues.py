"""Cues: the words that say what happened, and the rules that block them.

Each rule has an id; a claim records the id of the cue rule that made it
(``Claim.rule``), and ``tests/extract/test_rules.py`` names every id. The
rules run in the order of :data:`CUE_RULES`; the first that fires decides.

A cue has a *mode* that says where its place and its doer are found
(:mod:`extract.rules.readings`):

- ``forward``: the place follows the verb (سيطرت قسد على هجين);
- ``post``: the place comes before (بلدة هجين الواقعة تحت سيطرة التنظيم);
- ``list``: the places are listed after (معاقل التنظيم وهي ...);
- ``subject``: the place is the subject (سقطت الباغوز بيد ...، الباغوز تحررت);
- ``entered``: the doer stands next to the verb (دخلت قسد هجين);
- ``confine``: the actor after the verb is held inside the place (تحصر التنظيم في ...);
- ``pocket``: the owner of the last pocket holds the place (آخر جيب لتنظيم داعش في الباغوز);
- ``handed``: the subject hands the place to the next actor (سلم التنظيم قوات النظام أحياء);
- ``event``: strikes, shelling and clashes, not control.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from extract import lexicon as lx
from extract.claim import CONTROL, Claim
from extract.rules.doc import Doc, in_set, with_clitics
from extract.rules.params import WINDOW
from extract.rules.sentences import Sentence
from gazetteer.linker import TRIGGER_WORDS

__all__ = ["BLOCK_RULES", "CUE_RULES", "Cue", "Rule", "blocked", "cue_at", "cue_word", "without_subsumed"]


class Cue(NamedTuple):
    """A cue word at token ``i`` and what it says."""

    i: int
    change: str            # captured/holds/advanced/withdrew/repelled, or strike/clash for events
    mode: str              # forward, post, list, subject, entered, confine, event
    purpose: bool = False  # carried a purpose ل (للسيطرة)
    rule: str = ""         # the id of the rule that read it


@dataclass(frozen=True)
class Rule:
    """A named rule: ``id`` is what tests and records cite, ``test`` enacts it."""

    id: str
    description: str
    test: Callable
    classes: tuple[str, ...] = ()  # the lexicon's cue classes it reads (cue rules); empty: all


@lru_cache(maxsize=200_000)
def cue_word(word: str) -> tuple[str, str] | None:
    """(cue class, proclitics) of a word that can be a cue, else None. Cached: words repeat."""
    for pre in ("", "و", "ف"):  # ورفعت، فيتمركز: a conjunction before a word that is a cue only in context
        if word.startswith(pre) and word[len(pre):] in lx.SPECIAL_CUES:
            return "special", pre
    m = lx.CUE_REGEX.fullmatch(word)
    return (m.lastgroup, m.group("pre") or "") if m else None


class _Ctx(NamedTuple):
    w: str            # the word without a leading conjunction where the lexicon needs that
    prev: str
    nxt: str
    cls: str | None   # the word's cue class from the lexicon, or "special", or None
    pre: str          # its proclitics
    core: str         # the word without them


# ----------------------------------------------------------------- cue rules
# Each test returns (change, mode) when it reads the word at i, else None.

def _stationed(doc: Doc, i: int, sent: Sentence, c: _Ctx):
    if c.w in lx.STATIONED_VERBS and c.nxt in lx.INSIDE_PRONOUNS:
        return "holds", "post"
    # لا يزالون يتحصنون في مخيم داخل بلدة الباغوز: entrenched in a named place holds it.
    if c.w in lx.ENTRENCHED_WORDS and c.nxt in lx.INSIDE_WORDS | {"في"} and \
            doc.mentions_in(doc.tend[i], doc.end_of(i + WINDOW["entrenched_ahead"], sent)):
        return "holds", "forward"  # a place named, not «the remaining areas»
    return None


def _subjected_to(doc, i, sent, c):
    # قرية البوخاطر الخاضعة لتنظيم داعش: subject to an actor, with no word for control.
    if c.w in lx.SUBJECTED_WORDS and i + 1 < sent.t1 and doc.tword[i + 1].startswith("ل") and \
            (i + 1) in doc.actor_tokens:
        return "holds", "post"
    return None


def _last_pocket(doc, i, sent, c):
    # آخر جيب لتنظيم داعش في الباغوز، داخل الجيب في الباغوز، بقايا التنظيم في منطقة الباغوز.
    if c.w in lx.REMNANT_WORDS:
        return "holds", "pocket"
    if c.w in lx.POCKET_WORDS and (c.prev in lx.LAST_WORDS or c.prev in lx.INSIDE_WORDS):
        return "holds", "pocket"
    if c.w in lx.LAST_POCKET_WORDS and c.prev in lx.LAST_WORDS and i + 1 < sent.t1 and \
            doc.tword[i + 1].startswith("ل") and doc.mention_starts_at(i + 1) is False:
        return "holds", "pocket"
    return None


def _restored_security(doc, i, sent, c):
    # أعادت وحدات الجيش الأمن والاستقرار إلى مدينة الميادين: the verb may stand before its subject.
    if c.w not in lx.SECURITY_WORDS:
        return None
    if any(w in lx.RESTORE_VERBS for w in doc.tword[max(sent.t0, i - WINDOW["restore_back"]):i]):
        return "captured", "forward"
    return None


def _at_the_gates(doc, i, sent, c):
    # قسد على مشارف هجين: an actor right before على مشارف, no verb: an advance.
    if c.w in lx.GATES_WORDS and c.prev == "علي" and i - 2 >= sent.t0 and (i - 2) in doc.actor_tokens:
        return "advanced", "forward"
    return None


def _strongholds(doc, i, sent, c):
    return ("holds", "list") if c.w in lx.STRONGHOLD_WORDS else None


def _flag(doc, i, sent, c):
    # رفعت رايتها، رفعت قوات سوريا الديمقراطية رايتها: the flag may follow the subject.
    if c.w not in lx.FLAG_VERBS:
        return None
    ahead = doc.tword[i + 1:min(sent.t1, i + 1 + WINDOW["flag_ahead"])]
    return ("captured", "forward") if any(w in lx.FLAG_WORDS for w in ahead) else None


def _event(doc, i, sent, c):
    return (c.cls, "event") if c.cls in ("strike", "clash") else None


def _control_noun(c: _Ctx) -> bool:
    return "سيطره" in c.core or c.core.startswith("سيطرت")


def _under_control(doc, i, sent, c):
    if _control_noun(c) and (c.prev == "تحت" or (c.pre.endswith("ل") and c.prev in lx.SUBJECTED_WORDS)):
        # باتت البلدة تحت سيطرة قسد: has come under it, a capture; لا تزال تحت سيطرة: still held.
        return ("captured" if _copula(doc, i, sent) == "became" else "holds"), "post"
    return None


def _copula(doc, i, sent) -> str | None:
    """"still" (لا تزال، ما زالت) or "became" (باتت، أصبحت) in the words before token i, else None."""
    back = doc.tword[max(sent.t0, i - WINDOW["became_back"]):i]
    if not _STILL.isdisjoint(back):
        return "still"
    return "became" if not _BECAME.isdisjoint(back) else None


def _in_hands(doc, i, sent, c):
    # باتت بلدة هجين بيد قسد (became: a capture); لا تزال البلدة في يد التنظيم (still: a hold). With no copula
    # (آخر المدن الكبرى بيد داعش) it only describes: no claim.
    if c.w not in lx.HANDS_CUES or (c.w == "يد" and c.prev != "في"):
        return None
    nxt = i + 1
    if nxt >= sent.t1 or nxt not in doc.actor_tokens:
        return None
    copula = _copula(doc, i, sent)
    return {"still": ("holds", "post"), "became": ("captured", "post")}.get(copula)


_BECAME = with_clitics(lx.BECAME_WORDS)
_STILL = with_clitics(lx.STILL_WORDS)


def _areas_of_control(doc, i, sent, c):
    return ("holds", "list") if _control_noun(c) and c.prev in lx.AREA_WORDS else None


def _shrunk(doc, i, sent, c):
    # لتتقلص سيطرة التنظيم إلى، انحسرت سيطرة داعش على: what is left is held.
    return ("holds", "forward") if _control_noun(c) and in_set(c.prev, lx.SHRINK_WORDS) else None


def _lost_control(doc, i, sent, c):
    # فقد سيطرته، وخسر التنظيم سيطرته: the verb may stand before the actor.
    # Not the verb after فقد "indeed" (فقد سيطرت قسد على ...).
    if not _control_noun(c) or c.core in ("سيطرت", "سيطرتا"):
        return None
    back = doc.tword[max(sent.t0, i - 4):i]
    lost = [k for k, w in enumerate(back) if w in lx.LOST_VERBS or w in lx.ENDED_WORDS]
    base = i - len(back)
    if lost and all(base + k in doc.actor_tokens for k in range(lost[-1] + 1, len(back))):
        return "withdrew", "forward"
    return None


def _freed_transitive(doc, i, sent, c):
    # تحرر قرية السكرية (transitive, present) vs الباغوز تحررت (the place is the subject).
    if c.cls == "freed" and c.nxt and c.core.startswith("تحرر") and (
            in_set(c.nxt, TRIGGER_WORDS) or doc.mention_starts_at(i + 1)):
        return "captured", "forward"
    return None


def _freed_intransitive(doc, i, sent, c):
    return ("captured", "subject") if c.cls == "freed" else None


def _entered(doc, i, sent, c):
    if c.cls != "entered":
        return None
    # دخلت القوات البلدة دون مقاومة: entering unopposed is taking it.
    ahead = doc.tword[i + 1:min(sent.t1, i + WINDOW["unopposed_ahead"])]
    unopposed = any(w in lx.WITHOUT_WORDS and k + 1 < len(ahead) and ahead[k + 1] in lx.RESISTANCE_WORDS
                    for k, w in enumerate(ahead))
    # دخلت قسد معمل كونيكو بعد انسحاب عناصر التنظيم منه: the other side had left, the place is taken.
    # (وسط انسحاب "amid" it is still going on: an entry, an advance.)
    vacated = any(w in lx.AFTER_WORDS and k + 1 < len(ahead) and in_set(ahead[k + 1], lx.WITHDRAWAL_NOUNS)
                  for k, w in enumerate(ahead))
    return ("captured" if unopposed or vacated else "advanced"), "entered"


def _confined(doc, i, sent, c):
    return ("holds", "confine") if c.cls == "confined" else None


def _holds_pronoun(doc, i, sent, c):
    return ("holds", "post") if c.cls == "holds_present" and c.nxt in lx.HOLDS_PRONOUN_OBJECTS else None


def _holds_present(doc, i, sent, c):
    if c.cls != "holds_present":
        return None
    # Headlines tell past events in the present tense (قسد تسيطر على ...).
    return ("captured" if sent.headline else "holds"), "forward"


def _reached(doc, i, sent, c):
    # وصلت القوات إلى أطراف البلدة / إلى أطرافه: an advance; وصلت تعزيزات إلى المنطقة: not.
    if c.cls != "reached":
        return None
    ahead = doc.tword[i + 1:min(sent.t1, i + WINDOW["reached_ahead"])]
    for k, w in enumerate(ahead):
        if w in lx.TO_WORDS and k + 1 < len(ahead) and (
                in_set(ahead[k + 1], lx.EDGE_WORDS) or ahead[k + 1] in lx.PART_PRONOUNS):
            return "advanced", "forward"
    return None


def _restricted(doc, i, sent, c):
    return ("holds", "forward") if c.cls == "restricted" else None


def _handed(doc, i, sent, c):
    return ("withdrew", "handed") if c.cls == "handed" else None


_SHARE = with_clitics(lx.SHARE_WORDS)


def _shared(doc, i, sent, c):
    # تتقاسم قوات النظام وتنظيم الدولة السيطرة على المدينة: each holds part of it, nobody took it.
    if c.cls == "captured" and not _SHARE.isdisjoint(doc.tword[max(sent.t0, i - WINDOW["share_back"]):i]):
        return "holds", "forward"
    return None


def _word(doc, i, sent, c):
    return (c.cls, "forward") if c.cls in ("captured", "advanced", "withdrew", "repelled") else None


CUE_RULES: tuple[Rule, ...] = (
    Rule("cue.stationed_in", "stationed or entrenched in a place: يتمركز ضمنها، يتحصنون في مخيم الباغوز", _stationed, ("special",)),
    Rule("cue.pocket", "the last pocket or the remnants of an actor: آخر جيب لداعش في، بقايا التنظيم في", _last_pocket, ("special",)),
    Rule("cue.subjected_to", "subject to an actor: الخاضعة لتنظيم داعش", _subjected_to, ("special",)),
    Rule("cue.restored_security", "restored security to a place (state media): أعادت الأمن والاستقرار إلى الميادين", _restored_security, ("special",)),
    Rule("cue.at_the_gates", "an actor at the gates of a place, no verb: القوات على مشارف البوكمال", _at_the_gates, ("special",)),
    Rule("cue.in_hands", "in the hands of, with a copula: باتت البلدة بيد قسد، لا تزال في يد التنظيم", _in_hands, ("special",)),
    Rule("cue.strongholds", "strongholds listed after: معاقل التنظيم وهي", _strongholds, ("special",)),
    Rule("cue.flag", "raised its flag over: رفعت رايتها في", _flag, ("special",)),
    Rule("cue.event", "strikes, shelling, clashes: قصف، غارات، اشتباكات", _event, ("strike", "clash")),
    Rule("cue.under_control", "under the control of: تحت سيطرة، الخاضعة لسيطرة", _under_control, ("captured",)),
    Rule("cue.areas_of_control", "areas of control listed after: مناطق سيطرة التنظيم", _areas_of_control, ("captured",)),
    Rule("cue.shrunk", "control shrank to: انحسرت سيطرة داعش على", _shrunk, ("captured",)),
    Rule("cue.lost_control", "lost control of: فقد سيطرته على", _lost_control, ("captured",)),
    Rule("cue.freed_transitive", "liberates a place: تحرر قرية السكرية", _freed_transitive, ("freed",)),
    Rule("cue.freed_intransitive", "the place is freed or falls: الباغوز تحررت، سقطت البلدة بيد", _freed_intransitive, ("freed",)),
    Rule("cue.entered", "entered a place: دخلت قسد بلدة هجين", _entered, ("entered",)),
    Rule("cue.confined", "confined inside a place: تحصر التنظيم في الباغوز", _confined, ("confined",)),
    Rule("cue.holds_pronoun", "controls it: يسيطر عليها التنظيم", _holds_pronoun, ("holds_present",)),
    Rule("cue.holds_present", "controls (a headline: took): يسيطر التنظيم على", _holds_present, ("holds_present",)),
    Rule("cue.reached", "reached the edges of a place: وصلت القوات إلى أطراف البلدة", _reached, ("reached",)),
    Rule("cue.restricted", "confined to what is left: باتت سيطرته تقتصر على، لينحصر عناصره في", _restricted, ("restricted",)),
    Rule("cue.handed", "handed a place over: سلم التنظيم قوات النظام أحياء", _handed, ("handed",)),
    Rule("cue.shared", "control shared between actors: تتقاسم قوات النظام والتنظيم السيطرة على المدينة", _shared, ("captured",)),
    Rule("cue.word", "a cue word of the lexicon: سيطر، استعاد، تقدم، انسحب، صد", _word, ("captured", "advanced", "withdrew", "repelled")),
)


_RULES_OF_CLASS: dict[str, tuple[Rule, ...]] = {
    c: tuple(r for r in CUE_RULES if c in r.classes)
    for c in {c for r in CUE_RULES for c in r.classes}
}


def cue_at(doc: Doc, i: int, sent: Sentence) -> Cue | None:
    """The cue at token ``i`` of ``sent``, or None. Remembered per article."""
    if i in doc.cue_cache:
        return doc.cue_cache[i]
    cue = _classify(doc, i, sent)
    doc.cue_cache[i] = cue
    return cue


def _classify(doc: Doc, i: int, sent: Sentence) -> Cue | None:
    w = doc.tword[i]
    hit = cue_word(w)
    if hit is None:
        return None
    cls, pre = hit
    ctx = _Ctx(w[len(pre):] if cls == "special" else w, doc.tword[i - 1] if i > sent.t0 else "",
               doc.tword[i + 1] if i + 1 < sent.t1 else "", cls, pre, w[len(pre):])
    for rule in _RULES_OF_CLASS.get(cls, ()):
        read = rule.test(doc, i, sent, ctx)
        if read is not None:
            # لينحصر عناصر التنظيم في ...: a result, not a purpose
            # لا صحة لسيطرة ...: the ل is صحة's ("no truth to the capture"), not a purpose.
            denied = i - 2 >= sent.t0 and doc.tword[i - 1] in lx.DENY_AFTER_LA and doc.tword[i - 2] in lx.LA
            purpose = "ل" in pre and rule.id != "cue.restricted" and not denied
            return Cue(i, read[0], read[1], purpose, rule.id)
    return None


# ------------------------------------------------------------- block rules
# Each test returns True when the cue must not make a claim.

def _negated(doc: Doc, cue: Cue, sent: Sentence) -> bool:
    """A negation governs the cue: right before it, or across light verbs, أي and the
    subject (لم تحقق قسد أي تقدم). لا ... إلا is exceptive, not negative."""
    i, tw = cue.i, doc.tword
    if (i + 1 < sent.t1 and tw[i + 1] in lx.EXCEPT_WORDS) or (i + 2 < sent.t1 and tw[i + 2] in lx.EXCEPT_WORDS):
        return False
    for k in range(i - 1, max(sent.t0, i - WINDOW["negation_back"]) - 1, -1):
        if tw[k] in lx.NEGATION:
            return True
        if not (tw[k] in lx.LIGHT_VERBS or k in doc.actor_tokens or tw[k] in lx.NEGATION_GAP):
            return False
    return False


def _irrealis(doc: Doc, cue: Cue, sent: Sentence) -> bool:
    """The cue is only possible, expected, feared or conditional: قد تستعيد، من المتوقع أن، في حال."""
    if cue.mode == "event":
        return False
    i = cue.i
    lo = max(sent.t0, i - WINDOW["irrealis_back"])
    if doc.has("irrealis", lo, i):
        return True
    # قد + a present-tense verb is "may" (قد يسيطر); قد + past is "has" (كانت قد سيطرت).
    for k in range(lo, i):
        if doc.tword[k] in lx.QAD_WORDS:
            nxt = doc.tword[k + 1]
            if len(nxt) > 3 and nxt[0] in "يتن":
                return True
    return False


_EVENTFUL = ("forward", "subject", "entered", "handed")


def _intent(doc: Doc, cue: Cue, sent: Sentence) -> bool:
    """A goal or an attempt: للسيطرة، في محاولة للتقدم، معركة لتحرير."""
    if cue.mode not in _EVENTFUL:
        return False
    back = WINDOW["intent_back"]
    if cue.i > sent.t0 and doc.tword[cue.i - 1] in lx.COPULA:  # الهدف من المرحلة الثالثة هو السيطرة
        back = WINDOW["intent_copula_back"]
    return cue.purpose or doc.has("intent", max(sent.t0, cue.i - back), cue.i) or _until_goal(doc, cue, sent)


def _until_goal(doc: Doc, cue: Cue, sent: Sentence) -> bool:
    """ستتواصل الحملة حتى الوصول إلى الحدود وتحرير المنطقة: حتى before verbal nouns, after a future verb,
    is the goal; حتى سيطرت قسد (until it took) is not."""
    lo = max(sent.t0, cue.i - WINDOW["until_back"])
    until = [k for k in range(lo, cue.i) if doc.tword[k] in lx.UNTIL_WORDS
             and k + 1 < sent.t1 and doc.tword[k + 1].startswith(("ال", "تحرير", "استعادة"))]
    if not until:
        return False
    return any((w.startswith(("ست", "سي", "سن")) and len(w) > 4) or w in lx.FUTURE_WORDS for w in doc.tword[sent.t0:until[0]])


def _failure(doc: Doc, cue: Cue, sent: Sentence) -> bool:
    """The attempt failed: ... باءت بالفشل."""
    if cue.mode not in _EVENTFUL:
        return False
    return doc.has("failure", cue.i + 1, min(sent.t1, cue.i + WINDOW["failure_ahead"]))


_CIVILIANS = with_clitics(lx.CIVILIAN_WORDS)
_REINFORCEMENTS = with_clitics(lx.REINFORCEMENT_WORDS)
_COLUMNS = with_clitics(lx.COLUMN_WORDS)


def _civilians(doc: Doc, cue: Cue, sent: Sentence) -> bool:
    """Civilians entering or leaving: دخول المواطنين إلى مساجد المدينة."""
    if cue.mode == "event":
        return False
    return not _CIVILIANS.isdisjoint(doc.tword[cue.i + 1:min(sent.t1, cue.i + 3)])


def _reinforcements(doc: Doc, cue: Cue, sent: Sentence) -> bool:
    """Reinforcements or convoys arriving or advancing: وصلت تعزيزات إلى محيط البلدة."""
    if cue.change != "advanced":
        return False
    near = set(doc.tword[max(sent.t0, cue.i - 2):min(sent.t1, cue.i + 4)]) & _REINFORCEMENTS
    # دخلت أرتال من قسد إلى بلدة البصيرة: columns entering a town are its advance; reinforcements are not.
    if cue.mode == "entered" and near <= _COLUMNS:
        return False
    return bool(near)


def _sided_with(doc: Doc, cue: Cue, sent: Sentence) -> bool:
    """انحاز إلى / إليها / لـ: siding with someone; انحاز alone (ISIS's word) is a withdrawal."""
    w = doc.tword[cue.i]
    if cue.change != "withdrew" or not (w.lstrip("وف").startswith(("انحاز", "الانحياز", "انحياز"))):
        return False
    nxt = doc.tword[cue.i + 1] if cue.i + 1 < sent.t1 else ""
    return nxt.startswith(("الي", "لصالح")) or nxt in ("ل", "لها", "له", "لهم")


def _question(doc: Doc, cue: Cue, sent: Sentence) -> bool:
    """A question asks, it does not report: هل تنجح قسد في السيطرة على الباغوز؟"""
    if doc.s[sent.start:sent.end].rstrip().endswith(("؟", "?")):
        return True
    # هل opens the question (a headline may put «تحليل |» before it).
    return any(w in lx.QUESTION_WORDS for w in doc.tword[sent.t0:min(cue.i, sent.t0 + 4)])


def _subsumed(doc: Doc, cue: Cue, sent: Sentence) -> bool:
    """التقدم والسيطرة على بلدة الصور: an advance joined by و to a capture is part of it."""
    if cue.change != "advanced" or cue.i + 1 >= sent.t1:
        return False
    nxt = doc.tword[cue.i + 1]
    if not nxt.startswith("و"):
        return False
    hit = cue_word(nxt)
    return hit is not None and hit[0] == "captured"


def without_subsumed(claims: list[Claim]) -> list[Claim]:
    """``block.subsumed`` over one sentence's claims: an advance the sentence also calls a capture of the
    same place by the same actor is that capture (دخل الجيش بلدة معدان ... وسيطر عليها)."""
    took = {(c.place, c.actor) for c in claims if c.kind == CONTROL and c.change == "captured"}
    if not took:
        return claims
    return [c for c in claims if not (c.kind == CONTROL and c.change == "advanced" and (c.place, c.actor) in took)]


BLOCK_RULES: tuple[Rule, ...] = (
    Rule("block.negated", "negated: لم تسيطر، لم تحقق أي تقدم، لم تعلن بعد سيطرتها (not لا ... إلا)", _negated),
    Rule("block.irrealis", "possible, expected, feared, conditional: قد يسيطر، من المتوقع أن", _irrealis),
    Rule("block.intent", "a goal or an attempt: للسيطرة، في محاولة، بهدف، ستتواصل حتى تحرير", _intent),
    Rule("block.failure", "the attempt failed: باءت بالفشل", _failure),
    Rule("block.subsumed", "an advance joined to a capture (التقدم والسيطرة على), or one the same sentence then "
         "calls a capture (دخل البلدة وسيطر عليها: without_subsumed)", _subsumed),
    Rule("block.question", "a question: هل تنجح قسد في السيطرة على ...؟", _question),
    Rule("block.civilians", "civilians moving: دخول المواطنين إلى المساجد", _civilians),
    Rule("block.reinforcements", "reinforcements arriving: وصلت تعزيزات إلى محيط البلدة", _reinforcements),
    Rule("block.sided_with", "sided with, defected to (انحاز إليها، انحازوا إلى قسد): not a withdrawal", _sided_with),
)


def blocked(doc: Doc, cue: Cue, sent: Sentence) -> str | None:
    """The id of the first block rule that stops ``cue``, or None."""
    for rule in BLOCK_RULES:
        if rule.test(doc, cue, sent):
            return rule.id
    return None
