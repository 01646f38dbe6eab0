"""Find gazetteer places in Arabic (and English) text.

How a name is matched
---------------------
- Text and names are folded by :func:`gazetteer.arabic.normalize` (hamza forms,
  ``ى``/``ي``, final ``ة``/``ه``, diacritics, Persian letters, digits, quotes,
  Latin diacritics).
- A name may carry the proclitics of :data:`gazetteer.arabic.CLITICS` (و ف,
  then ب ل ك) and the article (``وبالباغوز``, ``للرقة`` = ل+ال).
- A name written with the article (``الرقة``) needs the article in the text, so
  ``فرقة`` (a division) is never Raqqa; written bare and with no clitic
  (``حسرات``) it is kept only with strong place context (``معبر حسرات``). A name
  written without it (``هجين``) may take it (``الهجين``). A doubled article
  (``الالباغوز``) is a typo of the name.
- Spellings come from :mod:`gazetteer.spelling`: rules (``البو``/``أبو``,
  ص/س...) and attested misspellings (``باغور``); ``Mention.spelling`` says which.
- English names (``names_en``) are found in English text, case-insensitive,
  whole words, with ``al-``/``el-``/``as-``... optional.
- A match must be a whole word: ``هجين`` is not found in ``التهجين``.
- Overlapping matches: the longest wins (``الباغوز فوقاني`` over ``الباغوز``).
- Context decides (:mod:`gazetteer.context`): a common sense (``تقدم في العمر``,
  ``قناة الميادين``) drops any name; a name that is also a word (``السوسة``,
  ``الهول``, ``العمر``...) is kept only where a place rule fires (a place-type
  or direction word, a control or movement cue with its preposition, a
  locative in a sentence about fighting, a list with places already found).
- A name shared by several places is resolved by the document
  (:mod:`gazetteer._ambiguity`); when it cannot be, the mention links their
  common parent with ``ambiguous=True`` and the candidates, or is left out.

Examples
--------
>>> from gazetteer import load
>>> linker = Linker(load())
>>> [(m.place, m.surface) for m in linker.link("سيطرت قسد على الباغوز الفوقاني وبلدة السوسة")]
[('baghuz_fawqani', 'الباغوز الفوقاني'), ('sousa', 'السوسة')]
>>> [(m.place, m.via) for m in linker.link("سيطرت قسد على السوسة.")]
[('sousa', 'cue_on')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import ahocorasick

from gazetteer import _ambiguity
from gazetteer._text import sentence, words_after, words_before
from gazetteer.arabic import ARTICLE_CLITICS, CLITICS, PREPOSITIONS, NormalizedText, fold, normalize
from gazetteer.context import (
    COMMON_WORD_NAMES,
    EN_TYPE_WORDS,
    KIND_WORDS,
    PLACE,
    RULES,
    TRIGGER_WORDS,
    WORD,
    Rule,
)
from gazetteer.places import Gazetteer
from gazetteer.spelling import ATTESTED_CSV, arabic_variants, attested, english_keys, key

__all__ = ["PREFIXES", "TRIGGER_WORDS", "Linker", "Mention"]

# What may stand before a name; kept here for callers of earlier versions (the table is gazetteer.arabic's).
PREFIXES = CLITICS | ARTICLE_CLITICS

# A typo that doubles the article (الالباغوز, والالباغوز): the name all the same.
_DOUBLED_ARTICLE = frozenset(c + "ال" for c in ARTICLE_CLITICS if c.endswith("ال"))
_MAX_PREFIX = max(map(len, PREFIXES | _DOUBLED_ARTICLE))
_SEPARATOR = re.compile(r"[\s،,؛;:\"'()\-–—/]*(?:(?:و|and\s)\s*)?[\s،,؛;:\"'()\-–—/]*")
_WORD = re.compile(r"\w+")
# The next word in the same sentence, over spaces, punctuation, quotes and hashtag underscores.
_NEXT_WORD = re.compile(r"(?:[^\w.!?؟\n]|_)*([^\W_]+)")
# A romanised article before an English name (al-Susah, as-Susah, el Mayadin).
_EN_ARTICLE = re.compile(r"(?<![^\W_])(?:(?:al|el|as|ash|ad|ar|at|az|an|ath)-|(?:al|el) )")


@dataclass(frozen=True)
class Mention:
    """One place found in a text.

    ``start``/``end`` index the original text and cover the whole written word,
    proclitics included (``surface`` is that slice); ``norm_start``/``norm_end``
    index the normalised text.

    ``via`` is how the place was confirmed: ``"name"`` (the name alone is
    enough) or the id of the :mod:`gazetteer.context` rule that fired.
    ``spelling`` is the :mod:`gazetteer.spelling` rule id when the text spells
    the name differently from the gazetteer (``"attested"`` for a recorded
    misspelling, ``"parent"`` for one taken from the parent's name,
    ``"no_article"`` for a name written without its article,
    ``"doubled_article"`` for ``الالباغوز``).

    When the name is shared by several places, ``candidates`` lists them.
    ``resolved_by`` says what picked ``place`` among them (``"nearby_places"``,
    ``"province"``, ``"same_text"``); when nothing could, ``ambiguous`` is
    True, ``place`` is their common parent and ``precision_m`` a radius that
    covers them all.
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
    spelling: str = ""
    ambiguous: bool = False
    candidates: tuple[str, ...] = ()
    precision_m: int | None = None
    resolved_by: str = ""

    def to_dict(self) -> dict:
        """The JSON shape printed by ``frontline gazetteer link``."""
        d = {"place": self.place, "name": self.name, "surface": self.surface,
             "start": self.start, "end": self.end}
        if self.candidates:
            d.update(ambiguous=self.ambiguous, candidates=list(self.candidates), resolved_by=self.resolved_by)
            if self.precision_m is not None:
                d["precision_m"] = self.precision_m
        return d


