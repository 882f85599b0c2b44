"""Training a model bundle. The virtual-lab rows are split four ways:

* **train** - the random forest (multi-output) and one XGBoost booster per property, both on the
  residual over the physics model;
* **validation** - XGBoost early stopping, the blend weights (a grid over the simplex of physics /
  forest / XGBoost, so the blend is never worse than any member on this split, then the
  one-standard-error rule towards physics: do-no-harm), and the difficulty model behind the interval
  widths;
* **calibration** - the split-conformal quantiles, per process (data no model saw);
* **test** - held-out error against the physics model, coverage and width of the intervals, OOD rate.

Feedback rows (any provenance other than ``virtual_lab_v1``) stay out of those splits: they train a
second stage, a shallow XGBoost correction chosen by K-fold cross-validation on them, and recalibrate
the intervals on their out-of-fold errors once there are enough (see :func:`fit`).

Everything is seeded: the same seed, data and library versions give byte-identical model files
(``canonical_skops`` removes skops' memory addresses; XGBoost's CPU ``hist`` is deterministic).
"""

from __future__ import annotations

import os
import time
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from spacetrash_desktop.domain import PROPERTY_NAMES, PROPERTY_UNITS
from spacetrash_desktop.engine.context import NullContext, RunContext
from spacetrash_desktop.ml.bundle import METADATA, METADATA_FORMAT, build_manifest, canonical_json, canonical_skops, write_bundle
from spacetrash_desktop.ml.features import FEATURE_VERSION
from spacetrash_desktop.ml.model import ADDITIVE, OFFSETS, Ensemble, OODModel, target_column, to_residual
from spacetrash_desktop.ml.virtual_lab import CREW_FEEDBACK, VIRTUAL_LAB, LabRows, make_lab_rows

DEFAULT_NAME = "spacetrash-residual"
DEFAULT_VERSION = "1.0.0"
TRAIN, VAL, CAL, TEST, FEEDBACK = 0, 1, 2, 3, -1
SPLIT_NAMES = ("train", "validation", "calibration", "test")


@dataclass(frozen=True)
class TrainConfig:
    n_rows: int = 48_000  # virtual-lab trials
    split: tuple[float, float, float, float] = (0.50, 0.1667, 0.1667, 0.1666)
    rf_trees: int = 40
    rf_depth: int = 10
    rf_min_leaf: int = 5
    rf_max_features: float = 0.5
    xgb_rounds: int = 300
    xgb_depth: int = 5
    xgb_eta: float = 0.05
    xgb_min_child_weight: float = 5.0
    early_stopping: int = 30
    diff_rounds: int = 80
    diff_depth: int = 3
    ood_components: int = 8
    ood_quantile: float = 0.995
    blend_step: float = 0.05
    alpha: float = 0.05
    corr_rounds: int = 200  # stage 2 (feedback correction): most rounds tried by cross-validation
    corr_depth: int = 2
    corr_eta: float = 0.1
    corr_min_child_weight: float = 3.0
    corr_folds: int = 5
    min_feedback_fit: int = 20  # measured feedback rows needed before a property gets a correction
    min_feedback_cal: int = 40  # feedback rows needed to calibrate the intervals on real trials
    min_group_cal: int = 60  # calibration rows a process needs for its own conformal quantile
    importance_rows: int = 2000
    nthread: int = 2

    @staticmethod
    def small() -> "TrainConfig":
        """A fast configuration for tests (seconds) that still has a 2,000-row test split."""
        return TrainConfig(n_rows=12_000, split=(0.5, 0.1667, 0.1667, 0.1666), rf_trees=12, rf_depth=8,
                           xgb_rounds=80, xgb_eta=0.1, diff_rounds=60, importance_rows=300, nthread=1)


@dataclass
class FitResult:
    ensemble: Ensemble
    metrics: dict
    metadata: dict
    split: np.ndarray


# ------------------------------------------------------------------------------------ helpers


