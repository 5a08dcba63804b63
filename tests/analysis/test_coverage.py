"""Coverage: verified omissions, "reports it differently", exclusives per article, copies and versions.

The fact grid is built by hand here (``Fact`` records), so these rules are checked apart from the
aligner: what matters is what the omitting article's text holds.
"""
from __future__ import annotations

import pytest

from analysis.bench import text_article
from analysis.coverage import copies, exclusives, omissions
from analysis.coverage.terms import match, sentence_terms
from analysis.coverage.verify import Searcher
from analysis.model import Fact, FactMember

FILLER = ("Aid agencies said roads to the north were blocked by landslides.\n\n"
          "The government asked neighbouring countries for tents and water purification kits.\n\n"
          "Schools in the capital will stay closed until engineers have inspected every building.")

QUAKE = {
    "a1": "A magnitude 7.7 earthquake struck central Myanmar on Friday, killing at least 144 people.",
    "a2": "The 7.7-magnitude quake hit Myanmar on Friday and killed 144 people, officials said.",
}
OTHER_WORDS = "On Friday a tremor measuring 7.7 shook Myanmar, and 144 people died, the army said."
IN_PART = "Rescue teams reached Mandalay in Myanmar on Friday, hours after the earthquake."
NOT_THERE = "Thailand's prime minister declared an emergency in Bangkok after a tower collapsed."


def _article(aid: str, lede: str, outlet: str | None = None):
    return text_article(f"{lede}\n\n{FILLER}", aid, outlet=outlet or f"Outlet {aid[1:]}")


@pytest.fixture(scope="module")
def event():
    arts = {aid: _article(aid, lede) for aid, lede in QUAKE.items()}
    arts["a3"] = _article("a3", OTHER_WORDS)
    arts["a4"] = _article("a4", IN_PART)
    arts["a5"] = _article("a5", NOT_THERE)
    fact = Fact("f-quake", QUAKE["a1"], (FactMember("a1", ("a1.s1",)), FactMember("a2", ("a2.s1",))))
    return arts, fact


def test_the_core_is_what_the_carriers_share(event):
    arts, fact = event
    core = Searcher(list(arts.values())).core(fact, {})
    assert sorted(t.term.text for t in core.terms) == \
        ["144", "7.7", "Friday", "Myanmar", "killed", "people", "quake"]


def test_an_article_that_says_it_in_other_words_is_not_an_omission(event):
    arts, fact = event
    verdict = Searcher(list(arts.values())).search(fact, "a3", {})
    assert verdict.status == "present" and verdict.sentences == ("a3.s1",)
    # "died" is "killed" and "tremor" is "quake" (words of one happening, predicate_classes)
    assert [t.text for t in verdict.found] == ["7.7", "144", "Friday", "Myanmar", "killed", "people", "quake"]


def test_an_article_that_says_part_of_it_reports_it_differently(event):
    arts, fact = event
    verdict = Searcher(list(arts.values())).search(fact, "a4", {})
    assert verdict.status == "partial" and verdict.sentences == ("a4.s1",)
    assert [t.text for t in verdict.found] == ["Friday", "Myanmar", "earthquake"]
    assert [t.text for t in verdict.missing] == ["7.7", "144", "killed", "people"]


def test_only_an_article_without_the_core_omits_it(event):
    arts, fact = event
    same = set(arts)
    found = omissions.assess([fact], arts, same)
    assert [(o.fact, o.article, o.covered_by, o.rank) for o in found.omissions] == \
        [("f-quake", "a5", ("a1", "a2"), 1)]
    assert [(c.article, c.verdict.status) for c in found.differently] == [("a4", "partial")]
    assert found.dropped == {"present": 1}
    finding = omissions.differently_findings(found, [fact], arts)[0]
    assert finding.kind == "reports_differently" and finding.articles == ("a4", "a1", "a2")
    assert arts["a4"].text[finding.spans[0].start:finding.spans[0].end] == IN_PART
    assert finding.evidence == ("Outlet 4 does not carry “" + QUAKE["a1"] + "” as Outlet 1 and Outlet 2 do, "
                                "but its sentence shares “Friday”, “Myanmar”, “earthquake”; not “7.7”, “144”, "
                                "“killed”, “people”.")
    omission = omissions.omission_findings(found, [fact], arts)[0]
    assert omission.articles == ("a5", "a1", "a2") and "Searched its text for" in omission.evidence


