"""The crew's inventory as an editable document: items, undoable edits, validation. No widgets: its texts go
through QCoreApplication.translate (context "InventoryDocument").

Every change goes through a command on :attr:`InventoryDocument.stack`, so undo/redo covers edits,
added and deleted rows and imports alike. Listeners hear about each change (one cell, or a reset)
and the window autosaves a snapshot after each one.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from spacetrash_desktop.common import parse_number
from spacetrash_desktop.domain import WasteItem
from spacetrash_desktop.errors import BadInputError
from spacetrash_desktop.services.inventory import MAX_COUNT, MAX_MASS_KG
from spacetrash_desktop.ui.undo import CommandStack

MAX_MOISTURE_PCT = 99.0

# field -> (column title, unit, what it means) for the editable fields
EDITABLE_FIELDS = {
    "mass_kg": ("Mass", "kg", "mass of this stock line in kilograms"),
    "count": ("Count", "", "number of pieces (0 when unknown)"),
    "moisture_pct": ("Moisture", "%", "water content in % of the wet mass"),
}


@dataclass(frozen=True)
class Change:
    kind: str  # "cell" (one row changed) | "reset" (rows added, removed or replaced) | "load" (start-up)
    row: int = -1
    field: str = ""


def parse_field(field: str, value) -> float | int:
    """Turn what the crew typed into a valid value for ``field``; raise BadInputError with the
    reason otherwise. Accepts decimal commas and a trailing unit ("12,5 kg")."""
    if field not in EDITABLE_FIELDS:
        raise BadInputError(f"{field} cannot be edited here")
    x = parse_number(value) if not isinstance(value, (int, float)) or isinstance(value, bool) else float(value)
    if x is None or not math.isfinite(x):
        unit = _tr(
            {
                "mass_kg": QT_TRANSLATE_NOOP("InventoryDocument", "a mass in kilograms, for example 12.5"),
                "count": QT_TRANSLATE_NOOP("InventoryDocument", "a whole number, for example 3"),
                "moisture_pct": QT_TRANSLATE_NOOP("InventoryDocument", "a percentage, for example 5"),
            }[field]
        )
        shown = str(value).strip()
        if shown:
            raise BadInputError(
                QCoreApplication.translate("InventoryDocument", "'{text}' is not a number: type {what}.").format(
                    text=shown[:40], what=unit
                )
            )
        raise BadInputError(
            QCoreApplication.translate("InventoryDocument", "The value is empty: type {what}.").format(what=unit)
        )
    if field == "mass_kg":
        if x < 0:
            raise BadInputError(QCoreApplication.translate("InventoryDocument", "Mass cannot be negative."))
        if x > MAX_MASS_KG:
            raise BadInputError(
                QCoreApplication.translate(
                    "InventoryDocument", "{value} kg is not plausible (the limit is {limit} kg); check the units."
                ).format(value=_g(x), limit=number_text(MAX_MASS_KG))
            )
        return float(x)
    if field == "count":
        if abs(x - round(x)) > 1e-9:
            raise BadInputError(QCoreApplication.translate("InventoryDocument", "Count must be a whole number."))
        if x < 0:
            raise BadInputError(QCoreApplication.translate("InventoryDocument", "Count cannot be negative."))
        if x > MAX_COUNT:
            raise BadInputError(
                QCoreApplication.translate(
                    "InventoryDocument", "A count of {value} is not plausible (the limit is {limit})."
                ).format(value=number_text(x), limit=number_text(MAX_COUNT))
            )
        return round(x)
    # moisture
    if x < 0:
        raise BadInputError(QCoreApplication.translate("InventoryDocument", "Moisture cannot be negative."))
    if x >= MAX_MOISTURE_PCT:
        raise BadInputError(
            QCoreApplication.translate("InventoryDocument", "Moisture must be below {limit}% of the wet mass.").format(
                limit=_g(MAX_MOISTURE_PCT)
            )
        )
    return float(x)


class _SetField:
    def __init__(self, doc: InventoryDocument, row: int, field: str, new):
        self.doc, self.row, self.field, self.new = doc, row, field, new
        self.old = getattr(doc.items[row], field)
        label = {
            "mass_kg": QT_TRANSLATE_NOOP("InventoryDocument", "edit mass of {name}"),
            "count": QT_TRANSLATE_NOOP("InventoryDocument", "edit count of {name}"),
            "moisture_pct": QT_TRANSLATE_NOOP("InventoryDocument", "edit moisture of {name}"),
        }[field]
        self.label = _tr(label).format(name=_short(doc.items[row].name))

    def do(self):
        self.doc._set(self.row, self.field, self.new)

    def undo(self):
        self.doc._set(self.row, self.field, self.old)


class _Replace:
    """Replace the whole item list (add, delete, import): small inventories make a copy cheap."""

    def __init__(self, doc: InventoryDocument, new_items: Sequence[WasteItem], label: str):
        self.doc = doc
        self.old = list(doc.items)
        self.new = list(new_items)
        self.label = label

    def do(self):
        self.doc._reset(self.new)

    def undo(self):
        self.doc._reset(self.old)


def _tr(text: str) -> str:
    return QCoreApplication.translate("InventoryDocument", text)


def _g(x: float) -> str:
    """``{x:g}`` with the language's decimal sign."""
    return f"{x:g}".replace(".", QLocale().decimalPoint())