def _assign_splits(rows: LabRows, cfg: TrainConfig, seed: int) -> np.ndarray:
    """Virtual-lab rows go to train / validation / calibration / test; feedback rows are kept apart
    (``FEEDBACK``): they train the correction stage by cross-validation."""
    rng = np.random.default_rng([seed, 0x5917])
    split = np.full(len(rows), FEEDBACK, np.int8)
    idx = np.nonzero(rows.provenance.astype(str) == VIRTUAL_LAB)[0]
    idx = idx[rng.permutation(len(idx))]
    cuts = np.floor(np.cumsum(cfg.split) / np.sum(cfg.split) * len(idx) + 1e-9).astype(int)
    start = 0
    for s, end in enumerate(cuts):
        split[idx[start:end]] = s
        start = end
    return split


def _structural_zeros(rows: LabRows, use: np.ndarray) -> dict[str, list[bool]]:
    """(process, property) pairs that were exactly 0 in every trial of the rows in ``use`` (training,
    validation and feedback rows: never the calibration or test rows) and in physics."""
    out = {}
    for pid in np.unique(rows.process_id.astype(str)):
        m = (rows.process_id == pid) & use
        y, p = rows.y[m], rows.phys[m]
        flags = []
        for k in range(len(PROPERTY_NAMES)):
            seen = ~np.isnan(y[:, k])
            flags.append(bool(seen.sum() >= 5 and (y[seen, k] == 0).all() and (p[seen, k] == 0).all()))
        out[str(pid)] = flags
    return out


def _blend_weights(step: float) -> np.ndarray:
    n = int(round(1 / step))
    return np.array([(i * step, j * step) for i in range(n + 1) for j in range(n + 1 - i)])


def _choose_blend(k: int, grid: np.ndarray, r_rf: np.ndarray, r_x: np.ndarray, phys: np.ndarray,
                  y: np.ndarray) -> tuple[float, float]:
    """Blend weights (forest, XGBoost; physics keeps the rest) on the validation rows.

    Every member (physics, forest, XGBoost) is a vertex of the grid, so the chosen blend is never
    worse than any member on validation. Among the blends whose validation MAE is within one paired
    standard error of the best, the one that leans most on physics is taken (the one-standard-error
    rule): an ML correction must earn its place by more than the noise of the validation split."""
    if len(y) == 0:
        return 0.0, 0.0
    err = np.stack([np.abs(target_column(k, wa * r_rf + wb * r_x, phys) - y) for wa, wb in grid])  # [G, n]
    mean = err.mean(axis=1)
    best = int(np.argmin(mean))
    se = (err - err[best]).std(axis=1) / np.sqrt(err.shape[1])
    ok = np.nonzero(mean <= mean[best] + se + 1e-15)[0]
    phys_w = 1.0 - grid[ok].sum(axis=1)
    pick = ok[np.lexsort((mean[ok], -phys_w))[0]]
    return float(grid[pick][0]), float(grid[pick][1])


def _conformal_q(scores: np.ndarray, alpha: float) -> float:
    n = len(scores)
    if n == 0:
        return float("inf")
    rank = int(np.ceil((n + 1) * (1 - alpha)))
    if rank > n:
        return float("inf")
    return float(np.sort(scores)[rank - 1])


def _xgb_params(cfg: TrainConfig, seed: int, depth: int, eta: float, mcw: float) -> dict:
    return {"objective": "reg:squarederror", "tree_method": "hist", "max_depth": depth, "eta": eta,
            "min_child_weight": mcw, "subsample": 0.8, "colsample_bytree": 0.8, "lambda": 1.0,
            "nthread": cfg.nthread, "seed": int(seed), "verbosity": 0}


# ------------------------------------------------------------------------------------ fitting


