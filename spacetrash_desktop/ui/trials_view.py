"""The "Suggested trials" view of the Model panel: the next trials that would teach the model most per
kg of stock, kWh and crew minute (docs/TRIALS.md), each with what it would teach and what it costs,
and the two steps after it: **Work order…** and **Report result…** (the Feedback panel, pre-filled).

Computed on a worker (``services.suggest.suggest_trials``): the current search's result when there is
one for the current target, otherwise a search of its own over the current inventory.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spacetrash_desktop.services import suggest as suggest_service
from spacetrash_desktop.services.suggest import TrialPlan, TrialSuggestion
from spacetrash_desktop.ui.context import AppContext
from spacetrash_desktop.ui.tasks import Task, TaskFailure
from spacetrash_desktop.ui.views import RunInfo
from spacetrash_desktop.ui.widgets import button_row, push_button, section_title
from spacetrash_desktop.ui.workorder_dialog import open_work_order

COLUMNS = (
    "#",
    QT_TRANSLATE_NOOP("TrialsView", "Recipe"),
    QT_TRANSLATE_NOOP("TrialsView", "What it would teach"),
    QT_TRANSLATE_NOOP("TrialsView", "What it costs"),
)


class TrialsView(QWidget):
    """Next N trials with reason and cost; Work order… and Report result… for the selected one."""

    plan_ready = Signal(object)  # TrialPlan
    plan_failed = Signal(object)  # TaskFailure
    work_order_opened = Signal(object)  # the WorkOrderDialog

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.work_order_dialog = None  # the last work order opened from here
        self.setObjectName("trialsView")
        self.ctx = ctx
        self.plan: TrialPlan | None = None
        self.run: RunInfo | None = None
        self.task: Task | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 0)
        lay.addWidget(section_title(self.tr("Suggested trials")))
        lay.addLayout(self._build_controls())
        self.note = QLabel(
            self.tr(
                "Which recipes to make next so that the model learns most for the stock, energy and crew time "
                "they cost. Press <b>Suggest trials</b>."
            )
        )
        self.note.setObjectName("trialsNote")
        self.note.setWordWrap(True)
        lay.addWidget(self.note)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("trialsTable")
        self.table.setAccessibleName(self.tr("Suggested trials"))
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate("TrialsView", c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        hdr = self.table.horizontalHeader()
        hdr.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for c in (1, 2, 3):
            hdr.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)
        hdr.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())  # wrapped text
        self.table.itemSelectionChanged.connect(self._update_buttons)
        lay.addWidget(self.table, 1)
        self.work_order_button = push_button(
            self.tr("Work order…"),
            self.tr("The work order of the selected trial: preview, print, save as PDF or HTML"),
            self.choose_work_order,
        )
        self.report_button = push_button(
            self.tr("Report result…"),
            self.tr("Open the Feedback panel for the selected trial, ready for its measurements"),
            self.report,
        )
        lay.addLayout(button_row(self.work_order_button, self.report_button))
        self._update_buttons()

    def _build_controls(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.n_spin = QSpinBox()
        self.n_spin.setObjectName("trialsN")
        self.n_spin.setRange(1, 20)
        self.n_spin.setMinimumWidth(84)  # two digits and the arrows, never squeezed (issue 17)
        self.n_spin.setValue(suggest_service.DEFAULT_N)
        self.n_spin.setAccessibleName(self.tr("How many trials"))
        self.kwh_spin = QDoubleSpinBox()
        self.kwh_spin.setObjectName("trialsBudgetKwh")
        self.kwh_spin.setRange(0.0, 10000.0)
        self.kwh_spin.setDecimals(1)
        self.kwh_spin.setSpecialValueText(self.tr("no limit"))
        self.kwh_spin.setSuffix(" kWh")
        self.kwh_spin.setAccessibleName(self.tr("Energy budget for the trials"))
        self.min_spin = QSpinBox()
        self.min_spin.setObjectName("trialsBudgetCrew")
        self.min_spin.setRange(0, 100000)
        self.min_spin.setSpecialValueText(self.tr("no limit"))
        self.min_spin.setSuffix(" min")
        self.min_spin.setAccessibleName(self.tr("Crew-time budget for the trials"))
        self.suggest_button = push_button(
            self.tr("Suggest trials"),
            self.tr("Rank the feasible recipes by what their trial would teach per cost"),
            self.compute,
        )
        for label, w in (
            (self.tr("Trials"), self.n_spin),
            (self.tr("Energy budget"), self.kwh_spin),
            (self.tr("Crew time"), self.min_spin),
        ):
            row.addWidget(QLabel(label))
            row.addWidget(w)
        row.addWidget(self.suggest_button)
        row.addStretch(1)
        return row

    # ------------------------------------------------------------------ computing
    def compute(self) -> Task | None:
        """Plan the trials on a worker (the current result when it is for the current target)."""
        view = self.ctx.results.view
        target = self.ctx.target or (view.run.target if view.run is not None else None)
        if target is None:
            self.note.setText(self.tr("Choose a target first (Target tab)."))
            return None
        result = None
        if view.result is not None and view.final and view.run is not None and view.run.target == target:
            items = tuple(view.run.items)
            result = view.result
            self.run = view.run
        else:
            items = tuple(self.ctx.inventory.snapshot())
            self.run = RunInfo(serial=-1, items=items, target=target)
        n, kwh, mins = self.n_spin.value(), self.kwh_spin.value() or None, self.min_spin.value() or None
        scorer_factory = self.ctx.scorer_factory

        def work(c):
            # the scorer is fetched on the worker: before the start-up model task ends it loads the model
            scorer = None if result is not None else scorer_factory()
            return suggest_service.suggest_trials(
                items,
                target,
                n=n,
                budget_kwh=kwh,
                budget_crew_min=float(mins) if mins else None,
                ctx=c,
                result=result,
                scorer=scorer,
                time_budget_s=self.ctx.time_budget_s,
            )

        self.suggest_button.setEnabled(False)
        self.note.setText(self.tr("Ranking the trials…"))
        self.task = self.ctx.runner.submit(
            work,
            slot="suggested-trials",
            label="suggesting trials",
            on_done=self.show_plan,
            on_error=self._failed,
            on_cancelled=lambda: self.suggest_button.setEnabled(True),
        )
        return self.task

    def _failed(self, failure: TaskFailure) -> None:
        self.task = None
        self.suggest_button.setEnabled(True)
        self.note.setText(
            self.tr("The trials could not be suggested: {reason}").format(reason=html.escape(failure.message))
        )
        self.plan_failed.emit(failure)

    def show_plan(self, plan: TrialPlan) -> None:
        self.task = None
        self.plan = plan
        self.suggest_button.setEnabled(True)
        self.note.setText(html.escape(plan.note))
        self.table.setRowCount(len(plan.suggestions))
        for r, s in enumerate(plan.suggestions):
            c = s.candidate
            cells = (
                str(s.rank),
                f"{' + '.join(c.item_names)}\n{self._process_name(c)}",
                s.teaches,
                s.cost_text.replace("; ", "\n"),
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if col == 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r, col, item)
        self.table.resizeRowsToContents()
        if plan.suggestions:
            self.table.selectRow(0)
        self._update_buttons()
        self.plan_ready.emit(plan)

    def _process_name(self, cand) -> str:
        """The process's name in the window's language (the catalog's), else the candidate's own."""
        pid = getattr(getattr(cand, "recipe", None), "process_id", "")
        proc = self.ctx.catalog.processes.get(pid) if self.ctx.catalog is not None and pid else None
        return proc.name if proc is not None else cand.process_name

    # ------------------------------------------------------------------ the selected trial
    def selected(self) -> TrialSuggestion | None:
        if self.plan is None:
            return None
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        r = rows[0].row()
        return self.plan.suggestions[r] if 0 <= r < len(self.plan.suggestions) else None

    def _update_buttons(self) -> None:
        on = self.selected() is not None
        self.work_order_button.setEnabled(on)
        self.report_button.setEnabled(on)

    def choose_work_order(self) -> Task | None:
        """The selected trial's work order in its preview (print, save as PDF or HTML), as for any recipe."""
        s = self.selected()
        if s is None or self.run is None:
            return None
        return open_work_order(self, self.ctx, s.candidate, self.run, self._work_order_opened)

    def _work_order_opened(self, dialog) -> None:
        self.work_order_dialog = dialog
        self.work_order_opened.emit(dialog)

    def report(self) -> None:
        """The Feedback panel, pre-filled with the selected trial's recipe and prediction."""
        s = self.selected()
        if s is not None:
            self.ctx.request_feedback(s.candidate, self.run)
