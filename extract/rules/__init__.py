"""The extraction rules, one module per concern; every rule has an id.

:data:`CATALOGUE` lists every rule id with what it does, so a claim's
``rule`` field (``cue.word+target.object+source.speaker``) can be read back,
and so the tests can check that every rule has a test of its own.
"""

from __future__ import annotations

from extract.rules.cues import BLOCK_RULES, CUE_RULES

__all__ = ["CATALOGUE"]

CATALOGUE: dict[str, str] = {
    **{r.id: r.description for r in CUE_RULES},
    **{r.id: r.description for r in BLOCK_RULES},
    "sentence.headline": "a short line of its own is a headline: present tense tells a past event",
    "sentence.cap": "a run-on sentence is cut so rules stay linear in its length",
    "place.locator": "a place named only to locate another gets no claim (شرقي، بريف، ناحية)",
    "place.qualifier": "a place after في/بـ that follows another place or a generic object (قرى في دير الزور)",
    "target.object": "the first non-locator place after the cue, with those listed with it",
    "target.list_carried": "a list carried on past an apposition: هجين أكبر معاقله، إلى جانب بلدات السوسة",
    "target.destination": "after a withdrawal, a place after باتجاه/نحو/إلى is where they went",
    "target.origin": "a place after قادمة من is where the force came from, not its object",
    "target.relative_clause": "a relative clause points back: البوكمال، التي كان استعادها",
    "target.fled_from": "a withdrawal toward somewhere that names no place left: the place named last (فروا باتجاه البادية)",
    "target.anaphor": "an anaphor takes the last place named (المنطقة، منها، هذه المناطق)",
    "target.trailing_advance": "an advance with no place takes the last place named: تبعها تقدم لقسد",
    "target.antecedent": "a post cue takes the place right before it",
    "target.post_list": "a list after a post cue: تحت سيطرة التنظيم: X و Y",
    "target.predicate": "no list after a stronghold or area word: the place it is said of, before it (هجين أبرز معاقل التنظيم)",
    "target.list": "the places after a list marker: معاقل التنظيم وهي ...",
    "target.coordinated_before": "a post cue after a list takes the whole list",
    "target.witnessed": "a cue noun that is the object of شهد takes the places that witnessed it",
    "target.concurrent": "a cue noun after وسط/مع/بعد with no place of its own: the place of its clause",
    "actor.descriptive_owner": "an owner hung by ل on a noun other than the cue only describes",
    "actor.possessive": "a cue noun with a possessive suffix (تقدمها، سيطرته): the owner named before, agreeing",
    "actor.in_relative": "an actor inside a relative clause that closed before the cue is not its doer",
    "actor.agent": "the actor after على يد / من قبل in the cue's clause did it: طرد التنظيم منها على يد قسد",
    "actor.attacker": "after a repelling verb, the actor of the attack attacked: it is not the doer (صدت القوات هجوماً لداعش)",
    "actor.relative_antecedent": "the actor a relative word follows does the deed of its clause: قسد، التي بسطت سيطرتها",
    "actor.forced": "أجبرته على الانسحاب: the forced one withdrew",
    "target.state_before": "a holds cue inside the object of a capture is the state before it: تحرير المنطقة الواقعة تحت سيطرة داعش",
    "actor.coordinated": "actors joined by و share the deed",
    "actor.previous": "no subject in the sentence: the last doer named before, agreeing in gender",
    "actor.passive": "طُرد / طُردت من (was expelled): the actor expelled withdrew",
    "actor.same_head": "a generic force noun (الميليشيات، القوات) is the last actor named with that head, else the last doer",
    "change.toward": "a capture of ground toward a place (سيطرت على 12 كم باتجاه X) is an advance on it",
    "also.expelled": "طرد X من Y: X withdrew from Y",
    "also.forcer": "أجبرت قسد التنظيم على الانسحاب من السوسة: the one who forced the withdrawal took the place",
    "also.receiver": "سلم X Y مواقعه: Y took the place",
    "also.besieger": "حاصر X في Y: the besieger advanced on Y",
    "actor.target": "an actor after على/ضد/مواقع or an attack noun is not the doer",
    "actor.supporter": "a supporter (بدعم من) is not the doer",
    "actor.in_hands": "after بيد / في قبضة the actor now holds the place",
    "source.speaker": "the nearest speaker before the cue in its sentence",
    "source.according_to": "a بحسب / وفق / نقلا عن source in the sentence",
    "source.refers_back": "a sentence that refers back keeps the last source named",
    "source.continues": "a sentence joined by و that names no source continues the last report",
    "source.lead": "a و-sentence right after a lead that credits a source at its end goes on with it",
    "source.between": "a sentence with no source between two of the same source is that source's",
    "source.clause_ends": "a speaker's words end where a contrasting clause begins (في حين، بينما)",
    "source.outlet": "otherwise the outlet speaks in its own voice",
}
