"""A one-line progress display for long runs, written to a stream (stderr by default).

On a terminal the line is redrawn in place (`\\r[12/200] file.pdf …`); otherwise (a log, CI)
one line is written every `every` files and at the end, so logs stay short.
"""

from __future__ import annotations

import sys
from typing import TextIO

from pipeline.names import shown

# Non-terminal output: about 20 lines for a whole run, and at least every 50 files.
LINES_PER_RUN = 20
MAX_EVERY = 50


class ProgressLine:
    def __init__(self, total: int, stream: TextIO | None = None, every: int | None = None) -> None:
        self.total = total
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.every = every or min(MAX_EVERY, max(1, total // LINES_PER_RUN))
        self._width = 0

    def __call__(self, done: int, name: str, status: str) -> None:
        line = f"[{done}/{self.total}] {shown(name)} {status}"  # a name never acts on the terminal
        if self.tty:
            pad = max(0, self._width - len(line))
            self._width = len(line)
            self.stream.write("\r" + line + " " * pad)
            if done == self.total:
                self.stream.write("\n")
        elif done % self.every == 0 or done == self.total:
            self.stream.write(line + "\n")
        self.stream.flush()
