"""The status line's permanent widgets: counts, review progress, the session's name, and while work runs
a stage label, a progress bar and Cancel.

One bar serves reading, analysing and exporting.  An export owns it while it runs (``exporting`` says
whether one does): other work then leaves the bar alone, and the export, when it ends, hands it back to
whatever still runs.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar


class StatusLine:
    def __init__(self, bar: QStatusBar) -> None:
        self.bar = bar
        self.counts_label = QLabel()
        self.review_label = QLabel()
        self.review_label.setObjectName("reviewProgress")
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setMaximumWidth(200)
        self.progress.setTextVisible(False)
        self.stage_label = QLabel()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Cancel (Esc)")
        self.session_label = QLabel()
        self.session_label.setObjectName("muted")
        for widget in (self.stage_label, self.progress, self.cancel_button, self.counts_label,
                       self.review_label, self.session_label):
            bar.addPermanentWidget(widget)
        self.exporting: Callable[[], bool] = lambda: False
        self.set_busy(False)

    def say(self, text: str, ms: int = 0) -> None:
        self.bar.showMessage(text, ms)

    def set_busy(self, busy: bool, stage: str = "", *, exporting: bool = False) -> None:
        """Show (or hide) the bar with ``stage``; a call that is not the export's does nothing
        while an export runs."""
        if not exporting and self.exporting():
            return
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.stage_label.setVisible(busy)
        if busy:
            self.progress.setValue(0)
            self.stage_label.setText(stage)

    def set_progress(self, fraction: float, stage: str, *, exporting: bool = False) -> None:
        if not exporting and self.exporting():
            return
        self.progress.setValue(int(fraction * 1000))
        self.stage_label.setText(stage)
