"""File > Export… (Ctrl+E) in the real window on the seeds: the dialog, the four formats, progress,
Cancel (Esc), failures as one line, and a GUI thread that keeps running while a PDF is written.

Reviews are made by keys (A on a finding, N and typing for the note), as an editor makes them, and
the written files are read back (the PDF with ``pdftotext`` / ``pdfinfo`` from poppler-utils).
``gui.export.open_file`` is replaced so no viewer is launched.
"""
from __future__ import annotations

import html
import json
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
from helpers import press, show_comparison, wait_analysed
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from analysis.report.colours import OKABE_ITO
from gui import export, settings, theme
from gui.app import make_window
from gui.main_window import MainWindow

EXPORT_TIMEOUT_MS = 30_000
NO = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NOTE = "Desk checked <b>this</b> & agreed"
HAVE_POPPLER = bool(shutil.which("pdftotext") and shutil.which("pdfinfo"))
needs_poppler = pytest.mark.skipif(not HAVE_POPPLER,
                                   reason="pdftotext/pdfinfo missing: apt-get install poppler-utils")






def _activate(qtbot, w):
    with qtbot.waitActive(w):
        w.show()
        w.activateWindow()


def _review_by_keys(qtbot, w) -> str:
    """J (next unreviewed), A (confirm), N and the note typed, Esc: the finding's id."""
    w.navigation.show_tab(3)                                  # Ctrl+4: the findings queue has the focus
    press(qtbot, Qt.Key.Key_J)
    finding = w.navigation.current
    assert finding is not None
    press(qtbot, Qt.Key.Key_A)
    press(qtbot, Qt.Key.Key_N)
    assert QApplication.focusWidget() is w.inspector.review_bar.note
    qtbot.keyClicks(QApplication.focusWidget(), NOTE)
    return finding.id


def _pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())           # lines wrap anywhere: compare word runs


@pytest.fixture
def opened(monkeypatch) -> list[str]:
    """The paths "open when done" asked the desktop to open (nothing is launched)."""
    calls: list[str] = []
    monkeypatch.setattr(export, "open_file", lambda path: calls.append(path) or True)
    return calls


@pytest.fixture
def window(qtbot, real_comparison) -> MainWindow:
    """A real window holding the engine's comparison of the seeds (analysed once per test run)."""
    w = MainWindow()
    qtbot.addWidget(w)
    show_comparison(w, real_comparison)
    _activate(qtbot, w)
    return w


# --- Ctrl+E, the dialog, HTML --------------------------------------------------------------------

def test_ctrl_e_opens_the_dialog_and_html_holds_outlets_reviewer_and_note(qtbot, tmp_path, opened,
                                                                         seed_paths):
    settings.settings().setValue("export/folder", str(tmp_path))        # the last export folder
    w = make_window([str(p) for p in seed_paths])        # what ``python main.py`` does
    qtbot.addWidget(w)
    wait_analysed(qtbot, w, len(seed_paths))
    _activate(qtbot, w)
    finding = _review_by_keys(qtbot, w)
    press(qtbot, Qt.Key.Key_E, CTRL)                  # straight from the note editor: it is saved

    dlg = w.export.dialog
    assert dlg is not None and dlg.isVisible()
    assert w.host.review(finding).note == NOTE
    title = export.event_title(w.doc.comparison)
    expected = tmp_path / (export.safe_file_name(title) + ".pdf")
    assert dlg.path.text() == str(expected)
    assert title.startswith(Path(dlg.path.text()).stem)
    assert dlg.page_box.isEnabled() and dlg.open_when_done.isChecked()

    dlg.format_box.setCurrentIndex(dlg.format_box.findData("html"))
    assert dlg.path.text() == str(expected.with_suffix(".html"))
    assert not dlg.page_box.isEnabled()                # pages are a PDF thing
    dlg.reviewer.setFocus()
    qtbot.keyClicks(dlg.reviewer, "Ana Editor")
    with qtbot.waitSignal(w.export.finished, timeout=EXPORT_TIMEOUT_MS) as done:
        qtbot.keyClick(dlg.reviewer, Qt.Key.Key_Return)          # Enter: the Export button
    target = expected.with_suffix(".html")
    assert done.args == [str(target)]
    assert not dlg.isVisible()
    text = html.unescape(target.read_text(encoding="utf-8"))
    for article in w.doc.comparison.articles:
        assert article.outlet in text
    assert NOTE in text and "Ana Editor" in text and "confirmed" in text
    assert "<b>this</b>" not in target.read_text(encoding="utf-8")  # the note stays text
    assert not Path(str(target) + ".part").exists()
    # Said on the status line; all of it in its tool tip when the line is too narrow for the path.
    assert str(target) in (w.statusBar().toolTip() or w.statusBar().currentMessage())
    assert w.statusBar().currentMessage().startswith("Report saved: /")
    assert opened == [str(target)]
    assert not w.progress.isVisible() and not w.cancel_button.isVisible()

    # Remembered for next time: reviewer, folder, format, open when done.
    assert settings.export_reviewer() == "Ana Editor"
    assert Path(settings.export_folder()) == tmp_path
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)      # active again
    w.navigation.show_tab(0)
    press(qtbot, Qt.Key.Key_E, CTRL)
    again = w.export.dialog
    assert again is not dlg and again.isVisible()
    assert again.reviewer.text() == "Ana Editor" and again.fmt() == "html"
    again.reject()


