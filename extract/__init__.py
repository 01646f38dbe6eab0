"""Extraction: Arabic articles in, claims about control and violence out.

Public surface::

    from extract import Claim, DateWindow, Article, Extractor, extract_paths, read_claims, write_claims
"""

from extract.claim import Claim, DateWindow
from extract.evaluate import Score, evaluate, load_gold
from extract.extractor import Extractor
from extract.io import iter_claims, read_claims, write_claims
from extract.pipeline import Summary, extract_paths
from extract.reader import Article, Skip, read_articles, read_manifest

__all__ = [
    "Article", "Claim", "DateWindow", "Extractor", "Score", "Skip", "Summary", "evaluate", "extract_paths",
    "iter_claims", "load_gold", "read_articles", "read_claims", "read_manifest", "write_claims",
]
