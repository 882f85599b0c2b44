"""Retraining in the Model panel: the dialog that chooses the feedback to learn from, and the view
with Retrain, progress and Cancel, the verdict of the last run and the run history (each run's
drift report, metrics, checks and data in :class:`ui.run_details.RunDetailsView`). The run itself
is the model service's (:func:`services.model.retrain`) on its own worker; the view shows the
record the service returns."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from spacetrash_desktop.common import sentence
from spacetrash_desktop.services import model as model_service
from spacetrash_desktop.services.model import ModelDetails, RunRecord
from spacetrash_desktop.ui.context import AppContext
from spacetrash_desktop.ui.model_tables import TextTableModel, table
from spacetrash_desktop.ui.model_views import (
    RUN_COLORS,
    RUN_COLUMNS,
    columns,
    run_row,
    short_time,
    verdict_html,
    verdict_word,
)
from spacetrash_desktop.ui.run_details import RunDetailsView
from spacetrash_desktop.ui.tasks import Task, TaskFailure
from spacetrash_desktop.ui.widgets import (
    button_row,
    progress_bar,
    progress_busy,
    progress_end,
    progress_step,
    push_button,
    section_title,
    splitter,
)

RETRAIN_INTRO = QT_TRANSLATE_NOOP(
    "RetrainView",
    "Trains a challenger from the simulated trials plus the crew's feedback, checks the feedback for "
    "drift against the training data, and makes it active only if it is no worse than the champion "
    "on held-out data. It runs in the background; Generate keeps working meanwhile.",
)


class RetrainDialog(QDialog):
    """Which feedback to retrain from: the journal on this laptop and/or exported files."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("retrainDialog")
        self.setWindowTitle(self.tr("Retrain from feedback"))
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "A new model (the <b>challenger</b>) is trained from the simulated trials plus the crew's "
                "feedback, and compared with the active model (the <b>champion</b>) on held-out data. It "
                "becomes active only if it is no worse. Every run is recorded, with a drift check of the "
                "feedback against the training data."
            )
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.use_journal = QCheckBox(self.tr("Feedback recorded on this laptop"))
        self.use_journal.setChecked(True)
        self.use_journal.setToolTip(self.tr("Every report saved in the Feedback panel of this laptop"))
        lay.addWidget(self.use_journal)
        lay.addWidget(QLabel(self.tr("Feedback exported on other laptops (trainer export files):")))
        self.files = QListWidget()
        self.files.setObjectName("retrainFiles")
        self.files.setAccessibleName(self.tr("Exported feedback files"))
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.files.setMinimumHeight(90)
        lay.addWidget(self.files, 1)
        self.add_files_button = push_button(
            self.tr("Add files…"), self.tr("Add exported .parquet files (or their manifest.json)"), self.choose_files
        )
        self.add_folder_button = push_button(
            self.tr("Add a folder…"),
            self.tr("Add a whole export folder (every file its manifest.json lists)"),
            self.choose_folder,
        )
        self.remove_button = push_button(
            self.tr("Remove"), self.tr("Take the selected files off the list"), self.remove_selected
        )
        lay.addLayout(button_row(self.add_files_button, self.add_folder_button, self.remove_button))
        self.promote = QCheckBox(self.tr("Make the new model active if it is no worse than the current one"))
        self.promote.setChecked(True)
        self.promote.setToolTip(self.tr("Untick to train and compare only (the run is recorded; nothing changes)"))
        lay.addWidget(self.promote)
        self.reason = QLabel("")
        self.reason.setObjectName("fieldError")
        lay.addWidget(self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Retrain"))
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
            self.tr("Exported feedback files"),
            str(Path.home()),
            self.tr("Feedback exports") + " (*.parquet manifest.json);;" + self.tr("All files") + " (*)",
        )
        self.add_paths(paths)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("A feedback export folder"), str(Path.home()))
        if folder:
            self.add_paths([folder])

    def remove_selected(self) -> None:
        for item in self.files.selectedItems():
            self.files.takeItem(self.files.row(item))
        self._check()

    def _check(self, *_) -> bool:
        ok = self.use_journal.isChecked() or self.files.count() > 0
        self.ok_button.setEnabled(ok)
        self.reason.setText(
            "" if ok else self.tr("Choose the feedback to learn from: this laptop's and/or exported files.")
        )
        return ok

    def _accept(self) -> None:
        if self._check():
            self.accept()


