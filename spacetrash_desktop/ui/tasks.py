"""The single background-task runner of the window.

Every piece of work that can take more than a few tens of milliseconds (generation, import, export,
autosave, model loading, explanations) goes through :class:`TaskRunner`:

* Work is a plain callable ``fn(ctx) -> result`` run on a ``ThreadPoolExecutor``. ``ctx`` is a
  :class:`QtRunContext`, a :class:`~spacetrash_desktop.context.RunContext` whose ``progress``
  and ``partial`` hand the *latest* value to the GUI thread through a queued signal. Deliveries are
  coalesced (at most one pending per kind), progress is throttled, and ``prepare_partial`` converts a
  partial result on the worker, so the GUI thread only swaps ready-made data into its models.
* Three pools: ``compute`` has one worker (anything that touches the loaded model: generation, model
  start-up, so the model is never used by two searches at once); ``io`` has two (import, export,
  autosave, explanations, feedback, model installs); ``train`` has one (retraining, which lasts
  minutes and builds its own models, so Generate never waits behind it).
* ``slot``: at most one task per slot (one per tab). Submitting to a busy slot cancels the old task
  and *drops* it: none of its progress, partial or final results are delivered any more, even if
  they were already queued (the task id no longer matches the slot). ``cancel(slot)`` instead asks
  the work to stop and still delivers what it returns (the engine returns what it found).
* Results, errors and progress reach the callbacks on the GUI thread only; a worker never touches a
  widget. An exception becomes a :class:`TaskFailure` (code + plain message, traceback to the log) for
  ``on_error`` or the runner's ``error_handler``. :class:`Cancelled` goes to ``on_cancelled`` quietly.
* ``shutdown()`` cancels everything and joins the workers (the window calls it when it closes).
"""

from __future__ import annotations

import concurrent.futures as cf
import itertools
import logging
import os
import sys
import threading
import time
import traceback
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot

from spacetrash_desktop.context import Cancelled, RunContext
from spacetrash_desktop.errors import ErrorCode, SpaceTrashError

log = logging.getLogger(__name__)

PROGRESS_INTERVAL_S = 0.05  # at most ~20 progress deliveries per second per task
_LIVE_RUNNERS: weakref.WeakSet[TaskRunner] = weakref.WeakSet()


@dataclass
class TaskFailure:
    """What the user is told about a failed task (plus the details for "Copy details")."""

    code: ErrorCode
    message: str
    details: str
    label: str = ""
    exception: BaseException | None = None


def failure_from_exception(exc: BaseException, label: str = "") -> TaskFailure:
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    what = label or QCoreApplication.translate("TaskRunner", "the task")
    if isinstance(exc, SpaceTrashError):
        extra = f"\n{exc.details}" if getattr(exc, "details", "") else ""
        return TaskFailure(exc.code, exc.message, details + extra, label, exc)
    if isinstance(exc, MemoryError):
        message = QCoreApplication.translate("TaskRunner", "There was not enough memory to finish {what}.").format(
            what=what
        )
        return TaskFailure(ErrorCode.INTERNAL, message, details, label, exc)
    return TaskFailure(
        ErrorCode.INTERNAL,
        QCoreApplication.translate(
            "TaskRunner",
            "An unexpected error stopped {what}. Nothing you entered was lost; the details are in the log file.",
        ).format(what=what),
        details,
        label,
        exc,
    )


BACKGROUND_NICENESS = 5


def lower_thread_priority() -> None:
    """Run a compute worker (and the native threads it starts, e.g. the model's) at a lower OS
    priority, so that on a busy 2-core laptop the GUI thread wins the CPU. Linux only (thread nice
    values); a no-op elsewhere or when the OS refuses."""
    if not sys.platform.startswith("linux"):
        return
    try:
        tid = threading.get_native_id()
        current = os.getpriority(os.PRIO_PROCESS, tid)
        os.setpriority(os.PRIO_PROCESS, tid, min(19, current + BACKGROUND_NICENESS))
    except (AttributeError, OSError):
        pass


class QtRunContext(RunContext):
    """Engine-side context of one task (used on the worker thread)."""

    def __init__(
        self,
        post: Callable[[str], None],
        prepare_partial: Callable[[Any], Any] | None = None,
        progress_interval_s: float = PROGRESS_INTERVAL_S,
    ):
        super().__init__()
        self._post = post
        self._prepare = prepare_partial
        self._interval = progress_interval_s
        self._lock = threading.Lock()
        self._latest: dict[str, Any] = {}
        self._posted: set[str] = set()
        self._last_progress = 0.0
        self.partials = 0  # how many partial results the engine published

    # -- engine side (worker thread)
    def progress(self, done: int, total: int, message: str = "") -> None:
        now = time.monotonic()
        with self._lock:
            self._latest["progress"] = (int(done), int(total), str(message))
            if "progress" in self._posted or now - self._last_progress < self._interval:
                return
            self._posted.add("progress")
            self._last_progress = now
        self._post("progress")

    def partial(self, result: Any) -> None:
        if self.cancelled:
            return  # nobody will look at it
        value = self._prepare(result) if self._prepare is not None else result
        with self._lock:
            self.partials += 1
            self._latest["partial"] = value
            if "partial" in self._posted:
                return
            self._posted.add("partial")
        self._post("partial")

    # -- GUI side
    def take(self, kind: str) -> Any:
        with self._lock:
            self._posted.discard(kind)
            return self._latest.pop(kind, None)


