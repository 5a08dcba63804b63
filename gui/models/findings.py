"""Findings as a sortable, filterable table: kind, outlets, fact, evidence, score, verdict.

Reviews are not part of the engine's model: they come from the review session (``finding id ->
Review``, held by the window's ``SessionHost``); ``set_reviews`` refreshes the rows.  Reviewed rows
look different: the verdict column reads "✓ Confirmed ●● ✎" (mark, severity dots, ✎ when there is a
note, whose text is the cell's tool tip) in the verdict's colour, and dismissed rows are dimmed.
"""
from __future__ import annotations

from typing import Mapping

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from analysis.model import Comparison, Finding
from analysis.vocabulary.kinds import label as kind_label
from analysis.vocabulary.reviews import Review
from analysis.vocabulary.wording import in_words

from ..review import describe, severity_label, verdict_color, verdict_label
from ..theme import LIGHT, Theme
from ..views.elide import KEY_ROLE

COLUMNS = ("Kind", "Outlets", "Fact", "Evidence", "Score", "Verdict")
VERDICT_ORDER = {"": 0, "flagged": 1, "confirmed": 2, "dismissed": 3}
_NONE = Review(key="")
FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


def _review_text(r: Review, verdict: str) -> str:
    """"✓ Confirmed  ●●  ✎": the verdict, its severity dots and ✎ for a note."""
    parts = [verdict_label(verdict), severity_label(r.severity), "✎" if r.note else ""]
    return "  ".join(p for p in parts if p)


class FindingsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.findings: tuple[Finding, ...] = ()
        self.outlets: dict[str, str] = {}
        self.fact_labels: dict[str, str] = {}
        self.reviews: Mapping[str, Review] = {}
        self.theme: Theme = LIGHT

    def set_comparison(self, comparison: Comparison | None, outlets: dict[str, str]) -> None:
        self.beginResetModel()
        # The engine sorts by score, strongest first: the table's default order, no sort needed.
        self.findings = comparison.findings if comparison is not None else ()
        self.outlets = outlets
        self.fact_labels = {f.id: f.label for f in comparison.facts} if comparison else {}
        self._evidence: dict[str, str] = {}
        self.endResetModel()

    def evidence(self, f: Finding) -> str:
        """The finding's evidence with outlet names instead of ids (worked out once per finding)."""
        text = self._evidence.get(f.id)
        if text is None:
            text = self._evidence[f.id] = in_words(f.evidence, self.outlets)
        return text

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sort in Python (one key per row) rather than by Qt's pairwise data() calls: with thousands
        of findings the proxy's own sort takes a second on the GUI thread; this takes milliseconds."""
        if not 0 <= column < len(COLUMNS):
            return
        name = COLUMNS[column]
        keys = {
            "Kind": lambda f: kind_label(f.kind),
            "Outlets": self.outlet_names,
            "Fact": lambda f: self.fact_labels.get(f.fact or "", ""),
            "Evidence": self.evidence,
            "Score": lambda f: f.score,
            "Verdict": self.verdict_sort_key,
        }
        self.layoutAboutToBeChanged.emit()
        old = list(self.findings)
        self.findings = tuple(sorted(old, key=keys[name],
                                     reverse=order == Qt.SortOrder.DescendingOrder))
        # Keep selections and the current row on the same findings.
        where = {f.id: n for n, f in enumerate(self.findings)}
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(persistent, [
            self.index(where[old[i.row()].id], i.column()) for i in persistent])
        self.layoutChanged.emit()

    def review(self, f: Finding) -> Review:
        return self.reviews.get(f.id) or _NONE

    def verdict(self, f: Finding) -> str:
        """"" when not reviewed, else "confirmed" / "dismissed" / "flagged"."""
        r = self.reviews.get(f.id)
        return r.verdict if r is not None and r.reviewed else ""

    def rows(self) -> dict[str, list[int]]:
        """finding id -> its row(s), built once per order of the findings."""
        if getattr(self, "_rows_for", None) is not self.findings:
            self._rows: dict[str, list[int]] = {}
            for row, f in enumerate(self.findings):
                self._rows.setdefault(f.id, []).append(row)
            self._rows_for = self.findings
        return self._rows

    def verdict_sort_key(self, f: Finding) -> tuple:
        r = self.review(f)
        return VERDICT_ORDER.get(self.verdict(f), 0), -(r.severity or 0), not r.note

    def review_text(self, f: Finding) -> str:
        return _review_text(self.review(f), self.verdict(f))

    def review_texts(self) -> set[str]:
        """The Verdict column's texts of the findings shown that have a review (a few distinct ones)."""
        rows = self.rows()
        return {_review_text(r, r.verdict if r.reviewed else "") for key, r in self.reviews.items()
                if key in rows}

    def set_reviews(self, reviews: Mapping[str, Review], keys=None) -> None:
        """New reviews; ``keys`` (when known) are the findings whose review changed."""
        self.reviews = reviews
        if not self.findings:
            return
        last = len(COLUMNS) - 1
        if keys is not None and len(keys) <= 8:
            rows = self.rows()
            for key in keys:           # whole row: a dismissed row is dimmed in every column
                for row in rows.get(key, ()):
                    self.dataChanged.emit(self.index(row, 0), self.index(row, last))
            return
        self.dataChanged.emit(self.index(0, 0), self.index(len(self.findings) - 1, last))

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.findings)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    @staticmethod
    def evidence_key(f: Finding) -> str:
        """The word the evidence is about (the loaded word, the verb, the hedge), kept whole when the
        Evidence column is cut: the finding's ``term``, else the first outlet's term."""
        def word(value) -> bool:          # a sentiment's "-0.40" is a figure, not a word to keep
            return isinstance(value, str) and any(c.isalpha() for c in value)
        term = f.data.get("term")
        if word(term):
            return term
        terms = f.data.get("terms")
        if isinstance(terms, Mapping):
            return next((terms[a] for a in f.articles if word(terms.get(a))), "")
        return ""

    def outlet_names(self, f: Finding) -> str:
        return ", ".join(self.outlets.get(a, a) for a in f.articles)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        f = self.findings[index.row()]
        col = COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            if col == "Kind":
                return kind_label(f.kind)
            if col == "Outlets":
                return self.outlet_names(f)
            if col == "Fact":
                return self.fact_labels.get(f.fact or "", "") if f.fact else ""
            if col == "Evidence":
                return self.evidence(f)
            if col == "Score":
                return f"{f.score:.2f}" if role == Qt.ItemDataRole.DisplayRole else f.score
            if col == "Verdict":
                return self.review_text(f) if role == Qt.ItemDataRole.DisplayRole \
                    else self.verdict_sort_key(f)
        if role == Qt.ItemDataRole.ForegroundRole:
            v = self.verdict(f)
            if v == "dismissed" or (v and col == "Verdict"):
                return QColor(verdict_color(v, self.theme))
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            r = self.review(f)
            if col == "Verdict" and not r.empty:
                return describe(r) + (f"\n\n{r.note}" if r.note else "")
            # The outlets too: their column folds away in a narrow window.
            return (f"{kind_label(f.kind)} — {self.evidence(f)}\nOutlets: {self.outlet_names(f)}"
                    f"\nRule: {f.rule or '—'}")
        if role == Qt.ItemDataRole.TextAlignmentRole and col == "Score":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == FINDING_ROLE:
            return f
        if role == KEY_ROLE and col == "Evidence":
            return self.evidence_key(f)
        return None


