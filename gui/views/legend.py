"""The side-by-side legend: diff colours, the framing-flag underline styles and how a reviewed flag
looks (bold: confirmed, bold and overlined: flagged, faded: dismissed), drawn, not described."""
from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen, QTextCharFormat
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..theme import LIGHT, STRONG_MARK_FAMILIES, UNDERLINES, Theme, legend_families, role_colour

US = QTextCharFormat.UnderlineStyle


class Legend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme: Theme = LIGHT
        self.families = legend_families()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Legend")
        self.setAccessibleDescription(
            "Orange: words only the left outlet has. Blue: words only the right outlet has. "
            + " ".join(f"{f.label} underline." for f in self.families)
            + " Loaded and evaluative words are also coloured and in italics."
            + " Reviewed flags: bold when confirmed, bold and overlined when flagged, faded when"
              " dismissed.")

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.update()

    def _entries(self) -> list[tuple[str, str, object]]:
        out: list[tuple[str, str, object]] = [
            ("Only left", self.theme.diff_left, "fill"),
            ("Only right", self.theme.diff_right, "fill"),
            ("Not covered", self.theme.gap, "fill"),
        ]
        out += [(f.label, self.theme.loaded_text if f.name in STRONG_MARK_FAMILIES else role_colour(f.colour_role),
                 ("strong", UNDERLINES[f.mark]) if f.name in STRONG_MARK_FAMILIES else UNDERLINES[f.mark])
                for f in self.families]
        out += [("✓ confirmed", self.theme.text, "bold"), ("⚑ flagged", self.theme.text, "overline"),
                ("✗ dismissed", self.theme.muted, "faded")]
        return out

    def _layout(self, width: int) -> list[tuple[float, float]]:
        """Top-left of each entry, wrapping to a new line when the next would not fit."""
        fm = QFontMetrics(self.font())
        row_h = fm.height() + 6
        x, y, out = 4.0, 3.0, []
        for label, _, _ in self._entries():
            w = 28 + fm.horizontalAdvance(label) + 16
            if x > 4 and x + w > width:
                x, y = 4.0, y + row_h
            out.append((x, y))
            x += w
        return out

    def sizeHint(self) -> QSize:
        fm = QFontMetrics(self.font())
        rows = len({y for _, y in self._layout(max(200, self.width()))})
        return QSize(600, rows * (fm.height() + 6) + 4)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        height = self.sizeHint().height()
        if height != self.height():
            self.setFixedHeight(height)

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetrics(self.font())
        h = fm.height()
        text = QColor(self.theme.text)
        for (label, color, style), (x, y) in zip(self._entries(), self._layout(self.width())):
            sample = QRectF(x, y + 2, 22, h - 4)
            if style == "fill":
                p.fillRect(sample, QColor(color))
                p.setPen(QColor(self.theme.border))
                p.drawRect(sample)
            elif isinstance(style, tuple):          # loaded words: the sample as they are drawn
                font = QFont(self.font())
                font.setItalic(True)
                p.setFont(font)
                p.setPen(QColor(color))
                p.drawText(QRectF(x, y, 26, h), Qt.AlignmentFlag.AlignVCenter, "Ab")
                p.setFont(self.font())
                self._underline(p, sample, QColor(color), style[1])
            elif style in ("bold", "overline", "faded"):
                font = QFont(self.font())
                font.setWeight(QFont.Weight.DemiBold if style != "faded" else QFont.Weight.Normal)
                font.setOverline(style == "overline")
                p.setFont(font)
                p.setPen(QColor(color))
                p.drawText(QRectF(x, y, 26, h), Qt.AlignmentFlag.AlignVCenter, "Ab")
                p.setFont(self.font())
            else:
                self._underline(p, sample, QColor(color), style)
            x += 28
            p.setPen(text)
            w = fm.horizontalAdvance(label)
            p.drawText(QRectF(x, y, w + 2, h), Qt.AlignmentFlag.AlignVCenter, label)
        p.end()

    @staticmethod
    def _underline(p: QPainter, r: QRectF, color: QColor, style) -> None:
        pen = QPen(color, 2)
        yb = r.bottom() - 2
        if style == US.WaveUnderline:
            path = QPainterPath(QPointF(r.left(), yb))
            for i in range(1, 23):
                path.lineTo(r.left() + i, yb - 2 * math.sin(i * math.pi / 3))
            p.setPen(pen)
            p.drawPath(path)
            return
        pen.setStyle({US.DashUnderline: Qt.PenStyle.DashLine, US.DotLine: Qt.PenStyle.DotLine,
                      US.DashDotLine: Qt.PenStyle.DashDotLine,
                      US.DashDotDotLine: Qt.PenStyle.DashDotDotLine}.get(style, Qt.PenStyle.SolidLine))
        p.setPen(pen)
        p.drawLine(QPointF(r.left(), yb), QPointF(r.right(), yb))
