"""The recipe detail pane of the Candidates tab: everything about the selected recipe (composition,
mass flow, properties against the target, why it scores so, safety notes), the work-order export and
the way to the Feedback panel. The model's feature contributions are worked out on a worker."""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from spacetrash_desktop.domain import PROPERTY_NAMES, RecipeStatus
from spacetrash_desktop.services.explain import explain_recipe
from spacetrash_desktop.services.production import request_from_candidate
from spacetrash_desktop.ui.context import AppContext
from spacetrash_desktop.ui.i18n import number, percent
from spacetrash_desktop.ui.property_bars import PropertyBars
from spacetrash_desktop.ui.sankey import SankeyWidget
from spacetrash_desktop.ui.tasks import Task, TaskFailure
from spacetrash_desktop.ui.views import (
    RunInfo,
    flag_words,
    fmt_kg,
    objective_title,
    other_reasons,
    recipe_hazards,
    short_name,
)
from spacetrash_desktop.ui.widgets import add_section, push_button
from spacetrash_desktop.ui.workorder_dialog import open_work_order

SEVERITY_MARK = {"error": ("✗", "#b91c1c"), "warning": ("⚠", "#b45309"), "note": ("•", "#374151")}
STATUS_HTML = {  # (colour, text) of each status in the header
    RecipeStatus.FEASIBLE: ("#166534", QT_TRANSLATE_NOOP("RecipeDetail", "feasible")),
    RecipeStatus.INFEASIBLE: ("#b91c1c", QT_TRANSLATE_NOOP("RecipeDetail", "infeasible")),
    RecipeStatus.REFUSED: ("#b91c1c", QT_TRANSLATE_NOOP("RecipeDetail", "refused (safety)")),
}
NO_SELECTION = QT_TRANSLATE_NOOP("RecipeDetail", "Select a recipe in the table or on the Trade-offs plot.")
NO_SELECTION_LONG = QT_TRANSLATE_NOOP(
    "RecipeDetail",
    "Select a recipe in the table or on the Trade-offs plot to see its composition, mass flow and safety notes.",
)

WORK_ORDER_TIP = QT_TRANSLATE_NOOP(
    "RecipeDetail",
    "The steps, set points, materials and safety notes for the crew at the machine: preview, print, save as PDF or "
    "HTML",
)
REPORT_TIP = QT_TRANSLATE_NOOP(
    "RecipeDetail",
    "The crew made this recipe: record what they measured or judged, in the Feedback panel (Ctrl+5)",
)


REPORT_TRIAL_TIP = QT_TRANSLATE_NOOP(
    "RecipeDetail",
    "This recipe misses the target, so it has no work order. If the crew made it anyway (a trial), record "
    "how it turned out in the Feedback panel (Ctrl+5): near misses teach the model the most.",
)


def _tr(text: str) -> str:
    """A text of this module (marked with QT_TRANSLATE_NOOP("RecipeDetail", ...)) in the window's language."""
    return QCoreApplication.translate("RecipeDetail", text)


def status_html(status) -> str:
    """The recipe's status in its colour, in the window's language."""
    color, text = STATUS_HTML[status]
    return f"<span style='color:{color}'>{html.escape(_tr(text))}</span>"


def actions_blocked_reason(cand, action: str = "work_order") -> str | None:
    """Why a recipe cannot be turned into a work order (``action`` "work_order") or reported as made
    ("report"); None when it can. A refused recipe breaks a safety rule: neither. A recipe that misses
    the target gets no work order, but a trial the crew made anyway can still be reported."""
    if cand is None:
        return QCoreApplication.translate("RecipeDetail", "Select a recipe first.")
    if cand.status == RecipeStatus.REFUSED:
        return QCoreApplication.translate(
            "RecipeDetail",
            "This recipe breaks a safety rule (see Safety notes): it must not be made, so there is no work "
            "order and nothing to report.",
        )
    if cand.status == RecipeStatus.INFEASIBLE and action == "work_order":
        return QCoreApplication.translate(
            "RecipeDetail",
            "This recipe misses the target (see the bars and Safety notes): only a feasible recipe gets a work order.",
        )
    return None


