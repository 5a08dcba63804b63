"""What a word names rather than judges: a forecast's category, a term of art after "so-called";
and one sentiment row per outlet's words (framing rules; texts written for these tests)."""
from __future__ import annotations

from test_framing_context import run, words
from test_framing_senses import at

from analysis.signals.framing.descriptive import foreseen, names_a_problem, names_a_term

# --- what a warning, a forecast or a counterfactual is about ------------------------------------------

def test_a_word_of_what_was_feared_is_the_forecast_s():
    text = "The bay area, which had been bracing for catastrophic flooding, escaped the worst."
    assert foreseen(text, text.index("catastrophic"))
    text = "The turn spared the bay what could have been a catastrophic surge."
    assert foreseen(text, text.index("catastrophic"))
    text = "Forecasters warned of catastrophic flooding along the coast."
    assert foreseen(text, text.index("catastrophic"))
    text = "The storm brought catastrophic flooding to the bay."
    assert not foreseen(text, text.index("catastrophic"))
    # the outlet's own forecast: its word stays its choice
    text = "Labour was set to win a massive majority."
    assert not foreseen(text, text.index("massive"))
    text = "The move risks emboldening autocratic regimes."
    assert not foreseen(text, text.index("emboldening"))
    found, _ = run("The bay, which had been bracing for catastrophic flooding, escaped the worst on Thursday.",
                   "The bay escaped the worst of the flooding on Thursday.",
                   "The bay was spared on Thursday.")
    assert words(found) == []
    found, _ = run("The storm brought catastrophic flooding to the bay on Thursday.",
                   "The storm brought flooding to the bay on Thursday.",
                   "The storm flooded the bay on Thursday.")
    assert words(found) == [("x1", "catastrophic")]


# --- "so-called" before a term of art ------------------------------------------------------------------

def test_so_called_before_a_plain_term_names_it():
    assert names_a_term(*at("Nine states have so-called trigger laws to ban it.", "so-called"))
    assert not names_a_term(*at("He spoke of a so-called “apology tour” abroad.", "so-called"))
    assert not names_a_term(*at("It protects the so-called Dreamers who came as children.", "so-called"))
    found, _ = run("Nine states have so-called trigger laws that take effect at once, the group said.",
                   "Nine states have laws that take effect at once, the group said.")
    assert words(found) == []
    found, _ = run("Nine states passed a so-called “heartbeat” law that takes effect at once, the group said.",
                   "Nine states passed a law that takes effect at once, the group said.")
    assert words(found) == [("x1", "so-called")]


# --- a dramatising noun after a noun that says which one ----------------------------------------------------

def test_a_noun_compound_names_a_standing_problem():
    assert names_a_problem(*at("The governor spoke about the state's heroin crisis.", "crisis"))
    assert not names_a_problem(*at("The country is in a deep political crisis.", "crisis"))
    assert not names_a_problem(*at("The vote plunged the party into crisis.", "crisis"))
    assert not names_a_problem(*at("The advert attempts to stoke anxiety over the plan.", "anxiety"))
    assert not names_a_problem(*at("The party saw its seats plummet to 121.", "plummet"))
    found, _ = run("The governor spoke about the state's heroin crisis on Monday, aides said.",
                   "The governor spoke about the state's heroin problem on Monday, aides said.")
    assert words(found) == []


# --- a metaphor's verb acting on a concrete thing ----------------------------------------------------------

def test_a_metaphor_verb_with_a_weapon_as_its_object_is_literal():
    from analysis.signals.framing.descriptive import describes
    assert describes(*at("Images showed the man brandishing a handgun outside.", "brandishing"), "theatre") == "object"
    assert describes(*at("The senator brandished the threat of a veto.", "brandished"), "theatre") == ""
    assert describes(*at("He calls it a witch hunt, the White House said.", "witch hunt"), "violent") == ""
    found, _ = run("Images showed the man brandishing a handgun outside the hotel on Wednesday.",
                   "Images showed the man holding a handgun outside the hotel on Wednesday.")
    assert words(found) == []


# --- one outlet's charged words against several outlets: one row -----------------------------------------

def test_one_outlet_s_words_against_two_outlets_are_one_sentiment_row():
    found, arts = run("The minister attacked the disastrous new plan for the port on Monday.",
                      "The minister praised the generous new plan for the port on Monday.",
                      "The minister praised the generous new plan for the harbour on Monday.")
    shifts = [f for f in found if f.kind == "sentiment_shift"]
    assert len(shifts) == 1
    [f] = shifts
    assert f.articles[0] == "x1" and sorted(f.articles[1:]) == ["x2", "x3"]
    assert f.evidence.startswith("x1 reads more negative")
    assert "'attacked', 'disastrous' vs 'generous', 'praised'" in f.evidence


# --- a paraphrase gives someone's words ------------------------------------------------------------------

def test_the_outlet_s_own_report_is_no_paraphrase_of_a_quote():
    quote = "“The Harbour Party has won this election and I have called Ann Holt,” Ray Mendez said on Friday."
    report = ("The Harbour Party has won the election, with Ann Holt to lead the town; "
              "Ray Mendez lost his seat on Friday.")
    told = "Ray Mendez said on Friday the Harbour Party had won the election and he had called Ann Holt."
    assert not [f for f in run(quote, report)[0] if f.kind == "quote_vs_paraphrase"]
    [f] = [f for f in run(quote, told)[0] if f.kind == "quote_vs_paraphrase"]
    assert f.rule == "quote.direct_vs_paraphrase" and f.articles == ("x1", "x2")
    # a statement's words told without a verb of saying of the lexicons
    stated = "The statement by Ray Mendez on Friday mentioned that the Harbour Party had won and Ann Holt was called."
    [f] = [f for f in run(quote, stated)[0] if f.kind == "quote_vs_paraphrase"]
    assert f.articles == ("x1", "x2")


# --- how people bear themselves; an advice not to feel ---------------------------------------------------

def test_people_moving_in_panic_are_in_a_state_and_not_to_panic_is_no_panic():
    from analysis.signals.framing.descriptive import describes
    from analysis.signals.framing.uses import negated
    assert describes(*at("People ran onto the streets in panic.", "panic"), "emotive") == "felt"
    assert describes(*at("The move sent the markets into panic.", "panic"), "emotive") == ""
    assert describes(*at("Tourists fled to the streets in a state of panic.", "panic"), "emotive") == "felt"
    text = "The mayor urged people not to panic but to stay calm."
    assert negated(text, text.index("panic"))
    text = "The plan was to panic the markets."
    assert not negated(text, text.index("panic"))
    found, _ = run("People ran onto the streets in panic after the quake on Friday.",
                   "People ran onto the streets after the quake on Friday.",
                   "The mayor urged people not to panic after the quake on Friday.")
    assert words(found) == []
