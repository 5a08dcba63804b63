"""Small dialogs: paste an article, add a link, rename an outlet, see and restore removed lines.

Each is reached through one module-level ``ask_*`` function, so tests can replace that function
instead of driving a modal dialog.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from analysis.model import Article


@dataclass(frozen=True)
class Pasted:
    outlet: str
    title: str
    text: str


class PasteDialog(QDialog):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Paste article")
        self.outlet = QLineEdit()
        self.outlet.setPlaceholderText("e.g. Reuters (optional: found from the text when empty)")
        self.title = QLineEdit()
        self.title.setPlaceholderText("optional: the first line is used when empty")
        self.text = QPlainTextEdit(text)
        self.text.setAccessibleName("Article text")
        self.text.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow("&Outlet:", self.outlet)
        form.addRow("&Title:", self.title)
        form.addRow("Te&xt:", self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(640, 480)

    def value(self) -> Pasted:
        return Pasted(self.outlet.text().strip(), self.title.text().strip(), self.text.toPlainText())


def ask_paste(parent: QWidget, clipboard_text: str) -> Pasted | None:
    dlg = PasteDialog(clipboard_text, parent)
    dlg.outlet.setFocus()
    return dlg.value() if dlg.exec() == QDialog.DialogCode.Accepted else None


def ask_link(parent: QWidget) -> str | None:
    url, ok = QInputDialog.getText(parent, "Add link", "Article URL (fetched from this machine):")
    return url.strip() if ok else None


def ask_outlet_name(parent: QWidget, current: str) -> str | None:
    name, ok = QInputDialog.getText(parent, "Rename outlet", "Outlet name:", text=current)
    return name.strip() if ok and name.strip() else None


class RemovedDialog(QDialog):
    """The lines the cleaner removed from one article, with a tick to restore each."""

    def __init__(self, article: Article, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Removed lines — {article.outlet}")
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Restore", "Line", "Reason", "Text"])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for r in article.removed:
            # Plain-text items: Qt does not interpret item text as markup.
            item = QTreeWidgetItem(["", str(r.line + 1), r.reason, r.text])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Unchecked)
            item.setData(0, Qt.ItemDataRole.UserRole, r.line)
            item.setToolTip(3, r.text)
            self.tree.addTopLevelItem(item)
        for col in range(3):
            self.tree.resizeColumnToContents(col)
        info = QLabel(f"{len(article.removed)} line(s) were removed as boilerplate. Tick the ones to "
                      "put back (Space toggles) and press Restore.")
        info.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore = buttons.addButton("&Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(760, 420)

    def chosen(self) -> list[int]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.checkState(0) == Qt.CheckState.Checked:
                out.append(int(item.data(0, Qt.ItemDataRole.UserRole)))
        return out


def ask_restore(parent: QWidget, article: Article) -> list[int] | None:
    dlg = RemovedDialog(article, parent)
    dlg.tree.setFocus()
    if dlg.tree.topLevelItemCount():
        dlg.tree.setCurrentItem(dlg.tree.topLevelItem(0))
    return dlg.chosen() if dlg.exec() == QDialog.DialogCode.Accepted else None


# ---- batch index ---------------------------------------------------------------------------------

INDEX_FILTER = "Batch index (index.json *.json);;All files (*)"


def ask_batch_index(parent: QWidget) -> str | None:
    from PySide6.QtWidgets import QFileDialog
    path, _ = QFileDialog.getOpenFileName(parent, "Open batch index", "", INDEX_FILTER)
    return path or None


def ask_batch_event(parent: QWidget, events: list) -> int | None:
    """The events of a batch index (``IndexedEvent``s) in a list; the position chosen, or None."""
    from PySide6.QtWidgets import QListWidget
    dlg = QDialog(parent)
    dlg.setWindowTitle("Open an event of the batch")
    listing = QListWidget()
    listing.setAccessibleName("Events")
    for e in events:
        listing.addItem(e.line())
    listing.setCurrentRow(0)
    listing.itemActivated.connect(lambda _: dlg.accept())
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dlg.accept)
    buttons.rejected.connect(dlg.reject)
    layout = QVBoxLayout(dlg)
    layout.addWidget(QLabel("Choose the event to compare:"))
    layout.addWidget(listing)
    layout.addWidget(buttons)
    dlg.resize(720, 420)
    if dlg.exec() != QDialog.DialogCode.Accepted or listing.currentRow() < 0:
        return None
    return listing.currentRow()


# ---- review sessions ----------------------------------------------------------------------------

SESSION_FILTER = "Parallax review sessions (*.parallax);;All files (*)"


def ask_open_session(parent: QWidget, folder: str) -> str | None:
    from PySide6.QtWidgets import QFileDialog
    path, _ = QFileDialog.getOpenFileName(parent, "Open review session", folder, SESSION_FILTER)
    return path or None


def ask_open_read_only(parent: QWidget, message: str) -> bool:
    """Asked when the session is open in another Parallax: open it read-only here?  Tests replace it."""
    from PySide6.QtWidgets import QMessageBox
    box = QMessageBox(QMessageBox.Icon.Question, "Session in use", message, parent=parent)
    read_only = box.addButton("Open read-only", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(read_only)
    box.exec()
    return box.clickedButton() is read_only


def ask_save_session(parent: QWidget, title: str, suggested: str) -> str | None:
    """A save dialog for a ``.parallax`` file: it adds the suffix itself, so the overwrite question
    it asks is about the file that will really be written."""
    from PySide6.QtWidgets import QFileDialog
    dlg = QFileDialog(parent, title, suggested, SESSION_FILTER)
    dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dlg.setFileMode(QFileDialog.FileMode.AnyFile)
    dlg.setDefaultSuffix("parallax")
    if dlg.exec() != QDialog.DialogCode.Accepted or not dlg.selectedFiles():
        return None
    return dlg.selectedFiles()[0]
