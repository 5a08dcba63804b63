"""Rules of English news attribution, one test each, on short texts written for these tests."""
from __future__ import annotations

import pytest

from analysis.signals.voices import find_quotes, voices
from seeds import text_article


def speaker_of(text: str, needle: str) -> tuple[str, str]:
    """(speaker_name, role) of the quote of ``text`` that holds ``needle``."""
    a = text_article(text)
    found = [q for q in find_quotes(a) if needle in a.text[q.start:q.end]]
    assert found, f"no quote holds {needle!r}"
    return found[0].speaker_name, found[0].role


def names(text: str) -> list[tuple[str, str, bool]]:
    a = text_article(text)
    return [(v.name, v.role, v.unnamed) for v in voices([a], find_quotes(a))]


# --- quotes over several sentences and paragraphs ---------------------------------------------------

def test_speaker_at_the_end_of_a_run_of_sentences():
    text = ("Rep. Tom Hale spoke on Monday.\n\n“The bill is dead. We fought hard. I ask you to forgive me,” "
            "he said.")
    assert speaker_of(text, "The bill is dead")[0] == "Tom Hale"
    assert speaker_of(text, "I ask you to forgive me")[0] == "Tom Hale"


def test_a_quoted_paragraph_after_an_attributed_one_goes_on():
    text = ("“We lost the vote,” Mayor Ruth Gale said.\n\n“We will try again next year.”\n\n"
            "The council met later.")
    assert speaker_of(text, "We will try again")[0] == "Ruth Gale"


def test_an_unclosed_quote_runs_into_the_next_paragraph():
    text = "Ruth Gale said: “We lost the vote.\n\n“We will try again,” she added."
    assert speaker_of(text, "We lost the vote")[0] == "Ruth Gale"


def test_straight_open_and_curly_close_pair_up():
    text = "\"The plan works,” Ines Varga said. “And it is cheap.\""
    a = text_article(text)
    quotes = [a.text[q.start:q.end] for q in find_quotes(a)]
    assert quotes == ["The plan works", "And it is cheap."]
    assert speaker_of(text, "And it is cheap")[0] == "Ines Varga"


def test_a_pronoun_reaches_back_over_quoted_sentences():
    text = ("Tom Hale released a video on Monday.\n\n“I made a mistake,” he said in the video. "
            "“I will stay. I will fight.\n\n“I ask for your patience,” he said.")
    assert speaker_of(text, "I ask for your patience")[0] == "Tom Hale"


def test_an_unquoted_statement_after_a_colon_is_its_authors():
    text = ("Dana Whitfield wrote an open letter to the council on Friday.\n\nRead the full letter:\n\n"
            "Dear members, I have served this town for ten years. I will not resign.\n\nThe council did not reply.")
    assert speaker_of(text, "I will not resign")[0] == "Dana Whitfield"
    b = text_article("The mayor spoke.\n\nHere is the list of roads that close:\n\nMain Street and Elm Road.")
    assert [q for q in find_quotes(b) if q.kind == "direct"] == []    # a list, not a document


# --- he, she and "the senator" ------------------------------------------------------------------

def test_she_is_the_woman_not_the_last_speaker():
    text = ("“That makes me sick,” Tim Ryan said.\n\nNancy Pelosi disagreed with Ryan’s view in an interview. "
            "“He is wrong,” she said.")
    assert speaker_of(text, "He is wrong")[0] == "Nancy Pelosi"


def test_gender_from_honorifics():
    text = ("Ms. Lauten met Mr. Fincher on Friday. “It was a long day,” she said. "
            "“We talked,” he said.")
    assert speaker_of(text, "It was a long day")[0] == "Lauten"
    assert speaker_of(text, "We talked")[0] == "Fincher"


def test_gender_from_the_texts_own_pronouns():
    text = ("Kowalczyk posted an apology for her remarks. Dombrowski praised the council. "
            "“I was wrong,” she said.")
    assert speaker_of(text, "I was wrong")[0] == "Kowalczyk"


def test_the_senator_is_the_person_with_that_title():
    text = ("Sen. Marco Alba gave a speech. Helen Cruz, his rival, watched. In the speech the senator took a "
            "swipe at Helen Cruz, calling her plan “a disaster.”")
    assert speaker_of(text, "a disaster")[0] == "Marco Alba"


def test_the_president_himself_is_the_person_named_most():
    text = ("President Hale denied the report. Hale called it false. A lawyer, Jon Pike, said it was true. "
            "The president himself responded on Friday, calling the report “a very sad day.”")
    assert speaker_of(text, "a very sad day")[0] == "Hale"


def test_a_name_after_a_preposition_is_not_he():
    text = ("Eric Holder flew in. Before a meeting at Florissant Valley, the attorney general said he was "
            "“ready to listen.”")
    assert speaker_of(text, "ready to listen")[0] != "Florissant Valley"


