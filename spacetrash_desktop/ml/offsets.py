"""**Family offsets**: the model's small-data correction learnt from crew feedback.

The stage-2 correction (a shallow XGBoost, ``ml/train.py``) needs ``min_feedback_fit`` (20) measured
rows of a property before it corrects anything; a crew affords a few trials. Family offsets act from
the first report: per property, an additive offset in the model's residual space
(``ml/model.py: to_residual``: rigidity and tightness in index units, energy / water / crew time
as log ratios, i.e. relative) for

* each **process** the crew reported on (a machine that behaves unlike its datasheet moves every
  recipe of it), and
* each **family** = process + the recipe's main material (the largest share of its feed, regolith
  included; ``main_material``) within it (a waste stream more degraded than its catalog entry).

**Partial pooling (empirical Bayes, random effects).** Of each feedback row ``i`` the residual
``e_i`` left by stage 1 is modelled as ``a_process + b_family + noise``, the noise with variance
``v_i`` = (the model's own 95% half-width at that recipe / 1.96)^2 - the process scatter the
conformal interval was calibrated on - plus an assumed measurement uncertainty (``MEASUREMENT_SD``),
divided by the label's weight (a judged value counts half). ``a ~ N(0, tau_p^2)``,
``b ~ N(0, tau_f^2)``. From the families' precision-weighted means ``ybar_g`` (variance ``se_g^2``):

* the total variance ``T = tau_p^2 + tau_f^2`` by the method of moments, ``Q = sum ybar_g^2 /
  se_g^2``, ``T = (Q - G) / sum 1/se_g^2`` - and **0 unless Q exceeds the** ``SIGNIFICANCE``
  **(1%) quantile of its chi-square distribution under "no departure"**: reports that are the model
  plus noise give no offset at all;
* its split from the scatter of the family means within processes with two or more reported
  families (method of moments again), ``PROCESS_SHARE`` (1/2) when no process has two;
* then the exact posterior of the nested normal model: the process offset is the precision-weighted
  mean of its families' means shrunk towards 0, each family's offset its own deviation from that,
  shrunk by ``tau_f^2 / (tau_f^2 + se_g^2)``. A family with one noisy report moves little, with many
  it moves to its mean.

They are fitted on what stage 1 leaves, *before* the stage-2 correction, which then learns only what
they leave - except for a property whose stage-2 correction reaches globally, where they learn what
stage 2 leaves (``ml.train.fit_feedback_stages``). A process nobody reported on gets 0; a family
nobody reported on gets its process's offset (0 for an unreported process).

**Intervals.** The departure of a recipe from the model is itself uncertain: the offsets add their
posterior variance to the interval, ``half' = sqrt(half^2 + 1.96^2 var)``: for a reported family the
posterior variance of its total offset, for an unreported family of a reported process that of the
process offset + ``tau_f^2``, for an unreported process ``tau_p^2 + tau_f^2``. With no
departure found (``tau^2`` = 0 for every level) nothing changes; once departures are found, a family
with reports has a narrower interval than one without, and it narrows as its reports accumulate.

Plain numpy; stored in the bundle's ``metadata.json`` under ``offsets`` (``to_dict`` /
``from_dict``); a bundle without them loads with none.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from spacetrash_desktop.domain import PROPERTY_NAMES

LEVELS = ("process", "family")
# assumed standard uncertainty of one measurement, residual space (index units; log ratio for
# energy, water, crew time): docs/MEASURING.md's protocols give 0.01-0.05 index, meters and a clock
# a few per cent
MEASUREMENT_SD = np.array([0.02, 0.03, 0.03, 0.03, 0.03])
NOISE_SD_FLOOR = np.array([0.005, 0.005, 0.01, 0.01, 0.01])  # a row is never taken as more precise
SIGNIFICANCE = 0.01  # offsets only if the reports depart from the model at this level (chi-square test)
MIN_ROWS = 1  # usable rows a property needs for offsets
CV_FOLDS = 5  # the report's out-of-fold check (from CV_FOLDS rows)
# share of a family's departure its whole process shares when the reports cannot tell (no process
# with two reported families): an assumption, 1/2 (ml/suggest.py counts reports the same way)
PROCESS_SHARE = 0.5
Z95 = 1.959963984540054
FORMAT = 1


def main_material(schema, X: np.ndarray) -> np.ndarray:
    """The material with the largest share of each row's feed (regolith included); "" when the
    schema has no material column."""
    cols = [j for j, c in enumerate(schema.columns) if c.startswith("mat:")]
    if not cols:
        return np.full(len(X), "", object)
    names = np.array([schema.columns[j][4:] for j in cols], object)
    return names[np.argmax(np.nan_to_num(np.asarray(X, float)[:, cols]), axis=1)]


def process_of(schema, X: np.ndarray) -> np.ndarray:
    """The process of each row from its one-hot ``proc:`` columns ("" when none is set)."""
    cols = [j for j, c in enumerate(schema.columns) if c.startswith("proc:")]
    out = np.full(len(X), "", object)
    if not cols or not len(X):
        return out
    P = np.nan_to_num(np.asarray(X, float)[:, cols])
    names = np.array([schema.columns[j][5:] for j in cols], object)
    best = np.argmax(P, axis=1)
    hit = P[np.arange(len(X)), best] > 0.5
    out[hit] = names[best[hit]]
    return out


def family_keys(process: Sequence[str] | np.ndarray, material: Sequence[str] | np.ndarray) -> np.ndarray:
    return np.array([f"{p}|{m}" for p, m in zip(process, material, strict=True)], object)


def _chi2_quantile(df: int, p: float) -> float:
    """Upper ``p`` quantile of chi-square with ``df`` degrees of freedom (Wilson-Hilferty; exact
    enough for a gate: within 2% for df >= 1 at p = 0.01)."""
    if df == 1:
        z = _norm_upper(p / 2.0)
        return z * z
    z = _norm_upper(p)
    a = 2.0 / (9.0 * df)
    return df * (1.0 - a + z * math.sqrt(a)) ** 3


def _norm_upper(p: float) -> float:
    """z with P(Z > z) = p (bisection on erfc; p in (0, 0.5))."""
    lo, hi = 0.0, 10.0
    for _ in range(60):
        mid = 0.5 * (lo + hi)
        if 0.5 * math.erfc(mid / math.sqrt(2.0)) > p:
            lo = mid
        else:
            hi = mid
    return 0.5 * (lo + hi)


@dataclass
class LevelFit:
    """One level's offsets of one property."""

    tau2: float = 0.0
    q: float = 0.0  # the chi-square statistic of "no departure"
    groups: int = 0
    offsets: dict[str, tuple[float, float, float]] = field(default_factory=dict)  # key -> (offset, var, rows)


