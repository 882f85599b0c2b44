"""The pieces of retraining: drift measures (ml/drift.py), the feedback-to-target mapping
(ml/virtual_lab.py), feedback corrections surviving a bundle round trip, local vs global reach of a
correction (ml/train.py), candidates in the registry, and the promotion rule."""

from __future__ import annotations

import json

import numpy as np
import pytest

from spacetrash_desktop.catalog import load_catalog
from spacetrash_desktop.domain import PROPERTY_NAMES, Recipe
from spacetrash_desktop.engine.physics import score_physics
from spacetrash_desktop.engine.recipes import from_recipes
from spacetrash_desktop.engine.tables import compile_tables
from spacetrash_desktop.ml import drift, registry
from spacetrash_desktop.ml.bundle import METADATA, load_bundle, read_bundle, sha256_bytes
from spacetrash_desktop.ml.model import to_residual
from spacetrash_desktop.ml.promotion import checks as _checks
from spacetrash_desktop.ml.promotion import decide as _decide
from spacetrash_desktop.ml.train import _anchor_rows, fit, train_bundle
from spacetrash_desktop.ml.virtual_lab import (
    JUDGED_WEIGHT,
    LabRows,
    ShiftedReality,
    make_lab_rows,
    records_from_feedback,
    rows_from_records,
)

from .conftest import copy_bundle, edit_manifest, relabel, small_config

# ------------------------------------------------------------------------------------ drift


def test_psi_and_ks_on_known_distributions():
    rng = np.random.default_rng(0)
    train = rng.normal(0, 1, 20000)
    same = rng.normal(0, 1, 2000)
    small_shift = rng.normal(0.4, 1, 2000)
    big_shift = rng.normal(1.0, 1, 2000)
    assert drift.psi(train, same) < 0.02
    assert drift.psi_level(drift.psi(train, same)) == "none"
    assert drift.psi_level(drift.psi(train, small_shift)) == "moderate"  # PSI ~ shift^2 = 0.16
    assert drift.psi(train, big_shift) > 0.25
    stat, p = drift.ks(train, same)
    assert p > 0.01 and stat < 0.05
    stat, p = drift.ks(train, big_shift)
    assert p < 1e-10 and stat > 0.3
    assert drift.psi_level(0.0999) == "none" and drift.psi_level(0.1) == "moderate"
    assert drift.psi_level(0.25) == "moderate" and drift.psi_level(0.2501) == "major"


def test_psi_bins_are_fixed_by_the_training_data_and_handle_point_masses():
    rng = np.random.default_rng(1)
    train = np.where(rng.random(5000) < 0.8, 0.0, rng.uniform(0, 1, 5000))  # a material share: mostly 0
    edges = drift.bin_edges(train)
    assert edges[0] == 0.0 and np.all(np.diff(edges) > 0)
    same = np.where(rng.random(1000) < 0.8, 0.0, rng.uniform(0, 1, 1000))
    assert drift.psi(train, same) < 0.05
    everyone_uses_it = rng.uniform(0.5, 1, 1000)
    assert drift.psi(train, everyone_uses_it) > 1.0
    out_of_range = np.full(100, 7.0)  # beyond the training range: the open last bin
    assert np.isfinite(drift.psi(train, out_of_range))
    assert np.isnan(drift.psi(train, np.array([np.nan])))
    assert drift.psi(np.zeros(100), np.zeros(10)) == pytest.approx(0.0)