class RetrainView(QWidget):
    """Retrain, progress and Cancel, the verdict, the run history and the selected run's details."""

    finished = Signal(str, object)  # outcome (done | failed | cancelled), RunRecord | TaskFailure | None
    run_loaded = Signal(object)  # the selected run's RunRecord
    busy_changed = Signal()

    def __init__(self, ctx: AppContext, busy: Callable[[], bool], parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.busy = busy  # whether another model job (install, roll back) runs now
        self.retrain_config_factory: Callable[[], Any] | None = None  # e.g. a small configuration for demos
        self.retrain_task: Task | None = None
        self.retrain_dialog: RetrainDialog | None = None
        self.last_run: RunRecord | None = None
        self.selected_run: RunRecord | None = None
        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        self._build_controls(tl)
        self._build_history(tl)
        self.details_view = RunDetailsView(self)
        top_scroll = QScrollArea()  # on a short screen the controls and history scroll, never overlap
        top_scroll.setObjectName("retrainScroll")
        top_scroll.setWidgetResizable(True)
        top_scroll.setFrameShape(QFrame.Shape.NoFrame)
        top_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        top_scroll.setWidget(top)
        self.splitter = splitter(
            Qt.Orientation.Vertical,
            "modelRunsSplit",
            (top_scroll, self.details_view),
            (3, 2),
            (480, 320),
            collapsible=False,
        )
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.splitter)
        self.update_controls()

    # ------------------------------------------------------------------ building
    def _build_controls(self, tl: QVBoxLayout) -> None:
        tl.addWidget(section_title(self.tr("Retrain from feedback")))
        self.retrain_intro = QLabel(self.tr(RETRAIN_INTRO))
        self.retrain_intro.setWordWrap(True)
        self.retrain_intro.setObjectName("hint")
        tl.addWidget(self.retrain_intro)
        rb = QHBoxLayout()
        self.retrain_button = QPushButton(self.tr("Retrain from feedback…"))
        self.retrain_button.setObjectName("primaryButton")
        self.retrain_button.setToolTip(
            self.tr("Choose the feedback to learn from, then retrain (progress and Cancel below)")
        )
        self.retrain_button.clicked.connect(self.choose_retrain)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setToolTip(self.tr("Stop the retraining; nothing changes"))
        self.cancel_button.clicked.connect(self.cancel_retrain)
        self.cancel_button.setEnabled(False)
        self.progress = progress_bar("retrainProgress", self.tr("Retraining progress"))
        rb.addWidget(self.retrain_button)
        rb.addWidget(self.cancel_button)
        rb.addWidget(self.progress, 1)
        tl.addLayout(rb)
        self.progress_label = QLabel("")
        self.progress_label.setObjectName("hint")
        tl.addWidget(self.progress_label)
        self.verdict_label = QLabel("")
        self.verdict_label.setObjectName("verdict")
        self.verdict_label.setAccessibleName(self.tr("Verdict of the last retraining"))
        self.verdict_label.setWordWrap(True)
        self.verdict_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdict_label.setTextFormat(Qt.TextFormat.RichText)
        tl.addWidget(self.verdict_label)

    def _build_history(self, tl: QVBoxLayout) -> None:
        tl.addWidget(section_title(self.tr("Run history")))
        self.runs_model = TextTableModel(columns(RUN_COLUMNS), self, numeric=(4,))
        self.runs_table = table("runsTable", self.tr("Retraining runs"), self.runs_model, (126, 76, 92, 214, 96))
        self.runs_table.selectionModel().currentRowChanged.connect(self._run_selected)
        # several runs in view even on a 720-pixel-high screen (issue 17): the header, four rows, a scroll bar
        rows_h = self.runs_table.verticalHeader().defaultSectionSize()
        header_h = self.runs_table.horizontalHeader().sizeHint().height()
        self.runs_table.setMinimumHeight(
            header_h + 4 * rows_h + self.runs_table.horizontalScrollBar().sizeHint().height() + 4
        )
        tl.addWidget(self.runs_table, 1)
        self.runs_note = QLabel("")
        self.runs_note.setObjectName("hint")
        self.runs_note.setWordWrap(True)
        tl.addWidget(self.runs_note)

    # ------------------------------------------------------------------ retraining
    def update_controls(self) -> None:
        running = self.retrain_task is not None
        self.retrain_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)

    def choose_retrain(self) -> RetrainDialog | None:
        if self.retrain_task is not None:
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
        if self.retrain_task is not None:
            return None
        files = tuple(str(p) for p in feedback_files)
        config = self.retrain_config_factory() if self.retrain_config_factory is not None else None

        def work(c):
            return model_service.retrain(
                c, feedback_files=files, use_journal=use_journal, promote=promote, config=config
            )

        self.retrain_task = self.ctx.runner.submit(
            work,
            slot="retrain",
            pool="train",
            label="retraining the model",
            on_done=self._retrained,
            on_error=self._retrain_failed,
            on_cancelled=self._retrain_cancelled,
            on_progress=self._retrain_progress,
            on_started=lambda: self.progress.setFormat(self.tr("training…")),
        )
        progress_busy(self.progress, self.tr("starting…"))
        exported = self.tr("1 exported file") if len(files) == 1 else self.tr("{n} exported files")
        sources = ([self.tr("this laptop's feedback")] if use_journal else []) + (
            [exported.format(n=len(files))] if files else []
        )
        self.progress_label.setText(
            self.tr("Retraining from {sources}…").format(sources=self.tr(" and ").join(sources))
        )
        self.verdict_label.setText("")
        self.update_controls()
        self.busy_changed.emit()
        return self.retrain_task

    def cancel_retrain(self) -> None:
        if self.retrain_task is not None:
            self.ctx.runner.cancel("retrain")
            self.cancel_button.setEnabled(False)
            self.progress.setFormat(self.tr("stopping…"))

    def _retrain_progress(self, done: int, total: int, message: str) -> None:
        progress_step(self.progress, done, total)
        if message:
            self.progress_label.setText(message)

    def _retrain_ended(self, text: str, value: int = 0) -> None:
        self.retrain_task = None
        progress_end(self.progress, text, value)
        self.update_controls()
        self.busy_changed.emit()

    def _retrained(self, run: RunRecord) -> None:
        self._retrain_ended(verdict_word(run.verdict) if run.verdict else self.tr("done"), 1)
        self.progress_label.setText(
            self.tr("Run {run} finished {time}.").format(run=run.run_id, time=short_time(run.finished_at))
        )
        self.last_run = run
        self.verdict_label.setText(verdict_html(run))
        self.ctx.say(
            self.tr("Retraining finished: {verdict} (the reason is in the Model panel)").format(
                verdict=verdict_word(run.verdict)
            ),
            12000,
        )
        self.finished.emit("done", run)

    def _retrain_failed(self, failure: TaskFailure) -> None:
        self._retrain_ended(self.tr("failed"))
        self.progress_label.setText("")
        self.verdict_label.setText(
            "<span style='color:#b91c1c; font-weight:bold'>"
            + self.tr("The retraining stopped with an error ({code}).").format(code=failure.code.value)
            + f"</span><br>{html.escape(sentence(failure.message))} "
            + self.tr("The active model is unchanged.")
        )
        self.ctx.report(failure)
        self.finished.emit("failed", failure)

    def _retrain_cancelled(self) -> None:
        self._retrain_ended(self.tr("cancelled"))
        self.progress_label.setText("")
        self.verdict_label.setText(self.tr("Cancelled: nothing was changed; the active model stays."))
        self.finished.emit("cancelled", None)  # a cancelled run is recorded too

    # ------------------------------------------------------------------ run history
    def show_runs(self, details: ModelDetails) -> None:
        runs = details.runs
        rows = [run_row(r) for r in runs]
        colors = [RUN_COLORS.get(r.verdict) for r in runs]
        keys = {0: [i for i in range(len(runs), 0, -1)], 4: [_as_float(row[4]) for row in rows]}
        current = self.selected_run.run_id if self.selected_run else None
        want = self.last_run.run_id if self.last_run else current
        self.runs_model.set_rows(rows, keys=keys, colors=colors, payload=[r.run_id for r in runs])
        if details.runs_error:
            self.runs_note.setText(f"<span style='color:#b91c1c'>{html.escape(details.runs_error)}</span>")
        else:
            self.runs_note.setText(
                self.tr("No retraining has run yet.")
                if not runs
                else self.tr("1 run, newest first.")
                if len(runs) == 1
                else self.tr("{n} runs, newest first.").format(n=len(runs))
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
        if self.last_run is not None and self.last_run.run_id == run_id:
            self.show_run(self.last_run)
            return
        self.ctx.runner.submit(
            lambda c: model_service.read_run(run_id, c),
            slot="model-run",
            pool="io",
            label="reading the retraining run",
            on_done=self.show_run,
        )

    def show_run(self, run: RunRecord) -> None:
        self.selected_run = run
        self.details_view.show_run(run)
        self.run_loaded.emit(run)


def _as_float(text: str) -> float | None:
    try:
        return float(text.replace(",", ""))
    except (TypeError, ValueError):
        return None
