"""``compare``/``report`` and event groups: ``groups`` in the JSON, ``--event N`` picks the group,
and clear one-line messages when the group is not there or holds one article."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from event_texts import BRIDGE, FOOTBALL, WATER_BILL

from analysis.commands import EXIT_NOTHING, EXIT_OK, compare_command, report_command

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    """Bridge (a1, a3, a5), water bill (a2, a4), a football report (a6)."""
    folder = tmp_path_factory.mktemp("events")
    texts = [BRIDGE[0], WATER_BILL[0], BRIDGE[1], WATER_BILL[1], BRIDGE[2], FOOTBALL]
    paths = []
    for i, text in enumerate(texts):
        p = folder / f"{i + 1}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(str(p))
    return paths


def _compare(inputs, tmp_path, event=None) -> tuple[int, dict, str]:
    out, err = tmp_path / "out.json", io.StringIO()
    status = compare_command(inputs, str(out), None, err=err, event=event)
    return status, json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}, err.getvalue()


def test_the_json_lists_every_group_and_the_largest_is_compared(inputs, tmp_path):
    status, data, err = _compare(inputs, tmp_path)
    assert status == EXIT_OK
    assert [(g["id"], g["articles"], g["compared"]) for g in data["groups"]] == [
        ("e1", ["a1", "a3", "a5"], True), ("e2", ["a2", "a4"], False), ("e3", ["a6"], False)]
    assert {e["article"]: e["same_event"] for e in data["event"]} == {
        "a1": True, "a3": True, "a5": True, "a2": False, "a4": False, "a6": False}
    assert data["groups"][1]["label"] == "Governor Quaranta signs water rationing law"
    assert "parallax: comparing event 1 of 3 (“Marrowby harbour bridge collapses during morning rush”); " \
           "--event N compares another" in err.splitlines()


def test_event_2_compares_the_second_group(inputs, tmp_path):
    status, data, _ = _compare(inputs, tmp_path, event=2)
    assert status == EXIT_OK
    assert [g["id"] for g in data["groups"] if g["compared"]] == ["e2"]
    assert {e["article"] for e in data["event"] if e["same_event"]} == {"a2", "a4"}
    assert all({m["article"] for m in f["members"]} <= {"a2", "a4"} for f in data["facts"])


def test_a_group_that_is_not_there_is_one_line_and_nothing_written(inputs, tmp_path):
    status, data, err = _compare(inputs, tmp_path, event=7)
    assert status == EXIT_NOTHING and not data
    assert "parallax: --event 7: there is no event group 7: the articles form 3 groups (1 to 3)" \
        in err.splitlines()


def test_a_lone_group_says_there_is_nothing_to_compare(inputs, tmp_path):
    status, data, err = _compare(inputs, tmp_path, event=3)
    assert status == EXIT_OK
    assert not any(e["same_event"] for e in data["event"])
    assert "parallax: Event group 3 holds one article, The Northern Post (a6): nothing to compare; " \
           "choose a group of two or more." in err.splitlines()


def test_report_takes_event_too(inputs, tmp_path):
    out, err = tmp_path / "report.md", io.StringIO()
    assert report_command(inputs, markdown=str(out), err=err, event=2) == EXIT_OK
    text = out.read_text(encoding="utf-8")
    assert "Quaranta" in text


def test_main_py_event_option_end_to_end(inputs):
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "compare", *inputs[:4], "--event", "e2",
                           "--json", "-"], cwd=ROOT, capture_output=True, text=True, encoding="utf-8",
                          timeout=120)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert [g["compared"] for g in data["groups"]] == [False, True]
    bad = subprocess.run([sys.executable, str(ROOT / "main.py"), "compare", *inputs[:2], "--event", "0"],
                         cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert "'0' is not an event group number (1, 2, ...)" in bad.stderr
