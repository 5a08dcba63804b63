"""Thin Qt item models over the engine's Comparison (and the window's Document): no analysis here."""
