"""The crew-feedback journal: local Parquet that survives a kill at any instant.

On disk (``storage.paths.feedback_dir()``)::

    journal.json                      the commit log: the live segments, their row counts and sha256
    seg-00000041-3f2a9c1e.parquet     sealed, immutable Parquet segments (one per save)
    .lock                             the inter-process lock (an OS lock, released when a process dies)

* **A save** writes its rows as a new segment: temp file in the same folder, fsync, ``os.replace``,
  fsync the folder (``storage/atomic.py``). It then commits by atomically replacing ``journal.json``
  with a copy that lists the new segment (same temp/fsync/replace/fsync recipe). Only then does
  :meth:`FeedbackJournal.append` return. A Parquet file is never appended in place.
* **A segment that ``journal.json`` does not list does not exist.** It is garbage from a process that
  died between writing a segment and committing it (or between committing a compaction and deleting
  the segments it replaced), and it is deleted when the journal is next opened, as are torn temp files.
* **Compaction** reads the live segments, writes one merged segment, commits a ``journal.json`` that
  adds it and removes them in one atomic replace, then deletes the old files. A kill at any instant
  leaves either the old set or the new set live, never both and never neither.
* **Failures** (disk full, read-only, permission) raise :class:`StorageError`; nothing committed
  before is touched (``services.feedback`` keeps the row to retry).
* The store is append-only: rows are never edited or deleted. So if ``journal.json`` itself is ever
  lost or damaged (outside damage: the app only replaces it atomically), every readable segment is
  adopted again, de-duplicated by ``row_id``, and no row is lost.

In code: :class:`~spacetrash_desktop.storage.journal_log.CommitLog` (``journal_log.py``) reads, checks
and commits ``journal.json``; :class:`SegmentStore` seals, reads back and deletes segments;
:class:`FeedbackJournal` puts them together under the folder lock (appending, reading, verifying,
compacting, and at open the sweep and the recovery).

Only pyarrow is needed to write (pandas is imported lazily by :meth:`FeedbackJournal.rows`), so a
process that records a row starts fast. See ``docs/FEEDBACK.md``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import socket
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from spacetrash_desktop.context import RunContext
from spacetrash_desktop.errors import SpaceTrashError, StorageError, storage_error_from_os
from spacetrash_desktop.storage.atomic import atomic_write_bytes, fsync_dir, sweep_temp_files
from spacetrash_desktop.storage.feedback_schema import (
    COLUMNS,
    FEEDBACK_SCHEMA,
    JSON_COLUMNS,
    conform,
    empty_table,
    normalize_row,
    rows_to_table,
    schema_problem,
    utc_now_iso,
)
from spacetrash_desktop.storage.filelock import FolderLock
from spacetrash_desktop.storage.journal_log import (
    MANIFEST_NAME,
    SEGMENT_RE,
    CommitLog,
    ManifestDamaged,
    segment_rows,
    segment_seq,
)
from spacetrash_desktop.storage.paths import feedback_dir

log = logging.getLogger(__name__)

AUTO_COMPACT_SEGMENTS = 32  # append() compacts the small trailing segments once there are this many
BIG_SEGMENT_ROWS = 20_000  # segments this large are left alone by automatic compaction


def parquet_bytes(table: pa.Table) -> bytes:
    """Serialise a table to Parquet in memory (so its sha256 is of exactly the bytes written)."""
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue().to_pybytes()


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class DamagedSegment(Exception):
    """A live segment could not be read back as it was written."""

    def __init__(self, name: str, reason: str):
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


@dataclass
class OpenReport:
    """What opening the journal found and cleaned up."""

    created: bool = False
    swept_temp: int = 0
    swept_segments: int = 0
    recovered: bool = False
    read_only: bool = False


@dataclass
class CompactReport:
    segments_before: int = 0
    segments_after: int = 0
    merged: int = 0
    rows: int = 0
    duplicates_dropped: int = 0


@dataclass
class VerifyReport:
    segments: int = 0
    rows: int = 0
    damaged: list[tuple[str, str]] = field(default_factory=list)
    duplicate_ids: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.damaged and not self.duplicate_ids


class SegmentStore:
    """The sealed Parquet segments of one journal folder: sealing a table as a new segment and
    committing it to the log, reading a live one back (verified once, then cached: segments are
    immutable), the row ids they hold, and deleting the ones a commit replaced."""

    def __init__(self, folder: Path, log: CommitLog):
        self.path = folder
        self.log = log
        self._tables: dict[str, pa.Table] = {}  # verified segment tables
        self._ids: dict[str, frozenset[str]] = {}

    def write_and_commit(
        self,
        manifest: dict[str, Any],
        table: pa.Table,
        *,
        kind: str,
        keep: list[dict],
        removed: list[str],
        what: str,
        note: str = "",
        before_commit: Callable[[], None] | None = None,
    ) -> dict[str, Any]:
        """Seal ``table`` as a new segment and commit a log listing ``keep`` + it. On any failure the
        new segment is removed again and the committed state is as before."""
        seq = int(manifest["next_seq"])
        name = f"seg-{seq:08d}-{uuid.uuid4().hex[:8]}.parquet"
        data = parquet_bytes(table)
        info = {
            "name": name,
            "rows": table.num_rows,
            "sha256": sha256_bytes(data),
            "bytes": len(data),
            "kind": kind,
            "created_at": utc_now_iso(),
        }
        try:
            atomic_write_bytes(self.path / name, data, what=what)
            if before_commit is not None:
                before_commit()
            new = dict(manifest)
            new["segments"] = list(keep) + [info]
            new["next_seq"] = seq + 1
            committed = self.log.commit(new, action=kind, added=[name], removed=removed, rows=table.num_rows, note=note)
        except BaseException:
            self.discard_if_uncommitted(name)
            raise
        self._tables[name] = table
        self._ids[name] = frozenset(table.column("row_id").to_pylist())
        return committed

    def discard_if_uncommitted(self, name: str) -> None:
        try:
            m = self.log.read()
        except (ManifestDamaged, SpaceTrashError):
            return  # leave it: the next open decides
        if m is not None and any(s["name"] == name for s in m["segments"]):
            return
        _unlink_quietly(self.path / name)

    def read(self, seg: Mapping[str, Any], *, use_cache: bool = True) -> pa.Table:
        name = seg["name"]
        if use_cache and name in self._tables:
            return self._tables[name]
        table = read_sealed_parquet(
            self.path / name, expected_sha256=seg["sha256"], expected_rows=seg["rows"], expected_bytes=seg.get("bytes")
        )
        self._tables[name] = table
        self._ids[name] = frozenset(table.column("row_id").to_pylist())
        return table

    def live_ids(self, manifest: dict[str, Any]) -> set[str]:
        ids: set[str] = set()
        for seg in manifest["segments"]:
            if seg["name"] not in self._ids:
                try:
                    self.read(seg)
                except DamagedSegment as exc:  # cannot de-duplicate against it; recording goes on
                    log.warning("feedback journal: %s", exc)
                    continue
            ids |= self._ids[seg["name"]]
        return ids

    def drop(self, names: list[str]) -> None:
        """Delete segments the log no longer lists (swept at the next open if we die here)."""
        for name in names:
            _unlink_quietly(self.path / name)
            self._tables.pop(name, None)
            self._ids.pop(name, None)
        fsync_dir(self.path)


class FeedbackJournal:
    """The feedback store. Safe to use from several threads and several processes at once.

    ``path`` defaults to ``storage.paths.feedback_dir()``. ``auto_compact_at`` (0 disables) is the
    number of live segments at which :meth:`append` compacts the small trailing ones.
    """

    def __init__(self, path: Path | str | None = None, *, auto_compact_at: int = AUTO_COMPACT_SEGMENTS):
        try:
            self.path = Path(feedback_dir() if path is None else path)
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise storage_error_from_os(exc, "the feedback journal") from exc
        self.auto_compact_at = int(auto_compact_at)
        self.damaged: list[tuple[str, str]] = []  # segments skipped by the last lenient read
        self.log = CommitLog(self.path)
        self.store = SegmentStore(self.path, self.log)
        self._lock = FolderLock.for_folder(self.path)
        self.installation_id = ""
        self.open_report = self._open()

    # ------------------------------------------------------------------ public API
    @property
    def manifest_path(self) -> Path:
        return self.log.path

    @property
    def origin(self) -> str:
        """Where rows recorded here come from: this computer's name and this journal's id."""
        host = (socket.gethostname() or "unknown-host").strip()[:100]
        return f"{host}:{self.installation_id[:8]}"

    def append(self, row: Mapping[str, Any]) -> str:
        """Validate and record one row; return its ``row_id`` once the row is durable on disk.

        Raises :class:`BadInputError` for an invalid row and :class:`StorageError` when the disk
        refuses the write (nothing committed before is touched; ``services.feedback`` keeps such a
        row to retry). Appending a row whose ``row_id`` is already recorded does nothing and returns
        that id, so a retry can never record a row twice.
        """
        return self.append_normalized(normalize_row(row, origin=self.origin))

    def append_normalized(self, norm: dict[str, Any]) -> str:
        """Record a row that :func:`normalize_row` has already checked (see :meth:`append`)."""
        rid = norm["row_id"]
        with self._locked():
            manifest = self._require_manifest()
            if rid not in self.store.live_ids(manifest):
                manifest = self.store.write_and_commit(
                    manifest,
                    rows_to_table([norm]),
                    kind="append",
                    keep=list(manifest["segments"]),
                    removed=[],
                    what="the feedback row",
                )
            if self.auto_compact_at and len(manifest["segments"]) >= self.auto_compact_at:
                self._auto_compact(rid)
        return rid

    def table(self, *, strict: bool = False) -> pa.Table:
        """Every committed row, as an Arrow table with :data:`FEEDBACK_SCHEMA`, in commit order.

        A live segment that cannot be read back intact raises :class:`StorageError` when ``strict``;
        otherwise it is skipped, listed in :attr:`damaged` and logged.
        """
        with self._locked(write=False):
            manifest = self._require_manifest()
            tables, damaged = [], []
            for seg in manifest["segments"]:
                try:
                    tables.append(self.store.read(seg))
                except DamagedSegment as exc:
                    damaged.append((exc.name, exc.reason))
        self.damaged = damaged
        if damaged:
            msg = "; ".join(f"{n} ({r})" for n, r in damaged)
            if strict:
                raise StorageError(
                    f"Some saved feedback cannot be read back: {len(damaged)} damaged file(s). "
                    "Run `spacetrash feedback verify` for details.",
                    details=msg,
                )
            log.warning("feedback journal: skipped damaged segment(s): %s", msg)
        if not tables:
            return empty_table()
        return pa.concat_tables(tables)

    def rows(self, *, strict: bool = False):
        """Every committed row as a pandas DataFrame (columns in schema order)."""
        return self.table(strict=strict).to_pandas()

    def row_ids(self, *, strict: bool = True) -> list[str]:
        return self.table(strict=strict).column("row_id").to_pylist()

    def get(self, row_id: str, *, decode: bool = False) -> dict[str, Any] | None:
        """One committed row as a dict (JSON columns parsed when ``decode``), or None."""
        t = self.table()
        hit = t.filter(pc.equal(t.column("row_id"), row_id))
        if hit.num_rows == 0:
            return None
        row = hit.slice(0, 1).to_pylist()[0]
        return decode_row(row) if decode else row

    def count(self) -> int:
        """How many rows are committed (from the log; reads no segment)."""
        with self._locked(write=False):
            return segment_rows(self._require_manifest())

    def segments(self) -> list[dict[str, Any]]:
        """The live segments as listed by the commit log (copies)."""
        with self._locked(write=False):
            return [dict(s) for s in self._require_manifest()["segments"]]

    def history(self) -> list[dict[str, Any]]:
        """The most recent commits (newest last)."""
        with self._locked(write=False):
            return list(self._require_manifest().get("history", []))

    def verify(self) -> VerifyReport:
        """Read every live segment back and check its checksum, schema, row count and that every
        ``row_id`` is unique across the journal."""
        report = VerifyReport()
        seen: set[str] = set()
        dups: list[str] = []
        with self._locked(write=False):
            manifest = self._require_manifest()
            for seg in manifest["segments"]:
                report.segments += 1
                try:
                    t = self.store.read(seg, use_cache=False)
                except DamagedSegment as exc:
                    report.damaged.append((exc.name, exc.reason))
                    continue
                report.rows += t.num_rows
                for rid in t.column("row_id").to_pylist():
                    if rid in seen:
                        dups.append(rid)
                    seen.add(rid)
        report.duplicate_ids = dups
        return report

    def compact(self, ctx: RunContext | None = None, *, full: bool = True, min_segments: int = 2) -> CompactReport:
        """Merge segments into one, atomically (see the module docstring).

        ``full`` merges every live segment; otherwise only the trailing run of small segments.
        ``ctx`` (RunContext) gets progress and may cancel until the commit. A damaged segment
        makes compaction refuse (StorageError): its rows are never dropped.
        """
        report = CompactReport()
        with self._locked():
            manifest = self._require_manifest()
            segs = list(manifest["segments"])
            report.segments_before = report.segments_after = len(segs)
            chosen = segs if full else _trailing_small(segs)
            if len(chosen) < max(2, min_segments):
                report.rows = segment_rows(manifest)
                return report
            merged, dropped = _dedupe(pa.concat_tables(self._read_for_compaction(chosen, ctx)))
            if dropped:
                log.warning("feedback compaction dropped %d duplicate row(s)", dropped)
            _progress(ctx, len(chosen), len(chosen) + 1, "Writing the merged feedback file")
            _check(ctx)
            chosen_names = {s["name"] for s in chosen}
            keep = [s for s in segs if s["name"] not in chosen_names]
            self.store.write_and_commit(
                manifest,
                merged,
                kind="compact",
                keep=keep,
                removed=sorted(chosen_names),
                what="the compacted feedback",
                before_commit=lambda: _check(ctx),
            )
            self.store.drop(sorted(chosen_names))  # committed: the old files are garbage now
            _progress(ctx, len(chosen) + 1, len(chosen) + 1, "Compacted")
            report.segments_after = len(keep) + 1
            report.merged = len(chosen)
            report.rows = sum(int(s["rows"]) for s in keep) + merged.num_rows
            report.duplicates_dropped = dropped
        return report

    def add_stored_rows(self, rows: list[dict[str, Any]], *, kind: str, note: str = "") -> tuple[int, int]:
        """Commit rows that already carry ids (an import) as one segment, skipping ids already
        recorded. Returns (added, duplicates)."""
        with self._locked():
            manifest = self._require_manifest()
            live = self.store.live_ids(manifest)
            fresh, seen = [], set()
            for r in rows:
                if r["row_id"] in live or r["row_id"] in seen:
                    continue
                seen.add(r["row_id"])
                fresh.append(r)
            if fresh:
                self.store.write_and_commit(
                    manifest,
                    rows_to_table(fresh),
                    kind=kind,
                    keep=list(manifest["segments"]),
                    removed=[],
                    what="the imported feedback",
                    note=note,
                )
        return len(fresh), len(rows) - len(fresh)

    # ------------------------------------------------------------------ locking and opening
    @contextlib.contextmanager
    def _locked(self, *, write: bool = True) -> Iterator[None]:
        try:
            self._lock.acquire(for_write=True)
        except OSError as exc:
            if write:
                raise storage_error_from_os(exc, "the feedback journal") from exc
            self._lock.acquire(for_write=False)
        try:
            yield
        finally:
            self._lock.release()

    def _open(self) -> OpenReport:
        """Read (or create, or rebuild) the commit log and sweep what a killed process left."""
        report = OpenReport()
        try:
            self._lock.acquire(for_write=True)
        except OSError:
            report.read_only = True
            self._lock.acquire(for_write=False)
        try:
            manifest = self._open_manifest(report)
            self.installation_id = manifest["installation_id"]
            if not report.read_only:
                report.swept_temp, report.swept_segments = self._sweep(manifest)
        finally:
            self._lock.release()
        if report.swept_temp or report.swept_segments:
            log.info(
                "feedback journal: swept %d torn temp file(s) and %d uncommitted segment(s)",
                report.swept_temp,
                report.swept_segments,
            )
        return report

    def _open_manifest(self, report: OpenReport) -> dict[str, Any]:
        try:
            manifest = self.log.read()
        except ManifestDamaged as exc:
            log.error("feedback journal index damaged (%s); rebuilding it from the segments", exc)
            manifest = None
            damaged_index = True
        else:
            damaged_index = False
        has_segments = any(SEGMENT_RE.match(p.name) for p in self._listdir())
        if manifest is None and (has_segments or damaged_index):
            if report.read_only:
                raise StorageError(
                    "The feedback journal's index is missing or damaged, and the disk is "
                    "read-only, so it cannot be repaired."
                )
            report.recovered = True
            return self._recover(damaged_index)
        if manifest is None:
            manifest = self.log.new()
            if not report.read_only:
                try:
                    self.log.write(manifest)
                    report.created = True
                except StorageError as exc:
                    log.warning("could not create the feedback journal yet: %s", exc.details)
        return manifest

    def _listdir(self) -> list[Path]:
        try:
            return list(self.path.iterdir())
        except OSError as exc:
            raise storage_error_from_os(exc, "the feedback journal") from exc

    def _require_manifest(self) -> dict[str, Any]:
        try:
            m = self.log.read()
        except ManifestDamaged:
            m = None
        if m is None:  # deleted or damaged under our feet: open again (recovers, never loses rows)
            self.open_report = self._open()
            m = self.log.read() or self.log.new()
        self.installation_id = m["installation_id"]
        return m

    # ------------------------------------------------------------------ compaction, sweep, recovery
    def _auto_compact(self, rid: str) -> None:
        """Compact after a save; the row is saved whatever happens here."""
        try:
            self.compact(full=False)
        except SpaceTrashError as exc:  # the row is saved; compaction can wait
            log.warning("feedback compaction postponed: %s", exc.details or exc)
        except Exception:  # a bug must not make a saved row look unsaved
            log.exception("feedback compaction failed; the row %s is saved", rid)

    def _read_for_compaction(self, chosen: list[dict[str, Any]], ctx: RunContext | None) -> list[pa.Table]:
        tables = []
        for i, seg in enumerate(chosen):
            _check(ctx)
            _progress(ctx, i, len(chosen) + 1, "Reading saved feedback")
            try:
                tables.append(self.store.read(seg))
            except DamagedSegment as exc:
                raise StorageError(
                    "Feedback was not compacted: a saved feedback file is damaged (run `spacetrash feedback verify`).",
                    details=str(exc),
                ) from exc
        return tables

    def _sweep(self, manifest: dict) -> tuple[int, int]:
        try:
            temp = sweep_temp_files(self.path)
        except OSError:
            temp = 0
        live = {s["name"] for s in manifest["segments"]}
        removed = 0
        for p in self._listdir():
            if SEGMENT_RE.match(p.name) and p.name not in live and _unlink_quietly(p):
                removed += 1
        if temp or removed:
            fsync_dir(self.path)
        return temp, removed

    def _recover(self, damaged_index: bool) -> dict[str, Any]:
        """Rebuild the index from every readable segment (append-only store: adopting them all,
        de-duplicated by row_id, can only bring rows back, never lose any)."""
        manifest = self.log.new()
        if damaged_index:
            aside = self.path / f"{MANIFEST_NAME}.damaged-{uuid.uuid4().hex[:8]}"
            try:
                os.replace(self.manifest_path, aside)
            except OSError as exc:
                raise storage_error_from_os(exc, "the feedback journal") from exc
        files = sorted((p for p in self._listdir() if SEGMENT_RE.match(p.name)), key=lambda p: segment_seq(p.name))
        tables = []
        for p in files:
            try:
                tables.append(read_sealed_parquet(p))
            except DamagedSegment as exc:
                log.error("feedback journal recovery: %s is unreadable (%s); kept aside", p.name, exc.reason)
                _rename_quietly(p, p.with_name("damaged-" + p.name))
        manifest["next_seq"] = max((segment_seq(p.name) for p in files), default=0) + 1
        if tables:
            merged, _ = _dedupe(pa.concat_tables(tables))
            manifest = self.store.write_and_commit(
                manifest,
                merged,
                kind="recover",
                keep=[],
                removed=[],
                what="the recovered feedback journal",
                note=f"rebuilt from {len(tables)} segment(s)",
            )
        else:
            self.log.write(manifest)
        log.warning("feedback journal index rebuilt from %d readable segment(s)", len(tables))
        return manifest


def _trailing_small(segs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The trailing run of segments below :data:`BIG_SEGMENT_ROWS` (what automatic compaction merges)."""
    chosen: list[dict[str, Any]] = []
    for seg in reversed(segs):
        if int(seg["rows"]) >= BIG_SEGMENT_ROWS:
            break
        chosen.insert(0, seg)
    return chosen