def fit(rows: LabRows, cfg: TrainConfig, seed: int, ctx: RunContext | None = None) -> FitResult:
    """Fit the ensemble on a training table and measure it on its held-out splits.

    Stage 1 learns from the virtual lab only (the prior: what the physics model plus process
    variability implies). Stage 2, when the table holds feedback rows, learns a shallow XGBoost
    correction of stage 1 from those rows alone, with its size and its shrinkage chosen by K-fold
    cross-validation on them (do-no-harm: no correction unless it helps out of fold), and recalibrates
    the intervals on the out-of-fold feedback errors once there are enough."""
    import xgboost as xgb
    from sklearn.ensemble import RandomForestRegressor

    ctx = ctx or NullContext()
    K = len(PROPERTY_NAMES)
    split = _assign_splits(rows, cfg, seed)
    is_fb = split == FEEDBACK
    R = to_residual(rows.y, rows.phys)
    has = np.isfinite(R)
    zeros = _structural_zeros(rows, (split == TRAIN) | (split == VAL) | (split == FEEDBACK))
    Z = np.array([zeros.get(str(p), [False] * K) for p in rows.process_id], bool).reshape(len(rows), K)
    Z &= rows.phys == 0

    tr = split == TRAIN
    if tr.sum() < 50:
        raise ValueError("too few virtual-lab rows to train on")
    impute = np.nanmedian(np.where(np.isfinite(rows.X[tr]), rows.X[tr], np.nan), axis=0)
    impute = np.where(np.isfinite(impute), impute, 0.0).astype(np.float32)
    Xi = np.ascontiguousarray(np.where(np.isnan(rows.X), impute[None, :], rows.X), dtype=np.float32)

    # ---- stage 1a: random forest, multi-output on scaled residuals (rows with every property)
    ctx.check_cancelled()
    ctx.progress(30, 100, "training the random forest")
    rf_rows = tr & has.all(axis=1)
    scale = np.nanstd(np.where(has[tr], R[tr], np.nan), axis=0)
    scale = np.where(np.isfinite(scale) & (scale > 1e-9), scale, 1.0)
    rf = RandomForestRegressor(n_estimators=cfg.rf_trees, max_depth=cfg.rf_depth, min_samples_leaf=cfg.rf_min_leaf,
                               max_features=cfg.rf_max_features, n_jobs=cfg.nthread, random_state=seed)
    rf.fit(Xi[rf_rows], R[rf_rows] / scale[None, :])
    rf.n_jobs = 1

    # ---- stage 1b: XGBoost, one booster per property, early stopping on validation
    boosters = []
    for k in range(K):
        ctx.check_cancelled()
        ctx.progress(45 + 5 * k, 100, f"training XGBoost for {PROPERTY_NAMES[k]}")
        m_tr = tr & has[:, k]
        m_va = (split == VAL) & has[:, k]
        dtr = xgb.DMatrix(Xi[m_tr], label=R[m_tr, k], nthread=cfg.nthread)
        params = _xgb_params(cfg, seed + k, cfg.xgb_depth, cfg.xgb_eta, cfg.xgb_min_child_weight)
        if m_va.sum() >= 20:
            dva = xgb.DMatrix(Xi[m_va], label=R[m_va, k], nthread=cfg.nthread)
            b = xgb.train(params, dtr, cfg.xgb_rounds, evals=[(dva, "validation")],
                          early_stopping_rounds=cfg.early_stopping, verbose_eval=False)
            b = b[: b.best_iteration + 1]
        else:
            b = xgb.train(params, dtr, cfg.xgb_rounds, verbose_eval=False)
        boosters.append(b)

    def members(mask):
        X_ = Xi[mask]
        if len(X_) == 0:
            return np.zeros((0, K)), np.zeros((0, K))
        r_rf = rf.predict(X_).reshape(len(X_), K) * scale[None, :]
        r_x = np.stack([b.inplace_predict(X_, validate_features=False) for b in boosters], axis=1)
        return r_rf.astype(float), r_x.astype(float)

    # ---- blend weights on validation (one-standard-error rule towards physics)
    ctx.check_cancelled()
    ctx.progress(72, 100, "choosing the blend weights")
    val = split == VAL
    vr_rf, vr_x = members(val)
    grid = _blend_weights(cfg.blend_step)
    w_rf = np.zeros(K)
    w_x = np.zeros(K)
    for k in range(K):
        use = has[val, k]
        w_rf[k], w_x[k] = _choose_blend(k, grid, vr_rf[use, k], vr_x[use, k], rows.phys[val][use, k],
                                        rows.y[val][use, k])

    # ---- difficulty model: E|validation error| from features + member disagreement
    ctx.check_cancelled()
    ctx.progress(78, 100, "fitting the interval widths")
    verr = np.abs(R[val] - (w_rf[None, :] * vr_rf + w_x[None, :] * vr_x))
    diff_boosters = []
    floors = np.zeros(K)
    F = Xi.shape[1]
    for k in range(K):
        use = has[val, k] & ~Z[val, k]
        Xd = np.empty((int(use.sum()), F + 1), np.float32)
        Xd[:, :F] = Xi[val][use]
        Xd[:, F] = np.abs(vr_rf[use, k] - vr_x[use, k])
        # E|error| with a log link (Tweedie): positive, and exact zeros (clipped outcomes) are fine
        d = xgb.DMatrix(Xd, label=verr[use, k], nthread=cfg.nthread)
        params = _xgb_params(cfg, seed + 100 + k, cfg.diff_depth, 0.1, 20.0)
        params.update({"objective": "reg:tweedie", "tweedie_variance_power": 1.5})
        b = xgb.train(params, d, cfg.diff_rounds, verbose_eval=False)
        diff_boosters.append(b)
        sig = b.inplace_predict(Xd, validate_features=False) if len(Xd) else np.ones(1)
        floors[k] = max(float(np.quantile(sig, 0.01)), 1e-9)

    ood = OODModel.fit(_subsample(Xi[tr], 20000, seed), Xi[val], cfg.ood_components, cfg.ood_quantile)
    ens = Ensemble(schema=rows.schema, rf=rf, rf_scale=scale, xgb=boosters, difficulty=diff_boosters, w_rf=w_rf,
                   w_xgb=w_x, q=np.ones(K), sigma_floor=floors, impute=impute, ood=ood, structural_zero=zeros,
                   alpha=cfg.alpha, nthread=cfg.nthread)

    # ---- conformal calibration on the virtual-lab calibration split (Mondrian by process)
    ctx.check_cancelled()
    ctx.progress(84, 100, "calibrating the intervals")
    cal = split == CAL
    cr_rf, cr_x = members(cal)
    cr = w_rf[None, :] * cr_rf + w_x[None, :] * cr_x
    csig = ens.sigma(Xi[cal], np.abs(cr_rf - cr_x))
    q = np.zeros(K)
    cal_procs = rows.process_id[cal].astype(str)
    q_proc: dict[str, list[float]] = {str(p): [0.0] * K for p in np.unique(rows.process_id[~is_fb].astype(str))}
    n_cal = []
    for k in range(K):
        use = has[cal, k] & ~Z[cal, k]
        s_all = np.abs(R[cal][:, k] - cr[:, k]) / csig[:, k]
        q[k] = _conformal_q(s_all[use], cfg.alpha)
        for p in q_proc:
            grp = use & (cal_procs == p)
            # a process's own quantile once it has enough calibration rows, else the pooled one
            q_proc[p][k] = _conformal_q(s_all[grp], cfg.alpha) if grp.sum() >= cfg.min_group_cal else q[k]
        n_cal.append(int(use.sum()))
    ens.q = q
    ens.q_by_process = q_proc
    cal_on = [VIRTUAL_LAB] * K

    # ---- stage 2: correction from feedback rows (cross-validated), intervals recalibrated on them
    correction_report: dict = {}
    if is_fb.any():
        ctx.check_cancelled()
        ctx.progress(87, 100, "learning from the feedback rows")
        fr_rf, fr_x = members(is_fb)
        base = w_rf[None, :] * fr_rf + w_x[None, :] * fr_x
        corr, shrink, oof, correction_report = _fit_correction(
            Xi[is_fb], R[is_fb], base, rows.phys[is_fb], rows.y[is_fb], cfg, seed)
        ens.correction = corr
        ens.shrink = shrink
        fsig = ens.sigma(Xi[is_fb], np.abs(fr_rf - fr_x))
        for k in range(K):
            use = has[is_fb, k] & ~Z[is_fb, k]
            if use.sum() >= cfg.min_feedback_cal:
                scores = np.abs(R[is_fb][use, k] - base[use, k] - oof[use, k]) / fsig[use, k]
                q[k] = _conformal_q(scores, cfg.alpha)
                for p in q_proc:  # too few real trials per process for Mondrian: one quantile for all
                    q_proc[p][k] = q[k]
                cal_on[k] = CREW_FEEDBACK
                n_cal[k] = int(use.sum())

    # ---- held-out test metrics (virtual-lab test rows)
    ctx.check_cancelled()
    ctx.progress(90, 100, "measuring on the held-out test split")
    metrics = evaluate(ens, rows, split == TEST, Z, seed)
    metrics["blend_weights"] = {n: {"physics": round(1 - w_rf[k] - w_x[k], 4), "random_forest": round(w_rf[k], 4),
                                    "xgboost": round(w_x[k], 4)} for k, n in enumerate(PROPERTY_NAMES)}
    metrics["intervals"] = {
        "method": "normalised split conformal, 95% per property, Mondrian by process; difficulty = XGBoost "
                  "model of E|error| from the features and the RF/XGBoost disagreement",
        "alpha": cfg.alpha,
        "calibrated_on": dict(zip(PROPERTY_NAMES, cal_on)),
        "n_calibration": dict(zip(PROPERTY_NAMES, n_cal)),
        "quantile_pooled": {n: round(float(q[k]), 6) for k, n in enumerate(PROPERTY_NAMES)},
    }
    metrics["splits"] = {SPLIT_NAMES[s]: int((split == s).sum()) for s in range(4)}
    metrics["splits"]["feedback"] = int(is_fb.sum())
    metrics["xgb_trees"] = {n: int(boosters[k].num_boosted_rounds()) for k, n in enumerate(PROPERTY_NAMES)}
    if correction_report:
        metrics["feedback_correction"] = correction_report

    imp_rows = Xi[split == TEST][: cfg.importance_rows]
    importances = _importances(ens, imp_rows if len(imp_rows) else Xi[:200])
    ens.extra = {"importances": importances}
    metadata = {
        "format": METADATA_FORMAT,
        "alpha": cfg.alpha,
        "targets": list(PROPERTY_NAMES),
        "transform": {"additive": ADDITIVE.tolist(), "offset": OFFSETS.tolist(),
                      "note": "rigidity/tightness: y - physics; energy/water/crew: log(y + c) - log(physics + c)"},
        "rf_scale": scale.tolist(),
        "w_rf": w_rf.tolist(),
        "w_xgb": w_x.tolist(),
        "q": q.tolist(),
        "q_by_process": q_proc,
        "sigma_floor": floors.tolist(),
        "shrink": np.asarray(ens.shrink, float).tolist(),
        "impute": impute.tolist(),
        "ood": ood.to_dict(),
        "structural_zero": zeros,
        "importances": importances,
        "config": asdict(cfg),
        "seed": int(seed),
    }
    ctx.progress(96, 100, "model fitted")
    return FitResult(ens, metrics, metadata, split)


