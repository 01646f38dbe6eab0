/* Frontline time map: every state for every date is in the page, so moving
   the date only restyles what is already drawn (no server round trip).
   Article text is untrusted: it is only ever set with textContent. */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("frontline-data").textContent);
  var DAY = 86400000;
  var COLORS = DATA.colors;

  function parse(d) { return Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)); }
  function iso(t) { return new Date(t).toISOString().slice(0, 10); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function safeUrl(u) { return /^https?:\/\//i.test(u || "") ? u : null; }

  var map = L.map("map", { zoomControl: true, preferCanvas: false, attributionControl: true });
  map.attributionControl.setPrefix(false);
  var tiles = L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    { attribution: "© OpenStreetMap contributors", maxZoom: 14 });
  var river = L.geoJSON(DATA.basemap.river, { style: { color: "#4a90d9", weight: 3, opacity: 0.8 }, interactive: false });
  var border = L.geoJSON(DATA.basemap.border, { style: { color: "#555", weight: 1.5, dashArray: "6 4" }, interactive: false });
  river.addTo(map); border.addTo(map);
  var areaLayer = L.layerGroup().addTo(map);
  var frontLayer = L.layerGroup().addTo(map);
  var eventLayer = L.layerGroup().addTo(map);
  var placeLayer = L.layerGroup().addTo(map);
  L.control.layers({}, { "OpenStreetMap tiles (needs internet)": tiles, "Areas of control": areaLayer,
    "Frontlines": frontLayer, "Strikes and clashes": eventLayer, "Euphrates": river, "Border": border },
    { collapsed: true }).addTo(map);
  var b = DATA.bounds; map.fitBounds([[b[1], b[0]], [b[3], b[2]]]);

  var t0 = parse(DATA.start), t1 = parse(DATA.end);
  var nDays = Math.round((t1 - t0) / DAY);
  var current = parse(DATA.initial);

  // Places: one circle each, restyled in place on every date change.
  var markers = {};
  DATA.places.forEach(function (p) {
    p.states.forEach(function (s) { s.t0 = parse(s.from); s.t1 = parse(s.to); });
    var m = L.circleMarker([p.lat, p.lon], { radius: 7, weight: 2 });
    m.bindTooltip(p.name_en + " · " + p.name_ar, { direction: "top" });
    m.on("click", function () { showStory(p); });
    m.addTo(placeLayer);
    m.on("add", function () { if (m._path) m._path.setAttribute("data-place", p.id); });
    if (m._path) m._path.setAttribute("data-place", p.id);
    markers[p.id] = { marker: m, place: p };
  });
  DATA.areas.forEach(function (a) { a.t0 = parse(a.from); a.t1 = parse(a.to); });
  DATA.events.forEach(function (e) { e.t = parse(e.date); });

  function stateAt(p, t) {
    var last = null;
    for (var i = 0; i < p.states.length; i++) {
      var s = p.states[i];
      if (s.t0 <= t && t < s.t1) return { state: s, stale: false };
      if (s.t1 <= t) last = s;
    }
    return last ? { state: last, stale: true } : null;
  }

  function styleFor(st) {
    if (!st) return { fillColor: "#ffffff", color: "#999", fillOpacity: 0.2, opacity: 0.5, dashArray: "2 3", radius: 4 };
    if (st.stale) return { fillColor: "#c8c8c8", color: "#8a8a8a", fillOpacity: 0.5, opacity: 0.8, dashArray: "3 3", radius: 6 };
    var s = st.state;
    if (s.status === "held") return { fillColor: COLORS[s.holder] || "#777", color: "#222", fillOpacity: 0.95, opacity: 1, dashArray: null, radius: 8 };
    if (s.status === "contested") return { fillColor: "#ffffff", color: COLORS.contested, fillOpacity: 0.9, opacity: 1, dashArray: "4 3", radius: 9, weight: 4 };
    return { fillColor: "#c8c8c8", color: "#8a8a8a", fillOpacity: 0.5, opacity: 0.8, dashArray: "3 3", radius: 6 };
  }

  var shownArea = null;
  function render() {
    var t = current;
    Object.keys(markers).forEach(function (id) {
      var m = markers[id], st = stateAt(m.place, t), style = styleFor(st);
      m.marker.setStyle({ fillColor: style.fillColor, color: style.color, fillOpacity: style.fillOpacity,
        opacity: style.opacity, dashArray: style.dashArray, weight: style.weight || 2 });
      m.marker.setRadius(style.radius);
      if (m.marker._path) {
        var label = !st ? "none" : st.stale ? "stale" : st.state.status === "held" ? st.state.holder : st.state.status;
        m.marker._path.setAttribute("data-state", label);
        m.marker._path.setAttribute("data-place", id);
      }
    });
    var area = null;
    for (var i = 0; i < DATA.areas.length; i++) {
      if (DATA.areas[i].t0 <= t && t < DATA.areas[i].t1) { area = DATA.areas[i]; break; }
    }
    if (area !== shownArea) {
      areaLayer.clearLayers(); frontLayer.clearLayers();
      if (area) {
        L.geoJSON(area.areas, { interactive: false, style: function (f) {
          var h = f.properties.holder;
          return h === "contested"
            ? { color: COLORS.contested, weight: 1, fillColor: COLORS.contested, fillOpacity: 0.12, dashArray: "4 4" }
            : { color: COLORS[h] || "#777", weight: 1, fillColor: COLORS[h] || "#777", fillOpacity: 0.22 };
        } }).addTo(areaLayer);
        L.geoJSON(area.fronts, { interactive: false, style: { color: "#c0392b", weight: 3, dashArray: "8 5" } }).addTo(frontLayer);
      }
      shownArea = area;
    }
    eventLayer.clearLayers();
    DATA.events.forEach(function (e) {
      if (e.t <= t && t - e.t <= DATA.event_days * DAY) {
        var c = L.circleMarker([e.lat + 0.004, e.lon + 0.004], { radius: 4, weight: 1, color: "#000",
          fillColor: COLORS[e.kind] || "#f80", fillOpacity: 0.9 });
        c.bindTooltip(e.summary + " (" + e.date + ")");
        c.addTo(eventLayer);
      }
    });
    dateBox.textContent = iso(t);
    slider.value = String(Math.round((t - t0) / DAY));
    document.body.setAttribute("data-date", iso(t));
    if (openPlace) fillStory(openPlace);
  }

  // Controls: date, slider with play, legend, story panel.
  var DateControl = L.Control.extend({ options: { position: "topright" }, onAdd: function () {
    var box = el("div", "fl-date");
    box.appendChild(el("div", "fl-view", DATA.view));
    dateBox = el("div", "fl-day");
    box.appendChild(dateBox);
    return box;
  } });
  var dateBox;
  new DateControl().addTo(map);

  var bar = document.getElementById("timebar");
  var play = el("button", "fl-play", "▶");
  play.type = "button"; play.title = "Play / pause"; play.id = "fl-play";
  var slider = el("input"); slider.type = "range"; slider.min = "0"; slider.max = String(nDays); slider.step = "1";
  slider.id = "fl-slider"; slider.setAttribute("aria-label", "Date");
  var startLbl = el("span", "fl-lbl", DATA.start), endLbl = el("span", "fl-lbl", DATA.end);
  bar.appendChild(play); bar.appendChild(startLbl); bar.appendChild(slider); bar.appendChild(endLbl);
  slider.addEventListener("input", function () { current = t0 + Number(slider.value) * DAY; render(); });
  var timer = null;
  play.addEventListener("click", function () {
    if (timer) { clearInterval(timer); timer = null; play.textContent = "▶"; return; }
    if (current >= t1) current = t0;
    play.textContent = "❚❚";
    timer = setInterval(function () {
      current = Math.min(t1, current + DATA.play_step_days * DAY); render();
      if (current >= t1) { clearInterval(timer); timer = null; play.textContent = "▶"; }
    }, 250);
  });

  var Legend = L.Control.extend({ options: { position: "bottomleft" }, onAdd: function () {
    var box = el("div", "fl-legend");
    box.appendChild(el("div", "fl-legend-title", "Control"));
    DATA.legend.forEach(function (item) {
      var row = el("div", "fl-legend-row"), sw = el("span", "fl-swatch " + item.cls);
      sw.style.background = item.fill; sw.style.borderColor = item.stroke;
      row.appendChild(sw); row.appendChild(el("span", null, item.label)); box.appendChild(row);
    });
    return box;
  } });
  new Legend().addTo(map);

  var panel = document.getElementById("story");
  var openPlace = null;
  function showStory(p) { openPlace = p; fillStory(p); panel.hidden = false; }
  document.getElementById("story-close").addEventListener("click", function () { panel.hidden = true; openPlace = null; });

  function fillStory(p) {
    var body = document.getElementById("story-body");
    body.textContent = "";
    var head = el("h2", null, p.name_en + " ");
    head.appendChild(el("span", "ar", p.name_ar));
    body.appendChild(head);
    var st = stateAt(p, current);
    var now = !st ? "No claim yet" : st.stale ? "Unknown: last evidence is stale" :
      st.state.status === "held" ? "Held by " + st.state.holder + (st.state.extent ? " (" + st.state.extent + ")" : "") :
      "Contested: " + st.state.contenders.join(" vs ");
    body.appendChild(el("p", "fl-now", "On " + iso(current) + ": " + now));
    body.appendChild(el("h3", null, "Holder over time, by source"));
    var table = el("table", "fl-history"), thead = el("tr");
    ["Source", "From", "To", "State"].forEach(function (h) { thead.appendChild(el("th", null, h)); });
    table.appendChild(thead);
    p.history.forEach(function (r) {
      var tr = el("tr");
      [r.source, r.from, r.to, r.state].forEach(function (v) { tr.appendChild(el("td", null, v)); });
      table.appendChild(tr);
    });
    body.appendChild(table);
    body.appendChild(el("h3", null, "Evidence (newest first; later claims faded)"));
    var list = el("ol", "fl-claims");
    // What makes today's colour first: claims up to the date, newest first; then later ones.
    var past = p.claims.filter(function (k) { return parse(DATA.claims[k].date) <= current; }).reverse();
    var later = p.claims.filter(function (k) { return parse(DATA.claims[k].date) > current; });
    function item(c, cls) {
      var li = el("li", "fl-claim" + cls);
      li.appendChild(el("div", "fl-summary", c.summary));
      li.appendChild(el("blockquote", "ar", c.quote)).setAttribute("dir", "rtl");
      var meta = el("div", "fl-meta", c.date_text + (c.precision ? " (" + c.precision + ")" : "") + " · outlet: " +
        (c.outlet || "unknown") + " · source: " + c.source + " · " + c.modality + " · article " + c.article);
      var u = safeUrl(c.url);
      if (u) {
        meta.appendChild(document.createTextNode(" · "));
        var a = el("a", null, "link"); a.href = u; a.target = "_blank"; a.rel = "noopener noreferrer";
        meta.appendChild(a);
      }
      li.appendChild(meta);
      return li;
    }
    past.concat(later).forEach(function (k) {
      var c = DATA.claims[k];
      list.appendChild(item(c, parse(c.date) <= current ? "" : " fl-future"));
    });
    body.appendChild(list);
    // Claims with no date window are never placed on the map; they are listed, not dropped.
    if (p.undated && p.undated.length) {
      body.appendChild(el("h3", null, "Undated (" + p.undated.length + ")"));
      var ulist = el("ol", "fl-claims fl-undated");
      p.undated.forEach(function (k) { ulist.appendChild(item(DATA.undated[k], " fl-future")); });
      body.appendChild(ulist);
    }
  }

  window.frontline = { setDate: function (d) { current = parse(d); render(); }, data: DATA,
    stateOf: function (id) { var s = stateAt(markers[id].place, current); return !s ? "none" : s.stale ? "stale" : s.state.status === "held" ? s.state.holder : s.state.status; } };
  render();
  document.body.setAttribute("data-ready", "1");
})();
