"""The Outlets pane lists the event groups, articles under their group, and the editor switches the
compared group with the keyboard (Enter) or the "Compare this event" action.  Texts: invented
(tests/analysis/event_texts.py)."""
from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from analysis import compare, load_article
from gui.controllers.analysis import compare_job
from gui.document import Document
from gui.views.articles_panel import ArticlesPanel

# The invented texts live beside the engine's event tests ("tests" itself is taken by an installed
# package, so they are imported by folder).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "analysis"))
from event_texts import BRIDGE, TRADE_TRIP, WATER_BILL  # noqa: E402


@pytest.fixture(scope="module")
def articles():
    texts = [BRIDGE[0], WATER_BILL[0], TRADE_TRIP[0], BRIDGE[1], WATER_BILL[1], TRADE_TRIP[1], BRIDGE[2]]
    return [load_article(t, kind="paste", article_id=f"a{i + 1}") for i, t in enumerate(texts)]


def _rows(model) -> list[tuple[str, list[str]]]:
    out = []
    for r in range(model.rowCount()):
        head = model.index(r, 0)
        out.append((head.data(), [model.index(c, 0, head).data(Qt.ItemDataRole.UserRole)
                                  for c in range(model.rowCount(head))]))
    return out


def test_groups_are_listed_and_enter_compares_another(qtbot, articles):
    doc = Document()
    panel = ArticlesPanel(doc)          # as in the window: the pane first, then the articles
    qtbot.addWidget(panel)
    panel.show()
    doc.replace_all(articles)
    doc.set_comparison(compare(articles))
    rows = _rows(panel.events_model)
    assert panel.events.isVisible()
    assert [members for _, members in rows] == [["a1", "a4", "a7"], ["a2", "a5"], ["a3", "a6"]]
    assert rows[0][0] == "▶ Event 1: Marrowby harbour bridge collapses during morning rush"
    assert rows[1][0] == "Event 2: Governor Quaranta signs water rationing law"
    # The event names take the pane's width (the count column only what it needs), not 100 px.
    header = panel.events.header()
    assert header.sectionSize(0) + header.sectionSize(1) >= panel.events.viewport().width() - 2
    assert header.sectionSize(0) > header.sectionSize(1)
    assert "not compared (see Events below to compare it)" in \
        panel.model.data(panel.model.index(1, 0), Qt.ItemDataRole.ToolTipRole)

    # Keyboard: the cursor on event 2, Enter -> the Document asks for a re-run on that group.
    panel.events.setFocus()
    panel.events.setCurrentIndex(panel.events_model.index(1, 0))
    with qtbot.waitSignal(doc.articlesChanged, timeout=2000):
        qtbot.keyClick(panel.events, Qt.Key.Key_Return)
    assert doc.compared_with == "a2"
    doc.set_comparison(compare_job(doc.included(), lambda f, s: None, event=doc.compared_with))
    rows = _rows(panel.events_model)
    assert rows[1][0].startswith("▶ Event 2: ") and not rows[0][0].startswith("▶")
    assert {e.article for e in doc.comparison.event if e.same_event} == {"a2", "a5"}

    # The action, on an article row under event 3: that article's group.
    group3 = panel.events_model.index(2, 0)
    panel.events.setCurrentIndex(panel.events_model.index(1, 0, group3))
    panel.compare_event_action.trigger()
    assert doc.compared_with == "a3"


def test_one_event_shows_no_events_list(qtbot, articles):
    doc = Document()
    panel = ArticlesPanel(doc)
    qtbot.addWidget(panel)
    panel.show()
    bridge = [articles[0], articles[3], articles[6]]
    doc.replace_all(bridge)
    doc.set_comparison(compare(bridge))
    assert panel.events_model.rowCount() == 0 and not panel.events.isVisible()


def test_the_window_reruns_on_the_chosen_event(qtbot, seed_paths):
    """The real window on the seeds: event 2 is the September article alone; choosing it compares
    nothing and says so, through the analysis controller and the engine."""
    from helpers import ANALYSIS_TIMEOUT_MS, wait_analysed

    from gui.app import make_window
    w = make_window([])
    qtbot.addWidget(w)
    wait_analysed(qtbot, w, len(seed_paths))
    events = w.articles_panel.events
    assert [m for _, m in _rows(w.articles_panel.events_model)] == [["a1", "a2", "a3", "a4"], ["a5"]]
    events.setFocus()
    events.setCurrentIndex(w.articles_panel.events_model.index(1, 0))
    qtbot.keyClick(events, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.doc.comparison is not None and w.doc.compared_with == "a5"
                    and any(n.startswith("Event group 2 holds one article") for n in w.doc.comparison.notes),
                    timeout=ANALYSIS_TIMEOUT_MS)
    assert not any(e.same_event for e in w.doc.comparison.event)


def test_the_outlet_column_shows_whole_names_in_a_narrow_pane(qtbot, articles):
    # At 1366x768 the pane is about 270 px: the outlet column was capped at half of it and measured
    # the names without the check box, the chip, the ★ and the bold reference font, so a headline
    # standing for a name ("★ “Marrowby harbour bri…") was cut while the title kept the room.
    from gui.views.articles_panel import TITLE_MIN_PX

    named = [replace(a, outlet=name) for a, name in
             zip(articles[:3], ("“Harbour Bridge Falls…”", "Quaranta Gazette", "Trade Desk"))]
    doc = Document()
    panel = ArticlesPanel(doc)
    qtbot.addWidget(panel)
    panel.resize(310, 400)
    panel.show()
    qtbot.waitExposed(panel)
    doc.replace_all(named)
    panel.resize(300, 400)              # a resize fits the columns again, as the dock does
    qtbot.wait(10)
    assert doc.reference == named[0].id          # the ★ and the bold font are on the longest name
    header = panel.view.header()
    assert header.sectionSize(0) >= panel.view.sizeHintForColumn(0)
    assert header.sectionSize(1) >= TITLE_MIN_PX - 2
    assert header.sectionSize(0) + header.sectionSize(1) <= panel.view.viewport().width() + 2
