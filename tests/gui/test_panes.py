"""Panes that fit at 1366x768 (issue 13, item 3): column widths measured with the window's own font
metrics.  The findings are made here (invented evidence); the articles are the seeds'."""
from __future__ import annotations

import dataclasses

import pytest
from helpers import show_comparison
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from analysis.model import Finding
from analysis.vocabulary.kinds import label as kind_label
from analysis.vocabulary.reviews import Review
from gui.main_window import MainWindow
from gui.models.findings import COLUMNS

KINDS = ("reports_differently", "quote_vs_paraphrase", "version_diff", "loaded_word", "omission")


def _findings(articles) -> tuple[Finding, ...]:
    a, b = articles[0].id, articles[1].id
    return tuple(Finding(f"{kind}-{n}", kind, None, (a, b), (),
                         f"The first outlet and the second differ here ({kind}): the coastal ferry "
                         "timetable was announced on a windy Tuesday by the harbour board.",
                         0.9 - n / 10, "rule", {}) for n, kind in enumerate(KINDS))


def shown_at_1366(qtbot, comparison, **changes) -> MainWindow:
    """A window of 1366x768 showing ``comparison`` with ``changes`` (dataclasses.replace)."""
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1366, 768)
    show_comparison(w, dataclasses.replace(comparison, **changes))
    w.show()
    qtbot.waitExposed(w)
    return w


def renamed(articles, names) -> tuple:
    return tuple(dataclasses.replace(a, outlet=n) for a, n in zip(articles, names))


@pytest.fixture
def findings_window(qtbot, fake_comparison):
    w = shown_at_1366(qtbot, fake_comparison, findings=_findings(fake_comparison.articles))
    w.tabs.setCurrentWidget(w.findings)
    QApplication.processEvents()
    return w


def _width(w, name: str) -> int:
    return w.findings.table.horizontalHeader().sectionSize(COLUMNS.index(name))


def test_kind_fits_its_labels_and_verdict_its_words(findings_window):
    w = findings_window
    fm = w.findings.table.fontMetrics()
    widest = max(fm.horizontalAdvance(kind_label(k)) for k in KINDS)      # "Changed between versions"
    assert _width(w, "Kind") >= widest + 8
    # Nothing reviewed: the Verdict column is as wide as its header, not 140 px of empty cells.
    assert _width(w, "Verdict") < fm.horizontalAdvance("Verdict") + 40
    first = w.doc.comparison.findings[0]
    w.review.set_verdicts({first.id: Review(key=first.id, verdict="flagged", severity=3, note="ask")})
    QApplication.processEvents()
    text = w.findings.model.review_text(first)
    assert text.startswith("⚑ Flagged") and text.endswith("✎")
    assert _width(w, "Verdict") >= fm.horizontalAdvance(text) + 8
    # The evidence has the stretch: wider than any other column, and nothing scrolls sideways.
    assert _width(w, "Evidence") > max(_width(w, c) for c in COLUMNS if c != "Evidence")
    assert w.findings.table.horizontalScrollBar().maximum() == 0


LONG_NAMES = ("northernharbourgazetteweekly", "The Coastal Evening Chronicle of Marrowby", "CNB")


def _line_breaks(doc, name: str) -> list[tuple[str, list[int]]]:
    """(text, where its lines start) for every block of ``doc`` (table cells too) naming ``name``."""
    out = []
    block = doc.begin()
    while block.isValid():
        if name in block.text():
            doc.documentLayout().blockBoundingRect(block)       # laid out now
            layout = block.layout()
            out.append((block.text(), [layout.lineAt(i).textStart() for i in range(layout.lineCount())]))
        block = block.next()
    return out


def test_same_event_chips_break_outlet_names_between_words_only(qtbot, fake_comparison):
    names = [LONG_NAMES[i % len(LONG_NAMES)] + ("" if i < 3 else str(i))
             for i in range(len(fake_comparison.articles))]
    w = shown_at_1366(qtbot, fake_comparison, articles=renamed(fake_comparison.articles, names))
    w.tabs.setCurrentWidget(w.overview)
    w.overview.finish_build()
    doc = w.overview.browser.document()
    assert "Same event?" in doc.toPlainText()
    for name in LONG_NAMES[:2]:
        found = _line_breaks(doc, name)
        assert found, name
        for text, starts in found:
            # every line after the first starts after a space: no word is cut in two
            assert all(text[s - 1] in " \u2028" for s in starts[1:]), (text, starts)
    one_word = [starts for text, starts in _line_breaks(doc, LONG_NAMES[0]) if text.strip() == LONG_NAMES[0]]
    assert one_word and all(len(starts) == 1 for starts in one_word)


SIX_NAMES = ("The Harbour Evening Post", "Marrowby Daily Courier", "Pellin Point Gazette",
             "Santa Quaranta New Herald", "Coastal Weekly Observer", "The Tidewater Times")


def test_outlet_headers_wrap_to_their_columns_between_words(qtbot, fake_comparison):
    """Metrics and Voices: each outlet header is its name on as many lines as its column needs,
    every line within the column (two fixed lines were clipped at both ends: "The Denve / Post")."""
    arts = renamed(fake_comparison.articles, SIX_NAMES)
    w = shown_at_1366(qtbot, fake_comparison, articles=arts)
    for view in (w.metrics, w.voices):
        w.tabs.setCurrentWidget(view)
        QApplication.processEvents()
        table, model = view.table, view.table.model()
        header = table.horizontalHeader()
        bold = header.font()
        bold.setBold(True)
        fm = QFontMetrics(bold)
        first = model.columnCount() - len(arts)
        for col in range(first, model.columnCount()):
            text = model.headerData(col, Qt.Orientation.Horizontal)
            name = model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
            assert name in SIX_NAMES and text.replace("\n", " ") == name       # whole words, in order
            assert all(fm.horizontalAdvance(line) <= header.sectionSize(col) - 8 for line in text.split("\n"))
        assert table.horizontalScrollBar().maximum() == 0
        lines = max(model.headerData(c, Qt.Orientation.Horizontal).count("\n") + 1
                    for c in range(first, model.columnCount()))
        assert header.height() >= lines * fm.height()                  # every line shows
