"""The time map: a folium map of control you scrub through time, offline.

:func:`time_map` builds it for the app, the HTML report and notebooks. Every
date's state is computed here and embedded in the page: each place's states
with their evidence, each drawn place's cell and each edge two cells share
(once, whatever the number of dates), a delta stream saying which places change
on which day (:mod:`geo._page`), events, and every claim once with its whole
sentence. Moving the date applies the changes between the two dates and
restyles only the cells, markers and frontline edges that changed, with no
server round trip; a frontline is drawn on every edge between cells held by
different sides. What grows with the claims travels gzip-compressed and
base64-encoded and is unpacked by the browser (``DecompressionStream``); the
rest (title, view, sources, rejected claims) is plain JSON. The time control is a folium plugin
(:class:`TimeControl`, a :class:`branca.element.MacroElement` like folium's
own plugins); Leaflet comes inlined from the ``XStatic-Leaflet`` package
instead of folium's CDN links, so a saved map opens with no network. Online,
OpenStreetMap and satellite imagery are base layers; offline the map falls back
to its own vector base (the Euphrates, the Khabur, the border, place labels).

Article text is untrusted: it travels as JSON inside ``<script
type="application/json">`` with ``<``, ``>`` and ``&`` escaped, or compressed
(base64 has none of those characters), and the page writes it only with
``textContent``.

Review (:mod:`review`): each claim row carries its ``key``, ``review_state``,
``reviewed_by``, its history (``review_log``) and, when edited, the claim as
extracted (``original``); rejected claims are listed under their place
(``rejected``), never drawn. With ``reviewing=True`` (the app) the story
offers confirm, reject, edit, note and undo, posted to the parent window.

Examples
--------
>>> import folium
>>> from geo import Timeline, time_map                  # doctest: +SKIP
>>> m = time_map(Timeline(claims), view="source:SOHR")  # doctest: +SKIP
>>> folium.GeoJson(my_layer, name="mine").add_to(m)     # doctest: +SKIP
>>> m.save("map.html")                                  # doctest: +SKIP
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import html
import json
import re
from collections import Counter
from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from pathlib import Path

import folium
from branca.element import Element, MacroElement
from jinja2 import Template

from extract.claim import CONTROL, Claim
from gazetteer.river import BASEMAP
from geo import _vendor
from geo._page import columns, day_number, delta_stream, pack, page_geometry
from geo._style import COLORS, EVENT_SHAPES, FRONTLINE, HOLDER_NAMES
from geo.timeline import Timeline, View, is_party_claim, parse_view, robust_range, source_of, undated_reason
from guard.text import replace_surrogates, show_bidi, web_link

__all__ = ["OSM", "SATELLITE", "TimeControl", "core_range", "map_data", "page_data", "time_map"]

HERE = Path(__file__).resolve().parent
OSM = ("OpenStreetMap", "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
       '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors')
SATELLITE = ("Satellite (Esri World Imagery)",
             "https://server.arcgisonline.com/ArcGIS/rest/services/World_Imagery/MapServer/tile/{z}/{y}/{x}",
             "Tiles &copy; Esri &mdash; Source: Esri, Maxar, Earthstar Geographics, and the GIS User Community")
_SIMPLIFY_M = 120.0
_SENTENCE_MAX = 1500  # characters of a sentence shown in the story
_ARTICLES_MAX = 1_500_000  # characters of article text embedded for "open the article"
_CONTEXT_KINDS = ("city", "town")  # gazetteer places labelled for orientation even without evidence


# ------------------------------------------------------------------ data
def core_range(days: list[date]) -> tuple[date, date] | None:
    """The stretch of dates that holds the evidence, without far outliers (:func:`geo.timeline.robust_range`).

    Examples
    --------
    >>> core_range([date(2017, 1, 1), date(2018, 12, 1), date(2018, 12, 4), date(2018, 12, 10)])
    (datetime.date(2018, 12, 1), datetime.date(2018, 12, 10))
    """
    r = robust_range(days)
    return (r.start, r.end) if r is not None else None


@lru_cache(maxsize=1)
def _basemap() -> dict:
    data = json.loads(BASEMAP.read_text(encoding="utf-8"))
    river = [f for f in data["features"] if f["properties"].get("kind") == "river"
             and f["properties"].get("wdb_level") in (1, 3)]
    border = [f for f in data["features"] if f["properties"].get("kind") == "national_border"]
    return {"river": {"type": "FeatureCollection", "features": river},
            "border": {"type": "FeatureCollection", "features": border}}


def _date_text(c: Claim) -> str:
    e, la = c.date.earliest, c.date.latest
    if e is None or la is None:
        return f"undated: {undated_reason(c)}"
    text = e.isoformat() if e == la else f"{e.isoformat()} – {la.isoformat()}"
    return text if c.precision in (None, "day") else f"{text} ({c.precision})"


def _sentence(c: Claim, articles: Mapping[str, str]) -> tuple[str, list[list]]:
    """The claim's whole sentence and the spans to highlight in it: ``[start, end, "place"|"cue"]``."""
    text = getattr(c, "sentence", "") or ""
    base = c.sentence_start
    if not text and c.article in articles and c.sentence_end > c.sentence_start:
        text = articles[c.article][c.sentence_start:c.sentence_end]
    if not text:  # claims written before sentences were kept: the quote is what we have
        text, base = c.quote, c.start
    spans = []
    a, b = c.place_start - base, c.place_end - base
    if 0 <= a < b <= len(text):
        spans.append([a, b, "place"])
    if c.cue:
        k = text.find(c.cue)
        if k >= 0:
            spans.append([k, k + len(c.cue), "cue"])
    if len(text) > _SENTENCE_MAX:  # keep the highlighted part in view
        lo = max(0, min((s[0] for s in spans), default=0) - _SENTENCE_MAX // 2)
        text = text[lo:lo + _SENTENCE_MAX]
        spans = [[s[0] - lo, s[1] - lo, s[2]] for s in spans if s[0] >= lo and s[1] - lo <= len(text)]
    return text, sorted(spans)


def _state_text(iv) -> str:
    if iv.status == "held":
        return iv.holder + (" (claimed)" if iv.basis == "claimed" else "")
    return iv.status + (f" ({' vs '.join(iv.contenders)})" if iv.contenders else "")


_LABELS = {"summary", "outlet", "source", "place", "date_text", "reviewed_by", "original"}


def _text(v):
    return replace_surrogates(v)[0] if isinstance(v, str) else v


def _label(v):
    return _label_str(v) if isinstance(v, str) else v


@lru_cache(maxsize=1 << 16)
def _label_str(v: str) -> str:
    # Outlets, sources, places and summaries repeat from claim to claim: each is cleaned once.
    return show_bidi(replace_surrogates(v)[0])


def _clean(r: dict) -> dict:
    return {k: (web_link(v) if k == "url" else v if type(v) is not str else _label_str(v) if k in _LABELS
                else replace_surrogates(v)[0]) for k, v in r.items()}


def map_data(tl: Timeline, *, view: View | str = "consensus", start: date | None = None, end: date | None = None,
             initial: date | None = None, title: str = "Frontline", corpus: str | None = None,
             articles: Mapping[str, str] | None = None) -> dict:
    """Everything the time map needs, as JSON-ready data.

    Parameters
    ----------
    tl : Timeline
    view : View or str
    start, end : date, optional
        The slider's range; by default the dates that hold the evidence
        (:func:`core_range`). The page offers the whole range too.
    initial : date, optional
        Where the slider starts (default: the end of the range).
    title, corpus : str
        Shown at the top of the report.
    articles : mapping of article id to text, optional
        Texts to offer under "open the article" (up to 1.5 million characters).
    """
    view = parse_view(view) if isinstance(view, str) else view
    articles = articles or {}
    span = tl.dates or (date.today(), date.today())
    # One time axis for every view of a corpus: switching views keeps the date.
    days = [c.date.latest for c in tl.claims] + [c.date.latest for c in tl.events if c.date.latest is not None]
    core = core_range(days) or span
    start, end = start or core[0], end or core[1]
    if end < start:
        raise ValueError(f"the map's range ends ({end}) before it starts ({start})")
    whole = (min(span[0], start), max(span[1], end))
    intervals = tl.intervals(view)
    claims: list[Claim] = [c for c in tl.claims if view.admits(c)] + \
        [c for c in tl.events if c.date.latest is not None]
    index = {c.id: k for k, c in enumerate(claims)}
    by_place: dict[str, list[int]] = {}
    for k, c in enumerate(claims):
        by_place.setdefault(c.place, []).append(k)
        for parent in tl.gazetteer.ancestors(c.place):
            by_place.setdefault(parent, []).append(k)
    sources = Counter(source_of(c) for c in claims if c.kind == CONTROL)
    outlets = Counter(c.outlet or "unknown outlet" for c in claims)
    places = []
    for place_id in tl.places(view):
        p = tl.gazetteer[place_id]
        states = [{"from": iv.valid_from.isoformat(), "to": iv.valid_to.isoformat(), "status": iv.status,
                   "holder": iv.holder, "extent": iv.extent, "contenders": list(iv.contenders), "basis": iv.basis,
                   "ev": [index[c.id] for c in iv.claims if c.id in index]}
                  for iv in intervals.get(place_id, [])]
        history = []
        for s in sorted(sources):
            for iv in tl.intervals(View("source", s, view.asserted_only, view.reviewed_only)).get(place_id, []):
                history.append({"source": s, "from": iv.valid_from.isoformat(), "to": iv.valid_to.isoformat(),
                                "state": _state_text(iv)})
        history.sort(key=lambda r: (r["from"], r["source"]))
        places.append({"id": place_id, "name_en": p.name_en, "name_ar": p.name_ar, "lat": p.lat, "lon": p.lon,
                       "kind": p.kind, "states": states, "history": history,
                       "claims": sorted(set(by_place.get(place_id, [])),
                                        key=lambda k: (claims[k].date.latest, claims[k].id))})
    shown = {p["id"] for p in places}
    context = [{"name_en": p.name_en, "name_ar": p.name_ar, "lat": p.lat, "lon": p.lon, "kind": p.kind}
               for p in tl.gazetteer if p.kind in _CONTEXT_KINDS and p.id not in shown]
    # Geometry once (each cell, each shared edge); per date only what changes (see geo._page).
    geometry = page_geometry(tl.gazetteer, [p["id"] for p in places], simplify_m=_SIMPLIFY_M)
    day_of = [day_number(c.date.latest) for c in claims]
    deltas = delta_stream([[(day_number(date.fromisoformat(s["from"])), s["ev"]) for s in p["states"]]
                           for p in places], day_of, tl.fade_days)
    events, slots = [], Counter()
    for c in claims:
        if c.kind == CONTROL:
            continue
        events.append({"kind": c.kind, "place": c.place, "lat": c.lat, "lon": c.lon,
                       "date": c.date.latest.isoformat(), "summary": c.summary(), "claim": index[c.id],
                       "slot": slots[c.place] % 8})
        slots[c.place] += 1
    def row(c: Claim) -> dict:
        sentence, marks = _sentence(c, articles)
        return {"id": c.id, "summary": c.summary(), "quote": c.quote, "sentence": sentence, "marks": marks,
                "date": c.date.latest.isoformat() if c.date.latest else None, "date_text": _date_text(c),
                "precision": c.precision, "outlet": c.outlet, "source": source_of(c), "modality": c.modality,
                "party": is_party_claim(c), "url": c.url, "article": c.article, "kind": c.kind,
                "place": c.place_name, "place_id": c.place, "lat": c.lat, "lon": c.lon, "actor": c.actor,
                "change": c.change, "extent": c.extent}

    rows = [row(c) for c in claims]
    for r, c in zip(rows, claims, strict=True):
        r.update(_review_row(tl, c))
    # Claims that cannot be placed in time are kept, counted and listed under their place, never dropped.
    # Strikes and clashes with no date are counted and listed too (the header counts them).
    undated_claims = [c for c in tl.undated if view.admits(c)] + [c for c in tl.events if c.date.latest is None]
    undated = [{**row(c), **_review_row(tl, c)} for c in undated_claims]
    for p in places:
        p["undated"] = [k for k, c in enumerate(undated_claims)
                        if c.place == p["id"] or p["id"] in tl.gazetteer.ancestors(c.place)]
    rejected = _rejected_rows(tl, places, row)
    texts, budget = {}, _ARTICLES_MAX
    for art in sorted({c.article for c in claims}):
        text = articles.get(art)
        if text and len(text) <= budget:
            texts[art] = text
            budget -= len(text)
    framed = [p for p in places if any(s["from"] <= end.isoformat() and s["to"] > start.isoformat()
                                       for s in p["states"])] or places
    lons = [p["lon"] for p in framed] or [40.2, 41.0]
    lats = [p["lat"] for p in framed] or [34.4, 35.4]
    holders = sorted({s["holder"] for p in places for s in p["states"] if s["holder"]})
    # The page's saved date and story are keyed by the extracted claims: a review action keeps them.
    kept = [c.id for c in tl.claims + tl.rejected if not c.key.startswith("added:")]
    key = hashlib.sha1("|".join(sorted(kept)).encode()).hexdigest()[:12]
    # Article and manifest text is untrusted: no lone surrogates anywhere; names and labels show their bidi
    # controls (an outlet "\u202eRHOS" must not read as SOHR); sentences keep their length (marks index them);
    # only http(s) addresses are links.
    rows, undated, rejected = ([_clean(r) for r in rs] for rs in (rows, undated, rejected))
    for p in places:
        p["history"] = [{**h, "source": _label(h["source"])} for h in p["history"]]
    texts = {k: _text(v) for k, v in texts.items()}
    sources = Counter({_label(k): n for k, n in sources.items()})
    outlets = Counter({_label(k): n for k, n in outlets.items()})
    title, corpus = _label(title), _label(corpus or _corpus_text(tl))
    return {
        "title": title, "corpus": corpus, "view": _label(str(view)), "key": key,
        "start": start.isoformat(), "end": end.isoformat(), "whole_start": whole[0].isoformat(),
        "whole_end": whole[1].isoformat(), "initial": min(max(initial or end, start), end).isoformat(),
        "fade_days": tl.fade_days, "colors": COLORS, "holder_names": HOLDER_NAMES, "holders": holders,
        "frontline": FRONTLINE, "event_shapes": EVENT_SHAPES, "places": places, "context": context,
        "claims": rows, "undated": undated, "rejected": rejected, "review": _review_summary(tl), "articles": texts, "events": events,
        "geometry": geometry, "deltas": deltas, "basemap": _basemap(),
        "sources": [{"name": k, "claims": n} for k, n in sorted(sources.items(), key=lambda kv: (-kv[1], kv[0]))],
        "outlets": [{"name": k, "claims": n} for k, n in sorted(outlets.items(), key=lambda kv: (-kv[1], kv[0]))],
        "bounds": [min(lons) - 0.08, min(lats) - 0.05, max(lons) + 0.08, max(lats) + 0.05],
        "event_days": 3, "play_step_days": 2,
    }


# ------------------------------------------------------------------ review


def _review_row(tl: Timeline, c: Claim) -> dict:
    """What review said of a claim, for its story: state, reviewers, history, the claim as extracted."""
    out = {"key": c.key, "review_state": c.review_state, "reviewed_by": c.reviewed_by, "review_log": [],
           "original": None, "undo": None}
    r = tl.review.review_of(c) if tl.review is not None else None
    if r is None:
        return out
    last = r.last_decision
    out["undo"] = last.id if last is not None else None
    if r.state == "edited" and r.original is not None:
        out["original"] = r.original.summary() + " · " + _date_text(r.original)
    for a in r.actions:
        what = ""
        if a.action == "edit":
            what = "; ".join(f"{k} → {_edit_value(v)}" for k, v in a.fields.items()
                             if k not in ("place_name", "lat", "lon", "source_kind"))
        elif a.action == "undo":
            undone = next((b for b in r.actions if b.id == a.target), None)
            what = f"undid the {undone.action} of {undone.when}" if undone else "undid an action"
        out["review_log"].append({"id": a.id, "action": a.action, "who": _label(a.who), "when": a.when,
                                  "why": _text(a.why), "what": _label(what), "undone": a.id in r.undone})
    return out


def _edit_value(v) -> str:
    if isinstance(v, dict):  # a date window
        e, la = v.get("earliest"), v.get("latest")
        return e if e == la else f"{e} – {la}"
    return "none" if v is None else str(v)


def _rejected_rows(tl: Timeline, places: list[dict], row) -> list[dict]:
    """Claims rejected in review, listed under their place (with an undo), never drawn."""
    rows = []
    for c in tl.rejected:
        r = row(c)
        r.update(_review_row(tl, c))
        rows.append(r)
    for p in places:
        p["rejected"] = [k for k, c in enumerate(tl.rejected)
                         if c.place == p["id"] or p["id"] in tl.gazetteer.ancestors(c.place)]
    return rows


def _review_summary(tl: Timeline) -> dict:
    if tl.review is None:
        return {"on": False, "orphans": 0, "reviewed": 0}
    return {"on": True, "orphans": sum(len(v) for v in tl.review.orphans.values()),
            "reviewed": sum(r.state != "unreviewed" for r in tl.review.reviews.values())}


def _corpus_text(tl: Timeline) -> str:
    arts = {c.article for c in tl.claims} | {c.article for c in tl.events}
    span = tl.dates
    when = f", evidence from {span[0]} to {span[1]}" if span else ""
    return f"{len(tl.claims)} control claims and {len(tl.events)} strikes and clashes from {len(arts)} articles{when}"


# What grows with the claims and the places travels compressed; the rest (title, view, sources,
# rejected claims) stays readable JSON.
_PACKED = ("places", "context", "claims", "undated", "articles", "events", "geometry", "deltas")
_CLAIM_KEYS = ("id", "summary", "quote", "sentence", "marks", "date", "date_text", "precision", "outlet", "source",
               "modality", "party", "url", "article", "kind", "place", "place_id", "lat", "lon", "actor", "change",
               "extent", "key", "review_state", "reviewed_by", "review_log", "original", "undo")


def _split(data: dict) -> tuple[dict, dict]:
    """The page's data as (plain JSON, to be packed); claims as columns, each repeated value once."""
    plain = {k: v for k, v in data.items() if k not in _PACKED}
    packed = {k: data[k] for k in _PACKED}
    keys = list(_CLAIM_KEYS) + sorted({k for r in data["claims"][:1] for k in r} - set(_CLAIM_KEYS))
    packed["claims"] = columns(data["claims"], keys)
    packed.update(_places_packed(data["places"]))
    return plain, packed


def _places_packed(places: list[dict]) -> dict:
    """Places without their intervals and history, which become flat tables (a state's values once)."""
    table: dict[tuple, int] = {}
    count, start, end, state, n_ev, ev, hist_count, hist = [], [], [], [], [], [], [], []
    for p in places:
        count.append(len(p["states"]))
        for s in p["states"]:
            start.append(day_number(date.fromisoformat(s["from"])))
            end.append(day_number(date.fromisoformat(s["to"])))
            state.append(table.setdefault((s["status"], s["holder"], s["extent"], tuple(s["contenders"]), s["basis"]),
                                          len(table)))
            n_ev.append(len(s["ev"]))
            ev += s["ev"]
        hist_count.append(len(p["history"]))
        hist += p["history"]
    return {"places": [{k: v for k, v in p.items() if k not in ("states", "history")} for p in places],
            "intervals": {"count": count, "from": start, "to": end, "state": state, "n_ev": n_ev, "ev": ev,
                          "states": [[st, h, x, list(c), b] for st, h, x, c, b in table]},
            "history": {"count": hist_count, **columns(hist, ["source", "from", "to", "state"])}}


def page_data(html: str) -> dict:
    """The data a saved time map page carries, unpacked, with the claims as rows (for tests and notebooks).

    Examples
    --------
    >>> data = page_data(Path("report.html").read_text(encoding="utf-8"))  # doctest: +SKIP
    >>> data["claims"][0]["quote"]                                         # doctest: +SKIP
    """
    plain = re.search(r'<script type="application/json" id="[^"]+-data">(.*?)</script>', html, re.S)
    packed = re.search(r'<script type="application/gzip;base64" id="[^"]+-pack">([^<]*)</script>', html)
    if plain is None or packed is None:
        raise ValueError("not a time map page")
    data = json.loads(plain.group(1))
    data.update(json.loads(gzip.decompress(base64.b64decode(packed.group(1)))))
    table = data["claims"]
    data["claims"] = [{k: (c["v"][i] if "v" in c else c["u"][c["i"][i]]) for k, c in table["cols"].items()}
                      for i in range(table["n"])]
    return data


def _script_json(data: dict) -> str:
    # Inside <script>, "</script>" or "<!--" in article text must not end the block.
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


# ---------------------------------------------------------------- plugin
class TimeControl(MacroElement):
    """The time map's controls as a folium plugin: slider, play, story, legend, table, downloads.

    Parameters
    ----------
    data : dict
        From :func:`map_data`.
    bases : list of (str, folium.TileLayer)
        Base layers for the layer switcher; the page adds an offline vector base.
    header : bool
        Show the title, corpus, view and sources above the map (the report).
    reviewing : bool
        Offer review actions in each story (the app): the page posts them to its
        parent window, where the app records them (see :mod:`review`).
    """

    _template = Template("""
{% macro header(this, kwargs) %}
<style>{{ this.css }}</style>
<script>{{ this.js }}</script>
{% endmacro %}
{% macro html(this, kwargs) %}
<script type="application/json" id="{{ this.get_name() }}-data">{{ this.payload }}</script>
<script type="application/gzip;base64" id="{{ this.get_name() }}-pack">{{ this.packed }}</script>
{% endmacro %}
{% macro script(this, kwargs) %}
    FrontlineTimeMap.attach({{ this._parent.get_name() }}, document.getElementById("{{ this.get_name() }}-data"), {
        pack: document.getElementById("{{ this.get_name() }}-pack"),
        bases: { {% for label, layer in this.bases %}{{ label|tojson }}: {{ layer.get_name() }}{% if not loop.last %}, {% endif %}{% endfor %} },
        header: {{ this.header|tojson }},
        review: {{ this.reviewing|tojson }}
    });
{% endmacro %}
""")

    def __init__(self, data: dict, *, bases: list | None = None, header: bool = True, reviewing: bool = False) -> None:
        super().__init__()
        self._name = "TimeControl"
        plain, packed = _split(data)
        self.payload = _script_json(plain)
        self.packed = pack(packed)
        self.bases = bases or []
        self.header = header
        self.reviewing = reviewing
        self.css = (HERE / "_map.css").read_text(encoding="utf-8")
        self.js = (HERE / "_map.js").read_text(encoding="utf-8")


def _icon_fix() -> str:
    # Leaflet's default marker images as data URIs: a user's folium.Marker works offline too.
    urls = {k: "data:image/png;base64," + base64.b64encode((_vendor.LEAFLET_DIR / "images" / f).read_bytes()).decode()
            for k, f in (("iconUrl", "marker-icon.png"), ("iconRetinaUrl", "marker-icon-2x.png"),
                         ("shadowUrl", "marker-shadow.png"))}
    return ("<script>L.Icon.Default.imagePath = '';"
            f"L.Icon.Default.mergeOptions({json.dumps(urls)});</script>")


def _offline(m: folium.Map) -> None:
    """Inline Leaflet in place of folium's CDN links; drop jQuery, Bootstrap and Awesome Markers (unused)."""
    m.default_js = []
    m.default_css = []
    head = m.get_root().header
    head.add_child(Element(f"<style>{_vendor.leaflet_css_inline()}</style>"), name="leaflet_css")
    head.add_child(Element(f"<script>{_vendor.read('leaflet.js')}</script>"), name="leaflet")
    head.add_child(Element(_icon_fix()), name="leaflet_icons")


def time_map(timeline: Timeline, *, view: View | str = "consensus", start: date | None = None,
             end: date | None = None, initial: date | None = None, title: str = "Frontline",
             corpus: str | None = None, articles: Mapping[str, str] | None = None,
             header: bool = True, reviewing: bool = False, data: dict | None = None) -> folium.Map:
    """A folium map of control over time, with its own time control, that works offline.

    Parameters
    ----------
    timeline : Timeline
    view : View or str
        ``"consensus"``, ``"wikipedia"``, ``"outlet:NAME"`` or ``"source:NAME"``.
    start, end : date, optional
        The slider's range (default: the dates holding the evidence).
    initial : date, optional
        The date the map opens on (default: ``end``).
    title, corpus : str, optional
        The report's heading and a line about the articles.
    articles : mapping of article id to text, optional
        Offered under "open the article" in the story.
    header : bool
        Show title, corpus, view and sources above the map.
    reviewing : bool
        Offer confirm, reject, edit, note and undo in each story: the page posts
        ``{"type": "frontline:review", ...}`` messages to its parent window (the
        app records them). Every story shows each claim's review state and
        history either way.
    data : dict, optional
        What :func:`map_data` made for this timeline and view, to draw it again
        (the app's page and its report) without computing it twice; the other
        data options are then ignored, except ``title``.

    Returns
    -------
    folium.Map
        Add layers to it, ``save()`` it or show it in a notebook as any folium map.

    Examples
    --------
    >>> m = time_map(tl, view="wikipedia")               # doctest: +SKIP
    >>> folium.GeoJson("my.geojson").add_to(m)           # doctest: +SKIP
    >>> m.save("control.html")                           # doctest: +SKIP
    """
    if data is None:
        data = map_data(timeline, view=view, start=start, end=end, initial=initial, title=title, corpus=corpus,
                        articles=articles)
    else:
        data = {**data, "title": _label(title)}
    b = data["bounds"]
    m = folium.Map(location=[(b[1] + b[3]) / 2, (b[0] + b[2]) / 2], zoom_start=9, tiles=None,
                   control_scale=True, min_zoom=5, max_zoom=16)
    m.get_root().title = html.escape(title)  # branca writes the title unescaped
    _offline(m)
    osm = folium.TileLayer(OSM[1], attr=OSM[2], name=OSM[0], max_zoom=19)
    sat = folium.TileLayer(SATELLITE[1], attr=SATELLITE[2], name=SATELLITE[0], max_zoom=18, show=False)
    osm.add_to(m)
    sat.add_to(m)
    TimeControl(data, bases=[(OSM[0], osm), (SATELLITE[0], sat)], header=header, reviewing=reviewing).add_to(m)
    return m
