"""No output ever destroys an editor's file (issue 12): the one writer, analysis/export/writer.py,
and the commands that go through it.  Every refused target is left byte for byte as it was."""
from __future__ import annotations

import errno
import io
import os
import stat
from pathlib import Path

import pytest

from analysis.commands import compare_command, report_command
from analysis.errors import OutputError
from analysis.export import writer
from analysis.export.writer import Outputs
from analysis.session import Session, SessionArticle

ARTICLE_A = ("The harbour council approved a new ferry timetable on Monday after a long debate.\n\n"
             "Mayor Ada Brook said the first boats would sail in June. The plan costs 4 million euros.\n")
ARTICLE_B = ("Councillors backed the ferry timetable on Monday, the harbour office said.\n\n"
             "The first boats sail in June, Mayor Ada Brook told reporters. Critics called the cost too high.\n")


@pytest.fixture()
def articles(tmp_path) -> list[Path]:
    paths = [tmp_path / "a.txt", tmp_path / "a2.txt"]
    for path, text in zip(paths, (ARTICLE_A, ARTICLE_B)):
        path.write_text(text, encoding="utf-8")
    return paths


@pytest.fixture()
def session_file(tmp_path) -> Path:
    path = tmp_path / "mine.parallax"
    items = [SessionArticle(id="a1", kind="paste", source_text=ARTICLE_A, outlet="Harbour Post"),
             SessionArticle(id="a2", kind="paste", source_text=ARTICLE_B, outlet="Coast Daily")]
    Session.create(path, items).close()
    return path


def fake_pdf(report, path, page_size="A4", progress=None) -> int:
    Path(path).write_bytes(b"%PDF-1.4 a fake report\n")
    return 1


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and not p.is_symlink()}


def no_temporaries(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.startswith(writer.TEMP_PREFIX) or p.suffix == ".part"]


# --- outputs onto inputs and sessions --------------------------------------------------------------

def test_report_onto_its_own_session_is_refused_and_the_session_kept(session_file):
    before = session_file.read_bytes()
    err = io.StringIO()
    assert report_command([str(session_file)], html=str(session_file), err=err) == 2
    assert session_file.read_bytes() == before
    [line] = err.getvalue().splitlines()
    assert line.startswith(f"parallax: cannot write {session_file}: it is an input of this run")
    with Session.open(session_file, read_only=True) as s:       # still a session, still whole
        assert [a.id for a in s.articles()] == ["a1", "a2"]


def test_compare_json_onto_a_session_is_refused(session_file, articles):
    before = session_file.read_bytes()
    err = io.StringIO()
    # Not an input of this run: refused because it is a review session.
    assert compare_command([str(articles[0])], str(session_file), None, err=err) == 2
    assert session_file.read_bytes() == before
    assert "is a Parallax review session" in err.getvalue()
    assert compare_command([str(session_file)], str(session_file), None, err=io.StringIO()) == 2
    assert session_file.read_bytes() == before


def test_outputs_onto_input_articles_are_refused(articles, tmp_path):
    before = snapshot(tmp_path)
    err = io.StringIO()
    assert compare_command([str(p) for p in articles], str(articles[0]), None, err=err) == 2
    assert "a.txt: it is an input of this run" in err.getvalue()
    err = io.StringIO()
    code = report_command([str(p) for p in articles], pdf=str(articles[1]), err=err, pdf_writer=fake_pdf)
    assert code == 2 and "a2.txt: it is an input of this run" in err.getvalue()
    assert snapshot(tmp_path) == before


def test_an_input_reached_through_another_name_is_refused(articles, tmp_path):
    twin = tmp_path / "twin.txt"
    os.link(articles[0], twin)                  # the same file under a second name
    with pytest.raises(OutputError, match=r"it is an input of this run \(.*a\.txt\)"):
        Outputs([articles[0]]).claim(twin)


def test_the_same_output_twice_is_refused_and_the_first_written(articles, tmp_path):
    out = tmp_path / "out.txt"
    err = io.StringIO()
    code = report_command([str(p) for p in articles], html=str(out), json_out=str(out), err=err)
    assert code == 2
    assert "given for two outputs" in err.getvalue()
    assert out.read_text(encoding="utf-8").lstrip().startswith("<!DOCTYPE html>")


# --- targets that are not plain writable files ---------------------------------------------------

def test_a_read_only_file_is_kept(tmp_path):
    target = tmp_path / "locked.json"
    target.write_bytes(b"the editor's file")
    target.chmod(0o444)
    with pytest.raises(OutputError, match="locked.json: the file is read-only"):
        writer.write_text(target, "{}")
    assert target.read_bytes() == b"the editor's file"


