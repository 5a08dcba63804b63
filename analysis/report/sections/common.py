"""Pieces several sections share: outlet names with their colour, verdicts, quoted evidence."""
from __future__ import annotations

from typing import Iterable

from analysis.model import Finding
from analysis.report import colours
from analysis.report.context import Context
from analysis.report.model import Run
from analysis.report.text import clip, join_names
from analysis.vocabulary.reviews import Review


def outlet_runs(ctx: Context, article_id: str, bold: bool = True) -> tuple[Run, ...]:
    """A colour chip then the outlet's name: colour is never the only cue, the name is always there."""
    return (Run("■\u00a0", "chip", ctx.colour(article_id)), Run(ctx.name(article_id), "b" if bold else ""))


def left_out_by(finding) -> tuple[str, ...]:
    """The outlets a coverage finding is about: every outlet of a grouped omission or voice row
    (``omitted_by`` / ``left_out_by``), else its first article."""
    data = finding.data or {}
    return tuple(data.get("left_out_by") or data.get("omitted_by") or finding.articles[:1])


def outlets_runs(ctx: Context, article_ids: Iterable[str]) -> tuple[Run, ...]:
    out: list[Run] = []
    for i, article_id in enumerate(article_ids):
        if i:
            out.append(Run(", "))
        out.extend(outlet_runs(ctx, article_id, bold=False))
    return tuple(out)


def review_runs(review: Review) -> tuple[Run, ...]:
    """The reviewer's verdict, severity and note; "not reviewed", or "note, not reviewed" when the
    editor wrote a note but gave no verdict."""
    if not review.reviewed:
        out = [Run("note, not reviewed" if review.note else "not reviewed", "muted")]
    else:
        out = [Run(review.verdict, "b", colours.VERDICT_COLOURS.get(review.verdict))]
    if review.severity:
        out.append(Run(f" · severity {review.severity}/3"))
    if review.note:
        out.append(Run(f"\nNote: {review.note}", "i"))
    return tuple(out)


def verdict_tag(review: Review) -> tuple[Run, ...]:
    """A short bracketed verdict for one-line summaries; nothing when not reviewed."""
    if not review.reviewed:
        return ()
    text = review.verdict + (f", severity {review.severity}" if review.severity else "")
    return (Run(f" [{text}]", "b", colours.VERDICT_COLOURS.get(review.verdict)),)


def quoted_spans(ctx: Context, finding: Finding, limit: int = 3, width: int = 160) -> tuple[Run, ...]:
    """The text each span of ``finding`` rests on, prefixed by its outlet: the evidence in words."""
    out: list[Run] = []
    for span in finding.spans[:limit]:
        article = ctx.article(span.article)
        if article is None or not (0 <= span.start < span.end <= len(article.text)):
            continue
        out.append(Run("\n"))
        out.extend(outlet_runs(ctx, span.article, bold=False))
        out.append(Run(": “"))
        words = article.text[span.start:span.end]
        # Short spans (the words that differ) are flagged; a whole quoted clause reads better plain.
        style = "flag" if len(words.split()) <= 6 else "i"
        out.append(Run(clip(words, width), style, ctx.colour(span.article) if style == "flag" else None))
        out.append(Run("”"))
    return tuple(out)


def omission_lines(ctx: Context, limit: int) -> list[tuple[Run, ...]]:
    """The strongest omissions as one line each ("X leaves out F2 “...”, which A and B report"),
    dismissed ones left out, with the verdict when reviewed."""
    shown: list[tuple[Run, ...]] = []
    for o in sorted(ctx.comparison.omissions, key=lambda o: o.rank):
        finding = ctx.omission_finding(o.fact, o.article)
        if finding is not None and not ctx.shown(finding):
            continue
        fact = ctx.fact(o.fact)
        label = ctx.fact_label(fact, 110) if fact else o.fact
        items = outlet_runs(ctx, o.article) + (Run(
            f" leaves out {ctx.number(o.fact)} “{label}”, which "
            f"{join_names([ctx.name(a) for a in o.covered_by], 4)} report"),)
        if finding is not None:
            items += verdict_tag(ctx.review(finding.id))
        shown.append(items)
        if len(shown) == limit:
            break
    return shown
