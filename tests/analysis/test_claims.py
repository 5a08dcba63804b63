"""Claims: compound sentences are cut into claims with exact offsets; attribution stays out of the
match; one sentence can join two facts.  Texts written for these tests."""
from __future__ import annotations

import pytest

from analysis.align import stage
from analysis.align.claims import article_claims, sentence_claims
from analysis.bench import text_article


def _pieces(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], text[cs:ce]) for s, e, cs, ce in sentence_claims(text)]


def test_semicolon_compound_gives_two_claims_with_exact_offsets():
    text = "The mayor met the union on Monday; the council voted on Tuesday to approve the budget."
    assert sentence_claims(text) == [(0, 33, 0, 33), (35, 86, 35, 86)]
    assert text[0:33] == "The mayor met the union on Monday"
    assert text[35:86] == "the council voted on Tuesday to approve the budget."


@pytest.mark.parametrize("text, first, second", [
    ("Prices rose sharply in March, while wages stayed flat across the region.",
     "Prices rose sharply in March", "wages stayed flat across the region."),
    ("European ministers held crisis talks in Paris on Monday as American and Russian envoys "
     "prepare to meet in Riyadh on Tuesday.",
     "European ministers held crisis talks in Paris on Monday",
     "American and Russian envoys prepare to meet in Riyadh on Tuesday."),
    ("The ministers met in Geneva on Monday where they agreed to extend the truce by a month.",
     "The ministers met in Geneva on Monday", "they agreed to extend the truce by a month."),
    ("The senator drew sharp criticism on Friday after declaring at a dinner that the plan was a "
     "failure.", "The senator drew sharp criticism on Friday",
     "declaring at a dinner that the plan was a failure."),
])
def test_clause_connectors_cut(text, first, second):
    assert [whole for whole, _ in _pieces(text)] == [first, second]


@pytest.mark.parametrize("text", [
    "Apples, pears and oranges were sold at the market as well as grapes.",
    "The board, which met in secret, approved the merger on Friday.",
    "“We will rebuild the bridge, and we will do it this year,” the governor said.",
    "The talks in Geneva and the vote in Brussels were both delayed.",
])
def test_no_cut_inside_a_clause_a_list_or_a_quote(text):
    assert [whole for whole, _ in _pieces(text)] == [text]


@pytest.mark.parametrize("text", [
    "The mayor declined to give details, such as who had called him and what he was offered.",
    "The mayor drew criticism for the plan, as well as his pledge to endorse whichever bidder he liked.",
    "The council approved the budget even before the auditors had finished their report.",
    "The singer waved and left the stage shortly after the lights went out in the hall.",
])
def test_a_connector_bound_to_the_word_before_it_is_no_cut(text):
    # "such as", "as well as", "even before", "shortly after" open a modifier of the clause before
    # them, not a second claim (the left piece had been cut to "…, such" / "…, as well").
    assert [whole for whole, _ in _pieces(text)] == [text]


@pytest.mark.parametrize("text", [
    # A verb right after a subordinator ("as predicted by", "when asked"): the clause after it has no
    # subject of its own, so it belongs to the claim before it.
    "Prices rose in the first quarter as predicted by most analysts in the survey.",
    "The minister resigned on Friday when asked about the missing funds by reporters.",
    # a page that dropped "were": the piece "officials said the clinics" then matched other outlets'
    # sentences on the town's name alone
    "In the port town, officials said the clinics as overwhelmed, prompting the navy to send doctors.",
    # An aside between two dashes, as words in brackets: "dressed as delivery drivers" was cut at "as",
    # and the claim "delivery drivers—pushed a cart up to the bank" lost its subject.
    "The robbers—masked, and dressed as delivery drivers—pushed a cart up to the bank at about noon.",
    "The council -- which met in private as the strike went on -- approved the budget on Friday.",
    "The firm hired three advisers – a banker; a lawyer, who had left the ministry; and a judge – last week.",
    # The second sentence of a quote that opened in the sentence before: only its closing mark is here.
    "The new plant will bring jobs to the valley, and we will open it this year. »",
    "It changed who I am, and gave me a respect for what nurses do every day.”",
])
def test_no_cut_in_a_reduced_clause_an_aside_or_a_continued_quote(text):
    assert [whole for whole, _ in _pieces(text)] == [text]


@pytest.mark.parametrize("text, first, second", [
    ("The mayor said the clinics were full as the navy sent doctors to the port town.",
     "The mayor said the clinics were full", "the navy sent doctors to the port town."),
    ("The mayor met the union on Monday — and the council voted on Tuesday to approve the budget.",
     "The mayor met the union on Monday", "the council voted on Tuesday to approve the budget."),
])
def test_a_clause_with_its_own_subject_is_still_cut_after_a_subordinator_or_one_dash(text, first, second):
    assert [whole for whole, _ in _pieces(text)] == [first, second]


