"""Attribution rules, a speaker's name and role: titles and role words before the name, appositives and
role phrases, name suffixes and generations, given names that look like roles. One test each, on short
texts written for these tests."""
from __future__ import annotations

from attribution_texts import names, speaker_of


def test_role_words_are_not_names_and_honorifics_are_not_roles():
    assert names("“The water rose fast,” Volunteer Alex Osorio said.") == [("Alex Osorio", "volunteer", False)]
    assert names("Enter Ms. Lauten, a former aide. “Try harder,” Ms. Lauten wrote.") == \
        [("Lauten", "", False)]


def test_a_role_given_before_the_name_with_a_comma():
    assert speaker_of("The Times’ Moscow bureau chief, Anton Vell, said “it is the thorniest issue.”",
                      "thorniest") == ("Anton Vell", "Times’ Moscow bureau chief")


def test_a_title_run_before_a_name_is_the_role():
    assert names("“We will rule,” Supreme Court Justice Ruth Gale said.") == \
        [("Ruth Gale", "Supreme Court Justice", False)]


def test_a_body_in_the_role_words_before_a_name_is_the_persons_role():
    text = ("Rescuers dug through the night.\n\n“They are alive! Alive!” shouted Harbour Rescue volunteer Tomas "
            "Ibarra, 41. “We heard knocking from below,” he said.")
    assert speaker_of(text, "They are alive")[0] == "Tomas Ibarra"
    assert speaker_of(text, "We heard knocking") == ("Tomas Ibarra", "Harbour Rescue volunteer")


def test_a_body_and_role_nouns_before_a_name_after_the_verb():
    text = ("Teams reached the town at dawn. “We are still in the golden hour of the search,” said Office of "
            "Coastal Defense deputy administrator Ana Cruz, adding that the teams were tired.")
    assert speaker_of(text, "golden hour") == ("Ana Cruz", "Office of Coastal Defense deputy administrator")


def test_a_given_name_after_role_nouns_is_no_part_of_the_role():
    from analysis.signals.attribution.words import clean_role
    assert clean_role("Its leader Marine") == "leader"
    for kept in ("head of the Office of Management and Budget", "former Representative", "leader Senior General",
                 "president of Third Way", "Kremlin Spokesman", "candidate in the 16th District", "of the NFP"):
        assert clean_role(kept) == kept


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


def test_a_given_name_before_a_particle_surname_is_no_role():
    assert speaker_of("“We won,” Marine Le Pen said.", "We won") == ("Marine Le Pen", "")
    # a title before such a surname stays the role
    assert speaker_of("“We won,” President Le Pen said.", "We won") == ("Le Pen", "President")


def test_a_generation_after_a_surname_does_not_split_the_person():
    text = ("Mayor Ana Ruiz Alejandro IV said “we need water.” Later, Alejandro said “we need food and "
            "medicine.”")
    assert [n for n, _, _ in names(text)] == ["Ana Ruiz Alejandro IV"]


def test_a_police_rank_is_a_role_and_jan_before_a_name_is_a_given_name():
    assert names("Police Captain Jan Elcid Layug said “the roads are blocked.”") == \
        [("Jan Elcid Layug", "Police Captain", False)]
    # "Jan 21" and "Jan. 21" stay dates
    assert [n for n, _, _ in names("On Jan. 21 Tom Hale said “the roads are blocked.”")] == ["Tom Hale"]


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


def test_a_body_before_a_leader_is_part_of_the_role():
    text = "The toll rose to 144, according to an address by junta leader Senior General Tan Lwin on Friday."
    assert speaker_of(text, "toll rose") == ("Tan Lwin", "junta leader Senior General")


def test_a_roles_scope_word_is_part_of_the_role():
    text = "The count remained subject to checks, regional Civil Defense spokesperson Jane Abapo confirmed."
    assert speaker_of(text, "subject to checks") == ("Jane Abapo", "regional Civil Defense spokesperson")
    assert speaker_of("“It is hard to move,” said local officer Glenn Ursal.", "hard to move")[1] == "local officer"


def test_two_roles_joined_by_and_before_a_name_are_its_role():
    text = ("Culture Minister Ana Dorval said the museum was closed. Interior Minister and former police "
            "prefect Paul Nerac told the radio that the thieves broke windows. They fled on two motorcycles. "
            "The operation lasted seven minutes. “They acted very quickly,” the minister said.")
    assert speaker_of(text, "acted very quickly") == ("Paul Nerac", "Interior Minister and former police prefect")
    # a name before "and" is another person, not a role
    assert speaker_of("Culture Minister Ana Dorval and Interior Minister Paul Nerac said “we are sad.”",
                      "we are sad") == ("Paul Nerac", "Interior Minister")


def test_a_title_ending_in_a_plural_office_noun_is_the_role_not_the_name():
    text = ("Chief of Detectives Joseph Kenny said the shooter arrived on foot about five minutes before "
            "Tom Bell as people walked past a door.")
    assert speaker_of(text, "shooter arrived") == ("Joseph Kenny", "Chief of Detectives")
