"""The window's document: the articles as the user arranged them, and the latest Comparison.

Views never change articles themselves; they call methods here, which emit ``articlesChanged`` (the
main window then re-runs the analysis off the GUI thread) or ``comparisonChanged`` (views redraw).
Renaming and reordering do not need a new analysis: the Comparison is patched in place (it is an
immutable dataclass, so "patched" means replaced by a copy with the new articles).
"""
from __future__ import annotations

import dataclasses
import gc
from typing import Iterable

from PySide6.QtCore import QObject, Signal

from analysis.model import Article, Comparison
from analysis.vocabulary.wording import in_words


def settle_heap() -> None:
    """Move every object alive now out of the garbage collector's sight (``gc.freeze``).

    Why: a full collection walks every container object the process holds, and it runs on whatever
    thread happens to allocate when the threshold is crossed, often the GUI thread.  Fifty articles
    (their tokens and sentences) and their Comparison are some 100,000 objects: one full collection
    then takes 80-130 ms, a visible freeze.  The articles and the Comparison live until they are
    replaced, and they hold no reference cycles, so plain reference counting frees them; frozen, they
    are simply not walked again.  Called whenever a new batch of long-lived data arrives."""
    gc.freeze()


class Document(QObject):
    articlesChanged = Signal()          # the set of analysed articles changed: re-run needed
    layoutChanged = Signal()            # names/order/reference changed: redraw only
    comparisonChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.articles: list[Article] = []
        self.excluded: set[str] = set()
        self.reference: str | None = None
        self.comparison: Comparison | None = None
        self.compared_with: str | None = None   # an article whose event group the editor compares
        self.epoch = 0                  # bumped when the articles are replaced wholesale
        self.reading = 0                # inputs being read now (the views show a loading state)
        self._next = 1

    # ---- ids and lookup ---------------------------------------------------------------------
    def new_id(self) -> str:
        """Article ids are never reused, so a stale result can never be mistaken for a new one."""
        used = {a.id for a in self.articles}
        while f"a{self._next}" in used:
            self._next += 1
        ident = f"a{self._next}"
        self._next += 1
        return ident

    def get(self, article_id: str) -> Article | None:
        for a in self.articles:
            if a.id == article_id:
                return a
        return None

    def index_of(self, article_id: str) -> int:
        for i, a in enumerate(self.articles):
            if a.id == article_id:
                return i
        return -1

    def included(self) -> list[Article]:
        return [a for a in self.articles if a.id not in self.excluded]

    def outlet(self, article_id: str) -> str:
        a = self.get(article_id)
        if a is not None:
            return a.outlet or a.id
        if self.comparison is not None:
            try:
                return self.comparison.article(article_id).outlet
            except KeyError:
                pass
        return article_id

    def in_words(self, text: str) -> str:
        """Engine text with outlet names instead of article ids ("CNN (a4)" -> "CNN")."""
        names = {a.id: a.outlet or a.id for a in self.articles}
        if self.comparison is not None:
            for a in self.comparison.articles:
                names.setdefault(a.id, a.outlet or a.id)
        return in_words(text, names)

    def color_index(self, article_id: str) -> int:
        """Outlet colours follow the position in the full list, so excluding one keeps the others'."""
        i = self.index_of(article_id)
        return i if i >= 0 else len(self.articles)

    # ---- edits ------------------------------------------------------------------------------
    def add(self, articles: Iterable[Article]) -> None:
        added = list(articles)
        if not added:
            return
        self.articles.extend(added)
        if self.reference is None or self.get(self.reference) is None:
            self.reference = self.articles[0].id
        settle_heap()
        self.articlesChanged.emit()

    def replace_all(self, articles: Iterable[Article]) -> None:
        """New articles, none excluded, the first the reference (opening files, the seeds)."""
        articles = list(articles)
        self.restore(articles, set(), articles[0].id if articles else None)

    def restore(self, articles: Iterable[Article], excluded: set[str], reference: str | None) -> None:
        """Replace the articles wholesale with an arrangement made before (a session's): which are
        excluded, which is the reference.  The current Comparison goes; new ids follow the highest."""
        self.epoch += 1
        self.articles = list(articles)
        ids = [a.id for a in self.articles]
        self.excluded = set(excluded) & set(ids)
        self.reference = reference if reference in ids else (ids[0] if ids else None)
        self.comparison = None
        self.compared_with = None
        numbers = [int(i[1:]) for i in ids if i[:1] == "a" and i[1:].isdigit()]
        self._next = max(numbers, default=0) + 1
        settle_heap()
        self.articlesChanged.emit()
        self.comparisonChanged.emit()

    def remove(self, article_id: str) -> None:
        self.articles = [a for a in self.articles if a.id != article_id]
        self.excluded.discard(article_id)
        if self.reference == article_id:
            self.reference = self.articles[0].id if self.articles else None
        self.articlesChanged.emit()

    def set_excluded(self, article_id: str, excluded: bool) -> None:
        if excluded == (article_id in self.excluded):
            return
        (self.excluded.add if excluded else self.excluded.discard)(article_id)
        self.articlesChanged.emit()

    def replace_article(self, article: Article) -> None:
        """Swap in a re-loaded version of one article (e.g. a removed line restored)."""
        self.articles = [article if a.id == article.id else a for a in self.articles]
        self.articlesChanged.emit()

    def rename(self, article_id: str, outlet: str) -> None:
        self.articles = [dataclasses.replace(a, outlet=outlet) if a.id == article_id else a
                         for a in self.articles]
        if self.comparison is not None:
            self.comparison = dataclasses.replace(self.comparison, articles=tuple(
                dataclasses.replace(a, outlet=outlet) if a.id == article_id else a
                for a in self.comparison.articles))
        self.layoutChanged.emit()
        self.comparisonChanged.emit()

    def move(self, article_id: str, delta: int) -> bool:
        i = self.index_of(article_id)
        j = i + delta
        if i < 0 or not 0 <= j < len(self.articles):
            return False
        self.articles[i], self.articles[j] = self.articles[j], self.articles[i]
        if self.comparison is not None:
            order = {a.id: n for n, a in enumerate(self.articles)}
            self.comparison = dataclasses.replace(self.comparison, articles=tuple(
                sorted(self.comparison.articles, key=lambda a: order.get(a.id, 1 << 30))))
        self.layoutChanged.emit()
        self.comparisonChanged.emit()
        return True

    def set_reference(self, article_id: str) -> None:
        if self.get(article_id) is not None and article_id != self.reference:
            self.reference = article_id
            self.layoutChanged.emit()
            self.comparisonChanged.emit()

    def compare_event_of(self, article_id: str | None) -> None:
        """Compare the event group that holds ``article_id`` (None: the largest); a re-run."""
        if article_id != self.compared_with:
            self.compared_with = article_id
            self.articlesChanged.emit()

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.comparison = comparison
        settle_heap()
        self.comparisonChanged.emit()

    # ---- views' helpers ---------------------------------------------------------------------
    def _in_order(self) -> list[Article]:
        """Articles of the current Comparison, in the user's order."""
        if self.comparison is None:
            return []
        order = {a.id: n for n, a in enumerate(self.articles)}
        return sorted(self.comparison.articles, key=lambda a: order.get(a.id, 1 << 30))

    def _compared(self, arts: list[Article]) -> list[Article]:
        event = self.comparison.event if self.comparison is not None else ()
        same = {m.article for m in event if m.same_event}
        return [a for a in arts if a.id in same] or arts

    def shown_reference(self) -> str | None:
        """The ★ reference the views use: the editor's choice while it is compared, else the first
        compared article.  An article on another event (or excluded) is measured against nothing, so
        it cannot be what the others are read against; the choice is kept for when it is compared."""
        if self.comparison is None:
            ids = [a.id for a in self.included()]
        else:
            ids = [a.id for a in self._compared(self._in_order())]
        return self.reference if self.reference in ids else (ids[0] if ids else None)

    def can_be_reference(self, article_id: str) -> bool:
        """Whether this article is one the reference may be: compared now, on the compared event."""
        if article_id in self.excluded or self.get(article_id) is None:
            return False
        return self.comparison is None or article_id in {a.id for a in self.compared_articles()}

    def shown_articles(self) -> list[Article]:
        """Articles of the current Comparison, in the user's order, reference first."""
        arts = self._in_order()
        ref = self.shown_reference()
        arts.sort(key=lambda a: a.id != ref)
        return arts

    def compared_articles(self) -> list[Article]:
        """The shown articles of the compared event, in the same order: only they are aligned and
        measured against each other, so only they are "the outlets" of counts, charts and tables
        (an article on another event stays in the outlets list and in side by side).  All shown
        articles when the event check marks none as compared."""
        return self._compared(self.shown_articles())

    def on_other_events(self) -> str:
        """"2 on other events" (shown articles left out of the comparison), or ""."""
        n = len(self.shown_articles()) - len(self.compared_articles())
        return "" if not n else "1 on another event" if n == 1 else f"{n} on other events"
