"""Running a batch: plan the folder, compare the events that are not done yet, write the index.

The events run on the local cores (``concurrent.futures.ProcessPoolExecutor``, fresh ``spawn``
processes) or on a Dask cluster (``dask.distributed``, the optional ``[dask]`` extra) when a
scheduler address is given; nothing is scheduled by hand.  Either way each finished event comes back
to this process, which writes its files at once (through the one output writer: temporary file,
fsync, rename), so an interrupted run loses only the events still running.  Run again, it reads the
events whose JSON (and PDF, when asked for) are there and valid for the same key, and compares only
the rest.

Output folder ``DIR``: ``index.json``, ``index.html`` and ``events/<key>.json`` (and ``.pdf``).
"""
from __future__ import annotations

import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Sequence, TextIO

from analysis.batch import index
from analysis.batch.folder import Event, Plan, plan
from analysis.batch.progress import Bar
from analysis.batch.work import EventResult, EventTask, compare_event, summary_of
from analysis.constants import DASK_CONNECT_SECONDS
from analysis.errors import OutputError, ParallaxError
from analysis.export.json_read import read_comparison
from analysis.export.writer import Outputs

DASK_EXTRA = "pip install 'parallax[dask]'"


@dataclass
class Outcome:
    """What a run did: per event key its summary (done ones) and status; the index's paths."""
    plan: Plan
    results: dict[str, dict] = field(default_factory=dict)
    status: dict[str, str] = field(default_factory=dict)
    reused: int = 0
    index_json: Path | None = None
    index_html: Path | None = None

    @property
    def failed(self) -> list[str]:
        return [k for k, s in self.status.items() if s.startswith("failed")]


def output_folder(folder: str | os.PathLike, out: str | os.PathLike) -> Path:
    """``out``, created if missing; never the articles' folder or a folder inside it (the next run
    would read the index page as an article)."""
    src, dst = Path(folder).resolve(), Path(out).resolve()
    if dst == src or src in dst.parents:
        raise ParallaxError(f"{out}: choose an output folder outside the articles' folder {folder}")
    if dst.exists() and not dst.is_dir():
        raise ParallaxError(f"{out} is a file, not a folder")
    try:
        (dst / "events").mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ParallaxError(f"cannot create the folder {out}: {exc.strerror or exc}") from None
    return Path(out)


def run_batch(folder: str | os.PathLike, out: str | os.PathLike, *, jobs: int | None = None,
              dask: str | None = None, pdf_writer: Callable[..., int] | None = None,
              page_size: str = "A4", err: TextIO = sys.stderr) -> Outcome:
    """Compare every event of ``folder`` into ``out`` (see the module docstring)."""
    root = output_folder(folder, out)
    schedule = _dask(dask) if dask else _local(jobs)        # fail on a bad address before the work
    try:
        return _run(folder, root, schedule, pdf_writer, page_size, err)
    finally:
        getattr(schedule, "close", lambda: None)()


def _run(folder, root: Path, schedule: Schedule, pdf_writer, page_size: str, err: TextIO) -> Outcome:
    print(f"parallax: batch: reading and grouping the articles of {folder}", file=err)
    outcome = Outcome(plan(folder))
    writer = Outputs([f for e in outcome.plan.events for f in e.files])
    pending = [e for e in outcome.plan.events if e.compared and not _reuse(e, root, pdf_writer, outcome)]
    compared = sum(1 for e in outcome.plan.events if e.compared)
    by_key = {e.key: e for e in pending}
    bar = Bar(compared, outcome.reused, err)
    try:
        tasks = [EventTask(e.key, e.files, pdf_writer, page_size) for e in pending]
        for key, result in schedule(tasks):
            event = by_key[key]
            if isinstance(result, BaseException):
                outcome.status[key] = f"failed: {' '.join(str(result).split())}"
                print(f"\nparallax: batch: event e{event.number} ({event.label}) could not be compared: "
                      f"{result}", file=err)
            else:
                _store(result, event, root, writer, outcome)
            bar.step(f"e{event.number} {event.label}")
    finally:
        bar.close()
        _write_index(outcome, root, writer, pdf_writer is not None)
    return outcome


