"""The left half of the Model panel: which model scores the recipes and how good it is, the installed
bundles, installing a bundle from a file or folder (verified by the model service on a worker; a
refused bundle is explained and changes nothing) and rolling back. After an install or a rollback
the new active model is loaded on the compute worker; the status bar follows through
``AppContext.set_model_info``."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from spacetrash_desktop.common import sentence
from spacetrash_desktop.domain import ModelInfo, ModelStatus
from spacetrash_desktop.services import model as model_service
from spacetrash_desktop.services.model import ModelDetails
from spacetrash_desktop.ui.context import AppContext, model_reason
from spacetrash_desktop.ui.feedback_views import grouped
from spacetrash_desktop.ui.i18n import current_language
from spacetrash_desktop.ui.model_tables import TextTableModel, table
from spacetrash_desktop.ui.model_views import (
    METRIC_COLUMNS,
    corrected_by_feedback,
    corrected_note,
    fmt_pct,
    metric_rows,
    short_time,
    tr_text,
)
from spacetrash_desktop.ui.tasks import Task, TaskFailure
from spacetrash_desktop.ui.widgets import button_row, push_button, section_title

STATUS_COLORS = {
    ModelStatus.READY: "#16a34a",
    ModelStatus.BOOTSTRAPPING: "#d97706",
    ModelStatus.FALLBACK: "#6b7280",
    ModelStatus.CHECKING: "#9ca3af",
}
METRIC_TIPS = (
    QT_TRANSLATE_NOOP("ModelStatusView", "The predicted property and its unit"),
    QT_TRANSLATE_NOOP("ModelStatusView", "Mean absolute error of the physics model alone on the held-out test split"),
    QT_TRANSLATE_NOOP("ModelStatusView", "Mean absolute error of the model on the same split"),
    QT_TRANSLATE_NOOP("ModelStatusView", "Model error / physics error: below 1 = the model is better than physics"),
    QT_TRANSLATE_NOOP(
        "ModelStatusView",
        "Interval coverage: the share of held-out outcomes inside the model's 95% interval (0.95 is right)",
    ),
    QT_TRANSLATE_NOOP("ModelStatusView", "Mean width of the 95% interval, in the property's unit"),
)
STATUS_WORDS = {
    ModelStatus.READY: QT_TRANSLATE_NOOP("ModelStatusView", "ready"),
    ModelStatus.BOOTSTRAPPING: QT_TRANSLATE_NOOP("ModelStatusView", "bootstrapping"),
    ModelStatus.FALLBACK: QT_TRANSLATE_NOOP("ModelStatusView", "physics fallback"),
    ModelStatus.CHECKING: QT_TRANSLATE_NOOP("ModelStatusView", "checking"),
}
STATE_WORDS = {
    "damaged": QT_TRANSLATE_NOOP("ModelStatusView", "damaged"),
    "active": QT_TRANSLATE_NOOP("ModelStatusView", "active"),
    "previous": QT_TRANSLATE_NOOP("ModelStatusView", "previous"),
    "candidate": QT_TRANSLATE_NOOP("ModelStatusView", "candidate"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ModelStatusView", text)


def is_named(info: ModelInfo) -> bool:
    """Whether a trained model (not the physics model) scores the recipes."""
    return info.status not in (ModelStatus.FALLBACK, ModelStatus.CHECKING) and info.name != "physics"


class ModelStatusView(QWidget):
    """The active model, its held-out figures, the installed bundles, Install and Roll back."""

    action_finished = Signal(str, str)  # action (install | rollback), outcome (done | failed)

    def __init__(self, ctx: AppContext, busy: Callable[[], bool], parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.busy = busy  # whether another model job (retraining) runs now
        self.details = ModelDetails()
        self.action_task: Task | None = None
        inner = QWidget()
        lay = QVBoxLayout(inner)
        lay.setContentsMargins(0, 0, 8, 0)
        self._build_status(lay)
        rows_h = QFontMetrics(self.font()).height() + 10
        self._build_metrics(lay, rows_h)
        self._build_bundles(lay, rows_h)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        scroll.setMinimumWidth(560)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    # ------------------------------------------------------------------ building
    def _build_status(self, lay: QVBoxLayout) -> None:
        lay.addWidget(section_title(self.tr("Active model")))
        self.status_label = QLabel()
        self.status_label.setObjectName("activeModelStatus")
        self.status_label.setAccessibleName(self.tr("Active model status"))
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
            self.tr(
                "Share of the held-out test recipes the model flags as far from its training data "
                "(their intervals deserve care)"
            )
        )
        self.sha_label = QLabel("–")
        self.sha_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sha_label.setToolTip(self.tr("The first characters of the manifest's sha256: which exact bundle this is"))
        form.addRow(self.tr("Trained on"), self.trained_on_label)
        form.addRow(self.tr("Trained at"), self.trained_at_label)
        form.addRow(self.tr("Held-out test recipes"), self.test_rows_label)
        form.addRow(self.tr("Out-of-distribution rate"), self.ood_label)
        form.addRow(self.tr("Bundle fingerprint"), self.sha_label)
        lay.addLayout(form)

    def _build_metrics(self, lay: QVBoxLayout, rows_h: int) -> None:
        lay.addWidget(section_title(self.tr("Held-out accuracy against the physics model")))
        self.metrics_model = TextTableModel(
            [(tr_text(t), _tr(tip)) for t, tip in zip(METRIC_COLUMNS, METRIC_TIPS)], self, numeric=(1, 2, 3, 4, 5)
        )
        self.metrics_table = table(
            "metricsTable", self.tr("Held-out metrics"), self.metrics_model, (160, 100, 100, 76, 90, 80), sortable=False
        )
        self.metrics_table.setMinimumHeight(rows_h * 6 + 34)
        self.metrics_table.setMaximumHeight(rows_h * 6 + 34)
        lay.addWidget(self.metrics_table)
        self.metrics_note = QLabel("")
        self.metrics_note.setObjectName("hint")
        self.metrics_note.setWordWrap(True)
        lay.addWidget(self.metrics_note)

    def _build_bundles(self, lay: QVBoxLayout, rows_h: int) -> None:
        lay.addWidget(section_title(self.tr("Installed models")))
        self.bundles_model = TextTableModel(
            [
                (self.tr("Name"), ""),
                (self.tr("Version"), ""),
                (self.tr("Trained at"), self.tr("When it was trained")),
                (
                    self.tr("State"),
                    self.tr(
                        "active: scores the recipes now; previous: Roll back returns "
                        "to it; candidate: retrained but not promoted"
                    ),
                ),
            ],
            self,
        )
        self.bundles_table = table("bundlesTable", self.tr("Installed models"), self.bundles_model, (170, 236, 130, 90))
        self.bundles_table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.bundles_table.setMinimumHeight(rows_h * 3 + 30)
        self.bundles_table.setMaximumHeight(rows_h * 4 + 30)
        lay.addWidget(self.bundles_table)
        self.install_file_button = push_button(
            self.tr("Install from a file…"),
            self.tr(
                "Install a model bundle (.zip): every file is verified against its "
                "manifest first; a bundle that fails is refused and nothing changes"
            ),
            self.choose_bundle_file,
        )
        self.install_folder_button = push_button(
            self.tr("Install from a folder…"),
            self.tr("Install a model bundle folder (with its manifest.json), verified first"),
            self.choose_bundle_folder,
        )
        self.rollback_button = push_button(
            self.tr("Roll back"), self.tr("Make the previously active model active again"), self.rollback
        )
        lay.addLayout(button_row(self.install_file_button, self.install_folder_button, self.rollback_button))
        self.action_status = QLabel("")
        self.action_status.setObjectName("modelActionStatus")
        self.action_status.setWordWrap(True)
        self.action_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.action_status)

    # ------------------------------------------------------------------ the active model
    def show_info(self, info: ModelInfo) -> None:
        color = STATUS_COLORS.get(info.status, "#6b7280")
        named = is_named(info)
        name = f" — <b>{html.escape(info.name)} {html.escape(info.version)}</b>" if named else ""
        status = _tr(STATUS_WORDS[info.status]) if info.status in STATUS_WORDS else str(info.status)
        self.status_label.setText(f"<span style='color:{color}'>●</span> {html.escape(status)}{name}")
        self.status_label.setToolTip(self.tr("Model status: {status}").format(status=status))
        self.reason_label.setText(model_reason(info))
        m = dict(info.metrics or {})
        if (
            named
            and not m.get("held_out")
            and self.details.active_sha256 == info.manifest_sha256
            and self.details.manifest
        ):
            m = self.details.metrics_summary()
        self.metrics_model.set_rows(metric_rows(m) if named else [])
        if not named:
            self.metrics_note.setText(
                self.tr(
                    "The recipes are scored with the physics model alone; a trained model's "
                    "held-out figures appear here once one is active."
                )
            )
        else:
            n_test = m.get("n_test")
            self.metrics_note.setText(
                (
                    self.tr("On the held-out test split ({n} recipes).").format(n=grouped(int(n_test)))
                    if n_test
                    else self.tr("On the held-out test split.")
                )
                + " "
                + self.tr("Coverage is counted on the rows that are not structural zeros.")
                + corrected_note(self._corrected(info), self._process_name)
            )
        self.trained_at_label.setText(short_time(m.get("trained_at")) if named else "–")
        self.test_rows_label.setText(grouped(int(m["n_test"])) if named and m.get("n_test") else "–")
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
        if not is_named(info):
            self.trained_on_label.setText(self.tr("– (the physics model needs no training data)"))
            return
        manifest = self.details.manifest if self.details.active_sha256 == info.manifest_sha256 else {}
        if self.details.trained_on and manifest and current_language() == "en":
            self.trained_on_label.setText(self.details.trained_on)  # the manifest's own words (English)
            return
        trained_on = manifest.get("trained_on") if isinstance(manifest, dict) else None
        trained_on = trained_on if isinstance(trained_on, dict) else {}
        rows = trained_on.get("rows") or dict(info.metrics or {}).get("trained_on") or {}
        if isinstance(rows, dict) and rows:
            text = ", ".join(self._rows_from(str(k), int(v)) for k, v in rows.items() if isinstance(v, (int, float)))
            if trained_on and not trained_on.get("measured_rows") and current_language() != "en":
                text += ". " + self.tr(
                    "No real trial data: the reference facts hold no recipe-level measurement of these properties."
                )
            self.trained_on_label.setText(text)
        else:
            self.trained_on_label.setText("–")

    def _rows_from(self, source: str, n: int) -> str:
        """How many training rows came from ``source`` (a virtual-lab generator, the feedback, a file)."""
        if source.startswith("virtual_lab"):
            return self.tr("{n} simulated trials from the virtual lab ({source})").format(n=grouped(n), source=source)
        if source == "crew_feedback" and current_language() != "en":  # English keeps the record's word
            return self.tr("{n} rows of the crew's feedback").format(n=grouped(n))
        return self.tr("{n} rows from {source}").format(n=grouped(n), source=source)

    def show_details(self, details: ModelDetails) -> None:
        """The installed bundles and the active manifest, read on a worker."""
        self.details = details
        rows, colors = [], []
        for b in details.bundles:
            state = next((s for s in ("damaged", "active", "previous", "candidate") if b.get(s)), "")
            word = _tr(STATE_WORDS[state]) if state in STATE_WORDS else state
            rows.append((str(b.get("name", "?")), str(b.get("version", "?")), short_time(b.get("trained_at")), word))
            colors.append("#166534" if state == "active" else "#b91c1c" if state == "damaged" else None)
        self.bundles_model.set_rows(rows, colors=colors)
        self.show_info(self.ctx.model_info)
        self.update_actions()

    def update_actions(self) -> None:
        busy = self.action_task is not None or self.busy()
        for b in (self.install_file_button, self.install_folder_button):
            b.setEnabled(not busy)
        self.rollback_button.setEnabled(not busy and self.details.can_roll_back)
        self.rollback_button.setToolTip(
            self.tr("Make the previously active model active again")
            if self.details.can_roll_back
            else self.tr("There is no previous model to roll back to")
        )

    # ------------------------------------------------------------------ install / roll back
    def choose_bundle_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Install a model bundle"),
            str(Path.home()),
            self.tr("Model bundles") + " (*.zip manifest.json);;" + self.tr("All files") + " (*)",
        )
        if path:
            if Path(path).name == "manifest.json":
                path = str(Path(path).parent)
            self.install_from(path)

    def choose_bundle_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Install a model bundle folder"), str(Path.home()))
        if folder:
            self.install_from(folder)

    def install_from(self, path: str) -> Task | None:
        if self.action_task is not None:
            return None
        path = str(path)
        self.action_status.setText(
            self.tr("Verifying and installing {name}…").format(name=html.escape(Path(path).name))
        )
        return self._submit("install", lambda _c: model_service.install(path), "installing the model bundle")

    def rollback(self) -> Task | None:
        if self.action_task is not None:
            return None
        self.action_status.setText(self.tr("Rolling back…"))
        return self._submit("rollback", model_service.rollback, "rolling back the model")

    def _submit(self, action: str, work, label: str) -> Task:
        self.action_task = self.ctx.runner.submit(
            work,
            slot="model-action",
            pool="io",
            label=label,
            on_done=lambda info: self._action_done(action, info),
            on_error=lambda f: self._action_failed(action, f),
        )
        self.update_actions()
        return self.action_task

    def _action_done(self, action: str, info: ModelInfo) -> None:
        self.action_task = None
        what = self.tr("Installed and active") if action == "install" else self.tr("Rolled back; active")
        self.action_status.setText(
            f"<span style='color:#166534'>✓ {what}: <b>{html.escape(info.name)} {html.escape(info.version)}</b>.</span>"
        )
        self.ctx.say(
            self.tr("{what}: model {name} {version}").format(what=what, name=info.name, version=info.version), 8000
        )
        self.load_active_model()
        self.update_actions()
        self.action_finished.emit(action, "done")

    def _action_failed(self, action: str, failure: TaskFailure) -> None:
        self.action_task = None
        what = self.tr("Not installed") if action == "install" else self.tr("Not rolled back")
        self.action_status.setText(
            f"<span style='color:#b91c1c'>{what}: {html.escape(sentence(failure.message))}</span> "
            + self.tr("The active model is unchanged.")
        )
        self.update_actions()
        self.ctx.report(failure)
        self.action_finished.emit(action, "failed")

    def load_active_model(self) -> Task:
        """Load the (new) active model on the compute worker and put its status in the status bar."""
        return self.ctx.runner.submit(
            model_service.load_active_model,
            slot="model-load",
            pool="compute",
            label="loading the active model",
            on_done=self.ctx.set_model_info,
        )
