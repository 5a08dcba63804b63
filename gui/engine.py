"""What the engine process does before its first job: load, once, what an analysis needs.

The engine process (``gui.worker``, a ``gui.child.ChildProcess``) never imports Qt: it runs the
engine and this module only (``tests/gui/test_engine_process.py`` checks).  ``warm_up`` is a
generator: the process takes one step, then looks whether a job is waiting and stops warming if one
is, so a first job never waits for a warm-up it does not need (the job loads what it lacks itself).
"""
from __future__ import annotations

import gc
from typing import Callable, Iterator

from analysis import garbage


def _steps() -> tuple[Callable[[], object], ...]:
    def patterns() -> None:
        # the compiled patterns of earlier runs, before the modules below compile theirs
        from analysis import regexcache
        regexcache.prefill()

    def engine() -> None:
        import analysis.ingest  # noqa: F401 - the stages' modules
        import analysis.pipeline  # noqa: F401

    def sentences() -> None:
        from analysis.segment import split_sentences
        split_sentences("Warm up. Punkt is ready.")

    def model() -> None:
        from analysis.align.embed import embed
        embed(["The minister said on Monday that the bridge would reopen."])

    def words() -> None:
        from analysis.align.features.entities import _model_lowercase_words
        _model_lowercase_words()

    def readability() -> None:
        from analysis.signals.readability import syllables
        syllables("reopen"), syllables("Witkoff")

    def sentiment() -> None:
        from analysis.signals.sentiment import score_text
        score_text("A calm and useful meeting.")

    def lexicons() -> None:
        from analysis.lexicons import available_lexicons, load_lexicon
        for name in available_lexicons():
            load_lexicon(name).find("")          # compiles the lexicon's pattern

    def lemmas() -> None:
        # lemminflect's two tables (analysis/lemmas.py): claims, concepts and names read lemmas
        from lemminflect import getAllLemmas, getInflection

        from analysis.lemmas import load_tables
        load_tables()
        getAllLemmas("reopened", "VERB"), getInflection("reopen", "VBD")

    def frequencies() -> None:
        # wordfreq's values for plain words (analysis/frequencies.py): event evidence, spelling slips
        from analysis.frequencies import zipf_frequency
        zipf_frequency("bridge", "en")
    def stages() -> None:
        # the stages' modules, which the first compare imports on first use (~0.1-0.2 s of CPU:
        # their patterns and tables are built at import), and the speech cues' pattern
        import analysis.align.samefact  # noqa: F401
        import analysis.align.stage  # noqa: F401
        import analysis.coverage.omissions  # noqa: F401
        import analysis.events.stage  # noqa: F401
        import analysis.signals.framing  # noqa: F401
        import analysis.signals.stage  # noqa: F401
        from analysis.signals.attribution.verbs import cue_pattern
        cue_pattern()
    def settle() -> None:
        # What the warm-up built (modules, models, tables: ~44,000 objects) lives as long as the
        # process: kept out of every later collection (a full one during the first compare scanned
        # them all, ~0.03 s; so did the collection after each job).  Garbage first, then freeze.
        gc.collect()
        gc.freeze()
    return (patterns, engine, sentences, model, words, readability, sentiment, lexicons, lemmas,
            frequencies, stages, settle)


def warm_up() -> Iterator[str]:
    """Load the engine's modules, models and tables, one step per ``next()``; yields the step's name.
    Warming is only an optimisation: a step that fails is skipped.

    The cyclic collector is off from the first step until the warm-up ends (or is dropped): what it
    loads lives as long as the process, so its passes over the new tables found nothing (~0.025 s
    of CPU of the ~0.5 s warm-up); "settle" collects once, then freezes.  A job run in between
    collects after itself as always (``gui.child.serve``)."""
    with garbage.paused():
        for step in _steps():
            try:
                step()
            except Exception:  # noqa: BLE001 - the job will load (or report) it itself
                pass
            yield step.__name__


def qt_loaded(progress=None) -> list[str]:
    """The Qt modules this process has imported: none in the engine process (a self-check the
    tests run there; ``progress`` is the engine protocol's callback, unused)."""
    import sys
    return sorted(name for name in sys.modules if name.split(".")[0] in ("PySide6", "shiboken6"))
