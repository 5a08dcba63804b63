"""``build_report``: a Comparison and a review turned into the renderer-neutral Report."""
from __future__ import annotations

import datetime as dt
from typing import Any, Mapping

from analysis.model import Comparison
from analysis.report.context import make_context
from analysis.report.model import Report, Section
from analysis.report.sections import brief, cover, excerpts, findings, grid, methods, metrics, omissions, summary
from analysis.report.settings import BRIEF_KEY_FACTS, KEY_FACTS


def build_report(comparison: Comparison, reviews: Mapping[str, Any] | None = None, *,
                 include_dismissed: bool = False, reviewer: str = "", title: str | None = None,
                 colours: Mapping[str, str] | None = None, generated: str | None = None,
                 full: bool = False) -> Report:
    """The report of ``comparison``: by default the editor's brief (about 6-8 pages for five
    articles: outlets and summary, verified omissions, key facts side by side, the strongest framing
    findings with their verdicts, metrics on one page); ``full`` gives every list, the fact grid and
    the methods appendix.

    ``reviews`` maps finding id -> a record with ``verdict`` (confirmed / dismissed / flagged),
    ``severity`` (1-3) and ``note``, as an object or a dict (the session store's records work as is).
    Dismissed findings are left out unless ``include_dismissed``.  ``colours`` maps article id ->
    ``#rrggbb`` to match the window's colours when they were changed; ``generated`` fixes the
    timestamp (tests).
    """
    ctx = make_context(comparison, reviews, include_dismissed, colours)
    stamp = generated or dt.datetime.now().astimezone().isoformat(timespec="minutes")
    report_title = (title or "").strip() or cover.event_title(ctx)
    front = cover.build(ctx, report_title, reviewer.strip(), stamp, full)
    sections: tuple[Section, ...]
    if full:
        sections = (front, summary.build(ctx), grid.build(ctx), omissions.build(ctx), findings.build(ctx),
                    excerpts.build(ctx, KEY_FACTS), metrics.build(ctx), methods.build(ctx))
    else:
        sections = (front, brief.glance(ctx), brief.omissions(ctx), excerpts.build(ctx, BRIEF_KEY_FACTS),
                    brief.findings(ctx), metrics.brief(ctx))
    return Report(report_title, cover.subtitle(ctx), stamp, reviewer.strip(),
                  tuple(ctx.outlets.values()), sections, full=full)