def test_feature_drift_flags_the_shifted_feature_only():
    rng = np.random.default_rng(2)
    train = rng.normal(0, 1, (8000, 3))
    new = rng.normal(0, 1, (400, 3))
    new[:, 1] += 1.5
    out = drift.feature_drift(train, new, ["a", "b", "c"], {"b": "Feature B"})
    f = out["features"]
    assert f["b"]["flag"] == "major" and f["b"]["ks_significant"] and f["b"]["label"] == "Feature B"
    assert f["a"]["flag"] == "none" and f["c"]["flag"] == "none"
    assert set(f["a"]) >= {"psi", "ks", "ks_pvalue", "flag", "psi_level", "train_mean", "new_mean"}
    s = out["summary"]
    assert s["level"] == "major" and s["by_level"] == {"none": 2, "moderate": 0, "major": 1}
    assert s["top"][0]["feature"] == "b" and "Feature B" in s["text"]
    assert "note" not in s
    few = drift.feature_drift(train, new[:5], ["a", "b", "c"])
    assert "rough" in few["summary"]["note"]
    none = drift.feature_drift(train, rng.normal(0, 1, (400, 3)), ["a", "b", "c"])
    assert none["summary"]["level"] == "no drift"
    json.dumps(out)  # plain JSON


def test_one_new_row_is_too_few_to_judge_drift_and_flags_nothing():
    """Issue 17: one feedback row flagged 52 features "major" in red. Below MIN_ROWS rows nothing is
    flagged; the summary says there are not enough rows to judge drift (the figures stay, for reference)."""
    rng = np.random.default_rng(3)
    train = rng.normal(0, 1, (8000, 4))
    one = np.array([[5.0, 5.0, 5.0, 5.0]])  # far outside the training data: PSI would say "major" everywhere
    out = drift.feature_drift(train, one, ["a", "b", "c", "d"])
    assert all(f["psi_level"] == "major" for f in out["features"].values())  # the raw figure is kept
    assert {f["flag"] for f in out["features"].values()} == {drift.NOT_JUDGED}
    assert not any(f["ks_significant"] for f in out["features"].values())
    s = out["summary"]
    assert s["level"] == drift.NOT_JUDGED and s["by_level"] == {"none": 0, "moderate": 0, "major": 0}
    assert s["text"].startswith("Not enough rows to judge drift: 1 new row, at least 20 are needed")
    assert "major" not in s["text"]
    nineteen = drift.feature_drift(train, rng.normal(0, 1, (19, 4)), ["a", "b", "c", "d"])
    assert nineteen["summary"]["level"] == drift.NOT_JUDGED and "19 new rows" in nineteen["summary"]["text"]
    twenty = drift.feature_drift(train, rng.normal(0, 1, (20, 4)), ["a", "b", "c", "d"])
    assert twenty["summary"]["level"] != drift.NOT_JUDGED
    assert drift.NOT_JUDGED not in {f["flag"] for f in twenty["features"].values()}


# ------------------------------------------------------------------------------------ the mapping


def _recipe(items=(("W002", 1.0),), process="hot_press_lamination", reg=0.1, mass=2.0) -> dict:
    return Recipe(tuple(items), reg, process, mass).to_dict()


