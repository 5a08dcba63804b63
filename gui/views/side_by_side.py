"""Side by side: two outlets aligned fact by fact, with word-level highlights and framing flags.

Why one QTextBrowser: the two sides of a fact sit in one table row, so they stay aligned however the
text wraps, and they scroll together by construction (one scroll bar); text can be selected and copied
across rows as in any text view (rows are written by ``side_cells``, worked out by ``side_rows``).
Clicking a flagged word selects that finding.

Why it is built in slices: laying out a few hundred formatted table cells costs Qt 50-150 ms, longer
than the window may freeze.  So each fact row is its own one-row table (same column widths, so the
rows line up as one table), appended to the shown document a few rows at a time, each slice within
``SLICE_MS`` and the next one after the event loop has turned; the top of the document shows at once,
a row asked for (next finding, a fact) is scrolled to and flashed as soon as it exists.  Only the
shown view builds: while another tab is in front, a rebuild only works out the rows (pure Python, a
millisecond) and the document follows when the tab is shown.  Reading the text
(``browser.toPlainText()``) or calling ``finish_build`` completes a pending build first.
"""
from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from analysis.model import Comparison, Finding

from ..document import Document
from ..rows import Row
from ..theme import LIGHT, Theme, outlet_color
from .legend import Legend
from .side_cells import Build, RowWriter
from .side_rows import MarkedFindings, plan_rows
from .text_browser import FinishingTextBrowser

SLICE_MS = 8             # GUI-thread time one building slice may take


