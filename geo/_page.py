"""The time map page's data at scale: geometry once, deltas per date, claims as columns, packed.

A page that embedded the areas and frontlines of every stretch of dates grew with
dates x geometry (100,000 claims over a year: 56 MB). Here the page carries

- each drawn place's cell and each edge two neighbouring cells share, once
  (:func:`page_geometry`; computed once per gazetteer, like the cells);
- a delta stream (:func:`delta_stream`): for each day on which something drawn
  changes, the places that change and their new state (interval, newest
  evidence, faded or not). The page keeps each place's state, applies the deltas
  between two dates (either way) and restyles only the cells, markers and edges
  that changed; a frontline is every edge between cells of different holders;
- each claim once, as columns with repeated values stored once (:func:`columns`),
  the whole gzip-compressed and base64-encoded in the page (:func:`pack`), for
  the browser's ``DecompressionStream``.

Days are whole days since 1970-01-01 (``Date.UTC(...) / 86400000`` in the page);
coordinates are integers of 1e-5 degree (about a metre), each ring or line
delta-encoded from its first point.
"""

from __future__ import annotations

import base64
import gzip
import json
from bisect import bisect_right
from datetime import date
from functools import lru_cache

import numpy as np
import shapely

from gazetteer import Gazetteer
from gazetteer.river import to_wgs84
from geo.areas import RADIUS_M, cells_for, edges_for

__all__ = ["EPOCH", "columns", "day_number", "delta_stream", "pack", "page_geometry"]

EPOCH = date(1970, 1, 1)
_SCALE = 1e5
_NEVER = 1 << 40  # the day after a place's last interval: it keeps its last state


def day_number(d: date) -> int:
    """Days since 1970-01-01, as the page counts them."""
    return (d - EPOCH).days


def _flat(coords) -> list[int]:
    q = np.round(np.asarray(coords)[:, :2] * _SCALE).astype(np.int64)
    return np.diff(q, axis=0, prepend=np.zeros((1, 2), dtype=np.int64)).ravel().tolist()


def _polygons(geom) -> list[list[list[int]]]:
    """A (multi)polygon as polygons of rings, each ring without its closing point."""
    polys = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type == "Polygon" and not g.is_empty]
    return [[_flat(r.coords[:-1]) for r in (p.exterior, *p.interiors)] for p in polys]


def _lines(geom) -> list[list[int]]:
    return [_flat(g.coords) for g in getattr(geom, "geoms", [geom]) if not g.is_empty]


@lru_cache(maxsize=4)
def _encoded(gazetteer: Gazetteer, radius_m: float, simplify_m: float):
    """Every cell and shared edge of a gazetteer, simplified and encoded once."""
    place_cell: dict[str, int] = {}
    seen: dict[int, int] = {}
    geoms = []
    for pid, cell in cells_for(gazetteer, radius_m=radius_m).cells.items():
        if cell is None or cell.is_empty:
            continue
        if id(cell) not in seen:  # places at one point share one cell
            seen[id(cell)] = len(geoms)
            geoms.append(cell)
        place_cell[pid] = seen[id(cell)]
    # Holes wound against their ring: the page fills each side's cells as one path (non-zero rule).
    simple = to_wgs84(shapely.orient_polygons(
        shapely.simplify(np.array(geoms, dtype=object), simplify_m, preserve_topology=True)))
    cells = [_polygons(g) for g in simple]
    edges = edges_for(gazetteer, radius_m=radius_m).edges
    lines = to_wgs84(shapely.simplify(np.array([e[2] for e in edges], dtype=object), simplify_m))
    return place_cell, cells, [(a, b, _lines(g)) for (a, b, _), g in zip(edges, lines, strict=True)]


def page_geometry(gazetteer: Gazetteer, place_ids: list[str], *, radius_m: float = RADIUS_M,
                  simplify_m: float = 120.0) -> dict:
    """The cells of ``place_ids`` and the edges between them, each once.

    Returns
    -------
    dict
        ``cells`` (encoded polygons), ``cell_of`` (per place: its cell's index or -1),
        ``lines`` (encoded lines) and ``edges`` (flat ``[place, place, line, ...]``, places by
        their index in ``place_ids``).
    """
    place_cell, cells, edges = _encoded(gazetteer, radius_m, simplify_m)
    where = {pid: k for k, pid in enumerate(place_ids)}
    used: dict[int, int] = {}
    cell_of = []
    for pid in place_ids:
        c = place_cell.get(pid)
        if c is None:
            cell_of.append(-1)
            continue
        cell_of.append(used.setdefault(c, len(used)))
    out_lines, flat = [], []
    for a, b, line in edges:
        pairs = [(where[p], where[q]) for p in a if p in where for q in b if q in where]
        if not pairs:
            continue
        for i, j in pairs:
            flat += [i, j, len(out_lines)]
        out_lines.append(line)
    return {"cells": [cells[c] for c in sorted(used, key=used.get)], "cell_of": cell_of, "lines": out_lines,
            "edges": flat}


