"""Frontline app: a map of control you can scrub through time, with the evidence behind every colour.

Run with ``bash run.sh app``. The map is drawn in the browser with every date's
state already in the page, so moving the date (or pressing play) restyles the
map in place instead of re-running this script. Click a place for its story.
"""

from __future__ import annotations

import hashlib
import io
import json
import tempfile
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

from extract import Summary, extract_paths, read_manifest
from extract.claim import CONTROL, Claim
from geo import Timeline, View, events_table, snapshot_layers, timeline_layer, to_geojson, write_layers
from geo.report import map_data, render_html
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


def _digest(paths: list[Path], manifest: Path | None, year: int | None, period=None) -> str:
    h = hashlib.sha1(f"{year}{period}".encode())
    for p in sorted(paths):
        files = sorted(p.rglob("*")) if p.is_dir() else [p]
        for f in files:
            if f.is_file():
                st_ = f.stat()
                h.update(f"{f}:{st_.st_size}:{st_.st_mtime_ns}".encode())
    if manifest and manifest.exists():
        h.update(manifest.read_bytes())
    return h.hexdigest()


def _extract(paths: list[Path], manifest: Path | None, year: int | None, digest: str,
             period=None) -> tuple[list[Claim], Summary]:
    key = "extract:" + digest
    if key not in st.session_state:
        mf = read_manifest(manifest) if manifest else None
        summary = Summary()
        bar = st.progress(0.0, text="Reading articles…")
        total = sum(1 for p in paths for f in (p.rglob("*") if p.is_dir() else [p]) if f.is_file()) or 1

        def tick(_item) -> None:
            done = summary.read + len(summary.skipped)
            bar.progress(min(1.0, done / total), text=f"Extracting claims: {done} of about {total} files")

        claims = list(extract_paths(paths, manifest=mf, year=year, period=period, summary=summary, progress=False,
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


def _period_input() -> tuple[date, date] | None:
    """A default publication window for articles whose date nothing shows (``--period`` on the command line)."""
    text = st.text_input("Default publication window, where nothing dates an article",
                         value=st.query_params.get("period", ""), placeholder="2018-09-01..2019-03-31",
                         help="Articles with no date in the manifest, the address or the text are placed in this "
                              "window; their claims then show a coarse precision (month or year).")
    if not text.strip():
        return None
    try:
        a, b = (date.fromisoformat(x.strip()) for x in text.split(".."))
    except ValueError:
        st.error("Write the window as YYYY-MM-DD..YYYY-MM-DD.")
        return None
    return (a, b) if a <= b else (b, a)


def _undated_notice(timeline: Timeline, everything: list[Claim]) -> None:
    """Say how many claims could not be placed in time and why; suggest a default window when most are undated."""
    reasons = timeline.undated_reasons()
    n = sum(reasons.values())
    if not n:
        return
    why = "; ".join(f"{r} ({k})" for r, k in reasons.most_common())
    st.markdown(f"**{n} of {len(everything)} claims could not be placed in time**: {why}. "
                "They are listed under *Undated* in each place's story.")
    if n * 2 > len(everything):
        dated = timeline.date_range()
        hint = f" (the dated claims run from {dated.start} to {dated.end})" if dated else ""
        st.warning(f"Most claims are undated. Give a default publication window in the sidebar{hint}, "
                   "or a manifest with publication dates.")


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
    period = _period_input()

if not paths:
    st.info("Choose a folder or upload articles in the sidebar.")
    st.stop()
if manifest is not None and not manifest.exists():
    st.error(f"Manifest {manifest} does not exist; give the path of a CSV with file,outlet,published,url.")
    st.stop()

digest = _digest(paths, manifest, year, period)  # one walk of the inputs per rerun
try:
    claims, summary = _extract(paths, manifest, year, digest, period)
except ValueError as exc:  # a bad manifest
    st.error(str(exc))
    st.stop()

with st.sidebar:
    st.divider()
    st.subheader("View")
    control = [c for c in claims if c.kind == CONTROL and c.date.latest is not None]
    outlets = sorted({c.outlet for c in control if c.outlet})
    sources = sorted({source_of(c) for c in control})
    kind = st.radio("Whose account", ["Consensus (every source)", "By outlet", "By source"])
    name = None
    if kind == "By outlet":
        name = st.selectbox("Outlet", outlets) if outlets else None
    elif kind == "By source":
        name = st.selectbox("Source", sources) if sources else None
    asserted_only = st.toggle("Asserted only (leave out what is only claimed)", value=False)
    stale_days = st.number_input("Evidence goes stale after (days)", min_value=1, max_value=365, value=30)

view = View("consensus" if kind.startswith("Consensus") else "outlet" if kind == "By outlet" else "source",
            name, asserted_only)
if view.kind != "consensus" and not name:
    st.warning("No outlet or source to choose from yet.")
    st.stop()

tl_key = f"tl:{digest}:{stale_days}"
if tl_key not in st.session_state:
    st.session_state[tl_key] = Timeline(claims, stale_days=int(stale_days))
tl: Timeline = st.session_state[tl_key]

# ------------------------------------------------------------------- map
st.markdown(f"**{summary.read} articles** read, {len(summary.skipped)} skipped · "
            f"{sum(c.kind == CONTROL for c in claims)} control claims, "
            f"{sum(c.kind != CONTROL for c in claims)} strikes and clashes · view: **{view}**")
if summary.skipped:
    with st.expander(f"{len(summary.skipped)} files were skipped"):
        for s in summary.skipped:
            st.text(str(s))
_undated_notice(tl, claims)

rng = tl.date_range()
if rng is None:
    st.warning("No dated claims yet: give a manifest, a publication year or a default window (sidebar) so claims "
               "can be placed in time.")
    st.stop()
span = (rng.start, rng.end)
if rng.outliers:
    with st.sidebar:
        st.caption(f"The date range leaves out {rng.outliers} isolated dates ({rng.whole[0]} to {rng.whole[1]} "
                   "in all).")
        if st.toggle("Whole range", value=False, help="Stretch the slider over every dated claim, outliers too"):
            span = rng.whole


def _busiest(timeline: Timeline, v: View) -> date:
    """The date on which the most places have known control: where the map opens."""
    starts = sorted({iv.valid_from for ivs in timeline.intervals(v).values() for iv in ivs})
    if not starts:
        return timeline.dates[1]
    return max(starts, key=lambda d: (len(timeline.snapshot(d, v)), d))


with st.sidebar:
    st.divider()
    if span[0] < span[1]:
        day = st.slider("Date", min_value=span[0], max_value=span[1], value=_busiest(tl, view), format="YYYY-MM-DD",
                        help="Opens the map on this date and sets the claims table and the downloads. To scrub "
                             "quickly or play through time, use the slider and ▶ under the map: it redraws in place.")
    else:  # all evidence on one day: nothing to slide over
        day = span[0]
        st.caption(f"All dated evidence is from {day}.")

data_key = f"mapdata:{tl_key}:{view}:{day}:{span}"
if data_key not in st.session_state:
    with st.spinner("Drawing the map…"):
        data = map_data(tl, view=view, initial=day, title="Frontline", date_from=span[0], date_to=span[1])
        # One computation serves the map here and the report download below.
        st.session_state[data_key] = (render_html(data, height="700px"),
                                      render_html({**data, "title": "Frontline report"}))
map_html, report_html = st.session_state[data_key]
# Our own page: article text inside it is escaped JSON, written only with textContent.
st.iframe(map_html, height=760)

# ---------------------------------------------------------------- claims
st.subheader("Claims")
rows = [{
    "date": c.date.latest, "place": c.place_name, "kind": c.kind, "actor": c.actor, "change": c.change,
    "extent": c.extent, "modality": c.modality, "source": source_of(c), "outlet": c.outlet, "summary": c.summary(),
    "quote": c.quote, "article": c.article, "url": c.url, "confidence": c.confidence, "id": c.id,
} for c in claims]
table = pd.DataFrame(rows)
c1, c2, c3, c4 = st.columns(4)
f_place = c1.multiselect("Place", sorted(table["place"].dropna().unique()))
f_actor = c2.multiselect("Actor", sorted(table["actor"].dropna().unique()))
f_source = c3.multiselect("Source", sorted(table["source"].dropna().unique()))
upto = c4.toggle("Only up to the chosen date", value=False)
shown = table
if f_place:
    shown = shown[shown["place"].isin(f_place)]
if f_actor:
    shown = shown[shown["actor"].isin(f_actor)]
if f_source:
    shown = shown[shown["source"].isin(f_source)]
if upto:
    shown = shown[shown["date"].map(lambda d: d is not None and d <= day)]
st.dataframe(shown, width="stretch", hide_index=True,
             column_config={"url": st.column_config.LinkColumn("url"), "quote": st.column_config.TextColumn(width="large")})

# ------------------------------------------------------------- downloads
st.subheader("Downloads")


@st.cache_data(show_spinner=False)
def _gpkg(_tl: Timeline, key: str, when: date, _view: View) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        path = write_layers(snapshot_layers(_tl, when, _view), Path(tmp) / "snapshot.gpkg")
        return path.read_bytes()


layers = snapshot_layers(tl, day, view)
d1, d2, d3, d4, d5 = st.columns(5)
d1.download_button("Snapshot GeoJSON", json.dumps(to_geojson(layers), ensure_ascii=False),
                   file_name=f"frontline-{day}.geojson", mime="application/geo+json")
d2.download_button("Snapshot GeoPackage", _gpkg(tl, f"{tl_key}:{view}", day, view),
                   file_name=f"frontline-{day}.gpkg", mime="application/geopackage+sqlite3")
d3.download_button("Timeline GeoJSON (QGIS temporal)", json.dumps(to_geojson({"timeline": timeline_layer(tl, view)}),
                                                                  ensure_ascii=False),
                   file_name="frontline-timeline.geojson", mime="application/geo+json")
buf = io.StringIO()
table.to_csv(buf, index=False)
d4.download_button("Claims CSV", buf.getvalue(), file_name="frontline-claims.csv", mime="text/csv")
d5.download_button("HTML report", report_html, file_name=f"frontline-report-{day}.html", mime="text/html")
with st.expander("Events in ACLED's columns"):
    st.dataframe(events_table(claims), width="stretch", hide_index=True)