def test_a_symlink_is_refused_and_its_target_kept(tmp_path, articles):
    real = tmp_path / "notes.md"
    real.write_bytes(b"my notes")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    err = io.StringIO()
    assert compare_command([str(p) for p in articles], None, str(link), err=err) == 2
    assert "link.md: it is a symbolic link" in err.getvalue()
    assert real.read_bytes() == b"my notes" and link.is_symlink()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="mknod needs root")
def test_a_device_node_is_refused(tmp_path):
    node = tmp_path / "null-device"
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    with pytest.raises(OutputError, match="it is a device, a pipe or another special file"):
        writer.write_text(node, "{}")
    assert stat.S_ISCHR(os.lstat(node).st_mode) and os.lstat(node).st_rdev == os.makedev(1, 3)


def test_a_fifo_and_a_folder_are_refused(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="special file"):
        writer.write_text(fifo, "x")            # before: open() blocked until a reader came
    with pytest.raises(OutputError, match="it is a folder"):
        writer.write_text(tmp_path, "x")
    with pytest.raises(OutputError, match="does not exist"):
        writer.write_text(tmp_path / "nowhere" / "out.json", "x")


def test_a_users_part_file_is_never_touched(articles, tmp_path):
    theirs = tmp_path / "out.pdf.part"
    theirs.write_bytes(b"the user's own file")
    out = tmp_path / "out.pdf"
    code = report_command([str(p) for p in articles], pdf=str(out), err=io.StringIO(), pdf_writer=fake_pdf)
    assert code == 0 and out.read_bytes().startswith(b"%PDF")
    assert theirs.read_bytes() == b"the user's own file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "a2.txt", "out.pdf", "out.pdf.part"]


# --- a full disk ---------------------------------------------------------------------------------

def _disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("call", ["write", "fsync"])
def test_a_full_disk_keeps_the_old_file_and_leaves_no_temporary(tmp_path, monkeypatch, call):
    previous = tmp_path / "prev.json"
    previous.write_bytes(b'{"the": "previous export"}')
    with monkeypatch.context() as m:
        m.setattr(os, call, _disk_full)
        with pytest.raises(OutputError) as info:
            writer.write_text(previous, '{"new": 1}' * 1000)
    assert str(info.value) == f"cannot write {previous}: the disk is full (the previous file is kept)"
    assert previous.read_bytes() == b'{"the": "previous export"}'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["prev.json"]


def test_a_full_disk_in_the_report_command_leaves_nothing_behind(articles, tmp_path, monkeypatch):
    out = tmp_path / "r.json"
    err = io.StringIO()
    from analysis.report import write as cli
    real = cli.Target.write_text

    def full(self, text):
        with monkeypatch.context() as m:
            m.setattr(os, "write", _disk_full)
            real(self, text)
    monkeypatch.setattr(cli.Target, "write_text", full)
    assert report_command([str(p) for p in articles], json_out=str(out), err=err) == 2
    assert "r.json: the disk is full" in err.getvalue() and "Errno" not in err.getvalue()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "a2.txt"]


def test_a_cancelled_staged_write_removes_only_its_own_file(tmp_path):
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")
    with pytest.raises(KeyboardInterrupt):
        with writer.staged(target) as temporary:
            temporary.write_bytes(b"half a PDF")
            raise KeyboardInterrupt
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]
    assert target.read_bytes() == b"old"


def test_a_replaced_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "shared.md"
    target.write_text("old")
    target.chmod(0o640)
    writer.write_text(target, "new")
    assert target.read_text() == "new" and stat.S_IMODE(target.stat().st_mode) == 0o640


# --- session copies go through the writer -------------------------------------------------------

def test_session_copies_refuse_links_and_read_only_files(session_file, tmp_path):
    real = tmp_path / "other.txt"
    real.write_bytes(b"not yours")
    link = tmp_path / "copy.parallax"
    link.symlink_to(real)
    locked = tmp_path / "locked.parallax"
    locked.write_bytes(b"read-only")
    locked.chmod(0o444)
    with Session.open(session_file) as s:
        from analysis.errors import SessionError
        with pytest.raises(SessionError, match="symbolic link"):
            s.copy_to(link, overwrite=True)
        with pytest.raises(SessionError, match="read-only"):
            s.copy_to(locked, overwrite=True)
        copy = s.copy_to(tmp_path / "fine.parallax")
    assert real.read_bytes() == b"not yours" and locked.read_bytes() == b"read-only"
    with Session.open(copy, read_only=True) as c:
        assert len(c.articles()) == 2
    assert no_temporaries(tmp_path)
