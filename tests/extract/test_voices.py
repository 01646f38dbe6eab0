"""Sentences we wrote in the voices the sample lacks: government media, ISIS media, the SDF's own outlets.

Each case is (text, the control claims it makes as (place, actor, change)); the extractor must find
those and nothing else.
"""

from datetime import date

import pytest

from extract import Article, DateWindow, Extractor

PUB = DateWindow(date(2018, 12, 11), date(2018, 12, 11), "test")

CASES = [
    ("وحدات من الجيش العربي السوري تحرر قرية السكرية في ريف البوكمال بعد القضاء على آخر تجمعات إرهابيي داعش فيها",
     {("sukkariyah", "SAA", "captured")}),
    ("وأفاد مراسل سانا بأن وحدات من جيشنا الباسل بسطت سيطرتها على بلدة الجلاء بعد معارك عنيفة مع إرهابيي تنظيم داعش.",
     {("jalaa", "SAA", "captured")}),
    ("وقال مصدر عسكري لسانا إن وحدات الجيش أحكمت سيطرتها على مدينة البوكمال بشكل كامل.",
     {("abu_kamal", "SAA", "captured")}),
    ("دخلت قوات سوريا الديمقراطية بلدة هجين من محورها الشمالي وسط اشتباكات عنيفة.", {("hajin", "SDF", "advanced")}),
    ("سقطت بلدة السوسة بيد تنظيم داعش بعد هجوم مباغت.", {("sousa", "ISIS", "captured")}),
    # The expelled withdrew: independent annotators of ../shared/dev read طرد X من Y so (d15, d16, d20).
    ("وتمكنت قسد من طرد مسلحي التنظيم من قرية البحرة.", {("bahra", "SDF", "captured"), ("bahra", "ISIS", "withdrew")}),
    ("وزعمت وكالة أعماق التابعة للتنظيم أن مقاتليه استعادوا السيطرة على بلدة الشعفة.",
     {("shaafa", "ISIS", "captured")}),
    ("قوات سوريا الديمقراطية تعلن تحرير بلدة الباغوز فوقاني بالكامل", {("baghuz_fawqani", "SDF", "captured")}),
    # «has come under» its control, once the other side left: a capture (cue.under_control).
    ("وباتت قرية المراشدة تحت سيطرة قسد بعد انسحاب مسلحي داعش منها.",
     {("marashida", "SDF", "captured"), ("marashida", "ISIS", "withdrew")}),
    ("وذكرت وكالة هاوار أن مقاتلي قسد سيطروا على حقل التنك النفطي.", {("al_tanak_oilfield", "SDF", "captured")}),
    ("ولا يزال التنظيم يسيطر على قرى الشعفة والسوسة والباغوز.",
     {("shaafa", "ISIS", "holds"), ("sousa", "ISIS", "holds"), ("baghuz", "ISIS", "holds")}),
    # Two places are called al-Salihiyah: the town nearby decides which (the linker's ambiguity rules).
    ("وأشار المرصد إلى أن قوات النظام انسحبت من مواقعها في بلدة الصالحية قرب البوكمال.",
     {("salihiyah", "SAA", "withdrew")}),
    ("وتقدمت قوات النظام والميليشيات الموالية لإيران باتجاه بلدة العشارة.", {("asharah", "SAA", "advanced")}),
    ("ولم تتمكن قسد من السيطرة على بلدة هجين رغم الغطاء الجوي.", set()),
    ("وقصفت المدفعية العراقية مواقع للتنظيم في الباغوز تحتاني.", set()),
    ("المرصد: قسد تدخل الشعفة والتنظيم يرد بهجوم معاكس", {("shaafa", "SDF", "advanced")}),
    ("واستعادت قوات النظام السوري السيطرة على مدينة الميادين في ريف دير الزور الشرقي.",
     {("mayadin", "SAA", "captured")}),
    ("أعلنت قوات سوريا الديمقراطية، الثلاثاء، أنها سيطرت على قرية الكشمة بعد يومين من المعارك.",
     {("kashma", "SDF", "captured")}),
    ("وفي ريف دير الزور، شن التحالف الدولي غارات على مواقع التنظيم في بلدة الشعفة.", set()),
    ("ويسيطر التنظيم منذ عام 2014 على بلدة هجين.", {("hajin", "ISIS", "holds")}),
    ("وأفادت مصادر محلية لعنب بلدي بأن قسد انسحبت من حقل العمر النفطي.", {("al_omar_oilfield", "SDF", "withdrew")}),
    ("تواصل قسد عملياتها العسكرية في محيط بلدة السوسة.", set()),
    ("وقالت شبكة دير الزور 24 إن التنظيم أعدم ثلاثة مدنيين في بلدة هجين.", set()),
    ("وتشهد بلدة الباغوز فوقاني اشتباكات متقطعة بين الطرفين.", set()),
    ("وذكر ناشطون أن التنظيم شن هجوماً على نقاط لقسد في قرية البحرة، وتمكن من السيطرة على عدد منها.",
     {("bahra", "ISIS", "captured")}),
    ("قسد تفرض سيطرتها على الشعفة وتتقدم نحو السوسة", {("shaafa", "SDF", "captured"), ("sousa", "SDF", "advanced")}),
    ("لا تزال بلدة السوسة تحت سيطرة التنظيم.", {("sousa", "ISIS", "holds")}),
    ("استعاد الجيش العراقي السيطرة على منفذ القائم الحدودي.", {("al_qaim_crossing", "IRAQ", "captured")}),
    ("وانسحبت القوات الأمريكية من بادية بلدة هجين باتجاه حقل التنك.", set()),
    ("وأكد المرصد أن قوات النظام صدت هجوماً للتنظيم على حي الكتف في مدينة البوكمال.",
     {("abu_kamal", "SAA", "repelled")}),
    ("ونفى المتحدث باسم قسد سيطرة التنظيم على قرية الشجلة.", {("shajla", "ISIS", "captured")}),
]


