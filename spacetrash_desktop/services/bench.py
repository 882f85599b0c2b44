"""The benchmarks behind ``spacetrash bench generate|model|gui``, for the command line: what each one
measures and how to run it. The recipe search and the ML layer run in this process; the window
benchmark measures the GUI thread of a real window, so it runs in a process of its own
(``python -m spacetrash_desktop.ui.bench_gui``) that prints its table and hands its figures back as
JSON."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TextIO

from spacetrash_desktop.bench import generate, learn, model
from spacetrash_desktop.bench import plan as plan_bench
from spacetrash_desktop.errors import BadInputError
from spacetrash_desktop.services import generate as generate_service
from spacetrash_desktop.services import plan as plan_service

BENCHMARKS: dict[str, str] = {
    "generate": "recipe search: throughput, time to first feasible, "
    "hypervolume vs exhaustive, vs pymoo NSGA-II and vs a random baseline",
    "model": "ML layer: training and load time, throughput, held-out error vs physics, coverage, learning curve",
    "gui": "window: GUI-thread stalls during generation, start-up time",
    "plan": "mission plan: time to within 1 percent of optimal, vs greedy, vs pure MILP, 500-item scaling, memory",
    "learn": "suggested vs random vs recommended trials: trials to 0.7x physics error and to a truly-meeting recommendation",
}
WINDOW_BENCHMARK_MODULE = "spacetrash_desktop.ui.bench_gui"


def run_benchmark(name: str, *, quick: bool = False, seed: int = 0, out: TextIO = sys.stdout) -> dict:
    """Run the benchmark ``name`` (one of :data:`BENCHMARKS`): its table goes to ``out``, its
    figures are returned (what ``--json`` writes). ``quick``: smaller sizes and budgets."""
    if name == "generate":
        return generate.run(quick=quick, seed=seed, out=out)
    if name == "model":
        return model.run(quick=quick, seed=seed, out=out)
    if name == "gui":
        return _run_window_benchmark(quick, seed, out)
    if name == "plan":  # the plan service builds the requests and candidates (bench sits below services)
        return plan_bench.run(service=plan_service, quick=quick, seed=seed, out=out)
    if name == "learn":
        return learn.run(generate_service.generate, quick=quick, seed=seed, out=out)
    raise BadInputError(f"there is no benchmark called {name!r}; choose one of {', '.join(sorted(BENCHMARKS))}")


def _run_window_benchmark(quick: bool, seed: int, out: TextIO) -> dict:
    """The window benchmark in a process of its own (a QApplication of its own, a GUI thread
    measured without this process's work in the way)."""
    with tempfile.TemporaryDirectory(prefix="spacetrash-bench-gui-") as tmp:
        result_file = Path(tmp) / "results.json"
        cmd = [sys.executable, "-m", WINDOW_BENCHMARK_MODULE, "--seed", str(seed), "--json", str(result_file)]
        proc = subprocess.run([*cmd, *(["--quick"] if quick else [])], capture_output=True, text=True, check=False)
        out.write(proc.stdout)
        if proc.returncode != 0 or not result_file.exists():
            tail = proc.stderr.strip()[-600:]
            if "ModuleNotFoundError" in tail or "ImportError" in tail:
                raise BadInputError(f"the gui benchmark is not available in this build ({tail.splitlines()[-1]})")
            raise RuntimeError(f"the window benchmark failed (exit {proc.returncode}): {tail}")
        return json.loads(result_file.read_text(encoding="utf-8"))
