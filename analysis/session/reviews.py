"""The editor's reviews: verdict, severity and note per finding key, each change logged for undo,
and the review queue's progress and next unreviewed finding."""
from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from typing import TYPE_CHECKING, Any, ContextManager, Iterable

from analysis.constants import SESSION_MAX_NOTE_CHARS
from analysis.errors import SessionError
from analysis.session.schema import utc_now
from analysis.session.values import FindingRef, finding_key, plain_json
from analysis.vocabulary.reviews import NOT_REVIEWED, SEVERITIES, VERDICTS, Review

_VERDICT_LABELS = {"confirmed": "Confirm", "dismissed": "Dismiss", "flagged": "Flag",
                   NOT_REVIEWED: "Clear verdict"}
_REVIEW_COLUMNS = "key, verdict, severity, note, updated, finding"


class Reviews:
    """The review table of a session (a part of ``Session``; undo is ``analysis.session.undo``)."""

    if TYPE_CHECKING:           # provided by ``analysis.session.store.Session``
        @property
        def db(self) -> sqlite3.Connection: ...

        def _transaction(self) -> ContextManager[None]: ...

        def _log(self, key: str, field: str, old: Any, new: Any, label: str) -> None: ...

    def review(self, finding: FindingRef) -> Review:
        """The review of one finding; an empty Review (verdict "none") when there is none."""
        key, _ = finding_key(finding)
        row = self.db.execute(f"SELECT {_REVIEW_COLUMNS} FROM review WHERE key = ?",
                              (key,)).fetchone()
        return Review(key=key) if row is None else self._review_from_row(row)

    def reviews(self) -> dict[str, Review]:
        """Every stored review by finding key, including those whose finding no longer exists."""
        rows = self.db.execute(f"SELECT {_REVIEW_COLUMNS} FROM review ORDER BY key")
        return {row[0]: self._review_from_row(row) for row in rows}

    @staticmethod
    def _review_from_row(row: tuple) -> Review:
        key, verdict, severity, note, updated, finding = row
        return Review(key=key, verdict=verdict, severity=severity, note=note, updated=updated,
                      finding=json.loads(finding or "{}"))

    def set_verdict(self, finding: FindingRef, verdict: str | None) -> Review:
        """Confirm, dismiss or flag a finding ("none" or None clears).  Committed on return."""
        verdict = NOT_REVIEWED if verdict is None else verdict
        if verdict not in VERDICTS:
            raise SessionError(f"A verdict is one of {', '.join(VERDICTS)}, not {verdict!r}")
        return self._change(finding, "verdict", verdict, _VERDICT_LABELS[verdict])

    def set_severity(self, finding: FindingRef, severity: int | None) -> Review:
        """Rate a finding 1 (minor) to 3 (major); None clears.  Committed on return."""
        if severity is not None and (isinstance(severity, bool) or severity not in SEVERITIES):
            raise SessionError(f"A severity is 1, 2, 3 or none, not {severity!r}")
        label = "Clear severity" if severity is None else f"Severity {severity}"
        return self._change(finding, "severity", severity, label)

    def set_note(self, finding: FindingRef, note: str | None) -> Review:
        """Write a finding's note ("" or None clears).  Committed on return.

        Safe to call as the editor types: edits to one note less than SESSION_NOTE_MERGE_SECONDS
        apart are one undo step.
        """
        note = note or ""
        if not isinstance(note, str):
            raise SessionError("A note must be text")
        if len(note) > SESSION_MAX_NOTE_CHARS:
            raise SessionError(f"A note is limited to {SESSION_MAX_NOTE_CHARS} characters")
        return self._change(finding, "note", note, "Note")

    def _change(self, finding: FindingRef, field: str, value: Any, label: str) -> Review:
        """Write one field of a review and log it for undo, in one transaction."""
        key, snapshot = finding_key(finding)
        with self._transaction():
            current = self.review(key)
            old = getattr(current, field)
            if old == value:
                return current      # nothing changed: no write, no undo step
            review = self._store(replace(current, finding=snapshot or current.finding),
                                 field, value)
            self._log(key, field, old, value, label)
        return review

    def _store(self, current: Review, field: str, value: Any) -> Review:
        """Save ``current`` with ``field`` set to ``value``; an all-empty review is deleted."""
        review = replace(current, **{field: value}, updated=utc_now())
        if review.empty:
            self.db.execute("DELETE FROM review WHERE key = ?", (review.key,))
        else:
            self.db.execute(
                f"INSERT OR REPLACE INTO review ({_REVIEW_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
                (review.key, review.verdict, review.severity, review.note, review.updated,
                 plain_json(dict(review.finding), "finding")))
        return review

    # -- queue helpers ------------------------------------------------------------------------------

    def _reviewed_keys(self) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT key FROM review WHERE verdict != 'none'")}

    def progress(self, findings: Iterable[FindingRef]) -> tuple[int, int]:
        """(reviewed, total) over ``findings``, for the status line's "23 / 57 reviewed"."""
        keys = {finding_key(f)[0] for f in findings}
        return len(keys & self._reviewed_keys()), len(keys)

    def next_unreviewed(self, findings: Iterable[FindingRef], after: FindingRef | None = None,
                        *, backwards: bool = False) -> str | None:
        """The key of the next finding without a verdict after ``after`` in queue order, wrapping
        round; None when every finding has one (the J / Alt+Down command)."""
        keys = list(dict.fromkeys(finding_key(f)[0] for f in findings))
        if backwards:
            keys.reverse()
        done = self._reviewed_keys()
        start = keys.index(finding_key(after)[0]) + 1 if after is not None and finding_key(after)[0] in keys else 0
        for key in keys[start:] + keys[:start]:
            if key not in done:
                return key
        return None
