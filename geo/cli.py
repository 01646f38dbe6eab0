"""``frontline snapshot | timeline | events | report``."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from extract.io import read_claims
from geo.export import events_table, snapshot_layers, timeline_layer, write_layers
from geo.timeline import Timeline, parse_view

__all__ = ["register"]


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date as YYYY-MM-DD") from None


def _common(p: argparse.ArgumentParser, *, view: bool = True) -> None:
    p.add_argument("claims", type=Path, help="claims from 'frontline extract': .jsonl, .parquet, or a folder of them")
    if view:
        p.add_argument("--view", default="consensus", help="consensus | outlet:NAME | source:NAME")
        p.add_argument("--asserted-only", action="store_true", help="leave out claims reported as someone's claim")
    p.add_argument("--stale-days", type=int, default=30, help="days without a claim before a place turns unknown")
    p.add_argument("-o", "--output", type=Path, required=True)


def register(sub: argparse._SubParsersAction) -> None:
    """Add the geo commands to a parser."""
    s = sub.add_parser("snapshot", help="places, areas and frontlines at one date (.geojson or .gpkg)")
    _common(s)
    s.add_argument("--at", type=_day, required=True, help="the date, YYYY-MM-DD")
    s.set_defaults(func=_snapshot)

    t = sub.add_parser("timeline", help="one feature per interval of control, for QGIS's Temporal Controller")
    _common(t)
    t.set_defaults(func=_timeline)

    e = sub.add_parser("events", help="claims and strikes as CSV in ACLED's columns")
    _common(e, view=False)
    e.set_defaults(func=_events)

    r = sub.add_parser("report", help="a self-contained HTML map with its own time slider")
    _common(r)
    r.add_argument("--from", dest="date_from", type=_day, help="first date shown")
    r.add_argument("--to", dest="date_to", type=_day, help="last date shown")
    r.set_defaults(func=_report)


def _timeline_of(args) -> Timeline:
    return Timeline(read_claims(args.claims), stale_days=args.stale_days)


def _snapshot(args) -> int:
    tl = _timeline_of(args)
    view = parse_view(args.view, asserted_only=args.asserted_only)
    layers = snapshot_layers(tl, args.at, view)
    write_layers(layers, args.output)
    n = {k: len(v) for k, v in layers.items()}
    print(f"wrote {n['places']} places, {n['areas']} areas, {n['frontlines']} frontlines at {args.at} "
          f"({view}) to {args.output}", file=sys.stderr)
    return 0


def _timeline(args) -> int:
    tl = _timeline_of(args)
    view = parse_view(args.view, asserted_only=args.asserted_only)
    layer = timeline_layer(tl, view)
    write_layers({"timeline": layer}, args.output)
    print(f"wrote {len(layer)} intervals ({view}) to {args.output}", file=sys.stderr)
    return 0


def _events(args) -> int:
    table = events_table(read_claims(args.claims))
    if args.output.suffix.lower() != ".csv":
        raise ValueError(f"{args.output}: events are written as .csv")
    table.to_csv(args.output, index=False)
    print(f"wrote {len(table)} events to {args.output}", file=sys.stderr)
    return 0


def _report(args) -> int:
    from geo.report import write_report

    tl = _timeline_of(args)
    view = parse_view(args.view, asserted_only=args.asserted_only)
    path = write_report(tl, args.output, view=view, date_from=args.date_from, date_to=args.date_to)
    print(f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB)", file=sys.stderr)
    return 0
