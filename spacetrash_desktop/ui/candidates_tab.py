"""Candidates tab: Generate (Ctrl+G) on the worker with live progress and streaming results, Cancel
(Esc) that keeps what was found, the recipe table and the detail pane (composition, mass flow,
properties against the target, why it scores so, safety notes), and the exports."""

from __future__ import annotations

import html
import logging
import time

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QElapsedTimer, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from spacetrash_desktop.domain import ModelInfo
from spacetrash_desktop.services.generate import rule_text
from spacetrash_desktop.ui.candidates_files import ResultFiles
from spacetrash_desktop.ui.context import AppContext
from spacetrash_desktop.ui.i18n import number
from spacetrash_desktop.ui.product_picker import ProductPicker, run_for, search_work
from spacetrash_desktop.ui.qtmodels import CandidateTableModel, select_rows_by_source
from spacetrash_desktop.ui.recipe_detail import DetailPane
from spacetrash_desktop.ui.tasks import Task, TaskFailure
from spacetrash_desktop.ui.views import (
    CandidateView,
    RunInfo,
    candidate_columns,
    chance_text,
    count,
    kept_counts,
    search_counts,
    target_summary_html,
)
from spacetrash_desktop.ui.widgets import (
    ColumnChooser,
    SavedTableLayout,
    make_action,
    progress_bar,
    progress_busy,
    progress_end,
    progress_step,
    push_button,
    record_table,
    splitter,
)

log = logging.getLogger(__name__)

ALWAYS_SHOWN_COLUMNS = ("order", "items")  # a recipe row is always recognisable
# Where the columns are shown by default (the model's order is the export's): what the crew compares
# first (feasibility and the five properties) comes right after the recipe itself.
DEFAULT_COLUMN_ORDER = (
    "order",
    "items",
    "process",
    "status",
    "chance",
    "rigidity",
    "tightness",
    "energy_kwh",
    "water_l",
    "crew_min",
    "regolith",
    "rank",
    "problematic",
    "flags",
    "id",
)
# default widths in the model's order; each is widened to its header's title (see fit_header_widths)
CANDIDATE_COLUMN_WIDTHS = (40, 340, 150, 80, 172, 56, 128, 128, 128, 116, 96, 90, 200, 70, 120)
TIP_GENERATE = QT_TRANSLATE_NOOP(
    "CandidatesTab", "Generate recipes for the current target from the current inventory (Ctrl+G)"
)
TIP_CANCEL = QT_TRANSLATE_NOOP("CandidatesTab", "Stop the search and keep the recipes found so far (Esc)")
TIP_EXPORT = QT_TRANSLATE_NOOP(
    "CandidatesTab", "Save every recipe with its properties and intervals as CSV or JSON (Ctrl+E)"
)
TIP_EXPORT_FRONT = QT_TRANSLATE_NOOP("CandidatesTab", "Save only the recipes on the Pareto front (CSV or JSON)")
TIP_OPEN_RESULTS = QT_TRANSLATE_NOOP(
    "CandidatesTab",
    "Show saved results again in Candidates and Trade-offs: a JSON file from Export, from "
    "'spacetrash generate --out FILE.json' or a batch job's result",
)
MODEL_INFO_KEYS = ("name", "version", "status", "reason", "manifest_sha256", "metrics")
NO_RECOMMENDATION = QT_TRANSLATE_NOOP(
    "CandidatesTab", "No recipe to recommend: none is feasible. The nearest misses show what blocks the target."
)


def _tr(text: str) -> str:
    """A text of this module (marked with QT_TRANSLATE_NOOP("CandidatesTab", ...)) in the window's language."""
    return QCoreApplication.translate("CandidatesTab", text)


def recommendation_html(view: CandidateView) -> str:
    """The line above the table naming the recommended recipe with its one-line reason ('' before a run)."""
    if view.result is None:
        return ""
    cand = view.candidate(view.recommended)
    if cand is None:
        return f"<span style='color:#b45309'>{html.escape(_tr(NO_RECOMMENDATION))}</span>"
    recipe = QCoreApplication.translate("CandidatesTab", "recipe {id}").format(id=cand.recipe_id)
    return (
        f"<b>★ {html.escape(view.recommended_reason)}</b><br>"
        f"<span style='color:#4b5563'>#{view.row_of[cand.recipe_id] + 1} · {html.escape(cand.process_name)} · "
        f"{html.escape(view.items_full[view.row_of[cand.recipe_id]])} · {recipe}</span>"
    )


