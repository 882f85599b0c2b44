"""The plain-Python protocol between long-running engine work and whoever drives it (the window's
task runner, the command line, the batch queue, the tests).

Engine functions take a ``ctx`` and call:

* ``ctx.progress(done, total, message)`` - how far along the work is;
* ``ctx.partial(result)`` - publish an intermediate result (e.g. the current Pareto front);
* ``ctx.check_cancelled()`` - at safe points; raises :class:`Cancelled` once cancel was requested.

The engine never learns about threads or Qt.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any


class Cancelled(Exception):
    """Raised by ``check_cancelled`` once cancellation was requested."""


class RunContext:
    """Default context: thread-safe cancel flag, optional callbacks, optional deadline."""

    def __init__(
        self,
        on_progress: Callable[[int, int, str], None] | None = None,
        on_partial: Callable[[Any], None] | None = None,
        deadline: float | None = None,
    ):
        self._cancel = threading.Event()
        self._on_progress = on_progress
        self._on_partial = on_partial
        self.deadline = deadline  # time.monotonic() value after which the work should wrap up

    # -- driver side
    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    # -- engine side
    def progress(self, done: int, total: int, message: str = "") -> None:
        if self._on_progress is not None:
            self._on_progress(int(done), int(total), message)

    def partial(self, result: Any) -> None:
        if self._on_partial is not None:
            self._on_partial(result)

    def check_cancelled(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def time_left(self) -> float:
        if self.deadline is None:
            return float("inf")
        return self.deadline - time.monotonic()


class NullContext(RunContext):
    """A context that reports nowhere and is never cancelled."""
