"""Recall and attribution per construction group on the development set (stdlib only).

``dev_groups.json`` labels every required gold claim of ``../shared/dev/gold.json`` (key
``<file stem>#<index in that article's claims>``) with the construction groups a rule-based
extractor must handle to get it right. :func:`group_figures` scores extracted claims per group
with the matching rule of ``extract/evaluate.py``: a gold claim is found when a control record of
the same article has the same ``actor`` and ``change`` and a place equal to the gold place or its
parent/child (``baghuz`` ~ ``baghuz_fawqani``); gold places the gazetteer lacks (``NEW:...``) are
always missed. Attribution is right when a matching record's ``attributed_to`` equals gold's, case
and spacing aside.

Run as a script to score a claims JSONL (default: the first-contact output) and store the figures
under ``"first_contact"`` in ``dev_groups.json``::

    python3 tests/extract/_dev_groups.py [claims.jsonl] [--no-write]
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LABELS = HERE / "dev_groups.json"
GOLD = ROOT.parent / "shared" / "dev" / "gold.json"
PLACES = ROOT / "gazetteer" / "data" / "places.csv"
FIRST_CONTACT = ROOT.parent / "dev_first_contact_claims.jsonl"

GROUPS = ("G2_doer", "G3_alias", "G4_cue", "G5_list", "G6_qualifier", "G7_state", "G8_source",
          "GNEW_place", "G_plain")
CONTROL = "control"


def load_parents(path: str | Path = PLACES) -> dict[str, str]:
    """Gazetteer ids to their parent id ('' for none), read from ``places.csv``."""
    with open(path, encoding="utf-8", newline="") as f:
        return {row["id"]: row.get("parent") or "" for row in csv.DictReader(f)}


def _ancestors(place: str, parents: dict[str, str]) -> list[str]:
    out: list[str] = []
    p = parents.get(place, "")
    while p and p not in out:
        out.append(p)
        p = parents.get(p, "")
    return out


def _related(a: str, b: str, parents: dict[str, str]) -> bool:
    return a == b or a in _ancestors(b, parents) or b in _ancestors(a, parents)


def _norm_source(s: str | None) -> str:
    return " ".join((s or "").lower().replace("-", " ").split())


def _articles(gold: dict) -> dict[str, dict]:
    """Accept the gold file's JSON (``{"articles": [...]}``) or articles keyed by file stem."""
    if isinstance(gold.get("articles"), list):
        return {Path(a["file"]).stem if "file" in a else str(a["id"]): a for a in gold["articles"]}
    return gold


def group_figures(claims: list[dict], gold: dict, groups: dict, *,
                  parents: dict[str, str] | None = None) -> dict[str, dict]:
    """Per group: ``{"required", "found", "recall", "attribution_ok"}`` over the labelled claims.

    Parameters
    ----------
    claims : list of dict
        Extracted records as in the JSONL output (``article``, ``kind``, ``place``, ``actor``,
        ``change``, ``attributed_to``); records that are not ``kind == "control"`` are ignored.
    gold : dict
        The JSON of ``gold.json``, or its articles keyed by file stem.
    groups : dict
        ``{"<stem>#<index>": [group, ...]}`` (or the whole ``dev_groups.json`` with a ``"groups"`` key).
    parents : dict, optional
        Gazetteer id to parent id; read from ``gazetteer/data/places.csv`` when omitted.
    """
    if isinstance(groups.get("groups"), dict):
        groups = groups["groups"]
    if parents is None:
        parents = load_parents()
    articles = _articles(gold)
    by_article: dict[str, list[dict]] = {}
    for c in claims:
        if c.get("kind", CONTROL) == CONTROL:
            by_article.setdefault(str(c.get("article")), []).append(c)

    names = list(GROUPS) + sorted({g for gs in groups.values() for g in gs} - set(GROUPS))
    tally = {g: [0, 0, 0] for g in names}
    for key, labels in groups.items():
        stem, _, idx = key.rpartition("#")
        g = articles[stem]["claims"][int(idx)]
        place = g["place"]
        hits = [] if place.startswith("NEW:") or place not in parents else [
            c for c in by_article.get(stem, [])
            if c.get("actor") == g["actor"] and c.get("change") == g["change"]
            and _related(str(c.get("place")), place, parents)]
        att = any(_norm_source(c.get("attributed_to")) == _norm_source(g.get("attributed_to")) for c in hits)
        for label in labels:
            t = tally[label]
            t[0] += 1
            t[1] += bool(hits)
            t[2] += att
    return {g: {"required": n, "found": k, "recall": round(k / n, 3) if n else None, "attribution_ok": m}
            for g, (n, k, m) in tally.items() if n}


def _dump(doc: dict) -> str:
    """The labels file with one claim or group per line."""
    parts = []
    for key, value in doc.items():
        if isinstance(value, dict):
            rows = ",\n".join(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in value.items())
            parts.append(f" {json.dumps(key)}: {{\n{rows}\n }}")
        else:
            parts.append(f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def _read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    claims_path = Path(args[0]) if args else FIRST_CONTACT
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    figures = group_figures(_read_jsonl(claims_path), gold, labels["groups"])
    print(f"{'group':<14}{'required':>9}{'found':>7}{'recall':>8}{'attr ok':>9}")
    for g, f in figures.items():
        print(f"{g:<14}{f['required']:>9}{f['found']:>7}{f['recall']:>8.3f}{f['attribution_ok']:>9}")
    if "--no-write" not in argv:
        labels["first_contact"] = figures
        LABELS.write_text(_dump(labels), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
