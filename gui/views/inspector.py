"""The inspector dock: the current finding's review (verdict, severity, note: shown and edited), then
its evidence, rule, score and spans in context.

The review bar only *asks*: its buttons and the note editor emit signals, and the window makes the
change in the session (the same path as the A/D/F, 1-3 and N keys), then calls ``show_review``.
All engine and article text is escaped (``richtext.esc``); the only markup is ours.
"""
from __future__ import annotations

from typing import Callable, Mapping

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from analysis.model import Comparison, Finding
from analysis.vocabulary.kinds import label as kind_label
from analysis.vocabulary.reviews import NOT_REVIEWED, Review

from ..document import Document
from ..review import NAMES, SEVERITY_NAMES, mark, severity_name, verdict_color, verdict_label
from ..richtext import chip, esc, fmt_num, highlight_spans
from ..theme import LIGHT, Theme, outlet_color

CONTEXT_CHARS = 160


def context_window(text: str, start: int, end: int, chars: int = CONTEXT_CHARS) -> tuple[int, int]:
    """About ``chars`` characters of ``text`` either side of [start, end), cut between words (a
    fixed count began the context mid-word: "…ng in Paris", "…ration and alarm")."""
    lo, hi = max(0, start - chars), min(len(text), end + chars)
    if lo > 0 and not text[lo - 1].isspace():
        gap = next((i for i in range(lo, start) if text[i].isspace()), None)
        lo = start if gap is None else gap + 1
    if hi < len(text) and not text[hi].isspace():
        gap = next((i for i in range(hi - 1, end - 1, -1) if text[i].isspace()), None)
        hi = end if gap is None else gap
    return lo, hi
NOTE_LINES_IDLE = 2            # the note box's height in lines, and while it is being edited
NOTE_LINES_EDITING = 7
BUTTON_TEXT = {"confirmed": "Confirm", "dismissed": "Dismiss", "flagged": "Flag"}


class NoteEdit(QPlainTextEdit):
    """The note editor.  Esc (or Ctrl+Enter) closes it and keeps the text; the window saves the text
    as it is typed and once more on close."""
    closed = Signal()

    def event(self, e: QEvent) -> bool:
        # Esc is also the window's "cancel analysis" shortcut: claim it while the editor has focus.
        if e.type() == QEvent.Type.ShortcutOverride and self._is_close(e):
            e.accept()
            return True
        return super().event(e)

    @staticmethod
    def _is_close(e: QKeyEvent) -> bool:
        return e.key() == Qt.Key.Key_Escape or (
            e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and e.modifiers() & Qt.KeyboardModifier.ControlModifier)

    def keyPressEvent(self, e: QKeyEvent) -> None:  # noqa: N802
        if self._is_close(e):
            self.closed.emit()
            return
        super().keyPressEvent(e)

    def set_lines(self, lines: int) -> None:
        m = self.contentsMargins()
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 2 * self.frameWidth()
                            + int(self.document().documentMargin() * 2) + m.top() + m.bottom())


