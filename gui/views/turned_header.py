"""A horizontal table header that can draw chosen sections' names turned a quarter (read bottom to
top), so that a column needs only its values' width: with more outlets than fit side by side with
their names whole (nine at 1366x768), the Metrics and Voices tables turn the outlet headers instead of
cutting the names to "m…" (``charts.ColumnFit``).  The other sections are drawn as Qt draws them."""
from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QIcon
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader

TURNED_MAX_PX = 190     # a turned name longer than this is cut at its end (whole on hover)
TURNED_PAD_PX = 14      # above and below a turned name; beside it, the sort arrow
CHIP_PX = 10            # an outlet's colour chip, under its turned name


class TurningHeader(QHeaderView):
    def __init__(self, parent=None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.turned: frozenset[int] = frozenset()
        self.setSectionsClickable(True)
        self.setHighlightSections(True)

    def set_turned(self, sections) -> None:
        """Draw the names of ``sections`` (logical indices) turned; the others upright."""
        turned = frozenset(sections)
        if turned == self.turned:
            return
        self.turned = turned
        if self.count():            # the header's height follows its contents: ask again
            self.headerDataChanged(Qt.Orientation.Horizontal, 0, self.count() - 1)
        self.viewport().update()

    def _bold(self) -> QFontMetrics:
        bold = self.font()
        bold.setBold(True)
        return QFontMetrics(bold)

    def _name(self, logical: int) -> str:
        model = self.model()
        text = model.headerData(logical, Qt.Orientation.Horizontal) if model is not None else ""
        return " ".join(str(text or "").split())

    def turned_length(self, logical: int) -> int:
        """The px a turned name takes along the section's height (cut at TURNED_MAX_PX)."""
        return min(self._bold().horizontalAdvance(self._name(logical)), TURNED_MAX_PX)

    def sectionSizeFromContents(self, logical: int) -> QSize:  # noqa: N802 (Qt name)
        size = super().sectionSizeFromContents(logical)
        if logical not in self.turned:
            return size
        height = self.turned_length(logical) + 2 * TURNED_PAD_PX + CHIP_PX
        return QSize(self._bold().height() + TURNED_PAD_PX, max(size.height(), height))

    def paintSection(self, painter, rect: QRect, logical: int) -> None:  # noqa: N802 (Qt name)
        if logical not in self.turned:
            super().paintSection(painter, rect, logical)
            return
        opt = QStyleOptionHeader()
        self.initStyleOptionForIndex(opt, logical)
        opt.rect = rect
        opt.text = ""
        opt.icon = QIcon()
        painter.save()
        self.style().drawControl(QStyle.ControlElement.CE_Header, opt, painter, self)
        fm = self._bold()
        font = self.font()
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(self.palette().color(self.foregroundRole()))
        colour = self.model().headerData(logical, Qt.Orientation.Horizontal,
                                         Qt.ItemDataRole.DecorationRole)
        bottom = rect.bottom() - TURNED_PAD_PX // 2
        if isinstance(colour, QColor):
            painter.fillRect(QRect(rect.center().x() - CHIP_PX // 2, bottom - CHIP_PX, CHIP_PX, CHIP_PX),
                             colour)
            bottom -= CHIP_PX + 4
        length = max(0, bottom - rect.top() - TURNED_PAD_PX)
        text = fm.elidedText(self._name(logical), Qt.TextElideMode.ElideRight, length)
        # Turned a quarter to the left about the name's start, at the foot of the section.
        painter.translate(rect.center().x() + fm.ascent() // 2 - fm.descent() // 2, bottom)
        painter.rotate(-90)
        painter.drawText(0, 0, text)
        painter.restore()