def _fit_correction(Xf: np.ndarray, Rf: np.ndarray, base: np.ndarray, phys: np.ndarray, y: np.ndarray,
                    cfg: TrainConfig, seed: int):
    """Stage 2: per property, a shallow XGBoost of the feedback rows' residual over stage 1.

    K-fold cross-validation on the feedback rows picks the number of rounds (squared error) and then
    a shrinkage in {0, 1/4, 1/2, 3/4, 1} (MAE in the property's unit, one-standard-error rule towards
    0). Returns (boosters or None per property, shrinkage [5], out-of-fold correction [n,5] already
    shrunk, report)."""
    import xgboost as xgb

    K = len(PROPERTY_NAMES)
    n = len(Xf)
    target = Rf - base
    boosters: list = [None] * K
    shrink = np.zeros(K)
    oof = np.zeros((n, K))
    report: dict = {"rows": int(n), "folds": 0, "by_property": {}}
    checkpoints = np.arange(5, cfg.corr_rounds + 1, 5)
    params = _xgb_params(cfg, seed + 200, cfg.corr_depth, cfg.corr_eta, cfg.corr_min_child_weight)
    params.update({"subsample": 1.0, "colsample_bytree": 1.0, "base_score": 0.0})
    rng = np.random.default_rng([seed, 0xfeed])
    levels = np.array([0.0, 0.25, 0.5, 0.75, 1.0])
    for k in range(K):
        idx = np.nonzero(np.isfinite(target[:, k]))[0]
        name = PROPERTY_NAMES[k]
        if len(idx) < cfg.min_feedback_fit:
            report["by_property"][name] = {"rows": int(len(idx)), "used": False,
                                           "reason": f"fewer than {cfg.min_feedback_fit} measured rows"}
            continue
        nfold = int(min(cfg.corr_folds, len(idx)))
        report["folds"] = nfold
        folds = rng.permutation(len(idx)) % nfold
        staged = np.zeros((len(idx), len(checkpoints)))
        for f in range(nfold):
            trn, tst = idx[folds != f], idx[folds == f]
            b = xgb.train(params, xgb.DMatrix(Xf[trn], label=target[trn, k], nthread=cfg.nthread),
                          int(checkpoints[-1]), verbose_eval=False)
            for j, r in enumerate(checkpoints):
                staged[folds == f, j] = b.inplace_predict(Xf[tst], iteration_range=(0, int(r)), validate_features=False)
        mse = ((staged - target[idx, k][:, None]) ** 2).mean(axis=0)
        best_j = int(np.argmin(mse))
        rounds = int(checkpoints[best_j])
        c = staged[:, best_j]
        err = np.stack([np.abs(target_column(k, base[idx, k] + s * c, phys[idx, k]) - y[idx, k]) for s in levels])
        mean = err.mean(axis=1)
        best = int(np.argmin(mean))
        se = (err - err[best]).std(axis=1) / np.sqrt(len(idx))
        s_k = float(levels[np.nonzero(mean <= mean[best] + se + 1e-15)[0][0]])
        mae_phys = float(np.mean(np.abs(phys[idx, k] - y[idx, k])))
        report["by_property"][name] = {
            "rows": int(len(idx)), "used": s_k > 0, "rounds": rounds, "shrinkage": s_k,
            "cv_mae_physics": _r(mae_phys), "cv_mae_without_correction": _r(float(mean[0])),
            "cv_mae_with_correction": _r(float(mean[int(np.nonzero(levels == s_k)[0][0])])),
        }
        if s_k > 0:
            boosters[k] = xgb.train(params, xgb.DMatrix(Xf[idx], label=target[idx, k], nthread=cfg.nthread),
                                    rounds, verbose_eval=False)
            shrink[k] = s_k
            oof[idx, k] = s_k * c
    return boosters, shrink, oof, report


