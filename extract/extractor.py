"""Read an article and emit its claims: who did what where, when, on whose word.

The rules live in :mod:`extract.rules`, one module per concern, each rule with
an id that its tests name and that every claim records (``Claim.rule``):

- :mod:`extract.rules.sentences`: sentences, headlines, the cap on run-on sentences;
- :mod:`extract.rules.cues`: cue words (``cue.*``) and what blocks them (``block.*``);
- :mod:`extract.rules.targets`: which place (``place.locator``, ``target.*``);
- :mod:`extract.rules.actors`: who did it (``actor.*``);
- :mod:`extract.rules.attribution`: on whose word and how firmly (``source.*``, ``modality.*``);
- :mod:`extract.rules.records`: quote, extent and date of the record (``extent.*``, ``date.*``);
- :mod:`extract.rules.readings`: per cue mode, how targets and doer are found;
- :mod:`extract.rules.params`: every window and confidence, named.

Words are data in :mod:`extract.lexicon`.
"""

from __future__ import annotations

from bisect import bisect_left

from extract import lexicon as lx
from extract.claim import CONTROL, Claim
from extract.reader import Article
from extract.rules import attribution as at
from extract.rules.actors import actor_after, actor_before
from extract.rules.cues import Cue, blocked, cue_at, cue_word, without_subsumed
from extract.rules.doc import Doc
from extract.rules.params import CONFIDENCE
from extract.rules.readings import read
from extract.rules.records import date_for, extent, extent_word, make_claim
from extract.rules.sentences import Sentence
from extract.rules.targets import locators
from extract.sources import source_kind
from gazetteer import Gazetteer, Linker, load, normalize

__all__ = ["Extractor"]

_CUE_MEMO_LIMIT = 500_000  # words remembered as cue / not cue, whatever the corpus


class Extractor:
    """Turns articles into :class:`~extract.claim.Claim` records.

    Safe to share between threads: per-article state lives in a
    :class:`~extract.rules.doc.Doc`.

    Parameters
    ----------
    gazetteer : Gazetteer, optional
        The places to look for; the bundled gazetteer by default.

    Examples
    --------
    >>> from extract.reader import Article
    >>> ex = Extractor()
    >>> text = "وذكرت مصادر محلية أن قسد سيطرت أمس على بلدة هجين بالكامل."
    >>> [(c.place, c.actor, c.change, c.extent, c.attributed_to) for c in ex.extract(Article("a", text, "a.txt"))]
    [('hajin', 'SDF', 'captured', 'full', 'local sources')]
    """

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or load()
        self.linker = Linker(self.gazetteer)
        self.actor_matcher = lx.actor_matcher()
        self.source_matcher = lx.source_matcher()
        self._is_cue: dict[str, bool] = {}

    def cue_memo(self, words: list[str]) -> dict[str, bool]:
        """Whether each of ``words`` can be a cue, in a dict that holds them all.

        Remembered across articles (words repeat). The dict is replaced, never cleared, when it
        grows too large, so a thread reading the one it was given is never disturbed.
        """
        memo = self._is_cue
        if len(memo) > _CUE_MEMO_LIMIT:
            memo = self._is_cue = {}
        for w in set(words).difference(memo):
            memo[w] = cue_word(w) is not None
        return memo

    def extract(self, article: Article) -> list[Claim]:
        """All claims and events of one article, in reading order."""
        doc = Doc(self, article, normalize(article.text))
        doc.locator = locators(doc)
        return _claims(doc)


def _claims(doc: Doc) -> list[Claim]:
    out: list[Claim] = []
    seen: set[tuple] = set()
    prev: Sentence | None = None
    last_source: tuple[str, str] | None = None
    prev_effective = "outlet"
    prev_according = False
    placed = [bool(doc.mentions_in(x.start, x.end)) for x in doc.sentences]
    frames = [at.frames(doc, x) for x in doc.sentences]
    for n, sent in enumerate(doc.sentences):
        fr = frames[n]
        first = len(out)  # this sentence's claims are out[first:]
        nxt = doc.sentences[n + 1] if n + 1 < len(doc.sentences) else None
        # Only a sentence after one with a source of its own can be "between two of the same source".
        next_speaker = (at.opening_speaker(doc, nxt, frames[n + 1])
                        if prev_effective != "outlet" and nxt and nxt.para - sent.para <= 1 else None)
        effective = None
        # A claim needs a place: here, or in the sentence before (an anaphor points back).
        near_place = placed[n] or (n > 0 and placed[n - 1])
        # A control claim needs a doer: here, or in the sentence before (a verb with no subject).
        floor = prev.start if prev is not None else sent.start
        someone = bisect_left(doc.astart, floor) < bisect_left(doc.astart, sent.end)
        for i in doc.cues_in(sent.t0, sent.t1) if near_place else ():
            cue = cue_at(doc, i, sent)
            if cue is None or (not someone and cue.mode != "event") or blocked(doc, cue, sent):
                continue
            for claim in _claims_for(doc, cue, sent, fr, prev, last_source, prev_effective, next_speaker,
                                     prev_according, seen):
                key = (sent.start, claim.place, claim.kind, claim.actor, claim.change)
                if key in seen:
                    continue
                seen.add(key)
                out.append(claim)
                if claim.kind == CONTROL:
                    effective = claim.attributed_to
        out[first:] = without_subsumed(out[first:])
        named = [f for f in fr if f.basis in ("named", "speaker")] or fr
        if named:
            last_source = (named[-1].source, named[-1].basis)
        whole = at.attribution(doc, sent, fr, sent.end, last_source=last_source, prev_effective=prev_effective,
                               next_speaker=next_speaker, prev_according=prev_according)
        effective = effective or whole.source
        prev_according = whole.rule == "source.according_to" or whole.basis == "carrier"  # ... بحسب رويترز.
        prev_effective = effective
        prev = sent
    return out


