"""Words the extractor reads: actors, sources, and cues of control and violence.

Everything here is data, written in ordinary Arabic spelling and folded at
import (:func:`gazetteer.fold`), so a newcomer can add a spelling or an outlet
without touching the rules in :mod:`extract.extractor`.
"""

from __future__ import annotations

import csv
import re
from importlib import resources

import ahocorasick

from extract.sources import REGISTRY
from gazetteer import fold
from gazetteer.arabic import CLITICS

__all__ = [
    "ACTOR_AS_SOURCE",
    "ACTOR_PHRASES",
    "CUE_TOKENS",
    "EVENT_TOKENS",
    "OUTLETS",
    "SOURCE_PHRASES",
    "PhraseMatcher",
    "actor_matcher",
    "source_matcher",
]

# Actor phrases, longest first at match time: one table, extract/data/actors.csv (actor, alias,
# used_by: which media name the party so). The bare "التنظيم" (the organisation) and "الجيش" (the
# army) are read as ISIS and the Syrian army, as the Syrian press uses them; qualified forms
# (الجيش العراقي) win by length.
def _read_actors() -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    with resources.files("extract").joinpath("data/actors.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            table.setdefault(row["actor"], []).append(row["alias"])
    return {actor: tuple(aliases) for actor, aliases in table.items()}


ACTOR_PHRASES: dict[str, tuple[str, ...]] = _read_actors()

# A source quoted by the article: its Arabic aliases, from the one source registry (extract.sources).
SOURCE_PHRASES: dict[str, tuple[str, ...]] = {s.name: s.aliases_ar for s in REGISTRY if s.aliases_ar}

# When an actor itself speaks (قسد زعمت، أعلن التحالف، مصدر من قسد).
ACTOR_AS_SOURCE = {"ISIS": "ISIS", "SDF": "SDF", "SAA": "Syrian army", "COALITION": "Coalition", "PMF": "PMF",
                   "IRAQ": "Iraqi forces", "TURKEY": "Turkey", "OTHER": "other"}

# Outlets recognised in bylines and footers: Arabic name -> canonical name.
OUTLETS = {
    "الوطن": "Al-Watan", "صحيفة الوطن": "Al-Watan", "الأيام السورية": "Al-Ayyam al-Suriya",
    "تلفزيون الخبر": "Al-Khabar TV", "عنب بلدي": "Enab Baladi", "الشرق الأوسط": "Asharq Al-Awsat",
    "العربي الجديد": "Al-Araby Al-Jadeed", "المدن": "Al-Modon", "القدس العربي": "Al-Quds Al-Arabi",
    "الحياة": "Al-Hayat", "الأخبار": "Al-Akhbar", "روسيا اليوم": "RT Arabic", "الجزيرة نت": "Al Jazeera",
    "العربية نت": "Al Arabiya", "سكاي نيوز عربية": "Sky News Arabia", "فرات بوست": "Furat Post",
    "دير الزور 24": "Deir Ezzor 24", "نورث برس": "North Press", "زمان الوصل": "Zaman al-Wasl",
    "أورينت نت": "Orient News", "تلفزيون سوريا": "Syria TV", "سانا": "SANA", "الميادين": "Al Mayadeen",
    "سبوتنيك": "Sputnik Arabic", "الحرة": "Alhurra", "بلدي نيوز": "Baladi News", "السورية نت": "Al-Souria Net",
    "وكالة هاوار": "Hawar", "روداو": "Rudaw", "الخليج أونلاين": "Al-Khaleej Online", "حلب اليوم": "Aleppo Today",
    "المرصد السوري لحقوق الإنسان": "SOHR", "صدى الشام": "Sada al-Sham", "جسر": "Jisr",
}


_PHRASE_PREFIXES = CLITICS  # the one clitic table (gazetteer.arabic): "", و، ف، ب، ل، ك and their pairs


class PhraseMatcher:
    """Finds phrases of a table in folded text; each hit says which key it names.

    Clitics are allowed in front (و ف ب ل ك), and لل for ل+ال; the longest
    phrase wins where several overlap. Matching runs on an Aho-Corasick
    automaton, so its cost does not grow with the number of phrases.
    """

    def __init__(self, table: dict[str, tuple[str, ...]]) -> None:
        items: dict[str, str] = {}
        for key, phrases in table.items():
            for p in phrases:
                f = " ".join(fold(p).split())
                items.setdefault(f, key)
                if f.startswith("ال"):
                    items.setdefault("لل" + f[2:], key)
        self.lookup = items
        self._ac = ahocorasick.Automaton()
        for phrase, key in items.items():
            self._ac.add_word(phrase, (len(phrase), key))
        self._ac.make_automaton()

    def prefix_of(self, hit: str) -> str:
        """The clitics in front of a matched phrase (``"ل"`` for لسانا), ``""`` for none."""
        hit = " ".join(hit.split())
        for cut in range(0, 4):
            if hit[cut:] in self.lookup and hit[:cut] in _PHRASE_PREFIXES:
                return hit[:cut]
        return ""

    def finditer(self, text: str, start: int = 0, end: int | None = None):
        """Yield ``(start, end, key)`` for every phrase in ``text[start:end]``, in order."""
        end = len(text) if end is None else end
        found = []
        for last, (length, key) in self._ac.iter(text, start, end):
            a, b = last - length + 1, last + 1
            if b < len(text) and text[b].isalnum():
                continue
            i = a
            while i > 0 and text[i - 1].isalpha() and a - i <= 2:
                i -= 1
            if (i > 0 and text[i - 1].isalnum()) or text[i:a] not in _PHRASE_PREFIXES:
                continue
            found.append((i, b, key))
        if len(found) > 1:  # longest wins among overlapping hits
            found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
            kept = [found[0]]
            for f in found[1:]:
                if f[0] >= kept[-1][1]:
                    kept.append(f)
                elif f[1] - f[0] > kept[-1][1] - kept[-1][0]:
                    kept[-1] = f
            found = kept
        yield from found


def actor_matcher() -> PhraseMatcher:
    """Matcher whose keys are actors (:data:`extract.claim.ACTORS`)."""
    return PhraseMatcher(ACTOR_PHRASES)


def source_matcher() -> PhraseMatcher:
    """Matcher whose keys are canonical source names."""
    return PhraseMatcher(SOURCE_PHRASES)


def word_set(words: str) -> frozenset[str]:
    """A set of folded words from a space-separated string."""
    return frozenset(fold(w) for w in words.split())


# Cue words by what they say about control. Matched per token after folding,
# with a conjunction (و ف) allowed in front.
CUE_TOKENS = {
    "captured": re.compile(
        r"(?:سيطر(?:ت|وا|تا)?|سيطره|السيطره|سيطرت(?:ه|ها|هم|هما)|استعاد(?:ت|وا)?(?:ه|ها|هم)?|[يت]ستعيد(?:ون|وا)?(?:ه|ها|هم)?|استعاده|"
        r"استعادت(?:ه|ها|هم)|الاستعاده|استولي|استولت|استولوا|الاستيلاء|استيلاء|"
        r"حرر(?:ت|وا)?(?:ه|ها)?|تحرير|انتزع(?:ت|وا)?|احكم(?:ت|وا)?|احكام|بسط(?:ت|وا)?|طرد(?:ت|وا)?|طرده|"
        r"تسلم(?:ت|وا)?|استلم(?:ت|وا)?|طهر(?:ت|وا)?|تطهير|يطهر(?:ون)?|تطهر)"),
    # Entering a town: fighting inside it, not yet holding it. The doer must stand next to the verb.
    "entered": re.compile(r"(?:دخل(?:ت|وا)?|تدخل|يدخل(?:ون)?|دخول(?:ها|ه|هم)?|الدخول)"),
    # Intransitive: the place is the subject before the verb (الباغوز تحررت، سقطت البلدة).
    "freed": re.compile(r"(?:تحرر(?:ت)?|سقط(?:ت)?|تسقط|يسقط)"),
    # Confinement: the actor after the verb is held inside the place (تحصر التنظيم في الباغوز).
    "confined": re.compile(r"(?:حصر(?:ت|وا)?|تحصر|يحصر|حاصر(?:ت|وا)?|تحاصر|يحاصر(?:ون)?|محاصر(?:ه|ين|ون)?|"
                           r"طوق(?:ت|وا)?|تطوق|يطوق(?:ون)?|تطويق)"),
    # Confined to a place, intransitive: the subject holds what is left (باتت سيطرته تقتصر على، لينحصر عناصره في).
    "restricted": re.compile(r"(?:تقتصر|يقتصر|اقتصرت|اقتصر|ينحصر|تنحصر|انحصر(?:ت)?|انحسر(?:ت)?|ينحسر|تنحسر)"),
    # Handing a place over: the giver withdrew, the receiver took it (سلم التنظيم قوات النظام أحياء).
    "handed": re.compile(r"(?:سلم(?:ت|وا)?|تسليم)"),
    "holds_present": re.compile(r"(?:يسيطر(?:ون)?|تسيطر(?:ان)?|يسيطران)"),
    "advanced": re.compile(r"(?:اقتحم(?:ت|وا)?(?:ه|ها)?|اقتحام|تقدم(?:ت|وا|ه|ها|هم|ا)?|يتقدم(?:ون)?|تتقدم|التقدم|توغل(?:ت|وا)?|التوغل)"),
    # Reaching a place's edges is an advance; reaching alone (reinforcements arrived) is not (see cues).
    "reached": re.compile(r"(?:وصل(?:ت|وا)?|يصل(?:ون)?|تصل|الوصول|وصول(?:ها|ه|هم)?)"),
    "withdrew": re.compile(
        r"(?:انسحب(?:ت|وا)?|ينسحب(?:ون|وا)?|تنسحب|انسحاب|انسحابا|الانسحاب|انحاز(?:ت|وا)?|الانحياز|انحياز|انسحاب(?:ه|ها|هم)|خسر(?:ت|وا)?(?:ه|ها|هم)?|خساره|خسارت(?:ه|ها|هم)|"
        r"اخلي|اخلت|اخلوا|فر(?:ت|وا)|يفرون|هرب(?:ت|وا)?|فرار|الفرار|هروب|الهروب|خروج|تراجع(?:ت|وا)?|يتراجع(?:ون)?|تتراجع|التراجع)"),
    "repelled": re.compile(
        r"(?:صد(?:ت|وا)?|يصد|تصد|صد(?:ه|ها)|تصدي|تصدت|تصدوا|يتصدي|التصدي|احبط(?:ت|وا)?|احباط|افشل(?:ت|وا)?|افشال)"),
}

EVENT_TOKENS = {
    "strike": re.compile(r"(?:قصف(?:ت|وا|ا|ه|ها)?|القصف|يقصف|تقصف|استهدف(?:ت|وا)?|استهداف|مستهدف(?:ه|ا)?|"
                         r"غار(?:ه|ات|اتها|اته)|الغار(?:ه|ات)|ضرب(?:ات|ه)|الضربات)"),
    "clash": re.compile(r"(?:اشتباك(?:ات)?|الاشتباك(?:ات)?|اشتبك(?:ت|وا)?|معارك|المعارك|مواجهات|المواجهات)"),
}
# All cue tokens in one pattern: one match per token decides its cue type.
CUE_REGEX = re.compile(
    r"(?P<pre>و|ف|ل|ول|فل|ب|وب)??(?:"
    + "|".join(f"(?P<{name}>{rx.pattern})" for name, rx in (*CUE_TOKENS.items(), *EVENT_TOKENS.items()))
    + ")")

# Words that are cues only with their neighbours (see extract.rules.cues).
FLAG_VERBS = word_set("رفعت رفع رفعوا ترفع يرفع")
STATIONED_VERBS = word_set("يتمركز تتمركز يتحصن يتحصنون يتواجد تنتشر ينتشر يتمركزون")
# Entrenched or stationed in a named place: holding it (يتحصنون في مخيم داخل الباغوز، متمركزة في قاعدة).
ENTRENCHED_WORDS = word_set("يتحصن يتحصنون تتحصن متحصنين متحصنون المتحصنين متمركزة متمركزين متمركز")
INSIDE_PRONOUNS = word_set("ضمنها فيها داخلها بها ضمنه فيه")
POCKET_WORDS = word_set("الجيب جيب جيوب")
STRONGHOLD_WORDS = word_set("معاقل معقل معاقله معاقلها")
SUBJECTED_WORDS = word_set("الخاضعة الخاضع خاضعة خاضع والخاضعة والخاضع تخضع يخضع وتخضع ويخضع")
AREA_WORDS = word_set("مناطق منطقة")
# Between a place and the stronghold or the area it is said to be: هجين أبرز معاقل، الطيانة ضمن مناطق سيطرة.
PREDICATE_GAP = word_set("أبرز أهم أكبر آخر أحد إحدى ثاني ضمن داخل من")
HOLDS_PRONOUN_OBJECTS = word_set("عليها عليه عليهما")
# The last pocket, the remnants: the owner holds the place (آخر جيب لتنظيم داعش في الباغوز، بقايا التنظيم في).
REMNANT_WORDS = word_set("بقايا فلول")
# "The last ..." nouns: آخر معقل للتنظيم في الباغوز، آخر نقطة لبقايا التنظيم.
LAST_POCKET_WORDS = word_set("معقل نقطة جيب جيوب بلدة منطقة مناطق معاقل")
LAST_WORDS = word_set("آخر أخر")
EXPEL_WORDS = word_set("طرد طردت طردوا طرده بطرد لطرد وطرد")
# أعادت وحدات الجيش الأمن والاستقرار إلى المدينة (state media's idiom for retaking a place).
SECURITY_WORDS = word_set("الأمن والأمن")
RESTORE_VERBS = word_set("أعادت أعاد أعادوا تعيد يعيد إعادة لإعادة وأعادت وأعاد")
# القوات الحكومية على مشارف البوكمال (a headline with no verb): at the gates is an advance.
GATES_WORDS = word_set("مشارف أبواب تخوم")
# In the hands of (باتت البلدة بيد قسد، لا تزال في يد التنظيم): with a copula, a cue of its own.
HANDS_CUES = word_set("بيد بأيدي بقبضة يد")
SPECIAL_CUES = FLAG_VERBS | STATIONED_VERBS | POCKET_WORDS | STRONGHOLD_WORDS | SUBJECTED_WORDS | REMNANT_WORDS | \
    LAST_POCKET_WORDS | GATES_WORDS | SECURITY_WORDS | ENTRENCHED_WORDS | HANDS_CUES

AIR_WORDS = word_set("طيران الطيران طائرات الطائرات الحربية حربية جوي الجوي جوية الجوية غارة غارات الغارات "
                    "غاراتها المسيرة مسيرة مروحية المروحيات")
ARTILLERY_WORDS = word_set("مدفعي المدفعي مدفعية المدفعية بالمدفعية صاروخي الصاروخي صاروخية الصاروخية بالقذائف "
                          "قذائف القذائف بقذائف بالصواريخ صواريخ هاون الهاون راجمات بالمدافع المدافع")

# Negation right before a cue: nothing happened.
NEGATION = word_set("لم ولم لن لا ولا دون بدون عدم غير ليس فشل فشلت فشلوا أخفق أخفقت أخفقوا وفشلت وأخفقت")
# Between a failure verb and its cue: فشلت قسد مجدداً في اقتحام البلدة.
NEGATION_GAP = word_set("في مجددا مجدداً مرة أخرى أيضا حتى الآن بعد")  # بعد: "yet" (لم تعلن قسد بعد سيطرتها)
# Purpose, attempt or plan around a cue: a goal, not an event.
INTENT = word_set("محاولة محاولات محاوله تحاول يحاول يحاولون تحاولان بهدف لأجل أجل تسعى يسعى تستعد يستعد "
                 "يستعدون تستعدون نية تهدف يهدف خطة معركة لمعركة حملة عملية لعملية لشن هدف تعتزم يعتزم "
                 "تريد يريد مساعي سعي سعيا الهدف هدفها هدفه أهداف الشروع للشروع تمهيدا تمهيداً "
                 "طالب طالبت طالبوا يطالب تطالب مطالبة مطالبات")
QUESTION_WORDS = word_set("هل وهل فهل")
# Irrealis: what may, might, should or would happen, is feared or expected, is not a claim.
IRREALIS = word_set("المتوقع متوقع يتوقع تتوقع توقعات حال لو إذا اذا تخشى يخشى خشية مخاوف تحذر يحذر حذر حذرت "
                    "سوف ربما يمكن يمكنها يمكنه محتمل المحتمل احتمال تهدد يهدد تأمل يأمل نيتها نيته نيتهم عزمها "
                    "عزمه تعتزم يعتزم تنوي ينوي تسعى يسعى ستحاول سيحاول مرشحة")
FAILURE = word_set("بالفشل بائت باءت باءت فشلت فشل جدوى")
# Words after which an actor is the target, not the doer.
TARGET_MARKERS = word_set("على ضد أمام مع بين حساب طرد لطرد بطرد مواقع لمواقع صفوف محاربة لمحاربة قتال لقتال "
                         "مواجهة استهداف")
# The attacker named after an attack noun is not who took, held or repelled.
ATTACK_NOUNS = word_set("هجوم هجوما هجوماً لهجوم بهجوم هجمات الهجوم لهجمات هجمة")
# Generic heads before an actor's name: look past them for a target marker.
ACTOR_HEADS = word_set("قوات القوات عناصر مسلحي مقاتلي مقاتلو ميليشيات وحدات طيران طائرات "
                       # what each side's media call the other: مرتزقة داعش، إرهابيو داعش، فلول التنظيم
                       "مرتزقة إرهابيي إرهابيو مسلحو فلول عصابات")
# Control shared between actors: each holds part (تتقاسم قوات النظام والتنظيم السيطرة على المدينة).
SHARE_WORDS = word_set("تتقاسم يتقاسم يتقاسمان تتقاسمان تقاسم تقاسمت تتشارك يتشارك تتوزع")
# حتى / لحين before a verbal noun after a future verb is a goal (ستتواصل حتى تحرير المنطقة).
UNTIL_WORDS = word_set("حتى لحين")
FUTURE_WORDS = word_set("سوف لن")
# Words that open a verb's clause: طُرد after them is a verb (a passive), after another word its verbal noun.
VERB_OPENERS = word_set("قد وقد فقد كانت وكانت كان وكان ثم كما")
# Extent words after a place: بالكامل، بشكل كامل (a manner word before an extent word).
FULL_AFTER = word_set("بالكامل كاملة كاملا كاملاً بأكملها بأكمله تماما تماماً")
MANNER_WORDS = word_set("بشكل بصورة")
# Between two places of one list: an extent or the cue's own preposition again does not end it.
LIST_GAP_WORDS = FULL_AFTER | MANNER_WORDS | word_set("كامل وعلى وإلى")
DEMONSTRATIVES = word_set("تلك هذه ذلك هذا")
DISTRICT_ANAPHORS = word_set("الحي الأحياء")  # تلك الأحياء points back to districts
# Words that place an article in Iraq or in Syria, for the army unqualified (ARMY in actors.csv).
IRAQ_WORDS = word_set("العراق العراقي العراقية الأنبار قضاء الحشد بغداد نينوى")
SYRIA_WORDS = word_set("سوريا سورية السوري السورية النظام دمشق سانا الرقة الحسكة")
# A generic force noun standing for whichever party the text is about (the verb agrees with it).
GENERIC_FORCES = word_set("القوات الوحدات القطعات الأرتال أرتال المقاتلون المقاتلين العناصر الجنود "
                          "والقوات والوحدات والقطعات الميليشيات والميليشيات المليشيات")
MILITIA_HEADS = word_set("ميليشيات ميليشيا مليشيات مليشيا الميليشيات فصائل")
# Objects that are themselves pronouns: the place was named before.
# Relative words and the gender of the place words they agree with (حي الحويقة ... الذي).
RELATIVE_GENDER = {fold(w): g for w, g in (("الذي", "m"), ("والذي", "m"), ("التي", "f"), ("والتي", "f"))}
HEAD_GENDER = {fold(w): "f" for w in "مدينة بلدة قرية منطقة ناحية محافظة".split()} | \
    {fold(w): "m" for w in "حي حقل مطار مخيم معبر جبل تل سد معمل مركز ريف".split()}
LOCATIVE_LINKS = word_set("في ب من ضمن داخل قرب شرق غرب شمال جنوب شرقي غربي شمالي جنوبي")
# An agent after the cue: طُرد التنظيم منها على يد قسد، تمت السيطرة عليها من قبل قسد (folded pairs).
AGENT_MARKERS = frozenset({(fold("على"), fold("يد")), (fold("على"), fold("أيدي")), (fold("من"), fold("قبل"))})
# A verb of taking or entering with its object as a suffix (استعادها، تستعيدها، اقتحمتها): the place was
# named before. Folded spelling; nouns with a possessive (سيطرتها، تقدمه) are not here.
VERB_WITH_OBJECT = re.compile(
    # Folded, استعادة (recapture) reads استعاده and استعادتها is also "its recapture": neither is here.
    r"[وف]?(?:استعاد(?:ها|هما|هم)|استعادوه?(?:ا|ما|م)?|(?:[يت]ستعيد(?:ون|وا)?|اقتحم(?:ت|وا)?|[يت]قتحم(?:ون|وا)?|"
    r"حرر(?:ت|وا)?|[يت]حرر(?:ون|وا)?|دخل(?:ت|وا)?|[يت]دخل(?:ون|وا)?|انتزع(?:ت|وا)?|اخل(?:ت|وا)?)(?:ه|ها|هما|هم))")
PRONOUN_OBJECTS = word_set("معظمها كاملها أغلبها أجزائها بعضها جميعها عليها نصفها أطرافها منها عليه منه عليهما منهما")
# Relative pronouns introducing a clause about the noun before them.
RELATIVE = word_set("التي الذي اللتي الذين والتي والذي الواقعة الواقع والواقعة الخاضعة الخاضع والخاضعة ما")
# Words that end a cue's reach: a new clause about something else begins.
STOP = word_set("بعد حيث بينما لكن إلا مما وسط كما يأتي وفي وبحسب وذكرت وأشارت وأفادت وقالت وأكدت مضيفا "
               "مضيفة مشيرا مشيرة موضحا موضحة لافتا")
SPEECH = word_set("ذكر ذكرت ذكروا أفاد أفادت قال قالت قالوا أكد أكدت أكدوا أشار أشارت لفت لفتت أعلن أعلنت "
                 "أعلنوا نقل نقلت زعم زعمت زعموا ادعى ادعت نشر نشرت بث بثت بينت أوضح أوضحت صرح صرحت كشف "
                 "كشفت نفى نفت أضاف أضافت تابع تابعت رصد رصدت وثق وثقت تحدث تحدثت أفادوا مضيفا مضيفة مشيرا "
                 "مشيرة حسب بحسب وفق وفقا نقلا")
CLAIM_WORDS = word_set("زعم زعمت زعموا يزعم تزعم ادعى ادعت ادعوا يدعي تدعي المزعوم المزعومة زعمه زعمها مزاعم")
DENY_WORDS = word_set("نفى نفت نفوا ينفي تنفي نفي")
# «لا صحة لـ/عن ...», «لا أساس (له من الصحة)»: "there is no truth to": a denial when لا stands before them.
DENY_AFTER_LA = word_set("صحة أساس")
LA = word_set("لا ولا")
SPEAKER_NOUNS = word_set("مصدر قائد قيادي مسؤول متحدث المتحدث الناطق الناطقة ناطق ناطقة المتحدثة متحدثة عضو "
                        "مقاتل بيان البيان")
ANAPHORS = word_set("المنطقة البلدة المدينة القرية المناطق البلدتين القريتين المستشفى المشفى المسجد الحي الأحياء "
                   "السوق الأسواق المواقع مواقعها أجزائها معظمها")
# Anaphors that name a settlement: «البلدة» points back to a town or village, not to a camp or a field.
SETTLEMENT_ANAPHORS = word_set("البلدة المدينة القرية البلدتين القريتين")
SETTLEMENT_KINDS = frozenset({"city", "town", "village"})
SITE_WORDS = word_set("مستشفى المستشفى مشفى المشفى مسجد المسجد سوق السوق الأسواق حي الحي أحياء الأحياء موقع "
                     "المواقع مواقع مبنى نقطة نقاط حاجز")
# أنهت قسد سيطرة التنظيم: ending control is losing it.
ENDED_WORDS = word_set("أنهى أنهت أنهوا وأنهى وأنهت وأنهوا إنهاء بإنهاء وإنهاء ينهي تنهي")
# Nouns of a part of a place: القسم الشمالي من X is part of X.
PART_NOUNS = word_set("القسم الجزء الأجزاء الطرف الأطراف الجهة الأحياء القسمين الحي المحور")
# Words by which a sentence refers back to a source already named (وأشارت المصادر، بحسب المصدر).
REFERS_BACK = word_set("المصادر المصدر وبحسب بحسب")
# A sentence opening on these tells background (وكان التنظيم قد سيطر ...): the outlet's own voice.
BACKGROUND_OPENERS = word_set("كان وكان كانت وكانت يذكر ويذكر يشار ويشار")
# A contrasting clause begins: what a speaker said before it ends there.
CONTRAST_OPENERS = word_set("حين بينما فيما وبينما وفيما")
COPULA = word_set("هي هو هما وهي")
# Objects that name no place themselves: a place after them with في/ب only says where they are.
GENERIC_OBJECTS = word_set("قرى القرى مواقع المواقع نقاط النقاط مناطق المناطق بلدات البلدات حواجز الحواجز "
                           "مقرات المقرات قري مزارع المزارع")
LIST_MARKERS = word_set("وهي هي تضم وتضم تشمل وتشمل منها ومنها مثل بينها كلا كلاً")
# Verbs that govern a verbal noun cue (تمكنت من السيطرة): their gender is the doer's.
ENABLING_VERBS = word_set("تمكن تمكنت تمكنوا استطاع استطاعت استطاعوا نجح نجحت نجحوا")
# دون مقاومة، بلا قتال: entered unopposed.
WITHOUT_WORDS = word_set("دون بدون بلا من دون")
RESISTANCE_WORDS = word_set("مقاومة قتال معارك اشتباكات مواجهة")
# Administrative units: «قرية X في ناحية Y» locates, «تحرير قضاء القائم» names the object.
ADMIN_WORDS = word_set("ناحية محافظة قضاء")
# Two units a place lies between: بين محافظتي الرقة ودير الزور.
DUAL_UNITS = word_set("محافظتي منطقتي ناحيتي قضاءي مدينتي")
BETWEEN_WORDS = word_set("بين وبين")
LOCATOR_WORDS = word_set("شرق شرقي غرب غربي شمال شمالي جنوب جنوبي ريف بريف لريف وريف ناحية بناحية محافظة محافظتي "
                        "بمحافظة لمحافظة قضاء الشرقي الغربي الشمالي الجنوبي الجنوبية الشرقية "
                        "الشمالية الغربية كم كلم القريبة المتاخمة أبناء بادية ببادية التابعة التابع "
                        "المقابلة المقابل طريق الطريق بين الواصل الواصلة الرابط الرابطة")
# "near X": the claim is about X's surroundings (its outskirts), not about somewhere else.
NEAR_WORDS = word_set("قرب بالقرب مقربة")
# Who supports the doer is not the doer (بدعم من التحالف).
SUPPORT = word_set("بدعم بمساندة بإسناد بغطاء وبإسناد وبمساندة وبغطاء المدعومة المدعوم مدعومة مدعوما مدعوماً بمشاركة وبدعم "
                   "تدعمها يدعمها تدعمه يدعمه تدعمهم يدعمهم وتدعمها ويدعمها وتدعمه ويدعمه تسانده تساندها")
# Words of part or whole that may stand between listed places (هجين، وأجزاء من بلدة السوسة).
LIST_PART_WORDS = word_set("أجزاء وأجزاء جزء وجزء معظم ومعظم بعض وبعض كامل وكامل أطراف وأطراف من")
# After a withdrawal, a place after these words is where the side went, not what it left.
DESTINATION = word_set("باتجاه نحو إلى الى صوب اتجاه")
# Light verbs between a negation and the cue it negates (لم تحقق أي تقدم).
LIGHT_VERBS = word_set("تحقق يحقق تحرز يحرز تسفر يسفر تتمكن يتمكن تستطع يستطع تنجح ينجح أي عن من في تحققه "
                       "تعلن يعلن")  # لم تعلن قسد سيطرتها: not announced, not a capture
# "in the hands of": the actor after these is the one who now holds the place.
HANDS = word_set("بيد يد بأيدي أيدي قبضة بقبضة")
# Pronoun objects hung on a preposition after a verb: التي سيطرت عليها القوات، التي انسحبت منها.
PREP_PRONOUNS = word_set("عليها عليه منها منه فيها فيه إليها إليه اليها اليه عنها عنه")
# Nouns of a place's parts carrying its pronoun: الذي وصلت القوات إلى أطرافه.
# Reinforcements arriving, convoys moving: movement of forces, not a change on the ground.
# Columns of a party: entering a town they advance (دخلت أرتال قسد البصيرة), arriving they only reinforce.
COLUMN_WORDS = word_set("رتل أرتال الرتل الأرتال")
REINFORCEMENT_WORDS = COLUMN_WORDS | word_set("تعزيزات التعزيزات قافلة قوافل إمدادات الإمدادات حشود الحشود")
# Coming from X: X is where they came from (قادمة من منطقتي الهول والشدادي).
ORIGIN_WORDS = word_set("قادمة قادمين قادما قادماً قادمون آتية آتين")
# Civilians moving are not forces (دخول المواطنين إلى المساجد، عودة الأهالي).
CIVILIAN_WORDS = word_set("المواطنين المواطنون المدنيين المدنيون الأهالي أهالي السكان النازحين النازحون العائلات المصلين")
# Forcing verbs: the forced one is who withdrew (أجبرته على الانسحاب، أرغمت التنظيم على التراجع).
FORCING_WORDS = word_set("أجبر أجبرت أجبروا أجبرته أجبرتهم أجبرها أرغم أرغمت أرغمته أرغمتهم أرغمها اضطر اضطرت "
                         "اضطرته دفع دفعت دفعته دفعتهم إجبار وأجبرت وأجبرته")
SHRINK_WORDS = word_set("تقلص تقلصت تتقلص لتتقلص يتقلص انحسرت انحسر تنحسر لتنحسر")
EDGE_WORDS = word_set("أطراف مشارف محيط تخوم وسط داخل عمق مداخل الأطراف المشارف المحيط التخوم المداخل")
PART_PRONOUNS = word_set("أطرافه أطرافها محيطه محيطها داخله داخلها مشارفه مشارفها وسطه وسطها أحيائها أجزائها")
# Phrases that carry a list on past an apposition (هجين أكبر معاقله، إلى جانب بلدات السوسة والشعفة).
# Adjectives that may follow a name inside a list (حقل الخراطة الاستراتيجي، وعقدة الشولا).
NAME_ADJECTIVES = word_set("الاستراتيجي الاستراتيجية الإستراتيجي الإستراتيجية النفطي النفطية الغازي الغازية "
                           "العسكري العسكرية الحدودي الحدودية الكبير الكبيرة الصغير الصغيرة المجاور المجاورة "
                           "القريب القريبة الهام الهامة المهم المهمة")
LIST_CONTINUERS = word_set("جانب إضافة بالإضافة إضافة فضلا وكذلك كذلك علاوة")
# Heads of actor names that make them feminine (قسد، القوات): verbs agree with them.
FEMININE_HEADS = word_set("قسد قوات القوات وحدات الوحدات ميليشيات الميليشيات الحكومة منظمة فصائل")
# The latter / the former: the last-named actor (بعد تقدم الأخيرة).
LATTER = word_set("الأخيرة الأخير الاخيرة الاخير")
# A noun cue after these words happens alongside the main clause (دخلت قسد البلدة وسط انسحاب التنظيم).
# شهدت بلدة X انسحاب ...: the place witnessed the change.
WITNESS = word_set("شهد شهدت تشهد يشهد")
# ... تبعها تقدم: what follows is a new event, not what the place witnessed.
FOLLOWED_BY = word_set("تبعها تبعه تبعتها تلاها تلاه تلتها أعقبها أعقبه أعقبتها")
AFTER_WORDS = word_set("بعد عقب إثر اثر")  # دخلت ... بعد انسحاب التنظيم: he had left (not وسط: amid it)
CONCURRENT = AFTER_WORDS | word_set("وسط مع تزامنا")
# Withdrawal nouns: entering after one is taking the place.
WITHDRAWAL_NOUNS = word_set("انسحاب الانسحاب فرار الفرار هروب الهروب خروج")
FLAG_WORDS = word_set("رايتها رايته رايتهم الراية راية علمها علمه العلم أعلامها")
EXTENT_WORDS = {
    "full": word_set("كامل كاملة الكامل الكاملة كل كافة بالكامل جميع"),
    "most": word_set("معظم أغلب غالبية أكثر"),
    "half": word_set("نصف"),
    "part": word_set("أجزاء جزء بعض أحياء حي أقسام قسم أطرافها مواقع الربع ربع ثلث الثلث"),
    "outskirts": word_set("أطراف مشارف محيط ضواحي تخوم مداخل أطرافها قرب بالقرب الأطراف المشارف التخوم المداخل "
                          "الضواحي"),
}

# --- Words the rules test in their windows (extract.rules), named here so a spelling is one edit.
CARRIER_BEFORE = word_set("بحسب حسب وفق وفقا نقلا وبحسب ووفق")  # بحسب رويترز: the source only carries
SPEAKER_THAT = word_set("ان بان انه انها انهم")  # قال مصدر في قسد إن ...: what the speaker said begins
CONTINUES = word_set("وأضاف وأضافت وتابع وتابعت وأوضح وأوضحت وأشار وأشارت ولفت ولفتت وأكد وأكدت واعتبر "
                     "واعتبرت وبين وبينت مضيفا مضيفة وختم وختمت")  # the speaker of the sentence before goes on
CORRESPONDENT = word_set("لمراسل لمراسلة لمراسلي مراسل مراسلة مراسلو لموقع لوكالة لصحيفة لقناة لشبكة")
QUANTITY = word_set("نصف ثلث ربع ثلثي معظم أكثر أقل عشرة عشرين مئة مائة ألف")  # على نحو نصف: نحو is "about"
# Copulas before «under the control of» / «in the hands of»: became (a capture) or still is (a hold).
BECAME_WORDS = word_set("بات باتت باتا باتتا أصبح أصبحت أصبحا صار صارت")
STILL_WORDS = word_set("تزال يزال زالت زال تبقى يبقى بقيت ظلت ظل")
GAP_WORDS = BECAME_WORDS | STILL_WORDS | word_set("كانت كان ما لا منها أجزاء جزء معظم بعض كامل قد التي الذي في من تحت")
CLAUSE_OPENERS = word_set("أن فإن بأن أنه أنها فإنه حيث و")  # a new clause: a relative clause ended before
INSIDE_WORDS = word_set("ضمن داخل")
EXCEPT_WORDS = word_set("إلا الا")  # لا ... إلا is exceptive, not negative
QAD_WORDS = word_set("قد وقد فقد")  # قد + present is "may"
AFTER_WORDS = word_set("بعد وبعد عقب")
TO_WORDS = word_set("إلى الى")
FROM_WORDS = word_set("من عن")
LOST_VERBS = word_set("فقد خسر وفقد وخسر")  # فقد سيطرته: lost control