def read_sealed_parquet(
    path: Path,
    *,
    expected_sha256: str | None = None,
    expected_rows: int | None = None,
    expected_bytes: int | None = None,
    data: bytes | None = None,
) -> pa.Table:
    """Read a feedback Parquet file, checking (before parsing any row) its size and sha256 when
    given, then its schema and row count. Returns the table conformed to the current schema.
    Raises :class:`DamagedSegment` with a plain reason."""
    name = path.name
    if data is None:
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise DamagedSegment(name, "the file is missing") from None
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
    try:
        return conform(table)
    except (pa.ArrowException, ValueError) as exc:
        raise DamagedSegment(name, f"its columns cannot be read as feedback ({str(exc)[:120]})") from exc


def decode_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """A row with its JSON columns parsed into objects (names unchanged)."""
    out = dict(row)
    for name in JSON_COLUMNS:
        v = out.get(name)
        if isinstance(v, str) and v:
            try:
                out[name] = json.loads(v)
            except ValueError:
                pass
    return out


def _dedupe(table: pa.Table) -> tuple[pa.Table, int]:
    ids = table.column("row_id").to_pylist()
    seen: set[str] = set()
    keep = []
    for i, rid in enumerate(ids):
        if rid not in seen:
            seen.add(rid)
            keep.append(i)
    if len(keep) == len(ids):
        return table, 0
    return table.take(pa.array(keep, type=pa.int64())), len(ids) - len(keep)


def _check(ctx: RunContext | None) -> None:
    if ctx is not None:
        ctx.check_cancelled()


def _progress(ctx: RunContext | None, done: int, total: int, message: str) -> None:
    if ctx is not None:
        ctx.progress(done, total, message)


def _unlink_quietly(path: Path) -> bool:
    try:
        os.unlink(path)
        return True
    except OSError:
        return False


def _rename_quietly(src: Path, dst: Path) -> None:
    try:
        os.replace(src, dst)
    except OSError:
        pass


__all__ = [
    "COLUMNS",
    "FEEDBACK_SCHEMA",
    "MANIFEST_NAME",
    "SEGMENT_RE",
    "CompactReport",
    "DamagedSegment",
    "FeedbackJournal",
    "OpenReport",
    "VerifyReport",
    "decode_row",
    "read_sealed_parquet",
]
