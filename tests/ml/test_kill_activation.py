"""Killing the process during activation leaves the old or the new model active, never neither: a
subprocess that installs and activates bundles in a loop is SIGKILLed at random instants; after each
kill the pointer names a complete bundle that passes verification and is one of the two."""

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
    activations = 0
    for round_ in range(ROUNDS):
        proc = subprocess.Popen(
            [sys.executable, str(WORKER), str(a), str(b)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=str(tmp_path),
        )
        try:
            line = proc.stdout.readline()
            assert line.strip() == "ready", (line, proc.stderr.read() if proc.poll() is not None else "")
            time.sleep(rng.uniform(0.0, 0.35))
        finally:
            proc.kill()
            out, err = proc.communicate(timeout=30)
        activations += out.count("active ")
        assert "Traceback" not in err, err
        registry.clear_cache()
        ptr = registry.read_pointer()
        assert ptr is not None, f"round {round_}: no active model after the kill"
        contents, problems = read_bundle(paths.models_dir() / ptr["active"])
        assert problems == [], f"round {round_}: active bundle damaged: {problems}"
        assert contents.manifest_sha256 == ptr["manifest_sha256"] and ptr["manifest_sha256"] in sha
        assert registry.ensure_installed().status == "ready"
    assert activations >= ROUNDS  # the kills landed while activations were really happening
    assert isinstance(registry.active_scorer(), MLScorer)