# --- PDF -----------------------------------------------------------------------------------------

@needs_poppler
def test_pdf_export_has_outlets_and_note_on_letter_pages_and_never_stalls_the_window(
        qtbot, window, tmp_path, opened):
    w = window
    first = w.doc.comparison.articles[0]
    w.doc.rename(first.id, "Parallax Gazette")      # the report is of the window's comparison
    _review_by_keys(qtbot, w)
    press(qtbot, Qt.Key.Key_Escape)                   # closes the note editor, keeps the note
    press(qtbot, Qt.Key.Key_E, CTRL)
    dlg = w.export.dialog
    dlg.page_box.setCurrentText("Letter")
    dlg.open_when_done.setChecked(False)
    target = tmp_path / "seeds report.pdf"
    dlg.path.setText(str(target))

    # The GUI thread's event loop keeps turning while the PDF is written off it: a zero-interval
    # timer (one beat per turn of the loop) beats between the export's progress reports. Written
    # on the GUI thread, the reports would arrive inside the click with no beat between them.
    # (Order, not a duration: the test holds on a slow machine too.)
    events: list[str] = []
    heart = QTimer()
    heart.setInterval(0)
    heart.timeout.connect(lambda: events.append("beat"))
    heart.start()
    seen_bar: list[bool] = []
    w.export.runner.progress.connect(lambda *_: (seen_bar.append(w.progress.isVisible()),
                                                 events.append("progress")))
    with qtbot.waitSignal(w.export.finished, timeout=EXPORT_TIMEOUT_MS):
        qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
    heart.stop()
    assert seen_bar and all(seen_bar)                 # progress shown in the window's bar
    first, last = events.index("progress"), len(events) - 1 - events[::-1].index("progress")
    assert "beat" in events[first:last], "the GUI thread did not turn its event loop during the export"

    text = _pdf_text(target)
    for article in w.doc.comparison.articles:
        assert article.outlet in text, article.outlet
    assert "Parallax Gazette" in text
    assert NOTE in text
    assert "Page 1 of" in text
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True).stdout
    assert "612 x 792" in info                         # Letter
    assert opened == []                                # "open when done" was off
    assert not settings.export_open_when_done()        # ... and that is remembered


# --- Cancel ----------------------------------------------------------------------------------------

