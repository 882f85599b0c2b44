"""Model panel: which model scores the recipes and how good it is, the installed bundles, installing a
bundle from a file or folder (verified by the registry on a worker; a refused bundle is explained
and changes nothing), rolling back, and retraining from crew feedback (on its own worker, with
progress and Cancel) with the champion/challenger verdict, the run history and each run's drift
report.

After an install, a rollback or a promotion the registry's caches are cleared and the new active
model is loaded on the compute worker; the status bar follows through ``AppContext.set_model_info``.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from spacetrash_desktop.domain import ModelInfo
from spacetrash_desktop.ui.context import AppContext
from spacetrash_desktop.ui.model_views import (
    DRIFT_COLUMNS,
    FLAG_COLORS,
    METRIC_COLUMNS,
    RETRAIN_UNAVAILABLE,
    RUN_COLUMNS,
    RUN_METRIC_COLUMNS,
    ModelDetails,
    corrected_by_feedback,
    corrected_note,
    drift_rows,
    fmt_num,
    fmt_pct,
    gather_model_details,
    load_run_record,
    metric_rows,
    retrain_available,
    run_checks,
    run_metric_rows,
    run_row,
    short_time,
    summary_from_manifest,
    verdict_html,
)
from spacetrash_desktop.ui.qtmodels import LEFT, RIGHT, SortFilterTableModel
from spacetrash_desktop.ui.tasks import Task, TaskFailure
from spacetrash_desktop.ui.widgets import (
    progress_bar,
    progress_busy,
    progress_end,
    progress_step,
    restore_layout,
    save_layout,
    section_title,
    setup_table,
    splitter,
)

log = logging.getLogger(__name__)

STATUS_COLORS = {"ready": "#16a34a", "bootstrapping": "#d97706", "physics fallback": "#6b7280", "checking": "#9ca3af"}


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


def _table(
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


class RetrainDialog(QDialog):
    """Which feedback to retrain from: the journal on this laptop and/or exported files."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("retrainDialog")
        self.setWindowTitle("Retrain from feedback")
        lay = QVBoxLayout(self)
        intro = QLabel(
            "A new model (the <b>challenger</b>) is trained from the simulated trials plus the crew's "
            "feedback, and compared with the active model (the <b>champion</b>) on held-out data. It "
            "becomes active only if it is no worse. Every run is recorded, with a drift check of the "
            "feedback against the training data."
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.use_journal = QCheckBox("Feedback recorded on this laptop")
        self.use_journal.setChecked(True)
        self.use_journal.setToolTip("Every report saved in the Feedback panel of this laptop")
        lay.addWidget(self.use_journal)
        lay.addWidget(QLabel("Feedback exported on other laptops (trainer export files):"))
        self.files = QListWidget()
        self.files.setObjectName("retrainFiles")
        self.files.setAccessibleName("Exported feedback files")
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.files.setMinimumHeight(90)
        lay.addWidget(self.files, 1)
        fb = QHBoxLayout()
        self.add_files_button = QPushButton("Add files…")
        self.add_files_button.setToolTip("Add exported .parquet files (or their manifest.json)")
        self.add_files_button.clicked.connect(self.choose_files)
        self.add_folder_button = QPushButton("Add a folder…")
        self.add_folder_button.setToolTip("Add a whole export folder (every file its manifest.json lists)")
        self.add_folder_button.clicked.connect(self.choose_folder)
        self.remove_button = QPushButton("Remove")
        self.remove_button.setToolTip("Take the selected files off the list")
        self.remove_button.clicked.connect(self.remove_selected)
        fb.addWidget(self.add_files_button)
        fb.addWidget(self.add_folder_button)
        fb.addWidget(self.remove_button)
        fb.addStretch(1)
        lay.addLayout(fb)
        self.promote = QCheckBox("Make the new model active if it is no worse than the current one")
        self.promote.setChecked(True)
        self.promote.setToolTip("Untick to train and compare only (the run is recorded; nothing changes)")
        lay.addWidget(self.promote)
        self.reason = QLabel("")
        self.reason.setObjectName("fieldError")
        lay.addWidget(self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Retrain")
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.use_journal.toggled.connect(self._check)
        self._check()
        self.resize(620, 420)

    def paths(self) -> list[str]:
        return [self.files.item(i).text() for i in range(self.files.count())]

    def add_paths(self, paths: Sequence[str]) -> None:
        have = set(self.paths())
        for p in paths:
            if p and p not in have:
                self.files.addItem(p)
                have.add(p)
        self._check()

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            "Exported feedback files",
            str(Path.home()),
            "Feedback exports (*.parquet manifest.json);;All files (*)",
        )
        self.add_paths(paths)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "A feedback export folder", str(Path.home()))
        if folder:
            self.add_paths([folder])

    def remove_selected(self) -> None:
        for item in self.files.selectedItems():
            self.files.takeItem(self.files.row(item))
        self._check()

    def _check(self, *_) -> bool:
        ok = self.use_journal.isChecked() or self.files.count() > 0
        self.ok_button.setEnabled(ok)
        self.reason.setText("" if ok else "Choose the feedback to learn from: this laptop's and/or exported files.")
        return ok

    def _accept(self) -> None:
        if self._check():
            self.accept()


