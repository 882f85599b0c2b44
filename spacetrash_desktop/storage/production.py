"""The production log: what the crew made, in local Parquet that survives a kill at any instant.

Built on the feedback journal's design and pieces (``storage/journal.py``, ``journal_log.py``):

    <data dir>/production/
        log.json                          the commit log: live segments, their row counts and sha256
        seg-00000007-3f2a9c1e.parquet     sealed, immutable segments (one per record, merged by compaction)
        .lock                             the inter-process lock (released by the OS when a process dies)

* A record is sealed as a new segment (temp file, fsync, ``os.replace``, fsync the folder) and then
  committed by atomically replacing ``log.json`` with a copy that lists it. :meth:`ProductionLog.append`
  returns only then. A segment the log does not list does not exist: it is swept at the next open.
* Records are never edited or deleted: undoing an entry appends an ``undo`` record, so the log is the
  history. If ``log.json`` is ever lost or damaged, every readable segment is adopted again (de-duplicated
  by ``row_id``); nothing is lost.
* Compaction (automatic once there are :data:`AUTO_COMPACT_SEGMENTS` segments) writes one merged segment
  and commits a log that swaps it for the old ones in one atomic replace.

Reused from the journal: :class:`CommitLog` (the commit and its history), :class:`SegmentStore`
(seal + commit + rollback, live ids, drop), :class:`FolderLock`, the atomic writes, the sweep.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import socket
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from spacetrash_desktop.errors import SpaceTrashError, StorageError, storage_error_from_os
from spacetrash_desktop.storage.atomic import atomic_write_json, fsync_dir, sweep_temp_files
from spacetrash_desktop.storage.filelock import FolderLock
from spacetrash_desktop.storage.journal import DamagedSegment, SegmentStore, sha256_bytes
from spacetrash_desktop.storage.journal_log import (
    SEGMENT_RE,
    CommitLog,
    ManifestDamaged,
    check_manifest,
    segment_rows,
    segment_seq,
)
from spacetrash_desktop.storage.paths import data_dir
from spacetrash_desktop.storage.production_schema import (
    SCHEMA_VERSION,
    conform,
    decode_record,
    empty_table,
    normalize_record,
    rows_to_table,
    schema_problem,
)

log = logging.getLogger(__name__)

LOG_FORMAT = "spacetrash-production-log"
LOG_FORMAT_VERSION = 1
LOG_NAME = "log.json"
AUTO_COMPACT_SEGMENTS = 32
WHAT = "the production log"


def production_dir() -> Path:
    path = data_dir() / "production"
    path.mkdir(parents=True, exist_ok=True)
    return path


class ProductionCommitLog(CommitLog):
    """``log.json``: the journal's commit log under the production log's own format name."""

    def __init__(self, folder: Path):
        super().__init__(folder)
        self.path = folder / LOG_NAME

    def new(self) -> dict[str, Any]:
        m = super().new()
        m.update(format=LOG_FORMAT, format_version=LOG_FORMAT_VERSION, schema_version=SCHEMA_VERSION)
        return m

    def write(self, manifest: dict[str, Any]) -> None:
        atomic_write_json(self.path, manifest, what=WHAT)

    def read(self) -> dict[str, Any] | None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise storage_error_from_os(exc, WHAT) from exc
        try:
            m = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise ManifestDamaged(f"not JSON: {exc}") from exc
        if not isinstance(m, dict) or m.get("format") != LOG_FORMAT:
            raise ManifestDamaged("not a production log index")
        version = m.get("format_version")
        if isinstance(version, int) and version > LOG_FORMAT_VERSION:
            raise StorageError(
                "The production log was written by a newer version of Space Trash Desktop; update the app."
            )
        try:
            check_manifest(m)
        except (AssertionError, KeyError, TypeError, AttributeError) as exc:
            raise ManifestDamaged("malformed index") from exc
        return m


class ProductionSegments(SegmentStore):
    """The journal's segment store, reading segments as production records."""

    def read(self, seg: Mapping[str, Any], *, use_cache: bool = True) -> pa.Table:
        name = seg["name"]
        if use_cache and name in self._tables:
            return self._tables[name]
        table = read_production_parquet(
            self.path / name, expected_sha256=seg["sha256"], expected_rows=seg["rows"], expected_bytes=seg.get("bytes")
        )
        self._tables[name] = table
        self._ids[name] = frozenset(table.column("row_id").to_pylist())
        return table


