"""Where the session meets the analysis: articles back into the engine, reviews out to reports."""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from analysis.model import Article, Comparison
from analysis.session.names import remembered_outlets, with_remembered_outlets
from analysis.session.records import SessionArticle, sha1_text
from analysis.session.store import Session
from analysis.vocabulary.reviews import NOT_REVIEWED, VERDICTS, Review

REVIEW_SCHEMA = "parallax.review/1"


def _load_one(item: SessionArticle, stored_sha1: str | None) -> Article:
    """Ingest one stored article as pasted text, then restore its path, kind and warnings."""
    from analysis.ingest import load_article  # at call time: ingest is heavier than the session

    overrides = {"outlet": item.outlet, "title": item.title, "date": item.date,
                 "author": item.author}
    kwargs = {k: v for k, v in overrides.items() if v is not None}  # None: let ingest find it
    article = load_article(item.source_text, kind="paste", article_id=item.id, **kwargs)
    warnings = list(article.warnings)
    if stored_sha1 is not None and stored_sha1 != sha1_text(item.source_text):
        warnings.append(f"The stored text of {item.id} does not match its hash: "
                        "the session file was altered outside Parallax")
    if item.text_sha1 is not None and item.text_sha1 != article.digest:
        warnings.append(f"The cleaned text of {item.id} differs from when it was reviewed; "
                        "some findings may no longer match their verdicts")
    return replace(article, path=item.path, source_kind=item.kind, warnings=tuple(warnings))


def load_articles(session: Session, include_excluded: bool = False) -> list[Article]:
    """The session's articles as analysis Articles, in the editor's order (excluded ones left out
    unless asked), with the outlet names the editor gave their texts, ready for
    ``analysis.compare``.  Ingest errors (IngestError) propagate."""
    articles = [_load_one(item, session.stored_source_sha1(item.id))
                for item in session.articles(include_excluded=include_excluded)]
    return with_remembered_outlets(articles, remembered_outlets(session))


def _review_dict(review: Review) -> dict[str, Any]:
    return {"verdict": review.verdict, "severity": review.severity, "note": review.note,
            "updated": review.updated}


def review_export(session: Session, comparison: Comparison) -> dict[str, Any]:
    """The editor's review of ``comparison`` as plain JSON data for the JSON output and reports.

    ``findings`` has every finding of the comparison, in its order, by id (verdict "none" when not
    reviewed).  ``orphaned`` keeps the reviews whose finding the analysis no longer produces (an
    article was edited or removed): they are reported, never deleted.
    """
    stored = session.reviews()
    findings: dict[str, dict[str, Any]] = {}
    counts = dict.fromkeys(VERDICTS, 0)
    for finding in comparison.findings:
        if finding.id in findings:
            continue
        review = stored.get(finding.id) or Review(key=finding.id)
        findings[finding.id] = _review_dict(review)
        counts[review.verdict] += 1
    orphaned = [{"key": key, **_review_dict(review), "finding": dict(review.finding)}
                for key, review in stored.items() if key not in findings]
    info = session.info()
    return {
        "schema": REVIEW_SCHEMA,
        "session": {"path": info["path"], "format": info["format"], "created": info.get("created"),
                    "updated": info.get("updated"), "created_by": info.get("created_by")},
        "progress": {"reviewed": len(findings) - counts[NOT_REVIEWED], "total": len(findings),
                     **{v: counts[v] for v in VERDICTS if v != NOT_REVIEWED}},
        "findings": findings,
        "orphaned": orphaned,
    }
