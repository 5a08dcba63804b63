"""Who acts and who speaks: passives that hide no one, verbs of speech in the passive, "appear" as
showing up (framing rules; texts written for these tests)."""
from __future__ import annotations

from test_framing_context import run, words
from test_framing_senses import at, rows

from analysis.signals.framing.descriptive import spoken_of


def passive_terms(found):
    return sorted(i["phrase"] for f in rows(found, "passive_agent") for i in f.data["items"])


# --- a verb of speech in the passive reports a reception --------------------------------------------------

def test_a_verb_of_speech_in_the_passive_is_no_choice_of_speech():
    assert spoken_of(*at("Mr Varga, who was warmly applauded by his camp, left.", "applauded"))
    assert spoken_of(*at("His remarks have been widely condemned.", "condemned"))
    assert not spoken_of(*at("The senator condemned the remarks.", "condemned"))
    assert not spoken_of(*at("She was condemning the plan.", "condemning"))
    assert not spoken_of(*at("The campaign is crying foul over the ad.", "crying foul"))
    found, _ = run("Mr Varga, who was warmly applauded by his camp, resigned on Monday.",
                   "Mr Varga resigned on Monday.",
                   "Mr Varga quit on Monday.")
    assert words(found) == []
    # active, the verb still colours the words of its speaker
    found, _ = run("Mr Varga applauded the vote on Monday.",
                   "Mr Varga welcomed the vote on Monday.",
                   "Mr Varga spoke of the vote on Monday.")
    assert words(found) == [("x1", "applauded")]


# --- "appear" as showing up -----------------------------------------------------------------------------

def test_appear_before_a_place_is_showing_up_not_a_hedge():
    found, _ = run("After appearing in court on Friday, Tom Bell said he would plead not guilty.",
                   "After a hearing on Friday, Tom Bell said he would plead not guilty.")
    assert rows(found, "hedge") == []
    found, _ = run("Tom Bell appeared to say he would plead not guilty on Friday.",
                   "Tom Bell said he would plead not guilty on Friday.")
    assert [f.data["term"] for f in rows(found, "hedge")] == ["appeared"]


def test_assume_with_a_possessive_before_the_office_takes_it_on():
    found, _ = run("Dana Wells assumed the nation's highest office on Friday, the firm said.",
                   "Dana Wells became president on Friday, the firm said.")
    assert rows(found, "hedge") == []


# --- passives that hide no one ------------------------------------------------------------------------------

def test_a_passive_facing_a_passive_of_another_verb_hides_no_one():
    found, _ = run("The banker Ian Moss was gunned down on Wednesday outside the hotel.",
                   "The banker Ian Moss, head of Fabrikam, was shot and killed on Wednesday outside the hotel.")
    assert passive_terms(found) == []


def test_an_actor_named_in_the_sentence_before_hides_no_one():
    text = ("Moss took over the firm on Friday. Moss began by firing the chief executive Ann Lee. "
            "Two more directors were also fired, the reports said.")
    other = ("Moss took over the firm on Friday. Moss fired the chief executive Ann Lee. "
             "Moss fired two more directors, the reports said.")
    found, _ = run(text, other)
    assert passive_terms(found) == []
    # named nowhere near, the passive still hides who acts
    text = ("Moss took over the firm on Friday.\n\nThe shares rose by a tenth on the news.\n\n"
            "Analysts expect more changes. Two more directors were also fired, the reports said.")
    other = ("Moss took over the firm on Friday.\n\nThe shares rose by a tenth on the news.\n\n"
             "Analysts expect more changes. Moss fired two more directors, the reports said.")
    found, _ = run(text, other)
    assert passive_terms(found) == ["were also fired"]


def test_an_actor_named_in_the_paragraph_before_hides_no_one():
    text = ("Moss took over the firm on Friday. Moss began by firing the chief executive Ann Lee.\n\n"
            "Guards walked Lee out of the building. Two more directors were also fired, the reports said.")
    other = ("Moss took over the firm on Friday. Moss fired the chief executive Ann Lee.\n\n"
             "Guards walked Lee out of the building. Moss fired two more directors, the reports said.")
    found, _ = run(text, other)
    assert passive_terms(found) == []


def test_a_pronoun_subject_stands_for_the_name_before_it():
    text = ("Moss took over the firm on Friday.\n\nAnalysts expect more changes.\n\n"
            "Moss spoke to staff on Monday. Two directors were fired, the reports said.")
    other = ("Moss took over the firm on Friday.\n\nAnalysts expect more changes.\n\n"
             "Among Moss's first steps, a change of board. He fired two directors, the reports said.")
    found, _ = run(text, other)
    assert passive_terms(found) == []


def test_an_actor_nobody_can_name_is_not_hidden():
    found, _ = run("The banker Ian Moss was fatally shot on Wednesday outside the hotel.",
                   "Police hunted a masked gunman who shot the banker Ian Moss on Wednesday outside the hotel.")
    assert passive_terms(found) == []
    found, _ = run("The banker Ian Moss was fatally shot on Wednesday outside the hotel.",
                   "The guard Tom Reed shot the banker Ian Moss on Wednesday outside the hotel.")
    assert passive_terms(found) == ["was fatally shot"]


def test_the_actor_as_a_body_named_in_the_same_sentence_hides_no_one():
    found, _ = run("The company returned the booster to the pad, where it was caught by the tower's arms on Sunday.",
                   "The company caught its booster with the tower's arms on Sunday.")
    assert passive_terms(found) == []
    found, _ = run("The company returned the booster to the pad on Sunday, where it was caught with two arms.",
                   "The company caught its booster with two arms on Sunday.")
    assert passive_terms(found) == []


def test_a_participle_joined_to_an_adjective_is_a_quality():
    from analysis.signals.framing.structure import passives
    assert passives("The thieves were ‘experienced’ and ‘very professional’, she said.") == ()
    assert [p.participle for p in passives("Two men were arrested and charged on Monday.")] == ["arrested"]
    assert [p.participle for p in passives("They were shocked and saddened.")] == ["shocked"]


def test_a_title_won_hides_no_one():
    found, _ = run("Spain held on to win, having been crowned champions three times before.",
                   "Spain held on to win, UEFA having crowned them champions three times before.")
    assert passive_terms(found) == []
