"""Alignment: which sentences of different outlets report the same fact.

Pipeline inside the stage (``stage.run`` glues it):

* ``claims`` — sentences cut into claims (a compound sentence holds several), attribution set apart;
* ``features/`` — per-sentence and per-claim stems, normalised entities, quantities, dates;
* ``embed`` — the offline sentence-embedding model (wordllama);
* ``similarity`` — the fitted same-meaning score of two sentences and the candidate-pair index;
* ``samefact`` — the same-fact probability of two claims (fitted on MRPC);
* ``cluster`` — mutual links and constrained clustering of linked claims;
* ``facts`` — clusters turned into ``Fact`` records with stable ids and labels.

Importing the package is cheap: the embedding model loads on first use.
"""
