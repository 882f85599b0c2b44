"""Do-no-harm gates of the stage-1 members: a member that only fits noise is gated (it predicts exactly
the physics model), one that learnt a real departure from physics is kept and the blend uses it; the
gates are decided on validation, stored in the bundle, verified, and older bundles without them still
load."""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pytest

from spacetrash_desktop.domain import PROPERTY_NAMES
from spacetrash_desktop.ml.bundle import METADATA, canonical_json, load_bundle, sha256_bytes, verify_bundle
from spacetrash_desktop.ml.train import TEST, _gate_member, fit

from .conftest import copy_bundle, edit_manifest, small_config

ENERGY = PROPERTY_NAMES.index("energy_kwh")


def test_the_gate_rule_on_synthetic_rows():
    """Additive property (index units): a member whose residual is noise is gated, one that carries
    the true residual is kept; the figures say why."""
    rng = np.random.default_rng(7)
    n = 4000
    phys = rng.uniform(0.2, 0.8, n)
    true = np.where(rng.random(n) < 0.5, 0.1, -0.05)  # a real departure from physics
    y = phys + true + rng.normal(0, 0.05, n)
    noise_fit = rng.normal(0, 0.02, n)  # what a model of pure noise predicts
    signal_fit = true + rng.normal(0, 0.01, n)  # a model that learnt the departure (imperfectly)
    # on rows where physics is right, the noise member is gated ...
    y0 = phys + rng.normal(0, 0.05, n)
    gated, rep = _gate_member(0, noise_fit, phys, y0)
    assert gated and rep["gated"] and rep["mean_difference"] > -2 * rep["paired_se"]
    # ... and a member that predicts exactly physics is gated too (it cannot beat it)
    assert _gate_member(0, np.zeros(n), phys, y0)[0]
    # where reality departs from physics, the member that learnt it is kept, the noise member is not
    kept, rep = _gate_member(0, signal_fit, phys, y)
    assert not kept and rep["z"] < -20
    assert _gate_member(0, noise_fit, phys, y)[0]
    # no validation rows: nothing shows the member helps
    assert _gate_member(0, np.zeros(0), np.zeros(0), np.zeros(0))[0]


@pytest.fixture(scope="module")
def injected(catalog):
    """Virtual-lab rows where the "truth" departs from physics for energy (heated processes take 1.6x
    the physics energy in every split); the other properties are physics + noise as usual."""
    from spacetrash_desktop.ml.virtual_lab import make_lab_rows

    cfg = small_config(n_rows=8000)
    rows = make_lab_rows(catalog, cfg.n_rows, 0)
    heated = rows.X[:, rows.schema.index()["proc_heated"]] > 0.5
    assert 0.2 < heated.mean() < 0.9
    y = rows.y.copy()
    y[heated, ENERGY] *= 1.6
    shifted = replace(rows, y=y)
    return cfg, rows, shifted, fit(rows, cfg, 0), fit(shifted, cfg, 0)


def test_members_that_only_fit_noise_are_gated_and_predict_physics(injected):
    _cfg, rows, _, plain, _ = injected
    ens = plain.ensemble
    gates = plain.metrics["member_gates"]["by_property"]
    assert ens.gate_rf.all() and ens.gate_xgb.all(), gates
    assert np.all(ens.w_rf == 0) and np.all(ens.w_xgb == 0)
    test = plain.split == TEST
    pred = ens.predict(rows.X[test], rows.phys[test])
    assert np.all(pred.r_rf == 0) and np.all(pred.r_xgb == 0) and np.all(pred.r == 0)
    np.testing.assert_allclose(pred.props, np.clip(rows.phys[test], [0, 0, 0, 0, 0], [1, 1, np.inf, np.inf, np.inf]))
    for name in PROPERTY_NAMES:
        h = plain.metrics["held_out"][name]
        # as shipped, every member is the physics model: the blend is literally not worse than any
        assert h["random_forest_gated"] and h["xgboost_gated"]
        assert h["mae_blend"] == h["mae_physics"] == h["mae_random_forest"] == h["mae_xgboost"]
        assert h["blend_not_worse_than_best_member"] and h["blend_not_worse_than_physics"]
        assert h["blend_minus_best_member_ci95"] == [0.0, 0.0]
        # the raw (ungated) members are kept as a diagnostic: they only fitted noise
        assert h["mae_random_forest_raw"] > 0 and h["mae_xgboost_raw"] > 0
        assert gates[name]["xgboost"]["gated"] and gates[name]["xgboost"]["rows"] > 0


