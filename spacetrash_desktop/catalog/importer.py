"""Inventory import that survives whatever file an operator hands it.

``import_inventory(path)`` reads CSV (UTF-8 with or without BOM, UTF-16 with BOM, Latin-1 /
Windows-1252; comma, semicolon or tab delimiters; decimal commas) or Parquet, and returns the good
rows plus one :class:`ImportIssue` per problem (line, column, offending value, plain reason).
Problems with the file as a whole (empty, binary, too large, missing required columns...) raise
:class:`InventoryImportError`, which carries the same records. Nothing else escapes: the
property-based test feeds hundreds of generated files to prove it.

Composition is given either as text (``"Nylon 41%; Polyethylene 33%; EVOH 11%; Other 15%"``) or as
one column per material (``nylon``, ``pe %``, ``pct_evoh`` ...). Percentages must sum to 100 within
``SUM_TOLERANCE_PCT``; fractions (summing to 1) are accepted too.
"""

from __future__ import annotations

import csv
import io
import json
import re
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

from spacetrash_desktop.catalog.datasets import load_catalog
from spacetrash_desktop.catalog.rows import (
    MAX_COUNT,
    MAX_FIELD_CHARS,
    MAX_MASS_KG,
    SUM_TOLERANCE_PCT,
    ImportIssue,
    ImportResult,
    InventoryImportError,
    fatal_error,
    parse_composition,
    parse_inventory_rows,
    parse_records,
)
from spacetrash_desktop.errors import StorageError
from spacetrash_desktop.messages import msg
from spacetrash_desktop.storage.atomic import atomic_write_text
from spacetrash_desktop.storage.paths import import_errors_dir

# The row-level names live in catalog.rows; they are re-exported here for the importer's callers.
__all__ = [
    "MAX_COLUMNS",
    "MAX_COUNT",
    "MAX_FIELD_CHARS",
    "MAX_FILE_BYTES",
    "MAX_MASS_KG",
    "MAX_ROWS",
    "SUM_TOLERANCE_PCT",
    "ImportIssue",
    "ImportResult",
    "InventoryImportError",
    "import_inventory",
    "parse_composition",
    "parse_inventory_rows",
]

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 50_000
MAX_COLUMNS = 200

# ------------------------------------------------------------------------------------ public API


def import_inventory(
    source: str | Path | bytes,
    lookup: Mapping[str, str] | None = None,
    *,
    filename: str | None = None,
    max_bytes: int = MAX_FILE_BYTES,
    write_error_log: bool = True,
) -> ImportResult:
    """Import an inventory file (path or raw bytes). See the module docstring."""
    if lookup is None:
        lookup = load_catalog().material_lookup()
    name = filename or (Path(source).name if not isinstance(source, bytes) else "<bytes>")
    try:
        data = _read_limited(source, name, max_bytes)
        if data[:4] == b"PAR1" or name.lower().endswith((".parquet", ".pq")):
            rows, header, fmt = _parquet_rows(data, name), None, "parquet"
            enc, delim = "", ""
            result = parse_inventory_rows(rows, lookup, source_name=name)
        else:
            text, enc = _decode(data, name)
            delim = _sniff_delimiter(text)
            header, records = _csv_records(text, delim, name)
            result = parse_records(header, records, lookup, name, decimal_comma=(delim == ";"), unquote_formulas=True)
            fmt = "csv"
        result.encoding, result.delimiter, result.file_format = enc, delim, fmt
    except InventoryImportError as exc:
        if write_error_log:
            _write_error_log(name, exc.issues)
        raise
    if write_error_log and (result.errors or result.warnings):
        result.error_log = _write_error_log(name, [*result.errors, *result.warnings])
    return result


# ------------------------------------------------------------------------------------- reading


def _read_limited(source, name: str, max_bytes: int) -> bytes:
    if isinstance(source, bytes):
        data = source
        if len(data) > max_bytes:
            raise fatal_error("too_large", _too_large_msg(len(data), max_bytes), name)
    else:
        path = Path(source)
        try:
            size = path.stat().st_size  # checked before reading a single byte
        except FileNotFoundError:
            raise fatal_error("not_found", msg("the file does not exist"), name) from None
        except OSError as exc:
            raise fatal_error("unreadable", _unreadable_msg(exc), name) from None
        if path.is_dir():
            raise fatal_error("unreadable", msg("this is a folder, not a file"), name)
        if size > max_bytes:
            raise fatal_error("too_large", _too_large_msg(size, max_bytes), name)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise fatal_error("unreadable", _unreadable_msg(exc), name) from None
    if not data.strip():
        raise fatal_error("empty", msg("the file is empty"), name)
    return data


def _too_large_msg(size: int, limit: int) -> str:
    return msg("the file is {size:.1f} MB; the limit is {limit:.0f} MB", size=size / 1e6, limit=limit / 1e6)


def _unreadable_msg(exc: OSError) -> str:
    return msg("the file cannot be read ({why})", why=exc.strerror or msg("access error"))


