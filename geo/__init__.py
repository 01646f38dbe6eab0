"""Geo: claims in, control over time out — timelines, areas, frontlines, maps and exports.

Public surface::

    from geo import Timeline, View, parse_view, time_map, snapshot_layers, timeline_layers, write_layers
"""

from geo.export import events_table, snapshot_layers, timeline_layer, timeline_layers, to_geojson, write_layers
from geo.timeline import (
    ASSESSED,
    CLAIMED,
    CONSENSUS,
    CONTESTED,
    HELD,
    UNKNOWN,
    WIKIPEDIA,
    Interval,
    Timeline,
    View,
    parse_view,
    source_of,
)
from geo.timemap import TimeControl, time_map

__all__ = [
    "ASSESSED", "CLAIMED", "CONSENSUS", "CONTESTED", "HELD", "UNKNOWN", "WIKIPEDIA", "Interval", "TimeControl",
    "Timeline", "View", "events_table", "parse_view", "snapshot_layers", "source_of", "time_map", "timeline_layer",
    "timeline_layers", "to_geojson", "write_layers",
]