def _subsample(X: np.ndarray, n: int, seed: int) -> np.ndarray:
    if len(X) <= n:
        return X
    rng = np.random.default_rng([seed, 0x00d])
    return X[np.sort(rng.choice(len(X), n, replace=False))]


def _importances(ens: Ensemble, X: np.ndarray) -> dict:
    """Mean |TreeSHAP contribution| of each feature to each property's XGBoost residual (in the
    residual's units: index for rigidity/tightness, log ratio for the others)."""
    if len(X) == 0:
        return {}
    contrib = ens.contributions(X)  # [N,5,F+1]
    mean_abs = np.abs(contrib[:, :, :-1]).mean(axis=0)
    out = {}
    for k, name in enumerate(PROPERTY_NAMES):
        order = np.argsort(-mean_abs[k])
        out[name] = {ens.schema.columns[j]: round(float(mean_abs[k, j]), 8) for j in order if mean_abs[k, j] > 0}
    return out


def evaluate(ens: Ensemble, rows: LabRows, mask: np.ndarray, Z: np.ndarray | None = None, seed: int = 0) -> dict:
    """Held-out error of physics, each member and the blend; coverage and width of the intervals;
    OOD rate. Coverage and width are measured on the rows that are not structural zeros."""
    from spacetrash_desktop.engine.scorer import Z95

    K = len(PROPERTY_NAMES)
    idx = np.nonzero(mask)[0]
    X, P, Y = rows.X[idx], rows.phys[idx], rows.y[idx]
    procs = rows.process_id[idx].astype(str)
    if Z is None:
        Z = np.zeros((len(rows), K), bool)
    zero = Z[idx]
    pred = ens.predict(X, P, zero=zero, flagged=rows.flags[idx], q=ens.q_matrix(list(procs)))
    out: dict = {"n_test": int(len(idx)), "held_out": {}, "coverage": {}, "mean_width": {}, "coverage_by_process": {},
                 "physics_band_coverage": {}, "ood_rate": round(float(pred.ood.mean()), 5) if len(idx) else 0.0}
    var = _variability_for(procs)
    for k, name in enumerate(PROPERTY_NAMES):
        ok = np.isfinite(Y[:, k])
        y = Y[ok, k]
        ph = P[ok, k]
        m_phys = float(np.mean(np.abs(ph - y))) if len(y) else float("nan")
        m_rf = float(np.mean(np.abs(target_column(k, pred.r_rf[ok, k], ph) - y))) if len(y) else float("nan")
        m_x = float(np.mean(np.abs(target_column(k, pred.r_xgb[ok, k], ph) - y))) if len(y) else float("nan")
        m_b = float(np.mean(np.abs(pred.props[ok, k] - y))) if len(y) else float("nan")
        rm_phys = float(np.sqrt(np.mean((ph - y) ** 2))) if len(y) else float("nan")
        rm_b = float(np.sqrt(np.mean((pred.props[ok, k] - y) ** 2))) if len(y) else float("nan")
        e_b = np.abs(pred.props[ok, k] - y)
        e_m = [np.abs(target_column(k, pred.r_rf[ok, k], ph) - y), np.abs(target_column(k, pred.r_xgb[ok, k], ph) - y)]
        best_m = e_m[int(np.argmin([m_rf, m_x]))]
        lo_ci, hi_ci = _paired_ci(e_b - best_m, seed)
        out["held_out"][name] = {
            "unit": PROPERTY_UNITS[name],
            "mae_physics": _r(m_phys), "mae_random_forest": _r(m_rf), "mae_xgboost": _r(m_x), "mae_blend": _r(m_b),
            "rmse_physics": _r(rm_phys), "rmse_blend": _r(rm_b),
            "blend_vs_physics": _r(m_b / m_phys) if m_phys > 0 else None,
            "blend_not_worse_than_best_member": bool(m_b <= min(m_rf, m_x) * (1 + 1e-12) + 1e-15),
            "blend_minus_best_member_ci95": [_r(lo_ci), _r(hi_ci)],
            "blend_not_worse_than_physics": bool(m_b <= m_phys * (1 + 1e-12) + 1e-15),
        }
        cov_rows = ok & ~zero[:, k]
        inside = (pred.lo[cov_rows, k] <= Y[cov_rows, k]) & (Y[cov_rows, k] <= pred.hi[cov_rows, k])
        out["coverage"][name] = _r(float(inside.mean())) if cov_rows.any() else None
        out["mean_width"][name] = _r(float(np.mean(pred.hi[cov_rows, k] - pred.lo[cov_rows, k]))) if cov_rows.any() else None
        out.setdefault("n_coverage", {})[name] = int(cov_rows.sum())
        out.setdefault("n_structural_zero", {})[name] = int((ok & zero[:, k]).sum())
        by = {}
        for p in np.unique(procs[cov_rows]):
            sel = procs[cov_rows] == p
            by[str(p)] = _r(float(inside[sel].mean()))
        out["coverage_by_process"][name] = by
        # the physics-only band (engine/scorer.py) on the same rows, for comparison
        if var is not None and cov_rows.any():
            sd = var[cov_rows, k]
            half = Z95 * sd if k < 2 else Z95 * sd * np.abs(P[cov_rows, k])
            lo_p, hi_p = P[cov_rows, k] - half, P[cov_rows, k] + half
            out["physics_band_coverage"][name] = _r(float(((lo_p <= Y[cov_rows, k]) & (Y[cov_rows, k] <= hi_p)).mean()))
    return out


