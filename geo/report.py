"""The time map: one self-contained HTML page (the report, and the app's map).

Everything the page shows for every date is computed here and embedded as
JSON: each place's intervals of control, its history per source, the areas and
frontlines for each stretch of dates where no state changes, strikes and
clashes, and every claim with its quote. Leaflet is inlined (from the
``XStatic-Leaflet`` package), so the page opens offline and moving the date
never asks a server for anything.

Untrusted article text is embedded as JSON inside ``<script
type="application/json">`` with ``<``, ``>`` and ``&`` escaped, and the page's
script only ever writes it with ``textContent``.
"""

from __future__ import annotations

import itertools
import json
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import shapely

from extract.claim import CONTROL, Claim
from gazetteer.river import BASEMAP
from geo import _vendor
from geo.areas import areas_of, cells_for, frontlines_of
from geo.timeline import Timeline, View, parse_view, source_of

__all__ = ["COLORS", "map_data", "render_html", "write_report"]

HERE = Path(__file__).resolve().parent
COLORS = {
    "ISIS": "#1f1f1f", "SDF": "#f2c500", "SAA": "#d62728", "COALITION": "#1f77b4", "PMF": "#2ca02c",
    "IRAQ": "#17becf", "TURKEY": "#8c564b", "OTHER": "#9467bd", "contested": "#e4572e",
    "airstrike": "#ff7f0e", "shelling": "#9b59b6", "clash": "#e74c3c",
}
_SIMPLIFY_M = 120.0


def _round_geojson(geom, digits: int = 5) -> dict:
    geom = shapely.transform(geom, lambda xy: xy.round(digits))
    return shapely.geometry.mapping(geom)


@lru_cache(maxsize=1)
def _basemap() -> dict:
    data = json.loads(BASEMAP.read_text(encoding="utf-8"))
    river = [f for f in data["features"] if f["properties"].get("kind") == "river"
             and f["properties"].get("wdb_level") in (1, 3)]
    border = [f for f in data["features"] if f["properties"].get("kind") == "national_border"]
    return {"river": {"type": "FeatureCollection", "features": river},
            "border": {"type": "FeatureCollection", "features": border}}


def _fc(gdf, props: list[str]) -> dict:
    features = []
    for rec, geom in zip(gdf[props].itertuples(index=False), gdf.geometry, strict=True):
        if geom is None or geom.is_empty:
            continue
        features.append({"type": "Feature", "properties": dict(zip(props, rec, strict=True)),
                         "geometry": _round_geojson(geom)})
    return {"type": "FeatureCollection", "features": features}


def _date_text(c: Claim) -> str:
    e, la = c.date.earliest, c.date.latest
    if e is None or la is None:
        return "date unknown"
    return e.isoformat() if e == la else f"{e.isoformat()} – {la.isoformat()}"


def _claim_row(c: Claim) -> dict:
    why = c.published.basis if not c.published.known else c.date.basis
    return {"id": c.id, "summary": c.summary(), "quote": c.quote,
            "date": c.date.latest.isoformat() if c.date.latest else None,
            "date_text": _date_text(c) if c.date.known else f"undated: {why}", "precision": c.precision,
            "outlet": c.outlet, "source": source_of(c), "modality": c.modality, "url": c.url, "article": c.article}


