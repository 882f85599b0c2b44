"""GUI test fixtures: a ``make_main_window`` factory, fake scorers for long or failing runs, and an
autouse check that fails any test leaving a thread, a background task or an active timer behind.

Qt warnings fail tests (``qt_log_level_fail = "WARNING"`` in pyproject). The one exception is the
offscreen platform's "This plugin does not support propagateSizeHints()", which Qt prints whenever a
top-level window is shown offscreen; it says nothing about our code.
"""

from __future__ import annotations

import threading
import time

import pytest

import spacetrash_desktop.ui  # noqa: F401  (applies the PySide6 work-around before any Qt call)

OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/ui" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


# ---------------------------------------------------------------------------------- leak check


@pytest.fixture(autouse=True)
def _no_leaked_threads_tasks_or_timers(monkeypatch):
    """Fail a test that leaves a thread, a runner task, a QThreadPool job or an active QTimer."""
    import shiboken6
    from PySide6.QtCore import QThreadPool, QTimer

    from spacetrash_desktop.ui.tasks import live_runners

    threads_before = set(threading.enumerate())
    timers: list = []
    original_start = QTimer.start

    def tracked_start(self, *args):
        timers.append(self)
        return original_start(self, *args)

    monkeypatch.setattr(QTimer, "start", tracked_start)
    yield
    monkeypatch.setattr(QTimer, "start", original_start)

    # a worker that just finished may still be unwinding its last Python frames: give it a moment
    deadline = time.monotonic() + 5.0
    leaked = []
    while True:
        leaked = [t for t in threading.enumerate() if t not in threads_before and t.is_alive()]
        if not leaked or time.monotonic() > deadline:
            break
        for t in leaked:
            t.join(timeout=0.05)
    busy_runners = [r for r in live_runners() if shiboken6.isValid(r) and r.active_tasks()]
    active_timers = [t for t in timers if shiboken6.isValid(t) and t.isActive()]
    pool_threads = QThreadPool.globalInstance().activeThreadCount()
    problems = []
    if leaked:
        problems.append(f"threads left running: {[t.name for t in leaked]}")
    if busy_runners:
        problems.append(f"background tasks left running: {[t.label for r in busy_runners for t in r.active_tasks()]}")
    if active_timers:
        problems.append(f"{len(active_timers)} QTimer(s) left active")
        for t in active_timers:
            t.stop()
    if pool_threads:
        problems.append(f"{pool_threads} QThreadPool thread(s) still active")
    assert not problems, "; ".join(problems)


# ---------------------------------------------------------------------------------- scorers


class SlowScorer:
    """Physics, but every batch takes ``delay`` seconds longer (a long run on a small inventory)."""

    def __init__(self, delay: float = 0.02, fail_after: int | None = None, error: Exception | None = None):
        from spacetrash_desktop.domain import ModelInfo
        from spacetrash_desktop.engine.scorer import PhysicsScorer

        self._physics = PhysicsScorer()
        self.info = ModelInfo(name="slow-physics", status="physics fallback", reason="test scorer")
        self.delay = delay
        self.fail_after = fail_after
        self.error = error or ValueError("the test scorer broke on purpose")
        self.calls = 0

    def score(self, tables, batch, batch_mass_kg):
        self.calls += 1
        if self.fail_after is not None and self.calls > self.fail_after:
            raise self.error
        if self.delay:
            time.sleep(self.delay)  # on the worker thread: the GUI thread never sleeps
        return self._physics.score(tables, batch, batch_mass_kg)


@pytest.fixture
def slow_scorer():
    return SlowScorer


def _fast_model_check(_ctx):
    from spacetrash_desktop.domain import ModelInfo

    return ModelInfo(status="physics fallback", reason="no trained model is available in this build")


# ---------------------------------------------------------------------------------- the window


@pytest.fixture
def make_main_window(qtbot, monkeypatch):
    """Build a MainWindow on the test's own SPACETRASH_HOME, shown, with the inventory loaded.

    Defaults: the physics scorer (deterministic), a model check that answers at once, a screen whose
    available area is 1440 x 940 (``screen=(w, h)`` for another; the offscreen screen is 800 x 800)
    so the window opens at 1440 x 900. Any keyword of MainWindow can be overridden. Windows still open at the end are closed (which cancels and joins
    their tasks) before the leak check runs."""
    from spacetrash_desktop.engine.scorer import PhysicsScorer
    from spacetrash_desktop.ui.app import apply_style
    from spacetrash_desktop.ui.main_window import MainWindow

    windows = []

    def factory(wait_ready: bool = True, screen: tuple[int, int] = (1440, 940), **kwargs):
        from PySide6.QtCore import QRect
        from PySide6.QtWidgets import QApplication

        from spacetrash_desktop.ui import main_window

        monkeypatch.setattr(main_window, "_available", lambda _w: QRect(0, 0, *screen))
        apply_style(QApplication.instance())
        kwargs.setdefault("scorer_factory", PhysicsScorer)
        kwargs.setdefault("model_check", _fast_model_check)
        window = MainWindow(**kwargs)
        qtbot.addWidget(window)
        windows.append(window)
        if wait_ready:
            with qtbot.waitSignal(window.inventory_ready, timeout=20000):
                window.show()
            qtbot.waitUntil(lambda: window.ctx.model_info.status != "checking", timeout=20000)
        else:
            window.show()
        return window

    yield factory
    for w in windows:
        w.close()


def run_to_end(qtbot, window, timeout: int = 60000):
    """Click Generate and wait for the run to finish; returns the outcome."""
    with qtbot.waitSignal(window.candidates_tab.run_finished, timeout=timeout) as blocker:
        window.generate()
    return blocker.args[0]
