"""Score extracted claims against hand annotations.

The scoring of ``shared/gold/README.md``:

- a gold control claim is *found* when the extractor emits a control record for
  the same article with the same ``actor`` and ``change`` and the same place,
  where a place matches its parent or child (``baghuz`` matches
  ``baghuz_fawqani``);
- recall is over non-optional gold claims; precision counts every extracted
  control record that matches no gold claim (optional ones included) as false.

On the matched pairs it also reports how often ``attributed_to``, ``modality``
and the event date agree. Attribution is counted strictly (same name, case and
spacing aside) and by family, where a named person counts for their kind
("activist Ahd al-Sulaibi" ~ "activists") and names of one source in the source registry
are one family ("Hawar news agency" ~ "Hawar"). A date agrees when the two windows
overlap; an exact match of both bounds is reported too.

Where several extracted claims match one gold claim (an article repeats its news in
the lead and the body), the one scored is the one with the same source, then the same
source family; among those, the one whose date window contains the gold window.

The gold file is the JSON of ``shared/gold/seeds.json``: ``{"articles": [{"file",
"claims": [...], "events": [...]}]}``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from extract.claim import CONTROL, Claim
from extract.sources import lookup
from gazetteer import Gazetteer, fold, load
from guard.errors import BadInput

__all__ = ["Score", "evaluate", "load_gold", "resolve_new_places"]


@dataclass
class Score:
    """Precision, recall and F1 of control claims, and field accuracy on matches."""

    true_positives: int = 0
    false_positives: int = 0
    gold_total: int = 0
    gold_found: int = 0
    attribution_strict: list[bool] = field(default_factory=list)
    attribution_family: list[bool] = field(default_factory=list)
    modality: list[bool] = field(default_factory=list)
    date_overlap: list[bool] = field(default_factory=list)
    date_exact: list[bool] = field(default_factory=list)
    # Over every found required claim (an undated claim counts as a failure):
    date_contains: list[bool] = field(default_factory=list)  # the window contains the gold window
    date_week: list[bool] = field(default_factory=list)  # ... and is at most 7 days wide
    missed: list[dict] = field(default_factory=list)
    spurious: list[Claim] = field(default_factory=list)
    matched: list[tuple[dict, Claim]] = field(default_factory=list)  # each found gold claim and the claim scored

    @property
    def precision(self) -> float:
        n = self.true_positives + self.false_positives
        return self.true_positives / n if n else 0.0

    @property
    def recall(self) -> float:
        return self.gold_found / self.gold_total if self.gold_total else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @staticmethod
    def _rate(xs: list[bool]) -> float | None:
        return sum(xs) / len(xs) if xs else None

    def to_dict(self) -> dict:
        """Figures as a JSON-ready dict."""
        return {
            "precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3),
            "extracted_control": self.true_positives + self.false_positives,
            "true_positives": self.true_positives, "false_positives": self.false_positives,
            "gold_required": self.gold_total, "gold_found": self.gold_found,
            "attribution_accuracy": _round(self._rate(self.attribution_strict)),
            "attribution_family_accuracy": _round(self._rate(self.attribution_family)),
            "modality_accuracy": _round(self._rate(self.modality)),
            "date_overlap_accuracy": _round(self._rate(self.date_overlap)),
            "date_exact_accuracy": _round(self._rate(self.date_exact)),
            "date_contains_rate": _round(self._rate(self.date_contains)),
            "date_week_rate": _round(self._rate(self.date_week)),
        }

    def report(self) -> str:
        """A short human-readable report, then what was missed and what was spurious."""
        d = self.to_dict()
        lines = [
            f"control claims: precision {d['precision']:.3f}  recall {d['recall']:.3f}  F1 {d['f1']:.3f}",
            f"  extracted {d['extracted_control']} ({d['true_positives']} match gold, {d['false_positives']} do not);"
            f" gold found {d['gold_found']} of {d['gold_required']}",
            f"on matched claims: attribution {_pct(d['attribution_accuracy'])} strict, "
            f"{_pct(d['attribution_family_accuracy'])} by family; modality {_pct(d['modality_accuracy'])}; "
            f"date window overlaps {_pct(d['date_overlap_accuracy'])}, exact {_pct(d['date_exact_accuracy'])}",
            f"dates of found claims: window contains gold {_pct(d['date_contains_rate'])}, "
            f"contains it within 7 days {_pct(d['date_week_rate'])}",
        ]
        for g in self.missed:
            lines.append(f"  missed: {g['_article']} {g['place']} {g['actor']} {g['change']} | {g.get('quote', '')[:70]}")
        for c in self.spurious:
            lines.append(f"  spurious: {c.article} {c.place} {c.actor} {c.change} | {c.quote[:70]}")
        return "\n".join(lines)


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 3)


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.0f}%"


def load_gold(path: str | Path) -> dict[str, dict]:
    """Gold annotations keyed by article id (file name without extension)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise BadInput(f"{path}: cannot read gold annotations ({exc})") from None
    articles = data.get("articles") if isinstance(data, dict) else None
    if not isinstance(articles, list):
        raise BadInput(f"{path}: expected {{\"articles\": [...]}} as in shared/gold/seeds.json")
    try:
        return {Path(a["file"]).stem if "file" in a else str(a["id"]): a for a in articles}
    except (KeyError, TypeError):
        raise BadInput(f"{path}: every article needs a 'file' or an 'id', as in shared/gold/seeds.json") from None


