"""Checks and conversions every part of a session shares: article fields, plain JSON values and the
stable key of a finding reference."""
from __future__ import annotations

import json
import re
from datetime import date, datetime
from typing import Any

from analysis.errors import SessionError
from analysis.model import Finding
from analysis.session.records import SessionArticle, finding_snapshot
from analysis.session.schema import ARTICLE_KINDS

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

FindingRef = Finding | str             # a Finding, or just its stable key


def validate_date(value: str | None) -> None:
    if value is None:
        return
    try:
        ok = bool(_ISO_DATE.fullmatch(value)) and date.fromisoformat(value) is not None
    except (TypeError, ValueError):
        ok = False
    if not ok:
        raise SessionError(f"Article date must be YYYY-MM-DD, not {value!r}")


def validate_article(article: SessionArticle) -> None:
    if not isinstance(article.source_text, str):
        raise SessionError("Article source text must be text")
    if article.kind not in ARTICLE_KINDS:
        raise SessionError(f"Article kind must be one of {', '.join(ARTICLE_KINDS)}, "
                           f"not {article.kind!r}")
    validate_date(article.date)
    plain_json(dict(article.extra), "article extra")


def plain_json(value: Any, what: str) -> str:
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False, sort_keys=True)
    except (TypeError, ValueError):
        raise SessionError(f"The {what} cannot be saved: it is not plain JSON data") from None


def finding_key(finding: FindingRef) -> tuple[str, dict]:
    """The stable key of a finding reference, and a snapshot when a whole Finding was given."""
    if isinstance(finding, Finding):
        return finding.id, finding_snapshot(finding)
    if isinstance(finding, str) and finding:
        return finding, {}
    raise SessionError(f"A review needs a finding or its key, not {finding!r}")


def seconds_between(earlier: str, later: str) -> float:
    return (datetime.fromisoformat(later) - datetime.fromisoformat(earlier)).total_seconds()
