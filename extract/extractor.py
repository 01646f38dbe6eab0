"""Read an article and emit its claims: who did what where, when, on whose word.

The rules, sentence by sentence
-------------------------------
1. Places come from the gazetteer linker. A place named only to locate
   another (``شرقي دير الزور``, ``بريف دير الزور``, ``في ناحية السوسة``,
   ``القريبة من مدينة عامودا``) is a *locator* and gets no claim.
2. Cues say what happened: captured (سيطر، استعاد، استولى، اقتحم...), holds
   (تحت سيطرة، الخاضعة لسيطرة، يتمركز ضمنها مقاتلو، ضمن الجيب الأخير لـ، معاقل،
   مناطق سيطرته ... تضم), advanced (تقدم، توغل), withdrew (انسحب، خسر) and
   repelled (صد، تصدى، أحبط). Strikes, shelling and clashes (قصف، غارات،
   اشتباكات) make event records.
3. A cue is dropped when negated (لم تسفر عن أي تقدم), when it is a goal or an
   attempt (للسيطرة، معركة لتحرير، في محاولة...), or when the sentence says the
   attempt failed (باءت بالفشل).
4. Which place: a verb's object is the first non-locator place after it in the
   same clause, with every place listed with it (هجين والأباغوز والسوسة); a
   ``holds`` cue after a place attaches to that place (بلدة الباغوز ... والواقعة
   تحت سيطرة داعش); a list cue (معاقل التنظيم ... وهي قرى:) takes the places of
   its list; a relative clause (البوكمال، التي كان استعادها) points back; an
   anaphor (المنطقة، المستشفى، هذه المناطق) takes the last place named before.
5. Which actor: the subject after the verb (استعاد تنظيم داعش), the owner after
   a noun (تحت سيطرة «قسد»، تقدم لـ«قسد»), or else the nearest actor before the
   cue that is not a target (هجوماً على قوات سوريا الديمقراطية). No actor, no
   control claim.
6. On whose word: the nearest speaker before the cue in the sentence (ذكرت
   مصادر أهلية، نقلت وكالات معارضة عن مصدر من «قسد» → SDF), or a ``بحسب``
   source anywhere in it; a sentence that refers back (وأشارت المصادر) keeps
   the last source named; a sentence that continues the previous one (starts
   with و, names no source) keeps its source; otherwise the outlet itself.
7. Modality: زعم/ادعى between speaker and cue make it ``claimed``; نفى makes it
   ``denied``.
8. Extent from the words between cue and place: نصف half, معظم most, أطراف
   outskirts, أجزاء/بعض part, كامل/كل full; a site inside a town is ``part``.
9. When: the date expression nearest the cue, resolved against the publication
   window; with none, ``holds`` is dated to the publication window and changes
   to the week before it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from extract import lexicon as lx
from extract._scope import claim_date
from extract.claim import CONTROL, Claim, DateWindow
from extract.dates import Expression, find_expressions
from extract.reader import Article
from gazetteer import Gazetteer, Linker, Mention, NormalizedText, load, normalize
from gazetteer.linker import TRIGGER_WORDS

__all__ = ["Extractor"]

_TOKEN = re.compile(r"\w+")
_SPLIT = re.compile(r"(\w+)")
_SENTENCE_END = re.compile(r"[.!?؟\n…]+|:\s*\n")
_SEPARATORS = re.compile(r"[\s،,؛;:\"'()\-–—/]*")
_W_FORWARD = 12
_W_REPEL = 18
_PREFIXES = ("", "و", "ف", "ل", "ول", "فل", "ب", "وب")
_GAP_IGNORE = lx.RELATIVE | lx.LOCATOR_WORDS | TRIGGER_WORDS | lx.word_set(
    "كانت كان ما زالت تزال لا باتت أصبحت منها أجزاء جزء معظم بعض كامل قد التي الذي في من تحت")
_PRONOUN_OBJECT = re.compile(r".+(?:ه|ها|هم|هما)$")
_CARRIER_BEFORE = lx.word_set("بحسب حسب وفق وفقا نقلا وبحسب ووفق")


_CLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل")
_IS_CUE: dict[str, bool] = {}


@lru_cache(maxsize=64)
def _with_clitics(words: frozenset[str]) -> frozenset[str]:
    return words | frozenset(c + w for w in words for c in _CLITICS)


@lru_cache(maxsize=200_000)
def _cue_word(word: str) -> tuple[str, str] | None:
    """(cue type, proclitics) of a word that can be a cue, else None. Cached: words repeat."""
    if word in lx.SPECIAL_CUES:
        return "special", ""
    m = lx.CUE_REGEX.fullmatch(word)
    return (m.lastgroup, m.group("pre") or "") if m else None


_MARK_SETS = {
    "speech": lx.SPEECH, "speaker": lx.SPEAKER_NOUNS, "negation": lx.NEGATION, "intent": lx.INTENT,
    "irrealis": lx.IRREALIS,
    "failure": lx.FAILURE, "relative": lx.RELATIVE, "claim": lx.CLAIM_WORDS, "deny": lx.DENY_WORDS,
}
_CLITIC_FREE = {"relative", "negation", "intent", "failure"}  # matched as written
# Every word that can carry a mark, clitics included: one set test per token.


_MARK_WORDS: frozenset[str] = frozenset()  # filled below, once _in is defined


@lru_cache(maxsize=200_000)
def _marks(word: str) -> tuple[str, ...]:
    return tuple(name for name, words in _MARK_SETS.items()
                 if (word in words if name in _CLITIC_FREE else _in(word, words)))


def _in(word: str, words: frozenset[str]) -> bool:
    """``word`` is in ``words``, or is one of them behind a clitic (لمدينة، وريف)."""
    return word in _with_clitics(words)


_MARK_WORDS = frozenset().union(*(_with_clitics(w) for w in _MARK_SETS.values()))
# Extent words (clitics included) to the extent they say; where words disagree the first listed wins.
_EXTENT_PRIORITY = ("half", "most", "outskirts", "part", "full")
_EXTENT_OF = {w: e for e in reversed(_EXTENT_PRIORITY) for w in _with_clitics(lx.EXTENT_WORDS[e])}


@dataclass
class _Cue:
    i: int                 # token index
    change: str            # captured/holds/advanced/withdrew/repelled or an event kind
    mode: str              # forward, post, list, event
    purpose: bool = False  # carried a purpose ل (للسيطرة)


@dataclass
class _Sentence:
    start: int
    end: int
    para: int
    t0: int  # first token index
    t1: int  # one past the last token index
    headline: bool = False  # a short line of its own with no full stop: a title


class Extractor:
    """Turns articles into :class:`~extract.claim.Claim` records.

    Parameters
    ----------
    gazetteer : Gazetteer, optional
        The places to look for; the bundled gazetteer by default.

    Examples
    --------
    >>> from extract.reader import Article
    >>> ex = Extractor()
    >>> text = "وذكرت مصادر محلية أن قسد سيطرت أمس على بلدة هجين بالكامل."
    >>> [(c.place, c.actor, c.change, c.extent, c.attributed_to) for c in ex.extract(Article("a", text, "a.txt"))]
    [('hajin', 'SDF', 'captured', 'full', 'local sources')]
    """

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or load()
        self.linker = Linker(self.gazetteer)
        self._actors = lx.actor_matcher()
        self._sources = lx.source_matcher()

    # ------------------------------------------------------------------ API
    def extract(self, article: Article) -> list[Claim]:
        """All claims and events of one article, in reading order."""
        nt = normalize(article.text)
        return _Run(self, article, nt).claims()


class _Run:
    """The state of extracting one article (kept off the Extractor so it is reentrant)."""

    def __init__(self, ex: Extractor, article: Article, nt: NormalizedText) -> None:
        self.ex, self.article, self.nt = ex, article, nt
        s = nt.text
        self.s = s
        # Tokens and their offsets from one split: [gap, word, gap, word, ..., gap].
        parts = _SPLIT.split(s)
        offsets = list(accumulate(map(len, parts), initial=0))
        self.tword = parts[1::2]
        self.tstart = offsets[1::2]
        self.tend = offsets[2::2]
        self.mentions = ex.linker.link(nt)
        self.mstart = [m.norm_start for m in self.mentions]
        self.actors = list(ex._actors.finditer(s))
        self.astart = [a[0] for a in self.actors]
        self.actor_tokens = {k for a, b, _ in self.actors
                             for k in range(bisect_left(self.tstart, a), bisect_left(self.tstart, b))}
        self.sources = list(ex._sources.finditer(s))
        self.sstart = [x[0] for x in self.sources]
        self._dates: dict[int, list[Expression]] = {}  # per sentence, found when a claim needs them
        self.sentences = self._split()
        self.locator = [self._is_locator(m) for m in self.mentions]
        self.last_source: tuple[str, str] | None = None
        self._cue_cache: dict[int, _Cue | None] = {}
        # Token indices of words in the sets the rules test over windows.
        self.marks: dict[str, list[int]] = {name: [] for name in _MARK_SETS}
        for i in [i for i, w in enumerate(self.tword) if w in _MARK_WORDS]:
            for name in _marks(self.tword[i]):
                self.marks[name].append(i)
        self.speech_tokens = frozenset(self.marks["speech"])
        # Token indices of candidate cue words (whether a word can be a cue is remembered across articles).
        if len(_IS_CUE) > 500_000:  # a bounded memory, whatever the corpus
            _IS_CUE.clear()
        for w in {w for w in self.tword if w not in _IS_CUE}:
            _IS_CUE[w] = _cue_word(w) is not None
        self.cue_tokens = [i for i, w in enumerate(self.tword) if _IS_CUE[w]]
        self.prev_effective: str = "outlet"

    # ------------------------------------------------------------ sentences
    def _split(self) -> list[_Sentence]:
        out = []
        pos, para = 0, 0
        s = self.s
        for m in _SENTENCE_END.finditer(s):
            if m.start() > pos:
                out.append(self._sentence(pos, m.start(), para))
            if "\n" in m.group():
                para += 1
            pos = m.end()
        if pos < len(s):
            out.append(self._sentence(pos, len(s), para))
        return [x for x in out if x.t1 > x.t0]

    def _sentence(self, a: int, b: int, para: int) -> _Sentence:
        s = self.s
        line_start = a == 0 or s[a - 1] == "\n" or not s[s.rfind("\n", 0, a) + 1:a].strip()
        line_end = b >= len(s) or s[b] == "\n"
        headline = line_start and line_end and (b - a) < 120
        return _Sentence(a, b, para, bisect_left(self.tstart, a), bisect_left(self.tstart, b), headline)

    def _has(self, mark: str, a: int, b: int) -> bool:
        """Some token in [a, b) carries ``mark``."""
        idx = self.marks[mark]
        k = bisect_left(idx, a)
        return k < len(idx) and idx[k] < b

    def _tok_index(self, pos: int) -> int:
        return bisect_right(self.tstart, pos) - 1

    # --------------------------------------------------------------- places
    def _is_locator(self, m: Mention) -> bool:
        k = bisect_left(self.tstart, m.norm_start) - 1
        steps = 0
        while k >= 0 and steps < 4:
            w = self.tword[k]
            if _in(w, lx.LOCATOR_WORDS):
                return True
            if _in(w, TRIGGER_WORDS) or w.isdigit() or w in ("من", "ل", "في"):
                if w == "في" and steps == 0:
                    return False
                k -= 1
                steps += 1
                continue
            return False
        return False

    def _mentions_in(self, a: int, b: int) -> list[int]:
        return list(range(bisect_left(self.mstart, a), bisect_left(self.mstart, b)))

    def _group_from(self, k: int, limit: int) -> list[int]:
        """Mention k and the places listed right after it (و / ، / trigger words)."""
        group = [k]
        j = k + 1
        while j < len(self.mentions) and self.mentions[j].norm_start < limit:
            gap = self.s[self.mentions[j - 1].norm_end:self.mentions[j].norm_start]
            words = [w for w in _TOKEN.findall(gap) if w not in TRIGGER_WORDS and w not in ("و", "كلا", "من")]
            if not _SEPARATORS.fullmatch(re.sub(r"\w+", "", gap)) or words:
                break
            group.append(j)
            j += 1
        return [g for g in group if not self.locator[g]]

    # ---------------------------------------------------------------- cues
    def _cues_in(self, a: int, b: int) -> list[int]:
        """Candidate cue token indices in the token range [a, b)."""
        return self.cue_tokens[bisect_left(self.cue_tokens, a):bisect_left(self.cue_tokens, b)]

    def _cue_at(self, i: int, sent: _Sentence) -> _Cue | None:
        if i in self._cue_cache:
            return self._cue_cache[i]
        cue = self._classify(i, sent)
        self._cue_cache[i] = cue
        return cue

    def _classify(self, i: int, sent: _Sentence) -> _Cue | None:
        w = self.tword[i]
        prev = self.tword[i - 1] if i > sent.t0 else ""
        nxt = self.tword[i + 1] if i + 1 < sent.t1 else ""
        if w in ("يتمركز", "تتمركز", "يتحصن", "يتحصنون", "يتواجد", "تنتشر", "ينتشر", "يتمركزون") and \
                nxt in ("ضمنها", "فيها", "داخلها", "بها", "ضمنه", "فيه"):
            return _Cue(i, "holds", "post")
        if w in ("الجيب", "جيب") and prev in ("ضمن", "داخل"):
            return _Cue(i, "holds", "post")
        if w in ("معاقل", "معقل", "معاقله", "معاقلها"):
            return _Cue(i, "holds", "list")
        if w in ("رفعت", "رفع", "رفعوا", "ترفع", "يرفع"):
            return _Cue(i, "captured", "forward") if nxt in lx.FLAG_WORDS else None
        hit = _cue_word(w)
        if hit is None or hit[0] == "special":
            return None
        change, pre = hit
        purpose = "ل" in pre
        if change in ("strike", "clash"):
            return _Cue(i, change, "event", purpose)
        core = w[len(pre):]
        if "سيطره" in core or core.startswith("سيطرت"):
            if prev == "تحت" or (pre.endswith("ل") and prev in ("الخاضعه", "الخاضع", "خاضعه", "خاضع",
                                                                 "والخاضعه", "والخاضع")):
                return _Cue(i, "holds", "post")
            if prev in ("مناطق", "منطقه"):
                return _Cue(i, "holds", "list")
            if prev.startswith(("فقد", "خسر")):
                return _Cue(i, "withdrew", "forward")
        if change == "freed":
            # تحرر قرية السكرية (transitive, present) vs الباغوز تحررت (the place is the subject).
            if nxt and (_in(nxt, TRIGGER_WORDS) or self._mention_starts_at(i + 1)) and core.startswith("تحرر"):
                return _Cue(i, "captured", "forward", purpose)
            return _Cue(i, "captured", "subject", purpose)
        if change == "entered":
            return _Cue(i, "advanced", "entered", purpose)
        if change == "confined":
            return _Cue(i, "holds", "confine", purpose)
        if change == "holds_present":
            if nxt in ("عليها", "عليه", "عليهما"):
                return _Cue(i, "holds", "post")
            # Headlines tell past events in the present tense (قسد تسيطر على ...).
            return _Cue(i, "captured" if sent.headline else "holds", "forward", purpose)
        return _Cue(i, change, "forward", purpose)

    def _negated(self, i: int, sent: _Sentence) -> bool:
        """A negation governs the cue: right before it, or across light verbs,
        أي and the subject (لم تحقق قسد أي تقدم). لا ... إلا is exceptive, not negative."""
        if (i + 1 < sent.t1 and self.tword[i + 1] in ("إلا", "الا")) or \
                (i + 2 < sent.t1 and self.tword[i + 2] in ("إلا", "الا")):
            return False
        for k in range(i - 1, max(sent.t0, i - 6) - 1, -1):
            w = self.tword[k]
            if w in lx.NEGATION:
                return True
            if not (w in lx.LIGHT_VERBS or k in self.actor_tokens):
                return False
        return False

    def _mention_starts_at(self, t: int) -> bool:
        if t >= len(self.tstart):
            return False
        k = bisect_left(self.mstart, self.tstart[t])
        while k < len(self.mentions) and self.mentions[k].norm_start <= self.tend[t]:
            if self.mentions[k].norm_end >= self.tstart[t]:
                return True
            k += 1
        return False

    def _irrealis(self, i: int, sent: _Sentence) -> bool:
        """The cue is only possible, expected, feared or conditional: قد تستعيد، من المتوقع أن، في حال."""
        lo = max(sent.t0, i - 6)
        if self._has("irrealis", lo, i):
            return True
        # قد + a present-tense verb is "may" (قد يسيطر); قد + past is "has" (كانت قد سيطرت).
        for k in range(lo, i):
            if self.tword[k] in ("قد", "وقد", "فقد") and k + 1 <= i:
                nxt = self.tword[k + 1]
                if len(nxt) > 3 and nxt[0] in "يتن":
                    return True
        return False

    def _blocked(self, cue: _Cue, sent: _Sentence) -> bool:
        i = cue.i
        if self._negated(i, sent):
            return True
        if cue.mode != "event" and self._irrealis(i, sent):
            return True
        if cue.mode not in ("forward", "subject", "entered"):
            return False
        if cue.purpose or self._has("intent", max(sent.t0, i - 5), i):
            return True
        return self._has("failure", i + 1, min(sent.t1, i + 12))

    # --------------------------------------------------------------- actors
    def _actor_after(self, pos: int, limit: int, *, agent_only: bool = True) -> tuple[int, int, str] | None:
        k = bisect_left(self.astart, pos)
        while k < len(self.actors) and self.actors[k][0] < limit:
            a = self.actors[k]
            if not agent_only or not self._is_target(a):
                return a
            k += 1
        return None

    def _actor_before(self, pos: int, floor: int) -> tuple[int, int, str] | None:
        k = bisect_left(self.astart, pos) - 1
        while k >= 0 and self.actors[k][0] >= floor:
            a = self.actors[k]
            if not self._is_target(a):
                return a
            k -= 1
        return None

    def _is_target(self, a: tuple[int, int, str]) -> bool:
        ti = bisect_left(self.tstart, a[0])
        word = self.s[a[0]:a[1]]
        if word.startswith(("علي", "ضد")):
            return True
        for k in range(ti - 1, max(-1, ti - 4), -1):
            w = self.tword[k]
            if w in lx.TARGET_MARKERS or w in lx.ATTACK_NOUNS:
                return True
            # قوات «قسد»، نقاط لقسد: look past the head noun the actor's name hangs on.
            if w not in lx.ACTOR_HEADS and not _in(w, lx.SITE_WORDS):
                break
        # بدعم من «التحالف»: a supporter, not the doer.
        return any(w in lx.SUPPORT for w in self.tword[max(0, ti - 3):ti])

    def _first_actor(self, sent: _Sentence) -> tuple[int, int, str] | None:
        return self._actor_after(sent.start, sent.end)

    # -------------------------------------------------------------- sources
    def _frames(self, sent: _Sentence) -> list[tuple[int, str, str]]:
        """Speakers in a sentence: (position, canonical source, how found).

        A source that only carries another's words (بحسب روسيا اليوم after
        مصادر محلية; وكالات معارضة in نقلت وكالات معارضة عن مصدر) is marked
        ``carrier`` and loses to the speaker it carries.
        """
        frames = []
        lo = bisect_left(self.sstart, sent.start)
        hi = bisect_left(self.sstart, sent.end)
        a_lo, a_hi = bisect_left(self.astart, sent.start), bisect_left(self.astart, sent.end)
        if lo == hi and a_lo == a_hi:
            return frames
        for a, b, name in self.sources[lo:hi]:
            ti, tj = bisect_left(self.tstart, a), bisect_left(self.tstart, b)
            before = self.tword[max(sent.t0, ti - 3):ti]
            after = self.tword[tj:min(sent.t1, tj + 2)]
            # بحسب رويترز، نقلت رويترز عن ...، قال مصدر لسانا: the source carries, someone else speaks.
            told_to = self.ex._sources.prefix_of(self.s[a:b]).endswith("ل")
            carrier = any(w in _CARRIER_BEFORE for w in before) or "عن" in after or told_to
            frames.append((a, name, "carrier" if carrier else "named"))
        speech = self.speech_tokens
        for a, b, actor in self.actors[a_lo:a_hi]:
            ti = bisect_left(self.tstart, a)
            tj = bisect_left(self.tstart, b)
            speech_next_to = (ti - 1 >= sent.t0 and ti - 1 in speech) or (tj < sent.t1 and tj in speech)
            if speech_next_to or self._speaker_of(ti, sent):
                frames.append((a, lx.ACTOR_AS_SOURCE[actor], "speaker"))
        return sorted(frames)

    def _speaker_of(self, ti: int, sent: _Sentence) -> bool:
        """A speaker noun governs the actor at token ti (مصدر في قسد، المتحدث باسم التحالف),
        with no أن/إن between them (which would start what the speaker said)."""
        idx = self.marks["speaker"]
        k = bisect_left(idx, max(sent.t0, ti - 9))
        if k >= len(idx) or idx[k] >= ti:
            return False
        last = max(j for j in idx[k:] if j < ti)
        return not any(w in ("ان", "بان", "انه", "انها", "انهم") for w in self.tword[last + 1:ti])

    def _attribution(self, sent: _Sentence, frames, cue_pos: int) -> tuple[str, str, int]:
        """(source, basis, frame position) for a cue at ``cue_pos``."""
        before = [f for f in frames if f[0] < cue_pos]
        speakers = [f for f in before if f[2] != "carrier"] or before
        if speakers:
            f = speakers[-1]
            return f[1], f[2], f[0]
        for f in frames:
            k = self._tok_index(f[0])
            if k > sent.t0 and self.tword[k - 1] in _CARRIER_BEFORE:
                return f[1], "named (بحسب)", f[0]
        words = self.tword[sent.t0:sent.t1]
        refers_back = any(w in ("المصادر", "المصدر", "وبحسب", "بحسب") for w in words) or self._has(
            "speech", sent.t0, min(sent.t1, sent.t0 + 3))
        if refers_back and self.last_source:
            return self.last_source[0], "refers back to the last source", sent.start
        # وشنّ، وأضاف...: a sentence joined to the last by و continues its report.
        if words and len(words[0]) > 2 and words[0].startswith("و") and self.prev_effective != "outlet":
            return self.prev_effective, "continues the previous sentence", sent.start
        return "outlet", "the article's own voice", sent.start

    # ---------------------------------------------------------------- dates
    def _date_for(self, a: int, b: int, sent: _Sentence, change: str | None) -> DateWindow:
        if sent.start not in self._dates:
            self._dates[sent.start] = find_expressions(self.s, sent.start, sent.end)
        return claim_date(self.s, (sent.start, sent.end), (a, b), self.article.published, change,
                          self._dates[sent.start])

    # --------------------------------------------------------------- extent
    def _extent(self, i0: int, i1: int, place_id: str) -> str | None:
        found = {_EXTENT_OF.get(w) for w in self.tword[max(0, i0):max(i0, i1)]}
        for extent in _EXTENT_PRIORITY:
            if extent in found:
                return extent
        place = self.ex.gazetteer.get(place_id)
        if place is not None and place.kind == "site":
            return "part"
        return None

    # ---------------------------------------------------------------- main
    def claims(self) -> list[Claim]:
        out: list[Claim] = []
        seen: set[tuple] = set()
        prev_sent: _Sentence | None = None
        placed = [bool(self._mentions_in(x.start, x.end)) for x in self.sentences]
        for n, sent in enumerate(self.sentences):
            frames = self._frames(sent)
            effective = None
            # A claim needs a place: here, or in the sentence before (an anaphor points back).
            near_place = placed[n] or (n > 0 and placed[n - 1])
            for i in self._cues_in(sent.t0, sent.t1) if near_place else ():
                cue = self._cue_at(i, sent)
                if cue is None or self._blocked(cue, sent):
                    continue
                for claim in self._claims_for(cue, sent, frames, prev_sent):
                    key = (sent.start, claim.place, claim.kind, claim.actor, claim.change)
                    if key in seen:
                        continue
                    seen.add(key)
                    out.append(claim)
                    if claim.kind == CONTROL:
                        effective = claim.attributed_to
            named = [f for f in frames if f[2] in ("named", "speaker")] or frames
            if named:
                self.last_source = (named[-1][1], named[-1][2])
            if effective is None:
                effective = self._attribution(sent, frames, sent.end)[0]
            self.prev_effective = effective
            prev_sent = sent
        return out

    def _claims_for(self, cue: _Cue, sent: _Sentence, frames, prev_sent) -> list[Claim]:
        i = cue.i
        cue_a, cue_b = self.tstart[i], self.tend[i]
        targets: list[int] = []
        actor = None
        confidence = 0.85
        extent_span = (i, i + 1)  # token range read for the extent
        if cue.mode in ("forward", "event"):
            relative = self._relative_before(i, sent) and bool(_PRONOUN_OBJECT.match(self.tword[i]))
            targets, zone_end = ([], self.tend[i]) if relative else self._forward(cue, sent)
            if targets:
                first_tok = bisect_left(self.tstart, self.mentions[targets[0]].norm_start)
                extent_span = (i, first_tok + 1)
            elif cue.mode == "forward":
                targets, confidence = self._fallback_targets(cue, sent, prev_sent, zone_end)
                extent_span = (i, min(sent.t1, i + 9))
            if not targets:
                return []
            first = self.mentions[targets[0]]
            if first.norm_start < cue_a:  # pointed back (relative clause, anaphor)
                # بعد طرد داعش منها / التي كان استعادها: the doer is the sentence's subject.
                after_word = i > sent.t0 and self.tword[i - 1] in ("بعد", "وبعد", "عقب")
                if after_word:  # بعد انسحاب مسلحي داعش منها: the doer follows, unless it is the object (طرد داعش)
                    actor = self._actor_after(cue_b, self.tend[min(i + 4, sent.t1 - 1)] + 1) or self._first_actor(sent)
                else:
                    actor = self._first_actor(sent) if self._relative_before(i, sent) else None
                actor = actor or self._actor_after(cue_b, self.tend[min(i + 3, sent.t1 - 1)] + 1)
                actor = actor or self._actor_before(cue_a, sent.start)
            else:
                actor = self._actor_after(cue_b, min(first.norm_start, self.tend[min(i + 5, sent.t1 - 1)]))
                actor = actor or self._actor_before(cue_a, sent.start)
        elif cue.mode == "post":
            actor = self._actor_after(cue_b, self.tend[min(i + 5, sent.t1 - 1)] + 1, agent_only=False)
            k = self._antecedent(i, sent)
            if k is not None:
                targets = [k]
                extent_span = (bisect_left(self.tstart, self.mentions[k].norm_end), i + 1)
            else:
                targets, confidence = self._post_fallback(i, sent, prev_sent, actor)
                extent_span = (max(sent.t0, i - 6), i + 1)
        elif cue.mode == "subject":  # الباغوز تحررت / سقطت بلدة السوسة بيد داعش
            k = self._antecedent(i, sent)
            if k is not None:
                targets = [k]
                floor_pos = self.mentions[k].norm_start
            else:
                targets, _ = self._forward(cue, sent)
                floor_pos = cue_a
            if not targets:
                return []
            actor = self._actor_in_hands(i, sent) or self._actor_before(floor_pos, sent.start) or \
                self._first_actor(sent)
            extent_span = (i, min(sent.t1, i + 3))
        elif cue.mode == "entered":  # دخلت قسد بلدة هجين: the doer stands next to the verb
            targets, _ = self._forward(cue, sent)
            if not targets:
                return []
            prev = self._actor_before(cue_a, sent.start)
            if prev is not None and bisect_left(self.tstart, prev[1]) >= i - 1:
                actor = prev  # قسد تدخل الشعفة
            else:
                first = self.mentions[targets[0]].norm_start
                actor = self._actor_after(cue_b, min(first, self.tend[min(i + 4, sent.t1 - 1)] + 1))
            extent_span = (i, bisect_left(self.tstart, self.mentions[targets[0]].norm_start) + 1)
        elif cue.mode == "confine":  # لتحصر التنظيم في بلدة الباغوز ... مثل السفافنة
            actor = self._actor_after(cue_b, self.tend[min(i + 3, sent.t1 - 1)] + 1, agent_only=False)
            targets, _ = self._forward(cue, sent)
            if targets:
                last = self.mentions[targets[-1]].norm_end
                more = [k for k in self._list_targets(bisect_left(self.tstart, last) - 1, sent) if k not in targets]
                targets = targets + more
            confidence = 0.7
        elif cue.mode == "list":
            actor = self._actor_after(cue_b, self.tend[min(i + 3, sent.t1 - 1)] + 1, agent_only=False)
            if actor is None and self.tword[i].endswith(("ه", "ها", "هم")):
                actor = self._actor_before(cue_a, sent.start)
            targets = self._list_targets(i, sent)
            confidence = 0.75
        if not targets:
            return []
        if cue.mode == "event":
            return [self._event(cue, sent, k, frames) for k in targets]
        if actor is None:
            return []
        return [self._control(cue, sent, k, actor, frames, extent_span, confidence) for k in targets]

    def _forward(self, cue: _Cue, sent: _Sentence) -> tuple[list[int], int]:
        """The object of a forward cue: the first non-locator place in its reach."""
        i = cue.i
        width = _W_REPEL if cue.change == "repelled" else _W_FORWARD
        last = min(sent.t1, i + width + 1)
        stop = last
        for j in range(i + 2, last):  # a new clause ends the reach
            if self.tword[j] in lx.STOP:
                stop = j
                break
        if cue.mode != "event":  # so does another control cue (not one inside a relative clause)
            for j in self._cues_in(i + 1, stop):
                other = self._cue_at(j, sent)
                if other is not None and other.mode != "event" and not self._relative_before(j, sent):
                    stop = j
                    break
        limit = self.tstart[stop] if stop < sent.t1 else sent.end
        if stop == last and stop < sent.t1:
            limit = self.tend[stop - 1]
        for k in self._mentions_in(self.tend[i], limit):
            if self.locator[k]:
                continue
            if cue.change == "withdrew" and self._after_destination(k):
                break  # فروا باتجاه السوسة: where they went, not what they left
            return self._group_from(k, sent.end), limit
        return [], limit

    def _after_destination(self, k: int) -> bool:
        t = bisect_left(self.tstart, self.mentions[k].norm_start) - 1
        while t >= 0 and _in(self.tword[t], TRIGGER_WORDS):
            t -= 1
        return t >= 0 and _in(self.tword[t], lx.DESTINATION)

    def _relative_before(self, i: int, sent: _Sentence) -> bool:
        # التي خسرها، التي كان استعادها، التي كان الجيش استعادها
        return self._has("relative", max(sent.t0, i - 3), i)

    def _fallback_targets(self, cue: _Cue, sent: _Sentence, prev_sent, zone_end: int) -> tuple[list[int], float]:
        """Targets when no place follows the cue: relative clause, anaphor, trailing advance."""
        i = cue.i
        w = self.tword[i]
        # Relative clause with an object pronoun: البوكمال، التي كان استعادها
        if _PRONOUN_OBJECT.match(w) and self._relative_before(i, sent):
            rel = max(j for j in range(max(sent.t0, i - 3), i) if self.tword[j] in lx.RELATIVE)
            k = self._antecedent(rel, sent)
            return ([k], 0.7) if k is not None else ([], 0.0)
        zone_tok = bisect_left(self.tstart, zone_end)
        zone = self.tword[i + 1:min(sent.t1, i + 10, max(zone_tok, i + 3))]
        pronoun = any(z in lx.PRONOUN_OBJECTS for z in zone[:3])
        anaphor = pronoun or any(_in(z, lx.ANAPHORS) or _in(z, lx.SITE_WORDS) or z == "هذه" for z in zone)
        if anaphor:
            found = self._last_place_before(i, sent, None if pronoun else prev_sent)
            if found is not None:
                return [found[0]], found[1]
        # A trailing advance: ... تبعها تقدم لـ«قسد»
        if cue.change == "advanced" and i + 1 < sent.t1 and (
                self.tword[i + 1] == "ل" or self._actor_after(self.tend[i], self.tend[min(i + 2, sent.t1 - 1)] + 1)):
            found = self._last_place_before(i, sent, None)
            if found is not None:
                return [found[0]], 0.5
        return [], 0.0

    def _last_place_before(self, i: int, sent: _Sentence, prev_sent) -> tuple[int, float] | None:
        """The last place named before token i in this sentence, else in the previous one (if given).

        Returns the mention index and the confidence such a reading deserves.
        """
        before = [k for k in self._mentions_in(sent.start, self.tstart[i]) if not self.locator[k]]
        if before:
            return before[-1], 0.6
        if prev_sent is not None and sent.para - prev_sent.para <= 1:
            prior = [k for k in self._mentions_in(prev_sent.start, prev_sent.end) if not self.locator[k]]
            if prior:
                return prior[-1], 0.55
        return None

    def _antecedent(self, i: int, sent: _Sentence) -> int | None:
        """The place right before token i, allowing locators and relative words between."""
        before = [k for k in self._mentions_in(sent.start, self.tstart[i]) if not self.locator[k]]
        if not before:
            return None
        k = before[-1]
        m = self.mentions[k]
        gap_tokens = range(bisect_left(self.tstart, m.norm_end), i)
        content = 0
        for j in gap_tokens:
            w = self.tword[j]
            inside_locator = any(self.locator[q] and self.mentions[q].norm_start <= self.tstart[j] <
                                 self.mentions[q].norm_end for q in self._mentions_in(m.norm_end, self.tstart[i]))
            if inside_locator or w in _GAP_IGNORE or w.isdigit():
                continue
            content += 1
        return k if content <= 1 else None

    def _actor_in_hands(self, i: int, sent: _Sentence):
        """The actor after بيد / في يد / بقبضة following the cue, if any."""
        for j in range(i + 1, min(sent.t1, i + 8)):
            if self.tword[j] in lx.HANDS or (self.tword[j] == "يد" and j > i + 1):
                return self._actor_after(self.tend[j], self.tend[min(j + 4, sent.t1 - 1)] + 1, agent_only=False)
        return None

    def _post_fallback(self, i: int, sent: _Sentence, prev_sent, actor) -> tuple[list[int], float]:
        """A holds cue with no place right before it: a list after it, or an anaphor before it."""
        if actor is not None:
            after = [k for k in self._mentions_in(actor[1], sent.end) if not self.locator[k]]
            if after:
                gap = self.s[actor[1]:self.mentions[after[0]].norm_start]
                words = _TOKEN.findall(gap)
                if (":" in gap or any(w in lx.LIST_MARKERS for w in words)) and len(words) <= 4:
                    return after, 0.7
        if any(_in(w, lx.ANAPHORS) for w in self.tword[max(sent.t0, i - 4):i]):
            found = self._last_place_before(i, sent, prev_sent)
            if found is not None:
                return [found[0]], found[1]
        return [], 0.0

    def _list_targets(self, i: int, sent: _Sentence) -> list[int]:
        for j in range(i + 1, min(sent.t1, i + 26)):
            if self.tword[j] in lx.LIST_MARKERS:
                return [k for k in self._mentions_in(self.tend[j], sent.end) if not self.locator[k]]
        return []

    # ------------------------------------------------------------- records
    def _quote(self, sent: _Sentence, a: int, b: int) -> tuple[int, int, str]:
        a, b = max(a, sent.start), min(b, sent.end)
        while a > sent.start and self.s[a - 1].isalnum():
            a -= 1
        while b < sent.end and self.s[b].isalnum():
            b += 1
        if b - a > 400:  # keep quotes readable: the clause around the cue
            b = a + 400
        oa, ob = self.nt.span(a, b)
        return oa, ob, self.nt.original[oa:ob]

    def _common(self, cue: _Cue, sent: _Sentence, k: int, frames) -> dict:
        m = self.mentions[k]
        place = self.ex.gazetteer[m.place]
        cue_a, cue_b = self.tstart[cue.i], self.tend[cue.i]
        if sent.start <= m.norm_start < sent.end:
            qa, qb, quote = self._quote(sent, min(cue_a, m.norm_start), max(cue_b, m.norm_end))
        else:  # the place was named in an earlier sentence: quote the cue's clause
            qa, qb, quote = self._quote(sent, cue_a, self.tend[min(cue.i + 8, sent.t1 - 1)])
        source, basis, frame_pos = self._attribution(sent, frames, cue_a)
        ss, se = self.nt.span(sent.start, sent.end)
        return dict(
            article=self.article.id, place=place.id, place_name=place.name_en, surface=m.surface,
            lat=place.lat, lon=place.lon, attributed_to=source, outlet=self.article.outlet,
            published=self.article.published, quote=quote, start=qa, end=qb, url=self.article.url,
            cue=self.nt.original[slice(*self.nt.span(cue_a, cue_b))], place_start=m.start, place_end=m.end,
            sentence_start=ss, sentence_end=se, attribution_basis=basis, outlet_basis=self.article.outlet_basis,
            _frame_pos=frame_pos, _cue=(cue_a, cue_b), _m=m,
        )

    def _control(self, cue: _Cue, sent: _Sentence, k: int, actor, frames, extent_span: tuple[int, int],
                 confidence: float) -> Claim:
        c = self._common(cue, sent, k, frames)
        m = c.pop("_m")
        cue_a, cue_b = c.pop("_cue")
        frame_pos = c.pop("_frame_pos")
        extent = self._extent(extent_span[0], extent_span[1], m.place)
        # زعمت مواقع معارضة أن، نفى المتحدث باسم قسد: the verb may stand before its speaker's title.
        t_frame = max(sent.t0, self._tok_index(max(frame_pos, sent.start)) - 4)
        modality = ("denied" if self._has("deny", t_frame, cue.i + 1)
                    else "claimed" if self._has("claim", t_frame, cue.i + 1) else "asserted")
        date = self._date_for(cue_a, cue_b, sent, cue.change)
        return Claim(id=f"{self.article.id}:{c['start']}-{c['end']}:{m.place}:{cue.change}", kind=CONTROL,
                     actor=actor[2], change=cue.change, extent=extent, modality=modality, date=date,
                     confidence=round(confidence, 2), **c)

    def _event(self, cue: _Cue, sent: _Sentence, k: int, frames) -> Claim:
        c = self._common(cue, sent, k, frames)
        m = c.pop("_m")
        cue_a, cue_b = c.pop("_cue")
        c.pop("_frame_pos")
        i = cue.i
        # The strike's own clause: a little before the cue, up to its target.
        target_tok = bisect_left(self.tstart, m.norm_start)
        lo, hi = (max(sent.t0, i - 2), max(target_tok, i + 3)) if target_tok > i else (target_tok, i + 3)
        near = set(self.tword[lo:min(sent.t1, hi)])
        if cue.change == "clash":
            kind = "clash"
            actor = self._actor_after(cue_b, m.norm_start) or self._actor_before(cue_a, sent.start)
        else:
            actor = (self._actor_after(cue_b, min(m.norm_start, self.tend[min(i + 4, sent.t1 - 1)] + 1))
                     or self._actor_before(cue_a, sent.start))
            word = self.tword[i]
            if near & lx.AIR_WORDS or "غار" in word:
                kind = "airstrike"
            elif near & lx.ARTILLERY_WORDS:
                kind = "shelling"
            else:
                kind = "airstrike" if actor and actor[2] == "COALITION" else "shelling"
        date = self._date_for(cue_a, cue_b, sent, None)
        return Claim(id=f"{self.article.id}:{c['start']}-{c['end']}:{m.place}:{kind}", kind=kind,
                     actor=actor[2] if actor else None, change=None, extent=None, modality="asserted",
                     date=date, confidence=0.7, **c)
