/* Frontline time map (the TimeControl plugin's script).
   Every state for every date is in the page, so moving the date only restyles
   what is already drawn: each place's cell and each edge between neighbouring
   cells are in the page once, and a delta stream says which places change on
   which day (geo/_page.py). What grows with the claims arrives gzip-compressed
   and is unpacked with the browser's DecompressionStream. Article text is
   untrusted: it is only ever written with textContent, never as markup. */
(function () {
  "use strict";
  var DAY = 86400000;
  var SVGNS = "http://www.w3.org/2000/svg";

  function parse(d) { return Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)); }
  function iso(t) { return new Date(t).toISOString().slice(0, 10); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function safeUrl(u) { return /^https?:\/\//i.test(u || "") ? u : null; }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }
  function store() { try { return window.sessionStorage; } catch (e) { return null; } }

  // ---------------------------------------------------------------- patterns
  // SVG patterns for contested (the contenders' colours in stripes) and claimed
  // (the holder's colour hatched on white), shared by every SVG in the page.
  var defs = null, made = {};
  function pattern(id, build) {
    if (!defs) {
      var svg = document.createElementNS(SVGNS, "svg");
      svg.setAttribute("width", "0"); svg.setAttribute("height", "0");
      svg.setAttribute("aria-hidden", "true");
      svg.style.position = "absolute";
      defs = document.createElementNS(SVGNS, "defs");
      svg.appendChild(defs); document.body.appendChild(svg);
    }
    if (!made[id]) {
      var p = document.createElementNS(SVGNS, "pattern");
      p.setAttribute("id", id); p.setAttribute("patternUnits", "userSpaceOnUse");
      p.setAttribute("width", "6"); p.setAttribute("height", "6");
      p.setAttribute("patternTransform", "rotate(45)");
      build(p); defs.appendChild(p); made[id] = true;
    }
    return "url(#" + id + ")";
  }
  function rect(p, x, w, color) {
    var r = document.createElementNS(SVGNS, "rect");
    r.setAttribute("x", x); r.setAttribute("y", 0); r.setAttribute("width", w); r.setAttribute("height", 6);
    r.setAttribute("fill", color); p.appendChild(r);
  }
  function hatch(color) {
    return pattern("fl-hatch-" + color.replace("#", ""), function (p) { rect(p, 0, 6, "#ffffff"); rect(p, 0, 2.5, color); });
  }
  function stripes(colors) {
    var id = "fl-stripes-" + colors.map(function (c) { return c.replace("#", ""); }).join("-");
    return pattern(id, function (p) {
      p.setAttribute("width", String(3 * colors.length));
      colors.forEach(function (c, k) { rect(p, 3 * k, 3, c); });
    });
  }

  // The packed part of the data: base64 of gzip of JSON.
  function unpack(packEl) {
    if (!packEl) return Promise.resolve({});
    var bin = atob(packEl.textContent.trim()), n = bin.length, bytes = new Uint8Array(n);
    for (var i = 0; i < n; i++) bytes[i] = bin.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text().then(JSON.parse);
  }

  // Claims arrive as columns (a repeated value once); a claim becomes an object only when shown.
  function colVal(cols, key, k) { var c = cols[key]; return c.v ? c.v[k] : c.u[c.i[k]]; }

  function claimTable(table) {
    var cols = table.cols, n = table.n, cache = new Array(n), keys = Object.keys(cols);
    function val(key, k) { var c = cols[key]; return c.v ? c.v[k] : c.u[c.i[k]]; }
    var T = new Float64Array(n), dates = cols.date;
    if (n) {
      var tOf = dates.u ? dates.u.map(function (d) { return parse(d); }) : null;
      for (var k = 0; k < n; k++) T[k] = tOf ? tOf[dates.i[k]] : parse(dates.v[k]);
    }
    function get(k) {
      var r = cache[k];
      if (r) return r;
      r = { t: T[k] };
      keys.forEach(function (key) { r[key] = val(key, k); });
      cache[k] = r;
      return r;
    }
    function distinct(key) {
      var c = cols[key], seen = {};
      (c.u || c.v).forEach(function (v) { if (v) seen[v] = 1; });
      return Object.keys(seen).sort();
    }
    return { n: n, T: T, get: get, val: val, distinct: distinct };
  }

  // A canvas of frontline edges: one path for all of them, stroked twice (a white casing under the
  // dashed line). Leaflet strokes each line alone: thousands of strokes per redraw on a map full of fronts.
  var FrontCanvas = L.Canvas.extend({
    _draw: function () {
      var bounds = this._redrawBounds, ctx = this._ctx, first = null, order, layer, parts, i, j, p;
      ctx.save();
      if (bounds) {
        var size = bounds.getSize();
        ctx.beginPath(); ctx.rect(bounds.min.x, bounds.min.y, size.x, size.y); ctx.clip();
      }
      ctx.beginPath();
      for (order = this._drawFirst; order; order = order.next) {
        layer = order.layer;
        if (bounds && !(layer._pxBounds && layer._pxBounds.intersects(bounds))) continue;
        parts = layer._parts;
        for (i = 0; i < parts.length; i++) {
          for (j = 0; j < parts[i].length; j++) { p = parts[i][j]; if (j) ctx.lineTo(p.x, p.y); else ctx.moveTo(p.x, p.y); }
        }
        first = first || layer;
      }
      if (first) {
        ctx.lineCap = "round"; ctx.lineJoin = "round";
        ctx.setLineDash([]); ctx.globalAlpha = 0.9; ctx.lineWidth = 6; ctx.strokeStyle = "#ffffff"; ctx.stroke();
        ctx.setLineDash([9, 5]); ctx.globalAlpha = 1; ctx.lineWidth = 3; ctx.strokeStyle = first.options.color; ctx.stroke();
      }
      ctx.restore();
    }
  });

  // A canvas of cells: the cells of one fill are one path filled once, so neighbours held by one side read as
  // one area with no seams and no stacking, and thousands of cells cost a few fills, not thousands of
  // SVG elements. A cell's options carry its fill (fillKey, fillStyle: a colour or a pattern) and alpha.
  var CellCanvas = L.Canvas.extend({
    _draw: function () {
      var bounds = this._redrawBounds, ctx = this._ctx, groups = {}, keys = [], order, layer, k, n, i, j, p, parts;
      ctx.save();
      if (bounds) {
        var size = bounds.getSize();
        ctx.beginPath(); ctx.rect(bounds.min.x, bounds.min.y, size.x, size.y); ctx.clip();
      }
      for (order = this._drawFirst; order; order = order.next) {
        layer = order.layer;
        if (bounds && !(layer._pxBounds && layer._pxBounds.intersects(bounds))) continue;
        k = layer.options.fillKey;
        if (!groups[k]) { groups[k] = []; keys.push(k); }
        groups[k].push(layer);
      }
      keys.sort();
      for (n = 0; n < keys.length; n++) {
        var members = groups[keys[n]];
        ctx.beginPath();
        members.forEach(function (l) {
          parts = l._parts;
          for (i = 0; i < parts.length; i++) {
            for (j = 0; j < parts[i].length; j++) { p = parts[i][j]; if (j) ctx.lineTo(p.x, p.y); else ctx.moveTo(p.x, p.y); }
            ctx.closePath();
          }
        });
        ctx.globalAlpha = members[0].options.alpha;
        ctx.fillStyle = members[0].options.fillStyle;
        ctx.fill("nonzero");
      }
      ctx.restore();
    }
  });

  // Canvas patterns like the SVG ones: the holder's colour hatched on white; the contenders' stripes.
  var canvasFills = {};
  function canvasPattern(key, width, paint) {
    if (!canvasFills[key]) {
      var c = document.createElement("canvas");
      c.width = width; c.height = 6;
      paint(c.getContext("2d"));
      var pat = c.getContext("2d").createPattern(c, "repeat");
      if (pat.setTransform && window.DOMMatrix) pat.setTransform(new DOMMatrix().rotateSelf(45));
      canvasFills[key] = pat;
    }
    return canvasFills[key];
  }
  function canvasHatch(color) {
    return canvasPattern("hatch" + color, 6, function (g) {
      g.fillStyle = "#ffffff"; g.fillRect(0, 0, 6, 6); g.fillStyle = color; g.fillRect(0, 0, 2.5, 6);
    });
  }
  function canvasStripes(colors) {
    return canvasPattern("stripes" + colors.join(), 3 * colors.length, function (g) {
      colors.forEach(function (c, k) { g.fillStyle = c; g.fillRect(3 * k, 0, 3, 6); });
    });
  }

  function attach(map, dataEl, opts) {
    opts = opts || {};
    return unpack(opts.pack).then(function (packed) {
      var DATA = JSON.parse(dataEl.textContent);
      Object.keys(packed).forEach(function (k) { DATA[k] = packed[k]; });
      build(map, DATA, opts);
    });
  }

  function build(map, DATA, opts) {
    var CL = claimTable(DATA.claims), G = DATA.geometry;
    // frontline.data.claims, for scripts that read the rows: made only when asked for.
    Object.defineProperty(DATA, "claims", { enumerable: true, get: function () {
      var rows = [];
      for (var k = 0; k < CL.n; k++) rows.push(CL.get(k));
      return rows;
    } });
    var COLORS = DATA.colors;
    var container = map.getContainer();
    container.classList.add("fl-map");
    var root = el("div", "fl-root");
    container.parentNode.insertBefore(root, container);
    function colorOf(h) { return COLORS[h] || "#777777"; }
    function contestFill(contenders) {
      var cs = (contenders && contenders.length ? contenders : ["ISIS", "SDF"]).map(colorOf);
      if (cs.length === 1) cs.push("#ffffff");
      return stripes(cs);
    }

    // ------------------------------------------------------------- layout
    var head = el("header", "fl-head");
    if (opts.header) {
      head.appendChild(el("h1", null, DATA.title));
      head.appendChild(el("p", "fl-corpus", DATA.corpus));
      var det = el("details", "fl-sources");
      det.appendChild(el("summary", null, "View: " + DATA.view + " · " + plural(DATA.sources.length, "source", "sources") +
        ", " + plural(DATA.outlets.length, "outlet", "outlets")));
      var lists = el("div", "fl-source-lists");
      [["Sources (who said it)", DATA.sources], ["Outlets (who published it)", DATA.outlets]].forEach(function (pair) {
        var box = el("div"); box.appendChild(el("h2", null, pair[0]));
        var ul = el("ul");
        pair[1].forEach(function (s) { ul.appendChild(el("li", null, s.name + " — " + plural(s.claims, "claim", "claims"))); });
        box.appendChild(ul); lists.appendChild(box);
      });
      det.appendChild(lists); head.appendChild(det);
      root.appendChild(head);
    }
    var bar = el("div", "fl-bar"); bar.id = "fl-bar";
    root.appendChild(bar);
    var mapBox = el("div", "fl-mapbox");
    root.appendChild(mapBox);
    mapBox.appendChild(container);
    var panel = el("section", "fl-panel"); panel.id = "fl-panel";
    root.appendChild(panel);
    var story = el("aside", "fl-story"); story.id = "story"; story.hidden = true;
    var storyClose = el("button", "fl-close", "×"); storyClose.type = "button"; storyClose.id = "story-close";
    storyClose.setAttribute("aria-label", "Close the story");
    var storyBody = el("div"); storyBody.id = "story-body";
    story.appendChild(storyClose); story.appendChild(storyBody);
    mapBox.appendChild(story);
    L.DomEvent.disableClickPropagation(story); L.DomEvent.disableScrollPropagation(story);
    map.invalidateSize();

    // ------------------------------------------------------------- panes
    [["fl-base", 360], ["fl-areas", 380], ["fl-fronts", 390], ["fl-context", 430], ["fl-events", 440],
      ["fl-places", 450]].forEach(function (p) { map.createPane(p[0]).style.zIndex = p[1]; });
    map.getPane("fl-base").style.pointerEvents = "none";
    map.getPane("fl-areas").style.pointerEvents = "none";
    map.getPane("fl-fronts").style.pointerEvents = "none";
    map.getPane("fl-context").style.pointerEvents = "none";

    // --------------------------------------------------------- base layers
    var bases = {}, first = null;
    Object.keys(opts.bases || {}).forEach(function (k) { bases[k] = opts.bases[k]; if (!first) first = k; });
    var plain = L.layerGroup();
    var PLAIN = "Plain (offline): rivers, border, places";
    bases[PLAIN] = plain;
    Object.keys(bases).forEach(function (k) { if (k !== first && map.hasLayer(bases[k])) map.removeLayer(bases[k]); });
    if (!first) plain.addTo(map);
    // Offline, the tiles never come: fall back to the map's own vector base.
    if (first) {
      var loaded = false, errors = 0;
      bases[first].on("tileload", function () { loaded = true; });
      bases[first].on("tileerror", function () {
        errors += 1;
        if (!loaded && errors >= 2 && map.hasLayer(bases[first])) {
          map.removeLayer(bases[first]); plain.addTo(map);
          container.setAttribute("data-base", "plain");
        }
      });
    }
    var river = L.geoJSON(DATA.basemap.river, { pane: "fl-base", interactive: false,
      style: function (f) { return { color: "#3a7fc1", weight: f.properties.wdb_level === 1 ? 3 : 1.6, opacity: 0.9 }; } });
    var border = L.geoJSON(DATA.basemap.border, { pane: "fl-base", interactive: false,
      style: { color: "#4d4d4d", weight: 1.6, dashArray: "7 4 2 4" } });
    river.addTo(map); border.addTo(map);
    var areaLayer = L.layerGroup().addTo(map);
    var frontLayer = L.layerGroup().addTo(map);
    var eventLayer = L.layerGroup().addTo(map);
    var contextLayer = L.layerGroup().addTo(map);
    var placeLayer = L.layerGroup().addTo(map);
    var overlays = { "Areas of control": areaLayer, "Frontlines": frontLayer, "Strikes and clashes": eventLayer,
      "Towns without claims": contextLayer, "Euphrates and Khabur": river, "Border": border };
    var layers = L.control.layers(bases, overlays, { collapsed: true, position: "topright" }).addTo(map);
    map.on("baselayerchange", function (e) { state.base = e.name; persist(); });

    // ---------------------------------------------------------- places
    var labels = [];  // {tooltip, priority}
    // A label's tooltip that measures its height once per kind of label: Leaflet measures every tooltip as it
    // places it, forcing a layout per label (seconds with thousands of places).
    var heights = {};
    var Label = L.Tooltip.extend({ _setPosition: function (pos) {
      var c = this._container, cls = this.options.className, o = L.point(this.options.offset), a = this._getAnchor();
      var h = heights[cls] || c.offsetHeight;
      if (h) heights[cls] = h;  // a hidden page measures 0: measure again later
      if (!this._placed) { L.DomUtil.addClass(c, "leaflet-tooltip-right"); this._placed = true; }
      L.DomUtil.setPosition(c, pos.subtract(L.point(0, h / 2, true)).add(o).add(a));
    } });
    function label_(text, options) { return new Label(options).setContent(text); }
    var markers = {}, byId = {}, markerList = [];
    DATA.places.forEach(function (p, k) {
      byId[p.id] = p; p.index = k;
      var m = L.circleMarker([p.lat, p.lon], { pane: "fl-places", radius: 7, weight: 1.5 });
      m.bindTooltip(label_(p.name_en, { permanent: true, direction: "right", offset: [9, 0], className: "fl-label fl-label-place" }));
      m.on("click", function () { showStory(p, null); });
      m.addTo(placeLayer);
      m._path.setAttribute("data-place", p.id);
      markers[p.id] = markerList[k] = { marker: m, place: p, key: null };
      labels.push({ tooltip: m.getTooltip(), priority: 1000 + p.claims.length });
    });
    DATA.context.forEach(function (p) {
      var m = L.circleMarker([p.lat, p.lon], { pane: "fl-context", radius: 2.5, weight: 1, color: "#555",
        fillColor: "#555", fillOpacity: 1, interactive: false });
      m.bindTooltip(label_(p.name_en, { permanent: true, direction: "right", offset: [4, 0], className: "fl-label fl-label-context" }));
      m.addTo(contextLayer);
      labels.push({ tooltip: m.getTooltip(), priority: p.kind === "city" ? 500 : 100 });
    });
    labels.sort(function (a, b) { return b.priority - a.priority; });

    // Labels: the most important first; one that would overlap a shown label is hidden.
    function declutter() {
      var taken = [];
      // Show all, then measure all, then hide: one layout, not one per label.
      labels.forEach(function (l) { var e = l.tooltip.getElement(); if (e) e.style.visibility = ""; });
      var rects = labels.map(function (l) { var e = l.tooltip.getElement(); return e ? e.getBoundingClientRect() : null; });
      labels.forEach(function (l, k) {
        var e = l.tooltip.getElement();
        if (!e) return;
        var r = rects[k];
        if (!r.width) return;
        var hit = taken.some(function (o) { return r.left < o.right + 2 && r.right > o.left - 2 && r.top < o.bottom && r.bottom > o.top; });
        if (hit) { e.style.visibility = "hidden"; } else { taken.push(r); }
      });
    }
    map.on("zoomend moveend overlayadd overlayremove", declutter);

    // ---------------------------------------------------------- events
    var SHAPES = {
      triangle: "M8 1 L15 14 L1 14 Z", diamond: "M8 1 L15 8 L8 15 L1 8 Z",
      cross: "M3 1 L8 6 L13 1 L15 3 L10 8 L15 13 L13 15 L8 10 L3 15 L1 13 L6 8 L1 3 Z"
    };
    function eventSvg(kind) {
      var d = SHAPES[DATA.event_shapes[kind]] || SHAPES.diamond;
      return '<svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true"><path d="' + d +
        '" fill="#ffffff" stroke="#111111" stroke-width="1.6"/></svg>';
    }
    DATA.events.forEach(function (e) {
      e.t = parse(e.date);
      // A ring around the place: the event never covers the place or takes its click.
      var a = (e.slot * 45 + 30) * Math.PI / 180, r = 17;
      var dx = Math.round(r * Math.cos(a)), dy = Math.round(-r * Math.sin(a));
      var icon = L.divIcon({ className: "fl-event fl-event-" + e.kind, html: eventSvg(e.kind), iconSize: [16, 16],
        iconAnchor: [8 - dx, 8 - dy] });
      e.marker = L.marker([e.lat, e.lon], { icon: icon, pane: "fl-events", keyboard: false,
        title: e.kind + " · " + e.date });
      e.marker.on("click", function () { showStory(byId[e.place] || placeOf(e), e.claim); });
      e.marker.on("add", function () {
        var n = e.marker.getElement();
        n.setAttribute("data-event", e.kind); n.setAttribute("data-claim", String(e.claim));
        n.setAttribute("data-place", e.place);
      });
      e.shown = false;
    });
    function placeOf(e) {
      var c = CL.get(e.claim);
      return { id: e.place, name_en: c.place, name_ar: "", states: [], history: [], claims: [e.claim] };
    }

    // Events by date: those on show are one run of this order, moved with the date.
    var evOrder = DATA.events.map(function (e, k) { return k; }).sort(function (a, b) {
      return DATA.events[a].t - DATA.events[b].t || a - b; });
    var evT = evOrder.map(function (k) { return DATA.events[k].t; }), evLo = 0, evHi = 0;
    function lower(arr, x) { var lo = 0, hi = arr.length; while (lo < hi) { var mid = (lo + hi) >> 1; if (arr[mid] < x) lo = mid + 1; else hi = mid; } return lo; }
    function upper(arr, x) { var lo = 0, hi = arr.length; while (lo < hi) { var mid = (lo + hi) >> 1; if (arr[mid] <= x) lo = mid + 1; else hi = mid; } return lo; }
    function showEvents(t) {
      var lo = lower(evT, t - DATA.event_days * DAY), hi = upper(evT, t), k, e;
      for (k = evLo; k < evHi; k++) {
        if (k < lo || k >= hi) { e = DATA.events[evOrder[k]]; eventLayer.removeLayer(e.marker); e.shown = false; }
      }
      for (k = lo; k < hi; k++) {
        if (k < evLo || k >= evHi) { e = DATA.events[evOrder[k]]; eventLayer.addLayer(e.marker); e.shown = true; }
      }
      evLo = lo; evHi = hi;
    }

    // ------------------------------------------------------ cells and edges
    // Each place's cell, drawn with no outline so neighbours held by one side read as one area (CellCanvas).
    // Frontlines: every shared edge whose two sides are held by different sides (contested counts as a side
    // of its own).
    function ring(flat) {
      var out = [], x = 0, y = 0;
      for (var j = 0; j < flat.length; j += 2) { x += flat[j]; y += flat[j + 1]; out.push([y / 1e5, x / 1e5]); }
      return out;
    }
    function cellLatLngs(c) { return G.cells[c].map(function (poly) { return poly.map(ring); }); }
    function lineLatLngs(g) { return G.lines[g].map(ring); }
    var NP = DATA.places.length;
    // Each place's intervals (its states over time), made into objects only when shown.
    var IV = DATA.intervals, ivStart = new Int32Array(NP + 1), evStart = new Int32Array(IV.n_ev.length + 1),
      EV = Int32Array.from(IV.ev), ivCache = new Array(IV.n_ev.length);
    for (var pi = 0; pi < NP; pi++) ivStart[pi + 1] = ivStart[pi] + IV.count[pi];
    for (var gi = 0; gi < IV.n_ev.length; gi++) evStart[gi + 1] = evStart[gi] + IV.n_ev[gi];
    function interval(i, k) {
      var g = ivStart[i] + k, s = ivCache[g];
      if (s) return s;
      var st = IV.states[IV.state[g]];
      s = ivCache[g] = { t0: IV.from[g] * DAY, t1: IV.to[g] * DAY, from: iso(IV.from[g] * DAY), to: iso(IV.to[g] * DAY),
        status: st[0], holder: st[1], extent: st[2], contenders: st[3], basis: st[4],
        ev: Array.from(EV.subarray(evStart[g], evStart[g + 1])) };
      return s;
    }
    var HI = DATA.history, hStart = new Int32Array(NP + 1);
    for (var hi = 0; hi < NP; hi++) hStart[hi + 1] = hStart[hi] + HI.count[hi];
    function historyOf(p) {
      var out = [];
      if (p.index === undefined) return out;
      for (var r = hStart[p.index]; r < hStart[p.index + 1]; r++) {
        out.push({ source: colVal(HI.cols, "source", r), from: colVal(HI.cols, "from", r), to: colVal(HI.cols, "to", r),
          state: colVal(HI.cols, "state", r) });
      }
      return out;
    }
    // Frontline edges on canvas: thousands of short dashed lines cost a browser far less there than as SVG
    // elements; showing or hiding one redraws only the canvas.
    var cellRenderer = new CellCanvas({ pane: "fl-areas" }), frontRenderer = new FrontCanvas({ pane: "fl-fronts" });
    var ALPHA = { assessed: 0.25, claimed: 0.45, contested: 0.3 };
    var cellLayers = new Array(NP), areaKey = new Array(NP);
    var EA = [], EB = [], EG = [], edgesOf = new Array(NP);
    for (var x = 0; x < G.edges.length; x += 3) {
      var ea = G.edges[x], eb = G.edges[x + 1];
      (edgesOf[ea] = edgesOf[ea] || []).push(EA.length); (edgesOf[eb] = edgesOf[eb] || []).push(EA.length);
      EA.push(ea); EB.push(eb); EG.push(G.edges[x + 2]);
    }
    var edgeOn = new Uint8Array(EA.length), edgeLayers = new Array(EA.length);
    // The side a place's cell stands for: a holder, "contested", or none (unknown, no claim, no cell).
    function sideOf(i) {
      var k = curK[i];
      if (k < 0 || G.cell_of[i] < 0) return null;
      var s = interval(i, k);
      return s.status === "held" ? s.holder : s.status === "contested" ? "contested" : null;
    }
    function drawCell(i, st, key) {
      var c = G.cell_of[i], lyr = cellLayers[i];
      if (c < 0) return;
      if (!key) { if (lyr && areaLayer.hasLayer(lyr)) areaLayer.removeLayer(lyr); return; }
      var s = st.s, held = s.status === "held", group = !held ? "contested" : s.basis === "claimed" ? "claimed" : "assessed";
      if (!lyr) {
        lyr = cellLayers[i] = L.polygon(cellLatLngs(c), { renderer: cellRenderer, interactive: false, stroke: false });
        lyr.place = i;
      }
      lyr.options.fillKey = key;
      lyr.options.alpha = ALPHA[group];
      lyr.options.fillStyle = !held ? canvasStripes([colorOf("ISIS"), colorOf("SDF")])
        : group === "claimed" ? canvasHatch(colorOf(s.holder)) : colorOf(s.holder);
      if (!areaLayer.hasLayer(lyr)) areaLayer.addLayer(lyr);
      else lyr.setStyle({});  // redraws its part of the canvas
    }
    function refreshEdges(list) {
      for (var n = 0; n < list.length; n++) {
        var x = list[n], a = sideOf(EA[x]), b = sideOf(EB[x]), on = a && b && a !== b ? 1 : 0;
        if (on === edgeOn[x]) continue;
        edgeOn[x] = on;
        var ls = edgeLayers[x];
        if (on) {
          if (!ls) {
            var ll = lineLatLngs(EG[x]);
            // weight 6: Leaflet keeps the casing's width inside the redrawn area
            ls = edgeLayers[x] = L.polyline(ll, { renderer: frontRenderer, interactive: false, color: DATA.frontline,
              weight: 6 });
            ls.edge = x;
          }
          frontLayer.addLayer(ls);
        } else if (ls) {
          frontLayer.removeLayer(ls);
        }
      }
    }

    // --------------------------------------------------------- state
    var state = { date: parse(DATA.initial), whole: false, place: null, focus: null, zoom: null, center: null,
      base: null, speed: 1 };
    var key = "frontline:" + DATA.key;
    function restore() {
      var saved = null;
      try { saved = JSON.parse((store() && store().getItem(key)) || "null"); } catch (e) { saved = null; }
      var h = (location.hash || "").replace(/^#/, "");
      if (/^\d{4}-\d{2}-\d{2}/.test(h)) {
        var parts = h.split("/");
        saved = saved || {};
        saved.date = parts[0];
        if (parts.length >= 4) { saved.zoom = +parts[1]; saved.center = [+parts[2], +parts[3]]; }
        if (parts[4]) saved.place = decodeURIComponent(parts[4]);
      }
      if (!saved) return;
      if (saved.whole) state.whole = true;
      if (saved.date) state.date = parse(saved.date);
      if (saved.zoom && saved.center) { state.zoom = saved.zoom; state.center = saved.center; }
      if (saved.place && byId[saved.place]) state.place = saved.place;
      if (saved.base && bases[saved.base]) state.base = saved.base;
      if (saved.speed) state.speed = saved.speed;
    }
    var persistTimer = null;
    function persist() {
      // Once the date and view rest: writing the address costs a frame's worth of time.
      if (persistTimer) clearTimeout(persistTimer);
      persistTimer = setTimeout(function () {
        persistTimer = null;
        var c = map.getCenter(), z = map.getZoom();
        var s = { date: iso(state.date), whole: state.whole, zoom: z, center: [+c.lat.toFixed(4), +c.lng.toFixed(4)],
          place: openPlace ? openPlace.id : null, base: state.base, speed: state.speed };
        try { if (store()) store().setItem(key, JSON.stringify(s)); } catch (e) { /* storage may be off */ }
        try {
          history.replaceState(null, "", "#" + s.date + "/" + z + "/" + s.center[0] + "/" + s.center[1] +
            (s.place ? "/" + encodeURIComponent(s.place) : ""));
        } catch (e) { /* about:srcdoc has no address to write */ }
      }, 250);
    }
    restore();

    function range() {
      return state.whole ? [parse(DATA.whole_start), parse(DATA.whole_end)] : [parse(DATA.start), parse(DATA.end)];
    }

    // ------------------------------------------------- state per place
    // The delta stream: on each listed day, the places whose state changes and their new state (interval,
    // newest evidence, faded). The page keeps every place's state and applies the changes between two
    // dates, forward or back, so a date step touches only what changed.
    var DL = DATA.deltas, dDays = DL.days, dStart = new Int32Array(dDays.length + 1);
    for (var di = 0; di < dDays.length; di++) dStart[di + 1] = dStart[di] + DL.counts[di];
    var eP = Int32Array.from(DL.place), eK = Int32Array.from(DL.state), eL = Int32Array.from(DL.last),
      eF = Uint8Array.from(DL.faded), NE = eP.length;
    var bK = new Int32Array(NE), bL = new Int32Array(NE), bF = new Uint8Array(NE);
    var curK = new Int32Array(NP).fill(-1), curL = new Int32Array(NP).fill(-1), curF = new Uint8Array(NP);
    for (var e0 = 0; e0 < NE; e0++) {  // what each change replaces: stepping back restores it
      var q = eP[e0];
      bK[e0] = curK[q]; bL[e0] = curL[q]; bF[e0] = curF[q];
      curK[q] = eK[e0]; curL[q] = eL[e0]; curF[q] = eF[e0];
    }
    curK.fill(-1); curL.fill(-1); curF.fill(0);
    var applied = 0, stamp = new Int32Array(NP), stampN = 0;
    function moveTo(day) {
      var to = upper(dDays, day), changed = [], e, p;
      stampN += 1;
      if (to > applied) {
        for (e = dStart[applied]; e < dStart[to]; e++) {
          p = eP[e]; curK[p] = eK[e]; curL[p] = eL[e]; curF[p] = eF[e];
          if (stamp[p] !== stampN) { stamp[p] = stampN; changed.push(p); }
        }
      } else {
        for (e = dStart[applied] - 1; e >= dStart[to]; e--) {
          p = eP[e]; curK[p] = bK[e]; curL[p] = bL[e]; curF[p] = bF[e];
          if (stamp[p] !== stampN) { stamp[p] = stampN; changed.push(p); }
        }
      }
      applied = to;
      return changed;
    }
    // The state of place i on the page's date: its interval, and the newest evidence behind it by then.
    function current(i) {
      var k = curK[i];
      if (k < 0) return null;
      var s = interval(i, k), last = curL[i], lastT = last >= 0 ? CL.T[last] : s.t0;
      return { s: s, last: last, age: Math.round((state.date - lastT) / DAY), faded: curF[i] === 1 };
    }
    function stateAt(p) { return p.index === undefined ? null : current(p.index); }  // an event's place not on the map: none

    function label(st) {
      if (!st) return "none";
      return st.s.status === "held" ? st.s.holder : st.s.status;
    }
    function styleFor(st) {
      if (!st) return { fillColor: "#ffffff", color: "#8c8c8c", fillOpacity: 0.6, opacity: 0.9, dashArray: "1 3", radius: 4, weight: 1.5 };
      var s = st.s, faded = st.faded, out;
      if (s.status === "held") {
        out = { fillColor: s.basis === "claimed" ? hatch(colorOf(s.holder)) : colorOf(s.holder), color: "#1a1a1a",
          fillOpacity: 0.95, opacity: 1, dashArray: null, radius: 8, weight: 1.5 };
      } else if (s.status === "contested") {
        out = { fillColor: contestFill(s.contenders), color: "#1a1a1a", fillOpacity: 1, opacity: 1, dashArray: null,
          radius: 9, weight: 2 };
      } else {
        out = { fillColor: "#ffffff", color: "#4d4d4d", fillOpacity: 0.9, opacity: 1, dashArray: "2 2", radius: 6, weight: 1.5 };
      }
      if (faded && s.status !== "unknown") { out.fillOpacity = 0.4; out.dashArray = "3 2"; out.color = "#555555"; }
      return out;
    }

    // ------------------------------------------------------------ render
    var openPlace = null, tableTimer = null, drawn = false;
    function restyle(i, dirty) {
      var m = markerList[i], st = current(i), style = styleFor(st);
      var k = style.fillColor + style.color + style.fillOpacity + style.dashArray + style.radius;
      var path = m.marker._path;
      if (k !== m.key) {
        m.marker.setStyle(style); m.marker.setRadius(style.radius); m.key = k;
      }
      path.setAttribute("data-state", label(st));
      path.setAttribute("data-basis", st ? st.s.basis : "");
      path.setAttribute("data-faded", st && st.faded ? "1" : "0");
      var side = sideOf(i), key = side ? side + (side === "contested" ? "" : "|" + st.s.basis) : "";
      if (key !== (areaKey[i] || "")) {
        areaKey[i] = key;
        drawCell(i, st, key);
        if (edgesOf[i]) Array.prototype.push.apply(dirty, edgesOf[i]);
      }
    }
    function render() {
      var t = state.date, changed = moveTo(Math.round(t / DAY)), dirty = [], i;
      if (!drawn) { changed = DATA.places.map(function (p, k) { return k; }); drawn = true; }
      for (i = 0; i < changed.length; i++) restyle(changed[i], dirty);
      refreshEdges(dirty);
      // The age of the evidence moves with every date: an attribute only, no restyle.
      for (i = 0; i < NP; i++) {
        if (curK[i] >= 0) markerList[i].marker._path.setAttribute("data-age", String(current(i).age));
        else if (changed.length) markerList[i].marker._path.setAttribute("data-age", "");
      }
      showEvents(t);
      dateBox.textContent = iso(t);
      var r = range();
      slider.value = String(Math.round((t - r[0]) / DAY));
      document.body.setAttribute("data-date", iso(t));
      if (openPlace) fillStory(openPlace);
      if (tableTimer) clearTimeout(tableTimer);
      // The table follows once the date rests: laying out its rows costs more than redrawing the map.
      tableTimer = setTimeout(fillTable, timer ? 400 : 250);
      persist();
    }
    function setDate(t) {
      var r = range();
      state.date = Math.max(r[0], Math.min(r[1], t));
      render();
    }

    // ------------------------------------------------------------ time bar
    function button(text, title, id) {
      var b = el("button", "fl-btn", text); b.type = "button"; b.title = title; b.setAttribute("aria-label", title);
      if (id) b.id = id;
      return b;
    }
    var back = button("◀", "One step back", "fl-back");
    var play = button("▶", "Play / pause", "fl-play");
    var fwd = button("▶|", "One step forward", "fl-fwd");
    var speed = el("select", "fl-speed"); speed.id = "fl-speed"; speed.title = "Playback speed";
    speed.setAttribute("aria-label", "Playback speed");
    [["0.5", "½×"], ["1", "1×"], ["2", "2×"], ["4", "4×"]].forEach(function (o) {
      var opt = el("option", null, o[1]); opt.value = o[0]; speed.appendChild(opt);
    });
    speed.value = String(state.speed);
    var slider = el("input"); slider.type = "range"; slider.step = "1"; slider.id = "fl-slider";
    slider.setAttribute("aria-label", "Date");
    var startLbl = el("span", "fl-lbl"), endLbl = el("span", "fl-lbl");
    var dateBox = el("output", "fl-day"); dateBox.id = "fl-date";
    var wholeBox = el("label", "fl-whole"), whole = el("input");
    whole.type = "checkbox"; whole.id = "fl-whole"; wholeBox.appendChild(whole);
    wholeBox.appendChild(document.createTextNode(" whole range"));
    wholeBox.title = "The slider covers the dates that hold the evidence; tick to reach every dated claim (" +
      DATA.whole_start + " to " + DATA.whole_end + ")";
    if (DATA.whole_start === DATA.start && DATA.whole_end === DATA.end) wholeBox.hidden = true;
    var viewLbl = el("span", "fl-viewname", DATA.view);
    [back, play, fwd, speed, dateBox, startLbl, slider, endLbl, wholeBox, viewLbl].forEach(function (x) { bar.appendChild(x); });
    function setRange() {
      var r = range();
      slider.min = "0"; slider.max = String(Math.round((r[1] - r[0]) / DAY));
      startLbl.textContent = iso(r[0]); endLbl.textContent = iso(r[1]);
      whole.checked = state.whole;
    }
    slider.addEventListener("input", function () { state.date = range()[0] + Number(slider.value) * DAY; render(); });
    var STEP = DATA.play_step_days * DAY;
    back.addEventListener("click", function () { stop(); setDate(state.date - STEP); });
    fwd.addEventListener("click", function () { stop(); setDate(state.date + STEP); });
    speed.addEventListener("change", function () { state.speed = Number(speed.value); persist(); if (timer) { stop(); start(); } });
    whole.addEventListener("change", function () { state.whole = whole.checked; setRange(); setDate(state.date); });
    var timer = null;
    function stop() { if (timer) { clearInterval(timer); timer = null; } play.textContent = "▶"; }
    function start() {
      var r = range();
      if (state.date >= r[1]) state.date = r[0];
      play.textContent = "❚❚";
      timer = setInterval(function () {
        var r2 = range();
        setDate(state.date + STEP);
        if (state.date >= r2[1]) stop();
      }, 250 / state.speed);
    }
    play.addEventListener("click", function () { if (timer) stop(); else start(); });

    // ------------------------------------------------------------ legend
    function swatch(fill, stroke, opts2) {
      opts2 = opts2 || {};
      var svg = document.createElementNS(SVGNS, "svg");
      svg.setAttribute("width", "18"); svg.setAttribute("height", "14"); svg.setAttribute("class", "fl-sw");
      var shape;
      if (opts2.line) {
        shape = document.createElementNS(SVGNS, "line");
        shape.setAttribute("x1", "1"); shape.setAttribute("y1", "7"); shape.setAttribute("x2", "17"); shape.setAttribute("y2", "7");
        shape.setAttribute("stroke", stroke); shape.setAttribute("stroke-width", opts2.width || "3");
        if (opts2.dash) shape.setAttribute("stroke-dasharray", opts2.dash);
      } else if (opts2.square) {
        shape = document.createElementNS(SVGNS, "rect");
        shape.setAttribute("x", "1"); shape.setAttribute("y", "1"); shape.setAttribute("width", "16"); shape.setAttribute("height", "12");
        shape.setAttribute("fill", fill); shape.setAttribute("fill-opacity", opts2.opacity || "0.3");
        shape.setAttribute("stroke", stroke);
      } else if (opts2.path) {
        shape = document.createElementNS(SVGNS, "path");
        shape.setAttribute("d", opts2.path); shape.setAttribute("transform", "translate(1,-1) scale(0.95)");
        shape.setAttribute("fill", "#ffffff"); shape.setAttribute("stroke", "#111"); shape.setAttribute("stroke-width", "1.6");
      } else {
        shape = document.createElementNS(SVGNS, "circle");
        shape.setAttribute("cx", "9"); shape.setAttribute("cy", "7"); shape.setAttribute("r", opts2.r || "5.5");
        shape.setAttribute("fill", fill); shape.setAttribute("stroke", stroke); shape.setAttribute("stroke-width", "1.5");
        if (opts2.opacity) shape.setAttribute("fill-opacity", opts2.opacity);
        if (opts2.dash) shape.setAttribute("stroke-dasharray", opts2.dash);
      }
      svg.appendChild(shape);
      return svg;
    }
    var Legend = L.Control.extend({ options: { position: "bottomright" }, onAdd: function () {
      var box = el("div", "fl-legend leaflet-control-layers");
      var toggle = el("button", "fl-legend-toggle", "Legend"); toggle.type = "button";
      var body = el("div", "fl-legend-body");
      toggle.addEventListener("click", function () { body.hidden = !body.hidden; });
      box.appendChild(toggle); box.appendChild(body);
      function row(sw, text) { var r = el("div", "fl-legend-row"); r.appendChild(sw); r.appendChild(el("span", null, text)); body.appendChild(r); }
      function section(text) { body.appendChild(el("div", "fl-legend-title", text)); }
      section("Places: who holds them");
      DATA.holders.forEach(function (h) { row(swatch(colorOf(h), "#1a1a1a"), DATA.holder_names[h] || h); });
      var ex = DATA.holders[0] || "SDF";
      row(swatch(contestFill(DATA.holders.length > 1 ? DATA.holders.slice(0, 2) : null), "#1a1a1a"), "contested (stripes of the sides)");
      row(swatch(hatch(colorOf(ex)), "#1a1a1a"), "hatched: only the side's own claim");
      row(swatch(colorOf(ex), "#555555", { opacity: "0.4", dash: "3 2" }), "faded: last evidence over " + DATA.fade_days + " days old");
      row(swatch("#ffffff", "#4d4d4d", { dash: "2 2", r: "4.5" }), "unknown (holder withdrew)");
      row(swatch("#ffffff", "#8c8c8c", { dash: "1 3", r: "3.5" }), "no claim yet");
      section("Ground");
      row(swatch(colorOf(ex), colorOf(ex), { square: true }), "area of control (near its places)");
      row(swatch(contestFill(null), "#333", { square: true, opacity: "0.5" }), "contested area");
      row(swatch(null, DATA.frontline, { line: true, dash: "6 3" }), "frontline");
      section("Events (3 days)");
      Object.keys(DATA.event_shapes).forEach(function (k) { row(swatch(null, null, { path: SHAPES[DATA.event_shapes[k]] }), k); });
      section("Base");
      row(swatch(null, "#3a7fc1", { line: true }), "Euphrates, Khabur");
      row(swatch(null, "#4d4d4d", { line: true, width: "1.6", dash: "7 4 2 4" }), "national border");
      row(swatch("#555", "#555", { r: "2.5" }), "town with no claim");
      if (container.clientHeight < 380 || container.clientWidth < 560) body.hidden = true;  // a small map keeps its ground visible
      L.DomEvent.disableClickPropagation(box); L.DomEvent.disableScrollPropagation(box);
      return box;
    } });
    var legend = new Legend().addTo(map);

    // ------------------------------------------------------------- story
    storyClose.addEventListener("click", function () { story.hidden = true; openPlace = null; state.focus = null; persist(); });
    function showStory(p, focus) {
      openPlace = p; state.focus = focus === undefined ? null : focus;
      fillStory(p); story.hidden = false; persist();
      var f = storyBody.querySelector(".fl-focus");
      if (f && f.scrollIntoView) f.scrollIntoView({ block: "nearest" });
    }
    function marked(c) {
      // The sentence with the place and the cue marked: text nodes only.
      var q = el("blockquote", "ar fl-sentence"); q.setAttribute("dir", "rtl"); q.setAttribute("lang", "ar");
      var text = c.sentence || c.quote || "", at = 0;
      (c.marks || []).forEach(function (m) {
        if (m[0] < at) return;
        q.appendChild(document.createTextNode(text.slice(at, m[0])));
        q.appendChild(el("mark", "fl-mark-" + m[2], text.slice(m[0], m[1])));
        at = m[1];
      });
      q.appendChild(document.createTextNode(text.slice(at)));
      return q;
    }
    function nowText(st, t) {
      if (!st) return "No claim yet";
      var s = st.s, what;
      if (s.status === "held") what = "Held by " + s.holder + (s.extent && s.extent !== "full" ? " (" + s.extent + ")" : "");
      else if (s.status === "contested") what = "Contested: " + s.contenders.join(" vs ");
      else what = "Unknown: its holder withdrew and no one else was named";
      return what;
    }
    function fillStory(p) {
      var t = state.date;
      storyBody.textContent = "";
      var h = el("h2", null, p.name_en + " ");
      h.appendChild(el("span", "ar", p.name_ar));
      storyBody.appendChild(h);
      var st = stateAt(p);
      storyBody.appendChild(el("p", "fl-now", "On " + iso(t) + ": " + nowText(st, t)));
      if (st && st.last >= 0) {
        var lc = CL.get(st.last);
        var ago = st.age === 0 ? "today" : plural(st.age, "day", "days") + " ago";
        storyBody.appendChild(el("p", "fl-age" + (st.faded ? " fl-old" : ""), "Last confirmed " + ago + " by " + lc.source +
          (lc.outlet && lc.outlet !== lc.source ? " (in " + lc.outlet + ")" : "") + ", " + lc.date_text +
          (st.faded ? ": older than " + DATA.fade_days + " days, so faded on the map" : "")));
      }
      if (st && st.s.basis === "claimed") {
        storyBody.appendChild(el("p", "fl-claimed", "Only the side's own claim supports this: no independent source yet (hatched)."));
      }
      var hist = historyOf(p);
      if (hist.length) {
        storyBody.appendChild(el("h3", null, "Holder over time, by source"));
        var table = el("table", "fl-history"), thead = el("tr");
        ["Source", "From", "To", "State"].forEach(function (x) { thead.appendChild(el("th", null, x)); });
        table.appendChild(thead);
        hist.forEach(function (r) {
          var tr = el("tr");
          [r.source, r.from, r.to, r.state].forEach(function (v) { tr.appendChild(el("td", null, v)); });
          table.appendChild(tr);
        });
        storyBody.appendChild(table);
      }
      storyBody.appendChild(el("h3", null, "Evidence (newest first; later claims faded)"));
      var list = el("ol", "fl-claims");
      var ids = p.claims.slice();
      if (state.focus !== null && ids.indexOf(state.focus) < 0) ids.push(state.focus);
      var past = ids.filter(function (k) { return CL.T[k] <= t; }).sort(function (a, b) { return CL.T[b] - CL.T[a]; });
      var later = ids.filter(function (k) { return CL.T[k] > t; });
      if (state.focus !== null) {  // the event that was clicked comes first
        past = past.filter(function (k) { return k !== state.focus; }); later = later.filter(function (k) { return k !== state.focus; });
        past.unshift(state.focus);
      }
      past.concat(later).forEach(function (k) {
        var c = CL.get(k);
        var li = evidence(c, "fl-claim" + (c.t <= t ? "" : " fl-future") + (k === state.focus ? " fl-focus" : ""));
        li.setAttribute("data-claim", String(k));
        list.appendChild(li);
      });
      storyBody.appendChild(list);
      // Claims that could not be placed in time: listed with their reason, never on the map.
      var und = p.undated || [];
      if (und.length) {
        var uh = el("h3", "fl-undated-title", "Undated (" + und.length + ")"); uh.id = "story-undated";
        storyBody.appendChild(uh);
        storyBody.appendChild(el("p", "fl-undated-note", "Not placed in time, so they do not colour the map."));
        var ulist = el("ol", "fl-claims fl-undated");
        und.forEach(function (k) {
          var li = evidence(DATA.undated[k], "fl-claim fl-undated-claim");
          li.setAttribute("data-undated", String(k));
          ulist.appendChild(li);
        });
        storyBody.appendChild(ulist);
      }
      reviewSection(p);
    }
    // One claim as evidence: summary, its sentence marked, date (with precision or why undated), source, outlet, link.
    function evidence(c, cls) {
      var li = el("li", cls);
      li.appendChild(el("div", "fl-summary", c.summary));
      li.appendChild(marked(c));
      var meta = el("div", "fl-meta", c.date_text + " · outlet: " + (c.outlet || "unknown") + " · source: " + c.source +
        " · " + c.modality + (c.party ? " · a party's own claim" : "") + " · article " + c.article);
      var u = safeUrl(c.url);
      if (u) {
        meta.appendChild(document.createTextNode(" · "));
        var a = el("a", null, "link"); a.href = u; a.target = "_blank"; a.rel = "noopener noreferrer";
        meta.appendChild(a);
      }
      if (DATA.articles[c.article]) {
        meta.appendChild(document.createTextNode(" · "));
        var open = el("button", "fl-linkish", "open the article"); open.type = "button";
        open.addEventListener("click", function () { showArticle(c); });
        meta.appendChild(open);
      }
      li.appendChild(meta);
      reviewInto(li, c);
      return li;
    }
    function showArticle(c) {
      storyBody.textContent = "";
      var backBtn = el("button", "fl-linkish", "← back to " + (openPlace ? openPlace.name_en : "the story")); backBtn.type = "button";
      backBtn.addEventListener("click", function () { fillStory(openPlace); });
      storyBody.appendChild(backBtn);
      storyBody.appendChild(el("h3", null, "Article " + c.article + (c.outlet ? " (" + c.outlet + ")" : "")));
      var text = DATA.articles[c.article], k = c.sentence ? text.indexOf(c.sentence) : -1;
      var body = el("div", "ar fl-article"); body.setAttribute("dir", "rtl"); body.setAttribute("lang", "ar");
      if (k >= 0) {
        body.appendChild(document.createTextNode(text.slice(0, k)));
        var m = el("mark", "fl-mark-sentence", c.sentence); body.appendChild(m);
        body.appendChild(document.createTextNode(text.slice(k + c.sentence.length)));
      } else {
        body.textContent = text;
      }
      storyBody.appendChild(body);
      var mk = body.querySelector("mark"); if (mk && mk.scrollIntoView) mk.scrollIntoView({ block: "center" });
    }

    // ------------------------------------------------------------- review
    // Each claim's review state and history. In the app (opts.review) buttons post an action to the app
    // window, which records it and redraws the map: this page cannot write the review store itself.
    function reviewId() {
      var b = new Uint8Array(16);
      window.crypto.getRandomValues(b);
      return Array.prototype.map.call(b, function (x) { return ("0" + x.toString(16)).slice(-2); }).join("");
    }
    function sendReview(msg, where) {
      msg.type = "frontline:review"; msg.id = reviewId();  // the id makes a repeated message harmless
      try { window.parent.postMessage(msg, "*"); } catch (e) { /* no app around this page */ }
      where.textContent = "";
      where.appendChild(el("span", "fl-rv-sent", msg.act === "edit" || msg.act === "add"
        ? "Fill in the form in the sidebar." : "Sent to the app: recording…"));
    }
    function reviewInto(li, c) {
      li.setAttribute("data-key", c.key);
      li.setAttribute("data-review", c.review_state || "unreviewed");
      var box = el("div", "fl-review");
      var reviewed = c.review_state && c.review_state !== "unreviewed";
      box.appendChild(el("div", "fl-rv-state", reviewed ? "Review: " + c.review_state +
        (c.reviewed_by ? " by " + c.reviewed_by : "") : "Not reviewed"));
      if (c.original) box.appendChild(el("div", "fl-rv-original", "As extracted: " + c.original));
      box.appendChild(el("div", "fl-rv-key", "key " + c.key));  // for frontline review on the command line
      if (c.review_log && c.review_log.length) {
        var log = el("ol", "fl-rv-log");
        c.review_log.forEach(function (a) {
          log.appendChild(el("li", a.undone ? "fl-rv-undone" : null, a.when + " · " + a.who + " · " + a.action +
            (a.what ? " (" + a.what + ")" : "") + (a.why ? ": " + a.why : "") + (a.undone ? " · undone" : "")));
        });
        box.appendChild(log);
      }
      if (opts.review) box.appendChild(reviewButtons(c));
      li.appendChild(box);
    }
    function reviewButtons(c) {
      var box = el("div", "fl-rv-actions"), bar = el("div"), form = el("div", "fl-rv-form");
      function btn(text, cls, fn) {
        var b = el("button", "fl-linkish " + cls, text); b.type = "button";
        b.addEventListener("click", fn); bar.appendChild(b); bar.appendChild(document.createTextNode(" "));
      }
      function ask(label, act, verb) {
        form.textContent = "";
        var input = el("input", "fl-rv-text"); input.type = "text"; input.placeholder = label;
        input.setAttribute("aria-label", label); input.maxLength = 4000;
        var send = el("button", "fl-btn fl-rv-send", verb); send.type = "button";
        function go() {
          var text = input.value.trim();
          if (!text) { input.focus(); return; }
          form.textContent = "";
          sendReview({ act: act, claim: c.key, text: text }, bar);
        }
        send.addEventListener("click", go);
        input.addEventListener("keydown", function (e) { if (e.key === "Enter") go(); });
        form.appendChild(input); form.appendChild(send); input.focus();
      }
      if (c.review_state !== "rejected") {
        btn("confirm", "fl-rv-confirm", function () { sendReview({ act: "confirm", claim: c.key }, bar); });
        btn("reject…", "fl-rv-reject", function () { ask("Why is it wrong?", "reject", "Reject"); });
        btn("edit…", "fl-rv-edit", function () { sendReview({ act: "edit", claim: c.key }, bar); });
      }
      btn("note…", "fl-rv-note", function () { ask("Your note", "note", "Save note"); });
      if (c.undo) btn("undo the last decision", "fl-rv-undo", function () {
        sendReview({ act: "undo", claim: c.key, target: c.undo }, bar);
      });
      box.appendChild(bar); box.appendChild(form);
      return box;
    }
    // Under the evidence: the place's rejected claims (not on the map, still undoable), and "add a claim".
    function reviewSection(p) {
      var ks = p.rejected || [];
      if (ks.length) {
        storyBody.appendChild(el("h3", null, "Rejected in review (" + ks.length + "), not on the map"));
        var list = el("ol", "fl-claims fl-rejected");
        ks.forEach(function (k) {
          var c = DATA.rejected[k], li = el("li", "fl-claim fl-claim-rejected");
          li.appendChild(el("div", "fl-summary", c.summary));
          li.appendChild(marked(c));
          li.appendChild(el("div", "fl-meta", c.date_text + " · source: " + c.source + " · article " + c.article));
          reviewInto(li, c);
          list.appendChild(li);
        });
        storyBody.appendChild(list);
      }
      if (opts.review) {
        var line = el("p", "fl-rv-addline"), add = el("button", "fl-linkish fl-rv-add", "add a claim about " + p.name_en + "…");
        add.type = "button";
        add.addEventListener("click", function () { sendReview({ act: "add", place: p.id }, line); });
        line.appendChild(add); storyBody.appendChild(line);
      }
    }

    // ------------------------------------------------------ table and downloads
    var tools = el("div", "fl-tools");
    var title = el("h2", "fl-table-title");
    var mode = el("select"); mode.id = "fl-mode"; mode.setAttribute("aria-label", "Which claims");
    [["map", "behind the map on this date"], ["upto", "every claim up to this date"]].forEach(function (o) {
      var opt = el("option", null, o[1]); opt.value = o[0]; mode.appendChild(opt);
    });
    function select(id, label, values) {
      var s = el("select"); s.id = id; s.setAttribute("aria-label", label);
      var all = el("option", null, "any " + label); all.value = ""; s.appendChild(all);
      values.forEach(function (v) { var o = el("option", null, v); o.value = v; s.appendChild(o); });
      s.addEventListener("change", fillTable);
      return s;
    }
    var fPlace = select("fl-f-place", "place", CL.distinct("place"));
    var fActor = select("fl-f-actor", "actor", CL.distinct("actor"));
    var fSource = select("fl-f-source", "source", CL.distinct("source"));
    var fText = el("input"); fText.type = "search"; fText.id = "fl-f-text"; fText.placeholder = "search the quotes";
    fText.setAttribute("aria-label", "Search the quotes");
    fText.addEventListener("input", fillTable);
    mode.addEventListener("change", fillTable);
    var dlGeo = button("Snapshot GeoJSON", "Places, areas and frontlines on this date, in this view", "fl-dl-geojson");
    var dlCsv = button("Claims CSV", "The rows of this table, with place id, latitude and longitude", "fl-dl-csv");
    [title, mode, fPlace, fActor, fSource, fText, dlGeo, dlCsv].forEach(function (x) { tools.appendChild(x); });
    panel.appendChild(tools);
    var tableWrap = el("div", "fl-table-wrap");
    var table = el("table", "fl-table"); table.id = "fl-table";
    tableWrap.appendChild(table); panel.appendChild(tableWrap);
    // Undated claims are not in the date-filtered table, but every one is counted on screen.
    var undatedFoot = el("p", "fl-table-foot"); undatedFoot.id = "fl-undated-count";
    (function () {
      var n = DATA.undated.length, listed = {};
      DATA.places.forEach(function (p) { (p.undated || []).forEach(function (k) { listed[k] = 1; }); });
      var off = n - Object.keys(listed).length;
      undatedFoot.textContent = plural(n, "claim", "claims") + " could not be placed in time: see the places' stories" +
        (off ? "; " + off + " of them " + (off === 1 ? "is" : "are") + " about places with no dated claim, not on this map" : "") + ".";
      undatedFoot.hidden = !n;
      undatedFoot.setAttribute("data-undated", String(n));
    })();
    panel.appendChild(undatedFoot);
    var COLS = [["date", "date"], ["place", "place"], ["actor", "actor"], ["change", "change"], ["source", "source"],
      ["quote", "quote"], ["outlet", "outlet"], ["modality", "modality"], ["kind", "kind"], ["extent", "extent"],
      ["article", "article"], ["review_state", "review"], ["url", "url"]];
    var MAX_ROWS = 300;

    function tableRows() {
      var t = state.date, ids = [];
      if (mode.value === "map") {
        var seen = {};
        DATA.places.forEach(function (p) {
          var st = stateAt(p);
          if (!st) return;
          st.s.ev.forEach(function (k) { if (CL.T[k] <= t && !seen[k]) { seen[k] = 1; ids.push(k); } });
        });
        for (var n = evLo; n < evHi; n++) {
          var e = DATA.events[evOrder[n]];
          if (!seen[e.claim]) { seen[e.claim] = 1; ids.push(e.claim); }
        }
      } else {
        for (var k = 0; k < CL.n; k++) if (CL.T[k] <= t) ids.push(k);
      }
      var q = fText.value.trim();
      ids = ids.filter(function (k) {
        return (!fPlace.value || CL.val("place", k) === fPlace.value) && (!fActor.value || CL.val("actor", k) === fActor.value) &&
          (!fSource.value || CL.val("source", k) === fSource.value) && (!q || (CL.val("quote", k) || "").indexOf(q) >= 0 ||
          (CL.val("summary", k) || "").toLowerCase().indexOf(q.toLowerCase()) >= 0);
      });
      ids.sort(function (a, b) { return CL.T[b] - CL.T[a] || a - b; });
      return ids;
    }
    function fillTable() {
      tableTimer = null;
      var ids = tableRows();
      title.textContent = "Claims on " + iso(state.date) + " (" + ids.length + ")";
      table.textContent = "";
      var tr = el("tr");
      COLS.forEach(function (c) { tr.appendChild(el("th", null, c[1])); });
      var thead = el("thead"); thead.appendChild(tr); table.appendChild(thead);
      var tbody = el("tbody");
      ids.slice(0, MAX_ROWS).forEach(function (k) {
        var c = CL.get(k), row = el("tr");
        row.setAttribute("data-claim", String(k));
        COLS.forEach(function (col) {
          var v = c[col[0]], td;
          if (col[0] === "url") {
            td = el("td"); var u = safeUrl(v);
            if (u) { var a = el("a", null, "link"); a.href = u; a.target = "_blank"; a.rel = "noopener noreferrer"; td.appendChild(a); }
          } else if (col[0] === "quote") {
            td = el("td", "ar fl-q", v); td.setAttribute("dir", "rtl");
          } else {
            td = el("td", null, v === null || v === undefined ? "" : v);
          }
          row.appendChild(td);
        });
        row.addEventListener("click", function () {
          var p = byId[c.place_id];
          if (p) showStory(p, k);
        });
        tbody.appendChild(row);
      });
      table.appendChild(tbody);
      if (ids.length > MAX_ROWS) panel.setAttribute("data-more", String(ids.length - MAX_ROWS));
      table.setAttribute("data-date", iso(state.date));
      table.setAttribute("data-rows", String(ids.length));
    }

    // CSV per RFC 4180; a cell that a spreadsheet would run as a formula gets a leading ' (OWASP).
    function csvCell(v) {
      if (v === null || v === undefined) return "";
      var s = String(v);
      if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
      return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
    }
    var CSV_COLS = ["date", "place", "actor", "change", "source", "quote", "outlet", "modality", "party", "kind",
      "extent", "summary", "sentence", "article", "url", "place_id", "lat", "lon", "id", "key", "review_state",
      "reviewed_by"];
    function claimsCsv() {
      var lines = [CSV_COLS.join(",")];
      tableRows().forEach(function (k) {
        var c = CL.get(k);
        lines.push(CSV_COLS.map(function (col) { return csvCell(c[col]); }).join(","));
      });
      return "\ufeff" + lines.join("\r\n") + "\r\n";
    }
    function snapshotGeojson() {
      var t = state.date, day = iso(t), feats = [];
      DATA.places.forEach(function (p) {
        var st = stateAt(p), s = st ? st.s : null;
        var last = st && st.last >= 0 ? CL.get(st.last) : null;
        var ev = s ? s.ev.filter(function (k) { return CL.T[k] <= t; }) : [];
        var srcs = {}; ev.forEach(function (k) { srcs[CL.val("source", k)] = 1; });
        feats.push({ type: "Feature", geometry: { type: "Point", coordinates: [p.lon, p.lat] }, properties: {
          layer: "places", place: p.id, name_en: p.name_en, name_ar: p.name_ar,
          status: s ? s.status : "unknown", holder: s ? s.holder : null, extent: s ? s.extent : null,
          basis: s ? s.basis : null, contenders: s ? s.contenders.join(" | ") : "", since: s ? s.from : null,
          last_evidence: last ? last.date : null, age_days: st ? st.age : null, faded: !!(st && st.faded),
          sources: Object.keys(srcs).sort().join(" | "), claim_ids: ev.map(function (k) { return CL.val("id", k); }).join(" | "),
          date: day, view: DATA.view } });
      });
      // Areas: one feature per holder and basis, the cells of its places; frontlines: one per pair of sides.
      var areas = {}, fronts = {};
      DATA.places.forEach(function (p, i) {
        var side = sideOf(i);
        if (!side) return;
        var basis = side === "contested" ? "assessed" : interval(i, curK[i]).basis, k = side + "|" + basis;
        var a = areas[k] = areas[k] || { holder: side, basis: basis, cells: {} };
        a.cells[G.cell_of[i]] = 1;
      });
      function closed(r) { var out = r.map(function (ll) { return [ll[1], ll[0]]; }); out.push(out[0]); return out; }
      Object.keys(areas).sort().forEach(function (k) {
        var a = areas[k], polys = [];
        Object.keys(a.cells).forEach(function (c) { cellLatLngs(+c).forEach(function (poly) { polys.push(poly.map(closed)); }); });
        feats.push({ type: "Feature", geometry: { type: "MultiPolygon", coordinates: polys },
          properties: { layer: "areas", holder: a.holder, basis: a.basis, date: day, view: DATA.view } });
      });
      for (var x = 0; x < EA.length; x++) {
        if (!edgeOn[x]) continue;
        var between = [sideOf(EA[x]), sideOf(EB[x])].sort().join("|");
        fronts[between] = (fronts[between] || []).concat(lineLatLngs(EG[x]).map(function (r) {
          return r.map(function (ll) { return [ll[1], ll[0]]; }); }));
      }
      Object.keys(fronts).sort().forEach(function (k) {
        feats.push({ type: "Feature", geometry: { type: "MultiLineString", coordinates: fronts[k] },
          properties: { layer: "frontlines", between: k, date: day, view: DATA.view } });
      });
      return JSON.stringify({ type: "FeatureCollection", features: feats });
    }
    function download(name, type, text) {
      var blob = new Blob([text], { type: type }), a = document.createElement("a");
      a.href = URL.createObjectURL(blob); a.download = name;
      document.body.appendChild(a); a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    }
    function slug() { return DATA.view.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, ""); }
    dlGeo.addEventListener("click", function () {
      download("frontline-" + slug() + "-" + iso(state.date) + ".geojson", "application/geo+json", snapshotGeojson());
    });
    dlCsv.addEventListener("click", function () {
      download("frontline-claims-" + slug() + "-" + iso(state.date) + ".csv", "text/csv;charset=utf-8", claimsCsv());
    });

    // ------------------------------------------------------------- start
    setRange();
    var r0 = range();
    state.date = Math.max(r0[0], Math.min(r0[1], state.date));
    if (state.zoom && state.center) {
      map.setView(state.center, state.zoom, { animate: false });
    } else {
      // Frame the places with evidence beside the legend, not under it.
      var b = DATA.bounds, lg = legend.getContainer(), pad = [12, 12];
      var spareW = container.clientWidth - lg.offsetWidth, spareH = container.clientHeight - lg.offsetHeight;
      if (lg.offsetWidth && spareW >= spareH) pad = [lg.offsetWidth + 16, 12];
      else if (lg.offsetHeight) pad = [12, lg.offsetHeight + 12];
      // No zoom animation: labels are decluttered, and the page is ready, at the final view.
      map.fitBounds([[b[1], b[0]], [b[3], b[2]]], { paddingTopLeft: [12, 12], paddingBottomRight: pad, animate: false });
    }
    if (state.base && state.base !== first && bases[state.base]) {
      Object.keys(bases).forEach(function (k) { if (map.hasLayer(bases[k])) map.removeLayer(bases[k]); });
      bases[state.base].addTo(map);
    }
    map.on("moveend zoomend", persist);
    render();
    fillTable();
    declutter();
    if (state.place && byId[state.place]) showStory(byId[state.place], null);
    window.frontline = {
      map: map, data: DATA, layers: layers,
      setDate: function (d) { stop(); state.date = parse(d); render(); fillTable(); },
      date: function () { return iso(state.date); },
      stateOf: function (id) { return label(stateAt(byId[id])); },
      // Cells on show: place id -> "holder|basis" or "contested", from the cells drawn.
      cells: function () {
        var out = {};
        areaLayer.getLayers().forEach(function (l) { if (l.place !== undefined) out[DATA.places[l.place].id] = l.options.fillKey; });
        return out;
      },
      // Frontline edges on show, each as "place|place" (the places either side), from the lines drawn.
      fronts: function () {
        return frontLayer.getLayers().filter(function (l) { return l.edge !== undefined; }).map(function (l) {
          return DATA.places[EA[l.edge]].id + "|" + DATA.places[EB[l.edge]].id; }).sort();
      },
      csv: claimsCsv, geojson: snapshotGeojson
    };
    document.body.setAttribute("data-ready", "1");
  }

  window.FrontlineTimeMap = { attach: attach };
})();
