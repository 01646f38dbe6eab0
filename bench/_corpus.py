"""Generated Arabic news-like text for the benchmarks (no real article text)."""

from __future__ import annotations

import random

_FRAMES = [
    "وذكرت مصادر محلية أن {actor} سيطرت على بلدة {place} بعد معارك عنيفة مع {actor2} أمس.",
    "قصف طيران التحالف الدولي قرية {place} شرقي دير الزور، ما أسفر عن مقتل مدنيين.",
    "وقال المرصد السوري لحقوق الإنسان إن {actor} تقدمت في أطراف {place} وسط اشتباكات متقطعة.",
    "وأفادت شبكة فرات بوست بأن بلدة {place} والواقعة تحت سيطرة {actor} تعرضت لقصف مدفعي.",
    "وتضم المنطقة كلاً من {place} و{place2} و{place3} حسب ما نقلت وكالات معارضة عن مصدر من {actor}.",
    "وفي سياق آخر، عقد المجلس المحلي اجتماعاً لبحث توزيع المساعدات على الأسر النازحة في المنطقة.",
    "واستعاد {actor} يوم الجمعة السيطرة على مناطق واسعة كان قد خسرها خلال الأسبوع الماضي.",
]
_ACTORS = ["قسد", "تنظيم داعش", "الجيش العربي السوري", "قوات سوريا الديمقراطية", "التنظيم"]
_PLACES = ["هجين", "الباغوز", "السوسة", "الشعفة", "البوخاطر", "المراشدة", "البوكمال", "الباغوز فوقاني",
           "أبو الحسن", "غرانيج", "الميادين", "البصيرة", "الشجلة", "البحرة", "الجلاء", "أبو حمام"]


def paragraph(rng: random.Random, sentences: int = 12) -> str:
    """One paragraph of generated reporting."""
    out = []
    for _ in range(sentences):
        frame = rng.choice(_FRAMES)
        out.append(frame.format(actor=rng.choice(_ACTORS), actor2=rng.choice(_ACTORS),
                                place=rng.choice(_PLACES), place2=rng.choice(_PLACES), place3=rng.choice(_PLACES)))
    return " ".join(out)


def text_of_size(n_bytes: int, *, seed: int = 7) -> str:
    """Generated text of about ``n_bytes`` UTF-8 bytes."""
    rng = random.Random(seed)
    parts, size = [], 0
    while size < n_bytes:
        p = paragraph(rng)
        parts.append(p)
        size += len(p.encode("utf-8")) + 1
    return "\n".join(parts)


def article(rng: random.Random, n_bytes: int = 6500) -> str:
    """One generated article about the size of the sample's."""
    parts, size = [], 0
    while size < n_bytes:
        p = paragraph(rng, sentences=4)
        parts.append(p)
        size += len(p.encode("utf-8")) + 1
    return "\n".join(parts)
