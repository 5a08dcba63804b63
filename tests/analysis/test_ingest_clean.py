"""The cleaner's rules on small made-up pages: what is furniture, and what must stay body text."""
from __future__ import annotations

import pytest

from analysis.ingest.clean import clean
from analysis.ingest.furniture import classify
from analysis.ingest.metadata import iso_date, outlet_from_path, split_title_suffix

BODY = ("European leaders held emergency talks in Paris on Monday as US and Russian officials "
        "prepared to meet in Saudi Arabia.")
BODY2 = "The meeting focused on the potential deployment of European troops to Ukraine after a deal."


def reasons(text: str, **kw) -> list[tuple[int, str]]:
    return [(r.line, r.reason) for r in clean(text, **kw).removed]


@pytest.mark.parametrize("line, reason", [
    ("Skip to content", "navigation"), ("Menu", "navigation"), ("menu", "navigation"),
    ("arrow_upward", "navigation"), ("keyboard_arrow_down", "navigation"),
    ("EnglishAzərbaycanРусский", "language switcher"), ("English", "language switcher"),
    ("Français | Deutsch | Español", "language switcher"),
    ("Name Surname | Agency | Getty Images", "photo credit"),
    ("Anadolu | Anadolu | Getty Images", "photo credit"), ("Tom Nicholson | Getty Images", "photo credit"),
    ("BENOIT DURAND/Hans Lucas/AFP via Getty Images", "photo credit"),
    ("Photo: Reuters", "photo credit"), ("(Photo by Jane Doe/AFP)", "photo credit"),
    ("Leaders meet in Paris on 17 February 2025. (Photo by Jane Doe/AFP via Getty Images)",
     "photo caption and credit"),
    ("Read more: Click here", "read more link"), ("Continue reading", "read more link"),
    ("Leave a Comment", "comments link"), ("12 Comments", "comments link"),
    ("Source link", "source link"), ("World News || Latest News || U.S. News", "section links"),
    ("Facebook Twitter Email", "share buttons"), ("Share this article", "share buttons"),
    ("Advertisement", "advertisement"), ("Tags: Ukraine, Russia, NATO", "tags"),
    ("© 2025 Cable News Network. All Rights Reserved.", "copyright"),
    ("You need to enable JavaScript to run this app.", "browser notice"),
    # a radio station's player above its story, a live blog's link, a comment section's rules
    ("Play Live Radio", "media player"), ("Next Up:", "media player"), ("0:00 0:00", "media player"),
    ("Available On Air Stations", "media player"), ("LIVE BLOG: Updates on the storm", "related link"),
    ("We invite you to use our commenting platform to engage in conversations. We reserve the right to "
     "remove anything abusive, defamatory, obscene or vulgar.", "comments policy"),
    ("Jane Doe, Getty Images", "photo credit"),
    ("Also Read | Rescuers pull a woman from the rubble after 60 hours", "read more link"),
])
def test_furniture_lines(line, reason):
    assert classify(line) == reason


@pytest.mark.parametrize("line", [
    BODY, "Introduction", "Conclusion", "Ukraine and Europe frozen out",
    "The menu of options on the table included troops, money and sanctions.",
    "He said 24/7 coverage by AP was the norm for the summit in Paris this week.",
    "NATO Secretary Mark Rutte told CNN that the Paris talks were a chance for leaders.",
    "Share prices fell in Moscow.", "English is the working language of NATO, officials said.",
    "Es", "UK",  # two-letter codes count as language switchers only at the top of a page
    "Source: officials close to the talks said the plan was dead on arrival in Kyiv yesterday.",
    "The minister said the comment section of the report was rewritten.", "Watch the skies tonight.",
    "At 9:30 the doors opened.", "Live coverage of the vote ran all night on state television.",
])
def test_body_lines_are_not_furniture(line):
    assert classify(line) is None


def test_language_codes_only_at_the_top():
    assert classify("En", top=True) == "language switcher"
    assert classify("EN | RU | AZ", top=True) == "language switcher"
    assert classify("En") is None


def test_caption_above_credit_is_removed_with_it():
    text = "\n".join([BODY, "President Emmanuel Macron (R) greets leaders at the Elysee Palace on "
                      "Feb. 17, 2025, in Paris.", "Tom Nicholson | Getty Images", BODY2])
    assert reasons(text) == [(1, "photo caption"), (2, "photo credit")]


