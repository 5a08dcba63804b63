"""Signals computed on articles and aligned facts: framing, voices, sentiment, tone, readability.

Each module is pure Python (no Qt).  Per-article signals return plain metric dicts that go into
``Comparison.metrics``; comparative signals return ``Finding`` records with spans and evidence.
"""
