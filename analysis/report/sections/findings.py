"""Framing findings with the reviewer's verdicts and notes, grouped by kind, contradictions first."""
from __future__ import annotations

from collections import defaultdict

from analysis.model import Finding
from analysis.report.context import Context
from analysis.report.model import Heading, Run, Section, Table, cell, para
from analysis.report.sections.common import outlets_runs, quoted_spans, review_runs
from analysis.report.settings import FINDINGS_PER_KIND
from analysis.report.text import clip, plural
from analysis.vocabulary.kinds import check_first as is_contradiction
from analysis.vocabulary.kinds import label as kind_label


def _order(ctx: Context, findings: list[Finding]) -> list[Finding]:
    """Reviewed findings first (most severe first), then by score: what the editor weighed leads."""
    def key(f: Finding):
        r = ctx.review(f.id)
        return (r.empty, -(r.severity or 0), -f.score, f.id)
    return sorted(findings, key=key)


def _row(ctx: Context, f: Finding) -> tuple:
    fact = ctx.number(f.fact)
    what = [Run(clip(ctx.words(f.evidence), 300))]
    if fact:
        what.insert(0, Run(fact + " ", "b"))
    what.extend(quoted_spans(ctx, f))
    rule = f" · rule: {clip(f.rule, 60)}" if f.rule else ""
    what.append(Run(f"\n{f.id}{rule}", "small"))
    return (cell(*what), cell(*outlets_runs(ctx, f.articles)), cell(f"{f.score:.2f}", align="right"),
            cell(*review_runs(ctx.review(f.id))))


def _kind_blocks(ctx: Context, kind: str, findings: list[Finding]) -> list:
    ordered = _order(ctx, findings)
    shown = [f for f in ordered if not ctx.review(f.id).empty]
    shown += [f for f in ordered if ctx.review(f.id).empty][:FINDINGS_PER_KIND]
    blocks: list = [Heading(2, f"{kind_label(kind)} ({len(findings)})")]
    if len(shown) < len(findings):
        blocks.append(para(f"The {len(shown)} reviewed or strongest shown; {len(findings) - len(shown)} "
                           "more are in the JSON report.", kind="note"))
    header = tuple(cell(h) for h in ("Finding and evidence", "Outlets", "Score", "Review"))
    blocks.append(Table(header, tuple(_row(ctx, f) for f in shown), widths=(5.5, 1.8, 0.8, 2.0),
                        kind="findings"))
    return blocks


def _intro(ctx: Context, findings: list[Finding]) -> str:
    reviewed = sum(1 for f in findings if ctx.review(f.id).reviewed)
    text = (f"{plural(len(findings), 'framing finding')}, {reviewed} reviewed. Each names the rule that "
            "raised it and quotes the words it rests on.")
    if not ctx.include_dismissed:
        from analysis.report.context import OMISSION_KINDS
        dismissed = sum(1 for f in ctx.comparison.findings
                        if f.kind not in OMISSION_KINDS and ctx.review(f.id).dismissed)
        if dismissed:
            text += f" {plural(dismissed, 'dismissed finding')} left out."
    return text


def orphan_blocks(ctx: Context) -> list:
    if not ctx.orphans:
        return []
    rows = []
    for key, review, snapshot in ctx.orphans:
        kind = str(snapshot.get("kind") or key.split("-")[0])
        evidence = clip(str(snapshot.get("evidence") or ""), 300)
        rows.append((cell(Run(kind_label(kind) + ": ", "b"), evidence, Run(f"\n{key}", "small")),
                     cell(*review_runs(review))))
    return [Heading(2, f"Reviews of findings no longer raised ({len(rows)})"),
            para("The articles changed since these were reviewed, so the analysis no longer raises "
                 "these findings; the verdicts and notes are kept.", kind="note"),
            Table((cell("Finding as reviewed"), cell("Review")), tuple(rows), widths=(7.0, 3.0),
                  kind="findings")]


def build(ctx: Context) -> Section:
    findings = ctx.framing_findings()
    blocks: list = [Heading(1, "Framing findings and review")]
    if not findings:
        blocks.append(para("No framing findings.", kind="note"))
        return Section("findings", "Findings", tuple(blocks + orphan_blocks(ctx)))
    blocks.append(para(_intro(ctx, findings), kind="note"))
    by_kind: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_kind[f.kind].append(f)
    kinds = sorted(by_kind, key=lambda k: (not is_contradiction(k), -max(f.score for f in by_kind[k]), k))
    for kind in kinds:
        blocks += _kind_blocks(ctx, kind, by_kind[kind])
    blocks += orphan_blocks(ctx)
    return Section("findings", "Findings", tuple(blocks))
