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
import math
import re
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from spacetrash_desktop.common import parse_number
from spacetrash_desktop.domain import WasteItem
from spacetrash_desktop.errors import BadInputError, StorageError

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 50_000
MAX_COLUMNS = 200
MAX_FIELD_CHARS = 10_000
MAX_MASS_KG = 100_000.0  # ~8x the whole mission's waste: anything above is a typo
MAX_COUNT = 1_000_000
SUM_TOLERANCE_PCT = 2.0
VALUE_PREVIEW = 80

# Canonical column -> accepted header spellings (normalised: lower case, single spaces).
HEADER_SYNONYMS: Mapping[str, tuple[str, ...]] = {
    "id": ("id", "item id", "item_id", "code", "codigo", "código"),
    "name": ("name", "item", "item name", "nombre", "descripcion", "descripción", "subitem"),
    "category": ("category", "categoria", "categoría", "nasa category", "group"),
    "composition": (
        "composition",
        "materials",
        "key materials",
        "composicion",
        "composición",
        "materiales",
        "material composition",
    ),
    "mass_kg": (
        "mass kg",
        "mass",
        "mass (kg)",
        "kg",
        "masa",
        "masa kg",
        "masa (kg)",
        "weight kg",
        "weight",
        "weight (kg)",
    ),
    "count": ("count", "units", "qty", "quantity", "cantidad", "unidades", "n"),
    "moisture_pct": (
        "moisture pct",
        "moisture",
        "moisture %",
        "moisture (%)",
        "humedad",
        "humedad %",
        "humedad (%)",
        "water pct",
    ),
    "flags": ("flags", "tags", "etiquetas"),
    "difficulty": ("difficulty", "difficulty factor", "dificultad"),
}
REQUIRED = ("name", "mass_kg")


@dataclass(frozen=True)
class ImportIssue:
    """One problem found in an import file. ``line`` is the physical line (header = 1), ``row`` the
    1-based data row; both are 0 for problems with the file as a whole."""

    check: str
    message: str
    line: int = 0
    row: int = 0
    column: str = ""
    value: str = ""
    severity: str = "error"  # error: the row is rejected; warning: the row is kept
    file: str = ""

    def describe(self) -> str:
        where = f"line {self.line}" if self.line else "file"
        col = f", column {self.column}" if self.column else ""
        val = f", value {self.value!r}" if self.value else ""
        return f"{where}{col}{val}: {self.message}"

    def to_dict(self) -> dict:
        return asdict(self)


class InventoryImportError(BadInputError):
    """The file as a whole cannot be imported; ``issues`` says why."""

    def __init__(self, issues: Sequence[ImportIssue]):
        self.issues = list(issues)
        super().__init__("; ".join(i.message for i in self.issues[:3]) or "the file cannot be imported")


@dataclass
class ImportResult:
    items: list[WasteItem]
    errors: list[ImportIssue]
    warnings: list[ImportIssue] = field(default_factory=list)
    rows_total: int = 0
    encoding: str = ""
    delimiter: str = ""
    file_format: str = ""
    error_log: str = ""  # where the JSON-lines error report was written, if any

    @property
    def rows_rejected(self) -> int:
        return len({e.line for e in self.errors if e.line})

    def summary(self) -> dict:
        by_check: dict[str, int] = {}
        for e in self.errors:
            by_check[e.check] = by_check.get(e.check, 0) + 1
        return {
            "rows_total": self.rows_total,
            "rows_ok": len(self.items),
            "rows_rejected": self.rows_rejected,
            "errors_by_check": by_check,
        }


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
        from spacetrash_desktop.catalog.datasets import load_catalog

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
            result = _parse_records(header, records, lookup, name, decimal_comma=(delim == ";"))
            fmt = "csv"
        result.encoding, result.delimiter, result.file_format = enc, delim, fmt
    except InventoryImportError as exc:
        if write_error_log:
            _write_error_log(name, exc.issues)
        raise
    if write_error_log and (result.errors or result.warnings):
        result.error_log = _write_error_log(name, [*result.errors, *result.warnings])
    return result


