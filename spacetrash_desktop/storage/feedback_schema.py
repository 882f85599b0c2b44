"""The crew-feedback row: its fixed, versioned Arrow schema and its validation.

A row says which recipe the crew made (id and the full recipe), for which target, what the model
predicted (values, 95% intervals, units) and which model said so, and what the crew reports:
rigidity and tightness (each "measured" or "judged", with what was measured and how), energy,
water, crew time, product mass, pass/fail and notes. The crew may report only some of these; at
least one is required.

Only pyarrow is imported here (no pandas), so the journal writer starts fast.
"""

from __future__ import annotations

import json
import math
import re
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import pyarrow as pa
import pyarrow.json as pj

from spacetrash_desktop.errors import BadInputError

SCHEMA_VERSION = 1
SCHEMA_VERSION_KEY = b"spacetrash.feedback.schema_version"

# (name, arrow type, nullable) in column order.
_FIELDS: tuple[tuple[str, pa.DataType, bool], ...] = (
    ("row_id", pa.string(), False),
    ("schema_version", pa.int32(), False),
    ("recorded_at", pa.string(), False),
    ("who", pa.string(), True),
    ("recipe_id", pa.string(), False),
    ("recipe_json", pa.string(), False),
    ("target_json", pa.string(), True),
    ("prediction_json", pa.string(), True),
    ("model_name", pa.string(), True),
    ("model_version", pa.string(), True),
    ("model_manifest_sha256", pa.string(), True),
    ("rigidity", pa.float64(), True),
    ("rigidity_method", pa.string(), True),
    ("rigidity_how", pa.string(), True),
    ("tightness", pa.float64(), True),
    ("tightness_method", pa.string(), True),
    ("tightness_how", pa.string(), True),
    ("energy_kwh", pa.float64(), True),
    ("water_l", pa.float64(), True),
    ("crew_min", pa.float64(), True),
    ("product_mass_kg", pa.float64(), True),
    ("passed", pa.bool_(), True),
    ("notes", pa.string(), True),
    ("origin", pa.string(), False),
)

FEEDBACK_SCHEMA = pa.schema(
    [pa.field(n, t, nullable=nullable) for n, t, nullable in _FIELDS],
    metadata={SCHEMA_VERSION_KEY: str(SCHEMA_VERSION).encode()},
)
COLUMNS: tuple[str, ...] = tuple(n for n, _, _ in _FIELDS)
JSON_COLUMNS = ("recipe_json", "target_json", "prediction_json")
INDEX_COLUMNS = ("rigidity", "tightness")  # 0..1, each with a _method and a _how
QUANTITY_COLUMNS = ("energy_kwh", "water_l", "crew_min", "product_mass_kg")  # >= 0
REPORTED_COLUMNS = INDEX_COLUMNS + QUANTITY_COLUMNS + ("passed",)
METHODS = ("measured", "judged")
UNITS = {
    "rigidity": "index 0-1",
    "tightness": "index 0-1",
    "energy_kwh": "kWh",
    "water_l": "L",
    "crew_min": "min",
    "product_mass_kg": "kg",
}

