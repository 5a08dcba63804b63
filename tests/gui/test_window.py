"""The real window on the real engine, driven by the keyboard (offscreen)."""
from __future__ import annotations

from pathlib import Path

import pytest
from helpers import press, show_comparison, wait_analysed
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from gui import dialogs, settings
from gui.app import make_window
from gui.main_window import MainWindow


@pytest.fixture
def seeds_window(qtbot, seed_paths):
    """The window exactly as ``python main.py`` opens it: on the bundled seeds."""
    w = make_window([])
    qtbot.addWidget(w)
    with qtbot.waitActive(w):
        w.activateWindow()
    wait_analysed(qtbot, w, len(seed_paths))
    return w


@pytest.fixture
def engine_window(qtbot, real_comparison):
    """A window holding the engine's seed Comparison (computed once per session)."""
    w = MainWindow()
    qtbot.addWidget(w)
    show_comparison(w, real_comparison)
    w.show()
    with qtbot.waitActive(w):
        w.activateWindow()
    return w


def test_open_on_seeds_then_navigate_by_keyboard(qtbot, seeds_window, seed_paths):
    w = seeds_window
    comp = w.doc.comparison
    assert len(comp.articles) == len(seed_paths)
    assert comp.findings, "the engine found nothing on the seeds"
    assert w.banner.text() == "" or "Only one" not in w.banner.text()
    # J: first finding, shown in the inspector and side by side.
    w.tabs.setCurrentWidget(w.side)
    w.side.setFocus()
    press(qtbot, Qt.Key.Key_J)
    first = w.navigation.current
    assert first is not None
    assert first.evidence[:20] in w.inspector.browser.toPlainText().replace("\u2029", "\n")
    # Alt+Down: the next one; K: back.
    press(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    second = w.navigation.current
    assert second is not None and second.id != first.id
    press(qtbot, Qt.Key.Key_K)
    assert w.navigation.current.id == first.id
    # Alt+Up from the first: the previous *unreviewed* finding wraps round to the last one;
    # Alt+Shift+Up steps through every finding and stops at the first.
    press(qtbot, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert w.navigation.current.id == w.findings.queue()[-1].id
    press(qtbot, Qt.Key.Key_J)
    assert w.navigation.current.id == first.id
    press(qtbot, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    assert w.navigation.current.id == first.id
    # Ctrl+1..6 switch tabs.
    for n in range(6):
        press(qtbot, getattr(Qt.Key, f"Key_{n + 1}"), Qt.KeyboardModifier.ControlModifier)
        assert w.tabs.currentIndex() == n
    # A verdict key updates the status line.
    press(qtbot, Qt.Key.Key_A)
    assert w.review_label.text().startswith("1 / ")


def test_palette_runs_an_action(qtbot, engine_window):
    w = engine_window
    w.tabs.setCurrentIndex(0)
    press(qtbot, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    palette = w.help.palette_dialog
    qtbot.waitUntil(palette.isVisible)
    qtbot.keyClicks(palette.edit, "go to metrics")
    assert palette.list.currentItem().text().startswith("Go to Metrics")
    qtbot.keyClick(palette.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.tabs.currentWidget() is w.metrics)
    assert not palette.isVisible()


def test_shortcut_sheet_opens_with_f1_and_question_mark(qtbot, engine_window):
    w = engine_window
    press(qtbot, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: w.help.sheet.isVisible())
    assert "Next finding" in w.help.sheet.browser.toPlainText()
    w.help.sheet.close()
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    w.help.sheet = None
    press(qtbot, Qt.Key.Key_Question)
    qtbot.waitUntil(lambda: w.help.sheet is not None and w.help.sheet.isVisible())


def test_paste_article_by_keyboard(qtbot, engine_window, monkeypatch, seed_paths):
    w = engine_window
    text = Path(seed_paths[0]).read_text(encoding="utf-8").replace("Paris", "Paris, France")
    monkeypatch.setattr(dialogs, "ask_paste",
                        lambda parent, clip: dialogs.Pasted("Pasted Times", "A pasted title", text))
    press(qtbot, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    wait_analysed(qtbot, w, len(seed_paths) + 1)
    pasted = w.doc.articles[-1]
    assert pasted.outlet == "Pasted Times" and pasted.title == "A pasted title"
    assert pasted.source_kind == "paste"
    assert w.side.right_box.findText("Pasted Times") >= 0


def test_paste_nothing_says_so(qtbot, engine_window, monkeypatch):
    w = engine_window
    monkeypatch.setattr(dialogs, "ask_paste", lambda parent, clip: dialogs.Pasted("", "", "  \n "))
    w.actions["paste_article"].trigger()
    assert "empty" in w.banner.text()
    assert len(w.doc.articles) == len(w.doc.comparison.articles)


def test_binary_drop_gives_a_message(qtbot, engine_window, tmp_path):
    w = engine_window
    bad = tmp_path / "photo.txt"
    bad.write_bytes(bytes(range(256)) * 64)
    missing = tmp_path / "missing.txt"
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(bad)), QUrl.fromLocalFile(str(missing))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    w.dropEvent(event)
    qtbot.waitUntil(lambda: "Could not add" in w.banner.text(), timeout=10_000)
    assert "photo.txt" in w.banner.text() and "missing.txt" in w.banner.text()
    assert "Traceback" not in w.banner.text()


def test_failed_link_gives_a_message(qtbot, engine_window, monkeypatch):
    w = engine_window
    monkeypatch.setattr(dialogs, "ask_link", lambda parent: "http://127.0.0.1:9/nothing-here")
    w.actions["add_link"].trigger()
    qtbot.waitUntil(lambda: "Could not add" in w.banner.text(), timeout=30_000)
    monkeypatch.setattr(dialogs, "ask_link", lambda parent: "not a link")
    w.actions["add_link"].trigger()
    assert "Not a web link" in w.banner.text()


def test_one_article_gives_a_message(qtbot, seed_paths):
    w = make_window([str(seed_paths[0])])
    qtbot.addWidget(w)
    wait_analysed(qtbot, w, 1)
    assert "Only one article" in w.banner.text()


def test_exclude_and_remove_rerun_analysis(qtbot, engine_window, seed_paths):
    w = engine_window
    n = len(seed_paths)
    w.articles_panel.select(w.doc.articles[-1].id)
    w.articles_panel.setFocus()
    press(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier
         | Qt.KeyboardModifier.ShiftModifier)          # exclude (Ctrl+E is Export)
    wait_analysed(qtbot, w, n - 1)
    assert len(w.doc.articles) == n
    w.articles_panel.select(w.doc.articles[0].id)
    w.actions["remove_article"].trigger()
    wait_analysed(qtbot, w, n - 2)
    assert len(w.doc.articles) == n - 1


def test_restore_removed_line(qtbot, engine_window):
    w = engine_window
    art = next(a for a in w.doc.articles if a.removed)
    line = art.removed[0]
    w.articles.restore_removed(art.id, [line.line])
    new = w.doc.get(art.id)
    assert line.text.strip() in new.text
    assert line not in new.removed
    wait_analysed(qtbot, w)


def test_geometry_and_recent_files_are_remembered(qtbot, seed_paths, settings_dir):
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.resize(701, 503)   # inside the offscreen platform's 800x600 screen
    qtbot.wait(20)
    size = (w.size().width(), w.size().height())     # the minimum size may have won
    settings.add_recent([str(seed_paths[0])])
    w.close()
    w2 = MainWindow()
    qtbot.addWidget(w2)
    # Width is clamped by the offscreen screen and the docks' minimum; the height is not.
    assert w2.size().height() == size[1] == 503
    assert not settings.settings().value("window/geometry").isEmpty()
    assert settings.recent_files()[0] == str(seed_paths[0])
    assert Path(settings_dir).exists()
    assert settings.settings().fileName().startswith(settings_dir)


def test_the_window_keeps_the_whole_runs_word_budget(qtbot, engine_window, tmp_path, monkeypatch):
    """An article that would take the comparison past MAX_COMPARISON_WORDS is not added (with a
    message naming it); a shorter one given after it still fits."""
    from analysis import constants as C

    w = engine_window
    before = len(w.doc.articles)
    present = sum(a.word_count for a in w.doc.articles)
    monkeypatch.setattr(C, "MAX_COMPARISON_WORDS", present + 120)
    sentence = "The harbour council voted on the new ferry timetable after a long debate. "
    big, small = tmp_path / "long-report.txt", tmp_path / "short-note.txt"
    big.write_text("Long report\n\n" + sentence * 20, encoding="utf-8")       # ~260 words
    small.write_text("Short note\n\n" + sentence * 6, encoding="utf-8")       # ~80 words
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(big)), QUrl.fromLocalFile(str(small))])
    w.dropEvent(QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                           Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))
    qtbot.waitUntil(lambda: "Could not add" in w.banner.text(), timeout=10_000)
    assert "long-report.txt: left out: with it the articles would hold" in w.banner.text()
    assert f"more than the {present + 120:,} Parallax compares at once" in w.banner.text()
    assert [a.path for a in w.doc.articles[before:]] == [str(small)]


def test_articles_opened_as_a_whole_are_analysed_at_once_and_edits_are_batched(qtbot, seed_articles):
    # The first analysis waited the edits' 150 ms batching for nothing: nothing else was coming.
    from gui.controllers.analysis import ANALYSIS_DELAY_MS
    w = MainWindow()
    qtbot.addWidget(w)
    started = []
    w.analysis.start_analysis = lambda: started.append(w.doc.epoch)   # the engine is not needed here
    w.analysis.timer.timeout.disconnect()
    w.analysis.timer.timeout.connect(w.analysis.start_analysis)
    w.doc.replace_all(seed_articles[:2])
    assert w.analysis.timer.isActive() and w.analysis.timer.interval() == 0
    qtbot.waitUntil(lambda: started == [1], timeout=1000)
    w.doc.set_excluded(seed_articles[1].id, True)
    assert w.analysis.timer.isActive() and w.analysis.timer.interval() == ANALYSIS_DELAY_MS
    w.doc.set_excluded(seed_articles[1].id, False)               # a second edit joins the batch
    qtbot.waitUntil(lambda: started == [1, 1], timeout=2000)
    w.doc.replace_all(seed_articles[2:4])
    assert w.analysis.timer.interval() == 0
