"""Evidence cut in the middle, never at the word the finding is about (issue 13): ``elide_around`` on
its own (one unit per character), and the Findings tab of the real window at 1366x768."""
from __future__ import annotations

import dataclasses

import pytest
from helpers import press, show_comparison
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from analysis.model import Finding
from gui.main_window import MainWindow
from gui.models.findings import COLUMNS
from gui.views.elide import elide_around, key_span

TEXT = "The Weekly Harbour Gazette chooses 'rushed' (pejorative word): three others do not use it."


def chars(s: str) -> float:
    return float(len(s))


def test_text_that_fits_is_left_whole():
    assert elide_around(TEXT, "rushed", len(TEXT), chars) == TEXT


def test_a_key_that_shows_after_a_cut_at_the_end_keeps_that_cut():
    shown = elide_around(TEXT, "rushed", 50, chars)
    assert shown == TEXT[:49].rstrip() + "…" and "'rushed'" in shown


def test_the_text_before_the_key_is_cut_so_that_the_key_shows_whole():
    shown = elide_around(TEXT, "rushed", 30, chars)
    assert len(shown) <= 30
    assert "'rushed'" in shown
    assert shown.startswith("The Weekly") and "…" in shown.split("'rushed'")[0]


def test_the_text_after_the_key_is_cut_at_its_end():
    shown = elide_around(TEXT, "rushed", 40, chars)
    assert len(shown) <= 40 and "'rushed'" in shown and shown.endswith("…")


def test_a_key_wider_than_the_cell_shows_its_start_and_no_key_cuts_at_the_end():
    assert elide_around(TEXT, "rushed", 5, chars) == "'rus…"
    assert elide_around(TEXT, "absent", 20, chars) == TEXT[:19].rstrip() + "…"
    assert key_span(TEXT, "RUSHED") == (35, 43)


@pytest.fixture
def window(qtbot, fake_comparison):
    first = fake_comparison.articles[0]
    finding = Finding("loaded_word-x", "loaded_word", None, (first.id,), (),
                      "The Weekly Harbour Gazette of the Northern Islands and the Outer Coast chooses "
                      "'rushed' (pejorative word): the three other outlets do not use it.", 0.9,
                      "loaded.pejorative", {"term": "rushed", "terms": {first.id: "rushed"}})
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1366, 768)
    show_comparison(w, dataclasses.replace(fake_comparison, findings=(finding,)))
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    return w


def _shown(table, index) -> str:
    option = QStyleOptionViewItem()
    option.rect = table.visualRect(index)
    option.fontMetrics = table.fontMetrics()
    option.font = table.font()
    delegate = table.itemDelegateForColumn(index.column())
    delegate.initStyleOption(option, index)
    return option.text


def test_the_findings_table_keeps_the_loaded_word_in_view_and_the_whole_text_on_hover(qtbot, window):
    press(qtbot, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)     # Go to Findings
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is window.findings)
    table = window.findings.table
    index = table.model().index(0, COLUMNS.index("Evidence"))
    full = index.data()
    shown = _shown(table, index)
    assert shown != full and "…" in shown                   # the column is narrower than the text
    assert "'rushed'" in shown and shown.startswith("The Weekly")
    assert table.fontMetrics().horizontalAdvance(shown) <= table.columnWidth(index.column())
    assert full in index.data(Qt.ItemDataRole.ToolTipRole)


def test_the_key_is_the_findings_word_never_a_figure():
    from gui.models.findings import FindingsModel

    def finding(data):
        return Finding("x", "sentiment_shift", None, ("a1", "a2"), (), "", 0.5, "", data)
    assert FindingsModel.evidence_key(finding({"term": "rushed"})) == "rushed"
    assert FindingsModel.evidence_key(finding({"terms": {"a1": "", "a2": "resisted"}})) == "resisted"
    assert FindingsModel.evidence_key(finding({"terms": {"a1": "-0.40", "a2": "+0.78"}})) == ""


def test_cut_at_word_keeps_whole_words_and_drops_a_dangling_comma_or_colon():
    from gui.views.elide import cut_at_word
    text = "Voice left out: Ara (18 words), Focus N24 (32 words), Belga (9 words)"
    assert cut_at_word(text, 100, len) == text
    assert cut_at_word(text, 27, len) == "Voice left out: Ara (18…"          # not "Ara (18 wo…"
    assert cut_at_word(text, 32, len) == "Voice left out: Ara (18 words)…"   # the comma goes
    assert cut_at_word(text, 18, len) == "Voice left out…"                   # and the colon
    assert cut_at_word("Unbreakable", 5, len) == "Un…le"           # one long word: its middle goes
    saved = "/home/ann/Documents/reports/harbour-ferry-timetable.pdf is read-only: save a copy"
    # A path loses its middle, so what is said about it still shows.
    assert cut_at_word(saved, 40, len) == "/home/ann…table.pdf is read-only: save…"
