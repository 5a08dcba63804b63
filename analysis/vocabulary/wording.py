"""How the engine words a list of names for editors: "CNN", "CNN and AP", "CNN, AP, BBC and 12 more".

One rule for the evidence of findings and for the report, so that a finding about 400 outlets reads
as one line and stays small in the JSON (the full list is in the finding's articles).
"""
from __future__ import annotations

from typing import Sequence


def join_names(names: Sequence[str], limit: int) -> str:
    """``names`` joined with commas and "and"; past ``limit`` names, the last ones are counted."""
    names = list(names)
    if len(names) > limit:
        rest = len(names) - (limit - 1)
        names = names[:limit - 1] + [f"{rest} more"]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
