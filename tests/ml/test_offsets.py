"""Family offsets (ml/offsets.py): partial pooling shrinks a few noisy reports and follows many, noise
alone teaches nothing, they travel in the bundle (old bundles load without), a family's predictions
move with its reports and its intervals narrow as they accumulate, and the retrain gate still refuses
a challenger they make worse."""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pytest

from spacetrash_desktop.catalog import load_catalog
from spacetrash_desktop.domain import Recipe
from spacetrash_desktop.ml.bundle import METADATA, load_bundle, read_bundle, sha256_bytes
from spacetrash_desktop.ml.offsets import FamilyOffsets, fit_offsets, main_material
from spacetrash_desktop.ml.promotion import Contender, compare, decide
from spacetrash_desktop.ml.suggest_lab import FastRetrainer
from spacetrash_desktop.ml.train import VAL, fit, train_bundle
from spacetrash_desktop.ml.virtual_lab import LabRows, make_lab_rows, rows_from_records

from .conftest import copy_bundle, edit_manifest, small_config

K = 5
RIGIDITY, TIGHTNESS = 0, 1
FAMILY = ("hot_press_lamination", (("W002", 0.5), ("W014", 0.5)))  # LDPE items: one family
OTHER = ("hot_press_lamination", (("W004", 1.0),))  # same process, another main material


def _draw(rng, n_families: int, rows: int, offset: float, sd: float = 0.05):
    procs = np.repeat([f"p{g % 3}" for g in range(n_families)], rows)
    mats = np.repeat([f"m{g}" for g in range(n_families)], rows)
    e = rng.normal(0.0, sd, (len(procs), K))
    e[:, RIGIDITY] += offset
    return e, np.full(e.shape, sd * sd), procs, mats


def _total(off: FamilyOffsets, proc: str, mat: str) -> tuple[float, float]:
    a, b, var = off.apply([proc], [mat])
    return float(a[0, RIGIDITY] + b[0, RIGIDITY]), float(var[0, RIGIDITY])


def test_a_few_noisy_reports_are_shrunk_and_many_reach_the_true_offset():
    rng = np.random.default_rng(3)
    got = {}
    for n in (2, 60):
        e, v, p, m = _draw(rng, 1, n, offset=-0.15)
        off, _ = fit_offsets(e, v, p, m, np.ones_like(e))
        got[n] = _total(off, "p0", "m0")
    # two reports: moved towards -0.15 but less than their own mean; sixty: within 0.02 of it
    e_mean = -0.15  # the reports' expected mean
    assert -0.15 - 0.1 < got[2][0] < 0 and abs(got[60][0] - e_mean) < 0.02
    # the posterior variance falls with the reports
    assert got[60][1] < got[2][1]


def test_a_judged_value_counts_less_than_a_measured_one():
    rng = np.random.default_rng(5)
    e, v, p, m = _draw(rng, 1, 3, offset=-0.15)
    measured, _ = fit_offsets(e, v, p, m, np.ones_like(e))
    judged, _ = fit_offsets(e, v, p, m, np.full(e.shape, 0.5))
    assert abs(_total(judged, "p0", "m0")[0]) < abs(_total(measured, "p0", "m0")[0])


def test_feedback_equal_to_the_model_plus_noise_gives_no_offsets():
    """200 crews each report 10 recipes of 5 families whose truth is the model: (almost) never an
    offset, and never one that matters."""
    rng = np.random.default_rng(11)
    any_used = 0
    largest = 0.0
    for _ in range(200):
        e, v, p, m = _draw(rng, 5, 2, offset=0.0)
        off, rep = fit_offsets(e, v, p, m, np.ones_like(e))
        any_used += sum(bool(rep[n]["used"]) for n in rep)
        a, b, _ = off.apply(list(p), list(m))
        largest = max(largest, float(np.abs(a + b).max()))
    assert any_used <= 0.02 * 200 * K  # the 1% test per level and property
    assert largest < 0.1  # and what slips through is shrunk


def test_unseen_processes_and_families_get_no_offset_but_the_prior_variance():
    rng = np.random.default_rng(7)
    e, v, p, m = _draw(rng, 1, 8, offset=-0.2)
    off, _ = fit_offsets(e, v, p, m, np.ones_like(e))
    seen, var_seen = _total(off, "p0", "m0")
    other_family, var_family = _total(off, "p0", "elsewhere")
    other_process, var_process = _total(off, "q", "elsewhere")
    assert seen < -0.1 and other_process == 0.0
    assert abs(other_family) <= abs(seen)  # the process's share only
    assert var_seen < var_family <= var_process


