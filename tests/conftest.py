"""Test set-up shared by every test: headless Qt, and the bundled seeds."""
from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

# Must happen before any QApplication exists: tests run with no display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

# The start-up cache (analysis.cache) of this test run lives in a folder of its own, never the
# user's: tests see a first run, and nothing they write outlives them.
_CACHE = tempfile.mkdtemp(prefix="parallax-test-cache-")
os.environ["PARALLAX_CACHE_DIR"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, True)


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    from analysis.resources import seed_paths as bundled
    return bundled()


@pytest.fixture(scope="session")
def seed_articles():
    """The five seeds as the app loads them (``analysis.load_article``), a1..a5 in file-name order;
    a tuple, loaded once per session.  Tests that need the raw, uncleaned text use
    ``tests/analysis/seeds.py``."""
    from analysis.bench import load_seeds
    return tuple(load_seeds())


@pytest.fixture
def offline(monkeypatch):
    """Make every socket connection fail, as on an offline laptop."""
    import socket

    def refuse(*args, **kwargs):
        raise OSError("network disabled by the test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