# --- the cue next to the quote -----------------------------------------------------------------

@pytest.mark.parametrize("text, needle, speaker", [
    ("According to Jane Doe, the plan “will fail.”", "will fail", "Jane Doe"),
    ("Dana Whitfield wrote in a letter that the school “must close.”", "must close", "Dana Whitfield"),
    ("In a statement, Governor Ann Lee said “we are ready.”", "we are ready", "Ann Lee"),
    ("Tom Bell, who runs the shelter, said “nobody came.”", "nobody came", "Tom Bell"),
    ("On Friday, the aide, Ruth Gale, 31, who has 14,000 followers, wrote an open letter, saying the "
     "girls should “show a little class.”", "show a little class", "Ruth Gale"),
    ("President Hale, a day from his own deadline, told reporters he was “very close.”", "very close", "Hale"),
    ("Jim Manley, a spokesman for Mr. Reid, said “it is nothing new.”", "nothing new", "Jim Manley"),
    ("Lea Voss, the director for Rep. Tom Hale (R-Tenn.), wrote that they should “try harder.”",
     "try harder", "Lea Voss"),
    ("Rep. Tom Hale, D-N.Y., said “shame on the House.”", "shame on the House", "Tom Hale"),
    ("The mayor took office in May. Tom Hale went on to say that “it is fine.”", "it is fine", "Tom Hale"),
    ("As Sen. Rand Paul, R-Ky., put it, “Libya was the hottest spot.”", "hottest spot", "Rand Paul"),
    ("Ruth Gale met the press. She later took to Twitter to write that “we won.”", "we won", "Ruth Gale"),
    ("Representative Kurt Hale of Oregon, who backed Mr. Ryan, said “we lost.”", "we lost", "Kurt Hale"),
])
def test_cues(text, needle, speaker):
    assert speaker_of(text, needle)[0] == speaker


def test_speaker_after_the_quote_with_a_title_or_a_role():
    assert speaker_of("“It is over,” said Sen. John Smith, R-Ohio.", "It is over") == ("John Smith", "Sen.")
    assert speaker_of("“No comment,” said the spokesman, Peter Carr.", "No comment") == ("Peter Carr", "spokesman")


# --- who is a voice -------------------------------------------------------------------------------

def test_organisations_speaking_through_statements_are_voices():
    assert names("The Navy said in a statement that the ship “remains seaworthy.”") == [("Navy", "", False)]
    assert names("“We won,” the Obama campaign said.") == [("Obama campaign", "", False)]
    # the campaign's words are the campaign's, not the candidate's
    assert names("Mitt Romney spoke in Ohio. “We lost the state,” his campaign said.") == \
        [("Romney campaign", "", False)]


def test_vague_groups_are_unnamed_sources_that_keep_their_name():
    assert names("“We were never asked,” internet companies said.") == [("internet companies", "", True)]
    assert names("“It is a fraud,” critics said.") == [("critics", "", True)]
    # capitalised by its place at the start of the sentence, still a vague group
    assert names("Rescuers said “dozens” were still trapped.") == [("Rescuers", "", True)]
    assert names("Eyewitnesses reported that a mosque partially collapsed during prayers.") == \
        [("Eyewitnesses", "", True)]
    assert names("“We lost everything,” villagers said.") == [("villagers", "", True)]


def test_a_party_speaking_as_a_body_is_a_named_voice():
    assert names("Senate Democrats said the bill “is a disgrace.”") == [("Senate Democrats", "", False)]
    assert names("“We will not back down,” Democrats said in a statement.") == [("Democrats", "", False)]
    # mid-sentence, a capitalised "Liberals" is the party
    assert names("“We will not back down,” the Liberals said.") == [("Liberals", "", False)]


def test_role_words_are_not_names_and_honorifics_are_not_roles():
    assert names("“The water rose fast,” Volunteer Alex Osorio said.") == [("Alex Osorio", "volunteer", False)]
    assert names("Enter Ms. Lauten, a former aide. “Try harder,” Ms. Lauten wrote.") == \
        [("Lauten", "", False)]


def test_an_outlet_is_no_voice_under_any_of_its_names():
    text = ("The Wall Street Journal reported on the talks.\n\n“Officials made little progress,” according to "
            "the Journal.")
    assert names(text) == []


def test_a_role_given_before_the_name_with_a_comma():
    assert speaker_of("The Times’ Moscow bureau chief, Anton Vell, said “it is the thorniest issue.”",
                      "thorniest") == ("Anton Vell", "Times’ Moscow bureau chief")


# --- second round: subjects that carry over, proxies, brackets, colons -------------------------

