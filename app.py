"""Frontline app: a map of control you can scrub through time, with the evidence behind every colour.

Run with ``bash run.sh app``. The map is drawn in the browser with every date's
state already in the page, so moving the date (or pressing play) restyles the
map in place instead of re-running this script. The slider under the map is the
one date of the page: the map, the claims table and the date's downloads all
follow it. Click a place for its story.

Review: each claim in a story can be confirmed, rejected, edited or annotated,
and claims added (:mod:`review`). The map page cannot call Python: its buttons
post a message to this window, where a small component (``_review_bridge``)
hands it to the script, which records the action in the review store and
redraws the map. Edits and additions are forms in the sidebar. The store is
``$FRONTLINE_REVIEW`` (``frontline app --review PATH``) or
``.frontline/review.sqlite``; several sessions can review at once.

Visitors are untrusted: server folders are readable only inside roots the
operator allowed (:mod:`guard.folders`), uploads are kept per session
(:mod:`guard.uploads`), and text from articles and manifests is shown as plain
text with its direction isolated (:mod:`guard.text`), never as Markdown.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import tempfile
from datetime import date
from pathlib import Path

import streamlit as st

from extract import Skip, Summary, extract_paths, read_articles, read_manifest
from extract.claim import ACTORS, CHANGES, CONTROL, EXTENTS, KINDS, MODALITIES, Claim
from extract.reader import MAX_YEAR, MIN_YEAR, SUFFIXES
from geo import Timeline, View, events_table, time_map, timeline_layers, to_geojson, write_layers
from geo.report import lock_down
from geo.timeline import source_of
from geo.timemap import map_data
from guard.errors import BadInput
from guard.folders import allowed_roots, list_files, resolve_inside
from guard.text import csv_safe, for_display, replace_surrogates, show_bidi
from guard.uploads import Quota, SessionStore, store_root
from review import ReviewStore, new_claim
from review.store import DEFAULT_PATH as REVIEW_DEFAULT

ROOT = Path(__file__).resolve().parent
SAMPLE = ROOT / "assets" / "sample"
SHARED = ROOT.parent / "shared"
UPLOADS = store_root()  # kept: nothing a user gave is lost (pruned only by the operator)

st.set_page_config(page_title="Frontline", page_icon="🗺️", layout="wide")


# ---------------------------------------------------------------- inputs
def _sources() -> dict[str, tuple[list[Path], Path | None]]:
    out = {"Bundled sample (our paraphrases of public reports)": ([SAMPLE / "articles"], SAMPLE / "manifest.csv")}
    if (SHARED / "corpus").is_dir():
        manifest = SHARED / "corpus-manifest.csv"
        out["Real sample articles (../shared/corpus)"] = ([SHARED / "corpus"], manifest if manifest.exists() else None)
    return out


def _allowed_roots() -> list[Path]:
    """Server folders visitors may read: none unless the operator named some (env var or secret)."""
    secret = st.secrets.get("allowed_folders", []) if st.secrets.load_if_toml_exists() else []
    return allowed_roots([secret] if isinstance(secret, str) else [str(s) for s in secret])


def _memo(slot: str, key, make):
    """One value per slot, remade when its key changes: session memory stays flat however long the visit."""
    held = st.session_state.get(slot)
    if held is None or held[0] != key:
        st.session_state[slot] = None  # let the old value go before the new one is built
        st.session_state[slot] = held = (key, make())
    return held[1]


def _digest(paths: list[Path], manifest: Path | None, year: int | None, period=None) -> str:
    h = hashlib.sha1(f"{year}{period}".encode())
    for p in sorted(paths):
        files = sorted(p.rglob("*")) if p.is_dir() else [p]
        for f in files:
            if f.is_file():
                st_ = f.stat()
                h.update(f"{f}:{st_.st_size}:{st_.st_mtime_ns}".encode())
    if manifest:  # its size and time, never its bytes: it may be anything (a pipe, /dev/zero)
        st_ = manifest.stat() if manifest.is_file() else None
        h.update(f"{manifest}:{st_ and st_.st_size}:{st_ and st_.st_mtime_ns}".encode())
    return h.hexdigest()


def _extract(paths: list[Path], manifest: Path | None, year: int | None, digest: str,
             left_out: list[Skip], period=None) -> tuple[list[Claim], Summary]:
    def run() -> tuple[list[Claim], Summary]:
        mf = read_manifest(manifest) if manifest else None
        summary = Summary(skipped=list(left_out))  # what never reached the reader is skipped too
        bar = st.progress(0.0, text="Reading articles…")
        total = sum(1 for p in paths for f in (p.rglob("*") if p.is_dir() else [p]) if f.is_file()) or 1

        def tick(_item) -> None:
            done = summary.read + len(summary.skipped) - len(left_out)
            bar.progress(min(1.0, done / total), text=f"Extracting claims: {done} of about {total} files")

        claims = list(extract_paths(paths, manifest=mf, year=year, period=period, summary=summary, progress=False,
                                    on_article=tick, on_skip=tick))
        bar.empty()
        return claims, summary

    return _memo("extract", digest, run)


def _save_uploads(files, manifest_file) -> tuple[list[Path], Path | None, list[Skip]]:
    """Store this session's uploads (once each, under its quota); the files to read and those left out."""
    store = st.session_state.get("upload_store")
    if store is None:
        store = st.session_state["upload_store"] = SessionStore(UPLOADS, quota=Quota.from_env())
    saved = store.save(files, manifest_file, suffixes=SUFFIXES)
    return saved.paths, saved.manifest, [Skip(name, reason) for name, reason in saved.left_out]


