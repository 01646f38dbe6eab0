"""Words around a position of folded text, within its sentence (shared by the linker's steps)."""

from __future__ import annotations

import re

TOKEN = re.compile(r"[^\W_]+")
ENDS = ".!?؟\n"
_TOKEN_OR_END = re.compile(r"[^\W_]+|[.!?؟\n]")


def words_before(s: str, i: int, span: int) -> list[str]:
    """The words of the sentence before position ``i`` (at most ``span`` characters back)."""
    lo = max(0, i - span)
    words = _TOKEN_OR_END.findall(s, lo, i)
    for k in range(len(words) - 1, -1, -1):
        if words[k] in ENDS:
            return words[k + 1:]
    if words and lo > 0 and s[lo - 1].isalnum():
        return words[1:]  # the first one was cut in half
    return words


def words_after(s: str, j: int, span: int) -> list[str]:
    """The words of the sentence after position ``j`` (at most ``span`` characters on)."""
    hi = min(len(s), j + span)
    cuts = [x for x in (s.find(c, j, hi) for c in ENDS) if x >= 0]
    if cuts:
        hi = min(cuts)
    words = TOKEN.findall(s, j, hi)
    if words and not cuts and hi < len(s) and s[hi].isalnum():
        words = words[:-1]  # the last one was cut in half
    return words


def sentence(s: str, i: int, *, span: int = 600) -> tuple[int, int]:
    """The bounds of the sentence around position ``i`` (at most ``span`` characters each way)."""
    lo = max(0, i - span)
    cut = max(s.rfind(c, lo, i) for c in ENDS)
    if cut >= 0:
        lo = cut + 1
    hi = min(len(s), i + span)
    cuts = [x for x in (s.find(c, i, hi) for c in ENDS) if x >= 0]
    return lo, (min(cuts) if cuts else hi)
