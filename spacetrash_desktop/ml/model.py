"""The trained ensemble in memory: residual models, blend, conformal intervals, OOD score.

Targets are modelled as **residuals over the physics model** (docs/ML.md explains why):

* rigidity, tightness: ``r = y - physics`` (index units);
* energy, water, crew time: ``r = log(y + c) - log(physics + c)`` with a small offset ``c`` per target
  (0.01 kWh, 0.01 L, 0.1 min), i.e. a relative correction that works across batch sizes.

Prediction: ``r = w_rf * r_rf + w_xgb * r_xgb`` (``1 - w_rf - w_xgb`` stays on the physics model,
whose residual is 0), mapped back to units and kept in range. A member that did not beat the physics
model on the validation split by more than ``TrainConfig.gate_se`` (2) paired standard errors is
**gated** for that property (``gate_rf`` / ``gate_xgb``): its residual is exactly 0 - it *is* the
physics model there - in the prediction, the blend, the interval widths and the explanations (it is
not even evaluated). Interval: normalised split conformal,
``r +- q * sigma(x)`` where ``sigma`` is a small XGBoost "difficulty" model of the size of the
residual (Tweedie objective, log link), fed with the features and the RF/XGBoost disagreement; ``q`` is the conformal quantile of
``|error| / sigma`` on a calibration split the models never saw, one per process (Mondrian: the error
shapes differ by process, e.g. outcomes that clip at 0 or 1), pooled for a process the bundle has not
seen. A (process, property) pair that was
exactly zero in every training trial (a process that uses no water, say) is a *structural zero*:
predicted 0 with the interval [0, 0] while the physics model also says 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from spacetrash_desktop.domain import PROPERTY_NAMES
from spacetrash_desktop.ml.features import FeatureSchema
from spacetrash_desktop.ml.offsets import Z95, FamilyOffsets

TARGETS = PROPERTY_NAMES
ADDITIVE = np.array([True, True, False, False, False])
OFFSETS = np.array([0.0, 0.0, 0.01, 0.01, 0.1])


def to_residual(y: np.ndarray, phys: np.ndarray) -> np.ndarray:
    """[N,5] residual of outcomes over the physics estimate (NaN where y is NaN)."""
    r = np.empty_like(y, dtype=float)
    r[:, ADDITIVE] = y[:, ADDITIVE] - phys[:, ADDITIVE]
    m = ~ADDITIVE
    with np.errstate(invalid="ignore", divide="ignore"):
        r[:, m] = np.log(np.maximum(y[:, m], 0.0) + OFFSETS[m]) - np.log(np.maximum(phys[:, m], 0.0) + OFFSETS[m])
    return r


def from_residual(r: np.ndarray, phys: np.ndarray) -> np.ndarray:
    """Inverse of :func:`to_residual`, clipped to the physical range (rigidity and tightness in
    [0, 1], the rest >= 0)."""
    y = np.empty(np.broadcast_shapes(r.shape, phys.shape), dtype=float)
    y[..., ADDITIVE] = np.clip(phys[..., ADDITIVE] + r[..., ADDITIVE], 0.0, 1.0)
    m = ~ADDITIVE
    with np.errstate(over="ignore", invalid="ignore"):
        y[..., m] = np.maximum((np.maximum(phys[..., m], 0.0) + OFFSETS[m]) * np.exp(r[..., m]) - OFFSETS[m], 0.0)
    return y


def target_column(k: int, r: np.ndarray, phys: np.ndarray) -> np.ndarray:
    """Property k in units from a residual vector (for one target)."""
    if ADDITIVE[k]:
        return np.clip(phys + r, 0.0, 1.0)
    with np.errstate(over="ignore", invalid="ignore"):
        return np.maximum((np.maximum(phys, 0.0) + OFFSETS[k]) * np.exp(r) - OFFSETS[k], 0.0)


@dataclass
class OODModel:
    """Distance of a recipe from the training data in a low-dimensional projection: Hotelling T^2 in
    the leading principal components of the standardised features plus the squared reconstruction
    error (SPE) outside them; a row is out of distribution when either exceeds the chosen quantile of
    held-out training-distribution rows."""

    mean: np.ndarray
    scale: np.ndarray
    components: np.ndarray  # [k, F]
    eigvals: np.ndarray  # [k]
    t2_max: float
    spe_max: float
    quantile: float

    def statistics(self, X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        Z = (X - self.mean) / self.scale
        S = Z @ self.components.T
        t2 = (S * S / self.eigvals).sum(axis=1)
        resid = Z - S @ self.components
        spe = (resid * resid).sum(axis=1)
        return t2, spe

    def flag(self, X: np.ndarray) -> np.ndarray:
        t2, spe = self.statistics(X)
        return ~((t2 <= self.t2_max) & (spe <= self.spe_max))

    def to_dict(self) -> dict:
        return {
            "mean": self.mean.tolist(),
            "scale": self.scale.tolist(),
            "components": self.components.tolist(),
            "eigvals": self.eigvals.tolist(),
            "t2_max": float(self.t2_max),
            "spe_max": float(self.spe_max),
            "quantile": float(self.quantile),
        }

    @staticmethod
    def from_dict(d) -> OODModel:
        return OODModel(
            np.asarray(d["mean"], np.float32),
            np.asarray(d["scale"], np.float32),
            np.asarray(d["components"], np.float32),
            np.asarray(d["eigvals"], np.float32),
            float(d["t2_max"]),
            float(d["spe_max"]),
            float(d["quantile"]),
        )

    @staticmethod
    def fit(X_fit: np.ndarray, X_hold: np.ndarray, n_components: int, quantile: float) -> OODModel:
        mean = X_fit.mean(axis=0)
        scale = X_fit.std(axis=0)
        scale = np.where(scale > 1e-6, scale, 1.0)
        Z = (X_fit - mean) / scale
        _, s, vt = np.linalg.svd(Z, full_matrices=False)
        k = int(min(n_components, vt.shape[0]))
        eig = (s[:k] ** 2) / max(len(Z) - 1, 1)
        eig = np.where(eig > 1e-9, eig, 1e-9)
        m = OODModel(
            mean.astype(np.float32),
            scale.astype(np.float32),
            vt[:k].astype(np.float32),
            eig.astype(np.float32),
            0.0,
            0.0,
            quantile,
        )
        t2, spe = m.statistics(X_hold)
        m.t2_max = float(np.quantile(t2, quantile))
        m.spe_max = float(np.quantile(spe, quantile))
        return m


@dataclass
class Prediction:
    props: np.ndarray  # [N,5]
    lo: np.ndarray
    hi: np.ndarray
    ood: np.ndarray  # bool [N]
    r_rf: np.ndarray  # [N,5] residuals of each member (for diagnostics and explanations)
    r_xgb: np.ndarray
    r: np.ndarray  # blended residual


@dataclass
class Ensemble:
    schema: FeatureSchema
    rf: Any  # sklearn RandomForestRegressor (multi-output, on scaled residuals)
    rf_scale: np.ndarray  # [5]
    xgb: Sequence  # 5 xgboost.Booster (residual of each target)
    difficulty: Sequence  # 5 xgboost.Booster (E|error| from [features, |r_rf - r_xgb|])
    w_rf: np.ndarray  # [5]
    w_xgb: np.ndarray  # [5]
    q: np.ndarray  # [5] pooled conformal quantile of |error| / sigma (processes without their own)
    sigma_floor: np.ndarray  # [5]
    impute: np.ndarray  # [F] float32: value used for a missing feature
    ood: OODModel
    structural_zero: dict  # process_id -> bool[5]
    alpha: float = 0.05
    nthread: int = 2
    extra: dict = field(default_factory=dict)
    q_by_process: dict = field(default_factory=dict)  # process_id -> [5] (Mondrian conformal)
    correction: Sequence = ()  # stage 2: per property an xgboost.Booster learnt from feedback, or None
    shrink: np.ndarray = field(default_factory=lambda: np.zeros(len(TARGETS)))  # weight of each correction
    # do-no-harm gates: True where a member did not beat physics on validation (its residual is 0)
    gate_rf: np.ndarray = field(default_factory=lambda: np.zeros(len(TARGETS), bool))
    gate_xgb: np.ndarray = field(default_factory=lambda: np.zeros(len(TARGETS), bool))
    # family offsets learnt from feedback (ml/offsets.py); None: none (bundles made before them)
    offsets: FamilyOffsets | None = None

    # ---- pieces
    def prepare(self, X: np.ndarray) -> np.ndarray:
        """Impute missing values; always returns a float32 C-contiguous array."""
        X = np.ascontiguousarray(X, dtype=np.float32)
        bad = np.isnan(X)
        if bad.any():
            X = np.where(bad, self.impute[None, :], X).astype(np.float32)
        return X

    def member_residuals(self, Xi: np.ndarray, raw: bool = False) -> tuple[np.ndarray, np.ndarray]:
        """[N,5] residuals of the forest and of XGBoost *as shipped*: 0 for a gated (member,
        property), which is then not evaluated at all. ``raw=True``: the ungated members (a
        diagnostic: the manifest's ``*_raw`` figures)."""
        N = len(Xi)
        K = len(TARGETS)
        g_rf = np.zeros(K, bool) if raw else np.asarray(self.gate_rf, bool)
        g_x = np.zeros(K, bool) if raw else np.asarray(self.gate_xgb, bool)
        r_rf = np.zeros((N, K))
        r_xgb = np.zeros((N, K))
        if N == 0:
            return r_rf, r_xgb
        if not g_rf.all():
            # one thread: scikit-learn's threaded forest predict adds the trees in whatever order the
            # threads finish, so results would differ in the last bits from run to run (the search
            # promises the same result for the same seed)
            self.rf.n_jobs = 1
            r_rf = np.asarray(self.rf.predict(Xi), dtype=np.float64).reshape(N, -1) * self.rf_scale[None, :]
            r_rf[:, g_rf] = 0.0
        for k, b in enumerate(self.xgb):
            if not g_x[k]:
                r_xgb[:, k] = b.inplace_predict(Xi, validate_features=False)
        return r_rf, r_xgb

    def correction_residual(self, Xi: np.ndarray) -> np.ndarray:
        """[N,5] stage-2 correction (0 where no feedback correction exists)."""
        out = np.zeros((len(Xi), len(TARGETS)))
        for k, b in enumerate(self.correction or ()):
            if b is not None and self.shrink[k] > 0:
                out[:, k] = self.shrink[k] * b.inplace_predict(Xi, validate_features=False)
        return out

    def sigma(self, Xi: np.ndarray, disagreement: np.ndarray) -> np.ndarray:
        N, F = Xi.shape
        Xd = np.empty((N, F + 1), np.float32)
        Xd[:, :F] = Xi
        out = np.empty((N, len(TARGETS)))
        for k, b in enumerate(self.difficulty):
            Xd[:, F] = disagreement[:, k]
            out[:, k] = b.inplace_predict(Xd, validate_features=False)
        return np.maximum(out, self.sigma_floor[None, :])

    def zero_mask(self, process_ids: Sequence[str]) -> np.ndarray:
        """[P,5] structural zeros for a catalog's processes (unknown processes: none)."""
        return np.array([self.structural_zero.get(p, [False] * len(TARGETS)) for p in process_ids], bool).reshape(
            len(process_ids), len(TARGETS)
        )

    def q_matrix(self, process_ids: Sequence[str]) -> np.ndarray:
        """[P,5] conformal quantiles for a catalog's processes (the pooled one for a process the
        bundle was not calibrated on)."""
        return np.array([self.q_by_process.get(p, self.q) for p in process_ids], float).reshape(
            len(process_ids), len(TARGETS)
        )

    # ---- the whole prediction
    def predict(
        self,
        X: np.ndarray,
        phys: np.ndarray,
        zero: np.ndarray | None = None,
        flagged: np.ndarray | None = None,
        q: np.ndarray | None = None,
    ) -> Prediction:
        """``X`` [N,F] features (schema order), ``phys`` [N,5] physics estimate, ``zero`` [N,5]
        structural-zero mask, ``flagged`` [N] rows already known to be out of distribution, ``q``
        [N,5] conformal quantile per row (from :meth:`q_matrix`; pooled when omitted)."""
        N = len(X)
        Xi = self.prepare(X)
        r_rf, r_xgb = self.member_residuals(Xi)
        r = self.w_rf[None, :] * r_rf + self.w_xgb[None, :] * r_xgb
        if N:
            r = r + self.correction_residual(Xi)
        sig = self.sigma(Xi, np.abs(r_rf - r_xgb)) if N else np.zeros((0, len(TARGETS)))
        half = (self.q[None, :] if q is None else q) * sig
        if N and self.offsets is not None and not self.offsets.empty:
            # the family offsets; their posterior variance widens the interval
            a, b, var = self.offsets.apply_features(self.schema, X)
            r = r + a + b
            half = np.sqrt(half * half + Z95 * Z95 * var)
        props = from_residual(r, phys)
        lo = from_residual(r - half, phys)
        hi = from_residual(r + half, phys)
        if zero is not None and zero.any():
            z = zero & (phys == 0)
            props[z] = 0.0
            lo[z] = 0.0
            hi[z] = 0.0
        bad_phys = ~np.isfinite(phys)
        if bad_phys.any():  # no model can repair a non-finite physics estimate: leave it visible
            props[bad_phys] = phys[bad_phys]
            lo[bad_phys] = np.nan
            hi[bad_phys] = np.nan
        ood = self.ood.flag(Xi) if N else np.zeros(0, bool)
        if flagged is not None:
            ood = ood | flagged
        ood = ood | bad_phys.any(axis=1)
        return Prediction(props, lo, hi, ood, r_rf, r_xgb, r)

    # ---- explanations
    def contributions(self, X: np.ndarray, weighted: bool = False) -> np.ndarray:
        """[N, 5, F+1] exact TreeSHAP contributions to each target's residual (last column: the
        bias), for the imputed features. ``weighted=False``: the stage-1 XGBoost member alone, ungated
        (what it learnt: the stored importances); ``weighted=True``: its blend weight times its
        contributions (0 where it is gated) plus the feedback correction's (shrunk) contributions,
        i.e. the part of the prediction XGBoost explains exactly."""
        import xgboost as xgb  # noqa: PLC0415 - heavy, loaded only to explain a prediction

        Xi = self.prepare(X)
        dm = xgb.DMatrix(Xi)
        out = np.stack(
            [np.asarray(b.predict(dm, pred_contribs=True, validate_features=False)) for b in self.xgb], axis=1
        ).astype(float)
        if not weighted:
            return out
        out *= (self.w_xgb * ~np.asarray(self.gate_xgb, bool))[None, :, None]
        for k, b in enumerate(self.correction or ()):
            if b is not None and self.shrink[k] > 0:
                out[:, k, :] += self.shrink[k] * np.asarray(b.predict(dm, pred_contribs=True, validate_features=False))
        if self.offsets is not None and not self.offsets.empty:
            self._offset_contributions(X, out)
        return out

    def _offset_contributions(self, X: np.ndarray, out: np.ndarray) -> None:
        """Add the family offsets to ``out`` [N, 5, F+1]: the process offset on the row's process
        column, the family offset on its main material's column (the bias when a column is missing)."""
        a, b, _ = self.offsets.apply_features(self.schema, X) if self.offsets is not None else (None, None, None)
        if a is None or b is None:
            return
        cols = self.schema.columns
        pcols = [j for j, c in enumerate(cols) if c.startswith("proc:")]
        mcols = [j for j, c in enumerate(cols) if c.startswith("mat:")]
        Xn = np.nan_to_num(np.asarray(X, float))
        rows = np.arange(len(X))
        bias = len(cols)
        pj = np.array(pcols)[np.argmax(Xn[:, pcols], axis=1)] if pcols else np.full(len(X), bias)
        if pcols:
            pj = np.where(Xn[rows, pj] > 0.5, pj, bias)
        mj = np.array(mcols)[np.argmax(Xn[:, mcols], axis=1)] if mcols else np.full(len(X), bias)
        for k in range(len(TARGETS)):
            np.add.at(out[:, k, :], (rows, pj), a[:, k])
            np.add.at(out[:, k, :], (rows, mj), b[:, k])
