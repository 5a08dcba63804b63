"""The editor's brief (the default report): what each page holds, cut lists that say how many more,
outlet names instead of ids, and every review kept."""
from __future__ import annotations

import pytest
from test_report_model import text_of

from analysis.report import build_report
from analysis.report import settings as report_settings
from analysis.report.model import Bullets, Excerpt, Table
from analysis.report.sections import brief

BRIEF = ["cover", "summary", "omissions", "excerpts", "findings", "metrics"]


@pytest.fixture(scope="module")
def report(handmade_comparison, handmade_reviews):
    return build_report(handmade_comparison, handmade_reviews, reviewer="Ann Editor",
                        generated="2025-02-19T09:00+00:00")


def test_the_brief_is_the_default_and_full_adds_grid_lists_and_methods(handmade_comparison, report):
    assert [s.id for s in report.sections] == BRIEF and not report.full
    assert report.section("summary").new_page is False             # page 1: cover and summary
    full = build_report(handmade_comparison, full=True)
    assert full.full and {"grid", "methods"} <= {s.id for s in full.sections}
    assert "Editor's brief" in text_of(report.section("cover"))
    assert "Full report" in text_of(full.section("cover"))


def test_page_one_counts_and_names_the_other_event(handmade_comparison, report):
    text = text_of(report.section("summary"))
    assert f"{len(handmade_comparison.omissions)} verified omissions" in text
    assert "Paris follow-up\nb\n seems to be about a different event" in text     # chip, name, words
    assert "covers a later Paris meeting" not in text                      # the engine's note, said once
    assert "(a5)" not in text and "a5" not in text.split()                 # names, never ids


def test_top_omissions_on_page_one_say_how_many_more(handmade_comparison, report):
    text = text_of(report.section("summary"))
    shown = report_settings.BRIEF_GLANCE_ITEMS
    facts = len({o.fact for o in handmade_comparison.omissions})
    assert f"{facts - shown} more omitted facts under “Verified omissions”" in text


def test_a_fact_left_out_by_two_outlets_is_one_row_naming_both(handmade_comparison, report):
    # The engine makes one finding (one review) per omitted fact; the brief listed one row per outlet,
    # so one fact filled five rows of the table on a real event.
    by_fact: dict = {}
    for o in handmade_comparison.omissions:
        by_fact.setdefault(o.fact, []).append(o.article)
    fact, outlets = next((f, a) for f, a in by_fact.items() if len(a) > 1)
    names = {a.id: a.outlet for a in handmade_comparison.articles}
    table = next(b for b in report.section("omissions").blocks if isinstance(b, Table))
    rows = [r for r in table.rows if all(names[a] in text_of(r[0]) for a in outlets)]
    assert len(rows) == 1
    assert len(table.rows) == min(len(by_fact), brief.BRIEF_OMISSIONS)
    assert "9 verified omissions of 8 facts" in text_of(report.section("summary"))


def test_the_omissions_table_is_cut_with_a_count(handmade_comparison, monkeypatch):
    monkeypatch.setattr(brief, "BRIEF_OMISSIONS", 4)
    section = build_report(handmade_comparison).section("omissions")
    table = next(b for b in section.blocks if isinstance(b, Table))
    assert len(table.rows) == 4
    facts = len({o.fact for o in handmade_comparison.omissions})
    assert f"{facts - 4} more omitted facts not shown here" in text_of(section)


def test_reviewed_findings_always_lead_and_dismissed_ones_are_left_out(handmade_comparison, handmade_reviews, report):
    section = report.section("findings")
    table = next(b for b in section.blocks if isinstance(b, Table))
    shown = text_of(table)
    kept = [k for k, v in handmade_reviews.items() if v["verdict"] != "dismissed" and not k.startswith("omission")]
    for key in kept:
        finding = next(f for f in handmade_comparison.findings if f.id == key)
        assert finding.evidence[:40].split(" (")[0] in shown or handmade_reviews[key]["note"][:30] in shown
    assert "house style" not in shown                                  # the dismissed hedge
    first = text_of(table.rows[0])
    assert "confirmed" in first and "severity 3/3" in first


def test_a_note_without_a_verdict_reads_note_not_reviewed(handmade_comparison):
    finding = next(f for f in handmade_comparison.findings if f.kind == "loaded_word")
    report = build_report(handmade_comparison, {finding.id: {"verdict": "none", "note": "ask the desk"}})
    text = text_of(report.section("findings"))
    assert "note, not reviewed" in text and "ask the desk" in text


