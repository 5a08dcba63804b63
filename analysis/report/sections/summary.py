"""The summary: same-event check, top omissions, strongest framing differences and contradictions,
and each outlet's profile in one line.  What an editor reads if they read nothing else."""
from __future__ import annotations

from analysis.model import Finding
from analysis.report import metrics_access as m
from analysis.report.context import Context
from analysis.report.model import Bullets, Heading, Run, Section, para, runs
from analysis.report.sections.common import omission_lines, other_event_reason, outlet_runs, verdict_tag
from analysis.report.settings import SUMMARY_ITEMS
from analysis.report.text import clip, join_names, number, plural, signed
from analysis.vocabulary.kinds import check_first as is_contradiction
from analysis.vocabulary.kinds import label as kind_label


def _same_event(ctx: Context) -> list:
    matches = ctx.comparison.event
    if not matches:
        return [para("The same-event check did not run (fewer than two articles).", kind="note")]
    same = [x for x in matches if x.same_event]
    other = [x for x in matches if not x.same_event]
    blocks: list = [para(f"{len(same)} of {len(matches)} articles cover the same event.")]
    if other:
        blocks.append(Bullets(tuple(_other_event_line(ctx, x.article, x.score, x.evidence) for x in other)))
    return blocks


def _other_event_line(ctx: Context, article_id: str, score: float, evidence: str) -> tuple[Run, ...]:
    why = other_event_reason(ctx, evidence)
    return outlet_runs(ctx, article_id) + runs(f" looks like a different event (match {score:.2f})"
                                               + (f": {clip(why, 200)}." if why else "."))


def _omissions(ctx: Context) -> list:
    shown = omission_lines(ctx, SUMMARY_ITEMS)
    if not shown:
        return [para("No omissions: every fact carried by several outlets is carried by all of them.",
                     kind="note")]
    extra = len(ctx.comparison.omissions) - len(shown)
    return [Bullets(tuple(shown))] + ([para(f"{plural(extra, 'more omission')} in the next section.",
                                            kind="note")] if extra > 0 else [])


def _finding_line(ctx: Context, f: Finding) -> tuple[Run, ...]:
    fact = ctx.number(f.fact)
    head = f"{kind_label(f.kind)}{' on ' + fact if fact else ''}: "
    return (Run(head, "b"), Run(clip(ctx.words(f.evidence), 220)),
            Run(f" ({join_names([ctx.name(a) for a in f.articles], 4)}; score {f.score:.2f})", "muted")) \
        + verdict_tag(ctx.review(f.id))


def _findings(ctx: Context, contradictions: bool) -> list:
    chosen = [f for f in ctx.framing_findings() if is_contradiction(f.kind) == contradictions]
    chosen.sort(key=lambda f: (-(ctx.review(f.id).severity or 0), -f.score, f.id))
    what = "contradiction" if contradictions else "framing difference"
    if not chosen:
        return [para(f"No {what}s found.", kind="note")]
    extra = len(chosen) - SUMMARY_ITEMS
    return [Bullets(tuple(_finding_line(ctx, f) for f in chosen[:SUMMARY_ITEMS]))] + (
        [para(f"{plural(extra, 'more ' + what, 'more ' + what + 's')} under “Framing findings and review”.",
              kind="note")] if extra > 0 else [])


def profile(ctx: Context, article_id: str) -> tuple[Run, ...]:
    """One line per outlet: size, reading grade, tone, coverage."""
    c = ctx.comparison
    outlet = ctx.outlets[article_id]
    parts = [plural(outlet.words, "word")]
    grade = m.lookup(c, article_id, m.GRADE)
    if grade is not None:
        parts.append(f"reading grade {grade:.1f}")
    sentiment = m.lookup(c, article_id, m.SENTIMENT)
    if sentiment is not None:
        parts.append(f"sentiment {signed(sentiment)}")
    loaded = m.lookup(c, article_id, m.LOADED)
    if loaded is not None:
        parts.append(f"{number(loaded)} loaded words per 1,000")
    if c.facts:
        carried = sum(1 for f in c.facts if f.member(article_id) and len(f.members) > 1)
        shared = sum(1 for f in c.facts if len(f.members) > 1)
        parts.append(f"carries {carried} of {shared} shared facts")
    omitted = sum(1 for o in c.omissions if o.article == article_id)
    if c.facts:
        parts.append(f"omits {omitted}")
    voices = sum(1 for v in c.voices if v.words.get(article_id))
    if c.voices:
        parts.append(plural(voices, "voice") + " quoted")
    return outlet_runs(ctx, article_id) + (Run(" — " + "; ".join(parts)),)


def build(ctx: Context) -> Section:
    c = ctx.comparison
    blocks: list = [Heading(1, "Summary")]
    if c.notes:
        blocks.append(Bullets(tuple(runs(Run(ctx.words(n), "i")) for n in c.notes)))
    blocks += [Heading(2, "Same event?")] + _same_event(ctx)
    blocks += [Heading(2, "Top omissions")] + _omissions(ctx)
    blocks += [Heading(2, "Strongest framing differences")] + _findings(ctx, contradictions=False)
    blocks += [Heading(2, "Contradictions to check")] + _findings(ctx, contradictions=True)
    blocks += [Heading(2, "Outlets in one line"),
               Bullets(tuple(profile(ctx, a.id) for a in c.articles))]
    return Section("summary", "Summary", tuple(blocks))