class ModelPanel(QWidget):
    details_loaded = Signal(object)  # ModelDetails
    action_finished = Signal(str, str)  # action (install | rollback), outcome (done | failed)
    retrain_finished = Signal(str, object)  # outcome (done | failed | cancelled), RetrainRun dict | TaskFailure
    run_loaded = Signal(object)  # the selected run's record (dict)

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, retrain_config: Callable[[], Any] | None = None
    ):
        super().__init__(parent)
        self.setObjectName("modelPanel")
        self.ctx = ctx
        self.retrain_config_factory = retrain_config  # e.g. TrainConfig.small for tests and demos
        self.details = ModelDetails(ml=False)
        self.last_run: dict | None = None
        self.selected_run: dict | None = None
        self.retrain_task: Task | None = None
        self._action_task: Task | None = None
        self._loaded_once = False
        self.retrain_dialog: RetrainDialog | None = None

        left = self._build_left()
        right = self._build_right()
        self.splitter = splitter(
            Qt.Orientation.Horizontal, "modelSplit", (left, right), (1, 1), (660, 760), collapsible=False
        )
        lay = QVBoxLayout(self)
        lay.addWidget(self.splitter)
        ctx.model_info_changed.connect(self._model_info_changed)
        self._model_info_changed(ctx.model_info)
        self._update_retrain_controls()

    # ------------------------------------------------------------------ building
    def _build_left(self) -> QWidget:
        inner = QWidget()
        lay = QVBoxLayout(inner)
        lay.setContentsMargins(0, 0, 8, 0)
        lay.addWidget(section_title("Active model"))
        self.status_label = QLabel()
        self.status_label.setObjectName("activeModelStatus")
        self.status_label.setAccessibleName("Active model status")
        f = self.status_label.font()
        f.setPointSizeF(f.pointSizeF() * 1.15)
        self.status_label.setFont(f)
        self.reason_label = QLabel()
        self.reason_label.setObjectName("activeModelReason")
        self.reason_label.setWordWrap(True)
        self.reason_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.status_label)
        lay.addWidget(self.reason_label)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.trained_on_label = QLabel("–")
        self.trained_on_label.setObjectName("trainedOn")
        self.trained_on_label.setWordWrap(True)
        self.trained_on_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.trained_at_label = QLabel("–")
        self.trained_at_label.setObjectName("trainedAt")
        self.test_rows_label = QLabel("–")
        self.ood_label = QLabel("–")
        self.ood_label.setObjectName("oodRate")
        self.ood_label.setToolTip(
            "Share of the held-out test recipes the model flags as far from its training data "
            "(their intervals deserve care)"
        )
        self.sha_label = QLabel("–")
        self.sha_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sha_label.setToolTip("The first characters of the manifest's sha256: which exact bundle this is")
        form.addRow("Trained on", self.trained_on_label)
        form.addRow("Trained at", self.trained_at_label)
        form.addRow("Held-out test recipes", self.test_rows_label)
        form.addRow("Out-of-distribution rate", self.ood_label)
        form.addRow("Bundle fingerprint", self.sha_label)
        lay.addLayout(form)

        lay.addWidget(section_title("Held-out accuracy against the physics model"))
        self.metrics_model = TextTableModel(
            [
                (c, t)
                for c, t in zip(
                    METRIC_COLUMNS,
                    (
                        "The predicted property and its unit",
                        "Mean absolute error of the physics model alone on the held-out test split",
                        "Mean absolute error of the model on the same split",
                        "Model error / physics error: below 1 = the model is better than physics",
                        "Interval coverage: the share of held-out outcomes inside the model's 95% interval (0.95 is right)",
                        "Mean width of the 95% interval, in the property's unit",
                    ),
                )
            ],
            self,
            numeric=(1, 2, 3, 4, 5),
        )
        self.metrics_table = _table(
            "metricsTable", "Held-out metrics", self.metrics_model, (160, 100, 100, 76, 90, 80), sortable=False
        )
        rows_h = QFontMetrics(self.font()).height() + 10
        self.metrics_table.setMinimumHeight(rows_h * 6 + 34)
        self.metrics_table.setMaximumHeight(rows_h * 6 + 34)
        lay.addWidget(self.metrics_table)
        self.metrics_note = QLabel("")
        self.metrics_note.setObjectName("hint")
        self.metrics_note.setWordWrap(True)
        lay.addWidget(self.metrics_note)

        lay.addWidget(section_title("Installed models"))
        self.bundles_model = TextTableModel(
            [
                ("Name", ""),
                ("Version", ""),
                ("Trained at", "When it was trained"),
                (
                    "State",
                    "active: scores the recipes now; previous: Roll back returns "
                    "to it; candidate: retrained but not promoted",
                ),
            ],
            self,
        )
        self.bundles_table = _table("bundlesTable", "Installed models", self.bundles_model, (170, 236, 130, 90))
        self.bundles_table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.bundles_table.setMinimumHeight(rows_h * 3 + 30)
        self.bundles_table.setMaximumHeight(rows_h * 4 + 30)
        lay.addWidget(self.bundles_table)
        ab = QHBoxLayout()
        self.install_file_button = QPushButton("Install from a file…")
        self.install_file_button.setToolTip(
            "Install a model bundle (.zip): every file is verified against its "
            "manifest first; a bundle that fails is refused and nothing changes"
        )
        self.install_file_button.clicked.connect(self.choose_bundle_file)
        self.install_folder_button = QPushButton("Install from a folder…")
        self.install_folder_button.setToolTip("Install a model bundle folder (with its manifest.json), verified first")
        self.install_folder_button.clicked.connect(self.choose_bundle_folder)
        self.rollback_button = QPushButton("Roll back")
        self.rollback_button.setToolTip("Make the previously active model active again")
        self.rollback_button.clicked.connect(self.rollback)
        ab.addWidget(self.install_file_button)
        ab.addWidget(self.install_folder_button)
        ab.addWidget(self.rollback_button)
        ab.addStretch(1)
        lay.addLayout(ab)
        self.action_status = QLabel("")
        self.action_status.setObjectName("modelActionStatus")
        self.action_status.setWordWrap(True)
        self.action_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.action_status)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        scroll.setMinimumWidth(560)
        return scroll

    def _build_right(self) -> QWidget:
        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(section_title("Retrain from feedback"))
        self.retrain_intro = QLabel()
        self.retrain_intro.setWordWrap(True)
        self.retrain_intro.setObjectName("hint")
        tl.addWidget(self.retrain_intro)
        rb = QHBoxLayout()
        self.retrain_button = QPushButton("Retrain from feedback…")
        self.retrain_button.setObjectName("primaryButton")
        self.retrain_button.clicked.connect(self.choose_retrain)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setToolTip("Stop the retraining; nothing changes")
        self.cancel_button.clicked.connect(self.cancel_retrain)
        self.cancel_button.setEnabled(False)
        self.progress = progress_bar("retrainProgress", "Retraining progress")
        rb.addWidget(self.retrain_button)
        rb.addWidget(self.cancel_button)
        rb.addWidget(self.progress, 1)
        tl.addLayout(rb)
        self.progress_label = QLabel("")
        self.progress_label.setObjectName("hint")
        tl.addWidget(self.progress_label)
        self.verdict_label = QLabel("")
        self.verdict_label.setObjectName("verdict")
        self.verdict_label.setAccessibleName("Verdict of the last retraining")
        self.verdict_label.setWordWrap(True)
        self.verdict_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdict_label.setTextFormat(Qt.TextFormat.RichText)
        tl.addWidget(self.verdict_label)

        tl.addWidget(section_title("Run history"))
        self.runs_model = TextTableModel([(t, tip) for _k, t, tip in RUN_COLUMNS], self, numeric=(4,))
        self.runs_table = _table("runsTable", "Retraining runs", self.runs_model, (126, 76, 92, 214, 96))
        self.runs_table.selectionModel().currentRowChanged.connect(self._run_selected)
        tl.addWidget(self.runs_table, 1)
        self.runs_note = QLabel("")
        self.runs_note.setObjectName("hint")
        self.runs_note.setWordWrap(True)
        tl.addWidget(self.runs_note)

        bottom = QWidget()
        bl = QVBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        self.run_title = QLabel("Select a run to see its drift report and metrics.")
        self.run_title.setObjectName("sectionTitle")
        bl.addWidget(self.run_title)
        self.run_tabs = QTabWidget()
        self.run_tabs.setObjectName("runTabs")
        drift = QWidget()
        dl = QVBoxLayout(drift)
        self.drift_summary = QLabel("")
        self.drift_summary.setObjectName("driftSummary")
        self.drift_summary.setWordWrap(True)
        dl.addWidget(self.drift_summary)
        self.drift_model = TextTableModel(
            [(t, tip) for _k, t, tip in DRIFT_COLUMNS], self, numeric=(1, 2, 3, 5, 6), color_columns=(4,)
        )
        self.drift_table = _table("driftTable", "Drift report", self.drift_model, (216, 56, 56, 94, 72, 96, 90))
        dl.addWidget(self.drift_table, 1)
        self.run_metrics_model = TextTableModel([("Property", "")], self)
        metrics = QWidget()
        ml = QVBoxLayout(metrics)
        self.run_metrics_note = QLabel("Held-out figures of the champion and the challenger in this run.")
        self.run_metrics_note.setObjectName("hint")
        self.run_metrics_note.setWordWrap(True)
        ml.addWidget(self.run_metrics_note)
        self.run_metrics_table = _table(
            "runMetricsTable", "Champion and challenger metrics", self.run_metrics_model, sortable=False
        )
        ml.addWidget(self.run_metrics_table, 1)
        self.run_data_label = QLabel("")
        self.run_data_label.setObjectName("runData")
        self.run_data_label.setWordWrap(True)
        self.run_data_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.run_data_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        data = QScrollArea()
        data.setWidgetResizable(True)
        data.setFrameShape(QFrame.Shape.NoFrame)
        data.setWidget(self.run_data_label)
        self.checks_label = QLabel("")
        self.checks_label.setObjectName("runChecks")
        self.checks_label.setWordWrap(True)
        self.checks_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.checks_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        checks = QScrollArea()
        checks.setWidgetResizable(True)
        checks.setFrameShape(QFrame.Shape.NoFrame)
        checks.setWidget(self.checks_label)
        self.run_tabs.addTab(drift, "Drift")
        self.run_tabs.addTab(metrics, "Metrics")
        self.run_tabs.addTab(checks, "Checks")
        self.run_tabs.addTab(data, "Data")
        for i, tip in enumerate(
            (
                "PSI and KS per model input between the training data and the feedback",
                "The champion and the challenger on held-out data, per property",
                "Every promotion check and whether it passed",
                "The feedback the run read and used",
            )
        ):
            self.run_tabs.setTabToolTip(i, tip)
        bl.addWidget(self.run_tabs, 1)

        self.runs_splitter = splitter(
            Qt.Orientation.Vertical, "modelRunsSplit", (top, bottom), (1, 1), (400, 420), collapsible=False
        )
        return self.runs_splitter

    # ------------------------------------------------------------------ the active model
    def _model_info_changed(self, info: ModelInfo) -> None:
        self._show_info(info)
        named = info.status not in ("physics fallback", "checking") and info.name != "physics"
        if self._loaded_once and named and info.manifest_sha256 and info.manifest_sha256 != self.details.active_sha256:
            self.refresh()  # another model became active: read its manifest and the bundle list

    def _show_info(self, info: ModelInfo) -> None:
        color = STATUS_COLORS.get(info.status, "#6b7280")
        named = info.status not in ("physics fallback", "checking") and info.name != "physics"
        name = f" — <b>{html.escape(info.name)} {html.escape(info.version)}</b>" if named else ""
        self.status_label.setText(f"<span style='color:{color}'>●</span> {html.escape(info.status)}{name}")
        self.status_label.setToolTip(f"Model status: {info.status}")
        self.reason_label.setText(info.reason or "")
        m = dict(info.metrics or {})
        if (
            named
            and not m.get("held_out")
            and self.details.active_sha256 == info.manifest_sha256
            and self.details.manifest
        ):
            m = summary_from_manifest(self.details.manifest)
        rows = metric_rows(m) if named else []
        self.metrics_model.set_rows(rows)
        if not named:
            self.metrics_note.setText(
                "The recipes are scored with the physics model alone; a trained model's "
                "held-out figures appear here once one is active."
            )
        else:
            n_test = m.get("n_test")
            self.metrics_note.setText(
                "On the held-out test split" + (f" ({int(n_test):,} recipes)" if n_test else "") + ". Coverage is "
                "counted on the rows that are not structural zeros."
                + corrected_note(self._corrected(info), self._process_name)
            )
        self.trained_at_label.setText(short_time(m.get("trained_at")) if named else "–")
        self.test_rows_label.setText(f"{int(m['n_test']):,}" if named and m.get("n_test") else "–")
        self.ood_label.setText(fmt_pct(m.get("ood_rate")) if named else "–")
        self.sha_label.setText(info.manifest_sha256[:16] if info.manifest_sha256 else "–")
        self._show_trained_on()

    def _corrected(self, info: ModelInfo) -> dict:
        """What the active model corrects from feedback (read from its manifest once the details are in)."""
        if self.details.manifest and self.details.active_sha256 == info.manifest_sha256:
            return corrected_by_feedback(self.details.manifest.get("metrics"))
        return {}

    def _process_name(self, process_id: str) -> str:
        proc = self.ctx.catalog.processes.get(process_id) if self.ctx.catalog is not None else None
        return proc.name if proc is not None else process_id

    def _show_trained_on(self) -> None:
        info = self.ctx.model_info
        if info.status in ("physics fallback", "checking") or info.name == "physics":
            self.trained_on_label.setText("– (the physics model needs no training data)")
            return
        if self.details.trained_on and self.details.active_sha256 == info.manifest_sha256:
            self.trained_on_label.setText(self.details.trained_on)
            return
        rows = dict(info.metrics or {}).get("trained_on") or {}
        if isinstance(rows, dict) and rows:
            self.trained_on_label.setText(
                ", ".join(f"{int(v):,} rows from {k}" for k, v in rows.items() if isinstance(v, (int, float)))
            )
        else:
            self.trained_on_label.setText("–")

    def refresh(self) -> Task:
        """Read the installed bundles, the active manifest and the run history (on a worker)."""
        self._loaded_once = True
        return self.ctx.runner.submit(
            gather_model_details,
            slot="model-details",
            pool="io",
            label="reading the model folder",
            on_done=self._details_done,
        )

    def _details_done(self, details: ModelDetails) -> None:
        self.details = details
        rows, colors = [], []
        for b in details.bundles:
            state = (
                "damaged"
                if b.get("damaged")
                else "active"
                if b.get("active")
                else "previous"
                if b.get("previous")
                else "candidate"
                if b.get("candidate")
                else ""
            )
            rows.append((str(b.get("name", "?")), str(b.get("version", "?")), short_time(b.get("trained_at")), state))
            colors.append("#166534" if state == "active" else "#b91c1c" if state == "damaged" else None)
        self.bundles_model.set_rows(rows, colors=colors)
        if not details.ml:
            self.action_status.setText(
                "The model layer is not part of this build: recipes are scored with the physics model."
            )
        self._show_info(self.ctx.model_info)
        self._update_actions()
        self._show_runs(details)
        self.details_loaded.emit(details)

    def _update_actions(self) -> None:
        busy = self._action_task is not None or self.retrain_task is not None
        ml = self.details.ml
        for b in (self.install_file_button, self.install_folder_button):
            b.setEnabled(ml and not busy)
        self.rollback_button.setEnabled(ml and not busy and self.details.can_roll_back)
        self.rollback_button.setToolTip(
            "Make the previously active model active again"
            if self.details.can_roll_back
            else "There is no previous model to roll back to"
        )

    # ------------------------------------------------------------------ install / roll back
    def choose_bundle_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Install a model bundle", str(Path.home()), "Model bundles (*.zip manifest.json);;All files (*)"
        )
        if path:
            if Path(path).name == "manifest.json":
                path = str(Path(path).parent)
            self.install_from(path)

    def choose_bundle_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Install a model bundle folder", str(Path.home()))
        if folder:
            self.install_from(folder)

    def install_from(self, path: str) -> Task | None:
        if self._action_task is not None:
            return None
        path = str(path)

        def work(_c):
            from spacetrash_desktop.ml import registry

            info = registry.install_bundle(path)
            registry.clear_cache()
            return info

        self.action_status.setText(f"Verifying and installing {html.escape(Path(path).name)}…")
        self._action_task = self.ctx.runner.submit(
            work,
            slot="model-action",
            pool="io",
            label="installing the model bundle",
            on_done=lambda info: self._action_done("install", info),
            on_error=lambda f: self._action_failed("install", f),
        )
        self._update_actions()
        return self._action_task

    def rollback(self) -> Task | None:
        if self._action_task is not None:
            return None

        def work(_c):
            from spacetrash_desktop.ml import registry

            info = registry.rollback()
            registry.clear_cache()
            return info

        self.action_status.setText("Rolling back…")
        self._action_task = self.ctx.runner.submit(
            work,
            slot="model-action",
            pool="io",
            label="rolling back the model",
            on_done=lambda info: self._action_done("rollback", info),
            on_error=lambda f: self._action_failed("rollback", f),
        )
        self._update_actions()
        return self._action_task

    def _action_done(self, action: str, info: ModelInfo) -> None:
        self._action_task = None
        what = "Installed and active" if action == "install" else "Rolled back; active"
        self.action_status.setText(
            f"<span style='color:#166534'>✓ {what}: <b>{html.escape(info.name)} {html.escape(info.version)}</b>.</span>"
        )
        self.ctx.say(f"{what}: model {info.name} {info.version}", 8000)
        self.load_active_model()
        self.refresh()
        self._update_actions()
        self.action_finished.emit(action, "done")

    def _action_failed(self, action: str, failure: TaskFailure) -> None:
        self._action_task = None
        what = "Not installed" if action == "install" else "Not rolled back"
        self.action_status.setText(
            f"<span style='color:#b91c1c'>{what}: {html.escape(_sentence(failure.message))}"
            "</span> The active model is unchanged."
        )
        self._update_actions()
        self.ctx.report(failure)
        self.action_finished.emit(action, "failed")

    def load_active_model(self) -> Task:
        """Load the (new) active model on the compute worker and put its status in the status bar."""

        def work(_c):
            from spacetrash_desktop.ml import registry

            registry.clear_cache()
            return registry.active_scorer().info

        return self.ctx.runner.submit(
            work, slot="model-load", pool="compute", label="loading the active model", on_done=self.ctx.set_model_info
        )

    # ------------------------------------------------------------------ retraining
    def _update_retrain_controls(self) -> None:
        available = retrain_available()
        running = self.retrain_task is not None
        self.retrain_button.setEnabled(available and not running)
        self.cancel_button.setEnabled(running)
        if available:
            self.retrain_intro.setText(
                "Trains a challenger from the simulated trials plus the crew's feedback, checks the feedback for "
                "drift against the training data, and makes it active only if it is no worse than the champion "
                "on held-out data. It runs in the background; Generate keeps working meanwhile."
            )
            self.retrain_button.setToolTip(
                "Choose the feedback to learn from, then retrain (progress and Cancel below)"
            )
        else:
            self.retrain_intro.setText(RETRAIN_UNAVAILABLE)
            self.retrain_button.setToolTip(RETRAIN_UNAVAILABLE)

    def choose_retrain(self) -> RetrainDialog | None:
        if not retrain_available() or self.retrain_task is not None:
            return None
        dlg = RetrainDialog(self.window())
        self.retrain_dialog = dlg
        dlg.accepted.connect(
            lambda d=dlg: self.start_retrain(
                feedback_files=d.paths(), use_journal=d.use_journal.isChecked(), promote=d.promote.isChecked()
            )
        )
        dlg.open()
        return dlg

    def start_retrain(
        self, *, feedback_files: Sequence[str] = (), use_journal: bool = True, promote: bool = True
    ) -> Task | None:
        if not retrain_available() or self.retrain_task is not None:
            return None
        files = tuple(str(p) for p in feedback_files)
        config = self.retrain_config_factory() if self.retrain_config_factory is not None else None

        def work(c):
            from spacetrash_desktop.services.retrain import retrain

            kw: dict[str, Any] = {"feedback_files": files, "use_journal": use_journal, "promote": promote}
            if config is not None:
                kw["config"] = config
            run = retrain(c, **kw)
            if getattr(run, "verdict", None) == "promoted":
                from spacetrash_desktop.ml import registry

                registry.clear_cache()
            out = run.to_dict() if hasattr(run, "to_dict") else dict(run)
            if out.get("record_path"):
                try:  # the full record (times, artifacts, settings) for the panel
                    from spacetrash_desktop.services.retrain import load_run

                    out = {**out, **dict(load_run(out["run_id"]))}
                except Exception:
                    log.warning("the record of run %s could not be read back", out.get("run_id"), exc_info=True)
            return out

        self.retrain_task = self.ctx.runner.submit(
            work,
            slot="retrain",
            pool="train",
            label="retraining the model",
            on_done=self._retrained,
            on_error=self._retrain_failed,
            on_cancelled=self._retrain_cancelled,
            on_progress=self._retrain_progress,
            on_started=lambda: self.progress.setFormat("training…"),
        )
        progress_busy(self.progress, "starting…")
        sources = (["this laptop's feedback"] if use_journal else []) + (
            [f"{len(files)} exported file{'s' if len(files) != 1 else ''}"] if files else []
        )
        self.progress_label.setText(f"Retraining from {' and '.join(sources)}…")
        self.verdict_label.setText("")
        self._update_retrain_controls()
        self._update_actions()
        return self.retrain_task

    def cancel_retrain(self) -> None:
        if self.retrain_task is not None:
            self.ctx.runner.cancel("retrain")
            self.cancel_button.setEnabled(False)
            self.progress.setFormat("stopping…")

    def _retrain_progress(self, done: int, total: int, message: str) -> None:
        progress_step(self.progress, done, total)
        if message:
            self.progress_label.setText(message)

    def _retrain_ended(self, text: str, value: int = 0) -> None:
        self.retrain_task = None
        progress_end(self.progress, text, value)
        self._update_retrain_controls()
        self._update_actions()

    def _retrained(self, run: dict) -> None:
        self._retrain_ended(str(run.get("verdict") or "done"), 1)
        self.progress_label.setText(f"Run {run.get('run_id', '')} finished {short_time(run.get('finished_at'))}.")
        self.last_run = run
        self.verdict_label.setText(verdict_html(run))
        self.ctx.say(f"Retraining finished: {run.get('verdict')} (the reason is in the Model panel)", 12000)
        if run.get("verdict") == "promoted":
            self.load_active_model()
        self.refresh()
        self.retrain_finished.emit("done", run)

    def _retrain_failed(self, failure: TaskFailure) -> None:
        self._retrain_ended("failed")
        self.progress_label.setText("")
        self.verdict_label.setText(
            f"<span style='color:#b91c1c; font-weight:bold'>The retraining stopped with an "
            f"error ({failure.code.value}).</span><br>{html.escape(_sentence(failure.message))}"
            " The active model is unchanged."
        )
        self.ctx.report(failure)
        self.refresh()
        self.retrain_finished.emit("failed", failure)

    def _retrain_cancelled(self) -> None:
        self._retrain_ended("cancelled")
        self.progress_label.setText("")
        self.verdict_label.setText("Cancelled: nothing was changed; the active model stays.")
        self.refresh()  # a cancelled run is recorded too
        self.retrain_finished.emit("cancelled", None)

    # ------------------------------------------------------------------ run history and drift
    def _show_runs(self, details: ModelDetails) -> None:
        if not details.retrain:
            self.runs_model.set_rows([])
            self.runs_note.setText(RETRAIN_UNAVAILABLE)
            return
        runs = details.runs
        rows = [run_row(r) for r in runs]
        colors = [
            {"promoted": "#166534", "rejected": "#b45309", "failed": "#b91c1c"}.get(str(r.get("verdict"))) for r in runs
        ]
        keys = {0: [i for i in range(len(runs), 0, -1)], 4: [_as_float(row[4]) for row in rows]}
        current = self.selected_run.get("run_id") if self.selected_run else None
        want = (self.last_run or {}).get("run_id") if self.last_run else current
        self.runs_model.set_rows(rows, keys=keys, colors=colors, payload=[r.get("run_id") for r in runs])
        if details.runs_error:
            self.runs_note.setText(f"<span style='color:#b91c1c'>{html.escape(details.runs_error)}</span>")
        else:
            self.runs_note.setText(
                "No retraining has run yet."
                if not runs
                else f"{len(runs)} run{'s' if len(runs) != 1 else ''}, newest first."
            )
        target = want or current
        if target:
            for vr in range(self.runs_model.rowCount()):
                if self.runs_model.payload_at(vr) == target:
                    self.runs_table.selectRow(vr)
                    break
        elif runs:
            self.runs_table.selectRow(0)

    def _run_selected(self, *_):
        idx = self.runs_table.currentIndex()
        run_id = self.runs_model.payload_at(idx.row()) if idx.isValid() else None
        if not run_id:
            return
        if self.last_run is not None and self.last_run.get("run_id") == run_id:
            self.show_run(self.last_run)
            return
        self.ctx.runner.submit(
            lambda c: load_run_record(run_id),
            slot="model-run",
            pool="io",
            label="reading the retraining run",
            on_done=self.show_run,
        )

    def show_run(self, run: dict) -> None:
        self.selected_run = run
        self.run_title.setText(
            f"Run {run.get('run_id', '')} · {run.get('verdict', '?')} · {short_time(run.get('finished_at'))}"
        )
        rows, summary = drift_rows(run.get("drift"))
        self.drift_summary.setText(summary or "No drift report in this run (no usable feedback to compare).")
        rows.sort(key=lambda r: (-r["level"], -(r["psi"] or 0.0)))  # the most drifted first
        self.drift_model.set_rows(
            [
                (
                    r["feature"],
                    fmt_num(r["psi"], 3),
                    fmt_num(r["ks"], 3),
                    fmt_num(r["ks_pvalue"], 3),
                    r["flag"],
                    fmt_num(r["train_mean"], 3),
                    fmt_num(r["new_mean"], 3),
                )
                for r in rows
            ],
            keys={
                1: [r["psi"] for r in rows],
                2: [r["ks"] for r in rows],
                3: [r["ks_pvalue"] for r in rows],
                4: [r["level"] for r in rows],
                5: [r["train_mean"] for r in rows],
                6: [r["new_mean"] for r in rows],
            },
            colors=[FLAG_COLORS.get(r["flag"]) for r in rows],
        )
        titles, mrows = run_metric_rows(run.get("metrics"))
        known = titles == [t for t, _tip in RUN_METRIC_COLUMNS]
        self.run_metrics_model.columns = list(RUN_METRIC_COLUMNS) if known else [(t, "") for t in titles]
        self.run_metrics_model.numeric = set(range(1, len(titles) - (2 if known else 0)))
        self.run_metrics_model.set_rows(mrows)
        bold = QFont(self.run_metrics_table.font())
        bold.setBold(True)
        fm = QFontMetrics(bold)
        for col, title in enumerate(titles):
            self.run_metrics_table.setColumnWidth(col, 150 if col == 0 else max(72, fm.horizontalAdvance(title) + 26))
        checks = run_checks(run.get("metrics"))
        self.checks_label.setText(_checks_html(run, checks))
        self.run_data_label.setText(_data_html(run))
        self.run_loaded.emit(run)

    # ------------------------------------------------------------------ window hooks
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded_once:
            self.refresh()

    def _layout(self) -> dict:
        return {"model/splitter": self.splitter, "model/runs_splitter": self.runs_splitter}

    def save_state(self, settings) -> None:
        save_layout(settings, self._layout())

    def restore_state(self, settings) -> None:
        restore_layout(settings, self._layout())


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?" else text + "."


