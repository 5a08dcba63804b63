"""Articles for the signal tests: the seeds (through ingest when it is available) and hand-made texts.

Tests find sentences by their text, never by index, so they hold whether or not ingest has removed
the seeds' navigation lines.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from analysis.model import Article
from analysis.segment import segment

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def make_article(text: str, article_id: str = "a1", outlet: str = "", language: str = "en") -> Article:
    paragraphs, sentences, tokens = segment(text, article_id)
    return Article(id=article_id, path=None, source_kind="paste", outlet=outlet or article_id,
                   title="", date=None, author=None, text=text, source_text=text, removed=(),
                   paragraphs=tuple(paragraphs), sentences=tuple(sentences), tokens=tuple(tokens),
                   language=language)


def _load(path: Path, article_id: str) -> Article:
    try:
        from analysis.ingest import load_article
    except ImportError:
        load_article = None
    if load_article is not None:
        try:
            return load_article(str(path), article_id=article_id)
        except TypeError:       # an ingest without the article_id keyword: renumber ourselves
            import dataclasses
            a = load_article(str(path))
            _, sentences, _ = segment(a.text, article_id)
            return dataclasses.replace(a, id=article_id, sentences=tuple(sentences))
    return make_article(path.read_text(encoding="utf-8"), article_id, outlet=path.stem)


@lru_cache(maxsize=1)
def seeds() -> tuple[Article, ...]:
    """The five seeds as a1..a5, in file-name order."""
    return tuple(_load(p, f"a{i + 1}") for i, p in enumerate(sorted(SEEDS.glob("*.txt"))))


def sentence_with(article: Article, needle: str):
    """The one sentence of ``article`` that contains ``needle``."""
    found = [s for s in article.sentences if needle in s.text]
    assert found, f"no sentence of {article.id} contains {needle!r}"
    return found[0]


def block_network(monkeypatch) -> None:
    """Make every socket connection fail, as on an offline laptop."""
    import socket

    def refuse(*args, **kwargs):
        raise OSError("network disabled by the test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
