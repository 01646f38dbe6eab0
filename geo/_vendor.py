"""Leaflet for the maps, from the PyPI package ``XStatic-Leaflet``.

Maps that load Leaflet from a public CDN stay blank with no internet (CI, an
analyst's air-gapped laptop). Leaflet 1.9.3 arrives with the Python packages
(``XStatic-Leaflet``, byte-identical to the npm release), and the app's map
and the HTML report inline it, so neither fetches anything.
"""

from __future__ import annotations

import base64
from pathlib import Path

import xstatic.pkg.leaflet as _leaflet

__all__ = ["LEAFLET_DIR", "leaflet_css_inline", "read"]

LEAFLET_DIR = Path(_leaflet.BASE_DIR)


def read(name: str) -> str:
    """The text of one Leaflet file: ``"leaflet.js"`` or ``"leaflet.css"``."""
    return (LEAFLET_DIR / name).read_text(encoding="utf-8")


def leaflet_css_inline() -> str:
    """Leaflet's stylesheet with its images as data URIs, for a page that fetches nothing."""
    css = read("leaflet.css")
    for file in ("images/layers-2x.png", "images/layers.png"):
        data = base64.b64encode((LEAFLET_DIR / file).read_bytes()).decode("ascii")
        css = css.replace(file, f"data:image/png;base64,{data}")
    return css
