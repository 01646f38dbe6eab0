"""The ``frontline`` command line: one entry point, a subcommand per job.

Each package registers its own subcommands, so this file only wires them::

    frontline gazetteer check|export|link
    frontline extract / evaluate
    frontline snapshot / timeline / events / report
"""

from __future__ import annotations

import argparse
import sys

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser of ``frontline``."""
    from extract import cli as extract_cli
    from gazetteer import cli as gazetteer_cli
    from geo import cli as geo_cli

    parser = argparse.ArgumentParser(prog="frontline", description="Arabic war reporting to maps of control.")
    sub = parser.add_subparsers(dest="command", required=True)
    for module in (gazetteer_cli, extract_cli, geo_cli):
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run ``frontline`` with ``argv``; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except (ValueError, OSError) as exc:  # bad input: say what is wrong, no traceback
        print(f"frontline: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
