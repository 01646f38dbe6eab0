"""Attribution: on whose word, and how firmly.

Rules
-----
``source.speaker``
    The nearest speaker before the cue in its sentence (ذكرت مصادر أهلية؛ نقلت
    وكالات معارضة عن مصدر من «قسد» → SDF). A source that only carries another's
    words (بحسب رويترز after a speaker، نقلت رويترز عن، قال مصدر لسانا) loses to the
    speaker it carries.
``source.according_to``
    Else a ``بحسب / وفق / نقلاً عن`` source anywhere in the sentence.
``source.refers_back``
    A sentence that refers back (وأشارت المصادر، وأضاف) keeps the last source named.
``source.continues``
    A sentence joined to the last by و that names no source continues its report.
``source.lead``
    A sentence joined by و right after a lead that credits a source at its end (... بحسب رويترز.)
    goes on with that source, when it names none of its own.
``source.between``
    A sentence with no source between two sentences of the same source (the next opens with
    وأوضح مدير المرصد، وأضاف) is that source's.
``source.outlet``
    Otherwise the outlet itself.
``modality.claimed`` / ``modality.denied``
    زعم/ادعى between speaker and cue make a claim ``claimed``; نفى or «لا صحة لـ/عن» (no truth to) ``denied``.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import NamedTuple

from extract import lexicon as lx
from extract.rules.doc import Doc
from extract.rules.params import WINDOW
from extract.rules.sentences import Sentence

__all__ = ["Frame", "attribution", "frames", "modality"]



class Frame(NamedTuple):
    """A speaker or a carrier of speech in a sentence."""

    pos: int     # character offset in the normalised text
    source: str  # canonical source name
    basis: str   # named, carrier or speaker


def _speaker_of(doc: Doc, ti: int, sent: Sentence) -> bool:
    """A speaker noun governs the actor at token ti (مصدر في قسد، المتحدث باسم التحالف),
    with no أن/إن between them (which would start what the speaker said)."""
    idx = doc.marks["speaker"]
    k = bisect_left(idx, max(sent.t0, ti - WINDOW["speaker_noun_back"]))
    if k >= len(idx) or idx[k] >= ti:
        return False
    last = max(j for j in idx[k:] if j < ti)
    return not any(w in lx.SPEAKER_THAT for w in doc.tword[last + 1:ti])


def frames(doc: Doc, sent: Sentence) -> list[Frame]:
    """Speakers and carriers in a sentence, in reading order."""
    out: list[Frame] = []
    lo, hi = bisect_left(doc.sstart, sent.start), bisect_left(doc.sstart, sent.end)
    a_lo, a_hi = bisect_left(doc.astart, sent.start), bisect_left(doc.astart, sent.end)
    if lo == hi and (a_lo == a_hi or not doc.has("speech", sent.t0, sent.t1)):
        return out  # no source named, and no speech verb for an actor to speak with
    for a, b, name in doc.sources[lo:hi]:
        ti, tj = bisect_left(doc.tstart, a), bisect_left(doc.tstart, b)
        before = doc.tword[max(sent.t0, ti - 3):ti]
        after = doc.tword[tj:min(sent.t1, tj + 2)]
        # قال مصدر لسانا، أفادت مصادر لمراسل الأناضول: told to the source, which only carries the words.
        told_to = doc.ex.source_matcher.prefix_of(doc.s[a:b]).endswith("ل") or (
            ti > sent.t0 and doc.tword[ti - 1] in lx.CORRESPONDENT)
        carrier = any(w in lx.CARRIER_BEFORE for w in before) or "عن" in after or told_to
        out.append(Frame(a, name, "carrier" if carrier else "named"))
    speech = doc.speech_tokens
    says = doc.has("speech", sent.t0, sent.t1)  # a speaker noun speaks only in a sentence with a speech verb
    for a, b, actor in doc.actors[a_lo:a_hi]:
        ti, tj = bisect_left(doc.tstart, a), bisect_left(doc.tstart, b)
        tb = ti - 1
        while tb > sent.t0 and doc.tword[tb] in lx.ACTOR_HEADS:  # قالت قوات «قسد»
            tb -= 1
        speech_next_to = (tb >= sent.t0 and tb in speech) or (tj < sent.t1 and tj in speech)
        if speech_next_to or (says and _speaker_of(doc, ti, sent)):
            out.append(Frame(a, lx.ACTOR_AS_SOURCE[actor], "speaker"))
    return sorted(out)


def _last_actor(doc: Doc, pos: int, floor: int):
    k = bisect_left(doc.astart, pos) - 1
    return doc.actors[k] if k >= 0 and doc.actors[k].start >= floor else None


class Attribution(NamedTuple):
    source: str
    basis: str  # how it was found, for the reader
    pos: int    # where the speaker stands (the sentence start when none does)
    rule: str


def opening_speaker(doc: Doc, sent: Sentence, fr: list[Frame]) -> str | None:
    """The source a sentence opens by quoting (وأوضح مدير المرصد أن ...), ``""`` when it opens with a
    continuation verb naming no one (وأضاف أن ...), None when it does not open with speech."""
    if not doc.has("speech", sent.t0, min(sent.t1, sent.t0 + 2)):
        return None
    early = [f for f in fr if doc.tok_at(f.pos) < sent.t0 + 5 and f.basis != "carrier"]
    return early[0].source if early else ""


def attribution(doc: Doc, sent: Sentence, fr: list[Frame], cue_pos: int, *,
                last_source: tuple[str, str] | None, prev_effective: str,
                next_speaker: str | None = None, prev_according: bool = False) -> Attribution:
    """Who a cue at character ``cue_pos`` is attributed to.

    A speaker's words end where a contrasting clause begins (... في حين تستمر قسد بالتقدم): a cue
    after one is not the speaker's (``source.clause_ends``).

    ``next_speaker`` is what :func:`opening_speaker` says of the next sentence: a sentence with no
    source of its own between two sentences of the same source is that source's (``source.lead``
    A sentence joined by و right after a lead that credits a source at its end (... بحسب رويترز.)
    goes on with that source, when it names none of its own.