def parse_inventory_rows(
    rows: Sequence[Mapping[str, object]], lookup: Mapping[str, str], *, source_name: str = ""
) -> ImportResult:
    """Validate rows that are already split into fields (bundled CSV via DictReader, Parquet)."""
    if not rows:
        raise InventoryImportError([ImportIssue("empty", "the file has a header but no data rows", file=source_name)])
    header = [str(h) for h in rows[0].keys()]
    records = [(i + 2, ["" if v is None else v for v in r.values()]) for i, r in enumerate(rows)]
    return _parse_records(header, records, lookup, source_name, decimal_comma=False)


# ------------------------------------------------------------------------------------- reading


def _fatal(check: str, message: str, name: str, **kw) -> InventoryImportError:
    return InventoryImportError([ImportIssue(check, message, file=name, **kw)])


def _read_limited(source, name: str, max_bytes: int) -> bytes:
    if isinstance(source, bytes):
        data = source
        if len(data) > max_bytes:
            raise _fatal("too_large", _too_large_msg(len(data), max_bytes), name)
    else:
        path = Path(source)
        try:
            size = path.stat().st_size  # checked before reading a single byte
        except FileNotFoundError:
            raise _fatal("not_found", "the file does not exist", name) from None
        except OSError as exc:
            raise _fatal("unreadable", f"the file cannot be read ({exc.strerror or 'access error'})", name) from None
        if path.is_dir():
            raise _fatal("unreadable", "this is a folder, not a file", name)
        if size > max_bytes:
            raise _fatal("too_large", _too_large_msg(size, max_bytes), name)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise _fatal("unreadable", f"the file cannot be read ({exc.strerror or 'access error'})", name) from None
    if not data.strip():
        raise _fatal("empty", "the file is empty", name)
    return data


def _too_large_msg(size: int, limit: int) -> str:
    return f"the file is {size / 1e6:.1f} MB; the limit is {limit / 1e6:.0f} MB"


def _decode(data: bytes, name: str) -> tuple[str, str]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise _fatal("encoding", "the file starts like UTF-16 text but cannot be decoded", name) from None
    head = data[:65536]
    if b"\x00" in head:
        raise _fatal("binary", "the file is binary, not a CSV text file (or a Parquet file)", name)
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            raise _fatal("encoding", "the file claims UTF-8 but contains invalid bytes", name) from None
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
        raise _fatal("binary", "the file is binary, not a CSV text file (or a Parquet file)", name)
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
                    raise _fatal(
                        "too_many_columns", f"the file has {len(header)} columns; the limit is {MAX_COLUMNS}", name
                    )
                continue
            records.append((start_line, fields))
            if len(records) > MAX_ROWS:
                raise _fatal("too_many_rows", f"the file has more than {MAX_ROWS} rows", name)
    except csv.Error as exc:
        raise _fatal(
            "malformed_csv", f"the CSV structure is broken near line {prev_line + 1} ({exc})", name, line=prev_line + 1
        ) from None
    if header is None:
        raise _fatal("empty", "the file is empty", name)
    if not records:
        raise _fatal("empty", "the file has a header but no data rows", name)
    return header, records


def _parquet_rows(data: bytes, name: str) -> list[dict]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq

        pf = pq.ParquetFile(pa.BufferReader(data))
        schema = pf.schema_arrow  # read from the footer before any data
        if len(schema.names) > MAX_COLUMNS:
            raise _fatal(
                "too_many_columns", f"the file has {len(schema.names)} columns; the limit is {MAX_COLUMNS}", name
            )
        if pf.metadata.num_rows > MAX_ROWS:
            raise _fatal("too_many_rows", f"the file has {pf.metadata.num_rows} rows; the limit is {MAX_ROWS}", name)
        table = pf.read()
    except InventoryImportError:
        raise
    except Exception:  # pyarrow raises many types for a corrupt footer or pages
        raise _fatal(
            "bad_parquet", "the file is not a valid Parquet file (it may be truncated or corrupt)", name
        ) from None
    rows = table.to_pylist()
    if not table.num_columns:
        raise _fatal("empty", "the Parquet file has no columns", name)
    if not rows:
        raise _fatal("empty", "the file has a header but no data rows", name)
    return rows


# ------------------------------------------------------------------------------------ validation


def _norm(s: str) -> str:
    s = str(s).replace("\ufeff", "").strip().lower()
    return re.sub(r"[\s_\-]+", " ", s)


_PCT_HEADER = re.compile(r"^(?:pct |% )?(?P<m>.+?)(?: pct| %| \(%\)| wt%| wt pct)?$")


