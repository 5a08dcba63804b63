"""Every command of the window, in one table: id, text, shortcuts, handler, menu.

Why one table: the menus, the command palette, the shortcut sheet and the collision test all read the
same rows, so a command cannot exist in one place and be missing from another.  ``handler`` names a
method of ``MainWindow``; ``arg`` (when not None) is passed to it.  All shortcuts here live in one
context (the main window), so no two rows may share a key sequence.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from analysis.vocabulary.reviews import NOT_REVIEWED


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str
    shortcuts: tuple[str, ...]
    handler: str
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
    A("new_session", "New session…", ("Ctrl+N",), "new_session", "&File",
      tip="Start a new review of the current articles, saved in a file you choose"),
    A("open_session", "Open session…", ("Ctrl+Shift+O",), "open_session", "&File",
      tip="Open a review session (.parallax): its articles, verdicts and notes"),
    A("save_session_as", "Save session as…", ("Ctrl+Shift+S",), "save_session_as", "&File",
      tip="Copy the review session to a file you name and carry on there (every change is "
          "already saved)"),
    A("add_files", "Add files…", ("Ctrl+O",), "add_files", "&File", separator_before=True,
      tip="Add .txt, .md or .html articles (a .parallax file opens as a session)"),
    A("paste_article", "Paste article…", ("Ctrl+Shift+V",), "paste_article", "&File",
      tip="Add the clipboard text as an article (asks outlet and title)"),
    A("add_link", "Add link…", ("Ctrl+L",), "add_link", "&File", tip="Fetch an article from a URL"),
    A("open_seeds", "Open sample articles", (), "open_seeds", "&File",
      tip="Replace the articles with the bundled seeds"),
    A("clear_articles", "Close all articles", ("Ctrl+Shift+W",), "clear_articles", "&File"),
    A("export_report", "Export report…", ("Ctrl+E",), "export_report", "&File",
      separator_before=True,
      tip="Write the report of this comparison and your review: PDF, HTML, Markdown or JSON"),
    A("reanalyse", "Re-run analysis", ("F5",), "reanalyse", "&File", separator_before=True),
    A("cancel_analysis", "Cancel analysis or export", ("Esc",), "cancel_analysis", "&File"),
    A("quit", "Quit", ("Ctrl+Q",), "close", "&File", separator_before=True),
    # Articles
    A("exclude_article", "Exclude / include outlet", ("Ctrl+Shift+E",), "toggle_exclude", "&Articles",
      tip="Leave the selected outlet out of the comparison, or bring it back"),
    A("rename_outlet", "Rename outlet…", ("F2",), "rename_outlet", "&Articles"),
    A("set_reference", "Make reference", ("Ctrl+R",), "set_reference", "&Articles",
      tip="The reference is the left side of side by side and the first column of the grid"),
    A("move_up", "Move outlet up", ("Ctrl+Shift+Up",), "move_article", "&Articles", arg=-1),
    A("move_down", "Move outlet down", ("Ctrl+Shift+Down",), "move_article", "&Articles", arg=1),
    A("show_removed", "Removed lines…", ("Ctrl+Shift+R",), "show_removed", "&Articles",
      tip="See and restore the lines removed as boilerplate", separator_before=True),
    A("remove_article", "Remove outlet", ("Del",), "remove_article", "&Articles",
      separator_before=True),
    # View
    A("tab_overview", "Go to Overview", ("Ctrl+1",), "show_tab", "&View", arg=0),
    A("tab_side", "Go to Side by side", ("Ctrl+2",), "show_tab", "&View", arg=1),
    A("tab_facts", "Go to Facts", ("Ctrl+3",), "show_tab", "&View", arg=2),
    A("tab_findings", "Go to Findings", ("Ctrl+4",), "show_tab", "&View", arg=3),
    A("tab_voices", "Go to Voices", ("Ctrl+5",), "show_tab", "&View", arg=4),
    A("tab_metrics", "Go to Metrics", ("Ctrl+6",), "show_tab", "&View", arg=5),
    A("focus_articles", "Focus outlets list", ("Alt+1",), "focus_pane", "&View", arg="articles",
      separator_before=True),
    A("focus_center", "Focus current tab", ("Alt+2",), "focus_pane", "&View", arg="center"),
    A("focus_inspector", "Focus inspector", ("Alt+3",), "focus_pane", "&View", arg="inspector"),
    A("find_filter", "Filter findings…", ("Ctrl+F",), "focus_filter", "&View"),
    A("swap_sides", "Swap sides", ("Alt+S",), "swap_sides", "&View", separator_before=True),
    A("left_next", "Left side: next outlet", ("Alt+L",), "cycle_side", "&View", arg=("left", 1)),
    A("left_prev", "Left side: previous outlet", ("Alt+Shift+L",), "cycle_side", "&View",
      arg=("left", -1)),
    A("right_next", "Right side: next outlet", ("Alt+R",), "cycle_side", "&View", arg=("right", 1)),
    A("right_prev", "Right side: previous outlet", ("Alt+Shift+R",), "cycle_side", "&View",
      arg=("right", -1)),
    A("only_diffs", "Only differences", ("Alt+D",), "toggle_only_diffs", "&View", checkable=True,
      tip="Side by side: hide facts both outlets tell the same way"),
    A("soft_wrap", "Soft wrap", ("Alt+W",), "toggle_wrap", "&View", checkable=True),
    A("dark_theme", "Dark theme", ("Ctrl+Shift+T",), "toggle_theme", "&View", checkable=True,
      separator_before=True),
    # Go: J / Alt+Down walk the review queue (unreviewed findings); with Shift, every finding.
    A("next_unreviewed", "Next unreviewed finding", ("Alt+Down", "J"), "next_unreviewed", "&Go",
      tip="The next finding in the queue without a verdict (wraps round)"),
    A("prev_unreviewed", "Previous unreviewed finding", ("Alt+Up", "K"), "prev_unreviewed", "&Go"),
    A("next_finding", "Next finding", ("Alt+Shift+Down", "Shift+J"), "next_finding", "&Go",
      tip="The next finding in the queue, reviewed or not"),
    A("prev_finding", "Previous finding", ("Alt+Shift+Up", "Shift+K"), "prev_finding", "&Go"),
    A("palette", "Command palette…", ("Ctrl+K",), "show_palette", "&Go", separator_before=True),
    # Review: each change is committed to the session file before the key returns.
    A("confirm_finding", "Confirm finding", ("A",), "set_verdict", "&Review", arg="confirmed"),
    A("dismiss_finding", "Dismiss finding", ("D",), "set_verdict", "&Review", arg="dismissed"),
    A("flag_finding", "Flag finding", ("F",), "set_verdict", "&Review", arg="flagged",
      tip="Needs a second look or a colleague's opinion"),
    A("clear_verdict", "Clear verdict", ("U",), "set_verdict", "&Review", arg=NOT_REVIEWED),
    A("severity_1", "Severity 1 (minor)", ("1",), "set_severity", "&Review", arg=1,
      separator_before=True),
    A("severity_2", "Severity 2 (moderate)", ("2",), "set_severity", "&Review", arg=2),
    A("severity_3", "Severity 3 (major)", ("3",), "set_severity", "&Review", arg=3),
    A("clear_severity", "Clear severity", ("0",), "set_severity", "&Review", arg=0),
    A("edit_note", "Note…", ("N",), "edit_note", "&Review", separator_before=True,
      tip="Write a note on the finding (saved as you type; Esc closes and keeps it)"),
    A("undo_review", "Undo", ("Ctrl+Z",), "undo_review", "&Review", separator_before=True),
    A("redo_review", "Redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "redo_review", "&Review"),
    # Help
    A("shortcuts", "Keyboard shortcuts", ("F1", "?"), "show_shortcuts", "&Help"),
    A("about", "About Parallax", (), "show_about", "&Help"),
)
del A


def spec(action_id: str) -> ActionSpec:
    for s in ACTIONS:
        if s.id == action_id:
            return s
    raise KeyError(action_id)


def build(window: QWidget, menubar: QMenuBar | None = None) -> dict[str, QAction]:
    """Create one QAction per row, wire it to ``window.<handler>``, and fill the menus."""
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
        action.triggered.connect(_slot(window, s))
        window.addAction(action)       # so the shortcut fires even when the menu bar is hidden
        if s.menu and s.menu in menus:
            if s.separator_before:
                menus[s.menu].addSeparator()
            menus[s.menu].addAction(action)
        actions[s.id] = action
    return actions


def _slot(window: QWidget, s: ActionSpec) -> Callable[..., None]:
    handler = getattr(window, s.handler)

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
