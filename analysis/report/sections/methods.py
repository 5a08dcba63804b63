"""The methods appendix: how the findings were made, and every lexicon, threshold and library."""
from __future__ import annotations

from collections import Counter, defaultdict

from analysis.report.context import Context
from analysis.report.model import Heading, Run, Section, Table, cell, para
from analysis.report.provenance import lexicons, libraries, thresholds
from analysis.report.text import clip, join_names
from analysis.vocabulary.kinds import label as kind_label

HOW = (
    "Articles are cleaned (navigation, credits and footers removed and kept for review), split into "
    "paragraphs, sentences and words with exact character offsets, and compared sentence by sentence. "
    "Sentences that report the same thing are grouped into facts across outlets; a fact most outlets "
    "carry and one leaves out is an omission; a fact only one outlet carries is an exclusive.",
    "On every shared fact, the outlets' wordings are compared word by word and typed findings are raised "
    "by the lexicons and thresholds below: attribution verbs, hedges and boosters, loaded words, "
    "intensifiers, quotes versus paraphrase, passive voice, naming, sentiment shift, and numbers, names "
    "or dates that disagree. Sentiment is VADER's (Hutto and Gilbert, 2014); readability uses the "
    "classic formulas. Every finding names its rule and quotes its evidence; the reviewer confirmed, "
    "flagged or dismissed them.",
)


def _lexicon_table() -> Table | None:
    rows = tuple((cell(x.name), cell(clip(x.what, 220)), cell(clip(x.origin, 400)), cell(x.licence),
                  cell(f"{x.entries:,}", align="right")) for x in lexicons())
    if not rows:
        return None
    header = tuple(cell(h) for h in ("Lexicon", "What", "Origin", "Licence", "Entries"))
    return Table(header, rows, widths=(1.7, 3.0, 3.0, 1.3, 0.8), kind="methods")


def _threshold_row(t) -> tuple:
    # A table of values (a dict of scores) does not fit the value column: it goes under the comment.
    if len(t.value) > 24:
        return (cell(t.name), cell(Run("see right", "muted"), align="right"),
                cell(t.comment, Run("\n" + t.value, "small")))
    return (cell(t.name), cell(t.value, align="right"), cell(t.comment))


def _threshold_tables() -> list:
    by_group: dict[str, list] = defaultdict(list)
    for t in thresholds():
        group = "report" if t.module.endswith("report.settings") else (t.section or "engine")
        by_group[group].append(t)
    blocks: list = []
    header = tuple(cell(h) for h in ("Name", "Value", "Unit and meaning"))
    for group, items in by_group.items():
        rows = tuple(_threshold_row(t) for t in items)
        blocks += [Heading(3, group[:1].upper() + group[1:]),
                   Table(header, rows, widths=(3.5, 1.5, 4.6), kind="methods")]
    return blocks


def _rules(ctx: Context) -> Table | None:
    counts = Counter(f.kind for f in ctx.comparison.findings)
    rules: dict[str, set] = defaultdict(set)
    for f in ctx.comparison.findings:
        if f.rule:
            rules[f.kind].add(f.rule)
    if not counts:
        return None
    rows = tuple((cell(kind_label(k)), cell(str(n), align="right"),
                  cell(clip(join_names(sorted(rules[k]), 8), 300) or "–"))
                 for k, n in counts.most_common())
    header = (cell("Finding kind"), cell("Raised", align="right"), cell("Rules that fired"))
    return Table(header, rows, widths=(2.0, 0.8, 6.0), kind="methods")


def build(ctx: Context) -> Section:
    blocks: list = [Heading(1, "Methods"), Heading(2, "How the findings are made")]
    blocks += [para(p) for p in HOW]
    rules = _rules(ctx)
    if rules:
        blocks += [Heading(2, "Findings by kind"), rules]
    blocks.append(Heading(2, "Lexicons"))
    table = _lexicon_table()
    blocks.append(table if table else para("No lexicons found.", kind="note"))
    blocks.append(Heading(2, "Thresholds"))
    blocks.append(para("Every threshold and limit in force for this report, as read from the code.",
                       kind="note"))
    blocks += _threshold_tables()
    header = (cell("Library"), cell("Version"))
    blocks += [Heading(2, "Software"),
               Table(header, tuple((cell(n), cell(v)) for n, v in libraries()), widths=(3.0, 2.0),
                     kind="methods")]
    return Section("methods", "Methods", tuple(blocks))
