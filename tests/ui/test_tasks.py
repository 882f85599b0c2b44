"""The background-task runner: queued delivery, one task per slot, stale results dropped, cancel
that keeps what was found, failures as plain messages, shutdown that joins."""

from __future__ import annotations

import threading

import pytest

from spacetrash_desktop.context import Cancelled
from spacetrash_desktop.errors import BadInputError, ErrorCode
from spacetrash_desktop.ui.tasks import TaskRunner


@pytest.fixture
def runner(qtbot):
    r = TaskRunner()
    yield r
    r.shutdown()


def test_results_progress_and_partials_arrive_on_the_gui_thread(qtbot, runner):
    gui = threading.get_ident()
    seen = {"progress": [], "partial": [], "done": [], "threads": set()}

    def work(ctx):
        for i in range(5):
            ctx.progress(i + 1, 5, f"step {i + 1}")
            ctx.partial(i)
        return "ok"

    def note(kind):
        def cb(*args):
            seen["threads"].add(threading.get_ident())
            seen[kind].append(args)

        return cb

    with qtbot.waitSignal(runner.task_ended, timeout=10000) as blocker:
        runner.submit(
            work,
            slot="a",
            on_done=note("done"),
            on_progress=note("progress"),
            on_partial=note("partial"),
            prepare_partial=lambda v: v * 10,
        )
    assert blocker.args[1] == "done"
    assert seen["done"] == [("ok",)]
    assert seen["threads"] == {gui}
    assert seen["progress"][-1] == (5, 5, "step 5")  # the last progress is always delivered
    assert all(v[0] % 10 == 0 for v in seen["partial"])  # prepared on the worker
    assert not runner.busy


def test_a_new_task_in_the_same_slot_drops_the_old_one(qtbot, runner):
    release = threading.Event()
    delivered = []

    def old_work(ctx):
        release.wait(10)
        ctx.partial("old partial")
        return "old result"

    old = runner.submit(old_work, slot="gen", on_done=delivered.append, on_partial=delivered.append)
    with qtbot.waitSignal(runner.task_ended, timeout=10000, check_params_cb=lambda t, o: t is old) as b:
        new = runner.submit(lambda ctx: "new result", slot="gen", on_done=delivered.append)
    assert b.args[1] == "dropped" and old.cancelled
    release.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=10000)
    assert delivered == ["new result"]
    assert new.state == "finished"


def test_cancel_keeps_what_the_work_returns_and_cancelled_is_quiet(qtbot, runner):
    got, cancelled = [], []

    def work(ctx):
        while not ctx.cancelled:
            ctx.progress(1, 2)
            threading.Event().wait(0.005)
        return "partial answer"

    t = runner.submit(work, slot="x", on_done=got.append)
    qtbot.waitUntil(lambda: t.state == "running", timeout=10000)
    runner.cancel("x")
    qtbot.waitUntil(lambda: not runner.busy, timeout=10000)
    assert got == ["partial answer"]

    def raises(ctx):
        raise Cancelled()

    runner.submit(raises, slot="y", on_cancelled=lambda: cancelled.append(True))
    qtbot.waitUntil(lambda: not runner.busy, timeout=10000)
    assert cancelled == [True]


def test_failures_become_plain_messages_with_a_code(qtbot, runner, caplog):
    failures = []
    runner.error_handler = failures.append
    runner.submit(lambda ctx: 1 / 0, label="the division")
    runner.submit(lambda ctx: (_ for _ in ()).throw(BadInputError("The file is empty.")), label="the import")
    qtbot.waitUntil(lambda: len(failures) == 2, timeout=10000)
    by_code = {f.code: f for f in failures}
    internal = by_code[ErrorCode.INTERNAL]
    assert "the division" in internal.message and "Traceback" not in internal.message
    assert "ZeroDivisionError" in internal.details
    assert by_code[ErrorCode.BAD_INPUT].message == "The file is empty."
    assert any("ZeroDivisionError" in r.getMessage() for r in caplog.records)


def test_shutdown_cancels_and_joins(qtbot):
    runner = TaskRunner()
    started = threading.Event()

    def work(ctx):
        started.set()
        while True:
            ctx.check_cancelled()
            threading.Event().wait(0.005)

    delivered = []
    runner.submit(work, slot="long", on_done=delivered.append, on_cancelled=lambda: delivered.append("c"))
    assert started.wait(10)
    assert runner.shutdown(timeout=10)
    assert not runner.active_tasks() and runner.closed
    assert delivered == []  # nothing is delivered after shutdown
    with pytest.raises(RuntimeError):
        runner.submit(lambda ctx: None)