@dataclass(frozen=True)
class _Entry:
    place: str
    name: str
    article_required: bool
    context_required: bool
    english: bool
    spelling: str = ""


class _Hit:
    """A match on its way to becoming a Mention."""

    __slots__ = ("context", "core", "dropped", "end", "english", "entries", "i", "prefix", "spelling", "start", "via")

    def __init__(self, i: int, end: int, start: int, prefix: str, picked: tuple):
        self.i, self.end, self.start, self.prefix = i, end, start, prefix
        # (entries, article dropped, English, needs place context, how the article is spelt): from _pick
        self.entries, self.dropped, self.english, self.context, self.spelling = picked
        self.core = ""
        self.via: str | None = None


def _is_arabic(s: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in s)


def _needs_context(place, k: str) -> bool:
    """A name that is also a word needs context, unless it starts with its own trigger (حقل العمر)."""
    return (place.context_required or k in COMMON_WORD_NAMES) and k.split()[0] not in TRIGGER_WORDS


def _core(k: str) -> tuple[str, bool]:
    """A folded name without its article, and whether it had one."""
    if k.startswith("ال") and len(k) > 3:
        return k[2:], True
    return k, False


class Linker:
    """Finds the places of a :class:`~gazetteer.places.Gazetteer` in text.

    Parameters
    ----------
    gazetteer : Gazetteer
        The places to look for.
    spellings : str, Path or None, optional
        A CSV of attested spellings (``id,name,lang,source``); the bundled
        ``gazetteer/data/spellings.csv`` by default, None for none. Rows for
        places the gazetteer lacks are ignored.
    spelling_rules : bool, optional
        Also look for the spellings the :mod:`gazetteer.spelling` rules make
        (default True).
    context_rules : iterable of Rule, optional
        The :mod:`gazetteer.context` rules to apply (all of them by default).
    """

    def __init__(self, gazetteer: Gazetteer, *, spellings: str | Path | None = ATTESTED_CSV,
                 spelling_rules: bool = True, context_rules: Iterable[Rule] = RULES) -> None:
        self.gazetteer = gazetteer
        self.context_rules = tuple(context_rules)
        self._context_words = {p.id: frozenset(fold(w) for w in p.context_words) for p in gazetteer}
        rows = () if spellings is None else attested(Path(spellings))
        extra_ar: dict[str, list[str]] = {}
        extra_en: dict[str, list[str]] = {}
        for place_id, name, lang, _source in rows:
            if place_id in gazetteer:
                (extra_en if lang == "en" else extra_ar).setdefault(place_id, []).append(name)

        table: dict[str, list[_Entry]] = {}

        def add(k: str, place, name: str, spelling: str) -> None:
            core, article = _core(k)
            entries = table.setdefault(core, [])
            if all((x.place, x.article_required) != (place.id, article) or x.english for x in entries):
                entries.append(_Entry(place.id, name, article, _needs_context(place, k), False, spelling))

        # Names as the gazetteer and the attested list write them: they may be shared (real ambiguity).
        written: dict[str, set[str]] = {}
        for place in gazetteer:
            # (as written in the text, the gazetteer name it stands for, how it was found)
            names = [(n, n, "") for n in place.arabic_names]
            names += [(n, place.name_ar, "attested") for n in extra_ar.get(place.id, ())]
            names += [(form, n, "parent") for form, n in self._parent_forms(place, extra_ar)]
            for form, name, how in names:
                k = key(form)
                written.setdefault(_core(k)[0], set()).add(place.id)
                add(k, place, name, how)
            for name in (*place.english_names, *extra_en.get(place.id, ())):
                if _is_arabic(name):
                    continue
                how = "" if name in place.english_names else "attested"
                for k in english_keys(name):
                    entries = table.setdefault(k, [])
                    if all(x.place != place.id for x in entries):
                        needs = place.context_required and not EN_TYPE_WORDS & set(k.split())
                        entries.append(_Entry(place.id, name if not how else place.name_en, False, needs, True, how))
        # Spellings the rules make never take a name another place is written with.
        if spelling_rules:
            for place in gazetteer:
                for name in place.arabic_names:
                    for k, rule_id in arabic_variants(name).items():
                        if written.get(_core(k)[0], {place.id}) == {place.id}:
                            add(k, place, name, rule_id)

        self._automaton = ahocorasick.Automaton()
        for core, entries in table.items():
            self._automaton.add_word(core, (len(core), tuple(entries)))
        self._automaton.make_automaton()
        self._pick_cache: dict[tuple[int, str], tuple | None] = {}
        self._rules_cache: dict[tuple[str, str, str], tuple[Rule, ...]] = {}
        self.collisions = {core: sorted({e.place for e in es}) for core, es in table.items()
                           if len({e.place for e in es}) > 1}
        self._index_rules()

    def _parent_forms(self, place, extra_ar: dict[str, list[str]]) -> list[tuple[str, str]]:
        """A place named after its parent takes the parent's other spellings (باغور الفوقاني):
        (the spelling, the name it stands for)."""
        parent = self.gazetteer.get(place.parent)
        if parent is None:
            return []
        out = []
        parent_names = [key(n) for n in (*parent.arabic_names, *extra_ar.get(parent.id, ()))]
        for name in place.arabic_names:
            k = key(name)
            for pn in parent_names:
                if k.startswith(pn + " "):
                    rest = k[len(pn):]
                    out += [(other + rest, name) for other in parent_names if other != pn]
        return out

    def _index_rules(self) -> None:
        """Rules by the word next to the name, so most names cost two set lookups."""
        self._veto_prev: dict[str, list[Rule]] = {}
        self._veto_next: dict[str, list[Rule]] = {}
        self._veto_clitic: dict[str, list[Rule]] = {}
        self._place_prev: dict[str, list[Rule]] = {}
        self._place_next: dict[str, list[Rule]] = {}
        self._place_any: list[Rule] = []
        self._place_clitic: dict[str, list[Rule]] = {}
        self._order = {r: k for k, r in enumerate(self.context_rules)}
        kinds = {r.kind for r in self.context_rules}
        self._use_list, self._use_context_words = "list" in kinds, "context_word" in kinds
        self._use_kind_words = "kind_word" in kinds
        for r in self.context_rules:
            if r.kind != "words":
                continue
            if r.says == WORD:
                if r.clitic:
                    self._veto_clitic.setdefault(r.clitic, []).append(r)
                if r.before:
                    for w in r.before[-1]:
                        self._veto_prev.setdefault(w, []).append(r)
                else:
                    for w in r.after[0]:
                        self._veto_next.setdefault(w, []).append(r)
                continue
            if r.before:
                for w in r.before[-1]:
                    self._place_prev.setdefault(w, []).append(r)
            elif r.after:
                for w in r.after[0]:
                    self._place_next.setdefault(w, []).append(r)
            else:
                self._place_any.append(r)
            if r.clitic:
                self._place_clitic.setdefault(r.clitic, []).append(r)
        for index in (self._veto_prev, self._veto_next, self._veto_clitic):
            for w, rules in index.items():
                index[w] = tuple(rules)

    # ------------------------------------------------------------------ API
    def link(self, text: str | NormalizedText, *, unresolved: bool = False) -> list[Mention]:
        """Every place mention in ``text``, in reading order.

        Parameters
        ----------
        text : str or NormalizedText
            The text as the user gave it (or already normalised).
        unresolved : bool, optional
            Also return names shared by several places that the text does not
            decide and that have no common parent; their ``place`` is ``""``
            (default False: they are left out, never guessed).

        Returns
        -------
        list of Mention
        """
        nt = text if isinstance(text, NormalizedText) else normalize(text)
        s = nt.text
        n = len(s)
        candidates = []
        pick_cache = self._pick_cache
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
            ck = (id(entries), prefix)  # the automaton keeps its values alive: ids are stable
            picked = pick_cache.get(ck, False)
            if picked is False:
                picked = pick_cache[ck] = _pick(entries, prefix)
            if picked is None:
                continue
            hit = _Hit(i, end + 1, start, prefix, picked)
            if hit.english:
                m = _EN_ARTICLE.search(s, max(0, i - 4), i)
                if m is not None and m.end() == i:
                    hit.i = m.start()
                o_start, o_end = nt.span(start, end + 1)
                # In English a name in lower case ("a hospital ward") is a word unless context says otherwise.
                hit.context = hit.context or nt.original[o_start:o_end].islower()
            candidates.append(hit)
        hits = _longest_first(candidates)
        hits = self._judge_all(s, hits)
        return self._mentions(nt, hits, unresolved=unresolved)

    # -------------------------------------------------------------- context
    def _judge_all(self, s: str, hits: list[_Hit]) -> list[_Hit]:
        status: list[str | None] = []  # None = waiting for context; "-" = a common sense
        rev = s[::-1]  # the word before a name is the word after it in the reversed text: one C match
        n = len(s)
        veto_prev, veto_next, veto_clitic = self._veto_prev, self._veto_next, self._veto_clitic
        for h in hits:
            h.core = s[h.start:h.end]
            m = _NEXT_WORD.match(rev, n - h.i)
            prev = m.group(1)[::-1] if m else ""
            m = _NEXT_WORD.match(s, h.end)
            nxt = m.group(1) if m else ""
            # Most names need no context and sit next to no word a common sense starts with.
            if not h.context and (h.english or (prev not in veto_prev and nxt not in veto_next and
                                                _CLITIC_PREP.get(h.prefix, "") not in veto_clitic)):
                status.append("name")
            else:
                status.append(self._judge(s, h, prev, nxt))
        # A name that shares a list with a confirmed place is a place.
        changed = self._use_list
        while changed:
            changed = False
            for k, st in enumerate(status):
                if st is not None:
                    continue
                for j in (k - 1, k + 1):
                    if 0 <= j < len(hits) and status[j] not in (None, "-"):
                        a, b = (hits[j], hits[k]) if j < k else (hits[k], hits[j])
                        if _SEPARATOR.fullmatch(s, a.end, b.i):
                            status[k] = "list"
                            changed = True
                            break
        out = []
        for h, st in zip(hits, status, strict=True):
            if st not in (None, "-"):
                h.via = st
                out.append(h)
        return out

    def _judge(self, s: str, h: _Hit, prev: str, nxt: str) -> str | None:
        """``"-"`` for a common sense, a rule id or ``"name"`` for a place, None for no context yet.

        ``prev`` and ``nxt`` are the words right before and after the name in its sentence.
        """
        clitic = _CLITIC_PREP.get(h.prefix, "")
        if not h.english:
            vetoes = [r for r in self._veto_prev.get(prev, _NONE) + self._veto_next.get(nxt, _NONE) +
                      self._veto_clitic.get(clitic, _NONE) if not r.names or h.core in r.names]
            if vetoes:
                before, after = words_before(s, h.i, 80), words_after(s, h.end, 60)
                if any(_matches(r, h, before, after, s, clitic=clitic) for r in vetoes):
                    return "-"
        if not h.context:
            return "name"
        if h.english:
            rules = [r for r in self._place_prev.get(prev, ()) if r.lang == "en"]
            return rules[0].id if rules else self._context_word(s, h)
        rules = self._place_rules(prev, clitic, nxt)
        near, wide = [prev] if prev else [], None
        after = words_after(s, h.end, 60) if nxt in self._place_next else None
        for r in rules:
            if not (r.bare or not h.dropped):
                continue
            if len(r.before) > 1 or r.cue is not None:
                wide = wide if wide is not None else words_before(s, h.i, 200)
                if _matches(r, h, wide, after, s, clitic=clitic):
                    return r.id
            elif _matches(r, h, near, after, s, clitic=clitic):
                return r.id
        if h.dropped:
            return None
        return self._kind_word(s, h) or self._context_word(s, h)

    def _place_rules(self, prev: str, clitic: str, nxt: str) -> tuple[Rule, ...]:
        """The place rules that may fire next to these words, in table order (cached: words repeat)."""
        k = (prev, clitic, nxt)
        rules = self._rules_cache.get(k)
        if rules is None:
            if len(self._rules_cache) > 100_000:
                self._rules_cache.clear()
            found = {*self._place_prev.get(prev, ()), *self._place_clitic.get(clitic, ()),
                     *self._place_next.get(nxt, ()), *self._place_any}
            rules = self._rules_cache[k] = tuple(sorted(found, key=self._order.__getitem__))
        return rules

    def _kind_word(self, s: str, h: _Hit) -> str | None:
        if not self._use_kind_words:
            return None
        words = frozenset().union(*(KIND_WORDS.get(self.gazetteer[e.place].kind, frozenset()) for e in h.entries))
        if not words:
            return None
        a, b = sentence(s, h.i)
        return "kind_word" if any(w.group() in words for w in _WORD.finditer(s, a, b)) else None

    def _context_word(self, s: str, h: _Hit) -> str | None:
        if not self._use_context_words:
            return None
        words = frozenset().union(*(self._context_words.get(e.place, frozenset()) for e in h.entries))
        if words and any(w.group() in words for w in _WORD.finditer(s, max(0, h.i - 40), min(len(s), h.i + 40))):
            return "context_word"
        return None

    # -------------------------------------------------------------- mentions
    def _mentions(self, nt: NormalizedText, hits: list[_Hit], *, unresolved: bool) -> list[Mention]:
        s = nt.text
        choice = _ambiguity.resolve(self.gazetteer, s, hits)
        out = []
        span, original = nt.span, nt.original
        for h in hits:
            if len(h.entries) == 1:
                e = h.entries[0]
                o_start, o_end = span(h.i, h.end)
                out.append(Mention(e.place, e.name, original[o_start:o_end], o_start, o_end, h.i, h.end, h.prefix,
                                   h.via or "name", h.spelling or e.spelling))
                continue
            place, resolved_by, precision = choice[id(h)]
            ambiguous = not resolved_by
            if ambiguous and place is None:
                if not unresolved:
                    continue
                place = ""
            entry = next((e for e in h.entries if e.place == place), h.entries[0])
            spelling = h.spelling or entry.spelling
            o_start, o_end = nt.span(h.i, h.end)
            out.append(Mention(
                place, entry.name, nt.original[o_start:o_end], o_start, o_end, h.i, h.end, h.prefix,
                h.via or "name", spelling, ambiguous, tuple(e.place for e in h.entries), precision, resolved_by))
        return out


