"""The report as one self-contained HTML file: inline CSS, inline SVG charts, no script, print-ready.

Every piece of text goes through ``esc`` (article text is untrusted: a pasted page may hold markup).
Colours come from the report's own palette and are checked again before they reach a ``style``
attribute.  A Content-Security-Policy forbids scripts and remote loads, a second lock behind escaping.
"""
from __future__ import annotations

import html

from analysis.report import colours
from analysis.report.chart_geometry import Line, Rect, Text, layout
from analysis.report.model import Bullets, Cell, Chart, Excerpt, Heading, Para, Report, Run, Section, Table

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

CSS = """
:root { --text: #1d1d1f; --muted: #6b6b73; --rule: #d0d0d6; --head: #eef0f4; --accent: #1f4e8c; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.45 "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: var(--text);
       max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.55em; color: var(--accent); border-bottom: 2px solid var(--accent); padding-bottom: .2em;
     margin: 1.6em 0 .6em; }
h2 { font-size: 1.2em; margin: 1.4em 0 .4em; }
h3 { font-size: 1.02em; margin: 1.1em 0 .3em; color: #333; }
p { margin: .4em 0; }
p.lead { font-size: 1.25em; color: #333; }
p.note { color: var(--muted); font-size: .92em; }
.muted { color: var(--muted); }
small { color: var(--muted); font-size: .8em; }
.chip { font-size: .95em; }
mark { color: inherit; padding: 0 .1em; border-radius: 2px; }
.flag { font-weight: bold; text-decoration: underline; text-decoration-thickness: 2px;
        text-underline-offset: 2px; }
table { border-collapse: collapse; width: 100%; margin: .6em 0 1em; font-size: .88em; }
th, td { border: 1px solid var(--rule); padding: .3em .45em; vertical-align: top; text-align: left; }
th { background: var(--head); font-weight: bold; }
td.r, th.r { text-align: right; } td.c, th.c { text-align: center; }
table.grid td, table.grid th { font-size: .92em; }
.cover { border-bottom: 3px solid var(--accent); padding-bottom: 1em; margin-bottom: 2em; }
.cover h1 { font-size: 2em; border: 0; margin-top: .4em; }
.excerpt { margin: 1em 0 1.4em; border: 1px solid var(--rule); border-radius: 4px; padding: .5em .8em; }
.excerpt .fact { font-weight: bold; margin-bottom: .3em; }
.excerpt .line { border-left: 5px solid var(--rule); padding: .15em .6em; margin: .35em 0; }
.excerpt .who { font-size: .85em; color: var(--muted); }
.excerpt .who b { color: var(--text); }
.excerpt .gap { color: var(--muted); font-style: italic; }
figure.chart { margin: .8em 0 1.4em; }
figure.chart svg { max-width: 100%; height: auto; }
ul { padding-left: 1.3em; } li { margin: .2em 0; }
footer { margin-top: 3em; color: var(--muted); font-size: .85em; border-top: 1px solid var(--rule); }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 9.5pt; }
  section.newpage { break-before: page; }
  tr, .excerpt, figure.chart, li { break-inside: avoid; }
  thead { display: table-header-group; }
  h1, h2, h3 { break-after: avoid; }
}
"""


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def _colour(value: str | None, default: str = colours.TEXT) -> str:
    return colours.safe_colour(value, default)


def run_html(run: Run) -> str:
    text = esc(run.text).replace("\n", "<br>")
    if run.style == "b":
        if run.colour:
            return f'<strong style="color:{_colour(run.colour)}">{text}</strong>'
        return f"<strong>{text}</strong>"
    if run.style == "i":
        return f"<em>{text}</em>"
    if run.style == "muted":
        return f'<span class="muted">{text}</span>'
    if run.style == "mark":
        return f'<mark style="background:{_colour(run.colour, "#fff2a8")}">{text}</mark>'
    if run.style == "flag":
        return f'<span class="flag" style="text-decoration-color:{_colour(run.colour)}">{text}</span>'
    if run.style == "chip":
        return f'<span class="chip" aria-hidden="true" style="color:{_colour(run.colour)}">{text}</span>'
    if run.style == "code":
        return f"<code>{text}</code>"
    if run.style == "small":
        return f"<small>{text}</small>"
    return text


def runs_html(runs) -> str:
    return "".join(run_html(r) for r in runs)


def _cell(c: Cell, tag: str) -> str:
    cls = {"right": ' class="r"', "center": ' class="c"'}.get(c.align, "")
    style = f' style="background:{_colour(c.fill)}"' if c.fill else ""
    return f"<{tag}{cls}{style}>{runs_html(c.runs)}</{tag}>"


