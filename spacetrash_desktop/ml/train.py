"""Training a model bundle. The virtual-lab rows are split four ways:

* **train** - the random forest (multi-output) and one XGBoost booster per property, both on the
  residual over the physics model (XGBoost's number of rounds by early stopping on an inner share of
  these rows, ``xgb_stop_share``, then refitted on all of them);
* **validation** - the member gates (a member that does not beat the physics model by more than
  ``gate_se`` = 2 paired standard errors on this split is *gated* for that property: its residual is
  0, it predicts exactly physics), the blend weights over the gated members (a grid over
  the simplex of physics / forest / XGBoost, so the blend is never worse than any member on this
  split, then the one-standard-error rule towards physics: do-no-harm), and the difficulty model
  behind the interval widths;
* **calibration** - the split-conformal quantiles, per process (data no model saw);
* **test** - held-out error against the physics model, coverage and width of the intervals, OOD rate.

Feedback rows (any provenance other than ``virtual_lab_v1``) stay out of those splits: they train a
second stage, a shallow XGBoost correction chosen by K-fold cross-validation on them, and recalibrate
the intervals on their out-of-fold errors once there are enough (see :func:`fit`). A correction stays
*local* to the kind of recipe the crew reported on (held at 0 elsewhere by virtual-lab anchor rows)
unless leave-process-out and leave-material-out cross-validation show that it carries over
(:func:`_fit_correction`); bundles store it as ``corr_<property>.ubj``.

Everything is seeded: the same seed, data and library versions give byte-identical model files
(``canonical_skops`` removes skops' memory addresses; XGBoost's CPU ``hist`` is deterministic).
"""

from __future__ import annotations

import io
import os
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from spacetrash_desktop.catalog import load_catalog
from spacetrash_desktop.common import round_or_none
from spacetrash_desktop.context import NullContext, RunContext
from spacetrash_desktop.domain import PROPERTY_NAMES, PROPERTY_UNITS
from spacetrash_desktop.engine.scorer import Z95, load_variability
from spacetrash_desktop.engine.tables import compile_tables
from spacetrash_desktop.messages import msg
from spacetrash_desktop.ml.bundle import (
    METADATA,
    METADATA_FORMAT,
    build_manifest,
    canonical_json,
    canonical_skops,
    write_bundle,
)
from spacetrash_desktop.ml.features import FEATURE_VERSION
from spacetrash_desktop.ml.model import (
    ADDITIVE,
    OFFSETS,
    Ensemble,
    OODModel,
    Prediction,
    target_column,
    to_residual,
)
from spacetrash_desktop.ml.offsets import LEVELS as OFFSET_LEVELS
from spacetrash_desktop.ml.offsets import SIGNIFICANCE as OFFSET_SIGNIFICANCE
from spacetrash_desktop.ml.offsets import FamilyOffsets, fit_offsets, main_material
from spacetrash_desktop.ml.virtual_lab import CREW_FEEDBACK, VIRTUAL_LAB, LabRows, make_lab_rows, physics_fingerprint

DEFAULT_NAME = "spacetrash-residual"
DEFAULT_VERSION = "1.0.0"
TRAIN, VAL, CAL, TEST, FEEDBACK = 0, 1, 2, 3, -1
SPLIT_NAMES = ("train", "validation", "calibration", "test")
# Stage 2 anchors (see _fit_correction, _anchor_rows): up to ANCHOR_ROWS virtual-lab validation rows
# with a correction target of 0, together worth up to ANCHOR_SHARE of the feedback rows' weight - all
# of it when every anchor is unlike the reported recipes, less as the reports cover more of them -
# weighted towards recipes unlike the reported ones and towards the feedback's batch sizes (Gaussian
# kernel of ANCHOR_MASS_BANDWIDTH in log(kg)). Module constants rather than TrainConfig fields so that the
# configuration of bundles trained without feedback (the shipped one) is unchanged.
RF_CHUNK = 8  # trees grown between two cancel checks
ANCHOR_ROWS = 8000
ANCHOR_SHARE = 1.0
ANCHOR_MASS_BANDWIDTH = 0.25


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
    # XGBoost stops early on this share of the *training* rows (then refits on all of them with the
    # rounds found): the validation split decides the gates and the blend, so it must not also have
    # chosen the boosters' size (a booster stopped on validation looks better there than it is)
    xgb_stop_share: float = 0.2
    diff_rounds: int = 80
    diff_depth: int = 3
    ood_components: int = 8
    ood_quantile: float = 0.995
    blend_step: float = 0.05
    # do-no-harm gate: a stage-1 member is used for a property only if it beats the physics model on
    # the validation split by more than gate_se paired standard errors (docs/ML.md: why 2, not 1)
    gate_se: float = 2.0
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
    def small() -> TrainConfig:
        """A fast configuration for tests (seconds) that still has a 2,000-row test split."""
        return TrainConfig(
            n_rows=12_000,
            split=(0.5, 0.1667, 0.1667, 0.1666),
            rf_trees=12,
            rf_depth=8,
            xgb_rounds=80,
            xgb_eta=0.1,
            diff_rounds=60,
            importance_rows=300,
            nthread=1,
        )


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


def _gate_member(k: int, r_member: np.ndarray, phys: np.ndarray, y: np.ndarray, n_se: float = 2.0) -> tuple[bool, dict]:
    """Do-no-harm gate of one stage-1 member for property ``k`` on the validation rows.

    The member is kept only if it beats the physics model by more than ``n_se`` paired standard
    errors: ``mean(d) < -n_se * se(d)`` with ``d = |member error| - |physics error|`` per row (MAE in
    the property's unit, as everywhere else). Otherwise it is *gated*: its residual is replaced by 0,
    i.e. it predicts exactly the physics model for that property. A member that only fitted noise (on
    virtual-lab data nothing else is there to learn) is gated; one that learnt a real departure from
    physics is not. No validation rows: gated (nothing shows that it helps). Returns (gated, the
    figures; ``z`` = mean(d) / se(d), negative where the member is ahead)."""
    n = len(y)
    if n == 0:
        return True, {"rows": 0, "gated": True}
    e_p = np.abs(phys - y)
    e_m = np.abs(target_column(k, r_member, phys) - y)
    d = e_m - e_p
    mean = float(d.mean())
    se = float(d.std() / np.sqrt(n))
    gated = not (mean < -n_se * se)
    return gated, {
        "rows": int(n),
        "gated": bool(gated),
        "mae_physics": round_or_none(float(e_p.mean()), 8),
        "mae_member": round_or_none(float(e_m.mean()), 8),
        "mean_difference": round_or_none(mean, 8),
        "paired_se": round_or_none(se, 8),
        "z": round_or_none(mean / se, 3) if se > 0 else None,
    }


def _blend_weights(step: float) -> np.ndarray:
    n = round(1 / step)
    return np.array([(i * step, j * step) for i in range(n + 1) for j in range(n + 1 - i)])


def _choose_blend(
    k: int, grid: np.ndarray, r_rf: np.ndarray, r_x: np.ndarray, phys: np.ndarray, y: np.ndarray
) -> tuple[float, float]:
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
    return {
        "objective": "reg:squarederror",
        "tree_method": "hist",
        "max_depth": depth,
        "eta": eta,
        "min_child_weight": mcw,
        "subsample": 0.8,
        "colsample_bytree": 0.8,
        "lambda": 1.0,
        "nthread": cfg.nthread,
        "seed": int(seed),
        "verbosity": 0,
    }


# ------------------------------------------------------------------------------------ fitting


