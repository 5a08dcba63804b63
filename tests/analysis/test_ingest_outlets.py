"""Outlet names without typing: the outlets table, page metadata, the text's cues, sidecar files,
file names as given, and a quoted headline when nothing names the outlet."""
from __future__ import annotations

import json

import pytest

from analysis import load_article
from analysis.ingest import outlets
from analysis.ingest.metadata import unnamed_label

BODY = ("Leaders of the two delegations met in Riyadh on Tuesday for four hours of talks.\n"
        "Neither side gave a statement afterwards, and a second round is planned next week.\n")


def _page(head: str, body_title: str = "Delegations meet in Riyadh for talks") -> str:
    paragraphs = "".join(f"<p>{line}</p>" for line in BODY.strip().split("\n"))
    return (f"<!doctype html><html><head>{head}</head><body><article><h1>{body_title}</h1>"
            f"{paragraphs}<p>Officials on both sides called the meeting useful and said the work "
            f"would go on at a lower level.</p></article></body></html>")


def _load_page(tmp_path, head: str):
    path = tmp_path / "saved.html"
    path.write_text(_page(head), encoding="utf-8")
    article = load_article(path)
    return article.outlet, article.metadata_origin["outlet"]


@pytest.mark.parametrize("host, name", [
    ("cnn.com", "CNN"), ("edition.cnn.com", "CNN"), ("https://www.bbc.co.uk/news/world-1", "BBC News"),
    ("www3.nhk.or.jp", "NHK World"), ("apnews.com", "Associated Press"), ("example.org", None),
    ("notcnn.com", None), ("", None)])
def test_domains_through_the_table(host, name):
    assert outlets.outlet_for_host(host) == name


@pytest.mark.parametrize("found, name", [
    ("Afp", "AFP"), ("the associated press", "Associated Press"), ("www.reuters.com", "Reuters"),
    ("The Clarion", "The Clarion"), ("  BBC   News ", "BBC News"), ("example.org", "example.org")])
def test_tidy_uses_the_tables_spelling(found, name):
    assert outlets.tidy(found) == name


def test_og_site_name_comes_first(tmp_path):
    head = ('<meta property="og:site_name" content="The Riyadh Courier">'
            '<link rel="canonical" href="https://edition.cnn.com/x">')
    assert _load_page(tmp_path, head) == ("The Riyadh Courier", "og:site_name")


def test_json_ld_publisher_name(tmp_path):
    ld = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "Not this"},
        {"@type": ["NewsArticle"], "headline": "x", "publisher": {"@type": "Organization",
                                                                   "name": "Gulf Evening Post"}}]}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script><title>Talks | GEP</title>'
    assert _load_page(tmp_path, head) == ("Gulf Evening Post", "JSON-LD publisher")


def test_broken_json_ld_is_only_skipped(tmp_path):
    head = ('<script type="application/ld+json">{"publisher": </script>'
            '<meta property="og:url" content="https://www.theguardian.com/world/x">')
    assert _load_page(tmp_path, head) == ("The Guardian", "domain of the page's link")


def test_an_unknown_link_host_is_shown_as_it_is(tmp_path):
    head = '<link rel="canonical" href="https://news.example.org/a/1">'
    assert _load_page(tmp_path, head)[0] == "news.example.org"


def test_publisher_meta_and_title_suffix(tmp_path):
    assert _load_page(tmp_path, '<meta name="publisher" content="Baltic Wire">')[0] == "Baltic Wire"
    assert _load_page(tmp_path, "<title>Delegations meet in Riyadh for talks – Reuters</title>") == (
        "Reuters", "<title> suffix")


