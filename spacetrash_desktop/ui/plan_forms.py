"""The Plan tab's inputs: the demands table (product, quantity and unit, priority, due sol) and the
budgets form (daily energy, water and crew time, horizon, period, batches per sol of each process),
each value checked as it is typed with the reason it is refused; and the question "the work order of
which sol?" (:class:`SolDialog`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spacetrash_desktop.common import lower_first, parse_number
from spacetrash_desktop.ui.plan_views import (
    BUDGET_FIELDS,
    BUDGET_INDEX,
    DEMAND_COLUMNS,
    MACHINE_LIMITS,
    SWEEP_DEFAULT,
    SWEEP_STEPS,
    SWEEPABLE,
    UNITS,
    DemandRow,
    check_budgets,
    check_demand_cells,
    check_due_sol,
    check_priority,
    check_quantity,
    check_sweep,
    demand_problem,
    fmt_num,
    sweep_values,
    tr_text,
)
from spacetrash_desktop.ui.target_tab import NumberField
from spacetrash_desktop.ui.widgets import button_row, mark_invalid, push_button, setup_table

BAD_CELL = QColor("#fee2e2")


def fit_header_widths(table: QTableWidget, widths: Sequence[int], skip: Sequence[int] = ()) -> None:
    """Widen each column (``widths`` at least) so its header's title shows whole, in any language."""
    font = QFont(table.horizontalHeader().font())
    font.setBold(True)  # the window's style sets header titles in bold
    metrics = QFontMetrics(font)
    for col, width in enumerate(widths):
        item = table.horizontalHeaderItem(col)
        if col in skip or item is None:
            continue
        table.setColumnWidth(col, max(width, metrics.horizontalAdvance(item.text()) + 20))


