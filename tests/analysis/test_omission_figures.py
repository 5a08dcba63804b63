"""Another figure for what the carriers count is "reports it differently", never an omission; a figure
of another place is neither.

Facts are built by hand (``Fact`` records), as in ``test_omission_evidence``: the rules of the
verifier are checked apart from the aligner.
"""
from __future__ import annotations

import pytest

from analysis import constants as C
from analysis.bench import text_article
from analysis.coverage import omissions
from analysis.coverage.core import Core, CoreTerm, judge
from analysis.coverage.terms import Term, counted_slots, counts, phrase_counts, sentence_terms
from analysis.coverage.verify import Searcher
from analysis.model import Fact, FactMember

FILLER = ("\n\nThe weather office expects more rain in the hills. Farmers moved their herds to higher "
          "ground.\n\nA school will open as a shelter on the coast road.")

TOWN = {
    "a1": "Nine of the dead were from Varno, a fishing harbour near the epicentre of the quake.",
    "a2": "About half of the confirmed deaths occurred in Varno, a fishing harbour by the epicentre of the quake.",
    "a3": "Officials confirmed 14 deaths in Varno, where a landslide buried the market.",    # another toll
    "a4": "In Kelso, 14 people died when the old bridge fell into the river.",              # another town
}


def _case(texts: dict[str, str], fact_id: str):
    """The articles of ``texts`` and the fact that their first two lede sentences carry."""
    arts = {aid: text_article(t + FILLER, aid, outlet=f"Outlet {aid[1:]}") for aid, t in texts.items()}
    return arts, Fact(fact_id, texts["a1"], (FactMember("a1", ("a1.s1",)), FactMember("a2", ("a2.s1",))))


def _searched(texts: dict[str, str], fact_id: str):
    """The case of ``texts``, and the verdict of searching its third article for the fact."""
    arts, fact = _case(texts, fact_id)
    return arts, fact, Searcher(list(arts.values())).search(fact, "a3", {})


@pytest.fixture(scope="module")
def town():
    return _case(TOWN, "f-town")


def test_a_count_after_of_the_counts_its_noun():
    assert counted_slots("About half of the confirmed deaths occurred in the town.") == {"death"}
    assert dict(counts("A 6.4 aftershock came 12 minutes later.")) == {"6.4|aftershock": {"aftershock"},
                                                                          "12|minute": {"minute"}}


def test_another_toll_for_the_same_place_reports_it_differently(town):
    # The carriers give no number in common (nine, half): the core has none, yet they count deaths;
    # a3 counts deaths in the same town with its own number.  It was reported as an omission.
    arts, fact = town
    verdict = Searcher(list(arts.values())).search(fact, "a3", {})
    assert (verdict.status, verdict.via, verdict.sentences) == ("partial", "figure", ("a3.s1",))
    assert [t.text for t in verdict.found][:2] == ["14", "Varno"] and verdict.counted == ("death",)
    found = omissions.assess([fact], arts, set(arts))
    assert [c.article for c in found.differently] == ["a3"]
    row, = omissions.differently_findings(found, [fact], arts)
    assert "its sentence gives another figure (death): “14”, “Varno”" in row.evidence


def test_a_toll_of_another_place_is_no_figure_for_this_one(town):
    # Kelso's 14 dead are not Varno's: a4 says nothing of Varno, a true omission.
    arts, fact = town
    verdict = Searcher(list(arts.values())).search(fact, "a4", {})
    assert verdict.status == "absent" and verdict.via == "terms"
    found = omissions.assess([fact], arts, set(arts))
    assert [o.article for o in found.omissions] == ["a4"]


MISSING = {
    "a1": "In Varno, 68 people are still missing, the regional office said.",
    "a2": "The regional office said 68 people were missing in Varno.",
    "a3": "In neighbouring Dalmar, 101 people are missing after a tower fell.",   # another country's count
}


def test_the_same_count_with_another_number_elsewhere_is_not_the_fact():
    # a3 counts the missing too, with another number, but of another place the carriers never name:
    # it had been "reports it differently" (another figure).
    verdict = _searched(MISSING, "f-missing")[2]
    assert verdict.via != "figure" and verdict.status in ("absent", "unclear")


