"""The place record, defined once and used by every package.

A :class:`Place` is one row of the curated gazetteer (``gazetteer/data/places.csv``).
Column names are module constants so code never spells them twice.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

__all__ = [
    "BANK",
    "BANKS",
    "COLUMNS",
    "CONTEXT_REQUIRED",
    "CONTEXT_WORDS",
    "COORD_SOURCE",
    "COORD_SOURCE_ID",
    "ID",
    "KIND",
    "KINDS",
    "LAT",
    "LON",
    "NAMES_AR",
    "NAMES_EN",
    "NAME_AR",
    "NAME_EN",
    "NOTE",
    "PARENT",
    "PRECISION_M",
    "Place",
]

ID = "id"
NAME_EN = "name_en"
NAMES_EN = "names_en"
NAME_AR = "name_ar"
NAMES_AR = "names_ar"
KIND = "kind"
PARENT = "parent"
BANK = "bank"
LAT = "lat"
LON = "lon"
PRECISION_M = "precision_m"
COORD_SOURCE = "coord_source"
COORD_SOURCE_ID = "coord_source_id"
CONTEXT_REQUIRED = "context_required"
CONTEXT_WORDS = "context_words"
NOTE = "note"

COLUMNS = (
    ID, NAME_EN, NAMES_EN, NAME_AR, NAMES_AR, KIND, PARENT, BANK, LAT, LON,
    PRECISION_M, COORD_SOURCE, COORD_SOURCE_ID, CONTEXT_REQUIRED, CONTEXT_WORDS, NOTE,
)

# What a place is. Sites, camps, neighbourhoods, islands and hills usually have a
# town as ``parent``; "base" covers air bases and army bases; "area" is a named
# stretch of country (a river bank facing a town); "province" an administrative
# province, named as such (محافظة دير الزور), never the town of the same name.
KINDS = ("city", "town", "village", "neighbourhood", "island", "hill", "oil field", "crossing", "base", "camp",
         "site", "area", "province")
# Hydrographic banks of the Euphrates: facing downstream, "left" is the
# north-east bank (the Jazira, "east of the Euphrates" in the news) and
# "right" the south-west bank (the Shamiya).
BANKS = ("left", "right")


@dataclass(frozen=True)
class Place:
    """One curated place.

    Parameters
    ----------
    id : str
        Stable lower-case ASCII slug; annotations refer to it.
    name_en, name_ar : str
        Preferred English and Arabic names.
    names_en, names_ar : tuple of str
        Variants: romanisations, spellings with and without the article,
        common misspellings.
    kind : str
        One of :data:`KINDS`.
    parent : str or None
        The id of the place this one lies inside (a hospital in a town, Baghuz
        Fawqani in Baghuz).
    bank : str or None
        ``"left"`` or ``"right"`` bank of the Euphrates, where it applies.
    lat, lon : float
        WGS 84 coordinate.
    precision_m : int
        Radius within which the real place lies, in metres.
    coord_source, coord_source_id : str
        Where the coordinate came from (and its GeoNames id or p-code).
    context_required : bool
        The name is also a common word; link it only with place context.
    context_words : tuple of str
        Extra words that, near the name, confirm it is this place.
    note : str
        How the coordinate was chosen where no source gives it.
    """

    id: str
    name_en: str
    name_ar: str
    kind: str
    lat: float
    lon: float
    precision_m: int
    coord_source: str
    names_en: tuple[str, ...] = ()
    names_ar: tuple[str, ...] = ()
    parent: str | None = None
    bank: str | None = None
    coord_source_id: str = ""
    context_required: bool = False
    context_words: tuple[str, ...] = field(default=())
    note: str = ""

    @property
    def arabic_names(self) -> tuple[str, ...]:
        """The preferred Arabic name followed by its variants, without repeats."""
        return tuple(dict.fromkeys((self.name_ar, *self.names_ar)))

    @property
    def english_names(self) -> tuple[str, ...]:
        """The preferred English name followed by its variants, without repeats."""
        return tuple(dict.fromkeys((self.name_en, *self.names_en)))

    def to_dict(self) -> dict:
        """Plain dict with lists for the tuple fields (for JSON and tables)."""
        d = asdict(self)
        for key in (NAMES_EN, NAMES_AR, CONTEXT_WORDS):
            d[key] = list(d[key])
        return d
