"""Framing worth an editor's time: hedges and boosters on one claim, passives with a named actor,
descriptions that are not judgements, one row per phrase and per word.  Texts written for these tests."""
from __future__ import annotations

import pytest
from test_framing_rules import run, shown

from analysis.constants import FRAMING_WORD_MIN_SCORE
from analysis.signals.framing.descriptive import describes, literal
from analysis.signals.framing.structure import passives


def of(found, kind):
    return [f for f in found if f.kind == kind]


# --- hedges: framing only where another outlet states the same claim plainly -------------------------

def test_a_hedge_the_others_do_not_make_is_one_row_listing_them():
    found, arts = run("Officials reportedly said the bridge would reopen on Monday after repairs.",
                      "Officials said the bridge would reopen on Monday after repairs.",
                      "Officials said the bridge would reopen on Monday after the repairs.")
    [f] = of(found, "hedge")
    assert f.data["used_by"] == "x1" and f.rule == "hedge.adverb"
    assert shown(f, arts) == [("x1", "reportedly")]
    assert sorted(f.articles) == ["x1", "x2", "x3"]


def test_no_hedge_when_the_other_outlet_hedges_too():
    found, _ = run("The toll is possibly higher than forty, officials said on Monday.",
                   "The toll may be higher than forty, officials said on Monday.")
    assert of(found, "hedge") == []


def test_no_hedge_on_what_a_warning_is_about():
    # a warning is about what may happen: "possible" is the warning's, uncertain for everyone
    found, _ = run("The agency warned of possible waves along the coast on Monday night.",
                   "The agency warned of waves along the coast on Monday night.")
    assert of(found, "hedge") == []


def test_no_hedge_against_an_open_claim():
    # the other outlet tells a forecast ("expected"): the claim is open for both
    found, _ = run("The bridge will probably reopen on Monday after the repairs, officials said.",
                   "The bridge is expected to reopen on Monday after the repairs, officials said.")
    assert of(found, "hedge") == []


def test_no_hedge_across_two_claims():
    found, _ = run("The pupils were believed to be seven years old, the head teacher said on Monday.",
                   "Rescuers reached the school at noon, and the road was closed on Monday.")
    assert of(found, "hedge") == []


# --- boosters: a confirmation boosts only what the other outlet hedges --------------------------------

def test_a_confirmation_of_a_plain_claim_is_no_booster():
    found, _ = run("Officials confirmed that ten people died in the fire on Monday.",
                   "Officials said ten people died in the fire on Monday.")
    assert of(found, "booster") == []


def test_a_confirmation_of_what_the_other_hedges_is_a_booster():
    found, arts = run("Officials confirmed that ten people died in the fire on Monday.",
                      "Officials said ten people may have died in the fire on Monday.")
    [f] = of(found, "booster")
    assert f.rule == "booster.verb" and shown(f, arts) == [("x1", "confirmed that"), ("x2", "said")]
    assert f.evidence == "x1 boosts with 'confirmed that' (verb) where x2 has 'said'."


def test_an_adverb_booster_needs_no_hedge_on_the_other_side():
    found, _ = run("It is clear the road near the harbour will open on Monday.",
                   "The road near the harbour will open on Monday.")
    assert [f.data["term"] for f in of(found, "booster")] == ["it is clear"]


# --- agentless passives: framing only when another outlet names a human actor ------------------------

def test_a_passive_against_a_named_actor():
    found, arts = run("The harbour plan was rejected at the meeting on Monday night.",
                      "The mayor rejected the harbour plan at the meeting on Monday night.")
    [f] = of(found, "passive_agent")
    assert f.rule == "passive.agentless_vs_active" and f.articles[0] == "x1"
    assert f.data["items"][0]["phrase"] == "was rejected"


def test_no_passive_when_only_the_police_or_a_court_can_act():
    found, _ = run("Four men were arrested at the port on Monday night.",
                   "Police arrested four men at the port on Monday night.")
    assert of(found, "passive_agent") == []


def test_no_passive_when_the_actor_is_the_event():
    found, _ = run("Forty people were injured in the town on Monday night.",
                   "The quake injured forty people in the town on Monday night.")
    assert of(found, "passive_agent") == []
    found, _ = run("Forty homes were destroyed in the town on Monday night.",
                   "The storm destroyed forty homes in the town on Monday night.")
    assert of(found, "passive_agent") == []


