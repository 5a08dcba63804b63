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


def engine_low_priority() -> bool:
    """Whether the editor asked the analysis to run at low priority (View menu)."""
    return _bool(settings().value("engine/lowPriority", False), False)


def set_engine_low_priority(low: bool) -> None:
    settings().setValue("engine/lowPriority", bool(low))


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


# ---- File > Export ------------------------------------------------------------------------------

def _bool(value, default: bool) -> bool:
    # QSettings hands back "true"/"false" strings from INI files and bools from native stores.
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return default if value is None else bool(value)


def export_folder() -> str:
    return str(settings().value("export/folder", "") or "")


def export_reviewer() -> str:
    return str(settings().value("export/reviewer", "") or "")


def export_open_when_done() -> bool:
    return _bool(settings().value("export/openWhenDone", True), True)


def export_format() -> str:
    return str(settings().value("export/format", "pdf") or "pdf")


def export_page_size() -> str:
    return str(settings().value("export/pageSize", "A4") or "A4")


def export_include_dismissed() -> bool:
    return _bool(settings().value("export/includeDismissed", False), False)


def export_full() -> bool:
    return _bool(settings().value("export/full", False), False)


def remember_export(*, folder: str, reviewer: str, open_when_done: bool, fmt: str, page_size: str,
                    include_dismissed: bool, full: bool = False) -> None:
    s = settings()
    s.setValue("export/folder", folder)
    s.setValue("export/reviewer", reviewer)
    s.setValue("export/openWhenDone", bool(open_when_done))
    s.setValue("export/format", fmt)
    s.setValue("export/pageSize", page_size)
    s.setValue("export/includeDismissed", bool(include_dismissed))
    s.setValue("export/full", bool(full))
