"""Extraction rules on sentences we wrote ourselves: each varies what the sample shows.

These are not the sample's sentences: they test that a rule holds when the
wording, order, actor or source changes.
"""

from datetime import date

import pytest

from extract import Article, DateWindow, Extractor

PUB = DateWindow(date(2018, 12, 11), date(2018, 12, 11), "test")


@pytest.fixture(scope="module")
def ex():
    return Extractor()


def control(ex, text, published=PUB):
    art = Article("t", text, "t.txt", outlet="Test", published=published)
    return [(c.place, c.actor, c.change, c.extent, c.modality, c.attributed_to)
            for c in ex.extract(art) if c.kind == "control"]


def test_vso_capture_with_extent_and_source(ex):
    text = "أفاد المرصد السوري لحقوق الإنسان بأن قوات سوريا الديمقراطية سيطرت على كامل بلدة الشعفة."
    assert control(ex, text) == [("shaafa", "SDF", "captured", "full", "asserted", "SOHR")]


def test_svo_capture_and_list_of_places(ex):
    text = "وقالت مصادر محلية إن التنظيم استعاد قرى السوسة والبوبدران والشجلة بعد هجوم مضاد."
    got = control(ex, text)
    assert [g[0] for g in got] == ["sousa", "bubadran", "shajla"]
    assert {g[1:4] for g in got} == {("ISIS", "captured", None)}
    assert {g[5] for g in got} == {"local sources"}


def test_target_of_an_attack_is_not_the_actor(ex):
    text = "شن التنظيم هجوماً على قوات قسد قرب غرانيج، حيث تمكن من السيطرة على أجزاء من بلدة أبو حمام."
    assert control(ex, text) == [("abu_hamam", "ISIS", "captured", "part", "asserted", "outlet")]


def test_holds_after_the_place_with_a_locator_between(ex):
    text = "وأغار الطيران على بلدة المراشدة جنوب شرقي دير الزور، والخاضعة لسيطرة تنظيم الدولة."
    assert control(ex, text) == [("marashida", "ISIS", "holds", None, "asserted", "outlet")]


def test_locators_get_no_claim(ex):
    text = "سيطر الجيش السوري على قرية السكرية في ريف البوكمال شرقي دير الزور."
    assert [g[0] for g in control(ex, text)] == ["sukkariyah"]


def test_negation_and_failed_attempts_are_not_claims(ex):
    assert control(ex, "لم تحقق قسد أي تقدم في محيط بلدة هجين.") == []
    assert control(ex, "وحاولت قسد التقدم نحو الباغوز لكن محاولاتها باءت بالفشل.") == []


def test_goals_are_not_claims(ex):
    assert control(ex, "أطلقت قسد معركة لتحرير بلدة هجين من التنظيم.") == []
    assert control(ex, "تستعد القوات للسيطرة على بلدة السوسة خلال أيام.") == []


def test_reinforcements_arriving_are_not_claims(ex):
    text = "ووصلت تعزيزات من قسد إلى محيط بلدة هجين قادمة من الشدادي والحسكة."
    assert control(ex, text) == []


def test_claimed_and_denied(ex):
    got = control(ex, "وادعى التنظيم أنه سيطر على بلدة غرانيج.")
    assert got == [("gharanij", "ISIS", "captured", None, "claimed", "ISIS")]
    got = control(ex, "ونفت قسد أن يكون التنظيم قد استعاد بلدة غرانيج.")
    assert got and got[0][4] == "denied"


def test_no_truth_to_is_a_denial(ex):
    # «لا صحة لـ/عن ...»: "there is no truth to": the capture is denied, by whoever says it.
    got = control(ex, "وقال مصدر في قسد إنه لا صحة لسيطرة التنظيم على بلدة غرانيج.")
    assert got and got[0][4] == "denied"
    got = control(ex, "وقال قيادي في قسد إن التمشيط مستمر في الباغوز ولا صحة عن تحرير البلدة بالكامل.")
    assert got and {g[4] for g in got} == {"denied"}
    # صحة alone is health: the Ministry of Health reporting a capture does not deny it.
    got = control(ex, "وقالت وزارة الصحة إن قسد سيطرت على بلدة غرانيج.")
    assert got and got[0][4] == "asserted"


