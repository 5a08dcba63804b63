"""The overview tab: what an editor reads first.

Left: the engine's notes, the same-event check, the top omissions, the strongest framing differences
and the contradictions, each a link to the finding (or fact).  Right: one chart per key metric.
All engine and article text is escaped.

The text is built in parts, a few per event-loop turn (``SLICE_MS`` each), in a document laid out
as it grows and shown when complete (the old text stays until then).  Qt takes some 50 ms to lay
out the same-event table of fifty outlets in one piece, so it is cut into tables of ``EVENT_ROWS``
rows with fixed column widths, which line up as one.  While another tab is in front only the
charts are redrawn; the text is built when the tab is shown, or when it is read.
"""
from __future__ import annotations

import heapq
import time
from typing import Callable

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QTextCursor, QTextDocument, QTextOption
from PySide6.QtWidgets import QScrollArea, QSplitter, QVBoxLayout, QWidget

from analysis.model import Comparison, Finding
from analysis.vocabulary.kinds import check_first as is_contradiction
from analysis.vocabulary.kinds import label as kind_label
from analysis.vocabulary.metrics import CHARTS
from analysis.vocabulary.wording import other_event_reason

from ..charts import Bar, BarChart, show_metric
from ..document import Document
from ..prepared import metrics_of
from ..review import describe, mark, verdict_color
from ..richtext import chip, esc, fmt_percent
from ..theme import LIGHT, Theme, marked_on_text, outlet_color
from .text_browser import FinishingTextBrowser

TOP = 8
SLICE_MS = 12           # GUI-thread time one slice of appending text may take
EVENT_ROWS = 10         # rows per piece of the same-event table
PART = None             # in render_parts' list: the end of one part


