"""A batch over a folder: a newsroom's day of articles grouped into events and compared event by event.

``python main.py batch FOLDER --out DIR [--pdf] [--jobs N] [--dask tcp://HOST:PORT]``

* ``folder`` — read every article file of the folder, group them into events with the engine's own
  event grouping (``analysis.pipeline.group_events``), and give each event a key made of its files and
  their text digests;
* ``work`` — the work of one event, a plain function of picklable values: load its files, compare
  them, encode the JSON contract (and draw the brief PDF when asked); it runs in a local process pool
  or on a Dask cluster and returns its outputs, so only the batch's own process writes files;
* ``runner`` — schedule the events (``concurrent.futures`` on the local cores, or
  ``dask.distributed``), show progress on stderr, write each event's outputs as it finishes and skip
  the events whose outputs an earlier run left (so an interrupted batch goes on where it stopped);
* ``index`` — the index of the run (events, outlets, top omissions) as JSON and as one
  self-contained HTML page.
"""