def test_no_passive_when_it_names_the_accident_that_killed():
    # "in the collision" names what killed them, as the other outlet's active verb does
    found, _ = run("Four passengers were killed in the collision near the old depot on Sunday.",
                   "The collision near the old depot killed four passengers on Sunday.")
    assert not of(found, "passive_agent")
    found, _ = run("Four passengers were killed in a head-on collision near the old depot on Sunday.",
                   "Soldiers killed four passengers near the old depot on Sunday.")
    assert not of(found, "passive_agent")


def test_a_passive_in_an_attack_still_hides_the_attackers():
    found, _ = run("Four villagers were killed in the attack near the old depot on Sunday.",
                   "Soldiers killed four villagers in an attack near the old depot on Sunday.")
    assert [f.data["participle"] for f in of(found, "passive_agent")] == ["killed"]


def test_attention_focused_on_is_no_passive():
    assert not passives("Attention is now focused on the speed of the ferry.")


def test_no_passive_when_no_outlet_names_anyone():
    found, _ = run("The council said a minimum of 288 votes were needed for the motion on Monday.",
                   "The council said the motion passed with 331 votes on Monday.")
    assert of(found, "passive_agent") == []


# --- descriptions are not judgements ------------------------------------------------------------------

@pytest.mark.parametrize("text, word, label, expected", [
    ("A historic Catholic church was damaged.", "historic", "dramatic", "object"),
    ("It was a historic vote for the party.", "historic", "dramatic", ""),
    ("Anxious parents waited outside.", "Anxious", "emotive", "state"),
    ("He sat in shock for hours, quietly trying to cope.", "shock", "emotive", "felt"),
    ("He sat in shock for hours, quietly trying to cope.", "quietly", "manner", "felt"),
    ("Thousands stayed in parks, fearful of aftershocks.", "fearful", "emotive", "state"),
    ("They were furious.", "furious", "emotive", "felt"),
    ("Borrowing costs rose on fears of instability.", "fears", "emotive", "state"),
    ("The plan stoked fears in the region.", "fears", "emotive", ""),
    ("The plan was outrageous.", "outrageous", "emotive", ""),
    ("The minister secretly met the envoy.", "secretly", "manner", ""),
    ("Trump quietly dropped the plan.", "quietly", "manner", ""),
    ("Corrupt officials took the money.", "Corrupt", "judgement", ""),
    ("A witness described the chaos: “It fell.”", "chaos", "dramatic", "account"),
])
def test_what_a_word_describes(text, word, label, expected):
    start = text.index(word)
    assert describes(text, start, start + len(word), label) == expected


def test_a_literal_alarm_is_no_word_choice():
    text = "The thieves triggered an alarm at the museum. The plan sparked alarm in Europe."
    first, second = text.index("alarm"), text.rindex("alarm")
    assert literal(text, first, first + 5) and not literal(text, second, second + 5)
    found, _ = run("The thieves triggered an alarm at the museum on Monday.",
                   "The thieves entered the museum on Monday.",
                   "Thieves got into the museum on Monday.")
    assert of(found, "loaded_word") == []


def test_a_described_thing_is_no_word_choice():
    thing, _ = run("A historic church in the old town was damaged on Monday.",
                   "A church in the old town was damaged on Monday.",
                   "The church in the old town was hit on Monday.")
    vote, _ = run("It was a historic vote for the council on Monday.",
                  "It was a vote for the council on Monday.",
                  "The council voted on Monday.")
    assert of(thing, "loaded_word") == []
    [high] = of(vote, "loaded_word")
    assert high.data["describes"] == "" and high.data["term"] == "historic"


def test_what_a_private_person_feels_is_no_word_choice():
    found, _ = run("The father sat in shock outside the school on Monday, and he quietly waited.",
                   "The father waited outside the school on Monday.",
                   "A father waited outside the school on Monday.")
    assert of(found, "loaded_word") == []


def test_a_hazard_described_by_its_force_is_no_word_choice_even_quoted():
    found, _ = run("The ferry left as a “dangerous Category 4” storm neared the coast, the radio said.",
                   "The ferry left as a Category 4 storm neared the coast, the radio said.",
                   "The ferry left before the storm reached the coast.")
    assert of(found, "loaded_word") == []


def test_a_source_s_account_named_before_its_quote_is_no_word_choice():
    found, _ = run("A guard described the chaos: “People ran for the doors.” The hall was shut.",
                   "A guard said people ran for the doors. The hall was shut.",
                   "People ran for the doors, a guard said. The hall was shut.")
    assert of(found, "loaded_word") == []


