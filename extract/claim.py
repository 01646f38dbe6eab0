"""The claim record, defined once and used by every package.

A :class:`Claim` is one statement an article makes about one place: a change
or state of control (``kind="control"``) or a strike, shelling or clash at the
place (``kind`` in :data:`EVENT_KINDS`). It carries its evidence: the exact
quote, its offsets in the original article text, and who said it.

Field names are module constants; :data:`FIELDS` is the column order of
``claims.jsonl`` and of every table built from it. :data:`COLUMNS` and
:func:`arrow_schema` are the same record as flat columns, for Parquet.

A claim's :attr:`Claim.key` is its identity across runs: the article's
content hash, the quote's span, the place and the kind (:func:`claim_key`), so
an analyst's review of it (:mod:`review`) survives re-extraction with better
rules. ``review_state`` and ``reviewed_by`` say what the review made of it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "ACTORS",
    "CHANGES",
    "COLUMNS",
    "CONTROL",
    "EVENT_KINDS",
    "EXTENTS",
    "FIELDS",
    "KINDS",
    "MODALITIES",
    "PRECISIONS",
    "REVIEW_STATES",
    "SOURCE_KINDS",
    "UNREVIEWED",
    "Claim",
    "DateWindow",
    "arrow_schema",
    "article_sha",
    "claim_key",
    "precision_of",
]

ACTORS = ("ISIS", "SDF", "SAA", "COALITION", "PMF", "IRAQ", "TURKEY", "OTHER")
CHANGES = ("captured", "holds", "advanced", "withdrew", "repelled")
EXTENTS = ("full", "most", "half", "part", "outskirts")
MODALITIES = ("asserted", "claimed", "denied")
# How exactly a claim is placed in time, as ACLED's time precision: a day, a week, a month, or wider.
PRECISIONS = ("day", "week", "month", "year")
CONTROL = "control"
EVENT_KINDS = ("airstrike", "shelling", "clash")
KINDS = (CONTROL, *EVENT_KINDS)

ID, ARTICLE, KIND, PLACE, PLACE_NAME, SURFACE = "id", "article", "kind", "place", "place_name", "surface"
LAT, LON, ACTOR, CHANGE, EXTENT, MODALITY = "lat", "lon", "actor", "change", "extent", "modality"
ATTRIBUTED_TO, OUTLET, PUBLISHED, DATE = "attributed_to", "outlet", "published", "date"
QUOTE, START, END, CONFIDENCE = "quote", "start", "end", "confidence"
URL, CUE, PLACE_START, PLACE_END, ATTRIBUTION_BASIS = "url", "cue", "place_start", "place_end", "attribution_basis"
OUTLET_BASIS, PRECISION = "outlet_basis", "precision"
RULE, SOURCE_KIND = "rule", "source_kind"
SENTENCE_START, SENTENCE_END, SENTENCE = "sentence_start", "sentence_end", "sentence"
KEY, REVIEW_STATE, REVIEWED_BY = "key", "review_state", "reviewed_by"

FIELDS = (
    ID, ARTICLE, KIND, PLACE, PLACE_NAME, SURFACE, LAT, LON, ACTOR, CHANGE, EXTENT, MODALITY,
    ATTRIBUTED_TO, OUTLET, PUBLISHED, DATE, PRECISION, QUOTE, START, END, CONFIDENCE,
    URL, CUE, PLACE_START, PLACE_END, SENTENCE_START, SENTENCE_END, ATTRIBUTION_BASIS, OUTLET_BASIS, SENTENCE,
    SOURCE_KIND, RULE, KEY, REVIEW_STATE, REVIEWED_BY,
)
# What kind of source said it (see extract.sources): a party to the conflict or its media, a monitor,
# a news agency, an outlet speaking in its own voice, local sources.
SOURCE_KINDS = ("party", "monitor", "agency", "outlet", "local", "unknown")
# What an analyst's review made of a claim (see the review package): rejected claims leave the map.
UNREVIEWED = "unreviewed"
REVIEW_STATES = (UNREVIEWED, "confirmed", "edited", "added", "rejected")

# Parquet keeps the record flat: each date window is three columns in its place
# (``date_earliest``, ``date_latest``, ``date_basis``), so any Parquet reader
# (pandas, DuckDB, QGIS) filters on dates without unnesting a struct.
EARLIEST, LATEST, BASIS = "earliest", "latest", "basis"
PUBLISHED_EARLIEST, PUBLISHED_LATEST, PUBLISHED_BASIS = (f"{PUBLISHED}_{p}" for p in (EARLIEST, LATEST, BASIS))
DATE_EARLIEST, DATE_LATEST, DATE_BASIS = (f"{DATE}_{p}" for p in (EARLIEST, LATEST, BASIS))
WINDOWS = {PUBLISHED: (PUBLISHED_EARLIEST, PUBLISHED_LATEST, PUBLISHED_BASIS),
           DATE: (DATE_EARLIEST, DATE_LATEST, DATE_BASIS)}
COLUMNS = tuple(c for f in FIELDS for c in WINDOWS.get(f, (f,)))
_INTS = (START, END, PLACE_START, PLACE_END, SENTENCE_START, SENTENCE_END)
_FLOATS = (LAT, LON, CONFIDENCE)
_DATES = (PUBLISHED_EARLIEST, PUBLISHED_LATEST, DATE_EARLIEST, DATE_LATEST)


@cache
def arrow_schema() -> pa.Schema:
    """The claim record as an Arrow schema, in :data:`COLUMNS` order.

    Offsets are int64, coordinates and confidence float64, window bounds
    date32, everything else UTF-8 strings; every column is nullable, as in
    ``claims.jsonl``. Imports pyarrow only when called.
    """
    import pyarrow as pa

    def kind(c: str) -> pa.DataType:
        return (pa.int64() if c in _INTS else pa.float64() if c in _FLOATS
                else pa.date32() if c in _DATES else pa.string())

    return pa.schema([pa.field(c, kind(c)) for c in COLUMNS])


@dataclass(frozen=True)
class DateWindow:
    """A window of dates ``[earliest, latest]`` (inclusive) and how it was found.

    Either bound may be None when the text leaves it open.
    """

    earliest: date | None = None
    latest: date | None = None
    basis: str = ""

    @property
    def known(self) -> bool:
        """True when both bounds are set."""
        return self.earliest is not None and self.latest is not None

    def to_dict(self) -> dict:
        """ISO strings (or None) for JSON."""
        return {"earliest": self.earliest.isoformat() if self.earliest else None,
                "latest": self.latest.isoformat() if self.latest else None,
                "basis": self.basis}

    @classmethod
    def from_dict(cls, d: dict | None) -> DateWindow:
        """Inverse of :meth:`to_dict`; tolerates missing keys."""
        d = d or {}
        e, la = d.get("earliest"), d.get("latest")
        return cls(date.fromisoformat(e) if e else None, date.fromisoformat(la) if la else None,
                   d.get("basis") or "")


def article_sha(text: str) -> str:
    """The first 16 hex digits of the SHA-256 of an article's text: its identity whatever its file is called.

    Examples
    --------
    >>> article_sha("سيطرت قسد على هجين")
    'f2d807253ed7450b'
    """
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def claim_key(claim: Claim, article_text_sha: str) -> str:
    """A claim's identity across runs: ``<article sha>:<start>-<end>:<place>:<kind>``.

    Unlike :attr:`Claim.id` it does not depend on the article's file name or on
    how the rules read the change, so a review stays attached when the same
    articles are extracted again (``review.apply`` re-attaches it when better
    rules move the quote within its sentence).

    Examples
    --------
    >>> claim_key(claim, article_sha(text))                 # doctest: +SKIP
    'f2d807253ed7450b:0-18:hajin:control'
    """
    return f"{article_text_sha}:{claim.start}-{claim.end}:{claim.place}:{claim.kind}"


def precision_of(window: DateWindow) -> str | None:
    """The time precision of a window: ``day``, ``week`` (up to 7 days), ``month`` (up to 31), else ``year``.

    None when the window is not known.
    """
    if not window.known:
        return None
    days = (window.latest - window.earliest).days + 1
    return "day" if days <= 1 else "week" if days <= 7 else "month" if days <= 31 else "year"


@dataclass(frozen=True, slots=True)
class Claim:
    """One statement about one place, with its evidence.

    Parameters
    ----------
    id : str
        Stable id: ``<article>:<start>:<place>:<kind>``.
    article : str
        The article id (file name without extension, or the row's ``id``).
    kind : str
        ``"control"`` or one of :data:`EVENT_KINDS`.
    place, place_name, surface : str
        Gazetteer id, its English name, and the place as written.
    actor : str or None
        One of :data:`ACTORS`.
    change : str or None
        One of :data:`CHANGES` (control claims only).
    extent : str or None
        One of :data:`EXTENTS`.
    modality : str
        One of :data:`MODALITIES`.
    attributed_to : str
        ``"outlet"`` when the article speaks in its own voice, else the source.
    published, date : DateWindow
        Publication window of the article; window of the event itself.
    quote, start, end : str, int, int
        The exact quote and its offsets in the original article text.
    sentence : str
        The whole sentence (``sentence_start:sentence_end`` of the article), so
        a reader can check the quote in context without the article.
    confidence : float
        0..1, lower where the reading leans on inference (anaphora, lists).
    source_kind : str
        One of :data:`SOURCE_KINDS`: what kind of source ``attributed_to`` is.
    rule : str
        The ids of the rules that read it, ``+``-joined (``cue.word+target.object+source.speaker``),
        so a reader can ask why the map says what it says.
    precision : str or None
        One of :data:`PRECISIONS`: how exactly ``date`` places the claim; by
        default computed from the window (:func:`precision_of`), None when
        the claim has no window.
    key : str
        Identity across runs (:func:`claim_key`), set by the extraction pipeline;
        by default built from the article id instead of its content hash.
    review_state : str
        One of :data:`REVIEW_STATES` (set by ``review.apply_review``).
    reviewed_by : str
        Who confirmed, edited, added or rejected it, comma-separated.
    """

    id: str
    article: str
    kind: str
    place: str
    place_name: str
    surface: str
    lat: float
    lon: float
    actor: str | None
    change: str | None
    extent: str | None
    modality: str
    attributed_to: str
    outlet: str | None
    published: DateWindow
    date: DateWindow
    quote: str
    start: int
    end: int
    confidence: float
    url: str | None = None
    cue: str = ""
    place_start: int = 0
    place_end: int = 0
    sentence_start: int = 0
    sentence_end: int = 0
    attribution_basis: str = ""
    outlet_basis: str = ""
    sentence: str = ""
    source_kind: str = "unknown"
    rule: str = ""
    precision: str | None = None
    key: str = ""
    review_state: str = UNREVIEWED
    reviewed_by: str = ""

    def __post_init__(self) -> None:
        if self.precision is None:  # frozen: set the default the way dataclasses do
            object.__setattr__(self, PRECISION, precision_of(self.date))
        if not self.key:  # no article text at hand: its id stands in for its content hash
            object.__setattr__(self, KEY, f"{self.article}:{self.start}-{self.end}:{self.place}:{self.kind}")

    def summary(self) -> str:
        """The claim in one English sentence, e.g. "SDF captured half of Hajin (SOHR, claimed)"."""
        who = self.actor or "unknown actor"
        if self.kind == CONTROL:
            extent = {"full": "all of ", "most": "most of ", "half": "half of ", "part": "part of ",
                      "outskirts": "the outskirts of "}.get(self.extent or "", "")
            verb = {"captured": "captured", "holds": "holds", "advanced": "advanced in",
                    "withdrew": "withdrew from", "repelled": "repelled an attack on"}.get(self.change or "", "?")
            text = f"{who} {verb} {extent}{self.place_name}"
        else:
            text = f"{self.kind} on {self.place_name}" + (f" by {self.actor}" if self.actor else "")
        source = self.outlet if self.attributed_to == "outlet" else self.attributed_to
        notes = [n for n in (source, None if self.modality == "asserted" else self.modality) if n]
        return text + (f" ({', '.join(notes)})" if notes else "")

    def to_dict(self) -> dict:
        """A JSON-ready dict in :data:`FIELDS` order."""
        # Field by field: dataclasses.asdict deep-copies every value, 8x slower for the same dict.
        return {
            ID: self.id, ARTICLE: self.article, KIND: self.kind, PLACE: self.place, PLACE_NAME: self.place_name,
            SURFACE: self.surface, LAT: self.lat, LON: self.lon, ACTOR: self.actor, CHANGE: self.change,
            EXTENT: self.extent, MODALITY: self.modality, ATTRIBUTED_TO: self.attributed_to, OUTLET: self.outlet,
            PUBLISHED: self.published.to_dict(), DATE: self.date.to_dict(), PRECISION: self.precision,
            QUOTE: self.quote, START: self.start, END: self.end, CONFIDENCE: self.confidence, URL: self.url,
            CUE: self.cue, PLACE_START: self.place_start, PLACE_END: self.place_end,
            SENTENCE_START: self.sentence_start, SENTENCE_END: self.sentence_end,
            ATTRIBUTION_BASIS: self.attribution_basis, OUTLET_BASIS: self.outlet_basis, SENTENCE: self.sentence,
            SOURCE_KIND: self.source_kind, RULE: self.rule, KEY: self.key, REVIEW_STATE: self.review_state,
            REVIEWED_BY: self.reviewed_by,
        }

    @classmethod
    def from_dict(cls, d: dict) -> Claim:
        """Read a claim back from its JSON form (unknown keys are ignored)."""
        kw = {k: d.get(k) for k in FIELDS}
        kw[PUBLISHED] = DateWindow.from_dict(d.get(PUBLISHED))
        kw[DATE] = DateWindow.from_dict(d.get(DATE))
        for k, default in ((CUE, ""), (ATTRIBUTION_BASIS, ""), (OUTLET_BASIS, ""), (SENTENCE, ""), (MODALITY, "asserted"),
                           (ATTRIBUTED_TO, "outlet"), (SOURCE_KIND, "unknown"), (RULE, ""), (KEY, ""), (REVIEW_STATE, UNREVIEWED),
                           (REVIEWED_BY, "")):
            kw[k] = kw[k] if kw[k] is not None else default
        if kw[PRECISION] not in PRECISIONS:
            kw[PRECISION] = None  # computed from the window
        if kw[REVIEW_STATE] not in REVIEW_STATES:
            kw[REVIEW_STATE] = UNREVIEWED
        for k in (PLACE_START, PLACE_END, SENTENCE_START, SENTENCE_END, START, END):
            kw[k] = int(kw[k] or 0)
        kw[CONFIDENCE] = float(kw[CONFIDENCE] or 0.0)
        return cls(**kw)
