"""Whom "he", "she" and a description ("the governor", "the Paris prosecutor") point back to: the
person the article means, or no one -- never a person of the other gender, another office's holder
or a place named after a person.  Short texts written for these tests."""
from __future__ import annotations

from analysis.signals.voices import find_quotes
from seeds import text_article


def speakers(text: str) -> dict[str, str]:
    """The first words of each quote -> its speaker's name ("" when none)."""
    a = text_article(text)
    return {" ".join(a.text[q.start:q.end].split()[:3]): q.speaker_name for q in find_quotes(a)}


def test_a_pronoun_no_other_person_of_the_sentence_can_take_gives_a_gender():
    # "she" in a sentence that names Harris and a man known as one can only be Harris
    text = ("Vice President Kamala Harris watched the address from Houston, where she met Joe Biden.\n\n"
            "Harris, of Indian descent, has become the nominee.\n\n"
            "“We are at an inflection point,” he said.")
    assert speakers(text) == {"We are at": "Joe Biden"}


def test_a_description_is_not_a_person_holding_another_office():
    text = ("Gov. Wes Moore spoke on Tuesday. Moore met the families.\n\n"
            "Six people are missing, the state’s transport secretary said.")
    a = text_article(text)
    assert [(q.kind, q.speaker_name) for q in find_quotes(a)] == []


def test_a_description_is_not_a_place_named_after_a_person():
    text = ("Two suspects were held as one was about to fly out from Charles de Gaulle airport, "
            "the Paris prosecutor said on Sunday.\n\n"
            "Paris prosecutor Laure Beccuau gave no names.")
    a = text_article(text)
    assert [q.speaker_name for q in find_quotes(a)] == []


def test_a_description_after_the_verb_names_the_person_with_that_role():
    text = ("Gov. Wes Moore spoke on Tuesday.\n\n"
            "“We are heartbroken,” said the governor.\n\n"
            "“They are heroes,” said the governor, who met the families.")
    assert speakers(text) == {"We are heartbroken": "Wes Moore", "They are heroes": "Wes Moore"}


def test_a_name_with_a_suffix_before_an_insertion_is_the_speaker():
    text = ("Col. Roland Butler Jr., with the Harbor State Police, said divers would return at dawn.\n\n"
            "Roland Butler Jr., superintendent for the Harbor State Police, said the water was cold.")
    a = text_article(text)
    assert [q.speaker_name for q in find_quotes(a)] == ["Roland Butler", "Roland Butler"]


def test_the_company_and_the_board_are_the_body_the_article_named():
    text = ("Dana Marsh was fired by Voltix on Friday.\n\n"
            "“She was not candid with the board,” the company said in a statement.\n\n"
            "“We thank her for her work,” the board said.\n\n"
            "“We wish her well,” said the company.")
    a = text_article(text)
    assert [(q.speaker_name, q.role) for q in find_quotes(a)] == [
        ("Voltix", ""), ("Voltix", "board"), ("Voltix", "")]


def test_the_company_is_no_one_when_two_bodies_are_named_alike():
    text = ("Voltix and Cortel ended their deal on Friday.\n\n"
            "“It was not working,” the company said.")
    assert speakers(text) == {"It was not": ""}


def test_the_museum_is_the_body_whose_name_ends_with_the_noun():
    # "Harlow Museum" is no person's name; two names before it are each named once
    text = ("Thieves broke into the Harlow Museum and took the Amber Crown from the Vasa collection.\n\n"
            "The museum announced that it would stay closed on Monday.")
    a = text_article(text)
    assert [(q.kind, q.speaker_name) for q in find_quotes(a)] == [("reported", "Harlow Museum")]


def test_a_place_adjective_is_no_person_a_pronoun_could_name():
    # "Miami-based" is no one's name: "he" has no man to point back to
    text = ("“The storm will turn north,” the Miami-based forecaster said.\n\n"
            "Ruth Gale spoke later. “It is over,” he stated.")
    assert speakers(text) == {"The storm will": "", "It is over": ""}


def test_a_person_named_by_an_indefinite_noun_is_an_unnamed_source():
    text = ("“It was a fair trial,” said a doctor who treated the victims.\n\n"
            "“It was bad,” an emergency nurse said.")
    a = text_article(text)
    assert [(q.speaker_name, q.unnamed) for q in find_quotes(a)] == [("doctor", True), ("emergency nurse", True)]


def test_a_lawyer_is_a_voice_of_its_own_not_the_clients():
    text = ("Dana Marsh was charged on Monday.\n\n"
            "“She is innocent,” a lawyer for Marsh said.\n\n"
            "“We disagree,” Marsh’s spokesman said.")
    a = text_article(text)
    assert [(q.speaker_name, q.role) for q in find_quotes(a)] == [("Dana Marsh’s lawyer", ""),
                                                                  ("Marsh", "spokesman")]


def test_a_bare_title_before_the_verb_is_the_person_the_article_gives_it():
    from attribution_texts import speaker_of
    text = "Alpha Bank founder and CEO Ann Lee spoke on Monday. CEO says the deal will “accelerate growth”."
    assert speaker_of(text, "accelerate growth")[0] == "Ann Lee"
    # no one holds the title: no speaker rather than a voice called "CEO"
    from analysis.signals.voices import find_quotes
    from seeds import text_article
    a = text_article("The deal closed on Monday. CEO says “we are happy.”")
    assert [q.speaker_name for q in find_quotes(a)] == [""]