# Fields the caller may give (row_id, recorded_at and origin are filled in when missing).
ACCEPTED_FIELDS = frozenset(COLUMNS)
_TEXT_LIMITS = {
    "who": 200,
    "recipe_id": 64,
    "model_name": 200,
    "model_version": 200,
    "model_manifest_sha256": 64,
    "rigidity_how": 2000,
    "tightness_how": 2000,
    "notes": 20000,
    "origin": 300,
}
_JSON_LIMIT = 200_000  # characters per JSON column
_ROW_ID = re.compile(r"^[0-9a-f]{32}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def new_row_id() -> str:
    return uuid.uuid4().hex


def utc_now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def dumps_json(obj: Any) -> str:
    """Canonical JSON (sorted keys, no NaN: non-finite numbers become null)."""
    return json.dumps(_finite(obj), sort_keys=True, separators=(",", ":"), allow_nan=False)


def _finite(obj: Any) -> Any:
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, Mapping):
        return {str(k): _finite(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_finite(v) for v in obj]
    if hasattr(obj, "item") and callable(obj.item):  # numpy scalars
        try:
            return _finite(obj.item())
        except (TypeError, ValueError):
            return obj
    return obj


def normalize_row(row: Mapping[str, Any], *, origin: str, stored: bool = False) -> dict[str, Any]:
    """Check a row and return it with every column, typed for :data:`FEEDBACK_SCHEMA`.

    ``stored=False`` (a new row): ``row_id`` and ``recorded_at`` are made when missing, and
    ``origin`` fills ``origin``. ``stored=True`` (a row read back from a file, e.g. an import): they
    must all be there already. Every problem found is listed in one :class:`BadInputError`.
    """
    if not isinstance(row, Mapping):
        raise BadInputError("A feedback row must be a JSON object (a set of named fields).")
    problems: list[str] = []
    unknown = sorted(str(k) for k in row if k not in ACCEPTED_FIELDS)
    if unknown:
        problems.append("unknown field(s): " + ", ".join(unknown))
    out: dict[str, Any] = {}
    _check_identity(row, stored, out, problems)
    _check_texts(row, out, problems)
    _check_recipe_columns(row, out, problems)
    _check_report(row, out, problems)
    org = _text(row.get("origin"), "origin", problems)
    if not org:
        if stored:
            problems.append("origin is missing")
        org = origin
    out["origin"] = org
    if problems:
        raise BadInputError("Feedback row is not valid: " + "; ".join(problems) + ".")
    return {c: out[c] for c in COLUMNS}


def _check_identity(row: Mapping[str, Any], stored: bool, out: dict[str, Any], problems: list[str]) -> None:
    """row_id, schema_version and recorded_at (made for a new row when missing)."""
    rid = row.get("row_id")
    if rid is None or rid == "":
        if stored:
            problems.append("row_id is missing")
        out["row_id"] = new_row_id()
    elif not isinstance(rid, str) or not _ROW_ID.match(rid):
        problems.append("row_id must be 32 lowercase hex digits (a uuid4 hex)")
    else:
        out["row_id"] = rid
    sv = row.get("schema_version", SCHEMA_VERSION)
    if sv is None:
        sv = SCHEMA_VERSION
    if isinstance(sv, bool) or not isinstance(sv, int) or sv < 1:
        problems.append("schema_version must be a positive whole number")
    elif sv > SCHEMA_VERSION:
        problems.append(f"schema_version {sv} is newer than this app understands ({SCHEMA_VERSION}); update the app")
    # a row keeps the version it was recorded under: it says which columns the crew was asked for
    out["schema_version"] = sv
    out["recorded_at"] = _recorded_at(row.get("recorded_at"), stored, problems)


def _check_texts(row: Mapping[str, Any], out: dict[str, Any], problems: list[str]) -> None:
    """Who, the model's name, version and manifest sha256, the notes and the how columns."""
    for name in (
        "who",
        "model_name",
        "model_version",
        "model_manifest_sha256",
        "notes",
        "rigidity_how",
        "tightness_how",
    ):
        out[name] = _text(row.get(name), name, problems)
    sha = out.get("model_manifest_sha256")
    if sha and not _SHA256.match(sha):
        problems.append("model_manifest_sha256 must be 64 lowercase hex digits")


def _check_recipe_columns(row: Mapping[str, Any], out: dict[str, Any], problems: list[str]) -> None:
    """recipe_id, the full recipe, and the target and prediction (as canonical JSON text)."""
    recipe_id = _text(row.get("recipe_id"), "recipe_id", problems)
    if not recipe_id:
        problems.append("recipe_id is missing")
    out["recipe_id"] = recipe_id
    recipe = _json_object(row.get("recipe_json"), "recipe_json", problems)
    if recipe is None:
        if "recipe_json" not in row or row.get("recipe_json") in (None, ""):
            problems.append("recipe_json (the full recipe) is missing")
        out["recipe_json"] = None
    else:
        _check_recipe(recipe, recipe_id, problems)
        out["recipe_json"] = dumps_json(recipe)
    for name in ("target_json", "prediction_json"):
        obj = _json_object(row.get(name), name, problems)
        out[name] = None if obj is None else dumps_json(obj)


def _check_report(row: Mapping[str, Any], out: dict[str, Any], problems: list[str]) -> None:
    """What the crew reports: the 0-1 indices with their method, the quantities, pass/fail."""
    for name in INDEX_COLUMNS:
        value = _number(row.get(name), name, problems, low=0.0, high=1.0)
        method = _text(row.get(f"{name}_method"), f"{name}_method", problems)
        if method is not None and method not in METHODS:
            problems.append(f"{name}_method must be 'measured' or 'judged' (got {method!r})")
        if value is not None and method is None:
            problems.append(f"{name}_method is missing: say whether {name} was 'measured' or 'judged'")
        if value is None and method is not None:
            problems.append(f"{name}_method is given but {name} is not")
        out[name], out[f"{name}_method"] = value, method
    for name in QUANTITY_COLUMNS:
        out[name] = _number(row.get(name), name, problems, low=0.0)
    passed = row.get("passed")
    if passed is not None and not isinstance(passed, bool):
        problems.append("passed must be true, false or null")
        passed = None
    out["passed"] = passed
    if not any(row.get(c) is not None for c in REPORTED_COLUMNS):
        problems.append("nothing is reported: give at least one of " + ", ".join(REPORTED_COLUMNS))


def _recorded_at(value: Any, stored: bool, problems: list[str]) -> str | None:
    if value is None or value == "":
        if stored:
            problems.append("recorded_at is missing")
        return utc_now_iso()
    if not isinstance(value, str):
        problems.append("recorded_at must be an ISO 8601 date and time text")
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        problems.append(f"recorded_at is not an ISO 8601 date and time ({value[:40]!r})")
        return None
    if when.tzinfo is None:
        problems.append("recorded_at needs a time zone (e.g. 2031-05-01T10:00:00Z)")
        return None
    return when.astimezone(UTC).isoformat(timespec="microseconds")


def _text(value: Any, name: str, problems: list[str]) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        problems.append(f"{name} must be text")
        return None
    value = value.strip()
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        problems.append(f"{name} contains characters that are not valid text")
        return None
    if "\x00" in value:
        problems.append(f"{name} contains a NUL character")
        return None
    limit = _TEXT_LIMITS.get(name)
    if limit and len(value) > limit:
        problems.append(f"{name} is too long ({len(value)} characters, at most {limit})")
        return None
    return value or None


def _number(value: Any, name: str, problems: list[str], *, low: float, high: float | None = None) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        problems.append(f"{name} must be a number (got {type(value).__name__})")
        return None
    x = float(value)
    if not math.isfinite(x):
        problems.append(f"{name} must be a finite number")
        return None
    if x < low or (high is not None and x > high):
        unit = UNITS.get(name, "")
        span = f"between {low:g} and {high:g}" if high is not None else f"{low:g} or more"
        problems.append(f"{name} must be {span}{' ' + unit if unit and high is None else ''} (got {x:g})")
        return None
    return x


def _json_object(value: Any, name: str, problems: list[str]) -> dict | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        if len(value) > _JSON_LIMIT:
            problems.append(f"{name} is too long")
            return None
        try:
            value = json.loads(value)
        except ValueError as exc:
            problems.append(f"{name} is not valid JSON ({getattr(exc, 'msg', exc)})")
            return None
    if not isinstance(value, Mapping):
        problems.append(f"{name} must be a JSON object")
        return None
    try:
        text = dumps_json(value)
    except (TypeError, ValueError):
        problems.append(f"{name} holds values that are not JSON")
        return None
    if len(text) > _JSON_LIMIT:
        problems.append(f"{name} is too long")
        return None
    return dict(value)


def _check_recipe(recipe: Mapping, recipe_id: str | None, problems: list[str]) -> None:
    items = recipe.get("items")
    if not isinstance(items, list) or not items:
        problems.append("recipe_json.items must be a non-empty list of {item_id, fraction}")
    else:
        for k, item in enumerate(items, 1):
            if not isinstance(item, Mapping) or not isinstance(item.get("item_id"), str) or not item["item_id"]:
                problems.append(f"recipe_json.items[{k}] needs an item_id")
                continue
            f = item.get("fraction")
            if isinstance(f, bool) or not isinstance(f, (int, float)) or not math.isfinite(f) or not 0 <= f <= 1:
                problems.append(f"recipe_json.items[{k}].fraction must be a number between 0 and 1")
    reg = recipe.get("regolith_frac", 0.0)
    if isinstance(reg, bool) or not isinstance(reg, (int, float)) or not math.isfinite(reg) or not 0 <= reg <= 1:
        problems.append("recipe_json.regolith_frac must be a number between 0 and 1")
    if not isinstance(recipe.get("process_id"), str) or not recipe.get("process_id"):
        problems.append("recipe_json.process_id is missing")
    mass = recipe.get("batch_mass_kg")
    if isinstance(mass, bool) or not isinstance(mass, (int, float)) or not math.isfinite(mass) or mass <= 0:
        problems.append("recipe_json.batch_mass_kg must be a positive number")
    rid = recipe.get("id")
    if rid is not None and recipe_id and rid != recipe_id:
        problems.append(f"recipe_json.id ({rid}) is not recipe_id ({recipe_id})")


# -- Arrow tables -------------------------------------------------------------------------------

_JSON_BATCH_ROWS = 2000


def rows_to_table(rows: list[dict[str, Any]]) -> pa.Table:
    """Normalised rows (see :func:`normalize_row`) to a table with exactly the feedback schema.

    The rows go through Arrow's JSON reader with the schema given explicitly, not ``pa.array``:
    ``pa.array`` imports pandas on first use (~0.2 s), and recording a row must start fast. JSON
    text round-trips every value exactly (floats are written with ``repr`` precision and parsed
    correctly rounded; strings are escaped); ``tests/storage`` checks this."""
    if not rows:
        return empty_table()
    plain = pa.schema([pa.field(n, t) for n, t, _ in _FIELDS])
    parts = []
    for start in range(0, len(rows), _JSON_BATCH_ROWS):
        chunk = rows[start : start + _JSON_BATCH_ROWS]
        data = "".join(
            json.dumps({n: r[n] for n in COLUMNS}, ensure_ascii=True, allow_nan=False) + "\n" for r in chunk
        ).encode("ascii")
        parts.append(
            pj.read_json(
                pa.BufferReader(data),
                read_options=pj.ReadOptions(use_threads=False, block_size=len(data) + 1),
                parse_options=pj.ParseOptions(explicit_schema=plain, unexpected_field_behavior="error"),
            )
        )
    table = pa.concat_tables(parts).combine_chunks()
    if table.num_rows != len(rows):  # pragma: no cover - a reader bug, never a user error
        raise ValueError("feedback rows were not converted one for one")
    return pa.Table.from_arrays(table.columns, schema=FEEDBACK_SCHEMA)


def empty_table() -> pa.Table:
    return FEEDBACK_SCHEMA.empty_table()


def file_schema_version(schema: pa.Schema) -> int | None:
    meta = schema.metadata or {}
    raw = meta.get(SCHEMA_VERSION_KEY)
    try:
        return int(raw) if raw is not None else None
    except ValueError:
        return None


def schema_problem(schema: pa.Schema) -> str | None:
    """Why a file's schema cannot be read as feedback rows (None when it can)."""
    version = file_schema_version(schema)
    if version is None:
        return "it is not a feedback file (no feedback schema version in its metadata)"
    if version > SCHEMA_VERSION:
        return f"it was written by a newer app (feedback schema {version}, this app reads up to {SCHEMA_VERSION})"
    names = set(schema.names)
    for name, typ, nullable in _FIELDS:
        if name not in names:
            if not nullable:
                return f"the column {name} is missing"
            continue
        got = schema.field(name).type
        if (
            got != typ
            and not (pa.types.is_floating(typ) and (pa.types.is_floating(got) or pa.types.is_integer(got)))
            and not (pa.types.is_string(typ) and pa.types.is_large_string(got))
            and not (pa.types.is_integer(typ) and pa.types.is_integer(got))
        ):
            return f"the column {name} has type {got}, expected {typ}"
    extra = sorted(names - set(COLUMNS))
    if extra:
        return "it has columns this app does not know: " + ", ".join(extra[:5])
    return None


def conform(table: pa.Table) -> pa.Table:
    """A table whose schema passed :func:`schema_problem`, cast to exactly the current schema
    (columns an older schema did not have are filled with nulls)."""
    arrays = []
    for name, typ, _ in _FIELDS:
        if name in table.column_names:
            col = table.column(name)
            arrays.append(col if col.type == typ else col.cast(typ))
        else:
            arrays.append(pa.nulls(table.num_rows, type=typ))
    return pa.Table.from_arrays(arrays, schema=FEEDBACK_SCHEMA)
