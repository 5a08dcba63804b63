"""Where Parallax's bundled files are: lexicons, style sheets, icons and the sample articles (seeds).

They are installed as the data packages ``parallax_resources`` (from ``resources/``) and
``parallax_seeds`` (from ``seeds/``) and read through ``importlib.resources``, so an installed wheel
works outside the checkout.  Everything that needs a bundled file asks here; nothing else builds a path
from ``__file__``.
"""
from __future__ import annotations

import importlib.resources
import importlib.util
import os
from functools import cache
from importlib.resources.abc import Traversable
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent      # only when the packages are not installed


@cache
def _root(package: str, folder: str) -> Traversable:
    try:
        return importlib.resources.files(package)
    except ModuleNotFoundError:
        # Running from a source checkout that was never installed (``python main.py`` beside it).
        return _CHECKOUT / folder


def resource(*parts: str) -> Traversable:
    """A bundled file or folder: ``resource("lexicons", "hedges.txt")``."""
    node = _root("parallax_resources", "resources")
    for part in parts:
        node = node / part
    return node


def lexicon_dir() -> Traversable:
    return resource("lexicons")


def seed_paths() -> list[Path]:
    """The bundled sample articles, in file-name order (000 ... 004), as real file paths (the window
    and the command line open them like any article the editor gives)."""
    root = _root("parallax_seeds", "seeds")
    return sorted(Path(str(p)) for p in root.iterdir() if p.name.endswith(".txt"))


def package_file(package: str, *parts: str) -> str | None:
    """The path of a file inside an installed package, found without importing the package."""
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return os.path.join(list(spec.submodule_search_locations)[0], *parts)