def test_a_surname_that_is_also_a_brand_is_a_person():
    text = ("Harold Bloomberg, the former mayor, spoke on Monday.\n\nIn the speech Bloomberg criticized Ann Cole, "
            "but argued that Cole was “a risk.” “I am a New Yorker,” he said.")
    assert speaker_of(text, "I am a New Yorker")[0] == "Bloomberg"     # not Cole


def test_a_sentence_opening_with_he_passes_him_on_over_a_place():
    text = ("Mr. Hale signed the bill on Friday.\n\nThe president chose not to take money from Texas or "
            "Puerto Rico, an idea that drew complaints.\n\nBut he expressed no concern about the delay. "
            "“It did not sound important to me,” he said.")
    assert speaker_of(text, "did not sound important")[0] == "Hale"


def test_a_description_before_its_verb_names_the_person_with_that_role():
    text = ("Supreme Court Justice Ruth Gale faced a backlash after a call from Tom Bell to resign.\n\n"
            "The liberal icon justice had started the storm with comments to a newspaper. "
            "“I cannot imagine it,” she said.")
    assert speaker_of(text, "I cannot imagine it")[0] == "Ruth Gale"


def test_a_title_run_before_a_name_is_the_role():
    assert names("“We will rule,” Supreme Court Justice Ruth Gale said.") == \
        [("Ruth Gale", "Supreme Court Justice", False)]


def test_a_participle_takes_the_person_or_group_that_is_the_subject():
    assert speaker_of("Republican presidential nominee Tom Hale has targeted the rules, claiming that they "
                      "“hurt farmers.”", "hurt farmers")[0] == "Tom Hale"
    assert speaker_of("Close to three dozen House Democrats signed a letter from Representative Peter Welk, "
                      "calling the deal “unfair.”", "unfair")[0] == "House Democrats"


def test_a_person_of_a_named_body_before_the_verb():
    text = "“We did not know,” Rev. John Paul Hale of Our Lady of Mercy, told a reporter."
    assert speaker_of(text, "We did not know")[0] == "John Paul Hale"


def test_a_spokesperson_for_a_body_and_the_spokesperson_again_are_the_body():
    text = ("A spokesperson for Zentrix says the company “cares deeply” about the data.\n\n"
            "“We follow the law,” the spokesperson said.\n\n"
            "A Vantel spokesperson said that the company only provides data after an order.")
    assert speaker_of(text, "cares deeply") == ("Zentrix", "spokesperson")
    assert speaker_of(text, "We follow the law") == ("Zentrix", "spokesperson")
    assert speaker_of(text, "only provides data") == ("Vantel", "spokesperson")


def test_party_in_brackets_and_a_clause_after_an_inverted_speaker():
    text = ("“Voters called for an end to spending,” said Rep. Mary Hale (R-Minn.), who leads the caucus, "
            "to a reporter. “These rules show that we are serious.”")
    assert speaker_of(text, "Voters called")[0] == "Mary Hale"
    assert speaker_of(text, "These rules show")[0] == "Mary Hale"
    assert speaker_of("“It is over,” said Rep. Tom Bell (D-Ohio).", "It is over")[0] == "Tom Bell"


def test_an_unquoted_paragraph_after_saying_colon_is_the_speakers():
    text = ("Justice Ann Gale criticized the nominee on Monday.\n\nAnd Tom Bell himself lashed out online, "
            "saying:\n\nJustice Gale has embarrassed all of us. Her mind is shot!\n\nThe storm went on.")
    assert speaker_of(text, "Her mind is shot")[0] == "Tom Bell"


def test_charged_that_is_a_cue_and_charged_with_is_not():
    assert speaker_of("Tom Bell also charged that Ann Gale had “left a record of debts.”", "record of debts")[0] \
        == "Tom Bell"
    a = text_article("Ann Gale was charged with fraud in May, and the case is “a mess.”")
    assert [q.speaker_name for q in find_quotes(a)] == [""]


def test_a_participle_after_a_closing_quote_takes_the_subject():
    text = ("Republican Sen. Kay Arlo of New Hampshire said Sunday that she will support the bill drafted by the "
            "bipartisan “Group of Six,” arguing that the bill provides a “tough but fair way” for people to earn "
            "citizenship.")
    assert speaker_of(text, "tough but fair way")[0] == "Kay Arlo"


def test_a_document_speaks_for_whoever_the_article_gave_it_to():
    text = ("The Lee campaign retorted with an ad of its own on Tuesday. The ad says: “You paid in for years. "
            "Why? To pay for the plan.”\n\nClose to three dozen lawmakers signed a letter from Representative "
            "Peter Welk. The letter says the president “should not back down.”\n\n"
            "Ann Cole said the lawsuit was without merit.\n\nThe lawsuit says the state is “a victim.”")
    assert speaker_of(text, "To pay for the plan")[0] == "Lee campaign"
    assert speaker_of(text, "should not back down")[0] == "Peter Welk"
    assert speaker_of(text, "a victim")[0] == ""     # "the lawsuit" again is not Ann Cole's


