"""A small on-disk cache for tables that are slow to build from files that rarely change.

Used at start-up for what would otherwise be parsed on every run (the CMU syllable table, the
embedding model's list of common words): the first run builds the table and stores it; later runs
read it back in a few milliseconds.

Safe by construction:

* keyed by what the table is built from: the caller gives a key naming the source file's path,
  size and modification time (``file_key``) or a digest of its content (``digest``) plus a format
  version; the file name and a header both carry the key, so a changed source, a reinstalled
  library or a new format simply misses and rebuilds;
* the stored payload is plain text that the caller parses (never pickle or marshal), preceded by
  its own BLAKE2 digest: a truncated, damaged or foreign file is ignored and rebuilt;
* written to a temporary file in the same folder and renamed into place, so a reader never sees a
  half-written file, and two processes building at once both end with a whole one;
* any error reading or writing (read-only home, full disk) falls back to building in memory.

Compiled regular expressions (``compiled``): the lexicons' patterns are tries of hundreds of terms,
and Python's regex compiler, written in Python, spends ~0.1 s of every start-up turning them into the
matcher's code.  That code is stored (JSON, keyed by the pattern, the flags, the Python version and
the matcher's format number) and handed back to the matcher (``_sre.compile``, the call that ends
``re.compile``), which checks it before use; the result equals ``re.compile``'s (``Pattern.__eq__``
compares the code).  Anything unexpected falls back to ``re.compile``.

Bounded: every file name carries the cache's format (``CACHE_FORMAT``); after a write, when the
folder's files of this cache (any format) pass the size limit (``STARTUP_CACHE_MAX_BYTES``, or
``PARALLAX_CACHE_LIMIT`` with its unit: "200MB", "1.5 GiB", "0" keeps nothing), files of other formats
go first, then the least recently used (a read marks a file used: its modification time), down to
``STARTUP_CACHE_SWEEP_TO`` of the limit; a writer's temporary file left by a crash goes after an hour.
Files that are not this cache's (by their names) are never touched.

Where: ``$PARALLAX_CACHE_DIR``, else ``$XDG_CACHE_HOME/parallax``, else ``~/.cache/parallax``.
``PARALLAX_CACHE=off`` turns it off (the tables are then built on every run).
"""
from __future__ import annotations

import hashlib
import importlib
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, NamedTuple

from analysis.constants import (
    STARTUP_CACHE_MAX_BYTES,
    STARTUP_CACHE_STALE_TMP_SECONDS,
    STARTUP_CACHE_SWEEP_TO,
    STARTUP_CACHE_TOUCH_SECONDS,
)

MAGIC = b"parallax-cache 1\n"
CACHE_FORMAT = 2                # in every file name; a file of another format is never read and goes first
_DIGEST_BYTES = 16
# this cache's files: "<name>-<digest>.v<format>.txt" (format 1 had no ".v1"), and a writer's temporary file
_OURS = re.compile(r"[a-z0-9-]+-[0-9a-f]{32}(?:\.v(?P<format>[0-9]+))?\.txt(?P<tmp>\.[^./]+\.tmp)?")
_UNITS = {"": 1, "b": 1, "k": 1000, "kb": 1000, "kib": 1024, "m": 1000**2, "mb": 1000**2, "mib": 1024**2,
          "g": 1000**3, "gb": 1000**3, "gib": 1024**3}
_SIZE = re.compile(r"\s*([0-9]+(?:\.[0-9]*)?)\s*([a-z]*)\s*", re.IGNORECASE)


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is turned off."""
    if os.environ.get("PARALLAX_CACHE", "").lower() in ("off", "0", "no", "false"):
        return None
    explicit = os.environ.get("PARALLAX_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "parallax"


def file_key(path: str | os.PathLike) -> str:
    """A cheap key for a bundled data file: its path, size and modification time (a changed or
    reinstalled file misses); "missing" when it cannot be read."""
    try:
        info = os.stat(path)
    except OSError:
        return f"missing {path}"
    return f"{os.fspath(path)} {info.st_size} {info.st_mtime_ns}"


def digest(data: bytes | str) -> str:
    """A short content digest for cache keys."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return hashlib.blake2b(raw, digest_size=_DIGEST_BYTES).hexdigest()


def cached_text(name: str, key: str, build: Callable[[], str]) -> str:
    """The text ``build()`` returns, stored under ``name`` for this ``key`` (any string that changes
    whenever the result would: a content digest plus a format version)."""
    stored = stored_text(name, key)
    if stored is not None:
        return stored
    text = build()
    store_text(name, key, text)
    return text


def _path_and_header(name: str, key: str) -> tuple[Path, bytes] | None:
    folder = cache_dir()
    if folder is None:
        return None
    return folder / f"{name}-{digest(key)}.v{CACHE_FORMAT}.txt", MAGIC + key.encode("utf-8") + b"\n"


def stored_text(name: str, key: str) -> str | None:
    """The text stored under ``name`` for ``key``, or None (none, damaged, or the cache is off)."""
    where = _path_and_header(name, key)
    return None if where is None else _read(*where)


def store_text(name: str, key: str, text: str) -> None:
    """Store ``text`` under ``name`` for ``key`` (nothing when the cache is off or cannot be
    written), then keep the cache within its size limit."""
    where = _path_and_header(name, key)
    if where is not None and _write(where[0], where[1], text):
        sweep(where[0].parent, size_limit())


