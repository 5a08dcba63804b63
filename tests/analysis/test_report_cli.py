"""The report command line and the window's export call, for the text formats (PDF: tests/gui)."""
from __future__ import annotations

import io
import json

import pytest

import analysis
from analysis.bench.sample_report import handmade_comparison, seed_articles, seed_paths
from analysis.commands import report_command
from analysis.report import export_report
from analysis.report.write import format_of


@pytest.fixture()
def fake_engine(monkeypatch):
    """The engine replaced by the hand-built comparison of whatever articles it is given."""
    monkeypatch.setattr(analysis, "compare", lambda articles, progress=None: handmade_comparison(articles))


def test_text_formats_from_article_files(fake_engine, tmp_path):
    out = {f: tmp_path / f"r.{ext}" for f, ext in (("html", "html"), ("markdown", "md"), ("json", "json"))}
    code = report_command([str(p) for p in seed_paths()], html=str(out["html"]),
                          markdown=str(out["markdown"]), json_out=str(out["json"]), err=io.StringIO())
    assert code == 0
    assert "Verified omissions" in out["html"].read_text(encoding="utf-8")      # the editor's brief
    assert "# Strongest framing findings" in out["markdown"].read_text(encoding="utf-8")
    assert json.loads(out["json"].read_text(encoding="utf-8"))["schema"] == "parallax.report/1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html", "r.json", "r.md"]   # no .part left


def test_a_session_brings_verdicts_and_notes(fake_engine, tmp_path):
    from analysis.session import Session, load_articles
    path = tmp_path / "desk.parallax"
    with Session.create(path, seed_articles()) as session:
        comparison = handmade_comparison(load_articles(session))
        framing = next(f for f in comparison.findings if f.kind == "attribution_verb")
        session.set_verdict(framing, "confirmed")
        session.set_severity(framing, 3)
        session.set_note(framing, "Checked with the Berlin bureau.")
    out = tmp_path / "r.md"
    assert report_command([str(path)], markdown=str(out), err=io.StringIO()) == 0
    text = out.read_text(encoding="utf-8")
    assert "Checked with the Berlin bureau." in text and "severity 3/3" in text


def test_full_adds_the_grid_the_lists_and_the_methods(fake_engine, tmp_path):
    brief, full = tmp_path / "brief.md", tmp_path / "full.md"
    sources = [str(p) for p in seed_paths()]
    assert report_command(sources, markdown=str(brief), err=io.StringIO()) == 0
    assert report_command(sources, markdown=str(full), full=True, err=io.StringIO()) == 0
    brief_text, full_text = brief.read_text(encoding="utf-8"), full.read_text(encoding="utf-8")
    assert "# Facts across outlets" in full_text and "# Methods" in full_text
    assert "# Facts across outlets" not in brief_text and "# Methods" not in brief_text
    assert len(brief_text) < len(full_text) / 2


def test_bad_input_and_missing_outputs(fake_engine, tmp_path):
    err = io.StringIO()
    assert report_command([str(seed_paths()[0])], err=err) == 2
    assert "choose at least one of --pdf" in err.getvalue()
    err = io.StringIO()
    missing = str(tmp_path / "missing.txt")
    code = report_command([missing, *map(str, seed_paths()[:2])], html=str(tmp_path / "r.html"), err=err)
    assert code == 1 and "missing.txt" in err.getvalue() and (tmp_path / "r.html").exists()
    assert report_command([missing], html=str(tmp_path / "s.html"), err=io.StringIO()) == 2


def test_stdout_and_formats(fake_engine, capsys):
    assert report_command([str(p) for p in seed_paths()], markdown="-", err=io.StringIO()) == 0
    assert "## At a glance" in capsys.readouterr().out
    assert format_of("x.PDF") == "pdf" and format_of("x.htm") == "html" and format_of("x", "json") == "json"
    with pytest.raises(ValueError):
        format_of("report.docx")


def test_export_report_for_the_window(tmp_path):
    comparison = handmade_comparison(seed_articles(use_engine=False))
    steps = []
    fmt = export_report(comparison, tmp_path / "r.html", reviews={}, reviewer="Desk",
                        progress=lambda f, m: steps.append(f))
    assert fmt == "html" and steps[0] < steps[-1] == 1.0
    assert "reviewed by Desk" in (tmp_path / "r.html").read_text(encoding="utf-8")