def test_esc_cancels_a_pdf_export_and_leaves_no_file(qtbot, window, tmp_path, monkeypatch):
    """The export is held when it reports page 2 (deterministic: it is surely running) while Esc
    is pressed; then it stops at that progress call.  No file, no .part, the old file kept."""
    reached, go = threading.Event(), threading.Event()
    run = export.run_export

    def held(job, progress):
        def hold(fraction, message):
            if "drawing page 2 " in message + " ":
                reached.set()
                go.wait(10)
            progress(fraction, message)
        return run(job, hold)
    monkeypatch.setattr(export, "run_export", held)

    w = window
    old = tmp_path / "kept.pdf"
    old.write_bytes(b"the previous report")
    new = tmp_path / "new.pdf"
    for target in (new, old):
        reached.clear()
        go.clear()
        assert w.export.start_export(export.ExportOptions(str(target), "pdf", open_when_done=False))
        qtbot.waitUntil(reached.is_set, timeout=EXPORT_TIMEOUT_MS)
        assert w.progress.isVisible() and w.cancel_button.isVisible()
        qtbot.waitUntil(lambda: "page" in w.stage_label.text() or "laying" in w.stage_label.text())
        with qtbot.waitSignal(w.export.runner.cancelled, timeout=EXPORT_TIMEOUT_MS):
            press(qtbot, Qt.Key.Key_Escape)
            assert w.stage_label.text() == "cancelling the export…"
            go.set()
        assert "cancelled" in w.statusBar().currentMessage()
        assert not w.progress.isVisible()
    assert not new.exists()
    assert old.read_bytes() == b"the previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.pdf"]     # no .part left


# --- failures --------------------------------------------------------------------------------------