class ReviewBar(QFrame):
    """Verdict buttons, severity buttons and the note editor of the current finding."""
    verdictClicked = Signal(str)         # "confirmed" / "dismissed" / "flagged"
    severityClicked = Signal(int)
    noteTyped = Signal(str)
    noteClosed = Signal()                # Esc / Ctrl+Enter in the editor: save, give focus back
    noteLeft = Signal()                  # focus moved elsewhere: save

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewBar")
        self.verdict_buttons: dict[str, QToolButton] = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(4)
        for col, (verdict, key) in enumerate((("confirmed", "A"), ("dismissed", "D"),
                                              ("flagged", "F"))):
            b = self._button(f"{mark(verdict)} {BUTTON_TEXT[verdict]}",
                             f"{BUTTON_TEXT[verdict]} ({key}); click again to clear")
            b.setAccessibleName(f"{NAMES[verdict]} ({key})")
            b.clicked.connect(lambda checked=False, v=verdict: self.verdictClicked.emit(v))
            grid.addWidget(b, 0, col)
            self.verdict_buttons[verdict] = b
        self.severity_buttons: dict[int, QToolButton] = {}
        sev = QHBoxLayout()
        sev.setSpacing(4)
        sev_label = QLabel("Severity")
        sev_label.setObjectName("muted")
        sev.addWidget(sev_label)
        for n in (1, 2, 3):
            b = self._button(str(n), f"Severity {n}: {SEVERITY_NAMES[n]} ({n}); click again to clear")
            b.setAccessibleName(f"Severity {n}, {SEVERITY_NAMES[n]}")
            b.clicked.connect(lambda checked=False, n=n: self.severityClicked.emit(n))
            sev.addWidget(b)
            self.severity_buttons[n] = b
        self.severity_text = QLabel()
        self.severity_text.setObjectName("muted")
        sev.addWidget(self.severity_text, 1)
        self.note_label = QLabel("Note")
        self.note_label.setObjectName("muted")
        self.note_hint = QLabel()
        self.note_hint.setObjectName("muted")
        self.note_hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        note_head = QHBoxLayout()
        note_head.addWidget(self.note_label)
        note_head.addWidget(self.note_hint, 1)
        self.note = NoteEdit()
        self.note.setObjectName("noteEdit")
        self.note.setAccessibleName("Note")
        self.note.setPlaceholderText("No note. Press N to write one.")
        self.note.setTabChangesFocus(True)
        self.note.set_lines(NOTE_LINES_IDLE)
        self.note.textChanged.connect(self._typed)
        self.note.closed.connect(self.noteClosed)
        self.note.installEventFilter(self)
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 4)
        layout.setSpacing(4)
        layout.addLayout(grid)
        layout.addLayout(sev)
        layout.addLayout(note_head)
        layout.addWidget(self.note)
        self.editing_key: str | None = None          # the finding whose note the editor holds
        self.set_review(None, enabled=False)

    @staticmethod
    def _button(text: str, tip: str) -> QToolButton:
        b = QToolButton()
        b.setText(text)
        b.setToolTip(tip)
        b.setCheckable(True)
        # Clicking must not take the focus from the list being reviewed; Tab still reaches it.
        b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return b

    def eventFilter(self, obj, e) -> bool:  # noqa: N802
        if obj is self.note:
            if e.type() == QEvent.Type.FocusIn:
                self.note.set_lines(NOTE_LINES_EDITING)
                self.note_hint.setText("saved as you type · Esc closes")
            elif e.type() == QEvent.Type.FocusOut:
                self.note.set_lines(NOTE_LINES_IDLE)
                self.note_hint.setText("")
                if e.reason() != Qt.FocusReason.PopupFocusReason:   # not the context menu
                    self.noteLeft.emit()
        return False

    def _typed(self) -> None:
        if not self._loading:
            self.noteTyped.emit(self.note.toPlainText())

    def set_review(self, review: Review | None, enabled: bool, read_only: bool = False) -> None:
        """Show ``review`` (None: no finding selected).  ``enabled``: a finding is selected and the
        session can be written."""
        verdict = review.verdict if review is not None else NOT_REVIEWED
        severity = review.severity if review is not None else None
        for v, b in self.verdict_buttons.items():
            b.setChecked(v == verdict)
            b.setEnabled(enabled)
        for n, b in self.severity_buttons.items():
            b.setChecked(n == severity)
            b.setEnabled(enabled)
        self.severity_text.setText(SEVERITY_NAMES.get(severity or 0, ""))
        key = review.key if review is not None else None
        text = review.note if review is not None else ""
        if key != self.editing_key or text != self.note.toPlainText():
            self._loading = True
            self.note.setPlainText(text)
            self._loading = False
        self.editing_key = key
        self.note.setEnabled(review is not None)
        self.note.setReadOnly(read_only or not enabled)
        self.note.setPlaceholderText(
            "Read-only session: notes cannot be changed." if read_only and review is not None
            else "No note. Press N to write one." if review is not None else "")
        if not self.note.hasFocus():
            self.note_hint.setText("")


