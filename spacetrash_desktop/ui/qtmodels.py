"""Table models: ``data()`` reads through a row mapping; sorting is a numpy argsort inside the model
(faster than ``QSortFilterProxyModel.lessThan`` on large tables) and filtering a vectorised
substring test. Persistent indexes (the selection) follow a re-sort.

Every table model here takes its column count and horizontal header from ``columns``
(:class:`ColumnsTableModel`) and answers ``data()`` through a per-cell ``cell(...)``: the small
read-only tables are :class:`RowsTableModel` (a list of rows), the sortable, filterable ones
:class:`SortFilterTableModel`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from spacetrash_desktop.errors import BadInputError
from spacetrash_desktop.services.inventory import composition_text
from spacetrash_desktop.ui.inventory_doc import EDITABLE_FIELDS, Change, InventoryDocument
from spacetrash_desktop.ui.views import (
    CANDIDATE_COLUMNS,
    STATUS_FEASIBLE,
    STATUS_FRONT,
    STATUS_INFEASIBLE,
    STATUS_REFUSED,
    CandidateView,
    candidate_columns,
    column_index,
    count,
    decimal,
    flag_codes,
    reasons_text,
)

SOURCE_ROW_ROLE = Qt.ItemDataRole.UserRole + 1
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
ROOT = QModelIndex()  # the invalid index: the parent of every row of a table (never changed)


class ColumnsTableModel(QAbstractTableModel):
    """``columnCount`` and the horizontal header from ``columns``: each a title, or a tuple ending in
    (title, tooltip), e.g. (key, title, tooltip); an empty tooltip is none."""

    columns: Sequence = ()
    text_context = ""  # the translation context of the columns' titles and tooltips ("": shown as they are)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            spec = self.columns[section]
            title, tip = (spec, None) if isinstance(spec, str) else (spec[-2], spec[-1])
            if self.text_context:
                title = QCoreApplication.translate(self.text_context, title) if title else title
                tip = QCoreApplication.translate(self.text_context, tip) if tip else tip
            if role == Qt.ItemDataRole.DisplayRole:
                return title
            if role == Qt.ItemDataRole.ToolTipRole:
                return tip or None
        return None


class RowsTableModel(ColumnsTableModel):
    """A small read-only table: ``rows`` (replaced wholesale by :meth:`set_rows`), ``columns`` and
    ``cell(row, col, role)``, which subclasses give (``row`` is the row itself)."""

    def __init__(self, rows: Sequence = (), parent=None):
        super().__init__(parent)
        self.rows: list = list(rows)

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self.cell(self.rows[index.row()], index.column(), role)

    def cell(self, row: Any, col: int, role: int) -> Any:  # pragma: no cover - abstract
        return None


class SortFilterTableModel(ColumnsTableModel):
    """Base: subclasses provide ``columns``, ``_source_count``, ``_sort_key(col)``, ``_haystack()`` and
    ``cell(src, col, role)`` (``src``: the source row of the view row asked for)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._order = np.zeros(0, np.int64)  # view row -> source row
        self._inverse = np.zeros(0, np.int64)  # source row -> view row (-1 = filtered out)
        self._sort_col = -1
        self._sort_desc = False
        self._filter = ""

    # -- to implement
    def _source_count(self) -> int:  # pragma: no cover - abstract
        return 0

    def _sort_key(self, col: int) -> np.ndarray:  # pragma: no cover - abstract
        return np.arange(self._source_count())

    def _haystack(self) -> np.ndarray:  # lower-case text searched by the filter box
        return np.array([""] * self._source_count(), object)

    def _extra_mask(self) -> np.ndarray | None:  # further filtering by subclasses
        return None

    # -- mapping
    def _compute_order(self) -> np.ndarray:
        n = self._source_count()
        rows = np.arange(n, dtype=np.int64)
        if self._filter:
            hay = self._haystack()
            needle = self._filter
            mask = np.fromiter((needle in h for h in hay), bool, count=n)
            rows = rows[mask]
        extra = self._extra_mask()
        if extra is not None:
            rows = rows[extra[rows]]
        if self._sort_col >= 0 and len(rows):
            key = np.asarray(self._sort_key(self._sort_col))[rows]
            # stable both ways: ties keep their source order
            idx = np.argsort(_desc_key(key) if self._sort_desc else key, kind="stable")
            rows = rows[idx]
        return rows

    def _set_order(self, rows: np.ndarray) -> None:
        self._order = rows
        inv = np.full(self._source_count(), -1, np.int64)
        inv[rows] = np.arange(len(rows))
        self._inverse = inv

    def _relayout(self) -> None:
        """Re-sort / re-filter keeping persistent indexes (the selection) on the same source rows."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        sources = [(self._order[p.row()] if 0 <= p.row() < len(self._order) else -1, p.column()) for p in persistent]
        self._set_order(self._compute_order())
        new = []
        for src, col in sources:
            vr = self._inverse[src] if 0 <= src < len(self._inverse) else -1
            new.append(self.index(int(vr), col) if vr >= 0 else QModelIndex())
        self.changePersistentIndexList(persistent, new)
        self.layoutChanged.emit()

    def source_row(self, view_row: int) -> int:
        return int(self._order[view_row]) if 0 <= view_row < len(self._order) else -1

    def view_row(self, source_row: int) -> int:
        return int(self._inverse[source_row]) if 0 <= source_row < len(self._inverse) else -1

    # -- Qt API
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._order)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        src = self.source_row(index.row())
        if src < 0:
            return None
        return self.cell(src, index.column(), role)

    def cell(self, src: int, col: int, role: int) -> Any:  # pragma: no cover - abstract
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_col = int(column)
        self._sort_desc = order == Qt.SortOrder.DescendingOrder
        self._relayout()

    def set_filter(self, text: str) -> None:
        text = text.strip().lower()
        if text == self._filter:
            return
        self._filter = text
        self._relayout()

    @property
    def filter_text(self) -> str:
        return self._filter

    @property
    def source_count(self) -> int:
        return self._source_count()


class SnapshotTableModel(SortFilterTableModel):
    """Base of a read-only table over a view snapshot with ``ids`` and ``sort_keys`` per source row,
    replaced wholesale by :meth:`set_view` (a model reset). Subclasses set ``view`` to an empty
    snapshot in ``__init__`` and drop caches of the old view in :meth:`_view_changed`."""

    view: Any
    incremental = False  # views of one run (same ``serial``, with ``display`` rows) update in place

    def set_view(self, view) -> None:
        """Show ``view``. A view of the same run (``serial``) as the one shown updates the table in
        place: rows are appended or removed at the end, the rest re-ordered as a layout change with
        the selection following its ids, and only the cells whose text changed are repainted. A view
        of another run resets the model."""
        old = self.view
        same_run = self.incremental and getattr(old, "serial", None) == getattr(view, "serial", None)
        if not same_run or not len(old.ids) or not len(view.ids):
            self.beginResetModel()
            self.view = view
            self._view_changed()
            self._set_order(self._compute_order())
            self.endResetModel()
            return
        self._update_in_place(view)

    def _update_in_place(self, view) -> None:
        old_view, old_order = self.view, self._order
        old_rows = [old_view.ids[s] for s in old_order]
        self.view = view
        self._view_changed()
        new_order = self._compute_order()
        n_old, n_new = len(old_order), len(new_order)
        new_rows = [view.ids[s] for s in new_order]
        if old_rows == new_rows:  # same recipes in the same place: repaint the cells that changed
            self._set_order(new_order)
            self._emit_changed_rows(old_view, old_order, new_order)
            return
        if n_new < n_old:
            self.beginRemoveRows(ROOT, n_new, n_old - 1)
            self._order = self._order[:n_new]
            self.endRemoveRows()
        elif n_new > n_old:
            self.beginInsertRows(ROOT, n_old, n_new - 1)
            # until the layout change below the new rows read as empty (nothing is painted between)
            self._order = np.concatenate([self._order, np.full(n_new - n_old, -1, np.int64)])
            self.endInsertRows()
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [(old_rows[p.row()] if 0 <= p.row() < len(old_rows) else None, p.column()) for p in persistent]
        self._set_order(new_order)
        self.changePersistentIndexList(
            persistent,
            [
                self.index(self.row_of(rid), col) if rid is not None and self.row_of(rid) >= 0 else QModelIndex()
                for rid, col in ids
            ],
        )
        self.layoutChanged.emit()

    def _emit_changed_rows(self, old_view, old_order: np.ndarray, new_order: np.ndarray) -> None:
        last = self.columnCount() - 1
        changed = [
            vr
            for vr, (a, b) in enumerate(zip(old_order, new_order))
            if old_view.display[a] != self.view.display[b]
            or self._row_style(old_view, a) != self._row_style(self.view, b)
        ]
        if changed:
            self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), last))

    def _row_style(self, view, src: int) -> Any:
        """What of a row, besides its text, decides how it is drawn (subclasses: its status)."""
        return None

    def row_of(self, item_id: str) -> int:
        """The view row showing ``item_id`` (-1 when it is not shown)."""
        src = self.view.row_of.get(item_id, -1) if hasattr(self.view, "row_of") else -1
        return self.view_row(src) if src >= 0 else -1

    def _view_changed(self) -> None:
        """Called by :meth:`set_view` before the rows are re-sorted."""

    def _source_count(self) -> int:
        return len(self.view.ids)

    def _sort_key(self, col: int) -> np.ndarray:
        return self.view.sort_keys[col]

    def id_at(self, view_row: int) -> str | None:
        """The id of the row shown at ``view_row`` (None when there is none)."""
        src = self.source_row(view_row)
        return self.view.ids[src] if src >= 0 else None


def _desc_key(key: np.ndarray) -> np.ndarray:
    """A key whose ascending stable order is ``key`` descending (works for numbers and text)."""
    if key.dtype.kind in "biuf":
        return -key.astype(float)
    _, inv = np.unique(key.astype(str), return_inverse=True)
    return -inv


# ------------------------------------------------------------------------------------ inventory


# WasteItem field -> (title, tooltip) of the Inventory table, in the order of its columns (English; shown
# through the "TableModels" translation context)
INVENTORY_COLUMN_TEXT = {
    "item_id": ("ID", QT_TRANSLATE_NOOP("TableModels", "Stock line identifier")),
    "name": (QT_TRANSLATE_NOOP("TableModels", "Item"), QT_TRANSLATE_NOOP("TableModels", "What the waste is")),
    "category": (
        QT_TRANSLATE_NOOP("TableModels", "Category"),
        QT_TRANSLATE_NOOP("TableModels", "NASA waste category"),
    ),
    "mass_kg": (
        QT_TRANSLATE_NOOP("TableModels", "Mass (kg) ✎"),
        QT_TRANSLATE_NOOP(
            "TableModels", "Mass of this stock line in kilograms. Double-click, press F2 or just type to edit."
        ),
    ),
    "count": (
        QT_TRANSLATE_NOOP("TableModels", "Count ✎"),
        QT_TRANSLATE_NOOP(
            "TableModels", "Number of pieces (0 = not counted). Double-click, press F2 or just type to edit."
        ),
    ),
    "moisture_pct": (
        QT_TRANSLATE_NOOP("TableModels", "Moisture (%) ✎"),
        QT_TRANSLATE_NOOP(
            "TableModels", "Water content in % of the wet mass. Double-click, press F2 or just type to edit."
        ),
    ),
    "composition": (
        QT_TRANSLATE_NOOP("TableModels", "Composition"),
        QT_TRANSLATE_NOOP("TableModels", "Materials by mass"),
    ),
    "flags": (
        QT_TRANSLATE_NOOP("TableModels", "Flags"),
        QT_TRANSLATE_NOOP(
            "TableModels", "multilayer, foam, PFAS-bearing...: properties that make the waste harder to reuse"
        ),
    ),
    "difficulty": (
        QT_TRANSLATE_NOOP("TableModels", "Difficulty"),
        QT_TRANSLATE_NOOP("TableModels", "NASA difficulty factor: 1 = easy, 3 = most problematic"),
    ),
}
INVENTORY_COLUMNS: tuple[tuple[str, str, str], ...] = tuple(
    (key, title, tip) for key, (title, tip) in INVENTORY_COLUMN_TEXT.items()
)
INVENTORY_FIELD_COL = column_index(INVENTORY_COLUMNS)


class InventoryTableModel(SortFilterTableModel):
    """The inventory document as a table; mass, count and moisture are editable (undoable)."""

    edit_refused = Signal(str)  # the reason, in words
    columns = INVENTORY_COLUMNS
    text_context = "TableModels"

    def __init__(self, doc: InventoryDocument, parent=None):
        super().__init__(parent)
        self.doc = doc
        self._text: list[list[str]] = []
        self._keys: list[np.ndarray] = []
        self._hay = np.zeros(0, object)
        self._rebuild_cache()
        self._set_order(self._compute_order())
        doc.subscribe(self._on_change)

    # -- cache
    def _row_text(self, it) -> list[str]:
        return [
            it.item_id,
            it.name,
            it.category,
            decimal(it.mass_kg, 2),
            count(it.count),
            decimal(it.moisture_pct, 1),
            composition_text(it.composition).replace("_", " "),
            ", ".join(it.flags),
            str(it.difficulty),
        ]

    def _rebuild_cache(self) -> None:
        items = self.doc.items
        self._text = [self._row_text(it) for it in items]
        cols = list(zip(*self._text)) if self._text else [()] * len(INVENTORY_COLUMNS)
        keys = []
        for c, (key, _t, _tip) in enumerate(INVENTORY_COLUMNS):
            if key in ("mass_kg", "moisture_pct"):
                keys.append(np.array([getattr(it, key) for it in items], float))
            elif key in ("count", "difficulty"):
                keys.append(np.array([getattr(it, key) for it in items], np.int64))
            else:
                keys.append(np.array([s.lower() for s in cols[c]], object))
        self._keys = keys
        self._hay = np.array([" ".join(t).lower() for t in self._text], object)

    def _on_change(self, change: Change) -> None:
        if change.kind == "cell" and 0 <= change.row < len(self._text):
            it = self.doc.items[change.row]
            self._text[change.row] = self._row_text(it)
            col = INVENTORY_FIELD_COL[change.field]
            self._keys[col][change.row] = getattr(it, change.field)
            self._hay[change.row] = " ".join(self._text[change.row]).lower()
            if self._sort_col == col or self._filter:
                self._relayout()
            vr = self.view_row(change.row)
            if vr >= 0:
                self.dataChanged.emit(self.index(vr, 0), self.index(vr, len(INVENTORY_COLUMNS) - 1))
        else:
            self.beginResetModel()
            self._rebuild_cache()
            self._set_order(self._compute_order())
            self.endResetModel()

    def _source_count(self) -> int:
        return len(self._text)

    def _sort_key(self, col: int) -> np.ndarray:
        return self._keys[col]

    def _haystack(self) -> np.ndarray:
        return self._hay

    # -- Qt API
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return super().headerData(section, orientation, role)

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and INVENTORY_COLUMNS[index.column()][0] in EDITABLE_FIELDS:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def cell(self, src: int, col: int, role: int) -> Any:
        key = INVENTORY_COLUMNS[col][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text[src][col]
        if role == Qt.ItemDataRole.EditRole:
            v = getattr(self.doc.items[src], key)
            return f"{v:g}" if isinstance(v, float) else str(v)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if key in ("mass_kg", "count", "moisture_pct", "difficulty") else LEFT
        if role == Qt.ItemDataRole.ToolTipRole:
            if key in EDITABLE_FIELDS:
                return QCoreApplication.translate("TableModels", INVENTORY_COLUMNS[col][2])
            if key in ("name", "composition", "flags"):
                return self._text[src][col] or None
        if role == Qt.ItemDataRole.ForegroundRole and key == "difficulty" and self.doc.items[src].difficulty >= 3:
            return QBrush(QColor("#9a3412"))
        if role == SOURCE_ROW_ROLE:
            return src
        return None

    def setData(self, index: QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        key = INVENTORY_COLUMNS[index.column()][0]
        if key not in EDITABLE_FIELDS:
            return False
        try:
            self.doc.set_value(self.source_row(index.row()), key, value)
        except BadInputError as exc:
            self.edit_refused.emit(exc.message)
            return False
        return True

    def field_column(self, field: str) -> int:
        return INVENTORY_FIELD_COL[field]


# ------------------------------------------------------------------------------------ candidates


class CandidateTableModel(SnapshotTableModel):
    """Read-only table over a :class:`CandidateView` (replaced wholesale by a model reset)."""

    columns = CANDIDATE_COLUMNS
    incremental = True

    def __init__(self, parent=None):
        super().__init__(parent)
        self.view = CandidateView.empty()
        self._bold = QFont()
        self._bold.setBold(True)
        self._dim = QBrush(QColor("#6b7280"))
        self._bad = QBrush(QColor("#b91c1c"))
        self._good = QBrush(QColor("#166534"))
        self._hay: np.ndarray | None = None
        self.status_filter = 0

    def set_status_filter(self, mode: int) -> None:
        """0 = every recipe, 1 = feasible only, 2 = Pareto front only."""
        if mode != self.status_filter:
            self.status_filter = mode
            self._relayout()

    def _extra_mask(self) -> np.ndarray | None:
        if self.status_filter == 1:
            return self.view.status <= STATUS_FEASIBLE
        if self.status_filter == 2:
            return self.view.status == STATUS_FRONT
        return None

    def _view_changed(self) -> None:
        self._hay = None

    def _haystack(self) -> np.ndarray:
        if self._hay is None:
            full = self.view.items_full or [""] * len(self.view.display)
            codes = [" ".join(flag_codes(c)) for c in self.view.candidates]
            self._hay = np.array(
                [(" ".join(r) + " " + f + " " + k).lower() for r, f, k in zip(self.view.display, full, codes)], object
            )
        return self._hay

    def recipe_id(self, view_row: int) -> str | None:
        return self.id_at(view_row)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The columns' titles and tooltips in the window's language."""
        columns = candidate_columns()
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return columns[section][1]
            if role == Qt.ItemDataRole.ToolTipRole:
                return columns[section][2] or None
        return super().headerData(section, orientation, role)

    def _row_style(self, view, src: int) -> Any:
        return int(view.status[src])

    def cell(self, src: int, col: int, role: int) -> Any:
        key = CANDIDATE_COLUMNS[col][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.view.display[src][col]
        status = int(self.view.status[src])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return LEFT if key in ("items", "process", "status", "flags", "id") else RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "status":
                return self._bad if status in (STATUS_INFEASIBLE, STATUS_REFUSED) else self._good
            if status in (STATUS_INFEASIBLE, STATUS_REFUSED):
                return self._dim
        if role == Qt.ItemDataRole.FontRole and status == STATUS_FRONT and key in ("order", "rank"):
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            if key in ("items", "flags", "process"):
                text = (
                    self.view.items_full[src]
                    if key == "items" and self.view.items_full
                    else self.view.display[src][col]
                )
                if key == "flags":
                    text = reasons_text(self.view.candidates[src])
                return text or None
            return candidate_columns()[col][2]
        if role == SOURCE_ROW_ROLE:
            return src
        return None


def select_rows_by_source(view, model: SortFilterTableModel, sources: Sequence[int], current: int | None) -> None:
    """Select whole rows of ``view`` for the given source rows (helper for selection sync)."""
    sel = QItemSelection()
    last_col = model.columnCount() - 1
    for src in sources:
        vr = model.view_row(src)
        if vr >= 0:
            sel.select(model.index(vr, 0), model.index(vr, last_col))
    sm = view.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    sm.select(sel, flags)
    if current is not None and model.view_row(current) >= 0:
        sm.setCurrentIndex(model.index(model.view_row(current), 0), QItemSelectionModel.SelectionFlag.NoUpdate)
