"""The extension point for panels beyond the four built-in tabs. The Feedback panel and the Model
panel (issue 6) are the default panels (:data:`DEFAULT_PANELS`, Ctrl+5 and Ctrl+6); registering a
panel under their key replaces them.

A panel is a factory ``(AppContext) -> QWidget`` plus a title; register it before the window is
built and the window adds it as a tab (or a dock on the right) with an entry in the View menu::

    from spacetrash_desktop.ui.panels import PanelSpec, register_panel
    register_panel(PanelSpec("feedback", "Feedback", FeedbackPanel, shortcut="Ctrl+5",
                             tooltip="Report how a made recipe turned out"))

The panel gets everything it needs from the AppContext: ``ctx.runner`` for background work (one
``slot`` per panel), ``ctx.selection`` / ``ctx.results`` for the selected recipe and the run it
came from, ``ctx.model_info`` + ``ctx.set_model_info`` for the model status shown in the status
bar, ``ctx.report`` for errors and ``ctx.say`` for status messages. If the widget has
``save_state(settings)`` / ``restore_state(settings)`` / ``shutdown()`` methods the window calls
them when it closes and opens; ``file_actions()`` returns actions for the File menu, and
``close_warning()`` returns why closing now would lose something ("" when nothing would be lost).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP

from spacetrash_desktop.ui.dashboard_panel import DashboardPanel
from spacetrash_desktop.ui.feedback_panel import FeedbackPanel
from spacetrash_desktop.ui.model_panel import ModelPanel
from spacetrash_desktop.ui.plan_tab import PlanTab  # issue 13

BUILTIN_PANELS = ("inventory", "target", "candidates", "tradeoffs")


@dataclass(frozen=True)
class PanelSpec:
    key: str
    title: str
    factory: Callable  # (AppContext) -> QWidget
    shortcut: str = ""
    tooltip: str = ""
    area: str = "tab"  # "tab": after the built-in tabs; "dock": a dock on the right, hidden until asked


_PANELS: dict[str, PanelSpec] = {}


# The panels every window has (issue 6). A panel registered under the same key replaces one.
DEFAULT_PANELS: tuple[PanelSpec, ...] = (
    PanelSpec(
        "feedback",
        QT_TRANSLATE_NOOP("Panels", "Feedback"),
        FeedbackPanel,
        shortcut="Ctrl+5",
        tooltip=QT_TRANSLATE_NOOP(
            "Panels", "Report how a recipe the crew made turned out; past feedback, predicted vs actual (Ctrl+5)"
        ),
    ),
    PanelSpec(
        "model",
        QT_TRANSLATE_NOOP("Panels", "Model"),
        ModelPanel,
        shortcut="Ctrl+6",
        tooltip=QT_TRANSLATE_NOOP(
            "Panels",
            "The active model, its accuracy, installing and rolling back models, retraining from feedback (Ctrl+6)",
        ),
    ),
    PanelSpec(  # issue 13: the mission production plan
        "plan",
        QT_TRANSLATE_NOOP("Panels", "Plan"),
        PlanTab,
        shortcut="Ctrl+7",
        tooltip=QT_TRANSLATE_NOOP(
            "Panels", "Plan production over the mission: what to make, from which stock, within daily budgets (Ctrl+7)"
        ),
    ),
    PanelSpec(  # issue 13: what was made
        "mission",
        QT_TRANSLATE_NOOP("Panels", "Mission"),
        DashboardPanel,
        shortcut="Ctrl+8",
        tooltip=QT_TRANSLATE_NOOP(
            "Panels", "What was made and what is left: mission totals to date and to the end of the plan; undo (Ctrl+8)"
        ),
    ),
)


def register_panel(spec: PanelSpec) -> None:
    if spec.key in BUILTIN_PANELS:
        raise ValueError(f"{spec.key!r} is a built-in tab")
    if spec.area not in ("tab", "dock"):
        raise ValueError("area must be 'tab' or 'dock'")
    _PANELS[spec.key] = spec


def unregister_panel(key: str) -> None:
    _PANELS.pop(key, None)


def registered_panels() -> list[PanelSpec]:
    """The default panels (or what replaced them), then the other registered ones."""
    merged = {spec.key: spec for spec in DEFAULT_PANELS}
    merged.update(_PANELS)
    return list(merged.values())
