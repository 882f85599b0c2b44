"""The Candidates tab's files: exporting the results (CSV or JSON, all or the Pareto front) and
File > Open results… (a saved or batch result shown again in Candidates and Trade-offs)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QLabel, QProgressBar

from spacetrash_desktop.services.results_io import load_results, write_result
from spacetrash_desktop.ui.context import AppContext
from spacetrash_desktop.ui.product_picker import ProductPicker
from spacetrash_desktop.ui.tasks import Task
from spacetrash_desktop.ui.views import CandidateView, RunInfo, count, kept_counts, search_counts, target_summary_html
from spacetrash_desktop.ui.widgets import ask_save_path, progress_end


class ResultFiles:
    """Mixed into the Candidates tab (it provides ``ctx``, ``serial``, ``running``, ``products``,
    ``progress``, ``counts`` and ``target_label``)."""

    ctx: AppContext
    serial: int
    products: ProductPicker
    progress: QProgressBar
    counts: QLabel
    target_label: QLabel

    @property
    def running(self) -> bool:  # pragma: no cover - the tab's own
        raise NotImplementedError

    def choose_export_file(self, front_only: bool = False) -> None:
        view = self.ctx.results.view
        if view.result is None:
            return
        path = ask_save_path(
            self,
            QCoreApplication.translate("ResultFiles", "Export the Pareto front")
            if front_only
            else QCoreApplication.translate("ResultFiles", "Export the results"),
            "pareto-front.csv" if front_only else "recipes.csv",
            "CSV (*.csv);;JSON (*.json)",
        )
        if path:
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
            return str(write_result(result, path))

        if front_only:
            label = QCoreApplication.translate("ResultFiles", "the export of the Pareto front")
            done = QCoreApplication.translate("ResultFiles", "Exported {n} recipes (Pareto front) to {path}")
        else:
            label = QCoreApplication.translate("ResultFiles", "the export of the results")
            done = QCoreApplication.translate("ResultFiles", "Exported {n} recipes (results) to {path}")
        return self.ctx.runner.submit(
            work,
            pool="io",
            label=label,
            on_done=lambda p: self.ctx.say(done.format(n=count(n), path=p), 8000),
        )

    # ------------------------------------------------------------------ saved results
    def choose_results_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("ResultFiles", "Open saved results"),
            "",
            QCoreApplication.translate("ResultFiles", "Results")
            + " (*.json);;"
            + QCoreApplication.translate("ResultFiles", "All files")
            + " (*)",
        )
        if path:
            self.open_results(path)

    def open_results(self, path: str) -> Task | None:
        """Load a saved result (or a batch job's result, or one per product of a scenario) on a worker
        and show it as if it had just been generated; a run in progress keeps going until then."""
        if self.running:
            self.ctx.say(
                QCoreApplication.translate(
                    "ResultFiles", "Wait for the generation to finish (or cancel it) before opening saved results."
                ),
                8000,
            )
            return None
        self.serial += 1
        serial = self.serial
        items = self.ctx.inventory.snapshot()
        budget = float(self.ctx.time_budget_s)

        def work(_c):
            views = []
            for result in load_results(path):
                run = RunInfo(serial=serial, items=items, target=result.target, time_budget_s=budget)
                views.append(CandidateView.build(result, serial=serial, final=True, run=run))
            return tuple(views)

        return self.ctx.runner.submit(
            work,
            pool="io",
            label=QCoreApplication.translate("ResultFiles", "opening the saved results"),
            on_done=lambda v, p=path: self._opened(v, p),
        )

    def _opened(self, views: tuple, path: str) -> None:
        if not views or views[0].serial != self.serial:
            return
        self.products.set_views(views if len(views) > 1 else ())
        self.ctx.selection.clear("generate")
        view = views[0]
        self.ctx.results.set_view(view)
        name = Path(path).name
        msg = QCoreApplication.translate("ResultFiles", "Opened {name}.").format(name=name)
        msg += f" {search_counts(view.stats)} {kept_counts(view)}"
        progress_end(self.progress, QCoreApplication.translate("ResultFiles", "opened"), 1)
        self.counts.setText(msg)
        self.ctx.results.set_state("finished", msg)
        self.ctx.say(
            QCoreApplication.translate("ResultFiles", "Opened the saved results {name} ({n} recipes)").format(
                name=name, n=count(len(view))
            ),
            8000,
        )
        if view.target is not None:
            source = QCoreApplication.translate("ResultFiles", "from {name}").format(name=name)
            self.target_label.setText(target_summary_html(view.target, self.ctx.time_budget_s) + f" · {source}")
