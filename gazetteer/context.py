"""When a name that is also a common word is a place: the context rules, as data.

A rule looks at the words around a name and says either *place* (the name is a
place here) or *word* (it is its common sense here). Rules have ids; a
:class:`~gazetteer.linker.Mention` records the id of the rule that confirmed it
in ``via``. Every rule has its own tests in ``tests/gazetteer/test_context.py``.

How the linker uses them
------------------------
1. A name that is also a common word (the gazetteer flags it
   ``context_required``: ``السوسة``, ``الهول``, ``العمر``...) and a name written
   without its article (``حسرات`` for ``الحسرات``) are kept only where a *place*
   rule fires. So the common senses with no place cue stay out with no rule of
   their own: ``الوضع القائم``, ``في مختلف الميادين``, ``بعد الجلاء``, ``أبو الهول``.
   Rules marked ``bare`` also confirm a name written without its article.
2. The *word* rules are checked first, for every name. They are needed where a
   place rule would fire on a common sense (``السيطرة على السوسة الحمراء`` is pest
   control, ``انسحب مقاتل في العشرين من العمر`` an age, ``في الميادين كافة`` a
   figure of speech), where a namesake lies elsewhere (``سوسة التونسية``), and for
   names the gazetteer does not flag (``شبكة دير الزور 24``, ``بمنتهى الرقة``).
3. Three place rules are not word patterns: ``list`` (a name coordinated with a
   place already linked: ``الشعفة والسوسة``), ``kind_word`` (a word of the
   place's kind in its sentence: ``النفط`` for an oil field, :data:`KIND_WORDS`)
   and ``context_word`` (a word the gazetteer gives for that place, near it).

Words are written here as the news writes them and folded when the module loads
(:func:`gazetteer.arabic.fold`); every word set also matches behind proclitics
(``وبلدة``، ``بريف``) through :func:`gazetteer.arabic.with_clitics`.

Examples
--------
>>> [r.id for r in RULES if r.says == PLACE][:4]
['place_type', 'direction', 'direction_of', 'located']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gazetteer.arabic import CONJUNCTIONS, PREPOSITIONS, fold, with_clitics

__all__ = [
    "COMMON_WORD_NAMES",
    "DIRECTION_WORDS",
    "EN_TYPE_WORDS",
    "KIND_WORDS",
    "MEDIA_WORDS",
    "PLACE",
    "RULES",
    "TRIGGER_WORDS",
    "WAR",
    "WORD",
    "Rule",
    "rule",
]

PLACE = "place"
WORD = "word"


def _words(text: str) -> frozenset[str]:
    """Folded words of a space-separated list, without clitics."""
    return frozenset(fold(w) for w in text.split())


def _any(text: str) -> frozenset[str]:
    """Folded words of a space-separated list, and every form of them behind proclitics."""
    return with_clitics(text.split())


# Say what kind of place follows (and, for the linker, never part of a name's context).
TRIGGER_WORDS = _words(
    "بلدة بلدات بلدتي بلدتا قرية قرى قريتي قريتا مدينة مدن مدينتي ناحية حقل حقول مخيم معبر ريف أطراف "
    "محيط منطقة مناطق منطقتي مشارف ضواحي بادية جبهات جبهة محور بلدته قريته منفذ عقدة")
# Direction prepositions: motion towards a name says it is a place (تتقدم نحو السوسة).
DIRECTION_WORDS = _words("نحو باتجاه اتجاه صوب")
# Compass words before a name (شرق السوسة، جنوبي الهول), and their forms with the article
# (إلى الشرق من السوسة).
_COMPASS = _any("شرق غرب شمال جنوب شرقي غربي شمالي جنوبي")
_COMPASS_AL = _any("الشرق الغرب الشمال الجنوب")
# Place-type words that are not TRIGGER_WORDS (which extract also uses): قضاء is an Iraqi district.
_PLACE_TYPES = with_clitics(TRIGGER_WORDS | _words("قضاء"))
# Names the gazetteer does not flag that are common words all the same: they need place context too.
COMMON_WORD_NAMES: dict[str, str] = {
    fold("عنه"): "'about him' (Anah is written عنة or عنه)",
    fold("التبني"): "adoption, and claiming an attack (أعلن التبني)",
}
MEDIA_WORDS = _words("قناة صحيفة جريدة وكالة إذاعة تلفزيون شبكة فضائية")
# The proclitics of gazetteer.arabic as a pattern, for the word patterns below.
_CLITIC = f"(?:{'|'.join(CONJUNCTIONS)})?(?:{'|'.join(PREPOSITIONS)})?"

# A sentence about war: forces, fighting and civilian life under it (searched anywhere in the
# sentence, any clitics or endings).
WAR = re.compile(
    rf"(?<![^\W_]){_CLITIC}(?:ال)?(?:قوات|قسد|داعش|تنظيم|جيش|مقاتل|عناصر|مسلح|ميليشي|مليشي|حشد|"
    r"تحالف|اشتباك|معارك|معركه|قصف|غاره|غارات|هجوم|هجمات|سيطر|قذائف|قذيفه|مدفعي|طائرات|طيران|تعزيزات|"
    r"انسحاب|مفخخ|الغام|لغم|قتلي|مقتل|استهداف|تمشيط|عسكري|حصار|اسايش|وحدات|كتائب|لواء|فصائل|جبهه|"
    r"جبهات|اقتحام|متشدد|ارهابي|فلول|نظام|مدني|نازح|نزوح|مهجر|اعتقال|مداهم|جرحي|عبوه|انفجار|هاون|"
    r"صاروخ|صواريخ|نسمه|سكان|يقطن|يسكن|قاطن)")
# Words that, in the sentence of a name, say it is a place of that kind (النفط near العمر).
KIND_WORDS: dict[str, frozenset[str]] = {
    "oil field": _any("النفط نفط النفطي نفطي الإنتاج إنتاج آبار بئر الغاز غاز برميل صهاريج المصفاة حراقات"),
    "camp": _any("النازحين نازحين اللاجئين لاجئين الخيام خيام المخيم"),
    "crossing": _any("العبور عبور الشاحنات شاحنات الحدودي الحدود"),
}

# Endings of verbs and verbal nouns (سيطرت، سيطروا، سيطرتها، السيطرة).
_ENDINGS = "ت|وا|ون|ين|ا|ان|ه|ها|هم|هما|تها|ته|تهم|تا|تان|ي|يه|يها|ات|اته|اتها|تم|ن|نا"


def _verbs(stems: str) -> re.Pattern:
    """A pattern for the written forms of some verb stems (folded), clitics and endings included."""
    alts = "|".join(fold(s) for s in stems.split())
    return re.compile(rf"{_CLITIC}(?:ال|ي|ت|ن|م)?ا?(?:{alts})(?:{_ENDINGS})?")


# Control and movement cues, by the preposition that introduces their place.
_CUE_ON = _verbs("سيطر ستولي ستيلاء هجوم هجمات غاره غارات ضربات زحف سقط قذائف قذيفه صواريخ صاروخ")
_CUE_FROM = _verbs("نسحب نسحاب قادم طرد خرج خروج فر فرار هرب هروب نزح نزوح قترب قتراب نطلق نطلاق تسلل "
                   "تقدم نقل")
_CUE_TO = _verbs("وصل صل وصول دخل دخول تقدم زحف توجه نزح نزوح عاد عوده نسحب نسحاب رسل رسال تعزيزات "
                 "نقل هرب فر لجا")
_CUE_IN = _verbs("تقدم توغل تمركز نتشر تحصن")
# Verbs whose object is the place itself (دخلت قسد السوسة، تحرير الميادين).
_CUE_DIRECT = _verbs("حرر تحرير ستعاد ستعيد ستعاده دخل دخول قتحم قتحام حاصر حصار هاجم قصف ستهدف "
                     "ستهداف طوق تطويق سترجع سترجاع سترد ستردا نتزع نتزاع")
# Words that, between a direct-object verb and the name, mean the name is not its object.
_NOT_BETWEEN = _any("في على من إلى عن مع حول داخل قرب نحو باتجاه بعد قبل منذ خلال ضد أمام أن إن التي الذي")

_PREPS_ON = _any("على")
_PREPS_FROM = _any("من")
_PREPS_TO = _any("إلى الى حتى")
_PREPS_IN = _any("في")
_LOCATIVE = _any("في داخل قرب بقرب حول عند ضمن بين جوار أطراف")


@dataclass(frozen=True, eq=False)
class Rule:
    """One context rule.

    Parameters
    ----------
    id : str
        Stable name, recorded in ``Mention.via`` when the rule confirms a place.
    says : str
        :data:`PLACE` or :data:`WORD`.
    before : tuple of frozenset of str
        The words right before the name, in reading order (the last set is the
        word next to the name). Punctuation and quotes between are skipped.
    after : tuple of frozenset of str
        The words right after the name, in reading order.
    names : frozenset of str
        Only for these names (folded, without the article); empty means any.
    clitic : str
        A preposition written on the name itself that stands for the last
        ``before`` word (``بالسوسة`` for ``في السوسة``).
    cue : re.Pattern, optional
        A word matching it must come within ``reach`` words before ``before``.
    reach : int
        How many words back ``cue`` may be.
    not_between : frozenset of str
        For a cue with no ``before`` (a verb and its object): words that may not
        stand between the cue and the name (a preposition means it is not its object).
    sentence : re.Pattern, optional
        The sentence must contain a match.
    bare : bool
        Also confirms a name written without its article (``معبر حسرات``).
    lang : str
        ``"ar"`` or ``"en"``: the script of the names it judges.
    kind : str
        ``"words"`` for a word pattern; ``"list"`` and ``"context_word"`` are
        worked out by the linker from the other mentions and the gazetteer.
    note : str
        What it captures, with an example.
    """

    id: str
    says: str
    before: tuple[frozenset[str], ...] = ()
    after: tuple[frozenset[str], ...] = ()
    names: frozenset[str] = frozenset()
    clitic: str = ""
    cue: re.Pattern | None = None
    reach: int = 0
    not_between: frozenset[str] = frozenset()
    sentence: re.Pattern | None = None
    bare: bool = False
    lang: str = "ar"
    kind: str = "words"
    note: str = field(default="", compare=False)


def _names(text: str) -> frozenset[str]:
    """Folded names without their article (the linker compares cores)."""
    out = set()
    for w in text.split():
        w = fold(w)
        out.add(w[2:] if w.startswith("ال") and len(w) > 3 else w)
    return frozenset(out)


# Words before «من العمر» that make it an age (not a withdrawal from al-Omar).
_AGE_WORDS = _any(
    "البالغ البالغة البالغين يبلغ تبلغ عاما عام سنة سنوات ربيعا أعوام شهرا أشهر العشرين الثلاثين الأربعين "
    "الخمسين الستين السبعين الثمانين التسعين العشرينات الثلاثينات الأول الثاني الثالث الرابع الخامس "
    "السادس السابع الثامن التاسع العاشر الأولى الثانية الثالثة الرابعة الخامسة السادسة السابعة الثامنة "
    "التاسعة العاشرة عشرة عشر العقد عقده عقدها")

# An English name that says its own kind (al-Omar oil field) needs no context.
EN_TYPE_WORDS = frozenset("field oilfield camp crossing base airport airbase hospital dam plant".split())
_EN_PLACE_WORDS = frozenset(
    "town village city district outskirts countryside field camp near of in around crossing from into "
    "towards toward to at outside captured seized took retook recaptured entered stormed liberated "
    "attacked shelled besieged reached".split())

RULES: tuple[Rule, ...] = (
    # ----------------------------------------------------------- common senses
    Rule("media", WORD, before=(MEDIA_WORDS,),
         note="a channel or paper named after a place: قناة الميادين"),
    Rule("media_site", WORD, after=(_words("نت"),),
         note="a news site: الميادين نت"),
    Rule("foreign", WORD, after=(_words("التونسية اللبنانية المصرية الأردنية التركية الليبية المغربية "
                                        "الجزائرية السعودية الفلسطينية الكويتية البحرينية الإيرانية"),),
         note="a namesake abroad: سوسة التونسية"),
    Rule("foreign_in", WORD, after=(_any("في قرب بريف"), _words("دمشق حلب حمص حماة إدلب درعا اللاذقية طرطوس "
                                                            "بيروت بغداد القاهرة تونس عمان الأردن لبنان مصر")),
         note="a namesake elsewhere: الصالحية في دمشق"),
    Rule("foreign_at", WORD, after=(_words("بدمشق بحلب بحمص بحماة بإدلب بدرعا ببيروت ببغداد بالقاهرة بتونس بمصر"),),
         note="a namesake elsewhere: الصالحية بدمشق"),
    Rule("age_of", WORD, names=_names("العمر"),
         before=(_AGE_WORDS, _any("من")),
         note="age: في العشرين من العمر، البالغ من العمر"),
    Rule("age_advanced", WORD, names=_names("العمر"), before=(_any("في"),),
         cue=_verbs("تقدم كبار كبير صغار صغير"), reach=4,
         note="age: تقدم الرجل في العمر، كبار في العمر"),
    Rule("afflicted", WORD, names=_names("الهول"), before=(_words("ب"),), clitic="ب", cue=_verbs("صيب صاب"), reach=3,
         note="struck with horror: أصيب الجنود بالهول"),
    Rule("fields_all", WORD, names=_names("الميادين"),
         after=(_words("كافة كلها جميعها المختلفة الأخرى شتى"),),
         note="fields of activity: في الميادين كافة"),
    Rule("weevil_red", WORD, names=_names("السوسة"), after=(_words("الحمراء"),),
         note="the red palm weevil: السوسة الحمراء"),
    Rule("tenderness", WORD, names=_names("الرقة"),
         before=(_any("منتهى غاية شديد شديدة كل بالغ بالغة فائق فائقة"),),
         note="tenderness: بمنتهى الرقة"),
    Rule("hybrid", WORD, names=_names("هجين"),
         before=(_any("صنف أصناف محرك سيارة سيارات نظام نوع نموذج طراز بذور"),),
         note="hybrid: محرك هجين"),
    Rule("insight", WORD, names=_names("البصيرة"),
         before=(_any("عمى نفاذ فقدان ضعف قصر نور صاحب"),),
         note="insight: عمى البصيرة"),
    Rule("social_class", WORD, names=_names("الطبقة"),
         after=(_words("الوسطى العاملة الحاكمة السياسية الفقيرة الغنية الأولى الثانية العليا السفلى"),),
         note="a class or layer: الطبقة الوسطى"),
    # ------------------------------------------------------------- place senses
    Rule("place_type", PLACE, before=(_PLACE_TYPES,), bare=True,
         note="a place-type word right before: بلدة السوسة، ريف الهول، معبر حسرات"),
    Rule("direction", PLACE, before=(_COMPASS,), bare=True,
         note="a compass word right before: شرق السوسة، جنوبي الهول"),
    Rule("direction_of", PLACE, before=(_COMPASS_AL, _any("من")), bare=True,
         note="a compass word with the article: إلى الشرق من السوسة"),
    Rule("located", PLACE, before=(_any("تقع يقع تبعد يبعد تتبع يتبع تضم يضم"),),
         note="a verb of location: وتقع السوسة جنوب هجين، وتبعد الميادين ..."),
    Rule("toward", PLACE, before=(with_clitics(DIRECTION_WORDS),),
         note="motion towards: نحو السوسة، باتجاه الميادين"),
    Rule("people_of", PLACE, before=(_any("أهالي أبناء سكان نازحي مهجري نازحو أهالى"),),
         note="its people: أهالي السوسة"),
    Rule("cue_on", PLACE, before=(_PREPS_ON,), cue=_CUE_ON, reach=8,
         note="a control cue and its على: سيطرت قسد على السوسة"),
    Rule("cue_from", PLACE, before=(_PREPS_FROM,), cue=_CUE_FROM, reach=8,
         note="a movement cue and its من: انسحب التنظيم من السوسة، قادماً من الهول"),
    Rule("cue_to", PLACE, before=(_PREPS_TO,), clitic="ل", cue=_CUE_TO, reach=8,
         note="a movement cue and its إلى: وصلت القوات إلى الميادين"),
    Rule("cue_in", PLACE, before=(_PREPS_IN,), clitic="ب", cue=_CUE_IN, reach=8,
         note="an advance and its في: تقدمت القوات في السوسة"),
    Rule("cue_object", PLACE, cue=_CUE_DIRECT, reach=5, not_between=_NOT_BETWEEN,
         note="a control verb and its object: دخلت قسد السوسة، تحرير الميادين"),
    Rule("locative", PLACE, before=(_LOCATIVE,), clitic="ب", sentence=WAR,
         note="a locative preposition in a sentence about forces, fighting or life under them: "
              "اشتباكات في السوسة، يقطن في الجلاء نحو ثمانية آلاف نسمة"),
    Rule("held", PLACE, after=(_words("تحت"), _words("سيطرة حصار قصف نيران")),
         note="held or besieged: السوسة تحت سيطرة داعش"),
    Rule("held_by", PLACE, after=(_words("بيد بأيدي بقبضة الخاضعة الخاضع الواقعة الواقع المحاصرة المحاصر"),),
         note="in someone's hands: سقطت الميادين بيد قوات النظام، الباغوز الخاضعة لسيطرة التنظيم"),
    Rule("list", PLACE, kind="list", bare=True,
         note="coordinated with a place already linked: الشعفة والسوسة، (الباغوز، السوسة)"),
    Rule("kind_word", PLACE, kind="kind_word",
         note="a word of the place's kind in its sentence (KIND_WORDS): الإنتاج في التنك، النفط من العمر"),
    Rule("context_word", PLACE, kind="context_word",
         note="a context word the gazetteer gives for that place, within 40 characters"),
    Rule("english_place_word", PLACE, before=(_EN_PLACE_WORDS,), lang="en",
         note="English: the town of Susah, captured Susah, near al-Hol"),
)

_BY_ID = {r.id: r for r in RULES}
assert len(_BY_ID) == len(RULES), "rule ids must be unique"


def rule(rule_id: str) -> Rule:
    """The rule with that id.

    Raises
    ------
    KeyError
        With the known ids, when there is no such rule.
    """
    try:
        return _BY_ID[rule_id]
    except KeyError:
        raise KeyError(f"no context rule {rule_id!r}; known: {', '.join(_BY_ID)}") from None
