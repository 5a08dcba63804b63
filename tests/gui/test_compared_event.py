"""Only the compared event's articles are "the outlets" of counts, charts and tables (an article on
another event stays in the outlets list); shares read as percentages."""
from __future__ import annotations

import dataclasses

import pytest
from helpers import show_comparison
from PySide6.QtWidgets import QApplication

from analysis.vocabulary.metrics import QUOTED
from gui.main_window import MainWindow


def _other_event(comparison, n_other: int = 1):
    """The comparison with its last ``n_other`` articles marked as on another event."""
    keep = len(comparison.event) - n_other
    event = tuple(m if i < keep else dataclasses.replace(m, same_event=False, score=0.0)
                  for i, m in enumerate(comparison.event))
    return dataclasses.replace(comparison, event=event)


@pytest.fixture
def window(qtbot, fake_comparison):
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1366, 768)
    show_comparison(w, _other_event(fake_comparison))
    w.show()
    qtbot.waitExposed(w)
    return w


def test_counts_and_tables_leave_out_the_article_on_another_event(window, fake_comparison):
    w = window
    compared = len(fake_comparison.articles) - 1
    other = fake_comparison.articles[-1]
    w.overview.finish_build()
    text = w.overview.browser.toPlainText()
    assert f"{compared} outlets · " in text and "(+1 on another event)" in text
    assert w.status.counts_label.text().startswith(f"{compared} outlets (+1 on another event) · ")
    for view in (w.metrics, w.voices):
        w.tabs.setCurrentWidget(view)
        QApplication.processEvents()
    assert w.metrics.model.article_ids == [a.id for a in w.doc.compared_articles()]
    assert other.id not in w.metrics.model.article_ids
    assert other.outlet not in [b.label for b in w.metrics.chart.bars]
    assert other.id not in [a.id for a in w.voices.model.articles]
    for chart in w.overview.charts:
        assert other.outlet not in [b.label for b in chart.bars]
    # It is still an outlet of the window: listed, and in side by side's choices.
    assert other.id in [a.id for a in w.doc.shown_articles()]


def test_all_articles_count_when_none_is_marked_compared(qtbot, fake_comparison):
    w = MainWindow()
    qtbot.addWidget(w)
    event = tuple(dataclasses.replace(m, same_event=False) for m in fake_comparison.event)
    show_comparison(w, dataclasses.replace(fake_comparison, event=event))
    assert len(w.doc.compared_articles()) == len(fake_comparison.articles)
    assert w.doc.on_other_events() == ""


def test_a_share_reads_as_a_percentage_in_the_table_and_its_chart(window):
    w = window
    w.tabs.setCurrentWidget(w.metrics)
    QApplication.processEvents()
    model = w.metrics.model
    row = model.keys.index(QUOTED.key)
    value = model.row_values(row)[1][1]         # the second outlet's quote share: 0.1
    assert value == pytest.approx(0.1)
    assert model.data(model.index(row, 2)) == "10%"
    w.metrics.table.selectRow(row)
    chart = w.metrics.chart
    assert chart.subtitle == "%"
    assert chart.fmt(chart.bars[1].value) == "10%"
    assert "10%" in chart.accessibleDescription()
    quoted = next(c for c in w.overview.charts if c.title == QUOTED.label)
    assert quoted.fmt(quoted.bars[1].value) == "10%"


def test_the_other_event_mark_stays_on_one_line(window):
    """"⚠ other event?" broke over three lines in a 14% column of the same-event table."""
    w = window
    w.tabs.setCurrentWidget(w.overview)
    w.overview.finish_build()
    QApplication.processEvents()
    doc = w.overview.browser.document()
    doc.setTextWidth(w.overview.browser.viewport().width())
    marks, block = [], doc.begin()
    while block.isValid():
        if "other" in block.text() and "event?" in block.text():
            doc.documentLayout().blockBoundingRect(block)
            marks.append(block.layout().lineCount())
        block = block.next()
    assert marks and all(n == 1 for n in marks), marks


def test_quoted_words_per_outlet_are_whole_numbers(window):
    """The Voices tab's totals chart wrote word counts as "29.0" and "0.00"."""
    w = window
    w.tabs.setCurrentWidget(w.voices)
    QApplication.processEvents()
    chart = w.voices.totals
    texts = [chart.fmt(b.value) for b in chart.bars]
    assert texts == ["10", "20", "30", "40"]        # the four compared outlets' quoted words


def test_side_by_side_opens_on_two_articles_of_the_compared_event(qtbot, fake_comparison):
    """The reference and the next article were on another event: side by side opened on them, two
    columns of "not covered"; it opens on the compared event's articles, every outlet still offered."""
    w = MainWindow()
    qtbot.addWidget(w)
    event = tuple(dataclasses.replace(m, same_event=i >= 2) for i, m in enumerate(fake_comparison.event))
    show_comparison(w, dataclasses.replace(fake_comparison, event=event))
    compared = {a.id for a in w.doc.compared_articles()}
    assert w.doc.reference not in compared
    assert {w.side.left_id, w.side.right_id} <= compared and w.side.left_id != w.side.right_id
    assert w.side.left_box.count() == len(fake_comparison.articles)


def test_the_reference_star_is_on_an_article_of_the_compared_event(qtbot, fake_comparison):
    """The first article (the reference) is on another event: the ★, the bold name and side by
    side's left column go to the first compared article, and it cannot be made the reference."""
    w = MainWindow()
    qtbot.addWidget(w)
    event = tuple(dataclasses.replace(m, same_event=i >= 1) for i, m in enumerate(fake_comparison.event))
    show_comparison(w, dataclasses.replace(fake_comparison, event=event))
    other, first = fake_comparison.articles[0], fake_comparison.articles[1]
    model = w.articles_panel.model
    names = [model.data(model.index(n, 0)) for n in range(model.rowCount())]
    assert [n for n in names if n.startswith("★")] == [f"★ {first.outlet}"]
    assert w.doc.shown_reference() == first.id and w.doc.shown_articles()[0].id == first.id
    assert w.side.left_id == first.id
    w.articles_panel.select(other.id)
    w.articles.set_reference()
    assert w.doc.shown_reference() == first.id
    assert "is on another event" in w.statusBar().currentMessage()
    w.articles_panel.select(fake_comparison.articles[2].id)
    w.articles.set_reference()
    assert w.doc.shown_reference() == fake_comparison.articles[2].id
