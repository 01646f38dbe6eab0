"""Which date dates a claim: the clause a date stands in is the clause it dates.

A sentence is cut into clauses at punctuation (except the commas that only
fence a date off: «شهدت، أمس، أعنف المعارك») and at the words that open a
clause (حيث، بينما، فيما، في حين، إذ، كما، لكن، بعد أن، بعدما، منذ، كان، التي...).

Rules, each with its id (``DateWindow.basis`` starts with it):

``S1 own clause``
    A date in the claim's own clause dates it; the nearest one wins. A frame
    coarser than the news (هذا العام، الشهر الجاري) counts only right beside
    the cue. A ``holds`` claim with منذ (يسيطر عليها منذ 3 سنوات) is held now.
    A capture announced on a day (أعلن الجيش أمس سيطرته على ...) was made that
    day or the day before.
``S2 background``
    A clause of background (وكان ... قد، كانت قد، بعد أن، بعدما، منذ أن، قبل أن)
    with no date of its own happened before the sentence's news: up to
    :data:`BACKGROUND_DAYS` before the date of the main clause (or before
    publication). Its dates never date other clauses. «كان آخرها، كان أبرزها،
    كان من بينها» (the last / most notable of which was) name an item of the
    news they follow: not background.
``S3 shortly before``
    A claim right after بعد، عقب، إثر (بعد طرد داعش منها) is part of the news it
    explains: the week up to the main clause's date; when the main clause has
    no date, the week up to publication (the news's own week).
``S4 main clause``
    A claim in a plain clause with no date takes the date of the sentence's
    main clause, when the sentence has one outside background and relative
    clauses (الذي نجح في الاستيلاء عليها قبل أسبوع dates only its own clause).
    A clause that says what the dated action went on to achieve («...
    الخميس الماضي، وتمكنت من دفع التنظيم إلى التراجع») happened that day or
    after it, up to publication.
``S5 ongoing``
    Present, continuing wording (تستمر بالتقدم، لا تزال تسيطر) with no date:
    as of publication or the day before.
``S6 holds``
    A ``holds`` claim with no date: as of publication or the day before (the
    source's statement is often a day older than the report).
``S7 recent``
    Any other claim with no date: the week up to publication (seven days,
    publication day included).
``S8 during the operation``
    A sentence that opens with «خلال العملية، أثناء المعركة، منذ بدء الحملة»
    (during the operation, since the battle began) and has no date of its own
    points back to the operation the article dated before: from the last date
    in the preceding :data:`DURING_REACH` characters to publication. With
    no such date it is background (S2).
``S9 added to the report``
    A sentence that goes on with the report before it («وأضاف المصدر أن ...»,
    «كما قالت إن ...») and has no date of its own takes the news date of the
    sentence before (its main clause's date), as S4 does within a sentence.

Relative dates (أمس، فجر الجمعة، قبل يومين) resolve against the publication
window; absolute ones (``15/1/2019``) need none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache

from extract.claim import DateWindow
from extract.dates import Expression, find_expressions, resolve

__all__ = ["BACKGROUND_DAYS", "DURING_REACH", "RECENT_DAYS", "UNKNOWN", "Clause", "claim_date", "clause_of"]

RECENT_DAYS = 7  # S7: a report of a change covers the week up to publication, publication day included
BACKGROUND_DAYS = 180  # S2: how far back an undated background clause may reach
_SHORTLY_DAYS = 7  # S3
DURING_REACH = 600  # S8: how far back the operation's date may be (a sentence or two)

_PUNCT = re.compile(r"[،,؛;:()\[\]\"«»]|\s[-–—]\s")
_OPENERS = re.compile(
    r"(?<!\w)(?:و|ف)?(?:حيث|بينما|فيما|في\s+حين|اذ|كما|لكن|لكنه|لكنها|غير\s+ان|الا\s+ان|بعد\s+ان|بعدما|قبل\s+ان"
    r"|منذ\s+ان|كان|كانت|كانوا|التي|الذي|الذين|اللتين)(?!\w)")
_BACKGROUND_START = re.compile(r"^\W*(?:و|ف)?(?:كان|كانت|كانوا|بعد\s+ان|بعدما|قبل\s+ان|منذ\s+ان)(?!\w)")
# «كان آخرها سيطرة ...»: the last (most notable, one) of the things just said; an item of the news.
_ITEM_OF_NEWS = re.compile(r"^\W*(?:و|ف)?(?:كان|كانت)\s+(?:اخرها|ابرزها|اهمها|اولها|احدثها|من\s+بينها|منها)(?!\w)")
# S4: what a dated action went on to achieve (وتمكنت من، ونجحت في): that day or after.
_RESULT = re.compile(r"(?<!\w)(?:و|ف|ثم\s+)(?:تمكنت|تمكن|تمكنوا|استطاعت|استطاع|استطاعوا|نجحت|نجح|نجحوا)(?!\w)")
# S9: «وأضاف المصدر أن ...، كما قالت إن ...»: the speaker goes on with the report of the sentence before.
_ADDED = re.compile(r"\W*(?:و|ف)?(?:(?:كما\s+(?:و)?)?(?:اضاف|اضافت|اضافوا|تابع|تابعت|تابعوا)"
                    r"|كما\s+(?:و)?(?:قال|قالت|قالوا|اكد|اكدت|افاد|افادت|ذكر|ذكرت))(?!\w)")
_SENTENCE_END = re.compile(r"[.!؟?\n]")
# S8: the sentence is about the operation named before it.
_DURING = re.compile(r"\W*(?:و|ف)?(?:خلال|اثناء|طيله|طوال|منذ\s+(?:بدء|بدايه|انطلاق))\s+(?:هذه\s+|تلك\s+)?"
                     r"(?:ال)?(?:عمليه|معركه|حمله|هجوم|معارك|عمليات|المعركه|العمليه|الحمله)(?!\w)")
_SINCE_START = re.compile(r"^\W*(?:و|ف)?منذ(?!\w)")
_RELATIVE_START = re.compile(r"^\W*(?:التي|الذي|الذين|اللتين)(?!\w)")
_PLUPERFECT = re.compile(r"(?<!\w)(?:كان|كانت|كانوا)(?!\w)[^،,؛;]{0,60}(?<!\w)قد(?!\w)")
_AFTER_CUE = re.compile(r"(?<!\w)(?:و|ف)?(?:بعد|عقب|اثر|بعيد)(?!\s+ان(?!\w))(?:\s+\w+)?\s*$")
_ONGOING = re.compile(r"(?<!\w)(?:و|ف)?(?:تستمر|يستمر|تواصل|يواصل|تتواصل|يتواصل|مستمره|مستمر|لا\s+تزال|لا\s+يزال"
                      r"|ما\s+تزال|ما\s+زالت|مازالت|ما\s+زال|مازال|لازالت|لازال|لا\s+زالت|حتي\s+الان|حاليا)(?!\w)")


@dataclass(frozen=True)
class Clause:
    """The clause around a cue (offsets into the folded text) and what kind of clause it is.

    ``kind`` is ``"main"``, ``"background"`` (S2), ``"since"`` (منذ ...),
    ``"after"`` (S3), ``"relative"`` (التي، الذي: its date stays in it) or
    ``"ongoing"`` (S5).
    """

    start: int
    end: int
    kind: str


@lru_cache(maxsize=512)
def _cut(text: str, a: int, b: int, spans: tuple[tuple[int, int], ...]) -> list[tuple[int, int, bool]]:
    # Cached: every claim of a sentence asks for the same cuts (the text's hash is computed once per string).
    out = []
    for m in _PUNCT.finditer(text, a, b):
        # A comma or bracket that only fences a date off does not cut the clause.
        if any(s - 4 <= m.start() <= e + 3 for s, e in spans):
            continue
        out.append((m.start(), m.end(), False))
    out += [(m.start(), m.end(), True) for m in _OPENERS.finditer(text, a, b)]
    return sorted(out)


def clause_of(text: str, sentence: tuple[int, int], cue: tuple[int, int],
              expressions: Sequence[Expression]) -> Clause:
    """The clause of ``text`` (folded) that holds the cue, within its sentence."""
    return _clause(text, sentence[0], sentence[1], cue[0], cue[1], tuple((x.start, x.end) for x in expressions))


@lru_cache(maxsize=2048)
def _clause(text: str, a: int, b: int, cue0: int, cue1: int, spans: tuple[tuple[int, int], ...]) -> Clause:
    start, end = a, b
    for s, e, opens in _cut(text, a, b, spans):
        if e <= cue0:
            start = s if opens else e
        elif s >= cue1:
            end = s
            break
    head = text[start:cue0]
    if _AFTER_CUE.search(head):
        kind = "after"
    elif (_BACKGROUND_START.search(head) or _PLUPERFECT.search(head)) and not _ITEM_OF_NEWS.search(head):
        kind = "background"
    elif _SINCE_START.search(head):
        kind = "since"
    elif _RELATIVE_START.search(head):
        kind = "relative"
    elif _ONGOING.search(head):
        kind = "ongoing"
    else:
        kind = "main"
    return Clause(start, end, kind)


# S1: an announcement (أعلن الجيش أمس سيطرته على ...) follows the fact by up to a day.
_ANNOUNCED = re.compile(r"(?<!\w)(?:و|ف)?(?:اعلن|اعلنت|اعلنوا|يعلن|تعلن|يعلنون)(?!\w)")
_DAYS = frozenset({"today", "yesterday", "before_yesterday", "weekday", "date", "iso", "numeric", "day_this_month"})

# Frames coarser than the news (هذا العام، الشهر الجاري) date a claim only right beside its cue.
_FRAMES = frozenset({"this_year", "this_month", "this_week", "year", "last_year"})
_FRAME_REACH = 40


def _distance(x: Expression, a: int, b: int) -> int:
    return max(0, a - x.end, x.start - b)


def _nearest(expressions: Sequence[Expression], a: int, b: int, lo: int, hi: int) -> Expression | None:
    inside = [x for x in expressions if lo <= x.start and x.end <= hi
              and (x.kind not in _FRAMES or _distance(x, a, b) <= _FRAME_REACH)]
    return min(inside, key=lambda x: _distance(x, a, b), default=None)


def _main_expr(text: str, sentence: tuple[int, int], cue: tuple[int, int],
               expressions: Sequence[Expression]) -> Expression | None:
    """The date of the sentence's news: the nearest date that is not in a background clause."""
    best = None
    for x in expressions:
        clause = clause_of(text, sentence, (x.start, x.end), expressions)
        if clause.kind in ("background", "since", "after", "relative") or x.since or x.kind in _FRAMES:
            continue
        d = _distance(x, *cue)
        if best is None or d < best[0]:
            best = (d, x)
    return best[1] if best else None