def _map_header(header: Sequence[str], lookup: Mapping[str, str], name: str):
    """Return (column index -> canonical field, column index -> material id, warnings)."""
    fields: dict[int, str] = {}
    materials: dict[int, str] = {}
    warnings: list[ImportIssue] = []
    seen: dict[str, int] = {}
    synonyms = {s: canon for canon, alts in HEADER_SYNONYMS.items() for s in alts}
    for idx, raw in enumerate(header):
        h = _norm(raw)
        if not h:
            continue
        if h in seen:
            raise _fatal(
                "duplicate_column",
                f"the column {str(raw).strip()!r} appears twice",
                name,
                line=1,
                column=str(raw).strip()[:VALUE_PREVIEW],
            )
        seen[h] = idx
        if h in synonyms:
            fields[idx] = synonyms[h]
            continue
        m = _PCT_HEADER.match(h)
        mid = lookup.get(h) or (lookup.get(m.group("m").strip()) if m else None)
        if mid:
            if mid in materials.values():
                raise _fatal(
                    "duplicate_column",
                    f"two columns give the share of {mid}",
                    name,
                    line=1,
                    column=str(raw).strip()[:VALUE_PREVIEW],
                )
            materials[idx] = mid
            continue
        warnings.append(
            ImportIssue(
                "unknown_column",
                "column not recognised; it is ignored",
                line=1,
                column=str(raw).strip()[:VALUE_PREVIEW],
                severity="warning",
                file=name,
            )
        )
    canon = set(fields.values())
    if len(canon) != len(fields):
        dup = [c for c in canon if list(fields.values()).count(c) > 1][0]
        raise _fatal("duplicate_column", f"two columns both mean {dup!r}", name, line=1, column=dup)
    missing = [c for c in REQUIRED if c not in canon]
    if "composition" not in canon and not materials:
        missing.append("composition (or one column per material)")
    if missing:
        raise _fatal("missing_columns", "missing required column(s): " + ", ".join(missing), name, line=1)
    if "composition" in canon and materials:
        raise _fatal(
            "ambiguous_composition",
            "the file has both a composition column and per-material columns; keep one",
            name,
            line=1,
        )
    return fields, materials, warnings


_COMP_PART = re.compile(
    r"^\s*(?:(?P<pct1>[<>~≈]?\s*[\d.,]+)\s*%?\s*(?P<name1>[^\d%].*?)|(?P<name2>.*?[^\d\s.,<>~≈:=])\s*[:=]?\s*(?P<pct2>[<>~≈]?\s*[\d.,]+)\s*%?|(?P<name3>[^\d%]+?))\s*$"
)


def parse_composition(text: str, lookup: Mapping[str, str], *, decimal_comma: bool = False):
    """Parse 'Nylon 41%; Polyethylene 33%' -> ([(material_id, fraction)], problem or None)."""
    raw = str(text).strip()
    if not raw:
        return None, ("empty_composition", "composition is empty")
    sep = ";" if ";" in raw else ("|" if "|" in raw else ("+" if "+" in raw else ","))
    parts = [p for p in raw.split(sep) if p.strip()]
    out: dict[str, float] = {}
    no_pct = []
    for part in parts:
        m = _COMP_PART.match(part)
        if not m:
            return None, ("bad_composition", f"cannot read {part.strip()!r} as 'material percent'")
        name = (m.group("name1") or m.group("name2") or m.group("name3") or "").strip(" :=")
        pct_raw = m.group("pct1") or m.group("pct2")
        mid = lookup.get(_norm(name))
        if mid is None:
            return None, ("unknown_material", f"unknown material {name!r}")
        if pct_raw is None:
            no_pct.append(mid)
            continue
        if re.match(r"^\s*[<>~≈]", pct_raw):
            return None, ("bad_composition", f"{part.strip()!r} is not an exact percentage")
        pct = parse_number(pct_raw, decimal_comma=decimal_comma or sep != ",")
        if pct is None or not math.isfinite(pct) or pct < 0:
            return None, ("bad_composition", f"{part.strip()!r} has no valid percentage")
        out[mid] = out.get(mid, 0.0) + pct
    if no_pct:
        if len(parts) == 1:
            return [(no_pct[0], 1.0)], None
        return None, ("bad_composition", "every material needs a percentage when there are several")
    return _normalise_shares(out)


