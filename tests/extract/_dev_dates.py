"""Dates of the development set, claim by claim: ``python -m tests.extract._dev_dates [--blank] [ARTICLE...]``.

For each found required gold claim: the gold window, ours, whether ours contains the gold
(``ok``) and within a week (``wk``), and the rule that dated it; per article, the gold
publication window against ours and its basis. Not a test: a tool to work through failures.
"""

from __future__ import annotations

import csv
import sys
import tempfile
from pathlib import Path

from extract import evaluate, extract_paths, load_gold, read_manifest
from tests.extract.test_dev import DEV, PLACE_MAP


def main(argv: list[str]) -> None:
    blank = "--blank" in argv
    only = {a for a in argv if not a.startswith("--")}
    manifest = DEV / "manifest.csv"
    if blank:
        with open(manifest, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        manifest = Path(tempfile.mkdtemp()) / "manifest.csv"
        with open(manifest, "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows({**r, "published": ""} for r in rows)
    claims = list(extract_paths([DEV / "articles"], manifest=read_manifest(manifest), progress=False))
    gold = load_gold(DEV / "gold.json")
    score = evaluate(claims, gold, place_map=PLACE_MAP)
    shown = set()
    for g, c in score.matched:
        art = g["_article"]
        if only and art not in only:
            continue
        if art not in shown:
            shown.add(art)
            gp = gold[art].get("published") or {}
            p = c.published
            print(f"\n== {art} published gold {gp.get('earliest')}..{gp.get('latest')}  "
                  f"ours {p.earliest}..{p.latest}  [{p.basis[:150]}]")
        gd = g.get("date") or {}
        d = c.date
        ok = bool(d.known and str(d.earliest) <= gd["earliest"] and gd["latest"] <= str(d.latest))
        wk = ok and (d.latest - d.earliest).days < 7
        print(f"  {'ok' if ok else '--'} {'wk' if wk else '  '} {g['place'][:18]:18} {g['actor']:5} {g['change']:9}"
              f" gold {gd['earliest']}..{gd['latest']}  ours {d.earliest}..{d.latest}  [{d.basis[:90]}]")
        print(f"        {c.quote[:110]}")
    d = score.to_dict()
    print(f"\ncontains {d['date_contains_rate']}  within 7 days {d['date_week_rate']}  F1 {d['f1']}")


if __name__ == "__main__":
    main(sys.argv[1:])
