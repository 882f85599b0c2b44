"""Atomic file replacement: temp file in the same folder, write, flush, fsync, ``os.replace``, fsync
the folder. A reader sees the old file or the new one, never a torn one, whatever instant the
process dies at. Failures (disk full, read-only) raise :class:`StorageError` and leave the old file
untouched."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from spacetrash_desktop.errors import StorageError, storage_error_from_os

TMP_SUFFIX = ".tmp"


def fsync_dir(path: Path) -> None:
    """Make a rename inside ``path`` durable (no-op where directories cannot be opened)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write(
    path: Path | str, writer: Callable[[Any], None], *, binary: bool = True, what: str | None = None
) -> None:
    """Call ``writer(fileobj)`` on a temp file, then atomically replace ``path`` with it."""
    path = Path(path)
    what = what or path.name
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TMP_SUFFIX)
    except OSError as exc:
        raise storage_error_from_os(exc, what) from exc
    try:
        fh: IO[Any] = os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")
        with fh:
            writer(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except OSError as exc:
        _unlink_quietly(tmp)
        raise storage_error_from_os(exc, what) from exc
    except BaseException:
        _unlink_quietly(tmp)
        raise


def atomic_write_bytes(path: Path | str, data: bytes, *, what: str | None = None) -> None:
    atomic_write(path, lambda fh: fh.write(data), what=what)


def atomic_write_text(path: Path | str, text: str, *, what: str | None = None) -> None:
    atomic_write(path, lambda fh: fh.write(text.encode("utf-8")), what=what)


def atomic_write_json(path: Path | str, obj: Any, *, what: str | None = None) -> None:
    atomic_write_text(path, json.dumps(obj, indent=2, sort_keys=True, default=str) + "\n", what=what)


def sweep_temp_files(folder: Path) -> int:
    """Delete torn temp files left by a process killed mid-write. Returns how many were removed."""
    removed = 0
    if not folder.is_dir():
        return 0
    for p in folder.iterdir():
        if p.name.startswith(".") and p.name.endswith(TMP_SUFFIX) and p.is_file():
            _unlink_quietly(p)
            removed += 1
    return removed


def _unlink_quietly(p) -> None:
    try:
        os.unlink(p)
    except OSError:
        pass


__all__ = [
    "StorageError",
    "atomic_write",
    "atomic_write_bytes",
    "atomic_write_json",
    "atomic_write_text",
    "fsync_dir",
    "sweep_temp_files",
]