@dataclass
class _Data:
    """The training table made ready for fitting: splits, residuals, structural zeros, imputed features."""

    rows: LabRows
    split: np.ndarray  # TRAIN / VAL / CAL / TEST / FEEDBACK per row
    R: np.ndarray  # [N,5] residuals over physics
    has: np.ndarray  # [N,5] finite residual
    zeros: dict[str, list[bool]]  # structural zeros per process
    Z: np.ndarray  # [N,5] structural zero of each row (physics says 0 too)
    impute: np.ndarray  # [F] float32
    Xi: np.ndarray  # [N,F] float32, imputed

    @property
    def train(self) -> np.ndarray:
        return self.split == TRAIN

    @property
    def val(self) -> np.ndarray:
        return self.split == VAL

    @property
    def feedback(self) -> np.ndarray:
        return self.split == FEEDBACK


@dataclass
class _Members:
    """The stage-1 members and their do-no-harm gates (True: the member predicts exactly physics)."""

    rf: Any  # sklearn RandomForestRegressor
    scale: np.ndarray  # [5] the forest learns residuals / scale
    boosters: list
    gate_rf: np.ndarray = field(default_factory=lambda: np.zeros(len(PROPERTY_NAMES), bool))
    gate_x: np.ndarray = field(default_factory=lambda: np.zeros(len(PROPERTY_NAMES), bool))

    def residuals(self, Xi: np.ndarray, mask: np.ndarray, raw: bool = False) -> tuple[np.ndarray, np.ndarray]:
        """Member residuals on the rows of ``mask``: as shipped (0 where gated) unless ``raw``."""
        K = len(PROPERTY_NAMES)
        X_ = Xi[mask]
        if len(X_) == 0:
            return np.zeros((0, K)), np.zeros((0, K))
        r_rf = (self.rf.predict(X_).reshape(len(X_), K) * self.scale[None, :]).astype(float)
        r_x = np.stack([b.inplace_predict(X_, validate_features=False) for b in self.boosters], axis=1).astype(float)
        if not raw:
            r_rf[:, self.gate_rf] = 0.0
            r_x[:, self.gate_x] = 0.0
        return r_rf, r_x


@dataclass
class _Blend:
    """Blend weights and the gated validation residuals they were chosen on."""

    w_rf: np.ndarray
    w_x: np.ndarray
    vr_rf: np.ndarray
    vr_x: np.ndarray
    gate_report: dict


@dataclass
class _Calibration:
    """Where and on how many rows each property's intervals were calibrated."""

    calibrated_on: list[str]
    n_calibration: list[int]
    feedback_processes: dict[str, list[str]] = field(default_factory=dict)
    correction_report: dict = field(default_factory=dict)


def fit(rows: LabRows, cfg: TrainConfig, seed: int, ctx: RunContext | None = None) -> FitResult:
    """Fit the ensemble on a training table and measure it on its held-out splits.

    Stage 1 learns from the virtual lab only (the prior: what the physics model plus process
    variability implies). Stage 2, when the table holds feedback rows, learns a shallow XGBoost
    correction of stage 1 from those rows alone, with its size and its shrinkage chosen by K-fold
    cross-validation on them (do-no-harm: no correction unless it helps out of fold), and recalibrates
    the intervals on the out-of-fold feedback errors once there are enough."""
    ctx = ctx or NullContext()
    data = _prepare(rows, cfg, seed)
    rf, scale = _fit_forest(data, cfg, seed, ctx)
    members = _Members(rf, scale, _fit_boosters(data, cfg, seed, ctx))
    blend = _gate_and_blend(data, members, cfg, ctx)
    ens = _assemble(data, members, blend, cfg, seed, ctx)
    calibration = _calibrate(data, members, blend, ens, cfg, ctx)
    if data.feedback.any():
        _learn_from_feedback(data, members, blend, ens, calibration, cfg, seed, ctx)
    ctx.check_cancelled()
    ctx.progress(90, 100, msg("measuring on the held-out test split"))
    metrics = evaluate(ens, rows, data.split == TEST, data.Z, seed)
    metrics.update(_training_metrics(data, members, blend, ens, calibration, cfg))
    imp_rows = data.Xi[data.split == TEST][: cfg.importance_rows]
    importances = _importances(ens, imp_rows if len(imp_rows) else data.Xi[:200])
    ens.extra = {"importances": importances}
    metadata = _metadata(data, members, blend, ens, importances, cfg, seed)
    ctx.progress(96, 100, msg("model fitted"))
    return FitResult(ens, metrics, metadata, data.split)


def _prepare(rows: LabRows, cfg: TrainConfig, seed: int) -> _Data:
    """Splits, residuals over physics, structural zeros and the training rows' imputation."""
    K = len(PROPERTY_NAMES)
    split = _assign_splits(rows, cfg, seed)
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
    return _Data(rows, split, R, has, zeros, Z, impute, Xi)


def _fit_forest(data: _Data, cfg: TrainConfig, seed: int, ctx: RunContext) -> tuple[Any, np.ndarray]:
    """Stage 1a: the random forest, multi-output on scaled residuals (training rows with every property)."""
    from sklearn.ensemble import RandomForestRegressor  # noqa: PLC0415 - heavy, loaded only to train

    ctx.check_cancelled()
    ctx.progress(30, 100, msg("training the random forest"))
    tr, R, has = data.train, data.R, data.has
    rf_rows = tr & has.all(axis=1)
    scale = np.nanstd(np.where(has[tr], R[tr], np.nan), axis=0)
    scale = np.where(np.isfinite(scale) & (scale > 1e-9), scale, 1.0)
    rf = RandomForestRegressor(
        n_estimators=cfg.rf_trees,
        max_depth=cfg.rf_depth,
        min_samples_leaf=cfg.rf_min_leaf,
        max_features=cfg.rf_max_features,
        n_jobs=cfg.nthread,
        random_state=seed,
    )
    # grown a few trees at a time so a cancel is seen within about a second (warm start draws the
    # same per-tree seeds as one fit: the forest is identical)
    rf.set_params(warm_start=True)
    for n_trees in range(min(RF_CHUNK, cfg.rf_trees), cfg.rf_trees + RF_CHUNK, RF_CHUNK):
        ctx.check_cancelled()
        rf.set_params(n_estimators=min(n_trees, cfg.rf_trees))
        rf.fit(data.Xi[rf_rows], R[rf_rows] / scale[None, :])
        if n_trees >= cfg.rf_trees:
            break
    rf.set_params(warm_start=False)
    rf.n_jobs = 1
    return rf, scale


def _fit_boosters(data: _Data, cfg: TrainConfig, seed: int, ctx: RunContext) -> list:
    """Stage 1b: one XGBoost booster per property; its rounds by early stopping on an inner share of
    the training rows (not on validation, which decides the gates and the blend), then refitted on
    all the training rows with those rounds."""
    import xgboost as xgb  # noqa: PLC0415 - heavy, loaded only to train

    tr, R, has, Xi = data.train, data.R, data.has, data.Xi
    boosters = []
    inner = tr & (np.random.default_rng([seed, 0x570B]).random(len(data.rows)) < cfg.xgb_stop_share)
    for k in range(len(PROPERTY_NAMES)):
        ctx.check_cancelled()
        ctx.progress(45 + 5 * k, 100, msg("training XGBoost for {name}", name=msg(PROPERTY_NAMES[k])))
        m_tr = tr & has[:, k]
        m_fit, m_stop = m_tr & ~inner, m_tr & inner
        params = _xgb_params(cfg, seed + k, cfg.xgb_depth, cfg.xgb_eta, cfg.xgb_min_child_weight)
        rounds = cfg.xgb_rounds
        if m_stop.sum() >= 20 and m_fit.sum() >= 20:
            dfit = xgb.DMatrix(Xi[m_fit], label=R[m_fit, k], nthread=cfg.nthread)
            dstop = xgb.DMatrix(Xi[m_stop], label=R[m_stop, k], nthread=cfg.nthread)
            b = xgb.train(
                params,
                dfit,
                cfg.xgb_rounds,
                evals=[(dstop, "stop")],
                early_stopping_rounds=cfg.early_stopping,
                verbose_eval=False,
            )
            rounds = int(b.best_iteration) + 1
        dtr = xgb.DMatrix(Xi[m_tr], label=R[m_tr, k], nthread=cfg.nthread)
        boosters.append(xgb.train(params, dtr, rounds, verbose_eval=False))
    return boosters