``source.between``).
    """
    before = [f for f in fr if f.pos < cue_pos]
    if before:  # وأعلنت قسد سيطرتها على X، في حين تتقدم قواتها نحو Y: the speaker's clause has ended
        ti = doc.tok_index(cue_pos)
        cut = [j for j in range(doc.tok_index(before[-1].pos) + 1, ti) if doc.tword[j] in lx.CONTRAST_OPENERS]
        if cut:
            before = [f for f in before if f.pos > doc.tstart[cut[-1]]]
            if not before:
                # ... إذ أعلنت أمس سيطرتها على الكرامة: a speech verb of its own, its subject named before
                says = [j for j in range(cut[-1] + 1, ti) if j in doc.speech_tokens]
                who = _last_actor(doc, doc.tstart[says[-1]], sent.start) if says else None
                if who is not None:
                    return Attribution(lx.ACTOR_AS_SOURCE[who.key], "speaker", doc.tstart[says[-1]], "source.speaker")
                return Attribution("outlet", "the speaker's clause ended before it", doc.tstart[cut[-1]],
                                   "source.clause_ends")
    speakers = [f for f in before if f.basis != "carrier"] or before
    if speakers:
        f = speakers[-1]
        return Attribution(f.source, f.basis, f.pos, "source.speaker")
    for f in fr:  # بحسب المرصد، وفق ما أكد مصدر عسكري، نقلا عن مصادر محلية
        k = doc.tok_index(f.pos)
        if any(w in lx.CARRIER_BEFORE for w in doc.tword[max(sent.t0, k - 3):k]):
            return Attribution(f.source, "named (بحسب)", f.pos, "source.according_to")
    first = doc.tword[sent.t0]
    refers_back = doc.has("refers", sent.t0, sent.t1) or doc.has("speech", sent.t0, min(sent.t1, sent.t0 + 3))
    if refers_back and last_source:
        return Attribution(last_source[0], "refers back to the last source", sent.start, "source.refers_back")
    # وأضاف، وتابع: the speaker of the sentence before goes on; any other sentence is the outlet's again.
    if first in lx.CONTINUES and prev_effective != "outlet":
        return Attribution(prev_effective, "continues the previous sentence", sent.start, "source.continues")
    # وكان التنظيم قد ...: background the outlet gives in its own voice, whoever speaks around it.
    if first in lx.BACKGROUND_OPENERS:
        return Attribution("outlet", "background in the article's own voice", sent.start, "source.outlet")
    # ... بحسب رويترز. وشن التنظيم هجوماً ...: the report a lead sentence credits goes on in the next.
    if prev_according and prev_effective != "outlet" and first.startswith("و") and not fr:
        return Attribution(prev_effective, "goes on with the lead's source", sent.start, "source.lead")
    if prev_effective != "outlet" and next_speaker in ("", prev_effective):
        return Attribution(prev_effective, "between two sentences of the same source", sent.start, "source.between")
    return Attribution("outlet", "the article's own voice", sent.start, "source.outlet")


def modality(doc: Doc, sent: Sentence, frame_pos: int, cue_i: int) -> str:
    """asserted, claimed (زعم، ادعى) or denied (نفى) between the speaker and the cue.

    The verb may stand before its speaker's title (زعمت مواقع معارضة أن، نفى المتحدث باسم قسد).
    """
    t_frame = max(sent.t0, doc.tok_index(max(frame_pos, sent.start)) - 4)
    if doc.has("deny", t_frame, cue_i + 1):
        return "denied"
    return "claimed" if doc.has("claim", t_frame, cue_i + 1) else "asserted"