@pytest.mark.parametrize("text, core", [
    ("The bridge will close on Friday for repairs, officials said.",
     "The bridge will close on Friday for repairs"),
    ("The minister told reporters that the bridge will close on Friday.",
     "the bridge will close on Friday."),
    ("According to the ministry, the strike hit a power plant near the border.",
     "the strike hit a power plant near the border."),
    ("“The plant will reopen in May,” the company said in a statement.", "The plant will reopen in May"),
    ("The talks were useful and frank, said the spokesman.", "The talks were useful and frank"),
])
def test_attribution_stays_on_the_claim_but_out_of_its_core(text, core):
    assert _pieces(text) == [(text, core)]


def test_claims_of_an_article_point_into_its_text():
    text = ("The council approved the budget on Tuesday; the mayor announced three new parks.\n\n"
            "The vote followed a long debate about road repairs.")
    article = text_article(text, "a1")
    claims = article_claims(article)
    assert [(c.sentence, c.index, c.text(article)) for c in claims] == [
        (0, 0, "The council approved the budget on Tuesday"),
        (0, 1, "the mayor announced three new parks."),
        (1, 2, "The vote followed a long debate about road repairs.")]
    assert all(article.text[c.start:c.end] == c.text(article) for c in claims)


@pytest.fixture(scope="module")
def two_outlets():
    a = text_article("The city council approved a new budget of $2 million on Tuesday; the mayor announced "
                     "three new parks for the river district.\n\n"
                     "The vote followed a long debate about road repairs.", "a1")
    b = text_article("Councillors voted on Tuesday to pass a $2 million budget after hours of debate.\n\n"
                     "Separately, the mayor unveiled plans for three parks along the river.", "a2")
    return a, b, stage.run([a, b], lambda *_: None).facts()


def test_one_sentence_joins_two_facts(two_outlets):
    a, b, facts = two_outlets
    shared = [f for f in facts if len(f.members) == 2]
    grid = sorted((f.member("a1").sentences, a.text[f.member("a1").claims[0].start:f.member("a1").claims[0].end],
                   f.member("a2").sentences) for f in shared)
    # a2 tells the vote and its debate in one sentence, a1 in two: a1's fact spreads over both.
    assert grid == [
        (("a1.s1",), "the mayor announced three new parks for the river district.", ("a2.s2",)),
        (("a1.s1", "a1.s2"), "The city council approved a new budget of $2 million on Tuesday", ("a2.s1",)),
    ]


def _linked(first: str, second: str) -> bool:
    a, b = text_article(first, "a1"), text_article(second, "a2")
    facts = stage.run([a, b], lambda *_: None).facts()
    return any(len(f.members) == 2 for f in facts)


def test_an_attribution_does_not_decide_a_match():
    # Same source, different facts: no link.
    assert not _linked("The school on Elm Street will reopen in March after the flood, the mayor said.",
                       "The airport runway needs new lights before the winter storms, the mayor said.")
    # Different sources, one fact: a link.
    assert _linked("Officials said the old bridge over the river will close on Friday for repairs.",
                   "The old bridge over the river will close on Friday for repairs, according to the "
                   "transport ministry.")


# --- the same-fact decision ------------------------------------------------------------------------

SIGNED = "Governor Maria Lopez signed the flood relief bill into law on Thursday in Albany."


def test_two_differently_worded_reports_of_one_action_link():
    assert _linked(SIGNED, "On Thursday, Lopez put her signature on the flood aid legislation, making it law.")
    assert _linked("The health ministry said 40 people died in the train crash near Lyon on Sunday.",
                   "Forty people were killed when a train crashed near Lyon on Sunday, according to health "
                   "officials.")


def test_same_names_but_contrary_actions_do_not_link():
    assert not _linked(SIGNED, "Governor Maria Lopez vetoed the school funding bill on Thursday in Albany.")
    assert not _linked("The senator won the primary in Ohio on Tuesday by a wide margin.",
                       "The senator lost the primary in Ohio on Tuesday by a wide margin.")


def test_action_clash_reads_verb_lemmas_both_ways():
    from analysis.align.features import TextUnit, featurize_units
    from analysis.align.samefact import action_clash, predicates
    signed, vetoed, signs = featurize_units([
        TextUnit("a", "a.s1", 0, SIGNED),
        TextUnit("b", "b.s1", 0, "The governor vetoed a bill on Thursday."),
        TextUnit("c", "c.s1", 0, "The governor signs the bill, then vetoes the rider.")])
    assert {"sign"} <= predicates(SIGNED) and "veto" in predicates(vetoed.text)
    assert action_clash(signed, vetoed) and action_clash(vetoed, signed)
    assert not action_clash(signed, signs)         # both actions on one side: no clash