def test_chain_of_sources_goes_to_the_original_speaker(ex):
    text = "ونقلت وكالات معارضة عن قائد في قسد أن مقاتليه تقدموا في أطراف قرية البحرة."
    assert control(ex, text) == [("bahra", "SDF", "advanced", "outskirts", "asserted", "SDF")]


def test_repelled_attack(ex):
    text = "وتصدت قوات النظام لهجوم عنيف شنه مسلحو التنظيم فجر أمس على مواقعها في مدينة الميادين."
    assert control(ex, text) == [("mayadin", "SAA", "repelled", None, "asserted", "outlet")]


def test_withdrawal(ex):
    text = "وانسحب مسلحو داعش من بلدة الجلاء باتجاه البادية."
    assert control(ex, text) == [("jalaa", "ISIS", "withdrew", None, "asserted", "outlet")]


def test_relative_clause_points_back_to_the_place(ex):
    text = "وشهدت مدينة الميادين، التي كان الجيش استعادها في تشرين الأول من العام الماضي، هدوءاً حذراً."
    art = Article("t", text, "t.txt", published=PUB)
    (c,) = [c for c in Extractor().extract(art) if c.kind == "control"]
    assert (c.place, c.actor, c.change) == ("mayadin", "SAA", "captured")
    assert (c.date.earliest, c.date.latest) == (date(2017, 10, 1), date(2017, 10, 31))


def test_anaphor_in_the_next_sentence(ex):
    text = "وهاجم التنظيم مواقع الجيش في مدينة البوكمال. وزعمت مواقع معارضة أن التنظيم سيطر على بعض الأحياء في المدينة."
    got = control(ex, text)
    assert ("abu_kamal", "ISIS", "captured", "part", "claimed", "opposition websites") in got


def test_source_carried_by_another_is_not_the_speaker(ex):
    text = "وذكرت مصادر أهلية، بحسب وكالة رويترز، أن قسد سيطرت على قرية الشجلة."
    assert control(ex, text)[0][5] == "local sources"


def test_a_speakers_scope_ends_with_its_sentence_unless_continued(ex):
    said = "وقال المرصد السوري إن المعارك مستمرة. "
    assert control(ex, said + "وأضاف أن قسد تمكنت من السيطرة على قرية الشجلة.")[0][5] == "SOHR"
    assert control(ex, said + "وتمكنت قسد من السيطرة على قرية الشجلة.")[0][5] == "outlet"


def test_relative_dates(ex):
    art = Article("t", "وسيطرت قسد أول من أمس على قرية الشجلة، واستعاد التنظيم يوم السبت بلدة السوسة.", "t.txt",
                  published=PUB)
    by_place = {c.place: c.date for c in Extractor().extract(art)}
    assert (by_place["shajla"].earliest, by_place["shajla"].latest) == (date(2018, 12, 9), date(2018, 12, 9))
    assert by_place["sousa"].earliest == date(2018, 12, 8)  # the Saturday before Tuesday 11 December


def test_undated_claims_fall_back_to_publication(ex):
    art = Article("t", "البلدة الخاضعة لسيطرة التنظيم هي هجين. وسيطرت قسد على قرية الشجلة.", "t.txt", published=PUB)
    claims = {c.place: c for c in Extractor().extract(art)}
    assert claims["shajla"].date.basis.startswith("S7")  # the week up to publication, publication day included
    assert (claims["shajla"].date.earliest, claims["shajla"].date.latest) == (date(2018, 12, 5), date(2018, 12, 11))
    assert claims["hajin"].date.basis.startswith("S6")  # held: as of publication or the day before
    assert (claims["hajin"].date.earliest, claims["hajin"].date.latest) == (date(2018, 12, 10), date(2018, 12, 11))


def test_unknown_publication_gives_null_dates(ex):
    art = Article("t", "وسيطرت قسد على قرية الشجلة.", "t.txt")
    (c,) = Extractor().extract(art)
    assert c.date.earliest is None and c.date.latest is None
    assert c.published.earliest is None


