"""What every tab (and every later panel) shares: the task runner, the inventory document, the
current target, the results of the last run, the recipe selection, the model status and a way to
report errors. Tabs talk to each other only through this object's signals."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QSettings, Signal

from spacetrash_desktop.domain import ModelInfo, ModelStatus, Target
from spacetrash_desktop.services.generate import default_scorer
from spacetrash_desktop.ui.inventory_doc import InventoryDocument
from spacetrash_desktop.ui.tasks import TaskFailure, TaskRunner
from spacetrash_desktop.ui.views import CandidateView

DEFAULT_TIME_BUDGET_S = 30.0
TIME_BUDGET_LIMITS = (1.0, 600.0)
MAX_COMPARE = 3
NO_MODEL_REASON = QT_TRANSLATE_NOOP("AppContext", "no trained model is available in this build")
# the model layer's reason when nothing was checked yet (domain.ModelInfo's default), in the catalogue too
QT_TRANSLATE_NOOP("AppContext", "no trained model is active")


def model_reason(info: ModelInfo) -> str:
    """The model status's reason in the window's language (the window's own reasons are in the
    catalogue; a reason the model layer wrote is shown as written)."""
    return QCoreApplication.translate("AppContext", info.reason) if info.reason else ""


class RecipeSelection(QObject):
    """The recipes selected anywhere (table rows, plot points) and the current one."""

    changed = Signal(object, object, str)  # ids (tuple[str, ...]), current id (str | None), source

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.ids: tuple[str, ...] = ()
        self.current: str | None = None

    def set(self, ids, current: str | None = None, source: str = "") -> None:
        ids = tuple(dict.fromkeys(i for i in ids if i))
        if current is not None and current not in ids:
            ids = (*ids, current)
        if current is None and ids:
            current = ids[-1]
        if ids == self.ids and current == self.current:
            return
        self.ids, self.current = ids, current
        self.changed.emit(ids, current, source)

    def toggle(self, recipe_id: str, source: str = "") -> None:
        if recipe_id in self.ids:
            rest = tuple(i for i in self.ids if i != recipe_id)
            self.set(rest, rest[-1] if rest else None, source)
        else:
            self.set((*self.ids, recipe_id), recipe_id, source)

    def clear(self, source: str = "") -> None:
        self.set((), None, source)


class ResultsState(QObject):
    """The candidates currently shown (partial while a run streams in) and the run's state."""

    view_changed = Signal(object)  # CandidateView
    state_changed = Signal(str, str)  # idle | running | cancelling | finished | cancelled | failed, message

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.view: CandidateView = CandidateView.empty()
        self.state = "idle"
        self.message = ""

    def set_view(self, view: CandidateView) -> None:
        self.view = view
        self.view_changed.emit(view)

    def set_state(self, state: str, message: str = "") -> None:
        self.state, self.message = state, message
        self.state_changed.emit(state, message)


class AppContext(QObject):
    status_message = Signal(str, int)  # text, timeout ms (0 = until replaced)
    model_info_changed = Signal(object)  # ModelInfo
    target_changed = Signal(object)  # Target | None (None: the Target tab holds an invalid value)
    time_budget_changed = Signal(float)
    show_tab = Signal(str)  # key of a tab/panel to bring forward
    feedback_requested = Signal(object, object)  # candidate, RunInfo: "report how this recipe turned out"
    made_requested = Signal(object)  # domain.ProductionRequest: "mark as made" (opens the production dialog)
    inventory_changed = Signal()  # the stock changed outside the Inventory tab (production recorded or undone)

    def __init__(
        self,
        *,
        catalog,
        runner: TaskRunner,
        settings: QSettings,
        scorer_factory: Callable[[], object] | None = None,
        generate_options: dict | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.catalog = catalog
        self.runner = runner
        self.settings = settings
        self.inventory = InventoryDocument()
        self.selection = RecipeSelection(self)
        self.results = ResultsState(self)
        self.scorer_factory = scorer_factory or default_scorer
        self.generate_options = dict(generate_options or {})
        self.model_info = ModelInfo(status=ModelStatus.CHECKING, reason=self.tr("the model registry is being checked"))
        self.target: Target | None = None
        self.target_problem = ""
        self.time_budget_s = DEFAULT_TIME_BUDGET_S
        self.error_handler: Callable[[TaskFailure], None] | None = None

    def set_target(self, target: Target | None, problem: str = "") -> None:
        self.target, self.target_problem = target, problem
        self.target_changed.emit(target)

    def set_time_budget(self, seconds: float) -> None:
        self.time_budget_s = float(seconds)
        self.time_budget_changed.emit(self.time_budget_s)

    def set_model_info(self, info: ModelInfo) -> None:
        self.model_info = info
        self.model_info_changed.emit(info)

    def request_feedback(self, candidate, run=None) -> None:
        """Ask the Feedback panel (if there is one) to take this recipe and show itself."""
        self.feedback_requested.emit(candidate, run)

    def report(self, failure: TaskFailure) -> None:
        if self.error_handler is not None:
            self.error_handler(failure)

    def say(self, text: str, timeout_ms: int = 8000) -> None:
        self.status_message.emit(text, timeout_ms)
