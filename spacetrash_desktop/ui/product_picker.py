"""The Product selector above the Candidates table: a challenge scenario is a set of products, each
searched on its own (``services.generate.generate_scenario``); the crew picks which product's
recipes the table, the detail pane and the other tabs show."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from spacetrash_desktop.domain import Target
from spacetrash_desktop.services.generate import generate, generate_scenario
from spacetrash_desktop.ui.views import CandidateView, RunInfo


def run_for(run: RunInfo, target: Target | None) -> RunInfo:
    """The run as one product's view needs it: the product is its target (bars, work order)."""
    return run if target is None or target is run.target else dataclasses.replace(run, target=target)


def search_work(run: RunInfo, scorer_factory: Callable, options: dict) -> Callable:
    """The worker function of a Generate press: one search for a target, or one per product of a
    scenario (the time limit shared evenly between the products); returns the final CandidateView,
    or a tuple of them, one per product searched."""
    target, budget, serial = run.target, run.time_budget_s, run.serial

    def work(c):
        scorer = scorer_factory()
        run.scorer = scorer
        if not target.products:
            result = generate(list(run.items), target, scorer=scorer, ctx=c, time_budget_s=budget, **options)
            return CandidateView.build(result, serial=serial, final=True, run=run)
        share = None if budget is None else budget / len(target.products)
        done = generate_scenario(list(run.items), target, scorer=scorer, ctx=c, time_budget_s=share, **options)
        return tuple(
            CandidateView.build(r, serial=serial, final=True, run=run_for(run, r.target)) for r in done.results
        )

    return work


class ProductPicker(QWidget):
    """'Product: [Shelves and racks ▾]', shown only after a scenario's run; choosing a product emits
    its finished view."""

    view_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("productPicker")
        self.views: list[CandidateView] = []
        self.combo = QComboBox()
        self.combo.setObjectName("productCombo")
        self.combo.setAccessibleName(self.tr("Product"))
        self.combo.setToolTip(
            self.tr("The scenario's products: each has its own requirements, recipes and recommendation")
        )
        self.combo.currentIndexChanged.connect(self._chosen)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(QLabel(self.tr("Product")))
        lay.addWidget(self.combo, 1)
        self.setVisible(False)

    def set_views(self, views: Sequence[CandidateView]) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        self.views = list(views)
        for v in self.views:
            rec = v.candidate(v.recommended) if v.recommended else None
            tail = (
                f" — ★ {rec.recipe_id} {rec.process_name}"
                if rec is not None
                else " — " + QCoreApplication.translate("ProductPicker", "no feasible recipe")
            )
            self.combo.addItem((v.target.name if v.target is not None else "?") + tail)
        self.combo.setCurrentIndex(0 if self.views else -1)
        self.combo.blockSignals(False)
        self.setVisible(bool(self.views))

    def clear(self) -> None:
        self.set_views([])

    def _chosen(self, index: int) -> None:
        if 0 <= index < len(self.views):
            self.view_chosen.emit(self.views[index])