# --- voices are people and bodies that speak ---------------------------------------------------------

def test_a_medium_named_by_its_role_is_no_voice():
    text = ("The girl said there were two other pupils nearby but she could not tell if they were alive, "
            "according to broadcaster Canal Norte.")
    assert [n for n, _, _ in names(text)] == []


def test_an_outlet_of_the_outlets_list_is_no_voice():
    assert names("Haaretz reported that the talks would resume in Cairo next week.") == []


def test_a_person_named_after_an_outlet_and_title_is_the_person():
    text = ("The report was disputed on Friday by the special counsel. In a statement, BuzzFeed Editor-in-Chief "
            "Ben Smith said the site stood by its reporting.")
    assert names(text) == [("Ben Smith", "BuzzFeed Editor-in-Chief", False)]


def test_a_body_in_the_role_words_before_a_name_is_the_persons_role():
    text = ("Rescuers dug through the night.\n\n“They are alive! Alive!” shouted Harbour Rescue volunteer Tomas "
            "Ibarra, 41. “We heard knocking from below,” he said.")
    assert speaker_of(text, "They are alive")[0] == "Tomas Ibarra"
    assert speaker_of(text, "We heard knocking") == ("Tomas Ibarra", "Harbour Rescue volunteer")


def test_the_holder_of_an_office_speaks_not_the_body_it_is_of():
    text = ("Until the last moment, Ana Ruiz had refused the idea of a vote. From Lima, the President of the "
            "Republic said on Tuesday that she “does not believe in the vote.”")
    assert speaker_of(text, "does not believe")[0] == "Ana Ruiz"
    # "Prime Minister of the Second Republic" earlier makes the Republic look like a person: still the body
    text = "Ana Ruiz was the youngest Prime Minister of the Second Republic. " + text + \
        " From Lima, the President of the Republic also spoke, pointing out the “unbearable cynicism” of the right."
    assert speaker_of(text, "unbearable cynicism")[0] == "Ana Ruiz"
    assert speaker_of(text, "does not believe")[0] == "Ana Ruiz"
    assert "Republic" not in [n for n, _, _ in names(text)]


def test_the_holder_of_an_office_after_the_verb():
    text = "Ana Ruiz flew home on Monday. “I will not resign,” said the President of the Republic."
    assert speaker_of(text, "I will not resign")[0] == "Ana Ruiz"


def test_a_thought_verb_reports_no_speech_but_keeps_its_quote():
    text = ("Omar Haddad sat in silence for hours. He wondered how to tell his daughter that her school was "
            "gone.\n\n“Where are they now?” he wondered.")
    a = text_article(text)
    found = [(q.kind, q.speaker_name, a.text[q.start:q.end]) for q in find_quotes(a)]
    assert found == [("direct", "Omar Haddad", "Where are they now?")]


def test_a_participle_takes_the_subject_of_its_own_clause():
    text = ("Rita Okafor described the budget as an “insult” to voters, while Jonas Berg, leader of the Green "
            "Party, denounced its “dogmatism”, pointing out that it reflected a “punishment of the middle class.”")
    assert speaker_of(text, "insult")[0] == "Rita Okafor"
    assert speaker_of(text, "punishment of the middle class")[0] == "Jonas Berg"


def test_an_unnamed_source_opening_the_sentence_not_the_place_after_in():
    text = ("The mosque fell at noon. A witness who survived the collapse of the mosque in Tarvo described the "
            "chaos: “Suddenly we heard a loud rumbling, and then it collapsed.”")
    assert speaker_of(text, "loud rumbling") == ("witness", "")
    assert names(text) == [("witness", "", True)]


def test_a_medium_a_name_owns_is_no_voice_and_neither_is_the_name():
    assert names("At least 144 people were killed, according to Norland’s state television.") == []


def test_a_body_and_role_nouns_before_a_name_after_the_verb():
    text = ("Teams reached the town at dawn. “We are still in the golden hour of the search,” said Office of "
            "Coastal Defense deputy administrator Ana Cruz, adding that the teams were tired.")
    assert speaker_of(text, "golden hour") == ("Ana Cruz", "Office of Coastal Defense deputy administrator")


def test_a_clause_before_an_inverted_speaker_is_reported_with_the_role_after_the_name():
    text = ("In Puerto Lindo, near Santa Ines, at least 12 residents were killed as they slept, said Rosa Lindqvist, "
            "head of the local disaster office.")
    a = text_article(text)
    found = [(q.kind, q.speaker_name, q.role, a.text[q.start:q.end]) for q in find_quotes(a)]
    assert found == [("reported", "Rosa Lindqvist", "head of the local disaster office",
                      "In Puerto Lindo, near Santa Ines, at least 12 residents were killed as they slept")]


