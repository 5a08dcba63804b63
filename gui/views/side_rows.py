"""Side by side's rows worked out in pure Python (cheap; no Qt): the two outlets' fact rows, each
with its word diff, the framing flags drawn on the text indexed by sentence, and the counts shown
above the text.  ``side_by_side.SideBySide`` plans a document from a ``Plan``; ``side_cells`` writes
it."""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from analysis.model import Article, Comparison, Finding, Sentence
from analysis.report.diffs import subtract

from ..rows import Row, build_rows
from ..theme import marked_on_text

GUTTER = {"match": "", "moved": "↕", "left": "◀", "right": "▶"}


@dataclass
class Plan:
    """What one document shows: the rows kept with their diffs, the two articles, their flags."""
    shown: list[tuple[Row, list]]
    left: Article
    right: Article
    lflags: list[Finding]
    rflags: list[Finding]
    flag_index: dict[str, list[Finding]]        # sentence id -> the flags on it
    rows: list[Row]                             # every row, shown or hidden

    @property
    def summary(self) -> str:
        counts = {"match": 0, "moved": 0, "left": 0, "right": 0}
        for row, _ in self.shown:
            counts[row.kind] += 1
        hidden = len(self.rows) - len(self.shown)
        return (f"{counts['match'] + counts['moved']} shared · {counts['left']} only left · "
                f"{counts['right']} only right" + (f" · {hidden} identical hidden" if hidden else ""))


class MarkedFindings:
    """The findings drawn on the text (framing; coverage and voices are listed, not drawn), by the
    article their spans are in: worked out once per Comparison."""

    def __init__(self) -> None:
        self._for: Comparison | None = None
        self._by_article: dict[str, list[Finding]] = {}

    def of(self, comp: Comparison | None, article_id: str) -> list[Finding]:
        if comp is None:
            return []
        if self._for is not comp:
            self._for = comp
            self._by_article = {}
            for f in comp.findings:
                if not marked_on_text(f.kind):
                    continue
                for a in {s.article for s in f.spans}:
                    self._by_article.setdefault(a, []).append(f)
        return self._by_article.get(article_id, [])


def plan_rows(comp: Comparison, left_id: str, right_id: str, marked: MarkedFindings,
         only_diffs: bool) -> Plan:
    """The rows of ``left_id`` beside ``right_id``; with ``only_diffs``, those told differently
    or flagged."""
    try:
        rows = build_rows(comp, left_id, right_id)
    except KeyError:
        rows = []
    left, right = comp.article(left_id), comp.article(right_id)
    lflags, rflags = marked.of(comp, left.id), marked.of(comp, right.id)
    index = flag_index(((left, lflags), (right, rflags)))
    shown = [(row, row_diff(row)) for row in rows]
    if only_diffs:
        shown = [(row, ops) for row, ops in shown if row.kind != "match" or differs(row, ops, index)]
    return Plan(shown, left, right, lflags, rflags, index, rows)


def flag_index(sides) -> dict[str, list[Finding]]:
    """Flags by sentence id, for (article, its flags) pairs: each row then looks up its own
    instead of scanning them all."""
    index: dict[str, list[Finding]] = {}
    for article, flags in sides:
        starts = [s.start for s in article.sentences]
        for f in flags:
            for sp in f.spans:
                if sp.article != article.id:
                    continue
                i = max(0, bisect.bisect_right(starts, sp.start) - 1)
                while i < len(article.sentences) and article.sentences[i].start < sp.end:
                    bucket = index.setdefault(article.sentences[i].id, [])
                    if not bucket or bucket[-1] is not f:     # identity: dataclass == is slow
                        bucket.append(f)
                    i += 1
    return index


def joined(sents: list[Sentence]) -> tuple[str, list[tuple[int, int]]]:
    """Sentences joined by spaces, and (joined position, article offset) for each sentence."""
    parts, starts, pos = [], [], 0
    for s in sents:
        starts.append((pos, s.start))
        parts.append(s.text)
        pos += len(s.text) + 1
    return " ".join(parts), starts


def row_diff(row: Row) -> list:
    """The word diff of a row's two sides (none when one side is empty)."""
    if not row.both:
        return []
    # Imported here, not at start-up: it loads rapidfuzz (``gui.prepared`` imports it in the
    # background with each result, so this is a look-up by then).
    from analysis.signals.worddiff import word_diff
    a, _ = joined(row.left)
    b, _ = joined(row.right)
    return word_diff(a, b, 0, 0)


def joined_spans(start: int, end: int, sents: list[Sentence],
                 starts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """An article span [start, end) as spans of the joined text of ``sents`` (one per sentence)."""
    out = []
    for (jpos, astart), sent in zip(starts, sents):
        s = max(start, astart) - astart
        e = min(end, astart + len(sent.text)) - astart
        if e > s:
            out.append((jpos + s, jpos + e))
    return out


def own_change(row: Row, ops) -> bool:
    """A change outside the greyed parts of the row (another fact's, shown on that fact's row): a
    difference only there is no difference of this row's fact ("≠" and "Only differences")."""
    sides = []
    for sents, spans in ((row.left, row.left_elsewhere), (row.right, row.right_elsewhere)):
        text, starts = joined(sents)
        sides.append((text, [j for a, b in spans for j in joined_spans(a, b, sents, starts)]))

    def outside(lo: int, hi: int, side: int) -> bool:
        # Words only: the comma and space between two claims belong to neither.
        text, grey = sides[side]
        return any(any(c.isalnum() for c in text[a:b]) for a, b in subtract([(lo, hi)], grey))
    return any(o.tag != "equal" and (outside(o.a_start, o.a_end, 0) or outside(o.b_start, o.b_end, 1))
               for o in ops)


def differs(row: Row, ops, index: dict[str, list[Finding]]) -> bool:
    """Told differently, or flagged on either side."""
    if own_change(row, ops):
        return True
    ids = {s.id for s in row.left} | {s.id for s in row.right}
    return bool(ids and (flags_in(row.left, index) or flags_in(row.right, index)))


def flags_in(sents: list[Sentence], index: dict[str, list[Finding]]) -> list[Finding]:
    """The flags on ``sents``, each once, in order."""
    out: list[Finding] = []
    seen: set[int] = set()
    for s in sents:
        for f in index.get(s.id, ()):
            if id(f) not in seen:
                seen.add(id(f))
                out.append(f)
    return out
