"""How the news spells a gazetteer name: attested spellings and rules that say which letters alternate.

What folding already covers (:func:`gazetteer.arabic.normalize`): hamza and alef
forms, ``ى``/``ي``, ``ة``/``ه``, diacritics, tatweel, Persian letters. What is
left is here, as data:

- :data:`RULES`: rewrites with ids. ``البو`` and ``أبو`` alternate (``البوكمال``
  = ``أبو كمال``; ``أبو الحسن`` is also ``البو حسن`` and ``البوحسن``), the space
  after ``البو`` comes and goes, and the emphatic letters alternate with their
  plain pairs (``الصفافنة``/``السفافنة``, ``ط``/``ت``, ``ذ``/``ز``). A letter
  rule changes one letter at a time and only in names of five letters or more,
  so short names do not turn into common words.
- ``data/spellings.csv``: spellings seen in real text that no rule makes
  (``باغور`` for ``الباغوز``), each with where it was seen.
- ``parent``: a place named after its parent (``الباغوز فوقاني`` in ``الباغوز``)
  takes the parent's attested spellings (``باغور الفوقاني``).

A name written without its article (``حسرات``) or with one it does not have
(``الهجين``) is not a variant: the linker allows both, the first only with
place context.

Examples
--------
>>> arabic_variants("أبو الحسن")["البو حسن"]
'albu_space_for_abu_al'
>>> arabic_variants("الصفافنة")
{'السفافنه': 'sad_sin'}
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from gazetteer.arabic import fold
from gazetteer.place import ID

__all__ = ["ATTESTED_CSV", "RULES", "SpellingRule", "arabic_variants", "attested", "english_keys", "key"]

ATTESTED_CSV = Path(__file__).resolve().parent / "data" / "spellings.csv"
_MIN_LETTERS = 5


@dataclass(frozen=True)
class SpellingRule:
    """One spelling rule.

    Parameters
    ----------
    id : str
        Recorded in ``Mention.spelling`` when a name is found through it.
    pattern : str
        A regular expression on the folded name.
    replacement : str
        What replaces the match (``re.sub`` syntax), for a rewrite rule.
    letters : tuple of str
        For a letter rule: the two letters that alternate, one position at a time.
    note : str
        Where the alternation is seen.
    """

    id: str
    pattern: str = ""
    replacement: str = ""
    letters: tuple[str, str] | None = None
    note: str = ""


RULES: tuple[SpellingRule, ...] = (
    SpellingRule("albu_for_abu_al", r"^ابو ال(?=\S)", "البو", note="أبو الحسن -> البوحسن"),
    SpellingRule("albu_space_for_abu_al", r"^ابو ال(?=\S)", "البو ", note="أبو الحسن -> البو حسن"),
    SpellingRule("albu_for_abu", r"^ابو (?!ال)", "البو", note="أبو خاطر -> البوخاطر"),
    SpellingRule("albu_space_for_abu", r"^ابو (?!ال)", "البو ", note="أبو خاطر -> البو خاطر"),
    SpellingRule("abu_for_albu", r"^البو ?(?=\S)", "ابو ", note="البوكمال -> أبو كمال"),
    SpellingRule("albu_space", r"^البو(?=[^ ])", "البو ", note="البوخاطر -> البو خاطر"),
    SpellingRule("albu_joined", r"^البو (?=\S)", "البو", note="البو بدران -> البوبدران"),
    SpellingRule("sad_sin", letters=("ص", "س"), note="الصفافنة / السفافنة, صبيخان / سبيخان"),
    SpellingRule("ta_ta", letters=("ط", "ت"), note="emphatic and plain t: البوخاطر / البوخاتر"),
    SpellingRule("dhal_zay", letters=("ذ", "ز"), note="Levantine ز for ذ: الجرذي / الجرزي"),
    SpellingRule("dad_za", letters=("ض", "ظ"), note="ض and ظ merge in speech"),
)


def key(name: str) -> str:
    """A name folded, with single spaces (the form variants and the linker compare)."""
    return " ".join(fold(name).split())


def _letters(name: str) -> int:
    return sum(c.isalpha() for c in name) - (2 if name.startswith("ال") else 0)


def arabic_variants(name: str) -> dict[str, str]:
    """Spellings of an Arabic name that the rules make, with the id of the rule.

    Parameters
    ----------
    name : str
        An Arabic name as the gazetteer writes it.

    Returns
    -------
    dict of str to str
        Folded variant to rule id; the name itself is not included.
    """
    base = key(name)
    out: dict[str, str] = {}
    for r in RULES:
        if r.letters is not None:
            if _letters(base) < _MIN_LETTERS:
                continue
            for a, b in (r.letters, r.letters[::-1]):
                for m in re.finditer(a, base):
                    out.setdefault(base[:m.start()] + b + base[m.end():], r.id)
        else:
            v = re.sub(r.pattern, r.replacement, base, count=1)
            if v != base:
                out.setdefault(key(v), r.id)
    out.pop(base, None)
    return out


@lru_cache(maxsize=4)
def attested(path: Path = ATTESTED_CSV) -> tuple[tuple[str, str, str, str], ...]:
    """Attested spellings: ``(place_id, name, lang, source)`` rows of ``spellings.csv``.

    Parameters
    ----------
    path : Path, optional
        Another spellings CSV (the bundled one by default).
    """
    with open(path, encoding="utf-8-sig", newline="") as f:
        return tuple((r[ID].strip(), r["name"].strip(), (r.get("lang") or "ar").strip(), r.get("source", ""))
                     for r in csv.DictReader(f) if r[ID].strip() and r["name"].strip())


# Arabic article in a romanisation, with sun-letter assimilation (as-Susah, ash-Shajla, ad-Darbasiyah).
_EN_ARTICLE = re.compile(r"^(?:al|el|as|ash|ad|ar|at|az|an|ath|adh|ath)[-\s]+(?=\w)")
_APOSTROPHES = re.compile(r"['`]")


def english_keys(name: str) -> set[str]:
    """The forms of an English name the linker looks for in folded English text.

    Lower case, diacritics gone (``Ḩ`` -> ``h``), the leading article dropped
    (the linker allows ``al-``, ``el-``, ``as-``... before any name), with and
    without apostrophes, hyphens and spaces interchangeable.

    Examples
    --------
    >>> sorted(english_keys("Ra’s al ‘Ayn"))
    ["ra's al 'ayn", "ra's al-'ayn", 'ras al ayn', 'ras al-ayn']
    """
    k = key(unicodedata.normalize("NFC", name))
    k = _EN_ARTICLE.sub("", k).strip("'")
    out = set()
    for form in (k, _APOSTROPHES.sub("", k)):
        out.add(form)
        out.add(form.replace("-", " "))
        if " al " in form:
            out.add(form.replace(" al ", " al-"))
    return {" ".join(o.split()) for o in out if len(o) >= 3}