def test_officials_opening_a_sentence_are_an_unnamed_source():
    assert names("The port was closed. Officials said that more people were missing in the north.") == \
        [("Officials", "", True)]


def test_one_volunteer_is_an_unnamed_source_and_one_mother_comma_name_is_the_name():
    text = ("The minister said 21 children died.\n\n“They were small children,” one volunteer told reporters.\n\n"
            "“No one can imagine the pain I am in,” said one mother, Ana Marsh, who was standing outside.")
    assert speaker_of(text, "small children") == ("volunteer", "")
    assert speaker_of(text, "No one can imagine") == ("Ana Marsh", "mother")


def test_assured_is_a_speech_verb():
    text = "Tomas Berg defended the bill. “It is not for pleasure that I presented it,” he assured the deputies."
    assert speaker_of(text, "not for pleasure")[0] == "Tomas Berg"


def test_according_to_a_document_by_a_person_is_that_persons():
    text = ("The toll rose to 144, according to an official address by junta leader Senior General Aung Tin "
            "on Friday. The roads were shut, according to a statement from Ana Cruz.")
    assert [n for n, _, _ in names(text)] == ["Aung Tin", "Ana Cruz"]


def test_a_given_name_after_role_nouns_is_no_part_of_the_role():
    from analysis.signals.attribution.words import clean_role
    assert clean_role("Its leader Marine") == "leader"
    for kept in ("head of the Office of Management and Budget", "former Representative", "leader Senior General",
                 "president of Third Way", "Kremlin Spokesman", "candidate in the 16th District", "of the NFP"):
        assert clean_role(kept) == kept


# --- bodies under their short forms, role runs, name suffixes, possessive roles ---------------------

def test_a_body_with_its_short_form_in_brackets_is_one_voice_under_its_full_name():
    text = ("The Coastal Weather Service (CWS) has warned that the storm could reach the capital by Monday. "
            "The CWS said the winds were “stronger than forecast.”")
    assert names(text) == [("Coastal Weather Service", "", False)]
    assert speaker_of("“The fault is shallow,” said the Institute of Volcanology and Seismology (IVS).",
                      "fault")[0] == "Institute of Volcanology and Seismology"
    assert speaker_of("“The fault is shallow,” the Institute of Volcanology and Seismology (IVS) said.",
                      "fault")[0] == "Institute of Volcanology and Seismology"
    # a participle takes the body under its short form as its subject
    text = ("The Coastal Weather Service (CWS) spoke on Monday. The CWS issued a red alert, indicating "
            "“high winds and heavy damage.”")
    assert speaker_of(text, "high winds")[0] == "Coastal Weather Service"
    # a party tag in brackets is no short form: the person keeps her name
    assert speaker_of("“We are serious,” said Rep. Mary Hale (R-Minn.).", "serious")[0] == "Mary Hale"


def test_a_body_and_role_nouns_before_a_titled_name_after_the_verb_are_the_role():
    text = "“The scale of the damage is immense,” said Tarvo City disaster officer Rex Ygot, noting the toll."
    assert speaker_of(text, "scale") == ("Rex Ygot", "Tarvo City disaster officer")


def test_a_name_suffix_between_the_name_and_the_verb():
    text = "“We are assessing the damage,” president Ferdinand Hale Jr said, pledging swift aid."
    assert speaker_of(text, "assessing") == ("Ferdinand Hale", "president")


def test_a_possessive_role_then_the_name_between_commas():
    text = "“We stand by our story,” the Daily Planet's editor, Perry White, said."
    assert speaker_of(text, "stand by") == ("Perry White", "Daily Planet's editor")
    text = "“He would cut the budget,” Hale's campaign press secretary, Ben Lavolt, said in an email."
    assert speaker_of(text, "cut the budget") == ("Ben Lavolt", "Hale's campaign press secretary")


def test_a_role_after_an_inverted_speaker_between_a_comma_and_the_clauses_end():
    assert speaker_of("“The dam held,” said Ruth Gale, the mayor of Tarvo.", "dam") == ("Ruth Gale", "mayor of Tarvo")
    assert speaker_of("“The report is wrong,” said Jim Hale, a spokesman for Senator Ann Reid.", "report") == \
        ("Jim Hale", "spokesman for Senator Ann Reid")
    assert speaker_of("“We dig on,” said Carlos Rios, a local volunteer who came to help.", "dig") == \
        ("Carlos Rios", "local volunteer")
    # a clause about the speaker is no role
    assert speaker_of("“The dam held,” said Ruth Gale, who runs the town.", "dam") == ("Ruth Gale", "")


