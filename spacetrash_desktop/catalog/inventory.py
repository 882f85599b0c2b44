"""Inventory <-> DataFrame, the crew's saved inventory, and spreadsheet-safe CSV export."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from spacetrash_desktop.catalog.rows import InventoryImportError, parse_inventory_rows
from spacetrash_desktop.domain import WasteItem
from spacetrash_desktop.errors import BadInputError
from spacetrash_desktop.storage.atomic import atomic_write, atomic_write_bytes
from spacetrash_desktop.storage.paths import inventory_path

INVENTORY_COLUMNS = ("id", "name", "category", "composition", "mass_kg", "count", "moisture_pct", "flags", "difficulty")
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def composition_text(composition: Iterable[tuple[str, float]]) -> str:
    """(material, fraction) pairs -> 'nylon 41%; ldpe 33%' (6 significant digits, round-trips)."""
    return "; ".join(f"{m} {f * 100:.6g}%" for m, f in composition)


def items_to_frame(items: Sequence[WasteItem]) -> pd.DataFrame:
    rows = [
        {
            "id": it.item_id,
            "name": it.name,
            "category": it.category,
            "composition": composition_text(it.composition),
            "mass_kg": float(it.mass_kg),
            "count": int(it.count),
            "moisture_pct": float(it.moisture_pct),
            "flags": ";".join(it.flags),
            "difficulty": int(it.difficulty),
        }
        for it in items
    ]
    df = pd.DataFrame(rows, columns=list(INVENTORY_COLUMNS))
    return df.astype({"mass_kg": "float64", "count": "int64", "moisture_pct": "float64", "difficulty": "int64"})


def frame_to_items(df: pd.DataFrame, lookup) -> list[WasteItem]:
    """Strictly rebuild items from a frame this module wrote (saved inventory)."""
    if df.empty:
        return []
    result = parse_inventory_rows(df.to_dict("records"), lookup, source_name="saved inventory")
    if result.errors:
        raise InventoryImportError(result.errors)
    return result.items


def neutralise_cell(value):
    """A text cell that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def safe_csv_bytes(df: pd.DataFrame) -> bytes:
    """CSV for spreadsheets: UTF-8 with BOM (Excel in any locale), formulas neutralised in text
    cells. Numbers stay numbers."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(neutralise_cell)
    buf = io.StringIO()
    out.to_csv(buf, index=False, lineterminator="\n")
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def export_csv(df: pd.DataFrame, path: Path | str) -> None:
    atomic_write_bytes(Path(path), safe_csv_bytes(df), what="the CSV export")


def save_inventory(items: Sequence[WasteItem], path: Path | None = None) -> Path:
    """Autosave the crew's inventory atomically to the per-user data dir (Parquet)."""
    path = path or inventory_path()
    df = items_to_frame(items)
    atomic_write(path, lambda fh: df.to_parquet(fh, index=False), what="the inventory")
    return path


def load_saved_inventory(lookup, path: Path | None = None) -> list[WasteItem] | None:
    """The saved inventory, or None when there is none yet. A corrupt file raises BadInputError."""
    path = path or inventory_path()
    if not path.exists():
        return None
    try:
        df = pd.read_parquet(path)
    except Exception as exc:  # pyarrow raises several types for a damaged file
        raise BadInputError("The saved inventory file is damaged and cannot be read.", details=repr(exc)) from exc
    missing = [c for c in INVENTORY_COLUMNS if c not in df.columns]
    if missing:
        raise BadInputError(f"The saved inventory file lacks columns: {', '.join(missing)}.")
    return frame_to_items(df[list(INVENTORY_COLUMNS)], lookup)
