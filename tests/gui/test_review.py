"""Keyboard review sessions in the real window: every verdict, severity and note lands in the file.

Each test drives the window by keyboard on a session of the bundled seeds and checks the file with a
fresh, read-only ``Session.open`` (what the command line uses), never only the window's own state.
The crash test runs a real window in a child process (tests/gui/review_child.py) and kills it.
"""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import press, wait_analysed
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from analysis.session import SCHEMA_VERSION, Session
from gui import dialogs, settings
from gui.app import make_window
from gui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("review_child.py")
ANALYSIS_TIMEOUT_MS = 60_000
NO = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier




def _type(qtbot, text: str):
    qtbot.keyClicks(QApplication.focusWidget(), text)




def _stored(path: Path) -> dict:
    """The reviews as a fresh reader sees them in the file."""
    with Session.open(path, read_only=True) as s:
        return s.reviews()


def _snapshot(path: Path) -> tuple:
    return path.read_bytes(), path.stat().st_mtime_ns


@pytest.fixture
def session_file(tmp_path, seed_articles) -> Path:
    path = tmp_path / "seeds review.parallax"
    Session.create(path, seed_articles).close()
    return path


def _open_window(qtbot, paths, n_articles=None) -> MainWindow:
    w = make_window([str(p) for p in paths])        # what ``python main.py PATH...`` does
    qtbot.addWidget(w)
    wait_analysed(qtbot, w, n_articles)
    with qtbot.waitActive(w):
        w.show()
        w.activateWindow()
    return w


@pytest.fixture
def window(qtbot, session_file, seed_paths) -> MainWindow:
    w = _open_window(qtbot, [session_file], len(seed_paths))
    w.navigation.show_tab(3)                                    # Ctrl+4: the findings queue has the focus
    return w


# --- reviewing by keys ---------------------------------------------------------------------------

