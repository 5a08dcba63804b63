"""Furniture of real pages, written here to imitate their patterns: captions with an agency credit,
agency tags, credit lines, time stamps, weather widgets, link debris; hard-wrapped pastes; glued
sentences.  Each removal stays restorable (its line in the source)."""
from __future__ import annotations

import pytest

from analysis.coverage.terms import sentence_terms
from analysis.ingest import load_article
from analysis.ingest.clean import clean
from analysis.ingest.furniture import agency_of, classify
from analysis.segment import split_sentences

BODY = "Firefighters moved two hundred residents of the river town to the sports hall on Sunday."
BODY2 = "The mayor said the dam upstream had held and that nobody had been hurt overnight."


@pytest.mark.parametrize("line, reason", [
    ("Flood water covers a street in Riverton, Sunday, March 2, 2025. REUTERS/Jane Roe", "photo caption and credit"),
    ("A rescuer carries a dog through the flood. AP Photo/John Doe", "photo caption and credit"),
    ("Residents wait in the hall (REUTERS/Jane Roe/File Photo)", "photo caption and credit"),
    ("Reuters / Sunday, March 2, 2025", "photo credit"),
    ("Photographer", "photo credit"), ("Close", "photo credit"), ("4 / 17", "navigation"),
    ("(Reuters)", "agency tag"), ("TT", "agency tag"), ("– AP", "agency tag"), ("AFP", "agency tag"),
    ("(With inputs from agencies.)", "agency tag"), ("(With AP inputs)", "agency tag"),
    ("Reporting by Jane Roe; Editing by John Doe", "credit line"),
    ("Additional reporting by Ann Example in Riverton", "credit line"),
    ("Published: March 2, 2025 9:15am", "dateline"), ("Posted 14:32 GMT", "timestamp"),
    ("Riverton 12°C Cloudy", "weather widget"), ("Weather", "weather widget"),
    ("https://example.com/news/flood-riverton", "link"),
    ("Follow us on Twitter for the latest news", "subscribe prompt"),
])
def test_more_furniture_lines(line, reason):
    found = classify(line)
    if reason == "dateline":            # a time stamp with a date is the page's dateline
        assert found == "timestamp" and clean(f"{BODY}\n{line}\n{BODY2}").removed[0].reason == "dateline"
    else:
        assert found == reason


@pytest.mark.parametrize("line", [
    "Updated figures show 20 dead in the town after the flood.",
    "Temperatures reached 40°C in the valley on Monday, forecasters said.",
    "The AP reported that twelve people had been rescued.",
    "Research by the university found 12 cases of flood damage.",
    "Reporters asked the mayor whether the bridge would hold.",
])
def test_body_sentences_that_look_like_furniture_stay(line):
    assert classify(line) is None


@pytest.mark.parametrize("line, agency", [
    ("(Reuters)", "Reuters"), ("TT", "TT"), ("(With AP inputs)", "AP"), ("– AFP", "AFP"),
    ("The AP reported that twelve people had been rescued.", ""),
])
def test_the_agency_a_tag_names(line, agency):
    assert agency_of(line) == agency


def test_every_furniture_line_is_removed_and_restorable():
    lines = [BODY, "Flood water covers a street in Riverton, Sunday, March 2, 2025. REUTERS/Jane Roe",
             BODY2, "Riverton 12°C Cloudy", "(With inputs from agencies.)",
             "Reporting by Jane Roe; Editing by John Doe"]
    source = "\n".join(lines)
    result = clean(source)
    assert result.text == BODY + "\n" + BODY2
    assert [(r.line, r.reason) for r in result.removed] == [
        (1, "photo caption and credit"), (3, "weather widget"), (4, "agency tag"), (5, "credit line")]
    assert all(source.split("\n")[r.line] == r.text for r in result.removed)


WRAPPED = ("Firefighters moved two hundred residents of the river\n"
           "town to the sports hall on Sunday, after the water rose\n"
           "above the old stone bridge. The mayor said the dam had\n"
           "held.\n\n"
           "Forecasters expect more rain until Tuesday; a new recon-\n"
           "struction plan will follow.")


def test_a_hard_wrapped_paste_is_joined_into_paragraphs():
    article = load_article(WRAPPED, kind="paste")
    assert [s.text for s in article.sentences] == [
        "Firefighters moved two hundred residents of the river town to the sports hall on Sunday, "
        "after the water rose above the old stone bridge.",
        "The mayor said the dam had held.",
        "Forecasters expect more rain until Tuesday; a new recon-struction plan will follow."]
    assert [s.paragraph for s in article.sentences] == [0, 0, 1]
    assert article.removed == ()


def test_lines_that_are_paragraphs_are_not_joined():
    text = "\n".join([BODY, BODY2, "- first item of a list", "- second item of a list"])
    assert clean(text).text == text


def test_a_full_stop_that_lost_its_space_still_ends_a_sentence():
    assert [s.text for s in split_sentences("The water reached the bridge.Today the town counts the cost.")] \
        == ["The water reached the bridge.", "Today the town counts the cost."]
    for whole in ("He served in the U.S.Army for years.", "See news.Example.com for the list.",
                  "The site runs on Node.js now."):
        assert [s.text for s in split_sentences(whole)] == [whole]


def test_a_dateline_is_not_fact_text():
    names = [t.text for t in sentence_terms("RIVERTON (AP) — The mayor said the dam held on Sunday.")
             if t.kind == "name"]
    assert names == []


def test_a_subheading_between_paragraphs_is_no_sentence_of_the_story():
    # "Mayor's Warning: A Late Night Call" became a claim, and a fact that three outlets were said to
    # leave out.  A hard-wrapped paragraph, a quoted line and a short paragraph that ends like a
    # sentence stay.
    text = ("Flood water reaches the square\n\n" + BODY + "\n\nMayor's Warning: A Late Night Call\n\n" + BODY2 +
            "\n\nWho is Ana Ruiz?\n\nRuiz has run the town since 2019 and grew up by the river.\n\n"
            "Two were rescued.\n\n“Nobody had to swim”\n\nThe water fell by noon, officials said, and\n"
            "the bridge to the north reopened\nto traffic in the afternoon.\n")
    a = load_article(text, kind="paste", article_id="a1")
    assert [(r.text, r.reason) for r in a.removed if r.reason == "subheading"] == [
        ("Mayor's Warning: A Late Night Call", "subheading"), ("Who is Ana Ruiz?", "subheading")]
    assert "Two were rescued." in a.text and "“Nobody had to swim”" in a.text
    assert "officials said, and the bridge to the north reopened to traffic" in a.text
