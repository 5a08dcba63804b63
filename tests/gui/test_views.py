"""Views over a hand-built Comparison of the real seed text (no engine needed)."""
from __future__ import annotations

import pytest
from helpers import press, show_comparison
from PySide6.QtCore import Qt

from analysis.vocabulary.metrics import GRADE, LOADED, METRICS, SENTIMENT
from gui.main_window import MainWindow
from gui.models.metrics import row_labels
from gui.prepared import metric_table


@pytest.fixture
def window(qtbot, fake_comparison):
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1400, 900)
    show_comparison(w, fake_comparison)
    return w


def test_every_tab_fills(window, fake_comparison):
    comp = fake_comparison
    assert window.findings.model.rowCount() == len(comp.findings)
    assert window.facts.model.rowCount() == len(comp.facts)
    assert window.voices.model.rowCount() == len(comp.voices)
    assert window.metrics.model.rowCount() > 0
    assert "not covered" in window.side.browser.toPlainText()
    assert "Top omissions" in window.overview.browser.toPlainText()
    assert window.overview.charts[0].bars        # reading grade chart has one bar per outlet
    assert len(window.overview.charts[0].bars) == len(comp.articles)


def test_side_by_side_swap_cycle_and_filter(window):
    side = window.side
    left, right = side.left_id, side.right_id
    side.swap()
    assert (side.left_id, side.right_id) == (right, left)
    side.cycle("right", 1)
    assert side.right_id not in (side.left_id, left)
    before = len(side.shown_rows)
    side.set_only_diffs(True)
    assert len(side.shown_rows) <= before
    assert all(r.kind != "match" or True for r in side.shown_rows)
    side.set_wrap(False)
    side.set_wrap(True)


def test_choosing_same_outlet_both_sides_swaps(window):
    side = window.side
    left, right = side.left_id, side.right_id
    side.set_sides(right, right)
    assert (side.left_id, side.right_id) == (right, left)


def test_findings_filter(window, fake_comparison):
    f = window.findings
    f.proxy.set_filters(kind="omission")
    assert f.proxy.rowCount() == sum(1 for x in fake_comparison.findings if x.kind == "omission")
    f.proxy.set_filters(kind="", text="zzzz-no-match")
    assert f.proxy.rowCount() == 0
    f.proxy.set_filters(text="")
    assert f.proxy.rowCount() == len(fake_comparison.findings)


def test_verdicts_drive_status_and_filter(window, fake_comparison):
    total = len(fake_comparison.findings)
    assert window.review_label.text() == f"0 / {total} reviewed"
    first = fake_comparison.findings[0].id
    window.review.set_verdicts({first: "confirmed"})
    assert window.review_label.text() == f"1 / {total} reviewed"
    window.findings.verdict_box.setCurrentIndex(window.findings.verdict_box.findData("unreviewed"))
    assert window.findings.proxy.rowCount() == total - 1


def test_fact_cell_opens_side_by_side(window, fake_comparison):
    fact = fake_comparison.facts[0]
    other = fact.members[1].article
    window.navigation.open_fact(fact.id, other)
    assert window.tabs.currentWidget() is window.side
    assert window.side.right_id == other
    assert window.side.row_of(fact=fact.id) >= 0


def test_rename_and_reorder_keep_comparison(window):
    doc = window.doc
    first = doc.articles[0].id
    doc.rename(first, "Renamed Outlet")
    window.view.flush_views()
    assert doc.comparison.article(first).outlet == "Renamed Outlet"
    assert "Renamed Outlet" in window.side.left_box.itemText(0) or \
        window.side.right_box.findText("Renamed Outlet") >= 0
    assert doc.move(first, 1)
    assert doc.articles[1].id == first
    assert [a.id for a in doc.comparison.articles] == [a.id for a in doc.articles]


def test_metric_table_reads_declared_metrics_only():
    table = metric_table({
        "a1": {"readability": {"flesch_kincaid_grade": 9.5, "nested": {"x": 1}},
               "sentiment": {"mean_compound": 0.1, "compound_mean": 0.2, "label": "pos",
                             "by_sentence": {"a1.s1": {"compound": 0.2}}},
               "tone": {"rates_per_1k": {"loaded": 4.0, "hedges": 2.0}}},
        "a2": {"readability": {"flesch_kincaid_grade": 11.0}}})
    keys = [m.key for m in table.rows]
    # Declared names only: an undeclared key (mean_compound, nested.x) is no row, never a guess.
    assert keys == ["readability.flesch_kincaid_grade", "sentiment.compound_mean",
                    "tone.rates_per_1k.loaded", "tone.rates_per_1k.hedges"]
    assert table.value("a1", SENTIMENT) == 0.2 and table.value("a2", GRADE) == 11.0
    assert table.value("a2", LOADED) is None
    assert table.rows[3].label == "Hedges per 1,000 words"


