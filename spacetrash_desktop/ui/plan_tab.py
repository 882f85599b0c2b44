"""Plan tab (issue 13): what to make, from which stock, on which sol, within the habitat's daily
budgets. The demands and budgets on the left (units, checked as typed); Make the plan runs the
planner on a worker (progress, Cancel / Esc); the plan, its charts and the explanation on the right;
a what-if sweep of one budget; export to JSON or CSV; "Mark as made…" on a plan line sends a
production request to whoever records production (``ctx.made_requested``); "Work order for a day…"
opens the printable work order of one sol (``ui/workorder_dialog.ask_day_work_order``)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from spacetrash_desktop.services import plan as plan_service
from spacetrash_desktop.ui.context import AppContext
from spacetrash_desktop.ui.plan_forms import BudgetsForm, DemandsTable, SweepForm
from spacetrash_desktop.ui.plan_result import PlanResultPane
from spacetrash_desktop.ui.plan_views import (
    BUDGET_INDEX,
    DemandRow,
    PlanDisplay,
    fmt_num,
    production_request,
    sweep_point,
)
from spacetrash_desktop.ui.tasks import Task, TaskFailure
from spacetrash_desktop.ui.widgets import (
    add_section,
    ask_save_path,
    button_row,
    make_action,
    progress_bar,
    progress_busy,
    progress_end,
    progress_step,
    push_button,
    restore_layout,
    save_layout,
    splitter,
)
from spacetrash_desktop.ui.workorder_dialog import ask_day_work_order

SLOT = "plan"
# shown through QCoreApplication.translate("PlanTab", ...)
TIP_RUN = QT_TRANSLATE_NOOP("PlanTab", "Plan production for these demands within these budgets (Ctrl+Enter)")
TIP_CANCEL = QT_TRANSLATE_NOOP("PlanTab", "Stop planning; the plan shown before stays (Esc)")
TIP_SWEEP = QT_TRANSLATE_NOOP(
    "PlanTab", "Make the plan for each value of one budget and plot demand met and waste diverted against it"
)


def _tip(text: str) -> str:
    return QCoreApplication.translate("PlanTab", text)


CandidateSource = Callable[..., Mapping]  # (request, ctx=...) -> product id -> PlanCandidates


class PlanTab(QWidget):
    run_finished = Signal(str)  # done | cancelled | failed
    sweep_finished = Signal(str)  # done | cancelled | failed

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("planTab")
        self.ctx = ctx
        cat = ctx.catalog
        self.process_names = {pid: p.name for pid, p in cat.processes.items()}
        self.products = [
            (p.target_id, p.name) for t in cat.targets.values() if t.kind == "scenario" for p in t.products
        ]
        self.candidate_source: CandidateSource = self._search_candidates  # tests inject a fast one
        self.task: Task | None = None
        self.kind = ""  # "plan" | "sweep" while a task runs
        self.display: PlanDisplay | None = None
        self._candidates: tuple[object, Mapping] | None = None  # (key, product id -> candidates)
        self.sweep_points: list[tuple[float, float, float]] = []

        self._build_actions()
        left = self._build_inputs()
        self.result_pane = PlanResultPane()
        self.result_pane.made_button.clicked.connect(self.mark_as_made)
        self.result_pane.export_button.clicked.connect(self.export_action.trigger)
        self.result_pane.workorder_button.clicked.connect(self.work_order_action.trigger)
        self.sol_dialog = self.work_order_dialog = None  # the last ones opened (for the tests)
        self.splitter = splitter(
            Qt.Orientation.Horizontal, "planSplit", (left, self.result_pane), (0, 1), (460, 820), collapsible=False
        )
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.splitter)
        self.reset_to_defaults()
        ctx.inventory_changed.connect(self._stock_changed)
        ctx.inventory.subscribe(lambda _change: self._stock_changed())

    # ------------------------------------------------------------------ layout
    def _build_actions(self) -> None:
        self.run_action = make_action(
            self, self.tr("Make the &plan"), self.run_plan, tip=_tip(TIP_RUN), shortcuts=["Ctrl+Return"]
        )
        self.cancel_action = make_action(
            self,
            self.tr("&Cancel planning"),
            self.cancel,
            tip=_tip(TIP_CANCEL),
            shortcuts=[QKeySequence(Qt.Key.Key_Escape)],
        )
        self.cancel_action.setEnabled(False)
        self.export_action = make_action(
            self,
            self.tr("Export the production &plan…"),
            self.choose_export_file,
            tip=self.tr("Save the plan as JSON or CSV"),
        )
        self.export_action.setEnabled(False)
        self.work_order_action = make_action(
            self,
            self.tr("&Work order for a day of the plan…"),
            self.day_work_order,
            tip=self.tr("The printable work order of one sol of this plan"),
        )
        self.work_order_action.setEnabled(False)
        for a in (self.run_action, self.cancel_action):
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(a)

    def _build_inputs(self) -> QWidget:
        """Demands, budgets, run row and what-if, in a scroll area (fits a 1280 x 720 window)."""
        self.demands = DemandsTable(self.products)
        self.demands.setMinimumHeight(190)
        self.budgets = BudgetsForm(sorted(self.process_names.items(), key=lambda p: p[1]))
        self.sweep_form = SweepForm()
        defaults = push_button(
            self.tr("Defaults"), self.tr("Put back the default demands and budgets"), self.reset_to_defaults
        )
        self.run_button = push_button(
            self.tr("Make the plan  (Ctrl+Enter)"), _tip(TIP_RUN), self.run_action.trigger, name="primaryButton"
        )
        self.cancel_button = push_button(
            self.tr("Cancel  (Esc)"), _tip(TIP_CANCEL), self.cancel_action.trigger, name="cancelButton", enabled=False
        )
        self.sweep_button = push_button(self.tr("Run what-if"), _tip(TIP_SWEEP), self.run_sweep, name="planSweepButton")
        self.progress = progress_bar("planProgress", self.tr("Planning progress"))
        self.progress.setTextVisible(True)
        self.problem = QLabel("")
        self.problem.setObjectName("planProblem")
        self.problem.setWordWrap(True)
        inner = QWidget()
        il = QVBoxLayout(inner)
        il.setContentsMargins(0, 0, 8, 0)
        add_section(il, self.tr("Demands"), self.demands)
        add_section(il, self.tr("Daily budgets and machines"), self.budgets)
        il.addLayout(button_row(defaults))
        add_section(il, self.tr("What if"), self.sweep_form)
        il.addLayout(button_row(self.sweep_button))
        il.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("planInputs")
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setMinimumWidth(360)
        left = QWidget()  # the run controls stay in view under the scrolling inputs
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(scroll, 1)
        ll.addLayout(button_row(self.run_button, self.cancel_button))
        ll.addWidget(self.progress)
        ll.addWidget(self.problem)
        self.budgets.changed.connect(self._inputs_changed)
        self.demands.changed.connect(self._inputs_changed)
        self.sweep_form.changed.connect(self._inputs_changed)
        return left

    # ------------------------------------------------------------------ inputs
    def reset_to_defaults(self) -> None:
        items = self.ctx.inventory.snapshot()
        req = plan_service.default_plan_request(self.ctx.catalog, inventory=items or None)
        b = req.budgets
        self.budgets.set_values(
            {
                "kwh_per_sol": b.kwh_per_sol,
                "water_l_per_sol": b.water_l_per_sol,
                "crew_min_per_sol": b.crew_min_per_sol,
                "horizon_sols": req.horizon_sols,
                "period_sols": req.period_sols,
            },
            dict(b.batches_per_sol),
        )
        self.demands.set_rows(
            [DemandRow(d.product_id, d.product_name, d.quantity, d.unit, d.priority, d.due_sol) for d in req.demands]
        )
        self._base_request = req

    def _inputs_changed(self) -> None:
        horizon = self.budgets.fields["horizon_sols"].value()
        if horizon != self.demands.horizon:
            self.demands.set_horizon(horizon)  # re-checks the due sols (and comes back here)
            return
        self.problem.setText("")

    def problems(self) -> list[str]:
        return list(self.budgets.problems) + list(self.demands.problems)

    def build_request(self):
        """The PlanRequest of what the form holds, or None with the problems shown."""
        problems = self.problems()
        rows = self.demands.rows_or_none() if not problems else None
        items = self.ctx.inventory.snapshot()
        if not problems and not items:
            problems = [self.tr("The inventory is empty: add or import stock on the Inventory tab first.")]
        if problems or rows is None:
            self._refuse(problems or [self.tr("Check the demands table.")])
            return None
        v = self.budgets.values()
        budgets = plan_service.Budgets(
            kwh_per_sol=v["kwh_per_sol"],
            water_l_per_sol=v["water_l_per_sol"],
            crew_min_per_sol=v["crew_min_per_sol"],
            batches_per_sol=self.budgets.machine_values(),
        )
        demands = tuple(plan_service.Demand(r.product, r.name, r.quantity, r.unit, r.priority, r.due_sol) for r in rows)
        return dataclasses.replace(
            self._base_request,
            demands=demands,
            inventory=tuple(items),
            budgets=budgets,
            horizon_sols=int(v["horizon_sols"]),
            period_sols=int(v["period_sols"]),
        )

    def _refuse(self, problems: list[str]) -> None:
        text = self.tr("Not ready: {problems}").format(
            problems=" ".join(p if p.endswith(".") else p + "." for p in problems[:3])
        )
        self.problem.setText(f"<span style='color:#b91c1c'>{text}</span>")
        self.ctx.say(text)

    def _stock_changed(self) -> None:
        self._candidates = None
        if self.display is not None and self.task is None:
            self.result_pane.show_message(
                self.display.status
                + " "
                + self.tr("The stock has changed since: make the plan again to use the new stock.")
            )

    # ------------------------------------------------------------------ running
    def _search_candidates(self, request, ctx) -> Mapping:
        """The engine's candidate recipes for each product, with the window's scorer (on the worker)."""
        return plan_service.plan_candidates(
            request, ctx=ctx, catalog=self.ctx.catalog, scorer=self.ctx.scorer_factory()
        )

    def _candidates_work(self, request, rctx) -> Mapping:
        key = (tuple(sorted({d.product_id for d in request.demands})), request.inventory)
        cached = self._candidates
        if cached is not None and cached[0] == key:
            return cached[1]
        cands = self.candidate_source(request, ctx=rctx)
        self._candidates = (key, cands)  # a reference swap; read only by the next task on this slot
        return cands

    def run_plan(self) -> Task | None:
        if self.task is not None:
            return None
        request = self.build_request()
        if request is None:
            return None
        processes = dict(self.process_names)

        def work(rctx):
            cands = self._candidates_work(request, rctx)
            result = plan_service.solve(request, cands, ctx=rctx)
            return PlanDisplay.build(result, cands, processes)

        return self._submit("plan", work, self._plan_done, self.tr("the production plan"))

    def run_sweep(self) -> Task | None:
        if self.task is not None:
            return None
        values = self.sweep_form.values()
        if not values:
            self._refuse([self.sweep_form.reason or self.tr("Check the what-if range.")])
            return None
        request = self.build_request()
        if request is None:
            return None
        key = self.sweep_form.key()
        budget = {"kwh_per_sol": "kwh", "water_l_per_sol": "water", "crew_min_per_sol": "crew"}[key]

        def work(rctx):
            cands = self._candidates_work(request, rctx)
            return [sweep_point(p) for p in plan_service.sweep_budget(request, cands, budget, values, ctx=rctx)]

        done: list[tuple[float, float, float]] = []

        def prepare(point) -> list:  # on the worker: every point so far, so none is lost when coalesced
            done.append(sweep_point(point))
            return list(done)

        f = BUDGET_INDEX[key]
        self.sweep_points = []
        self.result_pane.sweep.set_axis(f.title_text)
        self.result_pane.charts.setCurrentWidget(self.result_pane.sweep)
        return self._submit(
            "sweep",
            work,
            self._sweep_done,
            self.tr("the what-if sweep"),
            on_partial=self._sweep_partial,
            prepare=prepare,
        )

    def _submit(self, kind: str, work, on_done, label: str, on_partial=None, prepare=None) -> Task:
        self.kind = kind
        self.problem.setText("")
        self.task = self.ctx.runner.submit(
            work,
            slot=SLOT,
            pool="compute",
            label=label,
            on_done=on_done,
            on_error=self._failed,
            on_cancelled=self._cancelled,
            on_progress=self._progress,
            on_partial=on_partial,
            prepare_partial=prepare,
        )
        progress_busy(self.progress, self.tr("finding recipes…"))
        self._set_running(True)
        return self.task

    def cancel(self) -> None:
        if self.task is None or self.task.state == "cancelling":
            return
        self.ctx.runner.cancel(SLOT)
        self.cancel_action.setEnabled(False)
        self.cancel_button.setEnabled(False)
        self.progress.setFormat(self.tr("stopping…"))

    def _set_running(self, on: bool) -> None:
        self.cancel_action.setEnabled(on)
        self.cancel_button.setEnabled(on)
        self.run_action.setEnabled(not on)
        self.run_button.setEnabled(not on)
        self.sweep_button.setEnabled(not on)

    def _progress(self, done: int, total: int, message: str) -> None:
        progress_step(self.progress, done, total)
        if message:
            self.progress.setFormat(f"{message} · %p%" if total > 0 else message)

    def _end(self, outcome: str, text: str) -> None:
        kind, self.task, self.kind = self.kind, None, ""
        self._set_running(False)
        progress_end(self.progress, text, 1 if outcome == "done" else 0)
        (self.run_finished if kind == "plan" else self.sweep_finished).emit(outcome)

    def _plan_done(self, display: PlanDisplay) -> None:
        self.display = display
        self.result_pane.show_plan(display)
        self.export_action.setEnabled(True)
        self.work_order_action.setEnabled(self.result_pane.workorder_button.isEnabled())
        self.ctx.say(display.status)
        self._end("done", self.tr("plan ready"))

    def _sweep_partial(self, points) -> None:
        self.sweep_points = list(points)
        self.result_pane.sweep.show_points(self.sweep_points)

    def _sweep_done(self, points) -> None:
        self.sweep_points = list(points)
        self.result_pane.sweep.show_points(self.sweep_points)
        self.ctx.say(self.tr("What-if: {n} plans made.").format(n=len(self.sweep_points)))
        self._end("done", self.tr("what-if ready"))

    def _cancelled(self) -> None:
        if self.kind == "plan":
            self.ctx.say(self.tr("Planning stopped; the plan shown before stays."))
        else:
            self.ctx.say(self.tr("The what-if sweep stopped; the plan shown before stays."))
        self._end("cancelled", self.tr("stopped"))

    def _failed(self, failure: TaskFailure) -> None:
        self._end("failed", self.tr("failed"))
        self.problem.setText(f"<span style='color:#b91c1c'>{failure.message}</span>")
        self.ctx.report(failure)

    # ------------------------------------------------------------------ plan lines
    def mark_as_made(self) -> None:
        row = self.result_pane.selected_row()
        if row is None or self.display is None:
            return
        recipe = self.display.recipes.get(row.recipe_id)
        if recipe is None:
            self.ctx.say(self.tr("The recipe of this plan line is no longer known; make the plan again."))
            return
        request = production_request(row, recipe)
        self.ctx.made_requested.emit(request)
        self.ctx.say(
            self.tr("Recording {batches} batches of {product} ({kg} kg) planned for sol {sol}.").format(
                batches=row.batches, product=row.product_name, kg=fmt_num(row.product_kg, 1), sol=row.first_sol
            )
        )

    def choose_export_file(self) -> None:
        if self.display is None:
            return
        path = ask_save_path(self, self.tr("Export the production plan"), "plan.json", "JSON (*.json);;CSV (*.csv)")
        if path:
            self.export(path)

    def export(self, path: str) -> Task:
        result = self.display.result if self.display is not None else None
        return self.ctx.runner.submit(
            lambda _ctx: plan_service.save_plan(result, path),
            slot="plan-export",
            pool="io",
            label=self.tr("the plan export"),
            on_done=lambda _r: self.ctx.say(self.tr("Plan saved to {path}").format(path=path)),
        )

    def day_work_order(self) -> Task | None:
        """Ask which sol, then open that sol's work order (both built on workers)."""
        if self.display is None or not self.work_order_action.isEnabled():
            return None
        return ask_day_work_order(
            self,
            self.ctx,
            self.display.result,
            on_ask=lambda d: setattr(self, "sol_dialog", d),
            on_open=lambda d: setattr(self, "work_order_dialog", d),
        )

    # ------------------------------------------------------------------ the window
    def file_actions(self) -> list:
        return [self.export_action, self.work_order_action]

    def _layout(self) -> dict:
        return {
            "plan/splitter": self.splitter,
            "plan/result": self.result_pane.splitter,
            "plan/table": self.result_pane.table.horizontalHeader(),
        }

    def save_state(self, settings) -> None:
        save_layout(settings, self._layout())

    def restore_state(self, settings) -> None:
        restore_layout(settings, self._layout())

    def shutdown(self) -> None:
        if self.task is not None:
            self.ctx.runner.cancel(SLOT, drop=True)
            self.task = None
