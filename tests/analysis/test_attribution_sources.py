"""Attribution rules, who is a voice: people and bodies that speak, offices and their holders, proxies
("X's office"), unnamed sources and groups apart, never a medium, a place or a country. One test each,
on short texts written for these tests."""
from __future__ import annotations

from attribution_texts import names, speaker_of

from analysis.signals.voices import find_quotes
from seeds import text_article


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


def test_an_outlet_is_no_voice_under_any_of_its_names():
    text = ("The Wall Street Journal reported on the talks.\n\n“Officials made little progress,” according to "
            "the Journal.")
    assert names(text) == []


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


def test_an_unnamed_source_opening_the_sentence_not_the_place_after_in():
    text = ("The mosque fell at noon. A witness who survived the collapse of the mosque in Tarvo described the "
            "chaos: “Suddenly we heard a loud rumbling, and then it collapsed.”")
    assert speaker_of(text, "loud rumbling") == ("witness", "")
    assert names(text) == [("witness", "", True)]


def test_a_medium_a_name_owns_is_no_voice_and_neither_is_the_name():
    assert names("At least 144 people were killed, according to Norland’s state television.") == []


def test_officials_opening_a_sentence_are_an_unnamed_source():
    assert names("The port was closed. Officials said that more people were missing in the north.") == \
        [("Officials", "", True)]


def test_one_volunteer_is_an_unnamed_source_and_one_mother_comma_name_is_the_name():
    text = ("The minister said 21 children died.\n\n“They were small children,” one volunteer told reporters.\n\n"
            "“No one can imagine the pain I am in,” said one mother, Ana Marsh, who was standing outside.")
    assert speaker_of(text, "small children") == ("volunteer", "")
    assert speaker_of(text, "No one can imagine") == ("Ana Marsh", "mother")


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


def test_the_office_of_a_person_named_by_a_role_speaks_for_that_person():
    text = "Mayor Ruth Gale visited the dam on Monday. “Help is coming,” the mayor's office said in a statement."
    assert speaker_of(text, "Help is coming") == ("Ruth Gale", "office")
    # with no mayor named, the office is an unnamed source
    assert names("“Help is coming,” the mayor's office said.") == [("mayor's office", "", True)]


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


def test_a_time_after_the_place_of_an_unnamed_source():
    text = "Officials at the plant late Friday had warned that “the valve could fail.”"
    assert speaker_of(text, "valve could fail")[0] == "Officials at the plant"


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


def test_the_company_behind_a_product_is_the_company_not_the_product():
    text = ("Voltix fired its chief executive on Friday. The company behind the hugely popular Zephyr phone "
            "announced this surprise “leadership transition” in a blog post.")
    assert speaker_of(text, "leadership transition")[0] == "Voltix"
    text = "Voltix fired its chief on Friday. The firm that makes the Zephyr phone said “we are sorry.”"
    assert speaker_of(text, "we are sorry")[0] == "Voltix"


def test_a_news_agency_described_is_a_medium_and_the_agency_named_before_is_the_body():
    a = text_article("According to the French news agency AFP, the thieves used a lift. "
                     "The thieves fled, the state broadcaster said.")
    assert [q.speaker_name for q in find_quotes(a)] == []
    text = ("The Coastal Survey Organisation (CSO) launched the probe in May. The probe found ice near "
            "the pole, the agency said.")
    assert speaker_of(text, "found ice")[0] == "Coastal Survey Organisation"
