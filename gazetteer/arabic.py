"""Arabic normalisation that remembers where every character came from.

Matching Arabic news text needs folding: diacritics and tatweel go, the alef
forms become a bare alef, ``ى`` becomes ``ي``, a final ``ة`` matches ``ه``,
Persian letters fold to Arabic ones, Arabic-Indic digits become ASCII and the
many quote marks of the news («» “” ″) become plain punctuation.

Every span Frontline reports must point into the text *as the user gave it*, so
normalisation here only ever substitutes one character for one character or
deletes characters. The deletions are recorded, and :meth:`NormalizedText.span`
maps a span of the normalised text back to the original.

Examples
--------
>>> nt = normalize("قَصفٌ على «هجين»")
>>> nt.text
'قصف علي "هجين"'
>>> start = nt.text.index("هجين")
>>> nt.span(start, start + 4)
(11, 15)
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field

__all__ = [
    "ARTICLE_CLITICS",
    "CLITICS",
    "CONJUNCTIONS",
    "PREPOSITIONS",
    "NormalizedText",
    "fold",
    "is_letter",
    "normalize",
    "strip_clitics",
    "with_clitics",
]

# Characters deleted by normalisation: harakat, superscript alef, Quranic marks,
# tatweel and zero-width format characters that break words invisibly.
_REMOVED = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
    "\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff"
)
_REMOVED_RE = re.compile(f"[{_REMOVED}]")

_SUBSTITUTE = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ئ": "ي",
    "ؤ": "و",
    "ة": "ه", "ۀ": "ه", "ە": "ه", "ہ": "ه", "ھ": "ه",
    "ک": "ك", "ڪ": "ك", "گ": "ك",
    "ڤ": "ف", "پ": "ب", "چ": "ج", "ژ": "ز",
    # Quote marks the news uses are punctuation, not part of a word.
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"',
    "‹": '"', "›": '"', "‘": "'", "’": "'", "`": "'", "´": "'",
    "\u00a0": " ", "\u202f": " ",
    # Hashtags name places and parties (#قوات_سوريا_الديمقراطية، #حي_المشلب): read them as words.
    "#": " ", "_": " ",
}
_SUBSTITUTE.update({chr(0x0660 + d): str(d) for d in range(10)})  # ٠..٩
_SUBSTITUTE.update({chr(0x06F0 + d): str(d) for d in range(10)})  # ۰..۹
_SUBSTITUTE.update({chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})


def _latin_base(c: str) -> str | None:
    # One precomposed Latin letter with a diacritic (Ḩ, ā, Ş) -> its lower-case ASCII base.
    base = unicodedata.normalize("NFD", c)[0].lower()
    return base if base != c and "a" <= base <= "z" else None


# Romanisations (al-Ḩasakah, Ālbū Kamāl) match plain English text, one character for one.
_SUBSTITUTE.update({c: b for c in map(chr, (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)))
                    if (b := _latin_base(c)) is not None})
_SUBSTITUTE.update({"ʿ": "'", "ʾ": "'", "ʼ": "'"})

_TABLE: dict[int, str | None] = {ord(k): v for k, v in _SUBSTITUTE.items()}
for _lo, _hi in re.findall(r"(.)(?:-(.))?", _REMOVED):
    for _c in range(ord(_lo), ord(_hi or _lo) + 1):
        _TABLE[_c] = None


@dataclass(frozen=True)
class NormalizedText:
    """A normalised text and the way back to the original.

    Parameters
    ----------
    original : str
        The text exactly as given.
    text : str
        The normalised text.
    removed : tuple of int
        Sorted original offsets of the characters normalisation deleted.
    """

    original: str
    text: str
    removed: tuple[int, ...] = ()
    _shift: tuple[int, ...] = field(default=(), repr=False)

    def offset(self, i: int) -> int:
        """Original offset of the character at normalised offset ``i``."""
        if not self.removed:
            return i
        return i + bisect_right(self._shift, i)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised half-open span to the original text.

        Marks that normalisation deleted right after the span's last letter
        (a final vowel sign, a tatweel) are kept inside it, so the original
        slice shows the whole written word.
        """
        if not self.removed or end <= start:
            return self.offset(start), self.offset(start) + (end - start)
        o_start = self.offset(start)
        o_end = self.offset(end - 1) + 1
        n = len(self.original)
        while o_end < n and _REMOVED_RE.match(self.original, o_end):
            o_end += 1
        return o_start, o_end


def normalize(text: str) -> NormalizedText:
    """Normalise Arabic (and Latin) text for matching, keeping offsets.

    Parameters
    ----------
    text : str
        Any text; it is never modified.

    Returns
    -------
    NormalizedText
        ``.text`` is the folded text, ``.span()`` maps spans back.
    """
    folded = text.translate(_TABLE)
    if len(folded) == len(text):
        return NormalizedText(text, folded)
    removed = tuple(m.start() for m in _REMOVED_RE.finditer(text))
    # Normalised offset at which each deletion happened: r_k - k.
    shift = tuple(r - k for k, r in enumerate(removed))
    return NormalizedText(text, folded, removed, shift)


def fold(text: str) -> str:
    """Normalise a short string (a name, a keyword) without offsets."""
    return text.translate(_TABLE)


def is_letter(ch: str) -> bool:
    """True for characters that belong inside a word (letters and digits)."""
    return ch.isalnum()


# Proclitics, in the one table every package uses: the conjunctions و ف, then the
# prepositions ب ل ك, each optional and in that order (وب، فل، ك).
CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")


def _clitic_table() -> tuple[frozenset[str], frozenset[str]]:
    bare, article = set(), set()
    for c in ("", *CONJUNCTIONS):
        for p in ("", *PREPOSITIONS):
            bare.add(c + p)
            # ل + ال is written لل (للرقة), never لال.
            article.add(c + ("لل" if p == "ل" else p + "ال"))
    return frozenset(bare), frozenset(article)


CLITICS, ARTICLE_CLITICS = _clitic_table()
"""``CLITICS``: what may stand before a word (``""`` included); ``ARTICLE_CLITICS``: the same
followed by the article, as written (``ال``، ``وال``، ``بال``، ``لل``، ``ولل``)."""


def with_clitics(words) -> frozenset[str]:
    """Every written form of ``words`` behind a proclitic (folded words in, folded forms out).

    A word with the article takes ل as لل (``الرقة`` -> ``للرقة``).

    Examples
    --------
    >>> sorted(w for w in with_clitics(["قرية", "الرقة"]) if w.startswith("و"))[:4]
    ['والرقه', 'وبالرقه', 'وبقريه', 'وقريه']
    >>> "للرقه" in with_clitics(["الرقة"])
    True
    """
    out = set()
    for w in words:
        w = fold(w)
        for c in CLITICS:
            if c.endswith("ل") and w.startswith("ال"):
                out.add(c + "ل" + w[2:])
            else:
                out.add(c + w)
    return frozenset(out)


def strip_clitics(word: str, vocabulary) -> str | None:
    """The word of ``vocabulary`` that ``word`` is, behind proclitics; None if it is none.

    Parameters
    ----------
    word : str
        A folded word as written (``وبقرية`` folded).
    vocabulary : container of str
        Folded words without clitics.

    Returns
    -------
    str or None
    """
    if word in vocabulary:
        return word
    for cut in range(1, min(len(word) - 1, 3)):
        head, rest = word[:cut], word[cut:]
        if head not in CLITICS:
            break
        if rest in vocabulary:
            return rest
        # لل + word = ل + ال + word
        if head.endswith("ل") and rest.startswith("ل") and "ا" + rest in vocabulary:
            return "ا" + rest
    return None