def resolve_new_places(gold: dict[str, dict], *, gazetteer: Gazetteer | None = None) -> dict[str, str]:
    """Gold places written before the gazetteer had them (``NEW:slug`` with ``place_ar``), mapped to the one
    gazetteer place whose Arabic name is that name. A name two places share stays unmapped (a miss).

    Examples
    --------
    >>> resolve_new_places({"a": {"claims": [{"place": "NEW:x", "place_ar": "هجين"}]}})
    {'NEW:x': 'hajin'}
    """
    gz = gazetteer or load()
    by_name: dict[str, set[str]] = {}
    for p in gz:
        for name in (p.name_ar, *p.names_ar):
            if name:
                by_name.setdefault(_bare(name), set()).add(p.id)
    out: dict[str, str] = {}
    for art in gold.values():
        for g in art.get("claims", []) + art.get("events", []):
            place, name = g.get("place", ""), g.get("place_ar") or ""
            ids = by_name.get(_bare(name), set())
            if place.startswith("NEW:") and len(ids) == 1:
                out[place] = next(iter(ids))
    return out


def _bare(name: str) -> str:
    """A name folded, its article dropped: الصعوة and صعوة are one name."""
    name = " ".join(fold(name).split())
    return name[2:] if name.startswith("ال") else name


def _norm_source(s: str | None) -> str:
    return " ".join((s or "").lower().replace("-", " ").split())


def _family(s: str | None) -> str:
    """A source's family: its canonical name in the source registry ("Hawar news agency" and
    "Hawar" are one; "SAA" and "Syrian army" are one), else the head word of its name."""
    known = lookup(s.split("(")[0].strip() if s else s)
    if known is not None:
        return known.name.lower().rstrip("s")
    words = _norm_source(s).split()
    if not words:
        return ""
    head = words[0].rstrip("s")
    return "opposition" if head == "opposition" else head


def _contains(c: Claim, g: dict) -> bool:
    """The claim's date window contains the gold claim's."""
    gd = g.get("date") or {}
    ge, gl = gd.get("earliest"), gd.get("latest")
    return bool(ge and gl and c.date.known and c.date.earliest.isoformat() <= ge and gl <= c.date.latest.isoformat())


def _preference(c: Claim, g: dict) -> tuple:
    """Which of several claims matching one gold claim is scored: the same source first (by name, then by
    family); among those, the one whose date window contains the gold window, then the narrower; then
    the more confident. An article often repeats a claim (lead and body): the better-dated copy counts."""
    width = (c.date.latest - c.date.earliest).days if c.date.known else 10**6
    return (_norm_source(c.attributed_to) == _norm_source(g.get("attributed_to")),
            _family(c.attributed_to) == _family(g.get("attributed_to")),
            _contains(c, g), -width, c.confidence)


def evaluate(claims: Iterable[Claim], gold: dict[str, dict], *, gazetteer: Gazetteer | None = None,
             place_map: dict[str, str] | None = None) -> Score:
    """Score ``claims`` against ``gold`` (from :func:`load_gold`).

    Only articles present in the gold are scored, so a batch with extra
    articles can be scored on its annotated part.

    Parameters
    ----------
    place_map : dict, optional
        Gold place ids to gazetteer ids, for gold written before the gazetteer
        had a place (``{"NEW:tabqa_airbase": "tabqa_airbase"}``). A gold place
        the gazetteer does not know can only be missed.
    """
    gz = gazetteer or load()
    score = Score()
    by_article: dict[str, list[Claim]] = {}
    for c in claims:
        if c.kind == CONTROL and c.article in gold:
            by_article.setdefault(c.article, []).append(c)
    for art_id, art in gold.items():
        golds = art.get("claims", [])
        extracted = by_article.get(art_id, [])

        if place_map:
            golds = [{**g, "place": place_map.get(g["place"], g["place"])} for g in golds]

        def same(c: Claim, g: dict) -> bool:
            return c.actor == g["actor"] and c.change == g["change"] and g["place"] in gz and \
                gz.related(c.place, g["place"])

        for g in golds:
            if g.get("optional"):
                continue
            score.gold_total += 1
            hits = [c for c in extracted if same(c, g)]
            if not hits:
                score.missed.append({**g, "_article": art_id})
                continue
            score.gold_found += 1
            best = max(hits, key=lambda c: _preference(c, g))
            score.matched.append(({**g, "_article": art_id}, best))
            score.attribution_strict.append(_norm_source(best.attributed_to) == _norm_source(g.get("attributed_to")))
            score.attribution_family.append(_family(best.attributed_to) == _family(g.get("attributed_to")))
            score.modality.append(best.modality == g.get("modality", "asserted"))
            gd = g.get("date") or {}
            ge, gl = gd.get("earliest"), gd.get("latest")
            if ge and gl and best.date.known:
                e, la = best.date.earliest.isoformat(), best.date.latest.isoformat()
                score.date_overlap.append(e <= gl and ge <= la)
                score.date_exact.append(e == ge and la == gl)
            if ge and gl:
                inside = _contains(best, g)
                score.date_contains.append(inside)
                score.date_week.append(inside and (best.date.latest - best.date.earliest).days < 7)
        for c in extracted:
            if any(same(c, g) for g in golds):
                score.true_positives += 1
            else:
                score.false_positives += 1
                score.spurious.append(c)
    return score
