"""``build_report``: a Comparison and a review turned into the renderer-neutral Report."""
from __future__ import annotations

import datetime as dt
from typing import Any, Mapping

from analysis.model import Comparison
from analysis.report.context import make_context
from analysis.report.model import Report
from analysis.report.sections import cover, excerpts, findings, grid, methods, metrics, omissions, summary


def build_report(comparison: Comparison, reviews: Mapping[str, Any] | None = None, *,
                 include_dismissed: bool = False, reviewer: str = "", title: str | None = None,
                 colours: Mapping[str, str] | None = None, generated: str | None = None) -> Report:
    """The report of ``comparison``.

    ``reviews`` maps finding id -> a record with ``verdict`` (confirmed / dismissed / flagged),
    ``severity`` (1-3) and ``note``, as an object or a dict (the session store's records work as is).
    Dismissed findings are left out unless ``include_dismissed``.  ``colours`` maps article id ->
    ``#rrggbb`` to match the window's colours when they were changed; ``generated`` fixes the
    timestamp (tests).
    """
    ctx = make_context(comparison, reviews, include_dismissed, colours)
    stamp = generated or dt.datetime.now().astimezone().isoformat(timespec="minutes")
    report_title = (title or "").strip() or cover.event_title(ctx)
    sections = (
        cover.build(ctx, report_title, reviewer.strip(), stamp),
        summary.build(ctx),
        grid.build(ctx),
        omissions.build(ctx),
        findings.build(ctx),
        excerpts.build(ctx),
        metrics.build(ctx),
        methods.build(ctx),
    )
    return Report(report_title, cover.subtitle(ctx), stamp, reviewer.strip(),
                  tuple(ctx.outlets.values()), sections)
