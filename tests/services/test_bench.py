"""services/bench.py: the benchmarks the command line runs (the full runs are measured, not
tested: `spacetrash bench generate|model|gui --quick` is the smoke run)."""

from __future__ import annotations

import io
import os
import textwrap

import pytest

from spacetrash_desktop.errors import BadInputError
from spacetrash_desktop.services import bench


def test_the_three_benchmarks_are_described():
    assert sorted(bench.BENCHMARKS) == ["generate", "gui", "learn", "model", "plan"]
    assert all(text.strip() for text in bench.BENCHMARKS.values())


def test_an_unknown_benchmark_is_bad_input():
    with pytest.raises(BadInputError, match="no benchmark called 'nope'"):
        bench.run_benchmark("nope", out=io.StringIO())


def _fake_window_benchmark(tmp_path, monkeypatch, body: str) -> None:
    """Point the window benchmark at a stand-in module (the real one opens a window for a minute)."""
    (tmp_path / "fake_bench_gui.py").write_text(textwrap.dedent(body), encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")]))
    monkeypatch.setattr(bench, "WINDOW_BENCHMARK_MODULE", "fake_bench_gui")


def test_the_window_benchmark_runs_in_its_own_process_and_hands_back_its_figures(tmp_path, monkeypatch):
    _fake_window_benchmark(
        tmp_path,
        monkeypatch,
        """
        import json, sys
        args = sys.argv[1:]
        print("GUI benchmark table")
        with open(args[args.index("--json") + 1], "w") as fh:
            json.dump({"quick": "--quick" in args, "seed": int(args[args.index("--seed") + 1])}, fh)
        """,
    )
    out = io.StringIO()
    assert bench.run_benchmark("gui", quick=True, seed=7, out=out) == {"quick": True, "seed": 7}
    assert out.getvalue() == "GUI benchmark table\n"


def test_a_window_benchmark_that_cannot_start_says_so(tmp_path, monkeypatch):
    _fake_window_benchmark(tmp_path, monkeypatch, "import no_such_qt_binding\n")
    with pytest.raises(BadInputError, match="not available in this build"):
        bench.run_benchmark("gui", out=io.StringIO())


def test_a_failing_window_benchmark_is_an_error_with_its_reason(tmp_path, monkeypatch):
    _fake_window_benchmark(tmp_path, monkeypatch, "raise RuntimeError('the inventory did not load')\n")
    with pytest.raises(RuntimeError, match="the inventory did not load"):
        bench.run_benchmark("gui", out=io.StringIO())
