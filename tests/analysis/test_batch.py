"""``python main.py batch``: a folder grouped into events, each compared, an index; restartable; the
same output on the local cores, in this process and on a local Dask cluster."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.batch import runner
from analysis.batch.folder import article_files
from analysis.bench.newsday import truth_path, write_day
from analysis.errors import ParallaxError
from analysis.export.json_read import read_comparison

REPO = Path(__file__).resolve().parents[2]
HOSTILE = ("<script>alert('x')</script> Tom & Jerry's <b>zoo</b> opens\n\nSource: <i>Pranks</i> & Co\n\n"
           "The zoo in Quellbrook opened its new reptile house on Sunday with 40 snakes and 12 lizards. "
           "Keeper Ada Brightwater said visitors queued for two hours.\n")


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """A small day: three events of three or four outlets, one lone article with markup in its
    title, one empty file, and files that are no articles."""
    root = tmp_path_factory.mktemp("day") / "articles"
    write_day(root, events=3, outlets=(3, 4))
    (root / "zz_zoo.txt").write_text(HOSTILE, encoding="utf-8")
    (root / "empty.txt").write_text("", encoding="utf-8")
    (root / "notes.json").write_text("{}", encoding="utf-8")
    (root / ".hidden.txt").write_text(HOSTILE, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def first_run(folder, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    return runner.run_batch(folder, out, jobs=1, err=_Quiet()), out


class _Quiet:
    def write(self, text):
        return len(text)

    def flush(self):
        pass


def _files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_the_folder_is_read_in_name_order_without_hidden_or_other_files(folder):
    names = [p.name for p in article_files(folder)]
    assert names == sorted(names) and len(names) == 13
    assert "notes.json" not in names and ".hidden.txt" not in names and "empty.txt" in names


def test_events_are_the_engines_groups_and_each_is_compared(first_run, folder):
    outcome, out = first_run
    truth = json.loads(truth_path(folder).read_text(encoding="utf-8"))["files"]
    events = outcome.plan.events
    assert [len(e.files) for e in events] == [4, 4, 3, 1]
    for e in events[:3]:
        assert len({truth[Path(f).name]["event"] for f in e.files}) == 1, e.label   # one true event each
    assert {truth[Path(f).name]["event"] for e in events[:3] for f in e.files} == {1, 2, 3}
    assert [Path(f).name for f in events[3].files] == ["zz_zoo.txt"]
    assert outcome.plan.skipped[0][0].endswith("empty.txt") and "empty" in outcome.plan.skipped[0][1]
    for e in events[:3]:
        doc = read_comparison(out / "events" / f"{e.key}.json")
        assert [a["path"] for a in doc["articles"]] == list(e.files)
        assert [a["id"] for a in doc["articles"]] == [f"a{i + 1}" for i in range(len(e.files))]
        assert outcome.status[e.key] == "done"


def test_the_index_lists_events_outlets_and_top_omissions(first_run):
    outcome, out = first_run
    data = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert data["schema"] == "parallax.batch/1" and data["articles"] == 12
    assert [(e["id"], e["status"]) for e in data["events"]] == \
        [("e1", "done"), ("e2", "done"), ("e3", "done"), ("e4", "alone")]
    assert [e["json"] for e in data["events"]] == [f"events/{e.key}.json" for e in outcome.plan.events[:3]] + [None]
    omissions = sum(e["omissions"] for e in data["events"][:3])
    assert sum(o["omissions"] for o in data["outlets"]) == omissions > 0
    assert sum(o["articles"] for o in data["outlets"]) == 11          # the lone article is not compared
    scores = [o["score"] for o in data["top_omissions"]]
    assert scores == sorted(scores, reverse=True) and data["top_omissions"][0]["label"]


def test_the_index_page_escapes_every_text_and_stands_alone(first_run):
    page = (first_run[1] / "index.html").read_text(encoding="utf-8")
    assert "<script" not in page and "<b>zoo" not in page and "<i>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page and "Tom &amp; Jerry" in page
    assert "http" not in page and "<link" not in page          # nothing fetched: styles inline


def test_a_second_run_reuses_every_event_and_writes_the_same(first_run, folder, tmp_path):
    outcome, out = first_run
    before = _files(out)
    again = runner.run_batch(folder, out, jobs=1, err=_Quiet())
    assert again.reused == 3 and _files(out) == before


def test_an_interrupted_run_goes_on_where_it_stopped(first_run, folder, tmp_path, monkeypatch):
    real, calls = runner.compare_event, []

    def interrupted(task):
        calls.append(task.key)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(task)

    monkeypatch.setattr(runner, "compare_event", interrupted)
    with pytest.raises(KeyboardInterrupt):
        runner.run_batch(folder, tmp_path, jobs=1, err=_Quiet())
    partial = json.loads((tmp_path / "index.json").read_text(encoding="utf-8"))
    assert [e["status"] for e in partial["events"]] == ["done", "pending", "pending", "alone"]
    assert len(list((tmp_path / "events").iterdir())) == 1
    monkeypatch.setattr(runner, "compare_event", real)
    resumed = runner.run_batch(folder, tmp_path, jobs=1, err=_Quiet())
    assert resumed.reused == 1
    assert _files(tmp_path) == _files(first_run[1])


def test_a_damaged_result_is_compared_again(first_run, folder, tmp_path):
    for name, data in _files(first_run[1]).items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    damaged = tmp_path / "events" / f"{first_run[0].plan.events[0].key}.json"
    damaged.write_text('{"schema": "parallax.comparison/2", "articles": [', encoding="utf-8")
    outcome = runner.run_batch(folder, tmp_path, jobs=1, err=_Quiet())
    assert outcome.reused == 2 and _files(tmp_path) == _files(first_run[1])


def test_outputs_inside_the_articles_folder_are_refused(folder):
    with pytest.raises(ParallaxError, match="outside the articles' folder"):
        runner.output_folder(folder, folder / "out")
    with pytest.raises(ParallaxError, match="outside the articles' folder"):
        runner.output_folder(folder, folder)


def test_the_command_on_the_local_cores_writes_the_same(first_run, folder, tmp_path):
    done = subprocess.run([sys.executable, "main.py", "batch", str(folder), "--out", str(tmp_path),
                           "--jobs", "2"], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert done.returncode == 1, done.stderr                 # the empty file could not be read
    assert "empty.txt" in done.stderr and "3 compared" in done.stderr
    assert _files(tmp_path) == _files(first_run[1])


def test_a_local_dask_cluster_writes_the_same(first_run, folder, tmp_path):
    distributed = pytest.importorskip("distributed")
    # the scheduler's HTTP server binds port 8787 unless told otherwise, even with the dashboard off:
    # another suite running on the machine may hold it, and the "port in use" warning is an error
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  scheduler_kwargs={"dashboard_address": "127.0.0.1:0"}) as cluster:
        outcome = runner.run_batch(folder, tmp_path, dask=cluster.scheduler_address, err=_Quiet())
    assert outcome.reused == 0 and not outcome.failed
    assert _files(tmp_path) == _files(first_run[1])


def test_an_unreachable_scheduler_is_one_line():
    pytest.importorskip("distributed")
    with pytest.raises(ParallaxError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        runner._dask("tcp://127.0.0.1:9", timeout=1)


def test_the_bench_tells_pdfs_that_differ_only_in_bytes_from_other_files(tmp_path, monkeypatch):
    from analysis.bench import batch as bench_batch

    def write(folder: Path, pdf: bytes, data: str) -> Path:
        (folder / "events").mkdir(parents=True)
        (folder / "events" / "e1.pdf").write_bytes(pdf)
        (folder / "events" / "e1.json").write_text(data, encoding="utf-8")
        return folder

    local = write(tmp_path / "local", b"drawn at 10:00", '{"a": 1}')
    same = write(tmp_path / "same", b"drawn at 10:00", '{"a": 1}')
    later = write(tmp_path / "later", b"drawn at 10:05", '{"a": 1}')
    other = write(tmp_path / "other", b"drawn at 10:05", '{"a": 2}')
    monkeypatch.setattr(bench_batch, "_pdf_text", lambda path: "page one")
    assert bench_batch.compare_outputs(same, local) == "every output file byte-identical to the local run's"
    told = bench_batch.compare_outputs(later, local)
    assert told.startswith("every other file byte-identical") and told.endswith("the same text")
    assert bench_batch.compare_outputs(other, local) == \
        "1 file DIFFERENT from the local run's: events/e1.json"
    monkeypatch.setattr(bench_batch, "_pdf_text", lambda path: path.parent.parent.name)
    assert bench_batch.compare_outputs(later, local).endswith("1 of them with DIFFERENT text")
