"""Trainer export and import of crew feedback.

**Export** writes every committed row of the journal as one sealed Parquet file
(``feedback-<UTC stamp>-<journal id>.parquet``: temp name, fsync, rename, fsync the folder) and then
lists it in ``manifest.json`` in the same folder (also replaced atomically) with its row count, size
and sha256. Exporting several laptops into the same folder (a USB stick) adds one file each to the
one manifest.

**Import** takes folders, ``manifest.json`` files or the Parquet files themselves. For each Parquet
file it checks, before reading any row: that the manifest lists it, its size, its sha256, that its
schema is the feedback schema (and not a newer one), then its row count and every row's values.
A file failing any check is refused with a plain reason and none of its rows is taken; the others
are merged into the journal, de-duplicated by ``row_id`` (importing the same file twice adds
nothing the second time). Rows keep every column as exported, ``origin`` included (the laptop they
were recorded on); the import itself is recorded in the journal's commit history.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from spacetrash_desktop._version import __version__
from spacetrash_desktop.errors import BadInputError, StorageError, storage_error_from_os
from spacetrash_desktop.messages import msg
from spacetrash_desktop.storage.atomic import atomic_write_bytes, atomic_write_json
from spacetrash_desktop.storage.feedback_schema import SCHEMA_VERSION, normalize_row, utc_now_iso
from spacetrash_desktop.storage.journal import (
    DamagedSegment,
    FeedbackJournal,
    parquet_bytes,
    read_sealed_parquet,
    sha256_bytes,
)

EXPORT_FORMAT = "spacetrash-feedback-export"
EXPORT_FORMAT_VERSION = 1
EXPORT_MANIFEST = "manifest.json"
MAX_IMPORT_BYTES = 1 << 30  # 1 GiB per file
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,200}\.parquet$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass
class ExportResult:
    path: Path
    manifest: Path
    rows: int
    sha256: str
    bytes: int


@dataclass
class FileOutcome:
    file: str
    status: str  # imported | refused
    rows: int = 0
    added: int = 0
    duplicates: int = 0
    reason: str = ""

    def describe(self) -> str:
        if self.status == "refused":
            return msg("{file}: refused: {reason}", file=self.file, reason=self.reason)
        return msg(
            "{file}: {rows} row(s), {added} added, {duplicates} already present",
            file=self.file,
            rows=self.rows,
            added=self.added,
            duplicates=self.duplicates,
        )


@dataclass
class ImportSummary:
    files: list[FileOutcome] = field(default_factory=list)

    @property
    def added(self) -> int:
        return sum(f.added for f in self.files)

    @property
    def duplicates(self) -> int:
        return sum(f.duplicates for f in self.files)

    @property
    def refused(self) -> int:
        return sum(1 for f in self.files if f.status == "refused")


# ---------------------------------------------------------------------------------------- export


def export_journal(journal: FeedbackJournal, out_dir: Path | str) -> ExportResult:
    """Write every committed row of ``journal`` as a sealed Parquet file in ``out_dir`` and list it
    (rows, sha256) in ``out_dir/manifest.json``; see the module docstring."""
    out_dir = Path(out_dir)
    table = journal.table(strict=True)  # never export a silently incomplete set
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise storage_error_from_os(exc, "the feedback export") from exc
    manifest_path = out_dir / EXPORT_MANIFEST
    files: list[dict[str, Any]] = []
    if manifest_path.exists():
        try:
            files = list(_load_manifest(manifest_path)["files"])
        except ExportRefused as exc:
            raise BadInputError(
                msg(
                    "The folder already holds a manifest.json that is not a usable feedback export "
                    "({reason}); choose another folder.",
                    reason=exc.reason,
                )
            ) from None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    base = f"feedback-{stamp}-{journal.installation_id[:8]}"
    taken = {f.get("name") for f in files}
    name, k = f"{base}.parquet", 1
    while name in taken or (out_dir / name).exists():
        k += 1
        name = f"{base}-{k}.parquet"
    data = parquet_bytes(table)
    entry = {
        "name": name,
        "rows": table.num_rows,
        "bytes": len(data),
        "sha256": sha256_bytes(data),
        "schema_version": SCHEMA_VERSION,
        "created_at": utc_now_iso(),
        "origin": journal.origin,
        "app_version": __version__,
    }
    path = out_dir / name
    atomic_write_bytes(path, data, what="the feedback export")
    files.append(entry)
    manifest = {
        "format": EXPORT_FORMAT,
        "format_version": EXPORT_FORMAT_VERSION,
        "schema_version": SCHEMA_VERSION,
        "updated_at": utc_now_iso(),
        "app_version": __version__,
        "total_rows": sum(int(f.get("rows", 0)) for f in files),
        "files": files,
    }
    try:
        atomic_write_json(manifest_path, manifest, what="the feedback export manifest")
    except StorageError:
        try:
            path.unlink()
        except OSError:
            pass
        raise
    return ExportResult(path=path, manifest=manifest_path, rows=table.num_rows, sha256=entry["sha256"], bytes=len(data))


# ---------------------------------------------------------------------------------------- import


class ExportRefused(Exception):
    """An export file (or its manifest) that cannot be used, with the reason in words."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _load_manifest(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ExportRefused(
            msg("there is no manifest.json next to it (export with `spacetrash feedback export`)")
        ) from None
    except OSError as exc:
        raise ExportRefused(msg("its manifest.json cannot be read ({why})", why=exc.strerror or exc)) from None
    try:
        m = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ExportRefused(msg("its manifest.json is not valid JSON")) from None
    if not isinstance(m, dict) or m.get("format") != EXPORT_FORMAT or not isinstance(m.get("files"), list):
        raise ExportRefused(msg("its manifest.json is not a feedback export manifest"))
    version = m.get("format_version")
    if not isinstance(version, int) or version < 1:
        raise ExportRefused(msg("its manifest.json has no valid format_version"))
    if version > EXPORT_FORMAT_VERSION:
        raise ExportRefused(msg("it was exported by a newer version of the app; update this one"))
    return m


