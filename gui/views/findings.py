"""The findings tab: the review queue as a sortable table, with filters by kind, outlet and verdict.

Its current row *is* the window's current finding: J/K and Alt+Down/Up move it (``step``, or the
window's "next unreviewed" over ``queue()``) in the order the table shows, so filters and sorting
decide what "next" means, as in a review queue.  A finding reviewed while a verdict filter hides
reviewed ones stays in view until the next move, so a severity or note can follow the verdict.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from analysis.model import Finding
from analysis.vocabulary.kinds import label as kind_label

from ..charts import header_width
from ..document import Document
from ..models.findings import COLUMNS, FINDING_ROLE, FindingsFilter, FindingsModel
from .elide import KeyElideDelegate

FACT_SHARE = 0.3          # of the width the two sentence columns share; the evidence gets the rest
FACT_MIN_PX = 80
OUTLETS_PX = 140          # the outlets column ("Los Angeles Times, …": full names on hover), shown
SENTENCES_MIN_PX = 480    # while Fact and Evidence keep this much beside it; else it folds away:
                          # the evidence names the outlets (at 1366x768 with both panes open the
                          # table is some 770 px wide, and the Fact was cut to 80 px)
KIND_MAX_PX = 200         # a kind's label wider than this is cut (its row's tooltip names it)
CELL_PAD_PX = 14          # a cell's text margins and grid line beside its text
SCORE_SAMPLE = "0.00"


class FindingsView(QWidget):
    currentFindingChanged = Signal(object)      # Finding or None

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = document
        self.model = FindingsModel(self)
        self.proxy = FindingsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.kind_box = QComboBox()
        self.kind_box.setAccessibleName("Filter by kind")
        self.outlet_box = QComboBox()
        self.outlet_box.setAccessibleName("Filter by outlet")
        self.verdict_box = QComboBox()
        self.verdict_box.setAccessibleName("Filter by verdict")
        for label, value in (("Any verdict", ""), ("Not reviewed", "unreviewed"),
                             ("Reviewed", "reviewed"), ("✓ Confirmed", "confirmed"),
                             ("✗ Dismissed", "dismissed"), ("⚑ Flagged", "flagged")):
            self.verdict_box.addItem(label, value)
        self.text = QLineEdit()
        self.text.setPlaceholderText("Filter findings (Ctrl+F)")
        self.text.setClearButtonEnabled(True)
        self.text.setAccessibleName("Filter findings")
        self.count = QLabel()
        self.count.setObjectName("muted")
        bar = QHBoxLayout()
        bar.addWidget(self.text, 2)
        bar.addWidget(self.kind_box, 1)
        bar.addWidget(self.outlet_box, 1)
        bar.addWidget(self.verdict_box)
        bar.addWidget(self.count)

        self.table = QTableView()
        self.table.setObjectName("findingsTable")
        self.table.setAccessibleName("Findings")
        self.table.setModel(self.proxy)
        # The engine's order is by score, strongest first; show that as the sort without re-sorting.
        header = self.table.horizontalHeader()
        header.setSortIndicator(COLUMNS.index("Score"), Qt.SortOrder.DescendingOrder)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.sortIndicatorChanged.connect(self.proxy.sort)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        # Fixed widths, never ResizeToContents: measuring thousands of rows stalls the GUI thread.
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Fact and Evidence share what is left: both are sentences, the evidence (which names the
        # loaded word, the verb, the outlets) gets most of it (``resizeEvent``).
        h.setSectionResizeMode(COLUMNS.index("Evidence"), QHeaderView.ResizeMode.Stretch)
        # Cut in the middle, never at the word the finding is about (the whole text on hover).
        self.evidence_delegate = KeyElideDelegate(self.table)
        self.table.setItemDelegateForColumn(COLUMNS.index("Evidence"), self.evidence_delegate)
        self._fit_columns()
        self.table.viewport().installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(self._current)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.table)
        self.setTabOrder(self.text, self.kind_box)
        self.setTabOrder(self.kind_box, self.outlet_box)
        self.setTabOrder(self.outlet_box, self.verdict_box)
        self.setTabOrder(self.verdict_box, self.table)

        self.text.textChanged.connect(lambda t: self._filter(text=t))
        self.kind_box.currentIndexChanged.connect(
            lambda: self._filter(kind=self.kind_box.currentData() or ""))
        self.outlet_box.currentIndexChanged.connect(
            lambda: self._filter(article=self.outlet_box.currentData() or ""))
        self.verdict_box.currentIndexChanged.connect(
            lambda: self._filter(verdict=self.verdict_box.currentData() or ""))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt name)
        # The table's own width, not the tab's: a tab resized while hidden lays its table out only
        # when shown (the Fact was then fitted to a stale width: 80 px where 140 fit).
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self._fit_columns()
        return False

    def _fit_columns(self) -> None:
        """Kind as wide as the widest kind shown, Score as its figures, Verdict as its words (the
        header alone while nothing is reviewed: a wide empty column took the sentences' room), the
        Outlets where the sentences keep room enough beside them (their names are in the evidence
        and on hover), the Fact a share of what is left and the Evidence the rest (it stretches)."""
        h = self.table.horizontalHeader()
        fm = self.table.fontMetrics()

        def fit(name: str, texts) -> int:
            cells = max((fm.horizontalAdvance(t) for t in texts if t), default=0) + CELL_PAD_PX
            return max(header_width(self.table, name), cells)
        kinds = {kind_label(f.kind) for f in self.model.findings}
        for name, width in (("Kind", min(KIND_MAX_PX, fit("Kind", kinds))),
                            ("Score", fit("Score", [SCORE_SAMPLE])),
                            ("Verdict", fit("Verdict", self.model.review_texts()))):
            h.resizeSection(COLUMNS.index(name), width)
        fixed = sum(h.sectionSize(c) for c, name in enumerate(COLUMNS)
                    if name not in ("Fact", "Evidence", "Outlets"))
        room = self.table.viewport().width() - fixed
        outlets = COLUMNS.index("Outlets")
        fold = room - OUTLETS_PX < SENTENCES_MIN_PX
        self.table.setColumnHidden(outlets, fold)
        if not fold:
            h.resizeSection(outlets, OUTLETS_PX)
            room -= OUTLETS_PX
        h.resizeSection(COLUMNS.index("Fact"), max(FACT_MIN_PX, int(room * FACT_SHARE)))

    def refresh(self) -> None:
        current = self.current()
        comp = self.doc.comparison
        arts = self.doc.compared_articles()
        self.model.set_comparison(comp, {a.id: a.outlet for a in arts})
        for box, items, label in (
                (self.kind_box, sorted({f.kind for f in comp.findings}) if comp else [], "Any kind"),
                (self.outlet_box, [a.id for a in arts], "Any outlet")):
            keep = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(label, "")
            for item in items:
                box.addItem(kind_label(item) if box is self.kind_box else self.doc.outlet(item), item)
            i = box.findData(keep)
            box.setCurrentIndex(max(0, i))
            box.blockSignals(False)
        self._filter(kind=self.kind_box.currentData() or "",
                     article=self.outlet_box.currentData() or "")
        self._fit_columns()
        if current is not None:
            self.select(current.id, emit=False)

    def set_reviews(self, reviews, keys=None) -> None:
        """New reviews.  With a verdict filter on, the rows are filtered again at the next move
        (``refilter``), not now: the finding just reviewed must not vanish from under the keys."""
        self.model.set_reviews(reviews, keys)
        self._fit_columns()
        self._stale = bool(self.proxy.verdict or self.proxy.text)

    def set_theme(self, theme) -> None:
        self.model.theme = theme
        self.model.set_reviews(self.model.reviews)

    def refilter(self) -> None:
        """Apply the filters to reviews made since the last move, keeping the current finding."""
        if not getattr(self, "_stale", False):
            return
        self._stale = False
        current = self.current()
        sm = self.table.selectionModel()
        sm.blockSignals(True)          # the caller selects the next finding itself
        try:
            self._filter()
            if current is not None and not self.select(current.id, emit=False):
                # Filtered out: Qt moved the current row to a neighbour without telling anyone.
                # Clear it, so that selecting that neighbour next is a change the window hears of.
                sm.clear()
        finally:
            sm.blockSignals(False)

    def queue(self) -> list[Finding]:
        """The findings in the order the table shows them, filters applied."""
        return self.proxy.accepted()

    def _filter(self, **kw) -> None:
        self.proxy.set_filters(**kw)
        self._count()

    def _count(self) -> None:
        self.count.setText(f"{self.proxy.rowCount()} of {self.model.rowCount()}")

    def current(self) -> Finding | None:
        index = self.table.currentIndex()
        return self.proxy.data(index, FINDING_ROLE) if index.isValid() else None

    def _current(self, current: QModelIndex, previous: QModelIndex) -> None:
        self.currentFindingChanged.emit(self.proxy.data(current, FINDING_ROLE)
                                        if current.isValid() else None)

    def select(self, finding_id: str, emit: bool = True) -> bool:
        for row, f in enumerate(self.proxy.accepted()):
            if f.id == finding_id:
                self._set_row(row, emit)
                return True
        return False

    def _set_row(self, row: int, emit: bool = True) -> None:
        index = self.proxy.index(row, 0)
        sm = self.table.selectionModel()
        if not emit:
            sm.blockSignals(True)
        sm.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                           | QItemSelectionModel.SelectionFlag.Rows)
        if not emit:
            sm.blockSignals(False)
            self.table.viewport().update()
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def step(self, delta: int) -> Finding | None:
        """Move to the next (+1) or previous (-1) finding in table order; stops at the ends."""
        n = self.proxy.rowCount()
        if n == 0:
            return None
        index = self.table.currentIndex()
        row = index.row() + delta if index.isValid() else (0 if delta > 0 else n - 1)
        row = min(max(row, 0), n - 1)
        self._set_row(row)
        return self.current()
