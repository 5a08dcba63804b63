"""File > Export report… (Ctrl+E): the report of the window's comparison as PDF, HTML, Markdown or JSON.

Three parts, so the GUI thread never waits on a report:

* ``ExportDialog`` (GUI thread): format, page size (PDF), reviewer, include dismissed findings, where to
  save (a save dialog; the default name is the event's title, in the last export folder), open when
  done.  The reviewer, the folder, the format and the tick boxes are remembered in QSettings.
* ``ExportController.start_export`` (GUI thread, ``gui/controllers/export.py``) reads what a worker
  thread must not: the session's reviews (a dict copy of ``SessionHost.reviews``: the ``Session``
  belongs to the GUI thread) and the outlets' colours as the window shows them, and hands an
  ``ExportJob`` to a ``gui.worker.Runner``.
* ``run_export`` (pool thread) checks the target with the one output writer
  (``analysis.export.writer``: never over an input article, a session, a link, a special or
  read-only file) and the folder with a real write, then writes the file through the writer's
  temporary file (moved into place at the end) and returns an ``ExportResult``.  Cancel (Esc) makes
  the progress callback raise ``Cancelled``: nothing is written and an existing file is kept.
  Failures come back as one line (``ParallaxError``), never a traceback.

HTML, Markdown and JSON are rendered on the pool thread (pure Python).  The PDF's report model is
built there too, but the PDF itself is drawn by a child process (``gui/report_process.py``): drawn on
a worker thread while the window runs, Qt and PySide can deadlock (the GIL against Qt's signal-slot
locks; that module says how), and a process also leaves the window's Python thread free.
"""
from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from analysis.errors import OutputError, ParallaxError
from analysis.model import Comparison

from . import settings

# id, label in the dialog, suffix, what it is for (shown under the format)
FORMATS: tuple[tuple[str, str, str, str], ...] = (
    ("pdf", "PDF", ".pdf", "Paginated, in colour, with page numbers: to print or hand on."),
    ("html", "HTML", ".html", "One self-contained file for a web browser (no scripts, nothing remote)."),
    ("markdown", "Markdown", ".md", "Plain text with tables, for notes and wikis (no colour)."),
    ("json", "JSON", ".json", "Everything in the report, untruncated, for other tools."),
)
LABELS = {f: label for f, label, _, _ in FORMATS}
SUFFIXES = {f: suffix for f, _, suffix, _ in FORMATS}
ALL_SUFFIXES = {".pdf": "pdf", ".html": "html", ".htm": "html", ".md": "markdown",
                ".markdown": "markdown", ".json": "json"}
FILTERS = {"pdf": "PDF documents (*.pdf)", "html": "HTML pages (*.html *.htm)",
           "markdown": "Markdown (*.md *.markdown)", "json": "JSON (*.json)"}
PAGE_SIZES = ("A4", "Letter")
NAME_MAX = 60                       # characters of the event title kept in the default file name

Progress = Callable[[float, str], None]


@dataclass(frozen=True)
class ExportOptions:
    """What the dialog asks."""
    path: str
    fmt: str = "pdf"
    page_size: str = "A4"
    reviewer: str = ""
    include_dismissed: bool = False
    open_when_done: bool = True
    full: bool = False              # every list and the methods, not the editor's brief


@dataclass(frozen=True)
class ExportJob:
    """Everything the pool thread needs, read on the GUI thread (no Session, no widget)."""
    comparison: Comparison
    path: str
    fmt: str
    page_size: str = "A4"
    reviewer: str = ""
    include_dismissed: bool = False
    full: bool = False
    reviews: Mapping[str, Any] = field(default_factory=dict)
    colours: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ExportResult:
    path: str
    fmt: str
    size: int                       # bytes
    seconds: float


# ---- names and paths ------------------------------------------------------------------------------

def event_title(comparison: Comparison) -> str:
    """The report's own title for the event (the headline of the best-matching article)."""
    from analysis.report.context import make_context
    from analysis.report.sections.cover import event_title as title_of
    try:
        return title_of(make_context(comparison, None, False))
    except Exception:  # noqa: BLE001 - a default name must never stop the dialog from opening
        return ""


