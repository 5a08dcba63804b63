"""The one writer of every output file: reports, JSON, Markdown, PDFs and session copies.

An editor's files are never lost to an output.  Each run makes one ``Outputs`` that knows the run's
inputs; ``outputs.claim(path)`` checks a target before any work is done and ``Target.write_text`` /
``Target.staged()`` write it later:

* refused (``OutputError``, one line naming the file and the reason): an input of the run (same
  file, also through another name), a Parallax review session or one of its companion files (unless
  the output is itself a session), anything that is not a regular file (folder, device, FIFO,
  socket), a symbolic link, a read-only file, a path already claimed in this run, a missing folder;
* written to a fresh temporary file in the target's folder (created exclusively, with a name no
  user file has), flushed and fsynced, then renamed over the target, and the folder fsynced: the
  target is always either the old file or the new one;
* on any failure (a full disk, a cancel) the temporary file is removed and the old file is kept.
  Only files this module created are ever deleted.

``"-"`` stands for standard output (text only).
"""
from __future__ import annotations

import os
import stat
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from analysis.constants import SESSION_APPLICATION_ID
from analysis.errors import OutputError, os_reason

STDOUT = "-"
TEMP_PREFIX = ".parallax-"              # temporary files: ".parallax-<random>.<name>.tmp"
TEMP_SUFFIX = ".tmp"
_SESSION_COMPANIONS = ("-wal", "-shm", ".lock")     # SQLite's and the lock's files beside a session
_WRITE_CHUNK_BYTES = 1 << 20            # bytes handed to one os.write call

def reason(exc: BaseException) -> str:
    """An OSError's cause in an editor's words (no errno numbers, no library wording)."""
    return os_reason(exc)


def _fail(path: object, why: str) -> OutputError:
    error = OutputError(f"cannot write {path}: {why}")
    error.reason = why              # for callers that word their own sentence (the window)
    return error


def _identity(st: os.stat_result) -> tuple[int, int]:
    return st.st_dev, st.st_ino


def _stat(path: str, follow: bool = True) -> os.stat_result | None:
    """``os.stat``/``os.lstat`` that answers None for any path that cannot be looked at."""
    try:
        return os.stat(path) if follow else os.lstat(path)
    except (OSError, ValueError):
        return None


SQLITE_MAGIC = b"SQLite format 3\x00"
_SESSION_HEADER_BYTES = 100             # bytes; the SQLite header, which holds the application id
_APPLICATION_ID_AT = 68                 # byte offset of the application id in that header


def is_session_file(path: str | os.PathLike[str]) -> bool:
    """True when ``path`` starts like a Parallax session (SQLite header with our application id).

    Cheap and silent: the command line uses it to accept a session wherever article files go,
    whatever the file is named, and this writer to never replace one.  Only ordinary files are
    opened (a pipe would block).  A damaged session still says True here and fails on open.
    """
    st = _stat(os.fspath(path))
    if st is None or not stat.S_ISREG(st.st_mode):
        return False
    try:
        with open(path, "rb") as handle:
            header = handle.read(_SESSION_HEADER_BYTES)
    except OSError:
        return False
    return (len(header) == _SESSION_HEADER_BYTES and header.startswith(SQLITE_MAGIC)
            and int.from_bytes(header[_APPLICATION_ID_AT:_APPLICATION_ID_AT + 4], "big")
            == SESSION_APPLICATION_ID)


_is_session = is_session_file


@dataclass
class Outputs:
    """The outputs of one run: refuses inputs, sessions, special files and a path used twice."""
    inputs: Iterable[str | os.PathLike] = ()
    _inputs: dict[tuple[int, int], str] = field(default_factory=dict, init=False, repr=False)
    _claimed: set[str] = field(default_factory=set, init=False, repr=False)

    def __post_init__(self) -> None:
        for given in self.inputs:
            self.add_input(given)

    def add_input(self, given: str | os.PathLike) -> None:
        """Protect ``given`` (a file of this run; URLs and missing paths are ignored)."""
        st = _stat(os.fspath(given))
        if st is not None and stat.S_ISREG(st.st_mode):
            self._inputs.setdefault(_identity(st), os.fspath(given))

    def claim(self, path: str | os.PathLike, *, session: bool = False) -> Target:
        """Check ``path`` as an output of this run now (OutputError if refused) and reserve it."""
        given = os.fspath(path)
        if given == STDOUT:
            return Target(STDOUT, session, self)
        key = _key(given)
        if key in self._claimed:
            raise _fail(given, "it is given for two outputs of this run (each output needs its own file)")
        target = Target(given, session, self)
        target.check()
        self._claimed.add(key)
        return target

    def input_name(self, st: os.stat_result) -> str | None:
        return self._inputs.get(_identity(st))


