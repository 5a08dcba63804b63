"""Pieces several sections share: outlet names with their colour, verdicts, quoted evidence."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from analysis.model import Finding
from analysis.report import colours
from analysis.report.context import Context
from analysis.report.model import Run
from analysis.report.text import clip, join_names
from analysis.vocabulary import wording
from analysis.vocabulary.reviews import Review


def outlet_runs(ctx: Context, article_id: str, bold: bool = True) -> tuple[Run, ...]:
    """A colour chip then the outlet's name: colour is never the only cue, the name is always there."""
    return (Run("■\u00a0", "chip", ctx.colour(article_id)), Run(ctx.name(article_id), "b" if bold else ""))


def other_event_reason(ctx: Context, evidence: str) -> str:
    """Why the same-event check put an article apart, in an editor's words ("" when it gives none)."""
    return wording.other_event_reason(ctx.words(evidence))


def left_out_by(finding) -> tuple[str, ...]:
    """The outlets a coverage finding is about: every outlet of a grouped omission or voice row
    (``omitted_by`` / ``left_out_by``), else its first article."""
    data = finding.data or {}
    return tuple(data.get("left_out_by") or data.get("omitted_by") or finding.articles[:1])


def outlets_runs(ctx: Context, article_ids: Iterable[str], bold: bool = False) -> tuple[Run, ...]:
    out: list[Run] = []
    for i, article_id in enumerate(article_ids):
        if i:
            out.append(Run(", "))
        out.extend(outlet_runs(ctx, article_id, bold=bold))
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
    # A word an outlet uses twice is one line: the evidence already says "2 times".
    shown: set[tuple[str, str]] = set()
    for span in finding.spans:
        article = ctx.article(span.article)
        if len(shown) >= limit or article is None or not (0 <= span.start < span.end <= len(article.text)):
            continue
        words = article.text[span.start:span.end]
        key = (span.article, " ".join(words.split()).casefold())
        if key in shown:
            continue
        shown.add(key)
        out.append(Run("\n"))
        out.extend(outlet_runs(ctx, span.article, bold=False))
        out.append(Run(": “"))
        # Short spans (the words that differ) are flagged; a whole quoted clause reads better plain.
        style = "flag" if len(words.split()) <= 6 else "i"
        out.append(Run(clip(words, width), style, ctx.colour(span.article) if style == "flag" else None))
        out.append(Run("”"))
    return tuple(out)


@dataclass(frozen=True)
class OmittedFact:
    """One fact and every outlet that leaves it out: the report's unit for omissions, as the engine
    makes one finding (one review) per omitted fact, not one per outlet."""
    fact: str
    omitted_by: tuple[str, ...]
    covered_by: tuple[str, ...]
    rank: int                       # the best rank among its outlets' omissions
    finding: Finding | None


def omitted_facts(ctx: Context) -> tuple[list[OmittedFact], int]:
    """The omissions grouped by fact, strongest first, and how many facts the editor dismissed
    (those are left out)."""
    grouped: dict[str, list] = {}
    for o in sorted(ctx.comparison.omissions, key=lambda o: o.rank):
        grouped.setdefault(o.fact, []).append(o)
    shown, hidden = [], 0
    for fact_id, group in grouped.items():
        finding = ctx.omission_finding(fact_id, group[0].article)
        if finding is not None and not ctx.shown(finding):
            hidden += 1
            continue
        shown.append(OmittedFact(fact_id, tuple(o.article for o in group), group[0].covered_by,
                                 group[0].rank, finding))
    return shown, hidden


def omission_lines(ctx: Context, limit: int) -> list[tuple[Run, ...]]:
    """The strongest omitted facts as one line each ("X and Y leave out F2 “...”, which A and B
    report"), dismissed ones left out, with the verdict when reviewed."""
    shown: list[tuple[Run, ...]] = []
    for group in omitted_facts(ctx)[0][:limit]:
        fact = ctx.fact(group.fact)
        label = ctx.fact_label(fact, 110) if fact else group.fact
        verb = "leaves" if len(group.omitted_by) == 1 else "leave"
        items = outlets_runs(ctx, group.omitted_by, bold=True) + (Run(
            f" {verb} out {ctx.number(group.fact)} “{label}”, which "
            f"{join_names([ctx.name(a) for a in group.covered_by], 4)} report"),)
        if group.finding is not None:
            items += verdict_tag(ctx.review(group.finding.id))
        shown.append(items)
    return shown
