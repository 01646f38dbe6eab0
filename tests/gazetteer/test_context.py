"""Each context rule, on its own: it fires where it should, and the linker behaves otherwise without it.

Word rules: with the rule the name is dropped; without it the same sentence links the place.
Place rules: with the rule the place is linked ``via`` that rule; without it, it is not linked; and a
sentence that lacks the cue links nothing.
"""

from __future__ import annotations

import pytest

from gazetteer import Linker
from gazetteer.context import PLACE, RULES, WORD, rule

# rule id: (a sentence where the rule drops the name, the place it would otherwise link)
WORD_CASES = {
    "media": ("وقالت شبكة دير الزور 24 إن الاشتباكات لم تتوقف منذ الصباح.", "deir_ez_zor"),
    "media_site": ("ونشرت صور المعارك في الميادين نت مساء أمس.", "mayadin"),
    "foreign": ("وزار وفد من الجمعية مدينة سوسة التونسية الأسبوع الماضي.", "sousa"),
    "foreign_in": ("واعتقلت قوات الأمن شاباً في الصالحية في دمشق.", "salihiyah"),
    "foreign_at": ("وانفجرت سيارة مفخخة في الصالحية بدمشق.", "salihiyah"),
    "age_of": ("وانسحب مقاتل في العشرين من العمر من صفوف الفصيل.", "al_omar_oilfield"),
    "age_advanced": ("وقال إن المقاتلين الذين تقدموا في العمر عادوا إلى بيوتهم.", "al_omar_oilfield"),
    "afflicted": ("وأصيب الجنود بالهول من شدة القصف.", "al_hawl"),
    "fields_all": ("وتواصل القوات تحقيق الانتصارات في الميادين كافة.", "mayadin"),
    "weevil_red": ("وتسعى مديرية الزراعة إلى السيطرة على السوسة الحمراء في بساتين النخيل.", "sousa"),
    "tenderness": ("وتحدثت الأم عن ابنها بمنتهى الرقة.", "raqqa"),
    "hybrid": ("وأعلنت الشركة عن سيارة بمحرك هجين.", "hajin"),
    "insight": ("وقال الكاتب إن عمى البصيرة أخطر من عمى البصر.", "busayrah"),
    "social_class": ("وتراجع دخل الموظفين في الطبقة الوسطى منذ بدء المعارك.", "tabqa"),
}

# rule id: (a sentence the rule links, the place, a sentence without the cue that links nothing)
PLACE_CASES = {
    "place_type": ("ويعيش في بلدة السوسة نحو عشرة آلاف نسمة.", "sousa", "تحدث الشيخ عن السوسة طويلاً."),
    "direction": ("وتمركزت الأرتال شرق السوسة.", "sousa", "وتمركزت الأرتال وراء السوسة."),
    "direction_of": ("وتقع المواقع إلى الشرق من البحرة.", "bahra", "وتقع المواقع إلى الشرق منذ البحرة."),
    "toward": ("وزحفت الأرتال نحو الهول.", "al_hawl", "وأصابهم الهول من المشهد."),
    "people_of": ("وعاد أهالي الجلاء إلى منازلهم.", "jalaa", "وعاد الناس بعد الجلاء إلى منازلهم."),
    "located": ("وتقع السوسة جنوب هجين.", "sousa", "وتحب السوسة جنوب هجين."),
    "cue_on": ("وسيطرت قسد على السوسة بعد ظهر اليوم.", "sousa", "وتحدث القائد على السوسة بعد ظهر اليوم."),
    "cue_from": ("وانسحبت الأرتال من الميادين فجراً.", "mayadin", "ونشرت الصحف صوراً من الميادين فجراً."),
    "cue_to": ("ووصلت تعزيزات إلى القائم ليلاً.", "al_qaim", "ونظر الرجل إلى القائم ليلاً."),
    "cue_in": ("وتقدمت الأرتال في السوسة.", "sousa", "وكتب الشاعر في السوسة."),
    "cue_object": ("ودخلت قسد السوسة صباح اليوم.", "sousa", "ورأى الشاعر في السوسة صباح اليوم."),
    "locative": ("واندلعت اشتباكات عنيفة في الجلاء.", "jalaa", "واندلعت احتفالات صاخبة في الجلاء."),
    "held": ("ولا تزال السوسة تحت سيطرة التنظيم.", "sousa", "ولا تزال السوسة تحت الأشجار."),
    "held_by": ("وسقطت الميادين بيد قوات النظام.", "mayadin", "وسقطت الميادين من حسابات الجميع."),
    "kind_word": ("وتوقف الإنتاج في التنك بسبب الأعطال.", "al_tanak_oilfield", "وتوقف العمل في التنك بسبب الأعطال."),
    "list": ("وتضم المنطقة هجين والسوسة.", "sousa", "وتضم المنطقة هجين ثم تحدثوا عن السوسة."),
    "context_word": ("وتعد الميادين ثاني أكبر مدينة في المحافظة.", "mayadin", "وتعد الميادين ثاني أكبر ساحة."),
    "english_place_word": ("Clashes broke out near Susah on Monday.", "sousa", "Susah said on Monday."),
}


