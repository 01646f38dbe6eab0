"""Fill in what an article's source left out: its outlet and publication window.

Each inferred value says how it was found (``Article.outlet_basis``,
``Article.published.basis``), so a reader can judge it. Nothing is guessed:
without evidence the value stays None.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from extract.anchors import claim_evidence, term_evidence
from extract.claim import Claim
from extract.lexicon import OUTLETS
from extract.published import infer_published
from extract.reader import Article
from gazetteer import fold

__all__ = ["complete", "infer_outlet", "needs_refining", "refine"]

_FOLDED_OUTLETS = sorted(((fold(k), v) for k, v in OUTLETS.items()), key=lambda kv: len(kv[0]), reverse=True)
# Bylines and footers are short lines at the top or bottom of an article.
_BYLINE_MAX = 60
_EDGE_LINES = 6


def infer_outlet(text: str) -> tuple[str | None, str]:
    """The outlet named in a byline or footer, and the line that named it.

    Looks only at short lines near the top and bottom («| الوطن – وكالات»,
    «صحيفة الوطن», «الأيام السورية؛ سمير الخالدي», «تلفزيون الخبر»), never
    inside sentences, where outlets are quoted as sources.
    """
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    edge = lines[:_EDGE_LINES] + lines[-_EDGE_LINES:]
    for line in edge:
        if len(line) > _BYLINE_MAX:
            continue
        folded = " " + re.sub(r"[|«»\"“”،؛;:\-–—_]", " ", fold(line)) + " "
        for name, canonical in _FOLDED_OUTLETS:
            if re.search(r"(?<![\w])" + re.escape(name).replace(r"\ ", r"\s+") + r"(?![\w])", folded):
                return canonical, f"byline or footer: {line!r}"
    return None, "no byline or footer names the outlet"


def complete(article: Article, *, year: int | None = None, period: tuple[date, date] | None = None) -> Article:
    """Infer the outlet and publication window where they are missing.

    The publication window comes from the address, the page and the text
    (:mod:`extract.published`) and the period words the text uses
    (:func:`extract.anchors.term_evidence`).

    Parameters
    ----------
    article : Article
        Modified in place and returned.
    year, period : optional
        Hints for the publication year when the text leaves it open.
    """
    if not article.outlet:
        outlet, how = infer_outlet(article.text)
        article.outlet = outlet
        article.outlet_basis = how
    if not article.published.known:
        folded = fold(article.text)
        article.published = infer_published(folded, year=year, period=period, url=article.url,
                                            extra=term_evidence(folded))
    return article


def needs_refining(article: Article) -> bool:
    """True when the publication window is unknown or wider than a week, and was inferred (not given).

    Refining reads the article a second time, so an article longer than :data:`REFINE_MAX_CHARS`
    (no news report is) keeps the window its text gave: one pass over a megabyte is enough.
    """
    pub = article.published
    inferred = pub.basis not in ("manifest", "row") and not pub.basis.startswith("html meta")
    return inferred and len(article.text) <= REFINE_MAX_CHARS and (
        not pub.known or (pub.latest - pub.earliest).days >= REFINE_DAYS)


REFINE_DAYS = 7
REFINE_MAX_CHARS = 100_000


def refine(article: Article, claims: Iterable[Claim], *, year: int | None = None,
           period: tuple[date, date] | None = None) -> bool:
    """Narrow an inferred publication window with what the article's claims say about the war.

    The claims are read against the control history
    (:func:`extract.anchors.claim_evidence`); the article is changed in place.

    Returns
    -------
    bool
        True when the window changed (the claims should then be dated again).
    """
    anchors = claim_evidence(claims)
    if not anchors:
        return False
    folded = fold(article.text)
    new = infer_published(folded, year=year, period=period, url=article.url,
                          extra=term_evidence(folded) + anchors)
    if new.known and (new.earliest, new.latest) != (article.published.earliest, article.published.latest):
        article.published = new
        return True
    return False
