"""Save a screenshot of every tab, light and dark, and of the export dialog, on the bundled seeds
(for docs/screenshots/).

    python -m gui.screenshots [OUT_DIR] [--size 1366x768] [--articles FILE ...]

Runs the real engine on the seeds (or on ``--articles``: keep pictures of real text out of the
repo), gives the first findings of the queue a review (shown from memory:
no session file is written), selects a reviewed finding (so the inspector and the side-by-side view
show something), then grabs the window offscreen.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAMES = ("overview", "side_by_side", "facts", "findings", "voices", "metrics")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gui.screenshots")
    parser.add_argument("out", nargs="?", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--articles", nargs="*", default=None, help="files or links instead of the seeds")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import tempfile

    from PySide6.QtCore import QSettings
    # Never read or write the user's settings (geometry, theme) while taking pictures.
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    from gui import theme
    from gui.app import create_app
    from gui.main_window import MainWindow

    width, height = (int(x) for x in args.size.split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = create_app()
    window = MainWindow()
    window.resize(width, height)
    window.show()
    if args.articles:
        window.articles.open_paths(list(args.articles), replace=True)
    else:
        window.articles.open_seeds()
    deadline = time.time() + 300
    while time.time() < deadline and (window.doc.comparison is None or window.analysis.runner.running
                                      or window.analysis.timer.isActive()):
        app.processEvents()
        time.sleep(0.01)
    if window.doc.comparison is None:
        print("the analysis did not finish", file=sys.stderr)
        return 1
    window.banner.dismiss()          # as the editor would: its notes are then on the Overview
    window.view.flush_views()
    from analysis.vocabulary.reviews import Review
    queue = window.findings.queue()
    shown = [("confirmed", 3, "Lead omission: every other outlet has it."), ("dismissed", None, ""),
             ("flagged", 2, "Check the quote against the transcript."), ("confirmed", 1, ""),
             ("dismissed", None, ""), ("confirmed", 2, "")]
    window.review.set_verdicts({f.id: Review(key=f.id, verdict=v, severity=n, note=note)
                         for f, (v, n, note) in zip(queue, shown)})
    window.view.flush_views()
    if len(queue) > 2:
        window.navigation.select_finding(queue[2].id)
    else:
        window.navigation.next_finding()
    for t in (theme.LIGHT, theme.DARK):
        window.view.apply_theme(t)
        # The panes as the window sizes them (from its width): what an editor sees on first launch.
        for _ in range(3):
            app.processEvents()
        window.view.flush_views()
        if window.navigation.current is not None:
            window.side.show_finding(window.navigation.current)
        for i, name in enumerate(NAMES):
            window.tabs.setCurrentIndex(i)
            app.processEvents()
            if name == "side_by_side" and window.navigation.current is not None:
                # The whole document first, so the scroll (and its flash) happens now, not in a
                # later slice after the flash was cleared: the same picture on every run.
                window.side.finish_build()
                window.side.show_finding(window.navigation.current)
                window.side._flash_timer.stop()
                window.side.browser.setExtraSelections([])
                app.processEvents()
            if name == "overview":
                window.overview.finish_build()      # all of its text, whatever the machine's speed
                app.processEvents()
            # Timed messages come and go with the machine's speed: none in the pictures.
            window.statusBar().clearMessage()
            path = out / f"{name}_{t.name}.png"
            save_small(window.grab().toImage(), path)
            print(path)
        print(grab_loaded_words(window, out / f"side_by_side_loaded_{t.name}.png"))
    window.view.apply_theme(theme.LIGHT)
    print(grab_export_dialog(window, out))
    window.close()
    return 0


def grab_loaded_words(window, path: Path) -> Path | None:
    """Side by side on the first loaded-word finding: how framing shows over the diff tint."""
    from PySide6.QtWidgets import QApplication

    from gui.theme import strong_mark
    loaded = next((f for f in window.findings.queue() if strong_mark(f.kind) and f.spans), None)
    if loaded is None:
        return None
    current = window.navigation.current
    window.navigation.select_finding(loaded.id)
    window.tabs.setCurrentWidget(window.side)
    window.side.finish_build()
    window.side.show_finding(loaded)
    window.side._flash_timer.stop()
    window.side.browser.setExtraSelections([])
    QApplication.processEvents()
    window.statusBar().clearMessage()
    save_small(window.grab().toImage(), path)
    if current is not None:
        window.navigation.select_finding(current.id)
    return path


def save_small(image, path: Path) -> None:
    """A PNG of the picture's own 256 commonest colours (flat fills and text lose nothing visible;
    a quarter of the bytes).  Qt's default table would shift dark greys to navy."""
    import numpy as np
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = np.frombuffer(rgb.constBits(), dtype=np.uint32, count=rgb.bytesPerLine() // 4 * rgb.height())
    colours, counts = np.unique(pixels, return_counts=True)
    table = [int(c) | 0xFF000000 for c in colours[np.argsort(-counts)[:256]]]
    rgb.convertToFormat(QImage.Format.Format_Indexed8, table,
                        Qt.ImageConversionFlag.AvoidDither).save(str(path), "PNG", 0)


def grab_export_dialog(window, out: Path) -> Path:
    """File > Export's dialog as the window opens it (the path shown as ~/Documents/…, not this
    machine's home folder)."""
    from PySide6.QtWidgets import QApplication

    from gui import export
    comparison = window.doc.comparison
    dlg = export.ExportDialog(comparison, window.host.reviews, window)
    dlg.reviewer.setText("A. Editor")
    name = export.safe_file_name(export.event_title(comparison)) + export.SUFFIXES[dlg.fmt()]
    dlg.path.setText("~/Documents/" + name)          # typed paths may start with ~
    dlg.show()
    # Long enough for the path field's clear button to have faded in (a Qt animation).
    deadline = time.time() + 0.6
    while time.time() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    path = out / "export_dialog.png"
    save_small(dlg.grab().toImage(), path)
    dlg.close()
    return path


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
