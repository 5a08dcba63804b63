"""The actions table: every shortcut parses, none collides, every handler exists on its controller."""
from __future__ import annotations

from PySide6.QtGui import QKeySequence

from gui.actions import ACTIONS, MENUS
from gui.controllers import CONTROLLERS
from gui.main_window import MainWindow


def test_every_shortcut_parses():
    for spec in ACTIONS:
        for key in spec.shortcuts:
            seq = QKeySequence(key)
            assert not seq.isEmpty(), (spec.id, key)
            assert seq.count() == 1, (spec.id, key)
            # Round trip: Qt understood every part of the string (an unknown key name is dropped).
            assert QKeySequence(seq.toString()) == seq, (spec.id, key)
            assert seq.toString().lower().replace(" ", "") == \
                QKeySequence(key).toString().lower().replace(" ", "")


def test_no_shortcut_collides():
    # All actions live in one context (the main window), so every key sequence must be unique.
    seen: dict[str, str] = {}
    for spec in ACTIONS:
        for key in spec.shortcuts:
            norm = QKeySequence(key).toString(QKeySequence.SequenceFormat.PortableText)
            assert norm not in seen, f"{key} used by {seen.get(norm)} and {spec.id}"
            seen[norm] = spec.id


def test_ids_unique_and_handlers_exist():
    ids = [s.id for s in ACTIONS]
    assert len(ids) == len(set(ids))
    owners = {"window": MainWindow, **CONTROLLERS}
    for spec in ACTIONS:
        owner, dot, method = spec.handler.partition(".")
        assert dot and owner in owners, spec                 # "controller.method"
        assert callable(getattr(owners[owner], method, None)), spec
        assert spec.menu in MENUS or spec.menu == "", spec


def test_the_window_itself_runs_only_what_a_window_does():
    # Every command belongs to a controller; the window keeps only closing itself.
    assert [s.handler for s in ACTIONS if s.handler.startswith("window.")] == ["window.close"]


def test_required_shortcuts_present():
    keys = {k for s in ACTIONS for k in s.shortcuts}
    for required in ("Alt+Down", "Alt+Up", "J", "K", "Ctrl+K", "F1", "?", "Ctrl+O", "Ctrl+Shift+V",
                     *(f"Ctrl+{n}" for n in range(1, 7))):
        assert required in keys, required