def _unwritable_folder(tmp_path: Path) -> Path | None:
    """A folder this process cannot write in: a read-only one, or /sys when running as root."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o500)
    for candidate in (folder, Path("/sys")):
        try:
            (candidate / "probe").write_bytes(b"")
        except OSError:
            return candidate
        (candidate / "probe").unlink()
    return None


def test_a_path_that_cannot_be_written_gives_one_line(qtbot, window, tmp_path, opened):
    w = window
    missing = tmp_path / "no such folder" / "report.html"
    with qtbot.waitSignal(w.export.runner.failed, timeout=EXPORT_TIMEOUT_MS):
        assert w.export.start_export(export.ExportOptions(str(missing), "html"))
    message = w.banner.text()
    assert message == f"The report was not exported: The folder {missing.parent} does not exist."
    assert not missing.parent.exists()

    blocked = _unwritable_folder(tmp_path)
    if blocked is not None:
        target = blocked / "report.pdf"
        with qtbot.waitSignal(w.export.runner.failed, timeout=EXPORT_TIMEOUT_MS):
            assert w.export.start_export(export.ExportOptions(str(target), "pdf"))
        message = w.banner.text()
        assert message.startswith(f"The report was not exported: Cannot write in {blocked}: ")
        assert "\n" not in message and "Traceback" not in message
        assert not target.exists() and not Path(str(target) + ".part").exists()
    (tmp_path / "read-only").chmod(0o700)
    assert opened == []
    assert not w.progress.isVisible()

    # The window is fine afterwards: the next export works.
    good = tmp_path / "report.md"
    with qtbot.waitSignal(w.export.finished, timeout=EXPORT_TIMEOUT_MS):
        w.export.start_export(export.ExportOptions(str(good), "markdown", open_when_done=False))
    assert good.read_text(encoding="utf-8").strip()
    if blocked is None:
        pytest.skip("no unwritable folder here (root and /sys writable): only the missing "
                    "folder was checked")


# --- no comparison, the palette, the window's colours -------------------------------------------

def test_export_without_a_comparison_says_why(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    _activate(qtbot, w)
    press(qtbot, Qt.Key.Key_E, CTRL)
    assert w.export.dialog is None
    assert w.statusBar().currentMessage().startswith("Nothing to export yet: add the articles")


def test_palette_finds_export_and_json_uses_the_windows_colours(qtbot, window, tmp_path, opened):
    """Excluding the second outlet keeps the others' colours in the window (colour by position in
    the full list); the report must show the same colours, not renumber them."""
    w = window
    w.articles_panel.select("a2")
    w.articles_panel.setFocus()
    press(qtbot, Qt.Key.Key_E, CTRL | SHIFT)            # exclude / include moved to Ctrl+Shift+E
    assert "a2" in w.doc.excluded
    wait_analysed(qtbot, w, len(w.doc.articles) - 1)

    press(qtbot, Qt.Key.Key_K, CTRL)                    # the command palette
    palette = w.help.palette_dialog
    qtbot.keyClicks(palette.edit, "export")
    assert palette.list.item(0).text().startswith("Export report…")
    qtbot.keyClick(palette.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.export.dialog is not None and w.export.dialog.isVisible())
    dlg = w.export.dialog
    dlg.format_box.setCurrentIndex(dlg.format_box.findData("json"))
    target = tmp_path / "colours.json"
    dlg.path.setText(str(target))
    with qtbot.waitSignal(w.export.finished, timeout=EXPORT_TIMEOUT_MS):
        dlg.accept()
    report = json.loads(target.read_text(encoding="utf-8"))
    colours = {o["id"]: o["colour"].lower() for o in report["outlets"]}
    assert "a2" not in colours
    for aid, colour in colours.items():
        assert colour == theme.outlet_color(w.doc.color_index(aid)).name(), aid
    assert colours["a3"] == OKABE_ITO[2].lower()


# --- the dialog's own rules ------------------------------------------------------------------------

def test_dialog_names_paths_for_the_format(qtbot, window, tmp_path, monkeypatch):
    w = window
    settings.settings().setValue("export/folder", str(tmp_path))
    dlg = export.ExportDialog(w.doc.comparison, {}, w)
    qtbot.addWidget(dlg)
    dlg.path.setText("my report")                       # a bare name: in the export folder
    assert dlg.target() == str(tmp_path / "my report.pdf")
    dlg.format_box.setCurrentIndex(dlg.format_box.findData("markdown"))
    assert dlg.path.text() == "my report.md"
    dlg.path.setText("")
    assert not dlg.export_button.isEnabled()
    chosen = str(tmp_path / "picked.json")
    monkeypatch.setattr(export, "ask_save_path", lambda parent, path, fmt: chosen)
    dlg.browse.click()                                  # Choose…: a .json name picks JSON
    assert dlg.fmt() == "json" and dlg.target() == chosen and dlg.export_button.isEnabled()
    assert export.safe_file_name('A: "war"/peace? <now>') == "A war peace now"
    assert export.safe_file_name("...") == "Parallax report"
    assert len(export.safe_file_name("word " * 40)) <= export.NAME_MAX
    assert export.with_suffix("notes.txt", "html") == "notes.txt.html"


def test_the_full_report_box_gives_every_list_and_is_remembered(qtbot, window, tmp_path, opened):
    w = window
    for full, name in ((False, "brief.md"), (True, "full.md")):
        dlg = export.ExportDialog(w.doc.comparison, {}, w)
        qtbot.addWidget(dlg)
        dlg.format_box.setCurrentIndex(dlg.format_box.findData("markdown"))
        dlg.path.setText(str(tmp_path / name))
        dlg.full.setChecked(full)
        assert dlg.options().full is full
        w.export.start_export(dlg.options())
        qtbot.waitUntil(lambda name=name: (tmp_path / name).exists(), timeout=EXPORT_TIMEOUT_MS)
        qtbot.waitUntil(lambda: not w.progress.isVisible(), timeout=EXPORT_TIMEOUT_MS)
        export.remember(dlg.options())                  # what Export in the dialog remembers
    brief, full_text = ((tmp_path / n).read_text(encoding="utf-8") for n in ("brief.md", "full.md"))
    assert "# Verified omissions" in brief and "# Facts across outlets" not in brief
    assert "# Facts across outlets" in full_text and "# Methods" in full_text
    assert settings.export_full() is True
    again = export.ExportDialog(w.doc.comparison, {}, w)
    qtbot.addWidget(again)
    assert again.full.isChecked()
    settings.settings().setValue("export/full", False)


def test_the_dialog_counts_the_outlets_as_the_report_s_cover_does(qtbot, window):
    """It said "The report of 5 outlets" for a report whose cover says "How 4 outlets covered one
    event (and 1 on another event)"."""
    import dataclasses

    from PySide6.QtWidgets import QLabel
    comp = window.doc.comparison
    event = (dataclasses.replace(comp.event[0], same_event=False),) + tuple(
        dataclasses.replace(m, same_event=True) for m in comp.event[1:])
    n = len(comp.articles)
    dlg = export.ExportDialog(dataclasses.replace(comp, event=event), {}, window)
    qtbot.addWidget(dlg)
    texts = [label.text() for label in dlg.findChildren(QLabel)]
    assert any(t.startswith(f"The report of {n - 1} outlets (and 1 on another event): ") for t in texts), texts
