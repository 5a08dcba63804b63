"""Review sessions: one SQLite file (``.parallax``) with the articles as given, settings and every
verdict, severity and note, keyed by the stable finding id.  No Qt here; the window only calls it.

Public API (documented in docs/SESSION.md):

* ``Session.create(path, articles)`` / ``Session.open(path, read_only=None)`` -> ``Session``
* ``session.set_verdict / set_severity / set_note / review / reviews / undo / redo / batch``
* ``session.progress(findings)``, ``session.next_unreviewed(findings, after)``
* ``session.save_as(path)`` / ``session.copy_to(path)`` / ``session.close()``
* ``load_articles(session)`` -> Articles for ``analysis.compare`` (outlet renames applied)
* ``rename_outlet(session, article, name)``: a rename remembered for the article's text;
  ``remembered_outlets`` / ``with_remembered_outlets`` apply it to freshly loaded articles
* ``review_export(session, comparison)`` -> JSON-ready verdicts and notes, orphans included
* ``is_session_file(path)``: whether a path holds a session (for the command line)
"""
from __future__ import annotations

from analysis.constants import SESSION_SUFFIX
from analysis.session.bridge import REVIEW_SCHEMA, load_articles, review_export
from analysis.session.check import is_session_file
from analysis.session.lock import LOCK_SUFFIX
from analysis.session.names import remembered_outlets, rename_outlet, with_remembered_outlets
from analysis.session.records import SessionArticle, UndoStep
from analysis.session.schema import APP_NAME, MIGRATIONS, SCHEMA_VERSION
from analysis.session.store import Session
from analysis.vocabulary.reviews import SEVERITIES, VERDICTS, Review

__all__ = [
    "APP_NAME", "LOCK_SUFFIX", "MIGRATIONS", "REVIEW_SCHEMA", "Review", "SCHEMA_VERSION",
    "SESSION_SUFFIX", "SEVERITIES", "Session", "SessionArticle", "UndoStep", "VERDICTS", "is_session_file",
    "load_articles", "remembered_outlets", "rename_outlet", "review_export", "with_remembered_outlets",
]
