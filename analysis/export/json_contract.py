"""The JSON contract (``parallax.comparison/1``): a ``Comparison`` as plain JSON, documented in
docs/JSON.md.  Other tools and the tests read this; change it only with a new schema version."""
from __future__ import annotations

import json
from typing import Any, Mapping

from analysis.model import Article, Comparison, Finding

SCHEMA = "parallax.comparison/1"


def _article(a: Article, metrics: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "id": a.id, "path": a.path, "kind": a.source_kind, "outlet": a.outlet, "title": a.title,
        "date": a.date, "author": a.author, "language": a.language, "encoding": a.encoding,
        "digest": a.digest, "words": a.word_count, "text": a.text,
        "removed": [{"text": r.text, "reason": r.reason, "line": r.line} for r in a.removed],
        "paragraphs": [{"index": p.index, "start": p.start, "end": p.end} for p in a.paragraphs],
        "sentences": [{"id": s.id, "start": s.start, "end": s.end, "text": s.text,
                       "paragraph": s.paragraph} for s in a.sentences],
        "metadata_origin": dict(a.metadata_origin), "warnings": list(a.warnings),
        "metrics": metrics,
    }


def _finding(f: Finding, review: Mapping[str, Any] | None) -> dict[str, Any]:
    out = {"id": f.id, "kind": f.kind, "fact": f.fact, "articles": list(f.articles),
           "spans": [{"article": s.article, "start": s.start, "end": s.end} for s in f.spans],
           "evidence": f.evidence, "score": round(f.score, 4), "rule": f.rule,
           "data": _plain(f.data)}
    if review is not None:
        out["review"] = dict(review)
    return out


def _plain(value: Any) -> Any:
    """Mappings, tuples and sets as JSON-able dicts and lists (data fields are free-form)."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return round(value, 4)
    return value


def to_dict(comparison: Comparison, review: Mapping[str, Any] | None = None) -> dict:
    """The contract as a dict.  ``review`` is a session's ``review_export``: each finding then gets
    its "review" (verdict, severity, note) and the top level a "review" summary."""
    reviews = (review or {}).get("findings", {})
    out = {
        "schema": SCHEMA,
        "articles": [_article(a, _plain(comparison.metrics.get(a.id, {})))
                     for a in comparison.articles],
        "event": [{"article": e.article, "score": round(e.score, 4), "same_event": e.same_event,
                   "evidence": e.evidence, "group": e.group} for e in comparison.event],
        "groups": [{"id": g.id, "articles": list(g.articles), "label": g.label, "compared": g.compared,
                    "cohesion": round(g.cohesion, 4), "evidence": g.evidence, "copies": list(g.copies)}
                   for g in comparison.groups],
        "facts": [{"id": f.id, "label": f.label, "cohesion": f.cohesion,
                   "members": [{"article": m.article, "sentences": list(m.sentences)}
                               for m in f.members]} for f in comparison.facts],
        "omissions": [{"fact": o.fact, "article": o.article, "covered_by": list(o.covered_by),
                       "rank": o.rank, "score": round(o.score, 4)} for o in comparison.omissions],
        "findings": [_finding(f, reviews.get(f.id)) for f in comparison.findings],
        "quotes": [_plain(q.__dict__) for q in comparison.quotes],
        "voices": [_plain(v.__dict__) for v in comparison.voices],
        "notes": list(comparison.notes),
        "copies": [{"original": g.original, "copies": list(g.copies), "kind": g.kind, "agency": g.agency,
                    "similarity": _plain(g.similarity), "label": g.label} for g in comparison.copies],
    }
    if review is not None:
        out["review"] = {k: _plain(v) for k, v in review.items() if k != "findings"}
    return out


def dumps(comparison: Comparison, review: Mapping[str, Any] | None = None) -> str:
    return json.dumps(to_dict(comparison, review), ensure_ascii=False, indent=1)