def _entry_problem(entry: Any) -> str | None:
    if not isinstance(entry, dict):
        return msg("its manifest entry is malformed")
    if not isinstance(entry.get("name"), str) or not _SAFE_NAME.match(entry["name"]):
        return msg("its manifest entry has an unsafe or missing file name")
    if not isinstance(entry.get("sha256"), str) or not _SHA256.match(entry["sha256"]):
        return msg("its manifest entry has no valid sha256")
    rows = entry.get("rows")
    if isinstance(rows, bool) or not isinstance(rows, int) or rows < 0:
        return msg("its manifest entry has no valid row count")
    size = entry.get("bytes")
    if size is not None and (isinstance(size, bool) or not isinstance(size, int) or size < 0):
        return msg("its manifest entry has an invalid size")
    return None


def collect_export_files(paths: list[Path]) -> list[tuple[Path, dict | None, str]]:
    """(parquet path, manifest entry, refusal reason) for every file named by ``paths``."""
    out: list[tuple[Path, dict | None, str]] = []
    seen: set[Path] = set()

    def add(p: Path, entry: dict | None, reason: str) -> None:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            out.append((p, entry, reason))

    def from_manifest(folder: Path, manifest_path: Path) -> None:
        try:
            m = _load_manifest(manifest_path)
        except ExportRefused as exc:
            add(manifest_path, None, exc.reason)
            return
        listed = set()
        for entry in m["files"]:
            problem = _entry_problem(entry)
            if problem:
                name = entry["name"] if isinstance(entry, dict) and isinstance(entry.get("name"), str) else "?"
                add(folder / Path(name).name, None, problem)
                continue
            listed.add(entry["name"])
            add(folder / entry["name"], entry, "")
        for p in sorted(folder.glob("*.parquet")):
            if p.name not in listed:
                add(p, None, "it is not listed in manifest.json")

    for p in paths:
        if p.is_dir():
            from_manifest(p, p / EXPORT_MANIFEST)
        elif p.name == EXPORT_MANIFEST:
            from_manifest(p.parent, p)
        elif p.suffix.lower() == ".parquet":
            if not p.is_file():
                add(p, None, msg("the file does not exist"))
                continue
            try:
                m = _load_manifest(p.parent / EXPORT_MANIFEST)
            except ExportRefused as exc:
                add(p, None, exc.reason)
                continue
            entries = [e for e in m["files"] if isinstance(e, dict) and e.get("name") == p.name]
            if not entries:
                add(p, None, "it is not listed in manifest.json")
            elif len(entries) > 1:
                add(p, None, "manifest.json lists it more than once")
            else:
                add(p, entries[0], _entry_problem(entries[0]) or "")
        elif not p.exists():
            add(p, None, msg("the file does not exist"))
        else:
            add(p, None, "it is not a feedback export (give a folder, its manifest.json or a .parquet file)")
    return out


def verify_export_file(path: Path, entry: dict[str, Any]) -> list[dict[str, Any]]:
    """Check one exported file against its manifest entry and return its rows, validated. Checksum
    and schema are checked before any row is read. Raises ExportRefused."""
    try:
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise ExportRefused(msg("it is too large ({size} bytes)", size=size))
        data = path.read_bytes()
    except FileNotFoundError:
        raise ExportRefused(msg("the file does not exist")) from None
    except OSError as exc:
        raise ExportRefused(msg("it cannot be read ({why})", why=exc.strerror or exc)) from None
    if entry.get("bytes") is not None and len(data) != entry["bytes"]:
        raise ExportRefused(
            msg(
                "its size ({size} bytes) does not match the manifest ({expected} bytes): "
                "the file was changed or damaged",
                size=len(data),
                expected=entry["bytes"],
            )
        )
    if sha256_bytes(data) != entry["sha256"]:
        raise ExportRefused(msg("its checksum (sha256) does not match the manifest: the file was changed or damaged"))
    try:
        table = read_sealed_parquet(path, data=data, expected_rows=entry["rows"])
    except DamagedSegment as exc:
        raise ExportRefused(exc.reason) from None
    rows = []
    for k, raw in enumerate(table.to_pylist(), 1):
        try:
            rows.append(normalize_row(raw, origin="", stored=True))
        except BadInputError as exc:
            raise ExportRefused(msg("row {row} is not valid: {why}", row=k, why=exc.message)) from None
    return rows


def import_into(journal: FeedbackJournal, files: Iterable[Path | str]) -> ImportSummary:
    """Merge exported files (folders, manifest.json or .parquet files) into ``journal``; see the
    module docstring. A disk error while saving raises StorageError (files merged before it stay
    merged; re-running the import is safe)."""
    paths = [Path(p) for p in files]
    if not paths:
        raise BadInputError("Name at least one exported feedback file or folder to import.")
    summary = ImportSummary()
    for path, entry, reason in collect_export_files(paths):
        if reason or entry is None:
            summary.files.append(FileOutcome(str(path), "refused", reason=reason or msg("no manifest entry")))
            continue
        try:
            rows = verify_export_file(path, entry)
        except ExportRefused as exc:
            summary.files.append(FileOutcome(str(path), "refused", reason=exc.reason))
            continue
        added, dups = journal.add_stored_rows(rows, kind="import", note=f"{path.name} sha256:{entry['sha256'][:16]}")
        summary.files.append(FileOutcome(str(path), "imported", rows=len(rows), added=added, duplicates=dups))
    return summary