class DemandsTable(QWidget):
    """The demands: one row per product, quantity / priority / due sol typed in the cells (checked as
    typed), unit picked from a list; products added from the catalogue's list and removed."""

    changed = Signal()

    def __init__(self, products: Sequence[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.products = list(products)  # (product id, name)
        self.names = dict(self.products)
        self.horizon: float | None = None
        self.problems: list[str] = []
        self.table = QTableWidget(0, len(DEMAND_COLUMNS))
        self.table.setObjectName("planDemands")
        self.table.setAccessibleName(self.tr("Demands: product, quantity, unit, priority, due sol"))
        setup_table(
            self.table,
            (140, 64, 76, 64, 60),
            edit_triggers=QAbstractItemView.EditTrigger.AllEditTriggers,
            stretch_last=True,
        )
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c, (_key, title, tip) in enumerate(DEMAND_COLUMNS):
            item = QTableWidgetItem(tr_text(title))
            item.setToolTip(tr_text(tip))
            self.table.setHorizontalHeaderItem(c, item)
        fit_header_widths(self.table, (140, 64, 76, 64, 60), skip=(0,))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move between cells
        self.table.itemChanged.connect(self._item_changed)
        self.table.itemSelectionChanged.connect(lambda: self.remove_button.setEnabled(self._selected_row() >= 0))

        self.add_combo = QComboBox()
        self.add_combo.setAccessibleName(self.tr("Product to add"))
        for pid, name in self.products:
            self.add_combo.addItem(name, pid)
        self.add_button = push_button(
            self.tr("Add"), self.tr("Add a demand for the product picked beside"), self.add_selected
        )
        self.remove_button = push_button(
            self.tr("Remove"), self.tr("Remove the selected demand (Delete)"), self.remove_selected, enabled=False
        )
        self.error = QLabel("")
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table, 1)
        lay.addLayout(button_row(self.add_combo, self.add_button, self.remove_button))
        lay.addWidget(self.error)

    # -------------------------------------------------------------- rows
    def set_rows(self, rows: Sequence[DemandRow]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for r in rows:
            self._append(r)
        self.table.blockSignals(False)
        self.validate()

    def _append(self, r: DemandRow) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = QTableWidgetItem(r.name or self.names.get(r.product, r.product))
        name.setData(Qt.ItemDataRole.UserRole, r.product)
        name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, 0, name)
        self.table.setItem(row, 1, QTableWidgetItem(fmt_num(r.quantity, 2)))
        unit = QComboBox()
        unit.setAccessibleName(self.tr("Unit of {product}").format(product=name.text()))
        for key, text in UNITS:
            unit.addItem(self.tr("units", "the short word in the unit picker") if key == "units" else text, key)
        unit.setCurrentIndex(max(0, unit.findData(r.unit)))
        unit.currentIndexChanged.connect(lambda _i: self.validate())
        self.table.setCellWidget(row, 2, unit)
        self.table.setItem(row, 3, QTableWidgetItem(str(r.priority)))
        self.table.setItem(row, 4, QTableWidgetItem("" if r.due_sol is None else str(r.due_sol)))

    def add_selected(self) -> None:
        pid = self.add_combo.currentData()
        if not pid:
            return
        prio = max((r.priority for r in self.rows_or_none() or []), default=0) + 1
        self.table.blockSignals(True)
        self._append(DemandRow(pid, self.names.get(pid, pid), 10.0, "units", min(prio, 9)))
        self.table.blockSignals(False)
        self.table.setCurrentCell(self.table.rowCount() - 1, 1)
        self.validate()

    def remove_selected(self) -> None:
        row = self._selected_row()
        if row >= 0:
            self.table.removeRow(row)
            self.validate()

    def _selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Delete and self.table.state() != QAbstractItemView.State.EditingState:
            self.remove_selected()
            return
        super().keyPressEvent(event)

    # -------------------------------------------------------------- checking
    def _text(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text() if item is not None else ""

    def _item_changed(self, _item) -> None:
        self.validate()

    def set_horizon(self, horizon: float | None) -> None:
        self.horizon = horizon
        self.validate()

    def validate(self) -> list[str]:
        """Check every row, colour the refused cells and show the reasons; the problems ("" none)."""
        problems: list[str] = []
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            name = self._text(row, 0)
            _values, found = check_demand_cells(
                name, self._text(row, 1), self._text(row, 3), self._text(row, 4), self.horizon
            )
            reasons = {
                1: check_quantity(self._text(row, 1))[1],
                3: check_priority(self._text(row, 3))[1],
                4: check_due_sol(self._text(row, 4), self.horizon)[1],
            }
            for col, reason in reasons.items():
                item = self.table.item(row, col)
                if item is None:
                    continue
                item.setBackground(QBrush(BAD_CELL) if reason else QBrush())
                item.setToolTip(demand_problem(name, reason) if reason else tr_text(DEMAND_COLUMNS[col][2]))
            problems += found
        self.table.blockSignals(False)
        if not self.table.rowCount():
            problems.append(self.tr("Add at least one product to plan for."))
        self.problems = problems
        more = "\n" + self.tr("(+{n} more)").format(n=len(problems) - 4) if len(problems) > 4 else ""
        self.error.setText("\n".join(problems[:4]) + more)
        self.error.setVisible(bool(problems))
        self.changed.emit()
        return problems

    def rows_or_none(self) -> list[DemandRow] | None:
        rows = []
        for row in range(self.table.rowCount()):
            name_item = self.table.item(row, 0)
            name = name_item.text()
            (q, p, d), found = check_demand_cells(
                name, self._text(row, 1), self._text(row, 3), self._text(row, 4), self.horizon
            )
            if found or q is None or p is None:
                return None
            unit = self.table.cellWidget(row, 2)
            rows.append(DemandRow(str(name_item.data(Qt.ItemDataRole.UserRole)), name, q, unit.currentData(), p, d))
        return rows


def short_process_name(name: str, limit: int = 48) -> str:
    """A process's name without its parenthesis, cut to ``limit`` characters (the full name is the tooltip)."""
    short = name.split(" (")[0].strip()
    return short if len(short) <= limit else short[: limit - 1].rstrip() + "…"


def _place(field: NumberField, grid: QGridLayout, row: int) -> None:
    """Label, edit and unit on one row of ``grid`` (the range is in the tooltip and the refusal), the
    reason a value is refused under them."""
    field.edit.setMaximumWidth(80)
    grid.addWidget(field.label, row, 0)
    grid.addWidget(field.edit, row, 1)
    grid.addWidget(field.unit_label, row, 2)
    grid.addWidget(field.error, row + 1, 0, 1, 3)


class MachineField(NumberField):
    """Batches per sol of one process; empty means the process has no machine limit."""

    def value(self) -> float | None:  # type: ignore[override]
        return self._value

    def set_value(self, x: float | None) -> None:
        if x is None or x == float("inf"):
            self._value = None
            self.edit.setText("")
            self._set_reason("")
        else:
            super().set_value(x)

    def _edited(self, text: str) -> None:
        if not text.strip():
            self._value = None
            self._set_reason("")
            self.changed.emit()
            return
        super()._edited(text)


class BudgetsForm(QWidget):
    """Daily budgets, horizon, period and the batches per sol of each process, with units and ranges."""

    changed = Signal()

    def __init__(self, processes: Sequence[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.fields: dict[str, NumberField] = {}
        self.machine: dict[str, MachineField] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        row = 0
        for f in BUDGET_FIELDS:
            field = NumberField(f.key, f.label_text, f.unit_text, f.lo, f.hi, f.tip_text, decimals=f.decimals)
            field.edit.setObjectName(f"plan_{f.key}")
            _place(field, grid, row)
            field.changed.connect(self._changed)
            self.fields[f.key] = field
            row += 2
        self.error = QLabel("")
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        grid.addWidget(self.error, row, 0, 1, 3)
        grid.setColumnStretch(0, 1)
        self.machine_toggle = push_button(
            self.tr("Machine capacity…"),
            self.tr("Show or hide how many batches each process's machine can run per sol"),
            name="planMachineToggle",
        )
        self.machine_toggle.setCheckable(True)
        self.machine_box = QWidget()
        mgrid = QGridLayout(self.machine_box)
        mgrid.setContentsMargins(0, 0, 0, 0)
        mgrid.setVerticalSpacing(2)
        head = QLabel(self.tr("Batches per sol each machine can run (0: not used; empty: no limit)"))
        head.setObjectName("hint")
        head.setWordWrap(True)
        mgrid.addWidget(head, 0, 0, 1, 3)
        mgrid.setColumnStretch(0, 1)
        lo, hi = MACHINE_LIMITS
        for k, (pid, name) in enumerate(processes):
            field = MachineField(
                f"machine_{pid}",
                short_process_name(name),
                self.tr("batches/sol"),
                lo,
                hi,
                self.tr("How many batches the {process} machine can run each sol (empty: no limit).").format(
                    process=lower_first(name)
                ),
                decimals=1,
            )
            field.edit.setObjectName(f"plan_machine_{pid}")
            field.label.setWordWrap(True)  # a long name (Spanish ones are) takes two lines, not an ellipsis
            field.label.setToolTip(
                self.tr("{process}: how many batches its machine can run each sol (empty: no limit).").format(
                    process=name
                )
            )
            _place(field, mgrid, 1 + 2 * k)
            field.changed.connect(self._changed)
            self.machine[pid] = field
        self.machine_box.setVisible(False)
        self.machine_toggle.toggled.connect(self.machine_box.setVisible)
        outer.addLayout(grid)
        outer.addLayout(button_row(self.machine_toggle))
        outer.addWidget(self.machine_box)
        self.problems: list[str] = []

    def set_values(self, values: Mapping[str, float], machine: Mapping[str, float]) -> None:
        for key, f in self.fields.items():
            if key in values:
                f.set_value(float(values[key]))
        for pid, f in self.machine.items():
            f.set_value(machine.get(pid))
        self._changed()

    def values(self) -> dict[str, float]:
        return {k: f.value() for k, f in self.fields.items()}

    def machine_values(self) -> dict[str, float]:
        """Batches per sol of each process that has a limit."""
        return {k: v for k, f in self.machine.items() if (v := f.value()) is not None}

    def _changed(self) -> None:
        refused = [f"{f.label.text()}: {f.reason}" for f in (*self.fields.values(), *self.machine.values()) if f.reason]
        if any(f.reason for f in self.machine.values()):
            self.machine_toggle.setChecked(True)  # a refused machine value is never hidden
        cross = check_budgets(self.values())
        self.problems = refused + cross
        self.error.setText("\n".join(cross))
        self.error.setVisible(bool(cross))
        self.changed.emit()


class SweepForm(QWidget):
    """The what-if sweep's inputs: which budget, from, to and how many steps; checked as typed."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.budget = QComboBox()
        self.budget.setObjectName("planSweepBudget")
        self.budget.setAccessibleName(self.tr("Budget to vary"))
        for key in SWEEPABLE:
            f = BUDGET_INDEX[key]
            self.budget.addItem(f.title_text, key)
        self.edits: dict[str, QLineEdit] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("Vary"))
        label.setBuddy(self.budget)
        grid.addWidget(label, 0, 0)
        grid.addWidget(self.budget, 0, 1, 1, 5)
        for col, (key, title, tip) in enumerate(
            (
                ("from", self.tr("From"), self.tr("The smallest budget to try")),
                ("to", self.tr("to"), self.tr("The largest budget to try")),
                (
                    "steps",
                    self.tr("steps"),
                    self.tr("How many budgets to try ({low} to {high}), evenly spaced").format(
                        low=SWEEP_STEPS[0], high=SWEEP_STEPS[1]
                    ),
                ),
            )
        ):
            edit = QLineEdit()
            edit.setObjectName(f"planSweep_{key}")
            edit.setAccessibleName(self.tr("What-if {what}").format(what=title.lower()))
            edit.setToolTip(tip)
            edit.setMaximumWidth(64)
            edit.textEdited.connect(lambda _t: self.check())
            lab = QLabel(title)
            lab.setBuddy(edit)
            grid.addWidget(lab, 1, 2 * col)
            grid.addWidget(edit, 1, 2 * col + 1)
            self.edits[key] = edit
        self.unit = QLabel("")
        grid.addWidget(self.unit, 1, 6)
        self.error = QLabel("")
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        grid.addWidget(self.error, 2, 0, 1, 7)
        self.budget.currentIndexChanged.connect(lambda _i: self.check())
        key, lo, hi, steps = SWEEP_DEFAULT
        self.budget.setCurrentIndex(self.budget.findData(key))
        for k, v in (("from", lo), ("to", hi), ("steps", steps)):
            self.edits[k].setText(fmt_num(v, 2))
        self.reason = ""
        self.check()

    def key(self) -> str:
        return str(self.budget.currentData())

    def numbers(self) -> tuple[float | None, float | None, float | None]:
        lo, hi, steps = (parse_number(self.edits[k].text()) for k in ("from", "to", "steps"))
        return lo, hi, steps

    def check(self) -> str:
        self.unit.setText(BUDGET_INDEX[self.key()].unit_text)
        lo, hi, steps = self.numbers()
        self.reason = check_sweep(lo, hi, steps, self.key())
        self.error.setText(self.reason)
        self.error.setVisible(bool(self.reason))
        for e in self.edits.values():
            mark_invalid(e, bool(self.reason))
        self.changed.emit()
        return self.reason

    def values(self) -> list[float]:
        lo, hi, steps = self.numbers()
        if self.check() or lo is None or hi is None or steps is None:
            return []
        return sweep_values(lo, hi, int(steps))


def sol_ranges(sols: Sequence[int], limit: int = 12) -> str:
    """Sols as ranges, "1–5, 31–42" (the first ``limit`` ranges, then "…")."""
    runs: list[list[int]] = []
    for s in sorted(sols):
        if runs and s == runs[-1][1] + 1:
            runs[-1][1] = s
        else:
            runs.append([s, s])
    parts = [str(a) if a == b else f"{a}–{b}" for a, b in runs[:limit]]
    return ", ".join(parts) + (", …" if len(runs) > limit else "")


class SolDialog(QDialog):
    """Asks for the sol whose work order to open (the first sol with work to begin with); says what
    that sol makes, and refuses a sol with nothing to make. Enter opens, Esc cancels."""

    def __init__(self, schedule: Mapping[int, Mapping[int, int]], last_sol: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.schedule = schedule
        self.setObjectName("solDialog")
        self.setWindowTitle(self.tr("Work order for a day"))
        intro = QLabel(
            self.tr("Sols with work in this plan: {sols}.").format(sols=sol_ranges(list(schedule)))
            if schedule
            else self.tr("This plan has no batches to make.")
        )
        intro.setWordWrap(True)
        self.spin = QSpinBox()
        self.spin.setObjectName("solSpin")
        self.spin.setRange(1, max(1, last_sol))
        self.spin.setAccessibleName(self.tr("Sol"))
        self.spin.setToolTip(self.tr("The sol (1 = the plan's first) whose work order to open"))
        self.hint = QLabel("")
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.open_button = push_button(
            self.tr("Open the work order"),
            self.tr("Show the work order of this sol: every plan line it makes, with the steps"),
            self.accept,
            name="primaryButton",
        )
        self.open_button.setDefault(True)
        cancel = push_button(self.tr("Cancel"), self.tr("Close without opening a work order"), self.reject)
        row = QGridLayout()
        label = QLabel(self.tr("&Sol:"))
        label.setBuddy(self.spin)
        row.addWidget(label, 0, 0)
        row.addWidget(self.spin, 0, 1)
        row.setColumnStretch(2, 1)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(row)
        lay.addWidget(self.hint)
        lay.addLayout(button_row(self.open_button, cancel))
        self.spin.valueChanged.connect(self._changed)
        self.spin.setValue(min(schedule) if schedule else 1)
        self._changed()
        self.spin.setFocus()
        self.resize(max(self.sizeHint().width(), 420), self.sizeHint().height())

    def sol(self) -> int:
        return self.spin.value()

    def _changed(self) -> None:
        sol = self.sol()
        day = self.schedule.get(sol)
        self.open_button.setEnabled(bool(day))
        if day:
            lines = ", ".join(str(k + 1) for k in day)
            batches = sum(day.values())
            text = (
                self.tr("On sol {sol}: 1 batch (plan line {lines}).")
                if batches == 1
                else self.tr("On sol {sol}: {batches} batches (plan lines {lines}).")
            )
            self.hint.setText(text.format(sol=sol, batches=batches, lines=lines))
            return
        later = [s for s in self.schedule if s > sol]
        if later:
            text = self.tr("Nothing to make on sol {sol}; the next sol with work is {next}.").format(
                sol=sol, next=later[0]
            )
        elif self.schedule:
            text = self.tr("Nothing to make on sol {sol}; the last sol with work is {last}.").format(
                sol=sol, last=max(self.schedule)
            )
        else:
            text = self.tr("Nothing to make on sol {sol}.").format(sol=sol)
        self.hint.setText(f"<span style='color:#b91c1c'>{text}</span>")
