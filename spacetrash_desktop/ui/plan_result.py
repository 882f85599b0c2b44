"""The Plan tab's right-hand side: the solver's status, the plan as a table, "Mark as made…",
"Work order for a day…" and Export, the charts (burn-down, daily use against the caps, what-if sweep) and the explanation
(demand met, unmet demand with the limit that binds, what more budget would bring)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from spacetrash_desktop.ui.plan_charts import BurnDownChart, DailyUseChart, SweepChart
from spacetrash_desktop.ui.plan_forms import fit_header_widths
from spacetrash_desktop.ui.plan_views import PLAN_COLUMNS, PlanDisplay, PlanRowView, tr_text
from spacetrash_desktop.ui.widgets import button_row, push_button, setup_table, splitter

NUMERIC_COLUMNS = {"period", "batches", "product_kg", "energy", "crew"}
EMPTY_HTML = QT_TRANSLATE_NOOP(  # shown through QCoreApplication.translate("PlanResultPane", ...)
    "PlanResultPane",
    "<p>Set the demands and the daily budgets on the left, then <b>Make the plan</b> (Ctrl+Enter). "
    "The plan says which recipe to run in each period, from which stock, within the habitat's daily "
    "energy, water and crew time.</p>",
)


class PlanResultPane(QWidget):
    """Shows one :class:`PlanDisplay`; says which plan line is selected."""

    line_selected = Signal(object)  # PlanRowView | None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.display: PlanDisplay | None = None
        self.status = QLabel(self.tr("No plan yet."))
        self.status.setObjectName("planStatus")
        self.status.setWordWrap(True)
        self.summary = QLabel("")
        self.summary.setObjectName("hint")
        self.summary.setWordWrap(True)
        self._build_table()
        self.made_button = push_button(
            self.tr("Mark as made…"),
            self.tr("Record the selected plan line as made: its batches, product and the stock it uses (Ctrl+M)"),
            name="planMadeButton",
            enabled=False,
        )
        self.workorder_button = push_button(
            self.tr("Work order for a day…"),
            self.tr(
                "The work order of one sol of this plan: what to make that sol, with each recipe's steps, to print"
            ),
            name="planWorkOrderButton",
            enabled=False,
        )
        self.export_button = push_button(
            self.tr("Export…"),
            self.tr("Save the plan as JSON or CSV (Ctrl+Shift+E)"),
            name="planExportButton",
            enabled=False,
        )
        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.status)
        tl.addWidget(self.summary)
        tl.addWidget(self.table, 1)
        tl.addLayout(button_row(self.made_button, self.workorder_button, self.export_button))

        self.charts = QTabWidget()
        self.charts.setObjectName("planCharts")
        self.burn = BurnDownChart()
        self.use = DailyUseChart()
        self.sweep = SweepChart()
        self.charts.addTab(self.burn, self.tr("Stock burn-down"))
        self.charts.addTab(self.use, self.tr("Daily use vs cap"))
        self.charts.addTab(self.sweep, self.tr("What if"))
        self.explain = QTextBrowser()
        self.explain.setObjectName("planExplanation")
        self.explain.setAccessibleName(self.tr("Why the plan is as it is"))
        self.explain.setHtml(QCoreApplication.translate("PlanResultPane", EMPTY_HTML))
        bottom = splitter(Qt.Orientation.Horizontal, "planBottomSplit", (self.charts, self.explain), (3, 2), (520, 320))
        self.splitter = splitter(Qt.Orientation.Vertical, "planResultSplit", (top, bottom), (1, 1), (280, 300))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.splitter)

    def _build_table(self) -> None:
        self.table = QTableWidget(0, len(PLAN_COLUMNS))
        self.table.setObjectName("planTable")
        self.table.setAccessibleName(self.tr("The plan: one line per recipe and period"))
        widths = (58, 96, 110, 160, 64, 64, 200, 76, 70)
        setup_table(self.table, widths, stretch_last=False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for c, (_key, title, tip) in enumerate(PLAN_COLUMNS):
            item = QTableWidgetItem(tr_text(title))
            item.setToolTip(tr_text(tip))
            self.table.setHorizontalHeaderItem(c, item)
        fit_header_widths(self.table, widths)
        self.table.itemSelectionChanged.connect(self._selection_changed)

    # -------------------------------------------------------------- showing
    def show_plan(self, display: PlanDisplay) -> None:
        self.display = display
        self.status.setText(display.status)
        self.summary.setText(display.summary)
        self.table.setSortingEnabled(False)
        self.table.clearContents()
        self.table.setRowCount(len(display.rows))
        for r, row in enumerate(display.rows):
            for c, (key, _title, _tip) in enumerate(PLAN_COLUMNS):
                item = QTableWidgetItem(row.cells[c])
                item.setData(Qt.ItemDataRole.UserRole, r)
                if key == "items":
                    item.setToolTip(row.items_tip)
                elif key == "recipe":
                    item.setToolTip(row.recipe_tip)
                if key in NUMERIC_COLUMNS:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.burn.show_series(display.burn_down)
        self.use.show_use(display.daily_use)
        self.explain.setHtml(display.explanation_html())
        self.export_button.setEnabled(True)
        self.workorder_button.setEnabled(any(ln.batches > 0 for ln in display.result.lines))
        self._fit_labels()
        self._selection_changed()

    def show_message(self, text: str) -> None:
        self.status.setText(text)
        self._fit_labels()

    def _fit_labels(self) -> None:
        """Give the status and summary the lines they wrap to (the splitter would squeeze them to one)."""
        for label in (self.status, self.summary):
            label.setMinimumHeight(label.heightForWidth(max(label.width(), 200)) if label.text() else 0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_labels()

    def selected_row(self) -> PlanRowView | None:
        if self.display is None:
            return None
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        k = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return self.display.rows[k] if k is not None and 0 <= k < len(self.display.rows) else None

    def _selection_changed(self) -> None:
        row = self.selected_row()
        self.made_button.setEnabled(row is not None)
        self.line_selected.emit(row)