SHOCK = {
    "a1": "The strongest aftershock was a magnitude 6.7 tremor, about ten minutes after the main shock.",
    "a2": "The strongest aftershock, a 6.7 magnitude tremor, hit ten minutes after the main shock.",
    "a3": "The 7.7-magnitude quake was followed by a 6.4 aftershock twelve minutes later.",
}


def test_a_magnitude_with_another_value_beside_the_same_word_reports_it_differently():
    # a3 gives the aftershock with other figures: it was reported as omitting it.
    arts, fact, verdict = _searched(SHOCK, "f-shock")
    assert (verdict.status, verdict.via, verdict.sentences) == ("partial", "figure", ("a3.s1",))
    assert "aftershock" in [t.text for t in verdict.found]
    assert omissions.assess([fact], arts, set(arts)).omissions == []


SENTENCE = {
    "a1": "The court said the 70-year-old would begin his jail term at a later date.",
    "a2": "The 70-year-old will begin the jail term at a later date, the court ruled.",
    "a3": "The court also issued an immediate five-year ban on holding public office.",
}


def test_a_duration_is_no_figure_for_an_age():
    # "five-year" and "70-year-old" are both years: a unit of time says what a number means, not
    # what it counts.
    verdict = _searched(SENTENCE, "f-term")[2]
    assert verdict.via != "figure"


# The event's other sentences speak of death often (a death-penalty trial): "killed" weighs little.
TRIAL = ("\n\nProsecutors will seek the death penalty for the driver. A death sentence needs a unanimous "
         "jury.\n\nThe penalty phase, a second trial over life or death, opens in May.")
DEPOT = {
    "a1": "The twin blasts at the fuel depot on March 3, 2021, killed four workers and injured 35 others.",
    "a2": "The twin blasts at the fuel depot on March 3, 2021, left four workers dead and 35 injured.",
    "a3": "The jury found the driver guilty of arson, which resulted in four fatalities at the gate.",
    "a4": "In Kelso, four people died when the old bridge fell into the river.",    # another place
}


def _trial(texts: dict[str, str], fact_id: str):
    arts = {aid: text_article(t + TRIAL, aid, outlet=f"Outlet {aid[1:]}") for aid, t in texts.items()}
    return arts, Fact(fact_id, texts["a1"], (FactMember("a1", ("a1.s1",)), FactMember("a2", ("a2.s1",))))


def test_one_of_two_figures_in_other_words_reports_it_differently():
    # a3 gives the deaths ("four fatalities" = "killed four") but not the 35 injured: it was
    # reported as omitting the blasts' toll.
    arts, fact = _trial(DEPOT, "f-depot")
    verdict = Searcher(list(arts.values())).search(fact, "a3", {})
    assert (verdict.status, verdict.via, verdict.sentences) == ("partial", "count", ("a3.s1",))
    assert [t.text for t in verdict.found] == ["four"] and verdict.counted == ("death",)
    assert verdict.missing[0].text == "35"      # what it leaves out is named first
    found = omissions.assess([fact], arts, set(arts))
    assert [c.article for c in found.differently] == ["a3"]
    row, = omissions.differently_findings(found, [fact], arts)
    assert "its sentence gives the same figure for death: “four”; not “35”" in row.evidence


def test_the_same_figure_of_another_place_is_not_the_fact():
    # Kelso's four dead are not the depot's: a4 names a place the carriers do not.
    arts, fact = _trial(DEPOT, "f-depot")
    verdict = Searcher(list(arts.values())).search(fact, "a4", {})
    assert verdict.via != "count"


SEATS = {
    "a1": "With counting in its eighth day, Dale's alliance is expected to win two of the five seats in doubt "
          "and form a majority government.",
    "a2": "Counting went into an eighth day, with Dale's alliance expected to take two of the five seats still "
          "in doubt, enough to form a majority government.",
    "a3": "The Alliance is expected to snatch the 77 seats it needs to form a majority government.",
}


# The election's other sentences: a government, its majority and seats are words of the whole event.
POLL = ("\n\nNo party could form a government for a week. A majority government needs most seats in the "
        "house.\n\nThe expected government will form a cabinet. Its majority in seats is thin.")


