"""The session's settings: any JSON value under a text key, committed at once, not part of undo."""
from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING, Any, ContextManager

from analysis.errors import SessionError
from analysis.session.values import plain_json


class Settings:
    """The setting table of a session (a part of ``Session``)."""

    if TYPE_CHECKING:           # provided by ``analysis.session.store.Session``
        @property
        def db(self) -> sqlite3.Connection: ...

        def _transaction(self) -> ContextManager[None]: ...

    def settings(self) -> dict[str, Any]:
        return {k: json.loads(v) for k, v in self.db.execute("SELECT key, value FROM setting")}

    def setting(self, key: str, default: Any = None) -> Any:
        row = self.db.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
        return default if row is None else json.loads(row[0])

    def set_setting(self, key: str, value: Any) -> None:
        """Store any JSON value under ``key`` (committed at once; not part of undo)."""
        with self._transaction():
            self._write_setting(key, value)

    def _write_setting(self, key: str, value: Any) -> None:
        if not isinstance(key, str) or not key:
            raise SessionError("A setting needs a non-empty text key")
        self.db.execute("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                        (key, plain_json(value, f"setting {key!r}")))