@pytest.mark.parametrize("text, claims", [
    ("District Judge Helen Drury Sr. told the jury they will return on Monday, but the date has not been fixed.",
     ["District Judge Helen Drury Sr. told the jury they will return on Monday", "the date has not been fixed."]),
    ("Lt. Col. Ann Reyes and Gen. Tom Oduya met Gov. Lee Park and Sen. Mia Kahn at St. Jude's on Friday.",
     ["Lt. Col. Ann Reyes and Gen. Tom Oduya met Gov. Lee Park and Sen. Mia Kahn at St. Jude's on Friday."]),
    ("Mr. and Mrs. Okafor told Dr. Vance that the U.S. embassy had closed, while Ms. Lund stayed at home.",
     ["Mr. and Mrs. Okafor told Dr. Vance that the U.S. embassy had closed", "Ms. Lund stayed at home."]),
])
def test_no_claim_ends_or_starts_at_an_abbreviation_inside_a_name(text, claims):
    # a guard: claims are cut at semicolons and clause connectors, never at the period of "Sr.",
    # "Gov.", "U.S." (the 'Sr. told the' once shown as a paraphrase was a word-diff fragment, see
    # test_framing_rules.test_the_paraphrase_shown_is_the_whole_claim_not_a_diff_fragment)
    assert [whole for whole, _ in _pieces(text)] == claims


def test_a_sentence_cut_at_the_same_place_in_two_outlets_is_one_fact():
    # Both outlets' sentence is cut at "after" and the halves align half to half: one fact, not two
    # (two would give an outlet that leaves it out two omissions with the same evidence).
    a = text_article("A strong earthquake shook the coast of Varna province on Sunday night.\n\n"
                     "In Harbourtown, at least nine people died after roofs and walls caved in, many while "
                     "they slept.\n\nRescuers searched the harbour district through the night.", "a1")
    b = text_article("A powerful quake struck Varna province late on Sunday.\n\n"
                     "In Harbourtown, near the bay, at least nine residents were killed after roofs and walls "
                     "collapsed on them as they slept.\n\nSchools across the province will stay closed on Monday.",
                     "a2")
    facts = stage.run([a, b], lambda *_: None).facts()
    shared = sorted((f.member("a1").sentences, len(f.member("a1").claims), f.member("a2").sentences,
                     len(f.member("a2").claims)) for f in facts if len(f.members) == 2)
    assert shared == [(("a1.s1",), 1, ("a2.s1",), 1), (("a1.s2",), 2, ("a2.s2",), 2)]


def test_clusters_rejoin_only_when_they_hold_the_same_sentences_of_two_outlets():
    sentence = {("a1", 0): 0, ("a1", 1): 0, ("a2", 0): 0, ("a2", 1): 0, ("a2", 2): 1, ("a3", 0): 0}
    halves = [[("a1", 0), ("a2", 0)], [("a1", 1), ("a2", 1)]]
    assert stage._rejoin_cut_sentences(halves, sentence.__getitem__) == [
        [("a1", 0), ("a1", 1), ("a2", 0), ("a2", 1)]]
    # One side's part joins another sentence: two happenings told in one sentence by a1 only.
    apart = [[("a1", 0), ("a2", 0)], [("a1", 1), ("a2", 2)]]
    assert stage._rejoin_cut_sentences(apart, sentence.__getitem__) == apart


def test_the_writers_question_states_no_fact():
    # The writer's question asks (its topic words would draw it into the fact it introduces).  A
    # quoted question is a speaker's, and that it was asked is news: in quotation marks, inside a
    # quote opened sentences before, or inside a sentence.
    article = text_article("The two delegations met in the capital on Monday for the first time in years. "
                           "So what will the two sides actually discuss this week? "
                           "“Who will pay for the new bridge over the river?” "
                           "The minister asked “why now?” and then left the hall before the vote.\n\n"
                           "“They tell us to wait for the next budget. And I say wait for what exactly?” "
                           "Is anyone in the hall still listening to the mayor now?", "a1")
    kept = set(stage.substantive_sentences(article))
    assert [s.text for s in article.sentences if s.index not in kept] == [
        "So what will the two sides actually discuss this week?",
        "Is anyone in the hall still listening to the mayor now?"]
    assert "And I say wait for what exactly?”" in [s.text for s in article.sentences]
