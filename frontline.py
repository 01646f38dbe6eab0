"""The ``frontline`` command line: one entry point, a subcommand per job.

Each package registers its own subcommands, so this file only wires them::

    frontline gazetteer check|export|link
    frontline extract / evaluate
    frontline review list|history|confirm|reject|edit|add|note|undo|export|import|check
    frontline snapshot / timeline / events / report
    frontline app / uploads list|prune

Exit status: 0 done, 1 nothing done (or a bug: then a traceback follows), 2 bad input (the message says what
to do).
"""

from __future__ import annotations

import argparse
import sys
import traceback

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser of ``frontline``."""
    from extract import cli as extract_cli
    from gazetteer import cli as gazetteer_cli
    from geo import cli as geo_cli
    from guard import cli as guard_cli
    from review import cli as review_cli

    parser = argparse.ArgumentParser(prog="frontline", description="Arabic war reporting to maps of control.")
    sub = parser.add_subparsers(dest="command", required=True)
    for module in (gazetteer_cli, extract_cli, review_cli, geo_cli, guard_cli):
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run ``frontline`` with ``argv``; returns the exit code."""
    from guard.errors import BadInput

    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except BadInput as exc:  # the input is wrong: say what, no traceback
        print(f"frontline: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("frontline: interrupted", file=sys.stderr)
        return 130
    except Exception:  # anything else is ours to fix
        traceback.print_exc()
        print("frontline: this is a bug in Frontline, not a problem with your input; please report it with the "
              "traceback above", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