def test_an_adjective_before_people_is_a_word_choice():
    # "disaster officials" names a body, "corrupt officials" judges the people
    found, _ = run("Corrupt officials said the road near the harbour reopened on Monday.",
                   "Officials said the road near the harbour reopened on Monday.",
                   "The road near the harbour reopened on Monday, officials said.")
    assert [(f.data["used_by"], f.data["term"], f.data["describes"]) for f in of(found, "loaded_word")] == \
        [("x1", "corrupt", "")]


# --- one row per phrase, one leading row per word -----------------------------------------------------

def test_three_flagged_words_in_a_row_are_one_phrase():
    found, _ = run("The move risks emboldening autocratic regimes across the region, the report said.",
                   "The move affects governments across the region, the report said.",
                   "The report said the move affects the region.")
    [f] = of(found, "loaded_word")
    assert f.data["phrase"] == "emboldening autocratic regimes"
    assert "chooses 'emboldening autocratic regimes'" in f.evidence


def test_two_flagged_words_one_preposition_apart_are_one_phrase():
    found, _ = run("Reeling from shocks of the vote, the council met on Monday.",
                   "After the vote, the council met on Monday.",
                   "The council met on Monday after the vote.")
    [f] = of(found, "loaded_word")
    assert f.data["phrase"] == "Reeling from shocks" and f.data["term"] == "reeling"


def test_one_word_of_two_outlets_is_one_row_listing_both():
    found, arts = run("The reckless plan for the port was shown on Monday.",
                      "The reckless plan for the port was shown on Monday night.",
                      "The plan for the port was shown on Monday.",
                      "The port plan was shown on Monday.")
    [row] = of(found, "loaded_word")
    lead, second = row.data["chosen_by"]
    assert sorted(row.data["chosen_by"]) == ["x1", "x2"] and row.data["used_by"] == lead
    assert [(a, w) for a, w in shown(row, arts) if w == "reckless"] == [(lead, "reckless"), (second, "reckless")]
    assert f"{second} also uses it" in row.evidence
    assert row.data["occurrences_by"] == {"x1": 1, "x2": 1}


# --- sentiment: a charged word on each side ----------------------------------------------------------

def test_no_sentiment_shift_against_plain_words():
    found, _ = run("The council praised the plan for the harbour at the meeting on Monday.",
                   "The council discussed the plan for the harbour at the meeting on Monday.")
    assert of(found, "sentiment_shift") == []


def test_a_formal_adjective_of_extent_is_no_intensifier():
    # "significant", "severe" grade size in a report's plain register; "staggering" is the outlet's
    found, _ = run("The storm did significant damage to the harbour wall on Monday.",
                   "The storm did damage to the harbour wall on Monday.",
                   "The storm hit the harbour wall on Monday.")
    assert of(found, "intensifier") == []
    found, _ = run("The storm did staggering damage to the harbour wall on Monday.",
                   "The storm did damage to the harbour wall on Monday.",
                   "The storm hit the harbour wall on Monday.")
    assert [(f.data["used_by"], f.data["term"]) for f in of(found, "intensifier")] == [("x1", "staggering")]


def test_a_word_choice_under_the_floor_is_not_listed():
    # a described state is scored low; at the end of a long article it falls under the floor
    filler = " ".join(f"The council met again on day {i}." for i in range(1, 30))
    early, _ = run("Anxious parents waited outside the school on Monday. " + filler,
                   "Parents waited outside the school on Monday. " + filler,
                   "The school stayed shut on Monday. " + filler)
    late, _ = run(filler + " Anxious parents waited outside the school on Monday.",
                  filler + " Parents waited outside the school on Monday.",
                  filler + " The school stayed shut on Monday.")
    [f] = of(early, "loaded_word")
    assert f.data["describes"] == "state" and f.score >= FRAMING_WORD_MIN_SCORE
    assert of(late, "loaded_word") == []


def test_no_hedge_in_words_the_other_outlet_tells_otherwise():
    # the hedged clause faces a rewritten stretch of the other's sentence, not a plain statement of it
    found, _ = run("Police said the thieves, believed to be four men from the city, used a lift to reach "
                   "the gallery.",
                   "Police said the thieves got out in under four minutes on two fast motorbikes and used a "
                   "lift to reach the gallery.")
    assert of(found, "hedge") == []
    # (told by the outlet: "Police said the thieves, believed to be …" would be the police's words)
    found, _ = run("The thieves, believed to be four men, used a lift to reach the gallery, police said.",
                   "The thieves, four men, used a lift to reach the gallery, police said.")
    assert [f.data["term"] for f in of(found, "hedge")] == ["believed to"]
