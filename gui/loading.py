"""Loading inputs (files, pasted text, links) into Articles, off the GUI thread.

``load_inputs`` runs in a worker: it never raises for one bad input, it collects a one-line message
per failure so the window can show them all, and it reports progress per input.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Callable, Sequence

from analysis.errors import Cancelled, IngestError
from analysis.model import Article


@dataclass(frozen=True)
class Input:
    kind: str                 # "file", "paste" or "url"
    value: str                # a path, the text itself, or a URL
    article_id: str
    outlet: str = ""
    title: str = ""

    @property
    def label(self) -> str:
        if self.kind == "paste":
            return f"pasted text ({self.outlet or 'no outlet'})"
        return self.value


@dataclass(frozen=True)
class Loaded:
    articles: tuple[Article, ...]
    errors: tuple[tuple[str, str], ...]      # (input label, one-line message)


def load_one(item: Input) -> Article:
    from analysis import load_article
    kwargs = {"article_id": item.article_id, "kind": item.kind}
    if item.outlet:
        kwargs["outlet"] = item.outlet
    if item.title:
        kwargs["title"] = item.title
    return load_article(item.value, **kwargs)


def load_inputs(items: list[Input], progress: Callable[[float, str], None]) -> Loaded:
    articles: list[Article] = []
    errors: list[tuple[str, str]] = []
    for n, item in enumerate(items):
        progress(n / max(1, len(items)), f"reading {item.label}")
        try:
            articles.append(load_one(item))
        except Cancelled:
            raise
        except IngestError as exc:
            errors.append((item.label, str(exc)))
        except (OSError, UnicodeError, ValueError) as exc:
            errors.append((item.label, f"could not read it ({exc})"))
        except Exception as exc:  # an engine bug on one input must not lose the others
            errors.append((item.label, f"could not read it ({type(exc).__name__}: {exc})"))
    progress(1.0, "read")
    return Loaded(tuple(articles), tuple(errors))


def within_budget(loaded: Loaded, present: Sequence[Article]) -> Loaded:
    """``loaded`` without the articles that would take the comparison (with the ``present`` ones)
    past ``MAX_COMPARISON_WORDS``; each one left out becomes an error naming it."""
    from analysis.ingest.budget import RunBudget

    budget = RunBudget(sum(a.word_count for a in present))
    kept: list[Article] = []
    errors = list(loaded.errors)
    for article in loaded.articles:
        refusal = budget.admit(article)
        if refusal:
            errors.append((article.path or article.title or article.outlet, refusal))
        else:
            kept.append(article)
    return Loaded(tuple(kept), tuple(errors))


def restore_lines(article: Article, lines: list[int]) -> Article:
    """The article re-loaded with the removed ``lines`` (0-based, in ``source_text``) put back.

    The engine's loader has no "keep these lines" option, so: rebuild the source without the lines that
    stay removed, and load that as pasted text with the same id and metadata.  If the cleaner removes a
    restored line again (it is boilerplate by its rules), fall back to inserting the line into the
    cleaned text ourselves and re-segmenting, so "restore" always does what the user asked.
    """
    from analysis import load_article
    keep = set(lines)
    source = article.source_text.split("\n")
    dropped = {r.line for r in article.removed if r.line not in keep}
    text = "\n".join(line for i, line in enumerate(source) if i not in dropped)
    restored = [r for r in article.removed if r.line in keep]
    try:
        new = load_article(text, article_id=article.id, kind="paste", outlet=article.outlet,
                           title=article.title)
    except Exception:
        new = None
    if new is not None and all(r.text.strip() in new.text for r in restored):
        return dataclasses.replace(new, path=article.path, source_kind=article.source_kind,
                                   date=new.date or article.date, author=new.author or article.author,
                                   removed=tuple(r for r in article.removed if r.line not in keep))
    return _insert_lines(article, restored)


def _insert_lines(article: Article, restored) -> Article:
    """Put each restored line back after the cleaned text's paragraph that precedes it in the source."""
    from analysis.segment import segment
    source = article.source_text.split("\n")
    text = article.text
    for r in sorted(restored, key=lambda r: r.line):
        anchor = None
        for i in range(r.line - 1, -1, -1):
            line = source[i].strip() if i < len(source) else ""
            if line and line in text:
                anchor = text.find(line) + len(line)
                break
        if anchor is None:
            text = r.text.strip() + "\n" + text
        else:
            end = text.find("\n", anchor)
            end = len(text) if end < 0 else end
            text = text[:end] + "\n" + r.text.strip() + text[end:]
    paragraphs, sentences, tokens = segment(text, article.id)
    return dataclasses.replace(article, text=text, paragraphs=tuple(paragraphs),
                               sentences=tuple(sentences), tokens=tuple(tokens),
                               removed=tuple(x for x in article.removed if x not in restored))
