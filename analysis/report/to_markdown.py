"""The report as Markdown (CommonMark with GitHub tables).

Untrusted text is backslash-escaped: Markdown punctuation, the characters that would open raw HTML
(``<``, ``>``, ``&``) and, in tables, the ``|`` that would split a cell.  Charts become tables of their
numbers; highlights become bold (no colour in plain Markdown).
"""
from __future__ import annotations

import re

from analysis.report.model import Bullets, Cell, Chart, Excerpt, Heading, Para, Report, Run, Section, Table

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|&~!])")


def md_escape(text: str) -> str:
    """``text`` with every Markdown- or HTML-significant character backslash-escaped."""
    return _SPECIAL.sub(r"\\\1", text)


def run_md(run: Run, in_table: bool = False) -> str:
    if run.style == "chip":
        return ""
    text = md_escape(run.text)
    lines = text.split("\n")
    out = []
    for line in lines:
        core = line.strip()
        if core and run.style in ("b", "mark"):
            line = line.replace(core, f"**{core}**", 1)
        elif core and run.style == "i":
            line = line.replace(core, f"*{core}*", 1)
        elif core and run.style == "flag":
            line = line.replace(core, f"***{core}***", 1)
        elif core and run.style == "code":
            line = line.replace(core, f"`{core}`", 1)
        out.append(line)
    return ("<br>" if in_table else "  \n").join(out)


def runs_md(runs, in_table: bool = False) -> str:
    return "".join(run_md(r, in_table) for r in runs)


def _cell(c: Cell) -> str:
    return runs_md(c.runs, in_table=True).strip() or " "


def table_md(t: Table) -> str:
    align = {"right": "---:", "center": ":---:"}
    lines = ["| " + " | ".join(_cell(c) for c in t.header) + " |",
             "|" + "|".join(align.get(c.align, "---") for c in t.header) + "|"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in t.rows]
    return "\n".join(lines)


def chart_md(chart: Chart) -> str:
    header = "| " + md_escape("Outlet") + " | " + " | ".join(md_escape(s.name) for s in chart.series) + " |"
    lines = [f"*{md_escape(chart.title)}*" + (f" ({md_escape(chart.unit)})" if chart.unit else ""), "",
             header, "|---|" + "---:|" * len(chart.series)]
    for i, category in enumerate(chart.categories):
        values = [("–" if s.values[i] is None else chart.value_format.format(s.values[i])) for s in chart.series]
        lines.append(f"| {md_escape(category)} | " + " | ".join(values) + " |")
    if chart.caption:
        lines += ["", md_escape(chart.caption)]
    return "\n".join(lines)


def excerpt_md(e: Excerpt) -> str:
    lines = [f"**{md_escape(e.fact)} · {md_escape(e.label)}**", ""]
    for line in e.lines:
        words = runs_md(line.runs) if line.runs else "*not covered*"
        note = f" ({md_escape(line.note)})" if line.note and line.runs else ""
        lines.append(f"> **{md_escape(line.outlet)}**{note}: {words}  ")
    if e.caption:
        lines += ["", md_escape(e.caption)]
    return "\n".join(lines)


def block_md(block) -> str:
    if isinstance(block, Heading):
        return "#" * min(max(block.level, 1), 3) + " " + md_escape(block.text)
    if isinstance(block, Para):
        text = runs_md(block.runs)
        return f"*{text}*" if block.kind == "note" and "*" not in text else text
    if isinstance(block, Bullets):
        return "\n".join("- " + runs_md(item).replace("  \n", "  \n  ") for item in block.items)
    if isinstance(block, Table):
        return table_md(block)
    if isinstance(block, Excerpt):
        return excerpt_md(block)
    if isinstance(block, Chart):
        return chart_md(block)
    raise TypeError(f"unknown block {type(block).__name__}")


def section_md(section: Section) -> str:
    return "\n\n".join(block_md(b) for b in section.blocks)


def render_markdown(report: Report) -> str:
    """The whole report as one Markdown document."""
    parts = [section_md(s) for s in report.sections]
    footer = f"---\n\n*Parallax report, generated {md_escape(report.generated)}*"
    return "\n\n".join(parts + [footer]) + "\n"
