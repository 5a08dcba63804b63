"""The report model: sections and their content from a hand-built seeds comparison and a review."""
from __future__ import annotations

import dataclasses
from types import SimpleNamespace

import pytest

from analysis import constants
from analysis.lexicons import available_lexicons, load_lexicon
from analysis.model import Comparison
from analysis.report import build_report
from analysis.report.model import Chart, Excerpt, Para, Table
from analysis.vocabulary.reviews import NOT_REVIEWED, review_from

SECTIONS = ["cover", "summary", "grid", "omissions", "findings", "excerpts", "metrics", "methods"]


@pytest.fixture(scope="module")
def comparison(handmade_comparison):
    return handmade_comparison


@pytest.fixture(scope="module")
def reviews(handmade_reviews):
    return handmade_reviews


@pytest.fixture(scope="module")
def report(comparison, reviews):
    return build_report(comparison, reviews, reviewer="Ann Editor", generated="2025-02-19T09:00+00:00", full=True)


def text_of(obj) -> str:
    """Every string in a report object, joined: what a reader could read."""
    out = []

    def walk(value):
        if isinstance(value, str):
            out.append(value)
        elif dataclasses.is_dataclass(value):
            for f in dataclasses.fields(value):
                walk(getattr(value, f.name))
        elif isinstance(value, (tuple, list)):
            for v in value:
                walk(v)
    walk(obj)
    return "\n".join(out)


def finding_of(comparison, kind):
    return next(f for f in comparison.findings if f.kind == kind)


def test_sections_in_order(report):
    assert [s.id for s in report.sections] == SECTIONS


def test_report_is_immutable(report):
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.title = "x"


def test_cover_names_event_outlets_dates_and_reviewer(report):
    cover = text_of(report.section("cover"))
    for outlet in ("Roundup blog", "Live blog", "Analytical team", "CNN", "Paris follow-up"):
        assert outlet in cover
    assert "16–18 February 2025" in cover          # the compared event's dates: not the follow-up's September
    assert "Prepared by Ann Editor" in cover
    assert "6 / 18 findings reviewed (4 confirmed, 1 flagged, 1 dismissed)" in cover


def test_summary_has_event_check_omissions_framing_contradictions_and_profiles(report):
    summary = text_of(report.section("summary"))
    assert "4 of 5 articles cover the same event." in summary
    assert "Paris follow-up" in summary and "different event" in summary
    assert "leaves out F" in summary
    assert "Stance difference" in summary and "[confirmed, severity 3]" in summary
    assert "Contradictions to check" in summary and "Naming difference" in summary
    assert "reading grade" in summary and "shared facts" in summary


def test_grid_rows_are_shared_facts_and_cells_say_where(report, comparison):
    table = next(b for b in report.section("grid").blocks if isinstance(b, Table))
    shared = [f for f in comparison.facts if len(f.members) > 1]
    assert len(table.rows) == len(shared)
    # The compared event's outlets: the follow-up on another event is aligned with nothing.
    assert [c.text for c in table.header][1:] == ["Roundup blog", "Live blog", "Analytical team", "CNN"]
    cells = {c.text for row in table.rows for c in row[1:]}
    assert "omits" in cells and any(c.startswith("¶") for c in cells)


def test_omissions_table_carries_the_review_note(report, comparison, reviews):
    text = text_of(report.section("omissions"))
    omission = finding_of(comparison, "omission")
    assert reviews[omission.id]["note"] in text
    assert "Voices left out" in text and "Olaf Scholz" in text
    assert "Exclusives" in text and "26 countries" in text


def test_findings_show_verdicts_and_notes_and_leave_out_dismissed(comparison, reviews, report):
    text = text_of(report.section("findings"))
    dismissed = [fid for fid, r in reviews.items() if r["verdict"] == "dismissed"]
    assert dismissed and all(fid not in text for fid in dismissed)
    assert "1 dismissed finding left out." in text
    framing = {f.id for f in comparison.findings if f.kind not in ("omission", "exclusive", "voice")}
    for fid, r in reviews.items():
        if fid in framing and r["verdict"] != "dismissed" and r["note"]:
            assert r["note"] in text
    assert "confirmed" in text and "flagged" in text and "not reviewed" in text


def test_include_dismissed_shows_them(comparison, reviews):
    report = build_report(comparison, reviews, include_dismissed=True, full=True)
    text = text_of(report.section("findings"))
    dismissed = next(fid for fid, r in reviews.items() if r["verdict"] == "dismissed")
    assert dismissed in text and reviews[dismissed]["note"] in text


def test_reviews_are_duck_typed(comparison):
    f = finding_of(comparison, "attribution_verb")
    as_object = {f.id: SimpleNamespace(verdict="flagged", severity=2, note="object note")}
    assert "object note" in text_of(build_report(comparison, as_object, full=True).section("findings"))
    from analysis.session import Review
    as_record = {f.id: Review(key=f.id, verdict="confirmed", severity=3, note="session note")}
    text = text_of(build_report(comparison, as_record, full=True).section("findings"))
    assert "session note" in text and "severity 3/3" in text


