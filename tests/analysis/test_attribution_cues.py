"""Attribution rules, the speech cue next to a quote: verbs before and after the quote, inverted speakers
("said resident Carol Pike"), "according to", and which verbs report speech. One test each, on short
texts written for these tests."""
from __future__ import annotations

import pytest
from attribution_texts import speaker_of

from analysis.signals.voices import find_quotes
from seeds import text_article


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


def test_a_surname_that_is_also_a_brand_is_a_person():
    text = ("Harold Bloomberg, the former mayor, spoke on Monday.\n\nIn the speech Bloomberg criticized Ann Cole, "
            "but argued that Cole was “a risk.” “I am a New Yorker,” he said.")
    assert speaker_of(text, "I am a New Yorker")[0] == "Bloomberg"     # not Cole


def test_party_in_brackets_and_a_clause_after_an_inverted_speaker():
    text = ("“Voters called for an end to spending,” said Rep. Mary Hale (R-Minn.), who leads the caucus, "
            "to a reporter. “These rules show that we are serious.”")
    assert speaker_of(text, "Voters called")[0] == "Mary Hale"
    assert speaker_of(text, "These rules show")[0] == "Mary Hale"
    assert speaker_of("“It is over,” said Rep. Tom Bell (D-Ohio).", "It is over")[0] == "Tom Bell"


def test_charged_that_is_a_cue_and_charged_with_is_not():
    assert speaker_of("Tom Bell also charged that Ann Gale had “left a record of debts.”", "record of debts")[0] \
        == "Tom Bell"
    a = text_article("Ann Gale was charged with fraud in May, and the case is “a mess.”")
    assert [q.speaker_name for q in find_quotes(a)] == [""]


def test_a_thought_verb_reports_no_speech_but_keeps_its_quote():
    text = ("Omar Haddad sat in silence for hours. He wondered how to tell his daughter that her school was "
            "gone.\n\n“Where are they now?” he wondered.")
    a = text_article(text)
    found = [(q.kind, q.speaker_name, a.text[q.start:q.end]) for q in find_quotes(a)]
    assert found == [("direct", "Omar Haddad", "Where are they now?")]


def test_a_clause_before_an_inverted_speaker_is_reported_with_the_role_after_the_name():
    text = ("In Puerto Lindo, near Santa Ines, at least 12 residents were killed as they slept, said Rosa Lindqvist, "
            "head of the local disaster office.")
    a = text_article(text)
    found = [(q.kind, q.speaker_name, q.role, a.text[q.start:q.end]) for q in find_quotes(a)]
    assert found == [("reported", "Rosa Lindqvist", "head of the local disaster office",
                      "In Puerto Lindo, near Santa Ines, at least 12 residents were killed as they slept")]


def test_assured_is_a_speech_verb():
    text = "Tomas Berg defended the bill. “It is not for pleasure that I presented it,” he assured the deputies."
    assert speaker_of(text, "not for pleasure")[0] == "Tomas Berg"


def test_termed_and_screamed_are_speech_verbs():
    assert speaker_of("The far-right National Rally termed the budget “unacceptable”.", "unacceptable")[0] == \
        "National Rally"
    assert speaker_of("“He was my son, too,” Mauricio screamed when he heard the news.", "my son")[0] == "Mauricio"


def test_a_clause_before_x_told_a_hearer_is_reported():
    text = "Nine people were killed when a wall fell, Vice Mayor Ana Reyes told local radio on Sunday."
    assert speaker_of(text, "Nine people were killed") == ("Ana Reyes", "Vice Mayor")
    # "told reporters" followed by a clause of its own is not a hearer phrase ending the sentence
    a = text_article("Nine people were killed, Ana Reyes told reporters the dam held and the town was safe.")
    assert [a.text[q.start:q.end] for q in find_quotes(a)] == []


