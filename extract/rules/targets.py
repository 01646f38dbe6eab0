"""Targets and lists: which place a cue is about.

Rules
-----
``place.locator``
    A place named only to locate another (شرقي دير الزور، بريف دير الزور، في
    ناحية السوسة) is a *locator* and gets no claim.
``target.object``
    A verb's object is the first non-locator place after it in its clause,
    with every place listed with it (هجين والباغوز والسوسة).
``target.destination``
    After a withdrawal, a place after باتجاه/نحو/إلى is where the side went,
    not what it left (فروا باتجاه السوسة).
``target.origin``
    A place after قادمة من is where the force came from, not its object.
``target.relative_clause``
    A relative clause points back: البوكمال، التي كان استعادها.
``target.anaphor``
    An anaphor (المنطقة، المستشفى، منها، هذه المناطق) takes the last place named
    before, in the sentence or the one before it; one that names a settlement
    (البلدة، المدينة، القرية) the last city, town or village.
``target.trailing_advance``
    ... تبعها تقدم لـ«قسد»: an advance with no place takes the last place named.
``target.antecedent``
    A ``post`` cue takes the place right before it (بلدة الباغوز ... والواقعة تحت سيطرة داعش).
``target.post_list``
    تحت سيطرة التنظيم: X و Y — a list after a ``post`` cue.
``target.list``
    معاقل التنظيم ... وهي قرى: X، Y — the places of the list.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from extract import lexicon as lx
from extract.rules.actors import actor_after
from extract.rules.cues import Cue, cue_at
from extract.rules.doc import Doc, in_set, with_clitics
from extract.rules.params import CONFIDENCE, WINDOW
from extract.rules.sentences import Sentence
from gazetteer import Mention
from gazetteer.linker import TRIGGER_WORDS

__all__ = [
    "antecedent", "fallback_targets", "forward", "group_before", "group_from", "is_locator", "last_place_before", "list_targets", "locators",
    "post_fallback", "relative_before",
]

_TOKEN = re.compile(r"\w+")
_SEPARATORS = re.compile(r"[\s،,؛;:\"'“”„«»‹›()\-–—/]*")  # names often stand in quotes: حقل “الخراطة”
# Word sets tested per word on hot paths, their clitic forms included once here.
_LOCATORS = with_clitics(lx.LOCATOR_WORDS)
_TRIGGERS = with_clitics(TRIGGER_WORDS)
_ANAPHOR_WORDS = with_clitics(lx.ANAPHORS) | with_clitics(lx.SITE_WORDS) | {"هذه"}
_SETTLEMENT_ANAPHORS = with_clitics(lx.SETTLEMENT_ANAPHORS)
_PLURAL_ANAPHORS = with_clitics(lx.word_set("المناطق الأحياء المواقع القرى البلدات الأسواق"))
# البحرة بالكامل وأجزاء من غرانيج، هجين بشكل كامل وعلى أجزاء من السوسة: an extent or the cue's own
# preposition again does not end a list.
_LIST_GAP = with_clitics(lx.LIST_GAP_WORDS)
_DISTRICT_ANAPHORS = with_clitics(lx.DISTRICT_ANAPHORS)
_DEMONSTRATIVES = with_clitics(lx.DEMONSTRATIVES)
_PRONOUN_OBJECT = re.compile(r".+(?:ه|ها|هم|هما)$")
_GAP_IGNORE = lx.RELATIVE | lx.LOCATOR_WORDS | TRIGGER_WORDS | lx.GAP_WORDS


def is_locator(doc: Doc, m: Mention, prev: Mention | None = None) -> bool:
    """``place.locator``: the place only locates another (شرقي، بريف، ناحية، التابعة لـ، القريبة من),
    or qualifies the object before it (``place.qualifier``: قرى في دير الزور، بلدة السوسة بدير الزور)."""
    k = bisect_left(doc.tstart, m.norm_start) - 1
    if _qualifies(doc, m, prev, k):
        return True
    steps = 0
    while k >= 0 and steps < WINDOW["locator_back"]:
        w = doc.tword[k]
        if w in _LOCATORS:
            if w in lx.ADMIN_WORDS and (_right_after_cue(doc, k) or _nothing_to_locate(doc, k)):
                return False  # تحرير قضاء القائم: the district is the object, it locates nothing named
            if _edge_of(doc, k):
                return False
            # القسم الشمالي من بلدة الباغوز، المشارف الشمالية لبلدة الشعفة: a part or the edge of the place,
            # not a place beside it
            return not (w.startswith("ال") and k > 0 and (in_set(doc.tword[k - 1], lx.PART_NOUNS)
                                                         or in_set(doc.tword[k - 1], lx.EDGE_WORDS)))

        if w in _TRIGGERS or w.isdigit() or w in ("من", "ل", "في"):
            if w == "في" and steps == 0:
                return False
            k -= 1
            steps += 1
            continue
        return False
    return False


def locators(doc: Doc) -> list[bool]:
    """For each place mention of ``doc``: it only locates or names something else, so no claim is about it.

    ``place.locator`` and ``place.qualifier`` (:func:`is_locator`); a place inside an actor's or an
    outlet's name (مجلس دير الزور العسكري، «دير الزور 24»); the second of «بين X وY» when the first
    locates.
    """
    out = [is_locator(doc, m, doc.mentions[k - 1] if k else None) for k, m in enumerate(doc.mentions)]
    names = sorted((h.start, h.end) for h in doc.actors + doc.sources)
    for k, m in enumerate(doc.mentions):
        j = bisect_right(names, (m.norm_start, float("inf"))) - 1
        if j >= 0 and names[j][0] <= m.norm_start and m.norm_end <= names[j][1]:
            out[k] = True
    for k in range(1, len(out)):
        if not out[k] and out[k - 1] and between_pair(doc, k):
            out[k] = True
    return out


def _right_after_cue(doc: Doc, k: int) -> bool:
    """Token k follows a cue directly, or across على/من/إلى (سيطرت على ناحية هجين)."""
    cues = set(doc.cues_in(max(0, k - 2), k))
    if k - 1 in cues:
        return True
    return k - 2 in cues and doc.tword[k - 1] in lx.TO_WORDS | {"علي", "من"}


def _edge_of(doc: Doc, k: int) -> bool:
    """Token k follows «the southern outskirts of» (الأطراف الجنوبية لقضاء القائم): the place is the object."""
    return k >= 2 and doc.tword[k - 1] in _LOCATORS and doc.tword[k - 1].startswith("ال") and (
        in_set(doc.tword[k - 2], lx.PART_NOUNS) or in_set(doc.tword[k - 2], lx.EDGE_WORDS))


def _nothing_to_locate(doc: Doc, k: int) -> bool:
    """No place named in the few words before token k, and no compass word right before it
    (تقدمت القوات باتجاه قضاء القائم; not الشدادي الواقعة جنوب شرق محافظة الحسكة)."""
    if k > 0 and doc.tword[k - 1] in _LOCATORS:
        return False
    return not doc.mentions_in(doc.tstart[max(0, k - WINDOW["locator_back"] - 2)], doc.tstart[k])


def between_pair(doc: Doc, k: int) -> bool:
    """Mention k is the second of «بين X وY»: only و between the two, and بين right before X."""
    a, b = doc.mentions[k - 1], doc.mentions[k]
    if doc.s[a.norm_end:b.norm_start].strip() or not b.prefix.startswith("و"):
        return False
    t = bisect_left(doc.tstart, a.norm_start) - 1
    while t >= 0 and (doc.tword[t] in _TRIGGERS or doc.tword[t] in lx.DUAL_UNITS):  # بين محافظتي الرقة ودير الزور
        t -= 1
    return t >= 0 and doc.tword[t] in lx.BETWEEN_WORDS


def _qualifies(doc: Doc, m: Mention, prev: Mention | None, k: int) -> bool:
    """``place.qualifier``: في/بـ Y right after a place or after a generic plural object (قرى، مواقع)."""
    if k < 0:
        return False
    w = doc.tword[k]
    clitics = m.prefix[:-2] if m.prefix.endswith("ال") else m.prefix
    via_prefix = clitics.endswith("ب")
    if w in ("في", "داخل") and k >= 1:
        head_end = doc.tend[k - 1]
    elif via_prefix:
        head_end = doc.tend[k]
        k += 1  # the word before is the head itself
    else:
        return False
    if prev is not None and prev.norm_end == head_end:
        return True  # بلدة السوسة بدير الزور، قرية البحرة في ريف ...
    head = doc.tword[k - 1] if k >= 1 else ""
    return head in lx.GENERIC_OBJECTS


def group_from(doc: Doc, k: int, limit: int) -> list[int]:
    """Mention k and the places listed right after it (و / ، / trigger words), locators left out."""
    group = [k]
    j = k + 1
    while j < len(doc.mentions) and doc.mentions[j].norm_start < limit:
        gap = doc.s[doc.mentions[j - 1].norm_end:doc.mentions[j].norm_start]
        all_words = _TOKEN.findall(gap)
        words = [w for w in all_words
                 if not in_set(w, TRIGGER_WORDS) and w not in ("و", "كلا", "من") and w not in lx.LIST_PART_WORDS
                 and w not in lx.NAME_ADJECTIVES and w not in _LIST_GAP]
        # هجين أكبر معاقله، إلى جانب بلدات السوسة: a list carried on past an apposition
        carried = len(all_words) <= 7 and any(in_set(w, lx.LIST_CONTINUERS) for w in all_words)
        if (not _SEPARATORS.fullmatch(re.sub(r"\w+", "", gap)) or words) and not carried:
            break
        group.append(j)
        j += 1
    return [g for g in group if not doc.locator[g]]


def relative_before(doc: Doc, i: int, sent: Sentence) -> bool:
    """A relative word stands just before token i: التي خسرها، التي كان استعادها."""
    return doc.has("relative", max(sent.t0, i - 3), i)


def _after_destination(doc: Doc, k: int) -> bool:
    t = bisect_left(doc.tstart, doc.mentions[k].norm_start) - 1
    while t >= 0 and in_set(doc.tword[t], TRIGGER_WORDS):
        t -= 1
    return t >= 0 and in_set(doc.tword[t], lx.DESTINATION)


def _after_origin(doc: Doc, k: int) -> bool:
    t = bisect_left(doc.tstart, doc.mentions[k].norm_start) - 1
    while t >= 0 and (in_set(doc.tword[t], TRIGGER_WORDS) or doc.tword[t] in ("من", "منطقتي", "مناطق")):
        t -= 1
    return t >= 0 and in_set(doc.tword[t], lx.ORIGIN_WORDS)


def forward(doc: Doc, cue: Cue, sent: Sentence) -> tuple[list[int], int]:
    """``target.object``: the first non-locator place in the cue's reach, and where the reach ends."""
    i = cue.i
    width = WINDOW["repel_reach"] if cue.change == "repelled" else WINDOW["object_reach"]
    last = min(sent.t1, i + width + 1)
    stop = last
    for j in range(i + 2, last):  # a new clause ends the reach (وسط "amid", not إلى وسط "to the centre of")
        if doc.tword[j] in lx.STOP and not (doc.tword[j] == "وسط" and doc.tword[j - 1] in lx.TO_WORDS | {"في"}):
            stop = j
            break
    if cue.mode != "event":  # so does another control cue (not one inside a relative clause)
        for j in doc.cues_in(i + 1, stop):
            other = cue_at(doc, j, sent)
            if j == i + 1 and doc.tword[j].startswith("و"):
                continue  # تقدمها وسيطرتها على X: coordinated cues share the object
            if other is not None and other.mode not in ("event", "pocket") and not relative_before(doc, j, sent):
                stop = j
                break
    limit = doc.tstart[stop] if stop < sent.t1 else sent.end
    if stop == last and stop < sent.t1:
        limit = doc.tend[stop - 1]
    for k in doc.mentions_in(doc.tend[i], limit):
        if doc.locator[k]:
            continue
        if cue.change == "withdrew" and _after_destination(doc, k):
            break  # target.destination
        if _after_origin(doc, k):
            break  # target.origin: قادمة من الشدادي
        return group_from(doc, k, sent.end), limit
    return [], limit