def delta_stream(states: list[list[tuple[int, list[int]]]], claim_days: list[int], fade_days: int) -> dict:
    """Every change of what the page draws, by day.

    Parameters
    ----------
    states : list, per place, of (first day, claim indices)
        A place's intervals in order (as in the page's ``places[i].states``).
    claim_days : list of int
        Each claim's day.
    fade_days : int
        Evidence older than this is faded.

    Returns
    -------
    dict
        ``days`` (sorted), ``counts`` (changes on each day), and per change ``place``,
        ``state`` (the interval's index, -1 before the first), ``last`` (the newest claim behind it
        by then, -1 for none) and ``faded`` (0 or 1): a place's state on a day is its last change
        on or before it. A day's newest claim is the last of that day in the interval's order.
    """
    changes: list[tuple[int, int, int, int, int]] = []
    for i, ivs in enumerate(states):
        mine: list[list[int]] = []
        for k, (t0, ev) in enumerate(ivs):
            t1 = ivs[k + 1][0] if k + 1 < len(ivs) else _NEVER
            ev = sorted(ev, key=claim_days.__getitem__)  # stable: the later of one day's claims is newest
            days = [claim_days[c] for c in ev]
            j = bisect_right(days, t0)
            last, seen = (ev[j - 1], days[j - 1]) if j else (-1, t0)
            _emit(mine, t0, k, last, int(t0 - seen > fade_days))
            while True:
                nxt = min(days[j] if j < len(days) else _NEVER, t1)
                fade = seen + fade_days + 1
                if t0 < fade < nxt and mine[-1][3] == 0:
                    _emit(mine, fade, k, last, 1)
                if nxt >= t1:
                    break
                while j < len(days) and days[j] == nxt:
                    last = ev[j]
                    j += 1
                seen = t0 = nxt
                _emit(mine, nxt, k, last, 0)
        changes += [(d, i, k, last, f) for d, k, last, f in mine]
    changes.sort()
    days, counts = [], []
    for d, *_ in changes:
        if days and days[-1] == d:
            counts[-1] += 1
        else:
            days.append(d)
            counts.append(1)
    return {"days": days, "counts": counts, "place": [c[1] for c in changes], "state": [c[2] for c in changes],
            "last": [c[3] for c in changes], "faded": [c[4] for c in changes]}


def _emit(mine: list[list[int]], day: int, k: int, last: int, faded: int) -> None:
    if mine and mine[-1][0] == day:  # two intervals from one day: the later one holds
        mine.pop()
    if not mine or mine[-1][1:] != [k, last, faded]:
        mine.append([day, k, last, faded])


def columns(rows: list[dict], keys: list[str]) -> dict:
    """Rows as columns; a column with repeated values keeps each value once.

    Returns
    -------
    dict
        ``n`` (rows) and ``cols``: per key, ``{"v": values}`` or ``{"u": distinct values, "i": indices}``.
    """
    out: dict = {}
    for key in keys:
        vals = [r.get(key) for r in rows]
        plain = all(v is None or type(v) is str for v in vals)
        table: dict = {}
        uniq: list = []
        idx: list[int] = []
        for v in vals:
            h = v if plain or isinstance(v, (int, float)) else repr(v)  # lists (marks, review log) by their text
            k = table.get(h)
            if k is None:
                k = table[h] = len(uniq)
                uniq.append(v)
            idx.append(k)
        out[key] = {"u": uniq, "i": idx} if len(uniq) * 2 <= len(vals) else {"v": vals}
    return {"n": len(rows), "cols": out}


def pack(data: dict) -> str:
    """JSON, gzip-compressed (no timestamp: one input, one output), base64-encoded."""
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.b64encode(gzip.compress(raw, compresslevel=6, mtime=0)).decode("ascii")
