"""Attribution rules, quotes over several sentences and paragraphs, unquoted statements and documents, and
quote marks around names or titles that are nobody's words. One test each, on short texts written for
these tests."""
from __future__ import annotations

from attribution_texts import names, speaker_of

from analysis.signals.voices import find_quotes
from seeds import text_article


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


def test_an_unquoted_paragraph_after_saying_colon_is_the_speakers():
    text = ("Justice Ann Gale criticized the nominee on Monday.\n\nAnd Tom Bell himself lashed out online, "
            "saying:\n\nJustice Gale has embarrassed all of us. Her mind is shot!\n\nThe storm went on.")
    assert speaker_of(text, "Her mind is shot")[0] == "Tom Bell"


def test_a_document_speaks_for_whoever_the_article_gave_it_to():
    text = ("The Lee campaign retorted with an ad of its own on Tuesday. The ad says: “You paid in for years. "
            "Why? To pay for the plan.”\n\nClose to three dozen lawmakers signed a letter from Representative "
            "Peter Welk. The letter says the president “should not back down.”\n\n"
            "Ann Cole said the lawsuit was without merit.\n\nThe lawsuit says the state is “a victim.”")
    assert speaker_of(text, "To pay for the plan")[0] == "Lee campaign"
    assert speaker_of(text, "should not back down")[0] == "Peter Welk"
    assert speaker_of(text, "a victim")[0] == ""     # "the lawsuit" again is not Ann Cole's


def test_according_to_a_document_by_a_person_is_that_persons():
    text = ("The toll rose to 144, according to an official address by junta leader Senior General Aung Tin "
            "on Friday. The roads were shut, according to a statement from Ana Cruz.")
    assert [n for n, _, _ in names(text)] == ["Aung Tin", "Ana Cruz"]


def test_a_name_in_quote_marks_is_nobodys_words():
    a = text_article("President Tom Hale will announce his tariffs on Wednesday, or “Liberation Day,” in the garden.")
    assert [(q.speaker_name, a.text[q.start:q.end]) for q in find_quotes(a)] == [("", "Liberation Day")]
    # right after the verb, capitalised words are still what was said
    assert speaker_of("Tom Hale said “We Will Win” at the rally.", "We Will Win")[0] == "Tom Hale"
    # a coinage after "described as" is the speaker's own
    assert speaker_of("Ana Cruz warned of what she described as a “Second Great War.”", "Second")[0] == "Ana Cruz"


def test_a_programmes_title_after_a_possessive_is_no_quote_of_the_guest():
    text = ("Investor Dan Ross, who runs a fund in Ohio, said prices were calm. Ross told KXTV's "
            "“Morning Desk.”")
    assert speaker_of(text, "Morning Desk") == ("", "")
    # a quote after a possessive that is speech, not a title, keeps its speaker
    assert speaker_of("Dan Ross told KXTV's reporter “we are ready.”", "we are ready")[0] == "Dan Ross"


def test_revealed_that_is_speech_and_its_quoted_fragments_are_the_bodys():
    text = ("In a post on X, the Coastal Weather Service revealed that around 8 p.m. the “radar data” showed "
            "that “the eye” of the storm had “made landfall near Tarvo.”")
    assert [speaker_of(text, n)[0] for n in ("radar data", "the eye", "landfall")] == \
        ["Coastal Weather Service"] * 3


def test_a_quote_after_a_reported_sentence_goes_on_with_its_speaker():
    text = ("The count went on. Mr Albanese, speaking as he left, said he wanted to unite the country. "
            "“I think people want to come together.”")
    assert speaker_of(text, "come together")[0] == "Albanese"
    assert speaker_of(text.replace(". “", ".\n\n“"), "come together")[0] == "Albanese"    # its own paragraph
    # a later quote of the same paragraph with its own speaker wins
    text = "Tom Hale said the bridge would not open. “It is safe.” “We checked,” Ann Lee replied."
    assert speaker_of(text, "It is safe")[0] == "Ann Lee"


def test_a_statement_issued_by_a_senator_with_a_party_tag_is_hers():
    text = ("Gov. Ann Lee (R) issued a statement in a post on X that as the storm made landfall, it was “time to "
            "shelter in place.”")
    assert speaker_of(text, "shelter in place") == ("Ann Lee", "Gov.")
    text = "Ann Lee issued a statement saying the plan was sound and would be kept."
    assert speaker_of(text, "plan was sound") == ("Ann Lee", "")
    a = text_article("Tom Hale left the room without saying a word to the press.")
    assert find_quotes(a) == ()