def _gate_and_blend(data: _Data, members: _Members, cfg: TrainConfig, ctx: RunContext) -> _Blend:
    """Member gates (set on ``members``), then blend weights over the gated members, on the
    validation split (do-no-harm)."""
    ctx.check_cancelled()
    ctx.progress(72, 100, msg("gating the members and choosing the blend weights"))
    K = len(PROPERTY_NAMES)
    rows, val, has, Z = data.rows, data.val, data.has, data.Z
    gate_rf, gate_x = members.gate_rf, members.gate_x
    vr_rf, vr_x = members.residuals(data.Xi, val, raw=True)
    gate_report: dict = {}
    for k in range(K):
        # the rows the prediction is judged on: structural zeros are predicted 0 whatever the members say
        use = has[val, k] & ~Z[val, k]
        p_v, y_v = rows.phys[val][use, k], rows.y[val][use, k]
        gate_rf[k], rep_rf = _gate_member(k, vr_rf[use, k], p_v, y_v, cfg.gate_se)
        gate_x[k], rep_x = _gate_member(k, vr_x[use, k], p_v, y_v, cfg.gate_se)
        gate_report[PROPERTY_NAMES[k]] = {"random_forest": rep_rf, "xgboost": rep_x}
    vr_rf[:, gate_rf] = 0.0
    vr_x[:, gate_x] = 0.0
    grid = _blend_weights(cfg.blend_step)
    w_rf = np.zeros(K)
    w_x = np.zeros(K)
    for k in range(K):
        use = has[val, k] & ~Z[val, k]
        if gate_rf[k] and gate_x[k]:
            continue  # both members are physics: so is the blend
        w_rf[k], w_x[k] = _choose_blend(
            k, grid, vr_rf[use, k], vr_x[use, k], rows.phys[val][use, k], rows.y[val][use, k]
        )
        # a gated member is physics: weight on it is weight on physics (the 1-SE rule already prefers
        # physics among equal blends; this makes it explicit)
        w_rf[k] = 0.0 if gate_rf[k] else w_rf[k]
        w_x[k] = 0.0 if gate_x[k] else w_x[k]
    return _Blend(w_rf, w_x, vr_rf, vr_x, gate_report)


def _fit_difficulty(
    data: _Data, blend: _Blend, cfg: TrainConfig, seed: int, ctx: RunContext
) -> tuple[list, np.ndarray]:
    """The difficulty models behind the interval widths: E|validation error| from the features and
    the member disagreement (one per property), and the floor of each one's prediction."""
    import xgboost as xgb  # noqa: PLC0415 - heavy, loaded only to train

    ctx.check_cancelled()
    ctx.progress(78, 100, msg("fitting the interval widths"))
    val, has, Z, Xi = data.val, data.has, data.Z, data.Xi
    vr_rf, vr_x = blend.vr_rf, blend.vr_x
    verr = np.abs(data.R[val] - (blend.w_rf[None, :] * vr_rf + blend.w_x[None, :] * vr_x))
    diff_boosters = []
    floors = np.zeros(len(PROPERTY_NAMES))
    F = Xi.shape[1]
    for k in range(len(PROPERTY_NAMES)):
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
    return diff_boosters, floors


def _assemble(data: _Data, members: _Members, blend: _Blend, cfg: TrainConfig, seed: int, ctx: RunContext) -> Ensemble:
    """The ensemble before calibration: members, blend, difficulty models and the OOD model."""
    diff_boosters, floors = _fit_difficulty(data, blend, cfg, seed, ctx)
    Xi = data.Xi
    ood = OODModel.fit(_subsample(Xi[data.train], 20000, seed), Xi[data.val], cfg.ood_components, cfg.ood_quantile)
    return Ensemble(
        schema=data.rows.schema,
        rf=members.rf,
        rf_scale=members.scale,
        xgb=members.boosters,
        difficulty=diff_boosters,
        w_rf=blend.w_rf,
        w_xgb=blend.w_x,
        q=np.ones(len(PROPERTY_NAMES)),
        sigma_floor=floors,
        impute=data.impute,
        ood=ood,
        structural_zero=data.zeros,
        alpha=cfg.alpha,
        nthread=cfg.nthread,
        gate_rf=members.gate_rf.copy(),
        gate_xgb=members.gate_x.copy(),
    )


def _calibrate(
    data: _Data, members: _Members, blend: _Blend, ens: Ensemble, cfg: TrainConfig, ctx: RunContext
) -> _Calibration:
    """Conformal calibration on the virtual-lab calibration split (Mondrian by process): sets
    ``ens.q`` (pooled) and ``ens.q_by_process``."""
    ctx.check_cancelled()
    ctx.progress(84, 100, msg("calibrating the intervals"))
    K = len(PROPERTY_NAMES)
    rows, has, Z, R = data.rows, data.has, data.Z, data.R
    cal = data.split == CAL
    cr_rf, cr_x = members.residuals(data.Xi, cal)
    cr = blend.w_rf[None, :] * cr_rf + blend.w_x[None, :] * cr_x
    csig = ens.sigma(data.Xi[cal], np.abs(cr_rf - cr_x))
    q = np.zeros(K)
    cal_procs = rows.process_id[cal].astype(str)
    q_proc: dict[str, list[float]] = {str(p): [0.0] * K for p in np.unique(rows.process_id[~data.feedback].astype(str))}
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
    return _Calibration([VIRTUAL_LAB] * K, n_cal)


@dataclass
class FeedbackStages:
    """What the feedback taught (:func:`fit_feedback_stages`): the family offsets (None when no
    departure was found) and the stage-2 correction (boosters or None per property, their shrinkage,
    the out-of-fold correction of the feedback rows, the report, which includes the offsets')."""

    correction: list
    shrink: np.ndarray
    oof: np.ndarray
    report: dict
    offsets: FamilyOffsets | None
    base: np.ndarray  # [n,5] stage-1 residual + offsets of the feedback rows (what stage 2 corrects)
    sigma: np.ndarray  # [n,5] difficulty (interval scale) of the feedback rows

    def apply(self, ens: Ensemble) -> Ensemble:
        """Set the stages on ``ens`` (in place) and return it."""
        ens.correction = self.correction
        ens.shrink = self.shrink
        ens.offsets = self.offsets
        return ens