def test_body_paragraph_above_credit_stays():
    # Quotes someone, has no date and no (L)/(R) marker: body text, even right above a credit.
    quoted = "“We are ready to step up,” Starmer said after the meeting in Paris with other leaders."
    plain = "Leaders agreed to meet again next month to discuss spending and troops for Ukraine."
    for line in (quoted, plain):
        text = "\n".join([BODY, line, "Tom Nicholson | Getty Images", BODY2])
        assert reasons(text) == [(2, "photo credit")]


def test_related_label_takes_its_headline_but_not_a_sentence():
    text = "\n".join([BODY, "Related article", "An isolated Europe worries about talks", BODY2])
    assert reasons(text) == [(1, "related link"), (2, "related link")]
    text = "\n".join([BODY, "Related article", BODY2])
    assert reasons(text) == [(1, "related link")]


def test_header_dateline_byline_title():
    text = "\n".join(["Updated 6:05 AM EST, Mon February 17, 2025", "By Jane Doe and John Roe, CNN",
                      "Europe scrambles for a response – Reuters", BODY, BODY2])
    result = clean(text)
    assert [(r.line, r.reason) for r in result.removed] == [(0, "dateline"), (1, "byline"),
                                                             (2, "title")]
    assert result.found == {"date": ("2025-02-17", "dateline"),
                            "author": ("Jane Doe and John Roe", "byline"),
                            "title": ("Europe scrambles for a response", "first line"),
                            "outlet": ("Reuters", "title suffix")}
    assert result.text == BODY + "\n" + BODY2


def test_dates_inside_body_sentences_are_not_datelines():
    text = "\n".join(["Leaders met in Paris on February 17, 2025, to discuss troops for Ukraine.", BODY])
    result = clean(text)
    assert result.removed == () and "date" not in result.found


def test_a_long_first_line_is_not_a_title():
    result = clean(BODY + "\n" + BODY2)
    assert result.removed == () and "title" not in result.found


def test_a_lone_line_is_the_article_not_its_title():
    assert clean("Europe scrambles for a response").removed == ()


def test_title_copies_anywhere_are_removed():
    text = "\n".join(["Europe scrambles for a response – CNN", BODY,
                      "Europe scrambles for a response", BODY2])
    assert reasons(text) == [(0, "title"), (2, "repeated title")]


def test_known_title_from_html_marks_the_headline():
    text = "\n".join(["Europe scrambles for a response", BODY, BODY2])
    result = clean(text, known_title="Europe scrambles for a response")
    assert [(r.line, r.reason) for r in result.removed] == [(0, "title")]
    assert "title" not in result.found  # the page's metadata supplies it, not the text


def test_blank_line_runs_collapse_to_one_paragraph_break():
    text = "\n".join([BODY, "", "Menu", "", BODY2])
    assert clean(text).text == BODY + "\n\n" + BODY2


def test_markdown_renders_and_records_markup_lines():
    text = "\n".join(["# Europe scrambles for a response", "![Leaders](photo.jpg)",
                      "European **leaders** met in [Paris](https://example.org) on Monday as US "
                      "officials prepared talks.", "---", BODY2])
    result = clean(text, is_markdown=True)
    assert [(r.line, r.reason) for r in result.removed] == [(0, "title"), (1, "image"),
                                                             (3, "formatting")]
    assert result.removed[0].text == "# Europe scrambles for a response"  # restorable as written
    assert result.found["title"][0] == "Europe scrambles for a response"
    assert result.text.split("\n")[0] == ("European leaders met in Paris on Monday as US officials "
                                          "prepared talks.")


@pytest.mark.parametrize("line, expected", [
    ("Barred from US-Russia talks on Ukraine – CNN", ("Barred from US-Russia talks on Ukraine", "CNN")),
    ("Talks begin in Riyadh | The New York Times", ("Talks begin in Riyadh", "The New York Times")),
    ("Talks begin in Riyadh – Live updates", ("Talks begin in Riyadh – Live updates", None)),
    ("Talks begin in Riyadh - analysis of the day", ("Talks begin in Riyadh - analysis of the day", None)),
    ("US-Russia talks begin", ("US-Russia talks begin", None)),
])
def test_title_suffix(line, expected):
    assert split_title_suffix(line) == expected


@pytest.mark.parametrize("text, iso", [
    ("February 16, 2025", "2025-02-16"), ("Feb. 17, 2025", "2025-02-17"),
    ("16 February 2025", "2025-02-16"), ("2025-02-17T14:05:00Z", "2025-02-17"),
    ("Sept 3rd, 2025", "2025-09-03"), ("February 30, 2025", None), ("on Thursday", None),
])
def test_iso_date(text, iso):
    assert iso_date(text) == iso