def _server_folder(folder: str) -> tuple[Path, list[Path], list[Skip]]:
    """A server folder inside an allowed root, its article files, and what was left out."""
    roots = _allowed_roots()
    where = resolve_inside(folder, roots, deny=[UPLOADS])
    files, left_out = list_files(where, roots, suffixes=SUFFIXES, deny=[UPLOADS])
    return where, files, [Skip(p, reason) for p, reason in left_out]


def _server_manifest(mpath: str, folder: Path) -> Path:
    """A manifest path inside an allowed root; a relative one is taken from the articles' folder."""
    base = folder if folder.is_dir() else folder.parent
    return resolve_inside(mpath if Path(mpath).is_absolute() else base / mpath, _allowed_roots(), deny=[UPLOADS])


def _refuse(title: str, exc: Exception) -> None:
    """Say why an input cannot be used (its message quotes the input: plain text) and stop this run."""
    st.error(title)
    st.text(_plain(exc))
    st.stop()


def _plain(text: str) -> str:
    """Text from files, ready for ``st.text``: controls shown, never interpreted."""
    return show_bidi(replace_surrogates(str(text))[0])


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


# ---------------------------------------------------------------- review
REVIEW_ENV = "FRONTLINE_REVIEW"  # set by frontline app --review PATH
_HEX32 = re.compile(r"^[0-9a-f]{32}$")
# Hands the map page's review messages to the script. The page is our own srcdoc frame: only messages from a
# frame of this document are taken, and Python checks every field again before anything is recorded.
_BRIDGE_JS = """
export default function (component) {
  const { setTriggerValue } = component;
  const fromOurFrame = (source) => Array.from(document.querySelectorAll("iframe")).some((f) => f.contentWindow === source);
  const onMessage = (e) => {
    const d = e.data;
    if (!d || d.type !== "frontline:review" || typeof d.act !== "string" || !fromOurFrame(e.source)) return;
    const text = (v) => (typeof v === "string" ? v.slice(0, 4000) : "");
    setTriggerValue("action", { act: text(d.act), claim: text(d.claim), text: text(d.text), target: text(d.target),
                                place: text(d.place), id: text(d.id) });
  };
  window.addEventListener("message", onMessage);
  return () => window.removeEventListener("message", onMessage);
}
"""
_review_bridge = st.components.v2.component("frontline_review_bridge", js=_BRIDGE_JS)


def _review_path() -> Path:
    """The review store: the operator's (``frontline app --review``), else ``.frontline/review.sqlite``."""
    return Path(os.environ.get(REVIEW_ENV) or REVIEW_DEFAULT).absolute()


def _chosen_review_path(text: str) -> Path:
    """A review store a visitor named: a ``.sqlite`` file in a folder inside the allowed roots (like articles)."""
    roots = _allowed_roots()
    p = Path(text.strip())
    if p.suffix.lower() not in (".sqlite", ".sqlite3", ".db"):
        raise BadInput(f"{p.name or text!r}: a review store is a .sqlite file")
    folder = resolve_inside(p.parent if str(p.parent) not in ("", ".") else roots[0] if roots else p.parent,
                            roots, deny=[UPLOADS])
    path = folder / p.name
    return resolve_inside(path, roots, deny=[UPLOADS]) if path.exists() else path


