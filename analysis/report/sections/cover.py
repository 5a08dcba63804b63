"""The cover: what event, which outlets, when, who reviewed it."""
from __future__ import annotations

import datetime as dt

from analysis.report import colours
from analysis.report.context import Context
from analysis.report.model import Heading, Run, Section, Table, cell, para
from analysis.report.text import clip, number, plural


def event_title(ctx: Context) -> str:
    """A name for the event: the headline of the article that best matches the shared event."""
    articles = ctx.comparison.articles
    if not articles:
        return "No articles"
    scores = {m.article: m.score for m in ctx.comparison.event if m.same_event}
    best = max(articles, key=lambda a: (scores.get(a.id, -1.0), -articles.index(a)))
    return clip(best.title or best.outlet or best.id, 110)


def _parse(date: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(date[:10]) if date else None
    except ValueError:
        return None


def date_range(dates: list[str | None]) -> str:
    """"16–18 February 2025" from ISO dates; "" when none is known."""
    days = sorted(d for d in map(_parse, dates) if d)
    if not days:
        return ""
    first, last = days[0], days[-1]
    if first == last:
        return f"{first.day} {first:%B %Y}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {last:%B %Y}"
    if first.year == last.year:
        return f"{first.day} {first:%B} – {last.day} {last:%B %Y}"
    return f"{first.day} {first:%B %Y} – {last.day} {last:%B %Y}"


def subtitle(ctx: Context) -> str:
    """"How 4 outlets covered one event (and 1 on another event) · 16 February 2025": the count and
    the dates are the compared event's (an article on another event said "5 outlets" and added its
    own date to the range)."""
    others = len(ctx.comparison.articles) - len(ctx.compared)
    elsewhere = f" (and {others} on {'another event' if others == 1 else 'other events'})" if others else ""
    parts = [f"How {plural(len(ctx.compared), 'outlet')} covered one event{elsewhere}"]
    when = date_range([a.date for a in ctx.compared])
    if when:
        parts.append(when)
    return " · ".join(parts)


def review_line(ctx: Context) -> str:
    findings = ctx.comparison.findings
    reviews = [ctx.review(f.id) for f in findings]
    done = [r for r in reviews if r.reviewed]
    counts = {v: sum(1 for r in done if r.verdict == v) for v in ("confirmed", "flagged", "dismissed")}
    detail = ", ".join(f"{n} {v}" for v, n in counts.items() if n)
    line = f"{len(done)} / {len(findings)} findings reviewed"
    return f"{line} ({detail})" if detail else line


def _outlet_table(ctx: Context) -> Table:
    events = {m.article: m for m in ctx.comparison.event}
    rows = []
    for article in ctx.comparison.articles:
        outlet = ctx.outlets[article.id]
        match = events.get(article.id)
        same = "–" if match is None else ("yes" if match.same_event else "no: different event?")
        rows.append((cell(Run("■\u00a0", "chip", outlet.colour), Run(outlet.name, "b")),
                     cell(clip(article.title or "(no title)", 120)),
                     cell(article.date or "–"),
                     cell(number(outlet.words), align="right"),
                     cell(same, fill=None if match is None or match.same_event else colours.tint(colours.WARN, 0.8))))
    header = tuple(cell(h) for h in ("Outlet", "Headline", "Date", "Words", "Same event"))
    return Table(header, tuple(rows), widths=(1.3, 4.2, 1.1, 0.8, 1.2), kind="outlets")


def build(ctx: Context, title: str, reviewer: str, generated: str, full: bool = False) -> Section:
    when = generated[:10]
    byline = [f"Prepared by {reviewer}" if reviewer else "Reviewer not named", f"generated {when}",
              review_line(ctx)]
    kind = "Full report" if full else "Editor's brief"
    blocks = (
        Heading(1, title),
        para(f"{kind} · {subtitle(ctx)}", kind="lead"),
        _outlet_table(ctx),
        para(" · ".join(byline)),
        para("Findings are raised by Parallax's rules and lexicons; verdicts, severities and notes are the "
             "reviewer's." + ("" if full else " This is the editor's brief: the full report (report --full, "
                              "or “Full report” when exporting) has every list, the fact grid and the "
                              "methods appendix naming every rule, lexicon and threshold."), kind="note"),
    )
    return Section("cover", "Cover", blocks, new_page=False)