def test_offsets_round_trip_through_a_dict_and_refuse_garbage():
    rng = np.random.default_rng(1)
    e, v, p, m = _draw(rng, 2, 4, offset=-0.2)
    off, _ = fit_offsets(e, v, p, m, np.ones_like(e))
    again = FamilyOffsets.from_dict(json.loads(json.dumps(off.to_dict())))
    assert again is not None and again.to_dict() == off.to_dict()
    assert FamilyOffsets.from_dict(None) is None
    bad = off.to_dict()
    bad["tau2"]["process"] = [-1.0] * K
    with pytest.raises(ValueError):
        FamilyOffsets.from_dict(bad)


# ------------------------------------------------------------------------------------ in the model


def _records(recipes: list[tuple[str, tuple]], tightness: float, mass: float = 2.0) -> list[dict]:
    out = []
    for i, (proc, items) in enumerate(recipes):
        r = Recipe(items, 0.1 * (i % 3), proc, mass + 0.5 * (i % 4))
        out.append({"recipe": r.to_dict(), "row_id": f"r{i}", "measured": {"tightness": tightness}})
    return out


@pytest.fixture(scope="module")
def stage1():
    cat = load_catalog()
    cfg = small_config(n_rows=4000, rf_trees=6, xgb_rounds=30, diff_rounds=30, importance_rows=100)
    lab = make_lab_rows(cat, cfg.n_rows, 0)
    res = fit(lab, cfg, 0)
    anchors = lab.take(np.nonzero(res.split == VAL)[0][:300])
    return cat, cfg, lab, FastRetrainer(res.ensemble, anchors, cfg, 0)


def _rows(cat, recs) -> LabRows:
    rows, problems = rows_from_records(recs, list(cat.default_inventory), cat)
    assert not problems
    return rows


def test_a_family_moves_after_its_reports_and_its_interval_narrows_as_they_accumulate(stage1):
    cat, _, _, rt = stage1
    probe_fam = _rows(cat, _records([FAMILY] * 4, 0.0))
    probe_other = _rows(cat, _records([("textile_cut_sew", (("W004", 0.5), ("W005", 0.5)))] * 4, 0.0))

    def predict(ens, rows):
        return ens.predict(rows.X, rows.phys, zero=ens.zero_mask(list(rows.process_id)))

    before = predict(rt.base, probe_fam)
    few = rt.retrain(_rows(cat, _records([FAMILY] * 3, 0.05)))
    many = rt.retrain(_rows(cat, _records([FAMILY] * 12, 0.05)))
    assert few.offsets is not None and many.offsets is not None
    p_few, p_many = predict(few, probe_fam), predict(many, probe_fam)
    # the family's tightness moves towards what the crew measured (0.05), more with more reports
    gap0 = np.abs(before.props[:, TIGHTNESS] - 0.05).mean()
    gap_few = np.abs(p_few.props[:, TIGHTNESS] - 0.05).mean()
    gap_many = np.abs(p_many.props[:, TIGHTNESS] - 0.05).mean()
    assert gap_many < gap_few < 0.5 * gap0
    # a family with reports is surer of its offset than one without, and surer with more reports
    width = lambda p: (p.hi - p.lo)[:, TIGHTNESS].mean()  # noqa: E731
    fam = str(main_material(probe_fam.schema, probe_fam.X)[0])
    unseen = str(main_material(probe_other.schema, probe_other.X)[0])
    assert fam != unseen
    _, _, var_few = few.offsets.apply(["hot_press_lamination"], [fam])
    _, _, var_unseen = few.offsets.apply(["hot_press_lamination"], [unseen])
    _, _, var_many = many.offsets.apply(["hot_press_lamination"], [fam])
    assert var_many[0, TIGHTNESS] < var_few[0, TIGHTNESS] < var_unseen[0, TIGHTNESS]
    assert width(p_many) < width(p_few)
    # another process is not moved (its interval may widen: departures were found)
    np.testing.assert_allclose(predict(many, probe_other).props, predict(rt.base, probe_other).props)


