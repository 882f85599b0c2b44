"""Every path the application uses, in one module.

* Bundled, read-only data (``datasets/``, ``models/``, ``resources/``) is found through
  :func:`bundled_dir`, which works from a source checkout, an editable install and the PyInstaller
  bundle (``sys._MEIPASS``).
* Per-user, writable data lives under :func:`data_dir`: platformdirs' user data directory, or the
  directory named by the ``SPACETRASH_HOME`` environment variable (every test sets it to a temp dir).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "SpaceTrashDesktop"
APP_AUTHOR = "SpaceTrash"
HOME_ENV = "SPACETRASH_HOME"


def bundled_root() -> Path:
    """The folder that holds ``datasets/``, ``models/`` and ``resources/``."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    # spacetrash_desktop/storage/paths.py -> repository root
    return Path(__file__).resolve().parents[2]


def bundled_dir(name: str) -> Path:
    if name not in {"datasets", "models", "resources", "docs"}:
        raise ValueError(f"unknown bundled folder {name!r}")
    return bundled_root() / name


def data_dir() -> Path:
    """The per-user data directory (created on first use)."""
    override = os.environ.get(HOME_ENV, "").strip()
    if override:
        path = Path(override).expanduser()
    else:
        path = Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def _sub(name: str) -> Path:
    path = data_dir() / name
    path.mkdir(parents=True, exist_ok=True)
    return path


def models_dir() -> Path:
    """Installed model bundles and the ``active`` pointer."""
    return _sub("models")


def feedback_dir() -> Path:
    return _sub("feedback")


def logs_dir() -> Path:
    return _sub("logs")


def runs_dir() -> Path:
    """Retraining run records."""
    return _sub("runs")


def import_errors_dir() -> Path:
    return _sub("import_errors")


def inventory_path() -> Path:
    """The crew's saved inventory (autosaved after every edit)."""
    return data_dir() / "inventory.parquet"
