"""The feedback form: how a recipe the crew made turned out, checked as it is typed, and saved.

* The recipe comes from the Candidates tab ("Report how it turned out…" in the detail pane, or "Use
  the recipe selected in Candidates") or from a past report ("Report on this recipe again").
* Rigidity and tightness (0–1, each measured or judged, and how), energy, water, crew time and
  product mass (non-negative), pass / fail / not known, notes and who (remembered). Every field is
  checked as it is typed; a value that makes no sense is refused at the field with the reason.
* **Save** records the row through ``services.feedback`` on a worker (an fsynced Parquet segment)
  and shows its row id. The row's id and time are fixed when Save is pressed, so saving it again can
  never record it twice. When the disk refuses (full, read-only) the form says so and the
  :class:`PendingBanner` offers **Retry**: the row waits in the feedback service (its one keeper),
  and nothing saved earlier is touched.
"""

from __future__ import annotations

import html
import json
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from spacetrash_desktop.errors import BadInputError, ErrorCode, StorageError
from spacetrash_desktop.services import feedback as feedback_service
from spacetrash_desktop.ui.context import AppContext
from spacetrash_desktop.ui.feedback_entry import ReportEntry
from spacetrash_desktop.ui.feedback_views import MadeRecipe
from spacetrash_desktop.ui.measure_widget import MeasureWidget  # "How did you measure it?" (issue 15)
from spacetrash_desktop.ui.tasks import Task, TaskFailure
from spacetrash_desktop.ui.widgets import button_row, push_button, section_title

NO_RECIPE = QT_TRANSLATE_NOOP(
    "FeedbackForm",
    "<span style='color:#4b5563'>No recipe chosen. Select the recipe the crew made in the Candidates "
    "tab and press <b>Report how it turned out…</b> in its detail pane, or pick a past report below "
    "and press <b>Report on this recipe again…</b>.</span>",
)