class SideBySide(QWidget):
    findingActivated = Signal(str)
    sidesChanged = Signal(str, str)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = document
        self.theme: Theme = LIGHT
        self.left_id: str | None = None
        self.right_id: str | None = None
        self.only_diffs = False
        self.rows: list[Row] = []
        self.shown_rows: list[Row] = []
        self.row_cursor: list[int] = []          # document position of each built row's left cell
        self.row_cells: list[tuple[int, int, int, int]] = []   # (l_start, l_end, r_start, r_end)
        self.current_finding: str | None = None
        self._building = False
        self._marked = MarkedFindings()
        self._built_for: tuple | None = None     # key of the rows worked out last
        self._shown_key: tuple | None = None     # key of the document in the browser
        self._plan: tuple | None = None          # what the next document shows (see _work_out)
        self._build: Build | None = None
        self._pending_scroll: tuple[int, bool] | None = None
        self._documents: list[QTextDocument] = []   # made here (kept in Python: asking Qt for a
        # document's parent can cost 60 ms the first time, as PySide creates enum types then)
        self._comparison: Comparison | None = None     # the one the keys are for
        self._serial = 0

        self.left_box = QComboBox()
        self.right_box = QComboBox()
        for box, name in ((self.left_box, "Left outlet"), (self.right_box, "Right outlet")):
            box.setAccessibleName(name)
            box.setMinimumContentsLength(10)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.currentIndexChanged.connect(self._boxes_changed)
        self.swap_button = QToolButton()
        self.swap_button.setText("⇄ Swap")
        self.swap_button.setToolTip("Swap sides (Alt+S)")
        self.swap_button.clicked.connect(self.swap)
        self.diffs_check = QCheckBox("Only differences")
        self.diffs_check.setToolTip("Hide facts both outlets tell the same way (Alt+D)")
        self.diffs_check.toggled.connect(self.set_only_diffs)
        self.wrap_check = QCheckBox("Soft wrap")
        self.wrap_check.setChecked(True)
        self.wrap_check.setToolTip("Wrap long sentences (Alt+W)")
        self.wrap_check.toggled.connect(self.set_wrap)
        self.summary = QLabel()
        self.summary.setObjectName("muted")
        # The counts give way when the tab is narrow (full text in the tooltip): the tab's least
        # width never pushes the Outlets and Inspector panes narrower.
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.summary.setMinimumWidth(0)

        top = QHBoxLayout()
        top.addWidget(QLabel("&Left:", buddy=self.left_box))
        top.addWidget(self.left_box, 1)
        top.addWidget(self.swap_button)
        top.addWidget(QLabel("&Right:", buddy=self.right_box))
        top.addWidget(self.right_box, 1)
        top.addSpacing(12)
        top.addWidget(self.diffs_check)
        top.addWidget(self.wrap_check)
        top.addSpacing(12)
        top.addWidget(self.summary)

        self.legend = Legend()
        self.browser = FinishingTextBrowser()
        self.browser.before_read = self.finish_build
        self.browser.setObjectName("sideBySideText")
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName("Side by side text")
        self.browser.anchorClicked.connect(self._anchor)
        self.browser.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction
                                             | Qt.TextInteractionFlag.TextSelectableByKeyboard)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.legend)
        layout.addWidget(self.browser, 1)
        self.setFocusProxy(self.browser)
        self.browser.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(lambda: self.browser.setExtraSelections([]))
        self._slice_timer = QTimer(self)
        self._slice_timer.setSingleShot(True)
        self._slice_timer.setInterval(0)
        self._slice_timer.timeout.connect(self._build_slice)

    # ---- inputs -----------------------------------------------------------------------------
    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.legend.set_theme(theme)
        self.rebuild()

    def refresh(self) -> None:
        """The comparison or the outlets changed: refill the boxes, keep the sides if possible."""
        arts = self.doc.shown_articles()
        ids = [a.id for a in arts]
        # New sides from the compared event: two articles on another event (the reference may be
        # one) showed nothing but "not covered".  Every outlet stays in the boxes.
        compared = [a.id for a in self.doc.compared_articles()]
        pick = compared if len(compared) >= 2 else ids
        if self.left_id not in ids:
            self.left_id = pick[0] if pick else None
        if self.right_id not in ids or self.right_id == self.left_id:
            others = [i for i in pick if i != self.left_id] or [i for i in ids if i != self.left_id]
            self.right_id = others[0] if others else None
        self._building = True
        for box in (self.left_box, self.right_box):
            box.clear()
            for a in arts:
                box.addItem(self._chip(a.id), a.outlet or a.id, a.id)
        self._select_boxes()
        self._building = False
        self.rebuild()

    def _chip(self, article_id: str):
        from ..models.articles import chip_icon
        return chip_icon(outlet_color(self.doc.color_index(article_id)))

    def _select_boxes(self) -> None:
        self._building = True
        for box, ident in ((self.left_box, self.left_id), (self.right_box, self.right_id)):
            i = box.findData(ident)
            box.setCurrentIndex(i)
        self._building = False

    def _boxes_changed(self) -> None:
        if self._building:
            return
        self.set_sides(self.left_box.currentData(), self.right_box.currentData())

    def set_sides(self, left: str | None, right: str | None) -> None:
        if left == right and left is not None:
            # Choosing the same outlet on both sides swaps instead of showing a useless self-diff.
            if left == self.left_id:
                left = self.right_id
            else:
                right = self.left_id
        if (left, right) == (self.left_id, self.right_id):
            return
        self.left_id, self.right_id = left, right
        self._select_boxes()
        self.rebuild()
        self.sidesChanged.emit(left or "", right or "")

    def swap(self) -> None:
        self.set_sides(self.right_id, self.left_id)

    def cycle(self, side: str, delta: int) -> None:
        ids = [a.id for a in self.doc.shown_articles()]
        if len(ids) < 2:
            return
        current = self.left_id if side == "left" else self.right_id
        other = self.right_id if side == "left" else self.left_id
        i = ids.index(current) if current in ids else 0
        for _ in range(len(ids)):
            i = (i + delta) % len(ids)
            if ids[i] != other:
                break
        if side == "left":
            self.set_sides(ids[i], self.right_id)
        else:
            self.set_sides(self.left_id, ids[i])

    def set_only_diffs(self, on: bool) -> None:
        if self.only_diffs == on:
            return
        self.only_diffs = on
        self.diffs_check.setChecked(on)
        self.rebuild()

    def set_wrap(self, on: bool) -> None:
        self.wrap_check.setChecked(on)
        mode = QTextEdit.LineWrapMode.WidgetWidth if on else QTextEdit.LineWrapMode.NoWrap
        if self.browser.lineWrapMode() == mode:
            return
        # Changing the mode lays the shown document out again, all at once: swap in a blank one
        # first, and let the rebuild fill it slice by slice.
        self._show_document(self._blank_document(), None)
        self.browser.setLineWrapMode(mode)
        # Wrapped, the table always fits: a horizontal bar would only flicker in and out.
        self.browser.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff if on
                                                  else Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.rebuild()

    # ---- working out the rows (pure Python, cheap) ------------------------------------------------
    def _key(self) -> tuple:
        if self.doc.comparison is not self._comparison:
            # A new result (ids of freed objects are reused, so count rather than use id()).
            self._comparison = self.doc.comparison
            self._serial += 1
        return (self._serial, self.left_id, self.right_id, self.only_diffs,
                self.browser.lineWrapMode(), self.theme.name, len(self.doc.articles))

    def _delete(self, doc: QTextDocument) -> None:
        self._documents = [d for d in self._documents if d is not doc]
        doc.deleteLater()

    def rebuild(self, force: bool = True) -> None:
        """Work out the rows for the current sides and options, then (re)build the document: now
        if this view is shown, else when it is."""
        key = self._key()
        if not force and key == self._built_for:
            return
        self._built_for = key
        self._work_out(key)
        if self.isVisible():
            self._start_document()
        elif self._build is not None:
            # Not shown: stop filling a document nobody sees; it is rebuilt when the tab is shown.
            self._build = None
            self._slice_timer.stop()
            self._shown_key = None

    def _work_out(self, key: tuple) -> None:
        comp = self.doc.comparison
        self._pending_scroll = None
        if comp is None or self.left_id is None or self.right_id is None:
            self.rows, self.shown_rows = [], []
            self._plan = (key, None)
            self.summary.setText("")
            return
        worked = plan_rows(comp, self.left_id, self.right_id, self._marked, self.only_diffs)
        self.rows = worked.rows
        self.shown_rows = [row for row, _ in worked.shown]
        self._plan = (key, worked)
        self.summary.setText(worked.summary)
        self.summary.setToolTip(self.summary.text())

    # ---- building the document, slice by slice ----------------------------------------------------
    def _blank_document(self) -> QTextDocument:
        doc = QTextDocument(self)                 # owned here, not by the browser (see _show_document)
        self._documents.append(doc)
        doc.setUndoRedoEnabled(False)
        doc.setDefaultFont(self.browser.font())
        return doc

    def _show_document(self, doc: QTextDocument, key: tuple | None) -> None:
        old = self.browser.document()
        # Documents are children of this widget, so the browser never deletes them (it deletes its
        # own first one, a child of its own): drop the old one here.
        drop = old is not doc and any(d is old for d in self._documents)
        self.browser.setExtraSelections([])       # they point into the old document
        self.browser.setDocument(doc)
        self._shown_key = key
        if drop:
            self._delete(old)

    def _start_document(self) -> None:
        """Show a new document for the current plan, and build its first slice."""
        if self._plan is None or self._plan[0] == self._shown_key:
            return
        key, plan = self._plan
        self._build = None
        self._slice_timer.stop()
        doc = self._blank_document()
        self.row_cursor, self.row_cells = [], []
        if plan is None:
            comp = self.doc.comparison
            doc.setPlainText("Analysing…" if comp is None and self.doc.articles else
                             "Add at least two articles to compare them side by side.")
            self._show_document(doc, key)
            return
        build = Build(doc, plan)
        self._writer = RowWriter(self.theme, self.doc.outlet,
                                 lambda aid: outlet_color(self.doc.color_index(aid)))
        self._writer.header(build)
        self._show_document(doc, key)
        self._build = build
        self._build_slice()

    def _build_slice(self) -> None:
        build = self._build
        if build is None:
            return
        deadline = time.perf_counter() + SLICE_MS / 1000
        while not build.done:
            self._writer.append_row(build)
            if time.perf_counter() > deadline:
                break
        self.row_cursor, self.row_cells = build.row_cursor, build.row_cells
        self._run_pending_scroll()
        if build.done:
            self._build = None
        else:
            self._slice_timer.start()

    def finish_build(self) -> None:
        """Complete the shown document now (tests, screenshots, reading the text)."""
        if self._plan is not None and self._plan[0] != self._shown_key:
            self._start_document()
        while self._build is not None:
            self._build_slice()
        self._slice_timer.stop()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._start_document()

    # ---- navigation ---------------------------------------------------------------------------
    def _anchor(self, url: QUrl) -> None:
        s = url.toString()
        if s.startswith("finding:"):
            self.findingActivated.emit(s.split(":", 1)[1])

    def row_of(self, fact: str | None = None, article: str | None = None,
               offset: int | None = None) -> int:
        for i, row in enumerate(self.shown_rows):
            if fact is not None and row.fact == fact:
                return i
        if article is not None and offset is not None:
            side = "left" if article == self.left_id else "right" if article == self.right_id else None
            for i, row in enumerate(self.shown_rows):
                sents = row.left if side == "left" else row.right if side == "right" else []
                if any(s.start <= offset < s.end for s in sents):
                    return i
        return -1

    def scroll_to_row(self, i: int, flash: bool = True) -> None:
        """Scroll row ``i`` of ``shown_rows`` a quarter down the view and flash it: now if it is
        built, else as soon as the building slices get there."""
        if not 0 <= i < len(self.shown_rows):
            return
        self._pending_scroll = (i, flash)
        self._run_pending_scroll()

    def _run_pending_scroll(self) -> None:
        """Scroll to the row asked for once it is built and there is enough below it to put it a
        quarter down the view (or the document is complete)."""
        pending = self._pending_scroll
        if pending is None or self._shown_key != self._built_for or pending[0] >= len(self.row_cursor):
            return
        i, flash = pending
        cur = QTextCursor(self.browser.document())
        cur.setPosition(self.row_cursor[i])
        rect = self.browser.cursorRect(cur)
        bar = self.browser.verticalScrollBar()
        if self._build is not None:
            below = self.browser.document().size().height() - (rect.top() + bar.value())
            if below < self.browser.viewport().height() * 3 // 4:
                return
        self._pending_scroll = None
        bar.setValue(bar.value() + rect.top() - self.browser.viewport().height() // 4)
        if flash:
            self.flash_row(i)

    def flash_row(self, i: int) -> None:
        if not 0 <= i < len(self.row_cells):
            return
        sels = []
        ls, le, rs, re_ = self.row_cells[i]
        for s, e in ((ls, le), (rs, re_)):
            sel = QTextEdit.ExtraSelection()
            c = QTextCursor(self.browser.document())
            c.setPosition(s)
            c.setPosition(e, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = c
            f = QTextCharFormat()
            f.setBackground(QColor(self.theme.flash))
            sel.format = f
            sels.append(sel)
        self.browser.setExtraSelections(sels)
        self._flash_timer.start(900)

    def show_finding(self, f: Finding) -> bool:
        """Put the finding's outlets on the two sides and scroll to it.  Returns whether it showed."""
        self.current_finding = f.id
        arts = list(f.articles)
        ids = [a.id for a in self.doc.shown_articles()]
        arts = [a for a in arts if a in ids]
        ref = self.doc.shown_reference()
        if len(arts) >= 2:
            left, right = arts[0], arts[1]
            if self.left_id in arts and self.right_id in arts:
                left, right = self.left_id, self.right_id
            elif ref in arts:
                left = ref
                right = next(a for a in arts if a != left)
            self.left_id, self.right_id = left, right
        elif len(arts) == 1 and arts[0] not in (self.left_id, self.right_id):
            if self.left_id == ref or arts[0] == ref:
                self.left_id, self.right_id = (arts[0], self.right_id) if arts[0] == ref \
                    else (self.left_id, arts[0])
            else:
                self.right_id = arts[0]
            if self.left_id == self.right_id:
                self.right_id = next((i for i in ids if i != self.left_id), None)
        self._select_boxes()
        self.rebuild(force=False)
        row = -1
        if f.spans:
            sp = next((s for s in f.spans if s.article in (self.left_id, self.right_id)), f.spans[0])
            row = self.row_of(article=sp.article, offset=sp.start)
        if row < 0 and f.fact:
            row = self.row_of(fact=f.fact)
        if row < 0 and self.only_diffs:
            self.set_only_diffs(False)
            return self.show_finding(f)
        self.scroll_to_row(row)
        return row >= 0

    def show_fact(self, fact_id: str, article_id: str | None) -> None:
        ref = self.doc.shown_reference()
        if article_id and article_id != ref:
            self.left_id, self.right_id = ref, article_id
        elif article_id == ref and self.left_id != ref:
            self.left_id = ref
        if self.left_id == self.right_id:
            self.right_id = next((a.id for a in self.doc.shown_articles() if a.id != self.left_id),
                                 None)
        self._select_boxes()
        self.rebuild(force=False)
        row = self.row_of(fact=fact_id)
        if row < 0 and self.only_diffs:
            self.set_only_diffs(False)
            row = self.row_of(fact=fact_id)
        self.scroll_to_row(row)