def _normalise_shares(shares: Mapping[str, float]):
    total = sum(shares.values())
    if total <= 0:
        return None, ("composition_sum", "the material shares sum to 0%")
    if abs(total - 1.0) <= SUM_TOLERANCE_PCT / 100 and max(shares.values()) <= 1.0:
        total_pct = total * 100
    else:
        total_pct = total
    if abs(total_pct - 100.0) > SUM_TOLERANCE_PCT:
        return None, (
            "composition_sum",
            f"the material shares sum to {total_pct:.4g}%; they must sum to 100% (±{SUM_TOLERANCE_PCT:g})",
        )
    return [(m, v / total) for m, v in shares.items() if v > 0], None


def _parse_records(header, records, lookup, name, *, decimal_comma: bool) -> ImportResult:
    fields, mat_cols, warnings = _map_header(header, lookup, name)
    col_of = {canon: idx for idx, canon in fields.items()}
    header_names = [str(h).replace("\ufeff", "").strip()[:VALUE_PREVIEW] for h in header]
    errors: list[ImportIssue] = []
    items: list[WasteItem] = []
    seen_ids: dict[str, int] = {}
    for row_no, (line, values) in enumerate(records, start=1):
        row_errors: list[ImportIssue] = []

        def err(check, msg, col="", value=""):
            row_errors.append(
                ImportIssue(check, msg, line=line, row=row_no, column=col, value=_preview(value), file=name)
            )

        if len(values) > len(header) and any(str(v).strip() for v in values[len(header) :]):
            err("extra_fields", f"the row has {len(values)} fields but the header has {len(header)}")
            errors.extend(row_errors)
            continue
        too_long = [i for i, v in enumerate(values) if isinstance(v, str) and len(v) > MAX_FIELD_CHARS]
        if too_long:
            i = too_long[0]
            err(
                "field_too_long",
                f"a field is longer than {MAX_FIELD_CHARS} characters",
                header_names[i] if i < len(header_names) else "",
                values[i],
            )
            errors.extend(row_errors)
            continue

        def cell(canon):
            idx = col_of.get(canon)
            if idx is None or idx >= len(values):
                return ""
            v = values[idx]
            return "" if v is None else (v.strip() if isinstance(v, str) else v)

        def colname(canon):
            return header_names[col_of[canon]]

        # id
        item_id = str(cell("id")).strip() if "id" in col_of else ""
        if "id" in col_of:
            if not item_id:
                err("missing_value", "id is empty", colname("id"))
            elif item_id in seen_ids:
                err(
                    "duplicate_id",
                    f"duplicate id {item_id!r} (first seen on line {seen_ids[item_id]})",
                    colname("id"),
                    item_id,
                )
            else:
                seen_ids[item_id] = line
        else:
            item_id = f"IMP{row_no:05d}"
        # name
        item_name = str(cell("name")).strip()
        if not item_name:
            err("missing_value", "name is empty", colname("name"))
        # mass
        raw_mass = cell("mass_kg")
        mass = _num_field(
            raw_mass,
            "mass_kg",
            colname("mass_kg"),
            err,
            decimal_comma,
            lo=0.0,
            hi=MAX_MASS_KG,
            required=True,
            low_msg="mass cannot be negative",
            high_msg=f"mass of {{v:g}} kg is not plausible (limit {MAX_MASS_KG:g} kg; check the units)",
        )
        # count
        count = 0
        if "count" in col_of and str(cell("count")).strip() != "":
            c = _num_field(
                cell("count"),
                "count",
                colname("count"),
                err,
                decimal_comma,
                lo=0,
                hi=MAX_COUNT,
                low_msg="count cannot be negative",
                high_msg="count of {v:g} is not plausible",
            )
            if c is not None:
                if abs(c - round(c)) > 1e-9:
                    err("not_integer", "count must be a whole number", colname("count"), cell("count"))
                else:
                    count = int(round(c))
        # moisture
        moisture = 0.0
        if "moisture_pct" in col_of and str(cell("moisture_pct")).strip() != "":
            mo = _num_field(
                cell("moisture_pct"),
                "moisture_pct",
                colname("moisture_pct"),
                err,
                decimal_comma,
                lo=0.0,
                hi=99.0,
                low_msg="moisture cannot be negative",
                high_msg="moisture must be below 99% of the wet mass",
            )
            moisture = mo if mo is not None else 0.0
        # difficulty
        difficulty = 0
        if "difficulty" in col_of and str(cell("difficulty")).strip() != "":
            d = _num_field(
                cell("difficulty"),
                "difficulty",
                colname("difficulty"),
                err,
                decimal_comma,
                lo=1,
                hi=3,
                low_msg="difficulty must be 1, 2 or 3",
                high_msg="difficulty must be 1, 2 or 3",
            )
            difficulty = int(round(d)) if d is not None else 0
        # composition
        composition = None
        if "composition" in col_of:
            composition, problem = parse_composition(str(cell("composition")), lookup, decimal_comma=decimal_comma)
            if problem:
                err(problem[0], problem[1], colname("composition"), cell("composition"))
        else:
            shares: dict[str, float] = {}
            bad = False
            for idx, mid in mat_cols.items():
                v = values[idx] if idx < len(values) else ""
                if v is None or str(v).strip() == "":
                    continue
                x = parse_number(v, decimal_comma=decimal_comma)
                if x is None or not math.isfinite(x):
                    err("not_a_number", "material share is not a number", header_names[idx], v)
                    bad = True
                elif x < 0:
                    err("out_of_range", "material share cannot be negative", header_names[idx], v)
                    bad = True
                elif x > 0:
                    shares[mid] = shares.get(mid, 0.0) + x
            if not bad:
                composition, problem = (
                    _normalise_shares(shares) if shares else (None, ("empty_composition", "no material share is given"))
                )
                if problem:
                    err(problem[0], problem[1], "", ";".join(f"{k}={v:g}" for k, v in shares.items()))
        category = str(cell("category")).strip() or "Imported"
        flags = tuple(sorted({f.strip().lower() for f in re.split(r"[;,|]", str(cell("flags"))) if f.strip()}))
        if row_errors:
            errors.extend(row_errors)
            continue
        items.append(
            WasteItem(
                item_id=item_id,
                name=item_name,
                category=category,
                composition=tuple(composition),
                mass_kg=float(mass),
                count=count,
                moisture_pct=float(moisture),
                flags=flags,
                difficulty=difficulty or _difficulty_from_flags(flags),
            )
        )
    return ImportResult(items=items, errors=errors, warnings=warnings, rows_total=len(records))


