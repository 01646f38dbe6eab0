"""``frontline extract`` and ``frontline evaluate``."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from extract.evaluate import evaluate, load_gold
from extract.io import iter_claims, write_claims
from extract.pipeline import Summary, extract_paths
from extract.reader import read_manifest
from guard.files import refuse_overwriting

__all__ = ["register"]


def _period(value: str) -> tuple[date, date]:
    try:
        a, b = value.split("..")
        return date.fromisoformat(a), date.fromisoformat(b)
    except ValueError:
        raise argparse.ArgumentTypeError(f"period {value!r} must look like 2018-09-01..2019-03-31") from None


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``extract`` and ``evaluate`` to a parser."""
    p = sub.add_parser("extract", help="read articles and write claims as JSON lines")
    p.add_argument("paths", nargs="+", type=Path, help="article files or folders (.txt .html .jsonl .csv)")
    p.add_argument("--manifest", type=Path, help="CSV with file,outlet,published,url for plain files")
    p.add_argument("--year", type=int, help="publication year where the text leaves it open")
    p.add_argument("--period", type=_period, help="default publication window, YYYY-MM-DD..YYYY-MM-DD: bounds the "
                   "date of articles that the manifest, address or text leave open")
    p.add_argument("-o", "--output", type=Path, required=True, help="claims.jsonl to write (never one of the inputs)")
    p.add_argument("--time-budget", type=float, default=20.0, metavar="SECONDS",
                   help="seconds one article may take before it is skipped (default 20)")
    p.set_defaults(func=_extract)

    e = sub.add_parser("evaluate", help="precision, recall and F1 of claims against annotations")
    e.add_argument("claims", type=Path)
    e.add_argument("--gold", type=Path, required=True, help="annotations in the shape of shared/gold/seeds.json")
    e.add_argument("--json", action="store_true", help="print the figures as JSON")
    e.set_defaults(func=_evaluate)


def _extract(args) -> int:
    refuse_overwriting(args.output, [*args.paths, args.manifest])
    manifest = read_manifest(args.manifest) if args.manifest else None
    summary = Summary()

    def skipped(s):
        print(f"skipped {s}", file=sys.stderr)

    claims = extract_paths(args.paths, manifest=manifest, year=args.year, period=args.period,
                           summary=summary, on_skip=skipped, time_budget=args.time_budget)
    n = write_claims(claims, args.output)
    for line in summary.lines():
        if not line.startswith("skipped "):
            print(line, file=sys.stderr)
    print(f"wrote {n} records to {args.output}", file=sys.stderr)
    return 0 if summary.read else 1


def _evaluate(args) -> int:
    score = evaluate(iter_claims(args.claims), load_gold(args.gold))
    print(json.dumps(score.to_dict(), indent=1) if args.json else score.report())
    return 0
