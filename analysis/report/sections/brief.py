"""The editor's brief: the default report, about a page per question an editor asks.

Page 1 (after the cover's title and outlet table): the summary at a glance.  Then the verified
omissions and the voices left out, the key facts side by side (``excerpts``), the strongest framing
findings with the editor's verdicts, and the metrics on one page (``metrics.brief``).  Every list that
is cut says how many more there are and that the full report (``--full``) has them all.
"""
from __future__ import annotations

from analysis.model import Finding
from analysis.report.context import Context
from analysis.report.model import Bullets, Heading, Run, Section, Table, cell, para, runs
from analysis.report.sections.common import (
    left_out_by,
    omission_lines,
    omitted_facts,
    other_event_reason,
    outlet_runs,
    outlets_runs,
    quoted_spans,
    review_runs,
    verdict_tag,
)
from analysis.report.sections.findings import orphan_blocks
from analysis.report.settings import BRIEF_FINDINGS, BRIEF_GLANCE_ITEMS, BRIEF_OMISSIONS, BRIEF_VOICES
from analysis.report.text import clip, plural
from analysis.vocabulary.kinds import label as kind_label

FULL_HINT = "the full report lists them all"


def more(shown: int, total: int, what: str) -> str:
    """"3 more omissions: the full report ... lists them all." ("" when nothing was cut)."""
    if total <= shown:
        return ""
    return f"{plural(total - shown, 'more ' + what, 'more ' + what + 's')} not shown here: {FULL_HINT}."


# --- page 1 ---------------------------------------------------------------------------------------------

def _counts(ctx: Context) -> str:
    c = ctx.comparison
    shared = sum(1 for f in c.facts if len(f.members) > 1)
    framing = ctx.framing_findings()
    reviewed = sum(1 for f in c.findings if ctx.review(f.id).reviewed)
    voices = [f for f in c.findings if f.kind in ("voice", "voice_omission") and ctx.shown(f)]
    parts = [f"{plural(shared, 'fact')} carried by two or more outlets",
             _omission_count(ctx),
             plural(len(voices), "voice") + " left out",
             plural(len(framing), "framing finding"),
             f"{reviewed} of {plural(len(c.findings), 'finding')} reviewed"]
    return "; ".join(parts) + "."


def _omission_count(ctx: Context) -> str:
    """"25 verified omissions of 5 facts": the pairs an outlet leaves out, and the facts they are."""
    facts = len({o.fact for o in ctx.comparison.omissions})
    text = plural(len(ctx.comparison.omissions), "verified omission")
    return text + (f" of {plural(facts, 'fact')}" if facts and facts != len(ctx.comparison.omissions) else "")


def _other_events(ctx: Context) -> list:
    other = [m for m in ctx.comparison.event if not m.same_event]
    if not other:
        return []
    items = []
    for match in other:
        why = other_event_reason(ctx, match.evidence)
        items.append(outlet_runs(ctx, match.article)
                     + runs(" seems to be about a different event" + (f": {clip(why, 200)}" if why else "")
                            + ". It is left out of the facts and omissions."))
    return [Bullets(tuple(items))]


def _top_omissions(ctx: Context) -> list:
    shown = omission_lines(ctx, BRIEF_GLANCE_ITEMS)
    if not shown:
        return [para("No verified omissions.", kind="note")]
    extra = len(omitted_facts(ctx)[0]) - len(shown)
    return [Bullets(tuple(shown))] + ([para(f"{plural(extra, 'more omitted fact')} under “Verified omissions”.",
                                            kind="note")] if extra > 0 else [])


def strongest(ctx: Context) -> list[Finding]:
    """Framing findings for the brief: the reviewed ones (most severe first), then the strongest."""
    findings = ctx.framing_findings()

    def key(f: Finding):
        review = ctx.review(f.id)
        return (not review.reviewed and not review.note, -(review.severity or 0), -f.score, f.id)
    ordered = sorted(findings, key=key)
    reviewed = [f for f in ordered if not ctx.review(f.id).empty]
    return reviewed + [f for f in ordered if ctx.review(f.id).empty][:max(0, BRIEF_FINDINGS - len(reviewed))]


def _top_findings(ctx: Context) -> list:
    chosen = strongest(ctx)[:BRIEF_GLANCE_ITEMS]
    if not chosen:
        return [para("No framing findings.", kind="note")]
    extra = len(ctx.framing_findings()) - len(chosen)
    lines = Bullets(tuple((Run(kind_label(f.kind) + ": ", "b"), Run(clip(ctx.words(f.evidence), 200)))
                          + verdict_tag(ctx.review(f.id)) for f in chosen))
    return [lines] + ([para(f"{extra} more: the strongest under “Strongest framing findings”.",
                            kind="note")] if extra > 0 else [])