def test_the_office_of_a_person_named_by_a_role_speaks_for_that_person():
    text = "Mayor Ruth Gale visited the dam on Monday. “Help is coming,” the mayor's office said in a statement."
    assert speaker_of(text, "Help is coming") == ("Ruth Gale", "office")
    # with no mayor named, the office is an unnamed source
    assert names("“Help is coming,” the mayor's office said.") == [("mayor's office", "", True)]


def test_termed_and_screamed_are_speech_verbs():
    assert speaker_of("The far-right National Rally termed the budget “unacceptable”.", "unacceptable")[0] == \
        "National Rally"
    assert speaker_of("“He was my son, too,” Mauricio screamed when he heard the news.", "my son")[0] == "Mauricio"


def test_a_source_owned_by_a_common_noun_is_an_unnamed_source():
    # the voice's name leaves out "country’s" (the event's own country), not the body
    assert names("The toll rose to 1,000, according to the country’s military government.") == \
        [("military government", "", True)]
    assert names("The junta also reported that 68 people are still missing in the region.") == \
        [("junta", "", True)]


def test_a_country_or_a_us_state_is_never_a_speaker():
    assert names("“The border is closed,” Mexico said.") == []
    assert names("“The border is closed,” Texas said on Monday.") == []
    assert names("Myanmar said the toll had risen to 1,000 people in the region.") == []


def test_a_clause_before_x_told_a_hearer_is_reported():
    text = "Nine people were killed when a wall fell, Vice Mayor Ana Reyes told local radio on Sunday."
    assert speaker_of(text, "Nine people were killed") == ("Ana Reyes", "Vice Mayor")
    # "told reporters" followed by a clause of its own is not a hearer phrase ending the sentence
    a = text_article("Nine people were killed, Ana Reyes told reporters the dam held and the town was safe.")
    assert [a.text[q.start:q.end] for q in find_quotes(a)] == []


def test_what_he_called_is_the_subjects_words_not_the_objects():
    text = ("President Tom Hale spoke in Iowa on Monday. In an interview with the Daily Planet, Ryan hammered "
            "Hale for what he called his “utter failure” on jobs.")
    assert speaker_of(text, "utter failure")[0] == "Ryan"
    # the pronoun's gender rules out a subject of the other gender
    text = "Ms. Reid met Mr. Hale. Ms. Reid praised Mr. Hale for what he called “a fair deal.”"
    assert speaker_of(text, "fair deal")[0] == "Hale"


def test_a_given_name_before_a_particle_surname_is_no_role():
    assert speaker_of("“We won,” Marine Le Pen said.", "We won") == ("Marine Le Pen", "")
    # a title before such a surname stays the role
    assert speaker_of("“We won,” President Le Pen said.", "We won") == ("Le Pen", "President")


def test_a_name_in_quote_marks_is_nobodys_words():
    a = text_article("President Tom Hale will announce his tariffs on Wednesday, or “Liberation Day,” in the garden.")
    assert [(q.speaker_name, a.text[q.start:q.end]) for q in find_quotes(a)] == [("", "Liberation Day")]
    # right after the verb, capitalised words are still what was said
    assert speaker_of("Tom Hale said “We Will Win” at the rally.", "We Will Win")[0] == "Tom Hale"
    # a coinage after "described as" is the speaker's own
    assert speaker_of("Ana Cruz warned of what she described as a “Second Great War.”", "Second")[0] == "Ana Cruz"


# --- session of 2026-12-07, fourth: places, polls, one row per unnamed source, generations ----------

def test_a_place_inside_the_subjects_participle_phrase_is_not_the_speaker():
    # ", Ohio," after a place is its state, not an appositive role: the subject is the group
    text = ("Investigators looking into the crash involving a freight train near Dunmore, Ohio, say the "
            "engine was going too fast.")
    assert names(text) == [("Investigators", "", True)]


def test_a_share_of_a_group_in_a_poll_is_an_unnamed_source():
    assert names("A survey was published. Two-thirds of Americans said they wanted the law kept in place.") == \
        [("Two-thirds of Americans", "", True)]
    assert names("A survey was published. Half of Democrats said they wanted the law kept in place.") == \
        [("Half of Democrats", "", True)]
    # the party speaking as a body stays a named voice
    assert names("“We will not back down,” Democrats said in a statement.") == [("Democrats", "", False)]


def test_one_unnamed_source_is_one_row_whatever_its_determiner_or_number():
    text = ("“We are working,” an official said. Officials said the road was closed. “It is shut,” the "
            "official added. “Stay away,” said one official.")
    assert names(text) == [("official", "", True)]


