/* Frontline time map (the TimeControl plugin's script).
   Every state for every date is in the page, so moving the date only restyles
   what is already drawn: each place's cell and each edge between neighbouring
   cells are in the page once, and a delta stream says which places change on
   which day (geo/_page.py). What grows with the claims arrives gzip-compressed
   and is unpacked with the browser's DecompressionStream. Cells and frontlines
   are painted pixel by pixel on one canvas (AreaCanvas), markers of maps with
   hundreds of places stamped on another (PlaceCanvas): a date step repaints
   only what changed. Article text is
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

  // ------------------------------------------------------------- area canvas
  // Cells and frontlines, drawn pixel by pixel into one canvas. For each view (zoom, pan, resize) every cell
  // is rasterised once into a buffer of cell numbers; a date step then recolours the pixels from the cells'
  // styles and rasterises the frontline edges that are on, then one putImageData. The browser's own fill of
  // thousands of cells and stroke of thousands of dashed edges cost ~100 ms a step with 5,000 places in
  // software rendering; this costs a few ms whatever the number of places (it grows with the canvas).
  // Cells are not antialiased (the fronts drawn over their borders are): each pixel belongs to one cell.
  function packRGBA(hex, alpha) {  // little-endian RGBA bytes as one Uint32, not premultiplied
    var n = parseInt(hex.slice(1, 7), 16);
    return ((Math.round(alpha * 255) << 24) | ((n & 0xff) << 16) | (n & 0xff00) | (n >> 16)) >>> 0;
  }
  // A colour (r, g, b 0-255, alpha 0-1) over a packed pixel, both not premultiplied: the packed result.
  function over(dst, r, g, b, a) {
    if (a <= 0) return dst;
    var da = (dst >>> 24) / 255, oa = a + da * (1 - a), k = da * (1 - a);
    var or = (r * a + (dst & 0xff) * k) / oa, og = (g * a + ((dst >>> 8) & 0xff) * k) / oa,
      ob = (b * a + ((dst >>> 16) & 0xff) * k) / oa;
    return (((oa * 255 + 0.5) << 24) | ((ob + 0.5) << 16) | ((og + 0.5) << 8) | (or + 0.5)) >>> 0;
  }
  // A ring or line of the page's geometry (integers of 1e-5 degree, each point a delta from the last)
  // as [lat, lon] pairs.
  function ring(flat) {
    var out = [], x = 0, y = 0;
    for (var j = 0; j < flat.length; j += 2) { x += flat[j]; y += flat[j + 1]; out.push([y / 1e5, x / 1e5]); }
    return out;
  }
  // Coordinates as flat arrays of x, y in the map's pixel space at zoom 0: projected once.
  function unitCoords(map, parts) {  // parts: [[flat delta-encoded lon/lat ints], ...]
    var n = 0, k;
    for (k = 0; k < parts.length; k++) n += parts[k].length;
    var xy = new Float64Array(n), start = new Int32Array(parts.length + 1), o = 0;
    for (k = 0; k < parts.length; k++) {
      start[k] = o / 2;
      ring(parts[k]).forEach(function (ll) { var pt = map.project(ll, 0); xy[o++] = pt.x; xy[o++] = pt.y; });
    }
    start[parts.length] = o / 2;
    return { xy: xy, start: start };
  }

  var AreaCanvas = L.Canvas.extend({
    options: { padding: 0.1 },
    // cells: per cell, its polygons of rings; lines: per line, its parts; frontColor: "#rrggbb".
    initialize: function (map, cells, lines, frontColor, options) {
      L.Canvas.prototype.initialize.call(this, options);
      var rings = [], cellStart = [0], parts = [], lineStart = [0];
      cells.forEach(function (polys) {
        polys.forEach(function (poly) { poly.forEach(function (r) { rings.push(r); }); });
        cellStart.push(rings.length);
      });
      lines.forEach(function (ps) { ps.forEach(function (pt) { parts.push(pt); }); lineStart.push(parts.length); });
      this._cells = unitCoords(map, rings); this._cellStart = Int32Array.from(cellStart);
      this._lines = unitCoords(map, parts); this._lineStart = Int32Array.from(lineStart);
      this.cellStyle = new Uint16Array(cells.length);  // 0: not drawn; else an index into styles
      this.styles = [null];
      this._styleIds = {};
      this.edgeLine = [];  // per front edge: its line
      this.edgeOn = null;  // Uint8Array, set by the page
      this.showCells = true; this.showFronts = true;
      this._front = frontColor;
    },
    // A style's index: solid (one colour), hatch (colour on white) or stripes (the colours in turn).
    style: function (key, kind, colors, alpha) {
      var id = this._styleIds[key];
      if (id) return id;
      id = this._styleIds[key] = this.styles.length;
      this.styles.push({ kind: kind, colors: colors.map(function (c) { return packRGBA(c, alpha); }) });
      return id;
    },
    // A cell's style and an edge's state: each change widens the box the next paint redraws.
    setCell: function (c, style) {
      if (this.cellStyle[c] === style) return;
      this.cellStyle[c] = style;
      if (this._cbox) this._widen(this._cbox, c);
    },
    setEdge: function (x, on) {
      if (this.edgeOn[x] === on) return;
      this.edgeOn[x] = on;
      if (this._lbox) this._widen(this._lbox, this.edgeLine[x]);
    },
    _widen: function (box, k) {
      var d = this._dirty || (this._dirty = [Infinity, Infinity, -Infinity, -Infinity]);
      d[0] = Math.min(d[0], box[4 * k]); d[1] = Math.min(d[1], box[4 * k + 1]);
      d[2] = Math.max(d[2], box[4 * k + 2]); d[3] = Math.max(d[3], box[4 * k + 3]);
    },
    _updatePaths: function () {
      if (this._postponeUpdatePaths) return;
      this._rasterise();
      this.paint(true);
    },
    _draw: function () { this.paint(true); },
    _redraw: function () {},
    _rasterise: function () {
      var map = this._map, b = this._bounds, m = L.Browser.retina ? 2 : 1;
      var W = this._container.width, H = this._container.height;
      this._W = W; this._H = H; this._m = m;
      if (!W || !H) { this._ids = null; return; }
      var S = map.getZoomScale(map.getZoom(), 0), origin = map.getPixelOrigin();
      var ox = (origin.x + b.min.x) * m, oy = (origin.y + b.min.y) * m, Sm = S * m;
      var src = this._cells.xy, n = src.length, px = new Float64Array(n);
      for (var k = 0; k < n; k += 2) { px[k] = src[k] * Sm - ox; px[k + 1] = src[k + 1] * Sm - oy; }
      var lsrc = this._lines.xy, lpx = new Float64Array(lsrc.length);
      for (k = 0; k < lsrc.length; k += 2) { lpx[k] = lsrc[k] * Sm - ox; lpx[k + 1] = lsrc[k + 1] * Sm - oy; }
      this._lpx = lpx;
      // Each line's box, widened by the casing: what a change of that edge repaints.
      var ls = this._lineStart, lst = this._lines.start, nl = ls.length - 1, lbox = new Float64Array(4 * nl), g;
      for (g = 0; g < nl; g++) {
        var bx0 = Infinity, by0 = Infinity, bx1 = -Infinity, by1 = -Infinity;
        for (k = lst[ls[g]]; k < lst[ls[g + 1]]; k++) {
          bx0 = Math.min(bx0, lpx[2 * k]); bx1 = Math.max(bx1, lpx[2 * k]);
          by0 = Math.min(by0, lpx[2 * k + 1]); by1 = Math.max(by1, lpx[2 * k + 1]);
        }
        lbox[4 * g] = bx0 - 5 * m; lbox[4 * g + 1] = by0 - 5 * m; lbox[4 * g + 2] = bx1 + 5 * m; lbox[4 * g + 3] = by1 + 5 * m;
      }
      this._lbox = lbox;
      var ids = new Int32Array(W * H), rs = this._cells.start, cs = this._cellStart, xs = new Float64Array(64);
      var cbox = this._cbox = new Float64Array(4 * (cs.length - 1));
      for (var c = 0; c + 1 < cs.length; c++) {
        var v0 = rs[cs[c]], v1 = rs[cs[c + 1]], ymin = Infinity, ymax = -Infinity, xmin = Infinity, xmax = -Infinity;
        for (k = v0; k < v1; k++) {
          var yy = px[2 * k + 1], xx = px[2 * k];
          if (yy < ymin) ymin = yy; if (yy > ymax) ymax = yy; if (xx < xmin) xmin = xx; if (xx > xmax) xmax = xx;
        }
        cbox[4 * c] = xmin - 1; cbox[4 * c + 1] = ymin - 1; cbox[4 * c + 2] = xmax + 1; cbox[4 * c + 3] = ymax + 1;
        if (xmax < 0 || xmin > W || ymax < 0 || ymin > H) continue;
        var y0 = Math.max(0, Math.ceil(ymin - 0.5)), y1 = Math.min(H - 1, Math.floor(ymax - 0.5));
        for (var y = y0; y <= y1; y++) {
          var yc = y + 0.5, nx = 0;
          for (var r = cs[c]; r < cs[c + 1]; r++) {  // every edge of every ring, the closing one too
            var a = rs[r], e = rs[r + 1];
            for (var i = a, j = e - 1; i < e; j = i++) {
              var ya = px[2 * i + 1], yb = px[2 * j + 1];
              if ((ya <= yc) !== (yb <= yc)) {
                if (nx === xs.length) { var bigger = new Float64Array(2 * nx); bigger.set(xs); xs = bigger; }
                xs[nx++] = px[2 * i] + (yc - ya) * (px[2 * j] - px[2 * i]) / (yb - ya);
              }
            }
          }
          for (i = 1; i < nx; i++) {  // a few crossings per row: insertion sort
            var v = xs[i];
            for (j = i - 1; j >= 0 && xs[j] > v; j--) xs[j + 1] = xs[j];
            xs[j + 1] = v;
          }
          for (i = 0; i + 1 < nx; i += 2) {  // even-odd: holes stay empty; pixel centres inside are filled
            var xa = Math.max(0, Math.ceil(xs[i] - 0.5)), xb = Math.min(W, Math.ceil(xs[i + 1] - 0.5));
            if (xb > xa) ids.fill(c + 1, y * W + xa, y * W + xb);
          }
        }
      }
      this._ids = ids;
      this._dirty = null;  // the next paint is a whole one
      this._covC = new Uint8Array(W * H); this._covL = new Uint8Array(W * H);
      this._scC = new Uint8Array(W * H); this._scL = new Uint8Array(W * H);
      this._stamps = []; this._touched = this._touched || new Int32Array(4096);
      this._img = this._ctx.createImageData(W, H);
      this._px = new Uint32Array(this._img.data.buffer);
    },
    // A line's pixels with their casing and line coverage, computed once per view: a date step then only
    // merges the stamps of the edges that are on.
    _stamp: function (g) {
      var st = this._stamps[g];
      if (st) return st;
      var n = this._strokeLine(g), idx = this._touched.slice(0, n), c = new Uint8Array(n), l = new Uint8Array(n);
      for (var i = 0; i < n; i++) {
        var p = idx[i];
        c[i] = this._scC[p]; l[i] = this._scL[p]; this._scC[p] = 0; this._scL[p] = 0;
      }
      st = this._stamps[g] = { idx: idx, c: c, l: l };
      return st;
    },
    // Max coverage of a white casing (6 px) and a dashed line (3 px, 9 on 5 off) along one line's parts,
    // into the scratch buffers; the pixels touched are listed in _touched. Returns how many.
    _strokeLine: function (g) {
      var ps = this._lineStart, st = this._lines.start, lpx = this._lpx, m = this._m, W = this._W, H = this._H;
      var covC = this._scC, covL = this._scL, nt = 0, hwC = 3 * m, hwL = 1.5 * m, R = hwC + 1, Rr = hwC + 0.5;
      // Squared distances: full coverage inside hw - 0.5, none beyond hw + 0.5, linear between.
      var inC2 = (hwC - 0.5) * (hwC - 0.5), outC2 = (hwC + 0.5) * (hwC + 0.5), inL2 = (hwL - 0.5) * (hwL - 0.5),
        outL2 = (hwL + 0.5) * (hwL + 0.5);
      for (var part = ps[g]; part < ps[g + 1]; part++) {
        var along = 0;
        for (var k = st[part] + 1; k < st[part + 1]; k++) {
          var X0 = lpx[2 * k - 2], Y0 = lpx[2 * k - 1], X1 = lpx[2 * k], Y1 = lpx[2 * k + 1];
          var len = Math.sqrt((X1 - X0) * (X1 - X0) + (Y1 - Y0) * (Y1 - Y0));
          // Long segments in pieces of <= 16 px: each piece scans only its own small box.
          var pieces = Math.max(1, Math.ceil(len / 16));
          for (var q = 0; q < pieces; q++) {
            var x0 = X0 + (X1 - X0) * q / pieces, y0 = Y0 + (Y1 - Y0) * q / pieces;
            var x1 = X0 + (X1 - X0) * (q + 1) / pieces, y1 = Y0 + (Y1 - Y0) * (q + 1) / pieces;
            var dx = x1 - x0, dy = y1 - y0, L2 = dx * dx + dy * dy, plen = len / pieces, s0 = along + q * plen;
            var ya = Math.max(0, Math.floor(Math.min(y0, y1) - R)), yb = Math.min(H - 1, Math.ceil(Math.max(y0, y1) + R));
            for (var y = ya; y <= yb; y++) {
              var py = y + 0.5 - y0, row = y * W;
              // The row's run inside the capsule (radius Rr around the piece): the two end discs and the body.
              var lo = Infinity, hi = -Infinity, h = outC2 - py * py, py1 = py - dy;
              if (h > 0) { h = Math.sqrt(h); lo = -h; hi = h; }
              h = outC2 - py1 * py1;
              if (h > 0) { h = Math.sqrt(h); if (dx - h < lo) lo = dx - h; if (dx + h > hi) hi = dx + h; }
              var a0 = -Infinity, a1 = Infinity, b0 = -Infinity, b1 = Infinity, body = L2 > 0, tmp;
              if (body && dx !== 0) { a0 = -py * dy / dx; a1 = (L2 - py * dy) / dx; if (a0 > a1) { tmp = a0; a0 = a1; a1 = tmp; } }
              else if (body && (py * dy < 0 || py * dy > L2)) body = false;
              if (body && dy !== 0) {
                b0 = (py * dx - Rr * plen) / dy; b1 = (py * dx + Rr * plen) / dy;
                if (b0 > b1) { tmp = b0; b0 = b1; b1 = tmp; }
              } else if (body && Math.abs(py * dx) >= Rr * plen) body = false;
              if (body) {
                var l2 = a0 > b0 ? a0 : b0, h2 = a1 < b1 ? a1 : b1;
                if (l2 < h2) { if (l2 < lo) lo = l2; if (h2 > hi) hi = h2; }
              }
              if (!(lo < hi)) continue;
              var xa = Math.max(0, Math.ceil(x0 + lo - 0.5)), xb = Math.min(W - 1, Math.floor(x0 + hi - 0.5));
              for (var x = xa; x <= xb; x++) {
                var qx = x + 0.5 - x0, t = L2 ? (qx * dx + py * dy) / L2 : 0;
                t = t < 0 ? 0 : t > 1 ? 1 : t;
                var ex = qx - t * dx, ey = py - t * dy, d2 = ex * ex + ey * ey;
                if (d2 >= outC2) continue;  // most of the box: no square root
                var p = row + x, d = d2 <= inC2 ? 0 : Math.sqrt(d2), cc = d2 <= inC2 ? 255 : ((hwC + 0.5 - d) * 255) | 0;
                if (!covC[p] && cc) {
                  if (nt === this._touched.length) { var more = new Int32Array(2 * nt); more.set(this._touched); this._touched = more; }
                  this._touched[nt++] = p;
                }
                if (cc > covC[p]) covC[p] = cc;
                var ph = (s0 + t * plen) / m;
                if (d2 < outL2 && ph - ((ph / 14) | 0) * 14 < 9) {  // dashes 9 on, 5 off; no float modulo
                  cc = d2 <= inL2 ? 255 : ((hwL + 0.5 - Math.sqrt(d2)) * 255) | 0;
                  if (cc > covL[p]) covL[p] = cc;
                }
              }
            }
          }
          along += len;
        }
      }
      return nt;
    },
    // Repaint what changed since the last paint (whole: the whole canvas, after a new view or overlay).
    paint: function (whole) {
      if (!this._ids || !this._map) return;
      var W = this._W, H = this._H, m = this._m, ids = this._ids, out = this._px, covC = this._covC, covL = this._covL;
      var fronts = this.showFronts && this.edgeOn, n, x, y, d = whole || !this._painted ? null : this._dirty;
      if (this._painted && !whole && !d) return;  // nothing changed
      var X0 = d ? Math.max(0, Math.floor(d[0])) : 0, Y0 = d ? Math.max(0, Math.floor(d[1])) : 0;
      var X1 = d ? Math.min(W, Math.ceil(d[2]) + 1) : W, Y1 = d ? Math.min(H, Math.ceil(d[3]) + 1) : H;
      this._dirty = null; this._painted = true;
      if (X1 <= X0 || Y1 <= Y0) return;
      if (fronts) {
        for (y = Y0; y < Y1; y++) { covC.fill(0, y * W + X0, y * W + X1); covL.fill(0, y * W + X0, y * W + X1); }
        var lbox = this._lbox;
        for (n = 0; n < this.edgeOn.length; n++) {
          if (!this.edgeOn[n]) continue;
          var g = this.edgeLine[n];
          if (lbox[4 * g] > X1 || lbox[4 * g + 2] < X0 || lbox[4 * g + 1] > Y1 || lbox[4 * g + 3] < Y0) continue;
          var sp = this._stamp(g), idx = sp.idx, sc = sp.c, sl = sp.l;
          for (var i = 0; i < idx.length; i++) {
            var q = idx[i];
            if (sc[i] > covC[q]) covC[q] = sc[i];
            if (sl[i] > covL[q]) covL[q] = sl[i];
          }
        }
      }
      // Per style, a table of its colour at each phase along the diagonal ((x + y) mod P): solid styles
      // repeat one colour, hatching is 3 of 8 pixels colour and 5 white, stripes 4 pixels per colour. With
      // the casing over it too, so most front pixels need no arithmetic. Integer phases: no float modulo.
      var P = 24 * m, NS = this.styles.length, lut = new Uint32Array(NS * P), cased = new Uint32Array(NS * P);
      for (n = 1; n < NS; n++) {
        var s = this.styles[n];
        for (var u = 0; u < P; u++) {
          lut[n * P + u] = s.kind === 0 ? s.colors[0] : s.kind === 1 ? s.colors[u % (8 * m) < 3 * m ? 0 : 1]
            : s.colors[((u / (4 * m)) | 0) % s.colors.length];
        }
      }
      var fc = parseInt(this._front.slice(1, 7), 16), front = [fc >> 16, (fc >> 8) & 0xff, fc & 0xff];
      var frontCol = packRGBA(this._front, 1);
      for (n = 0; n < NS * P; n++) cased[n] = over(lut[n], 255, 255, 255, 0.9);
      var cellStyle = this.showCells ? this.cellStyle : new Uint16Array(this.cellStyle.length);
      for (y = Y0; y < Y1; y++) {
        var row = y * W, ph = (y + X0) % P;
        for (x = X0; x < X1; x++, ph = ph + 1 === P ? 0 : ph + 1) {
          var p = row + x, c = ids[p], li = c ? cellStyle[c - 1] * P + ph : 0;  // style 0: transparent
          if (fronts && covC[p]) {
            var cl = covL[p];
            if (cl === 255) out[p] = frontCol;
            else if (covC[p] === 255 && !cl) out[p] = cased[li];
            else out[p] = over(over(lut[li], 255, 255, 255, 0.9 * covC[p] / 255), front[0], front[1], front[2], cl / 255);
          } else {
            out[p] = lut[li];
          }
        }
      }
      this._ctx.putImageData(this._img, 0, 0, X0, Y0, X1 - X0, Y1 - Y0);
    }
  });

  // ------------------------------------------------------------ place canvas
  // Place markers on one canvas, for maps with thousands of places: 5,000 SVG circles cost ~50 ms of paint
  // a date step in software rendering. The circles of one style are one path, filled and stroked once;
  // styles are drawn in rank order (unknown first, contested last). The page hit-tests clicks itself.
  var PlaceCanvas = L.Canvas.extend({
    initialize: function (map, places, options) {
      L.Canvas.prototype.initialize.call(this, options);
      var n = places.length;
      this._u = new Float64Array(2 * n);
      for (var k = 0; k < n; k++) {
        var pt = map.project([places[k].lat, places[k].lon], 0);
        this._u[2 * k] = pt.x; this._u[2 * k + 1] = pt.y;
      }
      this._xy = new Float64Array(2 * n);
      this.styleOf = new Uint16Array(n);  // per place: an index into styles (0: not drawn)
      this.styles = [null];
      this._ids = {};
      this._order = new Int32Array(0);
      this.cull = true;  // false: stamp every marker, hidden or not (the picture is the same)
    },
    // style: {fill, color, fillOpacity, opacity, dashArray, radius, weight, rank}
    style: function (key, style) {
      var id = this._ids[key];
      if (id) return id;
      id = this._ids[key] = this.styles.length;
      this.styles.push(style);
      return id;
    },
    onAdd: function () {
      L.Canvas.prototype.onAdd.call(this);
      this._container.style.pointerEvents = "none";  // clicks reach the map, which asks hit()
    },
    _updatePaths: function () {
      if (this._postponeUpdatePaths) return;
      var map = this._map, S = map.getZoomScale(map.getZoom(), 0), o = map.getPixelOrigin(), u = this._u, xy = this._xy;
      for (var k = 0; k < u.length; k += 2) { xy[k] = u[k] * S - o.x; xy[k + 1] = u[k + 1] * S - o.y; }
      this.paint();
    },
    _draw: function () { this.paint(); },
    _redraw: function () {},
    paint: function () {
      if (!this._map || !this._ctx) return;
      var ctx = this._ctx, c = this._container, xy = this._xy, styleOf = this.styleOf, styles = this.styles, n = styleOf.length;
      ctx.save(); ctx.setTransform(1, 0, 0, 1, 0, 0); ctx.clearRect(0, 0, c.width, c.height); ctx.restore();
      // Places grouped by style (a counting sort), the styles in rank order.
      var ranks = styles.map(function (s, k) { return k; }).slice(1).sort(function (a, b) {
        return styles[a].rank - styles[b].rank || a - b; });
      var count = new Int32Array(styles.length + 1), at = new Int32Array(styles.length + 1), order = new Int32Array(n), k, r;
      for (k = 0; k < n; k++) count[styleOf[k]] += 1;
      var pos = 0;
      for (r = 0; r < ranks.length; r++) { at[ranks[r]] = pos; pos += count[ranks[r]]; }
      for (k = 0; k < n; k++) if (styleOf[k]) order[at[styleOf[k]]++] = k;
      this._order = order.subarray(0, pos);
      // Each style drawn once into a small sprite, then stamped at every place: Skia fills a path of
      // thousands of overlapping arcs slowly, and blits a small image fast.
      var keep = this.cull === false ? new Uint8Array(pos).fill(1) : this._visible(this._order);
      ctx.save();
      ctx.imageSmoothingEnabled = false;
      for (n = 0; n < pos; n++) {
        if (!keep[n]) continue;
        k = order[n];
        var sp = this._sprite(styleOf[k]);
        ctx.drawImage(sp, Math.round(xy[2 * k]) - sp.half, Math.round(xy[2 * k + 1]) - sp.half, sp.size, sp.size);
      }
      ctx.restore();
    },
    // Which markers show: not off the canvas, and not wholly under opaque markers drawn above them. Walked
    // from the top down with a mask of the pixels already covered; with thousands of places in a small
    // view most markers are hidden, and each stamp costs the browser more than this test.
    _visible: function (order) {
      var c = this._container, W = c.width, H = c.height, m = L.Browser.retina ? 2 : 1, b = this._bounds;
      var xy = this._xy, styleOf = this.styleOf, styles = this.styles, keep = new Uint8Array(order.length);
      if (!this._mask || this._mask.length !== W * H) this._mask = new Uint8Array(W * H);
      var mask = this._mask, pos, dy, x, hw;
      mask.fill(0);
      for (pos = order.length - 1; pos >= 0; pos--) {
        var k = order[pos], s = styles[styleOf[k]];
        var cx = (Math.round(xy[2 * k]) - b.min.x) * m, cy = (Math.round(xy[2 * k + 1]) - b.min.y) * m;
        var ro = (s.radius + s.weight / 2 + 1) * m, R = Math.ceil(ro);
        if (cx + ro < 0 || cx - ro > W || cy + ro < 0 || cy - ro > H) continue;
        var seen = false;
        for (dy = -R; dy <= R && !seen; dy++) {
          var y = Math.floor(cy) + dy;
          if (y < 0 || y >= H) continue;
          hw = Math.sqrt(Math.max(0, ro * ro - (dy - 0.5) * (dy - 0.5)));
          var xa = Math.max(0, Math.floor(cx - hw)), xb = Math.min(W - 1, Math.ceil(cx + hw)), row = y * W;
          for (x = xa; x <= xb; x++) if (!mask[row + x]) { seen = true; break; }
        }
        if (!seen) continue;
        keep[pos] = 1;
        // Its opaque inside hides what is drawn under it: the fill and, when solid, the outline.
        if (s.fillOpacity < 0.9) continue;
        var ri = (s.dashArray || s.opacity < 0.9 ? s.radius - s.weight / 2 - 1 : s.radius + s.weight / 2 - 1) * m;
        if (ri <= 0) continue;
        var Ri = Math.floor(ri);
        for (dy = -Ri; dy <= Ri; dy++) {
          var yy = Math.floor(cy) + dy;
          if (yy < 0 || yy >= H) continue;
          hw = Math.sqrt(Math.max(0, ri * ri - (Math.abs(dy) + 0.5) * (Math.abs(dy) + 0.5)));
          var fa = Math.max(0, Math.ceil(cx - hw)), fb = Math.min(W, Math.floor(cx + hw));
          if (fb > fa) mask.fill(1, yy * W + fa, yy * W + fb);
        }
      }
      return keep;
    },
    _sprite: function (id) {
      var s = this.styles[id];
      if (s.sprite) return s.sprite;
      var m = L.Browser.retina ? 2 : 1, half = Math.ceil(s.radius + s.weight + 1), size = 2 * half;
      var c = document.createElement("canvas"), g = c.getContext("2d");
      c.width = c.height = size * m;
      g.scale(m, m);
      g.beginPath(); g.arc(half, half, s.radius, 0, 2 * Math.PI);
      g.globalAlpha = s.fillOpacity; g.fillStyle = s.fill; g.fill();
      g.globalAlpha = s.opacity; g.strokeStyle = s.color; g.lineWidth = s.weight;
      g.setLineDash(s.dashArray ? s.dashArray.split(" ").map(Number) : []);
      g.stroke();
      c.half = half; c.size = size;
      s.sprite = c;
      return c;
    },
    // The place drawn on top at a layer point, or -1.
    hit: function (pt) {
      var order = this._order, xy = this._xy;
      for (var n = order.length - 1; n >= 0; n--) {
        var k = order[n], s = this.styles[this.styleOf[k]], r = s.radius + s.weight / 2 + 1;
        var dx = pt.x - xy[2 * k], dy = pt.y - xy[2 * k + 1];
        if (dx * dx + dy * dy <= r * r) return k;
      }
      return -1;
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
    var labels = [], NP_PLACES = DATA.places.length;  // labels: {tooltip, priority}
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
    var byId = {}, markerList = [];
    // Hundreds of places or more: markers on one canvas (PlaceCanvas); fewer: SVG circles, each an element with
    // data-place, data-state... that scripts and tests can read. window.frontlineOptions.canvasPlacesFrom
    // sets where one gives way to the other.
    var pageOptions = window.frontlineOptions || {};
    var placeCanvas = NP_PLACES >= (pageOptions.canvasPlacesFrom || 500) ?
      new PlaceCanvas(map, DATA.places, { pane: "fl-places" }) : null;
    DATA.places.forEach(function (p, k) {
      byId[p.id] = p; p.index = k;
      var tip = label_(p.name_en, { permanent: true, direction: "right", offset: [9, 0], className: "fl-label fl-label-place" });
      if (placeCanvas) {
        tip.setLatLng([p.lat, p.lon]); placeLayer.addLayer(tip);
        markerList[k] = { place: p, key: null };
        labels.push({ tooltip: tip, priority: 1000 + p.claims.length });
        return;
      }
      var m = L.circleMarker([p.lat, p.lon], { pane: "fl-places", radius: 7, weight: 1.5 });
      m.bindTooltip(tip);
      m.on("click", function () { showStory(p, null); });
      m.addTo(placeLayer);
      m._path.setAttribute("data-place", p.id);
      markerList[k] = { marker: m, place: p, key: null };
      labels.push({ tooltip: m.getTooltip(), priority: 1000 + p.claims.length });
    });
    if (placeCanvas) {
      placeCanvas.addTo(map);
      container.setAttribute("data-places", "canvas");
      map.on("click", function (e) {
        var k = placeCanvas.hit(e.layerPoint);
        if (k >= 0) showStory(DATA.places[k], null);
      });
      map.on("mousemove", function (e) {
        container.classList.toggle("fl-over-place", placeCanvas.hit(e.layerPoint) >= 0);
      });
    }
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
    // Each place's cell, drawn with no outline so neighbours held by one side read as one area (AreaCanvas).
    // Frontlines: every shared edge whose two sides are held by different sides (contested counts as a side
    // of its own).
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
    // Cells and frontlines: one canvas, drawn pixel by pixel (AreaCanvas); the two overlays switch its parts.
    var area = new AreaCanvas(map, G.cells, G.lines, DATA.frontline, { pane: "fl-areas" });
    var ALPHA = { assessed: 0.25, claimed: 0.45, contested: 0.3 };
    var areaKey = new Array(NP), placeStyle = new Uint16Array(NP), cellPlaces = [];
    G.cell_of.forEach(function (c, i) { if (c >= 0) (cellPlaces[c] = cellPlaces[c] || []).push(i); });
    var EA = [], EB = [], EG = [], edgesOf = new Array(NP);
    for (var x = 0; x < G.edges.length; x += 3) {
      var ea = G.edges[x], eb = G.edges[x + 1];
      (edgesOf[ea] = edgesOf[ea] || []).push(EA.length); (edgesOf[eb] = edgesOf[eb] || []).push(EA.length);
      EA.push(ea); EB.push(eb); EG.push(G.edges[x + 2]);
    }
    var edgeOn = new Uint8Array(EA.length);
    area.edgeOn = edgeOn; area.edgeLine = EG;
    var CONTESTED = ["ISIS", "SDF"].map(colorOf);
    area.addTo(map);
    map.on("overlayadd overlayremove", function (e) {
      if (e.layer === areaLayer) area.showCells = e.type === "overlayadd";
      else if (e.layer === frontLayer) area.showFronts = e.type === "overlayadd";
      else return;
      area.paint(true);
    });
    // The side a place's cell stands for: a holder, "contested", or none (unknown, no claim, no cell).
    function sideOf(i) {
      var k = curK[i];
      if (k < 0 || G.cell_of[i] < 0) return null;
      var s = interval(i, k);
      return s.status === "held" ? s.holder : s.status === "contested" ? "contested" : null;
    }
    function drawCell(i, st, key) {
      var c = G.cell_of[i];
      if (c < 0) return;
      placeStyle[i] = 0;
      if (key) {
        var s = st.s, held = s.status === "held", group = !held ? "contested" : s.basis === "claimed" ? "claimed" : "assessed";
        placeStyle[i] = !held ? area.style(key, 2, CONTESTED, ALPHA[group])
          : area.style(key, group === "claimed" ? 1 : 0,
            group === "claimed" ? [colorOf(s.holder), "#ffffff"] : [colorOf(s.holder)], ALPHA[group]);
      }
      // Places at one point share a cell: it takes their side, or stripes when they differ.
      var chosen = 0, first = null, ps = cellPlaces[c];
      for (var n = 0; n < ps.length; n++) {
        var kk = areaKey[ps[n]];
        if (!kk) continue;
        if (first === null) { first = kk; chosen = placeStyle[ps[n]]; }
        else if (kk !== first) { chosen = area.style("contested", 2, CONTESTED, ALPHA.contested); break; }
      }
      area.setCell(c, chosen);
    }
    function refreshEdges(list) {
      for (var n = 0; n < list.length; n++) {
        var x = list[n], a = sideOf(EA[x]), b = sideOf(EB[x]);
        area.setEdge(x, a && b && a !== b ? 1 : 0);
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

    // The canvas form of a marker style: patterns as canvas patterns; the rank says what is drawn on top.
    function canvasStyle(st, style) {
      var s = st ? st.s : null, fill = style.fillColor;
      if (s && s.status === "held" && s.basis === "claimed") fill = canvasHatch(colorOf(s.holder));
      else if (s && s.status === "contested") {
        var cs = (s.contenders && s.contenders.length ? s.contenders : ["ISIS", "SDF"]).map(colorOf);
        if (cs.length === 1) cs.push("#ffffff");
        fill = canvasStripes(cs);
      }
      var rank = !st ? 0 : s.status === "unknown" ? 1 : s.status === "held" ? (st.faded ? 2 : 3) : 4;
      return { fill: fill, color: style.color, fillOpacity: style.fillOpacity, opacity: style.opacity,
        dashArray: style.dashArray, radius: style.radius, weight: style.weight, rank: rank };
    }

    // ------------------------------------------------------------ render
    var openPlace = null, tableTimer = null, drawn = false, placesChanged = false;
    function restyle(i, dirty) {
      var m = markerList[i], st = current(i), style = styleFor(st);
      var k = style.fillColor + style.color + style.fillOpacity + style.dashArray + style.radius;
      if (placeCanvas) {
        if (k !== m.key) {
          placeCanvas.styleOf[i] = placeCanvas.style(k, canvasStyle(st, style)); m.key = k; placesChanged = true;
        }
      } else {
        var path = m.marker._path;
        if (k !== m.key) {
          m.marker.setStyle(style); m.marker.setRadius(style.radius); m.key = k;
        }
        path.setAttribute("data-state", label(st));
        path.setAttribute("data-basis", st ? st.s.basis : "");
        path.setAttribute("data-faded", st && st.faded ? "1" : "0");
      }
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
      area.paint();  // what changed, if anything
      if (placesChanged) { placeCanvas.paint(); placesChanged = false; }
      // The age of the evidence moves with every date: an attribute only, no restyle.
      for (i = 0; !placeCanvas && i < NP; i++) {
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
        for (var i = 0; i < NP; i++) if (areaKey[i] && area.cellStyle[G.cell_of[i]]) out[DATA.places[i].id] = areaKey[i];
        return out;
      },
      // Frontline edges on show, each as "place|place" (the places either side), from the lines drawn.
      fronts: function () {
        var out = [];
        if (!map.hasLayer(frontLayer)) return out;
        for (var x = 0; x < EA.length; x++) if (edgeOn[x]) out.push(DATA.places[EA[x]].id + "|" + DATA.places[EB[x]].id);
        return out.sort();
      },
      csv: claimsCsv, geojson: snapshotGeojson,
      // The canvases drawn on: areas (cells and frontlines) and, with many places, the markers.
      renderers: { areas: area, places: placeCanvas },
      // Draw everything again from the current state, not only what changed.
      repaint: function () { area.paint(true); if (placeCanvas) placeCanvas.paint(); }
    };
    document.body.setAttribute("data-ready", "1");
  }

  window.FrontlineTimeMap = { attach: attach };
})();