def test_each_reported_quantity_is_a_label_of_its_own_property_only(catalog):
    r1, r2, r3 = _recipe(), _recipe(mass=3.0), _recipe(items=(("W004", 1.0),), process="textile_cut_sew", reg=0.0)
    rows = [
        {
            "row_id": "a",
            "recipe_id": r1["id"],
            "recipe_json": json.dumps(r1),
            "rigidity": 0.4,
            "rigidity_method": "measured",
            "tightness": 0.7,
            "tightness_method": "judged",
            "energy_kwh": 0.9,
            "water_l": 0.0,
            "crew_min": 30.0,
            "passed": False,
            "notes": "easy to make",
            "product_mass_kg": 1.9,
        },
        {"row_id": "b", "recipe_id": r1["id"], "recipe_json": r1, "rigidity": 0.6, "rigidity_method": "judged"},
        {"row_id": "c", "recipe_id": r2["id"], "recipe_json": r2, "tightness": 0.5, "tightness_method": "judged"},
        {"row_id": "d", "recipe_id": r3["id"], "recipe_json": r3, "passed": True, "notes": "easy to make"},
        {"row_id": "e", "recipe_id": "Rx", "recipe_json": "{not json"},
    ]
    skipped: list = []
    recs = records_from_feedback(rows, accept_judged=True, skipped=skipped)
    assert [r["row_id"] for r in recs] == ["a", "c"]
    a, c = recs
    assert a["measured"] == {"rigidity": 0.4, "energy_kwh": 0.9, "water_l": 0.0, "crew_min": 30.0}
    assert a["judged"] == {"tightness": 0.7}
    assert a["passed"] is False and a["product_mass_kg"] == 1.9  # metadata, not labels
    assert "passed" not in a["measured"] and "product_mass_kg" not in a["measured"]
    assert c["judged"] == {"tightness": 0.5} and c["measured"] == {}
    reasons = {s["row_id"]: s["reason"] for s in skipped}
    assert "a measured value of the same recipe replaces them" in reasons["b"]  # measured wins for recipe r1
    assert "pass/fail" in reasons["d"] and "metadata" in reasons["d"]
    assert reasons["e"] == "the recipe cannot be read"
    # without accept_judged (the default), judgements are not used at all
    plain = records_from_feedback(rows)
    assert [r["row_id"] for r in plain] == ["a"] and "judged" not in plain[0]

    items = list(catalog.default_inventory)
    lab, problems = rows_from_records(recs, items, catalog, judged_weight=JUDGED_WEIGHT)
    assert problems == []
    by = {s: i for i, s in enumerate(lab.source)}
    ia, ic = by["a"], by["c"]
    k = {n: i for i, n in enumerate(PROPERTY_NAMES)}
    assert lab.y[ia, k["rigidity"]] == 0.4 and lab.weight[ia, k["rigidity"]] == 1.0
    assert lab.y[ia, k["tightness"]] == 0.7 and lab.weight[ia, k["tightness"]] == JUDGED_WEIGHT
    assert lab.y[ia, k["energy_kwh"]] == 0.9 and lab.weight[ia, k["energy_kwh"]] == 1.0
    assert lab.y[ic, k["tightness"]] == 0.5 and lab.weight[ic, k["tightness"]] == JUDGED_WEIGHT
    assert np.isnan(lab.y[ic, k["rigidity"]]) and lab.weight[ic, k["rigidity"]] == 0.0
    # judged values are not used unless a weight is given
    lab0, _ = rows_from_records(recs, items, catalog)
    assert len(lab0) == 1 and lab0.source.tolist() == ["a"]
    assert np.isnan(lab0.y[0, k["tightness"]])


def test_energy_water_crew_are_per_batch_of_the_recipes_batch_mass(catalog):
    """The physics estimate the label is compared with is computed at the row's batch mass, so the
    same recipe made at 1 kg and at 4 kg gives two consistent labels."""
    recs = [
        {"recipe": _recipe(mass=m), "measured": {"energy_kwh": e}, "row_id": str(m)}
        for m, e in ((1.0, 0.5), (4.0, 2.0))
    ]
    lab, problems = rows_from_records(recs, list(catalog.default_inventory), catalog)
    assert problems == []
    phys = {s: lab.phys[i, 2] for i, s in enumerate(lab.source)}
    # the physics estimate is the engine's own, per batch of the row's mass
    t = compile_tables(catalog, list(catalog.default_inventory))
    for m in (1.0, 4.0):
        r = Recipe((("W002", 1.0),), 0.1, "hot_press_lamination", m)  # the same recipe as _recipe(mass=m)
        ph = score_physics(t, from_recipes(t, [r]), m)
        assert phys[str(m)] == pytest.approx(float(ph.energy_kwh[0]), rel=1e-9)
    assert phys["4.0"] > phys["1.0"]
    col = lab.schema.index()["log_batch_mass"]
    assert sorted(np.round(np.exp(lab.X[:, col]), 6)) == [1.0, 4.0]
    r = to_residual(lab.y, lab.phys)[:, 2]
    assert np.all(np.isfinite(r))


