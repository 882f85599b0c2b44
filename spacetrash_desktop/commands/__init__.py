"""Subcommands of the ``spacetrash`` command line, one module per feature area."""

from __future__ import annotations

import sys


class PercentProgress:
    """A ``RunContext`` progress callback for long commands: one stderr line, rewritten in place
    with the percentage and the message each time the percentage changes."""

    def __init__(self) -> None:
        self.last = -1  # the percentage on the line; -1: nothing printed yet

    def __call__(self, done: int, total: int, message: str) -> None:
        pct = int(100 * done / max(total, 1))
        if pct != self.last:
            self.last = pct
            print(f"\r{pct:3d}% {message[:70]:<70}", end="", file=sys.stderr, flush=True)

    @property
    def started(self) -> bool:
        return self.last >= 0
