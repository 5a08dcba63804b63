"""States that are no hidden act, names that hold a loaded word, copies that count once (framing
rules; texts written for these tests)."""
from __future__ import annotations

from test_framing_context import run, words

from analysis.signals.framing.descriptive import in_name
from analysis.signals.framing.structure import passives


def passive_rows(found):
    return [f.data["participle"] for f in found if f.kind == "passive_agent"]


# --- a state is no hidden act ---------------------------------------------------------------------------

def test_a_state_judged_after_a_verb_of_judging_is_no_passive():
    assert passives("Six road workers are presumed dead.") == ()
    assert passives("The pilot was declared missing on Monday.") == ()
    found, _ = run("Six road workers are presumed dead after the night.",
                   "Police presumed six road workers dead after the night.")
    assert passive_rows(found) == []


def test_an_act_before_a_state_still_hides_its_doer():
    # "left unconscious" is the state the attack left them in; "were attacked" still hides the attackers
    assert [p.participle for p in passives("Two guards were attacked and left unconscious.")] == ["attacked"]


def test_a_condition_someone_is_caught_in_is_no_passive():
    assert passives("One driver was stranded on the span for hours.") == ()
    assert passives("Four miners were trapped underground.") == ()
    found, _ = run("One driver was stranded on the span for hours.",
                   "Police stranded one driver on the span for hours.")
    assert passive_rows(found) == []
    # an act done to someone keeps its row when another outlet names the doer
    found, _ = run("Two guards were attacked on Sunday.", "Miners attacked two guards on Sunday.")
    assert passive_rows(found) == ["attacked"]


# --- a name that holds a loaded word --------------------------------------------------------------------

def test_a_loaded_word_inside_a_name_is_no_choice():
    found, _ = run("The injured driver was flown to the Shock Trauma Center in Midvale late on Monday.",
                   "The injured driver was flown to a hospital in Midvale late on Monday.",
                   "The injured driver was taken to a hospital in Midvale late on Monday.")
    assert words(found) == []
    # the same word outside a name is still the outlet's choice
    found, _ = run("The injured driver was flown to a hospital in Midvale, a shock to the town.",
                   "The injured driver was flown to a hospital in Midvale late on Monday.",
                   "The injured driver was taken to a hospital in Midvale late on Monday.")
    assert words(found) == [("x1", "shock")]


def test_names_against_capitals_of_a_headline_or_a_sentence_start():
    def named(text: str, word: str) -> bool:
        start = text.index(word)
        return in_name(text, start, start + len(word))
    assert named("Residents of Chaos Valley met on Monday.", "Chaos")
    assert named("The Shock Trauma Center said two were treated.", "Shock")
    # a headline in title case capitalises every word: no name is told by its capitals
    assert not named("Bridge Collapse Leaves Baltimore in Chaos After Ship Strike", "Chaos")
    # a sentence's first word is capitalised anyway: the capitalised words after it make no name of it
    assert not named("Angry Trump voters met on Monday.", "Angry")
    assert not named("Controversial Maine Gov. Paul Lane opened the door on Tuesday.", "Controversial")
    assert not named("The Chaos was total on Monday.", "Chaos")
