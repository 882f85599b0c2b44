"""``spacetrash bench gui``'s tick recorder: a stall is a gap between ticks less the timer's interval,
and the longest one is split into the GUI thread's own CPU time, its wait for a CPU and the time it
was blocked (the interpreter lock), so a report can say which one cost the frames."""

from __future__ import annotations

import sys

import pytest

from spacetrash_desktop.ui import bench_gui


def test_the_longest_stall_is_split_into_own_work_cpu_wait_and_blocked_time(qapp):
    rec = bench_gui._TickRecorder()
    rec.gaps, rec.cpu, rec.queued = [5.5, 95.0, 20.0], [0.4, 12.0, 3.0], [0.0, 8.0, 1.0]
    assert rec.stop() == pytest.approx([0.5, 90.0, 15.0])
    assert rec.longest() == {"stall_ms": 90.0, "cpu_ms": 12.0, "cpu_wait_ms": 8.0, "blocked_ms": 70.0}


def test_without_the_os_figures_only_the_own_work_is_split_off(qapp):
    rec = bench_gui._TickRecorder()
    rec.gaps, rec.cpu, rec.queued = [40.0, 9.0], [2.0, 1.0], []
    assert rec.longest() == {"stall_ms": 35.0, "cpu_ms": 2.0, "cpu_wait_ms": None, "blocked_ms": None}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="schedstat is Linux's")
def test_the_run_queue_wait_of_this_thread_is_read_and_never_decreases():
    first = bench_gui._run_queue_ms()
    sum(range(200_000))
    second = bench_gui._run_queue_ms()
    assert first is not None and second is not None and second >= first >= 0.0
