"""Start-up on a machine that lacks a library Qt's X11 platform plugin needs: the terminal names the
missing library and the Debian/Ubuntu packages, instead of Qt's silent abort (exit 134)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from spacetrash_desktop.services import qt_platform
from spacetrash_desktop.services.qt_platform import PlatformDiagnosis, debian_package, diagnose

REAL_NEEDED = b"libxcb-icccm.so.4\0"
BROKEN_NEEDED = b"libxcb-icccm.so.9\0"  # same length: the loader looks for a library no system has


def _real_plugin() -> Path:
    plugin = qt_platform.find_plugin("xcb", {})
    if plugin is None:
        pytest.skip("this PySide6 has no xcb platform plugin")
    return plugin


@pytest.fixture
def broken_plugin_dir(tmp_path) -> Path:
    """A copy of Qt's plugin layout whose libqxcb.so needs a library that cannot be resolved (its
    other libraries resolve to PySide6's own, through the plugin's $ORIGIN/../../lib run path)."""
    if shutil.which("ldd") is None:
        pytest.skip("no ldd on this system")
    real = _real_plugin()
    qt_lib = real.parent.parent.parent / "lib"
    platforms = tmp_path / "Qt" / "plugins" / "platforms"
    platforms.mkdir(parents=True)
    (tmp_path / "Qt" / "lib").symlink_to(qt_lib)
    data = real.read_bytes()
    assert REAL_NEEDED in data, "the xcb plugin no longer links libxcb-icccm directly"
    (platforms / "libqxcb.so").write_bytes(data.replace(REAL_NEEDED, BROKEN_NEEDED))
    return platforms.parent  # for QT_PLUGIN_PATH: Qt looks there before PySide6's own plugins


def _display_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(DISPLAY=":99", **extra)
    return env


def test_debian_package_names():
    assert debian_package("libxcb-icccm.so.4") == "libxcb-icccm4"
    assert debian_package("libxcb-keysyms.so.1") == "libxcb-keysyms1"
    assert debian_package("libxcb-cursor.so.0") == "libxcb-cursor0"
    assert debian_package("libxcb-render-util.so.0") == "libxcb-render-util0"
    assert debian_package("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert debian_package("libX11-xcb.so.1") == "libx11-xcb1"
    assert debian_package("libglib-2.0.so.0") == "libglib2.0-0"


def test_ldd_output_is_read_into_libraries_and_packages(monkeypatch, tmp_path):
    ldd_output = (
        "\tlinux-vdso.so.1 (0x00007ffd)\n"
        "\tlibQt6XcbQpa.so.6 => /x/lib/libQt6XcbQpa.so.6 (0x00007f8b)\n"
        "\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f8b)\n"
        "\tlibxcb-icccm.so.4 => not found\n"
        "\tlibxcb-keysyms.so.1 => not found\n"
        "\tlibxcb-icccm.so.4 => not found\n"
    )
    fake = tmp_path / "ldd"
    fake.write_text(f"#!/bin/sh\ncat <<'EOF'\n{ldd_output}EOF\n")
    fake.chmod(0o755)
    monkeypatch.setattr(qt_platform.shutil, "which", lambda name: str(fake) if name == "ldd" else None)
    d = diagnose(_display_env(QT_QPA_PLATFORM_PLUGIN_PATH=str(_real_plugin().parent)))
    assert not d.ok
    assert d.missing_libraries == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    msg = d.message()
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in msg
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1\n" in msg
    assert "No dialog can be shown" in msg


def test_headless_and_missing_display():
    assert diagnose({"QT_QPA_PLATFORM": "offscreen"}).ok
    no_display = diagnose({})
    assert not no_display.ok and "DISPLAY is not set" in no_display.message()


def test_installed_plugin_is_fine():
    if shutil.which("ldd") is None:
        pytest.skip("no ldd on this system")
    d = diagnose(_display_env())
    assert d.ok, d.message()


def test_broken_plugin_is_diagnosed(broken_plugin_dir):
    d = diagnose(_display_env(QT_PLUGIN_PATH=str(broken_plugin_dir)))
    assert d.plugin == broken_plugin_dir / "platforms" / "libqxcb.so"
    assert d.missing_libraries == ["libxcb-icccm.so.9"]
    assert d.packages == ["libxcb-icccm9"]


@pytest.mark.slow
def test_spacetrash_prints_missing_library_and_packages(broken_plugin_dir):
    """`spacetrash` (the Quick start's first command) with a platform plugin that cannot load: one
    plain message on the terminal, exit 1 (not Qt's abort, 134)."""
    env = _display_env(QT_PLUGIN_PATH=str(broken_plugin_dir))
    proc = subprocess.run(
        [sys.executable, "-m", "spacetrash_desktop"], env=env, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 1, proc.stderr
    assert "libxcb-icccm.so.9" in proc.stderr
    assert "sudo apt-get install libxcb-icccm9" in proc.stderr
    assert "No dialog can be shown" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.slow
def test_qt_itself_aborts_on_that_plugin(broken_plugin_dir):
    """The premise: Qt really cannot start with that plugin folder (it aborts), so the check above is
    what stands between the user and a silent exit."""
    if shutil.which("xvfb-run") is None:
        pytest.skip("no xvfb-run")
    env = _display_env(QT_PLUGIN_PATH=str(broken_plugin_dir))
    env.pop("DISPLAY")
    code = "from PySide6.QtGui import QGuiApplication; QGuiApplication([]); print('started')"
    proc = subprocess.run(
        ["xvfb-run", "-a", sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert "started" not in proc.stdout
    assert proc.returncode != 0  # 134: Qt aborts, and its hint names libxcb-cursor0 whatever is missing


def test_diagnosis_message_for_ok():
    assert PlatformDiagnosis("xcb").ok


def test_self_test_diagnoses_a_missing_platform_library(broken_plugin_dir, monkeypatch):
    """`spacetrash self-test` names the library and the packages, and does not open the window (Qt
    would abort the self-test itself)."""
    from spacetrash_desktop.services import selftest

    monkeypatch.setenv("QT_PLUGIN_PATH", str(broken_plugin_dir))
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    with pytest.raises(RuntimeError) as failed:
        selftest._check_qt_platform()
    assert "libxcb-icccm.so.9" in str(failed.value)
    assert "sudo apt-get install libxcb-icccm9" in str(failed.value)

    def window_must_not_open() -> str:
        raise AssertionError("the window check ran although Qt would abort")

    with pytest.raises(RuntimeError, match="platform plugin cannot load"):
        selftest._check_window(window_must_not_open)


def test_self_test_platform_check_passes_here(monkeypatch):
    from spacetrash_desktop.services import selftest

    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert "offscreen" in selftest._check_qt_platform()
