"""One writer per session file: an exclusive lock file next to it (``NAME.parallax.lock``).

The lock is an OS advisory lock (``flock`` on POSIX, ``msvcrt.locking`` on Windows) held on the
lock file for as long as the session is open.  A lock file someone deletes by hand would let a
second instance take a new one, so its identity is checked before every write (``verify``): the
name must still be our file; a deleted one is taken back, and a new one of another instance
means this instance has lost the session and must not write (one writer per session, always).
The OS drops the lock when the process ends, however it ends (``kill -9`` included), so a lock
left by a dead process is simply taken over.  The file's content (pid, host, time) only serves the
message shown to the user, and, where the file system offers no OS lock (some network shares), a
liveness check of that pid on this host.
"""
from __future__ import annotations

import errno
import json
import os
import socket
from pathlib import Path

from analysis.errors import SessionError, SessionLocked
from analysis.session.schema import app_version, utc_now

LOCK_SUFFIX = ".lock"
_HOLDER_MAX_BYTES = 4096                # bytes of lock file read for the holder's description
_WINDOWS_LOCK_OFFSET = 1 << 20          # bytes; Windows locks a byte range, kept clear of the text
_ATTEMPTS = 3                           # retries when a closing owner deletes the file under us

try:
    import fcntl
except ImportError:                     # Windows
    fcntl = None  # type: ignore[assignment]
    import msvcrt

# Lock files held by this process: a second Session on the same file in one process is refused
# even where the OS lock is per-process rather than per-open-file.
_HELD: set[str] = set()


def lock_path(session_path: Path) -> Path:
    return Path(f"{session_path}{LOCK_SUFFIX}")


def _os_lock(fd: int) -> bool:
    """Try to take the OS lock without waiting: True if taken, False if another holder has it.

    Raises OSError when the file system offers no lock at all.
    """
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:
            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        return True
    except OSError as exc:
        if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK, errno.EDEADLK):
            return False
        raise


def _read_holder(fd: int) -> dict:
    """The holder's pid/host/since as written in the lock file; {} when unreadable."""
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        raw = os.read(fd, _HOLDER_MAX_BYTES)
        holder = json.loads(raw.decode("utf-8"))
        return holder if isinstance(holder, dict) else {}
    except (OSError, ValueError):
        return {}


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True                     # exists but belongs to someone else (or cannot tell)
    return True


def _holder_alive(holder: dict) -> bool:
    """Liveness from the lock file's content alone (used only without OS locks)."""
    pid = holder.get("pid")
    if not isinstance(pid, int):
        return False
    if holder.get("host") != socket.gethostname():
        return True                     # another machine: we cannot check, so respect it
    return pid != os.getpid() and _pid_alive(pid)


def _locked_message(session_path: Path, holder: dict) -> str:
    who = ""
    if holder.get("pid"):
        who = f" (process {holder['pid']} on {holder.get('host', '?')}, since {holder.get('since', '?')})"
    return (f"{session_path} is open in another Parallax{who}: close it there, "
            "or open it read-only")


def _same_file(fd: int, path: Path) -> bool:
    """Whether ``path`` still names the file behind ``fd`` (a closing owner may have deleted it)."""
    try:
        here, there = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


class SessionLock:
    """The writer's lock on one session file; ``acquire`` raises SessionError when it is taken."""

    def __init__(self, session_path: Path):
        self.session_path = session_path
        self.path = lock_path(session_path)
        self._key = os.path.realpath(self.path)
        self._fd: int | None = None

    def acquire(self) -> None:
        if self._key in _HELD:
            raise SessionError(f"{self.session_path} is already open in this Parallax window")
        for _ in range(_ATTEMPTS):
            fd = self._open()
            if self._take(fd):
                self._fd = fd
                _HELD.add(self._key)
                self._write_holder()
                return
        raise SessionError(f"{self.session_path} could not be locked: its lock file keeps changing")

    def _open(self) -> int:
        try:
            return os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise SessionError(f"{self.session_path} cannot be locked for writing "
                               f"({exc.strerror or exc})") from None

    def _take(self, fd: int) -> bool:
        """Lock ``fd``: True when ours, False to retry; raises when another instance holds it."""
        try:
            taken = _os_lock(fd)
        except OSError:
            taken = not _holder_alive(_read_holder(fd))   # no OS locks here: trust a live pid
        if not taken:
            holder = _read_holder(fd)
            os.close(fd)
            raise SessionLocked(_locked_message(self.session_path, holder))
        if not _same_file(fd, self.path):
            os.close(fd)                # we locked a file its owner just deleted: start again
            return False
        return True

    def _write_holder(self) -> None:
        holder = {"pid": os.getpid(), "host": socket.gethostname(), "since": utc_now(),
                  "app": f"Parallax {app_version()}"}
        data = json.dumps(holder).encode("utf-8")
        assert self._fd is not None, "the holder is written only while the lock file is open"
        os.ftruncate(self._fd, 0)
        os.lseek(self._fd, 0, os.SEEK_SET)
        os.write(self._fd, data)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def verify(self) -> bool:
        """Before a write: True while the lock file on disk is still ours.  A deleted lock file is
        taken back (a new file, locked, our holder written); False when another instance has put
        its own lock there, or the name cannot be checked."""
        if self._fd is None:
            return False
        if _same_file(self._fd, self.path):
            return True
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
        except OSError:
            return False                # another instance's lock file (or none can be made)
        try:
            taken = _os_lock(fd)
        except OSError:
            taken = True                # no OS locks here: the file we just made is the lock
        if not taken:
            os.close(fd)
            return False
        old, self._fd = self._fd, fd
        os.close(old)
        self._write_holder()
        return True

    def holder(self) -> dict:
        """Who holds the lock file now (pid, host, since), as far as it says; {} when unreadable."""
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except OSError:
            return {}
        try:
            return _read_holder(fd)
        finally:
            os.close(fd)

    def release(self) -> None:
        """Delete the lock file while still holding it, then let go (see ``_same_file``).  A lock
        file that is no longer ours (ours was deleted, another instance made a new one) is kept."""
        if self._fd is None:
            return
        try:
            if _same_file(self._fd, self.path):
                self.path.unlink()
        except OSError:
            pass                        # Windows cannot delete an open file; the next owner reuses it
        os.close(self._fd)
        self._fd = None
        _HELD.discard(self._key)