def _review_store(path: Path, *, create: bool = False) -> ReviewStore | None:
    """The store at ``path``; None until someone records an action there (reading never creates it)."""
    if not create and not path.is_file():
        return None
    return ReviewStore(path, create=create)


def _claim_index(timeline: Timeline) -> dict[str, Claim]:
    """Every claim a story can show, reviewed ones as reviewed, by key."""
    every = timeline.claims + timeline.events + timeline.undated + timeline.rejected
    return {c.key: c for c in every}


def _as_extracted(timeline: Timeline, claim: Claim) -> Claim:
    r = timeline.review.review_of(claim) if timeline.review is not None else None
    return r.original if r is not None and r.original is not None else claim


def _record(message: dict, timeline: Timeline, path: Path, who: str) -> bool:
    """Record one action the map page posted; True when the store changed."""
    act, key = message.get("act"), message.get("claim") or ""
    if act == "edit":  # the form is in the sidebar
        st.session_state["review_edit_key"] = key
        return False
    if act == "add":
        st.session_state["review_add_place"] = message.get("place") or ""
        return False
    if act not in ("confirm", "reject", "note", "undo"):
        return False
    claim = _claim_index(timeline).get(key)
    if claim is None:
        st.error("That claim is not on this map any more; nothing was recorded.")
        return False
    if not who:
        st.warning("Write your name under Review in the sidebar first: nothing was recorded.")
        return False
    aid = message.get("id") if _HEX32.match(message.get("id") or "") else None  # a repeated message adds nothing
    store = _review_store(path, create=True)
    try:
        if act == "confirm":
            store.confirm(_as_extracted(timeline, claim), who=who, id=aid)
        elif act == "reject":
            store.reject(_as_extracted(timeline, claim), message.get("text") or "", who=who, id=aid)
        elif act == "note":
            store.note(_as_extracted(timeline, claim), message.get("text") or "", who=who, id=aid)
        else:
            store.undo(message.get("target") or "", who=who, id=aid)
    except BadInput as exc:
        _refuse_action(exc)
        return False
    st.toast(f"Recorded: {act}. The map is redrawn with it.")  # no claim text: a toast is Markdown
    return True


def _refuse_action(exc: Exception) -> None:
    st.error("The review action was not recorded.")
    st.text(_plain(exc))


_ADD_FIELDS = ("review_add_place", "add_source", "add_outlet", "add_url", "add_quote", "add_date", "add_why")


def _edit_form(timeline: Timeline, path: Path, who: str) -> bool:
    """The sidebar form that edits a claim (its key comes from the story's "edit" button)."""
    if st.session_state.pop("_review_edited", False):  # cleared before its widget exists in this run
        st.session_state["review_edit_key"] = ""
    key = st.text_input("Claim key", key="review_edit_key", help="Press 'edit…' under a claim in a place's story")
    claim = _claim_index(timeline).get(key.strip()) if key.strip() else None
    if key.strip() and claim is None:
        st.warning("No claim with this key on the map.")
    if claim is None:
        return False
    st.text(_plain(claim.summary()))
    k = claim.key
    with st.form(f"edit-{k}"):
        place = st.text_input("Place (gazetteer id)", value=claim.place)
        actor = st.selectbox("Actor", ["none", *ACTORS], index=(["none", *ACTORS]).index(claim.actor or "none"))
        change = st.selectbox("Change", ["", *CHANGES], index=(["", *CHANGES]).index(claim.change or ""),
                              help="Control claims only")
        extent = st.selectbox("Extent", ["none", *EXTENTS], index=(["none", *EXTENTS]).index(claim.extent or "none"))
        modality = st.selectbox("Modality", MODALITIES, index=MODALITIES.index(claim.modality))
        source = st.text_input("Source (who said it; 'outlet' for its own voice)", value=claim.attributed_to)
        when = claim.date
        window = f"{when.earliest}..{when.latest}" if when.known else ""
        date_text = st.text_input("Date (YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD)", value=window)
        why = st.text_input("Why")
        if not st.form_submit_button("Save the edit"):
            return False
    new = {"place": place.strip(), "actor": actor, "change": change, "extent": extent, "modality": modality,
           "attributed_to": source.strip(), "date": date_text.strip()}
    old = {"place": claim.place, "actor": claim.actor or "none", "change": claim.change or "",
           "extent": claim.extent or "none", "modality": claim.modality, "attributed_to": claim.attributed_to,
           "date": window}
    changes = {f: v for f, v in new.items() if v != old[f] and v != ""}
    if not changes:
        st.info("Nothing changed.")
        return False
    if not who:
        st.warning("Write your name under Review first: nothing was recorded.")
        return False
    try:
        _review_store(path, create=True).edit(_as_extracted(timeline, claim), changes, who=who, why=why)
    except BadInput as exc:
        _refuse_action(exc)
        return False
    return True


