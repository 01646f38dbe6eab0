"""A curator's geocoder: candidate ``places.csv`` rows for a place the gazetteer lacks.

``frontline gazetteer suggest NAME`` asks an online geocoder (through geopy:
Nominatim by default, GeoNames with a username), keeps the results inside the
study area and prints each as a ``places.csv`` row with its provenance: the
geocoder, the query, the OSM type and id or the GeoNames id, and the date
retrieved. Nothing is written to the gazetteer: a curator reads the rows,
checks them against the reporting and pastes what holds.

``precision_m`` is a guess from the result type (a city is a bigger target
than a hamlet), listed in :data:`KIND_PRECISION` and :data:`GEONAMES_KIND_PRECISION`.

Examples
--------
>>> rows = suggest("الصالحية", domain="127.0.0.1:8080", scheme="http")  # doctest: +SKIP
>>> print(to_csv(rows))  # doctest: +SKIP
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from types import SimpleNamespace

from geopy import exc as geopy_exc
from geopy.geocoders import GeoNames, Nominatim

from gazetteer._ambiguity import km
from gazetteer.place import (
    BANK,
    COLUMNS,
    COORD_SOURCE,
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
    PRECISION_M,
)
from gazetteer.places import Gazetteer
from gazetteer.river import STUDY_AREA, bank_of
from guard.errors import BadInput

__all__ = [
    "GEONAMES_KIND_PRECISION",
    "KIND_PRECISION",
    "STUDY_BOUNDS",
    "USER_AGENT",
    "GeocoderError",
    "Suggestion",
    "suggest",
    "to_csv",
]

USER_AGENT = "frontline-gazetteer-suggest/0.1 (curator tool; https://github.com/frontline)"
# (lon_min, lat_min, lon_max, lat_max): the study area every place must lie in (gazetteer.river).
STUDY_BOUNDS: tuple[float, float, float, float] = tuple(round(v, 4) for v in STUDY_AREA.bounds)
# OSM (class, type) -> (kind, precision_m). "*" matches any type of the class.
KIND_PRECISION: dict[tuple[str, str], tuple[str, int]] = {
    ("place", "city"): ("city", 5000),
    ("place", "town"): ("town", 2000),
    ("place", "village"): ("village", 1000),
    ("place", "hamlet"): ("village", 500),
    ("place", "suburb"): ("area", 1500),
    ("place", "quarter"): ("area", 1000),
    ("place", "neighbourhood"): ("area", 700),
    ("place", "locality"): ("site", 1000),
    ("place", "isolated_dwelling"): ("site", 200),
    ("place", "farm"): ("site", 300),
    ("place", "*"): ("area", 3000),
    ("aeroway", "*"): ("base", 2000),
    ("military", "*"): ("base", 1500),
    ("landuse", "military"): ("base", 1500),
    ("man_made", "petroleum_well"): ("oil field", 1500),
    ("man_made", "works"): ("site", 1000),
    ("industrial", "*"): ("site", 1000),
    ("amenity", "refugee_site"): ("camp", 1000),
    ("amenity", "refugee_camp"): ("camp", 1000),
    ("barrier", "border_control"): ("crossing", 500),
    ("boundary", "administrative"): ("area", 10000),
    ("*", "*"): ("site", 3000),
}
# GeoNames feature code -> (kind, precision_m); the class letter alone as a fallback.
GEONAMES_KIND_PRECISION: dict[str, tuple[str, int]] = {
    "PPLC": ("city", 5000), "PPLA": ("city", 5000), "PPLA2": ("city", 3000), "PPLA3": ("town", 2000),
    "PPLA4": ("town", 2000), "PPL": ("village", 1500), "PPLL": ("village", 1000), "PPLX": ("area", 1000),
    "PPLQ": ("site", 1000), "OILF": ("oil field", 2000), "GASF": ("oil field", 2000), "AIRB": ("base", 2000),
    "AIRP": ("base", 2000), "CMPRF": ("camp", 1000), "PSTB": ("crossing", 500),
    "P": ("village", 1500), "A": ("area", 10000), "S": ("site", 1000), "*": ("site", 3000),
}
_NEAR_EXISTING_KM = 5.0
_BANK_WITHIN_M = 15000.0


class GeocoderError(BadInput, OSError):
    """The geocoder could not be asked or refused; the message says what to try (exit 2, not a bug)."""


@dataclass(frozen=True)
class Suggestion:
    """One candidate place: a ``places.csv`` row and where it came from.

    ``row`` has the columns of :data:`gazetteer.place.COLUMNS`; ``raw`` is the
    geocoder's own record.
    """

    row: dict
    raw: dict


def suggest(name: str, *, geonames_username: str | None = None, domain: str | None = None,
            scheme: str | None = None, limit: int = 5, timeout: float = 10.0,
            gazetteer: Gazetteer | None = None, bounds: tuple[float, float, float, float] = STUDY_BOUNDS,
            user_agent: str = USER_AGENT, today: date | None = None) -> list[Suggestion]:
    """Candidate places for ``name`` inside the study area.

    Parameters
    ----------
    name : str
        The place as the reporting writes it (Arabic or English).
    geonames_username : str, optional
        Ask GeoNames (with this account) instead of Nominatim.
    domain, scheme : str, optional
        Where the geocoder lives (``"127.0.0.1:8080"``, ``"http"``); the public
        service by default.
    limit : int
        At most this many candidates.
    timeout : float
        Seconds to wait for an answer.
    gazetteer : Gazetteer, optional
        When given, a candidate near one of its places says so in its note,
        and ids already taken get a suffix.
    bounds : tuple of float
        ``(lon_min, lat_min, lon_max, lat_max)``; results outside are dropped.
    user_agent : str
        Sent to the geocoder (Nominatim's policy asks for one that names the tool).
    today : date, optional
        The retrieval date recorded in the provenance (today by default).

    Returns
    -------
    list of Suggestion

    Raises
    ------
    GeocoderError
        The service cannot be reached, timed out or refused the request.
    """
    if not name.strip():
        raise ValueError("give the name of the place to look for")
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit}")
    today = today or date.today()
    lon0, lat0, lon1, lat1 = bounds
    kw = {"domain": domain} if domain else {}
    if scheme:
        kw["scheme"] = scheme
    if geonames_username:
        geocoder = GeoNames(geonames_username, timeout=timeout, user_agent=user_agent, **kw)
        service = f"GeoNames ({geocoder.api.split('/searchJSON')[0]})"
        call = lambda: geocoder.geocode(name, exactly_one=False, country=["SY", "IQ"])  # noqa: E731
    else:
        geocoder = Nominatim(user_agent=user_agent, timeout=timeout, **kw)
        service = f"Nominatim ({geocoder.api.split('/search')[0]})"
        # Ask for more than needed: a server may ignore the box and we filter after.
        call = lambda: geocoder.geocode(  # noqa: E731
            name, exactly_one=False, limit=max(limit * 3, 10), namedetails=True, bounded=True,
            viewbox=[(lat0, lon0), (lat1, lon1)])
    try:
        found = call() or []
    except geopy_exc.GeocoderTimedOut as e:
        raise GeocoderError(f"{service} did not answer within {timeout} s ({e}); retry with a longer "
                            "--timeout, or point --domain at a reachable server") from None
    except (geopy_exc.GeocoderAuthenticationFailure, geopy_exc.GeocoderInsufficientPrivileges) as e:
        raise GeocoderError(f"{service} refused the request ({e}); check --geonames-username "
                            "(the account must have web services enabled)") from None
    except geopy_exc.GeocoderRateLimited as e:
        raise GeocoderError(f"{service} says too many requests ({e}); wait a minute and retry") from None
    except (geopy_exc.GeocoderUnavailable, geopy_exc.GeocoderServiceError) as e:
        raise GeocoderError(f"cannot reach {service} ({e}); are you offline? Connect, or run a local "
                            "Nominatim and pass --domain HOST:PORT --scheme http") from None

    out: list[Suggestion] = []
    taken = {p.id for p in gazetteer} if gazetteer is not None else set()
    for loc in found:
        if not (lon0 <= loc.longitude <= lon1 and lat0 <= loc.latitude <= lat1):
            continue
        raw = dict(loc.raw)
        if geonames_username:
            row = _geonames_row(name, raw, loc.latitude, loc.longitude)
        else:
            row = _nominatim_row(name, raw, loc.latitude, loc.longitude)
        row[COORD_SOURCE] = f"{service} query {name!r}, retrieved {today.isoformat()}"
        row[ID] = _unique(row[ID], taken)
        taken.add(row[ID])
        if gazetteer is not None:
            row[NOTE] = _near_note(gazetteer, row) + row[NOTE]
        out.append(Suggestion({c: row.get(c, "") for c in COLUMNS}, raw))
        if len(out) >= limit:
            break
    return out


def to_csv(suggestions: list[Suggestion], *, header: bool = True) -> str:
    """The suggestions as ``places.csv`` text (the bundled file's columns and quoting)."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    if header:
        w.writeheader()
    for s in suggestions:
        w.writerow(s.row)
    return buf.getvalue()


def _is_arabic(s: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in s)


# A rough romanisation, only to give an Arabic-only candidate a readable id for the curator to fix.
_ROMAN = str.maketrans({
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh",
    "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ة": "a",
    "و": "w", "ي": "y", "ى": "a", "ء": "", "ؤ": "", "ئ": "",
})


def _slug(text: str) -> str:
    text = " ".join(w[2:] if w.startswith("ال") and len(w) > 3 else w for w in text.split())
    ascii_text = unicodedata.normalize("NFKD", text.translate(_ROMAN)).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")
    s = re.sub(r"^(?:al|el|as|ash|ad|ar|at|az|an)_", "", s)
    return s if s and s[0].isalpha() else ""


def _unique(slug: str, taken: set[str]) -> str:
    slug = slug or "new_place"
    if slug not in taken:
        return slug
    k = 2
    while f"{slug}_{k}" in taken:
        k += 1
    return f"{slug}_{k}"


def _bank(lat: float, lon: float) -> str:
    side, dist = bank_of(lat, lon)
    return side if dist <= _BANK_WITHIN_M else ""


def _names(query: str, primary: str, english: str, arabic: str, alternates: list[str]) -> dict:
    name_ar = arabic or (primary if _is_arabic(primary) else "") or (query if _is_arabic(query) else "")
    name_en = english or (primary if primary and not _is_arabic(primary) else "") or \
        (query if not _is_arabic(query) else "")
    names_ar = [a for a in dict.fromkeys([primary, query, *alternates]) if a and _is_arabic(a) and a != name_ar]
    names_en = [a for a in dict.fromkeys([primary, query, *alternates])
                if a and not _is_arabic(a) and a != name_en]
    return {NAME_AR: name_ar, NAME_EN: name_en, NAMES_AR: ";".join(names_ar), NAMES_EN: ";".join(names_en)}


def _nominatim_row(query: str, raw: dict, lat: float, lon: float) -> dict:
    cls, typ = raw.get("class", raw.get("category", "")), raw.get("type", "")
    kind, precision = (KIND_PRECISION.get((cls, typ)) or KIND_PRECISION.get((cls, "*"))
                       or KIND_PRECISION[("*", "*")])
    details = raw.get("namedetails") or {}
    primary = details.get("name") or raw.get("name") or raw.get("display_name", "").split(",")[0].strip()
    alternates = [v for k, v in details.items() if k in ("alt_name", "old_name", "name:en", "name:ar", "official_name")]
    alternates = [a.strip() for v in alternates for a in v.split(";")]
    row = _names(query, primary, details.get("name:en", ""), details.get("name:ar", ""), alternates)
    osm = f"osm:{raw.get('osm_type', '')}/{raw.get('osm_id', '')}"
    row.update({
        ID: _slug(row[NAME_EN]) or _slug(query), KIND: kind, BANK: _bank(lat, lon),
        LAT: round(lat, 5), LON: round(lon, 5), PRECISION_M: precision, COORD_SOURCE_ID: osm,
        NOTE: f"suggested from OSM {cls}={typ} ({raw.get('display_name', '')}); precision guessed from the "
              "type: check against the reporting before accepting",
    })
    return row


def _geonames_row(query: str, raw: dict, lat: float, lon: float) -> dict:
    code = raw.get("fcode", "")
    kind, precision = (GEONAMES_KIND_PRECISION.get(code) or GEONAMES_KIND_PRECISION.get(raw.get("fcl", ""))
                       or GEONAMES_KIND_PRECISION["*"])
    primary = raw.get("name", "")
    row = _names(query, primary, primary if not _is_arabic(primary) else "", "",
                 [raw.get("toponymName", "")])
    row.update({
        ID: _slug(row[NAME_EN]) or _slug(query), KIND: kind, BANK: _bank(lat, lon),
        LAT: round(lat, 5), LON: round(lon, 5), PRECISION_M: precision,
        COORD_SOURCE_ID: f"geonames:{raw.get('geonameId', '')}",
        NOTE: f"suggested from GeoNames {raw.get('fcl', '')}.{code} ({raw.get('adminName1', '')}, "
              f"{raw.get('countryCode', '')}); precision guessed from the feature code: check against the "
              "reporting before accepting",
    })
    return row


def _near_note(gz: Gazetteer, row: dict) -> str:
    here = SimpleNamespace(lat=row[LAT], lon=row[LON])
    near = sorted((km(here, p), p.id) for p in gz)
    near = [(d, pid) for d, pid in near if d <= _NEAR_EXISTING_KM]
    if not near:
        return ""
    return "near gazetteer place " + ", ".join(f"{pid} ({d:.1f} km)" for d, pid in near[:3]) + "; "
