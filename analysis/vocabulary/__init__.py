"""The engine's vocabulary, declared once: finding kinds and metric keys.

The window, the report, the JSON export and the session store read these names from here and never
guess them (no candidate-key lists, no substring rules):

* ``kinds`` — every finding kind the engine emits, with its label for editors, family, colour role,
  base score and rule text (``KINDS``, ``kind_info``, ``label``, ``family``);
* ``metrics`` — every per-article metric key, typed (``Metric``, ``MetricFamily``), with its label
  and unit, and the named metrics the charts show (``GRADE``, ``SENTIMENT``, ``LOADED``, ``QUOTED``).

A test fails when the engine emits a kind or a metric that is not declared here.
"""
