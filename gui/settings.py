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