def fit_feedback_stages(
    ens: Ensemble,
    rows: LabRows,
    Xi: np.ndarray,
    is_fb: np.ndarray,
    anchor_mask: np.ndarray,
    cfg: TrainConfig,
    seed: int,
    ctx: RunContext | None = None,
) -> FeedbackStages:
    """The family offsets and stage 2 from the feedback rows ``is_fb`` of ``rows`` over the stage-1 ensemble ``ens``
    (members, blend, difficulty models and virtual-lab conformal quantiles already set; its own
    correction and offsets are ignored). ``Xi``: ``rows.X`` imputed; ``anchor_mask``: the virtual-lab
    rows the stage-2 anchors are drawn from. The app's retrain (:func:`fit`) and the benchmark
    (``ml/suggest_lab.py``) both learn from feedback through this function.

    * the family offsets: :func:`ml.offsets.fit_offsets` (from the first row): shrunk offsets per
      process and per process + main material, with the model's own interval at the row as its
      noise. Their report is added to the stage-2 report (``report["by_property"][name]["offsets"]``,
      ``report["offsets"]``);
    * stage 2: :func:`_fit_correction` (a shallow XGBoost, local or global, from
      ``min_feedback_fit`` rows of a property).

    Order, per property: where stage 2, fitted on stage 1's residual alone, is used and reaches
    globally (the feedback is spread over processes and materials and shows the correction carries
    over), stage 2 first and the offsets on what it leaves (it learns the departure as a smooth
    function: the learning curve at 200 rows 0.706 this way, 0.714 with the offsets first);
    everywhere else the offsets first and stage 2 of what they leave. Fitted after a *local* stage 2
    (on its in-sample residual) the offsets vanished where it had learnt a family's shift, taking the
    process offset away from the process's other families (bench learn, quick: the error ratio after
    30 trials 0.47 suggested / 0.30 random that way, 0.19 / 0.14 with the offsets first)."""
    ctx = ctx or NullContext()
    fb = np.asarray(is_fb, bool)
    Xf = Xi[fb]
    r_rf, r_x = ens.member_residuals(Xf)
    base = ens.w_rf[None, :] * r_rf + ens.w_xgb[None, :] * r_x
    R = to_residual(rows.y[fb], rows.phys[fb])
    procs = rows.process_id[fb].astype(str)
    mats = main_material(rows.schema, rows.X[fb])
    sig = ens.sigma(Xf, np.abs(r_rf - r_x)) if len(Xf) else np.zeros((0, len(PROPERTY_NAMES)))
    noise = (ens.q_matrix(list(procs)) * sig / Z95) ** 2
    zero = ens.zero_mask(list(procs)) & (rows.phys[fb] == 0)  # predicted 0 whatever the offsets say
    groups = {"process": procs, "material": mats}
    anchors = _anchor_rows(rows, Xi, anchor_mask, fb, seed)

    def stage2(target: np.ndarray, below: np.ndarray):
        return _fit_correction(
            Xf, target, below, rows.phys[fb], rows.y[fb], cfg, seed, rows.weight[fb], anchors, groups, ctx
        )

    # stage 2 alone first where it has its rows and reaches every recipe (the feedback shows the
    # correction carries over processes and materials): there it learns the departure as a smooth
    # function, and the offsets only what it leaves
    glob, first = _global_corrections(stage2, R, base, rows.weight[fb], cfg)
    resid = R - base
    for k in glob:
        assert first is not None
        resid[:, k] -= first[1][k] * first[0][k].inplace_predict(Xf, validate_features=False)
    offsets, off_report = fit_offsets(np.where(zero, np.nan, resid), noise, procs, mats, rows.weight[fb])
    a, b, _ = offsets.apply(list(procs), list(mats))
    base_2 = base + a + b
    # everywhere else offsets first (from the first report), then stage 2 of what they leave (from
    # min_feedback_fit rows), so the two never count one effect twice
    rest = R.copy()
    rest[:, glob] = np.nan
    corr, shrink, oof, report = stage2(rest, base_2)
    for k in glob:
        assert first is not None
        name = PROPERTY_NAMES[k]
        corr[k], shrink[k], oof[:, k] = first[0][k], first[1][k], first[2][:, k]
        report["by_property"][name] = {**first[3]["by_property"][name], "fitted": "before the offsets"}
    ctx.check_cancelled()
    report.setdefault("by_property", {})
    for name in PROPERTY_NAMES:
        report["by_property"].setdefault(name, {"rows": 0, "used": False, "processes": []})
        report["by_property"][name]["offsets"] = off_report.get(name, {"rows": 0, "used": False})
    report["offsets"] = {
        "method": "empirical-Bayes shrunk offsets per process and per process + main material, on the "
        "residual left by stage 1 (stage 2 then learns what they leave; for a property whose stage-2 correction "
        "reaches globally, on what stage 2 leaves); offsets only when the reports depart from the "
        f"model beyond their noise (chi-square at {OFFSET_SIGNIFICANCE:g})",
        "levels": list(OFFSET_LEVELS),
        "used": [n for n in PROPERTY_NAMES if off_report.get(n, {}).get("used")],
    }
    return FeedbackStages(corr, shrink, oof, report, None if offsets.empty else offsets, base_2, sig)


def _global_corrections(stage2, R: np.ndarray, base: np.ndarray, weight: np.ndarray, cfg: TrainConfig):
    """(properties, fit): the properties with ``min_feedback_fit`` usable rows whose stage-2
    correction, fitted on stage 1's residual alone, is used and reaches globally, and that fit
    (``_fit_correction``'s tuple); ([], None) when none."""
    w = np.nan_to_num(np.asarray(weight, float))
    many = [k for k in range(R.shape[1]) if int((np.isfinite(R[:, k]) & (w[:, k] > 0)).sum()) >= cfg.min_feedback_fit]
    if not many:
        return [], None
    target = np.full_like(R, np.nan)
    target[:, many] = R[:, many]
    fit_ = stage2(target, base)
    by = fit_[3]["by_property"]
    glob = [k for k in many if by[PROPERTY_NAMES[k]].get("used") and by[PROPERTY_NAMES[k]].get("reach") == "global"]
    return glob, (fit_ if glob else None)


def _learn_from_feedback(
    data: _Data,
    members: _Members,
    blend: _Blend,
    ens: Ensemble,
    calibration: _Calibration,
    cfg: TrainConfig,
    seed: int,
    ctx: RunContext,
) -> None:
    """Offsets and stage 2 from the feedback rows (:func:`fit_feedback_stages`, set on ``ens``), then the
    intervals recalibrated on their out-of-fold errors where there are enough."""
    ctx.check_cancelled()
    ctx.progress(87, 100, msg("learning from the feedback rows"))
    stages = fit_feedback_stages(ens, data.rows, data.Xi, data.feedback, data.val, cfg, seed, ctx)
    stages.apply(ens)
    calibration.correction_report = stages.report
    _recalibrate_on_feedback(data, ens, calibration, stages.base, stages.oof, stages.sigma, cfg)


def _recalibrate_on_feedback(
    data: _Data,
    ens: Ensemble,
    calibration: _Calibration,
    base: np.ndarray,
    oof: np.ndarray,
    fsig: np.ndarray,
    cfg: TrainConfig,
) -> None:
    """Conformal quantiles from the feedback rows' out-of-fold errors (stage 1 ``base`` + the
    out-of-fold correction ``oof``), for the properties with at least ``min_feedback_cal`` measured
    rows; sets them on ``ens`` and records them in ``calibration``."""
    is_fb = data.feedback
    q, q_proc = ens.q, ens.q_by_process
    fw = data.rows.weight[is_fb]
    fprocs = data.rows.process_id[is_fb].astype(str)
    for k in range(len(PROPERTY_NAMES)):
        # measured labels only: an interval is a claim about measured outcomes, not judgements
        use = data.has[is_fb, k] & ~data.Z[is_fb, k] & (fw[:, k] >= 1.0)
        if use.sum() < cfg.min_feedback_cal:
            continue
        scores = np.abs(data.R[is_fb][use, k] - base[use, k] - oof[use, k]) / fsig[use, k]
        q_fb = _conformal_q(scores, cfg.alpha)
        rep = calibration.correction_report["by_property"].get(PROPERTY_NAMES[k], {})
        if rep.get("reach") == "global":
            # the correction carries everywhere: so does its calibration (one quantile for all
            # processes, too few real trials per process for Mondrian)
            q[k] = q_fb
            for p in q_proc:
                q_proc[p][k] = q_fb
            cal_procs_k = sorted(q_proc)
        else:
            # a local correction (or none): only the processes the crew reported on are
            # recalibrated, and only ever widened there (the feedback speaks for its own recipes,
            # not for every recipe of the process)
            cal_procs_k = sorted(set(fprocs[use].tolist()) & set(q_proc))
            for p in cal_procs_k:
                q_proc[p][k] = max(q_proc[p][k], q_fb)
        calibration.calibrated_on[k] = CREW_FEEDBACK
        calibration.n_calibration[k] = int(use.sum())
        calibration.feedback_processes[PROPERTY_NAMES[k]] = cal_procs_k


