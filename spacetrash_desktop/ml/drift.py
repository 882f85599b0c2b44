"""Drift between the training data and new rows (crew feedback), per feature.

Two measures, both recorded with every retraining run (``services/retrain.py``):

* **PSI** (population stability index) over fixed bins taken from the *training* feature: the
  deciles of the training values (bin edges de-duplicated, so a feature that is mostly 0 gets a bin
  of its own for the zeros), open at both ends so every new value falls in a bin. With ``p`` the
  share of training rows and ``q`` the share of new rows in a bin,
  ``PSI = sum((q - p) * ln(q / p))``; empty bins count as a share of ``PSI_EPS`` so the sum stays
  finite. Thresholds (the usual credit-scoring convention): **< 0.1 none, 0.1-0.25 moderate,
  > 0.25 major**.
* **KS**: the two-sample Kolmogorov-Smirnov statistic (largest gap between the two empirical
  distribution functions) and its p-value, from ``scipy.stats.ks_2samp``. ``ks_pvalue <
  KS_ALPHA`` marks the difference as significant.

A feature's ``flag`` is its PSI level ("none" / "moderate" / "major"); ``ks_significant`` is kept
beside it. The summary level is the worst flag over the features. Drift is information for the
trainer, not a gate: crew feedback is *expected* to concentrate on the recipes the crew makes (one
process, a few items), which is major drift on those features by construction; what decides a
promotion is the held-out comparison.

With fewer than ``MIN_ROWS`` new rows the figures say nothing (one row is "major drift" on almost
every feature by construction): every feature's flag is ``NOT_JUDGED`` ("not judged"), the summary
level is "not judged" and its text says there are not enough rows to judge drift. The PSI and KS
figures are still recorded, for reference.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence

import numpy as np

from spacetrash_desktop.common import round_or_none
from spacetrash_desktop.messages import msg

N_BINS = 10
PSI_EPS = 1e-4
PSI_MODERATE = 0.1
PSI_MAJOR = 0.25
KS_ALPHA = 0.01
MIN_ROWS = 20
LEVELS = ("none", "moderate", "major")
NOT_JUDGED = "not judged"  # the flag of every feature when there are too few new rows to judge drift


def psi_level(psi: float) -> str:
    """ "none" (< 0.1), "moderate" (0.1 - 0.25) or "major" (> 0.25)."""
    if not np.isfinite(psi) or psi < PSI_MODERATE:
        return "none"
    return "moderate" if psi <= PSI_MAJOR else "major"


def bin_edges(train: np.ndarray, n_bins: int = N_BINS) -> np.ndarray:
    """Interior bin edges from the training values' quantiles (unique, sorted). Bins are
    ``(-inf, e0], (e0, e1], ..., (e_last, inf)``."""
    x = np.asarray(train, float)
    x = x[np.isfinite(x)]
    if len(x) == 0:
        return np.zeros(0)
    qs = np.quantile(x, np.linspace(0, 1, n_bins + 1)[1:-1])
    edges = np.unique(qs)
    # a point mass at the minimum (e.g. a material share that is 0 in most recipes) gets its own bin
    lo = float(x.min())
    if (x == lo).mean() > 0 and (len(edges) == 0 or edges[0] > lo):
        edges = np.concatenate([[lo], edges])
    return edges


def _shares(x: np.ndarray, edges: np.ndarray) -> np.ndarray:
    idx = np.searchsorted(edges, x, side="left")  # value == edge goes into the bin that edge closes
    counts = np.bincount(idx, minlength=len(edges) + 1).astype(float)
    return counts / max(len(x), 1)


def psi(train: np.ndarray, new: np.ndarray, edges: np.ndarray | None = None) -> float:
    """Population stability index of ``new`` against ``train`` (bins from ``train``). NaN values
    are left out; NaN when either side has no value."""
    t = np.asarray(train, float)
    n = np.asarray(new, float)
    t, n = t[np.isfinite(t)], n[np.isfinite(n)]
    if len(t) == 0 or len(n) == 0:
        return float("nan")
    e = bin_edges(t) if edges is None else edges
    p = np.maximum(_shares(t, e), PSI_EPS)
    q = np.maximum(_shares(n, e), PSI_EPS)
    return float(np.sum((q - p) * np.log(q / p)))


def ks(train: np.ndarray, new: np.ndarray) -> tuple[float, float]:
    """(KS statistic, p-value) of the two samples (NaN values left out); (nan, nan) when either
    side is empty."""
    from scipy.stats import ks_2samp  # noqa: PLC0415 - scipy is heavy; only a retraining run needs it

    t = np.asarray(train, float)
    n = np.asarray(new, float)
    t, n = t[np.isfinite(t)], n[np.isfinite(n)]
    if len(t) == 0 or len(n) == 0:
        return float("nan"), float("nan")
    with warnings.catch_warnings():
        # scipy falls back from the exact to the asymptotic p-value with a RuntimeWarning on ties
        warnings.simplefilter("ignore", RuntimeWarning)
        res = ks_2samp(t, n)
    return float(res.statistic), float(res.pvalue)


def feature_drift(
    train_X: np.ndarray, new_X: np.ndarray, columns: Sequence[str], labels: dict[str, str] | None = None
) -> dict:
    """Per feature PSI, KS, KS p-value and flag, plus a summary.

    ``train_X`` [N,F] and ``new_X`` [M,F] in the same column order ``columns``. Returns
    ``{"features": {column: {psi, psi_level, ks, ks_pvalue, ks_significant, flag, train_mean,
    new_mean, label}}, "summary": {...}}`` where ``summary`` has ``level`` ("no drift" /
    "moderate" / "major"), counts per level, the most drifted features and the thresholds."""
    train_X = np.asarray(train_X, float)
    new_X = np.asarray(new_X, float)
    feats: dict[str, dict] = {}
    for j, col in enumerate(columns):
        t, n = train_X[:, j], new_X[:, j]
        value = psi(t, n)
        stat, p = ks(t, n)
        level = psi_level(value)
        judged = len(new_X) >= MIN_ROWS
        feats[col] = {
            "psi": round_or_none(value),
            "psi_level": level,
            "ks": round_or_none(stat),
            "ks_pvalue": round_or_none(p, 8),
            "ks_significant": bool(judged and np.isfinite(p) and p < KS_ALPHA),
            "flag": level if judged else NOT_JUDGED,
            "train_mean": round_or_none(_nanmean(t)),
            "new_mean": round_or_none(_nanmean(n)),
        }
        if labels and col in labels:
            feats[col]["label"] = labels[col]
    counts = {lv: sum(1 for f in feats.values() if f["flag"] == lv) for lv in LEVELS}
    worst = "major" if counts["major"] else "moderate" if counts["moderate"] else "none"
    top = sorted(((c, f["psi"]) for c, f in feats.items() if f["psi"] is not None), key=lambda x: -x[1])[:5]
    n_new = len(new_X)
    judged = n_new >= MIN_ROWS
    summary = {
        "level": ("no drift" if worst == "none" else worst) if judged else NOT_JUDGED,
        "features": len(feats),
        "by_level": counts,
        "ks_significant": sum(1 for f in feats.values() if f["ks_significant"]),
        "top": [{"feature": c, "psi": v, "label": (labels or {}).get(c, c)} for c, v in top],
        "train_rows": len(train_X),
        "new_rows": n_new,
        "thresholds": {
            "psi_moderate": PSI_MODERATE,
            "psi_major": PSI_MAJOR,
            "ks_alpha": KS_ALPHA,
            "bins": "training deciles (unique edges), open-ended",
        },
        "text": _summary_text(worst, counts, top, n_new, labels),
    }
    if n_new < MIN_ROWS:
        summary["note"] = _note(n_new)
    if 0 < n_new < MIN_ROWS:
        summary["text"] = _not_enough(n_new)
    return {"features": feats, "summary": summary}


def _note(n_new: int) -> str:
    return msg("only {n} new row(s): the drift figures are rough below {need} rows", n=n_new, need=MIN_ROWS)


def summary_in_language(summary: Mapping, labels: Mapping[str, str]) -> tuple[str, str]:
    """A recorded drift summary's text and note written again in the current language with
    ``labels`` (feature column -> label); ("", "") when the record lacks what that takes."""
    top, counts, n_new = summary.get("top"), summary.get("by_level"), summary.get("new_rows")
    if not isinstance(top, list) or not isinstance(counts, Mapping) or not isinstance(n_new, int):
        return "", ""
    pairs = [(str(t.get("feature")), t.get("psi")) for t in top if isinstance(t, Mapping)]
    names = {c: labels.get(c) or str(next((t.get("label") for t in top if t.get("feature") == c), c)) for c, _ in pairs}
    level = str(summary.get("level") or "")
    worst = "none" if level == "no drift" else level
    if level == NOT_JUDGED:
        worst = "major" if counts.get("major") else "moderate" if counts.get("moderate") else "none"
    text = _summary_text(worst, dict(counts), pairs, n_new, names)
    if 0 < n_new < MIN_ROWS:
        text = _not_enough(n_new)
    return text, (_note(n_new) if n_new < MIN_ROWS else "")


def _not_enough(n_new: int) -> str:
    if n_new != 1:
        return msg(
            "Not enough rows to judge drift: {n} new rows, at least {need} are needed. The figures below are "
            "for reference only.",
            n=n_new,
            need=MIN_ROWS,
        )
    return msg(
        "Not enough rows to judge drift: {n} new row, at least {need} are needed. The figures below are "
        "for reference only.",
        n=n_new,
        need=MIN_ROWS,
    )


def _summary_text(worst: str, counts: dict, top: list, n_new: int, labels: dict | None) -> str:
    if n_new == 0:
        return msg("No new rows to compare.")
    if worst == "none":
        return msg("The new rows look like the training data (no feature with PSI of 0.1 or more).")
    names = ", ".join((labels or {}).get(c, c) for c, v in top[:3] if v is not None and v >= PSI_MODERATE)
    return msg(
        "{major} feature(s) with major drift (PSI > {psi_major}) and {moderate} with "
        "moderate drift, mostly: {names}. Expected when the crew makes a few kinds of recipe; the "
        "held-out comparison decides whether the model improved.",
        major=counts["major"],
        psi_major=PSI_MAJOR,
        moderate=counts["moderate"],
        names=names,
    )


def _nanmean(x: np.ndarray) -> float:
    x = x[np.isfinite(x)]
    return float(x.mean()) if len(x) else float("nan")
