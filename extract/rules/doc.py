"""The document every rule reads: tokens, places, actors, sources and marked words of one article.

A :class:`Doc` is built once per article by :class:`extract.Extractor`; rules
are functions of it (``rule(doc, sent, ...)``), the way spaCy's matchers read a
``Doc``. It holds no state that outlives the article, so one extractor can serve
several threads.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING, NamedTuple

from extract import lexicon as lx
from extract.reader import Article
from extract.rules.sentences import Sentence, split_sentences
from gazetteer import Mention, NormalizedText, arabic

if TYPE_CHECKING:
    from extract.extractor import Extractor

__all__ = ["Doc", "Hit", "in_set", "with_clitics"]

_SPLIT = re.compile(r"(\w+)")


class Hit(NamedTuple):
    """A phrase found in the normalised text: an actor or a source."""

    start: int
    end: int
    key: str  # the actor code or the canonical source name


@lru_cache(maxsize=64)
def with_clitics(words: frozenset[str]) -> frozenset[str]:
    """``words`` and each of them behind a proclitic (و، ف، ب، ل، ك ...), from the one clitic table."""
    return words | arabic.with_clitics(words)


def in_set(word: str, words: frozenset[str]) -> bool:
    """``word`` is in ``words``, or is one of them behind a clitic (لمدينة، وريف)."""
    return word in with_clitics(words)


# Word sets the rules test over windows, indexed once per article.
MARK_SETS: dict[str, frozenset[str]] = {
    "speech": lx.SPEECH, "speaker": lx.SPEAKER_NOUNS, "negation": lx.NEGATION, "intent": lx.INTENT,
    "irrealis": lx.IRREALIS, "failure": lx.FAILURE, "relative": lx.RELATIVE, "claim": lx.CLAIM_WORDS,
    "deny": lx.DENY_WORDS, "refers": lx.REFERS_BACK, "deny_after_la": lx.DENY_AFTER_LA,
}
_CLITIC_FREE = {"relative", "negation", "failure", "refers", "deny_after_la"}  # matched as written
_MARK_WORDS = frozenset().union(*(with_clitics(w) for w in MARK_SETS.values()))


@lru_cache(maxsize=200_000)
def _marks(word: str) -> tuple[str, ...]:
    return tuple(name for name, words in MARK_SETS.items()
                 if (word in words if name in _CLITIC_FREE else in_set(word, words)))




def _army_of(words: list[str], actors: list[Hit]) -> str:
    """IRAQ when the article is about Iraq (Iraqi parties or words outnumber Syrian ones), else SAA."""
    iraq = syria = 0
    for w in words:
        w = w[1:] if w[:1] in "وبل" and len(w) > 4 else w
        iraq += w in lx.IRAQ_WORDS
        syria += w in lx.SYRIA_WORDS
    iraq += 2 * sum(a.key in ("IRAQ", "PMF") for a in actors)
    syria += 2 * sum(a.key in ("SAA", "SDF") for a in actors)
    return "IRAQ" if iraq > syria else "SAA"

class Doc:
    """One article, tokenised and annotated for the rules.

    Parameters
    ----------
    ex : Extractor
        Supplies the gazetteer, the linker, the actor and source matchers.
    article : Article
        The article (its id, outlet and publication window go into records).
    nt : NormalizedText
        The article's text, normalised, with the way back to the original.
    """

    def __init__(self, ex: Extractor, article: Article, nt: NormalizedText) -> None:
        self.ex, self.article, self.nt = ex, article, nt
        s = self.s = nt.text
        # Tokens and their offsets from one split: [gap, word, gap, word, ..., gap].
        parts = _SPLIT.split(s)
        offsets = list(accumulate(map(len, parts), initial=0))
        self.tword: list[str] = parts[1::2]
        self.tstart: list[int] = offsets[1::2]
        self.tend: list[int] = offsets[2::2]
        self.mentions: list[Mention] = ex.linker.link(nt)
        self.mstart = [m.norm_start for m in self.mentions]
        # NONE rows of actors.csv: generic phrases that contain a party's name (الوحدات العسكرية is not
        # the YPG's الوحدات); they win by length, then drop out.
        found = [Hit(*a) for a in ex.actor_matcher.finditer(s) if a[2] != "NONE"]
        # ARMY rows: the army unqualified (الجيش، القطعات العسكرية) is the army of the country the article is about.
        if any(a.key == "ARMY" for a in found):
            army = _army_of(self.tword, found)
            found = [a._replace(key=army) if a.key == "ARMY" else a for a in found]
        self.actors = found
        self.astart = [a.start for a in self.actors]
        self.actor_tokens = {k for a in self.actors
                             for k in range(bisect_left(self.tstart, a.start), bisect_left(self.tstart, a.end))}
        self.sources = [Hit(*x) for x in ex.source_matcher.finditer(s)]
        self.sstart = [x.start for x in self.sources]
        self.sentences: list[Sentence] = split_sentences(s, self.tstart)
        self.marks: dict[str, list[int]] = {name: [] for name in MARK_SETS}
        for i in [i for i, w in enumerate(self.tword) if w in _MARK_WORDS]:
            for name in _marks(self.tword[i]):
                self.marks[name].append(i)
        # «لا صحة» denies as نفى does; صحة alone is health (وزارة الصحة).
        denials = [i for i in self.marks.pop("deny_after_la") if i and self.tword[i - 1] in lx.LA]
        if denials:
            self.marks["deny"] = sorted(self.marks["deny"] + denials)
        self.speech_tokens = frozenset(self.marks["speech"])
        memo = ex.cue_memo(self.tword)
        self.cue_tokens = [i for i, w in enumerate(self.tword) if memo[w]]
        # Filled by the rules as they go.
        self.locator: list[bool] = []
        self.dates: dict[int, list] = {}  # date expressions per sentence start, found when a claim needs them
        self.doers: set[int] = set()  # start of every actor credited with a deed so far (actor.same_head)
        self.cue_cache: dict[int, object] = {}
        self._spans: dict[int, tuple[int, int]] = {}

    # ------------------------------------------------------------ lookups
    def has(self, mark: str, a: int, b: int) -> bool:
        """Some token in [a, b) carries ``mark`` (a key of :data:`MARK_SETS`)."""
        idx = self.marks[mark]
        k = bisect_left(idx, a)
        return k < len(idx) and idx[k] < b

    def tok_index(self, pos: int) -> int:
        """The token at or before character ``pos``."""
        return bisect_right(self.tstart, pos) - 1

    def tok_at(self, pos: int) -> int:
        """The first token starting at or after character ``pos``."""
        return bisect_left(self.tstart, pos)

    def end_of(self, t: int, sent: Sentence) -> int:
        """Character end of token ``t``, clipped to the sentence's last token."""
        return self.tend[min(t, sent.t1 - 1)]

    def mentions_in(self, a: int, b: int) -> list[int]:
        """Indices of the place mentions starting in characters [a, b)."""
        return list(range(bisect_left(self.mstart, a), bisect_left(self.mstart, b)))

    def cues_in(self, a: int, b: int) -> list[int]:
        """Candidate cue token indices in the token range [a, b)."""
        return self.cue_tokens[bisect_left(self.cue_tokens, a):bisect_left(self.cue_tokens, b)]

    def sentence_span(self, sent: Sentence) -> tuple[int, int]:
        """The sentence's span in the original text (remembered: every claim of a sentence asks)."""
        span = self._spans.get(sent.start)
        if span is None:
            span = self._spans[sent.start] = self.nt.span(sent.start, sent.end)
        return span

    def mention_starts_at(self, t: int) -> bool:
        """A place mention covers token ``t``."""
        if t >= len(self.tstart):
            return False
        k = bisect_left(self.mstart, self.tstart[t])
        while k < len(self.mentions) and self.mentions[k].norm_start <= self.tend[t]:
            if self.mentions[k].norm_end >= self.tstart[t]:
                return True
            k += 1
        return False