def _training_metrics(
    data: _Data, members: _Members, blend: _Blend, ens: Ensemble, calibration: _Calibration, cfg: TrainConfig
) -> dict:
    """The manifest's figures about training itself (blend, gates, intervals, splits, stage 2),
    added after the held-out ones of :func:`evaluate`."""
    w_rf, w_x, q = blend.w_rf, blend.w_x, ens.q
    metrics: dict = {}
    metrics["blend_weights"] = {
        n: {
            "physics": round(1 - w_rf[k] - w_x[k], 4) + 0.0,
            "random_forest": round(w_rf[k], 4),
            "xgboost": round(w_x[k], 4),
        }
        for k, n in enumerate(PROPERTY_NAMES)
    }
    metrics["member_gates"] = {
        "rule": f"a member is gated for a property (residual 0: it predicts exactly physics) unless it beats the "
        f"physics model on the validation split by more than {cfg.gate_se:g} paired standard errors of the "
        f"per-row difference of absolute errors",
        "n_se": cfg.gate_se,
        "by_property": blend.gate_report,
    }
    metrics["intervals"] = {
        "method": "normalised split conformal, 95% per property, Mondrian by process; difficulty = XGBoost "
        "model of E|error| from the features and the RF/XGBoost disagreement",
        "alpha": cfg.alpha,
        "calibrated_on": dict(zip(PROPERTY_NAMES, calibration.calibrated_on, strict=True)),
        "n_calibration": dict(zip(PROPERTY_NAMES, calibration.n_calibration, strict=True)),
        "quantile_pooled": {n: round(float(q[k]), 6) for k, n in enumerate(PROPERTY_NAMES)},
    }
    if calibration.feedback_processes:
        metrics["intervals"]["feedback_calibrated_processes"] = calibration.feedback_processes
    split = data.split
    metrics["splits"] = {SPLIT_NAMES[s]: int((split == s).sum()) for s in range(4)}
    metrics["splits"]["feedback"] = int(data.feedback.sum())
    metrics["xgb_trees"] = {n: int(members.boosters[k].num_boosted_rounds()) for k, n in enumerate(PROPERTY_NAMES)}
    if calibration.correction_report:
        metrics["feedback_correction"] = calibration.correction_report
    return metrics


def _metadata(
    data: _Data,
    members: _Members,
    blend: _Blend,
    ens: Ensemble,
    importances: dict,
    cfg: TrainConfig,
    seed: int,
) -> dict:
    """The bundle's ``metadata.json`` (everything the ensemble needs besides its model files)."""
    return {
        "format": METADATA_FORMAT,
        "alpha": cfg.alpha,
        "targets": list(PROPERTY_NAMES),
        "transform": {
            "additive": ADDITIVE.tolist(),
            "offset": OFFSETS.tolist(),
            "note": "rigidity/tightness: y - physics; energy/water/crew: log(y + c) - log(physics + c)",
        },
        "rf_scale": members.scale.tolist(),
        "w_rf": blend.w_rf.tolist(),
        "w_xgb": blend.w_x.tolist(),
        "gate": {"random_forest": members.gate_rf.tolist(), "xgboost": members.gate_x.tolist()},
        "q": ens.q.tolist(),
        "q_by_process": ens.q_by_process,
        "sigma_floor": ens.sigma_floor.tolist(),
        "shrink": np.asarray(ens.shrink, float).tolist(),
        **({"offsets": ens.offsets.to_dict()} if ens.offsets is not None else {}),
        "impute": data.impute.tolist(),
        "ood": ens.ood.to_dict(),
        "structural_zero": data.zeros,
        "importances": importances,
        "config": asdict(cfg),
        "seed": int(seed),
    }


