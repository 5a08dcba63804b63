"""Starting Parallax (issue 12): a misspelt command is named, and ``review FILE... --session S``
starts a review session from the command line."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from analysis.commands import review_command
from analysis.session import Session

ROOT = Path(__file__).resolve().parents[2]
TEXT = ("The island council approved the ferry timetable on Monday after a long debate.\n\n"
        "Mayor Ada Brook said the first boats would sail in June.\n")


def run_main(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env=env, stdin=subprocess.DEVNULL)


def test_a_misspelt_command_gets_did_you_mean(tmp_path):
    done = run_main("comapre", str(tmp_path / "a.txt"))
    assert done.returncode == 2
    assert done.stderr.startswith("parallax: there is no command 'comapre': did you mean compare?")
    assert "Traceback" not in done.stderr


def test_review_creates_a_session_and_opens_the_window_on_it(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    session = tmp_path / "desk.parallax"
    opened: list[list[str]] = []
    err = io.StringIO()
    assert review_command([str(article)], str(session), open_window=lambda p: opened.append(p) or 0,
                          err=err) == 0
    assert opened == [[str(session)]]
    with Session.open(session, read_only=True) as s:
        assert [a.source_text for a in s.articles()] == [TEXT]
    # An existing session is opened as it is; the new files are added in the window.
    other = tmp_path / "b.txt"
    other.write_text(TEXT.replace("Monday", "Tuesday"), encoding="utf-8")
    before = session.read_bytes()
    assert review_command([str(other)], str(session), open_window=lambda p: opened.append(p) or 0) == 0
    assert opened[-1] == [str(session), str(other)] and session.read_bytes() == before


def test_review_never_replaces_a_file_that_is_not_a_session(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    notes = tmp_path / "notes.parallax"
    notes.write_bytes(b"my notes, not a session")
    err = io.StringIO()
    assert review_command([str(article)], str(notes), open_window=lambda p: 0, err=err) == 2
    assert notes.read_bytes() == b"my notes, not a session"
    assert "already exists" in err.getvalue()


def _main_with_an_exit_handler(*args: str) -> subprocess.CompletedProcess:
    """``main.py ARGS`` run as ``python main.py`` runs it, with an exit handler that prints TEARDOWN."""
    code = ("import atexit, runpy, sys; atexit.register(lambda: print('TEARDOWN', flush=True)); "
            f"sys.argv = ['main.py', *{list(args)!r}]; runpy.run_path('main.py', run_name='__main__')")
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, stdin=subprocess.DEVNULL)


def test_compare_ends_its_process_once_its_outputs_are_written(tmp_path):
    # Python's exit (its handlers, then every object and module freed one by one, ~0.1 s after a
    # compare of the seeds) is skipped; the JSON file, stdout, stderr and the status are all there.
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(TEXT, encoding="utf-8")
    second.write_text(TEXT.replace("Monday", "Tuesday"), encoding="utf-8")
    out = tmp_path / "out.json"
    done = _main_with_an_exit_handler("compare", str(first), str(second), "--json", str(out),
                                      "--markdown", "-")
    assert done.returncode == 0, done.stderr
    assert "TEARDOWN" not in done.stdout
    assert json.loads(out.read_text(encoding="utf-8"))["articles"]
    assert done.stdout.startswith("#") and "Ada Brook" in done.stdout
    missing = _main_with_an_exit_handler("compare", str(first), str(tmp_path / "none.txt"), "--json", "-")
    assert missing.returncode == 1 and "TEARDOWN" not in missing.stdout
    assert json.loads(missing.stdout)["articles"] and "none.txt" in missing.stderr


def test_the_window_and_the_benchmarks_still_end_as_python_ends(tmp_path):
    done = _main_with_an_exit_handler("bench", "no-such-bench")
    assert done.returncode == 2 and "TEARDOWN" in done.stdout


def test_compare_runs_without_the_cyclic_collector(tmp_path):
    # It makes no reference cycles and its process ends at once: the collector's passes (~0.07 s of
    # CPU over a compare of the seeds) only walked objects that reference counting frees anyway.
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(TEXT, encoding="utf-8")
    second.write_text(TEXT.replace("Monday", "Tuesday"), encoding="utf-8")
    code = ("import gc, os, runpy, sys; real = os._exit; "
            "os._exit = lambda c: (print('COLLECTOR', gc.isenabled(), flush=True), real(c)); "
            f"sys.argv = ['main.py', 'compare', {str(first)!r}, {str(second)!r}, '--json', "
            f"{str(tmp_path / 'out.json')!r}]; runpy.run_path('main.py', run_name='__main__')")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    assert "COLLECTOR False" in done.stdout
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["facts"]
