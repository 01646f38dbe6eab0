"""The :class:`Gazetteer`: the curated places, loaded and indexed.

Examples
--------
>>> gz = load()
>>> gz["hajin"].name_ar
'هجين'
>>> gz.ancestors("baghuz_tahtani")
('baghuz',)
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from gazetteer.place import (
    BANK,
    CONTEXT_REQUIRED,
    CONTEXT_WORDS,
    COORD_SOURCE_ID,
    ID,
    KIND,
    LAT,
    LON,
    NAME_AR,
    NAME_EN,
    NAMES_AR,
    NAMES_EN,
    NOTE,
    PARENT,
    PRECISION_M,
    Place,
)
from guard.errors import BadInput

__all__ = ["DATA_DIR", "PLACES_CSV", "SOURCES_CSV", "Gazetteer", "load"]

DATA_DIR = Path(__file__).resolve().parent / "data"
PLACES_CSV = DATA_DIR / "places.csv"
SOURCES_CSV = DATA_DIR / "coordinate_sources.csv"


class GazetteerError(BadInput):
    """A gazetteer file that cannot be read; the message names file and row."""


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split(";") if v.strip())


def _place_from_row(row: dict, *, path: Path, line: int) -> Place:
    try:
        return Place(
            id=row[ID].strip(),
            name_en=row[NAME_EN].strip(),
            names_en=_split(row.get(NAMES_EN, "")),
            name_ar=row[NAME_AR].strip(),
            names_ar=_split(row.get(NAMES_AR, "")),
            kind=row[KIND].strip(),
            parent=(row.get(PARENT) or "").strip() or None,
            bank=(row.get(BANK) or "").strip() or None,
            lat=float(row[LAT]),
            lon=float(row[LON]),
            precision_m=int(float(row[PRECISION_M])),
            coord_source=(row.get("coord_source") or "").strip(),
            coord_source_id=(row.get(COORD_SOURCE_ID) or "").strip(),
            context_required=(row.get(CONTEXT_REQUIRED) or "").strip().lower() in ("yes", "true", "1"),
            context_words=_split(row.get(CONTEXT_WORDS, "")),
            note=(row.get(NOTE) or "").strip(),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise GazetteerError(f"{path}, line {line}: cannot read place row ({exc}); fix the row and retry") from exc


class Gazetteer:
    """An ordered, indexed collection of :class:`~gazetteer.place.Place`.

    Parameters
    ----------
    places : iterable of Place
        The places; ids must be unique (see :func:`gazetteer.check.check`).
    sources : list of dict, optional
        Every published coordinate of every place (``place_id, lat, lon,
        source, source_id``), used to report disagreements.
    """

    def __init__(self, places, *, sources: list[dict] | None = None) -> None:
        self._places: dict[str, Place] = {}
        self.duplicates: list[str] = []
        for p in places:
            if p.id in self._places:
                self.duplicates.append(p.id)
            self._places[p.id] = p
        self.sources = list(sources or [])

    def __getitem__(self, place_id: str) -> Place:
        try:
            return self._places[place_id]
        except KeyError:
            raise KeyError(f"no place with id {place_id!r} in the gazetteer") from None

    def __contains__(self, place_id: object) -> bool:
        return place_id in self._places

    def __iter__(self) -> Iterator[Place]:
        return iter(self._places.values())

    def __len__(self) -> int:
        return len(self._places)

    def get(self, place_id: str | None) -> Place | None:
        """The place with that id, or None."""
        return self._places.get(place_id) if place_id else None

    def ancestors(self, place_id: str) -> tuple[str, ...]:
        """Ids of the places containing ``place_id``, nearest first."""
        out: list[str] = []
        p = self._places.get(place_id)
        while p is not None and p.parent and p.parent not in out:
            out.append(p.parent)
            p = self._places.get(p.parent)
        return tuple(out)

    def related(self, a: str, b: str) -> bool:
        """True when ``a`` and ``b`` are the same place or one contains the other."""
        return a == b or a in self.ancestors(b) or b in self.ancestors(a)

    def to_geojson(self) -> dict:
        """The gazetteer as an RFC 7946 FeatureCollection of points."""
        features = []
        for p in self:
            props = p.to_dict()
            lon, lat = props.pop("lon"), props.pop("lat")
            features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
                             "properties": props})
        return {"type": "FeatureCollection", "features": features}


def _read_csv(path: Path) -> list[tuple[int, dict]]:
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            return [(i + 2, row) for i, row in enumerate(csv.DictReader(f))]
    except FileNotFoundError:
        raise GazetteerError(f"{path}: file not found; pass the path of a places CSV") from None
    except UnicodeDecodeError as exc:
        raise GazetteerError(f"{path}: not UTF-8 ({exc}); save it as UTF-8") from None
    except (OSError, csv.Error) as exc:
        raise GazetteerError(f"{path}: cannot read as a places CSV ({exc}); pass the path of a places CSV") from None


def load(path: str | Path | None = None, *, sources: str | Path | None = None) -> Gazetteer:
    """Load a gazetteer from CSV (the bundled one by default).

    Parameters
    ----------
    path : str or Path, optional
        A places CSV with the columns of :data:`gazetteer.place.COLUMNS`.
    sources : str or Path, optional
        A coordinate-sources CSV; by default the one beside ``path`` if any.

    Returns
    -------
    Gazetteer
    """
    if path is None:
        return _bundled()
    path = Path(path)
    places = [_place_from_row(row, path=path, line=line) for line, row in _read_csv(path)]
    src_path = Path(sources) if sources else path.with_name(SOURCES_CSV.name)
    src = [row for _, row in _read_csv(src_path)] if src_path.exists() else []
    return Gazetteer(places, sources=src)


@lru_cache(maxsize=1)
def _bundled() -> Gazetteer:
    return load(PLACES_CSV, sources=SOURCES_CSV)


def dumps_geojson(gz: Gazetteer) -> str:
    """The gazetteer as GeoJSON text (UTF-8, Arabic unescaped)."""
    return json.dumps(gz.to_geojson(), ensure_ascii=False, indent=1)