def last_place_before(doc: Doc, i: int, sent: Sentence, prev_sent: Sentence | None, *,
                      kinds: frozenset[str] | None = None,
                      skip_destinations: bool = False) -> tuple[int, float] | None:
    """The last place named before token i in this sentence, else in the previous one (if given),
    with the confidence such a reading deserves; with ``kinds``, the last place of one of those kinds;
    with ``skip_destinations``, not a place only headed for (وتقدمت باتجاه الميادين بعد انسحاب داعش منها:
    they withdrew from the town taken, not from the one ahead)."""
    gz = doc.ex.gazetteer

    def kind_fits(k: int, parent_too: bool) -> bool:
        place = gz.get(doc.mentions[k].place)
        if place is None or place.kind in kinds:
            return True
        # A camp or a site inside a town stands for it (مخيم الباغوز ... البلدة), when no town is named.
        parent = gz.get(place.parent) if parent_too and place.parent else None
        return parent is not None and parent.kind in kinds

    def fitting(a: int, b: int) -> list[int]:
        ks = [k for k in doc.mentions_in(a, b) if not doc.locator[k]]
        if skip_destinations:
            ks = [k for k in ks if not _after_destination(doc, k)] or ks
        if not kinds:
            return ks
        return [k for k in ks if kind_fits(k, False)] or [k for k in ks if kind_fits(k, True)]

    before = fitting(sent.start, doc.tstart[i])
    if before:
        return before[-1], CONFIDENCE["anaphor_same_sentence"]
    if prev_sent is not None and sent.para - prev_sent.para <= 1:
        prior = fitting(prev_sent.start, prev_sent.end)
        if prior:
            return prior[-1], CONFIDENCE["anaphor_previous_sentence"]
    return None


