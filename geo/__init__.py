"""Geo: claims in, control over time out — timelines, areas, frontlines and exports.

Public surface::

    from geo import Timeline, View, parse_view, snapshot_layers, timeline_layer, events_table, write_layers
"""

from geo.export import events_table, snapshot_layers, timeline_layer, to_geojson, write_layers
from geo.timeline import CONSENSUS, CONTESTED, HELD, UNKNOWN, Interval, Timeline, View, parse_view, source_of

__all__ = [
    "CONSENSUS", "CONTESTED", "HELD", "UNKNOWN", "Interval", "Timeline", "View", "events_table", "parse_view",
    "snapshot_layers", "source_of", "timeline_layer", "to_geojson", "write_layers",
]
