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
import math
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from spacetrash_desktop.common import parse_number
from spacetrash_desktop.errors import BadInputError, ErrorCode, StorageError
from spacetrash_desktop.services import feedback as feedback_service
from spacetrash_desktop.ui.context import AppContext
from spacetrash_desktop.ui.feedback_views import PROP_TITLES, PROP_UNITS, REPORT_PROPS, MadeRecipe
from spacetrash_desktop.ui.tasks import Task, TaskFailure
from spacetrash_desktop.ui.widgets import CheckedNumberField, mark_invalid, section_title

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
INDEX_PROPS = ("rigidity", "tightness")  # 0–1, each measured or judged, and how
WHO_HISTORY = 12
NO_RECIPE = (
    "<span style='color:#4b5563'>No recipe chosen. Select the recipe the crew made in the Candidates "
    "tab and press <b>Report how it turned out…</b> in its detail pane, or pick a past report below "
    "and press <b>Report on this recipe again…</b>.</span>"
)


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
        self.label.setAccessibleName("Unsaved feedback")
        self.retry_button = QPushButton("Retry")
        self.retry_button.setObjectName("retryButton")
        self.retry_button.setToolTip("Try again to save the reports kept in memory (each is recorded once)")
        pl.addWidget(self.label, 1)
        pl.addWidget(self.retry_button)
        self.setVisible(False)

    def show_waiting(self, n: int, reason: str, *, can_retry: bool) -> None:
        if not n:
            self.setVisible(False)
            return
        self.label.setText(
            f"<b>{n} report{'s are' if n != 1 else ' is'} not saved yet.</b> {html.escape(reason)} "
            f"{'They are' if n != 1 else 'It is'} kept in memory and nothing saved earlier was touched. Free some "
            "disk space or check the data folder, then press <b>Retry</b>."
        )
        self.setVisible(True)
        self.retry_button.setEnabled(can_retry)


