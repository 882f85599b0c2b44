"""An inter-process and inter-thread lock on a folder, for stores that several processes may write
(the window and a ``spacetrash feedback add`` run at the same time).

The lock is an OS advisory lock on ``<folder>/.lock`` (``fcntl.flock`` on POSIX, ``msvcrt.locking``
on Windows). The operating system drops it when the holder dies, so a process killed while holding
it never leaves a stale lock behind. Within one process, every :class:`FolderLock` for the same
folder shares one re-entrant lock and one file descriptor, so nested use never deadlocks.

When the lock file cannot be created (a read-only disk), :meth:`FolderLock.acquire` with
``for_write=False`` proceeds without the OS lock: nobody can write that folder anyway.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

LOCK_NAME = ".lock"

_registry: dict[str, FolderLock] = {}
_registry_guard = threading.Lock()


class FolderLock:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self._rlock = threading.RLock()
        self._depth = 0
        self._fd: int | None = None

    @classmethod
    def for_folder(cls, folder: Path | str) -> FolderLock:
        key = os.path.normcase(os.path.abspath(folder))
        with _registry_guard:
            lock = _registry.get(key)
            if lock is None:
                lock = _registry[key] = cls(Path(folder))
            return lock

    def acquire(self, *, for_write: bool = True) -> None:
        """Take the lock (blocking). Raises OSError when ``for_write`` and the lock file cannot be
        opened (read-only disk, permission)."""
        self._rlock.acquire()
        try:
            if self._depth == 0:
                self._fd = self._os_lock(for_write)
            self._depth += 1
        except BaseException:
            self._rlock.release()
            raise

    def release(self) -> None:
        try:
            self._depth -= 1
            if self._depth == 0 and self._fd is not None:
                fd, self._fd = self._fd, None
                try:
                    _unlock(fd)
                finally:
                    os.close(fd)
        finally:
            self._rlock.release()

    def _os_lock(self, for_write: bool) -> int | None:
        path = self.folder / LOCK_NAME
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            if for_write:
                raise
            try:
                fd = os.open(path, os.O_RDONLY)
            except OSError:
                return None  # read-only and never locked before: no writer can exist
        try:
            _lock(fd)
        except BaseException:
            os.close(fd)
            raise
        return fd

    def __enter__(self) -> FolderLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(fd: int) -> None:
        while True:
            try:
                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_LOCK, 1)  # retries for ~10 s, then raises
                return
            except OSError:
                time.sleep(0.05)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
