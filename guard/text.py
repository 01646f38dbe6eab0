"""Untrusted text, made safe to store, show and export.

Article text, outlets, titles and URLs come from whoever wrote the files.
They may carry lone surrogates (valid JSON, ``"\\ud800"``, but not encodable as
UTF-8), bidirectional controls that reverse what follows them on screen
(U+202E), spreadsheet formulas (``=HYPERLINK(...)``) and ``javascript:`` URLs.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "BIDI_CONTROLS",
    "FORMULA_STARTS",
    "csv_cell",
    "csv_safe",
    "for_display",
    "replace_surrogates",
    "show_bidi",
    "web_link",
]

_SURROGATE = re.compile("[\ud800-\udfff]")
# Embeddings, overrides and isolates: they change the order of what follows them.
# (LRM/RLM marks are ordinary in Arabic text and change nothing beyond their neighbours.)
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
_FSI, _PDI = "\u2068", "\u2069"
# OWASP "CSV Injection": a cell starting with one of these is read as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def replace_surrogates(text: str) -> tuple[str, int]:
    """``text`` with lone surrogates replaced by U+FFFD, and how many there were."""
    out, n = _SURROGATE.subn("\ufffd", text)
    return out, n


def show_bidi(text: str) -> str:
    """Bidi controls made visible (``⟦U+202E⟧``), so they cannot reorder text unseen."""
    return _BIDI.sub(lambda m: f"⟦U+{ord(m[0]):04X}⟧", text)


def for_display(value):
    """A string ready to show beside other text: visible controls, isolated direction.

    Lone surrogates become U+FFFD, bidi controls become visible, and the whole
    value is wrapped in FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE so an
    Arabic (or reversed) value never reorders the text around it. Anything
    that is not a string is returned as is.
    """
    if not isinstance(value, str) or not value:
        return value
    value = show_bidi(replace_surrogates(value)[0])
    return f"{_FSI}{value}{_PDI}"


def csv_cell(value):
    """One CSV cell, neutralised per OWASP: a leading ``'`` when it would start a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_safe(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``table`` whose text cells cannot run as spreadsheet formulas."""
    import pandas as pd  # here, not above: reading articles must not load pandas (80 MB)

    out = table.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(csv_cell)
    return out


def web_link(url) -> str | None:
    """``url`` when it is an absolute ``http``/``https`` address, else None (never a link)."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc and not _SURROGATE.search(url):
        return url
    return None
