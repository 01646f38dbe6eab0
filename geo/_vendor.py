"""Leaflet, fetched from the npm registry at set-up and inlined into every map.

Maps that load Leaflet from a public CDN stay blank with no internet (CI, an
analyst's air-gapped laptop). ``python -m geo._vendor ensure`` installs
Leaflet from the npm registry into ``static/vendor/`` once; the app's map and
the HTML report inline it, so neither fetches anything.
"""

from __future__ import annotations

import base64
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

__all__ = ["FILES", "VENDOR_DIR", "available", "ensure", "leaflet_css_inline", "read"]

ROOT = Path(__file__).resolve().parent.parent
VENDOR_DIR = ROOT / "static" / "vendor"

PACKAGES = {"leaflet": "1.9.3"}

# name -> (npm package, path inside the package, path under static/vendor)
FILES = {
    "leaflet": ("leaflet", "dist/leaflet.js", "leaflet/leaflet.js"),
    "leaflet_css": ("leaflet", "dist/leaflet.css", "leaflet/leaflet.css"),
    "layers_png": ("leaflet", "dist/images/layers.png", "leaflet/images/layers.png"),
    "layers_2x_png": ("leaflet", "dist/images/layers-2x.png", "leaflet/images/layers-2x.png"),
}


def available() -> bool:
    """True when every vendored file is in place."""
    return all((VENDOR_DIR / dest).is_file() for _, _, dest in FILES.values())


def read(name: str) -> str:
    """The text of one vendored file by its name in :data:`FILES`."""
    return (VENDOR_DIR / FILES[name][2]).read_text(encoding="utf-8")


def leaflet_css_inline() -> str:
    """Leaflet's stylesheet with its images as data URIs, for a page that fetches nothing."""
    css = read("leaflet_css")
    for name, file in (("layers_2x_png", "images/layers-2x.png"), ("layers_png", "images/layers.png")):
        data = base64.b64encode((VENDOR_DIR / FILES[name][2]).read_bytes()).decode("ascii")
        css = css.replace(file, f"data:image/png;base64,{data}")
    return css


def ensure(*, quiet: bool = False) -> bool:
    """Install the vendored files if any is missing. Returns True when in place."""
    if available():
        return True
    npm = shutil.which("npm")
    if npm is None:
        print("[frontline] npm not found: the maps cannot be drawn until Leaflet is installed "
              "(install Node.js and npm for offline maps)", file=sys.stderr)
        return False
    specs = [f"{name}@{version}" for name, version in PACKAGES.items()]
    with tempfile.TemporaryDirectory(prefix="frontline-npm-") as tmp:
        if not quiet:
            print(f"[frontline] fetching {', '.join(specs)} from the npm registry", file=sys.stderr)
        cmd = [npm, "install", "--no-save", "--no-audit", "--no-fund", "--ignore-scripts", "--prefix", tmp, *specs]
        res = subprocess.run(cmd, capture_output=True, text=True)
        if res.returncode != 0:
            print(f"[frontline] npm install failed: {res.stderr.strip()[-500:]}", file=sys.stderr)
            return False
        modules = Path(tmp) / "node_modules"
        for package, src, dest in FILES.values():
            target = VENDOR_DIR / dest
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(modules / package / src, target)
    return available()


if __name__ == "__main__":
    if sys.argv[1:] != ["ensure"]:
        sys.exit("usage: python -m geo._vendor ensure")
    ensure()
    sys.exit(0)  # a missing npm must not stop the app from starting
