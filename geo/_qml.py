"""QGIS styles (QML) with the map's colours, for every layer Frontline writes.

Places and areas are categorised on ``coalesce(holder, status)`` plus
`` (claimed)`` for control that rests only on a party's own claim: claimed
places are hollow rings in the holder's colour, claimed areas hatched, as on
the time map; contested areas are hatched grey; frontlines are a dashed
purple line. A GeoPackage carries them in its ``layer_styles`` table, which
QGIS applies when the layer is opened.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from xml.sax.saxutils import quoteattr

from geo._style import COLORS, FRONTLINE, HOLDER_NAMES

__all__ = ["CATEGORY_EXPRESSION", "qml", "store_styles"]

CATEGORY_EXPRESSION = "coalesce(\"holder\", \"status\") || if(\"basis\" = 'claimed', ' (claimed)', '')"
_HOLDERS = [h for h in COLORS if h in HOLDER_NAMES]


def _rgba(hex_color: str, alpha: int = 255) -> str:
    h = hex_color.lstrip("#")
    return ",".join(str(int(h[k:k + 2], 16)) for k in (0, 2, 4)) + f",{alpha}"


def _opts(**kw) -> str:
    return "".join(f'<Option type="QString" name="{k}" value={quoteattr(str(v))}/>' for k, v in kw.items())


def _marker(name: str, fill: str, outline: str, *, size: float = 3.2, width: float = 0.4, style: str = "solid") -> str:
    return (f'<symbol type="marker" name="{name}" alpha="1" clip_to_extent="1" force_rhr="0">'
            '<layer class="SimpleMarker" enabled="1" pass="0" locked="0"><Option type="Map">'
            + _opts(name="circle", color=fill, outline_color=outline, outline_width=width, outline_width_unit="MM",
                    outline_style=style, size=size, size_unit="MM")
            + "</Option></layer></symbol>")


def _fill(name: str, color: str, *, alpha: int = 90, hatch: bool = False) -> str:
    if hatch:
        inner = ('<layer class="LinePatternFill" enabled="1" pass="0" locked="0"><Option type="Map">'
                 + _opts(angle=45, distance=1.6, distance_unit="MM", line_width=0.35, line_width_unit="MM",
                         color=_rgba(color, 255))
                 + '</Option><symbol type="line" name="@0@0" alpha="1" clip_to_extent="1" force_rhr="0">'
                 '<layer class="SimpleLine" enabled="1" pass="0" locked="0"><Option type="Map">'
                 + _opts(line_color=_rgba(color, 255), line_width=0.35, line_width_unit="MM")
                 + "</Option></layer></symbol></layer>")
    else:
        inner = ('<layer class="SimpleFill" enabled="1" pass="0" locked="0"><Option type="Map">'
                 + _opts(color=_rgba(color, alpha), outline_color=_rgba(color, 255), outline_width=0.3,
                         outline_width_unit="MM", style="solid")
                 + "</Option></layer>")
    outline = ('<layer class="SimpleLine" enabled="1" pass="0" locked="0"><Option type="Map">'
               + _opts(line_color=_rgba(color, 255), line_width=0.3, line_width_unit="MM") + "</Option></layer>")
    return f'<symbol type="fill" name="{name}" alpha="1" clip_to_extent="1" force_rhr="0">{inner}{outline}</symbol>'


def _line(name: str) -> str:
    return (f'<symbol type="line" name="{name}" alpha="1" clip_to_extent="1" force_rhr="0">'
            '<layer class="SimpleLine" enabled="1" pass="0" locked="0"><Option type="Map">'
            + _opts(line_color="255,255,255,230", line_width=1.6, line_width_unit="MM") + "</Option></layer>"
            '<layer class="SimpleLine" enabled="1" pass="0" locked="0"><Option type="Map">'
            + _opts(line_color=_rgba(FRONTLINE), line_width=0.8, line_width_unit="MM", use_custom_dash=1,
                    customdash="3;1.5", customdash_unit="MM")
            + "</Option></layer></symbol>")


def qml(geometry: str) -> str:
    """The QML style for a layer of ``"point"``, ``"polygon"`` or ``"line"`` geometry."""
    head = "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n<qgis version=\"3.28.0\" styleCategories=\"Symbology\">"
    if geometry == "line":
        return head + ('<renderer-v2 type="singleSymbol" symbollevels="0" enableorderby="0" forceraster="0">'
                       f"<symbols>{_line('0')}</symbols></renderer-v2></qgis>\n")
    cats, symbols = [], []
    entries = [(h, HOLDER_NAMES[h], COLORS[h], False) for h in _HOLDERS]
    entries += [(f"{h} (claimed)", f"{HOLDER_NAMES[h]}: only its own claim", COLORS[h], True) for h in _HOLDERS]
    entries += [("contested", "contested", "#555555", None), ("unknown", "unknown", "#FFFFFF", None)]
    for k, (value, label, color, claimed) in enumerate(entries):
        cats.append(f'<category render="true" symbol="{k}" value={quoteattr(value)} label={quoteattr(label)}/>')
        if geometry == "point":
            if value == "contested":
                symbols.append(_marker(str(k), "255,255,255,255", "26,26,26,255", size=3.6, width=0.8, style="dash"))
            elif value == "unknown":
                symbols.append(_marker(str(k), "255,255,255,255", "77,77,77,255", size=2.4, style="dot"))
            elif claimed:
                symbols.append(_marker(str(k), "255,255,255,255", _rgba(color), width=0.9))
            else:
                symbols.append(_marker(str(k), _rgba(color), "26,26,26,255"))
        else:
            symbols.append(_fill(str(k), color, hatch=bool(claimed) or value == "contested"))
    return head + (f'<renderer-v2 type="categorizedSymbol" attr={quoteattr(CATEGORY_EXPRESSION)} symbollevels="0" '
                   'enableorderby="0" forceraster="0">'
                   f"<categories>{''.join(cats)}</categories><symbols>{''.join(symbols)}</symbols>"
                   "</renderer-v2></qgis>\n")


def store_styles(gpkg: str | Path, styles: dict[str, str]) -> None:
    """Write QML styles into a GeoPackage's ``layer_styles`` table as each layer's default style."""
    with sqlite3.connect(gpkg) as db:
        db.execute("""CREATE TABLE IF NOT EXISTS layer_styles (
            id INTEGER PRIMARY KEY AUTOINCREMENT, f_table_catalog TEXT(256), f_table_schema TEXT(256),
            f_table_name TEXT(256), f_geometry_column TEXT(256), styleName TEXT(30), styleQML TEXT, styleSLD TEXT,
            useAsDefault BOOLEAN, description TEXT, owner TEXT(30), ui TEXT(30),
            update_time DATETIME DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))""")
        db.execute("INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier) "
                   "VALUES ('layer_styles', 'attributes', 'layer_styles')")
        for layer, text in styles.items():
            db.execute("DELETE FROM layer_styles WHERE f_table_name = ?", (layer,))
            db.execute("INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, "
                       "styleName, styleQML, styleSLD, useAsDefault, description, owner, ui) "
                       "VALUES ('', '', ?, 'geom', ?, ?, '', 1, 'Frontline map colours', '', '')",
                       (layer, f"frontline {layer}", text))