@dataclass
class OpenReport:
    created: bool = False
    swept_temp: int = 0
    swept_segments: int = 0
    recovered: bool = False


class ProductionLog:
    """The production log of one folder (default ``<data dir>/production``); safe across threads and
    processes (every read and write holds the folder lock)."""

    def __init__(self, path: Path | str | None = None, *, auto_compact_at: int = AUTO_COMPACT_SEGMENTS):
        try:
            self.path = Path(production_dir() if path is None else path)
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise storage_error_from_os(exc, WHAT) from exc
        self.auto_compact_at = int(auto_compact_at)
        self.log = ProductionCommitLog(self.path)
        self.store = ProductionSegments(self.path, self.log)
        self._lock = FolderLock.for_folder(self.path)
        self.installation_id = ""
        self.open_report = self._open()

    @property
    def origin(self) -> str:
        host = (socket.gethostname() or "unknown-host").strip()[:100]
        return f"{host}:{self.installation_id[:8]}"

    # ------------------------------------------------------------------ public API
    def append(self, row: Mapping[str, Any]) -> str:
        """Check and record one record; return its ``row_id`` once it is durable on disk. A record whose
        ``row_id`` is already there is not recorded twice. Raises BadInputError / StorageError."""
        with self._locked():
            manifest = self._manifest()
            norm = normalize_record(row, origin=self.origin)
            rid = norm["row_id"]
            if rid not in self.store.live_ids(manifest):
                manifest = self.store.write_and_commit(
                    manifest,
                    rows_to_table([norm]),
                    kind="append",
                    keep=list(manifest["segments"]),
                    removed=[],
                    what=WHAT,
                )
            if self.auto_compact_at and len(manifest["segments"]) >= self.auto_compact_at:
                try:
                    self.compact()
                except SpaceTrashError as exc:  # the record is saved; compaction can wait
                    log.warning("production log compaction postponed: %s", exc.details or exc)
        return rid

    def table(self) -> pa.Table:
        """Every committed record in commit order. A damaged live segment raises StorageError: the
        inventory bookkeeping must never run on a partial history."""
        with self._locked(write=False):
            manifest = self._manifest()
            tables = []
            for seg in manifest["segments"]:
                try:
                    tables.append(self.store.read(seg))
                except DamagedSegment as exc:
                    raise StorageError(
                        "A file of the production log is damaged and cannot be read back.", details=str(exc)
                    ) from exc
        return pa.concat_tables(tables) if tables else empty_table()

    def records(self) -> list[dict[str, Any]]:
        """Every record as a dict with its JSON columns parsed, oldest first."""
        return [decode_record(r) for r in self.table().to_pylist()]

    def count(self) -> int:
        with self._locked(write=False):
            return segment_rows(self._manifest())

    def segments(self) -> list[dict[str, Any]]:
        with self._locked(write=False):
            return [dict(s) for s in self._manifest()["segments"]]

    def verify(self) -> list[tuple[str, str]]:
        """Read every live segment back from disk (checksum, schema, rows); the damaged ones."""
        damaged = []
        with self._locked(write=False):
            for seg in self._manifest()["segments"]:
                try:
                    self.store.read(seg, use_cache=False)
                except DamagedSegment as exc:
                    damaged.append((exc.name, exc.reason))
        return damaged

    def compact(self) -> int:
        """Merge every live segment into one (atomically); returns how many were merged."""
        with self._locked():
            manifest = self._manifest()
            segs = list(manifest["segments"])
            if len(segs) < 2:
                return 0
            merged = _dedupe(pa.concat_tables([self.store.read(s) for s in segs]))
            names = sorted(s["name"] for s in segs)
            self.store.write_and_commit(manifest, merged, kind="compact", keep=[], removed=names, what=WHAT)
            self.store.drop(names)
        return len(segs)

    # ------------------------------------------------------------------ locking, opening, recovery
    @contextlib.contextmanager
    def _locked(self, *, write: bool = True) -> Iterator[None]:
        try:
            self._lock.acquire(for_write=True)
        except OSError as exc:
            if write:
                raise storage_error_from_os(exc, WHAT) from exc
            self._lock.acquire(for_write=False)
        try:
            yield
        finally:
            self._lock.release()

    def _open(self) -> OpenReport:
        report = OpenReport()
        with self._locked():
            try:
                manifest = self.log.read()
                damaged = False
            except ManifestDamaged as exc:
                log.error("production log index damaged (%s); rebuilding it from the segments", exc)
                manifest, damaged = None, True
            if manifest is None and (damaged or any(SEGMENT_RE.match(p.name) for p in self.path.iterdir())):
                report.recovered = True
                manifest = self._recover(damaged)
            elif manifest is None:
                manifest = self.log.new()
                self.log.write(manifest)
                report.created = True
            self.installation_id = manifest["installation_id"]
            report.swept_temp = sweep_temp_files(self.path)
            live = {s["name"] for s in manifest["segments"]}
            for p in list(self.path.iterdir()):
                if SEGMENT_RE.match(p.name) and p.name not in live and _unlink_quietly(p):
                    report.swept_segments += 1
            if report.swept_temp or report.swept_segments:
                fsync_dir(self.path)
        return report

    def _manifest(self) -> dict[str, Any]:
        try:
            m = self.log.read()
        except ManifestDamaged:
            m = None
        if m is None:  # removed or damaged under our feet: open again (recovers, never loses records)
            self.open_report = self._open()
            m = self.log.read() or self.log.new()
        self.installation_id = m["installation_id"]
        return m

    def _recover(self, damaged_index: bool) -> dict[str, Any]:
        """Rebuild the index from every readable segment (append-only: adopting them all, de-duplicated
        by row_id, can only bring records back)."""
        manifest = self.log.new()
        if damaged_index:
            with contextlib.suppress(OSError):
                os.replace(self.log.path, self.path / f"{LOG_NAME}.damaged-{uuid.uuid4().hex[:8]}")
        files = sorted((p for p in self.path.iterdir() if SEGMENT_RE.match(p.name)), key=lambda p: segment_seq(p.name))
        tables = []
        for p in files:
            try:
                tables.append(read_production_parquet(p))
            except DamagedSegment as exc:
                log.error("production log recovery: %s is unreadable (%s); kept aside", p.name, exc.reason)
                with contextlib.suppress(OSError):
                    os.replace(p, p.with_name("damaged-" + p.name))
        manifest["next_seq"] = max((segment_seq(p.name) for p in files), default=0) + 1
        if not tables:
            self.log.write(manifest)
            return manifest
        return self.store.write_and_commit(
            manifest, _dedupe(pa.concat_tables(tables)), kind="recover", keep=[], removed=[], what=WHAT
        )


