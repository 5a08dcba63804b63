"""A word's other sense: verbs of speech told of motion, "assume" a role, motion to a thing, acts
whose doer is plain, two people's given names, a court's holding (framing rules; texts written for
these tests)."""
from __future__ import annotations

from test_framing_context import run, words

from analysis.model import Fact, FactMember
from analysis.signals.framing import framing_findings
from analysis.signals.framing.descriptive import describes, motion_not_speech, participle_as_verb
from analysis.signals.framing.speech import speech_ranges
from seeds import text_article


def at(text: str, word: str) -> tuple[str, int, int]:
    start = text.index(word)
    return text, start, start + len(word)


def rows(found, kind):
    return [f for f in found if f.kind == kind]


# --- verbs of speech told of motion or sound --------------------------------------------------------------

def test_a_verb_of_speech_told_of_motion_is_no_speech():
    assert motion_not_speech(*at("The probe returned to the pad it had blasted off from.", "blasted"))
    assert motion_not_speech(*at("But the visitors came roaring back into the match.", "roaring"))
    assert motion_not_speech(*at("The crowd in the hall roared in applause.", "roared"))
    assert motion_not_speech(*at("With its engines roaring, the probe fell.", "roaring"))
    # told of words, the verb stays the outlet's choice
    assert not motion_not_speech(*at("The senator blasted the plan on Monday.", "blasted"))
    assert not motion_not_speech(*at("The mayor roared back at his critics.", "roared"))
    found, _ = run("With its engines roaring, the probe fell into the tower's arms on Monday.",
                   "The probe fell into the tower's arms on Monday.",
                   "The probe landed in the tower's arms on Monday.")
    assert words(found) == []


# --- "assume" an office ------------------------------------------------------------------------------------

def test_assume_with_an_office_takes_it_on():
    found, _ = run("The firm said Dana Wells will assume interim leadership of Fabrikam.",
                   "The firm said Dana Wells will serve as interim leader of Fabrikam.")
    assert rows(found, "hedge") == []
    found, _ = run("The firm said Dana Wells will assume the talks fail.",
                   "The firm said Dana Wells knows the talks fail.")
    assert [f.data["term"] for f in rows(found, "hedge")] == ["assume"]


# --- a motion to a concrete thing, a size of a thing ---------------------------------------------------------

def test_a_motion_past_its_object_to_a_thing_is_literal():
    text = "The span fell, plunging a road crew and several cars into the cold waters."
    assert describes(*at(text, "plunging"), "dramatic") == "object"
    assert describes(*at("Residents rushed out of their homes.", "rushed"), "pejorative") == "object"
    # into an abstract state it still dramatises; a bill is no thing
    assert describes(*at("The strike plunged the port into chaos.", "plunged"), "dramatic") == ""
    assert describes(*at("The bill was rushed through the Senate.", "rushed"), "pejorative") == ""


def test_a_size_word_before_a_vehicle_describes_it():
    assert describes(*at("The huge booster fell back to the pad.", "huge"), "adjective") == "object"
    # the thing's noun modifying an act ("booster catch") leaves the judgement of the act
    assert describes(*at("The firm made a historic booster catch on Sunday.", "historic"), "dramatic") == ""
    # an adverb grading the adjective of a thing is the outlet's degree word
    assert describes(*at("Two cars fell into the dangerously cold waters.", "dangerously"), "manner") != "object"


# --- acts whose doer is plain -------------------------------------------------------------------------------

def test_acts_named_by_the_role_whose_job_they_are_hide_no_one():
    found, _ = run("Mira Lane has been appointed interim chief executive.",
                   "The board appointed Mira Lane interim chief executive.")
    assert rows(found, "passive_agent") == []
    found, _ = run("One worker was taken to a hospital with serious injuries.",
                   "Medics took one worker to a hospital with serious injuries.")
    assert rows(found, "passive_agent") == []


def test_a_force_of_the_weather_is_the_event_acting():
    found, _ = run("The pier was damaged on Wednesday night.",
                   "Powerful winds damaged the pier on Wednesday night.")
    assert rows(found, "passive_agent") == []


# --- spellings that are two names ---------------------------------------------------------------------------

def spellings(*texts: str) -> list[str]:
    articles = {f"x{i}": text_article(t, f"x{i}") for i, t in enumerate(texts, 1)}
    members = tuple(FactMember(aid, tuple(s.id for s in a.sentences)) for aid, a in articles.items())
    found = framing_findings([Fact("f-test", "test", members)], articles)
    return [f.data["term"] for f in rows(found, "spelling")]