def test_metrics_tab_rows_are_labelled_from_the_vocabulary(window):
    model = window.metrics.model
    labels = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert "Flesch-Kincaid grade" in labels and "Mean sentiment (VADER compound)" in labels
    # The tool tip and the note named a file of the source tree ("docs/METRICS.md") an editor has not got.
    row = labels.index("Flesch-Kincaid grade")
    assert model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole) == (
        "Flesch-Kincaid grade (unit: grade). In the JSON export: readability.flesch_kincaid_grade")
    assert "docs/" not in window.metrics.note.text()
    # Two groups count words: there the group says which.
    words = [m for m in METRICS if m.label == "Words"]
    assert row_labels((GRADE, *words)) == ["Flesch-Kincaid grade", "Words  (readability)", "Words  (tone)"]
    assert [c.title for c in window.overview.charts] == [
        "Flesch-Kincaid grade", "Mean sentiment (VADER compound)", "Loaded words per 1,000 words",
        "Words in direct quotes"]


def test_facts_grid_keeps_the_fact_column_in_view_when_it_scrolls_to_an_outlet(qtbot, fake_comparison):
    """At 1366x768 five outlet columns do not fit: opening the last outlet's cell scrolls the grid
    sideways, and the fact and coverage columns stay in view over its left edge (they used to scroll
    out of sight, leaving the cell with no fact beside it)."""
    from PySide6.QtWidgets import QApplication
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1366, 768)
    show_comparison(w, fake_comparison)
    with qtbot.waitActive(w):
        w.show()
        w.activateWindow()
    press(qtbot, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)     # Go to Facts
    qtbot.waitUntil(lambda: w.tabs.currentWidget() is w.facts)
    view, table = w.facts, w.facts.table
    members = {(f.id, m.article) for f in fake_comparison.facts for m in f.members}
    fact, last = next((f, a.id) for a in reversed(view.model.articles) for f in fake_comparison.facts
                      if (f.id, a.id) in members)
    view.select_fact(fact.id, last)
    QApplication.processEvents()
    assert table.horizontalScrollBar().value() > 0                    # the grid did scroll sideways
    frozen = view.frozen
    assert frozen.isVisible() and frozen.width() == table.columnWidth(0) + table.columnWidth(1)
    row = table.currentIndex().row()
    label = frozen.visualRect(view.model.index(row, 0))
    assert label.width() > 0 and frozen.viewport().rect().intersects(label)   # the fact is beside it
    assert table.visualRect(table.currentIndex()).left() >= frozen.width()   # the cell is not under it
    assert frozen.model().index(row, 0).data() == table.model().index(row, 0).data()


def test_a_count_metric_reads_whole_in_the_metrics_tab(qtbot):
    # "Passives" (a count, stored as a float) read "3.00" beside rates with two decimals.
    from PySide6.QtGui import QColor

    from gui.models.metrics import MetricsModel
    model = MetricsModel()
    model.rows = (next(m for m in METRICS if m.key == "tone.passive.count"),
                  next(m for m in METRICS if m.key == "tone.passive.per_1k"))
    model.article_ids, model.outlets, model.colors = ["a1"], ["Daily"], [QColor("red")]
    model.table = metric_table({"a1": {"tone": {"passive": {"count": 3.0, "per_1k": 2.5}}}})
    assert [model.index(r, 1).data() for r in range(2)] == ["3", "2.50"]


def test_an_omission_counts_a_copy_pair_once_among_its_carriers(qtbot, fake_comparison):
    """Two outlets printing one agency copy are one source, as the engine ranks them: the Overview
    said "carried by 3 of 5" where three sources of four carry the fact."""
    import dataclasses

    from analysis.model import CopyGroup, Omission
    ids = [a.id for a in fake_comparison.articles]
    fact = fake_comparison.facts[0].id
    omission = Omission(fact, ids[4], (ids[0], ids[1], ids[2]), 1, 0.9)
    copy = CopyGroup(original=ids[0], copies=(ids[1],), similarity={ids[1]: 0.95}, kind="copy")
    comp = dataclasses.replace(fake_comparison, omissions=(omission,), copies=(copy,))
    w = MainWindow()
    qtbot.addWidget(w)
    show_comparison(w, comp)
    w.overview.finish_build()
    text = w.overview.browser.toPlainText()
    assert "carried by 2 of 4 sources" in text
    # Without copies the outlets are counted as they are.
    show_comparison(w, dataclasses.replace(comp, copies=()))
    w.overview.finish_build()
    assert "carried by 3 of 5" in w.overview.browser.toPlainText()
    assert "sources" not in w.overview.browser.toPlainText().split("carried by 3 of 5")[1][:9]


def test_the_inspector_quotes_a_span_in_whole_words(window, fake_comparison):
    """The context around a finding's words began and ended at a fixed count of characters, so it
    read "…ng in Paris" and "…ration and alarm"."""
    import re

    from gui.views.inspector import context_window
    text = "The harbour board met on Monday. Officials debated the ferry timetable for hours on end."
    start = text.index("ferry")
    lo, hi = context_window(text, start, start + 5, chars=20)
    assert text[lo:hi] == "debated the ferry timetable for hours"      # not "ficials debated…"
    assert context_window(text, start, start + 5, chars=200) == (0, len(text))
    f = next(f for f in fake_comparison.findings if f.spans)
    window.inspector.show_finding(f)
    shown = window.inspector.browser.toPlainText()
    words = {w for a in fake_comparison.articles for w in re.findall(r"\w+", a.text)}
    cuts = re.findall(r"^…(\w+)|(\w+)…$", shown, flags=re.M)
    assert cuts
    for cut in cuts:
        assert (cut[0] or cut[1]) in words                 # a whole word after and before each "…"
