"""The batch's input: the article files of one folder, loaded and grouped into events.

Files are taken in name order, not recursively: every regular file whose extension is one Parallax
reads (``.txt``, ``.md``, ``.html`` and their kin); hidden files and other extensions are left alone.
A file that cannot be read as an article is listed with its reason and the rest go on.

Each event gets a *key*: a digest of its files (names as given and text digests, in name order) and of
the engine's output version, so that a result left by an earlier run is used again only for exactly
the same articles compared by the same version of Parallax.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Sequence

from analysis.errors import ParallaxError
from analysis.export.json_contract import SCHEMA
from analysis.ingest.source import HTML_SUFFIXES, TEXT_SUFFIXES
from analysis.model import Article

ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES


@dataclass(frozen=True)
class Event:
    """One event of the folder: its files (name order), their text digests and its key."""
    number: int                     # 1 = the largest group, as the engine numbers groups
    label: str
    files: tuple[str, ...]
    digests: tuple[str, ...]
    key: str

    @property
    def compared(self) -> bool:
        """An event of one article has nothing to compare."""
        return len(self.files) > 1


@dataclass(frozen=True)
class Plan:
    folder: str
    events: tuple[Event, ...]
    skipped: tuple[tuple[str, str], ...]        # (file, reason) of the files that could not be read
    articles: int


def article_files(folder: str | os.PathLike) -> list[Path]:
    """The article files of ``folder`` in name order (``ParallaxError`` when it is no folder)."""
    root = Path(folder)
    if not root.is_dir():
        raise ParallaxError(f"{folder} is not a folder" if root.exists() else f"{folder}: no such folder")
    try:
        entries = sorted(root.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        raise ParallaxError(f"cannot read the folder {folder}: {exc.strerror or exc}") from None
    return [p for p in entries if not p.name.startswith(".") and p.suffix.lower() in ARTICLE_SUFFIXES
            and p.is_file()]


def engine_stamp() -> str:
    """What a stored result depends on besides its articles: the output schema and the version."""
    try:
        version = metadata.version("parallax")
    except metadata.PackageNotFoundError:
        version = "source"
    return f"{SCHEMA}|parallax {version}"


def event_key(files: Sequence[str], digests: Sequence[str]) -> str:
    lines = [engine_stamp()] + [f"{f}\t{d}" for f, d in zip(files, digests)]
    return hashlib.sha1("\n".join(lines).encode("utf-8")).hexdigest()[:16]


def plan(folder: str | os.PathLike) -> Plan:
    """Load every article of ``folder`` and group them into events (the engine's grouping)."""
    from analysis.ingest import load_article
    from analysis.pipeline import group_events

    articles: list[Article] = []
    path_of: dict[str, str] = {}
    skipped = []
    for path in article_files(folder):
        try:
            article = load_article(path, article_id=f"a{len(articles) + 1}")
        except ParallaxError as exc:
            skipped.append((str(path), " ".join(str(exc).split())))
            continue
        articles.append(article)
        path_of[article.id] = str(path)
    groups = group_events(articles) if articles else ()
    by_id = {a.id: a for a in articles}
    events = []
    for number, group in enumerate(groups, 1):
        ids = sorted(group.articles, key=lambda i: path_of[i])
        files = tuple(path_of[i] for i in ids)
        digests = tuple(by_id[i].digest for i in ids)
        events.append(Event(number, group.label, files, digests, event_key(files, digests)))
    return Plan(str(folder), tuple(events), tuple(skipped), len(articles))