def test_a_generation_after_a_surname_does_not_split_the_person():
    text = ("Mayor Ana Ruiz Alejandro IV said “we need water.” Later, Alejandro said “we need food and "
            "medicine.”")
    assert [n for n, _, _ in names(text)] == ["Ana Ruiz Alejandro IV"]


def test_they_is_the_plural_subject_of_the_sentence_before_the_quote():
    text = ("Justices Ann Bell, Mary Cole and Ruth Kane — the small liberal wing of the court — were in "
            "dissent.\n\n“With sorrow for this Court, we dissent,” they wrote.")
    assert speaker_of(text, "we dissent") == ("Ann Bell, Mary Cole and Ruth Kane", "")
    assert speaker_of("Senate Democrats met on Monday. “We will fight this,” they said.", "fight")[0] == \
        "Senate Democrats"
    assert names("Local officials met on Monday. “We will fight this,” they said.") == \
        [("Local officials", "", True)]
    # the sentence before opens with one person, or a group is only its object: "they" is unsure
    assert speaker_of("Ann Bell met Tom Hale on Monday. “We will fight this,” they said.", "fight")[0] == ""
    assert speaker_of("The mayor met residents on Monday. “We are angry,” they said.", "angry")[0] == ""


def test_a_place_after_a_group_stays_with_the_group_and_never_speaks():
    assert names("Officials in Washington said the road was closed for the whole day.") == \
        [("Officials in Washington", "", True)]
    # an unquoted block announced by "... wrote:" is the group's, not the court's ("on the Court")
    text = ("The ruling was six to three. The three liberals on the current Court wrote:\n\nThe majority "
            "would allow states to ban the practice from the start of the term.")
    assert names(text) == [("three liberals on the current Court", "", True)]


def test_an_office_that_speaks_first_is_the_person_quoted_next_without_a_role():
    text = ("Norland’s culture minister said the thieves were professionals. “It is a wound for the "
            "nation,” Ana Ruiz wrote on X.")
    assert names(text) == [("Ana Ruiz", "Norland’s culture minister", False)]
    # the next person has a role of their own, or "an official" is no one office: two voices
    text = ("Norland’s culture minister said the thieves were professionals. “We are fine,” resident Jane "
            "Doe said.")
    assert sorted(n for n, _, _ in names(text)) == ["Jane Doe", "Norland’s culture minister"]
    text = "An official said the road was closed to all traffic for the day. “It is shut,” Ana Ruiz said."
    assert sorted(n for n, _, _ in names(text)) == ["Ana Ruiz", "official"]
    # a museum between the office and the person is no one else named
    text = ("Norland’s culture minister said a robbery took place at the Tarvo Museum on Sunday. “A robbery "
            "took place this morning,” Ana Ruiz wrote on X.")
    assert names(text) == [("Ana Ruiz", "Norland’s culture minister", False)]
    # another person named in between: unsure, two voices
    text = ("Norland’s culture minister said a robbery took place while Tom Hale was away. “A robbery took "
            "place this morning,” Ana Ruiz wrote on X.")
    assert sorted(n for n, _, _ in names(text)) == ["Ana Ruiz", "Norland’s culture minister"]


def test_a_police_rank_is_a_role_and_jan_before_a_name_is_a_given_name():
    assert names("Police Captain Jan Elcid Layug said “the roads are blocked.”") == \
        [("Jan Elcid Layug", "Police Captain", False)]
    # "Jan 21" and "Jan. 21" stay dates
    assert [n for n, _, _ in names("On Jan. 21 Tom Hale said “the roads are blocked.”")] == ["Tom Hale"]


# --- trial coverage: titles, pluperfect verbs, "reminded them that", "by arguing" -------------------

def test_a_programmes_title_after_a_possessive_is_no_quote_of_the_guest():
    text = ("Investor Dan Ross, who runs a fund in Ohio, said prices were calm. Ross told KXTV's "
            "“Morning Desk.”")
    assert speaker_of(text, "Morning Desk") == ("", "")
    # a quote after a possessive that is speech, not a title, keeps its speaker
    assert speaker_of("Dan Ross told KXTV's reporter “we are ready.”", "we are ready")[0] == "Dan Ross"


def test_a_lead_prosecutor_after_the_quote_with_had_said():
    text = "The trial opened in March. “It was a cruel plan. It was cold,” lead prosecutor Maria Lindt had said."
    assert speaker_of(text, "cruel plan") == ("Maria Lindt", "lead prosecutor")


def test_reminded_them_that_is_speech():
    text = "Judge Peter Hallam spoke to the jurors. As Hallam reminded them that “you are still a jury.”"
    assert speaker_of(text, "still a jury")[0] == "Hallam"


