"""Feedback panel: how a recipe the crew made turned out, and the feedback recorded so far.

Two halves side by side, each its own widget:

* :class:`~spacetrash_desktop.ui.feedback_form.FeedbackForm` (``feedback_form.py``): the recipe,
  the report on it (:class:`~spacetrash_desktop.ui.feedback_entry.ReportEntry`, checked as it is
  typed), **Save** and **Retry** (rows the disk refused wait in ``services.feedback``; the banner
  above both columns says so);
* :class:`~spacetrash_desktop.ui.feedback_history.FeedbackHistory` (``feedback_history.py``): past
  feedback with predicted vs actual, "Report on this recipe again…", and the File menu's export and
  import.

The panel wires them together and keeps the names the window and the tests use.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import QMessageBox, QVBoxLayout, QWidget

from spacetrash_desktop.ui.context import AppContext
from spacetrash_desktop.ui.feedback_entry import ReportEntry, ReportField
from spacetrash_desktop.ui.feedback_form import FeedbackForm
from spacetrash_desktop.ui.feedback_history import (
    FeedbackHistory,
    FeedbackListModel,
    ImportSummaryDialog,
    PvaModel,
)
from spacetrash_desktop.ui.feedback_views import MadeRecipe
from spacetrash_desktop.ui.tasks import Task
from spacetrash_desktop.ui.widgets import restore_layout, save_layout, splitter


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
        self.form = FeedbackForm(ctx)
        self.history = FeedbackHistory(ctx)
        self.addAction(self.form.save_action)  # Ctrl+S anywhere in the panel
        self.splitter = splitter(
            Qt.Orientation.Horizontal,
            "feedbackSplit",
            (self.form, self.history),
            (2, 3),
            (560, 860),
            collapsible=False,
        )
        lay = QVBoxLayout(self)
        lay.addWidget(self.form.pending_banner)
        lay.addWidget(self.splitter, 1)
        self._expose_parts()
        self._connect_parts()

    def _connect_parts(self) -> None:
        form, history = self.form, self.history
        form.recorded.connect(history.show_saved)
        history.report_again_requested.connect(form.report_again)
        form.saved.connect(self.saved)
        form.save_failed.connect(self.save_failed)
        form.recipe_changed.connect(self.recipe_changed)
        history.list_loaded.connect(self.list_loaded)
        history.exported.connect(self.exported)
        history.imported.connect(self.imported)

    def _expose_parts(self) -> None:
        """The widgets of both halves under the names the window, the screenshots and tests use."""
        form, entry, history = self.form, self.form.entry, self.history
        self.save_action = form.save_action
        self.recipe_label, self.use_selected_button = form.recipe_label, form.use_selected_button
        self.fields, self.methods, self.hows = entry.fields, entry.methods, entry.hows
        self.method_errors, self.predicted_labels = entry.method_errors, entry.predicted_labels
        self.outcome_group, self.outcome_buttons = entry.outcome_group, entry.outcome_buttons
        self.notes, self.who = entry.notes, entry.who
        self.save_button, self.clear_button = form.save_button, form.clear_button
        self.form_hint, self.save_status = form.form_hint, form.save_status
        self.pending_frame = form.pending_banner
        self.pending_label, self.retry_button = form.pending_banner.label, form.pending_banner.retry_button
        self.export_action, self.import_action = history.export_action, history.import_action
        self.list_model, self.table, self.count_label = history.list_model, history.table, history.count_label
        self.field_combo, self.filter_edit = history.field_combo, history.filter_edit
        self.reload_button, self.again_button = history.reload_button, history.again_button
        self.pva_model, self.pva_table, self.pva_title = history.pva_model, history.pva_table, history.pva_title
        self.list_splitter = history.list_splitter

    # ------------------------------------------------------------------ state of the halves
    @property
    def made(self) -> MadeRecipe | None:
        return self.form.made

    @property
    def last_saved(self) -> str | None:
        return self.form.last_saved

    @property
    def message_box(self) -> QMessageBox | None:
        return self.history.message_box

    @property
    def import_dialog(self) -> ImportSummaryDialog | None:
        return self.history.import_dialog

    @property
    def _list_task(self) -> Task | None:
        return self.history._list_task

    # ------------------------------------------------------------------ what the window and tests call
    def file_actions(self) -> list[QAction]:
        """Actions the window puts in its File menu."""
        return self.history.file_actions()

    def report_on(self, cand, run=None) -> None:
        self.form.report_on(cand, run)

    def use_selected(self) -> None:
        self.form.use_selected()

    def set_recipe(self, made: MadeRecipe | None) -> None:
        self.form.set_recipe(made)

    def report_again(self) -> None:
        self.history.report_again()

    def report(self) -> dict[str, Any]:
        return self.form.report()

    def problems(self) -> list[str]:
        return self.form.problems()

    def clear_form(self) -> None:
        self.form.clear_form()

    def save(self) -> Task | None:
        return self.form.save()

    def retry(self) -> Task | None:
        return self.form.retry()

    def unsaved_count(self) -> int:
        return self.form.unsaved_count()

    def refresh(self) -> Task:
        return self.history.refresh()

    def export_to(self, folder: str) -> Task:
        return self.history.export_to(folder)

    def import_files(self, paths: list[str]) -> Task:
        return self.history.import_files(paths)

    def choose_export_folder(self) -> None:
        self.history.choose_export_folder()

    def choose_import_files(self) -> None:
        self.history.choose_import_files()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.history.loaded_once:
            self.history.refresh()
        if (
            self.form.made is None
            and self.ctx.selection.current
            and self.ctx.results.view.candidate(self.ctx.selection.current) is not None
        ):
            self.form.use_selected()

    # ------------------------------------------------------------------ window hooks
    def _layout(self) -> dict:
        return {
            "feedback/splitter": self.splitter,
            "feedback/list_splitter": self.list_splitter,
            "feedback/header": self.table.horizontalHeader(),
        }

    def save_state(self, settings) -> None:
        self.form.entry.save_who(settings)
        save_layout(settings, self._layout())

    def restore_state(self, settings) -> None:
        self.form.entry.restore_who(settings)
        restore_layout(settings, self._layout())

    def close_warning(self) -> str:
        """Why closing now would lose something (empty: nothing would be lost)."""
        return self.form.close_warning()


__all__ = [
    "FeedbackForm",
    "FeedbackHistory",
    "FeedbackListModel",
    "FeedbackPanel",
    "PvaModel",
    "ReportEntry",
    "ReportField",
]
