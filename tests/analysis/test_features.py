"""Sentence features on the real seeds: entity variants folded, quantities and dates parsed, embeddings."""
from __future__ import annotations

import numpy as np
import pytest

from analysis.align.features import TextUnit, featurize, featurize_units, idf_table
from analysis.align.features.quantities import find_dates, find_quantities, same_quantity
from analysis.align.features.words import content_words, stopwords
from analysis.lexicons import load_lexicon
from seeds import feature_with, raw_seeds, seed_features, text_article


@pytest.fixture(scope="module")
def feats():
    return seed_features()


def keys(f) -> set[str]:
    return set(f.entities)


# --- entities -----------------------------------------------------------------------------------

def test_sergei_and_sergey_lavrov_share_one_key(feats):
    cnbc = feature_with(feats, "a2", "The meeting between U.S. Secretary of State Marco Rubio")
    cnn = feature_with(feats, "a4", "Instead, the focus will be on US-Russia talks")
    assert "Sergei Lavrov" in cnbc.text and "Sergey Lavrov" in cnn.text
    assert "sergey lavrov" in keys(cnbc) and "sergey lavrov" in keys(cnn)


def test_surname_alone_resolves_to_the_full_name(feats):
    f = feature_with(feats, "a2", "Lavrov is accompanied by Kremlin Aide Yury Ushakov")
    assert {"sergey lavrov", "yuri ushakov", "marco rubio", "mike waltz", "kremlin",
            "united states", "steve witkoff"} <= keys(f)
    # every mention keeps its own span: "Lavrov" twice and "Rubio" once
    lavrov = [(s, e) for k, s, e in f.entity_spans if k == "sergey lavrov"]
    text = raw_seeds()[1].text
    assert [text[s:e] for s, e in lavrov] == ["Lavrov", "Lavrov"]


def test_yuri_and_yury_ushakov_share_one_key(feats):
    caption = feature_with(feats, "a2", "foreign policy advisor Yuri Ushakov")
    body = feature_with(feats, "a2", "Kremlin Aide Yury Ushakov")
    assert "yuri ushakov" in keys(caption) and "yuri ushakov" in keys(body)


def test_zelenskyy_and_zelensky_share_one_key(feats):
    a = feature_with(feats, "a1", "which President Volodymyr Zelenskyy said")
    b = feature_with(feats, "a4", "Ukrainian President Volodymyr Zelensky spoke with Macron")
    c = feature_with(feats, "a4", "Zelensky said Ukraine will not participate")
    assert "volodymyr zelensky" in keys(a) & keys(b) & keys(c)


def test_united_states_variants_fold_but_names_stay_whole(feats):
    us_dots = feature_with(feats, "a2", "Russian and U.S. officials are holding")
    us_caps = feature_with(feats, "a4", "Instead, the focus will be on US-Russia talks")
    usa = feature_with(feats, "a1", "representatives of the United States of America")
    american = feature_with(feats, "a1", "The American people deserve to be recouped")
    for f in (us_dots, us_caps, usa, american):
        assert "united states" in keys(f), f.text
    assert "russia" in keys(us_caps)            # "US-Russia" is split into both countries
    thinktanks = feature_with(feats, "a1", "Several thinktanks have produced analysis")
    assert "center for american progress" in keys(thinktanks)
    assert "united states" not in keys(thinktanks)


def test_a_national_body_named_with_its_country_is_one_entity():
    # "US Geological Survey" once split into a country and a "Geological Survey" (the voice lost its US)
    from analysis.align.features.entities import CorpusVocabulary, sentence_mentions
    vocab = CorpusVocabulary()
    texts = ["The US Geological Survey said the quake was shallow.",
             "The United States Geological Survey (USGS) said so.", "The U.S. Coast Guard said so.",
             "The US State Department said so."]
    for t in texts:
        vocab.add(t)
    found = [[(k, t[s:e]) for k, s, e in sentence_mentions(t, 0, vocab)] for t in texts]
    assert found[0] == [("united states geological survey", "US Geological Survey")]
    assert found[1][0] == ("united states geological survey", "United States Geological Survey")
    assert found[2] == [("united states coast guard", "U.S. Coast Guard")]
    # a department is matched on its own name ("the State Department"): the country stays apart
    assert found[3] == [("united states", "US"), ("state department", "State Department")]
    # read whole, as a speaker after "according to" is, the body keeps the same key
    from analysis.align.features.entity_keys import normalise_key
    assert {normalise_key(n) for n in ("US Geological Survey", "U.S. Geological Survey",
                                       "United States Geological Survey")} == {"united states geological survey"}