def physics_explanation_html(cand) -> str:
    d = cand.details
    total = cand.values.get("energy_kwh", 0.0)
    heat = float(d.get("heat_kwh", 0.0))
    rows = [
        (
            QCoreApplication.translate("RecipeDetail", "Molten polymer share"),
            QCoreApplication.translate("RecipeDetail", "{pct}% of the feed").format(
                pct=number(100 * float(d.get("melt_fraction", 0.0)), 0)
            ),
            QCoreApplication.translate(
                "RecipeDetail", "the molten phase binds the rest; more of it gives a tighter, stiffer product"
            ),
        ),
        (
            QCoreApplication.translate("RecipeDetail", "Porosity"),
            percent(float(d.get("porosity", 0.0))),
            QCoreApplication.translate(
                "RecipeDetail", "voids weaken the part and let liquids through (tightness falls with (1 − porosity)²)"
            ),
        ),
        (
            QCoreApplication.translate("RecipeDetail", "Effective stiffness"),
            f"{number(float(d.get('modulus_gpa', 0.0)), 2)} GPa",
            QCoreApplication.translate("RecipeDetail", "gives rigidity {r} on the 10 MPa – 30 GPa log scale").format(
                r=number(float(cand.values.get("rigidity", 0.0)), 2)
            ),
        ),
        (
            QCoreApplication.translate("RecipeDetail", "Heat into the feed"),
            QCoreApplication.translate("RecipeDetail", "{heat} kWh of {total} kWh").format(
                heat=number(heat, 2), total=number(float(total), 2)
            ),
            QCoreApplication.translate("RecipeDetail", "the rest is heater losses and the machine's own consumption"),
        ),
        (
            QCoreApplication.translate("RecipeDetail", "Hydrogen content"),
            QCoreApplication.translate("RecipeDetail", "{pct} wt%").format(
                pct=number(float(d.get("hydrogen_wt_pct", 0.0)), 1)
            ),
            QCoreApplication.translate("RecipeDetail", "hydrogen-rich products shield radiation better"),
        ),
    ]
    body = "".join(
        f"<tr><td><b>{html.escape(a)}</b></td><td>{html.escape(b)}</td>"
        f"<td style='color:#4b5563'>{html.escape(c)}</td></tr>"
        for a, b, c in rows
    )
    return f"<table cellspacing='4'>{body}</table>"


def _unit_text(unit: str) -> str:
    return "" if unit in ("index", "", "0–1") else f" {unit}"


def breakdown_rows(bd: dict, decimals: int = 2) -> list[tuple[str, str]]:
    """(label, number) lines of a breakdown whose shown numbers add up to the shown total: each number
    rounded, the rounding of the shown lines carried by the last line (the rest), which is left out
    only when it is zero and stands for nothing hidden."""
    q = 10**decimals

    def r(x: float) -> int:
        return round(float(x) * q)

    total = r(bd["value"])
    rows: list[tuple[str, int, bool]] = []
    if bd.get("start"):
        rows.append((bd["start"]["label"], r(bd["start"]["value"]), False))
    rows += [(d["label"], r(d["value"]), True) for d in bd.get("lines", ())]
    rest = total - sum(v for _l, v, _s in rows)
    count = int(bd.get("rest", {}).get("count", 0))
    if rest != 0 or count:
        label = bd.get("rest", {}).get("label") or QCoreApplication.translate("RecipeDetail", "The rest")
        rounding = QCoreApplication.translate("RecipeDetail", "rounding")
        rows.append((f"{label} ({count})" if count else f"{label} ({rounding})", rest, True))

    def fmt(v: int, signed: bool) -> str:
        text = number(abs(v) / q, decimals)
        return (("−" if v < 0 else "+") + text) if signed else (("−" if v < 0 else "") + text)

    out = [(label, fmt(v, signed)) for label, v, signed in rows]
    out.append(("=", fmt(total, False)))
    return out


