"""The inspector dock: the current finding's evidence, rule, score, spans in context and verdict.

All engine and article text is escaped (``richtext.esc``); the only markup is ours.
"""
from __future__ import annotations

from typing import Mapping

from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from analysis.model import Comparison, Finding

from ..document import Document
from ..richtext import chip, esc, fmt_num, highlight_spans
from ..theme import LIGHT, Theme, kind_label, outlet_color

CONTEXT_CHARS = 160


class Inspector(QWidget):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = document
        self.theme: Theme = LIGHT
        self.finding: Finding | None = None
        self.verdicts: Mapping[str, str] = {}
        self.browser = QTextBrowser()
        self.browser.setObjectName("inspectorText")
        self.browser.setAccessibleName("Inspector")
        self.browser.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.setFocusProxy(self.browser)
        self.show_finding(None)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.show_finding(self.finding)

    def set_verdicts(self, verdicts: Mapping[str, str]) -> None:
        self.verdicts = verdicts
        self.show_finding(self.finding)

    def show_finding(self, f: Finding | None) -> None:
        self.finding = f
        self.browser.setHtml(self.render(f, self.doc.comparison))

    def _chip(self, article_id: str) -> str:
        return chip(outlet_color(self.doc.color_index(article_id)), self.doc.outlet(article_id))

    def render(self, f: Finding | None, comp: Comparison | None) -> str:
        t = self.theme
        if f is None or comp is None:
            return (f'<p style="color:{t.muted}">No finding selected.</p>'
                    f'<p style="color:{t.muted}">Press <b>J</b> / <b>Alt+↓</b> for the next finding, '
                    f'<b>K</b> / <b>Alt+↑</b> for the previous one.</p>')
        parts = [f'<h3 style="margin-bottom:2px">{esc(kind_label(f.kind))}</h3>',
                 '<p>' + " ".join(self._chip(a) for a in f.articles) + '</p>',
                 f'<p>{esc(f.evidence)}</p>',
                 '<table cellspacing="0" cellpadding="2">',
                 f'<tr><td style="color:{t.muted}">Score&nbsp;</td><td>{f.score:.2f}</td></tr>',
                 f'<tr><td style="color:{t.muted}">Rule&nbsp;</td><td>{esc(f.rule or "—")}</td></tr>']
        if f.fact:
            try:
                label = comp.fact(f.fact).label
            except KeyError:
                label = f.fact
            parts.append(f'<tr><td style="color:{t.muted}">Fact&nbsp;</td><td>{esc(label)}</td></tr>')
        verdict = self.verdicts.get(f.id, "")
        parts.append(f'<tr><td style="color:{t.muted}">Verdict&nbsp;</td>'
                     f'<td>{esc(verdict) if verdict else "not reviewed"}</td></tr>')
        parts.append(f'<tr><td style="color:{t.muted}">Id&nbsp;</td><td>{esc(f.id)}</td></tr></table>')
        for span in f.spans:
            try:
                art = comp.article(span.article)
            except KeyError:
                continue
            start = max(0, span.start - CONTEXT_CHARS)
            end = min(len(art.text), span.end + CONTEXT_CHARS)
            excerpt = highlight_spans(art.text[start:end], [(span.start - start, span.end - start)],
                                      f"background:{t.flash}; font-weight:600;")
            parts.append(f'<p>{self._chip(span.article)}<br>'
                         f'{"…" if start else ""}{excerpt}{"…" if end < len(art.text) else ""}</p>')
        if f.data:
            parts.append(f'<p style="color:{t.muted}">Details</p><table cellspacing="0" cellpadding="1">')
            for key, value in f.data.items():
                shown = fmt_num(value) if isinstance(value, (int, float)) else value
                if isinstance(shown, (list, tuple)):
                    shown = ", ".join(str(x) for x in shown)
                parts.append(f'<tr><td style="color:{t.muted}">{esc(key)}&nbsp;</td>'
                             f'<td>{esc(shown)}</td></tr>')
            parts.append('</table>')
        return "".join(parts)