def test_united_kingdom_variants_fold(feats):
    uk = feature_with(feats, "a1", "UK Prime Minister Keir Starmer said the UK would send troops")
    uk_dots = feature_with(feats, "a2", "The U.K. has said it is willing to send peacekeeping troops")
    british = feature_with(feats, "a4", "prepared to consider committing British forces")
    for f in (uk, uk_dots, british):
        assert "united kingdom" in keys(f)
    assert "keir starmer" in keys(uk)


def test_kiev_folds_to_kyiv_and_titles_are_dropped():
    f1, f2 = featurize_units([
        TextUnit("x", "x.s1", 0, "Officials in Kiev met Foreign Minister Dmitro Kuleba on Friday."),
        TextUnit("y", "y.s1", 0, "Kyiv’s Foreign Minister Dmytro Kuleba spoke to reporters."),
    ])
    assert "kyiv" in f1.entities and "kyiv" in f2.entities
    assert not any("minister" in k for k in f1.entities | f2.entities)


def test_titles_split_names_and_middle_names_merge(feats):
    caption = feature_with(feats, "a2", "Marco Antonio Rubio (L) meets with Saudi Foreign Minister")
    assert {"united states", "marco rubio", "saudi arabia", "faisal bin farhan al saud"} <= keys(caption)
    assert not any("secretary" in k or "minister" in k for k in keys(caption))


def test_sentence_initial_words_and_headlines_are_not_entities(feats):
    wsj = feature_with(feats, "a1", "The Wall Street Journal reported, however")
    assert "wall street journal" in keys(wsj)
    assert not any(k.startswith("the ") for f in feats["a1"] for k in f.entities)
    headline = feature_with(feats, "a1", "Momentum Builds for Beginning Peace Talks")
    assert keys(headline) == {"russia", "ukraine"}
    reeling = feature_with(feats, "a4", "Reeling from shocks delivered by the Trump administration")
    assert "reeling" not in keys(reeling) and "donald trump" in keys(reeling)


def test_moscow_and_kremlin_stay_separate(feats):
    f = feature_with(feats, "a1", "Moscow bureau chief, Anton Troianovski")
    assert {"new york times", "moscow", "anton troianovski"} <= keys(f)
    assert "kremlin" in keys(feature_with(feats, "a1", "noted the Kremlin’s response"))


def test_entity_spans_point_into_the_article_text(feats):
    for article in raw_seeds():
        for f in feats[article.id]:
            sentence = article.sentence(f.sentence)
            for key, start, end in f.entity_spans:
                assert sentence.start <= start < end <= sentence.end
                surface = article.text[start:end]
                assert surface[:1].isupper() or surface[:1] in "ae", (key, surface)


# --- quantities and dates -------------------------------------------------------------------------

def test_three_hundred_billion_dollars(feats):
    f = feature_with(feats, "a2", "businesses lost around $300 billion")
    (q,) = f.numbers
    assert (q.value, q.unit, q.text) == (3e11, "USD", "$300 billion")
    assert raw_seeds()[1].text[q.start:q.end] == "$300 billion"


def test_counts_percentages_fractions_durations(feats):
    macron = feature_with(feats, "a5", "Macron said after the meeting that 26 countries")
    assert [(q.value, q.unit) for q in macron.numbers] == [(26.0, "countri")]
    france = feature_with(feats, "a3", "France, which currently spends 2.06% of its GDP")
    assert [(q.value, q.unit) for q in france.numbers] == [(2.06, "%"), (2.25, "%"), (2.5, "%")]
    assert "2029" in france.dates
    half = feature_with(feats, "a1", "half of its mineral")
    assert [(q.value, q.unit, q.text) for q in half.numbers] == [(0.5, "fraction", "half")]
    call = feature_with(feats, "a5", "the leaders held a 90-minute phone call")
    assert [(q.value, q.unit) for q in call.numbers] == [(90.0, "minute")]
    war = feature_with(feats, "a2", "to end the three-year war in Ukraine")
    assert [(q.value, q.unit) for q in war.numbers] == [(3.0, "year")]


def test_quantity_rules_on_free_text():
    found = find_quantities("They pledged €5bn, 1,000 troops and two thirds of the aid; one of them left.")
    assert [(q.value, q.unit) for q in found] == [(5e9, "EUR"), (1000.0, "troop"), (2 / 3, "fraction")]
    half, fifty = find_quantities("half the money")[0], find_quantities("50% of the money")[0]
    assert same_quantity(half, fifty)