def _anchor_rows(
    rows: LabRows, Xi: np.ndarray, mask: np.ndarray, feedback: np.ndarray, seed: int
) -> tuple[np.ndarray, np.ndarray]:
    """Anchors for stage 2 (see :func:`_fit_correction`): virtual-lab rows of ``mask`` (the
    validation split), each with a weight, the product of

    * **unlike the feedback**: ``(1 - s)^2`` where ``s`` is the anchor's similarity to the most
      similar feedback row - 0 for another process, else ``1 -`` the total-variation distance of
      their material compositions (regolith included). An anchor where the crew did report carries
      (almost) no weight, so it does not water down what the crew measured; one far from every
      report holds the correction at 0 there;
    * **same batch sizes as the feedback**: a Gaussian kernel on log batch mass, normalised to sum
      to 1 over the anchors. The correction is meant to carry across batch sizes (relative
      residuals), so the anchors must not let it tell feedback from simulation by batch size alone.

    The weights sum to the kernel-weighted mean of ``(1 - s)^2``: 1 when no anchor resembles a
    reported recipe (feedback on one kind of recipe: the anchors hold the correction there with
    their full share), towards 0 as the reports cover the recipes the anchors stand for (feedback
    spread over the whole space: little is left for the anchors to hold, the correction is nearly
    global). They used to be renormalised to sum to 1, so the anchors kept their full share - and
    damped the correction between reported recipes - however densely the crew reported.
    """
    idx = np.nonzero(mask)[0]
    if len(idx) > ANCHOR_ROWS:
        rng = np.random.default_rng([seed, 0xA2C4])
        idx = np.sort(rng.choice(idx, ANCHOR_ROWS, replace=False))
    if not len(idx) or not feedback.any():
        return Xi[idx], np.full(len(idx), 1.0 / max(len(idx), 1))
    cols = rows.schema.index()
    w = np.ones(len(idx))
    mat = [j for c, j in cols.items() if c.startswith("mat:")]
    if mat:
        comp = np.nan_to_num(rows.X[:, mat].astype(float))
        comp = comp / np.maximum(comp.sum(axis=1, keepdims=True), 1e-12)
        procs = rows.process_id.astype(str)
        fb_idx = np.nonzero(feedback)[0]
        sim = np.zeros(len(idx))
        for p in np.unique(procs[fb_idx]):
            a = np.nonzero(procs[idx] == p)[0]
            f = fb_idx[procs[fb_idx] == p]
            if not len(a):
                continue
            step = max(1, 4_000_000 // (len(f) * len(mat)))  # [block, f, materials] of at most 4M numbers
            for start in range(0, len(a), step):
                blk = a[start : start + step]
                tv = 0.5 * np.abs(comp[idx[blk]][:, None, :] - comp[f][None, :, :]).sum(axis=2)
                sim[blk] = np.maximum(sim[blk], 1.0 - tv.min(axis=1))
        w *= (1.0 - np.clip(sim, 0.0, 1.0)) ** 2
    kernel = np.ones(len(idx))
    col = cols.get("log_batch_mass")
    if col is not None:
        la = Xi[idx, col].astype(float)
        lf = Xi[feedback, col].astype(float)
        d = (la[:, None] - lf[None, :]) / ANCHOR_MASS_BANDWIDTH
        kernel = np.exp(-0.5 * d * d).mean(axis=1)
    if kernel.max() <= 0:
        kernel = np.ones(len(idx))
    w = w * kernel / kernel.sum()
    if w.max() <= 0:  # every anchor is a reported recipe: nothing to hold at 0
        return Xi[:0], np.zeros(0)
    keep = w >= 1e-3 * w.max()
    idx, w = idx[keep], w[keep]
    return Xi[idx], w


def _main_material(schema, X: np.ndarray) -> np.ndarray:
    """The material with the largest share of each row's feed (``ml.offsets.main_material``)."""
    return main_material(schema, X)


def _fit_correction(
    Xf: np.ndarray,
    Rf: np.ndarray,
    base: np.ndarray,
    phys: np.ndarray,
    y: np.ndarray,
    cfg: TrainConfig,
    seed: int,
    weight: np.ndarray | None = None,
    anchors: tuple[np.ndarray, np.ndarray] | None = None,
    groups: dict | None = None,
    ctx: RunContext | None = None,
):
    """Stage 2: per property, a shallow XGBoost of the feedback rows' residual over stage 1.

    ``weight`` [n,5] is the weight of each label (1 for a measurement, ``virtual_lab.JUDGED_WEIGHT``
    for a crew judgement; 0 or NaN label: not used).

    **Reach.** Feedback about some recipes says nothing for certain about others, so each property's
    correction is either *global* (learnt from the feedback rows alone: it carries to every recipe,
    the original behaviour) or *local*: learnt together with ``anchors`` - virtual-lab rows with a
    correction target of 0, together worth up to ``ANCHOR_SHARE`` of the feedback weight (weights
    from :func:`_anchor_rows`: the full share when no anchor resembles a reported recipe, less as the
    reports cover more of the recipes) - so the correction stays on the kind of recipe the crew
    reported on and fades to 0 elsewhere. Global only when the feedback itself shows that corrections carry over
    to recipes unlike the ones they were learnt on: for each grouping in ``groups`` (process, main
    material) there must be two or more groups, and a leave-groups-out cross-validation of the global
    form must beat no correction on the groups each fit never saw; otherwise local.

    Then K-fold cross-validation on the feedback rows picks the number of rounds (squared error) and
    a shrinkage in {0, 1/4, 1/2, 3/4, 1} (MAE in the property's unit, one-standard-error rule
    towards 0: no correction unless it helps out of fold). Anchors are in every training fold and
    never scored. Returns (boosters or None per property, shrinkage [5], out-of-fold correction
    [n,5] already shrunk, report); ``report["by_property"][name]["reach"]`` is "global" or "local"
    and ``["processes"]`` the processes the correction was learnt on."""
    job = _CorrectionFit(Xf, Rf - base, base, phys, y, cfg, seed, weight, anchors, groups, ctx or NullContext())
    for k in range(len(PROPERTY_NAMES)):
        job.fit_property(k)
    return job.boosters, job.shrink, job.oof, job.report


class _CorrectionFit:
    """The state of one stage-2 fit (see :func:`_fit_correction`): the feedback rows, their targets
    and weights, the anchors, the random generators, and what has been learnt so far."""

    LEVELS = np.array([0.0, 0.25, 0.5, 0.75, 1.0])  # shrinkage tried by cross-validation

    def __init__(
        self,
        Xf: np.ndarray,
        target: np.ndarray,
        base: np.ndarray,
        phys: np.ndarray,
        y: np.ndarray,
        cfg: TrainConfig,
        seed: int,
        weight: np.ndarray | None,
        anchors: tuple[np.ndarray, np.ndarray] | None,
        groups: dict | None,
        ctx: RunContext,
    ) -> None:
        K = len(PROPERTY_NAMES)
        n = len(Xf)
        self.Xf, self.target, self.base, self.phys, self.y, self.cfg, self.ctx = Xf, target, base, phys, y, cfg, ctx
        self.W = np.ones((n, K)) if weight is None else np.nan_to_num(np.asarray(weight, float).reshape(n, K))
        self.groups = {g: np.asarray(v).astype(str) for g, v in (groups or {}).items()}
        if anchors is None or len(anchors[0]) == 0:
            self.Xa, self.wa_rel = np.zeros((0, Xf.shape[1]), np.float32), np.zeros(0)
        else:
            self.Xa, self.wa_rel = np.asarray(anchors[0], np.float32), np.asarray(anchors[1], float)
        self.boosters: list = [None] * K
        self.shrink = np.zeros(K)
        self.oof = np.zeros((n, K))
        self.report: dict = {
            "rows": int(n),
            "folds": 0,
            "anchors": len(self.Xa),
            "anchor_share": ANCHOR_SHARE,
            # the anchors' total weight / the feedback's (for a local correction): ANCHOR_SHARE
            # times how unlike the reported recipes the anchors are on average
            "anchor_weight_ratio": round_or_none(ANCHOR_SHARE * float(self.wa_rel.sum()), 4),
            "by_property": {},
        }
        self.checkpoints = np.arange(5, cfg.corr_rounds + 1, 5)
        self.params = _xgb_params(cfg, seed + 200, cfg.corr_depth, cfg.corr_eta, cfg.corr_min_child_weight)
        self.params.update({"subsample": 1.0, "colsample_bytree": 1.0, "base_score": 0.0})
        self.rng = np.random.default_rng([seed, 0xFEED])
        self.rng_groups = np.random.default_rng([seed, 0x9A0C])

    # ---- pieces
    def train(self, sel: np.ndarray, k: int, rounds: int, local: bool):
        """A correction booster on the feedback rows ``sel`` (with the anchors when ``local``)."""
        import xgboost as xgb  # noqa: PLC0415 - heavy, loaded only to train

        w = self.W[sel, k]
        if local and len(self.Xa):
            X = np.concatenate([self.Xf[sel], self.Xa])
            lab = np.concatenate([self.target[sel, k], np.zeros(len(self.Xa))])
            w = np.concatenate([w, ANCHOR_SHARE * w.sum() * self.wa_rel])
        else:
            X, lab = self.Xf[sel], self.target[sel, k]
        dm = xgb.DMatrix(X, label=lab, weight=w, nthread=self.cfg.nthread)
        return xgb.train(self.params, dm, rounds, verbose_eval=False)

    def staged_oof(self, idx: np.ndarray, folds: np.ndarray, k: int, local: bool) -> np.ndarray:
        """[len(idx), checkpoints] out-of-fold corrections after each checkpoint's rounds."""
        out = np.zeros((len(idx), len(self.checkpoints)))
        for f in np.unique(folds):
            self.ctx.check_cancelled()
            trn, tst = idx[folds != f], idx[folds == f]
            b = self.train(trn, k, int(self.checkpoints[-1]), local)
            for j, r in enumerate(self.checkpoints):
                out[folds == f, j] = b.inplace_predict(
                    self.Xf[tst], iteration_range=(0, int(r)), validate_features=False
                )
        return out

    def best_rounds(self, staged: np.ndarray, idx: np.ndarray, k: int) -> int:
        w = self.W[idx, k]
        mse = (w[:, None] * (staged - self.target[idx, k][:, None]) ** 2).sum(axis=0) / w.sum()
        return int(np.argmin(mse))

    def wmae(self, pred_r: np.ndarray, idx: np.ndarray, k: int) -> float:
        w = self.W[idx, k]
        return float(np.sum(w * np.abs(target_column(k, pred_r, self.phys[idx, k]) - self.y[idx, k])) / w.sum())

    # ---- one property
    def fit_property(self, k: int) -> None:
        name = PROPERTY_NAMES[k]
        cfg = self.cfg
        idx = np.nonzero(np.isfinite(self.target[:, k]) & (self.W[:, k] > 0))[0]
        procs = sorted(set(self.groups["process"][idx].tolist())) if "process" in self.groups else []
        if len(idx) < cfg.min_feedback_fit:
            self.report["by_property"][name] = {
                "rows": len(idx),
                "used": False,
                "processes": procs,
                "reason": f"fewer than {cfg.min_feedback_fit} usable rows",
            }
            return
        local, reach = self.reach(idx, k)
        self.cross_validate(idx, k, local, reach, procs)

    def reach(self, idx: np.ndarray, k: int) -> tuple[bool, dict]:
        """Does a correction learnt on some groups help on groups it never saw? (local, the figures)"""
        base = self.base
        reach: dict = {"cv_mae_without_correction": round_or_none(self.wmae(np.zeros(len(idx)) + base[idx, k], idx, k))}
        local = len(self.Xa) > 0
        for gname, gv in self.groups.items():
            if not local:
                break
            labels = sorted(set(gv[idx].tolist()))
            reach[f"{gname}_groups"] = len(labels)
            if len(labels) < 2:
                reach["why_local"] = f"all rows share one {gname}"
                break
            order = self.rng_groups.permutation(len(labels))
            gfold = {labels[i]: j % min(self.cfg.corr_folds, len(labels)) for j, i in enumerate(order)}
            st = self.staged_oof(idx, np.array([gfold[g] for g in gv[idx]]), k, False)
            m = self.wmae(base[idx, k] + st[:, self.best_rounds(st, idx, k)], idx, k)
            reach[f"cv_mae_across_{gname}"] = round_or_none(m)
            if not m < reach["cv_mae_without_correction"]:
                reach["why_local"] = f"a correction learnt on some {gname}s did not help on the others"
                break
        else:
            local = False
        return local, reach

    def cross_validate(self, idx: np.ndarray, k: int, local: bool, reach: dict, procs: list) -> None:
        """Rounds and shrinkage by K-fold cross-validation; the correction kept if it helps."""
        cfg, base, levels = self.cfg, self.base, self.LEVELS
        w = self.W[idx, k]
        nfold = int(min(cfg.corr_folds, len(idx)))
        self.report["folds"] = nfold
        folds = self.rng.permutation(len(idx)) % nfold
        staged = self.staged_oof(idx, folds, k, local)
        best_j = self.best_rounds(staged, idx, k)
        rounds = int(self.checkpoints[best_j])
        c = staged[:, best_j]
        err = np.stack(
            [np.abs(target_column(k, base[idx, k] + s * c, self.phys[idx, k]) - self.y[idx, k]) for s in levels]
        )
        werr = err * (w / w.mean())[None, :]
        mean = werr.mean(axis=1)
        best = int(np.argmin(mean))
        se = (werr - werr[best]).std(axis=1) / np.sqrt(len(idx))
        s_k = float(levels[np.nonzero(mean <= mean[best] + se + 1e-15)[0][0]])
        self.report["by_property"][PROPERTY_NAMES[k]] = {
            "rows": len(idx),
            "weight": round_or_none(float(w.sum())),
            "used": s_k > 0,
            "rounds": rounds,
            "shrinkage": s_k,
            "cv_mae_physics": round_or_none(self.wmae(np.zeros(len(idx)), idx, k)),
            "cv_mae_without_correction": round_or_none(float(mean[0])),
            "cv_mae_with_correction": round_or_none(float(mean[int(np.nonzero(levels == s_k)[0][0])])),
            "reach": "local" if local else "global",
            "processes": procs,
            "reach_check": reach,
        }
        if s_k > 0:
            self.ctx.check_cancelled()
            self.boosters[k] = self.train(idx, k, rounds, local)
            self.shrink[k] = s_k
            self.oof[idx, k] = s_k * c


def _subsample(X: np.ndarray, n: int, seed: int) -> np.ndarray:
    if len(X) <= n:
        return X
    rng = np.random.default_rng([seed, 0x00D])
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
    OOD rate. Coverage and width are measured on the rows that are not structural zeros.

    The member figures (``mae_random_forest``, ``mae_xgboost``) and the do-no-harm comparison
    (``blend_not_worse_than_best_member`` and its paired interval) are those of the members **as
    shipped**: a gated member predicts exactly physics. ``mae_*_raw`` are the ungated members, a
    diagnostic only (what they would have done without their gate)."""
    K = len(PROPERTY_NAMES)
    idx = np.nonzero(mask)[0]
    X, P, Y = rows.X[idx], rows.phys[idx], rows.y[idx]
    procs = rows.process_id[idx].astype(str)
    if Z is None:
        Z = np.zeros((len(rows), K), bool)
    zero = Z[idx]
    pred = ens.predict(X, P, zero=zero, flagged=rows.flags[idx], q=ens.q_matrix(list(procs)))
    raw_rf, raw_x = ens.member_residuals(ens.prepare(X), raw=True)
    out: dict = {
        "n_test": len(idx),
        "held_out": {},
        "coverage": {},
        "mean_width": {},
        "coverage_by_process": {},
        "physics_band_coverage": {},
        "ood_rate": round(float(pred.ood.mean()), 5) if len(idx) else 0.0,
    }
    var = _variability_for(procs)
    for k, name in enumerate(PROPERTY_NAMES):
        ok = np.isfinite(Y[:, k])
        out["held_out"][name] = _held_out_errors(ens, k, pred, (raw_rf, raw_x), P[ok, k], Y[ok, k], ok, seed)
        cov_rows = ok & ~zero[:, k]
        inside = (pred.lo[cov_rows, k] <= Y[cov_rows, k]) & (Y[cov_rows, k] <= pred.hi[cov_rows, k])
        out["coverage"][name] = round_or_none(float(inside.mean())) if cov_rows.any() else None
        out["mean_width"][name] = (
            round_or_none(float(np.mean(pred.hi[cov_rows, k] - pred.lo[cov_rows, k]))) if cov_rows.any() else None
        )
        out.setdefault("n_coverage", {})[name] = int(cov_rows.sum())
        out.setdefault("n_structural_zero", {})[name] = int((ok & zero[:, k]).sum())
        by = {}
        for p in np.unique(procs[cov_rows]):
            sel = procs[cov_rows] == p
            by[str(p)] = round_or_none(float(inside[sel].mean()))
        out["coverage_by_process"][name] = by
        # the physics-only band (engine/scorer.py) on the same rows, for comparison
        if var is not None and cov_rows.any():
            sd = var[cov_rows, k]
            half = Z95 * sd if k < 2 else Z95 * sd * np.abs(P[cov_rows, k])
            lo_p, hi_p = P[cov_rows, k] - half, P[cov_rows, k] + half
            out["physics_band_coverage"][name] = round_or_none(
                float(((lo_p <= Y[cov_rows, k]) & (Y[cov_rows, k] <= hi_p)).mean())
            )
    return out


def _held_out_errors(
    ens: Ensemble,
    k: int,
    pred: Prediction,
    raw: tuple[np.ndarray, np.ndarray],
    ph: np.ndarray,
    y: np.ndarray,
    ok: np.ndarray,
    seed: int,
) -> dict:
    """Errors of physics, each member (as shipped and raw) and the blend for property ``k`` on the
    test rows with a measured value (``ok``; ``ph`` and ``y`` already restricted to them)."""
    name = PROPERTY_NAMES[k]
    raw_rf, raw_x = raw
    m_phys = float(np.mean(np.abs(ph - y))) if len(y) else float("nan")
    m_rf = float(np.mean(np.abs(target_column(k, pred.r_rf[ok, k], ph) - y))) if len(y) else float("nan")
    m_x = float(np.mean(np.abs(target_column(k, pred.r_xgb[ok, k], ph) - y))) if len(y) else float("nan")
    m_b = float(np.mean(np.abs(pred.props[ok, k] - y))) if len(y) else float("nan")
    m_rf_raw = float(np.mean(np.abs(target_column(k, raw_rf[ok, k], ph) - y))) if len(y) else float("nan")
    m_x_raw = float(np.mean(np.abs(target_column(k, raw_x[ok, k], ph) - y))) if len(y) else float("nan")
    rm_phys = float(np.sqrt(np.mean((ph - y) ** 2))) if len(y) else float("nan")
    rm_b = float(np.sqrt(np.mean((pred.props[ok, k] - y) ** 2))) if len(y) else float("nan")
    e_b = np.abs(pred.props[ok, k] - y)
    e_m = [np.abs(target_column(k, pred.r_rf[ok, k], ph) - y), np.abs(target_column(k, pred.r_xgb[ok, k], ph) - y)]
    best_m = e_m[int(np.argmin([m_rf, m_x]))]
    lo_ci, hi_ci = _paired_ci(e_b - best_m, seed)
    return {
        "unit": PROPERTY_UNITS[name],
        "mae_physics": round_or_none(m_phys),
        "mae_random_forest": round_or_none(m_rf),
        "mae_xgboost": round_or_none(m_x),
        "mae_blend": round_or_none(m_b),
        "random_forest_gated": bool(np.asarray(ens.gate_rf, bool)[k]),
        "xgboost_gated": bool(np.asarray(ens.gate_xgb, bool)[k]),
        "mae_random_forest_raw": round_or_none(m_rf_raw),
        "mae_xgboost_raw": round_or_none(m_x_raw),
        "rmse_physics": round_or_none(rm_phys),
        "rmse_blend": round_or_none(rm_b),
        "blend_vs_physics": round_or_none(m_b / m_phys) if m_phys > 0 else None,
        "blend_not_worse_than_best_member": bool(m_b <= min(m_rf, m_x) * (1 + 1e-12) + 1e-15),
        "blend_minus_best_member_ci95": [round_or_none(lo_ci), round_or_none(hi_ci)],
        "blend_not_worse_than_physics": bool(m_b <= m_phys * (1 + 1e-12) + 1e-15),
    }


def _paired_ci(diff: np.ndarray, seed: int, n_boot: int = 400) -> tuple[float, float]:
    """95% bootstrap interval of the mean of a paired error difference."""
    if len(diff) == 0:
        return float("nan"), float("nan")
    rng = np.random.default_rng([seed, 0xB007])
    means = np.array([diff[rng.integers(0, len(diff), len(diff))].mean() for _ in range(n_boot)])
    return float(np.quantile(means, 0.025)), float(np.quantile(means, 0.975))


def _variability_for(procs: np.ndarray):
    try:
        t = compile_tables(load_catalog(), [])
        var = load_variability(t)
        pos = {p: i for i, p in enumerate(t.process_ids)}
        return np.stack([var[pos[p]] if p in pos else np.full(5, np.nan) for p in procs]) if len(procs) else None
    except Exception:  # the comparison is informative only
        return None


# ------------------------------------------------------------------------------------ bundles


def _trained_at() -> str:
    sde = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if sde.isdigit():
        return datetime.fromtimestamp(int(sde), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def bundle_files(result: FitResult) -> dict[str, bytes]:
    import skops.io as sio  # noqa: PLC0415 - heavy, loaded only to write a bundle

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
    corr = list(ens.correction or ())
    if any(b is not None for b in corr):  # stage 2, only when feedback taught a correction
        corr_names: list[str | None] = []
        for k, name in enumerate(PROPERTY_NAMES):
            b = corr[k] if k < len(corr) else None
            if b is not None and ens.shrink[k] > 0:
                files[f"corr_{name}.ubj"] = bytes(b.save_raw(raw_format="ubj"))
                corr_names.append(f"corr_{name}.ubj")
            else:
                corr_names.append(None)
        meta["files"]["correction"] = corr_names
    files[METADATA] = canonical_json(meta)
    return files


def trained_on(
    rows: LabRows, seed: int, cfg: TrainConfig, catalog=None, extra_problems: list[str] | None = None
) -> dict:
    counts = rows.counts()
    n_fb = sum(v for k, v in counts.items() if k != VIRTUAL_LAB)
    desc = (
        f"{counts.get(VIRTUAL_LAB, 0):,} simulated trials from the virtual lab ({VIRTUAL_LAB}): recipes sampled "
        "across the search space (default NASA inventory plus perturbed and synthetic items, all processes, "
        "fractions, regolith levels and batch sizes), outcomes = the physics model + process variability from "
        "datasets/process_variability.csv. No real trial data: the reference facts hold no recipe-level "
        "measurement of these properties."
    )
    if n_fb:
        fb = rows.provenance.astype(str) != VIRTUAL_LAB
        w = np.where(np.isfinite(rows.y[fb]), rows.weight[fb], 0.0)
        n_judged = int(((w > 0) & (w < 1)).sum())
        desc += (
            f" Plus {n_fb:,} row(s) of crew feedback ({int((w >= 1).sum()):,} measured value(s)"
            + (f", {n_judged:,} judged value(s) at a lower weight" if n_judged else "")
            + ")."
        )
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


def train_bundle(
    out_dir: Path | str,
    ctx: RunContext | None = None,
    seed: int = 0,
    extra_rows: LabRows | None = None,
    *,
    config: TrainConfig | None = None,
    name: str = DEFAULT_NAME,
    version: str = DEFAULT_VERSION,
    catalog=None,
    lab_rows: LabRows | None = None,
) -> Path:
    """Train a bundle from the virtual lab (+ ``extra_rows``, e.g. crew feedback) and write it to
    ``out_dir`` (a folder, replaced only once complete). Progress and cancel go through ``ctx``.
    ``lab_rows``: the virtual-lab table when the caller already made it (``make_lab_rows(catalog,
    config.n_rows, seed)``; retraining does, to measure drift against it)."""
    ctx = ctx or NullContext()
    cfg = config or TrainConfig()
    catalog = catalog or load_catalog()
    t0 = time.monotonic()
    if lab_rows is None:
        ctx.progress(0, 100, msg("simulating trials in the virtual lab"))
        rows = make_lab_rows(catalog, cfg.n_rows, seed, ctx=ctx, progress_share=(0, 25))
    else:
        rows = lab_rows
    if extra_rows is not None and len(extra_rows):
        rows = LabRows.concat([rows, extra_rows])
    result = fit(rows, cfg, seed, ctx)
    ctx.check_cancelled()
    result.metrics["trained_with_seed"] = int(seed)
    files = bundle_files(result)
    manifest = build_manifest(
        name=name,
        version=version,
        trained_on=trained_on(rows, seed, cfg, catalog),
        trained_at=_trained_at(),
        feature_schema=rows.schema,
        metrics=result.metrics,
        files=files,
    )
    ctx.progress(98, 100, msg("writing the model bundle"))
    path = write_bundle(out_dir, manifest, files)
    ctx.progress(100, 100, msg("model trained in {s:.0f} s", s=time.monotonic() - t0))
    return path
