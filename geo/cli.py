"""``frontline snapshot | timeline | events | report``.

Each applies the analysts' review (:mod:`review`): ``--review PATH``, or
``.frontline/review.sqlite`` when it exists; ``--no-review`` draws the claims
as extracted.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from extract.io import read_claims
from extract.reader import MAX_YEAR, MIN_YEAR, date_in_range
from geo.export import events_table, geometry_of, snapshot_layers, timeline_layers, write_layers
from geo.timeline import Timeline, View, parse_view
from guard.errors import BadInput
from guard.files import atomic_path, atomic_write, refuse_overwriting
from guard.text import csv_safe
from review.overlay import apply_review
from review.store import DEFAULT_PATH, ReviewStore

__all__ = ["register"]


def _day(value: str) -> date:
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date as YYYY-MM-DD") from None
    if not date_in_range(day):
        raise argparse.ArgumentTypeError(f"{value} is outside {MIN_YEAR}–{MAX_YEAR}")
    return day


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of days, 1 or more")
    return n


def _common(p: argparse.ArgumentParser, *, view: bool = True) -> None:
    p.add_argument("claims", type=Path, help="claims from 'frontline extract': .jsonl, .parquet, or a folder of them")
    if view:
        p.add_argument("--view", default="consensus", help="consensus | wikipedia | outlet:NAME | source:NAME")
        p.add_argument("--asserted-only", action="store_true", help="leave out claims reported as someone's claim")
        p.add_argument("--reviewed-only", action="store_true",
                       help="only claims an analyst confirmed, edited or added")
    r = p.add_mutually_exclusive_group()
    r.add_argument("--review", type=Path, metavar="PATH",
                   help=f"the review store to apply (default: {DEFAULT_PATH} when it exists)")
    r.add_argument("--no-review", action="store_true", help="ignore the review store: claims as extracted")
    p.add_argument("--fade-days", "--stale-days", dest="fade_days", type=_positive, default=30,
                   help="evidence older than this is drawn faded (the place keeps its last known holder)")
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
    r.add_argument("--from", dest="date_from", type=_day, help="first date of the slider")
    r.add_argument("--to", dest="date_to", type=_day, help="last date of the slider")
    r.add_argument("--title", default="Frontline report", help="the report's heading")
    r.add_argument("--articles", nargs="+", type=Path, metavar="PATH",
                   help="the articles the claims came from: offered under 'open the article' in each story")
    r.set_defaults(func=_report)


def review_store(args) -> ReviewStore | None:
    """The review store ``args`` ask for: ``--review PATH`` (which must exist), else the default one if it exists."""
    if getattr(args, "no_review", False):
        return None
    if args.review is not None:
        return ReviewStore(args.review, create=False)
    return ReviewStore(DEFAULT_PATH, create=False) if DEFAULT_PATH.is_file() else None


def _say_review(reviewed, store: ReviewStore) -> None:
    states = [r.state for r in reviewed.reviews.values()]
    n_orphans = sum(len(v) for v in reviewed.orphans.values())
    print(f"review {store.path}: {len(states) - states.count('unreviewed')} claims reviewed, "
          f"{states.count('rejected')} rejected" + (f"; {n_orphans} actions on claims no longer extracted "
                                                    "('frontline review list --orphans')" if n_orphans else ""),
          file=sys.stderr)


def _timeline_of(args) -> Timeline:
    refuse_overwriting(args.output, [args.claims])
    claims = read_claims(args.claims)
    store = review_store(args)
    if store is None:
        return Timeline(claims, fade_days=args.fade_days)
    reviewed = apply_review(claims, store)
    _say_review(reviewed, store)
    return Timeline(claims, fade_days=args.fade_days, review=reviewed)


def _view_of(tl: Timeline, args) -> View:
    """The view asked for, once we know it has claims; else a message listing what exists."""
    view = parse_view(args.view, asserted_only=args.asserted_only, reviewed_only=args.reviewed_only)
    names = {"outlet": tl.outlets, "source": tl.sources}.get(view.kind)
    if names is not None and (view.name or "").casefold() not in {n.casefold() for n in names}:
        listed = ", ".join(names) or "none"
        raise BadInput(f"no {view.kind} named {view.name!r} in {args.claims}; {view.kind}s with dated claims: {listed}")
    return view


def _check_day(tl: Timeline, day: date | None, what: str) -> None:
    span = tl.dates
    if span is None:
        raise BadInput("no dated claims: give the extraction a manifest or --year so claims can be placed in time")
    if day is not None and not span[0] <= day <= span[1]:
        raise BadInput(f"{what} {day} is outside the evidence, which runs from {span[0]} to {span[1]}")


def _layers_text(layers: dict) -> str:
    return ", ".join(f"{name} ({geometry_of(name) or '?'}, {len(gdf)})" for name, gdf in layers.items())


def _snapshot(args) -> int:
    tl = _timeline_of(args)
    view = _view_of(tl, args)
    _check_day(tl, args.at, "--at")
    layers = snapshot_layers(tl, args.at, view)
    write_layers(layers, args.output)
    print(f"wrote {_layers_text(layers)} at {args.at} ({view}) to {args.output}", file=sys.stderr)
    return 0


def _timeline(args) -> int:
    tl = _timeline_of(args)
    view = _view_of(tl, args)
    _check_day(tl, None, "")
    layers = timeline_layers(tl, view)
    write_layers(layers, args.output)
    print(f"wrote {_layers_text(layers)} ({view}) to {args.output}; valid_from/valid_to for QGIS's Temporal "
          "Controller", file=sys.stderr)
    return 0


def _events(args) -> int:
    if args.output.suffix.lower() != ".csv":
        raise BadInput(f"{args.output}: events are written as .csv")
    refuse_overwriting(args.output, [args.claims])
    claims = read_claims(args.claims)
    store = review_store(args)
    if store is not None:
        reviewed = apply_review(claims, store)
        _say_review(reviewed, store)
        claims = reviewed.claims
    table = events_table(claims)
    with atomic_write(args.output, newline="") as f:
        csv_safe(table).to_csv(f, index=False)  # quotes and notes are article text: no formulas
    print(f"wrote {len(table)} events to {args.output}", file=sys.stderr)
    return 0


def _report(args) -> int:
    from extract import Article, read_articles
    from geo.report import write_report

    if args.output.suffix.lower() not in (".html", ".htm"):
        raise BadInput(f"{args.output}: the report is an .html file")
    if args.date_from and args.date_to and args.date_to < args.date_from:
        raise BadInput(f"--to {args.date_to} is before --from {args.date_from}")
    tl = _timeline_of(args)
    view = _view_of(tl, args)
    _check_day(tl, args.date_from, "--from")
    _check_day(tl, args.date_to, "--to")
    articles = {a.id: a.text for a in read_articles(args.articles) if isinstance(a, Article)} if args.articles else None
    corpus = None
    if args.articles:
        corpus = f"{len(articles)} articles in {', '.join(str(p) for p in args.articles)}; claims from {args.claims}"
    with atomic_path(args.output) as tmp:
        write_report(tl, tmp, view=view, date_from=args.date_from, date_to=args.date_to, title=args.title,
                     corpus=corpus, articles=articles)
    path = args.output
    print(f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB)", file=sys.stderr)
    return 0
