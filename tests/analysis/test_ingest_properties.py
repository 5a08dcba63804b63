"""Property tests: any Unicode text loads or gives an IngestError, and every offset is exact."""
from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import IngestError, load_article
from analysis.ingest.clean import clean
from analysis.ingest.normalize import normalize_text

# Article-like lines mixed with furniture and odd characters, so the cleaner's rules are exercised.
LINES = st.sampled_from([
    "Skip to content", "Menu", "Source: CNN", "February 16, 2025", "By Jane Doe", "Related article",
    "Tom Nicholson | Getty Images", "World News || Latest News", "EnglishРусский",
    "Leaders met in Paris on Feb. 17, 2025 (L) in Paris.", "“We are ready,” he said. U.S. troops…",
    "Dr. Smith arrived at 3.5 p.m. — then left!", "", " ", "\u00a0\u200b", "\r",
])
TEXT = st.lists(st.one_of(LINES, st.text(max_size=80)), max_size=12).map("\n".join)
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check_article(text: str) -> None:
    try:
        article = load_article(text, kind="paste")
    except IngestError as error:
        assert "\n" not in str(error)
        return
    body = article.text
    assert body and body == body.strip() and unicodedata.is_normalized("NFC", body)
    assert not any(ch.isspace() and ch not in " \n" for ch in body)
    for p in article.paragraphs:
        assert 0 <= p.start < p.end <= len(body)
    for s in article.sentences:
        assert body[s.start:s.end] == s.text
    for t in article.tokens:
        assert body[t.start:t.end] == t.text
    source_lines = article.source_text.split("\n")
    for r in article.removed:
        assert source_lines[r.line] == r.text


@PROPERTY
@given(st.text(max_size=300))
def test_arbitrary_text(text):
    _check_article(text)


@PROPERTY
@given(TEXT)
def test_article_like_text(text):
    _check_article(text)


@PROPERTY
@given(st.text(max_size=200))
def test_normalising_twice_changes_nothing(text):
    once = normalize_text(text)
    assert normalize_text(once) == once


@PROPERTY
@given(TEXT)
def test_cleaning_only_removes_whole_lines_and_joins_wrapped_ones(text):
    source = normalize_text(text)
    result = clean(source)
    removed = {r.line for r in result.removed}
    kept = [line for i, line in enumerate(source.split("\n")) if line and i not in removed]
    # Kept lines are never edited; only the breaks of a hard-wrapped paragraph may become spaces.
    assert "".join(result.text.split()) == "".join("".join(kept).split())
    lines = [line for line in result.text.split("\n") if line]
    assert all(line in kept or any(k in line for k in kept) for line in lines)


@PROPERTY
@given(st.binary(max_size=300))
def test_arbitrary_bytes(data):
    try:
        article = load_article(data)
    except IngestError:
        return
    for s in article.sentences:
        assert article.text[s.start:s.end] == s.text
