"""Omissions (facts and voices an outlet leaves out while others carry them) and exclusives."""
from __future__ import annotations

from analysis.model import Finding
from analysis.report.context import Context
from analysis.report.model import Heading, Run, Section, Table, cell, para
from analysis.report.sections.common import left_out_by, omitted_facts, outlet_runs, outlets_runs, review_runs
from analysis.report.settings import EXCLUSIVES_MAX, EXCLUSIVES_PER_ARTICLE, OMISSIONS_MAX
from analysis.report.text import clip, plural


def _omission_rows(ctx: Context) -> tuple[list, int]:
    groups, hidden = omitted_facts(ctx)
    rows = []
    for group in groups:
        fact = ctx.fact(group.fact)
        review = ctx.review(group.finding.id) if group.finding else None
        rows.append((cell(str(group.rank), align="right"),
                     cell(*outlets_runs(ctx, group.omitted_by, bold=True)),
                     cell(Run(ctx.number(group.fact) + " ", "b"), ctx.fact_label(fact, 120) if fact else group.fact),
                     cell(*outlets_runs(ctx, group.covered_by)),
                     cell(*review_runs(review)) if review else cell(Run("–", "muted"))))
    return rows, hidden


def _omissions(ctx: Context) -> list:
    rows, hidden = _omission_rows(ctx)
    blocks: list = [Heading(2, "Facts left out")]
    if not rows:
        blocks.append(para("No omissions found.", kind="note"))
        return blocks
    note = (f"{plural(len(rows), 'fact')} left out, strongest first: a fact carried by several outlets that "
            "others leave out, ranked by how many carry it and how early they place it.")
    if hidden:
        note += f" {plural(hidden, 'dismissed omission')} left out."
    if len(rows) > OMISSIONS_MAX:
        note += (f" The first {OMISSIONS_MAX} are shown; {len(rows) - OMISSIONS_MAX} more are in the JSON "
                 "report.")
    header = tuple(cell(h) for h in ("#", "Left out by", "Fact", "Carried by", "Review"))
    blocks += [para(note, kind="note"),
               Table(header, tuple(rows[:OMISSIONS_MAX]), widths=(0.45, 1.8, 3.6, 2.2, 2.0), kind="omissions")]
    return blocks


def _finding_table(ctx: Context, findings: list[Finding], first: str, limit: int,
                   others: str | None = None) -> Table:
    """One row per finding: who, the evidence, (the other outlets,) the review."""
    rows = []
    for f in findings[:limit]:
        who = left_out_by(f) if f.articles else ()
        rest = [a for a in f.articles if a not in who]
        what = cell(clip(ctx.words(f.evidence), 260))
        row = [cell(*outlets_runs(ctx, who)), what]
        if others is not None:
            row.append(cell(*outlets_runs(ctx, rest)) if rest else cell(Run("–", "muted")))
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


def _differently(ctx: Context) -> list:
    found = [f for f in ctx.comparison.findings if f.kind == "reports_differently" and ctx.shown(f)]
    if not found:
        return []
    return [Heading(2, "Reported differently"),
            para("Facts other outlets carry that this one reports only in part or in other words: the "
                 "search of its text found part of the fact (check before calling it an omission).",
                 kind="note"),
            _finding_table(ctx, found, "Outlet", OMISSIONS_MAX, "Carried by")]


def _copies(ctx: Context) -> list:
    groups = ctx.comparison.copies
    if not groups:
        return []
    diffs = [f for f in ctx.comparison.findings if f.kind == "version_diff" and ctx.shown(f)]
    blocks: list = [Heading(2, "Copies and versions"),
                    para("Articles that are one source (they count once for omissions): "
                         + "; ".join(g.label for g in groups) + ".", kind="note")]
    if diffs:
        blocks.append(_finding_table(ctx, diffs, "Copy", OMISSIONS_MAX, "Of"))
    return blocks


def _fact_index(ctx: Context, fact_id: str | None) -> int:
    number = ctx.number(fact_id)
    return int(number[1:]) if number else 0


def _exclusive_facts(ctx: Context, finding: Finding) -> list:
    """The facts one exclusive finding lists (one finding per article), in story order."""
    ids = (finding.data or {}).get("facts") or ([finding.fact] if finding.fact else [])
    facts = [f for f in (ctx.fact(i) for i in ids) if f is not None]
    return sorted(facts, key=lambda f: _fact_index(ctx, f.id))


def _exclusives(ctx: Context) -> list:
    found = [f for f in ctx.comparison.findings if f.kind == "exclusive" and ctx.shown(f)]
    blocks: list = [Heading(2, "Exclusives")]
    if found:
        rows, total = [], 0
        for f in sorted(found, key=lambda f: -f.score):
            facts = _exclusive_facts(ctx, f)
            total += len(facts)
            shown = facts[:EXCLUSIVES_PER_ARTICLE]
            runs: list = []
            for fact in shown:
                runs += [Run(ctx.number(fact.id) + " ", "b"), Run(ctx.fact_label(fact, 160) + " ")]
            if len(facts) > len(shown):
                runs.append(Run(f"(and {len(facts) - len(shown)} more)", "muted"))
            rows.append((cell(*outlets_runs(ctx, f.articles)), cell(*runs), cell(*review_runs(ctx.review(f.id)))))
        note = (f"{plural(total, 'fact')} only one source carries, one row per outlet, strongest first"
                f" (the first {EXCLUSIVES_PER_ARTICLE} of each).")
        if len(rows) > EXCLUSIVES_MAX:
            note += f" {plural(len(rows) - EXCLUSIVES_MAX, 'more outlet')} with exclusives in the JSON report."
        header = tuple(cell(h) for h in ("Only in", "Facts", "Review"))
        return blocks + [para(note, kind="note"),
                         Table(header, tuple(rows[:EXCLUSIVES_MAX]), widths=(1.4, 6.2, 1.8), kind="findings")]
    single = [f for f in ctx.fact_order if len(f.members) == 1]
    if not single:
        return blocks + [para("No exclusives.", kind="note")]
    exclusives = tuple((cell(*outlet_runs(ctx, f.members[0].article)),
                        cell(clip(ctx.member_text(f.members[0]), 260))) for f in single[:EXCLUSIVES_MAX])
    cut = ([para(f"{plural(len(single) - EXCLUSIVES_MAX, 'more exclusive')} in the JSON report.", kind="note")]
           if len(single) > EXCLUSIVES_MAX else [])
    return blocks + [Table((cell("Only in"), cell("Fact")), exclusives, widths=(1.4, 7.0), kind="exclusives")] + cut


def build(ctx: Context) -> Section:
    blocks = ([Heading(1, "Omissions and exclusives")] + _omissions(ctx) + _differently(ctx) + _voices(ctx)
              + _exclusives(ctx) + _copies(ctx))
    return Section("omissions", "Omissions and exclusives", tuple(blocks))
