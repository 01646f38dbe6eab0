"""Frontline app: a map of control you can scrub through time, with the evidence behind every colour.

Run with ``bash run.sh app``. The map is drawn in the browser with every date's
state already in the page, so moving the date (or pressing play) restyles the
map in place instead of re-running this script. The slider under the map is the
one date of the page: the map, the claims table and the date's downloads all
follow it. Click a place for its story.
"""

from __future__ import annotations

import hashlib
import io
import json
import tempfile
from pathlib import Path

import streamlit as st

from extract import Summary, extract_paths, read_articles, read_manifest
from extract.claim import CONTROL, Claim
from geo import Timeline, View, events_table, time_map, timeline_layers, to_geojson, write_layers
from geo.report import lock_down
from geo.timeline import source_of

ROOT = Path(__file__).resolve().parent
SAMPLE = ROOT / "assets" / "sample"
SHARED = ROOT.parent / "shared"
UPLOADS = ROOT / ".frontline" / "uploads"  # kept: nothing a user gave is lost

st.set_page_config(page_title="Frontline", page_icon="🗺️", layout="wide")


# ---------------------------------------------------------------- inputs
def _sources() -> dict[str, tuple[list[Path], Path | None]]:
    out = {"Bundled sample (our paraphrases of public reports)": ([SAMPLE / "articles"], SAMPLE / "manifest.csv")}
    if (SHARED / "corpus").is_dir():
        manifest = SHARED / "corpus-manifest.csv"
        out["Real sample articles (../shared/corpus)"] = ([SHARED / "corpus"], manifest if manifest.exists() else None)
    return out


def _digest(paths: list[Path], manifest: Path | None, year: int | None) -> str:
    h = hashlib.sha1(f"{year}".encode())
    for p in sorted(paths):
        files = sorted(p.rglob("*")) if p.is_dir() else [p]
        for f in files:
            if f.is_file():
                st_ = f.stat()
                h.update(f"{f}:{st_.st_size}:{st_.st_mtime_ns}".encode())
    if manifest and manifest.exists():
        h.update(manifest.read_bytes())
    return h.hexdigest()


def _extract(paths: list[Path], manifest: Path | None, year: int | None, digest: str) -> tuple[list[Claim], Summary]:
    key = "extract:" + digest
    if key not in st.session_state:
        mf = read_manifest(manifest) if manifest else None
        summary = Summary()
        bar = st.progress(0.0, text="Reading articles…")
        total = sum(1 for p in paths for f in (p.rglob("*") if p.is_dir() else [p]) if f.is_file()) or 1

        def tick(_item) -> None:
            done = summary.read + len(summary.skipped)
            bar.progress(min(1.0, done / total), text=f"Extracting claims: {done} of about {total} files")

        claims = list(extract_paths(paths, manifest=mf, year=year, summary=summary, progress=False,
                                    on_article=tick, on_skip=tick))
        bar.empty()
        st.session_state[key] = (claims, summary)
    return st.session_state[key]


def _save_uploads(files, manifest_file) -> tuple[Path, Path | None]:
    h = hashlib.sha1()
    for f in files:
        h.update(f.name.encode())
        h.update(f.getvalue())
    folder = UPLOADS / h.hexdigest()[:16]
    folder.mkdir(parents=True, exist_ok=True)
    for f in files:
        (folder / Path(f.name).name).write_bytes(f.getvalue())
    manifest = None
    if manifest_file is not None:
        manifest = folder.parent / f"{folder.name}-manifest.csv"
        manifest.write_bytes(manifest_file.getvalue())
    return folder, manifest


with st.sidebar:
    st.title("Frontline")
    st.caption("Who held what, when, according to whom.")
    choices = _sources()
    options = [*choices, "A folder on disk", "Upload files"]
    preset = st.query_params.get("folder")
    source = st.radio("Articles", options, index=options.index("A folder on disk") if preset else 0)
    year = None
    manifest: Path | None = None
    paths: list[Path] = []
    if source in choices:
        paths, manifest = choices[source]
    elif source == "A folder on disk":
        folder = st.text_input("Folder with .txt, .html, .jsonl or .csv articles", value=preset or "")
        mpath = st.text_input("Manifest CSV (optional: file,outlet,published,url)")
        if folder:
            paths = [Path(folder).expanduser()]
        if mpath:
            manifest = Path(mpath).expanduser()
    else:
        files = st.file_uploader("Articles", type=["txt", "html", "htm", "jsonl", "csv"], accept_multiple_files=True)
        mfile = st.file_uploader("Manifest CSV (optional)", type=["csv"], key="manifest")
        if files:
            folder, manifest = _save_uploads(files, mfile)
            paths = [folder]
    if source not in choices:
        preset_year = st.query_params.get("year", "0")
        y = st.number_input("Publication year, where the text leaves it open", min_value=0, max_value=2100,
                            value=int(preset_year) if preset_year.isdigit() else 0, help="Leave 0 when unknown")
        year = int(y) or None

if not paths:
    st.info("Choose a folder or upload articles in the sidebar.")
    st.stop()
if manifest is not None and not manifest.exists():
    st.error(f"Manifest {manifest} does not exist; give the path of a CSV with file,outlet,published,url.")
    st.stop()