def test_two_given_names_each_with_its_surname_are_two_people():
    assert spellings("The case is led by prosecutor Laure Dubreuil, who spoke on Monday.",
                     "The interior minister Laurent Mercier spoke on Monday.",
                     "The minister Laurent Mercier said the guards were safe.") == []


def test_a_word_after_an_article_of_another_language_is_a_title():
    assert spellings("Witnesses quoted by Le Parisien saw two scooters.",
                     "Witnesses said Parisian police saw two scooters.",
                     "Officers of the Parisian police saw two scooters.") == []


# --- a court's holding ---------------------------------------------------------------------------------------

def test_a_court_s_holding_after_held_that_is_its_words():
    text = "The justices held that the old ruling was wrongly decided, and the case went back."
    [(start, end)] = speech_ranges(text)
    assert text[start:end].strip() == "the old ruling was wrongly decided, and the case went back"
    found, _ = run(text, "The justices overturned the old ruling, and the case went back.",
                   "The justices struck down the old ruling, and the case went back.")
    assert words(found) == []


# --- which quote a paraphrase tells ---------------------------------------------------------------------------

def test_the_quote_shown_is_the_one_the_paraphrase_tells():
    found, _ = run("The board of Fabrikam said in a post: “The board no longer has confidence in his ability to "
                   "keep leading Fabrikam.” It added: “We have the utmost confidence in her ability to lead "
                   "Fabrikam during this long transition period, and we thank every employee for their patience.”",
                   "The board of Fabrikam said in a post that it no longer has confidence in his ability to keep "
                   "leading the company.")
    [f] = rows(found, "quote_vs_paraphrase")
    assert "'The board no longer has confidence in his …'" in f.evidence


# --- the other senses posted from held-out and real coverage ---------------------------------------------------

def test_a_value_after_a_change_is_another_moment():
    found, _ = run("The storm made landfall near Port Elm with sustained winds of 130 km/h on Wednesday.",
                   "The storm weakened slightly after landfall near Port Elm but still packed 120 km/h on Wednesday.")
    assert [f for f in found if f.kind == "contradiction"] == []
    found, _ = run("The storm made landfall near Port Elm with sustained winds of 130 km/h on Wednesday.",
                   "The storm made landfall near Port Elm with sustained winds of 120 km/h on Wednesday.")
    assert [f.rule for f in found if f.kind == "contradiction"] == ["contradiction.number"]


def test_a_noun_and_a_thing_s_participle_are_no_verbs_of_speech():
    found, _ = run("The helicopter crashed on Monday, killing all six crew members aboard.",
                   "The helicopter crashed on Monday and all six people aboard died.",
                   "The helicopter went down on Monday and six people aboard died.")
    assert words(found) == []
    found, _ = run("The ship sent a mayday warning signal indicating a loss of power before the crash.",
                   "The ship sent a mayday warning signal reporting a loss of power before the crash.")
    assert [f for f in found if f.kind == "attribution_verb"] == []


def test_a_depth_and_a_distance_are_two_slots():
    found, _ = run("The quake struck at a depth of 6 miles near Port Elm, the second city.",
                   "The quake's centre was only 10 miles from Port Elm, the second city.")
    assert [f for f in found if f.kind == "contradiction"] == []
    found, _ = run("The quake struck at a depth of 6 miles near Port Elm.",
                   "The quake struck at a depth of 10 miles near Port Elm.")
    assert [f.rule for f in found if f.kind == "contradiction"] == ["contradiction.number"]


def test_a_hazard_before_an_abbreviated_place_is_the_actor():
    found, _ = run("The roof of the stadium in St. Petersburg was damaged on Wednesday night.",
                   "Powerful winds battered St. Petersburg, damaging the roof of the stadium on Wednesday night.")
    assert rows(found, "passive_agent") == []


def test_an_ing_adjective_with_a_name_as_its_object_is_a_verb():
    text = "Tornadoes tore through the state, with one deadly twister striking St. Lucie County."
    assert participle_as_verb(text, text.index("striking") + len("striking"), "striking", "adjective")
    text = "The show opened with a striking Picasso on loan."
    assert not participle_as_verb(text, text.index("striking") + len("striking"), "striking", "adjective")
