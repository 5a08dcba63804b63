"""Alignment: which sentences of different outlets report the same fact.

Pipeline inside the stage (``stage.run`` glues it):

* ``features/`` — per-sentence stems, normalised entities, quantities, dates;
* ``embed`` — the offline sentence-embedding model (wordllama);
* ``similarity`` — the fitted same-meaning score of two sentences and the candidate-pair index;
* ``cluster`` — mutual links and constrained clustering of linked sentences;
* ``facts`` — clusters turned into ``Fact`` records with stable ids and labels.

Importing the package is cheap: the embedding model loads on first use.
"""
