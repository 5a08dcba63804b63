"""Omissions (facts and voices an outlet leaves out while others carry them) and exclusives."""
from __future__ import annotations

from analysis.model import Finding
from analysis.report.context import Context
from analysis.report.model import Heading, Run, Section, Table, cell, para
from analysis.report.sections.common import outlet_runs, outlets_runs, review_runs
from analysis.report.settings import EXCLUSIVES_MAX, OMISSIONS_MAX
from analysis.report.text import clip, plural


def _omission_rows(ctx: Context) -> tuple[list, int]:
    rows, hidden = [], 0
    for o in sorted(ctx.comparison.omissions, key=lambda o: o.rank):
        finding = ctx.omission_finding(o.fact, o.article)
        if finding is not None and not ctx.shown(finding):
            hidden += 1
            continue
        fact = ctx.fact(o.fact)
        review = ctx.review(finding.id) if finding else None
        rows.append((cell(str(o.rank), align="right"),
                     cell(*outlet_runs(ctx, o.article)),
                     cell(Run(ctx.number(o.fact) + " ", "b"), ctx.fact_label(fact, 120) if fact else o.fact),
                     cell(*outlets_runs(ctx, o.covered_by)),
                     cell(*review_runs(review)) if review else cell(Run("–", "muted"))))
    return rows, hidden


def _omissions(ctx: Context) -> list:
    rows, hidden = _omission_rows(ctx)
    blocks: list = [Heading(2, "Facts left out")]
    if not rows:
        blocks.append(para("No omissions found.", kind="note"))
        return blocks
    note = (f"{plural(len(rows), 'omission')}, strongest first: a fact carried by several outlets that one "
            "leaves out, ranked by how many carry it and how early they place it.")
    if hidden:
        note += f" {plural(hidden, 'dismissed omission')} left out."
    if len(rows) > OMISSIONS_MAX:
        note += f" The first {OMISSIONS_MAX} are shown; the JSON report lists all."
    header = tuple(cell(h) for h in ("#", "Left out by", "Fact", "Carried by", "Review"))
    blocks += [para(note, kind="note"),
               Table(header, tuple(rows[:OMISSIONS_MAX]), widths=(0.45, 1.5, 3.9, 2.2, 2.0), kind="omissions")]
    return blocks


def _finding_table(ctx: Context, findings: list[Finding], first: str, limit: int,
                   others: str | None = None) -> Table:
    """One row per finding: who, the evidence, (the other outlets,) the review."""
    rows = []
    for f in findings[:limit]:
        who = f.articles[:1] if f.articles else ()
        if others is None and f.fact:     # an exclusive: the whole sentence says more than the rule
            what = cell(Run(ctx.number(f.fact) + " ", "b"), ctx.fact_label(ctx.fact(f.fact), 260))
        else:
            what = cell(clip(f.evidence, 260))
        row = [cell(*outlets_runs(ctx, who)), what]
        if others is not None:
            row.append(cell(*outlets_runs(ctx, f.articles[1:])) if f.articles[1:] else cell(Run("–", "muted")))
        rows.append(tuple(row) + (cell(*review_runs(ctx.review(f.id))),))
    names = (first, "Evidence" if others else "Fact") + ((others,) if others else ()) + ("Review",)
    widths = (1.4, 4.4, 1.8, 1.8) if others else (1.4, 6.2, 1.8)
    return Table(tuple(cell(h) for h in names), tuple(rows), widths=widths, kind="findings")


def _voices(ctx: Context) -> list:
    found = [f for f in ctx.comparison.findings if f.kind in ("voice", "voice_omission") and ctx.shown(f)]
    if not found:
        return []
    return [Heading(2, "Voices left out"),
            para("People quoted by several outlets and not by this one.", kind="note"),
            _finding_table(ctx, found, "Left out by", OMISSIONS_MAX, "Quoted by")]


def _fact_index(ctx: Context, fact_id: str | None) -> int:
    number = ctx.number(fact_id)
    return int(number[1:]) if number else 0


def _exclusives(ctx: Context) -> list:
    found = [f for f in ctx.comparison.findings if f.kind == "exclusive" and ctx.shown(f)]
    blocks: list = [Heading(2, "Exclusives")]
    if found:
        note = f"{plural(len(found), 'fact')} only one outlet carries, strongest first."
        if len(found) > EXCLUSIVES_MAX:
            note += f" The first {EXCLUSIVES_MAX} are shown."
        found.sort(key=lambda f: (ctx.number(f.fact) == "", -f.score, _fact_index(ctx, f.fact)))
        return blocks + [para(note, kind="note"), _finding_table(ctx, found, "Only in", EXCLUSIVES_MAX)]
    single = [f for f in ctx.fact_order if len(f.members) == 1]
    if not single:
        return blocks + [para("No exclusives.", kind="note")]
    rows = tuple((cell(*outlet_runs(ctx, f.members[0].article)),
                  cell(clip(ctx.member_text(f.members[0]), 260))) for f in single[:EXCLUSIVES_MAX])
    return blocks + [Table((cell("Only in"), cell("Fact")), rows, widths=(1.4, 7.0), kind="exclusives")]


def build(ctx: Context) -> Section:
    blocks = [Heading(1, "Omissions and exclusives")] + _omissions(ctx) + _voices(ctx) + _exclusives(ctx)
    return Section("omissions", "Omissions and exclusives", tuple(blocks))
