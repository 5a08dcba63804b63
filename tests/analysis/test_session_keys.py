"""Stable finding keys: re-running the analysis keeps the review, and sessions feed the engine.

The real finding producers are written in parallel, so the key tests use a small producer of
their own that builds Finding ids with ``analysis.model.stable_id`` over the sentences' text, the
way the model documents every producer must.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import analysis
from analysis.model import Comparison, Finding, stable_id
from analysis.session import Session, SessionArticle, load_articles, review_export

LOADED = ("slammed", "brazen", "chaos")
VERBS = ("said", "claimed", "admitted")

TEXTS = {
    "a1": "Rubio said the talks were useful. Critics slammed the plan. Kyiv was not invited.",
    "a2": "Rubio claimed the talks were useful. The plan caused chaos. Kyiv was not invited.",
    "a3": "Rubio admitted the talks were useful. A brazen move, critics said. Kyiv was absent.",
}


def _sentences(text: str) -> list[str]:
    return [s.strip() + "." for s in text.split(".") if s.strip()]


def produce(texts: dict[str, str]) -> list[Finding]:
    """A toy producer: loaded words per article, and attribution verbs that differ per pair."""
    findings = []
    for aid, text in texts.items():
        for sentence in _sentences(text):
            for word in LOADED:
                if word in sentence:
                    findings.append(Finding(stable_id("loaded_word", sentence, word), "loaded_word",
                                            None, (aid,), (), f"'{word}' in {aid}", 0.5))
    ids = sorted(texts)
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            for sa in _sentences(texts[a]):
                for sb in _sentences(texts[b]):
                    va = [v for v in VERBS if f" {v} " in sa]
                    vb = [v for v in VERBS if f" {v} " in sb]
                    if va and vb and va != vb and sa.split()[0] == sb.split()[0]:
                        findings.append(Finding(stable_id("attribution_verb", sa, sb),
                                                "attribution_verb", None, (a, b), (),
                                                f"{va[0]} vs {vb[0]}", 0.6))
    return findings


def test_same_text_gives_same_keys():
    first, second = produce(TEXTS), produce(dict(reversed(list(TEXTS.items()))))
    assert len(first) >= 5
    assert sorted(f.id for f in first) == sorted(f.id for f in second)
    assert [f.id for f in first] == [f.id for f in produce(TEXTS)]


def test_editing_one_article_keeps_the_other_verdicts(tmp_path):
    path = tmp_path / "keys.parallax"
    before = produce(TEXTS)
    with Session.create(path, [SessionArticle(t, id=a) for a, t in TEXTS.items()]) as s:
        for n, f in enumerate(before):
            s.set_verdict(f, ("confirmed", "dismissed", "flagged")[n % 3])
            s.set_note(f, f"note on {f.id}")
        # The editor fixes a3's text; the analysis runs again.
        edited = dict(TEXTS, a3="Rubio noted the talks were useful. Kyiv was absent.")
        s.update_article("a3", source_text=edited["a3"])
        after = produce(edited)

    with Session.open(path) as s:
        untouched = [f for f in before if "a3" not in f.articles]
        assert untouched and {f.id for f in untouched} <= {f.id for f in after}
        for f in untouched:
            assert s.review(f).note == f"note on {f.id}" and s.review(f).reviewed
        export = review_export(s, Comparison(articles=(), findings=tuple(after)))
        gone = {f.id for f in before} - {f.id for f in after}
        assert gone and {o["key"] for o in export["orphaned"]} == gone
        assert all(o["note"] for o in export["orphaned"])        # kept with their notes
        assert export["progress"]["reviewed"] == len({f.id for f in after} & {f.id for f in before})


# --- sessions feed the engine --------------------------------------------------------------------

def test_load_articles_gives_back_the_same_articles(tmp_path, seed_articles):
    page = Path(__file__).parent / "data" / "cnn_paris_summit.html"     # a saved web page
    given = [*seed_articles, analysis.load_article(page, article_id="a9")]     # seed_articles: conftest
    path = tmp_path / "seeds.parallax"
    Session.create(path, given).close()
    with Session.open(path, read_only=True) as s:            # the command line's way in
        loaded = load_articles(s)
    assert [a.id for a in loaded] == [a.id for a in given]
    for old, new in zip(given, loaded):
        assert (new.digest, new.outlet, new.title, new.date, new.author) == \
            (old.digest, old.outlet, old.title, old.date, old.author)
        assert (new.path, new.source_kind, new.sentences) == (old.path, old.source_kind, old.sentences)
        assert not [w for w in new.warnings if "session" in w or "reviewed" in w]


def test_load_articles_honours_edits_and_warns_on_altered_text(tmp_path, seed_articles):
    path = tmp_path / "seeds.parallax"
    with Session.create(path, seed_articles[:3]) as s:
        s.update_article("a1", outlet="The Wire", date="2025-02-16")
        s.update_article("a2", excluded=True)
    with sqlite3.connect(path) as raw:                       # edited behind Parallax's back
        raw.execute("UPDATE article SET source_text = source_text || ' Extra words.' WHERE id = 'a3'")
    with Session.open(path) as s:
        loaded = load_articles(s)
    assert [a.id for a in loaded] == ["a1", "a3"]
    assert (loaded[0].outlet, loaded[0].date) == ("The Wire", "2025-02-16")
    assert any("does not match its hash" in w for w in loaded[1].warnings)
    assert any("differs from when it was reviewed" in w for w in loaded[1].warnings)


def test_real_pipeline_keys_survive_a_session_round_trip(tmp_path, seed_articles):
    articles = seed_articles[:3]            # three outlets are enough, and keep the test quick
    try:
        first = analysis.compare(articles)
    except ImportError as exc:                               # the pipeline is still being written
        pytest.skip(f"analysis.compare not ready: {exc}")
    if not first.findings:
        pytest.skip("analysis.compare produces no findings yet")
    path = tmp_path / "seeds.parallax"
    with Session.create(path, articles) as s:
        for f in first.findings[:10]:
            s.set_verdict(f, "confirmed")
    with Session.open(path) as s:
        again = analysis.compare(load_articles(s))
        assert [f.id for f in again.findings] == [f.id for f in first.findings]
        assert s.progress(again.findings) == (min(10, len(first.findings)), len(first.findings))