class PendingBanner(QFrame):
    """ "N reports are not saved yet … Retry": shown while the feedback service keeps rows to retry."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pendingBanner")
        self.setStyleSheet(
            "QFrame#pendingBanner { background: #fef2f2; border: 1px solid #fca5a5; border-radius: 4px; }"
        )
        pl = QHBoxLayout(self)
        self.label = QLabel("")
        self.label.setObjectName("pendingText")
        self.label.setWordWrap(True)
        self.label.setAccessibleName(self.tr("Unsaved feedback"))
        self.retry_button = QPushButton(self.tr("Retry"))
        self.retry_button.setObjectName("retryButton")
        self.retry_button.setToolTip(self.tr("Try again to save the reports kept in memory (each is recorded once)"))
        pl.addWidget(self.label, 1)
        pl.addWidget(self.retry_button)
        self.setVisible(False)

    def show_waiting(self, n: int, reason: str, *, can_retry: bool) -> None:
        if not n:
            self.setVisible(False)
            return
        text = (
            self.tr(
                "<b>1 report is not saved yet.</b> {reason} It is kept in memory and nothing saved earlier was "
                "touched. Free some disk space or check the data folder, then press <b>Retry</b>."
            )
            if n == 1
            else self.tr(
                "<b>{n} reports are not saved yet.</b> {reason} They are kept in memory and nothing saved earlier "
                "was touched. Free some disk space or check the data folder, then press <b>Retry</b>."
            )
        )
        self.label.setText(text.format(n=n, reason=html.escape(reason)))
        self.setVisible(True)
        self.retry_button.setEnabled(can_retry)


class FeedbackForm(QWidget):
    """The report on one recipe: entry, checks as typed, Save and Retry (see the module docstring).
    The entry scrolls; Save and Clear stay pinned under it, always in view (issue 17)."""

    saved = Signal(str)  # row id, once per row saved
    recorded = Signal(list)  # the row ids one save or retry recorded
    save_failed = Signal(object)  # TaskFailure
    recipe_changed = Signal(object)  # MadeRecipe | None

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("feedbackFormPane")
        self.ctx = ctx
        self.made: MadeRecipe | None = None
        self._row_key: dict[str, str] = {}  # content key -> row id of a saved report (same report, same id)
        self._save_task: Task | None = None
        self._retry_task: Task | None = None
        self._storage_failure: TaskFailure | None = None
        self.last_saved: str | None = None

        self.save_action = QAction(self.tr("&Save feedback"), self)
        self.save_action.setShortcut(QKeySequence("Ctrl+S"))
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_action.setToolTip(self.tr("Record this report now; it is saved to disk at once (Ctrl+S)"))
        self.save_action.triggered.connect(self.save)
        self.pending_banner = PendingBanner()  # the panel shows it above both columns, never scrolled away
        self.pending_banner.retry_button.clicked.connect(self.retry)

        inner = QWidget()
        inner.setObjectName("feedbackForm")
        lay = QVBoxLayout(inner)
        lay.setContentsMargins(0, 0, 8, 0)
        self._build_recipe(lay)
        self.entry = ReportEntry()
        self.entry.changed.connect(self._changed)
        lay.addWidget(self.entry)
        self.measure_widget = MeasureWidget(self.entry)  # "How did you measure it?" (issue 15)
        lay.addWidget(self.measure_widget)
        lay.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("feedbackFormScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll, 1)
        self._build_buttons(outer)
        # wide enough that the entry never needs a horizontal scroll bar (fields are not cut, issue 17)
        bar = self.scroll.verticalScrollBar().sizeHint().width()
        self.setMinimumWidth(max(520, inner.minimumSizeHint().width() + bar + 4))
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        ctx.feedback_requested.connect(self.report_on)
        ctx.selection.changed.connect(self._update_use_selected)
        self.set_recipe(None)

    # ------------------------------------------------------------------ building
    def _build_recipe(self, lay: QVBoxLayout) -> None:
        lay.addWidget(section_title(self.tr("The recipe the crew made")))
        self.recipe_label = QLabel()
        self.recipe_label.setObjectName("feedbackRecipe")
        self.recipe_label.setWordWrap(True)
        self.recipe_label.setTextFormat(Qt.TextFormat.RichText)
        self.recipe_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.recipe_label.setAccessibleName(self.tr("The recipe the crew made"))
        lay.addWidget(self.recipe_label)
        self.use_selected_button = QPushButton(self.tr("Use the recipe selected in Candidates"))
        self.use_selected_button.setToolTip(
            self.tr("Report on the recipe currently selected in the Candidates tab or on the Trade-offs plot")
        )
        self.use_selected_button.clicked.connect(self.use_selected)
        ub = QHBoxLayout()
        ub.addWidget(self.use_selected_button)
        ub.addStretch(1)
        lay.addLayout(ub)

    def _build_buttons(self, lay: QVBoxLayout) -> None:
        self.save_button = push_button(
            self.tr("Save feedback  (Ctrl+S)"), self.save_action.toolTip(), self.save, name="primaryButton"
        )
        self.clear_button = push_button(
            self.tr("Clear the form"), self.tr("Empty every field (the recipe and your name stay)"), self.clear_form
        )
        lay.addLayout(button_row(self.save_button, self.clear_button))
        self.form_hint = QLabel("")
        self.form_hint.setObjectName("hint")
        self.form_hint.setWordWrap(True)
        lay.addWidget(self.form_hint)
        self.save_status = QLabel("")
        self.save_status.setObjectName("saveStatus")
        self.save_status.setWordWrap(True)
        self.save_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_status.setAccessibleName(self.tr("Save status"))
        lay.addWidget(self.save_status)

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
        self.entry.fields["rigidity"].edit.setFocus()

    def use_selected(self) -> None:
        view = self.ctx.results.view
        cand = view.candidate(self.ctx.selection.current)
        if cand is None:
            self.ctx.say(self.tr("Select a recipe in the Candidates tab first."), 6000)
            return
        self.report_on(cand, view.run)

    def report_again(self, record: dict) -> None:
        """Fill the form with the recipe, target and prediction of a past report."""
        self.set_recipe(MadeRecipe.from_feedback_row(record))
        self.entry.fields["rigidity"].edit.setFocus()

    def set_recipe(self, made: MadeRecipe | None) -> None:
        self.made = made
        if made is None:
            self.recipe_label.setText(self.tr(NO_RECIPE))
        else:
            batch = (
                self.tr("batch of {mass} (from a past report)")
                if made.source == "feedback"
                else self.tr("batch of {mass}")
            ).format(mass=html.escape(made.batch_text()))
            self.recipe_label.setText(
                f"<b>{html.escape(self._process_name(made))}</b> · {batch}<br>"
                f"{html.escape(made.items_text())}<br>"
                "<span style='color:#4b5563'>"
                + self.tr("Recipe {recipe} · target {target} · predicted by {model}").format(
                    recipe=html.escape(made.recipe_id),
                    target=html.escape(made.target_name),
                    model=html.escape(made.model_label),
                )
                + "</span>"
            )
        self.entry.show_predicted(made)
        self._update_use_selected()
        self._update_save()
        self.recipe_changed.emit(made)

    def _process_name(self, made: MadeRecipe) -> str:
        """The process's name in the window's language (the catalog's), else as the recipe recorded it."""
        pid = str(made.candidate.get("process_id") or "")
        proc = self.ctx.catalog.processes.get(pid) if self.ctx.catalog is not None and pid else None
        return proc.name if proc is not None else made.process_name

    def _update_use_selected(self, *_) -> None:
        cur = self.ctx.selection.current
        self.use_selected_button.setEnabled(
            bool(cur) and (self.made is None or self.made.recipe_id != cur or self.made.source != "results")
        )

    # ------------------------------------------------------------------ the report
    def report(self) -> dict[str, Any]:
        """The crew's report as services.feedback REPORT_FIELDS (only what was given)."""
        return self.entry.report()

    def problems(self) -> list[str]:
        """Why Save is not possible now (empty: it is)."""
        return [text for _at_field, text in self._problems()]

    def _problems(self) -> list[tuple[bool, str]]:
        """(shown at a field?, why) for everything that stops Save."""
        first = [(False, self.tr("Choose the recipe the crew made first."))] if self.made is None else []
        return first + self.entry.problems()

    def _changed(self, *_):
        self._update_save()

    def _update_save(self) -> None:
        found = self._problems()
        problems = [text for _f, text in found]
        ok = not problems and self._save_task is None
        self.save_button.setEnabled(ok)
        self.save_action.setEnabled(ok)
        self.save_button.setToolTip(
            self.save_action.toolTip() if not problems else self.tr("Cannot save yet: ") + " ".join(problems)
        )
        general = [text for at_field, text in found if not at_field]  # the others are shown at their field
        self.form_hint.setText(general[0] if general and self.made is not None else "")

    def clear_form(self) -> None:
        self.entry.clear()
        self._update_save()

    # ------------------------------------------------------------------ saving
    def save(self) -> Task | None:
        if self._save_task is not None or self.problems() or self.made is None:
            self._update_save()
            return None
        report = self.report()
        made = self.made
        key = json.dumps([made.recipe_id, made.source, made.model, report], sort_keys=True, default=str)
        rid = self._row_key.get(key)
        row = feedback_service.pending_feedback_row(rid) if rid else None
        if row is None:  # a new report; the same report saved again after a refusal keeps its id
            try:
                row = made.to_row(
                    report, row_id=feedback_service.new_row_id(), recorded_at=feedback_service.utc_now_iso()
                )
            except BadInputError as exc:
                self._refused(exc.message)
                return None
        self._row_key[key] = row["row_id"]
        self.entry.remember_who(report.get("who", ""))
        self._set_status(self.tr("Saving…"), "saving")

        def work(_c):
            return feedback_service.record_feedback(row)  # checks the row once, then saves it

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

    def _refused(self, message: str) -> None:
        """The row's own checks refused it: say why; the form keeps the values to fix."""
        self._set_status(f"<span style='color:#b91c1c'>{html.escape(message)}</span>", "problem")

    def _saved(self, row_id: str) -> None:
        self._save_task = None
        self._forget(row_id)
        self.last_saved = row_id
        self.clear_form()
        self._set_status(
            self.tr("<span style='color:#166534'>✓ Saved as row <b>{row}</b>.</span> It is on disk now.").format(
                row=html.escape(row_id)
            ),
            "saved",
        )
        self._update_pending()
        self.ctx.say(self.tr("Feedback saved (row {row})").format(row=row_id), 8000)
        self.recorded.emit([row_id])
        self.saved.emit(row_id)

    def _save_failed(self, row: dict, failure: TaskFailure) -> None:
        self._save_task = None
        if failure.code == ErrorCode.BAD_INPUT:  # the row's checks refused it: nothing was kept
            self._forget(row["row_id"])
            self._refused(failure.message)
            self._update_save()
            return
        if failure.code == ErrorCode.STORAGE_ERROR:  # the feedback service keeps it, to retry
            self._storage_failure = failure
            self._set_status(
                "<span style='color:#b91c1c'>"
                + self.tr("Not saved yet: the disk refused the write (see below).")
                + "</span>",
                "failed",
            )
        else:  # not a disk problem: retrying would not help; the form keeps the values to fix
            self._forget(row["row_id"])
            self._set_status(
                "<span style='color:#b91c1c'>"
                + self.tr("Not saved: {reason}").format(reason=html.escape(failure.message))
                + "</span>",
                "failed",
            )
        self._update_pending()
        self._update_save()
        self.ctx.report(failure)
        self.save_failed.emit(failure)

    def _save_cancelled(self) -> None:
        self._save_task = None
        self._update_save()

    def _forget(self, row_id: str) -> None:
        for k in [k for k, v in self._row_key.items() if v == row_id]:
            del self._row_key[k]

    # ------------------------------------------------------------------ rows waiting for a retry
    def unsaved_count(self) -> int:
        """How many reports the feedback service keeps because the disk refused them."""
        try:
            return len(feedback_service.pending_feedback())
        except StorageError:  # no data folder at all: nothing could be kept there either
            return 0

    def _update_pending(self) -> None:
        reason = (
            self._storage_failure.message
            if self._storage_failure is not None
            else self.tr("The disk refused the write.")
        )
        self.pending_banner.show_waiting(self.unsaved_count(), reason, can_retry=self._retry_task is None)

    def retry(self) -> Task | None:
        if self._retry_task is not None or self._save_task is not None or not self.unsaved_count():
            return None

        def work(_c):
            return feedback_service.retry_pending_feedback()  # the same rows, same ids: recorded once

        self.pending_banner.retry_button.setEnabled(False)
        self.pending_banner.label.setText(self.tr("Trying again…"))
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
            "<span style='color:#166534'>"
            + (
                self.tr("✓ Saved 1 kept report: {ids}.")
                if len(ids) == 1
                else self.tr("✓ Saved {n} kept reports: {ids}.")
            ).format(n=len(ids), ids=html.escape(", ".join(ids)))
            + "</span>",
            "saved",
        )
        self.ctx.say(self.tr("{n} kept feedback report(s) saved").format(n=len(ids)), 8000)
        self._update_pending()
        self.recorded.emit(list(ids))
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

    def close_warning(self) -> str:
        """Why closing now would lose something (empty: nothing would be lost)."""
        n = self.unsaved_count()
        if not n:
            return ""
        if n == 1:
            return self.tr("1 feedback report could not be saved (the disk refused the write) and is only in memory.")
        return self.tr(
            "{n} feedback reports could not be saved (the disk refused the write) and are only in memory."
        ).format(n=n)
