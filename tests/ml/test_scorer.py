"""The ML scorer in the engine: shapes, ranges, intervals around the prediction, OOD, unknown
categories, empty batches, vetting after scoring, generation end to end."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from spacetrash_desktop.domain import ModelInfo, WasteItem
from spacetrash_desktop.engine.recipes import RecipeBatch
from spacetrash_desktop.engine.scorer import PhysicsScorer
from spacetrash_desktop.engine.tables import MAX_SLOTS, compile_tables
from spacetrash_desktop.engine.vetting import Flag, vet
from spacetrash_desktop.ml.scorer import MLScorer
from spacetrash_desktop.ml.virtual_lab import sample_batch
from tests.ml.conftest import mystery_material


@pytest.fixture(scope="module")
def scorer(small_loaded):
    _, ens = small_loaded
    return MLScorer(ens, ModelInfo(name="test", version="1", status="ready", reason="test"))


@pytest.fixture(scope="module")
def tables(catalog):
    return compile_tables(catalog, list(catalog.default_inventory))


def test_shapes_ranges_and_intervals(scorer, tables):
    b = sample_batch(tables, np.random.default_rng(0), 3000)
    for mass in (0.5, 4.0, 60.0):
        s = scorer.score(tables, b, mass)
        N = len(b)
        assert s.props.shape == s.lo.shape == s.hi.shape == (N, 5) and s.ood.shape == (N,)
        assert np.isfinite(s.props).all() and np.isfinite(s.lo).all() and np.isfinite(s.hi).all()
        assert ((s.props[:, :2] >= 0) & (s.props[:, :2] <= 1)).all()
        assert (s.props[:, 2:] >= 0).all() and (s.lo[:, 2:] >= 0).all()
        assert (s.lo <= s.props + 1e-12).all() and (s.props <= s.hi + 1e-12).all()
        assert s.ood.mean() < 0.05
        np.testing.assert_allclose(s.phys.objectives(), PhysicsScorer().score(tables, b, mass).props)


def test_structural_zeros_stay_zero(scorer, tables):
    b = sample_batch(tables, np.random.default_rng(1), 2000)
    s = scorer.score(tables, b, 2.0)
    shred = b.proc == tables.process_index("shredding")  # uses no water
    assert shred.any()
    assert (s.props[shred, 3] == 0).all() and (s.hi[shred, 3] == 0).all()


def test_empty_batch(scorer, tables):
    b = sample_batch(tables, np.random.default_rng(2), 4).take(slice(0, 0))
    s = scorer.score(tables, b, 1.0)
    assert s.props.shape == (0, 5) and s.ood.shape == (0,)


def test_unknown_material_or_process_scores_and_is_flagged(scorer, catalog):
    mystery = mystery_material()
    new_proc = dataclasses.replace(catalog.processes["hot_press_lamination"], process_id="new_press", name="New press")
    cat2 = dataclasses.replace(
        catalog,
        materials={**catalog.materials, "mystery_polymer": mystery},
        processes={"new_press": new_proc, **catalog.processes},
    )  # new one first: indices move
    items = [
        WasteItem("M1", "mystery film", "x", (("mystery_polymer", 0.6), ("ldpe", 0.4)), 10.0),
        WasteItem("M2", "pe film", "x", (("ldpe", 1.0),), 10.0),
    ]
    t2 = compile_tables(cat2, items)
    pad = t2.n_items
    idx = np.full((3, MAX_SLOTS), pad, np.int32)
    idx[:, 0] = [0, 1, 1]
    frac = np.zeros((3, MAX_SLOTS))
    frac[:, 0] = 1.0
    hp = t2.process_index("hot_press_lamination")
    b = RecipeBatch(idx, frac, np.zeros(3), np.array([hp, hp, t2.process_index("new_press")], np.int32))
    s = scorer.score(t2, b, 1.0)
    assert s.ood.tolist() == [True, False, True]
    assert np.isfinite(s.props).all()
    # the known recipe scores exactly as with the bundle's own catalog layout
    t1 = compile_tables(catalog, [items[1]])
    b1 = RecipeBatch(
        idx[1:2].copy(), frac[1:2], np.zeros(1), np.array([t1.process_index("hot_press_lamination")], np.int32)
    )
    b1.idx[0, 0] = 0
    b1.idx[b1.idx == pad] = t1.n_items
    np.testing.assert_allclose(scorer.score(t1, b1, 1.0).props[0], s.props[1], rtol=1e-6)


def test_nan_physics_input_does_not_crash(scorer, tables, monkeypatch):
    from spacetrash_desktop.ml import scorer as mod

    real = mod.score_physics

    def broken(t, b, m):
        ph = real(t, b, m)
        ph.porosity = ph.porosity.copy()
        ph.porosity[0] = np.nan
        ph.energy_kwh = ph.energy_kwh.copy()
        ph.energy_kwh[1] = np.inf
        return ph

    monkeypatch.setattr(mod, "score_physics", broken)
    b = sample_batch(tables, np.random.default_rng(3), 10)
    s = scorer.score(tables, b, 1.0)
    assert s.ood[0] and s.ood[1] and not s.ood[2:].any()
    assert np.isfinite(s.props[0]).all()  # a bad input feature is imputed


def test_vetting_runs_after_and_ood_becomes_a_flag(scorer, catalog):
    from spacetrash_desktop.services.generate import generate

    items = list(catalog.default_inventory)
    res = generate(items, catalog.targets["container"], scorer=scorer, max_evals=6000, mode="evolutionary")
    assert res.model["status"] == "ready" and res.model["name"] == "test"
    assert res.front
    for c in res.front:
        for name, v in c.values.items():
            assert c.low[name] - 1e-9 <= v <= c.high[name] + 1e-9
    # refused recipes stay refused whatever the model says (PVDF foam in a heated process)
    t = compile_tables(catalog, items)
    pvdf = next(i for i, it in enumerate(items) if it.fraction_of("pvdf") > 0.5)
    idx = np.full((1, MAX_SLOTS), t.n_items, np.int32)
    idx[0, 0] = pvdf
    frac = np.zeros((1, MAX_SLOTS))
    frac[0, 0] = 1.0
    b = RecipeBatch(idx, frac, np.zeros(1), np.array([t.process_index("heat_melt_compaction")], np.int32))
    s = scorer.score(t, b, 1.0)
    v = vet(t, b, s.phys, catalog.targets["container"], s.props)
    assert v.refused[0] and v.flags[0] & int(Flag.HEATED_HAZARD)


def test_scoring_is_deterministic_and_thread_safe(scorer, tables):
    """Same input, same bits - also when the window and the batch queue score at the same time."""
    import threading

    b = sample_batch(tables, np.random.default_rng(4), 25000)
    ref = scorer.score(tables, b, 1.0)
    bad = []

    def work():
        for _ in range(2):
            s = scorer.score(tables, b, 1.0)
            if not (
                np.array_equal(s.props, ref.props) and np.array_equal(s.lo, ref.lo) and np.array_equal(s.hi, ref.hi)
            ):
                bad.append(1)

    threads = [threading.Thread(target=work) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert bad == []
