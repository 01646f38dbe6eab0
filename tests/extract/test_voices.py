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
    ("وتمكنت قسد من طرد مسلحي التنظيم من قرية البحرة.", {("bahra", "SDF", "captured")}),
    ("وزعمت وكالة أعماق التابعة للتنظيم أن مقاتليه استعادوا السيطرة على بلدة الشعفة.",
     {("shaafa", "ISIS", "captured")}),
    ("قوات سوريا الديمقراطية تعلن تحرير بلدة الباغوز فوقاني بالكامل", {("baghuz_fawqani", "SDF", "captured")}),
    ("وباتت قرية المراشدة تحت سيطرة قسد بعد انسحاب مسلحي داعش منها.",
     {("marashida", "SDF", "holds"), ("marashida", "ISIS", "withdrew")}),
    ("وذكرت وكالة هاوار أن مقاتلي قسد سيطروا على حقل التنك النفطي.", {("al_tanak_oilfield", "SDF", "captured")}),
    ("ولا يزال التنظيم يسيطر على قرى الشعفة والسوسة والباغوز.",
     {("shaafa", "ISIS", "holds"), ("sousa", "ISIS", "holds"), ("baghuz", "ISIS", "holds")}),
    ("وأشار المرصد إلى أن قوات النظام انسحبت من مواقعها في بلدة الصالحية.", {("salihiyah", "SAA", "withdrew")}),
    ("وتقدمت قوات النظام والميليشيات الموالية لإيران باتجاه بلدة العشارة.", {("asharah", "SAA", "advanced")}),
    ("ولم تتمكن قسد من السيطرة على بلدة هجين رغم الغطاء الجوي.", set()),
    ("وقصفت المدفعية العراقية مواقع للتنظيم في الباغوز تحتاني.", set()),
    ("المرصد: قسد تدخل الشعفة والتنظيم يرد بهجوم معاكس", {("shaafa", "SDF", "advanced")}),
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


def test_isis_media_claim(ex):
    text = "وزعمت وكالة أعماق التابعة للتنظيم أن مقاتليه استعادوا السيطرة على بلدة الشعفة."
    (c,) = [c for c in ex.extract(Article("v", text, "v.txt", published=PUB)) if c.kind == "control"]
    assert (c.attributed_to, c.modality) == ("Amaq", "claimed")