def test_dates_normalised(feats):
    caption = feature_with(feats, "a2", "attend a meeting together at Riyadh’s Diriyah Palace")
    assert caption.dates == frozenset({"2025-02-18"})
    blinken = feature_with(feats, "a2", "since January 2022")
    assert "2022-01" in blinken.dates
    peskov = feature_with(feats, "a2", "Kremlin Spokesman Dmitry Peskov said Monday")
    assert "weekday:monday" in peskov.dates
    assert [d for d, _, _ in find_dates("on Feb. 17 in Paris", year=2025)] == ["2025-02-17"]
    assert [d for d, _, _ in find_dates("on 17 February 2025")] == ["2025-02-17"]
    assert [d for d, _, _ in find_dates("on Feb. 17")] == ["--02-17"]


# --- words, vectors, IDF --------------------------------------------------------------------------

def test_stopwords_lexicon_is_ours_and_used():
    lex = load_lexicon("stopwords")
    assert {"name", "what", "origin", "licence"} <= set(lex.header)
    assert "the" in stopwords() and "not" not in stopwords()
    assert content_words("The U.S. will not send Kyiv’s three-year plan.") == \
        ["us", "not", "send", "kyiv", "three", "year", "plan"]


def test_stems_and_vectors(feats):
    f = feature_with(feats, "a2", "European leaders held an emergency meeting in Paris on Monday")
    assert f.content[:4] == ("european", "leaders", "held", "emergency")
    assert f.stems[:4] == ("european", "leader", "held", "emerg")
    for fs in feats.values():
        for x in fs:
            assert x.vector.dtype == np.float32 and x.vector.shape == (256,)
            assert abs(float(np.linalg.norm(x.vector)) - 1.0) < 1e-4
            assert x.content_vector is not None and x.content_vector.shape == (256,)


def test_featurize_embeds_in_one_batched_call(monkeypatch):
    import analysis.align.embed as embed_mod
    calls = []
    real = embed_mod.embed

    def counting(texts):
        calls.append(len(texts))
        return real(texts)

    monkeypatch.setattr(embed_mod, "embed", counting)
    out = featurize(raw_seeds()[:2])
    assert len(calls) == 1
    assert set(out) == {"a1", "a2"}


def test_idf_weights_rare_stems_higher(feats):
    idf = idf_table(feats)
    assert idf["ukrain"] < idf["dmitriev"] <= idf.default
    assert idf.weight("never-seen-stem") == idf.default


def test_empty_and_odd_input():
    empty = text_article("", "e1")
    assert featurize([empty]) == {"e1": ()}
    odd = text_article("—— ... !!!\n\n12345", "o1")
    (f1, f2) = featurize([odd])["o1"]
    assert f1.content == () and f1.entities == frozenset()
    assert float(np.linalg.norm(f1.vector)) in (0.0, pytest.approx(1.0))


# --- how outlets name one person (written text) --------------------------------------------------

def _entities(*texts: str) -> list[set[str]]:
    units = [TextUnit(f"a{i}", f"a{i}.s0", 0, t) for i, t in enumerate(texts)]
    return [set(f.entities) for f in featurize_units(units)]


def test_middle_initials_and_generation_suffixes_leave_the_key():
    found = _entities("The vows were read by Judge Harold T. Whitcombe Jr. at the harbour.",
                      "Judge Harold Whitcombe read the vows to the couple.",
                      "The couple thanked Samuel R. Okafor III for the boat.",
                      "Samuel Okafor lent them the boat.")
    assert found == [{"harold whitcombe"}, {"harold whitcombe"}, {"samuel okafor"}, {"samuel okafor"}]


def test_a_short_given_name_is_the_same_person_as_the_long_one():
    found = _entities("Mike Dunmore opened the bridge.", "The bridge was opened by Michael Anthony Dunmore.",
                      "Residents cheered Dunmore.")
    assert found == [{"mike dunmore"}, {"mike dunmore"}, {"mike dunmore"}]


def test_a_family_named_in_the_plural_is_the_person():
    assert _entities("Later Carla Vantongeren spoke.", "The Vantongerens left early.") == \
        [{"carla vantongeren"}, {"carla vantongeren"}]


def test_a_person_of_an_organisation_is_two_entities_but_an_organisation_of_a_place_is_one():
    found = _entities("Martha Quillon of Harbour Radio asked first.", "The Bank of Ostra lent the money.")
    assert found == [{"martha quillon", "harbour radio"}, {"bank of ostra"}]


def test_judges_and_justices_are_titles_before_a_name_but_a_department_stays():
    found = _entities("Chief Justice Ana Belmonte swore him in.", "Justice Ruth Okonjo dissented.",
                      "District Judge Pavel Ostrow ruled.", "The Justice Department appealed.")
    assert found == [{"ana belmonte"}, {"ruth okonjo"}, {"pavel ostrow"}, {"justice department"}]


