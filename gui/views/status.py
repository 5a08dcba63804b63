"""The status line's permanent widgets: counts, review progress, the session's name, and while work runs
a stage label, a progress bar and Cancel.

One bar serves reading, analysing and exporting.  An export owns it while it runs (``exporting`` says
whether one does): other work then leaves the bar alone, and the export, when it ends, hands it back to
whatever still runs.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar

from .elide import cut_at_word

# What the message cannot use of the status line's width (px): the bar's margins and size grip,
# and the gap before each permanent widget.
MESSAGE_MARGIN_PX = 24
WIDGET_GAP_PX = 8


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
        self._permanent = (self.stage_label, self.progress, self.cancel_button, self.counts_label,
                           self.review_label, self.session_label)
        for widget in self._permanent:
            bar.addPermanentWidget(widget)
        bar.messageChanged.connect(lambda text: text or bar.setToolTip(""))
        self.exporting: Callable[[], bool] = lambda: False
        self.set_busy(False)

    def say(self, text: str, ms: int = 0) -> None:
        """``text`` on the status line, cut after a whole word where it is too long (all of it
        then in the line's tool tip)."""
        # Hidden, the line clips nothing (and has no width of its own yet).
        shown = text if not self.bar.isVisible() else \
            cut_at_word(text, self._room(), self.bar.fontMetrics().horizontalAdvance)
        self.bar.setToolTip(text if shown != text else "")
        self.bar.showMessage(shown, ms)

    def _room(self) -> int:
        """The width (px) a message has: the line's, less the permanent widgets shown."""
        used = sum(w.sizeHint().width() + WIDGET_GAP_PX for w in self._permanent if not w.isHidden())
        return max(0, self.bar.width() - used - MESSAGE_MARGIN_PX)

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
