"""Period words and the control history as evidence of publication (rules A1-A3 of ``extract.anchors``).

Every table row is checked; the rules run on hand-made claims and on articles we wrote.
"""

import csv
import itertools
import re
from dataclasses import replace
from datetime import date, timedelta

import pytest

from extract import Article, Claim, DateWindow, extract_paths
from extract.anchors import ANYWHERE, APPROACH_DAYS, DATA, claim_evidence, control_history, era_terms, term_evidence
from extract.claim import ACTORS
from extract.published import W_MONTH, Evidence, combine
from gazetteer import fold


# ------------------------------------------------------------------ the tables
@pytest.mark.parametrize("term", era_terms(), ids=lambda t: t.id)
def test_every_term_row(term):
    assert term.earliest or term.latest
    assert not (term.earliest and term.latest) or term.earliest < term.latest
    assert term.note


def test_term_patterns_survive_folding():
    # Patterns are folded like the text, which lowercases: «\\S» would become «\\s».
    with open(DATA / "era_terms.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        assert not re.search(r"\\[A-Z]", r["pattern"]), r["id"]
        assert r["event"] in ("", "named", "launch"), r["id"]
        assert not r["event"] or r["earliest"], r["id"]  # an event has its day


def test_term_ids_are_unique():
    ids = [t.id for t in era_terms()]
    assert len(ids) == len(set(ids))


def test_every_control_row(gazetteer):
    rows = [p for periods in control_history().values() for p in periods]
    assert len({p.id for p in rows}) == len(rows)
    for p in rows:
        assert p.place in gazetteer or p.place == ANYWHERE, p.id
        assert p.actor in ACTORS, p.id
        assert p.end is None or p.start < p.end, p.id
    for periods in control_history().values():  # one holder at a time
        for a, b in itertools.pairwise(periods):
            assert a.end is None or a.end <= b.start or a.actor != b.actor, (a.id, b.id)


def test_terms_found_in_text():
    found = {e.why.split()[0] for e in term_evidence(fold("قالت قسد إن عملية عاصفة الجزيرة مستمرة، وقال الرئيس الأمريكي دونالد ترامب ..."))}
    assert found == {"T01", "T02", "T06"}
    assert term_evidence(fold("قال ترامب المرشح إن ...")) == []  # a president only with the title
    assert term_evidence(fold("كلمة مقسدة")) == []  # whole words only
    assert [e.why[:3] for e in term_evidence(fold("مقسد ثم قسد"))] == ["T01"]


def events(text):
    return [e for e in term_evidence(fold(text)) if e.why.startswith("A5")]


def test_a5_an_event_told_with_today_pins_publication():
    (ev,) = events("أعلن الجيش اليوم الثلاثاء فك الحصار المفروض على أحياء مدينة دير الزور منذ سنوات.")
    assert ev.windows == ((date(2017, 9, 5), date(2017, 9, 5)),) and "T20" in ev.why
    (ev,) = events("وقالت مصادر إن الجيش تمكن أمس من فك الحصار عن مطار دير الزور العسكري.")
    assert ev.windows == ((date(2017, 9, 10), date(2017, 9, 10)),) and "T21" in ev.why  # the air base, not the city


def test_a5_a_weekday_must_be_the_event_s():
    (ev,) = events("وكانت قسد قد أعلنت، مساء السبت، معركتها الأخيرة ضد التنظيم في ريف دير الزور.")
    assert ev.windows == ((date(2019, 2, 9), date(2019, 2, 15)),)  # 9 February 2019 was a Saturday
    assert events("وكانت قسد قد أعلنت، مساء الأحد، معركتها الأخيرة ضد التنظيم.") == []  # not that event


def test_a5_an_event_without_a_relative_date_only_bounds_from_below():
    assert events("بعد فك الحصار عن مدينة دير الزور عادت بعض العائلات إلى أحيائها.") == []
    (ev,) = term_evidence(fold("بعد فك الحصار عن مدينة دير الزور عادت بعض العائلات إلى أحيائها."))
    assert ev.windows == ((date(2017, 9, 5), None),)


def test_a5_a_launch_must_be_told_as_a_launch():
    # «launched today»: the operation's first day, or the next (a launch may be announced a day late).
    (ev,) = events("أطلقت قوات سوريا الديمقراطية اليوم عملية عاصفة الجزيرة لطرد التنظيم من ريف دير الزور.")
    assert ev.windows == ((date(2017, 9, 9), date(2017, 9, 10)),)
    # The name alone, or a later phase of it, is no launch.
    assert events("وتواصل قسد اليوم عملية عاصفة الجزيرة في ريف دير الزور.") == []
    assert events("وأعلنت القوات أمس بدء المرحلة الأخيرة من معركة دحر الإرهاب.") == []
    assert events("وأعلنت قسد اليوم أن عملية عاصفة الجزيرة حققت أهدافها.") == []
    (ev,) = events("وأعلنت قسد أمس بدء عملية عاصفة الجزيرة.")
    assert ev.windows == ((date(2017, 9, 10), date(2017, 9, 11)),)


# ------------------------------------------------------------------ the rules
def claim(place, actor, change, *, extent=None, basis="S7 the week up to publication (publication date unknown)",
          modality="asserted"):
    return Claim(id="c", article="a", kind="control", place=place, place_name=place, surface=place, lat=0, lon=0,
                 actor=actor, change=change, extent=extent, modality=modality, attributed_to="outlet", outlet=None,
                 published=DateWindow(), date=DateWindow(None, None, basis), quote="q", start=0, end=1,
                 confidence=0.8)


def by_place(claims):
    """The evidence of rules A1-A3 (the place's own history), without A4's bound on the actor's territory."""
    return [e for e in claim_evidence(claims) if not e.why.startswith("A4")]


def window(evidence):
    w = combine(evidence)
    return w.earliest, w.latest


def test_a1_holds_bounds_by_the_holders_period():
    (ev,) = by_place([claim("hajin", "ISIS", "holds")])
    assert ev.why.startswith("A1") and window([ev])[1] == date(2018, 12, 17)  # fell 14 December, reports lag


def test_a2_a_full_capture_yesterday_with_a_weekday():
    # «The army took all of Abu Kamal yesterday (Sunday)»: 9 Nov 2017 was a Thursday, 19 Nov a Sunday.
    ev = claim_evidence([claim("abu_kamal", "SAA", "captured", extent="full", basis="S1 own clause: yesterday: امس")])
    assert window(ev) != (None, None)
    assert ev[0].windows == ((date(2017, 11, 10), date(2017, 11, 10)), (date(2017, 11, 20), date(2017, 11, 20)))
    ev = claim_evidence([claim("abu_kamal", "SAA", "captured", extent="full",
                               basis="S1 own clause: weekday: الاحد (publication date unknown)")])
    assert ev[0].windows == ((date(2017, 11, 19), date(2017, 11, 25)),)  # only the Sunday capture fits


def test_a2_an_announced_capture_may_be_a_day_older():
    ev = by_place([claim("abu_kamal", "SAA", "captured", extent="full",
                         basis="S1 own clause, announced: yesterday: امس (publication date unknown)")])
    assert ev[0].windows == ((date(2017, 11, 10), date(2017, 11, 11)), (date(2017, 11, 20), date(2017, 11, 21)))


def test_a2_an_oil_field_is_taken_whole():
    # «The SDF took the Conoco field» (extent unsaid): its capture of 23 September 2017, plus up to a week.
    (ev,) = by_place([claim("conoco_gas_plant", "SDF", "captured")])
    assert ev.why.startswith("A2") and window([ev]) == (date(2017, 9, 23), date(2017, 9, 29))


def test_a3_partial_or_unsaid_captures_come_before_the_full_one():
    (ev,) = claim_evidence([claim("mayadin", "SAA", "captured", extent="part")])
    lo, hi = window([ev])
    assert ev.why.startswith("A3") and (date(2017, 10, 14) - lo).days == APPROACH_DAYS and hi == date(2017, 10, 20)


def test_a3_month_level_wording_reaches_a_month_or_two_after():
    # «which the army took earlier this month»: publication up to two months after the capture, not a week.
    (ev,) = claim_evidence([claim("mayadin", "SAA", "captured", basis="S1 own clause: month_rel: شهر اكتوبر الجاري")])
    assert window([ev]) == (date(2017, 8, 15), date(2017, 12, 14))


def test_a3_gives_way_to_the_text_s_own_clue():
    # «Tuesday 21 February» read in 2017 (a week after it) against a capture of Raqqa «approaching» in the autumn.
    (a3,) = by_place([claim("raqqa", "SDF", "captured")])
    text = Evidence(((date(2017, 2, 21), date(2017, 2, 28)),), "recent: الثلاثاء 21 فبراير", W_MONTH)
    assert window([a3, text]) == (date(2017, 2, 21), date(2017, 2, 28))


def test_a3_says_nothing_inside_a_city_the_actor_already_held_in_part():
    # The army held part of Deir ez-Zor for years before taking all of it (C33, then C17).
    assert by_place([claim("deir_ez_zor", "SAA", "advanced")]) == []
    assert by_place([claim("deir_ez_zor", "SAA", "captured", extent="part")]) == []
    (ev,) = by_place([claim("deir_ez_zor", "SAA", "captured", extent="full", basis="S1 own clause: yesterday: امس")])
    assert ev.why.startswith("A2")  # all of the city: that day


def test_a1_joins_periods_that_follow_on():
    # Part of Deir ez-Zor, then all of it: the army «holds part of the city» bounds nothing.
    assert by_place([claim("deir_ez_zor", "SAA", "holds", extent="part")]) == []
    (ev,) = by_place([claim("deir_ez_zor", "SAA", "holds")])
    assert ev.windows == ((date(2011, 3, 15), None),)


def test_a_part_of_a_listed_place_counts_for_it():
    (ev,) = by_place([claim("baghuz_fawqani", "ISIS", "holds")])
    assert "baghuz" in ev.why and window([ev])[1] > date(2019, 3, 23)


def test_a_capture_the_article_also_reports_denied_is_no_event():
    # «Hawar says all of al-Baghuz is taken; the SDF deny it»: the early claim dates nothing.
    said = claim("baghuz", "SDF", "captured", extent="full", basis="S7 the week up to publication")
    denied = replace(said, id="c2", modality="denied")
    assert by_place([said])
    (ev,) = by_place([said, denied])  # only the denial's own bound (A6), no capture to date by
    assert ev.why.startswith("A6")


def test_a6_a_denied_full_capture_was_denied_before_the_fall():
    # «no truth to the full liberation of the town», said of the camp of al-Baghuz: before 23 March 2019.
    for place in ("baghuz", "baghuz_camp"):
        (ev,) = by_place([claim(place, "SDF", "captured", extent="full", modality="denied")])
        assert ev.why.startswith("A6") and window([ev]) == (None, date(2019, 3, 26))
    # Abu Kamal fell twice: the denial predates the last fall.
    (ev,) = by_place([claim("abu_kamal", "SAA", "captured", modality="denied")])
    assert window([ev])[1] == date(2017, 11, 22)
    # A partial capture denied, or a denied withdrawal, says nothing of the fall.
    assert by_place([claim("baghuz", "SDF", "captured", extent="part", modality="denied")]) == []
    assert by_place([claim("hajin", "ISIS", "withdrew", modality="denied")]) == []


def test_denied_and_unknown_claims_say_nothing():
    assert claim_evidence([claim("hajin", "ISIS", "holds", modality="denied")]) == []
    assert claim_evidence([claim("shajla", "SDF", "captured", modality="denied")]) == []
    assert claim_evidence([claim("shajla", "SDF", "captured", extent="full")]) == []  # no history for it



def test_a4_any_claim_of_an_actor_bounds_by_its_territory():
    # A village no row lists: ISIS still held ground somewhere, so before it lost al-Baghuz (23 March 2019).
    (ev,) = claim_evidence([claim("shajla", "ISIS", "withdrew")])
    assert ev.why.startswith("A4") and window([ev]) == (date(2013, 4, 8), date(2019, 4, 1))
    (ev,) = claim_evidence([claim("shajla", "ISIS", "holds", basis="S6 as of publication")])
    assert window([ev])[1] == date(2019, 3, 27)
    # A claim dated «in 2014» was not written then: no bound; other actors have no A4 row.
    assert claim_evidence([claim("shajla", "ISIS", "captured", basis="S1 own clause: year: في 2014")]) == []
    assert claim_evidence([claim("shajla", "SDF", "captured")]) == []


def test_a4_counts_once_per_actor():
    evs = claim_evidence([claim("shajla", "ISIS", "withdrew"), claim("kishma", "ISIS", "holds")])
    assert [e.why[:2] for e in evs] == ["A4"]


def test_a_capture_still_under_way_comes_before_the_full_capture():
    (ev,) = claim_evidence([claim("hajin", "SDF", "captured", extent="full", basis="S5 ongoing at publication")])
    assert ev.why.startswith("A3") and window([ev]) == (date(2018, 10, 15), date(2018, 12, 21))


def test_holding_a_part_only_bounds_from_above():
    (ev,) = by_place([claim("hajin", "ISIS", "holds", extent="part")])
    assert ev.windows == ((None, date(2019, 1, 13)),)
    assert claim_evidence([claim("raqqa", "SDF", "holds", extent="part")]) == []  # still held: no bound


def test_repeated_claims_count_once():
    c = claim("hajin", "ISIS", "holds")
    assert len(by_place([c, replace(c, id="c2")])) == 1


# ------------------------------------------------- the 2017-2019 campaign's villages
def test_a2_the_sdf_took_a_village_yesterday():
    # «The SDF took all of al-Busayrah yesterday»: it fell on 12 November 2017 (C35).
    (ev,) = by_place([claim("busayrah", "SDF", "captured", extent="full", basis="S1 own clause: yesterday: امس")])
    assert ev.why.startswith("A2") and "C35" in ev.why and ev.windows == ((date(2017, 11, 13), date(2017, 11, 13)),)
    (ev,) = by_place([claim("marashida", "SDF", "captured", extent="full",
                            basis="S1 own clause, announced: yesterday: امس (publication date unknown)")])
    assert ev.windows == ((date(2019, 2, 8), date(2019, 2, 9)),)


def test_a2_the_army_s_november_advance_keeps_its_weekdays():
    # al-Asharah fell on Monday 27 November 2017, al-Quriyah on Tuesday the 28th.
    tuesday = "S1 own clause: weekday: الثلاثاء (publication date unknown)"
    (ev,) = by_place([claim("quriyah", "SAA", "captured", extent="full", basis=tuesday)])
    assert ev.windows == ((date(2017, 11, 28), date(2017, 12, 4)),)
    assert by_place([claim("asharah", "SAA", "captured", extent="full", basis=tuesday)]) == []  # not its weekday
    (ev,) = by_place([claim("asharah", "SAA", "captured", extent="full",
                            basis="S1 own clause: weekday: الاثنين (publication date unknown)")])
    assert ev.windows == ((date(2017, 11, 27), date(2017, 12, 3)),)


def test_a2_an_oil_field_of_the_campaign_is_taken_whole():
    (ev,) = by_place([claim("al_tanak_oilfield", "SDF", "captured")])
    assert ev.why.startswith("A2") and window([ev]) == (date(2017, 11, 13), date(2017, 11, 19))
    (ev,) = by_place([claim("azba_field", "SDF", "captured")])
    assert window([ev]) == (date(2017, 9, 23), date(2017, 9, 29))


def test_a1_isis_holding_a_village_was_written_before_it_fell():
    # «ISIS still holds al-Marashida»: before the SDF took it on 7 February 2019 (and a few days of lag).
    (ev,) = by_place([claim("marashida", "ISIS", "holds")])
    assert ev.why.startswith("A1") and ev.windows == ((date(2014, 7, 3), date(2019, 2, 10)),)
    (ev,) = by_place([claim("sousa", "ISIS", "holds")])
    assert ev.windows == ((date(2014, 7, 3), date(2019, 1, 18)),)
    (ev,) = by_place([claim("busayrah", "SDF", "holds")])
    assert ev.windows == ((date(2017, 11, 12), None),)


def test_a_capture_the_sources_date_a_week_apart_is_no_event():
    # al-Shaafa was reported taken on the 6th, 7th, 8th and 13th of January 2019: the row is no event (C49),
    # so «the SDF took al-Shaafa yesterday» dates nothing, while «ISIS holds al-Shaafa» still bounds.
    assert by_place([claim("shaafa", "SDF", "captured", extent="full", basis="S1 own clause: yesterday: امس")]) == []
    assert by_place([claim("sur", "SDF", "captured", extent="full", basis="S1 own clause: yesterday: امس")]) == []
    (ev,) = by_place([claim("shaafa", "ISIS", "holds")])
    assert ev.windows == ((date(2014, 7, 3), date(2019, 1, 16)),)


def test_an_island_of_deir_ez_zor_has_its_own_capture():
    # Huweijat Saqr (C61) is read as itself, no longer as a part of the city the army held in part.
    (ev,) = by_place([claim("huweijat_saqr", "SAA", "captured", extent="full", basis="S1 own clause: yesterday: امس")])
    assert ev.why.startswith("A2") and ev.windows == ((date(2017, 10, 27), date(2017, 10, 27)),)
    (ev,) = by_place([claim("huweijat_saqr", "SAA", "advanced")])
    assert ev.why.startswith("A3") and window([ev]) == (date(2017, 10, 26) - timedelta(APPROACH_DAYS),
                                                          date(2017, 11, 2))


# --------------------------------------------------------------- end to end
def test_an_undated_article_is_dated_by_the_war_it_reports(tmp_path):
    # No date in the address, the page or the text, but «yesterday (Sunday)» and all of Abu Kamal retaken.
    text = ("سيطر الجيش السوري وحلفاؤه مجددا أمس (الأحد)، على كامل مدينة البوكمال بعد معارك عنيفة مع تنظيم داعش.\n"
            "وقال مصدر عسكري إن وحدات الهندسة تعمل على إزالة الألغام في المدينة.")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (c, *_) = [c for c in extract_paths([tmp_path], progress=False) if c.kind == "control"]
    assert (c.published.earliest, c.published.latest) == (date(2017, 11, 20), date(2017, 11, 20))
    assert "A2" in c.published.basis
    assert (c.date.earliest, c.date.latest) == (date(2017, 11, 19), date(2017, 11, 19))


def test_an_undated_article_about_a_village_is_dated_by_its_fall(tmp_path):
    # «The SDF announced yesterday (Thursday) full control of al-Marashida»: it fell on Thursday 7 February 2019.
    text = "أعلنت قوات سوريا الديمقراطية أمس الخميس سيطرتها الكاملة على قرية المراشدة بعد معارك مع تنظيم داعش."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (c, *_) = [c for c in extract_paths([tmp_path], progress=False) if c.kind == "control"]
    assert (c.place, c.actor, c.change) == ("marashida", "SDF", "captured")
    assert (c.published.earliest, c.published.latest) == (date(2019, 2, 8), date(2019, 2, 8))
    assert "C52" in c.published.basis

def test_a_dated_article_is_left_alone(tmp_path):
    text = "سيطر الجيش أمس على كامل مدينة البوكمال."
    art = Article("a", text, "a.txt", published=DateWindow(date(2017, 11, 10), date(2017, 11, 10), "manifest"))
    from extract.metadata import needs_refining

    assert not needs_refining(art)
