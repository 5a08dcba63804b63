"""File > Open batch index… (or the index JSON on the command line): the events are listed and the
one chosen is opened and compared."""
from __future__ import annotations

import json

import pytest

from analysis.batch.folder import Event, Plan
from analysis.batch.index import index_data, index_json
from gui import dialogs
from gui.main_window import MainWindow


@pytest.fixture
def index_file(tmp_path, seed_paths):
    """An index of two events over the seeds' folder: two seeds compared, one seed alone."""
    folder = str(seed_paths[0].parent)
    events = (Event(1, "Paris summit", tuple(str(p) for p in seed_paths[:2]), ("d1", "d2"), "k1"),
              Event(2, "A later meeting", (str(seed_paths[4]),), ("d5",), "k2"))
    data = index_data(Plan(folder, events, (), 3), {"k1": {"omissions": 4, "articles": []}},
                      {"k1": "done"}, pdf=False)
    path = tmp_path / "index.json"
    path.write_text(index_json(data), encoding="utf-8")
    return path


@pytest.fixture
def window(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    return w


def test_the_index_on_the_command_line_lists_events_and_opens_the_chosen_one(
        qtbot, window, index_file, seed_paths, monkeypatch):
    shown = []
    monkeypatch.setattr(dialogs, "ask_batch_event", lambda parent, events: shown.append(events) or 0)
    window.articles.open_paths([str(index_file)])
    [events] = shown
    assert [e.line() for e in events] == ["e1  Paris summit — 2 articles, 4 omissions",
                                          "e2  A later meeting — 1 article, alone"]
    qtbot.waitUntil(lambda: len(window.doc.articles) == 2, timeout=60_000)     # read, not yet analysed
    assert [a.path for a in window.doc.articles] == [str(p) for p in seed_paths[:2]]


def test_open_batch_index_from_the_file_menu(qtbot, window, index_file, seed_paths, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_batch_index", lambda parent: str(index_file))
    monkeypatch.setattr(dialogs, "ask_batch_event", lambda parent, events: 1)
    window.actions["open_batch"].trigger()
    qtbot.waitUntil(lambda: len(window.doc.articles) == 1, timeout=60_000)
    assert [a.path for a in window.doc.articles] == [str(seed_paths[4])]


def test_a_damaged_index_is_one_line_in_the_banner(qtbot, window, tmp_path, monkeypatch):
    bad = tmp_path / "index.json"
    bad.write_text(json.dumps({"schema": "parallax.batch/1", "events": "oops"})[:30], encoding="utf-8")
    monkeypatch.setattr(dialogs, "ask_batch_event", lambda parent, events: pytest.fail("no list"))
    window.articles.open_paths([str(bad)])
    assert "Could not open the batch index" in window.banner.text() and "not JSON" in window.banner.text()
