"""The window's model task and scorer (services.model.prepare_window_model, window_scorer): the
shipped model verified and loaded at start-up, warmed up, scoring on one thread with the same
results as on two; the physics fallback when no model is usable; a failing warm-up never stops the
window."""

from __future__ import annotations

import json

import numpy as np
import pytest

from spacetrash_desktop.domain import ModelStatus
from spacetrash_desktop.engine.scorer import PhysicsScorer
from spacetrash_desktop.ml import registry
from spacetrash_desktop.ml.bundle import load_ensemble, read_bundle
from spacetrash_desktop.ml.model import Ensemble
from spacetrash_desktop.ml.scorer import MLScorer
from spacetrash_desktop.services import model as model_service
from spacetrash_desktop.storage import paths
from tests.ml.conftest import _fresh_registry_cache  # noqa: F401 - an autouse fixture


def _threads(booster) -> int:
    return int(json.loads(booster.save_config())["learner"]["generic_param"]["nthread"])


@pytest.mark.slow
def test_the_window_scores_with_the_verified_model_on_one_thread_and_the_same_results():
    info = model_service.prepare_window_model(None)
    assert info.status == ModelStatus.READY
    scorer = model_service.window_scorer()
    assert isinstance(scorer, MLScorer) and scorer is registry.active_scorer()  # the cached, verified model
    ens = scorer.ensemble
    assert ens.nthread == model_service.WINDOW_SCORING_THREADS == 1
    assert all(_threads(b) == 1 for b in (*ens.xgb, *ens.difficulty))

    contents, problems = read_bundle(paths.models_dir() / registry.read_pointer()["active"])
    assert contents is not None, problems
    two = load_ensemble(contents, nthread=2)
    assert all(_threads(b) == 2 for b in two.xgb)
    rng = np.random.default_rng(0)
    X = (ens.impute[None, :] * rng.uniform(0.5, 1.5, (300, ens.schema.n))).astype(np.float32)
    phys = rng.uniform(0.1, 5.0, (300, len(ens.w_rf)))
    one_p, two_p = ens.predict(X, phys), two.predict(X, phys)
    for a, b in ((one_p.props, two_p.props), (one_p.lo, two_p.lo), (one_p.hi, two_p.hi), (one_p.ood, two_p.ood)):
        np.testing.assert_array_equal(a, b)


def test_without_a_usable_model_the_window_scores_with_physics(monkeypatch, tmp_path):
    empty = tmp_path / "install" / "models"
    empty.mkdir(parents=True)
    real = paths.bundled_dir
    monkeypatch.setattr(paths, "bundled_dir", lambda name: empty if name == "models" else real(name))
    warmed = []
    monkeypatch.setattr(Ensemble, "predict", lambda *a, **k: warmed.append(a))
    info = model_service.prepare_window_model(None)
    assert info.status == ModelStatus.FALLBACK and "missing from this installation" in info.reason
    assert isinstance(model_service.window_scorer(), PhysicsScorer)
    assert warmed == []  # nothing to warm up


@pytest.mark.slow
def test_a_failing_warm_up_still_reports_the_ready_model(monkeypatch):
    def broken(*_a, **_k):
        raise MemoryError("no room for the warm-up")

    monkeypatch.setattr(Ensemble, "predict", broken)
    info = model_service.prepare_window_model(None)
    assert info.status == ModelStatus.READY and info == model_service.check_model(None)
    assert isinstance(model_service.window_scorer(), MLScorer)