def antecedent(doc: Doc, i: int, sent: Sentence, *, relative: bool = False) -> int | None:
    """``target.antecedent``: the place right before token i, allowing locators and relative words between.

    With ``relative`` (i is a relative word), a place that only locates another may be the
    antecedent too: شمالي مدينة الميادين، التي سيطرت عليها القوات.
    """
    before = [k for k in doc.mentions_in(sent.start, doc.tstart[i]) if relative or not doc.locator[k]]
    if not before:
        return None
    k = before[-1]
    m = doc.mentions[k]
    locators = [q for q in doc.mentions_in(m.norm_end, doc.tstart[i]) if doc.locator[q]]
    content = 0
    for j in range(bisect_left(doc.tstart, m.norm_end), i):
        w = doc.tword[j]
        inside_locator = any(doc.mentions[q].norm_start <= doc.tstart[j] < doc.mentions[q].norm_end
                             for q in locators)
        if inside_locator or w in _GAP_IGNORE or w.isdigit():
            continue
        content += 1
    return k if content <= 1 else None


def agreeing(doc: Doc, k: int, rel: int) -> int:
    """``target.relative_clause``: the antecedent agrees with its relative word. حي الحويقة في مدينة دير
    الزور، الذي استعاده الجيش: الذي is the neighbourhood's (masculine), not the city's (feminine)."""
    want = lx.RELATIVE_GENDER.get(doc.tword[rel])
    if want is None or k == 0 or _head_gender(doc, k) in (None, want):
        return k
    j = k - 1
    between = doc.tword[doc.tok_at(doc.mentions[j].norm_end):doc.tok_at(doc.mentions[k].norm_start)]
    if _head_gender(doc, j) == want and all(w in lx.LOCATIVE_LINKS or in_set(w, TRIGGER_WORDS) for w in between):
        return j
    return k


