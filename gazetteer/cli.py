"""``frontline gazetteer check | export | link | suggest``."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path

from gazetteer.check import check
from gazetteer.geocoder import suggest, to_csv
from gazetteer.linker import Linker
from gazetteer.place import COLUMNS
from gazetteer.places import PLACES_CSV, SOURCES_CSV, GazetteerError, dumps_geojson, load
from guard.files import atomic_write, refuse_overwriting
from guard.text import csv_cell

__all__ = ["register"]


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``gazetteer`` command and its subcommands to a parser."""
    p = sub.add_parser("gazetteer", help="check, export, link or suggest the curated places")
    p.add_argument("--places", type=Path, help="a places CSV (default: the bundled gazetteer)")
    gsub = p.add_subparsers(dest="gazetteer_command", required=True)

    c = gsub.add_parser("check", help="validate the gazetteer; exit 1 on errors")
    c.set_defaults(func=_check)

    e = gsub.add_parser("export", help="write the gazetteer as GeoJSON or CSV")
    e.add_argument("--format", choices=("geojson", "csv"), default="geojson")
    e.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")
    e.set_defaults(func=_export)

    k = gsub.add_parser("link", help="print one JSON object per place mention")
    src = k.add_mutually_exclusive_group(required=True)
    src.add_argument("--text", help="the text to link")
    src.add_argument("--file", type=Path, help="a UTF-8 text file to link")
    k.add_argument("--unresolved", action="store_true",
                   help="also print names shared by several places that the text does not decide")
    k.set_defaults(func=_link)

    g = gsub.add_parser("suggest", help="propose places.csv rows for a place the gazetteer lacks (online)")
    g.add_argument("name", help="the place as the reporting writes it (Arabic or English)")
    g.add_argument("--geonames-username", help="ask GeoNames with this account instead of Nominatim")
    g.add_argument("--domain", help="geocoder host[:port] (default: the public service)")
    g.add_argument("--scheme", choices=("http", "https"), help="geocoder URL scheme (default: the service's)")
    g.add_argument("--limit", type=int, default=5, help="at most this many candidates (default 5)")
    g.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for the geocoder (default 10)")
    g.add_argument("--no-header", action="store_true", help="print the rows only, without the CSV header")
    g.set_defaults(func=_suggest)


def _load(args):
    return load(args.places) if args.places else load()


def _check(args) -> int:
    gz = _load(args)
    rep = check(gz)
    for line in rep.lines():
        print(line)
    print(f"{len(gz)} places: {len(rep.errors)} errors, {len(rep.warnings)} warnings")
    return 0 if rep.ok else 1


def _export(args) -> int:
    gz = _load(args)
    if args.format == "geojson":
        text = dumps_geojson(gz)
    else:
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        for p in gz:
            row = p.to_dict()
            for key in ("names_en", "names_ar", "context_words"):
                row[key] = ";".join(row[key])
            row["context_required"] = "yes" if row["context_required"] else ""
            # Names and notes open in spreadsheets: none may start a formula.
            w.writerow({k: ("" if row[k] is None else csv_cell(row[k])) for k in COLUMNS})
        text = buf.getvalue()
    if args.output:
        refuse_overwriting(args.output, [args.places or PLACES_CSV, SOURCES_CSV])
        with atomic_write(args.output) as f:
            f.write(text)
        print(f"wrote {len(gz)} places to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _link(args) -> int:
    if args.file is not None:
        try:
            text = args.file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise GazetteerError(f"{args.file}: cannot read as UTF-8 text ({exc})") from None
    else:
        text = args.text
    for m in Linker(_load(args)).link(text, unresolved=args.unresolved):
        print(json.dumps(m.to_dict(), ensure_ascii=False))
    return 0


def _suggest(args) -> int:
    rows = suggest(args.name, geonames_username=args.geonames_username, domain=args.domain, scheme=args.scheme,
                   limit=args.limit, timeout=args.timeout, gazetteer=_load(args))
    if not rows:
        print(f"no candidate for {args.name!r} inside the study area; try another spelling "
              "(with or without the article, or in English)", file=sys.stderr)
        return 1
    sys.stdout.write(to_csv(rows, header=not args.no_header))
    print(f"{len(rows)} candidate(s): check each against the reporting before adding it to places.csv",
          file=sys.stderr)
    return 0
