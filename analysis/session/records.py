"""The immutable records a session hands out: articles as given and undo steps (its review records are
the one ``Review`` of ``analysis.vocabulary.reviews``)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Mapping

from analysis.model import Article, Finding


def sha1_text(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class SessionArticle:
    """One article as the editor gave it, plus their edits: what re-running the analysis needs.

    ``outlet``/``title``/``date``/``author`` are the metadata to use when the article is loaded
    again (what ingest found, or what the editor typed over it); None lets ingest find it anew.
    ``id`` is kept for the life of the session (reordering changes ``position`` only), so
    anything keyed by article id stays valid.  An empty id asks the session to assign one.
    """
    source_text: str
    kind: str = "paste"                 # "file", "paste" or "url"
    path: str | None = None             # as given by the user; None for pasted text
    id: str = ""
    outlet: str | None = None
    title: str | None = None
    date: str | None = None             # ISO 8601 YYYY-MM-DD
    author: str | None = None
    excluded: bool = False
    reference: bool = False
    position: int = 0
    text_sha1: str | None = None        # Article.digest (cleaned text) when stored, if known
    extra: Mapping[str, Any] = field(default_factory=dict)  # other edits, JSON-serialisable

    @property
    def source_sha1(self) -> str:
        return sha1_text(self.source_text)

    @classmethod
    def from_article(cls, article: Article, *, excluded: bool = False,
                     reference: bool = False) -> SessionArticle:
        """Keep an ingested article: its decoded source text and the metadata ingest found."""
        return cls(source_text=article.source_text, kind=article.source_kind, path=article.path,
                   id=article.id, outlet=article.outlet or None, title=article.title or None,
                   date=article.date, author=article.author, excluded=excluded,
                   reference=reference, text_sha1=article.digest)


@dataclass(frozen=True)
class UndoStep:
    """What one undo or redo changed, so the window can select the finding and say what it did."""
    keys: tuple[str, ...]               # finding keys touched, in the order they were changed
    label: str                          # e.g. "Confirm", "Note", or a batch's label


def finding_snapshot(finding: Finding) -> dict[str, Any]:
    """The part of a Finding worth keeping beside its review (JSON-serialisable)."""
    return {"kind": finding.kind, "evidence": finding.evidence, "articles": list(finding.articles),
            "fact": finding.fact, "rule": finding.rule}