def test_a_lead_prosecutor_after_the_quote_with_had_said():
    text = "The trial opened in March. “It was a cruel plan. It was cold,” lead prosecutor Maria Lindt had said."
    assert speaker_of(text, "cruel plan") == ("Maria Lindt", "lead prosecutor")


def test_reminded_them_that_is_speech():
    text = "Judge Peter Hallam spoke to the jurors. As Hallam reminded them that “you are still a jury.”"
    assert speaker_of(text, "still a jury")[0] == "Hallam"


def test_added_with_an_object_is_no_speech():
    # "added" of a thing scored or put in: speech only with a quote, a that-clause or ", she added."
    a = text_article("Winger Tomas Berg added Vastora's second goal after a sweeping move down the left.")
    assert [q.speaker_name for q in find_quotes(a)] == []
    a = text_article("The club added three new players to its squad on Monday, coach Ana Reyes announced.")
    assert [q.speaker_name for q in find_quotes(a)] == ["Ana Reyes"]
    assert speaker_of("Coach Ana Reyes added that the squad was tired after the trip.", "squad was tired")[0] == \
        "Ana Reyes"
    assert speaker_of("The squad was tired after the long trip, Ana Reyes added.", "squad was tired")[0] == \
        "Ana Reyes"


@pytest.mark.parametrize("verb", ["remarked", "commented", "observed", "declared", "announced"])
def test_a_speaker_after_remarked_and_its_kind(verb):
    text = f"The rocket landed at dawn. “That looked like magic,” {verb} flight director Dan Ruest on air."
    assert speaker_of(text, "looked like magic")[0] == "Dan Ruest"


def test_an_unnamed_source_inside_a_named_speakers_report_is_the_speakers_quote():
    text = ("Labour leader Tom Harwick spoke. Harwick said people around the country had declared they "
            "were “ready for change”.")
    assert speaker_of(text, "ready for change")[0] == "Harwick"
    # a clause of its own after a comma: the unnamed source speaks
    assert speaker_of("Tom Harwick said the vote was over, officials declared it “a clear result”.",
                      "a clear result")[0] == "officials"


@pytest.mark.parametrize("text, needle, speaker", [
    ("“I did my job,” substitute Oyarzabal said after the game.", "my job", "Oyarzabal"),
    ("“I did my job,” Spanish winger Tomas Berg said.", "my job", "Tomas Berg"),
    ("India landed. “India is on the moon,” said S. Somanath, the chief of the space agency.", "on the moon",
     "Somanath"),
])
def test_a_descriptor_or_initials_between_the_quote_and_the_speaker(text, needle, speaker):
    assert speaker_of(text, needle)[0] == speaker


def test_a_function_word_between_the_quote_and_a_name_is_no_descriptor():
    a = text_article("“We won,” then Tomas Berg said nothing more.")
    assert [q.speaker_name for q in find_quotes(a)] == [""]


def test_a_descriptor_before_a_name_whose_verb_comes_later_gives_no_speaker():
    a = text_article("The post states that, “as part of the transition,” co-founder Tom Berg will step down as "
                     "chair but will stay at the company, reporting to the chief executive.")
    assert [q.speaker_name for q in find_quotes(a) if q.kind == "direct"] == [""]


@pytest.mark.parametrize("text", [
    "Hours later, Tomas Berg in a tweet wrote, “the bird is freed.”",
    "Tomas Berg on Tuesday in a statement said “the bird is freed.”",
])
def test_where_the_words_appeared_between_the_speaker_and_the_verb(text):
    assert speaker_of(text, "bird is freed")[0] == "Tomas Berg"


def test_a_speech_verb_denied_gives_no_words():
    a = text_article("Police have yet to suggest a motive and would not confirm a report that the words “delay” "
                     "and “deny” were written on the casings. Police didn't say whether the man was armed.")
    assert [(q.speaker_name, a.text[q.start:q.end]) for q in find_quotes(a)] == [("", "delay"), ("", "deny")]
