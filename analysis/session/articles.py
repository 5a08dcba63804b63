"""The session's articles as given: listed, added, edited, removed and put in the editor's order."""
from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from typing import TYPE_CHECKING, Any, ContextManager, Iterable

from analysis.errors import SessionError
from analysis.model import Article
from analysis.session.records import SessionArticle
from analysis.session.schema import utc_now
from analysis.session.values import plain_json, validate_article

_ARTICLE_FIELDS = ("id", "position", "kind", "path", "source_text", "outlet", "title", "date",
                   "author", "excluded", "reference", "text_sha1", "extra")
_EDITABLE = frozenset(_ARTICLE_FIELDS) - {"id", "position"}
# the columns an edit writes (an insert adds id, position and the time it was added)
_STORED = ("kind", "path", "source_text", "source_sha1", "outlet", "title", "date", "author", "excluded",
           "reference", "text_sha1", "extra")


def _stored(item: SessionArticle) -> tuple:
    """The values of ``_STORED`` for ``item``, as the table holds them."""
    return (item.kind, item.path, item.source_text, item.source_sha1, item.outlet, item.title, item.date,
            item.author, int(item.excluded), int(item.reference), item.text_sha1,
            plain_json(dict(item.extra), "extra"))


class Articles:
    """The article table of a session (a part of ``Session``)."""

    if TYPE_CHECKING:           # provided by ``analysis.session.store.Session``
        @property
        def db(self) -> sqlite3.Connection: ...

        def _transaction(self) -> ContextManager[None]: ...

    def articles(self, include_excluded: bool = True) -> list[SessionArticle]:
        """The articles as given, in the editor's order."""
        rows = self.db.execute(f"SELECT {', '.join(_ARTICLE_FIELDS)} FROM article "
                               "ORDER BY position, id").fetchall()
        items = [self._article_from_row(row) for row in rows]
        return [a for a in items if include_excluded or not a.excluded]

    def article(self, article_id: str) -> SessionArticle:
        row = self.db.execute(f"SELECT {', '.join(_ARTICLE_FIELDS)} FROM article WHERE id = ?",
                              (article_id,)).fetchone()
        if row is None:
            raise SessionError(f"The session has no article {article_id!r}")
        return self._article_from_row(row)

    @staticmethod
    def _article_from_row(row: tuple) -> SessionArticle:
        values = dict(zip(_ARTICLE_FIELDS, row))
        values["excluded"], values["reference"] = bool(values["excluded"]), bool(values["reference"])
        values["extra"] = json.loads(values["extra"] or "{}")
        return SessionArticle(**values)

    def stored_source_sha1(self, article_id: str) -> str | None:
        """The hash stored with the article's text (differs from a fresh hash if text was altered)."""
        row = self.db.execute("SELECT source_sha1 FROM article WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def add_article(self, article: SessionArticle | Article) -> SessionArticle:
        """Append an article; an empty id gets the next free ``aN``."""
        item = article if isinstance(article, SessionArticle) else SessionArticle.from_article(article)
        validate_article(item)
        with self._transaction():
            return self._insert_article(item)

    def _insert_article(self, item: SessionArticle) -> SessionArticle:
        ids = {row[0] for row in self.db.execute("SELECT id FROM article")}
        if item.id in ids:
            raise SessionError(f"The session already has an article {item.id!r}")
        number = len(ids) + 1
        while not item.id and f"a{number}" in ids:
            number += 1
        position = self.db.execute("SELECT coalesce(max(position), 0) + 1 FROM article").fetchone()[0]
        item = replace(item, id=item.id or f"a{number}", position=position)
        if item.reference:
            self.db.execute("UPDATE article SET reference = 0")
        self.db.execute(
            f"INSERT INTO article ({', '.join(_STORED)}, id, position, added)"
            f" VALUES ({', '.join('?' * (len(_STORED) + 3))})",
            (*_stored(item), item.id, item.position, utc_now()))
        return item

    def update_article(self, article_id: str, **changes: Any) -> SessionArticle:
        """Edit an article: outlet, title, date, author, excluded, reference, source_text, path,
        kind, text_sha1, extra.  New source text drops the stale ``text_sha1`` unless one is given.
        Making one article the reference clears the flag on the others.
        """
        unknown = set(changes) - _EDITABLE
        if unknown:
            raise SessionError(f"Article field(s) cannot be edited: {', '.join(sorted(unknown))}")
        current = self.article(article_id)
        if "source_text" in changes and "text_sha1" not in changes:
            changes["text_sha1"] = None
        item = replace(current, **changes)
        validate_article(item)
        with self._transaction():
            if item.reference and not current.reference:
                self.db.execute("UPDATE article SET reference = 0")
            self.db.execute(f"UPDATE article SET {', '.join(c + ' = ?' for c in _STORED)} WHERE id = ?",
                            (*_stored(item), article_id))
        return item

    def remove_article(self, article_id: str) -> None:
        """Drop an article.  Reviews stay: those of its findings show up as orphaned."""
        self.article(article_id)
        with self._transaction():
            self.db.execute("DELETE FROM article WHERE id = ?", (article_id,))

    def reorder(self, article_ids: Iterable[str]) -> None:
        """Put the articles in this order (every article id exactly once)."""
        order = list(article_ids)
        have = [a.id for a in self.articles()]
        if sorted(order) != sorted(have):
            raise SessionError("A new article order must name every article of the session once")
        with self._transaction():
            self.db.executemany("UPDATE article SET position = ? WHERE id = ?",
                                [(n, aid) for n, aid in enumerate(order, start=1)])