def test_a_member_with_a_real_signal_is_kept_and_the_blend_uses_it(injected):
    _cfg, _rows, _shifted, _plain, taught = injected
    ens = taught.ensemble
    gates = taught.metrics["member_gates"]["by_property"]["energy_kwh"]
    assert not (ens.gate_rf[ENERGY] and ens.gate_xgb[ENERGY]), gates
    assert ens.w_rf[ENERGY] + ens.w_xgb[ENERGY] > 0.5  # the blend leans on the members that learnt it
    assert (ens.w_rf[ENERGY] == 0 or not ens.gate_rf[ENERGY]) and (ens.w_xgb[ENERGY] == 0 or not ens.gate_xgb[ENERGY])
    h = taught.metrics["held_out"]["energy_kwh"]
    assert h["mae_blend"] < 0.7 * h["mae_physics"]
    # properties without a departure stay gated (the injected signal lives in energy only)
    for name in ("rigidity", "tightness"):
        k = PROPERTY_NAMES.index(name)
        assert ens.gate_rf[k] and ens.gate_xgb[k], taught.metrics["member_gates"]["by_property"][name]


def test_gates_are_saved_verified_and_old_bundles_still_load(small_bundle, tmp_path):
    contents, ens = load_bundle(small_bundle)
    meta = contents.metadata()
    assert meta["format"] == 2 and set(meta["gate"]) == {"random_forest", "xgboost"}
    np.testing.assert_array_equal(ens.gate_rf, meta["gate"]["random_forest"])
    np.testing.assert_array_equal(ens.gate_xgb, meta["gate"]["xgboost"])
    held = contents.manifest["metrics"]["held_out"]
    assert [held[n]["xgboost_gated"] for n in PROPERTY_NAMES] == meta["gate"]["xgboost"]

    def rewrite(folder, edit):
        m = json.loads((folder / METADATA).read_text())
        edit(m)
        data = canonical_json(m)
        (folder / METADATA).write_bytes(data)
        edit_manifest(
            folder, lambda man: man["files"].__setitem__(METADATA, {"sha256": sha256_bytes(data), "size": len(data)})
        )

    # a bundle from before the gates (no "gate" in its metadata) loads, with no member gated
    old = copy_bundle(small_bundle, tmp_path / "old")
    rewrite(old, lambda m: (m.pop("gate"), m.__setitem__("format", 1)))
    assert verify_bundle(old) == []
    _, ens_old = load_bundle(old)
    assert not ens_old.gate_rf.any() and not ens_old.gate_xgb.any()
    # a format this app does not know is refused (an older app refuses format 2 the same way)
    newer = copy_bundle(small_bundle, tmp_path / "newer")
    rewrite(newer, lambda m: m.__setitem__("format", 3))
    assert any("unsupported format" in p for p in verify_bundle(newer))
    # malformed gates are refused by verification
    for bad in (
        {"random_forest": [True] * 4, "xgboost": [True] * 5},
        {"xgboost": [True] * 5},
        {"random_forest": [1, 1, 1, 1, 1], "xgboost": [True] * 5},
        [True] * 5,
    ):
        folder = copy_bundle(small_bundle, tmp_path / f"bad{len(list(tmp_path.iterdir()))}")
        rewrite(folder, lambda m, bad=bad: m.__setitem__("gate", bad))
        problems = verify_bundle(folder)
        assert any("member gate" in p for p in problems), problems


def test_gated_members_are_not_evaluated(small_loaded, monkeypatch):
    """A gated member is the physics model: predicting does not even run it."""
    _, ens = small_loaded
    if not ens.gate_rf.all():
        pytest.skip("the test bundle's forest is not gated for every property")
    calls = []
    monkeypatch.setattr(ens.rf, "predict", lambda X: calls.append(len(X)))
    X = np.tile(ens.impute, (3, 1))
    r_rf, _ = ens.member_residuals(ens.prepare(X))
    assert calls == [] and np.all(r_rf == 0)