def _add_form(timeline: Timeline, path: Path, who: str) -> bool:
    """The sidebar form that adds a claim by hand, with its evidence."""
    if st.session_state.pop("_review_added", False):  # a fresh form once the claim is in
        for k in _ADD_FIELDS:
            st.session_state[k] = ""
    with st.form("add-claim"):
        place = st.text_input("Place (gazetteer id or English name)", key="review_add_place")
        kind_ = st.selectbox("Kind", KINDS)
        actor = st.selectbox("Actor", ["none", *ACTORS])
        change = st.selectbox("Change (control claims)", ["", *CHANGES])
        extent = st.selectbox("Extent", ["none", *EXTENTS])
        modality = st.selectbox("Modality", MODALITIES)
        source = st.text_input("Source (who said it)", key="add_source")
        outlet = st.text_input("Outlet (who published it)", key="add_outlet")
        url = st.text_input("URL", key="add_url")
        quote = st.text_area("Quote (the words that say it)", key="add_quote")
        day = st.text_input("Date (YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD)", key="add_date")
        why = st.text_input("Why it was missing", key="add_why")
        if not st.form_submit_button("Add the claim"):
            return False
    if not who:
        st.warning("Write your name under Review first: nothing was recorded.")
        return False
    try:
        store = _review_store(path, create=True)
        claim = new_claim(place=place, quote=quote, date=day, source=source, kind=kind_, actor=actor,
                          change=change or None, extent=extent, modality=modality, outlet=outlet or None,
                          url=url or None, gazetteer=timeline.gazetteer)
        store.add(claim, who=who, why=why)
    except BadInput as exc:
        _refuse_action(exc)
        return False
    return True


def _review_sidebar(timeline: Timeline, path: Path, who: str) -> None:
    """Edit and add forms, and what the review store holds."""
    with st.sidebar:
        st.subheader("Edit a claim")
        if _edit_form(timeline, path, who):
            st.session_state["_review_edited"] = True
            st.rerun()
        # The label names the place the story asked for: a new expander, so it opens.
        place = timeline.gazetteer.get(st.session_state.get("review_add_place") or "")
        with st.expander(f"Add a claim about {place.name_en}" if place else "Add a claim", expanded=place is not None):
            if _add_form(timeline, path, who):
                st.session_state["_review_added"] = True
                st.rerun()
        r = timeline.review
        if r is not None:
            states = [x.state for x in r.reviews.values()]
            st.caption(f"{len(states) - states.count('unreviewed')} claims reviewed, "
                       f"{states.count('rejected')} rejected.")
            if r.orphans:
                with st.expander(f"{sum(map(len, r.orphans.values()))} review actions on claims not in these "
                                 "articles"):
                    st.caption("Their claims are not extracted from these articles (another corpus, or rules that "
                               "no longer read them). They are kept.")
                    for key, actions in r.orphans.items():
                        last = actions[-1]
                        st.text(_plain(f"{key}: {len(actions)} actions, last {last.action} by {last.who} "
                                       f"{last.when}"))