def _claims_for(doc: Doc, cue: Cue, sent: Sentence, fr, prev: Sentence | None, last_source,
                prev_effective: str, next_speaker: str | None, prev_according: bool,
                seen: set[tuple]) -> list[Claim]:
    """The claims one cue makes, leaving out those its sentence has made already (``seen``)."""
    reading = read(doc, cue, sent, prev)
    if reading is None:
        return []
    if cue.mode != "event":
        doc.doers.update(a.start for a in reading.actors)
    cue_span = (doc.tstart[cue.i], doc.tend[cue.i])
    attribution = at.attribution(doc, sent, fr, cue_span[0], last_source=last_source, prev_effective=prev_effective,
                                 next_speaker=next_speaker, prev_according=prev_according)
    if cue.mode == "event":
        return [e for e in (_event(doc, cue, sent, k, attribution, seen) for k in reading.targets) if e is not None]
    mod = at.modality(doc, sent, attribution.pos, cue.i)
    kind_of_source = source_kind(attribution.source, outlet=doc.article.outlet)
    change = reading.change or cue.change
    deeds = [(a, change, "+".join((cue.rule, *reading.rules, attribution.rule))) for a in reading.actors]
    deeds += [(a, change, "+".join((cue.rule, *reading.rules, why, attribution.rule)))
              for a, change, why in reading.also]
    out = []
    dates: dict[str | None, object] = {}  # one date per change: every target of a cue shares it
    for actor, change, rule in deeds:
        if change not in dates:
            dates[change] = date_for(doc, cue_span[0], cue_span[1], sent, change)
        for n, k in enumerate(reading.targets):
            place = doc.ex.gazetteer[doc.mentions[k].place].id
            if (sent.start, place, CONTROL, actor.key, change) in seen:
                continue  # said already in this sentence: don't build it again
            out.append(make_claim(
                doc, sent, kind=CONTROL, cue_span=cue_span, k=k, actor=actor.key, change=change,
                extent_=_extent_of(doc, reading, n), modality=mod,
                attribution=attribution, confidence=reading.confidence, rule=rule, source_kind=kind_of_source,
                date=dates[change]))
    return out


def _extent_of(doc: Doc, reading, n: int) -> str | None:
    """The extent of the reading's n-th place: the words between it and the place listed before it
    (هجين بالكامل وأجزاء من السوسة), else the reading's own words, else بالكامل right after it."""
    k = reading.targets[n]
    m = doc.mentions[k]
    if n:
        gap = extent_word(doc, doc.tok_at(doc.mentions[reading.targets[n - 1]].norm_end), doc.tok_at(m.norm_start))
        if gap is not None:
            return gap
    found = extent(doc, *reading.extent_span, m.place, after=doc.tok_at(m.norm_end))
    return found or reading.extent


def _event(doc: Doc, cue: Cue, sent: Sentence, k: int, attribution, seen: set[tuple]) -> Claim | None:
    """A strike, shelling or clash at mention ``k``; None when its sentence reported it already."""
    m = doc.mentions[k]
    i = cue.i
    cue_a, cue_b = doc.tstart[i], doc.tend[i]
    # The strike's own clause: a little before the cue, up to its target.
    target_tok = doc.tok_at(m.norm_start)
    lo, hi = (max(sent.t0, i - 2), max(target_tok, i + 3)) if target_tok > i else (target_tok, i + 3)
    near = set(doc.tword[lo:min(sent.t1, hi)])
    if cue.change == "clash":
        kind = "clash"
        actor = actor_after(doc, cue_b, m.norm_start) or actor_before(doc, cue_a, sent.start)
    else:
        actor = (actor_after(doc, cue_b, min(m.norm_start, doc.end_of(i + 4, sent) + 1))
                 or actor_before(doc, cue_a, sent.start))
        if near & lx.AIR_WORDS or "غار" in doc.tword[i]:
            kind = "airstrike"
        elif near & lx.ARTILLERY_WORDS:
            kind = "shelling"
        else:
            kind = "airstrike" if actor and actor.key == "COALITION" else "shelling"
    if (sent.start, doc.ex.gazetteer[m.place].id, kind, actor.key if actor else None, None) in seen:
        return None
    return make_claim(doc, sent, kind=kind, cue_span=(cue_a, cue_b), k=k, actor=actor.key if actor else None,
                      change=None, extent_=None, modality="asserted", attribution=attribution,
                      confidence=CONFIDENCE["event"], rule="+".join((cue.rule, attribution.rule)),
                      source_kind=source_kind(attribution.source, outlet=doc.article.outlet))