def read_production_parquet(
    path: Path,
    *,
    expected_sha256: str | None = None,
    expected_rows: int | None = None,
    expected_bytes: int | None = None,
) -> pa.Table:
    """Read a production segment, checking its size and sha256 (when given) before parsing, then its
    schema and row count. Raises :class:`DamagedSegment` with a plain reason."""
    name = path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DamagedSegment(name, f"the file cannot be read ({exc.strerror or exc})") from exc
    if expected_bytes is not None and len(data) != int(expected_bytes):
        raise DamagedSegment(name, f"its size ({len(data)} bytes) is not the recorded {expected_bytes} bytes")
    if expected_sha256 is not None and sha256_bytes(data) != expected_sha256:
        raise DamagedSegment(name, "its checksum (sha256) does not match the recorded one")
    try:
        pf = pq.ParquetFile(pa.BufferReader(data))
        problem = schema_problem(pf.schema_arrow)
        if problem:
            raise DamagedSegment(name, problem)
        table = pf.read()
    except DamagedSegment:
        raise
    except (pa.ArrowException, OSError, ValueError) as exc:
        raise DamagedSegment(name, f"it is not a readable Parquet file ({str(exc)[:120]})") from exc
    if expected_rows is not None and table.num_rows != int(expected_rows):
        raise DamagedSegment(name, f"it holds {table.num_rows} rows, not the recorded {expected_rows}")
    return conform(table)


def _dedupe(table: pa.Table) -> pa.Table:
    seen: set[str] = set()
    keep = []
    for i, rid in enumerate(table.column("row_id").to_pylist()):
        if rid not in seen:
            seen.add(rid)
            keep.append(i)
    return table if len(keep) == table.num_rows else table.take(pa.array(keep, type=pa.int64()))


def _unlink_quietly(path: Path) -> bool:
    try:
        os.unlink(path)
        return True
    except OSError:
        return False


__all__ = ["LOG_NAME", "OpenReport", "ProductionLog", "production_dir", "read_production_parquet"]