UNKNOWN = "(publication date unknown)"


def claim_date(text: str, sentence: tuple[int, int], cue: tuple[int, int], published: DateWindow,
               change: str | None, expressions: Sequence[Expression]) -> DateWindow:
    """The date window of the claim whose cue is at ``cue``.

    Parameters
    ----------
    text : str
        The article, folded (offsets are into it).
    sentence, cue : tuple of int
        Spans of the claim's sentence and of its cue word.
    published : DateWindow
        The article's publication window (bounds may be None).
    change : str or None
        The claim's change (``holds``...), None for strikes and clashes.
    expressions : sequence of Expression
        The date expressions of the sentence (:func:`extract.dates.find_expressions`).

    Returns
    -------
    DateWindow
        Its ``basis`` starts with the rule id and names the expression used
        («S1 own clause: yesterday: امس»). When the publication date is
        unknown and the rule needs it, the window is unknown and the basis
        still names the rule, ending with «(publication date unknown)».
    """
    expressions = [x for x in expressions if sentence[0] <= x.start and x.end <= sentence[1]]
    clause = clause_of(text, sentence, cue, expressions)
    own = _nearest(expressions, cue[0], cue[1], clause.start, clause.end)
    if own is not None:
        since = change in ("holds", "advanced") or clause.kind == "since"
        win = resolve(own, published, since=since)
        if win is not None:
            if change == "holds" and own.since and published.known:  # held since then: held now
                return DateWindow(published.earliest - timedelta(1), published.latest, "S1 held since " + win.basis)
            if own.kind in _DAYS and _ANNOUNCED.search(text, clause.start, cue[0]):
                # Announced on that day: taken that day or the day before.
                return DateWindow(win.earliest - timedelta(1), win.latest, "S1 own clause, announced: " + win.basis)
            return DateWindow(win.earliest, win.latest, "S1 own clause: " + win.basis)
        return DateWindow(None, None, f"S1 own clause: {own.kind}: {own.text.strip()} {UNKNOWN}")
    main = _main_expr(text, sentence, cue, expressions) if expressions else None
    ref = resolve(main, published, since=False) if main is not None else None
    if main is None and _DURING.match(text, sentence[0], cue[0]):
        return _during(text, sentence, published)
    reported = _reported(text, sentence, published) if main is None and _ADDED.match(text, sentence[0], cue[0]) \
        else None
    if reported is not None:
        ref = reported
        if clause.kind == "main":
            return reported
    if clause.kind in ("background", "after", "since"):
        ref = ref or _recent(published)
        if ref is None:
            return DateWindow(None, None, f"{_BG_RULE[clause.kind]} {UNKNOWN}")
        if clause.kind == "after":
            if ref.basis == _RECENT_BASIS:
                # The news itself is undated (the week up to publication): what explains it is part of that week.
                return DateWindow(ref.earliest, ref.latest, f"S3 shortly before the news ({ref.basis})")
            return DateWindow(ref.earliest - timedelta(_SHORTLY_DAYS - 1), ref.latest,
                              f"S3 shortly before the news ({ref.basis})")
        if change == "holds" and clause.kind == "since":
            return _as_of(published, "S6 held since, as of publication")
        return DateWindow(ref.earliest - timedelta(BACKGROUND_DAYS), ref.latest,
                          f"S2 background, before the news ({ref.basis})")
    if clause.kind == "main" and main is not None:
        if ref is not None and published.latest is not None and main.end <= cue[0] \
                and _RESULT.search(text, main.end, cue[0]):
            # «دخلت القوات المدينة الخميس، وتمكنت من دفع التنظيم إلى التراجع»: on or after that day.
            return DateWindow(ref.earliest, max(ref.latest, published.latest), "S4 main clause, then: " + ref.basis)
        if ref is not None:
            return DateWindow(ref.earliest, ref.latest, "S4 main clause: " + ref.basis)
        return DateWindow(None, None, f"S4 main clause: {main.kind}: {main.text.strip()} {UNKNOWN}")
    if clause.kind == "ongoing":
        return _as_of(published, "S5 ongoing at publication")
    if change == "holds":
        return _as_of(published, "S6 as of publication")
    if not published.known:
        return DateWindow(None, None, f"S7 the week up to publication {UNKNOWN}")
    return DateWindow(published.earliest - timedelta(RECENT_DAYS - 1), published.latest, "S7 the week up to publication")


