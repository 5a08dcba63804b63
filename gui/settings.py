"""QSettings in one place: organisation/app names, recent files, theme, window geometry.

Tests point QSettings at a temporary folder (``QSettings.setPath``) so they never touch the user's.
"""
from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANISATION = "Parallax"
APPLICATION = "Parallax"
MAX_RECENT = 10


def settings() -> QSettings:
    return QSettings(ORGANISATION, APPLICATION)


def recent_files() -> list[str]:
    value = settings().value("recentFiles", [])
    if isinstance(value, str):          # QSettings returns a lone string for one-item lists
        value = [value]
    return [str(v) for v in value or []]


def add_recent(paths: list[str]) -> list[str]:
    items = [p for p in paths if p] + [p for p in recent_files() if p not in paths]
    items = items[:MAX_RECENT]
    settings().setValue("recentFiles", items)
    return items


def clear_recent() -> None:
    settings().setValue("recentFiles", [])


def theme_name() -> str:
    return str(settings().value("theme", "light"))


def set_theme_name(name: str) -> None:
    settings().setValue("theme", name)


# ---- review sessions ----------------------------------------------------------------------------

def recent_sessions() -> list[str]:
    value = settings().value("recentSessions", [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in value or []]


def add_recent_session(path: str) -> list[str]:
    items = ([path] + [p for p in recent_sessions() if p != path])[:MAX_RECENT]
    settings().setValue("recentSessions", items)
    return items


def forget_recent_session(path: str) -> None:
    settings().setValue("recentSessions", [p for p in recent_sessions() if p != path])


def clear_recent_sessions() -> None:
    settings().setValue("recentSessions", [])


def untitled_folder() -> str:
    """Where untitled sessions live until "Save session as" names them (created on demand).

    The platform's per-user data folder (``~/.local/share/Parallax/Parallax/sessions`` on Linux,
    ``%APPDATA%`` on Windows, ``~/Library/Application Support`` on macOS).
    """
    from pathlib import Path

    from PySide6.QtCore import QStandardPaths
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    if not base:                                  # no home folder: the system temp folder
        import tempfile
        base = str(Path(tempfile.gettempdir()) / "Parallax")
    folder = Path(base) / "sessions"
    folder.mkdir(parents=True, exist_ok=True)
    return str(folder)


def last_session_folder() -> str:
    return str(settings().value("sessionFolder", ""))


def set_last_session_folder(folder: str) -> None:
    settings().setValue("sessionFolder", folder)
