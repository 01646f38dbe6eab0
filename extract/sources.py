"""The source registry: who a claim rests on, under every name reporting gives them.

One table (:data:`REGISTRY`) of canonical sources, each with its kind, its
Arabic and English aliases and where the aliases come from. «المرصد السوري»
and "SOHR" are one source; "SDF" and the SDF media centre are one source with
a detail; "RT (AP)" is the agency AP carried by the outlet RT.

Kinds (:data:`extract.claim.SOURCE_KINDS`):

- ``party``: a party to the conflict or its own media (SDF, Hawar/ANHA, SANA, Amaq, the Coalition);
- ``monitor``: a monitoring group (SOHR, SNHR, Deir Ezzor 24);
- ``agency``: a news agency (Reuters, AFP, AP, dpa, Anadolu, Sputnik);
- ``outlet``: a newspaper, site or channel speaking in its own voice;
- ``local``: local sources, residents, activists;
- ``unknown``: not in the registry.

Examples
--------
>>> lookup("المرصد السوري").name, lookup("SOHR").name
('SOHR', 'SOHR')
>>> source_kind("outlet", outlet="ANF (Firat News Agency)")
'party'
>>> carried_agency("Radio Masr (agencies/Reuters)")
'Reuters'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from gazetteer import fold

__all__ = ["REGISTRY", "Source", "carried_agency", "lookup", "source_kind"]


@dataclass(frozen=True)
class Source:
    """One canonical source."""

    name: str
    kind: str
    aliases_ar: tuple[str, ...] = ()
    aliases_en: tuple[str, ...] = ()
    side: str | None = None  # the actor code of a party source (SDF, SAA, ISIS ...)
    note: str = ""


# Aliases are as outlets print them (bylines, "according to" clauses, manifests of the dev set's outlets).
REGISTRY: tuple[Source, ...] = (
    Source("SOHR", "monitor", ("المرصد السوري لحقوق الإنسان", "المرصد السوري", "المرصد", "رامي عبد الرحمن"),
           ("SOHR", "Syrian Observatory for Human Rights", "Syrian Observatory"), note="UK-based monitor"),
    Source("SNHR", "monitor", ("الشبكة السورية لحقوق الإنسان",), ("SNHR", "Syrian Network for Human Rights")),
    Source("Deir Ezzor 24", "monitor", ("دير الزور 24", "ديرالزور 24", "شبكة دير الزور 24"),
           ("Deir Ezzor 24", "Deir ez-Zor 24", "DeirEzzor24"), note="local monitoring network"),
    Source("Furat Post", "monitor", ("فرات بوست",), ("Furat Post",), note="local opposition network"),
    Source("Reuters", "agency", ("رويترز", "وكالة رويترز"), ("Reuters",)),
    Source("AFP", "agency", ("فرانس برس", "وكالة الصحافة الفرنسية", "أ ف ب", "فرانس برس"), ("AFP", "Agence France-Presse")),
    Source("AP", "agency", ("أسوشيتد برس", "اسوشيتد برس", "أسوشيتدبرس"), ("AP", "Associated Press")),
    Source("dpa", "agency", ("الألمانية", "د ب أ", "وكالة الأنباء الألمانية"), ("dpa", "Deutsche Presse-Agentur")),
    Source("Anadolu", "agency", ("الأناضول", "وكالة الأناضول"), ("Anadolu", "AA")),
    Source("Sputnik", "agency", ("سبوتنيك",), ("Sputnik",)),
    Source("SANA", "party", ("سانا", "الوكالة العربية السورية للأنباء"), ("SANA",), side="SAA",
           note="Syrian state news agency"),
    Source("Hawar", "party", ("هاوار", "وكالة هاوار", "وكالة أنباء هاوار"), ("Hawar", "ANHA", "Hawar News"),
           side="SDF", note="news agency of the Kurdish-led administration"),
    Source("ANF", "party", ("وكالة فرات للأنباء", "فرات للأنباء"), ("ANF", "Firat News Agency", "Firat"),
           side="SDF", note="PKK-aligned agency"),
    Source("PYD media", "party", (), ("PYD Rojava", "pydrojava"), side="SDF"),
    Source("SDF media center", "party", ("المركز الإعلامي لقسد", "المركز الإعلامي لـ قسد",
                                         "المركز الإعلامي لقوات سوريا الديمقراطية",
                                         "المركز الإعلامي لقوات سورية الديمقراطية", "المركز الإعلامي"),
           ("SDF media center", "SDF Press Center"), side="SDF", note="the SDF with a detail: its media centre"),
    Source("Amaq", "party", ("أعماق", "وكالة أعماق"), ("Amaq",), side="ISIS", note="ISIS news agency"),
    # Its spokespeople, as the press names them when quoting them (public figures of the 2016-2019 campaigns).
    Source("SDF", "party", ("مصطفى بالي", "طلال سلو", "كينو غابرييل", "ليلوى العبد الله", "مظلوم عبدي", "مظلوم كوباني",
                            "ريدور خليل", "جيا فرات", "عدنان عفرين", "نوري محمود"),
           ("SDF", "YPG", "Syrian Democratic Forces", "Mustafa Bali", "Talal Silo"), side="SDF",
           note="Arabic aliases: its spokespeople and commanders"),
    Source("Syrian army", "party", (), ("Syrian army", "SAA"), side="SAA"),
    Source("ISIS", "party", (), ("ISIS",), side="ISIS"),
    Source("Coalition", "party", ("شون رايان", "ريان ديلون", "سكوت راولينسون"), ("Coalition", "CJTF-OIR"),
           side="COALITION", note="Arabic aliases: its spokespeople"),
    Source("PMF", "party", (), ("PMF",), side="PMF"),
    Source("Iraqi forces", "party", (), ("Iraqi forces",), side="IRAQ"),
    Source("Turkey", "party", (), ("Turkey",), side="TURKEY"),
    Source("RT", "outlet", ("روسيا اليوم", "قناة روسيا اليوم", "آر تي"), ("RT", "RT Arabic")),
    Source("Al Arabiya", "outlet", ("العربية نت", "قناة العربية"), ("Al Arabiya",)),
    Source("Al Jazeera", "outlet", ("الجزيرة نت", "قناة الجزيرة"), ("Al Jazeera",)),
    Source("Al Mayadeen", "outlet", ("قناة الميادين",), ("Al Mayadeen",), note="pro-Damascus channel; the bare الميادين is the town"),
    Source("local sources", "local", ("مصادر أهلية", "مصادر محلية", "مصدر محلي", "مصدر أهلي", "سكان محليون",
                                      "الأهالي", "مصادر أهلية وإعلامية", "أهالي المنطقة"), ("local sources",)),
    Source("activists", "local", ("ناشطون", "نشطاء", "ناشط", "الناشط", "ناشطين", "الناشطون", "ناشطون إعلاميون",
                                  "الناشط الإعلامي", "ناشطة"), ("activists",)),
    Source("opposition activists", "local", ("تنسيقيات", "تنسيقيات المسلحين", "التنسيقيات"),
           ("opposition activists",)),
    Source("opposition media", "outlet", ("مصادر إعلامية معارضة", "وسائل إعلام معارضة", "وكالات معارضة",
                                          "مصادر معارضة", "وسائل الإعلام المعارضة", "صفحات إعلامية معارضة",
                                          "صفحات معارضة", "وسائل إعلامية معارضة"),
           ("opposition media",)),
    Source("pro-government media", "party", ("مصادر إعلامية موالية", "وسائل إعلام موالية", "صفحات موالية",
                                             "صفحات إعلامية موالية", "مواقع موالية", "الإعلام الموالي",
                                             "وسائل الإعلام الموالية", "الإعلام الرسمي", "وسائل الإعلام الرسمية",
                                             "الإعلام الحربي", "مصادر موالية"),
           ("pro-government media", "regime media", "pro-government pages", "pro-government page", "state media"),
           side="SAA", note="Syrian state and loyalist media"),
    Source("media sources", "unknown", ("مصادر إعلامية", "وسائل إعلام", "وسائل إعلامية"), ("media sources",),
           note="side not said"),
    Source("Deir ez-Zor Civil Council", "local", ("مجلس دير الزور المدني",), ("Deir ez-Zor Civil Council",),
           note="opposition civil council"),
    Source("opposition websites", "outlet", ("مواقع إلكترونية معارضة", "مواقع معارضة", "المواقع المعارضة",
                                             "المواقع الإلكترونية المعارضة", "مواقع إلكترونية"),
           ("opposition websites",)),
    Source("Kurdish websites", "party", ("مواقع كردية", "وسائل إعلام كردية", "مصادر كردية", "المواقع الكردية"),
           ("Kurdish websites",), side="SDF"),
    Source("military sources", "unknown", ("مصدر عسكري", "مصادر عسكرية", "مصادر ميدانية", "مصدر ميداني"),
           ("military sources", "military source"), note="side not said"),
)

_BY_NAME = {s.name.lower(): s for s in REGISTRY}


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", text.lower())) + " "


@lru_cache(maxsize=4096)
def lookup(name: str | None) -> Source | None:
    """The registry entry a name denotes (canonical name, English or Arabic alias), or None.

    An alias counts when it stands as whole words in ``name``, so "ANF (Firat News Agency)"
    and "SOHR" both resolve; the first-named source wins ("SDF military source" is the SDF),
    then the longest alias.
    """
    if not name:
        return None
    if name.lower() in _BY_NAME:
        return _BY_NAME[name.lower()]
    words, folded = _words(name), _words(fold(name))
    best: tuple[int, int, Source] | None = None  # (position, -length): the first-named source, then the longest
    for s in REGISTRY:
        for text, alias in [(words, _words(a)) for a in s.aliases_en] + [(folded, _words(fold(a))) for a in s.aliases_ar]:
            at = text.find(alias)
            if at >= 0 and (best is None or (at, -len(alias)) < best[:2]):
                best = (at, -len(alias), s)
    return best[2] if best else None


def carried_agency(outlet: str | None) -> str | None:
    """The agency an outlet carries, from a name such as "RT (AP)" or "Radio Masr (agencies/Reuters)"."""
    if not outlet or "(" not in outlet:
        return None
    inner = outlet[outlet.index("(") + 1:]
    s = lookup(inner)
    return s.name if s is not None and s.kind == "agency" else None


def source_kind(attributed_to: str | None, *, outlet: str | None = None) -> str:
    """The kind of source a claim rests on: its named source's, or its outlet's when the outlet speaks."""
    if not attributed_to or attributed_to == "outlet":
        s = lookup(outlet)
        return s.kind if s is not None else "outlet"
    s = lookup(attributed_to)
    return s.kind if s is not None else "unknown"
