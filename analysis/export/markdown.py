"""A readable Markdown summary of a Comparison: event check, the fact grid, omissions, findings.

Untrusted article text goes into table cells, so ``|``, backticks and line breaks are escaped there.
"""
from __future__ import annotations

from analysis.model import Comparison

MAX_CELL_CHARS = 60                 # characters of a sentence shown in one grid cell
MAX_FINDINGS_LISTED = 30            # findings listed in the summary, strongest first


def cell(text: str, limit: int = MAX_CELL_CHARS) -> str:
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[:limit - 1].rstrip() + "…"
    for ch in "\\|`*_[]<>":
        text = text.replace(ch, "\\" + ch)
    return text


def summary(comparison: Comparison) -> str:
    c = comparison
    outlets = {a.id: a.outlet for a in c.articles}
    lines = ["# Parallax comparison", ""]
    lines += [f"- {a.id}: **{cell(a.outlet)}** — {cell(a.title, 100)} ({a.date or 'no date'}, "
              f"{a.word_count} words)" for a in c.articles]
    lines += [""] + [f"> {cell(n, 300)}" for n in c.notes] + ([""] if c.notes else [])
    if len(c.groups) > 1:
        lines += ["## Events among the articles", "", "| event | articles | compared | what ties them |",
                  "|---|---|---|---|"]
        lines += [f"| {g.id[1:]}: {cell(g.label, 80)} | "
                  f"{cell(', '.join(f'{outlets[a]} ({a})' for a in g.articles), 200)} | "
                  f"{'yes' if g.compared else 'no'} | {cell(g.evidence, 120)} |" for g in c.groups]
        lines.append("")
    if c.event:
        lines += ["## Same event?", "", "| article | score | same event |", "|---|---|---|"]
        lines += [f"| {cell(outlets[e.article])} | {e.score:.2f} | {'yes' if e.same_event else 'NO'} |"
                  for e in c.event]
        lines.append("")
    ids = [a.id for a in c.articles]
    shared = [f for f in c.facts if len(f.members) > 1]
    lines += [f"## Facts carried by two or more outlets ({len(shared)})", "",
              "| fact | " + " | ".join(cell(outlets[i]) for i in ids) + " |",
              "|---|" + "---|" * len(ids)]
    for f in shared:
        row = []
        for i in ids:
            m = f.member(i)
            row.append(cell(c.article(i).sentence(m.sentences[0]).text, 40) if m else "—")
        lines.append(f"| {cell(f.label)} | " + " | ".join(row) + " |")
    lines += ["", f"## Omissions ({len(c.omissions)})", "",
              "| rank | left out by | carried by | fact |", "|---|---|---|---|"]
    labels = {f.id: f.label for f in c.facts}
    lines += [f"| {o.rank} | {cell(outlets[o.article])} | "
              f"{', '.join(cell(outlets[a]) for a in o.covered_by)} | {cell(labels[o.fact])} |"
              for o in c.omissions]
    lines += ["", f"## Strongest findings (of {len(c.findings)})", ""]
    lines += [f"{n}. **{f.kind}** ({f.score:.2f}): {cell(f.evidence, 300)}"
              for n, f in enumerate(c.findings[:MAX_FINDINGS_LISTED], 1)]
    return "\n".join(lines) + "\n"
