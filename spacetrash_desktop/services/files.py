"""Where the application keeps things, and how the window and the command line save what the crew
exports: the per-user data folder, the log, bundled read-only files, and atomic writes (a kill or a
full disk never leaves half a file). The only door to ``storage.paths``, ``storage.logs`` and
``storage.atomic`` for the layers above services."""

from __future__ import annotations

from pathlib import Path

from spacetrash_desktop.storage import atomic, logs, paths


def data_dir() -> Path:
    """The per-user data folder (``SPACETRASH_HOME`` overrides it)."""
    return paths.data_dir()


def bundled_dir(name: str) -> Path:
    """A bundled read-only folder (``datasets``, ``models``, ``resources``, ``docs``), in a source
    checkout or in the frozen bundle."""
    return paths.bundled_dir(name)


def log_path() -> str:
    """The log file of this session."""
    return logs.log_path()


def setup_logging() -> str:
    """Send the log to the data folder (idempotent); returns the log file's path."""
    return logs.setup_logging()


def save_text(path: Path | str, text: str, *, what: str) -> None:
    """Write ``text`` atomically; a failure raises ``StorageError`` naming ``what`` and the reason."""
    atomic.atomic_write_text(path, text, what=what)


def save_bytes(path: Path | str, data: bytes, *, what: str) -> None:
    """Write ``data`` atomically; a failure raises ``StorageError`` naming ``what`` and the reason."""
    atomic.atomic_write_bytes(path, data, what=what)