def safe_file_name(title: str, limit: int = NAME_MAX) -> str:
    """``title`` as a file name on every platform: no ``/\\:*?"<>|`` or control characters, cut at
    a word near ``limit`` characters, no trailing dots or spaces; "Parallax report" if nothing is left."""
    name = re.sub(r'[\x00-\x1f\x7f/\\:*?"<>|]+', " ", title)
    name = re.sub(r"\s+", " ", name).strip()
    if len(name) > limit:
        cut = name[:limit + 1]
        name = cut[:cut.rfind(" ")] if " " in cut[limit // 2:] else name[:limit]
    name = name.strip(" .,;-–—")
    return name or "Parallax report"


def default_folder() -> str:
    """The last export folder if it still exists, else Documents, else the home folder."""
    last = settings.export_folder()
    if last and Path(last).is_dir():
        return last
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return docs if docs and Path(docs).is_dir() else str(Path.home())


def with_suffix(path: str, fmt: str) -> str:
    """``path`` named for ``fmt``: a missing suffix is added, another report format's is replaced,
    anything else is kept and the suffix added ("notes.txt" -> "notes.txt.pdf")."""
    if not path:
        return path
    p = Path(path)
    suffix = p.suffix.lower()
    if ALL_SUFFIXES.get(suffix) == fmt:
        return path
    if suffix in ALL_SUFFIXES:
        return str(p.with_suffix(SUFFIXES[fmt]))
    return path + SUFFIXES[fmt]


def normalise_path(text: str, folder: str) -> str:
    """What the user typed, as an absolute path (``~`` expanded; a bare name goes in ``folder``)."""
    text = text.strip()
    if not text:
        return ""
    p = Path(os.path.expanduser(text))
    if not p.is_absolute():
        p = Path(folder) / p
    return str(p)


def format_size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


# ---- the pool-thread part -------------------------------------------------------------------------

def _check_folder(path: Path) -> None:
    folder = path.parent
    if path.is_dir():
        raise ParallaxError(f"{path} is a folder: choose a file name.")
    if not folder.is_dir():
        raise ParallaxError(f"The folder {folder} does not exist.")


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__


def _inputs(comparison: Comparison) -> list[str]:
    """The files the comparison was read from: an export never replaces one of them."""
    return [a.path for a in comparison.articles if a.source_kind == "file" and a.path]


def _claim(job: ExportJob, target: Path):
    """The writer's checked target (``analysis.export.writer``), tried with a real file now (
    ``os.access`` says yes to root and ignores read-only mounts): an unwritable place fails before
    the whole PDF is laid out."""
    from analysis.export.writer import Outputs
    try:
        out = Outputs(_inputs(job.comparison)).claim(target)
    except OutputError as exc:
        raise ParallaxError(f"Cannot write {target}: {exc.reason}.") from exc
    try:
        out.probe()
    except OutputError as exc:
        raise ParallaxError(f"Cannot write in {target.parent}: {_inner(exc.reason)}.") from exc
    return out


def _inner(why: str) -> str:
    # "cannot create a file in F (permission denied)" -> "permission denied"
    return why[why.find("(") + 1:-1] if why.endswith(")") and "(" in why else why


def run_export(job: ExportJob, progress: Progress) -> ExportResult:
    """Write the report of ``job`` (runs on a pool thread: ``Runner.submit(run_export, job)``).

    ``progress`` raising (Cancel) stops it before the file is moved into place; then nothing is
    left behind.  A cancel that comes after the file is in place is too late and is ignored."""
    from analysis.report import export_report
    started = time.perf_counter()
    target = Path(job.path)
    progress(0.0, f"exporting {LABELS.get(job.fmt, job.fmt)}")
    _check_folder(target)
    if job.fmt == "pdf" and job.page_size.strip().lower() not in {p.lower() for p in PAGE_SIZES}:
        raise ParallaxError(f"The page size must be A4 or Letter, not {job.page_size!r}.")
    out = _claim(job, target)

    def forward(fraction: float, message: str) -> None:
        if fraction < 1.0:          # 1.0 comes after the rename: the file is written, keep it
            progress(fraction, message)

    try:
        if job.fmt == "pdf":
            # The report model here (pure Python); the PDF in a child process: see
            # gui/report_process.py for why not on this thread.
            from analysis.report import build_report

            from .report_process import write_pdf_in_process
            progress(0.02, "building the report")
            report = build_report(job.comparison, job.reviews, reviewer=job.reviewer,
                                  include_dismissed=job.include_dismissed, colours=job.colours,
                                  full=job.full)

            def scaled(fraction: float, message: str) -> None:
                forward(0.1 + 0.9 * fraction, message)
            forward(0.1, "starting the PDF writer")
            with out.staged() as temporary:
                write_pdf_in_process(report, temporary, job.page_size, progress=scaled)
            fmt = "pdf"
        else:
            fmt = export_report(job.comparison, out, job.fmt, reviews=job.reviews,
                                reviewer=job.reviewer, include_dismissed=job.include_dismissed,
                                page_size=job.page_size, colours=job.colours, progress=forward,
                                full=job.full)
    except OutputError as exc:
        raise ParallaxError(f"Could not write {target}: {exc.reason}.") from exc
    except OSError as exc:
        raise ParallaxError(f"Could not write {target}: {_why(exc)}.") from exc
    except ValueError as exc:
        raise ParallaxError(str(exc).splitlines()[0] if str(exc) else "bad export settings") from exc
    return ExportResult(str(target), fmt, target.stat().st_size, time.perf_counter() - started)


def open_file(path: str) -> bool:
    """Open ``path`` in the desktop's application for it (the PDF viewer, the browser)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(path))


def ask_save_path(parent: QWidget, path: str, fmt: str) -> str | None:
    """The platform's save dialog (it asks before replacing a file).  Tests replace this function."""
    dlg = QFileDialog(parent, "Export the report to", path,
                      ";;".join([FILTERS[fmt], "All files (*)"]))
    dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dlg.setFileMode(QFileDialog.FileMode.AnyFile)
    dlg.setDefaultSuffix(SUFFIXES[fmt].lstrip("."))
    if dlg.exec() != QDialog.DialogCode.Accepted or not dlg.selectedFiles():
        return None
    return dlg.selectedFiles()[0]


def confirm_replace(parent: QWidget, path: str) -> bool:
    """Asked when a typed path names an existing file.  Tests replace this function."""
    answer = QMessageBox.question(
        parent, "Replace the file?",
        f"{Path(path).name} already exists in {Path(path).parent}.\nReplace it with the new report?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Yes


# ---- the dialog ---------------------------------------------------------------------------------

def _outlets(comparison: Comparison) -> str:
    """"4 outlets (and 1 on another event)", as the report's cover counts them (the dialog said "5
    outlets" of a report whose cover says 4)."""
    same = sum(1 for m in comparison.event if m.same_event) or len(comparison.articles)
    others = len(comparison.articles) - same
    text = f"{same} outlet{'' if same == 1 else 's'}"
    return text + (f" (and {others} on {'another event' if others == 1 else 'other events'})" if others else "")


class ExportDialog(QDialog):
    """Format, page size, reviewer, dismissed findings, brief or full, where, open when done.  ``open()`` it (not
    ``exec()``): the window keeps painting, and ``accepted`` hands ``options()`` to the window."""

    def __init__(self, comparison: Comparison, reviews: Mapping[str, Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export report")
        self.setObjectName("exportDialog")
        self._confirmed = ""                 # a path the save dialog already asked about
        self.folder = default_folder()
        findings = comparison.findings
        ids = {f.id for f in findings}
        verdicts = [getattr(r, "verdict", None) or (r.get("verdict") if isinstance(r, Mapping) else None)
                    for k, r in reviews.items() if k in ids]
        reviewed = sum(1 for v in verdicts if v in ("confirmed", "dismissed", "flagged"))
        self.dismissed = sum(1 for v in verdicts if v == "dismissed")

        summary = QLabel(f"The report of {_outlets(comparison)}: "
                         f"{len(comparison.facts)} facts, {len(comparison.omissions)} omissions, "
                         f"{len(findings)} findings, {reviewed} reviewed.")
        summary.setObjectName("muted")
        summary.setWordWrap(True)
        summary.setTextFormat(Qt.TextFormat.PlainText)

        self.format_box = QComboBox()
        for fmt, label, suffix, _ in FORMATS:
            self.format_box.addItem(f"{label}  ({suffix})", fmt)
        self.format_box.setAccessibleName("Format")
        self.format_help = QLabel()
        self.format_help.setObjectName("muted")
        self.page_box = QComboBox()
        self.page_box.addItems(list(PAGE_SIZES))
        self.page_box.setAccessibleName("Page size")
        self.reviewer = QLineEdit(settings.export_reviewer())
        self.reviewer.setPlaceholderText("Your name, printed on the cover (optional)")
        self.reviewer.setAccessibleName("Reviewer")
        self.reviewer.setMaxLength(120)
        self.include_dismissed = QCheckBox(
            f"Include &dismissed findings ({self.dismissed} dismissed)")
        self.include_dismissed.setToolTip("Left out by default: the report gives their count")
        self.include_dismissed.setChecked(settings.export_include_dismissed())
        self.full = QCheckBox("F&ull report: every list, the fact grid and the methods")
        self.full.setToolTip("Unticked: the editor's brief, about a page per question (omissions, key "
                             "facts, strongest findings, metrics)")
        self.full.setChecked(settings.export_full())
        self.path = QLineEdit()
        self.path.setAccessibleName("Save to")
        self.path.setMinimumWidth(560)
        self.path.setClearButtonEnabled(True)
        self.browse = QPushButton("C&hoose…")
        self.browse.setToolTip("Choose the folder and file name")
        self.browse.setAutoDefault(False)       # Enter in the form exports; it does not browse
        self.open_when_done = QCheckBox("&Open the report when it is written")
        self.open_when_done.setChecked(settings.export_open_when_done())

        path_row = QHBoxLayout()
        path_row.setContentsMargins(0, 0, 0, 0)
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("&Format:", self.format_box)
        form.addRow("", self.format_help)
        form.addRow("&Page size:", self.page_box)
        form.addRow("&Reviewer:", self.reviewer)
        form.addRow("", self.include_dismissed)
        form.addRow("", self.full)
        save_label = QLabel("&Save to:")
        save_label.setBuddy(self.path)          # a row holding a layout gets no buddy by itself
        form.addRow(save_label, path_row)
        form.addRow("", self.open_when_done)
        self.page_label = form.labelForField(self.page_box)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton("&Export",
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addSpacing(4)
        layout.addLayout(form)
        layout.addSpacing(6)
        layout.addWidget(self.buttons)
        # Only once the button is inside the dialog: QDialog then remembers it as *the* default,
        # which Enter presses even after focus has visited another button.
        self.export_button.setDefault(True)

        fmt = settings.export_format()
        index = self.format_box.findData(fmt)
        self.format_box.setCurrentIndex(index if index >= 0 else 0)
        size = self.page_box.findText(settings.export_page_size(), Qt.MatchFlag.MatchFixedString)
        self.page_box.setCurrentIndex(size if size >= 0 else 0)
        name = safe_file_name(event_title(comparison))
        self.path.setText(str(Path(self.folder) / (name + SUFFIXES[self.fmt()])))
        self._format_changed()
        self.format_box.currentIndexChanged.connect(self._format_changed)
        self.path.textChanged.connect(self._path_changed)
        self.browse.clicked.connect(self._browse)
        self._path_changed()
        self.format_box.setFocus()

    # ---- state ----------------------------------------------------------------------------------
    def fmt(self) -> str:
        return str(self.format_box.currentData())

    def target(self) -> str:
        """The path the report will be written to (absolute, named for the format)."""
        return with_suffix(normalise_path(self.path.text(), self.folder), self.fmt())

    def options(self) -> ExportOptions:
        return ExportOptions(path=self.target(), fmt=self.fmt(), page_size=self.page_box.currentText(),
                             reviewer=self.reviewer.text().strip(),
                             include_dismissed=self.include_dismissed.isChecked(),
                             open_when_done=self.open_when_done.isChecked(), full=self.full.isChecked())

    def _format_changed(self) -> None:
        fmt = self.fmt()
        self.format_help.setText(next(h for f, _, _, h in FORMATS if f == fmt))
        pdf = fmt == "pdf"
        self.page_box.setEnabled(pdf)
        if self.page_label is not None:
            self.page_label.setEnabled(pdf)
        self.page_box.setToolTip("" if pdf else "Only PDF reports have pages")
        text = self.path.text().strip()
        if text:
            renamed = with_suffix(text, fmt)
            if renamed != text:
                self.path.setText(renamed)

    def _path_changed(self) -> None:
        self.export_button.setEnabled(bool(self.path.text().strip()))
        self.path.setToolTip(self.target())

    def _browse(self) -> None:
        chosen = ask_save_path(self, self.target() or self.folder, self.fmt())
        if chosen:
            suffix = Path(chosen).suffix.lower()
            if suffix in ALL_SUFFIXES and ALL_SUFFIXES[suffix] != self.fmt():
                # A name ending in another format's suffix picks that format.
                self.format_box.setCurrentIndex(self.format_box.findData(ALL_SUFFIXES[suffix]))
            self.path.setText(with_suffix(chosen, self.fmt()))
            self._confirmed = self.target()

    def accept(self) -> None:  # noqa: D401 - Qt override
        target = self.target()
        if not target:
            self.path.setFocus()
            return
        if target != self._confirmed and Path(target).is_file() and not confirm_replace(self, target):
            self.path.setFocus()
            return
        remember(self.options())
        super().accept()


def remember(options: ExportOptions) -> None:
    """The choices the next export starts from (QSettings)."""
    settings.remember_export(folder=str(Path(options.path).parent), reviewer=options.reviewer,
                             open_when_done=options.open_when_done, fmt=options.fmt,
                             page_size=options.page_size,
                             include_dismissed=options.include_dismissed, full=options.full)