def test_command_line_session_review_keys_land_in_the_file(qtbot, window, session_file):
    w = window
    total = len(w.doc.comparison.findings)
    assert w.host.path == session_file and not w.host.untitled
    assert "seeds review" in w.windowTitle()
    assert w.review_label.text() == f"0 / {total} reviewed"
    assert settings.recent_sessions()[0] == str(session_file)

    press(qtbot, Qt.Key.Key_J)
    first = w.navigation.current
    press(qtbot, Qt.Key.Key_A)
    press(qtbot, Qt.Key.Key_2)
    press(qtbot, Qt.Key.Key_J)
    second = w.navigation.current
    press(qtbot, Qt.Key.Key_D)
    press(qtbot, Qt.Key.Key_Down, ALT)
    third = w.navigation.current
    press(qtbot, Qt.Key.Key_F)
    press(qtbot, Qt.Key.Key_3)
    press(qtbot, Qt.Key.Key_N)
    note = w.inspector.review_bar.note
    assert QApplication.focusWidget() is note
    _type(qtbot, "Ask the desk: a dfjk 123")      # review keys are text inside the note
    press(qtbot, Qt.Key.Key_Escape)                  # closes the editor and keeps the text
    assert QApplication.focusWidget() is w.findings.table
    assert note.toPlainText() == "Ask the desk: a dfjk 123"
    assert len({first.id, second.id, third.id}) == 3

    stored = _stored(session_file)
    assert (stored[first.id].verdict, stored[first.id].severity) == ("confirmed", 2)
    assert stored[second.id].verdict == "dismissed" and stored[second.id].severity is None
    assert (stored[third.id].verdict, stored[third.id].severity) == ("flagged", 3)
    assert stored[third.id].note == "Ask the desk: a dfjk 123"
    assert stored[first.id].finding["kind"] == first.kind          # the snapshot is kept
    assert len(stored) == 3
    assert w.review_label.text() == f"3 / {total} reviewed"

    # Reviewed findings look different in every view that lists them.
    model = w.findings.model
    row = {f.id: n for n, f in enumerate(model.findings)}
    col = model.columnCount() - 1
    assert model.index(row[first.id], col).data().startswith("✓ Confirmed")
    assert model.index(row[third.id], col).data() == "⚑ Flagged  ●●●  ✎"
    assert model.index(row[second.id], 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "⚑ Flagged" in w.inspector.browser.toPlainText()
    assert w.inspector.review_bar.verdict_buttons["flagged"].isChecked()
    assert w.inspector.review_bar.severity_buttons[3].isChecked()
    assert w.overview._mark(first)[0] and "✓" in w.overview._mark(first)[0]
    assert "color:" in w.overview._mark(second)[1]                   # dismissed: dimmed
    w.navigation.show_tab(0)                                   # the overview lists the strongest findings
    w.overview.finish_build()            # its text is built in slices between events: complete it
    html = w.overview.browser.toHtml()
    assert any(m in html for m in ("✓", "✗", "⚑"))


def test_undo_and_redo_by_keys_select_the_finding(qtbot, window, session_file):
    w = window
    press(qtbot, Qt.Key.Key_J)
    first = w.navigation.current
    press(qtbot, Qt.Key.Key_A)
    press(qtbot, Qt.Key.Key_J)
    second = w.navigation.current
    press(qtbot, Qt.Key.Key_D)
    press(qtbot, Qt.Key.Key_J)
    assert w.actions["undo_review"].text() == "Undo dismiss"

    press(qtbot, Qt.Key.Key_Z, CTRL)                 # undo the dismissal: its finding is selected
    assert w.navigation.current.id == second.id
    assert second.id not in _stored(session_file)
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert w.navigation.current.id == first.id
    assert _stored(session_file) == {}
    assert not w.actions["undo_review"].isEnabled()
    press(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)         # redo
    assert w.navigation.current.id == first.id
    assert _stored(session_file)[first.id].verdict == "confirmed"
    press(qtbot, Qt.Key.Key_Y, CTRL)                 # Ctrl+Y redoes too
    assert w.navigation.current.id == second.id
    assert _stored(session_file)[second.id].verdict == "dismissed"
    assert w.review_label.text().startswith("2 / ")
    assert w.findings.model.review_text(second).startswith("✗")


def test_next_unreviewed_skips_reviewed_findings(qtbot, window, session_file):
    w = window
    queue = w.findings.queue()
    for f in queue[1:3] + queue[4:5]:               # review the 2nd, 3rd and 5th in the queue
        w.navigation.select_finding(f.id)
        press(qtbot, Qt.Key.Key_A)
    w.navigation.select_finding(queue[0].id)
    press(qtbot, Qt.Key.Key_J)
    assert w.navigation.current.id == queue[3].id
    press(qtbot, Qt.Key.Key_Down, ALT)
    assert w.navigation.current.id == queue[5].id
    press(qtbot, Qt.Key.Key_K)                       # previous unreviewed
    assert w.navigation.current.id == queue[3].id
    press(qtbot, Qt.Key.Key_Up, ALT)
    assert w.navigation.current.id == queue[0].id
    press(qtbot, Qt.Key.Key_J, SHIFT)                # Shift+J: the next finding, reviewed or not
    assert w.navigation.current.id == queue[1].id

    # With the "Not reviewed" filter, a finding just confirmed stays until the next move, so a
    # severity can follow the verdict; J then drops it from the queue.
    box = w.findings.verdict_box
    box.setCurrentIndex(box.findData("unreviewed"))
    w.navigation.select_finding(queue[3].id)
    w.findings.table.setFocus()
    press(qtbot, Qt.Key.Key_A)
    press(qtbot, Qt.Key.Key_1)
    assert w.navigation.current.id == queue[3].id
    assert _stored(session_file)[queue[3].id].severity == 1
    press(qtbot, Qt.Key.Key_J)
    assert w.navigation.current.id == queue[5].id
    shown = {f.id for f in w.findings.queue()}
    assert queue[3].id not in shown and queue[5].id in shown
    assert w.review_label.text().startswith("4 / ")


def test_note_editor_keeps_text_and_saves_on_leaving(qtbot, window, session_file):
    w = window
    press(qtbot, Qt.Key.Key_J)
    first = w.navigation.current
    press(qtbot, Qt.Key.Key_N)
    _type(qtbot, "first")
    press(qtbot, Qt.Key.Key_Escape)
    press(qtbot, Qt.Key.Key_N)                       # open again: the text is there, cursor at end
    _type(qtbot, " and more")
    press(qtbot, Qt.Key.Key_Down, ALT)               # leaving the finding saves its note
    assert w.navigation.current.id != first.id
    assert _stored(session_file)[first.id].note == "first and more"
    assert w.inspector.review_bar.note.toPlainText() == ""      # now the next finding's note
    press(qtbot, Qt.Key.Key_Escape)
    # Typing pauses save too (no Esc): the note is in the file a moment later.
    press(qtbot, Qt.Key.Key_N)
    _type(qtbot, "typed")
    second = w.navigation.current
    qtbot.waitUntil(lambda: second.id in _stored(session_file), timeout=3000)
    assert _stored(session_file)[second.id].note == "typed"
    assert not _stored(session_file)[second.id].reviewed      # a note alone is not a verdict
    press(qtbot, Qt.Key.Key_Escape)
    press(qtbot, Qt.Key.Key_Z, CTRL)                 # one undo step per note
    assert second.id not in _stored(session_file)


def test_inspector_buttons_show_and_edit_the_review(qtbot, window, session_file):
    w = window
    bar = w.inspector.review_bar
    press(qtbot, Qt.Key.Key_J)
    f = w.navigation.current
    qtbot.mouseClick(bar.verdict_buttons["dismissed"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(bar.severity_buttons[1], Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is w.findings.table          # clicks keep the review focus
    assert (_stored(session_file)[f.id].verdict, _stored(session_file)[f.id].severity) == \
        ("dismissed", 1)
    assert bar.verdict_buttons["dismissed"].isChecked() and bar.severity_buttons[1].isChecked()
    qtbot.mouseClick(bar.verdict_buttons["dismissed"], Qt.MouseButton.LeftButton)   # again: clear
    qtbot.mouseClick(bar.severity_buttons[1], Qt.MouseButton.LeftButton)
    assert f.id not in _stored(session_file)
    assert not any(b.isChecked() for b in bar.verdict_buttons.values())
    qtbot.mouseClick(bar.note, Qt.MouseButton.LeftButton)
    _type(qtbot, "clicked in")
    w.findings.table.setFocus()                     # leaving the editor saves the note
    assert _stored(session_file)[f.id].note == "clicked in"


# --- the window's article edits go to the session --------------------------------------------------

def test_article_edits_are_written_to_the_session(qtbot, window, session_file, seed_paths,
                                                  monkeypatch):
    w = window
    n = len(seed_paths)

    def articles():
        with Session.open(session_file, read_only=True) as s:
            return s.articles()
    # The last article of the compared event (the reference must be one of them).
    last = w.doc.compared_articles()[-1].id
    at = w.doc.index_of(last)
    w.articles_panel.select(last)
    w.articles_panel.setFocus()
    monkeypatch.setattr(dialogs, "ask_outlet_name", lambda parent, current: "The Wire")
    press(qtbot, Qt.Key.Key_F2)
    assert next(a for a in articles() if a.id == last).outlet == "The Wire"
    press(qtbot, Qt.Key.Key_R, CTRL)
    assert [a.id for a in articles() if a.reference] == [last]
    press(qtbot, Qt.Key.Key_Up, CTRL | SHIFT)
    assert [a.id for a in articles()][at - 1] == last
    press(qtbot, Qt.Key.Key_E, CTRL | SHIFT)         # exclude (Ctrl+E is Export)
    assert next(a for a in articles() if a.id == last).excluded
    wait_analysed(qtbot, w, n - 1)
    first = w.doc.articles[0].id
    w.articles_panel.select(first)
    press(qtbot, Qt.Key.Key_Delete)
    assert first not in [a.id for a in articles()]
    wait_analysed(qtbot, w, n - 2)
    # Reopened, the window shows the arrangement the editor left.
    w.close()
    w2 = _open_window(qtbot, [session_file], n - 2)
    assert [a.id for a in w2.doc.articles] == [a.id for a in articles()]
    assert w2.doc.get(last).outlet == "The Wire" and last in w2.doc.excluded
    assert w2.doc.reference == last


def test_editing_one_article_keeps_the_verdicts_of_unchanged_findings(qtbot, window, session_file):
    from analysis import load_article
    w = window
    before = list(w.doc.comparison.findings)
    w.review.set_verdicts({f.id: ("confirmed", "dismissed", "flagged")[n % 3]
                    for n, f in enumerate(before)})          # one batch, one undo step
    assert w.review_label.text() == f"{len(before)} / {len(before)} reviewed"
    # The editor changes one sentence of one article (the window's own edit path: the same one
    # restoring removed lines takes); the analysis runs again.
    edited = w.doc.articles[3]
    sentence = edited.sentences[5].text
    text = edited.source_text.replace(sentence, "A spokesperson declined to comment on the talks.")
    w.doc.replace_article(load_article(text, kind="paste", article_id=edited.id,
                                       outlet=edited.outlet, title=edited.title))
    qtbot.waitUntil(lambda: w.doc.comparison is not None
                    and w.doc.comparison.findings != tuple(before), timeout=ANALYSIS_TIMEOUT_MS)
    wait_analysed(qtbot, w)
    after = {f.id for f in w.doc.comparison.findings}
    untouched = [f for f in before if edited.id not in f.articles]
    assert len(untouched) > len(before) // 3                 # exclusives are one per article
    # Same text, same key.  Alignment is corpus-wide (word weights, facts built across all outlets),
    # so an edit in one article may regroup a marginal fact of the others: most untouched findings,
    # not necessarily all, come back with their key.
    assert len({f.id for f in untouched} & after) >= 0.75 * len(untouched)
    stored = _stored(session_file)
    for n, f in enumerate(before):
        assert stored[f.id].verdict == ("confirmed", "dismissed", "flagged")[n % 3]
    kept = len(after & {f.id for f in before})
    assert w.review_label.text() == f"{kept} / {len(after)} reviewed"
    with Session.open(session_file, read_only=True) as s:
        assert "declined to comment" in s.article(edited.id).source_text


# --- sessions: untitled, save as, recent, bad files --------------------------------------------------

def test_first_review_makes_an_untitled_session_and_save_as_names_it(qtbot, seed_paths, tmp_path,
                                                                      monkeypatch):
    w = _open_window(qtbot, seed_paths, len(seed_paths))       # articles, no session
    assert w.host.session is None
    w.navigation.show_tab(3)
    press(qtbot, Qt.Key.Key_J)
    f = w.navigation.current
    press(qtbot, Qt.Key.Key_F)
    untitled = w.host.path
    assert w.host.untitled and untitled.parent == Path(settings.untitled_folder())
    assert "Untitled session" in w.session_label.text()
    assert _stored(untitled)[f.id].verdict == "flagged"
    assert str(untitled) in settings.recent_sessions()

    named = tmp_path / "named.parallax"
    monkeypatch.setattr(dialogs, "ask_save_session", lambda parent, title, suggested: str(named))
    press(qtbot, Qt.Key.Key_S, CTRL | SHIFT)
    assert w.host.path == named and not w.host.untitled and not untitled.exists()
    assert settings.recent_sessions()[0] == str(named)
    assert str(untitled) not in settings.recent_sessions()
    press(qtbot, Qt.Key.Key_3)
    assert _stored(named)[f.id].severity == 3 and _stored(named)[f.id].verdict == "flagged"
    # New session: a fresh review of the same articles, in a file of its own.
    fresh = tmp_path / "fresh.parallax"
    monkeypatch.setattr(dialogs, "ask_save_session", lambda parent, title, suggested: str(fresh))
    press(qtbot, Qt.Key.Key_N, CTRL)
    assert w.host.path == fresh and w.host.reviews == {} and _stored(fresh) == {}
    assert w.review_label.text().startswith("0 / ")
    with Session.open(fresh, read_only=True) as s:
        assert [a.id for a in s.articles()] == [a.id for a in w.doc.articles]
    assert _stored(named)[f.id].severity == 3                  # the other file is as it was
    w.close()
    assert not Path(f"{named}.lock").exists()                  # closing lets go of the file

    # Recent sessions reopens it, with its verdicts, from the menu.
    w2 = MainWindow()
    qtbot.addWidget(w2)
    w2.session.fill_recent_menu(w2.session.recent_menu)
    names = [a.text() for a in w2.session.recent_menu.actions()]
    assert names[:2] == ["fresh", "named"]
    entry = next(a for a in w2.session.recent_menu.actions() if a.text() == "named")
    entry.trigger()
    wait_analysed(qtbot, w2, len(seed_paths))
    assert w2.host.review(f.id).verdict == "flagged"
    assert w2.review_label.text().startswith("1 / ")


def test_untitled_session_without_reviews_is_deleted(qtbot, seed_paths):
    w = _open_window(qtbot, seed_paths, len(seed_paths))
    w.navigation.show_tab(3)
    press(qtbot, Qt.Key.Key_J)
    press(qtbot, Qt.Key.Key_A)
    untitled = w.host.path
    press(qtbot, Qt.Key.Key_Z, CTRL)                 # nothing left in it
    w.close()
    assert not untitled.exists() and str(untitled) not in settings.recent_sessions()


def _bad_files(tmp_path: Path, good: Path) -> dict[str, tuple[Path, str]]:
    damaged = tmp_path / "random.parallax"
    damaged.write_bytes(os.urandom(8192))
    cut = tmp_path / "cut.parallax"
    data = good.read_bytes()
    cut.write_bytes(data[: len(data) // 2 + 100])
    newer = tmp_path / "newer.parallax"
    newer.write_bytes(data)
    with sqlite3.connect(newer) as raw:
        raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.close()
    return {"damaged": (damaged, "not a Parallax session file"),
            "cut short": (cut, "damaged"),
            "newer": (newer, "newer Parallax"),
            "missing": (tmp_path / "missing.parallax", "No session file")}


def test_bad_session_files_give_a_message_and_stay_untouched(qtbot, session_file, tmp_path,
                                                             monkeypatch, seed_articles):
    w = MainWindow()
    qtbot.addWidget(w)
    with qtbot.waitActive(w):
        w.show()
        w.activateWindow()
    for name, (path, expected) in _bad_files(tmp_path, session_file).items():
        before = _snapshot(path) if path.exists() else None
        monkeypatch.setattr(dialogs, "ask_open_session", lambda parent, folder, p=path: str(p))
        press(qtbot, Qt.Key.Key_O, CTRL | SHIFT)
        text = w.banner.text()
        assert expected in text, (name, text)
        assert "Traceback" not in text and "\n" not in text, name
        assert w.host.session is None, name
        if before is not None:
            assert _snapshot(path) == before, name
    # Locked by another running instance: the message names it; the file is not touched.
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from analysis.session import Session; "
         "s = Session.open(sys.argv[1]); print('ready', flush=True); time.sleep(60)",
         str(session_file)], cwd=ROOT, stdout=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert holder.stdout.readline().strip() == "ready"
        asked: list[str] = []
        monkeypatch.setattr(dialogs, "ask_open_read_only", lambda parent, message: asked.append(message) or False)
        w.articles.open_paths([str(session_file)])           # as from the command line or a drop
        assert "open in another Parallax" in w.banner.text()
        assert f"process {holder.pid}" in w.banner.text()
        assert w.host.session is None
        assert len(asked) == 1 and f"process {holder.pid}" in asked[0]
        # "Open read-only": the window shows it, and never writes the file the other one holds.
        before = _snapshot(session_file)
        monkeypatch.setattr(dialogs, "ask_open_read_only", lambda parent, message: True)
        w.articles.open_paths([str(session_file)])
        assert w.host.session is not None and w.host.read_only
        assert "read-only" in w.banner.text()
        w.session.close_session()
        assert _snapshot(session_file) == before
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()       # its pipe too (a ResourceWarning otherwise)
    # The same file already open in this process (another window) is refused as well.
    with Session.open(session_file):
        w.articles.open_paths([str(session_file)])
        assert "already open" in w.banner.text()


def test_read_only_session_opens_with_a_banner_and_save_as_makes_it_writable(
        qtbot, session_file, seed_paths, tmp_path, monkeypatch):
    with Session.open(session_file) as s:
        s.set_note("kept-note", "from before")
    session_file.chmod(0o444)
    try:
        before = _snapshot(session_file)
        w = _open_window(qtbot, [session_file], len(seed_paths))
        w.resize(1366, 768)         # a laptop's status line: room for the reason after the path
        assert "read-only" in w.banner.text() and "(read-only)" in w.windowTitle()
        w.navigation.show_tab(3)
        press(qtbot, Qt.Key.Key_J)
        f = w.navigation.current
        press(qtbot, Qt.Key.Key_A)                   # refused, with the reason; nothing written
        assert "read-only" in w.statusBar().currentMessage()
        assert w.navigation.current.id == f.id
        assert not w.inspector.review_bar.verdict_buttons["confirmed"].isEnabled()
        assert w.inspector.review_bar.note.isReadOnly()
        assert w.host.review(f.id).verdict == "none"
        assert _snapshot(session_file) == before
        copy = tmp_path / "mine.parallax"
        monkeypatch.setattr(dialogs, "ask_save_session", lambda parent, title, s: str(copy))
        press(qtbot, Qt.Key.Key_S, CTRL | SHIFT)
        assert w.host.path == copy and not w.host.read_only
        assert "read-only" not in w.windowTitle()
        press(qtbot, Qt.Key.Key_A)
        assert _stored(copy)[f.id].verdict == "confirmed"
        assert _stored(copy)["kept-note"].note == "from before"
        assert _snapshot(session_file) == before
    finally:
        session_file.chmod(0o644)


# --- the crash test ----------------------------------------------------------------------------------

def test_kill_9_mid_review_loses_nothing_committed(tmp_path, session_file):
    """A real window reviews by keyboard in a child process, printing each committed change; it is
    killed with SIGKILL in the middle, and every printed verdict, severity and note is in the file."""
    data = tmp_path / "child-home"
    data.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "XDG_CONFIG_HOME": str(data), "XDG_DATA_HOME": str(data)}
    child = subprocess.Popen([sys.executable, str(CHILD), str(session_file)], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    lines: list[str] = []
    try:
        deadline = time.time() + 120
        ready = child.stdout.readline()
        assert ready.startswith("READY"), ready
        while len(lines) < 30 and time.time() < deadline:
            line = child.stdout.readline()
            assert line and line != "DONE\n", "the child stopped before it was killed"
            lines.append(line.rstrip("\n"))
    finally:
        os.kill(child.pid, signal.SIGKILL)          # mid-session: it is reviewing the next one
        rest, _ = child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL
    lines += [x for x in rest.splitlines() if x and x != "DONE"]   # printed after commits too
    expected: dict[str, dict] = {}
    for line in lines:
        what, key, value = line.split(" ", 2)
        field = {"VERDICT": "verdict", "SEVERITY": "severity", "NOTE": "note"}[what]
        expected.setdefault(key, {})[field] = int(value) if field == "severity" else value
    assert sum("note" in e for e in expected.values()) >= 2
    assert sum("severity" in e for e in expected.values()) >= 2

    with Session.open(session_file, read_only=True) as s:      # the killed writer's WAL is read
        stored = s.reviews()
    for key, fields in expected.items():
        for field, value in fields.items():
            assert getattr(stored[key], field) == value, (key, field)
    # The dead window's lock is taken over; undo (kept in the file) still works.
    with Session.open(session_file) as s:
        assert not s.read_only
        assert s.undo() is not None