def table_html(t: Table) -> str:
    out = [f'<table class="{esc(t.kind)}">']
    if t.caption:
        out.append(f"<caption>{esc(t.caption)}</caption>")
    if t.widths:
        total = sum(t.widths)
        out.append("<colgroup>" + "".join(f'<col style="width:{100 * w / total:.1f}%">' for w in t.widths)
                   + "</colgroup>")
    out.append("<thead><tr>" + "".join(_cell(c, "th") for c in t.header) + "</tr></thead><tbody>")
    out += ["<tr>" + "".join(_cell(c, "td") for c in row) + "</tr>" for row in t.rows]
    out.append("</tbody></table>")
    return "\n".join(out)


def excerpt_html(e: Excerpt) -> str:
    out = ['<div class="excerpt">', f'<div class="fact">{esc(e.fact)} · {esc(e.label)}</div>']
    for line in e.lines:
        colour = _colour(line.colour)
        words = runs_html(line.runs) if line.runs else '<span class="gap">not covered</span>'
        note = f" · {esc(line.note)}" if line.note and line.runs else ""
        out.append(f'<div class="line" style="border-left-color:{colour}"><div class="who">'
                   f'<span class="chip" style="color:{colour}">■</span> <b>{esc(line.outlet)}</b>{note}</div>'
                   f"<div>{words}</div></div>")
    if e.caption:
        out.append(f'<p class="note">{esc(e.caption)}</p>')
    out.append("</div>")
    return "\n".join(out)


def svg(chart: Chart, width: float = 640.0) -> str:
    d = layout(chart, width)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {d.width:.0f} {d.height:.0f}" '
           f'width="{d.width:.0f}" height="{d.height:.0f}" role="img" aria-label="{esc(chart.title)}" '
           'font-family="DejaVu Sans, Helvetica, Arial, sans-serif">']
    for item in d.items:
        if isinstance(item, Rect):
            out.append(f'<rect x="{item.x:.1f}" y="{item.y:.1f}" width="{item.w:.1f}" height="{item.h:.1f}" '
                       f'fill="{_colour(item.fill)}"/>')
        elif isinstance(item, Line):
            out.append(f'<line x1="{item.x1:.1f}" y1="{item.y1:.1f}" x2="{item.x2:.1f}" y2="{item.y2:.1f}" '
                       f'stroke="{_colour(item.colour)}" stroke-width="{item.width}"/>')
        elif isinstance(item, Text):
            weight = ' font-weight="bold"' if item.bold else ""
            out.append(f'<text x="{item.x:.1f}" y="{item.y:.1f}" font-size="{item.size:.1f}" '
                       f'text-anchor="{item.anchor}" fill="{_colour(item.colour)}"{weight}>{esc(item.text)}</text>')
    out.append("</svg>")
    return "".join(out)


def block_html(block) -> str:
    if isinstance(block, Heading):
        level = min(max(block.level, 1), 3)
        return f"<h{level}>{esc(block.text)}</h{level}>"
    if isinstance(block, Para):
        cls = f' class="{esc(block.kind)}"' if block.kind else ""
        return f"<p{cls}>{runs_html(block.runs)}</p>"
    if isinstance(block, Bullets):
        return "<ul>" + "".join(f"<li>{runs_html(item)}</li>" for item in block.items) + "</ul>"
    if isinstance(block, Table):
        return table_html(block)
    if isinstance(block, Excerpt):
        return excerpt_html(block)
    if isinstance(block, Chart):
        return f'<figure class="chart">{svg(block)}</figure>'
    raise TypeError(f"unknown block {type(block).__name__}")


def section_html(section: Section) -> str:
    if section.id == "cover":
        return '<header class="cover">' + "\n".join(block_html(b) for b in section.blocks) + "</header>"
    cls = ' class="newpage"' if section.new_page else ""
    return f'<section id="{esc(section.id)}"{cls}>' + "\n".join(block_html(b) for b in section.blocks) \
        + "</section>"


def render_html(report: Report) -> str:
    """The whole report as one HTML document (a string)."""
    body = "\n".join(section_html(s) for s in report.sections)
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="generator" content="Parallax ({esc(report.schema)})">\n'
            f"<title>{esc(report.title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}\n"
            f"<footer><p>Parallax report · generated {esc(report.generated)}"
            f"{' · reviewed by ' + esc(report.reviewer) if report.reviewer else ''}</p></footer>\n"
            "</body>\n</html>\n")
