"""The production log's record: a fixed, versioned Arrow schema.

A record is either ``made`` (the crew made ``batches`` of a recipe: what went in, what came out, who,
on which sol) or ``undo`` (a later record that cancels one ``made`` record; the log is never
rewritten, so it is the history). ``items_json`` lists, for every inventory item the batches used,
its kg and the stock line before and after (mass and count) so undo can restore it exactly.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

import pyarrow as pa

from spacetrash_desktop.errors import BadInputError
from spacetrash_desktop.storage.feedback_schema import dumps_json, new_row_id, utc_now_iso

SCHEMA_VERSION = 1
SCHEMA_VERSION_KEY = b"spacetrash.production.schema_version"
KINDS = ("made", "undo")

# (name, arrow type, nullable) in column order.
_FIELDS: tuple[tuple[str, pa.DataType, bool], ...] = (
    ("row_id", pa.string(), False),
    ("schema_version", pa.int32(), False),
    ("kind", pa.string(), False),  # made | undo
    ("entry_id", pa.string(), False),  # made: its own row_id; undo: the made record it cancels
    ("recorded_at", pa.string(), False),
    ("who", pa.string(), True),
    ("sol", pa.int64(), True),
    ("source", pa.string(), True),  # recipe | plan | cli
    ("recipe_id", pa.string(), True),
    ("recipe_json", pa.string(), True),
    ("product", pa.string(), True),
    ("product_name", pa.string(), True),
    ("batches", pa.int64(), True),
    ("product_kg", pa.float64(), True),
    ("items_json", pa.string(), True),  # [{item_id, name, category, kg, before: {...}, after: {...}}]
    ("items_kg", pa.float64(), True),  # total kg of inventory items used
    ("regolith_kg", pa.float64(), True),
    ("energy_kwh", pa.float64(), True),
    ("water_l", pa.float64(), True),
    ("crew_min", pa.float64(), True),
    ("note", pa.string(), True),
    ("origin", pa.string(), False),
)

PRODUCTION_SCHEMA = pa.schema(
    [pa.field(n, t, nullable=nullable) for n, t, nullable in _FIELDS],
    metadata={SCHEMA_VERSION_KEY: str(SCHEMA_VERSION).encode()},
)
COLUMNS: tuple[str, ...] = tuple(n for n, _, _ in _FIELDS)
QUANTITIES = ("product_kg", "items_kg", "regolith_kg", "energy_kwh", "water_l", "crew_min")
JSON_COLUMNS = ("recipe_json", "items_json")


def normalize_record(row: Mapping[str, Any], *, origin: str) -> dict[str, Any]:
    """Check a record and return it with every column (row_id, recorded_at, entry_id made when missing).
    Every problem found is listed in one :class:`BadInputError`."""
    problems: list[str] = []
    unknown = sorted(str(k) for k in row if k not in COLUMNS)
    if unknown:
        problems.append("unknown field(s): " + ", ".join(unknown))
    out: dict[str, Any] = {c: row.get(c) for c in COLUMNS}
    out["row_id"] = out["row_id"] or new_row_id()
    out["schema_version"] = SCHEMA_VERSION
    out["recorded_at"] = out["recorded_at"] or utc_now_iso()
    out["origin"] = out["origin"] or origin
    if out["kind"] not in KINDS:
        problems.append("kind must be 'made' or 'undo'")
    if out["kind"] == "made":
        out["entry_id"] = out["row_id"]
        _check_made(out, problems)
    elif not out["entry_id"]:
        problems.append("an undo record needs the entry_id it cancels")
    for name in ("sol", "batches"):
        v = out[name]
        if v is not None and (isinstance(v, bool) or not isinstance(v, int) or v < 0):
            problems.append(f"{name} must be a whole number, 0 or more")
    for name in QUANTITIES:
        v = out[name]
        if v is None:
            continue
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or v < 0:
            problems.append(f"{name} must be a finite number, 0 or more")
        else:
            out[name] = float(v)
    for name in JSON_COLUMNS:
        v = out[name]
        if v is not None and not isinstance(v, str):
            out[name] = dumps_json(v)
    if problems:
        raise BadInputError("Production record is not valid: " + "; ".join(problems) + ".")
    return out


def _check_made(out: dict[str, Any], problems: list[str]) -> None:
    for name in ("recipe_id", "recipe_json", "product", "items_json"):
        if not out[name]:
            problems.append(f"{name} is missing")
    b = out["batches"]
    if isinstance(b, int) and not isinstance(b, bool) and b < 1:
        problems.append("batches must be 1 or more")


def rows_to_table(rows: list[dict[str, Any]]) -> pa.Table:
    """Normalised records to a table with exactly :data:`PRODUCTION_SCHEMA`."""
    if not rows:
        return empty_table()
    return pa.Table.from_pylist([{c: r[c] for c in COLUMNS} for r in rows], schema=PRODUCTION_SCHEMA)


def empty_table() -> pa.Table:
    return PRODUCTION_SCHEMA.empty_table()


def schema_problem(schema: pa.Schema) -> str | None:
    """Why a file's schema cannot be read as production records (None when it can)."""
    raw = (schema.metadata or {}).get(SCHEMA_VERSION_KEY)
    try:
        version = int(raw) if raw is not None else None
    except ValueError:
        version = None
    if version is None:
        return "it is not a production log file (no production schema version in its metadata)"
    if version > SCHEMA_VERSION:
        return f"it was written by a newer app (production schema {version}, this app reads up to {SCHEMA_VERSION})"
    for name, typ, nullable in _FIELDS:
        if name not in schema.names:
            if not nullable:
                return f"the column {name} is missing"
        elif schema.field(name).type != typ:
            return f"the column {name} has type {schema.field(name).type}, expected {typ}"
    return None


def conform(table: pa.Table) -> pa.Table:
    """A table whose schema passed :func:`schema_problem`, with exactly the current schema."""
    arrays = [table.column(n) if n in table.column_names else pa.nulls(table.num_rows, type=t) for n, t, _ in _FIELDS]
    return pa.Table.from_arrays(arrays, schema=PRODUCTION_SCHEMA)


def decode_record(row: Mapping[str, Any]) -> dict[str, Any]:
    """A record with its JSON columns parsed."""
    out = dict(row)
    for name in JSON_COLUMNS:
        v = out.get(name)
        if isinstance(v, str) and v:
            out[name] = json.loads(v)
    return out
