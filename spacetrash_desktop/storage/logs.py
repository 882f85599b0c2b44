"""Logging to a rotating file in the per-user data directory. Tracebacks go here, never to a dialog."""

from __future__ import annotations

import logging
import logging.handlers

from spacetrash_desktop.storage.paths import logs_dir

_CONFIGURED = False
LOG_NAME = "spacetrash.log"


def setup_logging(level: int = logging.INFO) -> str:
    """Configure the root logger once; return the log file path ('' if the disk refuses it)."""
    global _CONFIGURED
    try:
        path = logs_dir() / LOG_NAME
    except OSError:
        return ""
    if _CONFIGURED:
        return str(path)
    root = logging.getLogger()
    root.setLevel(level)
    try:
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return ""
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"))
    root.addHandler(handler)
    _CONFIGURED = True
    return str(path)


def log_path() -> str:
    return str(logs_dir() / LOG_NAME)
