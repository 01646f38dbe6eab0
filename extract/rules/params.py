"""Every window and confidence the rules use, named in one place.

Windows count tokens (words) unless their name says otherwise. A newcomer who
wonders "how far does a verb look for its object?" finds the answer here, and
a change to a reach is one edit, not a hunt through the rules.
"""

from __future__ import annotations

__all__ = ["CONFIDENCE", "WINDOW"]

WINDOW: dict[str, int] = {
    # Cues
    "object_reach": 12,        # a verb looks this far ahead for its object place
    "repel_reach": 18,         # صد هجوماً للتنظيم على حي الكتف في مدينة البوكمال: the place comes late
    "negation_back": 6,        # لم ... across light verbs and the subject
    "irrealis_back": 6,        # قد يسيطر، من المتوقع أن
    "intent_copula_back": 10,  # الهدف من المرحلة الثالثة من الحملة هو السيطرة
    "intent_back": 5,          # في محاولة للسيطرة
    "share_back": 6,
    "became_back": 10,         # وباتت بلدات الشحيل وذيبان والحوايج تحت سيطرة
    "forced_back": 8,          # وأجبرت قوات سوريا الديمقراطية عناصر التنظيم على الانسحاب           # تتقاسم قوات النظام وتنظيم «الدولة» السيطرة
    "until_back": 12,          # ستتواصل حتى الوصول إلى الحدود الإدارية مع دير الزور وتحرير
    "failure_ahead": 12,       # ... باءت بالفشل
    "flag_ahead": 5,           # رفعت قوات سوريا الديمقراطية رايتها
    # Actors
    "subject_after_cue": 5,    # سيطرت قوات سوريا الديمقراطية: the subject follows the verb
    "subject_after_entered": 4,
    "subject_after_post": 5,   # تحت سيطرة «قسد»
    "owner_after_list": 3,     # معاقل التنظيم
    "hands_ahead": 8,          # سقطت ... بيد تنظيم داعش
    "hands_owner": 4,
    "target_marker_back": 3,   # هجوم على مواقع X: markers this far before an actor make it a target
    "support_back": 4,         # بدعم من التحالف، وبإسناد جوي ومدفعي من التحالف
    "speaker_noun_back": 9,    # مصدر في قسد: a speaker noun this far before an actor
    # Places
    "locator_back": 4,         # شرقي مدينة دير الزور: words read back from a place for a locator
    "list_marker_ahead": 25,   # معاقل التنظيم ... وهي قرى:
    "entrenched_ahead": 7,     # يتحصنون في مخيم صغير داخل بلدة الباغوز
    "restore_back": 10,        # أعادت وحدات من الجيش بالتعاون مع القوات الرديفة الأمن
    "reached_ahead": 12,       # وصلت طلائع الجيش والقوات الحليفة، مساء الأربعاء، إلى مشارف
    "unopposed_ahead": 14,     # دخلت القوات بلدة القورية في ريف الميادين دون مقاومة
    "agent_ahead": 14,         # طرد التنظيم منها ... على يد قسد
    "predicate_gap": 4,
    "predicate_capture_back": 9,  # سيطرتها الكاملة على بلدة هجين، أكبر معاقل: the state before        # هجين [أبرز] معاقل؛ الطيانة [ضمن مناطق] سيطرة
    "witness_back": 16,        # شهدت <the places, a relative clause about them> انسحاب ...
    "anaphor_zone": 10,        # words after a cue read for an anaphor (المنطقة، منها)
    "extent_after_cue": 9,
    # Records
    "quote_max_chars": 400,
    "sentence_max_chars": 1500,  # a run-on sentence is cut here so rules stay linear in its length
}

CONFIDENCE: dict[str, float] = {
    "object": 0.85,            # a place right after the cue
    "relative_clause": 0.7,    # البوكمال، التي كان استعادها
    "anaphor_same_sentence": 0.6,
    "anaphor_previous_sentence": 0.55,
    "trailing_advance": 0.5,   # ... تبعها تقدم لـ«قسد»
    "witnessed": 0.6,          # شهدت قرى X وY انسحاب التنظيم
    "post_list": 0.7,          # تحت سيطرة التنظيم: X و Y
    "confined": 0.7,
    "list": 0.75,              # معاقل التنظيم وهي ...
    "event": 0.7,
}