def test_outlet_from_file_names():
    assert outlet_from_path("seeds/000_9770286f32923fcf.txt", "a1") == (
        "Article 1", "fallback (file name is not readable)")
    assert outlet_from_path("/tmp/bbc_news.txt", "a2") == ("bbc news", "file name")
    assert outlet_from_path("/tmp/2025-02-17.txt", "a7")[0] == "Article 7"


@pytest.mark.parametrize("opening, dateline", [
    ("WASHINGTON — The council voted.", "WASHINGTON — "),
    ("WASHINGTON—The council voted.", "WASHINGTON—"),
    ("NEW YORK (Reuters) - The council voted.", "NEW YORK (Reuters) - "),
    ("KYIV, Ukraine (AP) — The council voted.", "KYIV, Ukraine (AP) — "),
    ("PARIS, Feb 17 (Reuters) - The council voted.", "PARIS, Feb 17 (Reuters) - "),
    ("Lyon (AFP) - The council voted.", "Lyon (AFP) - "),
    ("(CNN) — The council voted.", "(CNN) — "),
    ("NEW DELHI: The council voted.", "NEW DELHI: "),
    ("CEBU, Philippines: The council voted.", "CEBU, Philippines: "),
    # No dateline: a sentence that opens with a capital word, a compound, a name and a colon.
    ("A member said — twice — that it voted.", ""),
    ("U.S.-Canadian talks ended on Monday.", ""),
    ("Paris — the city — voted.", ""),
    ("Olsen: we voted.", ""),
])
def test_lead_dateline_span(opening, dateline):
    from analysis.ingest.clean import lead_dateline
    assert opening[:lead_dateline(opening)] == dateline


def test_a_dateline_is_metadata_not_part_of_the_first_sentence():
    from analysis import load_article
    from analysis.export.json_contract import _article
    text = ("Council backs new tram line\n\nRIVERTON (Reuters) - The city council approved a tram line "
            "worth $2 billion on Tuesday.\n\nThe mayor said work would start in May.")
    a = load_article(text, kind="paste", article_id="a1")
    assert a.dateline == "RIVERTON (Reuters) -"
    assert a.sentences[0].text == "The city council approved a tram line worth $2 billion on Tuesday."
    assert a.text[a.sentences[0].start:a.sentences[0].end] == a.sentences[0].text
    assert a.text.startswith("RIVERTON (Reuters) - The city")           # the text itself is unchanged
    assert all(t.start >= a.sentences[0].start for t in a.tokens)       # no word of the dateline
    assert a.outlet == "Reuters"                                          # the agency still names it
    assert _article(a, {})["dateline"] == "RIVERTON (Reuters) -"
    plain = load_article(text.replace("RIVERTON (Reuters) - ", ""), kind="paste", article_id="a2")
    assert plain.dateline is None and plain.sentences[0].text.startswith("The city council")


def test_a_caption_whose_credit_follows_a_label_goes_with_its_duplicate():
    # The caption "... Pic: Agency Image/Name" had become the article's title, and a caption printed
    # twice (plain, then behind a "Camera Icon" glyph with "Credit: ...") stayed as a sentence.
    text = "\n".join(["Mayor Ana Ruiz. Pic: Metro Image/Lee Park", BODY,
                      "Mayor Ana Ruiz opens the new bridge over the river in Ostend on Monday morning.",
                      "Camera IconMayor Ana Ruiz opens the new bridge over the river in Ostend on Monday "
                      "morning. Credit: Metro News, Lee Park", "READ NOW", BODY2])
    assert reasons(text) == [(0, "photo caption and credit"), (2, "photo caption"),
                             (3, "photo caption and credit"), (4, "read more link")]
    for sentence in ("Officials named the cause. Credit: card fraud, they said.",
                     "He gave one reason: Money."):
        assert classify(sentence) is None


