"""File > Export report (Ctrl+E): the dialog, then the export off the GUI thread in its own lane (a new
analysis must not make a running export stale: it has its snapshot), with progress and cancel.

Here, on the GUI thread, the job gets what a worker thread must not read: the reviews (a copy: the
Session belongs to this thread) and the outlets' colours as the window shows them (by position in the
full list, so an excluded outlet does not shift the others' colours).  ``gui/export.py`` does the rest.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import Signal

from .. import export, theme
from ..worker import Runner
from .base import Controller

log = logging.getLogger(__name__)


class ExportController(Controller):
    finished = Signal(str)          # the path written (after the status line says so)

    def __init__(self, ui, controllers) -> None:
        super().__init__(ui, controllers)
        self.runner = Runner(self)
        self.dialog: export.ExportDialog | None = None
        self._options: export.ExportOptions | None = None
        ui.status.exporting = lambda: self.runner.running

    def wire(self) -> None:
        self.runner.progress.connect(self._progress)
        self.runner.finished.connect(self._done)
        self.runner.failed.connect(self._failed)
        self.runner.cancelled.connect(self._cancelled)

    def blocker(self) -> str:
        """Why there is nothing to export now ("" when there is)."""
        doc = self.ui.doc
        if self.runner.running:
            return "An export is already running (Esc cancels it)."
        if self.c.analysis.pending() or self.c.articles.loaders:
            return "Wait for the analysis to finish: the report must match the articles."
        comp = doc.comparison
        if comp is None or not comp.articles:
            if not doc.articles:
                return ("Nothing to export yet: add the articles to compare first "
                        "(Ctrl+O, Ctrl+Shift+V or Ctrl+L).")
            return "Nothing to export yet: include at least one outlet and run the analysis (F5)."
        if {a.id for a in comp.articles} != {a.id for a in doc.included()}:
            return "The analysis is out of date (it was cancelled): press F5, then export."
        return ""

    def export_report(self) -> None:
        """Ctrl+E: the export dialog; its Export button starts the export in the background."""
        why = self.blocker()
        if why:
            self.ui.say(why, 6000)
            return
        self.c.review.flush_note()           # a note being typed belongs in the report
        if self.dialog is not None:
            self.dialog.deleteLater()
        dlg = export.ExportDialog(self.ui.doc.comparison, self.ui.host.reviews, self.ui.window)
        self.dialog = dlg
        dlg.accepted.connect(lambda: self.start_export(dlg.options()))
        # Give the window its keys back (some platforms leave the closed dialog active).
        dlg.finished.connect(lambda _result: self.ui.window.activateWindow())
        dlg.open()                           # window-modal, and the event loop keeps running

    def start_export(self, options: export.ExportOptions) -> bool:
        """Write the report of the shown comparison with the session's reviews, off the GUI thread.
        Returns whether the export started."""
        why = self.blocker()
        if why:
            self.ui.say(why, 6000)
            return False
        self.c.review.flush_note()
        doc = self.ui.doc
        comp = doc.comparison
        colours = {a.id: theme.outlet_color(doc.color_index(a.id)).name() for a in comp.articles}
        job = export.ExportJob(comp, options.path, options.fmt, page_size=options.page_size,
                               reviewer=options.reviewer,
                               include_dismissed=options.include_dismissed, full=options.full,
                               reviews=dict(self.ui.host.reviews), colours=colours)
        self._options = options
        self.ui.status.set_busy(True, f"exporting {export.LABELS.get(options.fmt, options.fmt)}",
                                exporting=True)
        self.runner.submit(export.run_export, job)
        self.ui.say(f"Exporting the report to {options.path}… (Esc cancels)")
        return True

    def cancel(self) -> bool:
        """Ask a running export to stop; whether one was running."""
        return self.runner.cancel()

    def _progress(self, fraction: float, stage: str) -> None:
        self.ui.status.set_progress(fraction, stage, exporting=True)

    def _ended(self) -> None:
        # Give the bar back to whatever else is still running (an analysis started meanwhile).
        if self.c.analysis.runner.running:
            self.ui.status.set_busy(True, "analysing")
        else:
            self.ui.status.set_busy(bool(self.c.articles.loaders), "reading")

    def _done(self, result: export.ExportResult) -> None:
        self._ended()
        options = self._options
        message = (f"Report saved: {result.path} ({export.LABELS.get(result.fmt, result.fmt)}, "
                   f"{export.format_size(result.size)}).")
        if options is not None and options.open_when_done:
            message += " Opening it…" if export.open_file(result.path) else \
                " No application could open it."
        self.ui.say(message, 15000)
        self.finished.emit(result.path)

    def _failed(self, message: str, details: str) -> None:
        if details:
            log.error("export failed: %s\n%s", message, details)
        self._ended()
        line = (message.strip().splitlines() or ["unknown error"])[0]
        self.ui.status.bar.clearMessage()
        self.ui.warn(f"The report was not exported: {line}")

    def _cancelled(self) -> None:
        self._ended()
        self.ui.say("Export cancelled: no file was written.", 6000)