def _decode(data: bytes, name: str) -> tuple[str, str]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise fatal_error("encoding", msg("the file starts like UTF-16 text but cannot be decoded"), name) from None
    head = data[:65536]
    if b"\x00" in head:
        raise fatal_error("binary", msg("the file is binary, not a CSV text file (or a Parquet file)"), name)
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            raise fatal_error("encoding", msg("the file claims UTF-8 but contains invalid bytes"), name) from None
    try:
        text, enc = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        try:
            text, enc = data.decode("cp1252"), "windows-1252"
        except UnicodeDecodeError:
            text, enc = data.decode("latin-1"), "latin-1"
    # Text full of control characters is a binary file that happens to have no NUL byte.
    sample = text[:4096]
    ctrl = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\r\n\t")
    if sample and ctrl / len(sample) > 0.05:
        raise fatal_error("binary", msg("the file is binary, not a CSV text file (or a Parquet file)"), name)
    return text, enc


def _sniff_delimiter(text: str) -> str:
    first = ""
    for line in text.splitlines():
        if line.strip():
            first = line
            break
    counts = {d: _count_outside_quotes(first, d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] > 0 else ","


def _count_outside_quotes(line: str, ch: str) -> int:
    n, inq = 0, False
    for c in line:
        if c == '"':
            inq = not inq
        elif c == ch and not inq:
            n += 1
    return n


def _csv_records(text: str, delim: str, name: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim, strict=False)
    header: list[str] | None = None
    records: list[tuple[int, list[str]]] = []
    prev_line = 0
    try:
        for fields in reader:
            start_line = prev_line + 1
            prev_line = reader.line_num
            if not any(f.strip() for f in fields):
                continue
            if header is None:
                header = fields
                if len(header) > MAX_COLUMNS:
                    raise fatal_error(
                        "too_many_columns",
                        msg("the file has {n} columns; the limit is {limit}", n=len(header), limit=MAX_COLUMNS),
                        name,
                    )
                continue
            records.append((start_line, fields))
            if len(records) > MAX_ROWS:
                raise fatal_error("too_many_rows", msg("the file has more than {limit} rows", limit=MAX_ROWS), name)
    except csv.Error as exc:
        raise fatal_error(
            "malformed_csv",
            msg("the CSV structure is broken near line {line} ({why})", line=prev_line + 1, why=exc),
            name,
            line=prev_line + 1,
        ) from None
    if header is None:
        raise fatal_error("empty", msg("the file is empty"), name)
    if not records:
        raise fatal_error("empty", msg("the file has a header but no data rows"), name)
    return header, records


def _parquet_rows(data: bytes, name: str) -> list[dict]:
    try:
        import pyarrow as pa  # noqa: PLC0415 - heavy; only a Parquet import needs it
        import pyarrow.parquet as pq  # noqa: PLC0415 - heavy; only a Parquet import needs it

        pf = pq.ParquetFile(pa.BufferReader(data))
        schema = pf.schema_arrow  # read from the footer before any data
        if len(schema.names) > MAX_COLUMNS:
            raise fatal_error(
                "too_many_columns",
                msg("the file has {n} columns; the limit is {limit}", n=len(schema.names), limit=MAX_COLUMNS),
                name,
            )
        if pf.metadata.num_rows > MAX_ROWS:
            raise fatal_error(
                "too_many_rows",
                msg("the file has {n} rows; the limit is {limit}", n=pf.metadata.num_rows, limit=MAX_ROWS),
                name,
            )
        table = pf.read()
    except InventoryImportError:
        raise
    except Exception:  # pyarrow raises many types for a corrupt footer or pages
        raise fatal_error(
            "bad_parquet", msg("the file is not a valid Parquet file (it may be truncated or corrupt)"), name
        ) from None
    rows = _table_rows(table, name)
    if not table.num_columns:
        raise fatal_error("empty", msg("the Parquet file has no columns"), name)
    if not rows:
        raise fatal_error("empty", msg("the file has a header but no data rows"), name)
    return rows


def _table_rows(table, name: str) -> list[dict]:
    """The table's rows as dicts; a text cell that is not valid UTF-8 (pyarrow decodes strings only
    here) is a bad file, named by column and row."""
    try:
        return table.to_pylist()
    except UnicodeDecodeError:
        for col_name, column in zip(table.column_names, table.columns, strict=True):
            for row_no in range(len(column)):
                try:
                    column[row_no].as_py()
                except UnicodeDecodeError:
                    raise fatal_error(
                        "bad_encoding",
                        msg(
                            "a text cell is not valid UTF-8 text (column {column!r}, row {row}); "
                            "save the file again with UTF-8 text",
                            column=col_name,
                            row=row_no + 1,
                        ),
                        name,
                        column=str(col_name),
                        row=row_no + 1,
                    ) from None
        raise fatal_error("bad_encoding", msg("a text cell is not valid UTF-8 text"), name) from None


def _write_error_log(name: str, issues: Sequence[ImportIssue]) -> str:
    """Write the issues as JSON lines to the per-user data directory. A failure to write the log
    (full or read-only disk) never blocks the import."""
    try:
        safe = re.sub(r"[^A-Za-z0-9._-]+", "_", name)[:60] or "file"
        path = import_errors_dir() / f"{time.strftime('%Y%m%d-%H%M%S')}-{safe}.jsonl"
        atomic_write_text(path, "".join(json.dumps(i.to_dict(), ensure_ascii=False) + "\n" for i in issues))
        return str(path)
    except (StorageError, OSError):
        return ""