def map_data(tl: Timeline, *, view: View | str = "consensus", date_from: date | None = None,
             date_to: date | None = None, initial: date | None = None, title: str = "Frontline") -> dict:
    """Everything the time map needs, as JSON-ready data.

    Parameters
    ----------
    tl : Timeline
    view : View or str
    date_from, date_to : date, optional
        The slider's range; by default the evidence's first and last dates.
    initial : date, optional
        Where the slider starts (default: the last date).
    """
    view = parse_view(view) if isinstance(view, str) else view
    span = tl.dates or (date.today(), date.today())
    start, end = date_from or span[0], date_to or span[1]
    if end < start:
        raise ValueError(f"the report's range ends ({end}) before it starts ({start})")
    intervals = tl.intervals(view)
    claims: list[Claim] = [c for c in tl.claims if view.admits(c)] + \
        [c for c in tl.events if c.date.latest is not None]
    index = {c.id: k for k, c in enumerate(claims)}
    by_place: dict[str, list[int]] = {}
    for k, c in enumerate(claims):
        by_place.setdefault(c.place, []).append(k)
        for parent in tl.gazetteer.ancestors(c.place):
            by_place.setdefault(parent, []).append(k)
    # Claims with no window are never placed, but every one is listed under its place.
    undated = [c for c in tl.undated if view.admits(c)] + [c for c in tl.events if c.date.latest is None]
    undated_at: dict[str, list[int]] = {}
    for k, c in enumerate(undated):
        for pid in (c.place, *tl.gazetteer.ancestors(c.place)):
            undated_at.setdefault(pid, []).append(k)
    places = []
    sources = sorted({source_of(c) for c in tl.claims if view.admits(c)})
    named = {c.place for c in [*claims, *undated] if c.place in tl.gazetteer}
    for place_id in sorted(set(intervals) | named):
        p = tl.gazetteer[place_id]
        if p.kind == "site":
            continue
        states = [{"from": iv.valid_from.isoformat(), "to": iv.valid_to.isoformat(), "status": iv.status,
                   "holder": iv.holder, "extent": iv.extent, "contenders": list(iv.contenders)}
                  for iv in intervals.get(place_id, [])]
        history = []
        for s in sources:
            for iv in tl.intervals(View("source", s, view.asserted_only)).get(place_id, []):
                state = iv.holder if iv.status == "held" else iv.status + (
                    f" ({' vs '.join(iv.contenders)})" if iv.contenders else "")
                history.append({"source": s, "from": iv.valid_from.isoformat(), "to": iv.valid_to.isoformat(),
                                "state": state})
        history.sort(key=lambda r: (r["from"], r["source"]))
        places.append({"id": place_id, "name_en": p.name_en, "name_ar": p.name_ar, "lat": p.lat, "lon": p.lon,
                       "states": states, "history": history,
                       "claims": sorted(set(by_place.get(place_id, [])),
                                        key=lambda k: (claims[k].date.latest, claims[k].id)),
                       "undated": sorted(set(undated_at.get(place_id, [])))})
    # Areas and frontlines for each stretch of dates in which no state changes.
    cuts = sorted({start, end + timedelta(days=1)} | {d for ivs in intervals.values() for iv in ivs
                                                      for d in (iv.valid_from, iv.valid_to) if start <= d <= end})
    cells = cells_for(tl.gazetteer)
    areas = []
    for a, b in itertools.pairwise(cuts):
        snap = tl.snapshot(a, view)
        ar = areas_of(snap, cells)
        fr = frontlines_of(ar)
        ar["geometry"] = ar.geometry.simplify(_SIMPLIFY_M)
        ar = ar.to_crs("EPSG:4326")
        fr = fr.to_crs("EPSG:4326")
        seg = {"from": a.isoformat(), "to": b.isoformat(), "areas": _fc(ar, ["holder"]), "fronts": _fc(fr, ["between"])}
        if areas and areas[-1]["areas"] == seg["areas"] and areas[-1]["fronts"] == seg["fronts"]:
            areas[-1]["to"] = seg["to"]  # nothing drawn changed: one stretch, not two copies
        else:
            areas.append(seg)
    events = [{"kind": c.kind, "place": c.place, "lat": c.lat, "lon": c.lon, "date": c.date.latest.isoformat(),
               "summary": c.summary(), "claim": index[c.id]} for c in claims if c.kind != CONTROL]
    claim_rows = [_claim_row(c) for c in claims]
    lons = [p["lon"] for p in places] or [40.2, 41.0]
    lats = [p["lat"] for p in places] or [34.4, 35.4]
    legend = [{"label": a, "fill": COLORS[a], "stroke": "#222", "cls": "held"}
              for a in sorted({s["holder"] for p in places for s in p["states"] if s["holder"]})]
    legend += [{"label": "contested", "fill": "#ffffff", "stroke": COLORS["contested"], "cls": "contested"},
               {"label": "stale (no recent claim)", "fill": "#c8c8c8", "stroke": "#8a8a8a", "cls": "stale"},
               {"label": "strike / shelling / clash", "fill": COLORS["airstrike"], "stroke": "#000", "cls": "event"}]
    return {
        "title": title, "view": str(view), "start": start.isoformat(), "end": end.isoformat(),
        "initial": min(max(initial or end, start), end).isoformat(), "colors": COLORS, "places": places,
        "claims": claim_rows, "undated": [_claim_row(c) for c in undated], "areas": areas, "events": events,
        "legend": legend, "basemap": _basemap(),
        "bounds": [min(lons) - 0.15, min(lats) - 0.1, max(lons) + 0.15, max(lats) + 0.1],
        "event_days": 3, "play_step_days": 2,
    }


def _script_json(data: dict) -> str:
    # Inside <script>, "</script>" or "<!--" in article text must not end the block.
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def render_html(data: dict, *, height: str = "100vh") -> str:
    """The self-contained page for :func:`map_data`'s output (Leaflet inlined)."""
    css = _vendor.leaflet_css_inline() + "\n" + (HERE / "_map.css").read_text(encoding="utf-8")
    js = _vendor.read("leaflet.js") + "\n" + (HERE / "_map.js").read_text(encoding="utf-8")
    title = data.get("title", "Frontline").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: https://tile.openstreetmap.org; connect-src 'none'">
<title>{title}</title>
<style>{css}
html, body {{ height: {height}; }}</style>
</head><body>
<div id="wrap"><div id="map"></div>
<aside id="story" hidden><button id="story-close" type="button" aria-label="Close">×</button><div id="story-body"></div></aside>
</div>
<div id="timebar"></div>
<script id="frontline-data" type="application/json">{_script_json(data)}</script>
<script>{js}</script>
</body></html>
"""


def write_report(tl: Timeline, path: str | Path, *, view: View | str = "consensus", date_from: date | None = None,
                 date_to: date | None = None, title: str = "Frontline report") -> Path:
    """Write the self-contained HTML report. Returns its path."""
    path = Path(path)
    if path.suffix.lower() not in (".html", ".htm"):
        raise ValueError(f"{path}: the report is an .html file")
    html = render_html(map_data(tl, view=view, date_from=date_from, date_to=date_to, title=title))
    path.write_text(html, encoding="utf-8")
    return path
