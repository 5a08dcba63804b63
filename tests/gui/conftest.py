"""GUI test set-up: settings in a temp folder, seed articles loaded once, a hand-built Comparison."""
from __future__ import annotations

import atexit
import os
import shutil
import tempfile

import pytest
from PySide6.QtCore import QSettings

# Point QSettings at a private folder before any test touches it: tests never see the user's settings.
_SETTINGS_DIR = tempfile.mkdtemp(prefix="parallax-test-settings-")
# ... and gone when the run ends (a run used to leave one such folder behind in the temp dir).
atexit.register(shutil.rmtree, _SETTINGS_DIR, True)
for _fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
    QSettings.setPath(_fmt, QSettings.Scope.UserScope, _SETTINGS_DIR)
    QSettings.setPath(_fmt, QSettings.Scope.SystemScope, _SETTINGS_DIR)
os.environ.setdefault("XDG_CONFIG_HOME", _SETTINGS_DIR)
# Untitled review sessions go to the data folder (QStandardPaths.AppDataLocation): a temp one too.
os.environ["XDG_DATA_HOME"] = os.path.join(_SETTINGS_DIR, "data")


@pytest.fixture(scope="session")
def settings_dir() -> str:
    return _SETTINGS_DIR


@pytest.fixture(autouse=True)
def _clean_settings():
    from gui import settings
    settings.settings().clear()
    yield
    settings.settings().clear()


@pytest.fixture(scope="session")
def seed_articles(seed_paths):
    from analysis import load_article
    return tuple(load_article(str(p), article_id=f"a{i + 1}") for i, p in enumerate(seed_paths))


@pytest.fixture(scope="session")
def fake_comparison(seed_articles):
    from gui_fake import build
    return build(seed_articles)


@pytest.fixture(scope="session")
def real_comparison(seed_articles):
    """The engine's Comparison of the seeds, computed once per session."""
    from analysis import compare
    return compare(seed_articles)