def test_closing_by_arguing_that_gives_the_words_to_the_subject():
    text = "U.S. Attorney Tom Reyes, however, closed the hearing by arguing that “the evidence is plain.”"
    assert speaker_of(text, "evidence is plain") == ("Tom Reyes", "U.S. Attorney")


def test_a_time_after_the_place_of_an_unnamed_source():
    text = "Officials at the plant late Friday had warned that “the valve could fail.”"
    assert speaker_of(text, "valve could fail")[0] == "Officials at the plant"


def test_a_role_is_the_office_without_describing_words_or_a_relative_clause():
    assert speaker_of("Alex Moreno, a burly sledge-hammer-wielding volunteer, said: “We dig on.”", "dig on") == \
        ("Alex Moreno", "volunteer")
    assert speaker_of("“We worked all night,” said Rina Paz, a 29-year-old doctor who came to help.",
                      "all night") == ("Rina Paz", "doctor")
    # titles and classifying words stay
    assert speaker_of("“We worked all night,” said Rina Paz, a former deputy mayor.", "all night")[1] == \
        "former deputy mayor"
    assert speaker_of("“It will hold,” said Rina Paz, a structural engineer.", "will hold")[1] == \
        "structural engineer"
    assert speaker_of("Rina Paz, a civil defense official, said the clinic was “full.”", "full")[1] == \
        "civil defense official"


def test_revealed_that_is_speech_and_its_quoted_fragments_are_the_bodys():
    text = ("In a post on X, the Coastal Weather Service revealed that around 8 p.m. the “radar data” showed "
            "that “the eye” of the storm had “made landfall near Tarvo.”")
    assert [speaker_of(text, n)[0] for n in ("radar data", "the eye", "landfall")] == \
        ["Coastal Weather Service"] * 3


def test_a_body_before_a_leader_is_part_of_the_role():
    text = "The toll rose to 144, according to an address by junta leader Senior General Tan Lwin on Friday."
    assert speaker_of(text, "toll rose") == ("Tan Lwin", "junta leader Senior General")


def test_a_quote_after_a_reported_sentence_goes_on_with_its_speaker():
    text = ("The count went on. Mr Albanese, speaking as he left, said he wanted to unite the country. "
            "“I think people want to come together.”")
    assert speaker_of(text, "come together")[0] == "Albanese"
    assert speaker_of(text.replace(". “", ".\n\n“"), "come together")[0] == "Albanese"    # its own paragraph
    # a later quote of the same paragraph with its own speaker wins
    text = "Tom Hale said the bridge would not open. “It is safe.” “We checked,” Ann Lee replied."
    assert speaker_of(text, "It is safe")[0] == "Ann Lee"


def test_a_passives_agent_between_the_verb_and_the_quote_takes_the_words():
    text = ("Michel Barnier spoke last. He assured about his bill, qualified by the left in particular of “austerity”, "
            "before the vote.")
    assert speaker_of(text, "austerity") == ("", "")
    assert speaker_of("Ann Lee said, visibly moved, “we will rebuild.”", "rebuild")[0] == "Ann Lee"


def test_a_roles_scope_word_is_part_of_the_role():
    text = "The count remained subject to checks, regional Civil Defense spokesperson Jane Abapo confirmed."
    assert speaker_of(text, "subject to checks") == ("Jane Abapo", "regional Civil Defense spokesperson")
    assert speaker_of("“It is hard to move,” said local officer Glenn Ursal.", "hard to move")[1] == "local officer"


def test_the_sides_of_a_trial_are_unnamed_sources():
    text = "The trial went on. The prosecution has described the attack as a “cold, calculated act.”"
    assert speaker_of(text, "calculated act") == ("prosecution", "")
    assert speaker_of("The defense argued that “he was only 19.”", "only 19") == ("defense", "")


def test_the_holder_of_an_office_of_a_body_speaks_not_the_body():
    a = text_article("The minister of defense said that twelve people died in the town.")
    assert [q.speaker_name for q in find_quotes(a)] == ["minister of defense"]
    a = text_article("The head of the ministry said that twelve people died in the town.")
    assert [q.speaker_name for q in find_quotes(a)] == ["head of the ministry"]
    a = text_article("A group of officials said that twelve people died in the town.")
    assert [q.speaker_name for q in find_quotes(a)] == ["officials"]


def test_a_statement_issued_by_a_senator_with_a_party_tag_is_hers():
    text = ("Gov. Ann Lee (R) issued a statement in a post on X that as the storm made landfall, it was “time to "
            "shelter in place.”")
    assert speaker_of(text, "shelter in place") == ("Ann Lee", "Gov.")
    text = "Ann Lee issued a statement saying the plan was sound and would be kept."
    assert speaker_of(text, "plan was sound") == ("Ann Lee", "")
    a = text_article("Tom Hale left the room without saying a word to the press.")
    assert find_quotes(a) == ()
