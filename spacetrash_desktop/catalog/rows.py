"""Validation of inventory rows already split into fields: the header mapping, composition text or
per-material columns, numbers with their plausibility limits, and one :class:`ImportIssue` per
problem. The file importer (:mod:`catalog.importer`) and the bundled catalog
(:mod:`catalog.datasets`) both feed their rows through :func:`parse_inventory_rows` /
:func:`parse_records`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field

from spacetrash_desktop.common import parse_number
from spacetrash_desktop.domain import WasteItem
from spacetrash_desktop.errors import BadInputError
from spacetrash_desktop.messages import msg

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
        where = msg("line {line}", line=self.line) if self.line else msg("file")
        col = msg(", column {column}", column=self.column) if self.column else ""
        val = msg(", value {value!r}", value=self.value) if self.value else ""
        return f"{where}{col}{val}: {self.message}"

    def to_dict(self) -> dict:
        return asdict(self)


class InventoryImportError(BadInputError):
    """The file as a whole cannot be imported; ``issues`` says why."""

    def __init__(self, issues: Sequence[ImportIssue]):
        self.issues = list(issues)
        super().__init__("; ".join(i.message for i in self.issues[:3]) or msg("the file cannot be imported"))


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


def parse_inventory_rows(
    rows: Sequence[Mapping[str, object]], lookup: Mapping[str, str], *, source_name: str = ""
) -> ImportResult:
    """Validate rows that are already split into fields (bundled CSV via DictReader, Parquet)."""
    if not rows:
        raise InventoryImportError(
            [ImportIssue("empty", msg("the file has a header but no data rows"), file=source_name)]
        )
    header = [str(h) for h in rows[0]]
    records = [(i + 2, ["" if v is None else v for v in r.values()]) for i, r in enumerate(rows)]
    return parse_records(header, records, lookup, source_name, decimal_comma=False)


# what catalog.inventory.neutralise_cell protects with a leading apostrophe in a CSV export
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def unquote_formula(text: str) -> str:
    """Undo the CSV export's formula protection: ``'=SUM(A1)`` -> ``=SUM(A1)``; other text unchanged."""
    return text[1:] if text[:1] == "'" and text[1:2] and text[1:2] in "".join(FORMULA_PREFIXES) else text


def fatal_error(check: str, message: str, name: str, **kw) -> InventoryImportError:
    return InventoryImportError([ImportIssue(check, message, file=name, **kw)])


def normalise_key(s: str) -> str:
    """A header or material name as the lookups key it: no BOM, lower case, single spaces."""
    s = str(s).replace("\ufeff", "").strip().lower()
    return re.sub(r"[\s_\-]+", " ", s)


_PCT_HEADER = re.compile(r"^(?:pct |% )?(?P<m>.+?)(?: pct| %| \(%\)| wt%| wt pct)?$")


def _duplicate_column(message: str, name: str, raw) -> InventoryImportError:
    """The fatal error of a header naming one column (or one material's share) twice."""
    return fatal_error("duplicate_column", message, name, line=1, column=str(raw).strip()[:VALUE_PREVIEW])


def _map_header(header: Sequence[str], lookup: Mapping[str, str], name: str):
    """Return (column index -> canonical field, column index -> material id, warnings)."""
    fields: dict[int, str] = {}
    materials: dict[int, str] = {}
    warnings: list[ImportIssue] = []
    seen: dict[str, int] = {}
    synonyms = {s: canon for canon, alts in HEADER_SYNONYMS.items() for s in alts}
    for idx, raw in enumerate(header):
        h = normalise_key(raw)
        if not h:
            continue
        if h in seen:
            raise _duplicate_column(msg("the column {column!r} appears twice", column=str(raw).strip()), name, raw)
        seen[h] = idx
        if h in synonyms:
            fields[idx] = synonyms[h]
            continue
        m = _PCT_HEADER.match(h)
        mid = lookup.get(h) or (lookup.get(m.group("m").strip()) if m else None)
        if mid:
            if mid in materials.values():
                raise _duplicate_column(msg("two columns give the share of {material}", material=mid), name, raw)
            materials[idx] = mid
            continue
        warnings.append(
            ImportIssue(
                "unknown_column",
                msg("column not recognised; it is ignored"),
                line=1,
                column=str(raw).strip()[:VALUE_PREVIEW],
                severity="warning",
                file=name,
            )
        )
    canon = set(fields.values())
    if len(canon) != len(fields):
        dup = next(c for c in canon if list(fields.values()).count(c) > 1)
        raise fatal_error(
            "duplicate_column", msg("two columns both mean {field!r}", field=dup), name, line=1, column=dup
        )
    missing = [c for c in REQUIRED if c not in canon]
    if "composition" not in canon and not materials:
        missing.append(msg("composition (or one column per material)"))
    if missing:
        raise fatal_error(
            "missing_columns", msg("missing required column(s): {columns}", columns=", ".join(missing)), name, line=1
        )
    if "composition" in canon and materials:
        raise fatal_error(
            "ambiguous_composition",
            msg("the file has both a composition column and per-material columns; keep one"),
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
        return None, ("empty_composition", msg("composition is empty"))
    sep = ";" if ";" in raw else ("|" if "|" in raw else ("+" if "+" in raw else ","))
    parts = [p for p in raw.split(sep) if p.strip()]
    out: dict[str, float] = {}
    no_pct = []
    for part in parts:
        m = _COMP_PART.match(part)
        if not m:
            return None, (
                "bad_composition",
                msg("cannot read {part!r} as 'material percent'", part=part.strip()),
            )
        name = (m.group("name1") or m.group("name2") or m.group("name3") or "").strip(" :=")
        pct_raw = m.group("pct1") or m.group("pct2")
        mid = lookup.get(normalise_key(name))
        if mid is None:
            return None, ("unknown_material", msg("unknown material {name!r}", name=name))
        if pct_raw is None:
            no_pct.append(mid)
            continue
        if re.match(r"^\s*[<>~≈]", pct_raw):
            return None, ("bad_composition", msg("{part!r} is not an exact percentage", part=part.strip()))
        pct = parse_number(pct_raw, decimal_comma=decimal_comma or sep != ",")
        if pct is None or not math.isfinite(pct) or pct < 0:
            return None, ("bad_composition", msg("{part!r} has no valid percentage", part=part.strip()))
        out[mid] = out.get(mid, 0.0) + pct
    if no_pct:
        if len(parts) == 1:
            return [(no_pct[0], 1.0)], None
        return None, ("bad_composition", msg("every material needs a percentage when there are several"))
    return _normalise_shares(out)


def _normalise_shares(shares: Mapping[str, float]):
    total = sum(shares.values())
    if total <= 0:
        return None, ("composition_sum", msg("the material shares sum to 0%"))
    if abs(total - 1.0) <= SUM_TOLERANCE_PCT / 100 and max(shares.values()) <= 1.0:
        total_pct = total * 100
    else:
        total_pct = total
    if abs(total_pct - 100.0) > SUM_TOLERANCE_PCT:
        return None, (
            "composition_sum",
            msg(
                "the material shares sum to {total:.4g}%; they must sum to 100% (±{tolerance:g})",
                total=total_pct,
                tolerance=SUM_TOLERANCE_PCT,
            ),
        )
    return [(m, v / total) for m, v in shares.items() if v > 0], None


def parse_records(
    header: Sequence[str],
    records: Sequence[tuple[int, Sequence[object]]],
    lookup: Mapping[str, str],
    name: str,
    *,
    decimal_comma: bool,
    unquote_formulas: bool = False,
) -> ImportResult:
    """Validate ``records`` ((physical line, fields) pairs) under ``header``; one issue per problem.

    ``unquote_formulas`` (a CSV file): a text cell our CSV export protected from spreadsheets with a
    leading apostrophe (``'-80 freezer bags``) gets its own text back (``-80 freezer bags``)."""
    fields, mat_cols, warnings = _map_header(header, lookup, name)
    layout = _Layout(
        header_names=[str(h).replace("\ufeff", "").strip()[:VALUE_PREVIEW] for h in header],
        col_of={canon: idx for idx, canon in fields.items()},
        mat_cols=mat_cols,
        lookup=lookup,
        name=name,
        decimal_comma=decimal_comma,
        unquote_formulas=unquote_formulas,
    )
    errors: list[ImportIssue] = []
    items: list[WasteItem] = []
    seen_ids: dict[str, int] = {}
    for row_no, (line, values) in enumerate(records, start=1):
        row = _Row(layout, row_no, line, values)
        item = None if _shape_problem(row) else _read_item(row, seen_ids)
        if item is None:
            errors.extend(row.errors)
        else:
            items.append(item)
    return ImportResult(items=items, errors=errors, warnings=warnings, rows_total=len(records))


@dataclass(frozen=True)
class _Layout:
    """What the header says about every row of one file."""

    header_names: list[str]
    col_of: Mapping[str, int]  # canonical field -> column index
    mat_cols: Mapping[int, str]  # column index -> material id (per-material composition columns)
    lookup: Mapping[str, str]
    name: str
    decimal_comma: bool
    unquote_formulas: bool = False


class _Row:
    """One data row under validation; its problems collect in ``errors``."""

    def __init__(self, layout: _Layout, row_no: int, line: int, values: Sequence[object]):
        self.layout, self.row_no, self.line, self.values = layout, row_no, line, values
        self.errors: list[ImportIssue] = []

    def err(self, check: str, msg: str, col: str = "", value: object = "") -> None:
        self.errors.append(
            ImportIssue(
                check, msg, line=self.line, row=self.row_no, column=col, value=_preview(value), file=self.layout.name
            )
        )

    def has(self, canon: str) -> bool:
        return canon in self.layout.col_of

    def cell(self, canon: str):
        idx = self.layout.col_of.get(canon)
        if idx is None or idx >= len(self.values):
            return ""
        v = self.values[idx]
        if not isinstance(v, str):
            return "" if v is None else v
        v = v.strip()
        return unquote_formula(v).strip() if self.layout.unquote_formulas else v

    def given(self, canon: str) -> bool:
        """The column exists and the cell is not blank."""
        return self.has(canon) and str(self.cell(canon)).strip() != ""

    def colname(self, canon: str) -> str:
        return self.layout.header_names[self.layout.col_of[canon]]

    def number(self, canon: str, **limits) -> float | None:
        return _num_field(self.cell(canon), canon, self.colname(canon), self.err, self.layout.decimal_comma, **limits)


def _shape_problem(row: _Row) -> bool:
    """True (with the error recorded) when the row has extra fields or an over-long field."""
    values, header_names = row.values, row.layout.header_names
    n_header = len(header_names)
    if len(values) > n_header and any(str(v).strip() for v in values[n_header:]):
        row.err(
            "extra_fields",
            msg("the row has {fields} fields but the header has {header}", fields=len(values), header=n_header),
        )
        return True
    too_long = [i for i, v in enumerate(values) if isinstance(v, str) and len(v) > MAX_FIELD_CHARS]
    if too_long:
        i = too_long[0]
        row.err(
            "field_too_long",
            msg("a field is longer than {limit} characters", limit=MAX_FIELD_CHARS),
            header_names[i] if i < len(header_names) else "",
            values[i],
        )
        return True
    return False


def _read_item(row: _Row, seen_ids: dict[str, int]) -> WasteItem | None:
    """The row as a WasteItem, or None when it has problems (recorded on ``row``)."""
    item_id = _read_id(row, seen_ids)
    item_name = str(row.cell("name")).strip()
    if not item_name:
        row.err("missing_value", msg("name is empty"), row.colname("name"))
    mass = row.number(
        "mass_kg",
        lo=0.0,
        hi=MAX_MASS_KG,
        required=True,
        low_msg=msg("mass cannot be negative"),
        high_msg=lambda v: msg(
            "mass of {v:g} kg is not plausible (limit {limit:g} kg; check the units)", v=v, limit=MAX_MASS_KG
        ),
    )
    count = _read_count(row)
    moisture = _read_moisture(row)
    difficulty = _read_difficulty(row)
    composition = _read_composition(row)
    category = str(row.cell("category")).strip() or "Imported"
    flags = tuple(sorted({f.strip().lower() for f in re.split(r"[;,|]", str(row.cell("flags"))) if f.strip()}))
    if row.errors or composition is None or mass is None:
        return None
    return WasteItem(
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


def _read_id(row: _Row, seen_ids: dict[str, int]) -> str:
    """The id column's value (checked for blanks and duplicates), or a generated IMPnnnnn id."""
    if not row.has("id"):
        return f"IMP{row.row_no:05d}"
    item_id = str(row.cell("id")).strip()
    if not item_id:
        row.err("missing_value", msg("id is empty"), row.colname("id"))
    elif item_id in seen_ids:
        row.err(
            "duplicate_id",
            msg("duplicate id {id!r} (first seen on line {line})", id=item_id, line=seen_ids[item_id]),
            row.colname("id"),
            item_id,
        )
    else:
        seen_ids[item_id] = row.line
    return item_id


def _read_count(row: _Row) -> int:
    if not row.given("count"):
        return 0
    c = row.number(
        "count",
        lo=0,
        hi=MAX_COUNT,
        low_msg=msg("count cannot be negative"),
        high_msg=lambda v: msg("count of {v:g} is not plausible", v=v),
    )
    if c is None:
        return 0
    if abs(c - round(c)) > 1e-9:
        row.err("not_integer", msg("count must be a whole number"), row.colname("count"), row.cell("count"))
        return 0
    return round(c)


def _read_moisture(row: _Row) -> float:
    if not row.given("moisture_pct"):
        return 0.0
    mo = row.number(
        "moisture_pct",
        lo=0.0,
        hi=99.0,
        low_msg=msg("moisture cannot be negative"),
        high_msg=lambda _v: msg("moisture must be below 99% of the wet mass"),
    )
    return mo if mo is not None else 0.0


def _read_difficulty(row: _Row) -> int:
    if not row.given("difficulty"):
        return 0
    d = row.number(
        "difficulty",
        lo=1,
        hi=3,
        low_msg=msg("difficulty must be 1, 2 or 3"),
        high_msg=lambda _v: msg("difficulty must be 1, 2 or 3"),
    )
    if d is None:
        return 0
    if abs(d - round(d)) > 1e-9:  # the schema says a whole number: 2.5 is a mistake, not a 2
        row.err(
            "not_integer",
            msg("difficulty must be a whole number: 1, 2 or 3"),
            row.colname("difficulty"),
            row.cell("difficulty"),
        )
        return 0
    return round(d)


def _read_composition(row: _Row) -> list[tuple[str, float]] | None:
    """The composition from the text column or from the per-material columns (None on a problem)."""
    if row.has("composition"):
        composition, problem = parse_composition(
            str(row.cell("composition")), row.layout.lookup, decimal_comma=row.layout.decimal_comma
        )
        if problem:
            row.err(problem[0], problem[1], row.colname("composition"), row.cell("composition"))
        return composition
    return _composition_from_columns(row)


def _composition_from_columns(row: _Row) -> list[tuple[str, float]] | None:
    shares: dict[str, float] = {}
    bad = False
    for idx, mid in row.layout.mat_cols.items():
        v = row.values[idx] if idx < len(row.values) else ""
        if v is None or str(v).strip() == "":
            continue
        x = parse_number(v, decimal_comma=row.layout.decimal_comma)
        if x is None or not math.isfinite(x):
            row.err("not_a_number", msg("material share is not a number"), row.layout.header_names[idx], v)
            bad = True
        elif x < 0:
            row.err("out_of_range", msg("material share cannot be negative"), row.layout.header_names[idx], v)
            bad = True
        elif x > 0:
            shares[mid] = shares.get(mid, 0.0) + x
    if bad:
        return None
    composition, problem = (
        _normalise_shares(shares) if shares else (None, ("empty_composition", msg("no material share is given")))
    )
    if problem:
        row.err(problem[0], problem[1], "", ";".join(f"{k}={v:g}" for k, v in shares.items()))
    return composition


def _num_field(raw, field_name, col, err, decimal_comma, *, lo, hi, required=False, low_msg="", high_msg=None):
    if raw is None or str(raw).strip() == "":
        if required:
            err("missing_value", msg("{field} is empty", field=field_name), col)
        return None
    x = parse_number(raw, decimal_comma=decimal_comma)
    if x is None:
        err("not_a_number", msg("{field} is not a number", field=field_name), col, raw)
        return None
    if not math.isfinite(x):
        err("not_a_number", msg("{field} must be a finite number", field=field_name), col, raw)
        return None
    if x < lo:
        err("out_of_range", low_msg or msg("{field} must be at least {lo:g}", field=field_name, lo=lo), col, raw)
        return None
    if x > hi:
        too_high = high_msg(x) if high_msg else msg("{field} must be at most {hi:g}", field=field_name, hi=hi)
        err("out_of_range", too_high, col, raw)
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
