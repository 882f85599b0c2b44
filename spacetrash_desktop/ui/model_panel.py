"""Model panel: which model scores the recipes, the installed bundles, install and roll back
(:class:`ui.model_status.ModelStatusView`, left) beside retraining from crew feedback and the run
history (:class:`ui.retrain_panel.RetrainView`, right). The panel reads the model folder through the
model service on a worker (:func:`services.model.model_details`) and hands each half its part; after
an install, a rollback or a promotion it loads the new active model and reads the folder again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from spacetrash_desktop.domain import ModelInfo, Verdict
from spacetrash_desktop.services import model as model_service
from spacetrash_desktop.services.model import ModelDetails, RunRecord
from spacetrash_desktop.ui.context import AppContext
from spacetrash_desktop.ui.model_status import ModelStatusView, is_named
from spacetrash_desktop.ui.retrain_panel import RetrainDialog, RetrainView
from spacetrash_desktop.ui.tasks import Task
from spacetrash_desktop.ui.trials_view import TrialsView  # suggested trials (issue 15)
from spacetrash_desktop.ui.widgets import restore_layout, save_layout, splitter

__all__ = ["ModelPanel", "RetrainDialog"]

# the widgets of the two halves, reachable from the panel by the names the window and the tests use
_STATUS_WIDGETS = [
    "status_label",
    "reason_label",
    "trained_on_label",
    "trained_at_label",
    "test_rows_label",
    "ood_label",
    "sha_label",
    "metrics_model",
    "metrics_table",
    "metrics_note",
    "bundles_model",
    "bundles_table",
    "install_file_button",
    "install_folder_button",
    "rollback_button",
    "action_status",
]
_RETRAIN_WIDGETS = [
    "retrain_intro",
    "retrain_button",
    "cancel_button",
    "progress",
    "progress_label",
    "verdict_label",
    "runs_model",
    "runs_table",
    "runs_note",
]
_RUN_WIDGETS = [
    "run_title",
    "run_tabs",
    "drift_summary",
    "drift_model",
    "drift_table",
    "run_metrics_model",
    "run_metrics_table",
    "run_metrics_note",
    "checks_label",
    "run_data_label",
]


class ModelPanel(QWidget):
    details_loaded = Signal(object)  # ModelDetails
    action_finished = Signal(str, str)  # action (install | rollback), outcome (done | failed)
    retrain_finished = Signal(str, object)  # outcome (done | failed | cancelled), RunRecord | TaskFailure | None
    run_loaded = Signal(object)  # the selected run's RunRecord

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, retrain_config: Callable[[], Any] | None = None
    ):
        super().__init__(parent)
        self.setObjectName("modelPanel")
        self.ctx = ctx
        self._loaded_once = False
        self.status_view = ModelStatusView(ctx, busy=lambda: self.retrain_view.retrain_task is not None)
        self.retrain_view = RetrainView(ctx, busy=lambda: self.status_view.action_task is not None)
        self.retrain_view.retrain_config_factory = retrain_config  # e.g. a small configuration for tests and demos
        for name in _STATUS_WIDGETS:
            setattr(self, name, getattr(self.status_view, name))
        for name in _RETRAIN_WIDGETS:
            setattr(self, name, getattr(self.retrain_view, name))
        for name in _RUN_WIDGETS:
            setattr(self, name, getattr(self.retrain_view.details_view, name))
        self.runs_splitter = self.retrain_view.splitter
        self.splitter = splitter(
            Qt.Orientation.Horizontal,
            "modelSplit",
            (self.status_view, self.retrain_view),
            (1, 1),
            (660, 760),
            collapsible=False,
        )
        self.trials_view = TrialsView(ctx)  # suggested trials (issue 15)
        # the model and its runs above, the suggested trials below: a splitter, so a 720-pixel screen
        # can give the drift table or the trials the room the crew needs at the moment
        self.trials_splitter = splitter(
            Qt.Orientation.Vertical,
            "modelTrialsSplit",
            (self.splitter, self.trials_view),
            (3, 1),
            (600, 270),
            collapsible=False,
        )
        lay = QVBoxLayout(self)
        lay.addWidget(self.trials_splitter)
        self.trials_view.plan_ready.connect(self._trials_ready)
        self.status_view.action_finished.connect(self._action_finished)
        self.retrain_view.finished.connect(self._retrain_finished)
        self.retrain_view.run_loaded.connect(self.run_loaded)
        self.retrain_view.busy_changed.connect(self.status_view.update_actions)
        ctx.model_info_changed.connect(self._model_info_changed)
        self._model_info_changed(ctx.model_info)

    def _trials_ready(self, plan) -> None:
        """Suggestions asked for and found: give them at least half the height, so each trial's reason
        and cost can be read without scrolling (the crew can drag the splitter back)."""
        if not getattr(plan, "suggestions", None):
            return
        top, bottom = self.trials_splitter.sizes()
        if bottom < (top + bottom) // 2:
            self.trials_splitter.setSizes([(top + bottom) // 2, (top + bottom) - (top + bottom) // 2])

    # ------------------------------------------------------------------ state of the two halves
    @property
    def details(self) -> ModelDetails:
        return self.status_view.details

    @property
    def retrain_config_factory(self) -> Callable[[], Any] | None:
        return self.retrain_view.retrain_config_factory

    @retrain_config_factory.setter
    def retrain_config_factory(self, factory: Callable[[], Any] | None) -> None:
        self.retrain_view.retrain_config_factory = factory

    @property
    def retrain_task(self) -> Task | None:
        return self.retrain_view.retrain_task

    @property
    def retrain_dialog(self) -> RetrainDialog | None:
        return self.retrain_view.retrain_dialog

    @property
    def last_run(self) -> RunRecord | None:
        return self.retrain_view.last_run

    @property
    def selected_run(self) -> RunRecord | None:
        return self.retrain_view.selected_run

    # ------------------------------------------------------------------ actions
    def install_from(self, path: str) -> Task | None:
        return self.status_view.install_from(path)

    def rollback(self) -> Task | None:
        return self.status_view.rollback()

    def load_active_model(self) -> Task:
        return self.status_view.load_active_model()

    def choose_retrain(self) -> RetrainDialog | None:
        return self.retrain_view.choose_retrain()

    def start_retrain(self, **kw) -> Task | None:
        return self.retrain_view.start_retrain(**kw)

    def cancel_retrain(self) -> None:
        self.retrain_view.cancel_retrain()

    def show_run(self, run: RunRecord) -> None:
        self.retrain_view.show_run(run)

    # ------------------------------------------------------------------ reading the model folder
    def refresh(self) -> Task:
        """Read the installed bundles, the active manifest and the run history (on a worker)."""
        self._loaded_once = True
        return self.ctx.runner.submit(
            model_service.model_details,
            slot="model-details",
            pool="io",
            label="reading the model folder",
            on_done=self._details_done,
        )

    def _details_done(self, details: ModelDetails) -> None:
        self.status_view.show_details(details)
        self.retrain_view.show_runs(details)
        self.details_loaded.emit(details)

    def _model_info_changed(self, info: ModelInfo) -> None:
        self.status_view.show_info(info)
        sha = info.manifest_sha256
        if self._loaded_once and is_named(info) and sha and sha != self.details.active_sha256:
            self.refresh()  # another model became active: read its manifest and the bundle list

    def _action_finished(self, action: str, outcome: str) -> None:
        if outcome == "done":
            self.refresh()
        self.action_finished.emit(action, outcome)

    def _retrain_finished(self, outcome: str, run: object) -> None:
        if isinstance(run, RunRecord) and run.verdict == Verdict.PROMOTED:
            self.status_view.load_active_model()
        self.refresh()  # a failed or cancelled run is recorded too
        self.status_view.update_actions()
        self.retrain_finished.emit(outcome, run)

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
