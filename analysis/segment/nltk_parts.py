"""The three parts of NLTK the engine uses, imported without the rest of NLTK.

Parallax uses Punkt (sentences), the Snowball stemmer (alignment features) and VADER (sentiment).
``import nltk.tokenize.punkt`` normally runs ``nltk/__init__.py`` first, which imports nearly all of
NLTK (parsers, classifiers, corpora, translation metrics: ~0.4 s of CPU, a fifth of a whole
``compare`` of the seeds).  Here the packages on the way (``nltk``, ``nltk.tokenize``, ``nltk.stem``,
``nltk.sentiment``, ``nltk.corpus``) are registered *bare*: their folder is known, so submodules
import normally, but their ``__init__`` has not run.

A bare package completes itself when code asks it for a name that is not a submodule
(``nltk.word_tokenize``, ``from nltk.corpus import wordnet``, a ``*`` import): its real
``__init__`` then runs in place, its parent's first, so code elsewhere that wants all of NLTK still
gets it.  When NLTK is already imported in full, nothing is registered and the real modules are used.

``nltk.stem.snowball`` imports ``nltk.corpus.stopwords`` at load time but uses it only when asked to
ignore stopwords (we never do); the name it binds forwards to the real corpus reader on first use.

Deferred modules: VADER imports ``nltk.data``, whose module body imports ``nltk.grammar`` and
``nltk.sem`` (feature structures, first-order logic, DRT, Boxer: ~0.03 s of CPU) for the grammar and
logic formats of ``nltk.data.load``; VADER loads a plain text file.  These two are registered bare as
well (their body not run), and run in place the first time code asks them for a name.
"""
from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
from types import ModuleType

_BARE = ("nltk", "nltk.tokenize", "nltk.stem", "nltk.sentiment", "nltk.corpus")
_DEFERRED = ("nltk.grammar", "nltk.sem")     # imported by nltk.data's body, used only by its load()
_DEFERRED_MODULES = ("nltk.grammar",)          # of those, the plain modules (no submodules)
_LOCK = threading.RLock()
_state: dict[str, str] = {}         # package name -> "bare", "completing" or "complete"


def punkt():
    """``nltk.tokenize.punkt`` (the module)."""
    return _import("nltk.tokenize.punkt")


def snowball_stemmer(language: str = "english"):
    """A ``SnowballStemmer`` for ``language``."""
    with _LOCK:
        if "nltk.stem.snowball" not in sys.modules:
            _register_bare()
            corpus = sys.modules["nltk.corpus"]
            if _state.get("nltk.corpus") == "bare":
                # Bound by the module while it loads, then gone: a later ``from nltk.corpus
                # import stopwords`` completes the corpus package and gets the real reader.
                corpus.__dict__["stopwords"] = _Forward("nltk.corpus", "stopwords")
                try:
                    importlib.import_module("nltk.stem.snowball")
                finally:
                    del corpus.__dict__["stopwords"]
    return _import("nltk.stem.snowball").SnowballStemmer(language)


def vader():
    """``nltk.sentiment.vader`` (the module)."""
    return _import("nltk.sentiment.vader")


def nltk_data_path() -> list[str]:
    """``nltk.data.path``: NLTK opens ``file:`` paths only under one of these folders."""
    return _import("nltk.data").path


def _import(name: str) -> ModuleType:
    with _LOCK:
        if name not in sys.modules:
            _register_bare()
        return importlib.import_module(name)


def _register_bare() -> None:
    if "nltk" in sys.modules and "nltk" not in _state:
        return                      # NLTK was imported in full elsewhere: use it as it is
    for name in _BARE + _DEFERRED:
        if name not in sys.modules:
            sys.modules[name] = _bare_package(name, package=name not in _DEFERRED_MODULES)
            _state[name] = "bare"


def _bare_package(name: str, package: bool = True) -> ModuleType:
    """The module ``name`` with its spec and folder but without its body run (a package's folder
    is known, so its submodules import normally)."""
    spec = importlib.util.find_spec(name)
    if spec is None or (package and spec.submodule_search_locations is None):
        raise ModuleNotFoundError(f"NLTK is not installed (no package {name})", name=name)
    module = importlib.util.module_from_spec(spec)
    # PEP 562: a module's ``__getattr__`` is asked only for names it lacks.
    module.__dict__["__getattr__"] = lambda attr: _missing(name, attr)
    parent, _, child = name.rpartition(".")
    if parent:
        setattr(sys.modules[parent], child, module)
    return module


def _missing(package: str, attr: str):
    """A name asked of a bare package (or deferred module): a submodule, else whatever the real
    ``__init__`` (or body) defines (``__all__`` too, so that ``from package import *`` sees the
    complete package)."""
    if attr.startswith("__") and attr != "__all__":
        raise AttributeError(attr)  # introspection (``__wrapped__``...): no side effects
    if attr != "__all__" and package not in _DEFERRED_MODULES:
        try:
            return importlib.import_module(f"{package}.{attr}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{package}.{attr}":
                raise
    _complete(package)
    namespace = vars(sys.modules[package])
    if attr in namespace:
        return namespace[attr]
    raise AttributeError(f"module {package!r} has no attribute {attr!r}")


def _complete(package: str) -> None:
    """Run a bare package's real ``__init__`` in place, its parent's first (the order of a normal
    import: the parent's ``__init__`` completes the children it imports as it reaches them)."""
    with _LOCK:
        parent = package.rpartition(".")[0]
        if parent and _state.get(parent) == "bare":
            _complete(parent)
        if _state.get(package) != "bare":
            return                  # complete, or completing further up the stack
        _state[package] = "completing"
        module = sys.modules[package]
        module.__dict__.pop("__getattr__", None)
        spec = module.__spec__
        if spec is None or spec.loader is None:     # _bare_package made it from a found spec
            raise ModuleNotFoundError(f"NLTK package {package} has no loader", name=package)
        spec.loader.exec_module(module)
        _state[package] = "complete"


class _Forward:
    """Stands for ``package.attr`` until first used, then forwards to the real object."""

    def __init__(self, package: str, attr: str):
        self._package, self._attr = package, attr

    def _target(self):
        _complete(self._package)
        return getattr(sys.modules[self._package], self._attr)

    def __getattr__(self, name: str):
        return getattr(self._target(), name)

    def __call__(self, *args, **kwargs):
        return self._target()(*args, **kwargs)
