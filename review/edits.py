"""What an analyst may change in a claim, checked before it is recorded.

:func:`clean_changes` checks an edit (a place from the gazetteer, an actor,
change, extent or modality from the claim's vocabularies, a source, a date
window) and completes it (a place brings its name and coordinates);
:func:`new_claim` builds a claim added by hand from its evidence (source,
URL, quote and date). Both raise :class:`~guard.errors.BadInput` saying what
is accepted.

Examples
--------
>>> clean_changes({"change": "advanced", "date": "2018-12-01..2018-12-03"}, load())  # doctest: +SKIP
{'change': 'advanced', 'date': {'earliest': '2018-12-01', 'latest': '2018-12-03', 'basis': 'review'}}
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from extract.claim import (
    ACTOR,
    ACTORS,
    ATTRIBUTED_TO,
    CHANGE,
    CHANGES,
    CONTROL,
    DATE,
    EXTENT,
    EXTENTS,
    KINDS,
    LAT,
    LON,
    MODALITIES,
    MODALITY,
    PLACE,
    PLACE_NAME,
    SOURCE_KIND,
    Claim,
    DateWindow,
)
from extract.reader import MAX_YEAR, MIN_YEAR, date_in_range
from extract.sources import lookup
from guard.errors import BadInput
from guard.text import replace_surrogates, web_link

__all__ = ["BASIS", "EDITABLE", "clean_changes", "new_claim", "parse_window"]

EDITABLE = (PLACE, ACTOR, CHANGE, EXTENT, MODALITY, ATTRIBUTED_TO, DATE)
BASIS = "review"  # the basis of a date window an analyst set
_NONE = ("", "none", "unknown", None)
_MAX_QUOTE, _MAX_SOURCE = 5000, 200


def parse_window(value) -> DateWindow:
    """``2018-12-01``, ``2018-12-01..2018-12-03``, a DateWindow or its dict, as a :class:`DateWindow`.

    Examples
    --------
    >>> parse_window("2018-12-03..2018-12-01").latest
    datetime.date(2018, 12, 3)
    """
    if isinstance(value, DateWindow):
        window = value
    elif isinstance(value, Mapping):
        try:
            window = DateWindow.from_dict(value)
        except (TypeError, ValueError):
            raise BadInput(f"date {dict(value)} is not a window of ISO dates") from None
    else:
        text = str(value or "").strip()
        try:
            a, _, b = text.partition("..")
            first, last = date.fromisoformat(a.strip()), date.fromisoformat((b or a).strip())
        except ValueError:
            raise BadInput(f"date {text!r} is not YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD") from None
        window = DateWindow(min(first, last), max(first, last), BASIS)
    if not window.known:
        raise BadInput("a reviewed date needs both its first and last day")
    if not (date_in_range(window.earliest) and date_in_range(window.latest)):
        raise BadInput(f"date {window.earliest}..{window.latest} is outside {MIN_YEAR}–{MAX_YEAR}")
    return DateWindow(window.earliest, window.latest, BASIS)


def _choice(value, allowed: tuple, what: str, *, optional: bool = False):
    text = None if value is None else str(value).strip()
    if optional and text in _NONE:
        return None
    for a in allowed:
        if text is not None and text.casefold() == a.casefold():
            return a
    extra = " (or none)" if optional else ""
    raise BadInput(f"{what} {value!r} is not one of: {', '.join(allowed)}{extra}")


def _place(value, gazetteer) -> dict:
    text = str(value or "").strip()
    p = gazetteer.get(text)
    if p is None:  # an English name is fine too, when it names one place
        hits = [q for q in gazetteer if q.name_en.casefold() == text.casefold()]
        p = hits[0] if len(hits) == 1 else None
    if p is None:
        raise BadInput(f"place {text!r} is not in the gazetteer; give its id (see 'frontline gazetteer export')")
    return {PLACE: p.id, PLACE_NAME: p.name_en, LAT: p.lat, LON: p.lon}


def _source(value) -> dict:
    name = replace_surrogates(str(value or ""))[0].strip()
    if not name or len(name) > _MAX_SOURCE:
        raise BadInput(f"source {value!r}: give who said it (\"outlet\" for the outlet's own voice), "
                       f"under {_MAX_SOURCE} characters")
    known = lookup(name) if name != "outlet" else None
    kind = "outlet" if name == "outlet" else known.kind if known is not None else "unknown"
    return {ATTRIBUTED_TO: name, SOURCE_KIND: kind}


def clean_changes(changes: Mapping, gazetteer) -> dict:
    """An edit's new values, checked and completed.

    Parameters
    ----------
    changes : mapping
        Any of :data:`EDITABLE`: ``place`` (gazetteer id or English name),
        ``actor`` (:data:`~extract.claim.ACTORS` or none), ``change``,
        ``extent`` (or none), ``modality``, ``attributed_to`` (a source, or
        ``outlet``), ``date`` (see :func:`parse_window`).
    gazetteer : Gazetteer

    Returns
    -------
    dict
        The fields to set on the claim, JSON-ready: a place brings
        ``place_name``, ``lat`` and ``lon``; a source its ``source_kind``; a
        date is a window dict with basis ``review``.

    Raises
    ------
    BadInput
        For an unknown field or value, saying what is accepted.
    """
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise BadInput(f"cannot edit {', '.join(unknown)}; editable: {', '.join(EDITABLE)}")
    out: dict = {}
    for k, v in changes.items():
        if k == PLACE:
            out.update(_place(v, gazetteer))
        elif k == ACTOR:
            out[ACTOR] = _choice(v, ACTORS, "actor", optional=True)
        elif k == CHANGE:
            out[CHANGE] = _choice(v, CHANGES, "change")
        elif k == EXTENT:
            out[EXTENT] = _choice(v, EXTENTS, "extent", optional=True)
        elif k == MODALITY:
            out[MODALITY] = _choice(v, MODALITIES, "modality")
        elif k == ATTRIBUTED_TO:
            out.update(_source(v))
        elif k == DATE:
            out[DATE] = parse_window(v).to_dict()
    if not out:
        raise BadInput(f"an edit changes at least one of: {', '.join(EDITABLE)}")
    return out


def new_claim(*, place: str, quote: str, date, source: str, gazetteer, kind: str = CONTROL,
              actor: str | None = None, change: str | None = None, extent: str | None = None,
              modality: str = "asserted", outlet: str | None = None, url: str | None = None) -> Claim:
    """A claim added by hand, with its evidence.

    Parameters
    ----------
    place : str
        Gazetteer id or English name.
    quote : str
        The words that say it (any language).
    date : str or DateWindow
        When it happened (see :func:`parse_window`).
    source : str
        Who said it (``"outlet"`` for the outlet's own voice).
    kind : str
        ``"control"`` (then ``actor`` and ``change`` are required) or one of
        :data:`~extract.claim.EVENT_KINDS`.
    outlet, url : str, optional
        Where it was published; the URL must be http(s).

    Examples
    --------
    >>> new_claim(place="hajin", quote="...", date="2018-12-14", source="SOHR", actor="SDF",
    ...           change="captured", gazetteer=load()).summary()   # doctest: +SKIP
    'SDF captured Hajin (SOHR)'
    """
    kind = _choice(kind, KINDS, "kind")
    where = _place(place, gazetteer)
    text = replace_surrogates(str(quote or ""))[0].strip()
    if not text or len(text) > _MAX_QUOTE:
        raise BadInput(f"an added claim needs the quote that says it (under {_MAX_QUOTE} characters)")
    link = None
    if url and str(url).strip():
        link = web_link(str(url).strip())
        if link is None:
            raise BadInput(f"URL {url!r} is not an http(s) address")
    actor = _choice(actor, ACTORS, "actor", optional=True)
    if kind == CONTROL:
        if actor is None or not change:
            raise BadInput("a control claim needs an actor and a change (captured, holds, advanced, withdrew, "
                           "repelled)")
        change = _choice(change, CHANGES, "change")
    else:
        change = None
    window = parse_window(date)
    who = _source(source)
    p = gazetteer[where[PLACE]]
    outlet = replace_surrogates(str(outlet))[0].strip()[:_MAX_SOURCE] if outlet else None
    return Claim(
        id="added", article="review", kind=kind, place=p.id, place_name=p.name_en, surface=p.name_ar, lat=p.lat,
        lon=p.lon, actor=actor, change=change, extent=_choice(extent, EXTENTS, "extent", optional=True),
        modality=_choice(modality, MODALITIES, "modality"), attributed_to=who[ATTRIBUTED_TO],
        outlet=outlet, published=window, date=window, quote=text, start=0, end=len(text), confidence=1.0,
        url=link, sentence=text, source_kind=who[SOURCE_KIND], rule="review.add",
        sentence_end=len(text),
    )