@pytest.fixture(scope="module")
def ex():
    return Extractor()


@pytest.mark.parametrize("text,expected", CASES, ids=[f"case{i}" for i in range(len(CASES))])
def test_voice(ex, text, expected):
    got = {(c.place, c.actor, c.change) for c in ex.extract(Article("v", text, "v.txt", published=PUB))
           if c.kind == "control"}
    assert got == expected


def test_speaker_and_carrier_in_government_media(ex):
    text = "وقال مصدر عسكري لسانا إن وحدات الجيش أحكمت سيطرتها على مدینة البوكمال."
    (c,) = [c for c in ex.extract(Article("v", text, "v.txt", published=PUB)) if c.kind == "control"]
    assert c.attributed_to == "military sources"


def test_denial_is_recorded_as_denied(ex):
    text = "ونفى المتحدث باسم قسد سيطرة التنظيم على قرية الشجلة."
    (c,) = [c for c in ex.extract(Article("v", text, "v.txt", published=PUB)) if c.kind == "control"]
    assert (c.modality, c.attributed_to) == ("denied", "SDF")


def test_isis_media_claim(ex):
    text = "وزعمت وكالة أعماق التابعة للتنظيم أن مقاتليه استعادوا السيطرة على بلدة الشعفة."
    (c,) = [c for c in ex.extract(Article("v", text, "v.txt", published=PUB)) if c.kind == "control"]
    assert (c.attributed_to, c.modality) == ("Amaq", "claimed")


# Sentences that name a place and a control word but claim nothing: a false claim paints a false map.
NEGATIVES = [
    "ويهدف الهجوم إلى السيطرة على بلدة هجين.",
    "تسعى قسد للسيطرة على الباغوز قبل نهاية العام.",
    "وكانت قسد قد أعلنت في وقت سابق نيتها تحرير بلدة هجين.",
    "واعتقلت قسد أحد المسؤولين في بلدة البصيرة.",
    "ووصل وفد من التحالف إلى بلدة الشدادي.",
    "وأفرج التنظيم عن عشرات المدنيين في بلدة السوسة.",
    "ونزح آلاف المدنيين من بلدة هجين إلى مخيم الهول.",
    "وأسرت قسد عنصرين من التنظيم في قرية البحرة.",
    "وأرسلت قوات النظام تعزيزات عسكرية إلى مدينة البوكمال.",
    "وطالب الأهالي بخروج التنظيم من بلدة الشعفة.",
    "وقد تستعيد قسد السيطرة على الباغوز خلال أيام.",
    "ومن المتوقع أن تسيطر قسد على هجين قريباً.",
    "وفي حال سيطرت قسد على هجين فإن التنظيم سيفقد آخر معاقله.",
    "وتخشى قسد أن يستعيد التنظيم السيطرة على بلدة السوسة.",
    "وحذر المرصد من أن التنظيم قد يسيطر مجدداً على قرية الشجلة.",
]


@pytest.mark.parametrize("text", NEGATIVES, ids=[f"neg{i}" for i in range(len(NEGATIVES))])
def test_no_claim(ex, text):
    assert [c for c in ex.extract(Article("v", text, "v.txt", published=PUB)) if c.kind == "control"] == []


def test_past_perfect_is_still_a_claim(ex):
    # قد + past tense is "has", not "may".
    text = "وكانت قسد قد سيطرت على قرية الشجلة."
    assert {(c.place, c.actor, c.change) for c in ex.extract(Article("v", text, "v.txt", published=PUB))} == \
        {("shajla", "SDF", "captured")}