def _key(given: str) -> str:
    try:
        return os.path.normcase(os.path.realpath(given))
    except (OSError, ValueError):
        return os.path.normcase(os.path.abspath(given))


@dataclass
class Target:
    """One checked output.  ``check`` runs again at write time: a long analysis may come between."""
    path: str
    session: bool = False
    outputs: Outputs | None = None

    @property
    def is_stdout(self) -> bool:
        return self.path == STDOUT

    def __fspath__(self) -> str:
        return self.path

    def __str__(self) -> str:
        return self.path

    def check(self) -> None:
        """Raise OutputError when this target must not be written (see the module docstring)."""
        if self.is_stdout:
            return
        given = self.path
        if not os.path.basename(given.rstrip("/\\")) or given.endswith(("/", os.sep)):
            raise _fail(given, "it names a folder, not a file")
        try:
            st = os.lstat(given)
        except FileNotFoundError:
            st = None
        except (OSError, ValueError) as exc:
            raise _fail(given, reason(exc)) from None
        if st is None:
            self._check_folder()
        else:
            self._check_existing(st)
        self._check_companion()

    def _check_folder(self) -> None:
        folder = os.path.dirname(os.path.abspath(self.path))
        st = _stat(folder)
        if st is None:
            raise _fail(self.path, f"the folder {folder} does not exist")
        if not stat.S_ISDIR(st.st_mode):
            raise _fail(self.path, f"{folder} is not a folder")

    def _check_existing(self, st: os.stat_result) -> None:
        given = self.path
        mode = st.st_mode
        if stat.S_ISLNK(mode):
            raise _fail(given, "it is a symbolic link; give the name of the file itself")
        if stat.S_ISDIR(mode):
            raise _fail(given, "it is a folder")
        if not stat.S_ISREG(mode):
            raise _fail(given, "it is a device, a pipe or another special file, not a regular file")
        name = self.outputs.input_name(st) if self.outputs else None
        if name is not None:
            same = "" if _key(name) == _key(given) else f" ({name})"
            raise _fail(given, f"it is an input of this run{same}; Parallax never writes over its inputs")
        # The write bits are honoured even for root, who may write anything: a file its owner
        # marked read-only stays untouched.
        if not mode & 0o222 or not os.access(given, os.W_OK):
            raise _fail(given, "the file is read-only")
        if not self.session and _is_session(given):
            raise _fail(given, "it is a Parallax review session (its verdicts and notes would be lost); "
                               "choose another file name")

    def _check_companion(self) -> None:
        for suffix in _SESSION_COMPANIONS:
            if self.path.endswith(suffix):
                base = self.path[:-len(suffix)]
                st = _stat(base)
                if st is not None and stat.S_ISREG(st.st_mode) and _is_session(base):
                    raise _fail(self.path, f"it belongs to the review session {base}")

    # -- writing ------------------------------------------------------------------------------------

    def write_text(self, text: str) -> None:
        """Write ``text`` (UTF-8) to the target, or to stdout for ``-``."""
        if self.is_stdout:
            sys.stdout.write(text)
            sys.stdout.flush()
            return
        self.write_bytes(text.encode("utf-8"))

    def write_bytes(self, data: bytes) -> None:
        if self.is_stdout:
            raise OutputError("this output cannot be written to the terminal (-): give a file name")
        with self._temporary() as temp:
            _write_all(temp.fd, data)

    def write_chunks(self, pieces: Iterable[str]) -> None:
        """Write text (UTF-8) as it is produced, piece by piece, so that a large output is never one
        string in memory; the same guarantees as ``write_text`` (a failure keeps the old file)."""
        if self.is_stdout:
            for piece in pieces:
                sys.stdout.write(piece)
            sys.stdout.flush()
            return
        with self._temporary() as temp:
            buffer: list[bytes] = []
            size = 0
            for piece in pieces:
                data = piece.encode("utf-8")
                buffer.append(data)
                size += len(data)
                if size >= _WRITE_CHUNK_BYTES:
                    _write_all(temp.fd, b"".join(buffer))
                    buffer, size = [], 0
            _write_all(temp.fd, b"".join(buffer))

    @contextmanager
    def staged(self) -> Iterator[Path]:
        """A temporary file beside the target for another writer to fill (Qt's PDF writer, SQLite's
        backup).  When the block ends normally it is synced and renamed over the target; when it
        raises, the temporary file goes and the target is left as it was."""
        if self.is_stdout:
            raise OutputError("this output cannot be written to the terminal (-): give a file name")
        with self._temporary() as temp:
            temp.close()
            yield temp.path

    def probe(self) -> None:
        """Fail now, not after a long layout, when the target's folder cannot take a new file."""
        if self.is_stdout:
            return
        self.check()
        temp = self._create_temp()
        temp.close()
        _remove(temp.path)

    def _create_temp(self) -> _Temp:
        folder = os.path.dirname(os.path.abspath(self.path))
        name = os.path.basename(self.path)[:80]      # keeps the temporary name within NAME_MAX
        try:
            fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=f".{name}{TEMP_SUFFIX}", dir=folder)
        except OSError as exc:
            raise _fail(self.path, f"cannot create a file in {folder} ({reason(exc)})") from None
        return _Temp(Path(tmp), fd)

    @contextmanager
    def _temporary(self) -> Iterator[_Temp]:
        self.check()
        temp = self._create_temp()
        try:
            yield temp
            temp.sync()
            _set_mode(temp.path, self.path)
            self.check()            # nothing became a link, a session or read-only meanwhile
            os.replace(temp.path, self.path)
        except BaseException as exc:
            temp.close()
            _remove(temp.path)
            if isinstance(exc, OSError):
                kept = " (the previous file is kept)" if os.path.lexists(self.path) else ""
                raise _fail(self.path, reason(exc) + kept) from None
            raise
        _fsync_folder(os.path.dirname(os.path.abspath(self.path)))


