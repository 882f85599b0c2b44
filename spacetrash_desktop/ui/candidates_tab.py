"""Candidates tab: Generate (Ctrl+G) on the worker with live progress and streaming results, Cancel
(Esc) that keeps what was found, the recipe table and the detail pane (composition, mass flow,
properties against the target, why it scores so, safety notes), and the exports."""

from __future__ import annotations

import dataclasses
import html
import importlib.util
import logging
import time
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from spacetrash_desktop.domain import PROPERTY_NAMES
from spacetrash_desktop.ui.context import AppContext
from spacetrash_desktop.ui.property_bars import PropertyBars
from spacetrash_desktop.ui.qtmodels import CandidateTableModel, select_rows_by_source
from spacetrash_desktop.ui.sankey import SankeyWidget
from spacetrash_desktop.ui.tasks import Task, TaskFailure
from spacetrash_desktop.ui.views import (
    CANDIDATE_COLUMNS,
    COLUMN_INDEX,
    OBJECTIVES,
    CandidateView,
    RunInfo,
    fmt_kg,
    work_order_text,
)
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

ALWAYS_SHOWN_COLUMNS = ("order", "items")  # a recipe row is always recognisable
# Where the columns are shown by default (the model's order is the export's): what the crew compares
# first (feasibility and the five properties) comes right after the recipe itself.
DEFAULT_COLUMN_ORDER = (
    "order",
    "items",
    "process",
    "status",
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
CANDIDATE_COLUMN_WIDTHS = (40, 260, 160, 90, 124, 96, 134, 134, 130, 120, 110, 150, 220, 124)
SEVERITY_MARK = {"error": ("✗", "#b91c1c"), "warning": ("⚠", "#b45309"), "note": ("•", "#374151")}


def stop_note(stats: dict, secs: float, budget: float | None) -> str:
    """Why a finished (not cancelled) search stopped, for the counts line: every candidate of the grid
    was scored, the evolution's front stopped improving, or the time limit was reached first."""
    if stats.get("completed", True):
        return ""  # the whole grid was scored (then refined): nothing to add
    if stats.get("converged") and not (budget is not None and secs >= 0.98 * budget):
        return " · the search stopped when the front stopped improving"
    return " · time limit reached: the best recipes found are shown"


def explanations_available() -> bool:
    try:
        return importlib.util.find_spec("spacetrash_desktop.services.explain") is not None
    except (ImportError, ValueError):
        return False


def _explain(recipe, items, scorer):
    from spacetrash_desktop.services.explain import explain_recipe

    return explain_recipe(recipe, items, scorer)


def physics_explanation_html(cand) -> str:
    d = cand.details
    total = cand.values.get("energy_kwh", 0.0)
    heat = float(d.get("heat_kwh", 0.0))
    rows = [
        (
            "Molten polymer share",
            f"{100 * float(d.get('melt_fraction', 0.0)):.0f}% of the feed",
            "the molten phase binds the rest; more of it gives a tighter, stiffer product",
        ),
        (
            "Porosity",
            f"{100 * float(d.get('porosity', 0.0)):.0f}%",
            "voids weaken the part and let liquids through (tightness falls with (1 − porosity)²)",
        ),
        (
            "Effective stiffness",
            f"{float(d.get('modulus_gpa', 0.0)):.2f} GPa",
            f"gives rigidity {cand.values.get('rigidity', 0.0):.2f} on the 10 MPa – 30 GPa log scale",
        ),
        (
            "Heat into the feed",
            f"{heat:.2f} kWh of {total:.2f} kWh",
            "the rest is heater losses and the machine's own consumption",
        ),
        (
            "Hydrogen content",
            f"{float(d.get('hydrogen_wt_pct', 0.0)):.1f} wt%",
            "hydrogen-rich products shield radiation better",
        ),
    ]
    body = "".join(
        f"<tr><td><b>{html.escape(a)}</b></td><td>{html.escape(b)}</td>"
        f"<td style='color:#4b5563'>{html.escape(c)}</td></tr>"
        for a, b, c in rows
    )
    return f"<table cellspacing='4'>{body}</table>"


def _fmt_signed(v: float, unit: str) -> str:
    u = "" if unit in ("index", "") else f" {unit}"
    return f"{v:+.2f}{u}" if abs(v) >= 0.01 or v == 0 else f"{v:+.2g}{u}"


def contributions_html(expl, top: int = 3) -> str:
    """Render services.explain.explain_recipe's answer: per property, the largest signed contributions
    (the trained model's when it moved the estimate, else the physics model's own terms)."""
    if not expl:
        return ""
    props = expl.get("properties", expl) if hasattr(expl, "get") else {}
    rows = []
    for name in PROPERTY_NAMES:
        entry = props.get(name) if hasattr(props, "get") else None
        if not entry:
            continue
        unit = entry.get("unit", "") if hasattr(entry, "get") else ""
        contribs = entry.get("contributions", []) if hasattr(entry, "get") else entry
        items = []
        for c in contribs or []:
            if hasattr(c, "get"):
                label, value = c.get("label", ""), c.get("value")
            else:
                label, value = c
            try:
                value = float(value)
            except (TypeError, ValueError):
                continue
            if value != 0:
                items.append((label, value))
        items.sort(key=lambda lv: -abs(lv[1]))
        if not items:
            continue
        text = "<br>".join(f"{html.escape(str(lbl))} <b>{_fmt_signed(v, unit)}</b>" for lbl, v in items[:top])
        source = entry.get("contributions_source", "") if hasattr(entry, "get") else ""
        src = " <span style='color:#6b7280'>(model)</span>" if source == "ml" else ""
        rows.append(f"<tr><td valign='top'><b>{html.escape(OBJECTIVES[name][0])}</b>{src}</td><td>{text}</td></tr>")
    notes = expl.get("notes", []) if hasattr(expl, "get") else []
    foot = "".join(f"<p style='color:#6b7280'>{html.escape(str(n))}</p>" for n in notes)
    if not rows:
        return foot
    return (
        "<p><b>Largest contributions</b> to each property:</p><table cellspacing='4'>"
        + "".join(rows)
        + "</table>"
        + foot
    )


class DetailPane(QScrollArea):
    """Everything about the selected recipe."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("detailPane")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.cand = None
        self.run: RunInfo | None = None
        self._explain_task: Task | None = None
        inner = QWidget()
        inner.setObjectName("detailInner")
        lay = QVBoxLayout(inner)
        self.header = QLabel("Select a recipe in the table or on the Trade-offs plot.")
        self.header.setObjectName("detailHeader")
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.composition = QLabel()
        self.composition.setWordWrap(True)
        self.composition.setTextFormat(Qt.TextFormat.RichText)
        self.sankey = SankeyWidget()
        self.sankey.setObjectName("sankey")
        self.bars = PropertyBars()
        self.bars.setObjectName("propertyBars")
        self.why = QLabel()
        self.why.setWordWrap(True)
        self.why.setTextFormat(Qt.TextFormat.RichText)
        self.safety = QLabel()
        self.safety.setWordWrap(True)
        self.safety.setTextFormat(Qt.TextFormat.RichText)
        self.work_order_button = QPushButton("Export work order…")
        self.work_order_button.setToolTip("Save a printable work order for this recipe (Markdown text)")
        self.work_order_button.clicked.connect(self.choose_work_order_file)
        self.work_order_button.setEnabled(False)
        self.report_button = QPushButton("Report how it turned out…")
        self.report_button.setObjectName("reportFeedbackButton")
        self.report_button.setToolTip(
            "The crew made this recipe: record what they measured or judged, in the Feedback panel (Ctrl+5)"
        )
        self.report_button.clicked.connect(self.request_feedback)
        self.report_button.setEnabled(False)
        lay.addWidget(self.header)
        wl = QHBoxLayout()
        wl.addWidget(self.report_button)
        wl.addWidget(self.work_order_button)
        wl.addStretch(1)
        lay.addLayout(wl)
        lay.addWidget(section_title("Composition"))
        lay.addWidget(self.composition)
        lay.addWidget(section_title("Mass flow per batch"))
        lay.addWidget(self.sankey)
        lay.addWidget(section_title("Against the target (95% intervals)"))
        lay.addWidget(self.bars)
        lay.addWidget(section_title("Why it scores so"))
        lay.addWidget(self.why)
        lay.addWidget(section_title("Safety notes"))
        lay.addWidget(self.safety)
        lay.addStretch(1)
        self.setWidget(inner)
        self.show_candidate(None, None)

    def show_candidate(self, cand, run: RunInfo | None) -> None:
        if cand is self.cand and run is self.run:
            return
        self.cand, self.run = cand, run
        if self._explain_task is not None:
            self.ctx.runner.cancel(self._explain_task, drop=True)
            self._explain_task = None
        self.work_order_button.setEnabled(cand is not None)
        self.report_button.setEnabled(cand is not None)
        target = run.target if run is not None else None
        self.sankey.set_candidate(cand)
        self.bars.set_candidate(cand, target)
        if cand is None:
            self.header.setText(
                "Select a recipe in the table or on the Trade-offs plot to see its composition, "
                "mass flow and safety notes."
            )
            for w in (self.composition, self.why, self.safety):
                w.setText("")
            return
        status = {
            "feasible": "<span style='color:#166534'>feasible</span>",
            "infeasible": "<span style='color:#b91c1c'>infeasible</span>",
            "refused": "<span style='color:#b91c1c'>refused (safety)</span>",
        }[cand.status]
        rank = f", Pareto rank {cand.pareto_rank}" if cand.pareto_rank > 0 else ""
        self.header.setText(
            f"<b>{html.escape(cand.process_name)}</b> — {status}{rank}<br>"
            f"<span style='color:#4b5563'>Recipe {cand.recipe_id} · batch of "
            f"{fmt_kg(cand.recipe.batch_mass_kg)} product</span>"
        )
        rows = "".join(
            f"<tr><td>{html.escape(name)}</td><td align='right'>{f:.0%}</td><td align='right'>{fmt_kg(kg)}</td></tr>"
            for name, (_i, f), kg in sorted(
                zip(cand.item_names, cand.recipe.items, cand.item_kg), key=lambda t: -t[1][1]
            )
        )
        reg_kg = float(cand.details.get("regolith_kg", 0.0))
        if cand.recipe.regolith_frac > 0:
            rows += (
                f"<tr><td>MGS-1 regolith</td><td align='right'>{cand.recipe.regolith_frac:.0%} of the feed</td>"
                f"<td align='right'>{fmt_kg(reg_kg)}</td></tr>"
            )
        rows += (
            f"<tr><td><b>Feed in total</b></td><td></td><td align='right'><b>"
            f"{fmt_kg(float(cand.details.get('feed_kg', 0.0)))}</b></td></tr>"
        )
        self.composition.setText(
            "<table cellspacing='4' width='100%'><tr><th align='left'>Item</th>"
            "<th align='right'>Share of waste</th><th align='right'>Per batch</th></tr>"
            f"{rows}</table>"
        )
        self.why.setText(physics_explanation_html(cand))
        if run is not None and explanations_available():
            self.why.setText(
                physics_explanation_html(cand) + "<p style='color:#6b7280'>Working out the model's "
                "feature contributions…</p>"
            )
            recipe, items, scorer = cand.recipe, run.items, run.scorer
            self._explain_task = self.ctx.runner.submit(
                lambda c: _explain(recipe, items, scorer),
                slot="explain",
                pool="io",
                label="the explanation of the selected recipe",
                on_done=lambda e, c=cand: self._explained(c, e),
                on_error=lambda f, c=cand: self._explain_failed(c, f),
            )
        notes = []
        for r in cand.reasons:
            mark, color = SEVERITY_MARK.get(r.get("severity", "note"), SEVERITY_MARK["note"])
            notes.append(
                f"<p style='margin:2px'><span style='color:{color}'><b>{mark}</b></span> "
                f"{html.escape(r.get('message', ''))} <span style='color:#6b7280'>({html.escape(r.get('code', ''))})"
                "</span></p>"
            )
        if cand.ood:
            notes.append(
                "<p style='margin:2px'><span style='color:#b45309'><b>⚠</b></span> This mix is far from "
                "what the model was trained on: treat the intervals with care.</p>"
            )
        self.safety.setText("".join(notes) or "No safety notes.")

    def _explained(self, cand, expl) -> None:
        self._explain_task = None
        if cand is self.cand:
            self.why.setText(
                contributions_html(expl) + "<p><b>Physics details</b></p>" + physics_explanation_html(cand)
            )

    def _explain_failed(self, cand, failure: TaskFailure) -> None:
        self._explain_task = None
        if cand is self.cand:
            self.why.setText(
                physics_explanation_html(cand) + "<p style='color:#6b7280'>The model's contributions "
                f"are not available ({html.escape(failure.message)})</p>"
            )

    def request_feedback(self) -> None:
        if self.cand is not None:
            self.ctx.request_feedback(self.cand, self.run)

    def choose_work_order_file(self) -> None:
        if self.cand is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            "Save the work order",
            str(Path.home() / f"work-order-{self.cand.recipe_id}.md"),
            "Markdown text (*.md *.txt)",
        )
        if path:
            self.export_work_order(path)

    def export_work_order(self, path: str) -> Task | None:
        if self.cand is None or self.run is None:
            return None
        text = work_order_text(self.cand, self.run.target, dict(self.ctx.model_info.to_dict()))

        def work(_c):
            from spacetrash_desktop.storage.atomic import atomic_write_text

            atomic_write_text(path, text, what="the work order")
            return path

        return self.ctx.runner.submit(
            work,
            pool="io",
            label="the work-order export",
            on_done=lambda p: self.ctx.say(f"Work order saved to {p}", 8000),
        )


class CandidatesTab(QWidget):
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

        self.generate_action = QAction("&Generate recipes", self)
        self.generate_action.setShortcut(QKeySequence("Ctrl+G"))
        self.generate_action.setToolTip("Generate recipes for the current target from the current inventory (Ctrl+G)")
        self.generate_action.triggered.connect(self.generate)
        self.cancel_action = QAction("&Cancel generation", self)
        self.cancel_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.cancel_action.setToolTip("Stop the search and keep the recipes found so far (Esc)")
        self.cancel_action.triggered.connect(self.cancel)
        self.cancel_action.setEnabled(False)
        self.export_action = QAction("&Export results…", self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setToolTip("Save every recipe with its properties and intervals as CSV or JSON (Ctrl+E)")
        self.export_action.triggered.connect(self.choose_export_file)
        self.export_front_action = QAction("Export the Pareto &front…", self)
        self.export_front_action.setToolTip("Save only the recipes on the Pareto front (CSV or JSON)")
        self.export_front_action.triggered.connect(lambda: self.choose_export_file(front_only=True))

        self.generate_button = QPushButton("Generate  (Ctrl+G)")
        self.generate_button.setObjectName("primaryButton")
        self.generate_button.clicked.connect(self.generate_action.trigger)
        self.generate_button.setToolTip(self.generate_action.toolTip())
        self.cancel_button = QPushButton("Cancel  (Esc)")
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.clicked.connect(self.cancel_action.trigger)
        self.cancel_button.setEnabled(False)
        self.cancel_button.setToolTip(self.cancel_action.toolTip())
        self.progress = progress_bar("generationProgress", "Generation progress")
        self.progress.setTextVisible(True)
        self.progress.setMinimumWidth(220)
        self.counts = QLabel("Press Generate to find recipes for the target.")
        self.counts.setObjectName("liveCounts")
        self.counts.setAccessibleName("Live counts")
        self.target_label = QLabel("")
        self.target_label.setObjectName("hint")
        self.target_label.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.generate_button)
        top.addWidget(self.cancel_button)
        top.addWidget(self.progress, 1)
        exp = QPushButton("Export…")
        exp.setToolTip(self.export_action.toolTip())
        exp.clicked.connect(self.export_action.trigger)
        self.export_button = exp
        expf = QPushButton("Export front…")
        expf.setToolTip(self.export_front_action.toolTip())
        expf.clicked.connect(self.export_front_action.trigger)
        self.export_front_button = expf
        top.addWidget(exp)
        top.addWidget(expf)

        self.show_combo = QComboBox()
        self.show_combo.setAccessibleName("Show")
        self.show_combo.addItems(["All recipes", "Feasible only", "Pareto front only"])
        self.show_combo.currentIndexChanged.connect(self._apply_filter)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Filter by item, process or flag")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName("Filter the recipes")
        self.filter_edit.textChanged.connect(self._apply_filter)
        fl = QHBoxLayout()
        fl.addWidget(QLabel("Show"))
        fl.addWidget(self.show_combo)
        fl.addWidget(self.filter_edit, 1)

        self.table = QTableView()
        self.table.setObjectName("candidatesTable")
        self.table.setAccessibleName("Recipes")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        setup_table(
            self.table,
            CANDIDATE_COLUMN_WIDTHS,
            selection=QAbstractItemView.SelectionMode.ExtendedSelection,
            font=self.font(),
        )
        sm = self.table.selectionModel()
        sm.selectionChanged.connect(self._table_selection_changed)
        sm.currentRowChanged.connect(self._table_selection_changed)
        self._build_columns_menu()

        self.detail = DetailPane(ctx)
        self.detail.setMinimumWidth(380)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addLayout(fl)
        ll.addWidget(self.table, 1)
        self.splitter = splitter(Qt.Orientation.Horizontal, "candidatesSplit", (left, self.detail), (3, 2), (860, 500))

        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.counts)
        lay.addWidget(self.target_label)
        lay.addWidget(self.splitter, 1)

        ctx.selection.changed.connect(self._selection_changed)
        ctx.target_changed.connect(self._update_target_label)
        ctx.time_budget_changed.connect(lambda _s: self._update_target_label(ctx.target))
        ctx.results.view_changed.connect(self._view_changed)
        self._update_target_label(ctx.target)
        self._update_export_actions()

    # ------------------------------------------------------------------ running
    @property
    def running(self) -> bool:
        return self.task is not None

    def generate(self) -> Task | None:
        target = self.ctx.target
        if target is None:
            self.ctx.say("The target has an invalid value: fix it in the Target tab first.", 8000)
            self.counts.setText(
                f"<span style='color:#b91c1c'>Cannot generate: {html.escape(self.ctx.target_problem)}</span>"
            )
            return None
        items = self.ctx.inventory.snapshot()
        if not items:
            loading = self.ctx.runner.is_busy("inventory-load")
            msg = (
                "The inventory is still loading; press Generate again in a moment."
                if loading
                else "The inventory is empty: add or import stock first."
            )
            self.counts.setText(f"<span style='color:#b91c1c'>{msg}</span>")
            return None
        self.serial += 1
        serial = self.serial
        budget = float(self.ctx.time_budget_s)
        run = RunInfo(serial=serial, items=items, target=target, time_budget_s=budget)
        scorer_factory = self.ctx.scorer_factory
        options = dict(self.ctx.generate_options)

        def work(c):
            from spacetrash_desktop.services.generate import generate

            scorer = scorer_factory()
            run.scorer = scorer
            result = generate(list(items), target, scorer=scorer, ctx=c, time_budget_s=budget, **options)
            return CandidateView.build(result, serial=serial, final=True, run=run)

        def prepare(result):  # on the worker: the GUI thread only swaps the view in
            return CandidateView.build(result, serial=serial, final=False, run=run)

        self.task = self.ctx.runner.submit(
            work,
            slot="generate",
            pool="compute",
            label="the recipe generation",
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
        progress_busy(self.progress, "starting…")  # busy until the first progress report
        self.counts.setText(f"Waiting for the search to start (time limit {budget:.0f} s)…")
        self._set_running(True)
        return self.task

    def cancel(self) -> None:
        if self.task is None or self.task.state == "cancelling":
            return
        self.ctx.runner.cancel("generate")
        self.cancel_action.setEnabled(False)
        self.cancel_button.setEnabled(False)
        self.progress.setFormat("stopping…")
        self.ctx.results.set_state("cancelling", "")
        self.counts.setText(f"Stopping… the {len(self.ctx.results.view)} recipes found so far are kept.")

    def _set_running(self, on: bool) -> None:
        self.cancel_action.setEnabled(on)
        self.cancel_button.setEnabled(on)
        self._update_export_actions()

    def _started(self) -> None:
        self.progress.setFormat("searching…")

    def _progress(self, done: int, total: int, message: str) -> None:
        progress_step(self.progress, done, total)
        elapsed = self._clock.elapsed() / 1000 if self._clock.isValid() else 0.0
        view = self.ctx.results.view
        self.counts.setText(
            f"{message} · {view.n_front:,} on the front so far · {elapsed:.1f} s (limit {self.ctx.time_budget_s:.0f} s)"
        )

    def _partial(self, view: CandidateView) -> None:
        if view.serial != self.serial:  # belt and braces: the runner already drops stale tasks
            return
        self.ctx.results.set_view(view)

    def _done(self, view: CandidateView) -> None:
        if view.serial != self.serial:
            return
        task, self.task = self.task, None
        cancelled = bool(view.stats.get("cancelled")) or (task is not None and task.cancelled)
        self.ctx.results.set_view(view)
        self._set_running(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        st = view.stats
        secs = float(st.get("total_s", st.get("elapsed_s", 0.0)) or 0.0)
        scored = int(st.get("evaluated", 0) or 0)
        summary = (
            f"{len(view):,} recipes shown · {view.n_feasible:,} feasible · {view.n_front:,} on the front · "
            f"{scored:,} scored in {secs:.1f} s"
        )
        if cancelled:
            self.progress.setFormat("stopped")
            msg = f"Stopped: kept what was found. {summary}"
            state = "cancelled"
        else:
            self.progress.setFormat("done")
            budget = view.run.time_budget_s if view.run is not None else None
            msg = f"Done. {summary}{stop_note(st, secs, budget)}"
            state = "finished"
        self.counts.setText(msg)
        self.ctx.results.set_state(state, msg)
        model = view.result.model if view.result is not None else None
        if model:
            from spacetrash_desktop.domain import ModelInfo

            try:
                self.ctx.set_model_info(
                    ModelInfo(
                        **{
                            k: model[k]
                            for k in ("name", "version", "status", "reason", "manifest_sha256", "metrics")
                            if k in model
                        }
                    )
                )
            except TypeError:
                pass
        self.run_finished.emit(state)

    def _cancelled(self) -> None:  # the work raised Cancelled before it produced anything
        self.task = None
        self._set_running(False)
        progress_end(self.progress, "stopped")
        msg = f"Stopped: kept the {len(self.ctx.results.view):,} recipes found so far."
        self.counts.setText(msg)
        self.ctx.results.set_state("cancelled", msg)
        self.run_finished.emit("cancelled")

    def _failed(self, failure: TaskFailure) -> None:
        self.task = None
        self._set_running(False)
        progress_end(self.progress, "failed")
        msg = f"The generation stopped with an error ({failure.code.value}). Recipes found before it are kept."
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
        self.detail.show_candidate(view.candidate(self.ctx.selection.current), view.run)
        self._update_export_actions()
        self.view_applied.emit(view)

    def _apply_filter(self, *_):
        self._syncing = True
        try:
            self.model.set_filter(self.filter_edit.text())
            self.model.set_status_filter(self.show_combo.currentIndex())
        finally:
            self._syncing = False

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
        self.detail.show_candidate(view.candidate(current), view.run)

    # ------------------------------------------------------------------ labels and exports
    def _update_target_label(self, target) -> None:
        if target is None:
            self.target_label.setText(
                "<span style='color:#b91c1c'>The target has an invalid value: see the Target tab.</span>"
            )
            self.generate_action.setEnabled(False)
            self.generate_button.setEnabled(False)
            self.generate_button.setToolTip(f"Fix the target first: {self.ctx.target_problem}")
            return
        self.generate_action.setEnabled(True)
        self.generate_button.setEnabled(True)
        self.generate_button.setToolTip(self.generate_action.toolTip())
        parts = [f"Target: <b>{html.escape(target.name)}</b>", f"{fmt_kg(target.batch_mass_kg)} per batch"]
        for name in PROPERTY_NAMES:
            from spacetrash_desktop.ui.views import fmt_value, target_limit

            limit, kind = target_limit(target, name)
            title, unit = OBJECTIVES[name][0], OBJECTIVES[name][1]
            u = "" if unit == "0–1" else f" {unit}"
            parts.append(f"{title.lower()} {'≥' if kind == 'min' else '≤'} {fmt_value(name, limit)}{u}")
        parts.append(f"search time limit {self.ctx.time_budget_s:.0f} s (Target tab)")
        self.target_label.setText(" · ".join(parts))

    def _update_export_actions(self) -> None:
        view = self.ctx.results.view
        has = view.result is not None and len(view) > 0
        self.export_action.setEnabled(has)
        self.export_button.setEnabled(has)
        has_front = has and view.n_front > 0
        self.export_front_action.setEnabled(has_front)
        self.export_front_button.setEnabled(has_front)

    def choose_export_file(self, front_only: bool = False) -> None:
        view = self.ctx.results.view
        if view.result is None:
            return
        default = "pareto-front.csv" if front_only else "recipes.csv"
        path, chosen = QFileDialog.getSaveFileName(
            self,
            "Export the Pareto front" if front_only else "Export the results",
            str(Path.home() / default),
            "CSV (*.csv);;JSON (*.json)",
        )
        if path:
            if not path.lower().endswith((".csv", ".json")):
                path += ".json" if "JSON" in chosen else ".csv"
            self.export_to(path, front_only=front_only)

    def export_to(self, path: str, *, front_only: bool = False) -> Task | None:
        view = self.ctx.results.view
        result = view.result
        if result is None:
            return None
        if front_only:
            result = dataclasses.replace(result, candidates=[c for c in result.candidates if c.on_front])
        n = len(result.candidates)

        def work(_c):
            from spacetrash_desktop.services.results_io import write_result

            return str(write_result(result, path))

        what = "Pareto front" if front_only else "results"
        return self.ctx.runner.submit(
            work,
            pool="io",
            label=f"the export of the {what}",
            on_done=lambda p: self.ctx.say(f"Exported {n} recipes ({what}) to {p}", 8000),
        )

    # ------------------------------------------------------------------ columns
    def _build_columns_menu(self) -> None:
        """Columns can be dragged to another place, and hidden or shown from the header's context menu
        or View > Recipe table columns (the layout is kept with the window's settings)."""
        hh = self.table.horizontalHeader()
        hh.setSectionsMovable(True)
        hh.setFirstSectionMovable(False)
        hh.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        hh.customContextMenuRequested.connect(lambda pos: self.columns_menu.exec(hh.mapToGlobal(pos)))
        self.columns_menu = QMenu("Recipe table &columns", self)
        self.columns_menu.setToolTipsVisible(True)
        self.column_actions: dict[str, QAction] = {}
        for col, (key, title, tip) in enumerate(CANDIDATE_COLUMNS):
            if key in ALWAYS_SHOWN_COLUMNS:
                continue
            a = QAction(title, self, checkable=True, checked=True)
            a.setToolTip(tip)
            a.toggled.connect(lambda on, c=col: self.table.setColumnHidden(c, not on))
            self.columns_menu.addAction(a)
            self.column_actions[key] = a
        self.columns_menu.addSeparator()
        self.columns_menu.addAction("Show &all columns", self.show_all_columns)
        self.columns_menu.addAction("&Reset the columns (order, widths, all shown)", self.reset_columns)
        self.columns_menu.aboutToShow.connect(self._sync_column_actions)
        self._default_column_order()

    def _default_column_order(self) -> None:
        hh = self.table.horizontalHeader()
        for visual, key in enumerate(DEFAULT_COLUMN_ORDER):
            hh.moveSection(hh.visualIndex(COLUMN_INDEX[key]), visual)

    def _sync_column_actions(self) -> None:
        for key, a in self.column_actions.items():
            a.blockSignals(True)
            a.setChecked(not self.table.isColumnHidden(COLUMN_INDEX[key]))
            a.blockSignals(False)

    def show_all_columns(self) -> None:
        for col in range(len(CANDIDATE_COLUMNS)):
            self.table.setColumnHidden(col, False)
        self._sync_column_actions()

    def reset_columns(self) -> None:
        self._default_column_order()
        self.show_all_columns()
        for col, width in enumerate(CANDIDATE_COLUMN_WIDTHS):
            self.table.setColumnWidth(col, width)

    def visible_columns(self) -> list[str]:
        """Keys of the shown columns, in the order they are shown."""
        hh = self.table.horizontalHeader()
        order = sorted(range(len(CANDIDATE_COLUMNS)), key=hh.visualIndex)
        return [CANDIDATE_COLUMNS[c][0] for c in order if not self.table.isColumnHidden(c)]

    def _layout(self) -> dict:
        return {"candidates/header": self.table.horizontalHeader(), "candidates/splitter": self.splitter}

    def save_state(self, settings) -> None:
        save_layout(settings, self._layout())

    def restore_state(self, settings) -> None:
        restore_layout(settings, self._layout())
