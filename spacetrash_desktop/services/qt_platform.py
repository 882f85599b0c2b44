"""Can Qt open a window here? Diagnosed BEFORE Qt starts, without importing Qt.

When Qt's platform plugin (``libqxcb.so`` on X11) cannot load, Qt aborts the process (exit 134)
before any dialog can be shown, and its own hint ("xcb-cursor0 or libxcb-cursor0 is needed") is
printed whatever library is really missing. So the window's start-up and ``spacetrash self-test``
ask the system's dynamic loader first (``ldd`` on the plugin Qt would load) and turn every shared
library it cannot find into the Debian/Ubuntu package that provides it.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

# platforms that need no display server and no extra system library
HEADLESS_PLATFORMS = frozenset({"offscreen", "minimal", "vnc", "linuxfb", "eglfs", "minimalegl"})

# every package the window needs on Debian/Ubuntu beyond a desktop's usual X11 libraries: Qt's xcb
# plugin links these, and a minimal or server install lacks some of them (README: Quick start)
DEBIAN_WINDOW_PACKAGES = (
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-cursor0",
    "libxcb-image0",
    "libxcb-render-util0",
    "libxkbcommon-x11-0",
)

# libraries whose Debian package does not follow the library-name-plus-version rule
_PACKAGE_EXCEPTIONS = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0",
    "libstdc++.so.6": "libstdc++6",
    "libgcc_s.so.1": "libgcc-s1",
}

_NOT_FOUND = re.compile(r"^\s*(\S+)\s*=>\s*not found", re.MULTILINE)


@dataclass
class PlatformDiagnosis:
    """What stops Qt from opening a window; ``ok`` when nothing was found."""

    platform: str
    plugin: Path | None = None
    missing_libraries: list[str] = field(default_factory=list)
    problem: str = ""

    @property
    def ok(self) -> bool:
        return not self.problem and not self.missing_libraries

    @property
    def packages(self) -> list[str]:
        return sorted({debian_package(lib) for lib in self.missing_libraries})

    def message(self) -> str:
        """The plain text printed on the terminal (several lines)."""
        if self.ok:
            return f"Qt's {self.platform} platform can load."
        if self.problem:
            return self.problem
        libs = ", ".join(self.missing_libraries)
        pkgs = " ".join(self.packages)
        return (
            f"The window cannot open: Qt's {self.platform} platform plugin ({self.plugin}) needs system "
            f"libraries that are not installed: {libs}.\n"
            f"On Debian or Ubuntu install them with:\n"
            f"    sudo apt-get install {pkgs}\n"
            f"(README.md, Quick start, lists every package the window needs: "
            f"{' '.join(DEBIAN_WINDOW_PACKAGES)}.)\n"
            f"No dialog can be shown for this: Qt cannot draw any window until its platform plugin loads. "
            f"The command line works without it (`spacetrash --help`)."
        )


def debian_package(library: str) -> str:
    """The Debian/Ubuntu package that ships a shared library: ``libxcb-icccm.so.4`` ->
    ``libxcb-icccm4``, ``libxkbcommon-x11.so.0`` -> ``libxkbcommon-x11-0`` (Debian policy 8.1: the
    library name, a hyphen when it ends in a digit, then the soname version)."""
    if library in _PACKAGE_EXCEPTIONS:
        return _PACKAGE_EXCEPTIONS[library]
    m = re.match(r"^(.+?)\.so\.(\d+)", library)
    if not m:
        return library.lower()
    stem, version = m.group(1).lower(), m.group(2)
    return f"{stem}-{version}" if stem[-1].isdigit() else f"{stem}{version}"


def qt_platform_name(environ: dict[str, str] | os._Environ = os.environ) -> str | None:
    """The platform plugin Qt will load here, or None when it needs no check (not Linux, headless)."""
    if not sys.platform.startswith("linux"):
        return None
    wanted = (environ.get("QT_QPA_PLATFORM") or "").split(":")[0].split(";")[0].strip().lower()
    if wanted in HEADLESS_PLATFORMS:
        return None
    if wanted:
        return wanted
    if environ.get("WAYLAND_DISPLAY") and not environ.get("DISPLAY"):
        return "wayland"
    return "xcb"


def plugin_dirs(environ: dict[str, str] | os._Environ = os.environ) -> list[Path]:
    """Where Qt looks for platform plugins, in Qt's order (the first ``libq<platform>.so`` found is
    the one loaded; seen with QT_DEBUG_PLUGINS=1): each QT_PLUGIN_PATH entry's ``platforms``, then
    PySide6's own plugin folder, then QT_QPA_PLATFORM_PLUGIN_PATH."""
    dirs = [Path(p) / "platforms" for p in (environ.get("QT_PLUGIN_PATH") or "").split(os.pathsep) if p]
    roots: list[Path] = []
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.submodule_search_locations:
        roots += [Path(p) for p in spec.submodule_search_locations]
    if getattr(sys, "frozen", False) and hasattr(sys, "_MEIPASS"):
        roots.append(Path(sys._MEIPASS) / "PySide6")
    for root in roots:
        dirs += [root / "Qt" / "plugins" / "platforms", root / "plugins" / "platforms"]
    dirs += [Path(p) for p in (environ.get("QT_QPA_PLATFORM_PLUGIN_PATH") or "").split(os.pathsep) if p]
    return dirs


def find_plugin(platform: str, environ: dict[str, str] | os._Environ = os.environ) -> Path | None:
    for d in plugin_dirs(environ):
        candidate = d / f"libq{platform}.so"
        if candidate.is_file():
            return candidate
    return None


def missing_libraries(plugin: Path, environ: dict[str, str] | os._Environ = os.environ) -> list[str]:
    """Shared libraries the dynamic loader cannot find for ``plugin`` (``ldd``; empty when ldd is
    not available: then nothing is claimed)."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return []
    try:
        out = subprocess.run(
            [ldd, str(plugin)], capture_output=True, text=True, timeout=30, env=dict(environ), check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return list(dict.fromkeys(_NOT_FOUND.findall(out)))


def diagnose(environ: dict[str, str] | os._Environ = os.environ) -> PlatformDiagnosis:
    """Check, without starting Qt, that the platform plugin Qt would load here can load."""
    platform = qt_platform_name(environ)
    if platform is None:
        return PlatformDiagnosis(platform="none")
    if platform == "xcb" and not environ.get("DISPLAY"):
        return PlatformDiagnosis(
            platform,
            problem=(
                "The window cannot open: no display was found (DISPLAY is not set). Start it from a desktop "
                "session, or over SSH with X forwarding (ssh -X). The command line works without a display "
                "(`spacetrash --help`)."
            ),
        )
    if platform == "wayland" and not environ.get("WAYLAND_DISPLAY"):
        return PlatformDiagnosis(
            platform, problem="The window cannot open: no Wayland display was found (WAYLAND_DISPLAY is not set)."
        )
    plugin = find_plugin(platform, environ)
    if plugin is None:
        return PlatformDiagnosis(platform)  # Qt itself will name what it has; nothing to claim here
    return PlatformDiagnosis(platform, plugin, missing_libraries(plugin, environ))
