"""Records: the claim written from a reading, with its quote, extent and date.

Rules
-----
``extent.words``
    Extent from the words between cue and place: نصف half, معظم most, أطراف
    outskirts, أجزاء/بعض part, كامل/كل full (the first listed wins where words disagree).
``extent.after``
    With no extent word before the place, بالكامل / بشكل كامل right after it: ``full``.
``extent.site``
    A site inside a town (a hospital, a field) is ``part`` of it.
``date.*``
    The date of a claim is the date expression of its own clause, resolved against the
    publication window; background clauses keep theirs; with none, ``holds`` is dated to the
    publication window and changes to the week up to it (:mod:`extract._scope`, rules S1-S9).
"""

from __future__ import annotations

from extract._scope import claim_date
from extract.claim import CONTROL, Claim, DateWindow
from extract.dates import find_expressions
from extract.lexicon import EXTENT_WORDS, FULL_AFTER, MANNER_WORDS
from extract.rules.doc import Doc, with_clitics
from extract.rules.params import WINDOW
from extract.rules.sentences import Sentence

__all__ = ["date_for", "extent", "extent_word", "make_claim", "quote"]

# Extent words (clitics included) to the extent they say; where words disagree the first listed wins.
_EXTENT_PRIORITY = ("half", "most", "outskirts", "part", "full")
_EXTENT_OF = {w: e for e in reversed(_EXTENT_PRIORITY) for w in with_clitics(EXTENT_WORDS[e])}
_FULL_AFTER = with_clitics(FULL_AFTER)
_MANNER = with_clitics(MANNER_WORDS)


def quote(doc: Doc, sent: Sentence, a: int, b: int) -> tuple[int, int, str]:
    """The original-text span and text of normalised [a, b), widened to whole words, within the sentence."""
    a, b = max(a, sent.start), min(b, sent.end)
    while a > sent.start and doc.s[a - 1].isalnum():
        a -= 1
    while b < sent.end and doc.s[b].isalnum():
        b += 1
    b = min(b, a + WINDOW["quote_max_chars"])  # keep quotes readable: the clause around the cue
    oa, ob = doc.nt.span(a, b)
    return oa, ob, doc.nt.original[oa:ob]


def extent_word(doc: Doc, i0: int, i1: int) -> str | None:
    """The extent the words of tokens [i0, i1) say (``extent.words``), or None."""
    found = {_EXTENT_OF.get(w) for w in doc.tword[max(0, i0):max(i0, i1)]}
    return next((e for e in _EXTENT_PRIORITY if e in found), None)


def extent(doc: Doc, i0: int, i1: int, place_id: str, *, after: int | None = None) -> str | None:
    """``extent.words`` over tokens [i0, i1), then ``extent.after`` (بالكامل right after the place,
    token ``after``), else ``extent.site``."""
    said = extent_word(doc, i0, i1)
    if said is not None:
        return said
    if after is not None and after < len(doc.tword):
        # سيطرت على قرية البحرة بالكامل / بشكل كامل: the whole of the place just named.
        nxt = doc.tword[after:after + 2]
        if nxt[:1] and (nxt[0] in _FULL_AFTER or (nxt[0] in _MANNER and nxt[1:] and _EXTENT_OF.get(nxt[1]) == "full")):
            return "full"
    place = doc.ex.gazetteer.get(place_id)
    if place is not None and place.kind == "site":
        return "part"
    return None


def date_for(doc: Doc, a: int, b: int, sent: Sentence, change: str | None) -> DateWindow:
    """The window of a claim whose cue spans characters [a, b) of ``sent``: the date expression of
    its own clause, resolved against the publication window (rules S1-S9 of :mod:`extract._scope`)."""
    if sent.start not in doc.dates:
        doc.dates[sent.start] = find_expressions(doc.s, sent.start, sent.end)
    return claim_date(doc.s, (sent.start, sent.end), (a, b), doc.article.published, change, doc.dates[sent.start])


def make_claim(doc: Doc, sent: Sentence, *, kind: str, cue_span: tuple[int, int], k: int, actor: str | None,
               change: str | None, extent_: str | None, modality: str, attribution, confidence: float,
               rule: str, source_kind: str, date: DateWindow | None = None) -> Claim:
    """The record of one reading: mention ``k`` of ``doc``, the cue at ``cue_span``, and what the rules said."""
    m = doc.mentions[k]
    place = doc.ex.gazetteer[m.place]
    cue_a, cue_b = cue_span
    if sent.start <= m.norm_start < sent.end:
        qa, qb, text = quote(doc, sent, min(cue_a, m.norm_start), max(cue_b, m.norm_end))
    else:  # the place was named in an earlier sentence: quote the cue's clause
        cue_tok = doc.tok_at(cue_a)
        qa, qb, text = quote(doc, sent, cue_a, doc.end_of(cue_tok + 8, sent))
    ss, se = doc.sentence_span(sent)
    art = doc.article
    return Claim(
        id=f"{art.id}:{qa}-{qb}:{m.place}:{kind if kind != CONTROL else change}", kind=kind,
        actor=actor, change=change, extent=extent_, modality=modality,
        date=date if date is not None else date_for(doc, cue_a, cue_b, sent, change if kind == CONTROL else None),
        confidence=round(confidence, 2),
        article=art.id, place=place.id, place_name=place.name_en, surface=m.surface, lat=place.lat, lon=place.lon,
        attributed_to=attribution.source, outlet=art.outlet, published=art.published, quote=text, start=qa, end=qb,
        url=art.url, cue=doc.nt.original[slice(*doc.nt.span(cue_a, cue_b))], place_start=m.start, place_end=m.end,
        sentence_start=ss, sentence_end=se, sentence=doc.nt.original[ss:se],
        attribution_basis=attribution.basis, outlet_basis=art.outlet_basis,
        source_kind=source_kind, rule=rule,
    )