def _group_means(
    e: np.ndarray, v: np.ndarray, keys: np.ndarray
) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """(labels, precision-weighted mean, its variance, rows) of ``e`` per group."""
    labels = sorted(set(keys.tolist()))
    ybar, se2, rows = np.empty(len(labels)), np.empty(len(labels)), np.empty(len(labels))
    prec = 1.0 / v
    for g, lab in enumerate(labels):
        m = keys == lab
        ybar[g] = float((prec[m] * e[m]).sum() / prec[m].sum())
        se2[g] = float(1.0 / prec[m].sum())
        rows[g] = float(m.sum())
    return labels, ybar, se2, rows


def _variances(ybar: np.ndarray, se2: np.ndarray, fam_proc: list[str]) -> tuple[float, float, float, int]:
    """(tau^2 of the process level, of the family level, Q, families): the total departure variance
    of a family ``T`` by the method of moments on the family means, 0 unless the chi-square test of
    "no departure" rejects at SIGNIFICANCE; its split by the scatter of the family means within
    processes that have two or more families, PROCESS_SHARE when no process has."""
    G = len(ybar)
    Q = float((ybar * ybar / se2).sum())
    if not G or _chi2_quantile(G, SIGNIFICANCE) >= Q:
        return 0.0, 0.0, Q, G
    total = max(0.0, (Q - G) / float((1.0 / se2).sum()))
    procs = np.asarray(fam_proc, object)
    q_w, df, w_sum = 0.0, 0, 0.0
    for p in sorted(set(fam_proc)):
        m = procs == p
        if m.sum() < 2:
            continue
        w = 1.0 / se2[m]
        d = ybar[m] - float((w * ybar[m]).sum() / w.sum())
        q_w += float((d * d * w).sum())
        df += int(m.sum()) - 1
        w_sum += float(w.sum())
    if df == 0:
        fam = (1.0 - PROCESS_SHARE) * total
    else:
        fam = min(total, max(0.0, (q_w - df) / w_sum))
    return total - fam, fam, Q, G