class FindingsFilter(QSortFilterProxyModel):
    """Filter by kind, outlet, verdict and free text (evidence, fact, outlets)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.kind = ""
        self.article = ""
        self.verdict = ""          # "", "unreviewed", "reviewed", or a verdict name
        self.text = ""
        # The reviews as they were when the filters were last applied: a finding reviewed since
        # stays in (or out of) view until the next filtering, and ``accepted`` agrees with the rows.
        self.seen: Mapping[str, Review] = {}
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(False)
        # Which source rows pass, worked out in one Python pass per filtering (all of them at once
        # when no filter is set): Qt asks ``filterAcceptsRow`` for every one of thousands of rows,
        # and each of those calls must then be a look-up.
        self._model: FindingsModel | None = None
        self._flags: list[bool] | None = None
        self._flags_for: tuple | None = None        # the source's findings the flags are for
        self._state: tuple | None = None            # the filters when last applied

    def setSourceModel(self, model) -> None:  # noqa: N802
        self._model = model
        self._flags = None
        super().setSourceModel(model)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        # Sorting happens in the source model (fast, in Python); the proxy only filters.
        self.sourceModel().sort(column, order)

    def set_filters(self, kind: str | None = None, article: str | None = None,
                    verdict: str | None = None, text: str | None = None) -> None:
        if kind is not None:
            self.kind = kind
        if article is not None:
            self.article = article
        if verdict is not None:
            self.verdict = verdict
        if text is not None:
            self.text = text.lower().strip()
        model = self.sourceModel()
        seen = dict(model.reviews) if model is not None else {}
        state = (self.kind, self.article, self.verdict, self.text)
        if (state == self._state and seen == self.seen and model is not None
                and self._flags is not None and self._flags_for is model.findings):
            return              # the rows shown already are these filters' rows
        self.seen = seen
        self._state = state
        self._accepted = None
        self._flags = None
        self.beginFilterChange()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def _row_flags(self) -> list[bool]:
        model: FindingsModel = self._model or self.sourceModel()
        if self._flags is None or self._flags_for is not model.findings:
            if self.kind or self.article or self.verdict or self.text:
                accepts = self.accepts
                self._flags = [accepts(model, f) for f in model.findings]
            else:
                self._flags = [True] * len(model.findings)
            self._flags_for = model.findings
        return self._flags

    def filterAcceptsRow(self, row: int, parent) -> bool:  # noqa: N802
        flags = self._flags
        if flags is None or self._flags_for is not self._model.findings:
            flags = self._row_flags()
        return flags[row]

    def accepted(self) -> list[Finding]:
        """The rows this proxy shows, in order, computed in Python: the proxy does not sort (the
        source model does), so they are the source's findings that pass the filters.  Thousands of
        ``data()`` calls through Qt would take a good part of a second; this takes milliseconds."""
        model: FindingsModel = self.sourceModel()
        cached = getattr(self, "_accepted", None)
        if cached is not None and cached[0] is model.findings:
            return cached[1]
        rows = [f for f, ok in zip(model.findings, self._row_flags()) if ok]
        self._accepted = (model.findings, rows)    # a new order or comparison is a new tuple
        return rows

    def accepts(self, model: FindingsModel, f: Finding) -> bool:
        if self.kind and f.kind != self.kind:
            return False
        if self.article and self.article not in f.articles:
            return False
        seen = self.seen.get(f.id)
        verdict = seen.verdict if seen is not None and seen.reviewed else ""
        if self.verdict == "unreviewed" and verdict:
            return False
        if self.verdict == "reviewed" and not verdict:
            return False
        if self.verdict not in ("", "unreviewed", "reviewed") and verdict != self.verdict:
            return False
        if self.text:
            hay = " ".join((f.kind, f.evidence, f.rule, model.outlet_names(f),
                            model.fact_labels.get(f.fact or "", ""),
                            seen.note if seen is not None else "")).lower()
            if self.text not in hay:
                return False
        return True