digest = _digest(paths, manifest, year)  # one walk of the inputs per rerun
try:
    claims, summary = _extract(paths, manifest, year, digest)
except ValueError as exc:  # a bad manifest
    st.error(str(exc))
    st.stop()

with st.sidebar:
    st.divider()
    st.subheader("View")
    control = [c for c in claims if c.kind == CONTROL and c.date.latest is not None]
    outlets = sorted({c.outlet for c in control if c.outlet})
    sources = sorted({source_of(c) for c in control})
    kinds = {"Consensus (every source)": "consensus", "Wikipedia rule (a party counts only against itself)":
             "wikipedia", "By outlet": "outlet", "By source": "source"}
    kind = st.radio("Whose account", list(kinds))
    name = None
    if kind == "By outlet":
        name = st.selectbox("Outlet", outlets) if outlets else None
    elif kind == "By source":
        name = st.selectbox("Source", sources) if sources else None
    asserted_only = st.toggle("Asserted only (leave out what is only claimed)", value=False)
    fade_days = st.number_input("Fade after (days without new evidence)", min_value=1, max_value=365, value=30,
                                help="A place keeps its last known holder; older evidence is drawn faded.")

view = View(kinds[kind], name, asserted_only)
if view.kind != "consensus" and not name:
    st.warning("No outlet or source to choose from yet.")
    st.stop()

tl_key = f"tl:{digest}:{fade_days}"
if tl_key not in st.session_state:
    st.session_state[tl_key] = Timeline(claims, fade_days=int(fade_days))
tl: Timeline = st.session_state[tl_key]

# ------------------------------------------------------------------- map
st.markdown(f"**{summary.read} articles** read, {len(summary.skipped)} skipped · "
            f"{sum(c.kind == CONTROL for c in claims)} control claims, "
            f"{sum(c.kind != CONTROL for c in claims)} strikes and clashes · view: **{view}**")
if summary.skipped:
    with st.expander(f"{len(summary.skipped)} files were skipped"):
        for s in summary.skipped:
            st.text(str(s))

span = tl.dates
if span is None:
    st.warning("No dated claims yet: give a manifest or a publication year so claims can be placed in time.")
    st.stop()


def _article_texts(paths: list[Path], manifest: Path | None, digest: str) -> dict[str, str]:
    """Article texts by id, for "open the article" in the story (read once per input)."""
    key = "articles:" + digest
    if key not in st.session_state:
        mf = read_manifest(manifest) if manifest else None
        st.session_state[key] = {a.id: a.text for a in read_articles(paths, manifest=mf) if hasattr(a, "text")}
    return st.session_state[key]


def _map_pages(timeline: Timeline, v: View, articles: dict[str, str], key: str) -> tuple[str, str]:
    """The map page shown here and the report download: one computation each per view."""
    if key not in st.session_state:
        with st.spinner("Drawing the map…"):
            page = lock_down(time_map(timeline, view=v, articles=articles, header=False)).get_root().render()
            report = lock_down(time_map(timeline, view=v, articles=articles, title="Frontline report")
                               ).get_root().render()
            st.session_state[key] = (page, report)
    return st.session_state[key]


@st.cache_data(show_spinner=False)
def _timeline_gpkg(_tl: Timeline, key: str, _view: View) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        return write_layers(timeline_layers(_tl, _view), Path(tmp) / "timeline.gpkg").read_bytes()


def _downloads(timeline: Timeline, v: View, report_html: str, key: str) -> None:
    """Downloads that cover every date (those of one date are under the map, and follow its slider)."""
    st.caption("The snapshot GeoJSON and the claims CSV of the slider's date are under the map.")
    d1, d2, d3, d4 = st.columns(4)
    d1.download_button("Timeline GeoPackage (QGIS temporal)", _timeline_gpkg(timeline, key, v),
                       file_name="frontline-timeline.gpkg", mime="application/geopackage+sqlite3",
                       help="Layers timeline_places (points), timeline_areas (polygons), timeline_frontlines "
                            "(lines), each with valid_from and valid_to as dates, styled for QGIS.")
    d2.download_button("Timeline GeoJSON", json.dumps(to_geojson(timeline_layers(timeline, v)), ensure_ascii=False),
                       file_name="frontline-timeline.geojson", mime="application/geo+json")
    d3.download_button("HTML report", report_html, file_name="frontline-report.html", mime="text/html")
    buf = io.StringIO()
    events_table(timeline.claims + timeline.events).to_csv(buf, index=False)
    d4.download_button("Events CSV (ACLED columns)", buf.getvalue(), file_name="frontline-events.csv",
                       mime="text/csv")


articles = _article_texts(paths, manifest, digest)
map_html, report_html = _map_pages(tl, view, articles, f"mapdata:{tl_key}:{view}")
# Our own page: article text inside it is escaped JSON, written only with textContent.
st.iframe(map_html, height=940)

st.subheader("Downloads")
_downloads(tl, view, report_html, f"{tl_key}:{view}")
with st.expander("Events in ACLED's columns"):
    st.dataframe(events_table(claims), width="stretch", hide_index=True)
