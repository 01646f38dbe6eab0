"""Leaflet and friends, fetched from the npm registry and served locally.

folium pages load Leaflet, jQuery and Bootstrap from public CDNs; with no
internet (CI, an analyst's air-gapped laptop) the map stays blank. At set-up
``python -m geo._vendor ensure`` installs the same files from the npm registry
into ``static/vendor/``; the app serves them (Streamlit static serving) and the
HTML report inlines them.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

__all__ = ["FILES", "VENDOR_DIR", "available", "ensure", "folium_urls", "read"]

ROOT = Path(__file__).resolve().parent.parent
VENDOR_DIR = ROOT / "static" / "vendor"

PACKAGES = {
    "leaflet": "1.9.3",
    "jquery": "3.7.1",
    "bootstrap": "5.2.2",
    "drmonty-leaflet-awesome-markers": "2.0.2",
}

# folium resource name -> (npm package, path inside the package, path under static/vendor)
FILES = {
    "leaflet": ("leaflet", "dist/leaflet.js", "leaflet/leaflet.js"),
    "leaflet_css": ("leaflet", "dist/leaflet.css", "leaflet/leaflet.css"),
    "jquery": ("jquery", "dist/jquery.min.js", "jquery/jquery.min.js"),
    "bootstrap": ("bootstrap", "dist/js/bootstrap.bundle.min.js", "bootstrap/bootstrap.bundle.min.js"),
    "bootstrap_css": ("bootstrap", "dist/css/bootstrap.min.css", "bootstrap/bootstrap.min.css"),
    "awesome_markers": ("drmonty-leaflet-awesome-markers", "js/leaflet.awesome-markers.min.js",
                        "awesome-markers/leaflet.awesome-markers.min.js"),
    "awesome_markers_css": ("drmonty-leaflet-awesome-markers", "css/leaflet.awesome-markers.css",
                            "awesome-markers/leaflet.awesome-markers.css"),
}
IMAGES = ("marker-icon.png", "marker-icon-2x.png", "marker-shadow.png", "layers.png", "layers-2x.png")


def available() -> bool:
    """True when every vendored file is in place."""
    return all((VENDOR_DIR / dest).is_file() for _, _, dest in FILES.values())


def read(name: str) -> str:
    """The text of one vendored file by its folium resource name."""
    return (VENDOR_DIR / FILES[name][2]).read_text(encoding="utf-8")


def folium_urls(base: str = "app/static/vendor") -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(js, css) lists for folium's ``default_js``/``default_css``, pointing at ``base``.

    Resources we do not ship (icon fonts) point at an empty local stylesheet so
    the page makes no request outside the machine.
    """
    js = [(k, f"{base}/{FILES[k][2]}") for k in ("leaflet", "jquery", "bootstrap", "awesome_markers")]
    css = [(k, f"{base}/{FILES[k][2]}") for k in ("leaflet_css", "bootstrap_css", "awesome_markers_css")]
    css += [(k, f"{base}/empty.css") for k in ("glyphicons_css", "awesome_markers_font_css", "awesome_rotate_css")]
    return js, css


def ensure(*, quiet: bool = False) -> bool:
    """Install the vendored files if any is missing. Returns True when in place."""
    if available():
        return True
    npm = shutil.which("npm")
    if npm is None:
        print("[frontline] npm not found: maps will load Leaflet from the internet "
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
        for image in IMAGES:
            (VENDOR_DIR / "leaflet" / "images").mkdir(parents=True, exist_ok=True)
            shutil.copyfile(modules / "leaflet" / "dist" / "images" / image, VENDOR_DIR / "leaflet" / "images" / image)
        (VENDOR_DIR / "empty.css").write_text("/* intentionally empty: resource not shipped */\n")
    return available()


if __name__ == "__main__":
    if sys.argv[1:] != ["ensure"]:
        sys.exit("usage: python -m geo._vendor ensure")
    ensure()
    sys.exit(0)  # a missing npm must not stop the app from starting