def test_a_party_one_outlet_capitalises_is_not_another_party():
    # a3 writes "The Alliance" where the carriers write "Dale's alliance": the same party, so its
    # 77 seats are another figure for the fact, not a count of someone else's.  It was an omission.
    arts = {aid: text_article(t + POLL, aid, outlet=f"Outlet {aid[1:]}") for aid, t in SEATS.items()}
    fact = Fact("f-seats", SEATS["a1"], (FactMember("a1", ("a1.s1",)), FactMember("a2", ("a2.s1",))))
    verdict = Searcher(list(arts.values())).search(fact, "a3", {})
    assert (verdict.status, verdict.via, verdict.sentences) == ("partial", "figure", ("a3.s1",))
    assert [t.text for t in verdict.found][:2] == ["77", "Alliance"]
    assert omissions.assess([fact], arts, set(arts)).omissions == []


GALLERY = {
    "a1": "Thieves stole nine pieces of jewellery from the royal collection of Queen Ada on Sunday.",
    "a2": "Nine pieces of jewellery from Queen Ada's royal collection were stolen from the east wing.",
    # Another count of the pieces, with adjectives between the number and its noun, beside the
    # event's own setting (the museum every article names), which the carriers' sentences do not name.
    "a3": "Police at the Varno Museum said eight priceless and historic royal pieces were gone.",
    "a4": "Guards at the Varno Museum were questioned on Monday.",
}
SETTING = ("\n\nThe Varno Museum stays closed. Visitors queued outside the Varno Museum. The board of the "
           "Varno Museum met.")


def test_a_number_counts_the_noun_after_its_adjectives():
    text = "They seized eight priceless and historic pieces of jewellery, the prosecutor said."
    assert dict(counts(text))["8|priceless"] == {"priceless"}      # the unit as the quantity reads it
    assert {"piec", "jewelleri"} <= dict(phrase_counts(text))["8|priceless"]
    # The phrase ends at a function word or at punctuation.
    assert dict(phrase_counts("Police arrested 8 people with jewels."))["8|peopl"] == {"arrest", "peopl"}


def test_another_count_in_the_events_own_setting_reports_it_differently():
    # "eight priceless and historic royal pieces" was read as counting "priceless", and the museum
    # that every article names was taken for another place: it was an omission.
    arts = {aid: text_article(t + SETTING + FILLER, aid, outlet=f"Outlet {aid[1:]}") for aid, t in GALLERY.items()}
    fact = Fact("f-pieces", GALLERY["a2"], (FactMember("a1", ("a1.s1",)), FactMember("a2", ("a2.s1",))))
    verdict = Searcher(list(arts.values())).search(fact, "a3", {})
    assert (verdict.status, verdict.via, verdict.sentences) == ("partial", "figure", ("a3.s1",))
    assert [t.text for t in verdict.found] == ["eight", "royal"]
    found = omissions.assess([fact], arts, set(arts))
    assert [o.article for o in found.omissions] == ["a4"]


def test_close_in_meaning_with_only_the_events_words_is_no_part_of_the_fact():
    """A sentence on the event's topic reads close to many of its facts: without a specific word or
    figure of the core it is "unclear" (not reported), no longer "reports it differently"."""

    def term(kind, text, weight):
        return CoreTerm(Term(kind, text.lower(), text), weight, 2)
    mayday, call = term("word", "mayday", 0.8), term("word", "call", 0.7)
    ship, bridge, state = term("word", "ship", 0.3), term("word", "bridge", 0.25), term("name", "Maryland", 0.5)
    rest = (term("word", w, 0.6) for w in ("crew", "moments", "power", "loss", "signal"))
    core = Core((mayday, call, ship, bridge, state, *rest))
    close = C.VERIFY_PARTIAL_SIMILARITY + 0.01
    assert judge(core, [ship, bridge, state], 1, close).status == "unclear"
    # With a word of what happened, the same sentence reports part of it.
    assert judge(core, [mayday, call, ship, bridge, state], 1, close).status == "partial"


def test_a_count_written_as_a_bare_word_is_a_number():
    # "Two have been found alive": no noun after the count, which is still the carriers' two.
    arts, fact, verdict = _searched({"a1": "Rescuers pulled out two people.",
                                     "a2": "Two people were rescued.",
                                     "a3": "Two have been found alive, with one in serious condition."}, "f-two")
    assert verdict.status == "present" and any(t.kind == "number" for t in verdict.found)
    two, = [t for t in sentence_terms("Two have been found alive.") if t.kind == "number"]
    assert two.key == "2|" and not [t for t in sentence_terms("One of them was found.") if t.kind == "number"]
