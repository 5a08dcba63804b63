"""Undo and redo of review changes: every change is a row of the change table, grouped in steps
(a batch is one step; edits to one note moments apart are one), kept across restarts."""
from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING, Any, ContextManager

from analysis.constants import SESSION_NOTE_MERGE_SECONDS, SESSION_UNDO_LIMIT
from analysis.session.records import UndoStep
from analysis.session.schema import utc_now
from analysis.session.values import seconds_between
from analysis.vocabulary.reviews import Review


class Undo:
    """The undo log of a session (a part of ``Session``)."""

    _batch_step: int | None
    _batch_label: str | None

    if TYPE_CHECKING:           # provided by ``analysis.session.store.Session``
        @property
        def db(self) -> sqlite3.Connection: ...

        def _transaction(self) -> ContextManager[None]: ...

        def review(self, finding: str) -> Review: ...

        def _store(self, current: Review, field: str, value: Any) -> Review: ...

    def _log(self, key: str, field: str, old: Any, new: Any, label: str) -> None:
        """Record a change as (part of) the newest undo step; a new change ends the redo branch."""
        now = utc_now()
        if field == "note" and self._batch_label is None and self._merge_note(key, new, now):
            return
        self.db.execute("DELETE FROM change WHERE undone = 1")
        step = self._batch_step
        if step is None:
            step = self.db.execute("SELECT coalesce(max(step), 0) + 1 FROM change").fetchone()[0]
            if self._batch_label is not None:
                self._batch_step = step
        self.db.execute("INSERT INTO change (step, key, field, old, new, at, label)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (step, key, field, json.dumps(old), json.dumps(new), now,
                         self._batch_label or label))
        self.db.execute("DELETE FROM change WHERE step <= ?", (step - SESSION_UNDO_LIMIT,))

    def _merge_note(self, key: str, new: str, now: str) -> bool:
        """Fold a note edit into the previous step when it edited the same note moments ago."""
        if self.db.execute("SELECT 1 FROM change WHERE undone = 1 LIMIT 1").fetchone():
            return False
        last = self.db.execute(
            "SELECT step, count(*), max(key), max(field), max(at), max(old) FROM change"
            " WHERE step = (SELECT max(step) FROM change)").fetchone()
        step, count, last_key, last_field, at, old = last
        if (step is None or count != 1 or last_key != key or last_field != "note"
                or seconds_between(at, now) > SESSION_NOTE_MERGE_SECONDS):
            return False
        if json.loads(old) == new:  # typed and deleted back: the step changes nothing any more
            self.db.execute("DELETE FROM change WHERE step = ?", (step,))
        else:
            self.db.execute("UPDATE change SET new = ?, at = ? WHERE step = ?",
                            (json.dumps(new), now, step))
        return True

    def _step(self, undone: bool) -> UndoStep | None:
        """The step undo (undone=False) or redo (undone=True) would apply next."""
        pick = "min" if undone else "max"
        step = self.db.execute(f"SELECT {pick}(step) FROM change WHERE undone = ?",
                               (int(undone),)).fetchone()[0]
        if step is None:
            return None
        rows = self.db.execute("SELECT key, label FROM change WHERE step = ? ORDER BY seq",
                               (step,)).fetchall()
        return UndoStep(keys=tuple(dict.fromkeys(k for k, _ in rows)), label=rows[0][1])

    def next_undo(self) -> UndoStep | None:
        """What ``undo`` would undo (for an "Undo Confirm" menu label), or None."""
        return self._step(undone=False)

    def next_redo(self) -> UndoStep | None:
        return self._step(undone=True)

    @property
    def can_undo(self) -> bool:
        return self.next_undo() is not None

    @property
    def can_redo(self) -> bool:
        return self.next_redo() is not None

    def undo(self) -> UndoStep | None:
        """Undo the newest review step (persisted: works after a restart).  None if nothing to undo."""
        return self._travel(undone=False)

    def redo(self) -> UndoStep | None:
        """Redo the step undone last.  None if nothing to redo."""
        return self._travel(undone=True)

    def _travel(self, undone: bool) -> UndoStep | None:
        """Apply the next step's new values (redo) or old values (undo), newest change first."""
        with self._transaction():
            info = self._step(undone)
            if info is None:
                return None
            pick = "min" if undone else "max"
            step = self.db.execute(f"SELECT {pick}(step) FROM change WHERE undone = ?",
                                   (int(undone),)).fetchone()[0]
            order = "ASC" if undone else "DESC"
            rows = self.db.execute(f"SELECT key, field, old, new FROM change WHERE step = ?"
                                   f" ORDER BY seq {order}", (step,)).fetchall()
            for key, field, old, new in rows:
                self._store(self.review(key), field, json.loads(new if undone else old))
            self.db.execute("UPDATE change SET undone = ? WHERE step = ?", (int(not undone), step))
        return info