def fit_property(e: np.ndarray, v: np.ndarray, process: np.ndarray, family: np.ndarray) -> dict[str, LevelFit]:
    """Both levels for one property (rows already filtered to usable ones): the nested normal model
    ``family mean = a_process + b_family + noise`` with the variances of :func:`_variances`, solved
    exactly. A family entry's variance is that of its *total* offset (process + family)."""
    fits = {"process": LevelFit(), "family": LevelFit()}
    if len(e) < MIN_ROWS:
        return fits
    labels, ybar, se2, rows = _group_means(e, v, family)
    fam_proc = [str(process[np.nonzero(family == lab)[0][0]]) for lab in labels]
    tp, tf, Q, G = _variances(ybar, se2, fam_proc)
    fits["process"] = LevelFit(tau2=tp, q=Q, groups=len(set(fam_proc)))
    fits["family"] = LevelFit(tau2=tf, q=Q, groups=G)
    if tp + tf <= 0:
        return fits
    procs = np.asarray(fam_proc, object)
    for p in sorted(set(fam_proc)):
        m = np.nonzero(procs == p)[0]
        wf = 1.0 / (tf + se2[m])  # a family mean about its process offset
        var_a = 1.0 / (1.0 / tp + wf.sum()) if tp > 0 else 0.0
        a = var_a * float((wf * ybar[m]).sum()) if tp > 0 else 0.0
        fits["process"].offsets[p] = (a, var_a, float(rows[m].sum()))
        for g in m:
            c = tf / (tf + se2[g]) if tf > 0 else 0.0  # the family's own share of its deviation
            b = c * (ybar[g] - a)
            var_total = (1.0 - c) ** 2 * var_a + (tf * se2[g] / (tf + se2[g]) if tf > 0 else 0.0)
            fits["family"].offsets[labels[g]] = (b, var_total, float(rows[g]))
    return fits