def detail_note_html(view: CandidateView, cand) -> str:
    """Above the detail pane: the selected recipe's chance of meeting the target and whether it is
    the recommended one (and if not, which one is)."""
    if cand is None:
        return ""
    if view.recommended == cand.recipe_id:
        return f"<b style='color:#166534'>★ {html.escape(view.recommended_reason)}</b>"
    text = html.escape(chance_text(cand)[:1].upper() + chance_text(cand)[1:]) + "."
    if view.recommended and view.recommended in view.row_of:
        text += " " + QCoreApplication.translate(
            "CandidatesTab", "Not the recommended recipe: that is #{n} ({id})."
        ).format(n=view.row_of[view.recommended] + 1, id=view.recommended)
    return f"<span style='color:#4b5563'>{text}</span>"


def stop_note(stats: dict, secs: float, budget: float | None) -> str:
    """Why a finished (not cancelled) search stopped, for the counts line: every candidate of the grid
    was scored, the evolution's front stopped improving, or the time limit was reached first."""
    if stats.get("completed", True):
        return ""  # the whole grid was scored (then refined): nothing to add
    if stats.get("converged") and not (budget is not None and secs >= 0.98 * budget):
        return " · " + QCoreApplication.translate(
            "CandidatesTab", "the search stopped when the front stopped improving"
        )
    return " · " + QCoreApplication.translate("CandidatesTab", "time limit reached: the best recipes found are shown")


def fit_header_widths(table: QTableView, widths) -> list[int]:
    """Each column at least as wide as its header's title plus the sort arrow, so no title is cut."""
    fm = table.horizontalHeader().fontMetrics()
    out = []
    for col, width in enumerate(widths):
        title = str(table.model().headerData(col, Qt.Orientation.Horizontal) or "")
        out.append(max(int(width), fm.horizontalAdvance(title) + 30))
    return out


def recipe_columns(table: QTableView, owner: QWidget) -> ColumnChooser:
    """The recipe table's columns can be dragged to another place, and hidden or shown from the
    header's context menu or View > Recipe table columns (the layout is kept with the window's settings)."""
    return ColumnChooser(
        table,
        candidate_columns(),
        title=QCoreApplication.translate("CandidatesTab", "Recipe table &columns"),
        order=DEFAULT_COLUMN_ORDER,
        widths=fit_header_widths(table, CANDIDATE_COLUMN_WIDTHS),
        always_shown=ALWAYS_SHOWN_COLUMNS,
        owner=owner,
    )


def finished_message(view: CandidateView, cancelled: bool) -> str:
    """The counts line once a run has ended (stopped by the crew, or done and why it stopped)."""
    st = view.stats
    secs = float(st.get("total_s", st.get("elapsed_s", 0.0)) or 0.0)
    summary = f"{search_counts(st, secs)} {kept_counts(view)}"
    if cancelled:
        return QCoreApplication.translate("CandidatesTab", "Stopped: kept what was found. {summary}").format(
            summary=summary
        )
    budget = view.run.time_budget_s if view.run is not None else None
    return QCoreApplication.translate("CandidatesTab", "Done. {summary}").format(summary=summary) + stop_note(
        st, secs, budget
    )


def shown_text(shown: int, kept: int, filtered: bool) -> str:
    """The count beside the filter: how many of the kept recipes the table shows."""
    if kept == 0:
        return ""
    if shown == 0 and filtered:
        return QCoreApplication.translate("CandidatesTab", "No recipe matches the filter (0 of {kept} shown)").format(
            kept=count(kept)
        )
    if shown != kept:
        return QCoreApplication.translate("CandidatesTab", "{shown} of {kept} shown").format(
            shown=count(shown), kept=count(kept)
        )
    return QCoreApplication.translate("CandidatesTab", "all {kept} shown").format(kept=count(kept))


