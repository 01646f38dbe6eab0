"""``frontline gazetteer check | export | link``."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path

from gazetteer.check import check
from gazetteer.linker import Linker
from gazetteer.place import COLUMNS
from gazetteer.places import PLACES_CSV, SOURCES_CSV, GazetteerError, dumps_geojson, load
from guard.files import atomic_write, refuse_overwriting
from guard.text import csv_cell

__all__ = ["register"]


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``gazetteer`` command and its subcommands to a parser."""
    p = sub.add_parser("gazetteer", help="check, export or link the curated places")
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
    k.set_defaults(func=_link)


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
    for m in Linker(_load(args)).link(text):
        print(json.dumps(m.to_dict(), ensure_ascii=False))
    return 0