def _head_gender(doc: Doc, k: int) -> str | None:
    """The gender of the place word right before mention k (بلدة: f, حي: m), if there is one."""
    t = doc.tok_at(doc.mentions[k].norm_start) - 1
    return lx.HEAD_GENDER.get(doc.tword[t]) if t >= 0 else None


def fallback_targets(doc: Doc, cue: Cue, sent: Sentence, prev_sent: Sentence | None,
                     zone_end: int) -> tuple[list[int], float, str]:
    """Targets when no place follows the cue: relative clause, anaphor, trailing advance.

    Returns the mention indices, a confidence and the id of the rule that found them.
    """
    i = cue.i
    w = doc.tword[i]
    if _PRONOUN_OBJECT.match(w) and relative_before(doc, i, sent):
        rel = max(j for j in range(max(sent.t0, i - 3), i) if doc.tword[j] in lx.RELATIVE)
        k = antecedent(doc, rel, sent)
        if k is not None:
            return [k], CONFIDENCE["relative_clause"], "target.relative_clause"
        return [], 0.0, ""
    zone_tok = bisect_left(doc.tstart, zone_end)
    zone = doc.tword[i + 1:min(sent.t1, i + WINDOW["anaphor_zone"], max(zone_tok, i + 3))]
    if lx.VERB_WITH_OBJECT.fullmatch(w):  # قبل أن تستعيدها قسد: the place named last
        found = last_place_before(doc, i, sent, prev_sent)
        if found is not None:
            return group_before(doc, found[0]), found[1], "target.anaphor"
    if cue.change == "withdrew" and any(in_set(z, lx.DESTINATION) for z in zone[:4]) and \
            not any(in_set(z, lx.ORIGIN_WORDS) or z == "من" or z in lx.PRONOUN_OBJECTS for z in zone[:4]):
        # فرّ عناصر التنظيم باتجاه البادية: they fled the place named last (the one just taken).
        found = last_place_before(doc, i, sent, prev_sent)
        if found is not None:
            return [found[0]], found[1], "target.fled_from"
    pronoun = any(z in lx.PRONOUN_OBJECTS for z in zone[:6])  # من سيطرة مقاتلي قسد عليها
    # المدينة، هذه المناطق: an anaphor; a plural restricted by its clause («المناطق التي خسرها») is not the
    # places named before (a singular one is: «داخل البلدة التي تمتد ستة كيلومترات»).
    anaphor = pronoun or any(z in _ANAPHOR_WORDS and not (
        z in _PLURAL_ANAPHORS and k + 1 < len(zone) and zone[k + 1] in lx.RELATIVE) for k, z in enumerate(zone))
    if anaphor:
        # «تحرير البلدة» after «مخيم الباغوز»: the town, not the camp named last.
        kinds = None if pronoun or not any(z in _SETTLEMENT_ANAPHORS for z in zone) else lx.SETTLEMENT_KINDS
        if not pronoun and any(z in _DISTRICT_ANAPHORS and zone[k - 1] in _DEMONSTRATIVES
                               for k, z in enumerate(zone) if k):  # تلك الأحياء: districts, not villages
            kinds = frozenset({"neighbourhood"})
        found = last_place_before(doc, i, sent, None if pronoun else prev_sent, kinds=kinds,
                                  skip_destinations=cue.change == "withdrew")
        if found is not None:  # انسحبت منها: the places just named together
            return group_before(doc, found[0]), found[1], "target.anaphor"
    if cue.change == "advanced" and i + 1 < sent.t1 and (
            doc.tword[i + 1] == "ل" or _actor_right_after(doc, i, sent)):
        found = last_place_before(doc, i, sent, None)
        if found is not None:
            return [found[0]], CONFIDENCE["trailing_advance"], "target.trailing_advance"
    return [], 0.0, ""


