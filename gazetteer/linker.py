"""Find gazetteer places in Arabic (and English) text.

How a name is matched
---------------------
- Text and names are folded by :func:`gazetteer.arabic.normalize` (hamza forms,
  ``ى``/``ي``, final ``ة``/``ه``, diacritics, Persian letters, digits, quotes).
- A name may carry proclitics: the conjunctions و ف, the prepositions ب ل ك and
  the article ال, in the orders Arabic allows (``وبالباغوز``, ``للرقة`` = ل+ال).
- A name written with the article (``الرقة``) needs the article in the text,
  so ``فرقة`` (a division) is never Raqqa; a name written without it
  (``هجين``) may take it (``الهجين``).
- A match must be a whole word: ``هجين`` is not found in ``التهجين``.
- Overlapping matches: the longest wins (``الباغوز فوقاني`` over ``الباغوز``).
- Names that are also common words (``السوسة``, ``الهول``, ``العمر``...) are kept
  only with place context: a trigger word right before (بلدة، قرية، مدينة،
  ناحية، حقل، مخيم، معبر، ريف، أطراف، محيط...), a list they share with other
  places, or a context word the gazetteer gives for that place.

Examples
--------
>>> from gazetteer import load
>>> linker = Linker(load())
>>> [(m.place, m.surface) for m in linker.link("سيطرت قسد على الباغوز الفوقاني وبلدة السوسة")]
[('baghuz_fawqani', 'الباغوز الفوقاني'), ('sousa', 'السوسة')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

from gazetteer.arabic import NormalizedText, fold, normalize
from gazetteer.places import Gazetteer

__all__ = ["PREFIXES", "TRIGGER_WORDS", "Linker", "Mention"]

# Words that, right before a name, say a place follows.
TRIGGER_WORDS = frozenset(fold(w) for w in (
    "بلدة", "بلدات", "بلدتي", "بلدتا", "قرية", "قرى", "قريتي", "قريتا", "مدينة", "مدن", "مدينتي",
    "ناحية", "حقل", "حقول", "مخيم", "معبر", "ريف", "أطراف", "محيط", "منطقة", "مناطق", "منطقتي",
    "مشارف", "ضواحي", "بادية", "جبهات", "جبهة", "محور", "بلدته", "قريته", "منفذ",
))
# Directions confirm a common-word name as a place (تتقدم نحو السوسة) but, unlike the
# trigger words, they are not part of a place's description.
DIRECTION_WORDS = frozenset(fold(w) for w in ("نحو", "باتجاه", "اتجاه", "صوب"))
# Words that, right before a name, say it is something else (a TV channel...).
BLOCK_WORDS = frozenset(fold(w) for w in ("قناة", "صحيفة", "جريدة", "وكالة", "إذاعة", "تلفزيون", "شبكة"))
ENGLISH_TRIGGERS = frozenset(("town", "village", "city", "district", "outskirts", "countryside", "field",
                              "camp", "near", "of", "in", "around", "crossing"))

_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ل", "ك")


def _prefixes() -> tuple[frozenset[str], frozenset[str]]:
    bare, article = set(), set()
    for c in _CONJ:
        for p in _PREP:
            bare.add(c + p)
            article.add(c + ("لل" if p == "ل" else p + "ال"))
    return frozenset(bare), frozenset(article)


PREFIXES_BARE, PREFIXES_ARTICLE = _prefixes()
PREFIXES = PREFIXES_BARE | PREFIXES_ARTICLE
_MAX_PREFIX = max(map(len, PREFIXES))
_SEPARATOR = re.compile(r"[\s،,؛;:\"'()\-–—/]*(?:و\s*)?[\s،,؛;:\"'()\-–—/]*")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Mention:
    """One place found in a text.

    ``start``/``end`` index the original text and cover the whole written word,
    proclitics included (``surface`` is that slice); ``norm_start``/``norm_end``
    index the normalised text.
    """

    place: str
    name: str
    surface: str
    start: int
    end: int
    norm_start: int
    norm_end: int
    prefix: str = ""
    via: str = "name"

    def to_dict(self) -> dict:
        """The JSON shape printed by ``frontline gazetteer link``."""
        return {"place": self.place, "name": self.name, "surface": self.surface,
                "start": self.start, "end": self.end}


@dataclass(frozen=True)
class _Entry:
    place: str
    name: str
    article_required: bool
    context_required: bool
    english: bool


def _is_arabic(s: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in s)


class Linker:
    """Finds the places of a :class:`~gazetteer.places.Gazetteer` in text.

    Parameters
    ----------
    gazetteer : Gazetteer
        The places to look for.
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._context_words = {p.id: frozenset(fold(w) for w in p.context_words) for p in gazetteer}
        table: dict[str, list[_Entry]] = {}
        for place in gazetteer:
            for name in place.arabic_names:
                key = " ".join(fold(name).split())
                article = key.startswith("ال") and len(key) > 3
                core = key[2:] if article else key
                # A name that starts with its own trigger (حقل العمر) carries its context.
                needs_context = place.context_required and key.split()[0] not in TRIGGER_WORDS
                table.setdefault(core, []).append(_Entry(place.id, name, article, needs_context, english=False))
            for name in place.english_names:
                key = " ".join(fold(name).split())
                if _is_arabic(key) or len(key) < 3:
                    continue
                table.setdefault(key, []).append(
                    _Entry(place.id, name, False, place.context_required, english=True))
        self._automaton = ahocorasick.Automaton()
        for core, entries in table.items():
            self._automaton.add_word(core, (len(core), tuple(entries)))
        self._automaton.make_automaton()
        self.collisions = {core: sorted({e.place for e in es}) for core, es in table.items()
                           if len({e.place for e in es}) > 1}

    def link(self, text: str | NormalizedText) -> list[Mention]:
        """Every place mention in ``text``, in reading order.

        Parameters
        ----------
        text : str or NormalizedText
            The text as the user gave it (or already normalised).

        Returns
        -------
        list of Mention
        """
        nt = text if isinstance(text, NormalizedText) else normalize(text)
        s = nt.text
        n = len(s)
        candidates = []
        for end, (length, entries) in self._automaton.iter(s):
            start = end - length + 1
            if end + 1 < n and s[end + 1].isalnum():
                continue
            i = start
            while i > 0 and s[i - 1].isalpha() and start - i <= _MAX_PREFIX:
                i -= 1
            if i > 0 and s[i - 1].isalnum():
                continue
            prefix = s[i:start]
            entry = self._pick(entries, prefix)
            if entry is None:
                continue
            candidates.append((i, end + 1, start, prefix, entry))
        chosen = self._longest_first(candidates)
        return self._with_context(nt, chosen)

    @staticmethod
    def _pick(entries: tuple[_Entry, ...], prefix: str) -> _Entry | None:
        for e in entries:
            if e.english:
                if not prefix:
                    return e
            elif prefix in PREFIXES_ARTICLE or (not e.article_required and prefix in PREFIXES_BARE):
                return e
        return None

    @staticmethod
    def _longest_first(candidates: list) -> list:
        """Among overlapping matches keep the longest; linear in the text."""
        if len(candidates) < 2:
            return candidates
        candidates.sort(key=lambda c: c[0])
        out: list = []
        cluster = [candidates[0]]
        reach = candidates[0][1]
        for c in candidates[1:]:
            if c[0] < reach:
                cluster.append(c)
                reach = max(reach, c[1])
                continue
            out.extend(_resolve(cluster))
            cluster, reach = [c], c[1]
        out.extend(_resolve(cluster))
        return out

    def _with_context(self, nt: NormalizedText, chosen: list) -> list[Mention]:
        s = nt.text
        status = []  # None = needs context, else how it was confirmed
        for (i, _end, _core, _prefix, entry) in chosen:
            if not entry.context_required:
                status.append("name")
                continue
            before = _previous_word(s, i)
            if before in BLOCK_WORDS:
                status.append("blocked")
            elif (before in TRIGGER_WORDS or before in DIRECTION_WORDS) if not entry.english \
                    else (before in ENGLISH_TRIGGERS):
                status.append("trigger")
            elif self._context_words[entry.place] and self._near_word(s, i, self._context_words[entry.place]):
                status.append("context-word")
            else:
                status.append(None)
        # A common-word name that shares a list with a confirmed place is a place.
        changed = True
        while changed:
            changed = False
            for k, st in enumerate(status):
                if st is not None:
                    continue
                for j in (k - 1, k + 1):
                    if 0 <= j < len(chosen) and status[j] not in (None, "blocked"):
                        a, b = (chosen[j], chosen[k]) if j < k else (chosen[k], chosen[j])
                        if _SEPARATOR.fullmatch(s, a[1], b[0]):
                            status[k] = "list"
                            changed = True
                            break
        out = []
        for (i, end, _core, prefix, entry), st in zip(chosen, status, strict=False):
            if st in (None, "blocked"):
                continue
            o_start, o_end = nt.span(i, end)
            out.append(Mention(entry.place, entry.name, nt.original[o_start:o_end], o_start, o_end,
                               i, end, prefix, st))
        return out

    @staticmethod
    def _near_word(s: str, i: int, words: frozenset[str], *, window: int = 40) -> bool:
        lo, hi = max(0, i - window), min(len(s), i + window)
        return any(w.group() in words for w in _WORD.finditer(s, lo, hi))


def _resolve(cluster: list) -> list:
    if len(cluster) == 1:
        return cluster
    taken: list = []
    for c in sorted(cluster, key=lambda c: (-(c[1] - c[2]), c[0])):
        if all(c[1] <= t[0] or c[0] >= t[1] for t in taken):
            taken.append(c)
    return sorted(taken, key=lambda c: c[0])


def _previous_word(s: str, i: int) -> str:
    """The word before position ``i``, skipping punctuation and a leading و."""
    j = i - 1
    while j >= 0 and not s[j].isalnum():
        if s[j] in ".!?؟\n":
            return ""
        j -= 1
    k = j
    while k >= 0 and s[k].isalnum():
        k -= 1
    word = s[k + 1:j + 1]
    if word not in TRIGGER_WORDS and word not in DIRECTION_WORDS:
        # وبلدة، ببلدة، لقرية: a trigger word may carry its own proclitics.
        for cut in (1, 2):
            if word[:cut] in PREFIXES_BARE and (word[cut:] in TRIGGER_WORDS or word[cut:] in DIRECTION_WORDS):
                return word[cut:]
    return word
