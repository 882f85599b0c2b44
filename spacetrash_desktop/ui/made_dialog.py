"""The "Mark as made" dialog: how many batches, who, which sol; records on a worker, takes the stock out of
the window's inventory, then offers the feedback report.

:class:`MadeController` listens to ``ctx.made_requested`` (a ``domain.ProductionRequest`` from the
Candidates tab's detail pane or a plan line) and opens one :class:`MadeDialog` at a time. Recording works
on the window's inventory (unsaved edits included) and saves it; once done, the inventory document takes
the stock change (an edit made meanwhile is kept) and ``ctx.inventory_changed`` fires (the Inventory tab
saves it, the mission dashboard reloads).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from spacetrash_desktop.domain import ProductionRequest
from spacetrash_desktop.services.production import Outcome, merge_changes, record, scale_request
from spacetrash_desktop.ui.context import AppContext
from spacetrash_desktop.ui.dashboard_views import (
    cost_line,
    entry_summary,
    parse_sol,
    request_summary,
    stock_lines,
)
from spacetrash_desktop.ui.tasks import TaskFailure

MAX_BATCHES = 10_000


def apply_outcome(ctx: AppContext, out: Outcome) -> None:
    """Put a recorded (or undone) entry's stock change into the window's inventory and tell the tabs."""
    ctx.inventory.load(merge_changes(ctx.inventory.items, out.changes), "saved")
    ctx.inventory_changed.emit()


class MadeDialog(QDialog):
    recorded = Signal(object)  # Outcome
    failed = Signal(object)  # TaskFailure

    def __init__(self, ctx: AppContext, request: ProductionRequest, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("madeDialog")
        self.setWindowTitle(self.tr("Mark as made"))
        self.setModal(True)
        self.ctx = ctx
        self.request = request
        self.outcome: Outcome | None = None
        self._task = None
        process = ctx.catalog.processes.get(request.recipe.process_id)
        self.summary = QLabel(request_summary(request, process.name if process is not None else ""))
        self.summary.setWordWrap(True)
        self.batches = QSpinBox()
        self.batches.setObjectName("madeBatches")
        self.batches.setRange(1, MAX_BATCHES)
        self.batches.setValue(max(1, min(MAX_BATCHES, request.batches)))
        self.batches.setAccessibleName(self.tr("Batches made"))
        self.who = QLineEdit(str(ctx.settings.value("made/who", "") or ""))
        self.who.setObjectName("madeWho")
        self.who.setPlaceholderText(self.tr("crew member (optional)"))
        self.who.setMaxLength(200)
        self.sol = QLineEdit("" if request.sol is None else str(request.sol))
        self.sol.setObjectName("madeSol")
        self.sol.setPlaceholderText(self.tr("mission day, e.g. 120 (optional)"))
        self.uses = QLabel()
        self.uses.setObjectName("madeUses")
        self.uses.setWordWrap(True)
        self.cost = QLabel()
        self.cost.setObjectName("madeCost")
        self.cost.setWordWrap(True)
        self.problem = QLabel("")
        self.problem.setObjectName("fieldError")
        self.problem.setWordWrap(True)
        self.record_button = QPushButton(self.tr("Record and take the stock out"))
        self.record_button.setObjectName("madeRecord")
        self.record_button.setDefault(True)
        self.record_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.report_button = QPushButton(self.tr("Report how it turned out…"))
        self.report_button.setObjectName("madeReport")
        self.report_button.setToolTip(self.tr("Open the Feedback panel for this recipe"))
        self.report_button.clicked.connect(self.report_feedback)
        self.report_button.hide()

        form = QFormLayout()
        form.addRow(self.tr("Batches made"), self.batches)
        form.addRow(self.tr("Who"), self.who)
        form.addRow(self.tr("Sol"), self.sol)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.report_button, self.record_button, self.cancel_button):
            buttons.addWidget(b)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addLayout(form)
        lay.addWidget(self.uses)
        lay.addWidget(self.cost)
        lay.addWidget(self.problem)
        lay.addLayout(buttons)
        self.batches.valueChanged.connect(self._check)
        self.sol.textChanged.connect(self._check)
        self.uses.setMinimumWidth(520)
        lay.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self._check()

    def scaled(self) -> ProductionRequest:
        return scale_request(self.request, self.batches.value())

    def _check(self, *_) -> bool:
        """Show what the batches take out of the stock; refuse (with the reason) what cannot be recorded."""
        if self.outcome is not None:
            return False
        req = self.scaled()
        lines, short = stock_lines(req, self.ctx.inventory.items)
        self.uses.setText(
            "<p>"
            + html.escape(self.tr("Takes out of the inventory:"))
            + "</p><ul>"
            + "".join(f"<li>{html.escape(x)}</li>" for x in lines)
            + "</ul>"
        )
        self.cost.setText(cost_line(req))
        _sol, sol_problem = parse_sol(self.sol.text())
        problems = []
        if not len(self.ctx.inventory):
            problems.append(self.tr("The inventory is still loading; try again in a moment."))
        if short:
            problems.append(self.tr("Not enough stock: {shortages}.").format(shortages="; ".join(short)))
        if sol_problem:
            problems.append(sol_problem)
        self.sol.setProperty("invalid", bool(sol_problem))
        self.problem.setText(" ".join(problems))
        ok = not problems and self._task is None
        self.record_button.setEnabled(ok)
        self.layout().activate()  # grow with the text at once
        return ok

    def submit(self) -> None:
        if not self._check():
            return
        req, who = self.scaled(), self.who.text().strip()
        sol, _ = parse_sol(self.sol.text())
        items = self.ctx.inventory.snapshot()
        self.ctx.settings.setValue("made/who", who)
        self.record_button.setEnabled(False)
        self.problem.setText(self.tr("Recording…"))
        self._task = self.ctx.runner.submit(
            lambda _c: record(req, who, sol, items=items),
            slot="made-record",
            pool="io",
            label=self.tr("recording what was made"),
            on_done=self._done,
            on_error=self._failed,
        )

    def _done(self, out: Outcome) -> None:
        self._task = None
        self.outcome = out
        apply_outcome(self.ctx, out)
        notes = " ".join(out.notes)
        self.problem.setText("")
        self.uses.setText(
            self.tr(
                "<p><b>Recorded</b>: {entry}. The stock was taken out of the inventory; undo it from the Mission "
                "tab's history.</p>"
            ).format(entry=html.escape(entry_summary(out.entry)))
            + f"<p>{html.escape(notes)}</p>"
        )
        self.ctx.say(self.tr("Recorded as made: {entry}").format(entry=entry_summary(out.entry)), 10000)
        self.cost.setText("")
        self.record_button.hide()
        self.cancel_button.setText(self.tr("Close"))
        self.report_button.setVisible(self._candidate() is not None)
        self.recorded.emit(out)

    def _failed(self, failure: TaskFailure) -> None:
        self._task = None
        self.problem.setText(failure.message)
        self._check()
        self.problem.setText(failure.message)
        self.failed.emit(failure)

    def _candidate(self):
        view = self.ctx.results.view
        cand = view.candidate(self.request.recipe_id) if view is not None else None
        return cand if cand is not None and view.run is not None else None

    def report_feedback(self) -> None:
        cand = self._candidate()
        if cand is not None:
            self.ctx.request_feedback(cand, self.ctx.results.view.run)
        self.accept()

    def reject(self) -> None:
        if self._task is not None:  # recording is under way: it finishes, then the dialog says so
            return
        super().reject()


class MadeController(QObject):
    """Opens the dialog for every ``ctx.made_requested``; ``dialog`` is the open one (tests use it)."""

    opened = Signal(object)  # MadeDialog

    def __init__(self, ctx: AppContext, parent: QWidget):
        super().__init__(parent)
        self.ctx = ctx
        self.parent_widget = parent
        self.dialog: MadeDialog | None = None
        ctx.made_requested.connect(self.open_for)

    def open_for(self, request: ProductionRequest) -> MadeDialog:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            return self.dialog
        self.dialog = MadeDialog(self.ctx, request, self.parent_widget.window())
        self.dialog.open()
        self.opened.emit(self.dialog)
        return self.dialog
