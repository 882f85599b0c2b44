"""Training: held-out coverage, do-no-harm, reproducibility, learning from feedback rows."""

from __future__ import annotations

import numpy as np
import pytest

from spacetrash_desktop.domain import PROPERTY_NAMES
from spacetrash_desktop.ml.bundle import read_bundle

from .conftest import small_config


def test_coverage_of_the_95_intervals_on_the_held_out_split(small_loaded):
    contents, _ = small_loaded
    m = contents.manifest["metrics"]
    assert m["n_test"] >= 2000
    for name in PROPERTY_NAMES:
        assert 0.93 <= m["coverage"][name] <= 0.97, (name, m["coverage"][name])
        assert m["n_coverage"][name] >= 500
        assert m["mean_width"][name] > 0


def test_do_no_harm_on_the_test_split(small_loaded):
    """The blend never does worse than physics, and is never significantly worse than its best member
    (RF or XGBoost): the paired 95% interval of (blend - best member) on the test split reaches 0 or
    below. (On virtual-lab data the members are statistically indistinguishable from physics, so the
    literal comparison is decided by noise; both are recorded in the manifest.)"""
    contents, _ = small_loaded
    held = contents.manifest["metrics"]["held_out"]
    for name in PROPERTY_NAMES:
        h = held[name]
        assert h["mae_blend"] <= h["mae_physics"] * 1.01, name
        lo, hi = h["blend_minus_best_member_ci95"]
        assert lo <= 0.0, (name, lo, hi)
        assert isinstance(h["blend_not_worse_than_best_member"], bool)


def test_blend_weights_are_a_convex_combination(small_loaded):
    _, ens = small_loaded
    assert np.all(ens.w_rf >= 0) and np.all(ens.w_xgb >= 0) and np.all(ens.w_rf + ens.w_xgb <= 1 + 1e-9)


def test_same_seed_same_model_files(tmp_path):
    """Reproducible: the same seed gives byte-identical model files (skops canonicalised)."""
    from spacetrash_desktop.ml.train import train_bundle

    cfg = small_config(n_rows=3000, rf_trees=4, xgb_rounds=20, diff_rounds=10)
    a = train_bundle(tmp_path / "a", seed=3, config=cfg)
    b = train_bundle(tmp_path / "b", seed=3, config=cfg)
    ca, _ = read_bundle(a)
    cb, _ = read_bundle(b)
    assert ca.manifest["files"] == cb.manifest["files"]
    c = train_bundle(tmp_path / "c", seed=4, config=cfg)
    cc, _ = read_bundle(c)
    assert cc.manifest["files"]["rf.skops"] != ca.manifest["files"]["rf.skops"]


def test_trained_on_says_what_the_data_was(small_loaded):
    contents, _ = small_loaded
    t = contents.manifest["trained_on"]
    assert t["rows"] == {"virtual_lab_v1": 12000}
    assert t["measured_rows"] == 0
    assert "No real trial data" in t["description"]
    assert len(t["table_sha256"]) == 64 and len(t["physics_fingerprint"]) == 64


@pytest.mark.slow
def test_feedback_rows_teach_the_model_a_shift(catalog):
    """Stage 2: rows from a shifted reality correct the model where it was wrong, and the
    cross-validated report says so; with no feedback nothing changes."""
    from spacetrash_desktop.ml.train import evaluate, fit
    from spacetrash_desktop.ml.virtual_lab import LabRows, ShiftedReality, make_lab_rows

    cfg = small_config(n_rows=6000)
    real = ShiftedReality(catalog)
    base = make_lab_rows(catalog, cfg.n_rows, 0)
    fb = make_lab_rows(catalog, 200, 1, reality=real)
    test = make_lab_rows(catalog, 1500, 2, reality=real)
    plain = fit(base, cfg, 0)
    taught = fit(LabRows.concat([base, fb]), cfg, 0)
    e0 = evaluate(plain.ensemble, test, np.ones(len(test), bool))["held_out"]
    e1 = evaluate(taught.ensemble, test, np.ones(len(test), bool))["held_out"]
    assert e1["energy_kwh"]["mae_blend"] < 0.6 * e0["energy_kwh"]["mae_blend"]
    rep = taught.metrics["feedback_correction"]["by_property"]["energy_kwh"]
    assert rep["used"] and rep["cv_mae_with_correction"] < rep["cv_mae_without_correction"]
    assert taught.metrics["intervals"]["calibrated_on"]["energy_kwh"] == "crew_feedback"
    assert "feedback_correction" not in plain.metrics
    # the virtual-lab part of the model is the same with or without feedback (stage 1 is untouched)
    np.testing.assert_array_equal(plain.ensemble.w_rf, taught.ensemble.w_rf)


def test_feedback_records_and_journal_rows(catalog):
    from spacetrash_desktop.ml.virtual_lab import records_from_feedback, rows_from_records

    items = list(catalog.default_inventory)
    recipe = {
        "items": [{"item_id": items[12].item_id, "fraction": 1.0}],
        "regolith_frac": 0.0,
        "process_id": "hot_press_lamination",
        "batch_mass_kg": 1.0,
    }
    journal_rows = [
        {"row_id": "a", "recipe_json": recipe, "rigidity": 0.5, "rigidity_method": "judged", "energy_kwh": 0.4},
        {"row_id": "b", "recipe_json": recipe, "tightness": 0.7, "tightness_method": "measured"},
        {"row_id": "c", "recipe_json": recipe, "rigidity": 0.5, "rigidity_method": "judged"},  # nothing measured
        {"row_id": "d", "recipe_json": "not json"},
    ]
    recs = records_from_feedback(journal_rows)
    assert [r["row_id"] for r in recs] == ["a", "b"]
    assert "rigidity" not in recs[0]["measured"]  # a judgement is not a measurement
    bad = {"recipe": {**recipe, "items": [{"item_id": "NOPE", "fraction": 1.0}]}, "measured": {"water_l": 1.0}}
    rows, problems = rows_from_records(recs + [bad], items, catalog)
    assert len(rows) == 2 and rows.provenance.tolist() == ["crew_feedback", "crew_feedback"]
    assert np.isnan(rows.y[0, 0]) and rows.y[0, 2] == pytest.approx(0.4)
    assert problems == ["record 3: unknown item 'NOPE'"]


def test_virtual_lab_uses_every_process_and_the_variability_file(catalog):
    from spacetrash_desktop.engine.scorer import DEFAULT_VARIABILITY, load_variability
    from spacetrash_desktop.engine.tables import compile_tables
    from spacetrash_desktop.ml.virtual_lab import make_lab_rows

    t = compile_tables(catalog, [])
    var = load_variability(t)
    # every process has its own row in datasets/process_variability.csv
    from spacetrash_desktop.catalog.datasets import read_csv_rows
    from spacetrash_desktop.storage.paths import bundled_dir

    ids = [r["process_id"] for r in read_csv_rows(bundled_dir("datasets") / "process_variability.csv")]
    assert sorted(ids) == sorted(t.process_ids)
    assert not np.allclose(var, np.array(DEFAULT_VARIABILITY))
    rows = make_lab_rows(catalog, 2400, 5)
    assert set(rows.process_id) == set(t.process_ids)
    assert set(rows.provenance) == {"virtual_lab_v1"}
    assert (rows.y[:, :2] >= 0).all() and (rows.y[:, :2] <= 1).all() and (rows.y[:, 2:] >= 0).all()