def _actor_right_after(doc: Doc, i: int, sent: Sentence) -> bool:
    return actor_after(doc, doc.tend[i], doc.end_of(i + 2, sent) + 1) is not None


def group_before(doc: Doc, k: int) -> list[int]:
    """``target.coordinated_before``: mention k and the places coordinated before it (X، Y وبلدة Z)."""
    group = [k]
    j = k - 1
    while j >= 0 and not doc.locator[j]:
        gap = doc.s[doc.mentions[j].norm_end:doc.mentions[group[0]].norm_start]
        words = _TOKEN.findall(gap)
        if any(w != "و" and not in_set(w, TRIGGER_WORDS) and w not in lx.LIST_PART_WORDS for w in words):
            break
        joined = doc.s[doc.mentions[group[0]].norm_start] == "و"  # والكشكية: the و is inside the mention
        if not ("," in gap or "،" in gap or joined or any(w.startswith("و") for w in words)):
            break
        group.insert(0, j)
        j -= 1
    return group


def post_fallback(doc: Doc, i: int, sent: Sentence, prev_sent: Sentence | None,
                  actor) -> tuple[list[int], float, str]:
    """A holds cue with no place right before it: a list after it, or an anaphor before it."""
    if actor is not None:
        after = [k for k in doc.mentions_in(actor.end, sent.end) if not doc.locator[k]]
        if after:
            gap = doc.s[actor.end:doc.mentions[after[0]].norm_start]
            words = _TOKEN.findall(gap)
            # وتضم المنطقة الخاضعة لسيطرة التنظيم بلدات هجين والشعفة: the list verb stands before the area.
            listed_before = any(w in lx.LIST_MARKERS for w in doc.tword[max(sent.t0, i - 4):i]) and \
                all(in_set(w, TRIGGER_WORDS) for w in words)
            if (":" in gap or any(w in lx.LIST_MARKERS for w in words) or listed_before) and len(words) <= 4:
                return after, CONFIDENCE["post_list"], "target.post_list"
    if any(in_set(w, lx.ANAPHORS) for w in doc.tword[max(sent.t0, i - 4):i]):
        found = last_place_before(doc, i, sent, prev_sent)
        if found is not None:
            return [found[0]], found[1], "target.anaphor"
    return [], 0.0, ""


def list_targets(doc: Doc, i: int, sent: Sentence) -> list[int]:
    """``target.list``: the places after a list marker (وهي، تضم، مثل) following token i."""
    for j in range(i + 1, min(sent.t1, i + WINDOW["list_marker_ahead"] + 1)):
        # وهي، تضم، مثل ... or a colon after a word (قرى: X، Y)
        if doc.tword[j] in lx.LIST_MARKERS or ":" in doc.s[doc.tend[j]:doc.tstart[j + 1] if j + 1 < sent.t1 else sent.end]:
            after = doc.tend[j]
            return [k for k in doc.mentions_in(after, sent.end) if not doc.locator[k]]
    return []
