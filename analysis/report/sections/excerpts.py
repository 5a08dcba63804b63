"""Aligned excerpts: each key fact as every outlet words it, with word-level highlights.

Key facts are the shared facts with the most framing findings (contradictions weigh double), then the
most widely carried.  Each line is compared with a reference line (the first outlet that carries the
fact); words the reference does not have are highlighted in that outlet's colour, and the words a finding
rests on are underlined.  A sentence that also holds another fact shows that fact's part in grey.
"""
from __future__ import annotations

from analysis.model import Article, Fact, FactMember
from analysis.report import colours
from analysis.report.context import Context
from analysis.report.diffs import changed_spans, claims_by_fact, elsewhere, member_segments
from analysis.report.model import Excerpt, ExcerptLine, Heading, Run, Section, para
from analysis.report.settings import EXCERPT_MAX_OUTLETS, KEY_FACTS
from analysis.report.text import join_names, marked_runs, plural
from analysis.vocabulary.kinds import check_first as is_contradiction


def key_facts(ctx: Context, limit: int = KEY_FACTS) -> list[Fact]:
    weight: dict[str, float] = {}
    for f in ctx.framing_findings():
        if f.fact:
            weight[f.fact] = weight.get(f.fact, 0.0) + (2.0 if is_contradiction(f.kind) else 1.0) * (0.5 + f.score)
    shared = [f for f in ctx.fact_order if len(f.members) > 1]
    ranked = sorted(shared, key=lambda f: (-weight.get(f.id, 0.0), -len(f.members), ctx.number(f.id)))
    chosen = ranked[:limit]
    return sorted(chosen, key=lambda f: ctx.fact_order.index(f))


FLAG_MAX_WORDS = 6      # longer spans (a whole quote or paraphrase) would underline the whole line


def _flags(ctx: Context, fact: Fact, article: Article) -> list[tuple[int, int, str, str | None]]:
    """Underlines for the words framing findings on this fact rest on (short spans only)."""
    out: list[tuple[int, int, str, str | None]] = []
    for f in ctx.framing_findings():
        if f.fact == fact.id:
            out += [(s.start, s.end, "flag", ctx.colour(article.id)) for s in f.spans
                    if s.article == article.id and len(article.text[s.start:s.end].split()) <= FLAG_MAX_WORDS]
    return out


def _line(ctx: Context, fact: Fact, member: FactMember, ref: FactMember) -> ExcerptLine:
    article_id = member.article
    article = ctx.comparison.article(article_id)
    segments = member_segments(article, member)
    marks: list = []
    paragraph = ctx.member_paragraph(member)
    where = "lede" if paragraph == 1 else f"paragraph {paragraph}"
    if article_id != ref.article:
        ref_article = ctx.comparison.article(ref.article)
        spans = changed_spans(ref_article, member_segments(ref_article, ref), article, segments)
        tint = colours.tint(ctx.colour(article_id), 0.6)
        marks = [(s, e, "mark", tint) for s, e in spans]
    else:
        where += " · reference"
    sentences = [s for s in article.sentences if s.id in member.sentences]
    marks += [(s, e, "muted", None) for s, e in elsewhere(fact.id, sentences,
                                                           claims_by_fact(article, ctx.comparison.facts))]
    marks += _flags(ctx, fact, article)
    return ExcerptLine(ctx.name(article_id), ctx.colour(article_id),
                       marked_runs(article.text, segments, marks), where)


def _excerpt(ctx: Context, fact: Fact) -> Excerpt:
    # Outlets that do not carry the fact are named in the caption, not given an empty line each.
    carriers = [m for m in (fact.member(a.id) for a in ctx.compared) if m is not None]
    lines = [_line(ctx, fact, m, carriers[0]) for m in carriers[:EXCERPT_MAX_OUTLETS]]
    missing = [a.id for a in ctx.compared if not fact.member(a.id)]
    caption = f"Not covered by {join_names([ctx.name(a) for a in missing], 8)}." if missing else ""
    if len(carriers) > EXCERPT_MAX_OUTLETS:
        caption = f"{len(carriers) - EXCERPT_MAX_OUTLETS} more outlets carry it. " + caption
    return Excerpt(ctx.number(fact.id), ctx.fact_label(fact, 160), tuple(lines), caption.strip())


def build(ctx: Context, limit: int = KEY_FACTS) -> Section:
    blocks: list = [Heading(1, "Key facts, side by side")]
    facts = key_facts(ctx, limit)
    if not facts:
        blocks.append(para("No fact is carried by two or more outlets.", kind="note"))
        return Section("excerpts", "Key facts", tuple(blocks))
    blocks.append(para(
        "Each fact as every outlet words it. The first outlet is the reference; in the others, words the "
        "reference does not have are ", Run("highlighted", "mark", colours.tint(colours.OKABE_ITO[1], 0.6)),
        " in the outlet's colour, and words a framing finding rests on are ",
        Run("underlined", "flag", colours.OKABE_ITO[0]), "; words in ", Run("grey", "muted"),
        " are another fact told in the same sentence.", kind="note"))
    for fact in facts:
        blocks.append(_excerpt(ctx, fact))
    shared = sum(1 for f in ctx.fact_order if len(f.members) > 1)
    if shared > len(facts):
        blocks.append(para(f"The {plural(len(facts), 'fact')} with the most framing findings, of "
                           f"{plural(shared, 'shared fact')}; the fact grid of the full report places "
                           "every one.", kind="note"))
    return Section("excerpts", "Key facts", tuple(blocks))