def model_info_of(model: dict | None) -> ModelInfo | None:
    """The model a run was scored with, as the status bar shows it (None when the result does not say)."""
    if not model:
        return None
    try:
        return ModelInfo(**{k: model[k] for k in MODEL_INFO_KEYS if k in model})
    except TypeError:
        return None


class CandidatesTab(SavedTableLayout, ResultFiles, QWidget):
    layout_key = "candidates"
    run_finished = Signal(str)  # finished | cancelled | failed
    view_applied = Signal(object)  # CandidateView, after the table shows it

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("candidatesTab")
        self.ctx = ctx
        self.serial = 0
        self.task: Task | None = None
        self._syncing = False
        self._clock = QElapsedTimer()
        self._started_wall = 0.0
        self.model = CandidateTableModel(self)
        self._build_actions()
        top = self._build_run_bar()
        self.counts = QLabel(self.tr("Press Generate to find recipes for the target."))
        self.counts.setObjectName("liveCounts")
        self.counts.setAccessibleName(self.tr("Live counts"))
        self.counts.setToolTip(rule_text())
        self.recommendation = QLabel("")
        self.recommendation.setObjectName("recommendation")
        self.recommendation.setAccessibleName(self.tr("Recommended recipe"))
        self.recommendation.setWordWrap(True)
        self.recommendation.setToolTip(rule_text())
        # two lines kept for it: a recommendation that comes and goes must not move the table
        self.recommendation.setMinimumHeight(2 * self.fontMetrics().lineSpacing() + 4)
        self.target_label = QLabel("")
        self.target_label.setObjectName("hint")
        self.target_label.setWordWrap(True)
        left = self._build_table_side()
        right = self._build_detail_side(ctx)
        self.splitter = splitter(Qt.Orientation.Horizontal, "candidatesSplit", (left, right), (3, 2), (920, 400))

        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.counts)
        lay.addWidget(self.recommendation)
        lay.addWidget(self.target_label)
        lay.addWidget(self.splitter, 1)

        ctx.selection.changed.connect(self._selection_changed)
        ctx.target_changed.connect(self._update_target_label)
        ctx.time_budget_changed.connect(lambda _s: self._update_target_label(ctx.target))
        ctx.results.view_changed.connect(self._view_changed)
        self._update_target_label(ctx.target)
        self._update_export_actions()

    def _build_actions(self) -> None:
        """Generate, Cancel and the two exports (the window puts them in its menus)."""
        esc = QKeySequence(Qt.Key.Key_Escape)
        self.generate_action = make_action(
            self, self.tr("&Generate recipes"), self.generate, tip=_tr(TIP_GENERATE), shortcuts=["Ctrl+G"]
        )
        self.cancel_action = make_action(
            self, self.tr("&Cancel generation"), self.cancel, tip=_tr(TIP_CANCEL), shortcuts=[esc]
        )
        self.cancel_action.setEnabled(False)
        self.export_action = make_action(
            self, self.tr("&Export results…"), self.choose_export_file, tip=_tr(TIP_EXPORT), shortcuts=["Ctrl+E"]
        )
        self.export_front_action = make_action(
            self,
            self.tr("Export the Pareto &front…"),
            lambda: self.choose_export_file(front_only=True),
            tip=_tr(TIP_EXPORT_FRONT),
        )
        self.open_results_action = make_action(
            self,
            self.tr("&Open results…"),
            self.choose_results_file,
            tip=_tr(TIP_OPEN_RESULTS),
            shortcuts=["Ctrl+Shift+O"],
        )

    def _build_run_bar(self) -> QHBoxLayout:
        """Generate, Cancel, the progress bar and the export buttons, in one row."""
        self.generate_button = push_button(
            self.tr("Generate  (Ctrl+G)"),
            self.generate_action.toolTip(),
            self.generate_action.trigger,
            name="primaryButton",
        )
        self.cancel_button = push_button(
            self.tr("Cancel  (Esc)"),
            self.cancel_action.toolTip(),
            self.cancel_action.trigger,
            name="cancelButton",
            enabled=False,
        )
        self.progress = progress_bar("generationProgress", self.tr("Generation progress"))
        self.progress.setTextVisible(True)
        self.progress.setMinimumWidth(220)
        self.export_button = push_button(self.tr("Export…"), self.export_action.toolTip(), self.export_action.trigger)
        self.export_front_button = push_button(
            self.tr("Export front…"), self.export_front_action.toolTip(), self.export_front_action.trigger
        )
        top = QHBoxLayout()
        top.addWidget(self.generate_button)
        top.addWidget(self.cancel_button)
        top.addWidget(self.progress, 1)
        top.addWidget(self.export_button)
        top.addWidget(self.export_front_button)
        return top

    def _build_detail_side(self, ctx: AppContext) -> QWidget:
        """The detail pane, under a line saying whether the selected recipe is the recommended one."""
        self.detail_note = QLabel("")
        self.detail_note.setObjectName("detailRecommendation")
        self.detail_note.setWordWrap(True)
        self.detail_note.setToolTip(rule_text())
        self.detail = DetailPane(ctx)
        self.detail.setMinimumWidth(320)
        right = QWidget()
        right.setObjectName("detailSide")
        right.setVisible(False)  # shown once a recipe is selected: until then the table has the room
        self.detail_side = right
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.detail_note)
        rl.addWidget(self.detail, 1)
        return right

    def _show_detail(self, view: CandidateView, recipe_id: str | None) -> None:
        cand = view.candidate(recipe_id)
        self.detail_note.setText(detail_note_html(view, cand))
        self.detail.show_candidate(cand, view.run)
        if self.detail_side.isHidden() == (cand is not None):
            self.detail_side.setVisible(cand is not None)

    def _build_table_side(self) -> QWidget:
        """The Product selector (a scenario's run), the Show and filter row above the recipe table,
        with the table's column chooser."""
        self.products = ProductPicker()
        self.products.view_chosen.connect(self.ctx.results.set_view)
        self.products.view_chosen.connect(self._product_chosen)
        self.show_combo = QComboBox()
        self.show_combo.setAccessibleName(self.tr("Show"))
        self.show_combo.addItems([self.tr("All recipes"), self.tr("Feasible only"), self.tr("Pareto front only")])
        self.show_combo.currentIndexChanged.connect(self._apply_filter)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter by item, process or flag"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Filter the recipes"))
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.shown_label = QLabel("")
        self.shown_label.setObjectName("shownCount")
        self.shown_label.setAccessibleName(self.tr("Recipes shown"))
        fl = QHBoxLayout()
        fl.addWidget(QLabel(self.tr("Show")))
        fl.addWidget(self.show_combo)
        fl.addWidget(self.filter_edit, 1)
        fl.addWidget(self.shown_label)

        self.table = record_table(
            self.model,
            "candidatesTable",
            self.tr("Recipes"),
            CANDIDATE_COLUMN_WIDTHS,
            font=self.font(),
        )
        for col, width in enumerate(fit_header_widths(self.table, CANDIDATE_COLUMN_WIDTHS)):
            self.table.setColumnWidth(col, width)
        sm = self.table.selectionModel()
        sm.selectionChanged.connect(self._table_selection_changed)
        sm.currentRowChanged.connect(self._table_selection_changed)
        self.columns = recipe_columns(self.table, self)
        self.columns_menu = self.columns.menu
        self.column_actions = self.columns.actions

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.products)
        ll.addLayout(fl)
        ll.addWidget(self.table, 1)
        return left

    # ------------------------------------------------------------------ running
    @property
    def running(self) -> bool:
        return self.task is not None

    def generate(self) -> Task | None:
        target = self.ctx.target
        if target is None:
            self.ctx.say(self.tr("The target has an invalid value: fix it in the Target tab first."), 8000)
            why = self.tr("Cannot generate: {problem}").format(problem=html.escape(self.ctx.target_problem))
            self.counts.setText(f"<span style='color:#b91c1c'>{why}</span>")
            return None
        items = self.ctx.inventory.snapshot()
        if not items:
            loading = self.ctx.runner.is_busy("inventory-load")
            msg = (
                self.tr("The inventory is still loading; press Generate again in a moment.")
                if loading
                else self.tr("The inventory is empty: add or import stock first.")
            )
            self.counts.setText(f"<span style='color:#b91c1c'>{msg}</span>")
            return None
        self.serial += 1
        serial = self.serial
        budget = float(self.ctx.time_budget_s)
        run = RunInfo(serial=serial, items=items, target=target, time_budget_s=budget)

        def prepare(result):  # on the worker: the GUI thread only swaps the view in
            return CandidateView.build(result, serial=serial, final=False, run=run_for(run, result.target))

        self.products.clear()
        self.task = self.ctx.runner.submit(
            search_work(run, self.ctx.scorer_factory, dict(self.ctx.generate_options)),
            slot="generate",
            pool="compute",
            label=self.tr("the recipe generation"),
            on_done=self._done,
            on_error=self._failed,
            on_cancelled=self._cancelled,
            on_progress=self._progress,
            on_partial=self._partial,
            on_started=self._started,
            prepare_partial=prepare,
        )
        self.ctx.selection.clear("generate")
        self.ctx.results.set_view(CandidateView.empty(serial))
        self.ctx.results.set_state("running", "")
        self._clock.start()
        self._started_wall = time.time()
        progress_busy(self.progress, self.tr("starting…"))  # busy until the first progress report
        self.counts.setText(self.tr("Waiting for the search to start (time limit {s} s)…").format(s=number(budget, 0)))
        self._set_running(True)
        return self.task

    def cancel(self) -> None:
        if self.task is None or self.task.state == "cancelling":
            return
        self.ctx.runner.cancel("generate")
        self.cancel_action.setEnabled(False)
        self.cancel_button.setEnabled(False)
        self.progress.setFormat(self.tr("stopping…"))
        self.ctx.results.set_state("cancelling", "")
        self.counts.setText(
            self.tr("Stopping… the {n} recipes found so far are kept.").format(n=count(len(self.ctx.results.view)))
        )

    def _set_running(self, on: bool) -> None:
        self.cancel_action.setEnabled(on)
        self.cancel_button.setEnabled(on)
        self._update_export_actions()

    def _started(self) -> None:
        self.progress.setFormat(self.tr("searching…"))

    def _progress(self, done: int, total: int, message: str) -> None:
        progress_step(self.progress, done, total)
        elapsed = self._clock.elapsed() / 1000 if self._clock.isValid() else 0.0
        view = self.ctx.results.view
        so_far = self.tr("{n} on the front so far · {s} s (limit {limit} s)").format(
            n=count(view.n_front), s=number(elapsed, 1), limit=number(float(self.ctx.time_budget_s), 0)
        )
        self.counts.setText(f"{message} · {so_far}")

    def _partial(self, view: CandidateView) -> None:
        if view.serial != self.serial:  # belt and braces: the runner already drops stale tasks
            return
        self.ctx.results.set_view(view)

    def _done(self, view: CandidateView | tuple) -> None:
        if isinstance(view, tuple):  # a scenario: one view per product, the first one shown
            if not view:
                return self._cancelled()
            self.products.set_views(view)
            view = view[0]
        if view.serial != self.serial:
            return
        task, self.task = self.task, None
        cancelled = bool(view.stats.get("cancelled")) or (task is not None and task.cancelled)
        self.ctx.results.set_view(view)
        self._set_running(False)
        progress_end(self.progress, self.tr("stopped") if cancelled else self.tr("done"), 1)
        msg = finished_message(view, cancelled)
        state = "cancelled" if cancelled else "finished"
        self.counts.setText(msg)
        self.ctx.results.set_state(state, msg)
        info = model_info_of(view.result.model if view.result is not None else None)
        if info is not None:
            self.ctx.set_model_info(info)
        self.run_finished.emit(state)

    def _product_chosen(self, view: CandidateView) -> None:
        """A scenario's other product: the counts line speaks of the table it now shows."""
        if self.task is None and view.final:
            self.counts.setText(finished_message(view, bool(view.stats.get("cancelled"))))

    def _cancelled(self) -> None:  # the work raised Cancelled before it produced anything
        self.task = None
        self._set_running(False)
        progress_end(self.progress, self.tr("stopped"))
        msg = self.tr("Stopped: kept the {n} recipes found so far.").format(n=count(len(self.ctx.results.view)))
        self.counts.setText(msg)
        self.ctx.results.set_state("cancelled", msg)
        self.run_finished.emit("cancelled")

    def _failed(self, failure: TaskFailure) -> None:
        self.task = None
        self._set_running(False)
        progress_end(self.progress, self.tr("failed"))
        msg = self.tr("The generation stopped with an error (see the message). Recipes found before it are kept.")
        self.counts.setText(f"<span style='color:#b91c1c'>{html.escape(msg)}</span>")
        self.ctx.results.set_state("failed", msg)
        self.ctx.report(failure)
        self.run_finished.emit("failed")

    # ------------------------------------------------------------------ table and selection
    def _view_changed(self, view: CandidateView) -> None:
        self._syncing = True
        try:
            self.model.set_view(view)
            self._apply_filter()
            self._select_in_table(self.ctx.selection.ids, self.ctx.selection.current)
        finally:
            self._syncing = False
        self._show_detail(view, self.ctx.selection.current)
        self.recommendation.setText(recommendation_html(view))
        if view.target is not None and view.target.kind == "product":  # a scenario product's own limits
            self.target_label.setText(target_summary_html(view.target, self.ctx.time_budget_s))
        self._update_export_actions()
        self.view_applied.emit(view)

    def _apply_filter(self, *_):
        self._syncing = True
        try:
            self.model.set_filter(self.filter_edit.text())
            self.model.set_status_filter(self.show_combo.currentIndex())
        finally:
            self._syncing = False
        self._update_shown()

    def _update_shown(self) -> None:
        shown, kept = self.model.rowCount(), self.model.source_count
        filtered = bool(self.model.filter_text) or self.model.status_filter != 0
        text = shown_text(shown, kept, filtered)
        if shown == 0 and filtered and kept:
            text = f"<span style='color:#b91c1c'>{html.escape(text)}</span>"
        self.shown_label.setText(text)

    def _table_selection_changed(self, *_):
        if self._syncing:
            return
        sm = self.table.selectionModel()
        rows = sorted({i.row() for i in sm.selectedRows()})
        ids = [self.model.recipe_id(r) for r in rows]
        cur = sm.currentIndex()
        current = self.model.recipe_id(cur.row()) if cur.isValid() and cur.row() in rows else (ids[-1] if ids else None)
        self.ctx.selection.set(ids, current, "table")

    def _select_in_table(self, ids, current) -> None:
        view = self.model.view
        sources = [view.row_of[i] for i in ids if i in view.row_of]
        cur = view.row_of.get(current) if current else None
        select_rows_by_source(self.table, self.model, sources, cur)
        if cur is not None and self.model.view_row(cur) >= 0:
            self.table.scrollTo(self.model.index(self.model.view_row(cur), 0))

    def _selection_changed(self, ids, current, source: str) -> None:
        view = self.model.view
        if source != "table":
            self._syncing = True
            try:
                self._select_in_table(ids, current)
            finally:
                self._syncing = False
        self._show_detail(view, current)

    # ------------------------------------------------------------------ labels and exports
    def _update_target_label(self, target) -> None:
        if target is None:
            invalid = self.tr("The target has an invalid value: see the Target tab.")
            self.target_label.setText(f"<span style='color:#b91c1c'>{invalid}</span>")
            self.generate_action.setEnabled(False)
            self.generate_button.setEnabled(False)
            self.generate_button.setToolTip(
                self.tr("Fix the target first: {problem}").format(problem=self.ctx.target_problem)
            )
            return
        self.generate_action.setEnabled(True)
        self.generate_button.setEnabled(True)
        self.generate_button.setToolTip(self.generate_action.toolTip())
        self.target_label.setText(target_summary_html(target, self.ctx.time_budget_s))

    def _update_export_actions(self) -> None:
        view = self.ctx.results.view
        has = view.result is not None and len(view) > 0
        self.export_action.setEnabled(has)
        self.export_button.setEnabled(has)
        has_front = has and view.n_front > 0
        self.export_front_action.setEnabled(has_front)
        self.export_front_button.setEnabled(has_front)

    # ------------------------------------------------------------------ columns
    def show_all_columns(self) -> None:
        self.columns.show_all()

    def reset_columns(self) -> None:
        self.columns.reset()

    def visible_columns(self) -> list[str]:
        """Keys of the shown columns, in the order they are shown."""
        return self.columns.visible()
