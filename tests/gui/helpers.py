"""Helpers shared by the GUI tests: a window holding a given Comparison without running the engine."""
from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from analysis.model import Article
from analysis.segment import segment


def show_comparison(window, comparison) -> None:
    """Put ``comparison`` in the window as if the engine had produced it (no analysis is scheduled)."""
    window.doc.articles = list(comparison.articles)
    window.doc.reference = comparison.articles[0].id
    window.doc.set_comparison(comparison)
    window.view.flush_views()


def make_article(article_id: str, outlet: str, title: str, text: str) -> Article:
    paragraphs, sentences, tokens = segment(text, article_id)
    return Article(id=article_id, path=None, source_kind="paste", outlet=outlet, title=title,
                   date=None, author=None, text=text, source_text=text, removed=(),
                   paragraphs=tuple(paragraphs), sentences=tuple(sentences), tokens=tuple(tokens))


def with_articles(comparison, articles):
    return dataclasses.replace(comparison, articles=tuple(articles))


ANALYSIS_TIMEOUT_MS = 60_000


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """Press a key as the user does: on whatever widget of the active window has the focus."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    qtbot.keyClick(target, key, modifier)


def wait_analysed(qtbot, w, n_articles=None) -> None:
    """Wait until the window shows a finished comparison (of ``n_articles`` articles, if given)."""
    def ready():
        comp = w.doc.comparison
        return (comp is not None and not w.analysis.runner.running and not w.analysis.timer.isActive()
                and (n_articles is None or len(comp.articles) == n_articles))
    qtbot.waitUntil(ready, timeout=ANALYSIS_TIMEOUT_MS)
