"""The overview tab: what an editor reads first.

Left: the engine's notes, the same-event check, the top omissions, the strongest framing differences
and the contradictions, each a link to the finding (or fact).  Right: one chart per key metric.
All engine and article text is escaped.
"""
from __future__ import annotations

import heapq

from PySide6.QtCore import QUrl, Qt, Signal
from PySide6.QtWidgets import QScrollArea, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from analysis.model import Comparison, Finding

from ..charts import Bar, BarChart
from ..document import Document
from ..models.metrics import NAMED, find_key, flatten
from ..review import describe, mark, verdict_color
from ..richtext import chip, esc
from ..theme import LIGHT, Theme, kind_label, outlet_color

TOP = 8
STRUCTURAL = {"omission", "exclusive", "voice", "voice_omission", "event_mismatch"}


def _is_contradiction(f: Finding) -> bool:
    return "contradict" in f.kind or "mismatch" in f.kind and f.kind != "event_mismatch"


class Overview(QWidget):
    findingActivated = Signal(str)
    factActivated = Signal(str, object)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = document
        self.theme: Theme = LIGHT
        self.reviews: dict = {}              # finding id -> Review (the window's session)
        self.browser = QTextBrowser()
        self.browser.setObjectName("overviewText")
        self.browser.setAccessibleName("Overview")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._anchor)
        self.charts = [BarChart(title) for title, *_ in NAMED]
        self.voices_chart = self.charts[-1]
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

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.refresh()

    def _chip(self, article_id: str) -> str:
        return chip(outlet_color(self.doc.color_index(article_id)), self.doc.outlet(article_id))

    def refresh(self) -> None:
        comp = self.doc.comparison
        bar = self.browser.verticalScrollBar().value()
        self.browser.setHtml(self.render(comp))
        self.browser.verticalScrollBar().setValue(bar)
        self._charts(comp)

    # ---- text ---------------------------------------------------------------------------------
    def render(self, comp: Comparison | None) -> str:
        t = self.theme
        if comp is None:
            if self.doc.articles:
                return f'<p style="color:{t.muted}">Analysing {len(self.doc.included())} articles…</p>'
            return (f'<h2>No articles yet</h2><p>Add files with <b>Ctrl+O</b>, paste an article with '
                    f'<b>Ctrl+Shift+V</b>, or add a link with <b>Ctrl+L</b>.</p>')
        arts = self.doc.shown_articles()
        facts = {f.id: f for f in comp.facts}
        out = [f'<h2 style="margin-bottom:0">{len(arts)} outlets · {len(comp.facts)} facts · '
               f'{len(comp.findings)} findings</h2>']
        for note in comp.notes:
            out.append(f'<p style="background:{t.banner}; color:{t.banner_text}">&nbsp;⚠ '
                       f'{esc(note)}&nbsp;</p>')
        # Same event
        out.append('<h3>Same event?</h3>')
        if comp.event:
            rows = []
            for m in sorted(comp.event, key=lambda m: (m.same_event, m.score)):
                mark = "✓" if m.same_event else "⚠ other event?"
                colour = t.text if m.same_event else t.banner_text
                rows.append(f'<tr><td>{self._chip(m.article)}&nbsp;</td>'
                            f'<td style="color:{colour}">{mark}&nbsp;</td>'
                            f'<td>{m.score:.2f}&nbsp;</td><td style="color:{t.muted}">'
                            f'{esc(m.evidence)}</td></tr>')
            out.append('<table cellspacing="0" cellpadding="2">' + "".join(rows) + '</table>')
        else:
            out.append(f'<p style="color:{t.muted}">No event check yet.</p>')
        # Omissions
        out.append('<h3>Top omissions</h3>')
        oms = heapq.nsmallest(TOP, comp.omissions, key=lambda o: o.rank)
        # Link each listed omission to its finding; look only for those few (there can be thousands).
        wanted = {(o.fact, o.article) for o in oms}
        by_key: dict = {}
        for f in comp.findings:
            if f.kind == "omission" and f.fact:
                for a in f.articles:
                    if (f.fact, a) in wanted:
                        by_key[(f.fact, a)] = f
        if oms:
            out.append('<ol style="margin-left:-20px">')
            for o in oms:
                label = facts[o.fact].label if o.fact in facts else o.fact
                f = by_key.get((o.fact, o.article))
                href = f"finding:{f.id}" if f else f"fact:{o.fact}:{o.article}"
                m, dim = self._mark(f)
                out.append(f'<li{dim}>{m}{self._chip(o.article)} leaves out '
                           f'<a href="{esc(href)}">{esc(label)}</a> '
                           f'<span style="color:{t.muted}">— carried by {len(o.covered_by)} of '
                           f'{len(arts)}</span></li>')
            out.append('</ol>')
        else:
            out.append(f'<p style="color:{t.muted}">No omissions found.</p>')
        # Framing
        framing = [f for f in comp.findings if f.kind not in STRUCTURAL and not _is_contradiction(f)]
        out.append('<h3>Strongest framing differences</h3>')
        out.append(self._finding_list(sorted(framing, key=lambda f: -f.score)[:TOP],
                                      "No framing differences found."))
        contra = [f for f in comp.findings if _is_contradiction(f)]
        out.append('<h3>Contradictions to check</h3>')
        out.append(self._finding_list(sorted(contra, key=lambda f: -f.score)[:TOP],
                                      "No disagreeing numbers, names or dates."))
        excl = [f for f in comp.findings if f.kind == "exclusive"]
        if excl:
            out.append('<h3>Exclusives</h3>')
            out.append(self._finding_list(sorted(excl, key=lambda f: -f.score)[:5], ""))
        return "".join(out)

    def _finding_list(self, findings: list[Finding], empty: str) -> str:
        if not findings:
            return f'<p style="color:{self.theme.muted}">{esc(empty)}</p>'
        items = []
        for f in findings:
            chips = " ".join(self._chip(a) for a in f.articles[:4])
            more = f" +{len(f.articles) - 4}" if len(f.articles) > 4 else ""
            m, dim = self._mark(f)
            items.append(f'<li{dim}>{m}<a href="finding:{esc(f.id)}">{esc(kind_label(f.kind))}</a> '
                         f'{chips}{more}<br><span>{esc(f.evidence)}</span></li>')
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
        arts = self.doc.shown_articles()
        flat = {a.id: flatten(comp.metrics.get(a.id, {})) if comp else {} for a in arts}
        for chart, (title, candidates, rng, unit) in zip(self.charts, NAMED):
            bars = []
            for a in arts:
                key = find_key(flat[a.id], candidates)
                if key is not None:
                    bars.append(Bar(a.outlet, flat[a.id][key], outlet_color(self.doc.color_index(a.id))))
            lo, hi = rng if rng else (None, None)
            chart.set_data(bars, title=title, subtitle=unit if bars else "", lo=lo, hi=hi)
        # Share of voice of the most-quoted speaker: who gives that person the floor, and how much.
        top = max(comp.voices, key=lambda v: sum(v.words.values())) if comp and comp.voices else None
        if top is not None:
            bars = [Bar(a.outlet, round(100 * top.share.get(a.id, 0.0), 1),
                        outlet_color(self.doc.color_index(a.id))) for a in arts]
            self.top_voice_chart.set_data(bars, title=f"Share of voice: {top.name or top.speaker}",
                                          subtitle="%", lo=0.0, hi=100.0)
        else:
            self.top_voice_chart.set_data([], title="Share of voice")
        if comp is not None and not self.voices_chart.bars and comp.voices:
            # No quote-share metric: show how many distinct speakers each outlet quotes instead.
            bars = [Bar(a.outlet, float(sum(1 for v in comp.voices if v.words.get(a.id, 0) > 0)),
                        outlet_color(self.doc.color_index(a.id))) for a in arts]
            self.voices_chart.set_data(bars, title="Speakers quoted", subtitle="voices")
