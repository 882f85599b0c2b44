"""Error codes shared by the command line, the batch queue and the window.

Every error a user can meet carries a language-neutral ``code`` and a plain ``message`` that names
the problem without internal paths or tracebacks (those go to the log file).
"""

from __future__ import annotations

import errno
from enum import Enum


class ErrorCode(str, Enum):  # noqa: UP042 - str() and format() of a code stay as printed since the first release
    BAD_INPUT = "BAD_INPUT"  # a file, argument or value the user gave is wrong
    MODEL_ERROR = "MODEL_ERROR"  # a model bundle failed verification or could not score
    STORAGE_ERROR = "STORAGE_ERROR"  # disk full, read-only, permission denied
    TIMEOUT = "TIMEOUT"  # a job exceeded its time limit
    CANCELLED = "CANCELLED"  # the user (or a newer run) cancelled the work
    INTERNAL = "INTERNAL"  # a bug: details in the log


class SpaceTrashError(Exception):
    """Base of every error the application raises on purpose."""

    code: ErrorCode = ErrorCode.INTERNAL

    def __init__(self, message: str, *, code: ErrorCode | None = None, details: str = ""):
        super().__init__(message)
        if code is not None:
            self.code = code
        self.message = message
        self.details = details

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.message


class BadInputError(SpaceTrashError):
    code = ErrorCode.BAD_INPUT


class StorageError(SpaceTrashError):
    code = ErrorCode.STORAGE_ERROR


class ModelError(SpaceTrashError):
    code = ErrorCode.MODEL_ERROR


class CatalogError(SpaceTrashError):
    """A bundled dataset is missing or invalid (a packaging bug, caught by the tests)."""

    code = ErrorCode.INTERNAL


def storage_error_from_os(exc: OSError, what: str) -> StorageError:
    """Turn an OSError into a plain message that says what could not be saved and why."""
    reasons = {
        errno.ENOSPC: "the disk is full",
        errno.EROFS: "the disk is read-only",
        errno.EACCES: "permission was denied",
        errno.EPERM: "permission was denied",
        errno.EDQUOT: "the disk quota is exhausted",
        errno.EIO: "the disk reported an input/output error",
    }
    reason = reasons.get(exc.errno or -1, exc.strerror or "the operating system refused the write")
    return StorageError(f"Could not save {what}: {reason}.", details=repr(exc))
