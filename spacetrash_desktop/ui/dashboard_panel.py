"""The Mission panel: totals to date and projected to the end of the production plan (products made, kg of
waste turned into products by category, kWh, litres, crew hours, the waste that remains) and the
production history, with Undo.

It also installs the "Mark as made" dialog (:class:`~spacetrash_desktop.ui.made_dialog.MadeController`)
for the whole window. Totals and history load on a worker, again whenever ``ctx.inventory_changed``
fires; :meth:`DashboardPanel.set_plan` takes a plan result to project to (duck-typed, see
``services.production.mission_totals``).
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spacetrash_desktop.services.production import ProductionEntry, list_entries, mission_totals, undo
from spacetrash_desktop.ui.context import AppContext
from spacetrash_desktop.ui.dashboard_views import (
    HISTORY_COLUMNS,
    category_rows,
    entry_summary,
    history_row,
    products_text,
    projection_caption,
    totals_rows,
    tr_text,
)
from spacetrash_desktop.ui.made_dialog import MadeController, apply_outcome
from spacetrash_desktop.ui.tasks import TaskFailure
from spacetrash_desktop.ui.widgets import add_section, button_row, push_button, splitter


def _table(name: str, headers: tuple[str, ...], accessible: str) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setObjectName(name)
    t.setAccessibleName(accessible)
    t.setHorizontalHeaderLabels(list(headers))
    t.verticalHeader().setVisible(False)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def _fit_height(table: QTableWidget) -> None:
    """As tall as its rows (no empty band under a short table)."""
    h = table.horizontalHeader().height() + 2 * table.frameWidth()
    h += sum(table.rowHeight(r) for r in range(table.rowCount()))
    table.setFixedHeight(h + 2)


def _fill(table: QTableWidget, rows: list[tuple[str, ...]], right_from: int = 1) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c >= right_from:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


class DashboardPanel(QWidget):
    refreshed = Signal()  # totals and history are on screen
    undone = Signal(object)  # Outcome
    undo_failed = Signal(object)  # TaskFailure

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dashboardPanel")
        self.ctx = ctx
        self.plan: Any = None
        self.entries: list[ProductionEntry] = []
        self.totals = None
        self.made = MadeController(ctx, self)  # the "Mark as made" dialog for the whole window

        self.caption = QLabel(self.tr("Loading the production log…"))
        self.caption.setWordWrap(True)
        self.products = QLabel("")
        self.products.setObjectName("dashboardProducts")
        self.products.setWordWrap(True)
        self.totals_table = _table(
            "missionTotals", ("", self.tr("To date"), self.tr("Projected")), self.tr("Mission totals")
        )
        self.category_table = _table(
            "wasteByCategory",
            (self.tr("Category"), self.tr("Turned into products"), self.tr("Left now"), self.tr("Left at plan end")),
            self.tr("Waste by category"),
        )
        self.history = _table(
            "productionHistory", tuple(tr_text(c) for c in HISTORY_COLUMNS), self.tr("Production history")
        )
        self.history.horizontalHeader().setStretchLastSection(False)
        self.history.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # product
        self.history.itemSelectionChanged.connect(self._selection_changed)
        self.undo_button = push_button(
            self.tr("Undo selected entry…"),
            self.tr("Cancel the selected production entry and put its stock back in the inventory (kept in the log)"),
            self.undo_selected,
            name="undoProduction",
            enabled=False,
        )
        self.message = QLabel("")
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)

        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        add_section(tl, self.tr("Mission totals"), self.caption, self.totals_table, self.products)
        add_section(tl, self.tr("Waste by category"), self.category_table)
        tl.addStretch(1)
        bottom = QWidget()
        bl = QVBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        add_section(bl, self.tr("What was made (newest first)"), self.history)
        bl.addLayout(button_row(self.undo_button))
        bl.addWidget(self.message)
        lay = QVBoxLayout(self)
        lay.addWidget(splitter(Qt.Orientation.Horizontal, "dashboardSplit", (top, bottom), (1, 1), (700, 580)))
        ctx.inventory_changed.connect(self.refresh)
        ctx.inventory.subscribe(lambda change: self.refresh() if change.kind == "load" else None)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # the stock may have been edited since: what remains
        super().showEvent(event)
        self.refresh()

    # ------------------------------------------------------------------ data
    def set_plan(self, plan: Any) -> None:
        """Project the totals to the end of this plan (None: no projection)."""
        self.plan = plan
        self.refresh()

    def refresh(self) -> None:
        plan, items = self.plan, self.ctx.inventory.snapshot() or None

        def work(_c):
            return mission_totals(plan, items=items), list_entries()

        self.ctx.runner.submit(
            work,
            slot="dashboard",
            pool="io",
            label=self.tr("the mission totals"),
            on_done=self._show,
            on_error=self._failed,
        )

    def _show(self, value) -> None:
        totals, entries = value
        self.totals, self.entries = totals, list(reversed(entries))
        self.caption.setText(projection_caption(totals))
        _fill(self.totals_table, totals_rows(totals))
        _fill(self.category_table, category_rows(totals))
        _fit_height(self.totals_table)
        _fit_height(self.category_table)
        self.products.setText(products_text(totals.to_date))
        _fill(self.history, [history_row(e) for e in self.entries], right_from=3)
        for r, e in enumerate(self.entries):
            if e.undone:
                for c in range(self.history.columnCount()):
                    self.history.item(r, c).setForeground(Qt.GlobalColor.gray)
        self._selection_changed()
        self.refreshed.emit()

    def _failed(self, failure: TaskFailure) -> None:
        self.caption.setText(
            self.tr("The production log cannot be read: {reason}").format(reason=html.escape(failure.message))
        )
        self.refreshed.emit()

    # ------------------------------------------------------------------ undo
    def selected_entry(self) -> ProductionEntry | None:
        rows = {i.row() for i in self.history.selectedIndexes()}
        return self.entries[rows.pop()] if len(rows) == 1 and rows else None

    def _selection_changed(self) -> None:
        e = self.selected_entry()
        self.undo_button.setEnabled(e is not None and not e.undone and not self.ctx.runner.is_busy("made-undo"))

    def confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Undo production"), text)
        return answer == QMessageBox.StandardButton.Yes

    def undo_selected(self) -> None:
        e = self.selected_entry()
        if e is None or e.undone:
            return
        if self.confirm(
            self.tr("Undo “{entry}” and put the stock back in the inventory?").format(entry=entry_summary(e))
        ):
            self.undo_entry(e.entry_id)

    def undo_entry(self, entry_id: str) -> None:
        items = self.ctx.inventory.snapshot()
        who = str(self.ctx.settings.value("made/who", "") or "")
        self.undo_button.setEnabled(False)
        self.message.setText("")
        self.ctx.runner.submit(
            lambda _c: undo(entry_id, who, items=items),
            slot="made-undo",
            pool="io",
            label=self.tr("undoing a production entry"),
            on_done=self._undone,
            on_error=self._undo_failed,
        )

    def _undone(self, out) -> None:
        apply_outcome(self.ctx, out)  # fires inventory_changed: the totals reload
        text = self.tr("Undone: {entry}; the stock is back in the inventory.").format(entry=entry_summary(out.entry))
        self.message.setText(" ".join(out.notes))
        self.ctx.say(text, 10000)
        self.undone.emit(out)

    def _undo_failed(self, failure: TaskFailure) -> None:
        self.message.setText(failure.message)
        self._selection_changed()
        self.undo_failed.emit(failure)