def test_reviews_of_vanished_findings_are_in_the_brief_too(handmade_comparison):
    gone = {"loaded_word-0000000000": {"verdict": "confirmed", "note": "kept across edits",
                                       "finding": {"kind": "loaded_word", "evidence": "was here"}}}
    assert "kept across edits" in text_of(build_report(handmade_comparison, gone).section("findings"))


def test_key_facts_are_fewer_in_the_brief(handmade_comparison, report):
    excerpts = [b for b in report.section("excerpts").blocks if isinstance(b, Excerpt)]
    assert 0 < len(excerpts) <= report_settings.BRIEF_KEY_FACTS


def test_metrics_fit_one_table_with_every_compared_outlet(handmade_comparison, report):
    section = report.section("metrics")
    tables = [b for b in section.blocks if isinstance(b, Table)]
    compared = [a for a in handmade_comparison.articles if a.id != "a5"]       # a5: another event
    assert len(tables) == 1 and len(tables[0].rows) == len(compared)
    header = text_of(tables[0].header)
    assert "Reading grade" in header and "Sentiment" in header
    assert "Paris follow-up" not in text_of(section)                         # nor in its charts


def test_an_article_on_another_event_is_no_outlet_of_the_event(handmade_comparison, report):
    """The cover said "How 5 outlets covered one event" with one of them on another event, and every
    key fact was "Not covered by ... and" that article (it is aligned with nothing)."""
    cover = text_of(report.section("cover"))
    assert "How 4 outlets covered one event (and 1 on another event) · 16–18 February 2025" in cover
    assert "Paris follow-up" in cover                       # still listed, marked as another event
    for excerpt in (b for b in report.section("excerpts").blocks if isinstance(b, Excerpt)):
        assert "Paris follow-up" not in excerpt.caption
    full = build_report(handmade_comparison, full=True)
    assert "Paris follow-up" not in text_of(full.section("grid"))
    assert "Paris follow-up" not in text_of(full.section("metrics"))


def test_the_summary_lists_reviewed_findings_with_their_verdict(report):
    bullets = [b for b in report.section("summary").blocks if isinstance(b, Bullets)]
    assert any("[confirmed, severity 3]" in text_of(b) for b in bullets)


def test_the_brief_is_much_shorter_than_the_full_report(handmade_comparison, handmade_reviews, report):
    full = build_report(handmade_comparison, handmade_reviews, full=True)
    assert len(text_of(report)) < len(text_of(full)) / 2


def test_an_article_grouped_apart_without_a_clash_says_what_it_lacks(handmade_comparison):
    """With no clash of names or dates the engine's reason is "another event; closest is …": the
    brief said "seems to be about a different event: another event."."""
    import dataclasses
    event = tuple(dataclasses.replace(m, evidence="another event; closest is CNN (a4): both name "
                                      "Paris and Europe") if not m.same_event else m
                  for m in handmade_comparison.event)
    text = text_of(build_report(dataclasses.replace(handmade_comparison, event=event)).section("summary"))
    assert "different event: another event" not in text
    assert ("seems to be about a different event: it shares too little with the others (the closest "
            "is CNN: both name Paris and Europe)") in text


def test_a_word_used_twice_is_quoted_once_under_its_finding(handmade_comparison):
    """"chooses 'transactional' (pejorative word, 2 times)" was followed by the same quoted line twice."""
    from analysis.model import Finding, Span
    from analysis.report.context import make_context
    from analysis.report.sections.common import quoted_spans
    article = handmade_comparison.articles[0]
    word = next(t for t in article.tokens if len(t.text) > 6)
    other = next(t for t in article.tokens if len(t.text) > 6 and t.text != word.text)
    again = article.text.find(word.text, word.end)
    spans = [Span(article.id, word.start, word.end), Span(article.id, other.start, other.end)]
    if again >= 0:
        spans.insert(1, Span(article.id, again, again + len(word.text)))
    else:                                   # the same words once more: the same span given twice
        spans.insert(1, Span(article.id, word.start, word.end))
    finding = Finding("f-twice", "loaded_word", None, (article.id,), tuple(spans),
                      "chooses it (2 times)", 0.5, "rule")
    texts = [r.text for r in quoted_spans(make_context(handmade_comparison, None, False), finding)
             if r.style in ("flag", "i")]
    assert texts == [word.text, other.text]


