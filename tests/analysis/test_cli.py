"""``python main.py compare`` as a user runs it: a real subprocess, exit statuses, stdout, stderr.

Exit status 0: everything loaded; 1: some inputs could not be used (one line each on stderr), the
rest were analysed; 2: nothing could be loaded.  Never a traceback.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MAIN = ROOT / "main.py"


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, str(MAIN), "compare", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)
    assert "Traceback" not in done.stderr, done.stderr
    assert "Traceback" not in done.stdout
    return done


def lines_naming(stderr: str, name: str) -> list[str]:
    return [line for line in stderr.splitlines() if name in line]


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bad")
    empty = folder / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = folder / "photo.txt"           # a binary file renamed .txt
    binary.write_bytes(bytes(range(256)) * 8)
    directory = folder / "a-folder"
    directory.mkdir()
    return {"empty": empty, "binary": binary, "directory": directory,
            "missing": folder / "not-there.txt"}


def test_seeds_to_json_on_stdout_and_markdown_to_a_file(seed_paths, tmp_path):
    summary = tmp_path / "summary.md"
    done = run(*map(str, seed_paths), "--json", "-", "--markdown", str(summary))
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["schema"] == "parallax.comparison/3"
    assert [a["path"] for a in data["articles"]] == [str(p) for p in seed_paths]
    assert {e["article"]: e["same_event"] for e in data["event"]} == \
        {"a1": True, "a2": True, "a3": True, "a4": True, "a5": False}
    assert sum(1 for f in data["facts"] if len(f["members"]) > 1) >= 10
    assert data["omissions"] and {"omission", "exclusive"} <= {f["kind"] for f in data["findings"]}
    # The note about the September article goes to stderr, as one line, and stdout stays pure JSON.
    assert lines_naming(done.stderr, "(a5) is on another event (event 2")
    md = summary.read_text(encoding="utf-8")
    assert md.startswith("# Parallax comparison")
    assert "| fact |" in md and "CNN" in md


def test_an_empty_file_is_named_and_the_seed_still_analysed(bad_inputs, seed_paths, tmp_path):
    out = tmp_path / "out.json"
    done = run(str(bad_inputs["empty"]), str(seed_paths[0]), "--json", str(out))
    assert done.returncode == 1
    [line] = lines_naming(done.stderr, "empty.txt")
    assert line.startswith("parallax: ") and "is empty" in line
    assert line.count("empty.txt") == 1
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [(a["id"], a["path"]) for a in data["articles"]] == [("a1", str(seed_paths[0]))]
    assert data["articles"][0]["sentences"]


def test_binary_folder_and_missing_inputs_next_to_a_seed(bad_inputs, seed_paths):
    bad = [bad_inputs[k] for k in ("binary", "directory", "missing")]
    done = run(*map(str, bad), str(seed_paths[3]), "--json", "-")
    assert done.returncode == 1
    for path, words in zip(bad, ("binary", "folder", "no such file")):
        [line] = lines_naming(done.stderr, path.name)
        assert words in line, line
    data = json.loads(done.stdout)
    assert [a["outlet"] for a in data["articles"]] == ["CNN"]


@pytest.mark.parametrize("kind", ["empty", "binary", "directory", "missing", "all"])
def test_nothing_usable_exits_2(bad_inputs, kind):
    paths = list(bad_inputs.values()) if kind == "all" else [bad_inputs[kind]]
    done = run(*map(str, paths), "--json", "-")
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert lines[-1] == "parallax: no article could be loaded"
    for path in paths:
        assert len(lines_naming(done.stderr, path.name)) == 1
    assert len(lines) == len(paths) + 1


def test_usage_errors_exit_2_without_traceback():
    done = subprocess.run([sys.executable, str(MAIN), "compare"], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "usage:" in done.stderr


def test_an_output_that_cannot_be_written_is_a_message(seed_paths, tmp_path):
    summary = tmp_path / "summary.md"
    done = run(str(seed_paths[0]), "--json", str(tmp_path / "no-such-folder" / "out.json"),
               "--markdown", str(summary))
    assert done.returncode == 2
    [line] = lines_naming(done.stderr, "out.json")
    assert line.startswith("parallax: cannot write ")
    assert summary.read_text(encoding="utf-8").startswith("# Parallax comparison")   # the other still written


def test_a_sidecar_given_beside_its_article_is_read_with_it_not_as_an_article(tmp_path):
    # A glob of a folder ("seeds/*") passes "story.txt.meta" too: it had become an article of its own.
    import io

    from analysis.commands import load_inputs
    story, other = tmp_path / "story.txt", tmp_path / "other.txt"
    story.write_text("The council voted on Monday to close the old bridge to traffic.\n", encoding="utf-8")
    other.write_text("Councillors agreed on Monday that the old bridge will close.\n", encoding="utf-8")
    meta = tmp_path / "story.txt.meta"
    meta.write_text("outlet: The Clarion\n", encoding="utf-8")
    err = io.StringIO()
    articles, failures = load_inputs([str(story), str(meta), str(other)], err=err)
    assert failures == 0
    assert [(a.id, a.outlet) for a in articles] == [("a1", "The Clarion"), ("a2", "other")]
    assert err.getvalue() == f"parallax: {meta}: the details file of {story}, read with it (not an article)\n"
