"""Parallax's desktop window (PySide6).  It only displays and edits the engine's ``Comparison``.

Entry point: ``gui.app.run(paths) -> int``.  Nothing here computes findings; long work runs off the GUI
thread through ``gui.worker``; every action and shortcut lives in ``gui.actions.ACTIONS``.
"""