def _places(linker, text):
    return [m.place for m in linker.link(text)]


def _named(linker, text):
    """The places a text's mentions could stand for, a shared name's every candidate included."""
    return [c for m in linker.link(text, unresolved=True) for c in (m.candidates or (m.place,))]


def _without(linker, rule_id):
    return Linker(linker.gazetteer, context_rules=[r for r in RULES if r.id != rule_id])


def test_every_rule_has_its_test():
    assert {r.id for r in RULES if r.says == WORD} == set(WORD_CASES)
    assert {r.id for r in RULES if r.says == PLACE} == set(PLACE_CASES)


@pytest.mark.parametrize("rule_id", sorted(WORD_CASES))
def test_word_rule(linker, rule_id):
    text, place = WORD_CASES[rule_id]
    assert place not in _named(linker, text)
    assert place in _named(_without(linker, rule_id), text)


@pytest.mark.parametrize("rule_id", sorted(PLACE_CASES))
def test_place_rule(linker, rule_id):
    text, place, miss = PLACE_CASES[rule_id]
    assert [(m.place, m.via) for m in linker.link(text) if m.place == place] == [(place, rule_id)]
    assert place not in _places(_without(linker, rule_id), text)
    assert place not in _places(linker, miss)


@pytest.mark.parametrize("text", [
    "سيطرت قسد على السوسة.",
    "وسيطرت قوات سوريا الديمقراطية المدعومة من التحالف الدولي على السوسة.",
    "وتمكن مقاتلو قسد من السيطرة على السوسة.",
    "ودخلت قوات سوريا الديمقراطية السوسة.",
    "وانسحب التنظيم من السوسة.",
    "وصلت قوات النخبة إلى السوسة.",
    "ووصلت القوات للسوسة.",
    "مدنيون قادمون من السوسة.",
    "وتقدمت قسد باتجاه السوسة.",
    "حررت القوات السوسة.",
    "واستعاد التنظيم السوسة.",
    "قصف مدفعي على مواقع قرب السوسة.",
    "واشتباكات بالسوسة.",
    "وعلى بعد كيلومترين جنوب السوسة.",
    "بين الشعفة والسوسة.",
])
def test_the_cues_of_issue_9_link_a_name_that_is_also_a_word(linker, text):
    assert _places(linker, text)[-1] == "sousa"


@pytest.mark.parametrize("text", [
    "وقال إن الوضع القائم لن يستمر.",
    "وأشاد بدور المرأة في مختلف الميادين.",
    "واحتفل السوريون بعيد الجلاء.",
    "وعاد الطلاب إلى المدارس بعد الجلاء.",
    "وتقدم الرجل في العمر.",
    "وقضت السوسة على محصول القمح.",
    "وزار السياح تمثال أبو الهول.",
])
def test_common_senses_stay_out(linker, text):
    assert _places(linker, text) == []


def test_rule_lookup_says_what_exists():
    assert rule("cue_on").says == PLACE
    with pytest.raises(KeyError, match="known: media"):
        rule("no_such_rule")
