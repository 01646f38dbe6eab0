"""The map's colours and symbols, shared by the time map and the QGIS styles.

Holders take Okabe and Ito's colour-blind-safe palette (distinct in greyscale
print too, with the outlines); *contested* is a pattern of the contenders'
colours, never a colour of its own, so it cannot be mistaken for a holder.
Events are told apart by shape, not colour.
"""

from __future__ import annotations

__all__ = ["COLORS", "EVENT_SHAPES", "FRONTLINE", "HOLDER_NAMES", "UNKNOWN_FILL"]

COLORS = {
    "ISIS": "#000000",       # black
    "SDF": "#F0E442",        # yellow
    "SAA": "#D55E00",        # vermillion
    "COALITION": "#0072B2",  # blue
    "PMF": "#009E73",        # bluish green
    "IRAQ": "#56B4E9",       # sky blue
    "TURKEY": "#E69F00",     # orange
    "OTHER": "#CC79A7",      # reddish purple
    # Kept for callers of the former palette: contested is drawn as a pattern, events by shape.
    "contested": "#7f7f7f", "airstrike": "#222222", "shelling": "#222222", "clash": "#222222",
}
HOLDER_NAMES = {
    "ISIS": "ISIS", "SDF": "SDF (Syrian Democratic Forces)", "SAA": "Syrian army and allies",
    "COALITION": "US-led coalition", "PMF": "PMF (Iraq)", "IRAQ": "Iraqi forces", "TURKEY": "Turkey and allies",
    "OTHER": "other armed group",
}
FRONTLINE = "#5D3A9B"  # deep purple with a white casing: no holder's colour
UNKNOWN_FILL = "#FFFFFF"
EVENT_SHAPES = {"airstrike": "triangle", "shelling": "diamond", "clash": "cross"}
