"""Untrusted article text is shown as the characters it is, never interpreted as markup."""
from __future__ import annotations

import pytest
from helpers import make_article, show_comparison

from analysis.model import Comparison, EventMatch, Fact, FactMember, Finding, Omission, Span
from gui.main_window import MainWindow

HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)> <b>bold</b>'


@pytest.fixture
def hostile_window(qtbot):
    text_a = f"Officials met in Paris on Monday. {HOSTILE} said the minister.\n\nA second paragraph here."
    text_b = f"Officials met in Paris on Monday. The minister said {HOSTILE} today.\n\nOther text."
    a = make_article("a1", "<i>Evil & Co</i>", "<img src=x> title", text_a)
    b = make_article("a2", "Plain & Simple", "Title", text_b)
    fact = Fact("f-1", f"label {HOSTILE}", (FactMember("a1", (a.sentences[1].id,)),
                                          FactMember("a2", (b.sentences[1].id,))))
    start = a.text.index("<script>")
    finding = Finding("loaded_word-1", "loaded_word", "f-1", ("a1", "a2"),
                      (Span("a1", start, start + len(HOSTILE)),),
                      f"evidence {HOSTILE}", 0.9, f"rule {HOSTILE}", {"word": HOSTILE})
    omission = Finding("omission-1", "omission", "f-1", ("a2",), (), f"omits {HOSTILE}", 0.8)
    comp = Comparison((a, b), (EventMatch("a1", 0.9, True, HOSTILE), EventMatch("a2", 0.9, True)),
                      (fact,), (Omission("f-1", "a2", ("a1",), 1, 0.8),), (finding, omission),
                      {}, (), (), (f"note {HOSTILE}",))
    w = MainWindow()
    qtbot.addWidget(w)
    show_comparison(w, comp)
    return w, finding


def _assert_literal(plain: str) -> None:
    assert "<script>" in plain and "<img src=x" in plain and " & " in plain
    assert "\ufffc" not in plain            # no embedded object: the <img> was not rendered
    assert "&amp;" not in plain             # escaped once, shown as "&"


def test_inspector_overview_and_banner_escape(hostile_window):
    w, finding = hostile_window
    w.navigation.select_finding(finding.id)
    _assert_literal(w.inspector.browser.toPlainText())
    assert "<i>Evil & Co</i>" in w.inspector.browser.toPlainText()
    _assert_literal(w.overview.browser.toPlainText())
    assert "<script>" in w.banner.label.text()


def test_side_by_side_shows_text_verbatim(hostile_window):
    w, finding = hostile_window
    w.side.show_finding(finding)
    plain = w.side.browser.toPlainText()
    _assert_literal(plain)
    assert "<i>Evil & Co</i>" in plain     # the outlet name in the header too


def test_tables_show_text_verbatim(hostile_window):
    w, _ = hostile_window
    model = w.findings.model
    texts = [model.data(model.index(r, c)) for r in range(model.rowCount())
             for c in range(model.columnCount())]
    assert any(t and "<script>" in t for t in texts)
    # Item views render DisplayRole as plain text; check the articles list shows the raw name.
    am = w.articles_panel.model
    assert "<i>Evil & Co</i>" in am.data(am.index(0, 0))
