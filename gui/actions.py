"""Every command of the window, in one table: id, text, shortcuts, handler, menu.

Why one table: the menus, the command palette, the shortcut sheet and the collision test all read the
same rows, so a command cannot exist in one place and be missing from another.  ``handler`` is
``controller.method``: a controller of ``gui.controllers`` (or ``window``, the main window itself) and
the method that runs the command; ``arg`` (when not None) is passed to it.  All shortcuts here live in one
context (the main window), so no two rows may share a key sequence.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from analysis.vocabulary.reviews import NOT_REVIEWED


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str
    shortcuts: tuple[str, ...]
    handler: str                 # "controller.method"
    menu: str                    # top-level menu title ("&File"...); "" = palette and keys only
    arg: Any = None
    checkable: bool = False
    tip: str = ""
    separator_before: bool = False


MENUS = ("&File", "&Articles", "&View", "&Go", "&Review", "&Help")
TAB_NAMES = ("Overview", "Side by side", "Facts", "Findings", "Voices", "Metrics")

A = ActionSpec
ACTIONS: tuple[ActionSpec, ...] = (
    # File
    A("new_session", "New session…", ("Ctrl+N",), "session.new_session", "&File",
      tip="Start a new review of the current articles, saved in a file you choose"),
    A("open_session", "Open session…", ("Ctrl+Shift+O",), "session.open_session", "&File",
      tip="Open a review session (.parallax): its articles, verdicts and notes"),
    A("save_session_as", "Save session as…", ("Ctrl+Shift+S",), "session.save_session_as", "&File",
      tip="Copy the review session to a file you name and carry on there (every change is "
          "already saved)"),
    A("add_files", "Add files…", ("Ctrl+O",), "articles.add_files", "&File", separator_before=True,
      tip="Add .txt, .md or .html articles (a .parallax file opens as a session)"),
    A("paste_article", "Paste article…", ("Ctrl+Shift+V",), "articles.paste_article", "&File",
      tip="Add the clipboard text as an article (asks outlet and title)"),
    A("add_link", "Add link…", ("Ctrl+L",), "articles.add_link", "&File", tip="Fetch an article from a URL"),
    A("open_batch", "Open batch index…", (), "articles.open_batch_index", "&File",
      tip="Open the index of a batch run (python main.py batch): pick an event to compare"),
    A("open_seeds", "Open sample articles", (), "articles.open_seeds", "&File",
      tip="Replace the articles with the bundled seeds"),
    A("clear_articles", "Close all articles", ("Ctrl+Shift+W",), "articles.clear_articles", "&File"),
    A("export_report", "Export report…", ("Ctrl+E",), "export.export_report", "&File",
      separator_before=True,
      tip="Write the report of this comparison and your review: PDF, HTML, Markdown or JSON"),
    A("reanalyse", "Re-run analysis", ("F5",), "analysis.reanalyse", "&File", separator_before=True),
    A("cancel_analysis", "Cancel analysis or export", ("Esc",), "analysis.cancel_analysis", "&File"),
    A("quit", "Quit", ("Ctrl+Q",), "window.close", "&File", separator_before=True),
    # Articles
    A("exclude_article", "Exclude / include outlet", ("Ctrl+Shift+E",), "articles.toggle_exclude", "&Articles",
      tip="Leave the selected outlet out of the comparison, or bring it back"),
    A("rename_outlet", "Rename outlet…", ("F2",), "articles.rename_outlet", "&Articles"),
    A("set_reference", "Make reference", ("Ctrl+R",), "articles.set_reference", "&Articles",
      tip="The reference is the left side of side by side and the first column of the grid"),
    A("move_up", "Move outlet up", ("Ctrl+Shift+Up",), "articles.move_article", "&Articles", arg=-1),
    A("move_down", "Move outlet down", ("Ctrl+Shift+Down",), "articles.move_article", "&Articles", arg=1),
    A("show_removed", "Removed lines…", ("Ctrl+Shift+R",), "articles.show_removed", "&Articles",
      tip="See and restore the lines removed as boilerplate", separator_before=True),
    A("remove_article", "Remove outlet", ("Del",), "articles.remove_article", "&Articles",
      separator_before=True),
    # View
    A("tab_overview", "Go to Overview", ("Ctrl+1",), "navigation.show_tab", "&View", arg=0),
    A("tab_side", "Go to Side by side", ("Ctrl+2",), "navigation.show_tab", "&View", arg=1),
    A("tab_facts", "Go to Facts", ("Ctrl+3",), "navigation.show_tab", "&View", arg=2),
    A("tab_findings", "Go to Findings", ("Ctrl+4",), "navigation.show_tab", "&View", arg=3),
    A("tab_voices", "Go to Voices", ("Ctrl+5",), "navigation.show_tab", "&View", arg=4),
    A("tab_metrics", "Go to Metrics", ("Ctrl+6",), "navigation.show_tab", "&View", arg=5),
    A("focus_articles", "Focus outlets list", ("Alt+1",), "navigation.focus_pane", "&View", arg="articles",
      separator_before=True),
    A("focus_center", "Focus current tab", ("Alt+2",), "navigation.focus_pane", "&View", arg="center"),
    A("focus_inspector", "Focus inspector", ("Alt+3",), "navigation.focus_pane", "&View", arg="inspector"),
    A("find_filter", "Filter findings…", ("Ctrl+F",), "navigation.focus_filter", "&View"),
    A("swap_sides", "Swap sides", ("Alt+S",), "view.swap_sides", "&View", separator_before=True),
    A("left_next", "Left side: next outlet", ("Alt+L",), "view.cycle_side", "&View", arg=("left", 1)),
    A("left_prev", "Left side: previous outlet", ("Alt+Shift+L",), "view.cycle_side", "&View",
      arg=("left", -1)),
    A("right_next", "Right side: next outlet", ("Alt+R",), "view.cycle_side", "&View", arg=("right", 1)),
    A("right_prev", "Right side: previous outlet", ("Alt+Shift+R",), "view.cycle_side", "&View",
      arg=("right", -1)),
    A("only_diffs", "Only differences", ("Alt+D",), "view.toggle_only_diffs", "&View", checkable=True,
      tip="Side by side: hide facts both outlets tell the same way"),
    A("soft_wrap", "Soft wrap", ("Alt+W",), "view.toggle_wrap", "&View", checkable=True),
    A("dark_theme", "Dark theme", ("Ctrl+Shift+T",), "view.toggle_theme", "&View", checkable=True,
      separator_before=True),
    A("low_priority", "Analyse at low priority", (), "view.toggle_low_priority", "&View", checkable=True,
      tip="Run the analysis at a lower CPU priority than other programs (slower when the machine is "
          "busy; off by default)"),
    # Go: J / Alt+Down walk the review queue (unreviewed findings); with Shift, every finding.
    A("next_unreviewed", "Next unreviewed finding", ("Alt+Down", "J"), "navigation.next_unreviewed", "&Go",
      tip="The next finding in the queue without a verdict (wraps round)"),
    A("prev_unreviewed", "Previous unreviewed finding", ("Alt+Up", "K"), "navigation.prev_unreviewed", "&Go"),
    A("next_finding", "Next finding", ("Alt+Shift+Down", "Shift+J"), "navigation.next_finding", "&Go",
      tip="The next finding in the queue, reviewed or not"),
    A("prev_finding", "Previous finding", ("Alt+Shift+Up", "Shift+K"), "navigation.prev_finding", "&Go"),
    A("palette", "Command palette…", ("Ctrl+K",), "help.show_palette", "&Go", separator_before=True),
    # Review: each change is committed to the session file before the key returns.
    A("confirm_finding", "Confirm finding", ("A",), "review.set_verdict", "&Review", arg="confirmed"),
    A("dismiss_finding", "Dismiss finding", ("D",), "review.set_verdict", "&Review", arg="dismissed"),
    A("flag_finding", "Flag finding", ("F",), "review.set_verdict", "&Review", arg="flagged",
      tip="Needs a second look or a colleague's opinion"),
    A("clear_verdict", "Clear verdict", ("U",), "review.set_verdict", "&Review", arg=NOT_REVIEWED),
    A("severity_1", "Severity 1 (minor)", ("1",), "review.set_severity", "&Review", arg=1,
      separator_before=True),
    A("severity_2", "Severity 2 (moderate)", ("2",), "review.set_severity", "&Review", arg=2),
    A("severity_3", "Severity 3 (major)", ("3",), "review.set_severity", "&Review", arg=3),
    A("clear_severity", "Clear severity", ("0",), "review.set_severity", "&Review", arg=0),
    A("edit_note", "Note…", ("N",), "review.edit_note", "&Review", separator_before=True,
      tip="Write a note on the finding (saved as you type; Esc closes and keeps it)"),
    A("undo_review", "Undo", ("Ctrl+Z",), "review.undo_review", "&Review", separator_before=True),
    A("redo_review", "Redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "review.redo_review", "&Review"),
    # Help
    A("shortcuts", "Keyboard shortcuts", ("F1", "?"), "help.show_shortcuts", "&Help"),
    A("about", "About Parallax", (), "help.show_about", "&Help"),
)
del A


def spec(action_id: str) -> ActionSpec:
    for s in ACTIONS:
        if s.id == action_id:
            return s
    raise KeyError(action_id)


def build(window: QWidget, targets: Mapping[str, object],
          menubar: QMenuBar | None = None) -> dict[str, QAction]:
    """Create one QAction per row on ``window``, wire it to its handler (``targets[controller]``'s
    method), and fill the menus."""
    menus: dict[str, QMenu] = {}
    if menubar is not None:
        for title in MENUS:
            menus[title] = menubar.addMenu(title)
    actions: dict[str, QAction] = {}
    for s in ACTIONS:
        action = QAction(s.text, window)
        action.setObjectName("action_" + s.id)
        action.setShortcuts([QKeySequence(k) for k in s.shortcuts])
        # Window context: the key works wherever focus is in the window, but not in dialogs.
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setCheckable(s.checkable)
        if s.tip:
            action.setStatusTip(s.tip)
            action.setToolTip(s.tip)
        action.triggered.connect(_slot(targets, s))
        window.addAction(action)       # so the shortcut fires even when the menu bar is hidden
        if s.menu and s.menu in menus:
            if s.separator_before:
                menus[s.menu].addSeparator()
            menus[s.menu].addAction(action)
        actions[s.id] = action
    return actions


def _slot(targets: Mapping[str, object], s: ActionSpec) -> Callable[..., None]:
    owner, _, method = s.handler.partition(".")
    handler = getattr(targets[owner], method)

    def run(checked: bool = False) -> None:
        if s.arg is not None:
            handler(s.arg)
        else:
            handler()
    return run


def shortcut_text(s: ActionSpec) -> str:
    """Shortcuts as the user reads them on this platform ("Ctrl+K, F1")."""
    return ", ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText)
                     for k in s.shortcuts)