def test_unusable_records_are_skipped_one_by_one_with_the_reason(catalog):
    good = {"recipe": _recipe(), "measured": {"rigidity": 0.3}, "row_id": "ok"}
    five_items = {
        "recipe": _recipe(items=tuple((f"W00{i}", 0.2) for i in range(2, 7))),
        "measured": {"rigidity": 0.3},
        "row_id": "five",
    }
    gone_item = {"recipe": _recipe(items=(("W999", 1.0),)), "measured": {"rigidity": 0.3}, "row_id": "gone"}
    gone_proc = {"recipe": _recipe(process="plasma_torch"), "measured": {"rigidity": 0.3}, "row_id": "proc"}
    no_mass = {"recipe": {**_recipe(), "batch_mass_kg": None}, "measured": {"energy_kwh": 1.0}, "row_id": "mass"}
    out_of_range = {"recipe": _recipe(), "measured": {"rigidity": 1.3}, "row_id": "range"}
    skipped: list = []
    lab, problems = rows_from_records(
        [good, five_items, gone_item, gone_proc, no_mass, out_of_range],
        list(catalog.default_inventory),
        catalog,
        skipped=skipped,
    )
    assert lab.source.tolist() == ["ok"]  # the bad recipe in the same batch-mass group did not take it along
    reasons = {s["row_id"]: s["reason"] for s in skipped}
    assert reasons["five"].startswith("not a valid recipe")
    assert reasons["gone"] == "unknown item 'W999'" and reasons["proc"] == "unknown process 'plasma_torch'"
    assert reasons["mass"].startswith("no batch mass") and reasons["range"] == "a reported value is out of range"
    assert len(problems) == 5


# ------------------------------------------------------------------------------------ stage 2 and bundles


@pytest.fixture(scope="module")
def taught(tmp_path_factory):
    """A small bundle trained with feedback from one family (local correction) and from the shifted
    reality over every process (global energy correction)."""
    cat = load_catalog()
    cfg = small_config(n_rows=6000)
    shifted = make_lab_rows(cat, 200, 1, reality=ShiftedReality(cat))
    shifted.y[:, [0, 1, 3, 4]] = np.nan  # these rows report energy only
    fam = [
        {
            "recipe": _recipe(items=(("W002", 0.5), ("W014", 0.5)), reg=reg, mass=m),
            "row_id": f"{reg}-{m}",
            "measured": {"tightness": 0.05},
        }
        for reg in (0.0, 0.1, 0.2)
        for m in (0.5, 1.0, 2.0, 3.0, 4.0, 5.0, 7.0)
    ]
    fam_rows, _ = rows_from_records(fam * 2, list(cat.default_inventory), cat)
    base = make_lab_rows(cat, cfg.n_rows, 0)
    extra = LabRows.concat([shifted, fam_rows])
    path = train_bundle(tmp_path_factory.mktemp("taught") / "b", seed=0, extra_rows=extra, config=cfg, lab_rows=base)
    in_memory = fit(LabRows.concat([base, extra]), cfg, 0).ensemble
    test = make_lab_rows(cat, 600, 9)
    return path, in_memory, test


def test_feedback_corrections_survive_the_bundle_round_trip(taught):
    path, mem, test = taught
    contents, ens = load_bundle(path)
    meta = contents.metadata()
    corr_files = [n for n in meta["files"]["correction"] if n]
    assert corr_files and all(n in contents.manifest["files"] for n in corr_files)
    assert "corr_energy_kwh.ubj" in corr_files
    a = mem.predict(test.X, test.phys)
    b = ens.predict(test.X, test.phys)
    np.testing.assert_allclose(b.props, a.props, rtol=1e-6, atol=1e-9)
    np.testing.assert_allclose(b.hi, a.hi, rtol=1e-6, atol=1e-9)
    assert np.abs(ens.correction_residual(ens.prepare(test.X))).max() > 0.01


def test_corrections_reach_globally_only_when_the_feedback_shows_they_carry_over(taught):
    contents, _ = read_bundle(taught[0])
    rep = contents.manifest["metrics"]["feedback_correction"]["by_property"]
    assert rep["energy_kwh"]["reach"] == "global"  # heated processes take 1.5x: learnt on some, true on others
    assert (
        rep["energy_kwh"]["reach_check"]["cv_mae_across_process"]
        < rep["energy_kwh"]["reach_check"]["cv_mae_without_correction"]
    )
    assert rep["tightness"]["used"] and rep["tightness"]["reach"] == "local"
    assert "hot_press_lamination" in rep["tightness"]["processes"]