def test_carriers_that_share_nothing_specific_cannot_be_verified():
    a1 = _article("a1", "Officials said the situation was difficult for everyone involved.")
    a2 = _article("a2", "It was a difficult day, a spokesman told reporters.")
    a3 = _article("a3", NOT_THERE)
    fact = Fact("f-vague", "x", (FactMember("a1", ("a1.s1",)), FactMember("a2", ("a2.s1",))))
    found = omissions.assess([fact], {a.id: a for a in (a1, a2, a3)}, {"a1", "a2", "a3"})
    assert found.omissions == [] and found.dropped == {"unverifiable": 1}


def test_a_comment_on_the_story_is_no_fact_to_omit():
    """Two outlets judge the night alike ("It was a night of drama ..."): the other outlets leave out
    no fact.  The same words told as a happening would be searched for."""
    comment = {"a1": "It was an incredible night of drama and fluctuating fortunes, delivering one of the "
                     "all-time great finals to cap a wonderful tournament.",
               "a2": "It was a night of drama, high emotion and fluctuating fortunes, delivering one of the "
                     "all-time great finals as two stars shone."}
    arts = {aid: _article(aid, lede) for aid, lede in comment.items()}
    arts["a3"] = _article("a3", NOT_THERE)
    fact = Fact("f-night", comment["a1"], (FactMember("a1", ("a1.s1",)), FactMember("a2", ("a2.s1",))))
    found = omissions.assess([fact], arts, set(arts))
    assert found.omissions == [] and found.dropped == {"unverifiable": 1}
    told = {aid: _article(aid, "Fans saw " + lede[len("It was "):]) for aid, lede in comment.items()}
    told["a3"] = arts["a3"]
    assert [o.article for o in omissions.assess([fact], told, set(told)).omissions] == ["a3"]


BRIDGE = {"a1": "The Harbour Bridge collapsed on Monday after a freighter struck a pier, and six workers are missing.",
          "a2": "A freighter struck a pier of the Harbour Bridge on Monday and it collapsed; six workers are missing.",
          "a3": "Six workers are missing after the Harbour Bridge collapsed when a freighter struck a pier on Monday.",
          "a4": "On Monday a freighter struck a pier and the Harbour Bridge collapsed, leaving six workers missing."}
TOLD = "Hours after the collapse of the Harbour Bridge, struck by a freighter, the mayor spoke."


def test_the_story_itself_told_in_other_words_is_no_difference():
    """A fact every other outlet carries (four or more) is the story: an outlet that tells it in its own
    words, with fewer details, is no "reports it differently" row.  Carried by half the outlets, the
    same sentence is one."""
    arts = {aid: _article(aid, lede) for aid, lede in BRIDGE.items()}
    arts["a5"] = _article("a5", TOLD)
    fact = Fact("f-bridge", BRIDGE["a1"], tuple(FactMember(a, (f"{a}.s1",)) for a in BRIDGE))
    found = omissions.assess([fact], arts, set(arts))
    assert found.differently == [] and found.omissions == [] and found.dropped == {"unclear": 1}
    others = {f"a{i}": _article(f"a{i}", lede) for i, lede in
              ((6, NOT_THERE), (7, "Fishing boats stayed in port as a storm neared the coast."),
               (8, "The city council approved a new budget for schools."))}
    wider = {**arts, **others}
    found = omissions.assess([fact], wider, set(wider))
    assert [(c.article, c.verdict.status) for c in found.differently] == [("a5", "partial")]


def _terms(kind: str, phrase: str):
    """The terms of ``kind`` that ``phrase`` gives in a sentence (not the frame's own words)."""
    frame = {(t.kind, t.key) for t in sentence_terms("They spoke of it at length.")}
    return [t for t in sentence_terms(f"They spoke of {phrase} at length.")
            if t.kind == kind and (t.kind, t.key) not in frame]


