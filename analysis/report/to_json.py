"""The report model as JSON (schema ``parallax.report/1``): every block tagged with its ``type``.

This is the report as laid out (sections, tables, charts as data), for tools that restyle it; the
analysis itself is in the comparison JSON (``parallax.comparison/2``).
"""
from __future__ import annotations

import dataclasses
import json
from typing import Any

from analysis.report.model import Report

_TYPES = {"Heading": "heading", "Para": "paragraph", "Bullets": "bullets", "Table": "table",
          "Excerpt": "excerpt", "Chart": "chart"}


def to_data(value: Any) -> Any:
    """Plain JSON-able data from the report's dataclasses; blocks get a ``type`` field."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
        kind = _TYPES.get(type(value).__name__)
        return {"type": kind, **out} if kind else out
    if isinstance(value, (list, tuple)):
        return [to_data(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_data(v) for k, v in value.items()}
    return value


def render_json(report: Report, indent: int | None = 1) -> str:
    """The report as JSON text.  ``<``, ``>`` and ``&`` (only ever inside strings) are written as
    ``\\u`` escapes, so the JSON stays inert even if someone pastes it into an HTML page."""
    text = json.dumps(to_data(report), ensure_ascii=False, indent=indent)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"