def _num_field(raw, field_name, col, err, decimal_comma, *, lo, hi, required=False, low_msg="", high_msg=""):
    if raw is None or str(raw).strip() == "":
        if required:
            err("missing_value", f"{field_name} is empty", col)
        return None
    x = parse_number(raw, decimal_comma=decimal_comma)
    if x is None:
        err("not_a_number", f"{field_name} is not a number", col, raw)
        return None
    if not math.isfinite(x):
        err("not_a_number", f"{field_name} must be a finite number", col, raw)
        return None
    if x < lo:
        err("out_of_range", low_msg or f"{field_name} must be at least {lo:g}", col, raw)
        return None
    if x > hi:
        err("out_of_range", (high_msg or f"{field_name} must be at most {hi:g}").format(v=x), col, raw)
        return None
    return x


def _difficulty_from_flags(flags: Iterable[str]) -> int:
    f = set(flags)
    if f & {"pfas", "multilayer", "composite"}:
        return 3 if "pfas" in f else 2
    if f & {"foam", "elastomer", "wet"}:
        return 2
    return 1


def _preview(value) -> str:
    s = "" if value is None else str(value)
    s = s.replace("\x00", "\\0")
    return s if len(s) <= VALUE_PREVIEW else s[: VALUE_PREVIEW - 1] + "…"


def _write_error_log(name: str, issues: Sequence[ImportIssue]) -> str:
    """Write the issues as JSON lines to the per-user data directory. A failure to write the log
    (full or read-only disk) never blocks the import."""
    try:
        from spacetrash_desktop.storage.atomic import atomic_write_text
        from spacetrash_desktop.storage.paths import import_errors_dir

        safe = re.sub(r"[^A-Za-z0-9._-]+", "_", name)[:60] or "file"
        path = import_errors_dir() / f"{time.strftime('%Y%m%d-%H%M%S')}-{safe}.jsonl"
        atomic_write_text(path, "".join(json.dumps(i.to_dict(), ensure_ascii=False) + "\n" for i in issues))
        return str(path)
    except (StorageError, OSError):
        return ""
