"""The window's document: the articles as the user arranged them, and the latest Comparison.

Views never change articles themselves; they call methods here, which emit ``articlesChanged`` (the
main window then re-runs the analysis off the GUI thread) or ``comparisonChanged`` (views redraw).
Renaming and reordering do not need a new analysis: the Comparison is patched in place (it is an
immutable dataclass, so "patched" means replaced by a copy with the new articles).
"""
from __future__ import annotations

import dataclasses
import gc
import operator
import re
import weakref
from typing import Iterable

from PySide6.QtCore import QObject, Signal

from analysis.model import Article, Comparison

_PREPARED: dict[int, dict] = {}
_WORDS: dict[int, tuple[weakref.ref, int]] = {}   # id(article) -> (the article, its count)
_ALNUM = re.compile(r"[^\W_]")        # exactly str.isalnum, one character
_TEXT = operator.attrgetter("text")


def settle_heap() -> None:
    """Move every object alive now out of the garbage collector's sight (``gc.freeze``).

    Why: a full collection walks every container object the process holds, and it runs on whatever
    thread happens to allocate when the threshold is crossed, often the GUI thread.  Fifty articles
    (their tokens and sentences) and their Comparison are some 100,000 objects: one full collection
    then takes 80-130 ms, a visible freeze.  The articles and the Comparison live until they are
    replaced, and they hold no reference cycles, so plain reference counting frees them; frozen, they
    are simply not walked again.  Called whenever a new batch of long-lived data arrives."""
    gc.freeze()


def cached_word_count(article: Article) -> int | None:
    """The word count if ``word_count`` has computed it for this very article object, else None."""
    hit = _WORDS.get(id(article))
    return hit[1] if hit is not None and hit[0]() is article else None


def word_count(article: Article) -> int:
    """``Article.word_count`` (tokens holding a letter or digit), about three times faster and
    computed once per article object: the outlets list asks for all of them after every change."""
    n = cached_word_count(article)
    if n is not None:
        return n
    n = sum(map(bool, map(_ALNUM.search, map(_TEXT, article.tokens))))
    key = id(article)
    # Held weakly: the entry goes when the article does (an id is reused only after that).
    _WORDS[key] = (weakref.ref(article, lambda _, key=key: _WORDS.pop(key, None)), n)
    return n


def prepare(comparison: Comparison) -> dict:
    """Look-up tables derived from a Comparison (word counts, omission ranks, flattened metrics),
    built once per Comparison, normally off the GUI thread right after the analysis."""
    key = id(comparison.omissions)      # shared by renamed/reordered copies of the same result
    cached = _PREPARED.get(key)
    if cached is None or cached["omissions"] is not comparison.omissions:
        from .models.metrics import flatten
        from .textdiff import preload
        preload()                        # the side-by-side view's word diff, on first use
        cached = {"words": {a.id: word_count(a) for a in comparison.articles},
                  "omitted": {(o.fact, o.article): o.rank for o in comparison.omissions},
                  "omissions": comparison.omissions,
                  "metrics": comparison.metrics,
                  "flat": {aid: flatten(groups) for aid, groups in comparison.metrics.items()}}
        if len(_PREPARED) > 8:           # keep a few: old results are dropped with their tables
            _PREPARED.pop(next(iter(_PREPARED)))
        _PREPARED[key] = cached
    return cached


def flat_metrics(comparison: Comparison | None) -> dict[str, dict[str, float]]:
    """Each article's metrics flattened to ``group.key -> value`` (``models.metrics.flatten``)."""
    if comparison is None:
        return {}
    tables = prepare(comparison)
    if tables["metrics"] is not comparison.metrics:     # a patched copy with other metrics
        from .models.metrics import flatten
        return {aid: flatten(groups) for aid, groups in comparison.metrics.items()}
    return tables["flat"]


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
        self.articles = list(articles)
        self.excluded.clear()
        self.reference = self.articles[0].id if self.articles else None
        self.comparison = None
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

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.comparison = comparison
        settle_heap()
        self.comparisonChanged.emit()

    # ---- views' helpers ---------------------------------------------------------------------
    def shown_articles(self) -> list[Article]:
        """Articles of the current Comparison, in the user's order, reference first."""
        if self.comparison is None:
            return []
        order = {a.id: n for n, a in enumerate(self.articles)}
        arts = sorted(self.comparison.articles, key=lambda a: order.get(a.id, 1 << 30))
        arts.sort(key=lambda a: a.id != self.reference)
        return arts