@dataclass
class FamilyOffsets:
    """Per property and level: the prior variance ``tau2`` and, per process / family with reports,
    the offset, its posterior variance and its rows (see the module doc)."""

    tau2: dict[str, list[float]] = field(default_factory=lambda: {lv: [0.0] * len(PROPERTY_NAMES) for lv in LEVELS})
    # level -> key -> [[offset, var, rows] per property]
    table: dict[str, dict[str, list[list[float]]]] = field(default_factory=lambda: {lv: {} for lv in LEVELS})

    @property
    def empty(self) -> bool:
        return not any(self.tau2[lv][k] > 0 for lv in LEVELS for k in range(len(PROPERTY_NAMES)))

    def used(self, k: int) -> bool:
        """Does property ``k`` have any offset (a level with a departure)?"""
        return any(self.tau2[lv][k] > 0 for lv in LEVELS)

    def processes(self, k: int) -> list[str]:
        """The processes property ``k``'s offsets were learnt on (their reach)."""
        if not self.used(k):
            return []
        return sorted(p for p, v in self.table["process"].items() if v[k][2] > 0)

    def apply(self, process: Sequence[str], material: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """([N,5] process offsets, [N,5] family offsets, [N,5] their posterior variance; the prior
        tau^2 of a level for a process / family without reports)."""
        K = len(PROPERTY_NAMES)
        N = len(process)
        a = np.zeros((N, K))
        b = np.zeros((N, K))
        var = np.zeros((N, K))
        if self.empty or N == 0:
            return a, b, var
        fam = family_keys(process, material)
        tp = np.asarray(self.tau2["process"], float)
        tf = np.asarray(self.tau2["family"], float)
        for i in range(N):
            pe = self.table["process"].get(str(process[i]))
            fe = self.table["family"].get(str(fam[i]))
            for k in range(K):
                if tp[k] + tf[k] <= 0:
                    continue
                if pe is not None and pe[k][2] > 0:
                    a[i, k], var_p = pe[k][0], pe[k][1]
                else:
                    var_p = tp[k]
                if fe is not None and fe[k][2] > 0:
                    b[i, k] = fe[k][0]
                    var[i, k] = fe[k][1]  # the variance of the family's total offset
                else:
                    var[i, k] = var_p + tf[k]
        return a, b, var

    def apply_features(self, schema, X: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """:meth:`apply` for feature rows (process from the ``proc:`` one-hot columns, main material
        from the ``mat:`` columns), evaluated once per distinct (process, material) pair."""
        K = len(PROPERTY_NAMES)
        N = len(X)
        if self.empty or N == 0:
            return np.zeros((N, K)), np.zeros((N, K)), np.zeros((N, K))
        pcols = [j for j, c in enumerate(schema.columns) if c.startswith("proc:")]
        mcols = [j for j, c in enumerate(schema.columns) if c.startswith("mat:")]
        Xf = np.asarray(X)
        if pcols:
            P = np.nan_to_num(Xf[:, pcols].astype(float))
            pidx = np.argmax(P, axis=1)
            pidx = np.where(P[np.arange(N), pidx] > 0.5, pidx, len(pcols))
        else:
            pidx = np.zeros(N, np.intp)
        midx = np.argmax(np.nan_to_num(Xf[:, mcols].astype(float)), axis=1) if mcols else np.zeros(N, np.intp)
        pnames = [schema.columns[j][5:] for j in pcols] + [""]
        mnames = [schema.columns[j][4:] for j in mcols] or [""]
        code = pidx.astype(np.int64) * (len(mnames) + 1) + midx
        uniq, inv = np.unique(code, return_inverse=True)
        up = [pnames[int(c) // (len(mnames) + 1)] for c in uniq]
        um = [mnames[int(c) % (len(mnames) + 1)] for c in uniq]
        a, b, var = self.apply(up, um)
        inv = inv.reshape(-1)
        return a[inv], b[inv], var[inv]

    def to_dict(self) -> dict:
        return {"format": FORMAT, "levels": list(LEVELS), "tau2": self.tau2, "table": self.table}

    @staticmethod
    def from_dict(d: Mapping | None) -> FamilyOffsets | None:
        """The offsets of a bundle's metadata (None when there are none); raises ValueError when
        malformed."""
        if not d:
            return None
        K = len(PROPERTY_NAMES)
        if d.get("format") != FORMAT or list(d.get("levels", [])) != list(LEVELS):
            raise ValueError("unknown family-offsets format")
        tau2 = {lv: [float(x) for x in d["tau2"][lv]] for lv in LEVELS}
        table: dict[str, dict[str, list[list[float]]]] = {lv: {} for lv in LEVELS}
        for lv in LEVELS:
            for key, rows in d["table"][lv].items():
                vals = [[float(x) for x in r] for r in rows]
                if len(vals) != K or any(len(r) != 3 for r in vals):
                    raise ValueError("family offsets do not match the properties")
                table[lv][str(key)] = vals
        if any(len(v) != K for v in tau2.values()):
            raise ValueError("family offsets do not match the properties")
        flat = [x for v in tau2.values() for x in v] + [
            x for t in table.values() for r in t.values() for e in r for x in e
        ]
        if not all(math.isfinite(x) for x in flat) or any(x < 0 for v in tau2.values() for x in v):
            raise ValueError("family offsets hold an invalid number")
        return FamilyOffsets(tau2, table)


def _predict_fits(fits: dict[str, LevelFit], proc: np.ndarray, fam: np.ndarray) -> np.ndarray:
    """Offsets of one property's fit for rows of ``proc`` / ``fam`` (0 where not reported)."""
    out = np.zeros(len(proc))
    for i, (p, f) in enumerate(zip(proc, fam, strict=True)):
        out[i] = fits["process"].offsets.get(str(p), (0.0, 0.0, 0.0))[0]
        out[i] += fits["family"].offsets.get(str(f), (0.0, 0.0, 0.0))[0]
    return out


def _cross_validate(e: np.ndarray, v: np.ndarray, proc: np.ndarray, fam: np.ndarray, w: np.ndarray) -> dict:
    """Out-of-fold check of the offsets: CV_FOLDS folds of the rows; the weighted mean |residual|
    left without offsets and with the offsets fitted on the other folds (residual units)."""
    n = len(e)
    if n < CV_FOLDS:
        return {}
    folds = np.random.default_rng(0xC5).permutation(n) % CV_FOLDS
    pred = np.zeros(n)
    for f in range(CV_FOLDS):
        trn, tst = folds != f, folds == f
        pred[tst] = _predict_fits(fit_property(e[trn], v[trn], proc[trn], fam[trn]), proc[tst], fam[tst])
    return {
        "folds": CV_FOLDS,
        "cv_mae_without_offsets": round(float((w * np.abs(e)).sum() / w.sum()), 6),
        "cv_mae_with_offsets": round(float((w * np.abs(e - pred)).sum() / w.sum()), 6),
    }


def fit_offsets(
    e: np.ndarray,
    noise_var: np.ndarray,
    process: Sequence[str] | np.ndarray,
    material: Sequence[str] | np.ndarray,
    weight: np.ndarray,
) -> tuple[FamilyOffsets, dict]:
    """Family offsets from feedback residuals.

    ``e`` [n,5]: each feedback row's residual over stage 1 (NaN where not reported); ``noise_var`` [n,5]: the variance of one trial's outcome about its
    expectation in residual space (the model's interval sd squared); ``weight`` [n,5]: the label
    weights (0: not a label). Returns (offsets, report by property)."""
    K = len(PROPERTY_NAMES)
    e = np.asarray(e, float).reshape(-1, K)
    w = np.nan_to_num(np.asarray(weight, float).reshape(-1, K))
    proc = np.asarray(process, object).astype(str)
    fam = family_keys(proc, np.asarray(material, object).astype(str))
    out = FamilyOffsets()
    report: dict = {}
    for k, name in enumerate(PROPERTY_NAMES):
        use = np.isfinite(e[:, k]) & (w[:, k] > 0) & np.isfinite(noise_var[:, k])
        n = int(use.sum())
        if n < MIN_ROWS:
            report[name] = {"rows": n, "used": False, "reason": "no usable rows"}
            continue
        sd = np.sqrt(np.maximum(noise_var[use, k], 0.0) + MEASUREMENT_SD[k] ** 2)
        v = np.maximum(sd, NOISE_SD_FLOOR[k]) ** 2 / w[use, k]
        fits = fit_property(e[use, k], v, proc[use], fam[use])
        for lv in LEVELS:
            out.tau2[lv][k] = fits[lv].tau2
            for key, (off, var, rows) in fits[lv].offsets.items():
                entry = out.table[lv].setdefault(key, [[0.0, 0.0, 0.0] for _ in range(K)])
                entry[k] = [off, var, rows]
        used = out.used(k)
        report[name] = {
            "rows": n,
            "used": used,
            "processes": out.processes(k),
            "tau2": {lv: round(fits[lv].tau2, 8) for lv in LEVELS},
            "chi2": {lv: round(fits[lv].q, 4) for lv in LEVELS},
            "groups": {lv: fits[lv].groups for lv in LEVELS},
            "largest_offset": round(
                max((abs(v[k][0]) for t in out.table.values() for v in t.values()), default=0.0), 6
            ),
        }
        report[name].update(_cross_validate(e[use, k], v, proc[use], fam[use], w[use, k]))
        if not used:
            report[name]["reason"] = "the reports do not depart from the model beyond their noise"
    return out, report
