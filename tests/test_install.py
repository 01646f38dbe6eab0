"""A real install: build the wheel, install it in a fresh venv, run it away from the checkout.

Before: the wheel lacked geo/_map.js, geo/_map.css and the base map (read from the checkout's assets/),
so an installed `frontline report` failed; and `license = "MIT"` needed a newer setuptools than declared.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ("pyproject.toml", "README.md", "frontline.py", "gazetteer", "extract", "review", "geo", "guard")


def _run(cmd, *, cwd, check=True) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    return subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True, check=check,
                          timeout=600)


@pytest.mark.slow
def test_wheel_installs_and_runs_outside_the_checkout(tmp_path):
    # The source as a release would carry it, so the build leaves nothing in the checkout.
    src = tmp_path / "src"
    src.mkdir()
    for name in SHIPPED:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(ROOT / name, src / name)
    dist = tmp_path / "dist"
    # No build isolation: the dev extras' setuptools>=77 builds it, offline.
    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", dist, src], cwd=tmp_path)
    (wheel,) = dist.glob("frontline-*.whl")

    # A fresh venv; the dependencies come from this one's site-packages through a .pth line. Its .pth files
    # (the editable install that points at the checkout) are not run from there, so only the wheel's code is seen.
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=tmp_path)
    py = venv / "bin" / "python"
    site = Path(_run([py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=tmp_path).stdout.strip())
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    _run([sys.executable, "-m", "pip", "--python", py, "install", "-q", "--no-deps", "--no-index", wheel], cwd=tmp_path)

    work = tmp_path / "work"  # nowhere near the checkout
    work.mkdir()
    where = _run([py, "-c", "import extract, gazetteer, geo, guard, frontline, sys; "
                            "print([m.__file__ for m in (extract, gazetteer, geo, guard, frontline)]); "
                            "print(sys.path)"], cwd=work).stdout
    assert str(ROOT) not in where.replace(str(ROOT / ".venv"), "")
    assert where.count(str(site)) >= 5

    frontline = venv / "bin" / "frontline"
    check = _run([frontline, "gazetteer", "check"], cwd=work)
    assert " places: 0 errors" in check.stdout

    articles = work / "articles"
    shutil.copytree(ROOT / "assets" / "sample" / "articles", articles)
    shutil.copy2(ROOT / "assets" / "sample" / "manifest.csv", work / "manifest.csv")
    _run([frontline, "extract", articles, "--manifest", work / "manifest.csv", "-o", work / "claims.jsonl"], cwd=work)
    key = json.loads((work / "claims.jsonl").read_text(encoding="utf-8").splitlines()[0])["key"]
    _run([frontline, "review", "reject", key, "--reason", "checked by hand", "--by", "ci"], cwd=work)
    assert (work / ".frontline" / "review.sqlite").is_file()  # the review package ships and records
    _run([frontline, "report", work / "claims.jsonl", "-o", work / "report.html"], cwd=work)
    html = (work / "report.html").read_text(encoding="utf-8")
    assert '"kind":"river"' in html                 # the base map, read as package data
    assert "fl-slider" in html and ".fl-legend" in html  # _map.js and _map.css

    # Installed without the app, `frontline app` says where the app lives instead of failing obscurely.
    app = _run([frontline, "app"], cwd=work, check=False)
    assert app.returncode == 2 and "source checkout" in app.stderr