def parse_size(text: str) -> int:
    """Bytes of a size written with its unit: "64MB", "1.5 GiB", "500k", "0" (a bare number is bytes;
    k/M/G are powers of 1000, KiB/MiB/GiB of 1024)."""
    match = _SIZE.fullmatch(text)
    unit = match.group(2).lower() if match else None
    if match is None or unit not in _UNITS:
        raise ValueError(f"{text!r} is not a size: write it as a number and a unit, as in 64MB or 1.5GiB")
    return int(float(match.group(1)) * _UNITS[unit])


def size_limit() -> int:
    """The cache's size limit in bytes: ``PARALLAX_CACHE_LIMIT`` when it reads as a size, else
    ``STARTUP_CACHE_MAX_BYTES``."""
    try:
        return parse_size(os.environ["PARALLAX_CACHE_LIMIT"])
    except (KeyError, ValueError):
        return STARTUP_CACHE_MAX_BYTES


class _File(NamedTuple):
    path: str
    size: int
    used: float                 # modification time: last written or read back
    other_format: bool


def sweep(folder: Path, limit: int) -> list[str]:
    """Bring this cache's files in ``folder`` within ``limit`` bytes (see the module's text); the
    paths removed.  A file another process removes first, or one that cannot be removed, is skipped."""
    now = time.time()
    files: list[_File] = []
    removed: list[str] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _OURS.fullmatch(entry.name)
        try:
            if match is None or not entry.is_file(follow_symlinks=False):
                continue
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if match.group("tmp"):
            if now - info.st_mtime > STARTUP_CACHE_STALE_TMP_SECONDS and _remove(entry.path):
                removed.append(entry.path)
            continue                                    # a live writer's file: not ours to judge yet
        files.append(_File(entry.path, info.st_size, info.st_mtime, match.group("format") != str(CACHE_FORMAT)))
    total = sum(f.size for f in files)
    if total <= limit:
        return removed
    goal = limit * STARTUP_CACHE_SWEEP_TO
    for f in sorted(files, key=lambda f: (not f.other_format, f.used)):
        if total <= goal:
            break
        if _remove(f.path):
            removed.append(f.path)
        total -= f.size                                 # gone either way: removed here or by another process
    return removed


def _remove(path: str) -> bool:
    try:
        os.unlink(path)
        return True
    except OSError:
        return False


def _read(path: Path, header: bytes) -> str | None:
    try:
        with open(path, "rb") as f:
            data = f.read()
            used = os.fstat(f.fileno()).st_mtime
    except OSError:
        return None
    if not data.startswith(header) or len(data) < len(header) + 2 * _DIGEST_BYTES + 1:
        return None
    rest = data[len(header):]
    expected, payload = rest[:2 * _DIGEST_BYTES], rest[2 * _DIGEST_BYTES + 1:]
    if expected.decode("ascii", "replace") != digest(payload):
        return None             # damaged or truncated: rebuild
    try:
        text = payload.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if time.time() - used > STARTUP_CACHE_TOUCH_SECONDS:
        try:
            os.utime(path)                              # used: the sweep removes least recently used first
        except OSError:
            pass
    return text


def _write(path: Path, header: bytes, text: str) -> bool:
    """Store the file whole (True), or nothing (False)."""
    payload = text.encode("utf-8")
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as f:
            f.write(header + digest(payload).encode("ascii") + b"\n" + payload)
        os.replace(tmp, path)
        tmp = None
        return True
    except OSError:
        return False            # no cache this time; the table was built in memory anyway
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


_REGEX_FORMAT = "regex 1"


def regex_compiler():
    """(``_sre``, "its format") of the running Python, or None: the regex compiler's own parts are
    private, so they are looked up, and a Python where they differ only misses."""
    try:
        _sre = importlib.import_module("_sre")
        importlib.import_module("re._compiler")
        importlib.import_module("re._parser")
        return _sre, f"{sys.version} {_sre.MAGIC} {_sre.CODESIZE}"
    except (ImportError, AttributeError):
        return None


def regex_code(pattern: str, flags: int) -> list:
    """What ``re.compile(pattern, flags)`` hands ``_sre.compile`` after its flags: [all flags, code,
    groups, group index, group names], plain JSON values."""
    _compiler, _parser = (importlib.import_module(m) for m in ("re._compiler", "re._parser"))
    tree = _parser.parse(pattern, flags)
    code = _compiler._code(tree, flags)
    state = tree.state
    names = [None] * state.groups
    for name, number in state.groupdict.items():
        names[number] = name
    return [flags | state.flags, code, state.groups - 1, dict(state.groupdict), names]


def from_code(_sre, pattern: str, parts: list) -> re.Pattern[str]:
    """The pattern ``regex_code`` described (``_sre`` checks the code before use)."""
    all_flags, code, groups, groupindex, names = parts
    return _sre.compile(pattern, all_flags, code, groups, groupindex, tuple(names))


def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, its compiled code kept in the cache (see the module's text)."""
    compiler = regex_compiler()
    if compiler is None or cache_dir() is None:
        return re.compile(pattern, flags)
    _sre, magic = compiler
    key = f"{_REGEX_FORMAT} {magic} {flags} {digest(pattern)}"
    try:
        text = cached_text("regex", key, lambda: json.dumps(regex_code(pattern, flags)))
        return from_code(_sre, pattern, json.loads(text))
    except (ValueError, TypeError, RuntimeError, OverflowError, re.error):
        return re.compile(pattern, flags)
