"""A progress bar on standard error, for long runs at a terminal.

It never writes to standard output (which tools read) and the CLI only creates one when
standard error is a terminal, so logs and CI output stay clean.
"""

from __future__ import annotations

import time
from typing import TextIO

MIN_FILES = 50
_WIDTH = 30
_INTERVAL = 0.1


class ProgressBar:
    """Call it with (done, total); it redraws at most ten times a second, and `close` erases it."""

    def __init__(self, stream: TextIO, label: str = "linting", min_files: int = MIN_FILES):
        self.stream = stream
        self.label = label
        self.min_files = min_files
        self.drawn = False
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        if total < self.min_files:
            return
        now = time.monotonic()
        if done < total and now - self.last < _INTERVAL:
            return
        self.last = now
        filled = _WIDTH * done // total
        self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (_WIDTH - filled)}] {done}/{total} files")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.drawn = False