class Overview(QWidget):
    findingActivated = Signal(str)
    factActivated = Signal(str, object)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = document
        self.theme: Theme = LIGHT
        self.reviews: dict = {}              # finding id -> Review (the window's session)
        self.browser = FinishingTextBrowser()
        self.browser.before_read = self.finish_build
        self.browser.setObjectName("overviewText")
        # Lines break between words only: Qt's default also breaks inside a word that does not fit
        # ("americanwat|chdog" in a chip); now a table column is at least its longest word wide.
        self.browser.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.browser.setAccessibleName("Overview")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._anchor)
        self.charts = [BarChart(metric.label) for metric in CHARTS]
        self.top_voice_chart = BarChart("Share of voice")
        side = QWidget()
        side_layout = QVBoxLayout(side)
        for c in self.charts + [self.top_voice_chart]:
            side_layout.addWidget(c)
        side_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(side)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.browser)
        split.addWidget(scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([760, 480])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(split)
        self.setFocusProxy(self.browser)
        self._parts: list[str] | None = None    # still to append; None: nothing pending
        self._rendered = False
        self._building: QTextDocument | None = None   # the new text, until it is complete
        self._documents: list[QTextDocument] = []     # made here (the browser's first is Qt's)
        self._chips: dict[tuple[str, bool], str] = {}
        self._slice_timer = QTimer(self)
        self._slice_timer.setSingleShot(True)
        self._slice_timer.setInterval(0)
        self._slice_timer.timeout.connect(self._append_slice)
        self.shown_above: Callable[[], str] = lambda: ""     # the banner's text (set by the window)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.refresh()

    def _event_reason(self, match) -> str:
        """The same-event reason under an outlet's name: for an article put apart, what clashes or
        what it lacks, as the brief says it (the mark beside the name already says "other event?";
        "another event; closest is …" read as a note to the engine)."""
        text = self.doc.in_words(match.evidence)
        if match.same_event:
            return text
        return other_event_reason(text, closest=True) or text

    def _chip(self, article_id: str, whole: bool = False) -> str:
        html = self._chips.get((article_id, whole))
        if html is None:
            html = self._chips[(article_id, whole)] = chip(
                outlet_color(self.doc.color_index(article_id)), self.doc.outlet(article_id), whole=whole)
        return html

    def refresh(self) -> None:
        comp = self.doc.comparison
        self._chips = {}
        self._charts(comp)
        self._slice_timer.stop()
        self._drop(self._building)
        self._building = None
        self._parts = []                 # worked out when the text is built (see _start)
        self._rendered = False
        if self.isVisible():
            self._start()

    def _start(self, now: bool = False) -> None:
        """Begin the new text on the next event-loop turn (``now``: at once): ``refresh`` runs
        with the rest of the window's redraw of a new result."""
        if self._parts is None or self._building is not None:
            return
        old = self.browser.document()
        doc = QTextDocument(self)
        self._documents.append(doc)
        for setting in ("defaultFont", "documentMargin", "defaultTextOption", "defaultStyleSheet",
                        "indentWidth"):
            getattr(doc, "set" + setting[0].upper() + setting[1:])(getattr(old, setting)())
        doc.setUndoRedoEnabled(False)
        # Laid out as it grows, at the width it will be shown at (one part at a time, not all at
        # once when it is shown); with a vertical scroll bar, as fifty outlets always need.
        width = self.browser.viewport().width()
        bar = self.browser.verticalScrollBar()
        if not bar.isVisible():
            width -= bar.sizeHint().width()
        doc.setTextWidth(max(100, width))
        doc.documentLayout()
        self._building = doc
        if now:
            self._append_slice()
        else:
            self._slice_timer.start()

    def _append_slice(self) -> None:
        parts, doc = self._parts, self._building
        if parts is None or doc is None:
            return
        deadline = time.perf_counter() + SLICE_MS / 1000
        if not self._rendered:
            self._rendered = True
            self._chips = {}
            parts[:] = self.render_parts(self.doc.comparison)
        while parts and time.perf_counter() < deadline:
            self._append_part(doc, parts.pop(0))
        if parts:
            self._slice_timer.start()
            return
        # Complete: show it in place of the old text, at the same scroll position (the old text
        # stays on screen until then: no flicker when only a verdict changed).
        bar = self.browser.verticalScrollBar()
        value = bar.value()
        old = self.browser.document()
        self.browser.setDocument(doc)
        bar.setValue(value)
        self._parts = self._building = None
        self._drop(old)

    def _drop(self, doc) -> None:
        if doc is not None and any(d is doc for d in self._documents):
            self._documents = [d for d in self._documents if d is not doc]
            doc.deleteLater()

    @staticmethod
    def _append_part(doc, part: str) -> None:
        """Append an HTML fragment so that the text is the same as ``setHtml`` of the whole.
        Inserted HTML merges its first paragraph into the paragraph at the cursor, which would
        lose a heading's format: a leading <br> takes that place, and the line break it leaves
        behind is removed.  A table needs no help (it is a frame of its own)."""
        if doc.isEmpty():
            doc.setHtml(part)
            return
        cursor = QTextCursor(doc)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        if part.startswith("<table"):
            cursor.insertHtml(part)
            return
        at = cursor.position()
        cursor.insertHtml("<br>" + part)
        cursor.setPosition(at)
        cursor.movePosition(QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor)
        if cursor.selectedText() == "\u2028":
            cursor.removeSelectedText()

    def finish_build(self) -> None:
        """Complete the text now (tests, screenshots, reading it)."""
        self._start(now=True)
        while self._parts is not None:
            self._append_slice()
        self._slice_timer.stop()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._start()

    # ---- text ---------------------------------------------------------------------------------
    def render(self, comp: Comparison | None) -> str:
        return "".join(self.render_parts(comp))

    def render_parts(self, comp: Comparison | None) -> list[str]:
        """The overview as HTML fragments, each cheap to lay out; joined, the whole text."""
        t = self.theme
        if comp is None:
            if self.doc.reading and not self.doc.articles:
                return [f'<h2>Reading {self.doc.reading} article{"s" if self.doc.reading != 1 else ""}…'
                        f'</h2><p style="color:{t.muted}">The results appear here as soon as the '
                        'analysis has them.</p>']
            if self.doc.articles:
                return [f'<p style="color:{t.muted}">Analysing {len(self.doc.included())} '
                        f'articles…</p>']
            return ['<h2>No articles yet</h2><p>Add files with <b>Ctrl+O</b>, paste an article '
                    'with <b>Ctrl+Shift+V</b>, or add a link with <b>Ctrl+L</b>.</p>']
        arts = self.doc.compared_articles()
        facts = {f.id: f for f in comp.facts}
        others = self.doc.on_other_events()
        elsewhere = (f' <span style="color:{t.muted}; font-weight:400">(+{others})</span>'
                     if others else "")
        out = [f'<h2 style="margin-bottom:0">{len(arts)} outlets · {len(comp.facts)} facts · '
               f'{len(comp.findings)} findings{elsewhere}</h2>']
        # A note the banner above already says is not said twice (at 1366x768 the two took eight
        # lines); dismissed there, it comes back here.
        above = self.shown_above()
        for note in comp.notes:
            if self.doc.in_words(note) in above:
                continue
            out.append(f'<p style="background:{t.banner}; color:{t.banner_text}">&nbsp;⚠ '
                       f'{esc(self.doc.in_words(note))}&nbsp;</p>')
        # Same event
        out.append(PART)
        out.append('<h3>Same event?</h3>')
        if comp.event:
            rows = []
            # A width in px from the font: a share of a narrow pane wrapped "0.41" as "0.4 / 1".
            score_w = self.browser.fontMetrics().horizontalAdvance("0.00  ") + 6
            # The mark's column in px too, the same in every piece of the table (they line up).
            marks = {"✓" if m.same_event else "⚠ other event?" for m in comp.event}
            mark_w = max(self.browser.fontMetrics().horizontalAdvance(x + "  ") for x in marks) + 6
            for m in sorted(comp.event, key=lambda m: (m.same_event, m.score)):
                mark = "✓" if m.same_event else "⚠&nbsp;other&nbsp;event?"
                colour = t.text if m.same_event else t.banner_text
                # The outlet on one line, the column as wide as the widest (a name is at most a cut
                # title long): 22% of the pane broke "Santa Fe New Mexican" into three lines.
                # The reason on a line of its own, under the name: beside it, in what a 1366 px
                # window leaves of the pane, it was a column two words wide and 13 lines tall.
                rows.append(f'<tr><td width="1">{self._chip(m.article, whole=True)}&nbsp;</td>'
                            # As wide as its mark, on one line (a 14% column broke it in three).
                            f'<td width="{mark_w}" nowrap style="color:{colour}">{mark}&nbsp;</td>'
                            f'<td width="{score_w}" nowrap>{m.score:.2f}&nbsp;</td><td></td></tr>'
                            f'<tr><td colspan="4" style="color:{t.muted}; padding-left:12px; '
                            f'padding-bottom:4px">{esc(self._event_reason(m))}</td></tr>')
            # Pieces of EVENT_ROWS rows: each is a separate part, laid out on its own.
            for i in range(0, len(rows), EVENT_ROWS):
                if i:
                    out.append(PART)
                out.append('<table cellspacing="0" cellpadding="2" width="100%">'
                           + "".join(rows[i:i + EVENT_ROWS]) + '</table>')
        else:
            out.append(f'<p style="color:{t.muted}">No event check yet.</p>')
        # Omissions
        out.append(PART)
        out.append('<h3>Top omissions</h3>')
        oms, by_key, framing, contra, excl = self._lists(comp)
        if oms:
            out.append('<ol style="margin-left:-20px">')
            # Copies of one story are one source, as the engine ranks them: "carried by 3 of 4
            # sources" for four outlets, two of them one agency copy.
            source_of = {a: g.original for g in comp.copies for a in g.articles}
            outlets = len({source_of.get(a.id, a.id) for a in arts})
            noun = " sources" if outlets < len(arts) else ""
            # A fact several outlets leave out is one line naming them all, as in the brief
            # (keybridge: "Literally by being able to stop cars…" was three lines, one per outlet).
            by_fact: dict[str, list] = {}
            for o in oms:
                by_fact.setdefault(o.fact, []).append(o)
            for fact_id, group in by_fact.items():
                label = facts[fact_id].label if fact_id in facts else fact_id
                first = group[0]
                f = by_key.get((fact_id, first.article))
                href = f"finding:{f.id}" if f else f"fact:{fact_id}:{first.article}"
                marked = [self._mark(by_key.get((fact_id, o.article))) for o in group]
                names = [m + self._chip(o.article) for o, (m, _) in zip(group, marked)]
                who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
                dim = marked[0][1] if all(d for _, d in marked) else ""
                out.append(f'<li{dim}>{who} {"leaves" if len(group) == 1 else "leave"} out '
                           f'<a href="{esc(href)}">{esc(label)}</a> '
                           f'<span style="color:{t.muted}">— carried by '
                           f'{len({source_of.get(a, a) for a in first.covered_by})} of {outlets}{noun}'
                           '</span></li>')
            out.append('</ol>')
        else:
            out.append(f'<p style="color:{t.muted}">No omissions found.</p>')
        # Framing
        out.append(PART)
        out.append('<h3>Strongest framing differences</h3>')
        out.append(self._finding_list(framing, "No framing differences found."))
        out.append(PART)
        out.append('<h3>Contradictions to check</h3>')
        out.append(self._finding_list(contra, "No disagreeing numbers, names or dates."))
        if excl:
            out.append(PART)
            out.append('<h3>Exclusives</h3>')
            out.append(self._finding_list(excl, ""))
        parts, current = [], []
        for piece in out + [PART]:
            if piece is PART:
                if current:
                    parts.append("".join(current))
                current = []
            else:
                current.append(piece)
        return parts

    def _lists(self, comp: Comparison) -> tuple:
        """(top omissions, their findings by (fact, article), top framing differences, top
        contradictions, top exclusives): one pass over the findings (there can be thousands),
        kept for the Comparison, as a verdict changes only the marks."""
        cached = getattr(self, "_lists_cache", None)
        if cached is not None and cached[0] is comp.findings and cached[1] is comp.omissions:
            return cached[2]
        oms = heapq.nsmallest(TOP, comp.omissions, key=lambda o: o.rank)
        # Link each listed omission to its finding; look only for those few.
        wanted = {(o.fact, o.article) for o in oms}
        by_key: dict = {}
        framing, contra, excl = [], [], []
        for f in comp.findings:
            kind = f.kind
            if kind == "omission":
                if f.fact:
                    for a in f.articles:
                        if (f.fact, a) in wanted:
                            by_key[(f.fact, a)] = f
            elif is_contradiction(f.kind):
                contra.append(f)
            elif kind == "exclusive":
                excl.append(f)
            elif marked_on_text(kind):           # framing: drawn on the text
                framing.append(f)

        def strongest(found: list, n: int) -> list:      # = sorted(found, by score)[:n], stable
            return heapq.nsmallest(n, found, key=lambda f: -f.score)
        lists = (oms, by_key, strongest(framing, TOP), strongest(contra, TOP), strongest(excl, 5))
        self._lists_cache = (comp.findings, comp.omissions, lists)
        return lists

    def _finding_list(self, findings: list[Finding], empty: str) -> str:
        if not findings:
            return f'<p style="color:{self.theme.muted}">{esc(empty)}</p>'
        items = []
        for f in findings:
            chips = " ".join(self._chip(a) for a in f.articles[:4])
            more = f" +{len(f.articles) - 4}" if len(f.articles) > 4 else ""
            m, dim = self._mark(f)
            items.append(f'<li{dim}>{m}<a href="finding:{esc(f.id)}">{esc(kind_label(f.kind))}</a> '
                         f'{chips}{more}<br><span>{esc(self.doc.in_words(f.evidence))}</span></li>')
        return '<ul style="margin-left:-20px">' + "".join(items) + '</ul>'

    def _mark(self, f: Finding | None) -> tuple[str, str]:
        """The review mark to put before a listed finding, and a dimming style for dismissed ones."""
        review = self.reviews.get(f.id) if f is not None else None
        if review is None or not review.reviewed:
            return "", ""
        colour = verdict_color(review.verdict, self.theme)
        m = (f'<span style="color:{colour}; font-weight:700" title="{esc(describe(review))}">'
             f'{mark(review.verdict)}</span>&nbsp;')
        return m, (f' style="color:{self.theme.muted}"' if review.verdict == "dismissed" else "")

    def _anchor(self, url: QUrl) -> None:
        s = url.toString()
        if s.startswith("finding:"):
            self.findingActivated.emit(s.split(":", 1)[1])
        elif s.startswith("fact:"):
            _, fact, article = s.split(":", 2)
            self.factActivated.emit(fact, article or None)

    # ---- charts -------------------------------------------------------------------------------
    def _charts(self, comp: Comparison | None) -> None:
        arts = self.doc.compared_articles()
        table = metrics_of(comp)
        for chart, metric in zip(self.charts, CHARTS):
            bars = [Bar(a.outlet, value, outlet_color(self.doc.color_index(a.id))) for a in arts
                    if (value := table.value(a.id, metric)) is not None]
            show_metric(chart, metric, bars)
        # Share of voice of the most-quoted speaker: who gives that person the floor, and how much.
        top = max(comp.voices, key=lambda v: sum(v.words.values())) if comp and comp.voices else None
        if top is not None:
            bars = [Bar(a.outlet, round(100 * top.share.get(a.id, 0.0), 1),
                        outlet_color(self.doc.color_index(a.id))) for a in arts]
            self.top_voice_chart.set_data(bars, title=f"Share of voice: {top.name or top.speaker}",
                                          subtitle="%", lo=0.0, hi=100.0, fmt=fmt_percent)
        else:
            self.top_voice_chart.set_data([], title="Share of voice")
