"""Test set-up shared by every test: headless Qt, and the bundled seeds."""
from __future__ import annotations

import os
from pathlib import Path

# Must happen before any QApplication exists: tests run with no display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))
