"""The table model and table view the Model panel's tables share: rows of display strings, sorted in
the model (numbers by value when a key is given), a colour per row or per column."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTableView

from spacetrash_desktop.ui.qtmodels import LEFT, RIGHT, SortFilterTableModel
from spacetrash_desktop.ui.widgets import setup_table


class TextTableModel(SortFilterTableModel):
    """Rows of display strings, sortable in the model (numbers by value when a key is given)."""

    def __init__(
        self,
        columns: Sequence[tuple[str, str]],
        parent=None,
        *,
        numeric: Sequence[int] = (),
        color_columns: Sequence[int] | None = None,
    ):
        super().__init__(parent)
        self.columns = list(columns)  # (title, tooltip)
        self.numeric = set(numeric)
        self.color_columns = None if color_columns is None else set(color_columns)  # None: the whole row
        self.rows: list[tuple[str, ...]] = []
        self.keys: list[np.ndarray] = []
        self.colors: list[str | None] = []
        self.payload: list[Any] = []

    def set_rows(self, rows, *, keys: dict[int, Sequence[float]] | None = None, colors=None, payload=None) -> None:
        self.beginResetModel()
        self.rows = [tuple(r) for r in rows]
        n = len(self.rows)
        self.keys = []
        for c in range(len(self.columns)):
            if keys and c in keys:
                self.keys.append(np.array([np.nan if v is None else float(v) for v in keys[c]], float).reshape(n))
            else:
                self.keys.append(np.array([r[c].lower() for r in self.rows], object))
        self.colors = list(colors) if colors is not None else [None] * n
        self.payload = list(payload) if payload is not None else [None] * n
        self._set_order(self._compute_order())
        self.endResetModel()

    def _source_count(self) -> int:
        return len(self.rows)

    def _sort_key(self, col: int) -> np.ndarray:
        return self.keys[col]

    def _haystack(self) -> np.ndarray:
        return np.array([" ".join(r).lower() for r in self.rows], object)

    def cell(self, src: int, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[src][col]
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.rows[src][col]
            return text if len(text) > 24 else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if col in self.numeric else LEFT
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and self.colors[src]
            and (self.color_columns is None or col in self.color_columns)
        ):
            return QBrush(QColor(self.colors[src]))
        return None

    def payload_at(self, view_row: int) -> Any:
        src = self.source_row(view_row)
        return self.payload[src] if src >= 0 else None


def table(
    name: str, accessible: str, model, widths: Sequence[int] = (), *, sortable: bool = True, stretch_last: bool = True
) -> QTableView:
    t = QTableView()
    t.setObjectName(name)
    t.setAccessibleName(accessible)
    t.setModel(model)
    t.setSortingEnabled(sortable)
    if sortable:
        t.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    setup_table(t, widths, stretch_last=stretch_last)
    return t