def _during(text: str, sentence: tuple[int, int], published: DateWindow) -> DateWindow:
    """S8: from the operation's date (the last date before the sentence) to publication."""
    before = [x for x in find_expressions(text, max(0, sentence[0] - DURING_REACH), sentence[0])
              if x.kind not in _FRAMES]
    start = resolve(before[-1], published, since=False) if before else None
    if not published.known:
        return DateWindow(None, None, f"S8 during the operation {UNKNOWN}")
    if start is None or start.earliest > published.latest:
        return DateWindow(published.earliest - timedelta(BACKGROUND_DAYS), published.latest,
                          "S8 during the operation (S2 background, before the news)")
    return DateWindow(start.earliest, published.latest, f"S8 during the operation, since {start.basis}")


def _previous_sentence(text: str, start: int) -> tuple[int, int]:
    """The sentence before the one starting at ``start`` (within :data:`DURING_REACH` characters)."""
    lo = max(0, start - DURING_REACH)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, start)]
    while ends and not text[ends[-1]:start].strip(" \n\"«»“”:.!؟"):
        ends.pop()  # the end of the sentence before, not the break right before ours
    return (ends[-1] if ends else lo), start


def _reported(text: str, sentence: tuple[int, int], published: DateWindow) -> DateWindow | None:
    """S9: the news date of the sentence before, which this one adds to."""
    prev = _previous_sentence(text, sentence[0])
    exprs = find_expressions(text, *prev)
    main = _main_expr(text, prev, (prev[1], prev[1]), exprs) if exprs else None
    ref = resolve(main, published, since=False) if main is not None else None
    return None if ref is None else DateWindow(ref.earliest, ref.latest, "S9 added to the report: " + ref.basis)


_BG_RULE = {"background": "S2 background", "since": "S2 background", "after": "S3 shortly before the news"}


def _as_of(published: DateWindow, why: str) -> DateWindow:
    if not published.known:
        return DateWindow(None, None, f"{why} {UNKNOWN}")
    return DateWindow(published.earliest - timedelta(1), published.latest, why)


def _recent(published: DateWindow) -> DateWindow | None:
    if not published.known:
        return None
    return DateWindow(published.earliest - timedelta(RECENT_DAYS - 1), published.latest, _RECENT_BASIS)


_RECENT_BASIS = "the week up to publication"
