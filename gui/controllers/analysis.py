"""The analysis: re-run (in the engine process, newest job wins) whenever the analysed articles change,
batching quick edits; progress, cancel, and the result into the Document."""
from __future__ import annotations

import logging
import time

from PySide6.QtCore import QTimer, Signal

from analysis.model import Article, Comparison

from ..prepared import prepare
from ..worker import Runner
from .base import Controller

log = logging.getLogger(__name__)
ANALYSIS_DELAY_MS = 150     # batch quick edits (several toggles) into one analysis; articles replaced
                            # as a whole (opened, the seeds, a session) are analysed at once


def compare_job(articles: list[Article], progress, event: str | None = None) -> Comparison:
    """Runs in the engine process (``gui.worker.PROCESS_JOBS``), or on a pool thread without one:
    the analysis plus the look-up tables the views need, so that building them (word counts, the
    omission map: large with fifty outlets) never stalls the GUI thread.  ``event``: an article
    whose event group is compared (the editor's choice in the Outlets pane), default the largest."""
    from analysis import compare
    comparison = compare(articles, progress=progress, event=event)
    prepare(comparison)
    return comparison


class AnalysisController(Controller):
    finished = Signal()                  # a new Comparison is in the Document

    def __init__(self, ui, controllers) -> None:
        super().__init__(ui, controllers)
        self.runner = Runner(self)
        self.started_at = 0.0
        self.last_seconds = 0.0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(ANALYSIS_DELAY_MS)
        self.timer.timeout.connect(self.start_analysis)
        self.epoch = ui.doc.epoch       # the Document's epoch when the articles last changed

    def wire(self) -> None:
        self.ui.doc.articlesChanged.connect(self._articles_changed)
        self.runner.progress.connect(self._progress)
        self.runner.finished.connect(self._done)
        self.runner.failed.connect(self._failed)
        self.runner.cancelled.connect(self._cancelled)
        self.ui.status.cancel_button.clicked.connect(self.cancel_analysis)

    def pending(self) -> bool:
        """Whether an analysis runs or is about to start (edits are being batched)."""
        return self.runner.running or self.timer.isActive()

    def _articles_changed(self) -> None:
        self.c.session.sync()
        self.c.update_actions()
        # The shown comparison no longer matches the articles: any running job is stale now.
        self.runner.invalidate()
        # New articles as a whole have no edits to batch with: waiting would only delay the results.
        replaced, self.epoch = self.ui.doc.epoch != self.epoch, self.ui.doc.epoch
        self.timer.start(0 if replaced else ANALYSIS_DELAY_MS)

    def start_analysis(self) -> None:
        doc = self.ui.doc
        included = doc.included()
        if not included:
            self.runner.invalidate()
            doc.set_comparison(None)
            self.ui.status.set_busy(False)
            if doc.articles:
                self.ui.warn("Every outlet is excluded: include at least two (Ctrl+Shift+E).")
            return
        if len(included) == 1:
            self.ui.warn("Only one article: add another outlet's article to compare "
                         "(Ctrl+O, Ctrl+Shift+V or Ctrl+L).")
        self.started_at = time.perf_counter()
        self.ui.status.set_busy(True, "analysing")
        chosen = doc.compared_with if doc.compared_with in {a.id for a in included} else None
        self.runner.submit(compare_job, list(included), event=chosen)

    def reanalyse(self) -> None:
        self.timer.stop()
        self.start_analysis()

    def cancel_analysis(self) -> None:
        """Esc / the Cancel button: the export if one is running (it owns the bar), else the
        analysis."""
        if self.c.export.cancel():
            self.ui.status.stage_label.setText("cancelling the export…")
        elif self.runner.cancel():
            self.ui.status.stage_label.setText("cancelling…")

    def _progress(self, fraction: float, stage: str) -> None:
        self.ui.status.set_progress(fraction, stage)

    def _done(self, comparison: Comparison) -> None:
        self.last_seconds = time.perf_counter() - self.started_at
        self.ui.status.set_busy(False)
        self.ui.doc.set_comparison(comparison)
        self.ui.say(f"Analysed in {self.last_seconds:.2f} s", 4000)
        self.finished.emit()

    def _failed(self, message: str, details: str) -> None:
        if details:
            log.error("analysis failed: %s\n%s", message, details)
        self.ui.status.set_busy(False)
        self.ui.warn(f"The analysis stopped: {message}")

    def _cancelled(self) -> None:
        self.ui.status.set_busy(False)
        self.ui.say("Analysis cancelled. Press F5 to run it again.", 6000)
