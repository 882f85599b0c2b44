"""The feedback journal's commit log, ``journal.json``: which sealed segments are live, their row
counts and sha256, and the most recent commits. It is only ever replaced atomically
(``storage/atomic.py``); see ``storage/journal.py`` for how segments and commits fit together."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path
from typing import Any

from spacetrash_desktop._version import __version__
from spacetrash_desktop.errors import StorageError, storage_error_from_os
from spacetrash_desktop.storage.atomic import atomic_write_json
from spacetrash_desktop.storage.feedback_schema import SCHEMA_VERSION, utc_now_iso

JOURNAL_FORMAT = "spacetrash-feedback-journal"
JOURNAL_FORMAT_VERSION = 1
MANIFEST_NAME = "journal.json"
SEGMENT_RE = re.compile(r"^seg-(\d{8,})-([0-9a-f]{8,32})\.parquet$")
HISTORY_KEEP = 50
_SHA256_RE = re.compile(r"^[0-9a-f]{64}$")


class ManifestDamaged(Exception):
    """``journal.json`` is there but cannot be read as a feedback journal index."""


def segment_seq(name: str) -> int:
    """The sequence number in a segment file name (-1 when it is not a segment's name)."""
    m = SEGMENT_RE.match(name)
    return int(m.group(1)) if m else -1


def segment_rows(manifest: dict[str, Any]) -> int:
    return sum(int(s["rows"]) for s in manifest["segments"])


class CommitLog:
    """``journal.json`` in one journal folder: read, check, start and commit it."""

    def __init__(self, folder: Path):
        self.path = folder / MANIFEST_NAME

    def new(self) -> dict[str, Any]:
        """A log for an empty journal, with a fresh installation id."""
        return {
            "format": JOURNAL_FORMAT,
            "format_version": JOURNAL_FORMAT_VERSION,
            "schema_version": SCHEMA_VERSION,
            "installation_id": uuid.uuid4().hex,
            "commit": 0,
            "next_seq": 1,
            "segments": [],
            "rows": 0,
            "created_at": utc_now_iso(),
            "updated_at": utc_now_iso(),
            "app_version": __version__,
            "history": [],
        }

    def write(self, manifest: dict[str, Any]) -> None:
        atomic_write_json(self.path, manifest, what="the feedback journal")

    def read(self) -> dict[str, Any] | None:
        """The committed log, or None when there is none. Raises :class:`ManifestDamaged` when
        unreadable and StorageError when it was written by a newer app (nothing is touched then)."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise storage_error_from_os(exc, "the feedback journal") from exc
        try:
            m = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise ManifestDamaged(f"not JSON: {exc}") from exc
        if not isinstance(m, dict) or m.get("format") != JOURNAL_FORMAT:
            raise ManifestDamaged("not a feedback journal index")
        version = m.get("format_version")
        if isinstance(version, int) and version > JOURNAL_FORMAT_VERSION:
            raise StorageError(
                "The feedback journal was written by a newer version of Space Trash Desktop; "
                "update the app to read or add feedback."
            )
        try:
            check_manifest(m)
        except (AssertionError, KeyError, TypeError, AttributeError) as exc:
            raise ManifestDamaged("malformed index") from exc
        return m

    def commit(
        self, manifest: dict[str, Any], *, action: str, added: list[str], removed: list[str], rows: int, note: str = ""
    ) -> dict[str, Any]:
        """Write ``manifest`` (its segments already updated) as the next commit; returns it."""
        m = dict(manifest)
        m["commit"] = int(manifest["commit"]) + 1
        m["rows"] = segment_rows(m)
        m["updated_at"] = utc_now_iso()
        m["app_version"] = __version__
        entry: dict[str, Any] = {
            "commit": m["commit"],
            "at": m["updated_at"],
            "action": action,
            "added": added,
            "removed": removed,
            "rows": rows,
        }
        if note:
            entry["note"] = note
        m["history"] = (list(manifest.get("history", [])) + [entry])[-HISTORY_KEEP:]
        self.write(m)
        return m


def check_manifest(m: dict[str, Any]) -> None:
    """Raise AssertionError (or KeyError/TypeError) when the log is malformed."""
    segs = m["segments"]
    assert isinstance(m["installation_id"], str) and m["installation_id"]
    assert isinstance(m["next_seq"], int) and isinstance(m["commit"], int)
    assert isinstance(segs, list)
    names = set()
    for s in segs:
        assert SEGMENT_RE.match(s["name"]) and s["name"] not in names
        names.add(s["name"])
        assert isinstance(s["rows"], int) and s["rows"] >= 0
        assert isinstance(s["bytes"], int) and s["bytes"] >= 0
        assert isinstance(s["sha256"], str) and _SHA256_RE.match(s["sha256"])
        assert segment_seq(s["name"]) < m["next_seq"]