def test_a_bundle_with_a_malformed_correction_list_is_refused(taught, tmp_path):
    bad = copy_bundle(taught[0], tmp_path / "bad")
    meta = json.loads((bad / METADATA).read_text())
    meta["files"]["correction"] = meta["files"]["correction"][:3]
    data = json.dumps(meta).encode()
    (bad / METADATA).write_bytes(data)
    edit_manifest(bad, lambda m: m["files"][METADATA].update(sha256=sha256_bytes(data), size=len(data)))
    contents, problems = read_bundle(bad)
    assert contents is None and "one feedback correction" in problems[0]


def test_anchors_weigh_nothing_where_the_crew_reported_and_fully_elsewhere(catalog):
    recs = [
        {"recipe": _recipe(items=(("W002", 1.0),), mass=2.0), "measured": {"rigidity": 0.1}, "row_id": "f"},
        {"recipe": _recipe(items=(("W002", 1.0),), mass=2.0, reg=0.0), "measured": {"rigidity": 0.1}, "row_id": "same"},
        {"recipe": _recipe(items=(("W004", 1.0),), mass=2.0), "measured": {"rigidity": 0.1}, "row_id": "other items"},
        {
            "recipe": _recipe(items=(("W002", 1.0),), process="heat_melt_compaction", mass=2.0),
            "measured": {"rigidity": 0.1},
            "row_id": "other process",
        },
    ]
    rows, _ = rows_from_records(recs, list(catalog.default_inventory), catalog)
    rows = LabRows.concat([rows])
    order = [list(rows.source).index(s) for s in ("f", "same", "other items", "other process")]
    rows = rows.take(np.array(order))
    fb = np.array([True, False, False, False])
    X, w = _anchor_rows(rows, rows.X, ~fb, fb, 0)
    assert len(X) == 3
    # same process and items, about 10% regolith less: total-variation distance ~0.1, weight ~(0.1)^2
    assert 0.005 < w[0] / w[1] < 0.02
    # other items (they share only the 10% regolith: (0.9)^2) / another process (full weight)
    assert w[1] / w[2] == pytest.approx(0.81, abs=0.02)
    # the anchors' total weight is their mean unlikeness (equal batch masses): about (0.01 + 0.81 + 1) / 3
    # - the full share only when no anchor resembles a reported recipe
    assert w[2] == pytest.approx(1 / 3)  # another process: its full part of the anchors' share
    assert 0.58 < w.sum() < 0.63
    # no anchor like any report: the full share; every anchor a reported recipe: no anchors at all
    X_far, w_far = _anchor_rows(rows, rows.X, np.array([False, False, False, True]), fb, 0)
    assert len(X_far) == 1 and w_far.sum() == pytest.approx(1.0)
    X_same, w_same = _anchor_rows(rows, rows.X, fb, fb, 0)
    assert len(X_same) == 0 and len(w_same) == 0


# ------------------------------------------------------------------------------------ registry candidates


def test_candidates_are_installed_without_activation_and_survive_pruning(small_bundle, tmp_path):
    a = registry.install_bundle(small_bundle)
    cand = relabel(small_bundle, tmp_path / "c", "1.1.0")
    folder = registry.install_candidate(cand, reason="worse on rigidity", run_id="run-x")
    assert registry.read_pointer()["manifest_sha256"] == a.manifest_sha256
    assert [c["folder"] for c in registry.candidates()] == [folder]
    assert registry.candidates()[0]["reason"] == "worse on rigidity"
    # other activations prune bundles that are neither active nor in the history: not candidates
    for v in ("2.0.0", "3.0.0", "4.0.0", "5.0.0", "6.0.0", "7.0.0", "8.0.0"):
        registry.install_bundle(relabel(small_bundle, tmp_path / v, v))
    assert folder in {b["folder"] for b in registry.installed_bundles() if b["candidate"]}
    info = registry.activate_installed(folder)
    assert info.version == "1.1.0" and registry.candidates() == []
    assert registry.rollback().version == "8.0.0"


