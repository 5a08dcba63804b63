"""A renamed outlet keeps its name: on re-analysis, after re-opening, and when its text comes back."""
from __future__ import annotations

import pytest

from analysis import load_article
from analysis.errors import SessionError
from analysis.session import (
    Session,
    SessionArticle,
    load_articles,
    remembered_outlets,
    rename_outlet,
    with_remembered_outlets,
)
from analysis.session.names import RENAMED_ORIGIN

TEXT = ("Source: CNN\n\nLeaders of the two delegations met in Riyadh on Tuesday for four hours.\n"
        "Neither side gave a statement afterwards, and a second round is planned.\n")
OTHER = ("Officials gathered in Riyadh on Tuesday for talks that Europe was not invited to.\n"
         "They are due to meet again within a week, both sides said afterwards.\n")


@pytest.fixture
def session(tmp_path):
    articles = [load_article(TEXT, kind="paste", article_id="a1"),
                load_article(OTHER, kind="paste", article_id="a2")]
    with Session.create(tmp_path / "names.parallax", articles) as s:
        yield s


def test_a_rename_survives_re_analysis_and_reopening(session, tmp_path):
    first = load_articles(session)
    assert first[0].outlet == "CNN"
    rename_outlet(session, first[0], "CNN International")
    again = load_articles(session)
    assert [a.outlet for a in again][0] == "CNN International"
    assert again[0].metadata_origin["outlet"] == RENAMED_ORIGIN
    assert again[1].outlet == first[1].outlet                   # the other article is untouched
    session.close()
    with Session.open(tmp_path / "names.parallax", read_only=True) as reopened:
        assert load_articles(reopened)[0].outlet == "CNN International"


def test_the_name_follows_the_text_when_it_is_added_again(session):
    article = load_articles(session)[0]
    rename_outlet(session, article, "Desk copy")
    session.remove_article("a1")
    fresh = load_article(TEXT, kind="paste", article_id="a3")        # same text, found as "CNN"
    assert fresh.outlet == "CNN"
    renamed = with_remembered_outlets([fresh], remembered_outlets(session))[0]
    assert (renamed.outlet, renamed.id) == ("Desk copy", "a3")


def test_an_empty_name_forgets_the_rename(session):
    article = load_articles(session)[0]
    rename_outlet(session, article, "Desk copy")
    assert rename_outlet(session, article, "   ") is None
    assert load_articles(session)[0].outlet == "CNN"
    assert remembered_outlets(session) == {}


def test_a_rename_is_one_commit_and_checked(session):
    article = load_articles(session)[0]
    with pytest.raises(SessionError):
        rename_outlet(session, article, "x" * 201)
    assert remembered_outlets(session) == {}
    assert session.article("a1").outlet == "CNN"


def test_names_from_a_damaged_setting_are_ignored(session):
    session.set_setting("outlet_names", ["not", "a", "mapping"])
    assert remembered_outlets(session) == {}
    session.set_setting("outlet_names", {"abc": 3, "def": "Fine"})
    assert remembered_outlets(session) == {"def": "Fine"}


def test_stored_articles_without_renames_keep_what_ingest_found(tmp_path):
    items = [SessionArticle(TEXT, kind="paste")]
    with Session.create(tmp_path / "plain.parallax", items) as s:
        assert load_articles(s)[0].outlet == "CNN"