def _paired_ci(diff: np.ndarray, seed: int, n_boot: int = 400) -> tuple[float, float]:
    """95% bootstrap interval of the mean of a paired error difference."""
    if len(diff) == 0:
        return float("nan"), float("nan")
    rng = np.random.default_rng([seed, 0xb007])
    means = np.array([diff[rng.integers(0, len(diff), len(diff))].mean() for _ in range(n_boot)])
    return float(np.quantile(means, 0.025)), float(np.quantile(means, 0.975))


def _variability_for(procs: np.ndarray):
    try:
        from spacetrash_desktop.catalog import load_catalog
        from spacetrash_desktop.engine.scorer import load_variability
        from spacetrash_desktop.engine.tables import compile_tables

        t = compile_tables(load_catalog(), [])
        var = load_variability(t)
        pos = {p: i for i, p in enumerate(t.process_ids)}
        return np.stack([var[pos[p]] if p in pos else np.full(5, np.nan) for p in procs]) if len(procs) else None
    except Exception:  # the comparison is informative only
        return None


def _r(x: float, nd: int = 6):
    return None if x is None or not np.isfinite(x) else round(float(x), nd)


# ------------------------------------------------------------------------------------ bundles


def _trained_at() -> str:
    sde = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if sde.isdigit():
        return datetime.fromtimestamp(int(sde), timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def bundle_files(result: FitResult) -> dict[str, bytes]:
    import io

    import skops.io as sio

    ens = result.ensemble
    buf = io.BytesIO()
    sio.dump(ens.rf, buf)
    files = {"rf.skops": canonical_skops(buf.getvalue())}
    xgb_names, diff_names = [], []
    for k, name in enumerate(PROPERTY_NAMES):
        files[f"xgb_{name}.ubj"] = bytes(ens.xgb[k].save_raw(raw_format="ubj"))
        files[f"difficulty_{name}.ubj"] = bytes(ens.difficulty[k].save_raw(raw_format="ubj"))
        xgb_names.append(f"xgb_{name}.ubj")
        diff_names.append(f"difficulty_{name}.ubj")
    meta = dict(result.metadata)
    meta["files"] = {"rf": "rf.skops", "xgb": xgb_names, "difficulty": diff_names}
    files[METADATA] = canonical_json(meta)
    return files


def trained_on(rows: LabRows, seed: int, cfg: TrainConfig, catalog=None, extra_problems: list[str] | None = None) -> dict:
    from spacetrash_desktop.catalog import load_catalog
    from spacetrash_desktop.ml.virtual_lab import physics_fingerprint

    counts = rows.counts()
    n_fb = sum(v for k, v in counts.items() if k != VIRTUAL_LAB)
    desc = (f"{counts.get(VIRTUAL_LAB, 0):,} simulated trials from the virtual lab ({VIRTUAL_LAB}): recipes sampled "
            "across the search space (default NASA inventory plus perturbed and synthetic items, all processes, "
            "fractions, regolith levels and batch sizes), outcomes = the physics model + process variability from "
            "datasets/process_variability.csv. No real trial data: the reference facts hold no recipe-level "
            "measurement of these properties.")
    if n_fb:
        desc += f" Plus {n_fb:,} measured row(s) from crew feedback."
    return {
        "description": desc,
        "rows": counts,
        "measured_rows": n_fb,
        "generator": VIRTUAL_LAB,
        "variability_file": "datasets/process_variability.csv",
        "seed": int(seed),
        "table_sha256": rows.digest(),
        "feature_version": FEATURE_VERSION,
        "physics_fingerprint": physics_fingerprint(catalog or load_catalog()),
        "n_rows_config": cfg.n_rows,
        "feedback_problems": list(extra_problems or [])[:20],
    }


def train_bundle(out_dir: Path | str, ctx: RunContext | None = None, seed: int = 0, extra_rows: LabRows | None = None,
                 *, config: TrainConfig | None = None, name: str = DEFAULT_NAME, version: str = DEFAULT_VERSION,
                 catalog=None) -> Path:
    """Train a bundle from the virtual lab (+ ``extra_rows``, e.g. crew feedback) and write it to
    ``out_dir`` (a folder, replaced only once complete). Progress and cancel go through ``ctx``."""
    from spacetrash_desktop.catalog import load_catalog

    ctx = ctx or NullContext()
    cfg = config or TrainConfig()
    catalog = catalog or load_catalog()
    t0 = time.monotonic()
    ctx.progress(0, 100, "simulating trials in the virtual lab")
    rows = make_lab_rows(catalog, cfg.n_rows, seed, ctx=ctx, progress_share=(0, 25))
    if extra_rows is not None and len(extra_rows):
        rows = LabRows.concat([rows, extra_rows])
    result = fit(rows, cfg, seed, ctx)
    ctx.check_cancelled()
    result.metrics["trained_with_seed"] = int(seed)
    files = bundle_files(result)
    manifest = build_manifest(name=name, version=version, trained_on=trained_on(rows, seed, cfg, catalog), trained_at=_trained_at(),
                              feature_schema=rows.schema, metrics=result.metrics, files=files)
    ctx.progress(98, 100, "writing the model bundle")
    path = write_bundle(out_dir, manifest, files)
    ctx.progress(100, 100, f"model trained in {time.monotonic() - t0:.0f} s")
    return path