def test_only_the_last_candidates_are_kept(small_bundle, tmp_path):
    registry.install_bundle(small_bundle)
    active = registry.read_pointer()["active"]
    assert registry.install_candidate(small_bundle) == active and registry.candidates() == []  # already active
    folders = [
        registry.install_candidate(relabel(small_bundle, tmp_path / str(i), f"1.0.{i + 1}"))
        for i in range(registry.CANDIDATES_KEEP + 2)
    ]
    kept = [c["folder"] for c in registry.candidates()]
    assert kept == folders[::-1][: registry.CANDIDATES_KEEP]
    on_disk = {b["folder"] for b in registry.installed_bundles()}
    assert folders[0] not in on_disk and folders[-1] in on_disk
    registry.remove_bundle(folders[-1])
    assert folders[-1] not in [c["folder"] for c in registry.candidates()]


# ------------------------------------------------------------------------------------ the promotion rule


def _metrics(**over):
    out = {}
    for name in PROPERTY_NAMES:
        lab = {
            "gate_rows": 1000,
            "gate_mae_champion": 0.03,
            "gate_mae_challenger": 0.03,
            "gate_coverage_champion": 0.95,
            "gate_coverage_challenger": 0.95,
        }
        fb = {"rows": 0}
        learnt = {"correction": False, "calibrated_on": "virtual_lab_v1"}
        if name == "rigidity":
            fb = {
                "rows": 20,
                "mae_champion": 0.2,
                "mae_challenger": 0.01,
                "coverage_champion": 0.1,
                "coverage_challenger": 0.95,
            }
            learnt = {"correction": True, "calibrated_on": "crew_feedback"}
        lab.update(over.get("lab", {}) if name == over.get("prop", "rigidity") else {})
        fb.update(over.get("fb", {}) if name == over.get("prop", "rigidity") else {})
        out[name] = {"lab": lab, "feedback": fb, "learnt": learnt, "checks": _checks(name, lab, fb)}
    return out


@pytest.mark.parametrize(
    "over, promoted, text",
    [
        ({}, True, "Promoted"),
        ({"lab": {"gate_mae_challenger": 0.0306}}, True, "Promoted"),  # within the 2% tolerance
        ({"lab": {"gate_mae_challenger": 0.0307}}, False, "virtual-lab trials"),
        ({"lab": {"gate_coverage_challenger": 0.929}}, False, "coverage on virtual-lab"),
        ({"lab": {"gate_coverage_champion": 0.90, "gate_coverage_challenger": 0.90}}, True, "Promoted"),
        ({"fb": {"mae_challenger": 0.2000001}}, False, "held-out feedback"),  # no tolerance on feedback
        ({"fb": {"coverage_champion": 0.95, "coverage_challenger": 0.90}}, True, "Promoted"),  # one row of slack
        ({"fb": {"coverage_champion": 0.95, "coverage_challenger": 0.85}}, False, "coverage on held-out"),
        ({"fb": {"rows": 9, "mae_challenger": 0.5}}, True, "Promoted"),  # too few held-out rows to judge
        ({"prop": "energy_kwh", "lab": {"gate_rows": 50, "gate_mae_challenger": 9.0}}, True, "Promoted"),
    ],
)
def test_the_promotion_rule(over, promoted, text):
    ok, reason = _decide(_metrics(**over), {})
    assert ok is promoted and text in reason, reason


def test_nothing_learnt_is_not_promoted():
    m = _metrics()
    m["rigidity"]["learnt"] = {"correction": False, "calibrated_on": "virtual_lab_v1"}
    ok, reason = _decide(m, {})
    assert not ok and "did not teach the model anything" in reason
