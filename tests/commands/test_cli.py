"""The command line: usage errors exit 2 with one line; the console entry point runs."""

from __future__ import annotations

import subprocess
import sys

import pytest

from spacetrash_desktop.cli import run


def test_usage_errors_exit_2_with_one_line(capsys):
    with pytest.raises(SystemExit) as exc:
        run(["generate", "--target"])
    assert exc.value.code == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_console_entry_point_runs(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "spacetrash_desktop", "targets"], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0 and "residence_renovations" in proc.stdout