def test_review_normalisation():
    assert review_from(None).reviewed is False
    assert review_from({"verdict": "none", "note": "just a note"}).verdict == NOT_REVIEWED
    assert review_from({"verdict": "", "note": "x"}).verdict == NOT_REVIEWED     # one spelling
    assert review_from({"verdict": "Confirmed", "severity": "7"}).severity == 3
    assert review_from({"verdict": "bogus"}).reviewed is False
    assert not review_from({"note": "just a note"}).empty


def test_note_without_verdict_is_shown(comparison):
    f = finding_of(comparison, "hedge")
    report = build_report(comparison, {f.id: {"verdict": "none", "note": "look again tomorrow"}}, full=True)
    assert "look again tomorrow" in text_of(report.section("findings"))


def test_excerpts_highlight_words_in_outlet_colours(report):
    excerpts = [b for b in report.section("excerpts").blocks if isinstance(b, Excerpt)]
    assert 1 <= len(excerpts) <= 6
    outlets = {o.name: o.colour for o in report.outlets}
    marks = [(line.outlet, r) for e in excerpts for line in e.lines for r in line.runs if r.style == "mark"]
    flags = [(line.outlet, r) for e in excerpts for line in e.lines for r in line.runs if r.style == "flag"]
    assert marks and flags
    assert all(r.colour == outlets[name] for name, r in flags)
    assert all(r.colour != "#FFFFFF" for _, r in marks)
    minerals = next(e for e in excerpts if "resisted" in text_of(e))
    assert any("signal his openness" in r.text for line in minerals.lines for r in line.runs if r.style == "flag")
    assert all(line.note != "not covered" for e in excerpts for line in e.lines)


def test_metrics_have_tables_and_charts_per_outlet(report):
    blocks = report.section("metrics").blocks
    charts = [b for b in blocks if isinstance(b, Chart)]
    titles = [c.title for c in charts]
    assert "Flesch-Kincaid grade" in titles and "Share of voice" in titles
    assert any("sentiment" in t.lower() for t in titles)
    for chart in charts:            # the four outlets of the compared event
        assert all(len(s.values) == 4 for s in chart.series)
    voice = next(c for c in charts if c.kind == "stacked")
    for i in range(4):
        assert sum(s.values[i] or 0 for s in voice.series) <= 100.5
    assert sum(isinstance(b, Table) for b in blocks) >= 4


def test_methods_list_every_lexicon_threshold_and_library(report):
    text = text_of(report.section("methods"))
    for name in available_lexicons():
        header = load_lexicon(name).header
        assert header["name"] in text and header["licence"] in text
        assert header["origin"][:60] in text
    names = [n for n in vars(constants) if n.isupper()]
    assert names and all(n in text for n in names)
    assert "GRID_MAX_FACTS" in text                      # the report's own limits too
    assert "PySide6-Essentials" in text and "nltk" in text and "Python" in text


def test_threshold_values_and_comments_come_from_the_module(monkeypatch):
    from analysis.report.provenance import thresholds
    monkeypatch.setattr(constants, "MAX_INPUT_BYTES", 1234)
    row = next(t for t in thresholds() if t.name == "MAX_INPUT_BYTES")
    assert row.value == "1,234" and row.comment.startswith("bytes")
    assert row.section == "ingest"


def test_single_article_and_empty_comparison_still_build(comparison):
    one = Comparison(comparison.articles[:1], notes=("Only one article: nothing to compare.",))
    report = build_report(one, full=True)
    text = text_of(report)
    assert "Only one article" in text and "No facts were aligned" in text
    empty = build_report(Comparison(()), full=True)
    assert [s.id for s in empty.sections] == SECTIONS


def test_title_can_be_given(comparison):
    assert build_report(comparison, title="Morning meeting", full=True).title == "Morning meeting"
    assert isinstance(build_report(comparison, full=True).sections[0].blocks[1], Para)


def test_reviews_of_vanished_findings_are_reported(comparison):
    gone = {"hedge-0000000000": {"verdict": "confirmed", "severity": 2, "note": "kept note",
                                 "finding": {"kind": "hedge", "evidence": "CNN hedged once."}}}
    text = text_of(build_report(comparison, gone, full=True).section("findings"))
    assert "no longer raised" in text and "kept note" in text and "CNN hedged once." in text


def test_a_count_metric_is_shown_whole_and_a_rate_with_its_decimals():
    # "Quotes from unnamed sources" and "Loaded word choices" printed as "3.00" in the full report.
    from analysis.report.sections.metrics import _fmt
    assert _fmt("tone", "unnamed_quotes", 3.0) == "3"
    assert _fmt("tone", "word_choice.count", 12.0) == "12"
    assert _fmt("tone", "word_choice.per_1k", 3.62) == "3.62"
    assert _fmt("tone", "unnamed_share", 0.25) == "25%"
