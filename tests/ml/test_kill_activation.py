"""Killing the process during activation leaves the old or the new model active, never neither: a
subprocess that installs and activates bundles in a loop is SIGKILLed inside an activation (at a
spread of fractions of the activation time measured in the same run, so a busy machine only slows
it); after each kill the pointer names a complete bundle that passes verification and is one of the
two."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from spacetrash_desktop.ml import registry
from spacetrash_desktop.ml.bundle import read_bundle
from spacetrash_desktop.ml.scorer import MLScorer
from spacetrash_desktop.storage import paths

from .conftest import relabel

WORKER = Path(__file__).with_name("activation_worker.py")
ROUNDS = 16


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL semantics")
def test_kill_during_activation_leaves_old_or_new_active(small_bundle, tmp_path):
    a = small_bundle
    b = relabel(small_bundle, tmp_path / "b", "2.0.0")
    sha = {read_bundle(a)[0].manifest_sha256, read_bundle(b)[0].manifest_sha256}
    registry.install_bundle(a)  # something is active before the first kill
    rng = random.Random(1234)
    env = {
        **os.environ,
        "SPACETRASH_HOME": os.environ["SPACETRASH_HOME"],
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
    }
    activations = interrupted = 0
    duration = None  # of an activation on this machine now (measured again whenever one completes)
    fractions = [1.2 * (i + 0.5) / ROUNDS for i in range(ROUNDS)]  # where in an activation to kill
    rng.shuffle(fractions)
    for round_, fraction in enumerate(fractions):
        proc = subprocess.Popen(
            [sys.executable, str(WORKER), str(a), str(b)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=str(tmp_path),
        )
        lines: list[str] = []
        try:
            lines.append(proc.stdout.readline())
            assert lines[0].strip() == "ready", (lines, proc.stderr.read() if proc.poll() is not None else "")
            # events, not time: wait for an activation to begin, then kill at `fraction` of the
            # activation time last measured (the first round measures one whole activation first)
            if duration is None:
                _read_until(proc, lines, "active ", round_)
            _read_until(proc, lines, "begin", round_)
            time.sleep(fraction * (duration or _activation_seconds(lines)))
        finally:
            proc.kill()
            out, err = proc.communicate(timeout=60)
        # a kill can cut the worker's last line short: only whole lines count
        lines += [line for line in out.splitlines(keepends=True) if line.endswith("\n")]
        duration = _activation_seconds(lines) or duration
        activations += sum(line.startswith("active ") for line in lines)
        interrupted += lines[-1].startswith("begin")  # killed before that activation returned
        assert "Traceback" not in err, err
        registry.clear_cache()
        ptr = registry.read_pointer()
        assert ptr is not None, f"round {round_}: no active model after the kill"
        contents, problems = read_bundle(paths.models_dir() / ptr["active"])
        assert problems == [], f"round {round_}: active bundle damaged: {problems}"
        assert contents.manifest_sha256 == ptr["manifest_sha256"] and ptr["manifest_sha256"] in sha
        assert registry.ensure_installed().status == "ready"
    print(f"\nactivation kill test: {interrupted} of {ROUNDS} kills interrupted an activation; {activations} completed")
    assert activations >= 1
    # the kills landed while activations were really happening (most aim inside one)
    assert interrupted >= ROUNDS // 4, f"only {interrupted} of {ROUNDS} kills interrupted an activation"
    assert isinstance(registry.active_scorer(), MLScorer)


def _read_until(proc, lines: list[str], prefix: str, round_: int) -> None:
    """Read the worker's lines until one starts with ``prefix``."""
    while not lines[-1].startswith(prefix):
        line = proc.stdout.readline()
        assert line, f"round {round_}: the worker ended: {proc.stderr.read()[-2000:]}"
        lines.append(line)


def _activation_seconds(lines: list[str]) -> float | None:
    """The length of the last whole activation in the worker's output (begin ... active); lines
    cut short by a kill are skipped."""
    begun, last = None, None
    for line in lines:
        if not line.endswith("\n"):
            continue
        word, *rest = line.split() or [""]
        if word == "begin":
            begun = float(rest[-1])
        elif word == "active" and begun is not None:
            last = float(rest[-1]) - begun
    return last