def number_text(x: float) -> str:
    """A whole number with the language's thousands separator (1,000 / 1.000)."""
    return QLocale().toString(float(x), "f", 0)


def _short(name: str, n: int = 32) -> str:
    return name if len(name) <= n else name[: n - 1] + "…"


class InventoryDocument:
    def __init__(self, items: Iterable[WasteItem] = (), *, origin: str = "", undo_limit: int = 500):
        self.items: list[WasteItem] = list(items)
        self.origin = origin
        self.stack = CommandStack(limit=undo_limit)
        self.revision = 0
        self._listeners: list[Callable[[Change], None]] = []

    # ------------------------------------------------------------------ listeners
    def subscribe(self, callback: Callable[[Change], None]) -> None:
        self._listeners.append(callback)

    def _notify(self, change: Change) -> None:
        self.revision += 1
        for cb in list(self._listeners):
            cb(change)

    # ------------------------------------------------------------------ primitive changes (commands only)
    def _set(self, row: int, field: str, value) -> None:
        self.items[row] = dataclasses.replace(self.items[row], **{field: value})
        self._notify(Change("cell", row, field))

    def _reset(self, items: Sequence[WasteItem]) -> None:
        self.items = list(items)
        self._notify(Change("reset"))

    # ------------------------------------------------------------------ public API
    def load(self, items: Iterable[WasteItem], origin: str = "") -> None:
        """Start over with ``items`` (start-up): not undoable, clears the history."""
        self.origin = origin
        self.items = list(items)
        self.stack.clear()
        self._notify(Change("load"))

    def snapshot(self) -> tuple[WasteItem, ...]:
        """An immutable copy for a worker (WasteItem is frozen)."""
        return tuple(self.items)

    def set_value(self, row: int, field: str, value) -> bool:
        """Validate and apply an edit as an undoable command. Returns False when nothing changed;
        raises BadInputError with the reason when the value is refused."""
        if not 0 <= row < len(self.items):
            raise BadInputError(QCoreApplication.translate("InventoryDocument", "That row no longer exists."))
        new = parse_field(field, value)
        if getattr(self.items[row], field) == new:
            return False
        self.stack.push(_SetField(self, row, field, new))
        return True

    def add_item(self, item: WasteItem) -> int:
        if any(it.item_id == item.item_id for it in self.items):
            item = dataclasses.replace(item, item_id=self.new_item_id())
        self.stack.push(
            _Replace(
                self,
                [*self.items, item],
                QCoreApplication.translate("InventoryDocument", "add {name}").format(name=_short(item.name)),
            )
        )
        return len(self.items) - 1

    def remove_rows(self, rows: Iterable[int]) -> int:
        drop = {r for r in rows if 0 <= r < len(self.items)}
        if not drop:
            return 0
        if len(drop) == 1:
            label = QCoreApplication.translate("InventoryDocument", "delete {name}").format(
                name=_short(self.items[next(iter(drop))].name)
            )
        else:
            label = QCoreApplication.translate("InventoryDocument", "delete {n} items").format(n=number_text(len(drop)))
        self.stack.push(_Replace(self, [it for i, it in enumerate(self.items) if i not in drop], label))
        return len(drop)

    def replace_all(self, items: Sequence[WasteItem], label: str) -> None:
        self.stack.push(_Replace(self, items, label))

    def new_item_id(self) -> str:
        taken = {it.item_id for it in self.items}
        n = len(self.items) + 1
        while f"U{n:04d}" in taken:
            n += 1
        return f"U{n:04d}"

    def mass_by_category(self) -> list[tuple[str, float]]:
        totals: dict[str, float] = {}
        for it in self.items:
            totals[it.category] = totals.get(it.category, 0.0) + float(it.mass_kg)
        return sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))

    @property
    def total_mass_kg(self) -> float:
        return float(sum(it.mass_kg for it in self.items))

    def __len__(self) -> int:
        return len(self.items)
