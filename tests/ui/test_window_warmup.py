"""Start-up: the window is shown and usable while the model is checked, loaded and warmed up on the
compute worker; a Generate pressed meanwhile waits for that task and then scores with the model it
made ready."""

from __future__ import annotations

import threading

from spacetrash_desktop.domain import ModelInfo, ModelStatus
from spacetrash_desktop.engine.scorer import PhysicsScorer
from spacetrash_desktop.services.model import prepare_window_model, window_scorer
from spacetrash_desktop.ui.main_window import MainWindow


def test_the_window_prepares_its_model_and_scores_with_the_window_scorer():
    defaults = MainWindow.__init__.__kwdefaults__
    assert defaults["model_check"] is prepare_window_model


def test_a_generation_pressed_during_the_model_warm_up_waits_for_it_and_uses_its_model(qtbot, make_main_window):
    release = threading.Event()
    order: list[str] = []

    def slow_model_task(_ctx):
        assert release.wait(30), "the test never released the model task"
        order.append("model ready")
        return ModelInfo(name="test-model", version="1", status=ModelStatus.READY, reason="verified")

    def scorer():
        order.append("scorer asked")
        return PhysicsScorer()

    w = make_main_window(wait_ready=False, model_check=slow_model_task, scorer_factory=scorer)
    qtbot.waitUntil(lambda: len(w.ctx.inventory) > 0, timeout=20000)
    assert w.isVisible() and w.ctx.model_info.status == ModelStatus.CHECKING  # usable while the model loads
    with qtbot.waitSignal(w.candidates_tab.run_finished, timeout=60000) as finished:
        w.generate()
        assert w.candidates_tab.running
        release.set()
    assert finished.args[0] == "finished"
    assert order == ["model ready", "scorer asked"]  # the search queued behind the model task
    assert len(w.ctx.results.view) > 0


def test_the_window_scorer_is_the_default_scorer_factory(make_main_window):
    w = make_main_window(scorer_factory=None)
    assert w.ctx.scorer_factory is window_scorer
