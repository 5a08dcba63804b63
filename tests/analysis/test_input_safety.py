"""Inputs that used to hang or raise a traceback (issue 12): a FIFO, a name too long for the file
system, a folder that cannot be read.  Each is one line naming the file, never a traceback."""
from __future__ import annotations

import errno
import io
import os
import threading
from pathlib import Path

import pytest

from analysis.commands import compare_command, report_command
from analysis.errors import IngestError
from analysis.ingest import load_article

TEXT = "The ferry council met on Monday and approved the new timetable for the island route.\n"


@pytest.fixture()
def fifo(tmp_path):
    """A FIFO with a writer waiting on it: reading it would not block, so before the fix it was
    read as an article; now it is refused unopened.  The writer is let go at the end."""
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)

    def feed():
        with open(path, "w") as handle:         # blocks until someone opens the reading end
            handle.write(TEXT)
    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    yield path
    if feeder.is_alive():                       # nobody read it (the fix): release the writer
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        feeder.join(5)
        os.close(fd)


def test_a_fifo_is_refused_without_opening_it(fifo):
    with pytest.raises(IngestError) as info:
        load_article(fifo)
    assert str(info.value) == (f"{fifo}: is a pipe (FIFO), not a file; save the article to a file "
                               "and give that")


def test_a_fifo_on_the_command_line_is_one_line(fifo):
    err = io.StringIO()
    assert compare_command([str(fifo)], None, "-", err=err) == 2
    assert err.getvalue().splitlines()[0] == f"parallax: {fifo}: is a pipe (FIFO), not a file; " \
                                              "save the article to a file and give that"


def test_a_file_name_too_long_is_a_message_not_a_traceback(tmp_path, capsys):
    long_name = str(tmp_path / ("x" * 300 + ".txt"))
    err = io.StringIO()
    assert compare_command([long_name], None, "-", err=err) == 2
    assert err.getvalue().splitlines()[0] == f"parallax: {long_name}: cannot be read (the file name is too long)"
    err = io.StringIO()
    assert report_command([long_name], html=str(tmp_path / "r.html"), err=err) == 2
    assert "the file name is too long" in err.getvalue()
    err = io.StringIO()
    ok = tmp_path / "ok.txt"
    ok.write_text(TEXT)
    assert compare_command([str(ok)], long_name, None, err=err) == 2        # and as an output
    assert err.getvalue().splitlines()[0] == f"parallax: cannot write {long_name}: the file name is too long"


def _refuse_in(folder: Path, monkeypatch):
    """Root reads any folder: simulate the OS refusing to look inside ``folder``."""
    real_stat = os.stat

    def stat(path, *args, **kwargs):
        if str(path).startswith(str(folder) + os.sep):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_stat(path, *args, **kwargs)
    monkeypatch.setattr(os, "stat", stat)


def test_a_file_in_an_unreadable_folder_is_one_line(tmp_path, monkeypatch):
    folder = tmp_path / "private"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT)
    path = str(folder / "a.txt")
    _refuse_in(folder, monkeypatch)
    for run in (lambda err: compare_command([path], None, "-", err=err),
                lambda err: report_command([path], markdown="-", err=err)):
        err = io.StringIO()
        assert run(err) == 2
        first = err.getvalue().splitlines()[0]
        assert first == f"parallax: {path}: permission denied (the file or its folder cannot be read)"
        assert "Errno" not in err.getvalue()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root reads folders whatever their permissions (simulated above)")
def test_a_really_unreadable_folder(tmp_path):
    folder = tmp_path / "private"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT)
    folder.chmod(0)
    try:
        err = io.StringIO()
        assert compare_command([str(folder / "a.txt")], None, "-", err=err) == 2
        assert "permission denied" in err.getvalue()
    finally:
        folder.chmod(0o700)


def test_a_file_named_parallax_that_is_no_session_is_named_so(tmp_path):
    import sqlite3
    junk = tmp_path / "junk.parallax"
    junk.write_bytes(b"just some bytes \x00\x01\x02 of nothing" * 10)
    other = tmp_path / "other.parallax"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    before = {p: p.read_bytes() for p in (junk, other)}
    for path, why in ((junk, "is not a Parallax session file"),
                      (other, "is an SQLite database of another program, not a Parallax session")):
        err = io.StringIO()
        assert compare_command([str(path)], None, "-", err=err) == 2
        assert err.getvalue().splitlines()[0].startswith(f"parallax: {path} {why}")
        err = io.StringIO()
        assert report_command([str(path)], markdown="-", err=err) == 2
        assert why in err.getvalue()                # before: "this is a database, not text"
    assert {p: p.read_bytes() for p in (junk, other)} == before
