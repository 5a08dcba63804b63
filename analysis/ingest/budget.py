"""The whole run's word budget: how many words Parallax compares at once.

Each article is bounded on its own (``MAX_ARTICLE_WORDS``, checked before cleaning); this bounds
their sum (``MAX_COMPARISON_WORDS``), since the analysis costs memory per word of the whole run.
The command line and the window admit articles one by one in the order they were given: an
article that would take the run past the budget is left out with a message naming it, and the
ones after it may still fit.
"""
from __future__ import annotations

from analysis import constants as C
from analysis.model import Article


class RunBudget:
    """Words admitted so far (``used``: words already in the comparison before these inputs)."""

    def __init__(self, used: int = 0) -> None:
        self.used = used

    def admit(self, article: Article) -> str | None:
        """Count ``article`` in and return None, or return why it is left out (it is not counted)."""
        total = self.used + article.word_count
        if total > C.MAX_COMPARISON_WORDS:
            return (f"left out: with it the articles would hold {total:,} words, "
                    f"more than the {C.MAX_COMPARISON_WORDS:,} Parallax compares at once")
        self.used = total
        return None