class FeedbackForm(QScrollArea):
    """The report on one recipe: entry, checks as typed, Save and Retry (see the module docstring)."""

    saved = Signal(str)  # row id, once per row saved
    recorded = Signal(list)  # the row ids one save or retry recorded
    save_failed = Signal(object)  # TaskFailure
    recipe_changed = Signal(object)  # MadeRecipe | None

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("feedbackFormScroll")
        self.ctx = ctx
        self.made: MadeRecipe | None = None
        self._row_key: dict[str, str] = {}  # content key -> row id of a saved report (same report, same id)
        self._save_task: Task | None = None
        self._retry_task: Task | None = None
        self._storage_failure: TaskFailure | None = None
        self.last_saved: str | None = None

        self.save_action = QAction("&Save feedback", self)
        self.save_action.setShortcut(QKeySequence("Ctrl+S"))
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_action.setToolTip("Record this report now; it is saved to disk at once (Ctrl+S)")
        self.save_action.triggered.connect(self.save)
        self.pending_banner = PendingBanner()  # the panel shows it above both columns, never scrolled away
        self.pending_banner.retry_button.clicked.connect(self.retry)

        inner = QWidget()
        inner.setObjectName("feedbackForm")
        lay = QVBoxLayout(inner)
        lay.setContentsMargins(0, 0, 8, 0)
        self._build_recipe(lay)
        lay.addWidget(section_title("What the crew found"))
        lay.addLayout(self._build_results())
        lay.addWidget(section_title("Outcome"))
        lay.addLayout(self._build_outcome())
        self._build_buttons(lay)
        lay.addStretch(1)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(inner)
        self.setMinimumWidth(520)

        ctx.feedback_requested.connect(self.report_on)
        ctx.selection.changed.connect(self._update_use_selected)
        self.set_recipe(None)

    # ------------------------------------------------------------------ building
    def _build_recipe(self, lay: QVBoxLayout) -> None:
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

    def _build_results(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        grid.addWidget(QLabel("<b>Actual</b>"), 0, 1, 1, 2)
        grid.addWidget(QLabel("<b>Found by</b>"), 0, 3)
        grid.addWidget(QLabel("<b>Predicted [95% interval]</b>"), 0, 4)
        self.fields: dict[str, ReportField] = {}
        self.methods: dict[str, QComboBox] = {}
        self.hows: dict[str, QLineEdit] = {}
        self.method_errors: dict[str, QLabel] = {}
        self.predicted_labels: dict[str, QLabel] = {}
        row = 1
        for key in REPORT_PROPS:
            index = key in INDEX_PROPS
            f = ReportField(key, PROP_UNITS[key], 0.0, 1.0 if index else None)
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
                self._add_method_rows(grid, key, row)
                grid.addWidget(f.error, row + 2, 1, 1, 4)
                grid.addWidget(self.method_errors[key], row + 3, 1, 1, 4)
                row += 4
            else:
                grid.addWidget(f.error, row + 1, 1, 1, 4)
                row += 2
        grid.setColumnStretch(4, 1)
        return grid

    def _add_method_rows(self, grid: QGridLayout, key: str, row: int) -> None:
        """ "Found by" (measured / judged) and "how" for a 0–1 index."""
        title = PROP_TITLES[key].lower()
        combo = QComboBox()
        combo.setObjectName(f"feedback_{key}_method")
        combo.setAccessibleName(f"How {title} was found")
        combo.addItem("choose…", None)
        combo.addItem("measured", "measured")
        combo.addItem("judged", "judged")
        combo.setToolTip("measured: with an instrument or a repeatable test; judged: by hand and eye")
        combo.currentIndexChanged.connect(self._changed)
        how = QLineEdit()
        how.setObjectName(f"feedback_{key}_how")
        how.setPlaceholderText(HOW_PLACEHOLDER[key])
        how.setAccessibleName(f"What was measured for {title} and how")
        how.setToolTip(
            "What was measured and how (the test, the instrument, the sample), or what the judgement was based on"
        )
        how.setMaxLength(2000)
        merr = QLabel("")
        merr.setObjectName("fieldError")
        merr.setWordWrap(True)
        merr.setVisible(False)
        self.methods[key], self.hows[key], self.method_errors[key] = combo, how, merr
        grid.addWidget(combo, row, 3)
        grid.addWidget(how, row + 1, 1, 1, 4)

    def _build_outcome(self) -> QGridLayout:
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
        return ol

    def _build_buttons(self, lay: QVBoxLayout) -> None:
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

    def report_again(self, record: dict) -> None:
        """Fill the form with the recipe, target and prediction of a past report."""
        self.set_recipe(MadeRecipe.from_feedback_row(record))
        self.fields["rigidity"].edit.setFocus()

    def set_recipe(self, made: MadeRecipe | None) -> None:
        self.made = made
        if made is None:
            self.recipe_label.setText(NO_RECIPE)
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
            reason = self._method_problem(key, combo)
            err = self.method_errors[key]
            err.setText(reason)
            err.setVisible(bool(reason))
            mark_invalid(combo, bool(reason))
            if reason:
                out.append((True, reason))
        if not any(f.value() is not None for f in self.fields.values()) and self.outcome_buttons["unknown"].isChecked():
            out.append((False, "Enter at least one result (a value, or passed / failed)."))
        return out

    def _method_problem(self, key: str, combo: QComboBox) -> str:
        has_value = self.fields[key].value() is not None
        if has_value and not combo.currentData():
            return f"Say whether {PROP_TITLES[key].lower()} was measured or judged."
        if not has_value and combo.currentData() and not self.fields[key].reason:
            return f"Enter the {PROP_TITLES[key].lower()} that was {combo.currentData()}, or set 'choose…'."
        return ""

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
        self._remember_who(report.get("who", ""))
        self._set_status("Saving…", "saving")

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
            f"<span style='color:#166534'>✓ Saved as row <b>{html.escape(row_id)}</b>.</span> It is on disk now.",
            "saved",
        )
        self._update_pending()
        self.ctx.say(f"Feedback saved (row {row_id})", 8000)
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
        reason = self._storage_failure.message if self._storage_failure is not None else "The disk refused the write."
        self.pending_banner.show_waiting(self.unsaved_count(), reason, can_retry=self._retry_task is None)

    def retry(self) -> Task | None:
        if self._retry_task is not None or self._save_task is not None or not self.unsaved_count():
            return None

        def work(_c):
            return feedback_service.retry_pending_feedback()  # the same rows, same ids: recorded once

        self.pending_banner.retry_button.setEnabled(False)
        self.pending_banner.label.setText("Trying again…")
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
        return (
            f"{n} feedback report{'s' if n != 1 else ''} could not be saved (the disk refused the write) and "
            f"{'are' if n != 1 else 'is'} only in memory."
        )

    # ------------------------------------------------------------------ who reports (remembered)
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

    def save_who(self, settings) -> None:
        names = [self.who.itemText(i) for i in range(self.who.count())]
        current = self.who.currentText().strip()
        if current and current not in names:
            names.insert(0, current)
        settings.setValue("feedback/who", current)
        settings.setValue("feedback/who_history", json.dumps(names[:WHO_HISTORY]))

    def restore_who(self, settings) -> None:
        try:
            names = json.loads(str(settings.value("feedback/who_history", "[]") or "[]"))
        except ValueError:
            names = []
        names = [str(n) for n in names if isinstance(n, str) and n.strip()][:WHO_HISTORY]
        self.who.clear()
        self.who.addItems(names)
        self.who.setCurrentText(str(settings.value("feedback/who", "") or ""))