class Inspector(QWidget):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = document
        self.theme: Theme = LIGHT
        self.finding: Finding | None = None
        self.reviews: Mapping[str, Review] = {}
        self.writable = True             # False: no session can be written (read-only file)
        self.read_only = False
        self.review_bar = ReviewBar()
        self.browser = QTextBrowser()
        self.browser.setObjectName("inspectorText")
        self.browser.setAccessibleName("Inspector")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._anchor)
        self.details_open = False        # the raw data behind "Details", for those who want it
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.review_bar)
        layout.addWidget(self.browser, 1)
        self.setFocusProxy(self.browser)
        self.setTabOrder(self.browser, self.review_bar.verdict_buttons["confirmed"])
        self.show_finding(None)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.show_finding(self.finding)

    def set_reviews(self, reviews: Mapping[str, Review], read_only: bool = False) -> None:
        self.reviews = reviews
        self.read_only = read_only
        self.show_finding(self.finding)

    def review(self) -> Review | None:
        if self.finding is None:
            return None
        return self.reviews.get(self.finding.id) or Review(key=self.finding.id)

    def show_finding(self, f: Finding | None) -> None:
        self.finding = f
        self.review_bar.set_review(self.review(), enabled=f is not None and not self.read_only,
                                   read_only=self.read_only)
        bar = self.browser.verticalScrollBar()
        keep = bar.value() if f is not None and getattr(self, "_shown_id", None) == f.id else 0
        self._shown_id = f.id if f is not None else None
        self.browser.setHtml(self.render(f, self.doc.comparison))
        bar.setValue(keep)

    def _anchor(self, url) -> None:
        if url.toString() == DETAILS_LINK:
            self.details_open = not self.details_open
            self.show_finding(self.finding)

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
                 f'<p>{esc(self.doc.in_words(f.evidence))}</p>',
                 '<table cellspacing="0" cellpadding="2">',
                 f'<tr><td style="color:{t.muted}">Score&nbsp;</td><td>{f.score:.2f}</td></tr>']
        if f.fact:
            try:
                label = comp.fact(f.fact).label
            except KeyError:
                label = f.fact
            parts.append(f'<tr><td style="color:{t.muted}">Fact&nbsp;</td><td>{esc(label)}</td></tr>')
        review = self.reviews.get(f.id) or Review(key=f.id)
        if review.reviewed:
            shown = (f'<span style="color:{verdict_color(review.verdict, t)}; font-weight:600">'
                     f'{esc(verdict_label(review.verdict))}</span>')
        else:
            shown = f'<span style="color:{t.muted}">{"note, not reviewed" if review.note else "not reviewed"}</span>'
        if review.severity:
            shown += f' · severity {esc(severity_name(review.severity))}'
        parts.append(f'<tr><td style="color:{t.muted}">Verdict&nbsp;</td><td>{shown}</td></tr>')
        if review.updated:
            when = "Reviewed" if review.reviewed else "Note written"     # a note alone is no review
            parts.append(f'<tr><td style="color:{t.muted}">{when}&nbsp;</td>'
                         f'<td>{esc(review.updated.replace("T", " ").rstrip("Z"))} UTC</td></tr>')
        parts.append('</table>')
        for span in f.spans:
            try:
                art = comp.article(span.article)
            except KeyError:
                continue
            start, end = context_window(art.text, span.start, span.end)
            excerpt = highlight_spans(art.text[start:end], [(span.start - start, span.end - start)],
                                      f"background:{t.flash}; font-weight:600;")
            parts.append(f'<p>{self._chip(span.article)}<br>'
                         f'{"…" if start else ""}{excerpt}{"…" if end < len(art.text) else ""}</p>')
        parts.append(self._details(f))
        return "".join(parts)

    def _details(self, f: Finding) -> str:
        """The rule, the id and the finding's raw data behind a "Details" link (closed at first),
        with outlet names instead of article ids."""
        t = self.theme
        arrow = "▾" if self.details_open else "▸"
        out = [f'<p><a href="{DETAILS_LINK}" style="color:{t.muted}">{arrow} Details</a></p>']
        if not self.details_open:
            return "".join(out)
        rows = [("rule", f.rule or "—"), ("id", f.id)] + [(k, detail_text(v, self.doc.in_words))
                                                          for k, v in (f.data or {}).items()]
        out.append('<table cellspacing="0" cellpadding="1">')
        for key, value in rows:
            out.append(f'<tr><td style="color:{t.muted}">{esc(key.replace("_", " "))}&nbsp;</td>'
                       f'<td>{esc(value)}</td></tr>')
        out.append('</table>')
        return "".join(out)


DETAILS_LINK = "inspector:details"


def detail_text(value: object, in_words: Callable[[str], str]) -> str:
    """A raw data value as a reader reads it: numbers formatted, lists joined, a mapping of article
    ids as "Outlet: value" (empty values left out), ids replaced by outlet names."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return fmt_num(value)
    if isinstance(value, Mapping):
        items = [f"{in_words(str(k))}: {detail_text(v, in_words)}" for k, v in value.items() if v not in ("", None)]
        return "; ".join(items) if items else "—"
    if isinstance(value, (list, tuple)):
        return ", ".join(detail_text(v, in_words) for v in value) if value else "—"
    return in_words(str(value)) if value not in ("", None) else "—"