@dataclass
class _Temp:
    """A temporary file this module created, and its descriptor while open."""
    path: Path
    fd: int | None

    def close(self) -> None:
        if self.fd is not None:
            fd, self.fd = self.fd, None
            try:
                os.close(fd)
            except OSError:
                pass

    def sync(self) -> None:
        """Flush the file to the disk (reopened when another writer filled it), then close it."""
        if self.fd is None:
            self.fd = os.open(self.path, os.O_RDONLY)
        os.fsync(self.fd)
        self.close()


def _write_all(fd: int | None, data: bytes) -> None:
    """``os.write`` until every byte is written (it may write less than it is given)."""
    assert fd is not None
    view = memoryview(data)
    while view:
        written = os.write(fd, view[:_WRITE_CHUNK_BYTES])
        view = view[written:]


def _set_mode(tmp: Path, target: str) -> None:
    """Keep a replaced file's permissions; a new file gets the usual ones (mkstemp's are 0600)."""
    st = _stat(target)
    if st is not None:
        mode = stat.S_IMODE(st.st_mode)
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        os.chmod(tmp, mode)
    except OSError:
        pass                        # a file system without permissions (FAT): nothing to keep


def _remove(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _fsync_folder(folder: str) -> None:
    """Make the rename durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_text(path: str | os.PathLike, text: str, *, inputs: Iterable[str | os.PathLike] = ()) -> None:
    """Check and write one text output (for callers with a single output)."""
    Outputs(inputs).claim(path).write_text(text)


@contextmanager
def staged(path: str | os.PathLike, *, inputs: Iterable[str | os.PathLike] = (),
           session: bool = False) -> Iterator[Path]:
    """Check one output and give a temporary path to fill (see ``Target.staged``)."""
    with Outputs(inputs).claim(path, session=session).staged() as tmp:
        yield tmp
