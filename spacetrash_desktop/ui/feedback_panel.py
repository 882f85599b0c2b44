"""Feedback panel: how a recipe the crew made turned out.

* The recipe comes from the Candidates tab ("Report how it turned out…" in the detail pane, or "Use
  the recipe selected in Candidates") or from a past report ("Report on this recipe again").
* Rigidity and tightness (0–1, each measured or judged, and how), energy, water, crew time and
  product mass (non-negative), pass / fail / not known, notes and who (remembered). Every field is
  checked as it is typed; a value that makes no sense is refused at the field with the reason.
* **Save** records the row at once through ``services.feedback`` on a worker (an fsynced Parquet
  segment) and shows its row id. The row's id and time are fixed when Save is pressed, so saving it
  again can never record it twice. When the disk refuses (full, read-only) the panel says so, the
  row stays in memory with a **Retry** button, and nothing saved earlier is touched.
* Past feedback: a sortable, filterable table (by recipe, who or model version) with predicted vs
  actual for every property, and the details of the selected report below.
* File menu: "Export feedback for trainers…" and "Import feedback files…".
"""

from __future__ import annotations

import html
import json
import logging
import math
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QFontMetrics, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from spacetrash_desktop.common import parse_number
from spacetrash_desktop.errors import BadInputError, ErrorCode
from spacetrash_desktop.ui.context import AppContext
from spacetrash_desktop.ui.feedback_views import (
    FEEDBACK_COLUMNS,
    FILTER_FIELDS,
    PROP_TITLES,
    PVA_COLUMNS,
    REPORT_PROPS,
    FeedbackListView,
    MadeRecipe,
    load_feedback_list,
    pva_rows,
)
from spacetrash_desktop.ui.qtmodels import LEFT, RIGHT, RowsTableModel, SortFilterTableModel
from spacetrash_desktop.ui.tasks import Task, TaskFailure
from spacetrash_desktop.ui.widgets import (
    CheckedNumberField,
    mark_invalid,
    restore_layout,
    save_layout,
    section_title,
    setup_table,
    splitter,
)

log = logging.getLogger(__name__)

FIELD_TIPS = {
    "rigidity": "How stiff the product turned out, as the 0–1 rigidity index: 0 = soft foam or draped fabric, "
    "0.37 = LDPE sheet, 0.57 = HDPE board, 0.71 = PET/nylon part, 0.86 = fibre composite, "
    "1 = metal frame.",
    "tightness": "How well it holds liquid and gas, 0–1: 0 = loose shred or mesh, 0.2 = woven fabric (dust), "
    "0.5 = compacted tile (splash-proof), 0.8 = fused sheet (water-tight), 1 = gas-tight film.",
    "energy_kwh": "Electrical energy the batch actually used (heater, press, machine), in kilowatt-hours.",
    "water_l": "Water the batch actually used (rinsing, cleaning, process water), net of what was recovered, "
    "in litres.",
    "crew_min": "Hands-on crew time the batch actually took (sorting, loading, finishing), in minutes.",
    "product_mass_kg": "Mass of usable product that came out of the batch, in kilograms.",
}
HOW_PLACEHOLDER = {
    "rigidity": "how: e.g. 3-point bend of a 10 cm strip, or pressed by hand",
    "tightness": "how: e.g. held 1 L of water for an hour without a drip",
}
FEEDBACK_COLUMN_WIDTHS = (136, 80, 200, 80, 104, 104, 120, 100, 100, 116, 70, 190, 270)
WHO_HISTORY = 12


class ReportField(CheckedNumberField):
    """An optional number with its unit: empty is allowed (not reported); anything else must be a
    number in range, or it is refused here with the reason."""

    def __init__(self, key: str, unit: str, lo: float, hi: float | None, parent: QWidget | None = None):
        title = PROP_TITLES[key]
        allowed = f"{lo:g} to {hi:g}" if hi is not None else f"{lo:g} or more"
        tip = f"{FIELD_TIPS[key]}\nAllowed: {allowed} {unit}. Leave it empty if it was not measured or judged."
        super().__init__(
            key,
            title,
            unit,
            lo,
            hi,
            edit_name=f"feedback_{key}",
            accessible=f"{title} ({unit})",
            tip=tip,
            width=110,
            parent=parent,
        )
        self.edit.setPlaceholderText("not reported")
        self.edit.textChanged.connect(self._edited)

    def _edited(self, text: str) -> None:
        s = text.strip()
        unit = "" if self.unit == "0–1" else f" {self.unit}"
        self._value = None
        if not s:
            self._set_reason("")
        else:
            x = parse_number(s)
            if x is None or not math.isfinite(x):
                span = f"from {self.lo:g} to {self.hi:g}" if self.hi is not None else f"of {self.lo:g} or more"
                self._set_reason(f"'{s[:30]}' is not a number: type a value {span}{unit}, or leave it empty.")
            elif x < self.lo:
                self._set_reason(
                    f"Cannot be negative: {x:g} is below {self.lo:g}{unit}."
                    if self.lo == 0
                    else f"Too low: {x:g} is below the minimum of {self.lo:g}{unit}."
                )
            elif self.hi is not None and x > self.hi:
                self._set_reason(f"Too high: {x:g} is above the maximum of {self.hi:g}{unit}.")
            else:
                self._value = float(x)
                self._set_reason("")
        self.changed.emit()


