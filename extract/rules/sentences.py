"""Sentences and clauses: where a rule's reach ends.

Rules
-----
``sentence.split``
    A sentence ends at ``. ! ? ؟ …``, a line break, or a colon that ends a line.
``sentence.headline``
    A short line of its own with no full stop is a headline; headlines tell
    past events in the present tense (قسد تسيطر على ...).
``sentence.cap``
    A run-on sentence longer than ``WINDOW["sentence_max_chars"]`` is cut at
    the last comma or space before the limit, so that no rule that looks
    across a sentence can take time quadratic in a megabyte of text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from extract.rules.params import WINDOW

__all__ = ["Sentence", "split_sentences"]

_SENTENCE_END = re.compile(r"[.!?؟\n…]+|:\s*\n")
_SOFT_BREAK = re.compile(r"[،,؛;]\s*|\s+")


@dataclass
class Sentence:
    """One sentence: character span in the normalised text and token span."""

    start: int
    end: int
    para: int
    t0: int  # first token index
    t1: int  # one past the last token index
    headline: bool = False  # a short line of its own with no full stop: a title


def _cap(a: int, b: int, s: str, limit: int) -> list[tuple[int, int]]:
    """Cut [a, b) into pieces of at most ``limit`` characters, at a comma or space where there is one."""
    pieces = []
    while b - a > limit:
        cut = a + limit
        soft = [m.end() for m in _SOFT_BREAK.finditer(s, a + limit // 2, cut)]
        cut = soft[-1] if soft else cut
        pieces.append((a, cut))
        a = cut
    pieces.append((a, b))
    return pieces


def split_sentences(s: str, tstart: list[int]) -> list[Sentence]:
    """The sentences of normalised text ``s`` whose tokens start at ``tstart``.

    Examples
    --------
    >>> [(x.start, x.end) for x in split_sentences("أ ب. ج د", [0, 2, 5, 7])]
    [(0, 3), (4, 8)]
    """
    out: list[Sentence] = []
    pos, para = 0, 0
    limit = WINDOW["sentence_max_chars"]

    def add(a: int, b: int) -> None:
        line_start = a == 0 or s[a - 1] == "\n" or not s[s.rfind("\n", 0, a) + 1:a].strip()
        line_end = b >= len(s) or s[b] == "\n"
        headline = line_start and line_end and (b - a) < 120
        for x, y in _cap(a, b, s, limit):
            t0, t1 = bisect_left(tstart, x), bisect_left(tstart, y)
            if t1 > t0:
                out.append(Sentence(x, y, para, t0, t1, headline))

    for m in _SENTENCE_END.finditer(s):
        if m.start() > pos:
            add(pos, m.start())
        if "\n" in m.group():
            para += 1
        pos = m.end()
    if pos < len(s):
        add(pos, len(s))
    return out