def _pick(entries: tuple[_Entry, ...], prefix: str) -> tuple[tuple[_Entry, ...], bool, bool, bool, str] | None:
    """The entries (one per place) the written prefix allows, whether the article was dropped,
    whether they are English names, whether they need place context, and the article's misspelling."""
    spelling = ""
    if prefix in _DOUBLED_ARTICLE:
        prefix, spelling = prefix[:-2], "doubled_article"
    fit = [e for e in entries
           if (prefix == "" if e.english else
               prefix in ARTICLE_CLITICS or (not e.article_required and prefix in CLITICS))]
    dropped = False
    if not fit and prefix == "" and not spelling:
        fit = [e for e in entries if not e.english and e.article_required]
        dropped, spelling = True, "no_article"
    if not fit:
        return None
    if len(fit) > 1:
        seen: dict[str, _Entry] = {}
        for e in fit:
            # The name as written beats a spelling variant of it.
            if e.place not in seen or (seen[e.place].spelling and not e.spelling):
                seen[e.place] = e
        fit = list(seen.values())
    return tuple(fit), dropped, fit[0].english, dropped or any(e.context_required for e in fit), spelling


def _longest_first(candidates: list[_Hit]) -> list[_Hit]:
    """Among overlapping matches keep the longest; linear in the text."""
    if len(candidates) < 2:
        return candidates
    candidates.sort(key=lambda c: c.i)
    out: list[_Hit] = []
    cluster = [candidates[0]]
    reach = candidates[0].end
    for c in candidates[1:]:
        if c.i < reach:
            cluster.append(c)
            reach = max(reach, c.end)
            continue
        out.extend(_resolve_overlap(cluster))
        cluster, reach = [c], c.end
    out.extend(_resolve_overlap(cluster))
    return out