def glance(ctx: Context) -> Section:
    """Page 1's summary, below the cover's outlet table."""
    blocks: list = [Heading(2, "At a glance"), para(_counts(ctx))]
    blocks += _other_events(ctx)
    blocks += [Heading(3, "Biggest omissions")] + _top_omissions(ctx)
    blocks += [Heading(3, "Strongest framing findings")] + _top_findings(ctx)
    # Notes about the articles on another event are said above, in the editor's words.
    elsewhere = [f"({m.article})" for m in ctx.comparison.event if not m.same_event]
    notes = [ctx.words(n) for n in ctx.comparison.notes
             if "another event" not in n and not any(tag in n for tag in elsewhere)]
    if notes:
        blocks.append(para(" ".join(notes), kind="note"))
    return Section("summary", "Summary", tuple(blocks), new_page=False)


# --- omissions --------------------------------------------------------------------------------------------

def _omission_table(ctx: Context) -> list:
    groups, _hidden = omitted_facts(ctx)
    rows = []
    for group in groups[:BRIEF_OMISSIONS]:
        fact = ctx.fact(group.fact)
        rows.append((cell(*outlets_runs(ctx, group.omitted_by, bold=True)),
                     cell(Run(ctx.number(group.fact) + " ", "b"), ctx.fact_label(fact, 150) if fact else group.fact),
                     cell(*outlets_runs(ctx, group.covered_by)),
                     cell(*review_runs(ctx.review(group.finding.id))) if group.finding
                     else cell(Run("–", "muted"))))
    if not rows:
        return [para("No verified omissions: every fact several outlets carry was found in the others too, "
                     "or said in other words.", kind="note")]
    header = tuple(cell(h) for h in ("Left out by", "Fact", "Reported by", "Review"))
    blocks: list = [para("A fact several outlets report and others leave out, listed only after each of "
                         "those outlets' texts was searched for the fact's core (who, what, number, date) "
                         "and nothing was found; strongest first.", kind="note"),
                    Table(header, tuple(rows), widths=(1.8, 4.1, 2.1, 1.9), kind="omissions")]
    cut = more(len(rows), len(groups), "omitted fact")
    return blocks + ([para(cut, kind="note")] if cut else [])


def _voice_table(ctx: Context) -> list:
    found = sorted((f for f in ctx.comparison.findings if f.kind in ("voice", "voice_omission") and ctx.shown(f)),
                   key=lambda f: (-f.score, f.id))
    if not found:
        return []
    rows = tuple((cell(*outlets_runs(ctx, left_out_by(f))), cell(clip(ctx.words(f.evidence), 220)),
                  cell(*review_runs(ctx.review(f.id)))) for f in found[:BRIEF_VOICES])
    header = (cell("Left out by"), cell("Who, and who quotes them"), cell("Review"))
    blocks: list = [Heading(2, "Voices left out"),
                    Table(header, rows, widths=(1.5, 6.5, 1.9), kind="findings")]
    cut = more(len(rows), len(found), "voice")
    return blocks + ([para(cut, kind="note")] if cut else [])


def omissions(ctx: Context) -> Section:
    differently = [f for f in ctx.comparison.findings if f.kind == "reports_differently" and ctx.shown(f)]
    blocks: list = [Heading(1, "Verified omissions")] + _omission_table(ctx) + _voice_table(ctx)
    if differently:
        blocks.append(para(f"{plural(len(differently), 'more fact')} another outlet reports only in part or "
                           f"in other words (“reported differently”): check before calling "
                           f"{'it an omission' if len(differently) == 1 else 'them omissions'}; {FULL_HINT}.",
                           kind="note"))
    return Section("omissions", "Verified omissions", tuple(blocks))


# --- framing findings -------------------------------------------------------------------------------------

def _finding_row(ctx: Context, f: Finding) -> tuple:
    fact = ctx.number(f.fact)
    what = [Run(kind_label(f.kind) + (f" · {fact}" if fact else "") + "\n", "b"),
            Run(clip(ctx.words(f.evidence), 260))]
    what.extend(quoted_spans(ctx, f, limit=2, width=120))
    return (cell(*what), cell(*outlets_runs(ctx, f.articles[:4])), cell(*review_runs(ctx.review(f.id))))


def findings(ctx: Context) -> Section:
    chosen = strongest(ctx)
    total = ctx.framing_findings()
    blocks: list = [Heading(1, "Strongest framing findings")]
    if not chosen:
        # Reviews whose finding is gone are still the editor's work: never dropped silently.
        return Section("findings", "Framing findings", tuple(
            blocks + [para("No framing findings.", kind="note")] + orphan_blocks(ctx)))
    reviewed = sum(1 for f in chosen if not ctx.review(f.id).empty)
    intro = (f"The {plural(len(chosen), 'finding')} an editor should see first: "
             + (f"the {reviewed} reviewed or annotated, then " if reviewed else "")
             + "the strongest. Each quotes the words it rests on; verdicts and notes are the reviewer's.")
    header = (cell("Finding and evidence"), cell("Outlets"), cell("Review"))
    blocks += [para(intro, kind="note"),
               Table(header, tuple(_finding_row(ctx, f) for f in chosen), widths=(6.0, 1.8, 2.1),
                     kind="findings")]
    cut = more(len(chosen), len(total), "framing finding")
    blocks += [para(cut, kind="note")] if cut else []
    return Section("findings", "Framing findings", tuple(blocks + orphan_blocks(ctx)))