def contributions_html(expl, top: int = 3) -> str:
    """Render services.explain.explain_recipe's answer: per property, a sum that adds up to the value
    shown: where it starts (the physics estimate the trained model corrects, or the physics model's
    starting point), the largest terms, the rest in one line, and the value."""
    if not expl:
        return ""
    props = expl.get("properties", {}) if hasattr(expl, "get") else {}
    blocks = []
    for name in PROPERTY_NAMES:
        entry = props.get(name) if hasattr(props, "get") else None
        bd = entry.get("breakdown") if hasattr(entry, "get") else None
        if not bd:
            continue
        unit = _unit_text(entry.get("unit", ""))
        who = (
            QCoreApplication.translate("RecipeDetail", "trained model")
            if entry.get("contributions_source") == "ml"
            else QCoreApplication.translate("RecipeDetail", "physics model")
        )
        decimals = 1 if name == "crew_min" else 2
        lines = breakdown_rows(bd, decimals)
        body = "".join(
            f"<tr><td>{html.escape(label)}</td><td align='right'>{html.escape(num)}</td></tr>"
            for label, num in lines[:-1]
        )
        body += (
            f"<tr><td align='right'><b>{html.escape(objective_title(name))}</b></td>"
            f"<td align='right' style='border-top:1px solid #9ca3af'><b>= {html.escape(lines[-1][1])}{unit}</b></td></tr>"
        )
        blocks.append(
            f"<p style='margin:6px 0 0 0'><b>{html.escape(objective_title(name))}</b> "
            f"<span style='color:#6b7280'>({who}{', ' + unit.strip() if unit else ''})</span></p>"
            f"<table cellspacing='2'>{body}</table>"
        )
    notes = expl.get("notes", []) if hasattr(expl, "get") else []
    foot = "".join(f"<p style='color:#6b7280'>{html.escape(str(n))}</p>" for n in notes)
    if not blocks:
        return foot
    title = QCoreApplication.translate("RecipeDetail", "How each value adds up")
    return f"<p><b>{html.escape(title)}</b></p>" + "".join(blocks) + foot


def composition_html(cand) -> str:
    """The feed of one batch: each item's share of the waste and its mass, the regolith, the total."""
    rows = "".join(
        f"<tr><td>{html.escape(name)}</td><td align='right'>{percent(f)}</td><td align='right'>{fmt_kg(kg)}</td></tr>"
        for name, (_i, f), kg in sorted(zip(cand.item_names, cand.recipe.items, cand.item_kg), key=lambda t: -t[1][1])
    )
    reg_kg = float(cand.details.get("regolith_kg", 0.0))
    if cand.recipe.regolith_frac > 0:
        regolith = QCoreApplication.translate("RecipeDetail", "MGS-1 regolith")
        share = QCoreApplication.translate("RecipeDetail", "{pct}% of the feed").format(
            pct=number(100 * cand.recipe.regolith_frac, 0)
        )
        rows += (
            f"<tr><td>{html.escape(regolith)}</td><td align='right'>{share}</td>"
            f"<td align='right'>{fmt_kg(reg_kg)}</td></tr>"
        )
    total = QCoreApplication.translate("RecipeDetail", "Feed in total")
    item = QCoreApplication.translate("RecipeDetail", "Item")
    share_title = QCoreApplication.translate("RecipeDetail", "Share of waste")
    per_batch = QCoreApplication.translate("RecipeDetail", "Per batch")
    rows += (
        f"<tr><td><b>{html.escape(total)}</b></td><td></td><td align='right'><b>"
        f"{fmt_kg(float(cand.details.get('feed_kg', 0.0)))}</b></td></tr>"
    )
    return (
        f"<table cellspacing='4' width='100%'><tr><th align='left'>{html.escape(item)}</th>"
        f"<th align='right'>{html.escape(share_title)}</th>"
        f"<th align='right'>{html.escape(per_batch)}</th></tr>"
        f"{rows}</table>"
    )


def hazards_html(cand) -> str:
    """The crew hazards of the recipe's materials, each with the protective equipment it needs."""
    mark, color = SEVERITY_MARK["warning"]
    protect = html.escape(QCoreApplication.translate("RecipeDetail", "Protect:"))
    return "".join(
        f"<p style='margin:2px'><span style='color:{color}'><b>{mark}</b></span> "
        f"<b>{html.escape(short_name(h['material'], 40))}</b>: {html.escape(h['text'])}<br>"
        f"<i>{protect}</i> {html.escape(h['ppe'])} <span style='color:#6b7280'>({html.escape(flag_words(h['code']))})"
        "</span></p>"
        for h in recipe_hazards(cand)
    )