def test_the_full_summary_names_outlets_and_counts_what_it_cut(handmade_comparison, monkeypatch):
    """The full report's summary printed the engine's notes and reasons with article ids ("NBC News
    (a5) is on another event", "closest is CNN (a4)"), the reason's own "another event: …" after
    "looks like a different event", and "27 mores in the findings section."."""
    import dataclasses

    from analysis.report.context import make_context
    from analysis.report.sections import summary
    from analysis.vocabulary.kinds import check_first
    other = next(m for m in handmade_comparison.event if not m.same_event)
    event = tuple(dataclasses.replace(m, evidence="another event: it names Ann Lee as mayor where the "
                                      "others name Bo Lind; closest is CNN (a4): both name Paris")
                  if m is other else m for m in handmade_comparison.event)
    name = next(a.outlet for a in handmade_comparison.articles if a.id == other.article)
    comp = dataclasses.replace(handmade_comparison, event=event,
                               notes=(f"{name} ({other.article}) is on another event; it is left out.",))
    monkeypatch.setattr(summary, "SUMMARY_ITEMS", 1)
    text = text_of(build_report(comp, full=True).section("summary"))
    assert f"({other.article})" not in text and "(a4)" not in text
    assert f"{name} is on another event; it is left out." in text
    assert (" looks like a different event (match "
            f"{other.score:.2f}): it names Ann Lee as mayor where the others name Bo Lind.") in text
    assert "mores" not in text
    framing = [f for f in make_context(comp, None, True).framing_findings() if not check_first(f.kind)]
    assert len(framing) > 2
    assert f"{len(framing) - 1} more framing differences under “Framing findings and review”." in text


def test_an_article_has_one_length_in_the_brief(handmade_comparison):
    """The cover gave an article's words (1,314) and the metrics page readability's own count (1,313)."""
    import dataclasses

    from analysis.report.model import Table
    first = handmade_comparison.articles[0]
    metrics = {aid: dict(groups) for aid, groups in handmade_comparison.metrics.items()}
    metrics[first.id]["readability"] = {**metrics[first.id].get("readability", {}), "words": first.word_count - 1}
    report = build_report(dataclasses.replace(handmade_comparison, metrics=metrics))
    cover = next(b for b in report.section("cover").blocks if isinstance(b, Table))
    table = next(b for b in report.section("metrics").blocks if isinstance(b, Table))
    words = [h.runs[0].text for h in table.header].index("Words")
    row = next(r for r in table.rows if first.outlet in text_of(r[0]))
    assert row[words].runs[0].text == f"{first.word_count:,}"
    assert f"{first.word_count:,}" in text_of(cover)


def test_a_key_fact_greys_the_other_facts_part_of_a_shared_sentence():
    """A sentence holding claims of two facts was printed whole under both, the other fact's clause
    tinted as this fact's difference; now that clause is grey under each."""
    from analysis import load_article
    from analysis.model import Comparison, Fact, FactMember, Span
    from analysis.report.model import Excerpt
    text = "Officials met in Geneva on Tuesday, as they prepare talks on the grain deal."
    a = load_article(text.encode(), kind="paste", article_id="a1", outlet="Harbour Post")
    b = load_article(b"Officials met in Geneva on Tuesday. Talks on the grain deal are being prepared.",
                     kind="paste", article_id="a2", outlet="Valley Times")
    cut = text.index("as they")
    s1 = a.sentences[0]
    met = Fact("f-met", "Officials met in Geneva", (FactMember("a1", (s1.id,), (Span("a1", 0, cut - 2),)),
                                                     FactMember("a2", (b.sentences[0].id,))))
    talks = Fact("f-talks", "Talks on the grain deal", (FactMember("a1", (s1.id,), (Span("a1", cut, s1.end),)),
                                                        FactMember("a2", (b.sentences[1].id,))))
    report = build_report(Comparison(articles=(a, b), facts=(met, talks)))
    excerpts = [e for e in report.section("excerpts").blocks if isinstance(e, Excerpt)]
    grey = sorted("".join(r.text for r in e.lines[0].runs if r.style == "muted") for e in excerpts)
    assert grey == sorted([text[cut:s1.end], text[:cut - 2]])       # each fact greys the other's clause
