"""The editor's review of one finding: one record for the session store, the window and the report.

A review is keyed by the finding's stable id.  ``verdict`` is one of ``VERDICTS``; ``NOT_REVIEWED``
("none", the spelling the session file stores) is the one way to say there is none.  ``review_from``
reads any record-like value (this class, a dict from JSON, None) into a ``Review``, so the report
accepts what the window and the command line hand it without knowing where it came from.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

NOT_REVIEWED = "none"
GIVEN = ("confirmed", "dismissed", "flagged")          # the verdicts an editor gives
VERDICTS = (NOT_REVIEWED,) + GIVEN
SEVERITIES = (1, 2, 3)                                # minor, moderate, major


@dataclass(frozen=True)
class Review:
    """The editor's review of one finding.

    ``finding`` is a snapshot (kind, evidence, articles, rule) taken when the review was written
    with the Finding at hand; it lets a report describe a review whose finding no longer exists.
    """
    key: str
    verdict: str = NOT_REVIEWED         # one of VERDICTS
    severity: int | None = None         # 1 (minor) to 3 (major), or None
    note: str = ""
    updated: str | None = None          # ISO 8601 UTC of the last change; None if never reviewed
    finding: Mapping[str, Any] = field(default_factory=dict)

    @property
    def reviewed(self) -> bool:
        """Counts towards "23 / 57 reviewed": a verdict was given (a note alone does not count)."""
        return self.verdict != NOT_REVIEWED

    @property
    def empty(self) -> bool:
        """Nothing written: no verdict, no severity, no note."""
        return self.verdict == NOT_REVIEWED and self.severity is None and not self.note

    @property
    def dismissed(self) -> bool:
        return self.verdict == "dismissed"


def _field(record: Any, name: str) -> Any:
    if isinstance(record, Mapping):
        return record.get(name)
    return getattr(record, name, None)


def _severity(value: Any) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return min(max(number, SEVERITIES[0]), SEVERITIES[-1])


def review_from(record: Any, key: str = "") -> Review:
    """A ``Review`` from a ``Review``, a mapping (JSON) or None; an unknown verdict (an older or
    hand-edited file, "" from a JSON writer) reads as not reviewed, a severity is clamped to 1-3."""
    if record is None:
        return Review(key)
    verdict = str(_field(record, "verdict") or "").strip().lower()
    return Review(key or str(_field(record, "key") or ""),
                  verdict if verdict in GIVEN else NOT_REVIEWED,
                  _severity(_field(record, "severity")), str(_field(record, "note") or "").strip(),
                  _field(record, "updated"), _field(record, "finding") or {})


def reviews_from(records: Mapping[str, Any] | None) -> dict[str, Review]:
    """Every record of ``records`` (finding id -> record) as a ``Review``."""
    return {str(key): review_from(value, str(key)) for key, value in (records or {}).items()}
