"""``frontline extract`` and ``frontline evaluate``."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from datetime import date
from pathlib import Path

from extract.evaluate import evaluate, load_gold, resolve_new_places
from extract.io import iter_claims, write_claims
from extract.parallel import extract_parallel
from extract.pipeline import Summary
from extract.reader import read_manifest
from guard.errors import BadInput
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
    p = sub.add_parser("extract", help="read articles and write claims (JSON lines or Parquet)")
    p.add_argument("paths", nargs="+", type=Path, help="article files or folders (.txt .html .jsonl .csv)")
    p.add_argument("--manifest", type=Path, help="CSV with file,outlet,published,url for plain files")
    p.add_argument("--year", type=int, help="publication year where the text leaves it open")
    p.add_argument("--period", type=_period, help="default publication window, YYYY-MM-DD..YYYY-MM-DD: bounds the "
                   "date of articles that the manifest, address or text leave open")
    p.add_argument("-o", "--output", type=Path, required=True,
                   help="claims.jsonl or claims.parquet to write (never one of the inputs); with --dask, a folder "
                        "of Parquet partitions")
    p.add_argument("--time-budget", type=float, default=20.0, metavar="SECONDS",
                   help="seconds one article may take before it is skipped (default 20)")
    p.add_argument("--jobs", type=int, help="worker processes (default: every core; 1: all in this process)")
    p.add_argument("--dask", metavar="SCHEDULER",
                   help="extract on a Dask cluster: its scheduler's address (tcp://HOST:8786) or 'local'")
    p.add_argument("--partitions", type=int, help="with --dask: runs of files, one Parquet file each "
                   "(default: 4 per worker thread)")
    p.set_defaults(func=_extract)

    e = sub.add_parser("evaluate", help="precision, recall and F1 of claims against annotations")
    e.add_argument("claims", type=Path, help="claims: .jsonl, .parquet, or a folder of them")
    e.add_argument("--gold", type=Path, required=True, help="annotations in the shape of shared/gold/seeds.json")
    e.add_argument("--json", action="store_true", help="print the figures as JSON")
    e.add_argument("--place-map", type=Path, metavar="JSON",
                   help='gold places named NEW:slug to gazetteer ids, {"NEW:slug": "id"} (or {"map": {...}}); by '
                        "default each is matched by its Arabic name (place_ar) when one gazetteer place has it")
    e.set_defaults(func=_evaluate)


def _extract(args) -> int:
    refuse_overwriting(args.output, [*args.paths, args.manifest])
    if args.jobs is not None and args.jobs < 1:
        raise BadInput(f"--jobs {args.jobs}: give 1 or more worker processes")
    if args.dask:
        return _extract_dask(args)
    manifest = read_manifest(args.manifest) if args.manifest else None
    summary = Summary()

    def skipped(s):
        print(f"skipped {s}", file=sys.stderr)

    claims = extract_parallel(args.paths, jobs=args.jobs, manifest=manifest, year=args.year, period=args.period,
                              summary=summary, on_skip=skipped, time_budget=args.time_budget)
    n = write_claims(claims, args.output)
    for line in summary.lines():
        if not line.startswith("skipped "):
            print(line, file=sys.stderr)
    print(f"wrote {n} records to {args.output}", file=sys.stderr)
    return 0 if summary.read else 1


def _extract_dask(args) -> int:
    """``--dask``: the workers read the files and write the partitions; only summaries come back."""
    try:
        from distributed import Client

        from extract.cluster import LOCAL, extract_dask, local_cluster
    except ImportError:
        raise ValueError("--dask needs Dask: pip install 'frontline[dask]'") from None
    manifest = read_manifest(args.manifest) if args.manifest else None
    summary = Summary()
    with contextlib.ExitStack() as stack:
        if args.dask == LOCAL:
            client = stack.enter_context(Client(stack.enter_context(local_cluster(args.jobs))))
        else:
            try:
                client = stack.enter_context(Client(args.dask, timeout="20s"))
            except OSError as exc:
                raise ValueError(f"--dask {args.dask}: cannot reach the scheduler ({exc})") from None
        print(f"[extract] on Dask: {len(client.nthreads())} workers, "
              f"{sum(client.nthreads().values())} threads", file=sys.stderr)
        n = extract_dask(args.paths, args.output, client=client, manifest=manifest, year=args.year,
                         period=args.period, npartitions=args.partitions, summary=summary)
    for line in summary.lines():
        print(line, file=sys.stderr)
    print(f"wrote {n} records to {args.output}/ as Parquet partitions", file=sys.stderr)
    return 0 if summary.read else 1


def _evaluate(args) -> int:
    gold = load_gold(args.gold)
    if args.place_map:
        try:
            data = json.loads(args.place_map.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise BadInput(f"{args.place_map}: cannot read the place map ({exc}); give a JSON object") from None
        place_map = data.get("map", data) if isinstance(data, dict) else None
        if not isinstance(place_map, dict):
            raise BadInput(f'{args.place_map}: expected {{"NEW:slug": "gazetteer id", ...}}')
    else:
        place_map = resolve_new_places(gold)
    named = {g["place"] for a in gold.values() for g in a.get("claims", []) if g.get("place", "").startswith("NEW:")}
    if named:
        print(f"{len(named & set(place_map))} of {len(named)} gold places named NEW:… matched to the gazetteer "
              f"({'--place-map' if args.place_map else 'by Arabic name'}); the rest count as misses", file=sys.stderr)
    score = evaluate(iter_claims(args.claims), gold, place_map=place_map)
    print(json.dumps(score.to_dict(), indent=1) if args.json else score.report())
    return 0
