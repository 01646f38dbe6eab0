"""``frontline app`` (serve the app safely) and ``frontline uploads list | prune``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from guard import folders, uploads
from guard.errors import BadInput

__all__ = ["register"]

REVIEW_ENV = "FRONTLINE_REVIEW"  # read by app.py: where review actions are recorded


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``app`` and ``uploads`` to a parser."""
    a = sub.add_parser("app", help="start the Streamlit app (on 127.0.0.1 unless told otherwise)",
                       description="Start the app. Extra Streamlit options go after '--'.")
    a.add_argument("--allow-folders", action="append", default=[], metavar="ROOT",
                   help="let visitors read article folders inside ROOT (repeatable); off by default")
    a.add_argument("--address", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1; 0.0.0.0 serves every interface)")
    a.add_argument("--port", type=int, default=8501)
    a.add_argument("--upload-max-mb", type=float, help=f"uploads one session may store, in MB (default "
                                                       f"{uploads.Quota().max_mb:g})")
    a.add_argument("--upload-max-files", type=int, help=f"files one session may store (default "
                                                        f"{uploads.Quota().max_files:,})")
    a.add_argument("--uploads-dir", type=Path, help="where uploads are kept (default .frontline/uploads)")
    a.add_argument("--review", type=Path, metavar="PATH",
                   help="the review store analysts' actions go to (default .frontline/review.sqlite)")
    a.add_argument("streamlit_args", nargs=argparse.REMAINDER, help="after '--': passed on to streamlit run")
    a.set_defaults(func=_app)

    u = sub.add_parser("uploads", help="list or prune what visitors uploaded to the app")
    u.add_argument("--dir", type=Path, help="the upload store (default $FRONTLINE_UPLOADS or .frontline/uploads)")
    usub = u.add_subparsers(dest="uploads_command", required=True)
    ls = usub.add_parser("list", help="one line per session: files, size, last upload")
    ls.set_defaults(func=_list)
    pr = usub.add_parser("prune", help="delete the uploads of sessions idle for more than DAYS")
    pr.add_argument("--older-than", type=float, required=True, metavar="DAYS")
    pr.add_argument("--dry-run", action="store_true", help="say what would be deleted, delete nothing")
    pr.set_defaults(func=_prune)


def app_file() -> Path:
    """The Streamlit script: ``app.py`` beside ``frontline.py`` in a checkout.

    Raises
    ------
    BadInput
        When Frontline is installed without it (a wheel carries the library, not the app).
    """
    import frontline

    path = Path(frontline.__file__).resolve().parent / "app.py"
    if not path.is_file():
        raise BadInput("the app runs from a source checkout (app.py beside frontline.py); clone the repository "
                       "and run 'bash run.sh app' there")
    return path


def app_command(args) -> tuple[list[str], dict[str, str]]:
    """The command line and environment that start the app as ``args`` ask."""
    env = dict(os.environ)
    for root in args.allow_folders:
        if not Path(root).expanduser().is_dir():
            raise BadInput(f"--allow-folders {root}: no such folder")
    roots = [str(Path(r).expanduser().resolve()) for r in args.allow_folders]
    if roots:
        env[folders.ENV] = os.pathsep.join(filter(None, [env.get(folders.ENV), *roots]))
    if args.upload_max_mb is not None:
        env[uploads.ENV_MAX_MB] = str(args.upload_max_mb)
    if args.upload_max_files is not None:
        env[uploads.ENV_MAX_FILES] = str(args.upload_max_files)
    if args.uploads_dir is not None:
        env[uploads.ENV_DIR] = str(args.uploads_dir.resolve())
    if getattr(args, "review", None) is not None:
        if args.review.is_dir():
            raise BadInput(f"--review {args.review}: is a folder; give the path of a review store file (.sqlite)")
        env[REVIEW_ENV] = str(args.review.resolve())
    quota = uploads.Quota.from_env(env)
    extra = [a for a in args.streamlit_args if a != "--"]
    cmd = [sys.executable, "-m", "streamlit", "run", str(app_file()),
           "--server.headless", "true", "--browser.gatherUsageStats", "false",
           "--server.address", args.address, "--server.port", str(args.port),
           # Visitors see "an error occurred", never a traceback with the server's paths.
           "--client.showErrorDetails", "none", "--client.toolbarMode", "viewer",
           "--server.maxUploadSize", str(max(1, int(quota.max_mb))), *extra]
    return cmd, env


def _app(args) -> int:
    cmd, env = app_command(args)
    print(f"frontline: serving on http://{args.address}:{args.port}"
          + (f", folders readable under {env[folders.ENV]}" if env.get(folders.ENV) else ", server folders off"),
          file=sys.stderr)
    os.execve(cmd[0], cmd, env)  # the app replaces this process: signals reach Streamlit directly
    return 0  # not reached


def _root(args) -> Path:
    return args.dir.resolve() if args.dir else uploads.store_root()


def _list(args) -> int:
    sessions = uploads.list_sessions(_root(args))
    for s in sessions:
        print(s.line())
    total = sum(s.bytes for s in sessions)
    print(f"{len(sessions)} sessions, {sum(s.files for s in sessions)} files, {total / 1e6:.2f} MB in {_root(args)}",
          file=sys.stderr)
    return 0


def _prune(args) -> int:
    if args.older_than < 0:
        raise BadInput("--older-than takes a number of days, 0 or more")
    gone = uploads.prune(_root(args), older_than_days=args.older_than, dry_run=args.dry_run)
    for s in gone:
        print(("would delete " if args.dry_run else "deleted ") + s.line())
    print(f"{len(gone)} sessions {'would be ' if args.dry_run else ''}deleted from {_root(args)}", file=sys.stderr)
    return 0
