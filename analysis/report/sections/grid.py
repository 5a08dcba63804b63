"""The fact x outlet grid: which outlet carries which fact, and where in its story."""
from __future__ import annotations

from analysis.model import Fact
from analysis.report import colours
from analysis.report.context import Context
from analysis.report.model import Cell, Heading, Run, Section, Table, cell, para
from analysis.report.settings import GRID_MAX_FACTS, GRID_OUTLETS_PER_TABLE
from analysis.report.text import plural


def _placement(ctx: Context, fact: Fact, article_id: str, omitted: set[tuple[str, str]]) -> Cell:
    member = fact.member(article_id)
    if member is not None:
        paragraph = ctx.member_paragraph(member)
        text = "lede" if paragraph == 1 else (f"¶{paragraph}" if paragraph else "yes")
        return cell(text, fill=colours.tint(ctx.colour(article_id)), align="center")
    if (fact.id, article_id) in omitted:
        return cell(Run("omits", "b", colours.WARN), fill=colours.tint(colours.WARN, 0.85), align="center")
    return cell(Run("–", "muted"), align="center")


def _table(ctx: Context, facts: list[Fact], outlet_ids: list[str], omitted) -> Table:
    # The outlet's colour fills its header cell: a chip would glue to the name and break narrow columns.
    header = (cell("Fact"),) + tuple(
        cell(Run(ctx.name(a), "b"), fill=colours.tint(ctx.colour(a), 0.55), align="center") for a in outlet_ids)
    rows = tuple(
        (cell(Run(ctx.number(f.id) + " ", "b"), ctx.fact_label(f, 140)),)
        + tuple(_placement(ctx, f, a, omitted) for a in outlet_ids)
        for f in facts)
    widths = (max(3.0, 7.0 - len(outlet_ids) * 0.5),) + (1.0,) * len(outlet_ids)
    return Table(header, rows, widths=widths, kind="grid")


def build(ctx: Context) -> Section:
    c = ctx.comparison
    blocks: list = [Heading(1, "Facts across outlets")]
    if not c.facts:
        blocks.append(para("No facts were aligned across outlets.", kind="note"))
        return Section("grid", "Facts across outlets", tuple(blocks))
    shared = [f for f in ctx.fact_order if len(f.members) > 1]
    single = len(ctx.fact_order) - len(shared)
    shown = shared[:GRID_MAX_FACTS]
    intro = (f"{plural(len(shared), 'fact')} carried by two or more outlets"
             + (f" (the first {len(shown)} shown; {len(shared) - len(shown)} more in the JSON report)"
                if len(shown) < len(shared) else "")
             + f"; {plural(single, 'fact')} carried by one outlet only (see exclusives). "
             "Each cell gives where the outlet places the fact: “lede” is its first paragraph, ¶n its "
             "paragraph n; “omits” marks an omission; – means not carried.")
    blocks.append(para(intro, kind="note"))
    omitted = {(o.fact, o.article) for o in c.omissions}
    ids = [a.id for a in ctx.compared]
    chunks = [ids[i:i + GRID_OUTLETS_PER_TABLE] for i in range(0, len(ids), GRID_OUTLETS_PER_TABLE)]
    for n, chunk in enumerate(chunks, 1):
        if len(chunks) > 1:
            blocks.append(Heading(3, f"Table {n} of {len(chunks)}: {ctx.name(chunk[0])} to {ctx.name(chunk[-1])}"))
        blocks.append(_table(ctx, shown, chunk, omitted))
    return Section("grid", "Facts across outlets", tuple(blocks))