def test_a_contributor_byline_on_two_lines_and_a_wire_caption_with_its_code():
    # "Name" over "Special for USA TODAY" stayed as the story's first sentence, and an AP caption
    # ending "(AP Photo/Name, File) ORG XMIT: BX101" as its second.
    caption = ("FILE - In this March 5, 2025 file courtroom sketch, Ana Ruiz, center, is depicted between "
               "her lawyers. (AP Photo/Lee Park, File) ORG XMIT: BX101")
    text = "\n".join(["Europe scrambles for a response", "G. Lee Moore", "Special for USA TODAY", caption,
                      BODY, BODY2])
    result = clean(text)
    assert [(r.line, r.reason) for r in result.removed] == [
        (0, "title"), (1, "byline"), (2, "byline"), (3, "photo caption and credit")]
    assert result.found["author"] == ("G. Lee Moore", "byline")
    # a short line of names above an ordinary first sentence is no byline
    assert reasons("\n".join(["Europe scrambles for a response", "Ana Ruiz", BODY, BODY2]))[:1] == [(0, "title")]


def test_a_date_label_opening_the_body_is_the_pages_date_not_lede_text():
    # Saved pages open their text with "date 2023-11-23 ..."; the label was read as the lede's
    # first words (and, with no headline, as the title).
    from analysis import load_article
    text = ("Council backs new tram line\n\ndate 2025-03-04 The city council approved a tram line on "
            "Tuesday.\n\nThe mayor said work would start in May.")
    a = load_article(text, kind="paste", article_id="a1")
    assert (a.date, a.metadata_origin["date"]) == ("2025-03-04", "date label")
    assert a.dateline == "date 2025-03-04"
    assert a.sentences[0].text == "The city council approved a tram line on Tuesday."
    untitled = load_article("date 2025-03-04 The city council approved a tram line on Tuesday. The "
                            "mayor said work would start in May.", kind="paste", article_id="a2")
    assert untitled.date == "2025-03-04" and untitled.title.startswith("The city council approved")
    alone = load_article(text.replace("date 2025-03-04 ", "Date: 2025-03-04\n\n"), kind="paste",
                         article_id="a3")
    assert alone.date == "2025-03-04" and alone.sentences[0].text.startswith("The city council")
    assert [r.reason for r in alone.removed] == ["title", "dateline"]


def test_a_date_label_is_followed_by_the_datelines_it_opens():
    # "date 2024-02 Feb 19 (Reuters) - Acme Corp:": a label of the month alone, completed by the
    # wire's day; the dateline after a label stayed in the first sentence.
    from analysis import load_article
    brief = load_article("Acme to buy Borland\n\ndate 2024-02 Feb 19 (Reuters) - Acme Holdings Corp said it "
                         "would buy Borland.\n\nThe deal is worth $3 billion.", kind="paste", article_id="a1")
    assert brief.date == "2024-02-19"
    assert brief.sentences[0].text == "Acme Holdings Corp said it would buy Borland."
    full = load_article("Acme to buy Borland\n\ndate 2024-02-19 LONDON (Reuters) - Acme said it would buy "
                        "Borland.\n\nThe deal is worth $3 billion.", kind="paste", article_id="a2")
    assert full.date == "2024-02-19" and full.sentences[0].text == "Acme said it would buy Borland."
    # a month label whose next words give another month's day is only the month: no date
    other = load_article("Acme to buy Borland\n\ndate 2024-02 Mar 19 (Reuters) - Acme said it would buy "
                         "Borland.\n\nThe deal is worth $3 billion.", kind="paste", article_id="a3")
    assert other.date is None


def test_a_signpost_ending_a_saved_opening_is_a_subheading():
    # A page's stored opening stopped right after a signpost: "Panic in the museum" became the
    # last sentence of the article.
    text = f"Thieves rob the museum\n\n{BODY}\n\n{BODY2}\n\nPanic in the museum"
    assert reasons(text)[-1] == (6, "subheading")
    assert reasons(f"Thieves rob the museum\n\n{BODY}\n\n{BODY2}\n\nThe museum said it") == [(0, "title")]


def test_two_words_a_page_glued_together_are_two_again():
    # A saved page lost the break between two paragraphs: "According to the newspaper The
    # ParisianThe robbers allegedly stole" showed in facts, findings and the PDF.  A space, not a
    # break: alone on its line, "According to the newspaper The Parisian" went as a subheading.
    from analysis import load_article
    a = load_article("Museum robbed\n\nThe museum was robbed on Sunday, the newspaper The ParisianThe robbers "
                     "took nine pieces, police said.\n\nHe posted on LinkedIn that UnitedHealthcare and "
                     "TweakTown were told.", kind="paste", article_id="a1")
    assert [s.text for s in a.sentences][-2:] == [
        "The museum was robbed on Sunday, the newspaper The Parisian The robbers took nine pieces, police said.",
        "He posted on LinkedIn that UnitedHealthcare and TweakTown were told."]