def _as_float(text: str) -> float | None:
    try:
        return float(text.replace(",", ""))
    except (TypeError, ValueError):
        return None


def _checks_html(run: dict, checks: list[tuple[bool, str]]) -> str:
    head = f"<p><b>{html.escape(str(run.get('verdict', '?')))}</b>: {html.escape(str(run.get('reason', '')))}</p>"
    if not checks:
        return head + "<p style='color:#4b5563'>No promotion check ran in this run.</p>"
    items = "".join(
        f"<tr><td style='color:{'#166534' if ok else '#b91c1c'}'><b>{'✓' if ok else '✗'}</b></td>"
        f"<td>{html.escape(text)}</td></tr>"
        for ok, text in checks
    )
    return head + f"<table cellspacing='3'>{items}</table>"


def _data_html(run: dict) -> str:
    parts = []
    for title, key in (("Feedback data", "data"), ("Champion", "champion"), ("Challenger", "challenger")):
        d = run.get(key)
        if not isinstance(d, dict) or not d:
            continue
        rows, tables = [], []
        for k, v in d.items():
            if k in ("metrics", "skipped_rows", "mapping") or isinstance(v, list):
                continue
            if k == "by_property" and isinstance(v, dict):
                tables.append(_by_property_html(v))
                continue
            if isinstance(v, dict):
                if not v or any(isinstance(x, (dict, list)) for x in v.values()):
                    continue
                text = "; ".join(f"{str(a).replace('_', ' ')} {_short(b)}" for a, b in v.items())
            else:
                text = _short(v)
            rows.append(
                f"<tr><td valign='top'>{html.escape(str(k).replace('_', ' '))}</td>"
                f"<td><b>{html.escape(text)}</b></td></tr>"
            )
        parts.append(f"<p><b>{title}</b></p><table cellspacing='3'>{''.join(rows)}</table>{''.join(tables)}")
    if run.get("record_path"):
        parts.append(f"<p style='color:#4b5563'>Record: {html.escape(str(run['record_path']))}</p>")
    return "".join(parts) or "No details recorded."


def _by_property_html(by_prop: dict) -> str:
    from spacetrash_desktop.ui.views import OBJECTIVES

    cols = []
    for x in by_prop.values():
        if isinstance(x, dict):
            cols += [c for c in x if c not in cols]
    head = "".join(f"<th align='right'>{html.escape(c.replace('_', ' '))}</th>" for c in cols)
    body = ""
    for name, x in by_prop.items():
        if not isinstance(x, dict):
            continue
        title = OBJECTIVES[name][0] if name in OBJECTIVES else name
        body += (
            f"<tr><td>{html.escape(title)}</td>"
            + "".join(f"<td align='right'>{html.escape(_short(x.get(c, '–')))}</td>" for c in cols)
            + "</tr>"
        )
    return (
        f"<p>Feedback rows per property</p><table cellspacing='4'><tr><th align='left'>property</th>{head}</tr>"
        f"{body}</table>"
    )


def _short(v: Any) -> str:
    if isinstance(v, float):
        return fmt_num(v)
    s = str(v)
    return s if len(s) <= 120 else s[:117] + "…"