with st.sidebar:
    st.title("Frontline")
    st.caption("Who held what, when, according to whom.")
    choices = _sources()
    folders_on = bool(_allowed_roots())  # off unless the operator allowed some roots
    options = [*choices, *(["A folder on disk"] if folders_on else []), "Upload files"]
    preset = st.query_params.get("folder") if folders_on else None
    source = st.radio("Articles", options, index=options.index("A folder on disk") if preset else 0)
    year = None
    manifest: Path | None = None
    paths: list[Path] = []
    left_out: list[Skip] = []
    if source in choices:
        paths, manifest = choices[source]
    elif source == "A folder on disk":
        folder = st.text_input("Folder with .txt, .html, .jsonl or .csv articles", value=preset or "")
        mpath = st.text_input("Manifest CSV (optional: file,outlet,published,url)")
        if folder:
            try:
                where, paths, left_out = _server_folder(folder)
            except BadInput as exc:
                _refuse("This folder cannot be read.", exc)
            if mpath:
                try:
                    manifest = _server_manifest(mpath, where)
                except BadInput as exc:
                    _refuse("The manifest cannot be used.", exc)
    else:
        files = st.file_uploader("Articles", type=[s.lstrip(".") for s in SUFFIXES], accept_multiple_files=True)
        mfile = st.file_uploader("Manifest CSV (optional)", type=["csv"], key="manifest")
        if files:
            paths, manifest, left_out = _save_uploads(files, mfile)
    if source not in choices:
        preset_year = st.query_params.get("year", "0")
        y = st.number_input("Publication year, where the text leaves it open", min_value=0, max_value=MAX_YEAR,
                            value=min(int(preset_year), MAX_YEAR) if preset_year.isdigit() else 0,
                            help=f"Leave 0 when unknown; otherwise {MIN_YEAR}–{MAX_YEAR}")
        year = int(y) if MIN_YEAR <= y <= MAX_YEAR else None
        if y and year is None:
            st.warning(f"A publication year is {MIN_YEAR}–{MAX_YEAR}; this one is ignored.")
    period = _period_input()

if not paths and not left_out:
    st.info("Choose a folder or upload articles in the sidebar.")
    st.stop()

digest = _digest(paths, manifest, year, period) + str(len(left_out))  # one walk of the inputs per rerun
try:
    claims, summary = _extract(paths, manifest, year, digest, left_out, period)
except BadInput as exc:  # a bad manifest
    _refuse("The manifest cannot be used.", exc)

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
        name = st.selectbox("Outlet", outlets, format_func=for_display) if outlets else None
    elif kind == "By source":
        name = st.selectbox("Source", sources, format_func=for_display) if sources else None
    asserted_only = st.toggle("Asserted only (leave out what is only claimed)", value=False)
    reviewed_only = st.toggle("Reviewed only (what an analyst confirmed, edited or added)", value=False)
    fade_days = st.number_input("Fade after (days without new evidence)", min_value=1, max_value=365, value=30,
                                help="A place keeps its last known holder; older evidence is drawn faded.")

    st.divider()
    st.subheader("Review")
    reviewer = st.text_input("Your name (recorded with each review action)", key="reviewer",
                             value=st.query_params.get("reviewer", "")).strip()[:100]
    review_path = _review_path()
    if folders_on:
        chosen = st.text_input("Review store (a .sqlite file in an allowed folder)", placeholder=str(review_path))
        if chosen.strip():
            try:
                review_path = _chosen_review_path(chosen)
            except BadInput as exc:
                st.error("This review store cannot be used; the default one is.")
                st.text(_plain(exc))
    st.text("Review store: " + for_display(str(review_path)))  # a path is text, never Markdown

view = View(kinds[kind], name, asserted_only, reviewed_only)
if view.kind != "consensus" and not name:
    st.warning("No outlet or source to choose from yet.")
    st.stop()



def _timeline(path: Path) -> tuple[Timeline, str]:
    """The timeline of these claims under the review store as it is now (rebuilt when anyone records an action)."""
    store = _review_store(path)
    version = store.version() if store is not None else None
    key = f"tl:{digest}:{fade_days}:{path}:{version}"
    return _memo("timeline", key, lambda: Timeline(claims, fade_days=int(fade_days), review=store)), key


tl, tl_key = _timeline(review_path)
with st.sidebar:  # it draws nothing: out of the way of the page
    bridge = _review_bridge(key="review_bridge", on_action_change=lambda: None, height=0)
    message = getattr(bridge, "action", None)  # only in the run a message triggered
if message and _record(message, tl, review_path, reviewer):
    tl, tl_key = _timeline(review_path)

# ------------------------------------------------------------------- map
st.markdown(f"**{summary.read} articles** read, {len(summary.skipped)} skipped · "
            f"{sum(c.kind == CONTROL for c in claims)} control claims, "
            f"{sum(c.kind != CONTROL for c in claims)} strikes and clashes")