def test_events_strikes_and_shelling(ex):
    art = Article("t", "وشنت طائرات التحالف غارات على بلدة هجين، فيما قصفت قوات النظام بالمدفعية قرية الجلاء.",
                  "t.txt", published=PUB)
    events = {(c.kind, c.place, c.actor) for c in Extractor().extract(art) if c.kind != "control"}
    assert ("airstrike", "hajin", "COALITION") in events
    assert ("shelling", "jalaa", "SAA") in events


def test_quote_and_offsets_point_into_the_original(ex):
    text = "العنوان\n\nوذكرت «مصادر أهلية» أن قسد سَيطرت على بلدة الشعفة بالكامل."
    art = Article("t", text, "t.txt", published=PUB)
    for c in Extractor().extract(art):
        assert text[c.start:c.end] == c.quote
        assert text[c.place_start:c.place_end] == c.surface
        assert c.start <= c.place_start < c.place_end <= c.end


@pytest.mark.parametrize(("word", "verb"), [
    ("استعادها", True), ("واستعادوها", True), ("تستعيدها", True), ("اقتحمتها", True), ("حررها", True),
    # Folded, the verbal nouns look alike: استعادة (recapture) reads استعاده, استعادتها is "its recapture".
    ("استعادة", False), ("استعادتها", False), ("سيطرتها", False), ("تقدمها", False),
])
def test_verbs_with_an_object_suffix(word, verb):
    from extract.lexicon import VERB_WITH_OBJECT
    from gazetteer import fold

    assert bool(VERB_WITH_OBJECT.fullmatch(fold(word))) is verb


def test_losses_are_not_a_loss_of_ground(ex):
    # خسائر (casualties) is not خسارة (losing a place).
    assert control(ex, "وتكبد التنظيم خسائر كبيرة في بلدة هجين خلال المعارك.") == []


def _actor_rows() -> list[dict]:
    import csv
    from importlib import resources

    with resources.files("extract").joinpath("data/actors.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("row", _actor_rows(), ids=lambda r: f"{r['actor']}:{r['alias']}")
def test_every_name_in_the_actor_table_names_its_party(ex, row):
    """Each alias of extract/data/actors.csv, as the owner of a place, is read as its party; a NONE row
    (a generic phrase that contains a party's name, الوحدات العسكرية) as nobody."""
    got = {c[1] for c in control(ex, f"وباتت بلدة الشعفة تحت سيطرة {row['alias']} منذ يوم أمس.")}
    # ARMY: the army unqualified, the Syrian army in a sentence about a Syrian town.
    want = {"NONE": set(), "ARMY": {"SAA"}}.get(row["actor"], {row["actor"]})
    assert got == want


@pytest.mark.parametrize(("text", "army"), [
    ("أفاد مصدر أمني في محافظة الأنبار بأن القطعات العسكرية وصلت إلى أطراف قضاء القائم.", "IRAQ"),
    ("وأعلنت قيادة العمليات المشتركة العراقية أن الجيش دخل قضاء القائم.", "IRAQ"),
    ("وقالت القيادة العامة للجيش إن وحداتها استعادت مدينة الميادين بعد القضاء على الإرهابيين.", "SAA"),
    ("وتقدم الجيش نحو مدينة الميادين في ريف دير الزور.", "SAA"),
])
def test_the_army_unqualified_is_the_army_of_the_country_reported(ex, text, army):
    assert {c[1] for c in control(ex, text)} == {army}


@pytest.mark.parametrize(("text", "want"), [
    # بالكامل after the place; the words before the next place of the list are its own.
    ("وتمكن التنظيم من استعادة السيطرة على قرية البحرة بالكامل وأجزاء من قرية غرانيج.",
     {("bahra", "captured", "full"), ("gharanij", "captured", "part")}),
    ("وسيطرت قسد على بلدة هجين بشكل كامل وعلى أجزاء من بلدة السوسة.",
     {("hajin", "captured", "full"), ("sousa", "captured", "part")}),
    # ... and words before the whole list are every member's.
    ("وسيطرت قسد على كامل بلدتي هجين والسوسة.", {("hajin", "captured", "full"), ("sousa", "captured", "full")}),
    ("وسيطرت قسد على بلدة هجين.", {("hajin", "captured", None)}),
])
def test_extent_after_the_place_and_per_member_of_a_list(ex, text, want):
    assert {(c[0], c[2], c[3]) for c in control(ex, text)} == want
