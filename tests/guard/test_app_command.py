"""`frontline app` and `bash run.sh app` start a deployment-safe app."""

from __future__ import annotations

import itertools

import pytest

from frontline import build_parser
from guard.cli import app_command
from tests.app.conftest import ROOT


def _command(*argv):
    args = build_parser().parse_args(["app", *argv])
    cmd, env = app_command(args)
    opts = dict(itertools.pairwise(cmd))
    return cmd, opts, env


def test_defaults_are_loopback_no_folders_no_tracebacks(monkeypatch):
    # Before: `bash run.sh app` listened on every interface and showed tracebacks to visitors.
    monkeypatch.delenv("FRONTLINE_ALLOWED_FOLDERS", raising=False)
    cmd, opts, env = _command()
    assert opts["--server.address"] == "127.0.0.1"
    assert opts["--client.showErrorDetails"] == "none"  # "false" is deprecated and still shows a stack trace
    assert "FRONTLINE_ALLOWED_FOLDERS" not in env
    assert cmd[cmd.index("run") + 1] == str(ROOT / "app.py")


def test_operator_choices_reach_the_app(tmp_path, monkeypatch):
    monkeypatch.delenv("FRONTLINE_ALLOWED_FOLDERS", raising=False)
    cmd, opts, env = _command("--allow-folders", str(tmp_path), "--address", "0.0.0.0", "--upload-max-mb", "50",
                              "--upload-max-files", "100", "--", "--server.port", "8600")
    assert env["FRONTLINE_ALLOWED_FOLDERS"] == str(tmp_path.resolve())
    assert (env["FRONTLINE_UPLOAD_MAX_MB"], env["FRONTLINE_UPLOAD_MAX_FILES"]) == ("50.0", "100")
    assert opts["--server.address"] == "0.0.0.0" and opts["--server.maxUploadSize"] == "50"
    assert cmd[-2:] == ["--server.port", "8600"]


def test_streamlit_run_from_the_checkout_is_safe_too():
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["address"] == "127.0.0.1"
    assert config["client"]["showErrorDetails"] == "none"
    assert '"$VENV/bin/frontline" app' in (ROOT / "run.sh").read_text(encoding="utf-8")


def test_the_review_store_is_the_operators_choice(tmp_path):
    from guard.errors import BadInput

    _, _, env = _command("--review", str(tmp_path / "team.sqlite"))
    assert env["FRONTLINE_REVIEW"] == str((tmp_path / "team.sqlite").resolve())
    with pytest.raises(BadInput, match="is a folder"):
        _command("--review", str(tmp_path))