def _load_text(tmp_path, text: str, name: str = "story.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    article = load_article(path)
    return article.outlet, article.metadata_origin["outlet"]


def test_outlet_and_source_lines(tmp_path):
    assert _load_text(tmp_path, "Outlet: The Clarion\n\n" + BODY)[0] == "The Clarion"
    assert _load_text(tmp_path, "Source: afp\n\n" + BODY)[0] == "AFP"


@pytest.mark.parametrize("line", ["By Jane Doe | Reuters", "By Jane Doe, Reuters", "By Jane Doe and Sam Roe; AFP"])
def test_byline_with_a_known_outlet(tmp_path, line):
    outlet, origin = _load_text(tmp_path, f"{line}\n\n{BODY}")
    assert (outlet, origin) == (line.rsplit(" ", 1)[1], 'byline ("By ... | Outlet")')


@pytest.mark.parametrize("start, name", [
    ("KYIV, Feb 17 (Reuters) - ", "Reuters"), ("(CNN) — ", "CNN"), ("WASHINGTON (AP) — ", "Associated Press")])
def test_agency_datelines(tmp_path, start, name):
    outlet, origin = _load_text(tmp_path, start + BODY)
    assert (outlet, origin) == (name, 'agency dateline ("(Reuters) -")')


def test_a_parenthesis_that_is_no_outlet_names_nothing(tmp_path):
    outlet, origin = _load_text(tmp_path, "LONDON (L) - " + BODY, name="000_1f2e3d4c5b6a7980.txt")
    assert origin.startswith("no outlet named")


def test_cited_outlets_never_name_the_publisher(tmp_path):
    text = BODY + "A White House official told NBC News that more talks were planned soon.\n"
    assert _load_text(tmp_path, text, name="0_9770286f32923fcf.txt")[1].startswith("no outlet named")


def test_copyright_line_near_the_end(tmp_path):
    assert _load_text(tmp_path, BODY + "© 2025 The Associated Press. All rights reserved.\n") == (
        "Associated Press", "copyright line")


def test_sidecar_meta_file(tmp_path):
    (tmp_path / "story.txt.meta").write_text("# my notes\nOutlet: Le Monde\nDATE: 17 February 2025\n"
                                             "author: A. Writer\nunknown: x\n", encoding="utf-8")
    path = tmp_path / "story.txt"
    path.write_text("Source: CNN\n\n" + BODY, encoding="utf-8")
    article = load_article(path)
    assert (article.outlet, article.date, article.author) == ("Le Monde", "2025-02-17", "A. Writer")
    assert article.metadata_origin["outlet"] == "sidecar file story.txt.meta"
    assert load_article(path, outlet="Given").outlet == "Given"        # what the editor types wins


def test_sidecar_json_file(tmp_path):
    (tmp_path / "story.txt.json").write_text(json.dumps({"outlet": "the clarion", "date": "x"}),
                                             encoding="utf-8")
    path = tmp_path / "story.txt"
    path.write_text(BODY, encoding="utf-8")
    article = load_article(path)
    assert article.outlet == "the clarion"            # the editor's own word, not tidied
    assert any("is not a date" in w for w in article.warnings)


@pytest.mark.parametrize("content, problem", [
    (b"\xff\xfe\x00bad", "not UTF-8"), (b"just a line", '"key: value" lines'),
    (b"x" * (64 * 1024 + 1), "larger than")])
def test_a_sidecar_that_cannot_be_used_is_ignored_with_a_warning(tmp_path, content, problem):
    (tmp_path / "story.txt.meta").write_bytes(content)
    path = tmp_path / "story.txt"
    path.write_text("Source: CNN\n\n" + BODY, encoding="utf-8")
    article = load_article(path)
    assert article.outlet == "CNN"
    assert any(problem in w for w in article.warnings)


def test_a_folder_named_like_a_sidecar_is_not_one(tmp_path):
    (tmp_path / "story.txt.meta").mkdir()
    path = tmp_path / "story.txt"
    path.write_text("Source: CNN\n\n" + BODY, encoding="utf-8")
    assert load_article(path).outlet == "CNN"


@pytest.mark.parametrize("title, label", [
    ("Momentum Builds for Beginning Peace Talks", "“Momentum Builds…”"),
    ("Ukraine Peace Talks: U.S. Move, European Concerns", "“Ukraine Peace Talks…”"),
    ("Russia and U.S. begin talks", "“Russia and U.S.…”"),
    ("Talks", "“Talks”"), ("", None)])
def test_unnamed_label_is_the_headline_start_in_quotes(title, label):
    assert unnamed_label(title) == label


def test_the_seeds_are_named_where_their_text_allows(seed_articles):
    """CNN by its "Source:" line; CNBC and NBC News by the sidecars beside the seeds (seeds/*.meta,
    the editor's word where the text only hints); the two that no cue names by their headlines."""
    names = [a.outlet for a in seed_articles]
    assert names == ["“Momentum Builds…”", "CNBC", "“Ukraine Peace Talks…”", "CNN", "NBC News"]
    assert [a.metadata_origin["outlet"].split()[0] for a in seed_articles] == \
        ["no", "sidecar", "no", "\"Source:\"", "sidecar"]
    assert len(set(names)) == 5