def test_a_party_counsel_or_elect_title_before_a_name_is_dropped_but_party_bodies_stay():
    # "Republican Mitt Romney", "Special Counsel Robert Mueller" and "President-elect Donald Trump" had
    # been keys of their own beside the person's name
    found = _entities("Republican Paul Whitlow spoke first.", "Paul Whitlow left.",
                      "Special Counsel Ivo Brankovic filed it.", "Ivo Brankovic filed.",
                      "President-elect Ruth Okonjo met the Harbour Gazette and Ben Tallis.",
                      "The Republican Party and the Democratic National Committee met Democrat Anna Lisle.")
    assert found == [{"paul whitlow"}, {"paul whitlow"}, {"ivo brankovic"}, {"ivo brankovic"},
                     {"ruth okonjo", "harbour gazette", "ben tallis"},
                     {"republican party", "democratic national committee", "anna lisle"}]


def test_a_partitive_count_counts_the_noun_of_its_whole():
    # "Thirteen" was dropped (a number word with no noun) and "13 of the 14 cars" had no noun, so
    # "13 train cars" looked like a contradiction of "14 train cars" and the verifier missed "Thirteen".
    found = find_quantities("Thirteen of the bus's 14 seats and 13 of the 20 desks broke; one of the men left.")
    assert [(q.value, q.unit, q.text) for q in found] == [
        (13.0, "seat", "Thirteen"), (14.0, "seat", "14 seats"), (13.0, "desk", "13"), (20.0, "desk", "20 desks")]


def test_a_bare_number_inside_a_name_is_no_amount():
    # "Interstate 5" matched "five crew members" in the omission verifier
    text = "Traffic stopped on Interstate 5 and the I-5 ramp and GOES-16 images, and later Route 9 had reopened."
    assert find_quantities(text) == []
    kept = find_quantities("A 7.7 quake hit; it was a Category 3 storm after Roe 30 years ago; Over 150 died.")
    assert [(q.value, q.unit) for q in kept] == [(7.7, "quak"), (3.0, "storm"), (30.0, "year"), (150.0, "die")]
    assert [q.value for q in find_quantities("Over 150 Died In The Storm Near Tampa 12")] == [150.0, 12.0]


def test_a_time_of_day_is_no_amount():
    # "7:30 pm" was 7 and 30 (matching "30 minutes"); "12:23 pm" gave two stories the numbers 12 and 23
    text = "At 12:23 pm the call came; at 7:30 p.m. the search stopped, and at 6 am 30 divers went back."
    assert [(q.value, q.unit) for q in find_quantities(text)] == [(30.0, "diver")]
    assert [q.value for q in find_quantities("The score was 12:23 in the end, 5 am to 9 AM.")] == []


def test_a_time_of_day_written_with_a_dot_is_no_amount():
    # "The quake hit at 9.59pm" kept the amount 9.59; a share or price with a dot stays an amount
    assert find_quantities("The tremor hit at 9.59pm and again at 10.15 a.m. on Sunday.") == []
    kept = find_quantities("Shares rose 9.59 percent to 12.50 at 2 pm.")
    assert [(q.value, q.unit) for q in kept] == [(9.59, "%"), (12.5, "")]


def test_measures_are_read_in_one_base_unit_glued_or_not():
    text = "The centre was 16km west of the port, at a depth of 10 kilometres; gusts of 193 km/h and 120 mph."
    assert [(round(q.value), q.unit, q.text) for q in find_quantities(text)] == [
        (16000, "length", "16km"), (10000, "length", "10 kilometres"), (193, "speed", "193 km/h"),
        (193, "speed", "120 mph")]
    assert [(q.value, q.unit) for q in find_quantities("It carried 5kg and 3 tonnes.")] == [
        (5.0, "mass"), (3000.0, "mass")]


def test_a_converted_measure_is_the_same_amount_but_another_measure_or_a_bare_number_is_not():
    from analysis.align.features.quantities import conflicting
    depth_km = find_quantities("at a depth of 10km")[0]
    depth_miles = find_quantities("at a depth of 6 miles")[0]       # 10 km converted and rounded
    away = find_quantities("only 10 miles from the city")[0]          # another measure, same figure
    bare = find_quantities("the 10 who were rescued")[0]
    assert same_quantity(depth_km, depth_miles) and not conflicting(depth_km, depth_miles)
    assert not same_quantity(depth_km, away) and conflicting(depth_km, away)
    assert not same_quantity(bare, away) and not same_quantity(depth_km, bare)