def safety_html(cand) -> str:
    """The material hazards with their protective equipment, then the vetting's other reasons, one line
    each with its severity mark, and the out-of-distribution warning."""
    notes = [hazards_html(cand)] if recipe_hazards(cand) else []
    for r in other_reasons(cand):
        mark, color = SEVERITY_MARK.get(r.get("severity", "note"), SEVERITY_MARK["note"])
        notes.append(
            f"<p style='margin:2px'><span style='color:{color}'><b>{mark}</b></span> "
            f"{html.escape(r.get('message', ''))} <span style='color:#6b7280'>"
            f"({html.escape(flag_words(r.get('code', '')))})"
            "</span></p>"
        )
    if cand.ood:
        far = QCoreApplication.translate(
            "RecipeDetail", "This mix is far from what the model was trained on: treat the intervals with care."
        )
        notes.append(f"<p style='margin:2px'><span style='color:#b45309'><b>⚠</b></span> {html.escape(far)}</p>")
    return "".join(notes) or QCoreApplication.translate("RecipeDetail", "No safety notes.")


def _rich_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


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
        self.header = QLabel(_tr(NO_SELECTION))
        self.header.setObjectName("detailHeader")
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.composition = _rich_label()
        self.sankey = SankeyWidget()
        self.sankey.setObjectName("sankey")
        self.bars = PropertyBars()
        self.bars.setObjectName("propertyBars")
        self.why = _rich_label()
        self.why.setObjectName("detailWhy")
        self.safety = _rich_label()
        self.safety.setObjectName("detailSafety")
        self.work_order_button = push_button(
            self.tr("Work order…"),
            _tr(WORK_ORDER_TIP),
            self.open_work_order,
            name="workOrderButton",
            enabled=False,
        )
        self.work_order_dialog = None
        self.report_button = push_button(
            self.tr("Report how it turned out…"),
            _tr(REPORT_TIP),
            self.request_feedback,
            name="reportFeedbackButton",
            enabled=False,
        )
        self.made_button = push_button(  # issue 13
            self.tr("Mark as made…"),
            self.tr("The crew made batches of this recipe: record them and take the stock out of the inventory"),
            self.mark_as_made,
            name="markMadeButton",
            enabled=False,
        )
        lay.addWidget(self.header)
        # the three buttons in one row, or in two when the pane is narrower than they are together (a
        # longer language, a small screen): the pane then never needs a horizontal scroll bar for them
        self._buttons = (self.report_button, self.made_button, self.work_order_button)
        self.button_grid = QGridLayout()
        self.button_grid.setColumnStretch(3, 1)
        self._button_rows = 0
        self._place_buttons(1)
        lay.addLayout(self.button_grid)
        add_section(lay, self.tr("Composition"), self.composition)
        add_section(lay, self.tr("Mass flow per batch"), self.sankey)
        add_section(lay, self.tr("Against the target (95% intervals)"), self.bars)
        add_section(lay, self.tr("Why it scores so"), self.why)
        add_section(lay, self.tr("Safety notes"), self.safety)
        lay.addStretch(1)
        self.setWidget(inner)
        self.show_candidate(None, None)

    def _place_buttons(self, rows: int) -> None:
        if rows == self._button_rows:
            return
        self._button_rows = rows
        per_row = len(self._buttons) if rows == 1 else 2
        for b in self._buttons:
            self.button_grid.removeWidget(b)
        for i, b in enumerate(self._buttons):
            self.button_grid.addWidget(b, i // per_row, i % per_row)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        margins = self.widget().layout().contentsMargins()
        gap = max(self.button_grid.horizontalSpacing(), 6)
        need = sum(b.sizeHint().width() for b in self._buttons) + gap * (len(self._buttons) - 1)
        self._place_buttons(1 if need + margins.left() + margins.right() <= self.viewport().width() else 2)

    def show_candidate(self, cand, run: RunInfo | None) -> None:
        if cand is self.cand and run is self.run:
            return
        self.cand, self.run = cand, run
        if self._explain_task is not None:
            self.ctx.runner.cancel(self._explain_task, drop=True)
            self._explain_task = None
        self._enable_actions(cand)
        self.made_button.setEnabled(cand is not None and cand.feasible and run is not None)
        self.sankey.set_candidate(cand)
        self.bars.set_candidate(cand, run.target if run is not None else None)
        if cand is None:
            self.header.setText(_tr(NO_SELECTION_LONG))
            for w in (self.composition, self.why, self.safety):
                w.setText("")
            return
        status = status_html(cand.status)
        if cand.pareto_rank > 0:
            status = self.tr("{status}, Pareto rank {rank}").format(status=status, rank=cand.pareto_rank)
        batch = self.tr("Recipe {id} · batch of {kg} product").format(
            id=cand.recipe_id, kg=fmt_kg(cand.recipe.batch_mass_kg)
        )
        self.header.setText(
            f"<b>{html.escape(cand.process_name)}</b> — {status}<br><span style='color:#4b5563'>{batch}</span>"
        )
        self.composition.setText(composition_html(cand))
        self.why.setText(physics_explanation_html(cand))
        if run is not None:
            self._explain(cand, run)
        self.safety.setText(safety_html(cand))

    def _enable_actions(self, cand) -> None:
        """A work order only for a recipe that meets the target, a report for anything the crew may have made
        (not a refused recipe); a disabled button says why in its tooltip."""
        trial = cand is not None and cand.status == RecipeStatus.INFEASIBLE
        for button, action, tip in (
            (self.work_order_button, "work_order", WORK_ORDER_TIP),
            (self.report_button, "report", REPORT_TRIAL_TIP if trial else REPORT_TIP),
        ):
            why_not = actions_blocked_reason(cand, action)
            button.setEnabled(why_not is None)
            button.setToolTip(_tr(tip) if why_not is None else why_not)

    # ------------------------------------------------------------------ explanation
    def _explain(self, cand, run: RunInfo) -> None:
        """Work out the model's feature contributions on a worker; the physics details show meanwhile."""
        working = self.tr("Working out the model's feature contributions…")
        self.why.setText(physics_explanation_html(cand) + f"<p style='color:#6b7280'>{html.escape(working)}</p>")
        recipe, items, scorer = cand.recipe, run.items, run.scorer
        self._explain_task = self.ctx.runner.submit(
            lambda c: explain_recipe(recipe, items, scorer),
            slot="explain",
            pool="io",
            label=self.tr("the explanation of the selected recipe"),
            on_done=lambda e, c=cand: self._explained(c, e),
            on_error=lambda f, c=cand: self._explain_failed(c, f),
        )

    def _explained(self, cand, expl) -> None:
        self._explain_task = None
        if cand is self.cand:
            details = html.escape(self.tr("Physics details"))
            self.why.setText(contributions_html(expl) + f"<p><b>{details}</b></p>" + physics_explanation_html(cand))

    def _explain_failed(self, cand, failure: TaskFailure) -> None:
        self._explain_task = None
        if cand is self.cand:
            missing = self.tr("The model's contributions are not available ({reason})").format(reason=failure.message)
            self.why.setText(physics_explanation_html(cand) + f"<p style='color:#6b7280'>{html.escape(missing)}</p>")

    # ------------------------------------------------------------------ actions
    def request_feedback(self) -> None:
        if self.cand is not None:
            self.ctx.request_feedback(self.cand, self.run)

    def mark_as_made(self) -> None:
        if self.cand is not None and self.run is not None and self.cand.feasible:
            self.ctx.made_requested.emit(request_from_candidate(self.cand, self.run.target, 1))

    def open_work_order(self) -> Task | None:
        """The work order of the selected (feasible) recipe in its preview dialog."""
        if self.cand is None or self.run is None or not self.cand.feasible:
            return None
        return open_work_order(self, self.ctx, self.cand, self.run, lambda d: setattr(self, "work_order_dialog", d))