st.text(f"view: {for_display(str(view))}")  # an outlet's name is the article's text: never Markdown
if summary.skipped:
    with st.expander(f"{len(summary.skipped)} files were skipped"):
        for s in summary.skipped:
            st.text(_plain(s))
if summary.warnings:
    with st.expander(f"{len(summary.warnings)} warnings (read, but something was repaired or ignored)"):
        for w in summary.warnings:
            st.text(_plain(w))

_undated_notice(tl, claims)
if tl.dates is None:
    st.warning("No dated claims yet: give a manifest, a publication year or a default window (sidebar) so claims "
               "can be placed in time.")
    st.stop()


def _article_texts(paths: list[Path], manifest: Path | None, digest: str) -> dict[str, str]:
    """Article texts by id, for "open the article" in the story (read once per input)."""
    def read() -> dict[str, str]:
        mf = read_manifest(manifest) if manifest else None
        return {a.id: a.text for a in read_articles(paths, manifest=mf) if hasattr(a, "text")}

    return _memo("articles", digest, read)


def _map_pages(timeline: Timeline, v: View, articles: dict[str, str], key: str) -> tuple[str, str]:
    """The map page shown here and the report download: one computation each per view.

    Only the pages on show are kept: a page per view visited would grow the session without end.
    """
    def draw() -> tuple[str, str]:
        with st.spinner("Drawing the map…"):
            data = map_data(timeline, view=v, articles=articles)  # once for the page and the report
            page = lock_down(time_map(timeline, data=data, header=False, reviewing=True)).get_root().render()
            report = lock_down(time_map(timeline, data=data, title="Frontline report")).get_root().render()
            return page, report

    return _memo("mapdata", key, draw)


# Downloads of every date: computed once per corpus and view, a few views kept (not one per rerun).
@st.cache_data(show_spinner=False, max_entries=4)
def _timeline_gpkg(_tl: Timeline, key: str, _view: View) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        return write_layers(timeline_layers(_tl, _view), Path(tmp) / "timeline.gpkg").read_bytes()


@st.cache_data(show_spinner=False, max_entries=4)
def _timeline_geojson(_tl: Timeline, key: str, _view: View) -> str:
    return json.dumps(to_geojson(timeline_layers(_tl, _view)), ensure_ascii=False)


@st.cache_data(show_spinner=False, max_entries=4)
def _events_csv(_tl: Timeline, key: str) -> str:
    buf = io.StringIO()
    csv_safe(events_table(_tl.claims + _tl.events)).to_csv(buf, index=False)  # no cell starts a formula
    return buf.getvalue()


def _downloads(timeline: Timeline, v: View, report_html: str, tl_key: str) -> None:
    """Downloads that cover every date (those of one date are under the map, and follow its slider)."""
    st.caption("The snapshot GeoJSON and the claims CSV of the slider's date are under the map.")
    d1, d2, d3, d4 = st.columns(4)
    d1.download_button("Timeline GeoPackage (QGIS temporal)", _timeline_gpkg(timeline, f"{tl_key}:{v}", v),
                       file_name="frontline-timeline.gpkg", mime="application/geopackage+sqlite3",
                       help="Layers timeline_places (points), timeline_areas (polygons), timeline_frontlines "
                            "(lines), each with valid_from and valid_to as dates, styled for QGIS.")
    d2.download_button("Timeline GeoJSON", _timeline_geojson(timeline, f"{tl_key}:{v}", v),
                       file_name="frontline-timeline.geojson", mime="application/geo+json")
    d3.download_button("HTML report", report_html, file_name="frontline-report.html", mime="text/html")
    d4.download_button("Events CSV (ACLED columns)", _events_csv(timeline, tl_key),
                       file_name="frontline-events.csv", mime="text/csv")


articles = _article_texts(paths, manifest, digest)
map_html, report_html = _map_pages(tl, view, articles, f"mapdata:{tl_key}:{view}")
# Our own page: article text inside it is escaped JSON, written only with textContent.
st.iframe(map_html, height=940)

st.subheader("Downloads")
_downloads(tl, view, report_html, tl_key)
with st.expander("Events in ACLED's columns"):
    st.dataframe(events_table(tl.claims + tl.events).map(for_display), width="stretch", hide_index=True)
_review_sidebar(tl, review_path, reviewer)