class FeedbackListModel(SortFilterTableModel):
    """Past feedback (a :class:`FeedbackListView` snapshot, replaced wholesale)."""

    columns = FEEDBACK_COLUMNS

    def __init__(self, parent=None):
        super().__init__(parent)
        self.view = FeedbackListView.empty()
        self.field = "all"
        self._good = QBrush(QColor("#166534"))
        self._bad = QBrush(QColor("#b91c1c"))
        self._sort_col, self._sort_desc = 0, True  # newest first

    def set_view(self, view: FeedbackListView) -> None:
        self.beginResetModel()
        self.view = view
        self._set_order(self._compute_order())
        self.endResetModel()

    def set_field(self, key: str) -> None:
        if key != self.field:
            self.field = key
            if self._filter:
                self._relayout()

    def _source_count(self) -> int:
        return len(self.view.ids)

    def _sort_key(self, col: int) -> np.ndarray:
        return self.view.sort_keys[col]

    def _haystack(self) -> np.ndarray:
        return self.view.hay.get(self.field, self.view.hay["all"])

    def row_id(self, view_row: int) -> str | None:
        src = self.source_row(view_row)
        return self.view.ids[src] if src >= 0 else None

    def cell(self, src: int, col: int, role: int) -> Any:
        key = FEEDBACK_COLUMNS[col][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.view.display[src][col]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if key in REPORT_PROPS or key == "inside" else LEFT
        if role == Qt.ItemDataRole.ForegroundRole:
            if key in REPORT_PROPS:
                inside = self.view.inside[src].get(key)
                return self._good if inside is True else self._bad if inside is False else None
            if key == "outcome":
                text = self.view.display[src][col]
                return self._good if text == "passed" else self._bad if text == "failed" else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if key in REPORT_PROPS and self.view.display[src][col]:
                inside = self.view.inside[src].get(key)
                where = (
                    "inside the predicted 95% interval"
                    if inside is True
                    else "outside the predicted 95% interval"
                    if inside is False
                    else "no interval was predicted"
                )
                return f"actual vs predicted: {where}"
            if key in ("recipe", "row_id", "model"):
                return self.view.display[src][col]
            if key == "recorded":
                rec = self.view.records[src]
                notes = rec.get("notes")
                return f"Notes: {notes}" if notes else "No notes"
        return None


class PvaModel(RowsTableModel):
    """Predicted vs actual, per property, for the selected report: rows of (cells, inside)."""

    columns = PVA_COLUMNS

    def __init__(self, parent=None):
        super().__init__((), parent)
        self._good = QBrush(QColor("#166534"))
        self._bad = QBrush(QColor("#b91c1c"))

    def cell(self, row, col: int, role: int) -> Any:
        cells, inside = row
        key = PVA_COLUMNS[col][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return cells[col]
        if role == Qt.ItemDataRole.ToolTipRole and key == "how":
            return cells[col]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return LEFT if key in ("property", "how", "inside") else RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and key in ("inside", "actual"):
            return self._good if inside is True else self._bad if inside is False else None
        return None


class ImportOutcomeModel(RowsTableModel):
    """One row per imported file (``ImportSummary.files``)."""

    columns = ("File", "Outcome", "Rows", "Added", "Already here", "Reason")

    def cell(self, f, col: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (
                Path(f.file).name if role == Qt.ItemDataRole.DisplayRole else f.file,
                f.status,
                str(f.rows),
                str(f.added),
                str(f.duplicates),
                f.reason or "–",
            )[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == 1 and f.status == "refused":
            return QBrush(QColor("#b91c1c"))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if col in (2, 3, 4) else LEFT
        return None


class ImportSummaryDialog(QDialog):
    """What an import did: rows added, already present, files refused with the reason."""

    def __init__(self, summary, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("feedbackImportReport")
        self.setWindowTitle("Import feedback files")
        self.summary = summary
        lay = QVBoxLayout(self)
        head = QLabel()
        head.setObjectName("dialogHeading")
        head.setWordWrap(True)
        parts = [f"<b>{summary.added} report{'s' if summary.added != 1 else ''} added.</b>"]
        if summary.duplicates:
            parts.append(f"{summary.duplicates} were already here (same row id) and were not added again.")
        if summary.refused:
            parts.append(
                f"{summary.refused} file{'s were' if summary.refused != 1 else ' was'} refused; none of "
                "their rows was taken (the reason is listed)."
            )
        head.setText(" ".join(parts))
        self.heading = head
        lay.addWidget(head)
        self.table = QTableView()
        self.table.setObjectName("importOutcomes")
        self.table.setAccessibleName("Imported files")
        self.model = ImportOutcomeModel(summary.files, self)
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        hh = self.table.horizontalHeader()
        hh.setStretchLastSection(True)
        for col, width in enumerate((260, 80, 60, 60, 100)):
            self.table.setColumnWidth(col, width)
        lay.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(860, 320)


class FeedbackPanel(QWidget):
    saved = Signal(str)  # row id
    save_failed = Signal(object)  # TaskFailure
    list_loaded = Signal(object)  # FeedbackListView
    exported = Signal(object)  # ExportResult
    imported = Signal(object)  # ImportSummary
    recipe_changed = Signal(object)  # MadeRecipe | None

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("feedbackPanel")
        # a "measured or judged?" left open is marked like a refused value (app.qss does it for line edits)
        self.setStyleSheet(
            'QComboBox[invalid="true"] { border: 2px solid #b91c1c; background: #fef2f2; '
            "border-radius: 3px; padding: 1px 6px; }"
        )
        self.ctx = ctx
        self.made: MadeRecipe | None = None
        self.unsaved: dict[str, dict] = {}  # row id -> row whose save failed (kept to retry)
        self._row_key: dict[str, str] = {}  # content key -> row id of an unsaved row (same report, same id)
        self._save_task: Task | None = None
        self._retry_task: Task | None = None
        self._list_task: Task | None = None
        self._storage_failure: TaskFailure | None = None
        self._loaded_once = False
        self.last_saved: str | None = None
        self.message_box: QMessageBox | None = None
        self.import_dialog: ImportSummaryDialog | None = None

        self._build_actions()
        form = self._build_form()
        past = self._build_past()
        self.splitter = splitter(
            Qt.Orientation.Horizontal, "feedbackSplit", (form, past), (2, 3), (560, 860), collapsible=False
        )
        lay = QVBoxLayout(self)
        lay.addWidget(self.pending_frame)
        lay.addWidget(self.splitter, 1)

        ctx.feedback_requested.connect(self.report_on)
        ctx.selection.changed.connect(self._update_use_selected)
        self.set_recipe(None)
        self._update_save()

    # ------------------------------------------------------------------ building
    def _build_actions(self) -> None:
        self.save_action = QAction("&Save feedback", self)
        self.save_action.setShortcut(QKeySequence("Ctrl+S"))
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_action.setToolTip("Record this report now; it is saved to disk at once (Ctrl+S)")
        self.save_action.triggered.connect(self.save)
        self.addAction(self.save_action)
        self.export_action = QAction("E&xport feedback for trainers…", self)
        self.export_action.setToolTip(
            "Write every feedback report to a folder (e.g. a USB stick) as a sealed "
            "Parquet file with a manifest of row counts and checksums"
        )
        self.export_action.triggered.connect(self.choose_export_folder)
        self.import_action = QAction("I&mport feedback files…", self)
        self.import_action.setToolTip(
            "Merge feedback exported on other laptops (checked first; a report already here is not added twice)"
        )
        self.import_action.triggered.connect(self.choose_import_files)

    def file_actions(self) -> list[QAction]:
        """Actions the window puts in its File menu."""
        return [self.export_action, self.import_action]

    def _build_form(self) -> QWidget:
        inner = QWidget()
        inner.setObjectName("feedbackForm")
        lay = QVBoxLayout(inner)
        lay.setContentsMargins(0, 0, 8, 0)

        lay.addWidget(section_title("The recipe the crew made"))
        self.recipe_label = QLabel()
        self.recipe_label.setObjectName("feedbackRecipe")
        self.recipe_label.setWordWrap(True)
        self.recipe_label.setTextFormat(Qt.TextFormat.RichText)
        self.recipe_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.recipe_label.setAccessibleName("The recipe the crew made")
        lay.addWidget(self.recipe_label)
        self.use_selected_button = QPushButton("Use the recipe selected in Candidates")
        self.use_selected_button.setToolTip(
            "Report on the recipe currently selected in the Candidates tab or on the Trade-offs plot"
        )
        self.use_selected_button.clicked.connect(self.use_selected)
        ub = QHBoxLayout()
        ub.addWidget(self.use_selected_button)
        ub.addStretch(1)
        lay.addLayout(ub)

        lay.addWidget(section_title("What the crew found"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        head_actual = QLabel("<b>Actual</b>")
        head_method = QLabel("<b>Found by</b>")
        head_pred = QLabel("<b>Predicted [95% interval]</b>")
        grid.addWidget(head_actual, 0, 1, 1, 2)
        grid.addWidget(head_method, 0, 3)
        grid.addWidget(head_pred, 0, 4)
        self.fields: dict[str, ReportField] = {}
        self.methods: dict[str, QComboBox] = {}
        self.hows: dict[str, QLineEdit] = {}
        self.method_errors: dict[str, QLabel] = {}
        self.predicted_labels: dict[str, QLabel] = {}
        row = 1
        for key in REPORT_PROPS:
            index = key in ("rigidity", "tightness")
            f = ReportField(
                key,
                "0–1"
                if index
                else {"energy_kwh": "kWh", "water_l": "L", "crew_min": "min", "product_mass_kg": "kg"}[key],
                0.0,
                1.0 if index else None,
            )
            f.changed.connect(self._changed)
            self.fields[key] = f
            pred = QLabel("–")
            pred.setObjectName("hint")
            pred.setToolTip(f"What was predicted for {PROP_TITLES[key].lower()}, with its 95% interval")
            self.predicted_labels[key] = pred
            grid.addWidget(f.label, row, 0)
            grid.addWidget(f.edit, row, 1)
            grid.addWidget(f.unit_label, row, 2)
            grid.addWidget(pred, row, 4)
            if index:
                combo = QComboBox()
                combo.setObjectName(f"feedback_{key}_method")
                combo.setAccessibleName(f"How {PROP_TITLES[key].lower()} was found")
                combo.addItem("choose…", None)
                combo.addItem("measured", "measured")
                combo.addItem("judged", "judged")
                combo.setToolTip("measured: with an instrument or a repeatable test; judged: by hand and eye")
                combo.currentIndexChanged.connect(self._changed)
                how = QLineEdit()
                how.setObjectName(f"feedback_{key}_how")
                how.setPlaceholderText(HOW_PLACEHOLDER[key])
                how.setAccessibleName(f"What was measured for {PROP_TITLES[key].lower()} and how")
                how.setToolTip(
                    "What was measured and how (the test, the instrument, the sample), or what the "
                    "judgement was based on"
                )
                how.setMaxLength(2000)
                merr = QLabel("")
                merr.setObjectName("fieldError")
                merr.setWordWrap(True)
                merr.setVisible(False)
                self.methods[key], self.hows[key], self.method_errors[key] = combo, how, merr
                grid.addWidget(combo, row, 3)
                grid.addWidget(how, row + 1, 1, 1, 4)
                grid.addWidget(f.error, row + 2, 1, 1, 4)
                grid.addWidget(merr, row + 3, 1, 1, 4)
                row += 4
            else:
                grid.addWidget(f.error, row + 1, 1, 1, 4)
                row += 2
        grid.setColumnStretch(4, 1)
        lay.addLayout(grid)

        lay.addWidget(section_title("Outcome"))
        ol = QGridLayout()
        ol.setHorizontalSpacing(8)
        self.outcome_group = QButtonGroup(self)
        self.outcome_buttons: dict[str, QRadioButton] = {}
        rb = QHBoxLayout()
        for key, text, tip in (
            ("passed", "Passed", "The product does the job it was made for"),
            ("failed", "Failed", "The product does not do the job"),
            ("unknown", "Not known yet", "Not tried in use yet"),
        ):
            b = QRadioButton(text)
            b.setObjectName(f"feedback_outcome_{key}")
            b.setToolTip(tip)
            self.outcome_group.addButton(b)
            self.outcome_buttons[key] = b
            rb.addWidget(b)
        rb.addStretch(1)
        self.outcome_buttons["unknown"].setChecked(True)
        for b in self.outcome_buttons.values():
            b.toggled.connect(self._changed)
        ol.addWidget(QLabel("Pass / fail"), 0, 0)
        ol.addLayout(rb, 0, 1)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("feedback_notes")
        self.notes.setAccessibleName("Notes")
        self.notes.setPlaceholderText("Anything worth knowing: defects, smell, what you would change…")
        self.notes.setToolTip("Free notes about the batch and the product")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(QFontMetrics(self.font()).height() * 4 + 14)
        notes_label = QLabel("Notes")
        notes_label.setBuddy(self.notes)
        ol.addWidget(notes_label, 1, 0, Qt.AlignmentFlag.AlignTop)
        ol.addWidget(self.notes, 1, 1)
        self.who = QComboBox()
        self.who.setObjectName("feedback_who")
        self.who.setEditable(True)
        self.who.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.who.setAccessibleName("Who reports")
        self.who.setToolTip("Your name or call sign (remembered for next time)")
        self.who.lineEdit().setPlaceholderText("your name")
        self.who.lineEdit().setMaxLength(200)
        who_label = QLabel("Who")
        who_label.setBuddy(self.who)
        ol.addWidget(who_label, 2, 0)
        ol.addWidget(self.who, 2, 1)
        ol.setColumnStretch(1, 1)
        lay.addLayout(ol)

        self.save_button = QPushButton("Save feedback  (Ctrl+S)")
        self.save_button.setObjectName("primaryButton")
        self.save_button.setToolTip(self.save_action.toolTip())
        self.save_button.clicked.connect(self.save)
        self.clear_button = QPushButton("Clear the form")
        self.clear_button.setToolTip("Empty every field (the recipe and your name stay)")
        self.clear_button.clicked.connect(self.clear_form)
        sb = QHBoxLayout()
        sb.addWidget(self.save_button)
        sb.addWidget(self.clear_button)
        sb.addStretch(1)
        lay.addLayout(sb)
        self.form_hint = QLabel("")
        self.form_hint.setObjectName("hint")
        self.form_hint.setWordWrap(True)
        lay.addWidget(self.form_hint)
        self.save_status = QLabel("")
        self.save_status.setObjectName("saveStatus")
        self.save_status.setWordWrap(True)
        self.save_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_status.setAccessibleName("Save status")
        lay.addWidget(self.save_status)

        self.pending_frame = QFrame()
        self.pending_frame.setObjectName("pendingBanner")
        self.pending_frame.setStyleSheet(
            "QFrame#pendingBanner { background: #fef2f2; border: 1px solid #fca5a5; border-radius: 4px; }"
        )
        pl = QHBoxLayout(self.pending_frame)
        self.pending_label = QLabel("")
        self.pending_label.setObjectName("pendingText")
        self.pending_label.setWordWrap(True)
        self.pending_label.setAccessibleName("Unsaved feedback")
        self.retry_button = QPushButton("Retry")
        self.retry_button.setObjectName("retryButton")
        self.retry_button.setToolTip("Try again to save the reports kept in memory (each is recorded once)")
        self.retry_button.clicked.connect(self.retry)
        pl.addWidget(self.pending_label, 1)
        pl.addWidget(self.retry_button)
        self.pending_frame.setVisible(False)  # shown above both columns (see __init__), never scrolled away
        lay.addStretch(1)

        scroll = QScrollArea()
        scroll.setObjectName("feedbackFormScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        scroll.setMinimumWidth(520)
        return scroll

    def _build_past(self) -> QWidget:
        self.list_model = FeedbackListModel(self)
        self.field_combo = QComboBox()
        self.field_combo.setAccessibleName("Filter by")
        self.field_combo.setToolTip("Which part of a report the filter looks at")
        for key, title in FILTER_FIELDS:
            self.field_combo.addItem(title, key)
        self.field_combo.currentIndexChanged.connect(self._apply_filter)
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("feedbackFilter")
        self.filter_edit.setPlaceholderText("Filter by recipe, who or model version")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName("Filter past feedback")
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.reload_button = QPushButton("Reload")
        self.reload_button.setToolTip("Read the saved feedback again (e.g. after an import from the command line)")
        self.reload_button.clicked.connect(self.refresh)
        self.again_button = QPushButton("Report on this recipe again…")
        self.again_button.setToolTip(
            "Fill the form with the recipe, target and prediction of the selected report "
            "(e.g. a second batch of the same recipe)"
        )
        self.again_button.clicked.connect(self.report_again)
        self.again_button.setEnabled(False)
        fl = QHBoxLayout()
        fl.addWidget(QLabel("Filter"))
        fl.addWidget(self.field_combo)
        fl.addWidget(self.filter_edit, 1)
        fl.addWidget(self.reload_button)
        fl.addWidget(self.again_button)

        self.table = QTableView()
        self.table.setObjectName("feedbackTable")
        self.table.setAccessibleName("Past feedback")
        self.table.setModel(self.list_model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        setup_table(self.table, FEEDBACK_COLUMN_WIDTHS, font=self.font())
        self.table.selectionModel().currentRowChanged.connect(self._row_selected)
        self.table.doubleClicked.connect(lambda _i: self.report_again())
        self.count_label = QLabel("")
        self.count_label.setObjectName("hint")
        legend = QLabel(
            "Each property shows <b>actual vs predicted</b>: <span style='color:#166534'>green</span> "
            "inside the predicted 95% interval, <span style='color:#b91c1c'>red</span> outside it."
        )
        legend.setObjectName("hint")
        legend.setWordWrap(True)

        self.pva_model = PvaModel(self)
        self.pva_table = QTableView()
        self.pva_table.setObjectName("pvaTable")
        self.pva_table.setAccessibleName("Predicted vs actual for the selected report")
        self.pva_table.setModel(self.pva_model)
        self.pva_table.verticalHeader().setVisible(False)
        self.pva_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.pva_table.setAlternatingRowColors(True)
        self.pva_table.setWordWrap(False)
        ph = self.pva_table.horizontalHeader()
        ph.setStretchLastSection(True)
        for col, width in enumerate((160, 90, 110, 80, 100, 70)):
            self.pva_table.setColumnWidth(col, width)
        self.pva_title = QLabel("Select a report to compare what was predicted with what the crew found.")
        self.pva_title.setObjectName("hint")
        self.pva_title.setWordWrap(True)

        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(section_title("Past feedback"))
        tl.addLayout(fl)
        tl.addWidget(legend)
        tl.addWidget(self.table, 1)
        tl.addWidget(self.count_label)
        bottom = QWidget()
        bl = QVBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(section_title("Predicted vs actual"))
        bl.addWidget(self.pva_title)
        bl.addWidget(self.pva_table, 1)
        self.list_splitter = splitter(
            Qt.Orientation.Vertical, "feedbackListSplit", (top, bottom), (3, 2), (420, 360), collapsible=False
        )
        return self.list_splitter

    # ------------------------------------------------------------------ the recipe
    def report_on(self, cand, run=None) -> None:
        """Pin a generated recipe (the detail pane's "Report how it turned out…") and show the panel."""
        if cand is None:
            return
        target = getattr(run, "target", None)
        model = None
        view = self.ctx.results.view
        if view.result is not None and (run is None or view.run is run):
            model = view.result.model
        elif run is not None and getattr(run, "scorer", None) is not None:
            model = getattr(run.scorer, "info", None)
        self.set_recipe(MadeRecipe.from_candidate(cand, target, model if model is not None else self.ctx.model_info))
        self.ctx.show_tab.emit("feedback")
        self.fields["rigidity"].edit.setFocus()

    def use_selected(self) -> None:
        view = self.ctx.results.view
        cand = view.candidate(self.ctx.selection.current)
        if cand is None:
            self.ctx.say("Select a recipe in the Candidates tab first.", 6000)
            return
        self.report_on(cand, view.run)

    def report_again(self) -> None:
        rid = self.list_model.row_id(self.table.currentIndex().row()) if self.table.currentIndex().isValid() else None
        rec = self.list_model.view.record(rid) if rid else None
        if rec is None:
            return
        self.set_recipe(MadeRecipe.from_feedback_row(rec))
        self.fields["rigidity"].edit.setFocus()

    def set_recipe(self, made: MadeRecipe | None) -> None:
        self.made = made
        if made is None:
            self.recipe_label.setText(
                "<span style='color:#4b5563'>No recipe chosen. Select the recipe the crew made in the Candidates "
                "tab and press <b>Report how it turned out…</b> in its detail pane, or pick a past report below "
                "and press <b>Report on this recipe again…</b>.</span>"
            )
            for lab in self.predicted_labels.values():
                lab.setText("–")
        else:
            src = " (from a past report)" if made.source == "feedback" else ""
            self.recipe_label.setText(
                f"<b>{html.escape(made.process_name)}</b> · batch of {html.escape(made.batch_text())}{src}<br>"
                f"{html.escape(made.items_text())}<br>"
                f"<span style='color:#4b5563'>Recipe {html.escape(made.recipe_id)} · target "
                f"{html.escape(made.target_name)} · predicted by {html.escape(made.model_label)}</span>"
            )
            for key, lab in self.predicted_labels.items():
                lab.setText(made.predicted_text(key))
        self._update_use_selected()
        self._update_save()
        self.recipe_changed.emit(made)

    def _update_use_selected(self, *_) -> None:
        cur = self.ctx.selection.current
        self.use_selected_button.setEnabled(
            bool(cur) and (self.made is None or self.made.recipe_id != cur or self.made.source != "results")
        )

    # ------------------------------------------------------------------ the report
    def report(self) -> dict[str, Any]:
        """The crew's report as services.feedback REPORT_FIELDS (only what was given)."""
        out: dict[str, Any] = {}
        for key, f in self.fields.items():
            v = f.value()
            if v is not None:
                out[key] = v
        for key, combo in self.methods.items():
            if key in out and combo.currentData():
                out[f"{key}_method"] = combo.currentData()
            how = self.hows[key].text().strip()
            if key in out and how:
                out[f"{key}_how"] = how
        if self.outcome_buttons["passed"].isChecked():
            out["passed"] = True
        elif self.outcome_buttons["failed"].isChecked():
            out["passed"] = False
        notes = self.notes.toPlainText().strip()
        if notes:
            out["notes"] = notes
        who = self.who.currentText().strip()
        if who:
            out["who"] = who
        return out

    def problems(self) -> list[str]:
        """Why Save is not possible now (empty: it is)."""
        return [text for _at_field, text in self._problems()]

    def _problems(self) -> list[tuple[bool, str]]:
        """(shown at a field?, why) for everything that stops Save."""
        out: list[tuple[bool, str]] = []
        if self.made is None:
            out.append((False, "Choose the recipe the crew made first."))
        for key, f in self.fields.items():
            if f.reason:
                out.append((True, f"{PROP_TITLES[key]}: {f.reason}"))
        for key, combo in self.methods.items():
            has_value = self.fields[key].value() is not None
            reason = ""
            if has_value and not combo.currentData():
                reason = f"Say whether {PROP_TITLES[key].lower()} was measured or judged."
            elif not has_value and combo.currentData() and not self.fields[key].reason:
                reason = f"Enter the {PROP_TITLES[key].lower()} that was {combo.currentData()}, or set 'choose…'."
            err = self.method_errors[key]
            err.setText(reason)
            err.setVisible(bool(reason))
            mark_invalid(combo, bool(reason))
            if reason:
                out.append((True, reason))
        if not any(f.value() is not None for f in self.fields.values()) and self.outcome_buttons["unknown"].isChecked():
            out.append((False, "Enter at least one result (a value, or passed / failed)."))
        return out

    def _changed(self, *_):
        self._update_save()

    def _update_save(self) -> None:
        found = self._problems()
        problems = [text for _f, text in found]
        ok = not problems and self._save_task is None
        self.save_button.setEnabled(ok)
        self.save_action.setEnabled(ok)
        self.save_button.setToolTip(
            self.save_action.toolTip() if not problems else "Cannot save yet: " + " ".join(problems)
        )
        general = [text for at_field, text in found if not at_field]  # the others are shown at their field
        self.form_hint.setText(general[0] if general and self.made is not None else "")

    def clear_form(self) -> None:
        for f in self.fields.values():
            f.edit.clear()
        for key in self.methods:
            self.methods[key].setCurrentIndex(0)
            self.hows[key].clear()
        self.notes.clear()
        self.outcome_buttons["unknown"].setChecked(True)
        self._update_save()

    # ------------------------------------------------------------------ saving
    def save(self) -> Task | None:
        if self._save_task is not None or self.problems() or self.made is None:
            self._update_save()
            return None
        from spacetrash_desktop.storage.feedback_schema import new_row_id, normalize_row, utc_now_iso

        report = self.report()
        made = self.made
        key = json.dumps([made.recipe_id, made.source, made.model, report], sort_keys=True, default=str)
        rid = self._row_key.get(key)
        row = self.unsaved.get(rid) if rid else None
        if row is None:  # a new report; the same report saved again after a refusal keeps its id
            try:
                row = made.to_row(report, row_id=new_row_id(), recorded_at=utc_now_iso())
                normalize_row(row, origin="check")  # the schema's own checks, before any disk work
            except BadInputError as exc:
                self._set_status(f"<span style='color:#b91c1c'>{html.escape(exc.message)}</span>", "problem")
                return None
        self._row_key[key] = row["row_id"]
        self._remember_who(report.get("who", ""))
        self._set_status("Saving…", "saving")

        def work(_c):
            from spacetrash_desktop.services.feedback import record_feedback

            return record_feedback(row)

        self._save_task = self.ctx.runner.submit(
            work,
            pool="io",
            label="saving the feedback",
            on_done=self._saved,
            on_error=lambda f: self._save_failed(row, f),
            on_cancelled=self._save_cancelled,
        )
        self._update_save()
        return self._save_task

    def _set_status(self, text: str, kind: str) -> None:
        self.save_status.setText(text)
        self.save_status.setProperty("kind", kind)

    def _saved(self, row_id: str) -> None:
        self._save_task = None
        self._forget(row_id)
        self.last_saved = row_id
        self.clear_form()
        self._set_status(
            f"<span style='color:#166534'>✓ Saved as row <b>{html.escape(row_id)}</b>.</span> It is on disk now.",
            "saved",
        )
        self._update_pending()
        self.ctx.say(f"Feedback saved (row {row_id})", 8000)
        self.refresh()
        self.saved.emit(row_id)

    def _save_failed(self, row: dict, failure: TaskFailure) -> None:
        self._save_task = None
        if failure.code == ErrorCode.STORAGE_ERROR:  # keep it in memory, to retry
            self.unsaved[row["row_id"]] = row
            self._storage_failure = failure
            self._set_status(
                "<span style='color:#b91c1c'>Not saved yet: the disk refused the write (see below).</span>", "failed"
            )
        else:  # not a disk problem: retrying would not help; the form keeps the values to fix
            self._forget(row["row_id"])
            self._set_status(f"<span style='color:#b91c1c'>Not saved: {html.escape(failure.message)}</span>", "failed")
        self._update_pending()
        self._update_save()
        self.ctx.report(failure)
        self.save_failed.emit(failure)

    def _save_cancelled(self) -> None:
        self._save_task = None
        self._update_save()

    def _forget(self, row_id: str) -> None:
        self.unsaved.pop(row_id, None)
        for k in [k for k, v in self._row_key.items() if v == row_id]:
            del self._row_key[k]

    def _update_pending(self) -> None:
        n = len(self.unsaved)
        if not n:
            self.pending_frame.setVisible(False)
            return
        reason = self._storage_failure.message if self._storage_failure is not None else "The disk refused the write."
        self.pending_label.setText(
            f"<b>{n} report{'s are' if n != 1 else ' is'} not saved yet.</b> {html.escape(reason)} "
            f"{'They are' if n != 1 else 'It is'} kept in memory and nothing saved earlier was touched. Free some "
            "disk space or check the data folder, then press <b>Retry</b>."
        )
        self.pending_frame.setVisible(True)
        self.retry_button.setEnabled(self._retry_task is None)

    def unsaved_count(self) -> int:
        return len(self.unsaved)

    def retry(self) -> Task | None:
        if self._retry_task is not None or self._save_task is not None or not self.unsaved:
            return None
        rows = list(self.unsaved.values())

        def work(_c):
            from spacetrash_desktop.services.feedback import record_feedback, retry_pending_feedback

            done = list(retry_pending_feedback())  # the rows the journal kept (same ids: recorded once)
            for row in rows:
                if row["row_id"] not in done:
                    done.append(record_feedback(row))
            return done

        self.retry_button.setEnabled(False)
        self.pending_label.setText("Trying again…")
        self._retry_task = self.ctx.runner.submit(
            work,
            pool="io",
            label="saving the kept feedback",
            on_done=self._retried,
            on_error=self._retry_failed,
            on_cancelled=self._retry_cancelled,
        )
        return self._retry_task

    def _retried(self, ids: list[str]) -> None:
        self._retry_task = None
        for rid in ids:
            self._forget(rid)
        self.last_saved = ids[-1] if ids else self.last_saved
        self._set_status(
            f"<span style='color:#166534'>✓ Saved {len(ids)} kept report"
            f"{'s' if len(ids) != 1 else ''}: {html.escape(', '.join(ids))}.</span>",
            "saved",
        )
        self.ctx.say(f"{len(ids)} kept feedback report(s) saved", 8000)
        self._update_pending()
        self.refresh()
        for rid in ids:
            self.saved.emit(rid)

    def _retry_failed(self, failure: TaskFailure) -> None:
        self._retry_task = None
        if failure.code == ErrorCode.STORAGE_ERROR:
            self._storage_failure = failure
        self._update_pending()
        self.ctx.report(failure)
        self.save_failed.emit(failure)

    def _retry_cancelled(self) -> None:
        self._retry_task = None
        self._update_pending()

    def _remember_who(self, who: str) -> None:
        who = who.strip()
        if not who:
            return
        names = [who] + [self.who.itemText(i) for i in range(self.who.count()) if self.who.itemText(i) != who]
        self.who.blockSignals(True)
        self.who.clear()
        self.who.addItems(names[:WHO_HISTORY])
        self.who.setCurrentIndex(0)
        self.who.blockSignals(False)

    # ------------------------------------------------------------------ past feedback
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded_once:
            self.refresh()
        if (
            self.made is None
            and self.ctx.selection.current
            and self.ctx.results.view.candidate(self.ctx.selection.current) is not None
        ):
            self.use_selected()

    def refresh(self) -> Task:
        self._loaded_once = True
        self.count_label.setText("Reading the saved feedback…")
        self._list_task = self.ctx.runner.submit(
            load_feedback_list,
            slot="feedback-list",
            pool="io",
            label="reading the saved feedback",
            on_done=self._list_done,
            on_error=self._list_failed,
        )
        return self._list_task

    def _list_done(self, view: FeedbackListView) -> None:
        self._list_task = None
        current = (
            self.list_model.row_id(self.table.currentIndex().row()) if self.table.currentIndex().isValid() else None
        )
        self.list_model.set_view(view)
        self._apply_filter()
        if current is not None and current in view.ids:
            self._select_row_id(current)
        elif self.last_saved in view.ids:
            self._select_row_id(self.last_saved)
        else:
            self._row_selected()
        self.list_loaded.emit(view)

    def _list_failed(self, failure: TaskFailure) -> None:
        self._list_task = None
        self.count_label.setText(
            f"<span style='color:#b91c1c'>The saved feedback could not be read: {html.escape(failure.message)}</span>"
        )
        self.ctx.report(failure)

    def _select_row_id(self, row_id: str) -> None:
        src = self.list_model.view.ids.index(row_id)
        vr = self.list_model.view_row(src)
        if vr >= 0:
            self.table.selectRow(vr)
            self.table.scrollTo(self.list_model.index(vr, 0))
        self._row_selected()

    def _apply_filter(self, *_):
        self.list_model.set_field(self.field_combo.currentData() or "all")
        self.list_model.set_filter(self.filter_edit.text())
        total, shown = self.list_model.source_count, self.list_model.rowCount()
        if total == 0:
            self.count_label.setText("No feedback recorded yet.")
        elif shown == total:
            self.count_label.setText(f"{total} report{'s' if total != 1 else ''}.")
        else:
            self.count_label.setText(f"{shown} of {total} reports match the filter.")
        self._row_selected()

    def _row_selected(self, *_):
        idx = self.table.currentIndex()
        rid = self.list_model.row_id(idx.row()) if idx.isValid() else None
        rec = self.list_model.view.record(rid) if rid else None
        self.again_button.setEnabled(rec is not None)
        if rec is None:
            self.pva_model.set_rows([])
            self.pva_title.setText("Select a report to compare what was predicted with what the crew found.")
            return
        lines = self.list_model.view.lines.get(rid, [])
        self.pva_model.set_rows(pva_rows(rec, lines))
        who = rec.get("who") or "someone"
        passed = rec.get("passed")
        outcome = "passed" if passed is True else "failed" if passed is False else "outcome not said"
        notes = rec.get("notes")
        model = f"{rec.get('model_name') or 'physics'} {rec.get('model_version') or ''}".strip()
        self.pva_title.setText(
            f"Recipe <b>{html.escape(str(rec.get('recipe_id')))}</b>, reported by {html.escape(str(who))} "
            f"({outcome}); predicted by {html.escape(model)}. Row {html.escape(rid)}."
            + (f"<br>Notes: {html.escape(str(notes))}" if notes else "")
            + ("" if lines else "<br>No property was reported.")
        )

    # ------------------------------------------------------------------ export / import
    def choose_export_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, "Export feedback for trainers: choose a folder", str(Path.home())
        )
        if folder:
            self.export_to(folder)

    def export_to(self, folder: str) -> Task:
        def work(_c):
            from spacetrash_desktop.services.feedback import export_feedback

            return export_feedback(folder)

        self.ctx.say("Exporting the feedback…", 0)
        return self.ctx.runner.submit(work, pool="io", label="the feedback export", on_done=self._exported)

    def _exported(self, result) -> None:
        self.ctx.say(f"Exported {result.rows} feedback report(s) to {result.path}", 10000)
        self._message(
            "Feedback exported",
            f"<b>{result.rows} report{'s' if result.rows != 1 else ''} exported</b> to<br>"
            f"{html.escape(str(result.path))}<br><br>The folder's manifest.json lists the file with its "
            "row count and checksum, so a trainer's import can check it is complete and unchanged.",
        )
        self.exported.emit(result)

    def choose_import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Import feedback files", str(Path.home()), "Feedback exports (*.parquet manifest.json);;All files (*)"
        )
        if paths:
            self.import_files(paths)

    def import_files(self, paths: list[str]) -> Task:
        paths = list(paths)

        def work(_c):
            from spacetrash_desktop.services.feedback import import_feedback

            return import_feedback(paths)

        self.ctx.say("Importing feedback…", 0)
        return self.ctx.runner.submit(work, pool="io", label="the feedback import", on_done=self._imported)

    def _imported(self, summary) -> None:
        self.ctx.say(
            f"Feedback import: {summary.added} added, {summary.duplicates} already here, "
            f"{summary.refused} file(s) refused",
            10000,
        )
        dlg = ImportSummaryDialog(summary, self.window())
        self.import_dialog = dlg
        dlg.open()
        self.refresh()
        self.imported.emit(summary)

    def _message(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, self.window())
        box.setObjectName("feedbackMessage")
        box.setTextFormat(Qt.TextFormat.RichText)
        self.message_box = box
        box.open()

    # ------------------------------------------------------------------ window hooks
    def _layout(self) -> dict:
        return {
            "feedback/splitter": self.splitter,
            "feedback/list_splitter": self.list_splitter,
            "feedback/header": self.table.horizontalHeader(),
        }

    def save_state(self, settings) -> None:
        names = [self.who.itemText(i) for i in range(self.who.count())]
        current = self.who.currentText().strip()
        if current and current not in names:
            names.insert(0, current)
        settings.setValue("feedback/who", current)
        settings.setValue("feedback/who_history", json.dumps(names[:WHO_HISTORY]))
        save_layout(settings, self._layout())

    def restore_state(self, settings) -> None:
        try:
            names = json.loads(str(settings.value("feedback/who_history", "[]") or "[]"))
        except ValueError:
            names = []
        names = [str(n) for n in names if isinstance(n, str) and n.strip()][:WHO_HISTORY]
        self.who.clear()
        self.who.addItems(names)
        self.who.setCurrentText(str(settings.value("feedback/who", "") or ""))
        restore_layout(settings, self._layout())

    def close_warning(self) -> str:
        """Why closing now would lose something (empty: nothing would be lost)."""
        n = len(self.unsaved)
        if not n:
            return ""
        return (
            f"{n} feedback report{'s' if n != 1 else ''} could not be saved (the disk refused the write) and "
            f"{'are' if n != 1 else 'is'} only in memory."
        )
