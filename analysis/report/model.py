"""The report model: immutable, renderer-neutral records built once and drawn by every renderer.

A ``Report`` is a list of ``Section``s, each a list of blocks.  Blocks are plain data: headings,
paragraphs of styled ``Run``s, bullet lists, tables with a header row, aligned excerpts and charts as data
series.  Renderers (HTML, Markdown, JSON here; PDF in ``gui/report_pdf.py``) never look at the
``Comparison`` again, so all of them show the same thing.

Text in runs and cells is untrusted (it comes from articles); renderers escape it, the model never does.
Colours are ``#rrggbb`` strings chosen by the builder from its own palette, never from input.
"""
from __future__ import annotations

from dataclasses import dataclass

SCHEMA = "parallax.report/1"

# Run styles.  "mark" is a background highlight in ``colour`` (a tint); "flag" marks the words a finding
# rests on (bold, underlined in ``colour``); "chip" is a small colour swatch before an outlet name.
RUN_STYLES = ("", "b", "i", "muted", "mark", "flag", "chip", "code", "small")


@dataclass(frozen=True)
class Run:
    """A stretch of text with one style; ``colour`` is the highlight, underline or swatch colour."""
    text: str
    style: str = ""
    colour: str | None = None


@dataclass(frozen=True)
class Heading:
    level: int                  # 1 section, 2 subsection, 3 minor
    text: str
    anchor: str = ""


@dataclass(frozen=True)
class Para:
    runs: tuple[Run, ...]
    kind: str = ""              # "" body, "lead" (larger), "note" (muted, smaller)


@dataclass(frozen=True)
class Bullets:
    items: tuple[tuple[Run, ...], ...]


@dataclass(frozen=True)
class Cell:
    runs: tuple[Run, ...]
    fill: str | None = None     # background colour, a light tint
    align: str = "left"         # "left", "center" or "right"

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True)
class Table:
    """A table with one header row; rows are never split across pages by the PDF writer."""
    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...] = ()  # relative column widths; () lets the renderer decide
    caption: str = ""
    kind: str = ""              # a hint for styling: "grid", "findings", "metrics", ...


@dataclass(frozen=True)
class ExcerptLine:
    outlet: str                 # outlet display name
    colour: str                 # the outlet's colour
    runs: tuple[Run, ...]       # the outlet's wording, with word-level highlights; () if not covered
    note: str = ""              # "reference", "not covered", "paragraph 3", ...


@dataclass(frozen=True)
class Excerpt:
    """One fact as each outlet words it, aligned line by line."""
    fact: str                   # the report's fact number, e.g. "F3"
    label: str
    lines: tuple[ExcerptLine, ...]
    caption: str = ""


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]   # one per chart category; None = no value
    colour: str


@dataclass(frozen=True)
class Chart:
    """A horizontal bar chart as data.

    ``kind`` "bar": one series, each bar in its category's colour (outlets); negative values extend left
    of a zero line.  ``kind`` "stacked": several series stacked to a total per category (share of voice).
    """
    kind: str
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    category_colours: tuple[str, ...] = ()
    unit: str = ""
    domain: tuple[float, float] | None = None   # fixed axis range, e.g. (-1, 1) for sentiment
    caption: str = ""
    value_format: str = "{:.1f}"


Block = Heading | Para | Bullets | Table | Excerpt | Chart


@dataclass(frozen=True)
class Section:
    id: str                     # "cover", "summary", "grid", "omissions", "findings", ...
    title: str
    blocks: tuple[Block, ...]
    new_page: bool = True       # start on a new page in paged output


@dataclass(frozen=True)
class Outlet:
    id: str                     # article id
    name: str                   # outlet display name (unique within the report)
    title: str
    date: str | None
    colour: str
    words: int


@dataclass(frozen=True)
class Report:
    title: str
    subtitle: str
    generated: str              # ISO 8601 timestamp
    reviewer: str
    outlets: tuple[Outlet, ...]
    sections: tuple[Section, ...]
    schema: str = SCHEMA
    full: bool = False          # the full report (every list, the methods) rather than the brief

    def section(self, section_id: str) -> Section:
        for s in self.sections:
            if s.id == section_id:
                return s
        raise KeyError(section_id)


def runs(*items: str | Run) -> tuple[Run, ...]:
    """Build a run tuple from strings (plain runs) and ``Run``s."""
    return tuple(Run(i) if isinstance(i, str) else i for i in items)


def cell(*items: str | Run, fill: str | None = None, align: str = "left") -> Cell:
    return Cell(runs(*items), fill, align)


def para(*items: str | Run, kind: str = "") -> Para:
    return Para(runs(*items), kind)
