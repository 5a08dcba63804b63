"""Reviewing: verdicts (A / D / F / U), severities (1-3, 0), notes (N; saved as they are typed), undo
and redo through the session's log, and every view that shows reviews kept in step with the session.

Each change is committed to the session file before the key returns (``SessionHost``); the first one
makes an untitled session (``SessionController.writable_host``).
"""
from __future__ import annotations

from typing import Callable, Mapping

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

from analysis.errors import SessionError
from analysis.model import Finding
from analysis.vocabulary.reviews import NOT_REVIEWED, Review

from ..review import FlagStyler, describe
from ..session_host import SessionHost
from .base import Controller

NOTE_SAVE_DELAY_MS = 400    # a note is saved this long after the last keystroke (and on close)


class ReviewController(Controller):
    verdictsChanged = Signal()          # after every review change  # noqa: N815 - Qt naming

    def __init__(self, ui, controllers) -> None:
        super().__init__(ui, controllers)
        self._note_pending: tuple[Finding, str] | None = None
        self._note_return = None             # the widget to give focus back when the note closes
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_SAVE_DELAY_MS)
        self._note_timer.timeout.connect(self.flush_note)
        self.flag_styler = FlagStyler(ui.side.browser, lambda: ui.host.reviews,
                                      lambda: controllers.view.theme)

    @property
    def host(self) -> SessionHost:
        return self.ui.host

    @property
    def verdicts(self) -> dict[str, str]:
        """finding id -> verdict, for the findings that have one (read-only view of the session)."""
        return self.host.verdicts()

    def wire(self) -> None:
        self.host.reviewsChanged.connect(self._reviews_changed)
        bar = self.ui.inspector.review_bar
        bar.verdictClicked.connect(self._verdict_clicked)
        bar.severityClicked.connect(self._severity_clicked)
        bar.noteTyped.connect(self._note_typed)
        bar.noteClosed.connect(self._note_closed)
        bar.noteLeft.connect(self.flush_note)

    def update_actions(self) -> None:
        writable = not self.host.read_only
        for key, step, verb in (("undo_review", self.host.next_undo(), "Undo"),
                                ("redo_review", self.host.next_redo(), "Redo")):
            act = self.ui.actions[key]
            act.setText(f"{verb} {step.label.lower()}" if step is not None else verb)
            act.setEnabled(writable and step is not None)

    # ---- verdicts and severities ------------------------------------------------------------------
    def set_verdicts(self, verdicts: Mapping[str, str | Review]) -> None:
        """Show these reviews without a session file (tests, screenshots).  With a session open they
        are written to it instead, as one undo step."""
        if self.host.session is None:
            self.host.set_memory_reviews(verdicts)
            return
        host = self.c.session.writable_host()
        if host is None:
            return
        try:
            with host.session.batch("Set verdicts"):
                for key, v in verdicts.items():
                    host.set_verdict(key, v.verdict if isinstance(v, Review) else (v or None))
        except SessionError as exc:
            host.reload()                      # the batch was rolled back: show what the file has
            self.ui.warn(str(exc))

    def _change(self, write: Callable[[SessionHost, Finding], Review]) -> None:
        """Write one change to the current finding's review and say what it is now."""
        f = self.c.navigation.current
        if f is None:
            self.ui.say("Select a finding first (J / Alt+Down).", 3000)
            return
        self.flush_note()
        host = self.c.session.writable_host()
        if host is None:
            return
        try:
            review = write(host, f)
        except SessionError as exc:
            self.ui.warn(str(exc))
            return
        self.ui.say(describe(review), 3000)

    def set_verdict(self, verdict: str) -> None:
        """A / D / F / U: confirm, dismiss, flag or clear; committed before this returns."""
        self._change(lambda host, f: host.set_verdict(f, verdict or None))

    def set_severity(self, severity: int) -> None:
        """1-3: severity; 0 clears it."""
        self._change(lambda host, f: host.set_severity(f, severity or None))

    def _current_review(self) -> Review | None:
        f = self.c.navigation.current
        return self.host.review(f.id) if f is not None else None

    def _verdict_clicked(self, verdict: str) -> None:
        # The inspector's buttons toggle: clicking the verdict a finding has clears it.
        current = self._current_review()
        self.set_verdict(NOT_REVIEWED if current is not None and current.verdict == verdict else verdict)

    def _severity_clicked(self, severity: int) -> None:
        current = self._current_review()
        self.set_severity(0 if current is not None and current.severity == severity else severity)

    # ---- notes --------------------------------------------------------------------------------------
    def edit_note(self) -> None:
        """N: put the cursor in the current finding's note (in the inspector).  Esc closes it."""
        if self.c.navigation.current is None:
            self.ui.say("Select a finding first (J / Alt+Down).", 3000)
            return
        if self.host.read_only:
            self.ui.say(self.host.read_only_reason, 5000)
            return
        note = self.ui.inspector.review_bar.note
        focus = QApplication.focusWidget()
        if focus is not note:
            self._note_return = focus
        self.ui.inspector_dock.show()
        self.ui.inspector_dock.raise_()
        note.setFocus(Qt.FocusReason.ShortcutFocusReason)
        note.moveCursor(note.textCursor().MoveOperation.End)

    def _note_typed(self, text: str) -> None:
        f = self.ui.inspector.finding
        if f is None:
            return
        self._note_pending = (f, text)
        self._note_timer.start()

    def flush_note(self) -> None:
        """Save the note being typed now (typing pauses, Esc, leaving the finding, quitting)."""
        self._note_timer.stop()
        pending, self._note_pending = self._note_pending, None
        if pending is None:
            return
        f, text = pending
        if self.host.review(f.id).note == text:
            return
        host = self.c.session.writable_host()
        if host is None:
            return
        try:
            host.set_note(f, text)
        except SessionError as exc:
            self.ui.warn(str(exc))

    def _note_closed(self) -> None:
        self.flush_note()
        back, self._note_return = self._note_return, None
        if back is not None and back.isVisible() and back is not self.ui.inspector.review_bar.note:
            back.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.ui.tabs.currentWidget().setFocus(Qt.FocusReason.OtherFocusReason)
        review = self._current_review()
        self.ui.say("Note saved." if review is not None and review.note else "", 2000)

    # ---- undo ---------------------------------------------------------------------------------------
    def undo_review(self) -> None:
        self._travel(undo=True)

    def redo_review(self) -> None:
        self._travel(undo=False)

    def _travel(self, undo: bool) -> None:
        """Ctrl+Z / Ctrl+Shift+Z through the session's undo log (kept in the file: it works after a
        restart); selects the finding the step changed."""
        self.flush_note()
        nothing = "Nothing to undo." if undo else "Nothing to redo."
        if self.host.session is None or self.host.read_only:
            self.ui.say(nothing, 3000)
            return
        try:
            step = self.host.undo() if undo else self.host.redo()
        except SessionError as exc:
            self.ui.warn(str(exc))
            return
        if step is None:
            self.ui.say(nothing, 3000)
            return
        shown = step.keys and self.ui.doc.comparison is not None \
            and self.c.navigation.select_finding(step.keys[0])
        where = "" if shown else " (on a finding the current analysis no longer has)"
        self.ui.say(f"{'Undid' if undo else 'Redid'} {step.label.lower()}{where}.", 4000)

    def _reviews_changed(self, keys) -> None:
        """The session's reviews changed (``keys``, or None: all): every view that lists findings."""
        reviews = self.host.reviews
        findings = self.ui.findings
        findings.set_reviews(reviews, keys)
        if keys is None:
            findings.refilter()
        self.ui.inspector.set_reviews(reviews, read_only=self.host.read_only)
        self.ui.overview.reviews = reviews
        self.c.view.refresh_or_mark(self.ui.overview)
        self.flag_styler.restyle(keys)
        self.c.view.update_status()
        self.update_actions()
        self.verdictsChanged.emit()
