"""The HTML report: the time map as one self-contained page that opens offline.

It is :func:`geo.timemap.time_map` saved with a heading (title, corpus, view,
sources) and a Content-Security-Policy that lets the page load nothing but
map tiles: article text in it is escaped already, and the policy is a second
wall.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path

import folium
from branca.element import Element

from geo._style import COLORS
from geo.timeline import Timeline, View
from geo.timemap import OSM, SATELLITE, time_map

__all__ = ["COLORS", "lock_down", "render_report", "write_report"]

_TILE_HOSTS = " ".join(sorted({"/".join(u.split("/")[:3]) for u in (OSM[1], SATELLITE[1])}))
CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
       f"img-src data: blob: {_TILE_HOSTS}; connect-src 'none'; base-uri 'none'; form-action 'none'")


def lock_down(m: folium.Map) -> folium.Map:
    """Add the page's Content-Security-Policy as the first thing in its head, and number the page's
    elements in tree order (folium draws random ids), so one input always makes the same bytes. Returns ``m``."""
    _number(m.get_root())
    head = m.get_root().header
    head.add_child(Element(f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'), name="csp")
    head._children.move_to_end("csp", last=False)
    return m


def _number(root) -> None:
    seen, todo, n = set(), [root], 0
    while todo:
        el = todo.pop(0)
        if id(el) in seen:
            continue
        seen.add(id(el))
        if hasattr(el, "_id"):
            el._id = f"{n:032x}"
            n += 1
        todo.extend(getattr(el, "_children", {}).values())
        for part in ("header", "html", "script"):
            child = getattr(el, part, None)
            if child is not None and not isinstance(child, str):
                todo.append(child)


def render_report(tl: Timeline, *, view: View | str = "consensus", date_from: date | None = None,
                  date_to: date | None = None, title: str = "Frontline report", corpus: str | None = None,
                  articles: Mapping[str, str] | None = None) -> str:
    """The report's HTML text."""
    m = time_map(tl, view=view, start=date_from, end=date_to, title=title, corpus=corpus, articles=articles)
    return lock_down(m).get_root().render()


def write_report(tl: Timeline, path: str | Path, *, view: View | str = "consensus", date_from: date | None = None,
                 date_to: date | None = None, title: str = "Frontline report", corpus: str | None = None,
                 articles: Mapping[str, str] | None = None) -> Path:
    """Write the self-contained HTML report. Returns its path.

    Examples
    --------
    >>> write_report(tl, "hajin.html", view="wikipedia", title="Hajin pocket")  # doctest: +SKIP
    """
    path = Path(path)
    if path.suffix.lower() not in (".html", ".htm"):
        raise ValueError(f"{path}: the report is an .html file")
    html = render_report(tl, view=view, date_from=date_from, date_to=date_to, title=title, corpus=corpus,
                         articles=articles)
    path.write_text(html, encoding="utf-8")
    return path
