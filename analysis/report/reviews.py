"""Reading review records without depending on the session store's classes.

The session store returns one record per finding id with ``verdict`` (confirmed / dismissed / flagged),
``severity`` (1-3) and ``note``; the window may pass plain dicts.  Both are accepted here (duck typing), so
the report never imports the store and old or partial records still work.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

VERDICTS = ("confirmed", "flagged", "dismissed")


@dataclass(frozen=True)
class Review:
    verdict: str = ""           # "" when not reviewed
    severity: int | None = None
    note: str = ""

    @property
    def reviewed(self) -> bool:
        return bool(self.verdict)

    @property
    def touched(self) -> bool:
        """The editor wrote something: a verdict, a severity or a note (a note alone is not a verdict)."""
        return bool(self.verdict or self.severity or self.note)

    @property
    def dismissed(self) -> bool:
        return self.verdict == "dismissed"


NOT_REVIEWED = Review()


def _field(record: Any, name: str) -> Any:
    if isinstance(record, Mapping):
        return record.get(name)
    return getattr(record, name, None)


def _severity(value: Any) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return min(max(number, 1), 3)


def normalise(record: Any) -> Review:
    """A ``Review`` from a store record, a dict or None; unknown verdicts count as not reviewed."""
    if record is None:
        return NOT_REVIEWED
    verdict = str(_field(record, "verdict") or "").strip().lower()
    if verdict not in VERDICTS:
        verdict = ""
    note = _field(record, "note")
    return Review(verdict, _severity(_field(record, "severity")), str(note or "").strip())


def normalise_all(reviews: Mapping[str, Any] | None) -> dict[str, Review]:
    """Every record of ``reviews`` (finding id -> record) as a ``Review``."""
    if not reviews:
        return {}
    return {str(key): normalise(value) for key, value in reviews.items()}
