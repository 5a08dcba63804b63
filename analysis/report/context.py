"""What every section builder needs from the Comparison, worked out once: names, colours, numbering.

Facts get report numbers (F1, F2, ...) ordered by how many outlets carry them and how early, so the
grid, the omissions and the excerpts refer to the same fact by the same short name.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from analysis.model import Article, Comparison, Fact, FactMember, Finding
from analysis.report import colours
from analysis.report.model import Outlet
from analysis.report.text import clip
from analysis.vocabulary import wording
from analysis.vocabulary.reviews import Review, reviews_from

# Finding kinds shown in the omissions section rather than among the framing findings.
OMISSION_KINDS = ("omission", "exclusive", "voice", "voice_omission", "reports_differently", "version_diff")


@dataclass
class Context:
    comparison: Comparison
    reviews: dict[str, Review]
    include_dismissed: bool
    outlets: dict[str, Outlet] = field(default_factory=dict)       # article id -> Outlet
    fact_order: list[Fact] = field(default_factory=list)
    fact_numbers: dict[str, str] = field(default_factory=dict)     # fact id -> "F3"
    orphans: list[tuple[str, Review, Mapping[str, Any]]] = field(default_factory=list)
    # The articles of the compared event, in input order: only they are aligned and measured against
    # each other, so only they are the outlets of the metrics, the fact grid and the key facts (one on
    # another event is named on the cover and in the summary).  All articles when none is marked.
    compared: tuple[Article, ...] = ()

    # --- lookups ------------------------------------------------------------------------------------
    def name(self, article_id: str) -> str:
        outlet = self.outlets.get(article_id)
        return outlet.name if outlet else article_id

    def words(self, text: str) -> str:
        """Engine text in an editor's words: article ids after outlet names ("CNN (a4)") dropped,
        since the report names outlets and never shows ids."""
        return wording.in_words(text, {a: o.name for a, o in self.outlets.items()})

    def colour(self, article_id: str) -> str:
        outlet = self.outlets.get(article_id)
        return outlet.colour if outlet else colours.MUTED

    def article(self, article_id: str) -> Article | None:
        try:
            return self.comparison.article(article_id)
        except KeyError:
            return None

    def fact(self, fact_id: str | None) -> Fact | None:
        if not fact_id:
            return None
        try:
            return self.comparison.fact(fact_id)
        except KeyError:
            return None

    def number(self, fact_id: str | None) -> str:
        return self.fact_numbers.get(fact_id or "", "")

    def review(self, finding_id: str) -> Review:
        return self.reviews.get(finding_id) or Review(finding_id)

    def shown(self, finding: Finding) -> bool:
        """Whether the report shows ``finding``: dismissed ones only when asked."""
        return self.include_dismissed or not self.review(finding.id).dismissed

    def fact_label(self, fact: Fact | None, limit: int = 150) -> str:
        """The fact's label as a whole sentence: the engine cuts labels at 80 characters, so the
        member sentence the label was taken from is shown instead, clipped at a word boundary."""
        if fact is None:
            return ""
        stem = fact.label.rstrip(" .…")
        for member in fact.members:
            article = self.article(member.article)
            if article is None:
                continue
            for sid in member.sentences:
                text = _sentence_text(article, sid)
                if stem and text.startswith(stem):
                    return clip(text, limit)
        return clip(fact.label, limit)

    def member_text(self, member: FactMember) -> str:
        article = self.article(member.article)
        if article is None:
            return ""
        return " ".join(_sentence_text(article, s) for s in member.sentences)

    def member_paragraph(self, member: FactMember) -> int | None:
        """1-based paragraph of the member's first sentence (0 means the lede, shown as "lede")."""
        article = self.article(member.article)
        if article is None or not member.sentences:
            return None
        try:
            return article.sentence(member.sentences[0]).paragraph + 1
        except (IndexError, ValueError):
            return None

    # --- findings -----------------------------------------------------------------------------------
    def framing_findings(self) -> list[Finding]:
        return [f for f in self.comparison.findings if f.kind not in OMISSION_KINDS and self.shown(f)]

    def omission_finding(self, fact_id: str, article_id: str) -> Finding | None:
        """The finding of kind "omission" that matches one Omission record, if the engine made one."""
        for f in self.comparison.findings:
            if f.kind == "omission" and f.fact == fact_id and article_id in f.articles:
                return f
        return None


def _sentence_text(article: Article, sentence_id: str) -> str:
    try:
        return article.sentence(sentence_id).text
    except (IndexError, ValueError):
        return ""


def _unique_names(articles: tuple[Article, ...]) -> list[str]:
    """Outlet names, made unique ("CNN", "CNN (2)") so tables and legends are unambiguous."""
    seen: dict[str, int] = {}
    names = []
    for a in articles:
        base = (a.outlet or "").strip() or a.id
        seen[base] = seen.get(base, 0) + 1
        names.append(base if seen[base] == 1 else f"{base} ({seen[base]})")
    return names


def _fact_sort_key(fact: Fact, comparison: Comparison) -> tuple:
    positions = []
    for m in fact.members:
        try:
            article = comparison.article(m.article)
            index = article.sentence(m.sentences[0]).index if m.sentences else 0
            positions.append(index / max(len(article.sentences), 1))
        except (KeyError, IndexError, ValueError):
            continue
    mean = sum(positions) / len(positions) if positions else 1.0
    return (-len(fact.members), round(mean, 4), fact.id)


def _orphans(comparison: Comparison,
             reviews: dict[str, Review]) -> list[tuple[str, Review, Mapping[str, Any]]]:
    """Reviews whose finding the analysis no longer produces (an article was edited), with the
    snapshot of the finding the session kept: reported, so no verdict silently disappears."""
    ids = {f.id for f in comparison.findings}
    return [(key, review, review.finding if isinstance(review.finding, Mapping) else {})
            for key, review in reviews.items() if key not in ids and not review.empty]


def make_context(comparison: Comparison, reviews: Mapping[str, Any] | None,
                 include_dismissed: bool, chosen: Mapping[str, str] | None = None) -> Context:
    """``chosen``: article id -> the colour the editor picked in the window, if any."""
    ctx = Context(comparison, reviews_from(reviews), include_dismissed)
    ctx.orphans = _orphans(comparison, ctx.reviews)
    for index, (article, name) in enumerate(zip(comparison.articles, _unique_names(comparison.articles))):
        colour = colours.safe_colour((chosen or {}).get(article.id), colours.outlet_colour(index))
        ctx.outlets[article.id] = Outlet(article.id, name, article.title, article.date, colour,
                                         article.word_count)
    same = {m.article for m in comparison.event if m.same_event}
    ctx.compared = tuple(a for a in comparison.articles if a.id in same) or comparison.articles
    ctx.fact_order = sorted(comparison.facts, key=lambda f: _fact_sort_key(f, comparison))
    ctx.fact_numbers = {f.id: f"F{i}" for i, f in enumerate(ctx.fact_order, 1)}
    return ctx
