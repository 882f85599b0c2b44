"""``spacetrash self-test`` from source: every check passes, one line per check."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


@pytest.mark.slow
def test_self_test_passes_from_source(tmp_path):
    env = {**os.environ, "SPACETRASH_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-m", "spacetrash_desktop", "self-test"], capture_output=True, text=True, env=env, timeout=600
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    lines = [line for line in proc.stdout.splitlines() if line.startswith(("PASS", "FAIL"))]
    assert [line.split()[0] for line in lines] == ["PASS"] * 8
    assert "model ready" in proc.stdout
    # the self-test works in its own temporary folders: the data folder it was given stays empty
    assert not any(tmp_path.iterdir()) or set(p.name for p in tmp_path.iterdir()) <= {"logs"}