@pytest.mark.parametrize("kind,a,b", [
    ("name", "Kyiv’s", "Ukraine"), ("name", "Russian", "Russia"), ("name", "U.S.", "United States"),
    ("name", "Zelenskyy", "Zelensky"), ("name", "Iranian", "Iran"),
    ("number", "1,000 troops", "1000 troops"), ("number", "$300 billion", "300 billion dollars"),
    ("word", "negotiations", "negotiating"), ("word", "agreement", "agree"),
    ("word", "found alive", "were rescued"), ("word", "a citywide manhunt", "police searching"),
    ("word", "must be overruled", "overturned"),
    ("date", "on February 17", "on 17 February 2025"), ("date", "on Sunday", "on October 13, 2024")])
def test_loose_matching_of_name_number_word_and_date_forms(kind, a, b):
    ta, tb = _terms(kind, a), _terms(kind, b)
    assert any(match(kind, x.key, y.key) for x in ta for y in tb), (ta, tb)


@pytest.mark.parametrize("kind,a,b", [
    ("name", "Iran", "Iraq"), ("number", "144 people", "140 people"), ("word", "killed", "kindness"),
    ("date", "on February 17", "on February 18"), ("date", "on Monday", "on October 13, 2024"),
    ("date", "on Sunday", "on 13 October")])
def test_loose_matching_keeps_different_things_apart(kind, a, b):
    ta, tb = _terms(kind, a), _terms(kind, b)
    assert ta and tb and not any(match(kind, x.key, y.key) for x in ta for y in tb)


def test_titles_are_roles_not_names():
    terms = sentence_terms("Prime Minister Keir Starmer met Secretary of State Marco Rubio.")
    assert [t.text for t in terms if t.kind == "name"] == ["Keir", "Starmer", "Marco", "Rubio"]


# --- copies and versions ---------------------------------------------------------------------------

WIRE = ("Flood waters rose above the old stone bridge in the river town on Sunday morning.\n\n"
        "Firefighters moved two hundred residents from the lower streets to the sports hall.\n\n"
        "The mayor said the dam upstream had held and that no one had been hurt overnight.\n\n"
        "Forecasters expect more heavy rain across the valley until Tuesday evening.")
INDEPENDENT = ("Residents of the river town spent Sunday in a sports hall after the river burst its banks. "
               "The mayor said nobody had been injured. More rain is forecast for the valley until Tuesday.")


@pytest.fixture(scope="module")
def wire():
    a1 = text_article("(AP) " + WIRE, "a1", outlet="Daily One")
    edited = WIRE.replace("two hundred residents", "about 200 people").replace(
        "\n\nForecasters expect more heavy rain across the valley until Tuesday evening.", "")
    a2 = text_article("(AP) " + edited, "a2", outlet="Evening Two")
    a3 = text_article(INDEPENDENT, "a3", outlet="Third Paper")
    a4 = text_article("(AP) " + WIRE + "\n\nThe bridge will be inspected on Monday by county engineers.",
                      "a4", outlet="Daily One")
    return {a.id: a for a in (a1, a2, a3, a4)}


def test_copies_of_one_text_are_one_source_and_independent_text_is_not(wire):
    groups = copies.find_copies(list(wire.values()))
    assert len(groups) == 1
    g = groups[0]
    assert (g.original, g.copies, g.kind, g.agency) == ("a1", ("a2", "a4"), "copy", "AP")
    assert 0.8 < g.similarity["a2"] < 1.0 and 0.8 < g.similarity["a4"] < 1.0
    low, high = sorted(round(100 * v) for v in g.similarity.values())
    assert g.label == f"a1, a2 and a4: same AP copy, {low}–{high} % identical"
    assert copies.source_map(groups) == {"a1": "a1", "a2": "a1", "a4": "a1"}