def test_the_retrain_gate_refuses_a_challenger_whose_offsets_are_wrong(stage1):
    """Offsets learnt from reports that held-out measurements contradict are not promoted: the
    held-out check covers them, and their process is outside the reach used on simulated trials."""
    cat, _, _, rt = stage1
    challenger = rt.retrain(_rows(cat, _records([FAMILY] * 6, 0.05)))
    assert challenger.offsets is not None
    held = _rows(cat, _records([FAMILY] * 12, 0.0))
    truth = rt.base.predict(held.X, held.phys).props  # reality is what the champion says
    held.y = truth.copy()
    held.weight = np.where(np.isfinite(held.y), 1.0, 0.0)
    report = {
        "by_property": {"tightness": {"used": False, "offsets": {"used": True, "processes": ["hot_press_lamination"]}}}
    }
    evals = make_lab_rows(cat, 300, 5)
    metrics = compare(Contender(rt.base), Contender(challenger), evals, held, report, {}, cat)
    learnt = metrics["tightness"]["learnt"]
    assert learnt["correction"] and learnt["offsets"] and learnt["reach"] == "local"
    assert metrics["tightness"]["lab"]["gate_rows"] < metrics["tightness"]["lab"]["rows"]
    ok, reason = decide(metrics, {})
    assert not ok and "worse than the active model" in reason


# ------------------------------------------------------------------------------------ in the bundle


@pytest.fixture(scope="module")
def with_offsets(tmp_path_factory):
    cat = load_catalog()
    cfg = replace(small_config(n_rows=4000), importance_rows=100)
    base = make_lab_rows(cat, cfg.n_rows, 0)
    fb, _ = rows_from_records(_records([FAMILY] * 5 + [OTHER] * 3, 0.05), list(cat.default_inventory), cat)
    path = train_bundle(tmp_path_factory.mktemp("off") / "b", seed=0, extra_rows=fb, config=cfg, lab_rows=base)
    mem = fit(LabRows.concat([base, fb]), cfg, 0).ensemble
    return path, mem, make_lab_rows(cat, 400, 9), fb


def test_a_bundle_keeps_its_offsets_and_reports_them(with_offsets):
    path, mem, test, fb = with_offsets
    contents, ens = load_bundle(path)
    assert ens.offsets is not None and "offsets" in contents.metadata()
    for rows in (test, fb):
        a, b = mem.predict(rows.X, rows.phys), ens.predict(rows.X, rows.phys)
        np.testing.assert_allclose(b.props, a.props, rtol=1e-6, atol=1e-9)
        np.testing.assert_allclose(b.hi, a.hi, rtol=1e-6, atol=1e-9)
    rep = contents.manifest["metrics"]["feedback_correction"]
    assert rep["offsets"]["used"] == ["tightness"]
    t = rep["by_property"]["tightness"]
    assert t["offsets"]["used"] and t["offsets"]["processes"] == ["hot_press_lamination"] and not t["used"]


def test_a_bundle_without_offsets_loads_with_none(small_bundle):
    contents, ens = load_bundle(small_bundle)
    assert "offsets" not in contents.metadata() and ens.offsets is None


def test_a_bundle_with_malformed_offsets_is_refused(with_offsets, tmp_path):
    bad = copy_bundle(with_offsets[0], tmp_path / "bad")
    meta = json.loads((bad / METADATA).read_text())
    meta["offsets"]["tau2"]["family"] = [float("nan")] * 2
    data = json.dumps(meta).encode()
    (bad / METADATA).write_bytes(data)
    edit_manifest(bad, lambda m: m["files"][METADATA].update(sha256=sha256_bytes(data), size=len(data)))
    contents, problems = read_bundle(bad)
    assert contents is None and "family offsets" in problems[0]


def test_explanations_still_add_up_with_offsets(stage1):
    """The offsets are booked on the process's and the main material's columns of the weighted
    contributions, so the ML part of an explanation still adds up to the model's residual."""
    cat, _, _, rt = stage1
    ens = rt.retrain(_rows(cat, _records([FAMILY] * 6, 0.05)))
    assert ens.offsets is not None
    probe = _rows(cat, _records([FAMILY, OTHER], 0.0))
    pred = ens.predict(probe.X, probe.phys)
    contrib = ens.contributions(probe.X, weighted=True)  # [N, 5, F+1]
    r_rf, _ = ens.member_residuals(ens.prepare(probe.X))
    total = contrib.sum(axis=2) + ens.w_rf[None, :] * r_rf
    np.testing.assert_allclose(total, pred.r, atol=1e-5)
    assert np.abs(pred.r[:, TIGHTNESS]).max() > 0.05  # the offsets are in it