def _resolve_overlap(cluster: list[_Hit]) -> list[_Hit]:
    if len(cluster) == 1:
        return cluster
    taken: list[_Hit] = []
    for c in sorted(cluster, key=lambda c: (-(c.end - c.start), c.dropped, c.i)):
        if all(c.end <= t.i or c.i >= t.end for t in taken):
            taken.append(c)
    return sorted(taken, key=lambda c: c.i)


_NONE: tuple = ()


def _clitic_prep(prefix: str) -> str:
    """The preposition written on a name (بالسوسة -> ب, للسوسة -> ل), or ""."""
    if prefix.endswith("لل"):
        clitics = prefix[:-1]
    elif prefix.endswith("ال"):
        clitics = prefix[:-2]
    else:
        clitics = prefix
    return clitics[-1] if clitics and clitics[-1] in PREPOSITIONS else ""


_CLITIC_PREP = {p: _clitic_prep(p) for p in PREFIXES}


def _matches(r: Rule, h: _Hit, before: list[str], after: list[str] | None, s: str, *, clitic: str = "") -> bool:
    if r.names and h.core not in r.names:
        return False
    pattern = r.before
    if r.clitic and clitic == r.clitic:
        pattern = pattern[:-1]
    elif clitic and r.before and r.says == PLACE:
        return False  # بالسوسة already has its preposition: no word before can be another one
    n = len(pattern)
    if n > len(before):
        return False
    for k in range(1, n + 1):
        if before[-k] not in pattern[-k]:
            return False
    if r.after:
        if after is None or len(r.after) > len(after):
            return False
        if any(after[k] not in words for k, words in enumerate(r.after)):
            return False
    if r.cue is not None:
        j = len(before) - n
        lo = max(0, j - r.reach)
        if r.before or (r.clitic and clitic == r.clitic):
            if not any(r.cue.fullmatch(before[k]) for k in range(lo, j)):
                return False
        else:
            # A verb and its object: nothing but the subject between them.
            for k in range(j - 1, lo - 1, -1):
                if r.cue.fullmatch(before[k]):
                    break
                if before[k] in r.not_between:
                    return False
            else:
                return False
    if r.sentence is not None:
        a, b = sentence(s, h.i)
        if not r.sentence.search(s, a, b):
            return False
    return True
