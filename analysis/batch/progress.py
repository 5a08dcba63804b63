"""A progress bar on stderr for the batch: one line redrawn on a terminal, one line per event otherwise."""
from __future__ import annotations

import time
from typing import TextIO

BAR_WIDTH = 30                  # characters of the bar


class Bar:
    def __init__(self, total: int, done: int, err: TextIO, what: str = "events") -> None:
        self.total, self.done, self.err, self.what = total, done, err, what
        self.start, self.fresh = time.monotonic(), 0
        self.tty = bool(getattr(err, "isatty", lambda: False)())
        if self.tty:
            self._draw("")

    def step(self, name: str) -> None:
        """One more event done (``name`` says which)."""
        self.done += 1
        self.fresh += 1
        if self.tty:
            self._draw(name)
        else:
            print(f"parallax: batch: {self.done}/{self.total} {self.what} done ({name})", file=self.err)

    def close(self) -> None:
        if self.tty:
            self.err.write("\n")
            self.err.flush()

    def _draw(self, name: str) -> None:
        filled = BAR_WIDTH * self.done // max(1, self.total)
        left = self.total - self.done
        elapsed = time.monotonic() - self.start
        eta = f", about {elapsed / self.fresh * left:.0f} s left" if self.fresh and left else ""
        line = f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {self.done}/{self.total} {self.what}{eta}"
        self.err.write("\r" + line + (f"  {name}"[:40] if name else "") + "\033[K")
        self.err.flush()
