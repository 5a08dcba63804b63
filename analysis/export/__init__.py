"""Exports of a ``Comparison`` for other tools: the versioned JSON contract (``json_contract``,
docs/JSON.md) and a Markdown summary (``markdown``).  Reports for people are in ``analysis.report``.
"""