def _paths(event: Event, root: Path) -> tuple[Path, Path]:
    return root / "events" / f"{event.key}.json", root / "events" / f"{event.key}.pdf"


def _reuse(event: Event, root: Path, pdf_writer, outcome: Outcome) -> bool:
    """True when an earlier run left this event's outputs (readable, of the same articles)."""
    json_path, pdf_path = _paths(event, root)
    if not json_path.is_file() or (pdf_writer is not None and not pdf_path.is_file()):
        return False
    try:
        doc = read_comparison(json_path)
    except ParallaxError:
        return False                # damaged or of another version: compared again
    if [a["digest"] for a in doc["articles"]] != list(event.digests):
        return False
    outcome.results[event.key] = summary_of(doc)
    outcome.status[event.key] = "done"
    outcome.reused += 1
    return True


def _store(result: EventResult, event: Event, root: Path, writer: Outputs, outcome: Outcome) -> None:
    """Write one event's outputs (PDF first: the JSON is what marks the event done)."""
    import json
    json_path, pdf_path = _paths(event, root)
    try:
        if result.pdf is not None:
            writer.claim(pdf_path).write_bytes(result.pdf)
        writer.claim(json_path).write_text(result.json_text)
    except OutputError as exc:
        outcome.status[event.key] = f"failed: {exc}"
        return
    outcome.results[event.key] = summary_of(read_comparison(json.loads(result.json_text)))
    outcome.status[event.key] = "done"


def _write_index(outcome: Outcome, root: Path, writer: Outputs, pdf: bool) -> None:
    data = index.index_data(outcome.plan, outcome.results, outcome.status, pdf)
    outcome.index_json, outcome.index_html = root / "index.json", root / "index.html"
    writer.claim(outcome.index_json).write_text(index.index_json(data))
    writer.claim(outcome.index_html).write_text(index.index_html(data))


Schedule = Callable[[Sequence[EventTask]], Iterator[tuple[str, "EventResult | BaseException"]]]


def _local(jobs: int | None) -> Schedule:
    """Events on the local cores: one process per core (``jobs``), or in this process for one job."""
    jobs = jobs or os.cpu_count() or 1

    def schedule(tasks: Sequence[EventTask]):
        if jobs == 1 or len(tasks) <= 1:
            for task in tasks:
                yield task.key, _guarded(task)
            return
        context = multiprocessing.get_context("spawn")      # no fork of a process with threads
        with ProcessPoolExecutor(max_workers=min(jobs, len(tasks)), mp_context=context) as pool:
            futures = {pool.submit(compare_event, t): t.key for t in tasks}
            try:
                for done in as_completed(futures):
                    yield futures[done], _outcome_of(done)
            except BaseException:
                pool.shutdown(wait=False, cancel_futures=True)
                raise
    return schedule


def _guarded(task: EventTask) -> EventResult | BaseException:
    try:
        return compare_event(task)
    except Exception as exc:            # one event's failure is reported; the others go on
        return exc


def _outcome_of(future) -> EventResult | BaseException:
    try:
        return future.result()
    except Exception as exc:
        return exc


def _dask(address: str, timeout: float = DASK_CONNECT_SECONDS) -> Schedule:
    """Events on the Dask cluster whose scheduler is at ``address`` (``tcp://HOST:PORT``)."""
    try:
        from distributed import Client
        from distributed import as_completed as dask_completed
    except ImportError:
        raise ParallaxError(f"--dask needs the optional Dask extra: {DASK_EXTRA}") from None
    try:
        client = Client(address, timeout=f"{timeout}s")
    except (OSError, TimeoutError) as exc:
        raise ParallaxError(f"cannot reach the Dask scheduler at {address}: {exc}") from None

    def schedule(tasks: Sequence[EventTask]):
        futures = client.map(compare_event, list(tasks), pure=False)
        keys = {f.key: t.key for f, t in zip(futures, tasks)}
        for done in dask_completed(futures):
            yield keys[done.key], _outcome_of(done)
    schedule.close = client.close       # type: ignore[attr-defined]
    return schedule
