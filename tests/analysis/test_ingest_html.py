"""Saved web pages: the body comes out whole, the page furniture and the headline do not."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from analysis import IngestError, load_article
from analysis.resources import seed_paths

DATA = Path(__file__).resolve().parent / "data"
SEED = next(p for p in seed_paths() if p.name.startswith("003_"))
# Lines of seed 003 that are not body: title, its copy, "Source: CNN", related links, footer.
NOT_BODY = {0, 2, 4, 12, 14, 42, 44, 52, 54}
TITLE = "Barred from US-Russia talks on Ukraine, Europe scrambles for response with Paris summit"


@pytest.fixture(scope="module")
def page():
    return load_article(DATA / "cnn_paris_summit.html")


def test_every_body_paragraph_of_the_page_is_kept(page):
    lines = SEED.read_text(encoding="utf-8").split("\n")
    body = [line for i, line in enumerate(lines) if line and i not in NOT_BODY]
    assert page.text.split("\n") == body


def test_page_furniture_is_gone(page):
    for furniture in ("Skip to content", "Menu", "Politics", "Facebook", "Most read",
                      "Celebrity chef", "Cable News Network", "Privacy Policy", "dataLayer",
                      "Related article", "An isolated Europe worries", "Omar Havana", "By Christian"):
        assert furniture not in page.text


def test_page_metadata_and_where_it_came_from(page):
    assert (page.outlet, page.title, page.date, page.author) == (
        "CNN", TITLE, "2025-02-17", "Christian Edwards")
    assert dict(page.metadata_origin) == {
        "outlet": "og:site_name", "title": "og:title",
        "date": "<meta article:published_time>", "author": "<meta author>"}


def test_the_headline_is_removed_as_title_and_restorable(page):
    assert [(r.reason, r.text) for r in page.removed] == [("title", TITLE)]
    assert page.source_text.split("\n")[page.removed[0].line] == TITLE


def test_page_offsets_are_exact(page):
    for s in page.sentences:
        assert page.text[s.start:s.end] == s.text


def test_title_suffix_gives_the_outlet_when_no_site_name(tmp_path):
    html = (DATA / "cnn_paris_summit.html").read_text(encoding="utf-8")
    html = html.replace('<meta property="og:site_name" content="CNN">', "").replace(
        '<meta property="og:title" content="' + TITLE + '">', "")
    html = re.sub(r'<meta property="og:url"[^>]*>', "", html)     # the link's domain comes first
    path = tmp_path / "page.htm"
    path.write_text(html, encoding="utf-8")
    article = load_article(path)
    assert (article.outlet, article.metadata_origin["outlet"]) == ("CNN", "<title> suffix")
    assert article.title == TITLE


def test_declared_charset_of_a_saved_page(tmp_path):
    paragraph = ("Europe’s leaders “met” in Paris on Monday – and the café talks went on for hours "
                 "while officials in Riyadh prepared for the first US-Russia meeting in years.")
    html = (f'<html><head><meta charset="windows-1252"><title>Talks in Paris</title></head><body>'
            f'<article><p>{paragraph}</p><p>{paragraph}</p></article></body></html>')
    path = tmp_path / "old.html"
    path.write_bytes(html.encode("cp1252"))
    article = load_article(path)
    assert article.encoding == "windows-1252"
    assert paragraph in article.text


def test_html_bytes_are_recognised():
    html = (DATA / "cnn_paris_summit.html").read_bytes()
    article = load_article(html)
    assert article.outlet == "CNN" and "Rutte said." in article.text


def test_page_without_an_article_body():
    with pytest.raises(IngestError, match="no article text found in this web page") as info:
        load_article(DATA / "empty_app_shell.html")
    assert "\n" not in str(info.value)


def test_empty_html_document(tmp_path):
    path = tmp_path / "blank.html"
    path.write_text("<html><head></head><body></body></html>")
    with pytest.raises(IngestError, match="no article text"):
        load_article(path)