@dataclass(eq=False)
class Task:
    id: int
    slot: str | None
    label: str
    pool: str
    ctx: QtRunContext
    on_done: Callable[[Any], None] | None = None
    on_error: Callable[[TaskFailure], None] | None = None
    on_cancelled: Callable[[], None] | None = None
    on_progress: Callable[[int, int, str], None] | None = None
    on_partial: Callable[[Any], None] | None = None
    on_started: Callable[[], None] | None = None
    future: cf.Future | None = None
    state: str = "queued"  # queued | running | cancelling | dropped | finished
    submitted_at: float = field(default_factory=time.monotonic)

    @property
    def cancelled(self) -> bool:
        return self.ctx.cancelled

    @property
    def dropped(self) -> bool:
        return self.state == "dropped"


class TaskRunner(QObject):
    """See the module docstring. Lives on (and must only be called from) the GUI thread."""

    task_started = Signal(object)  # Task
    task_ended = Signal(object, str)  # Task, outcome: done | failed | cancelled | dropped
    busy_changed = Signal(bool)

    _post_sig = Signal(int, str)  # worker -> GUI (queued)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        error_handler: Callable[[TaskFailure], None] | None = None,
        compute_workers: int = 1,
        io_workers: int = 2,
    ):
        super().__init__(parent)
        self.error_handler = error_handler
        self._pools = {
            "compute": cf.ThreadPoolExecutor(
                max_workers=compute_workers, thread_name_prefix="spacetrash-compute", initializer=lower_thread_priority
            ),
            "io": cf.ThreadPoolExecutor(max_workers=io_workers, thread_name_prefix="spacetrash-io"),
            # retraining (minutes): its own worker, so Generate never queues behind it
            "train": cf.ThreadPoolExecutor(
                max_workers=1, thread_name_prefix="spacetrash-train", initializer=lower_thread_priority
            ),
        }
        self._tasks: dict[int, Task] = {}  # every task whose future has not been handled yet
        self._current: dict[str, int] = {}  # slot -> task id
        self._ids = itertools.count(1)
        self._closed = False
        self._post_sig.connect(self._on_post, Qt.ConnectionType.QueuedConnection)
        _LIVE_RUNNERS.add(self)

    # ------------------------------------------------------------------ submitting
    def submit(
        self,
        fn: Callable[[QtRunContext], Any],
        *,
        slot: str | None = None,
        label: str = "",
        pool: str = "compute",
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[TaskFailure], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        on_partial: Callable[[Any], None] | None = None,
        on_started: Callable[[], None] | None = None,
        prepare_partial: Callable[[Any], Any] | None = None,
    ) -> Task:
        if self._closed:
            raise RuntimeError("the task runner is shut down")
        if pool not in self._pools:
            raise ValueError(f"unknown pool {pool!r}")
        if slot is not None:
            self.cancel(slot, drop=True)
        task_id = next(self._ids)
        ctx = QtRunContext(lambda kind, tid=task_id: self._emit(tid, kind), prepare_partial)
        task = Task(
            task_id, slot, label, pool, ctx, on_done, on_error, on_cancelled, on_progress, on_partial, on_started
        )
        self._tasks[task_id] = task
        if slot is not None:
            self._current[slot] = task_id
        was_busy = self.busy
        task.future = self._pools[pool].submit(self._run, fn, ctx)
        task.future.add_done_callback(lambda _f, tid=task_id: self._emit(tid, "finished"))
        log.debug("task %s (%s) submitted to %s", task_id, label, pool)
        if not was_busy:
            self.busy_changed.emit(True)
        return task

    def _run(self, fn, ctx: QtRunContext):  # worker thread
        ctx.check_cancelled()  # cancelled while it waited in the queue
        with ctx._lock:
            ctx._posted.add("started")
        ctx._post("started")
        return fn(ctx)

    def _emit(self, task_id: int, kind: str) -> None:  # any thread
        try:
            self._post_sig.emit(task_id, kind)
        except RuntimeError:  # the runner is already deleted: nobody is listening
            pass

    # ------------------------------------------------------------------ cancelling
    def cancel(self, slot_or_task: str | Task | None, *, drop: bool = False) -> bool:
        """Ask the task to stop. ``drop=True`` also discards everything it will still deliver."""
        task = slot_or_task if isinstance(slot_or_task, Task) else self.current(slot_or_task)
        if task is None or task.state in {"finished", "dropped"}:
            return False
        task.ctx.cancel()
        if drop:
            task.state = "dropped"
            if task.slot is not None and self._current.get(task.slot) == task.id:
                del self._current[task.slot]
            self.task_ended.emit(task, "dropped")
        elif task.state in {"queued", "running"}:
            task.state = "cancelling"
        return True

    def current(self, slot: str | None) -> Task | None:
        if slot is None:
            return None
        tid = self._current.get(slot)
        return self._tasks.get(tid) if tid is not None else None

    def is_busy(self, slot: str) -> bool:
        return self.current(slot) is not None

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def active_tasks(self) -> list[Task]:
        """Tasks whose work has not finished yet (including dropped ones still winding down)."""
        return [t for t in self._tasks.values() if t.future is not None and not t.future.done()]

    def wait(self, task: Task, timeout: float) -> bool:
        """Block until ``task``'s work ends (used only when the window closes)."""
        if task.future is None:
            return True
        try:
            cf.wait([task.future], timeout=timeout)
        except Exception:  # pragma: no cover - defensive
            return False
        return task.future.done()

    # ------------------------------------------------------------------ GUI-side delivery
    @Slot(int, str)
    def _on_post(self, task_id: int, kind: str) -> None:
        task = self._tasks.get(task_id)
        if task is None:
            return
        if kind == "finished":
            self._finish(task)
            return
        value = task.ctx.take(kind)
        if task.dropped or self._closed:
            return
        try:
            if kind == "started":
                if task.state == "queued":
                    task.state = "running"
                self.task_started.emit(task)
                if task.on_started:
                    task.on_started()
            elif kind == "progress" and value is not None and task.on_progress:
                task.on_progress(*value)
            elif kind == "partial" and value is not None and task.on_partial:
                task.on_partial(value)
        except Exception:  # a bug in a GUI callback must not kill the runner
            log.exception("error in the %s callback of task %s (%s)", kind, task.id, task.label)

    def _finish(self, task: Task) -> None:
        self._tasks.pop(task.id, None)
        if task.slot is not None and self._current.get(task.slot) == task.id:
            del self._current[task.slot]
        dropped = task.dropped or self._closed
        previous_state = task.state
        task.state = "finished"
        if not self._tasks:
            self.busy_changed.emit(False)
        if dropped:
            log.debug("task %s (%s) ended after it was dropped", task.id, task.label)
            return
        fut = task.future
        exc = fut.exception() if fut is not None and not fut.cancelled() else Cancelled()
        try:
            if exc is None:
                last = task.ctx.take("progress")
                if last is not None and task.on_progress:
                    task.on_progress(*last)
                if task.on_done:
                    task.on_done(fut.result())
                self.task_ended.emit(task, "done")
            elif isinstance(exc, Cancelled):
                if task.on_cancelled:
                    task.on_cancelled()
                self.task_ended.emit(task, "cancelled")
            else:
                failure = failure_from_exception(exc, task.label)
                log.error(
                    "task %s (%s) failed: [%s] %s\n%s",
                    task.id,
                    task.label,
                    failure.code.value,
                    failure.message,
                    failure.details,
                )
                self.task_ended.emit(task, "failed")
                handler = task.on_error or self.error_handler
                if handler is not None:
                    handler(failure)
        except Exception:
            log.exception(
                "error while delivering the result of task %s (%s, was %s)", task.id, task.label, previous_state
            )
            if self.error_handler is not None:
                self.error_handler(failure_from_exception(sys.exc_info()[1], task.label))

    # ------------------------------------------------------------------ closing
    def shutdown(self, timeout: float = 10.0) -> bool:
        """Cancel and drop every task, then join the workers. Returns False if one overran."""
        if self._closed:
            return True
        self._closed = True
        for task in list(self._tasks.values()):
            self.cancel(task, drop=True)
        futures = [t.future for t in self._tasks.values() if t.future is not None]
        _done, not_done = cf.wait(futures, timeout=timeout)
        for pool in self._pools.values():
            pool.shutdown(wait=not not_done, cancel_futures=True)
        if not_done:
            log.warning("%d background task(s) did not stop within %.0f s", len(not_done), timeout)
        self._tasks.clear()
        self._current.clear()
        return not not_done

    @property
    def closed(self) -> bool:
        return self._closed


def live_runners() -> list[TaskRunner]:
    """Runners that still exist (the GUI tests' leak check uses it)."""
    return list(_LIVE_RUNNERS)