def test_two_outlets_quoting_one_statement_at_length_are_no_copy():
    # Both print the mayor's whole statement; their own sentences differ.  Counted over all words
    # they were "same copy, 60 % identical" and one source for omissions.
    statement = ("“My fellow residents, I have decided not to seek another term and to give all my time to "
                 "the work of this office until its end. My first decision as mayor was to pick Lena Ortiz as "
                 "my deputy, and it was the best one I made. Today I offer her my full support to lead our "
                 "city next. Let us come together and win this.”")
    one = text_article("In a surprise move, Mayor Tom Reyes said he will not run again.\n\nHe wrote:\n\n"
                       + statement + "\n\nWe will see whom she picks.", "a1", outlet="Town Talk")
    two = text_article("Reyes posted a letter on Sunday ending his bid and backing his deputy, stating, "
                       + statement, "a2", outlet="Valley Star")
    assert copies.find_copies([one, two]) == ()
    # the prose around a quote still makes a copy when it is the same prose
    told = ("The city council met on Sunday evening after the news and agreed to hold the vote in May as "
            "planned. Reyes posted a letter ending his bid for a second term and backing his deputy for the job, ")
    assert len(copies.find_copies([text_article(told + "stating, " + statement, "a1", outlet="A"),
                                   text_article(told + "writing, " + statement, "a2", outlet="B")])) == 1


def test_two_versions_of_one_article_are_versions(wire):
    groups = copies.find_copies([wire["a1"], wire["a4"]])
    pct = round(100 * groups[0].similarity["a4"])
    assert groups[0].kind == "version"
    assert groups[0].label == f"a1 and a4: versions of one Daily One article, {pct} % identical"


def test_a_fact_carried_by_copies_counts_once(wire):
    same = set(wire)
    fact = Fact("f-hall", "x", (FactMember("a1", ("a1.s2",)), FactMember("a2", ("a2.s2",)),
                                FactMember("a4", ("a4.s2",))))
    source_of = copies.source_map(copies.find_copies(list(wire.values())))
    found = omissions.assess([fact], wire, same, source_of)
    assert found.omissions == [] and not found.differently and not found.dropped   # one source only
    ex = exclusives.exclusive_findings([fact], wire, same, source_of)
    assert [(f.articles, f.data["facts"]) for f in ex] == [(("a1", "a2", "a4"), ["f-hall"])]


def test_the_version_diff_lists_changed_added_and_removed_sentences(wire):
    groups = copies.find_copies(list(wire.values()))
    diffs = {f.articles: f for f in copies.version_diffs(groups, list(wire.values()))}
    d = diffs[("a2", "a1")]
    assert d.kind == "version_diff"
    assert (d.data["changed"], d.data["added"], d.data["removed"]) == (1, 0, 1)
    assert d.data["changes"] == ["a1.s2 → a2.s2", "− a1.s4"]
    texts = {wire[s.article].text[s.start:s.end] for s in d.spans}
    assert "Firefighters moved about 200 people from the lower streets to the sports hall." in texts
    assert "Forecasters expect more heavy rain across the valley until Tuesday evening." in texts
    assert d.evidence.startswith("Evening Two (a2) is a version of Daily One (a1), ")
    added = diffs[("a4", "a1")]
    assert added.data["changes"] == ["+ a4.s5"]


def test_exclusives_are_grouped_per_article():
    a1 = _article("a1", QUAKE["a1"])
    a2 = _article("a2", QUAKE["a2"])
    arts = {"a1": a1, "a2": a2}
    facts = [Fact("f-1", "one", (FactMember("a1", ("a1.s2",)),)),
             Fact("f-2", "two", (FactMember("a1", ("a1.s3",)),)),
             Fact("f-3", "three", (FactMember("a2", ("a2.s4",)),)),
             Fact("f-4", "four", (FactMember("a1", ("a1.s1",)), FactMember("a2", ("a2.s1",))))]
    found = exclusives.exclusive_findings(facts, arts, {"a1", "a2"})
    assert [(f.articles, f.data["facts"], f.data["count"]) for f in found] == \
        [(("a1",), ["f-1", "f-2"], 2), (("a2",), ["f-3"], 1)]
    assert [(s.article, s.start) for s in found[0].spans] == \
        [("a1", a1.sentence("a1.s2").start), ("a1", a1.sentence("a1.s3").start)]
    assert found[0].evidence == "Only Outlet 1 reports “one” and 1 more fact (no other source carries them)."
    assert found[1].fact == "f-3" and found[0].fact is None
